// host-idle: the real host (`punctualctl run`) on a SQLite file of N jobs an hour away, measured from outside:
// after it is up and a 1 s settle, the context switches and CPU time of all its threads in a 10 s window.
// Unlike `idle`, nothing of the measurement runs in the measured process, so 0 switches means it never woke.
#include "scenarios.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <thread>

namespace bench {

namespace {

struct ThreadTimes
{
    QString name;
    long long voluntary = 0;
    long long involuntary = 0;
    long long cpuNs = 0; ///< /proc/PID/task/TID/schedstat's first field: time on the CPU, exact
};

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

long long statusField(const QByteArray &status, const char *key)
{
    const qsizetype at = status.indexOf(key);
    if (at < 0)
        return 0;
    const qsizetype start = at + qsizetype(qstrlen(key));
    // "  12 kB" for sizes: the number alone
    return status.mid(start, status.indexOf('\n', start) - start).trimmed().split(' ').first().toLongLong();
}

/// tid -> its switches and CPU time, for every live thread of @p pid.
QHash<QString, ThreadTimes> threadTimes(qint64 pid)
{
    QHash<QString, ThreadTimes> out;
    const QString folder = QStringLiteral("/proc/%1/task").arg(pid);
    for (const QString &tid : QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QByteArray status = readProcFile(folder + QLatin1Char('/') + tid + QStringLiteral("/status"));
        const QByteArray schedstat = readProcFile(folder + QLatin1Char('/') + tid + QStringLiteral("/schedstat"));
        if (status.isEmpty())
            continue; // ended meanwhile
        ThreadTimes times;
        times.name = QString::fromUtf8(status.mid(5, status.indexOf('\n') - 5).trimmed()); // "Name:\t…"
        times.voluntary = statusField(status, "\nvoluntary_ctxt_switches:");
        times.involuntary = statusField(status, "\nnonvoluntary_ctxt_switches:");
        times.cpuNs = schedstat.left(schedstat.indexOf(' ')).toLongLong();
        out.insert(tid, times);
    }
    return out;
}

double processRssMb(qint64 pid)
{
    const QByteArray status = readProcFile(QStringLiteral("/proc/%1/status").arg(pid));
    return double(statusField(status, "\nVmRSS:")) / 1024.0;
}

} // namespace

Figures scenarioHostIdle(const Options &options)
{
    const QString punctualctl = QStringLiteral(PUNCTUALCTL_PATH);
    if (!QFile::exists(punctualctl))
        die(QStringLiteral("%1 is missing: build the punctualctl target first").arg(punctualctl));
    prefillSqlite(options.dbPath, options.jobs);

    // Nothing of the user's: settings, state (the host's log), the runtime folder of its socket and lock.
    QTemporaryDir home;
    if (!home.isValid())
        die(QStringLiteral("no temporary folder: %1").arg(home.errorString()));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path()); // QTemporaryDir is 0700, as it must be
    environment.insert(QStringLiteral("PUNCTUAL_DESKTOP_STATE"), QStringLiteral("manual"));
    environment.insert(QStringLiteral("PUNCTUAL_DESKTOP_NOTIFICATIONS"), QStringLiteral("0"));
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    environment.remove(QStringLiteral("NOTIFY_SOCKET")); // no sd_notify() to a service manager of ours

    QProcess host;
    host.setProcessEnvironment(environment);
    host.start(punctualctl, {QStringLiteral("--db"), options.dbPath, QStringLiteral("run")});
    if (!host.waitForStarted())
        die(QStringLiteral("punctualctl did not start: %1").arg(host.errorString()));
    const qint64 pid = host.processId();
    QByteArray hostLog;
    const double readyBy = monotonicSeconds() + 60.0;
    while (!hostLog.contains("scheduler running on")) {
        if (host.state() != QProcess::Running || monotonicSeconds() > readyBy)
            die(QStringLiteral("the host did not come up; its log:\n%1").arg(QString::fromUtf8(hostLog)));
        host.waitForReadyRead(200);
        hostLog += host.readAllStandardError();
    }
    // The host's stderr stays unread until the end: it writes nothing while idle, and this process must not wake
    // on it either way (its pipe holds 64 KiB).
    std::this_thread::sleep_for(std::chrono::duration<double>(idleSettleS));

    const auto before = threadTimes(pid);
    const double t0 = monotonicSeconds();
    std::this_thread::sleep_for(std::chrono::duration<double>(idleWindowS));
    const auto after = threadTimes(pid);
    const double wall = monotonicSeconds() - t0;
    const double rss = processRssMb(pid);

    long long voluntary = 0;
    long long involuntary = 0;
    long long cpuNs = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const ThreadTimes was = before.value(it.key()); // a thread started in the window counts from 0
        const long long v = it->voluntary - was.voluntary;
        const long long n = it->involuntary - was.involuntary;
        voluntary += v;
        involuntary += n;
        cpuNs += it->cpuNs - was.cpuNs;
        if (v != 0 || n != 0) // who woke: for strace or perf to look at next
            log("thread %s (%s): %lld voluntary, %lld involuntary switches, %.3f ms CPU", qPrintable(it.key()),
                qPrintable(it->name), v, n, double(it->cpuNs - was.cpuNs) / 1e6);
    }

    host.terminate();
    if (!host.waitForFinished(15000)) {
        host.kill();
        host.waitForFinished();
    }
    hostLog += host.readAllStandardError();
    if (host.exitStatus() != QProcess::NormalExit || host.exitCode() != 0)
        log("the host ended with code %d; its log:\n%s", host.exitCode(), hostLog.constData());

    Figures figures;
    figures.integer("voluntary_context_switches", voluntary);
    figures.integer("involuntary_context_switches", involuntary);
    figures.number("cpu_seconds", double(cpuNs) / 1e9, 9);
    figures.integer("threads", after.size());
    figures.number("rss_mb", rss, 1);
    figures.number("window_seconds", wall, 3);
    return figures;
}

} // namespace bench
