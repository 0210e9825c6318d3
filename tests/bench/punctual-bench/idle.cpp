// idle: N jobs an hour away; after a 1 s settle, CPU and voluntary context switches of the whole process in 10 s.
// The window is timed by a thread of its own, so the scheduler's thread waits in its event loop with nothing of the
// benchmark to wake it: the `_scheduler` figures leave the timing thread out, and are 0 when the scheduler never woke.
#include "scenarios.h"

#include "time/clock.h"

#include <QEventLoop>
#include <QHash>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <ctime>
#include <thread>
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
    long long cpuNs = 0; ///< schedstat's first field: time on the CPU, exact
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
        std::snprintf(path, sizeof path, "/proc/self/task/%s/schedstat", entry->d_name);
        if (const int statFd = ::open(path, O_RDONLY | O_CLOEXEC); statFd >= 0) {
            const ssize_t statSize = ::read(statFd, buffer, sizeof buffer - 1);
            ::close(statFd);
            if (statSize > 0) {
                buffer[statSize] = '\0';
                s.cpuNs = std::strtoll(buffer, nullptr, 10);
            }
        }
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
    // The settle and the window, timed on a thread of its own: the scheduler's (main) thread waits in its event
    // loop all along (the settle makes sure it is in it when the window begins), woken by nothing of ours until
    // the figures are read; then the timing thread ends the loop.
    struct Window
    {
        rusage ru0{}, ru1{};
        double exact0 = 0, exact1 = 0, wall = 0;
        QHash<QString, Switches> px0, px1;
        QString timingThread;
    } w;
    QEventLoop loop;
    std::thread timing([&w, &loop] {
        w.timingThread = QString::number(::syscall(SYS_gettid));
        std::this_thread::sleep_for(std::chrono::duration<double>(idleSettleS));
        ::getrusage(RUSAGE_SELF, &w.ru0);
        w.exact0 = processCpuSeconds();
        w.px0 = perThreadSwitches();
        const double t0 = monotonicSeconds();
        std::this_thread::sleep_for(std::chrono::duration<double>(idleWindowS));
        w.wall = monotonicSeconds() - t0;
        w.exact1 = processCpuSeconds();
        ::getrusage(RUSAGE_SELF, &w.ru1);
        w.px1 = perThreadSwitches();
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    loop.exec();
    timing.join();
    const rusage &ru0 = w.ru0;
    const rusage &ru1 = w.ru1;
    const double rss = rssMb();
    const int threads = threadCount();
    shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);

    long long voluntaryProc = 0;
    long long involuntaryProc = 0;
    long long voluntaryScheduler = 0;
    long long involuntaryScheduler = 0;
    long long cpuNsScheduler = 0;
    for (auto it = w.px1.cbegin(); it != w.px1.cend(); ++it) {
        const Switches before = w.px0.value(it.key());
        voluntaryProc += it->voluntary - before.voluntary;
        involuntaryProc += it->involuntary - before.involuntary;
        if (it.key() == w.timingThread)
            continue;
        voluntaryScheduler += it->voluntary - before.voluntary;
        involuntaryScheduler += it->involuntary - before.involuntary;
        cpuNsScheduler += it->cpuNs - before.cpuNs;
    }
    Figures figures;
    figures.number("cpu_seconds", cpuSeconds(ru1) - cpuSeconds(ru0));
    // Extra: the scheduler's exact run time (CLOCK_PROCESS_CPUTIME_ID). getrusage's user/system split comes from
    // tick samples that the kernel scales to the exact total, so over a short window it can be off by ticks.
    figures.number("cpu_seconds_exact", w.exact1 - w.exact0);
    figures.integer("voluntary_context_switches", ru1.ru_nvcsw - ru0.ru_nvcsw);
    figures.integer("involuntary_context_switches", ru1.ru_nivcsw - ru0.ru_nivcsw);
    figures.integer("voluntary_context_switches_proc", voluntaryProc);
    figures.integer("involuntary_context_switches_proc", involuntaryProc);
    // Extra: every thread but the one timing the window (its own single sleep is the 1 above): 0 when the
    // scheduler's threads never woke. The host measured from outside: `host-idle`.
    figures.integer("voluntary_context_switches_scheduler", voluntaryScheduler);
    figures.integer("involuntary_context_switches_scheduler", involuntaryScheduler);
    figures.number("cpu_seconds_scheduler", double(cpuNsScheduler) / 1e9, 9);
    figures.number("rss_mb", rss, 1);
    figures.integer("threads", threads);
    // Extra: page faults in the window (a wake-up that touches memory the kernel moved meanwhile pays for it).
    figures.integer("minor_faults", ru1.ru_minflt - ru0.ru_minflt);
    figures.integer("major_faults", ru1.ru_majflt - ru0.ru_majflt);
    figures.number("window_seconds", w.wall, 3);
    return figures;
}

} // namespace bench
