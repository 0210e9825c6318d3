// idle: N jobs an hour away; after a 1 s settle, CPU and voluntary context switches of the whole process in 10 s.
#include "scenarios.h"

#include "time/clock.h"

#include <QHash>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <ctime>
#include <unistd.h>

namespace bench {

namespace {

double processCpuSeconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}


struct Switches
{
    long long voluntary = 0;
    long long involuntary = 0;
};

/// tid -> (voluntary, involuntary) of every live thread, from /proc/self/task/*/status. Plain POSIX reads: this
/// runs inside the measured window (as in apscheduler_bench.py), so it should cost as little as it can.
QHash<QString, Switches> perThreadSwitches()
{
    QHash<QString, Switches> out;
    DIR *tasks = ::opendir("/proc/self/task");
    if (!tasks)
        return out;
    while (const dirent *entry = ::readdir(tasks)) {
        if (entry->d_name[0] == '.')
            continue;
        char path[320];
        std::snprintf(path, sizeof path, "/proc/self/task/%s/status", entry->d_name);
        const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        char buffer[4096];
        const ssize_t size = ::read(fd, buffer, sizeof buffer - 1);
        ::close(fd);
        if (size <= 0)
            continue;
        buffer[size] = '\0';
        Switches s;
        if (const char *v = std::strstr(buffer, "\nvoluntary_ctxt_switches:"))
            s.voluntary = std::strtoll(v + 25, nullptr, 10);
        if (const char *n = std::strstr(buffer, "\nnonvoluntary_ctxt_switches:"))
            s.involuntary = std::strtoll(n + 28, nullptr, 10);
        out.insert(QString::fromLatin1(entry->d_name), s);
    }
    ::closedir(tasks);
    return out;
}

double cpuSeconds(const rusage &usage)
{
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

} // namespace

Figures scenarioIdle(const Options &options)
{
    const int n = options.jobs;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<Scheduler> scheduler;
    if (options.store == QLatin1String("sqlite")) {
        prefillSqlite(options.dbPath, n);
        store = openSqlite(options.dbPath);
        scheduler = makeScheduler(*store);
        if (auto started = scheduler->start(); !started)
            die(started.error().message);
    } else {
        store = openStore(options.store, options.dbPath, true);
        scheduler = makeScheduler(*store);
        if (auto started = scheduler->start(true); !started)
            die(started.error().message);
        const std::int64_t now = punctual::SystemClock::instance().nowMs();
        for (int i = 0; i < n; ++i)
            addOrDie(*scheduler, noopIntervalJob(i, now));
        scheduler->resume();
    }
    runEventLoop(idleSettleS);

    rusage ru0{};
    ::getrusage(RUSAGE_SELF, &ru0);
    const double exact0 = processCpuSeconds();
    const auto px0 = perThreadSwitches();
    const double t0 = monotonicSeconds();
    // The main thread (which is also the scheduler's) sleeps in its event loop: one wake-up, at the end.
    runEventLoop(idleWindowS);
    const double wall = monotonicSeconds() - t0;
    const double exact1 = processCpuSeconds();
    rusage ru1{};
    ::getrusage(RUSAGE_SELF, &ru1);
    const auto px1 = perThreadSwitches();
    const double rss = rssMb();
    const int threads = threadCount();
    shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);

    long long voluntaryProc = 0;
    long long involuntaryProc = 0;
    for (auto it = px1.cbegin(); it != px1.cend(); ++it) {
        const Switches before = px0.value(it.key());
        voluntaryProc += it->voluntary - before.voluntary;
        involuntaryProc += it->involuntary - before.involuntary;
    }
    Figures figures;
    figures.number("cpu_seconds", cpuSeconds(ru1) - cpuSeconds(ru0));
    // Extra: the scheduler's exact run time (CLOCK_PROCESS_CPUTIME_ID). getrusage's user/system split comes from
    // tick samples that the kernel scales to the exact total, so over a short window it can be off by ticks.
    figures.number("cpu_seconds_exact", exact1 - exact0);
    figures.integer("voluntary_context_switches", ru1.ru_nvcsw - ru0.ru_nvcsw);
    figures.integer("involuntary_context_switches", ru1.ru_nivcsw - ru0.ru_nivcsw);
    figures.integer("voluntary_context_switches_proc", voluntaryProc);
    figures.integer("involuntary_context_switches_proc", involuntaryProc);
    figures.number("rss_mb", rss, 1);
    figures.integer("threads", threads);
    // Extra: page faults in the window (a wake-up that touches memory the kernel moved meanwhile pays for it).
    figures.integer("minor_faults", ru1.ru_minflt - ru0.ru_minflt);
    figures.integer("major_faults", ru1.ru_majflt - ru0.ru_majflt);
    figures.number("window_seconds", wall, 3);
    return figures;
}

} // namespace bench
