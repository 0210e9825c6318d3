// host-memory (not in apscheduler_bench.py; issue 19 item 1): a real scheduler host, `punctualctl --db FILE run`,
// started on a pre-filled SQLite store of N interval-1h no-op jobs (not timed). armed_seconds: from starting the
// process to its "scheduler running on" line, which it writes once start() has returned (the wake timer armed);
// answers_seconds: to the end of a `punctualctl --db FILE status` started then, i.e. the host answering on its
// control socket plus that client's own start (punctual-bench itself links no QtNetwork, so it does not speak to
// the socket). After a 2 s settle: its resident memory
// and threads, from /proc. Then SIGTERM, as a service manager stops it.
//
// The host runs isolated: its own runtime (socket), config and state folders in a temporary folder, the desktop
// state set by hand and no desktop notices (as the test suites run it).
#include "scenarios.h"


#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>

namespace bench {

namespace {

constexpr double readyTimeoutS = 600.0;
constexpr double settleS = 2.0;

QString punctualctlPath()
{
    const QString given = qEnvironmentVariable("PUNCTUALCTL");
    if (!given.isEmpty())
        return given;
#ifdef PUNCTUALCTL_PATH
    return QStringLiteral(PUNCTUALCTL_PATH);
#else
    return {};
#endif
}

/// A "Key:   123 kB" line of /proc/PID/status, or NaN.
double statusField(qint64 pid, const QByteArray &key)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return std::nan("");
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key + ':'))
            return line.mid(key.size() + 1).trimmed().split(' ').first().toDouble();
    }
    return std::nan("");
}

} // namespace

Figures scenarioHostMemory(const Options &options)
{
    const QString program = punctualctlPath();
    if (program.isEmpty() || !QFileInfo(program).isExecutable())
        die(QStringLiteral("punctualctl not found at \"%1\" (build the punctualctl target, or set PUNCTUALCTL)")
                .arg(program));
    const bool reused = prefillOrReuse(options);

    QTemporaryDir home;
    if (!home.isValid())
        die(QStringLiteral("no temporary folder"));
    const QString runtime = home.filePath(QStringLiteral("runtime"));
    if (!QDir().mkpath(runtime)
        || !QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        die(QStringLiteral("cannot make %1").arg(runtime));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("PUNCTUAL_DESKTOP_STATE"), QStringLiteral("manual"));
    environment.insert(QStringLiteral("PUNCTUAL_DESKTOP_NOTIFICATIONS"), QStringLiteral("0"));
    environment.remove(QStringLiteral("NOTIFY_SOCKET"));

    QProcess host;
    host.setProcessEnvironment(environment);
    host.setProgram(program);
    host.setArguments({QStringLiteral("--db"), options.dbPath, QStringLiteral("run")});
    host.setStandardOutputFile(QProcess::nullDevice());
    QString hostLog;
    const double t0 = monotonicSeconds();
    host.start();
    if (!host.waitForStarted(30000))
        die(QStringLiteral("punctualctl did not start: %1").arg(host.errorString()));
    const qint64 pid = host.processId();
    std::optional<double> armed;
    while (!armed && monotonicSeconds() - t0 < readyTimeoutS && host.state() == QProcess::Running) {
        host.waitForReadyRead(50);
        hostLog += QString::fromUtf8(host.readAllStandardError());
        if (hostLog.contains(QLatin1String("scheduler running on")))
            armed = monotonicSeconds() - t0;
    }
    if (!armed) {
        host.kill();
        host.waitForFinished();
        die(QStringLiteral("the host did not report scheduling within %1 s:\n%2").arg(readyTimeoutS).arg(hostLog));
    }
    std::optional<double> answers;
    {
        QProcess client;
        client.setProcessEnvironment(environment);
        client.start(program, {QStringLiteral("--db"), options.dbPath, QStringLiteral("status")});
        if (!client.waitForFinished(60000) || client.exitStatus() != QProcess::NormalExit || client.exitCode() != 0)
            log("WARNING: punctualctl status got no answer: %s", client.readAllStandardError().constData());
        else
            answers = monotonicSeconds() - t0;
    }

    const double settleUntil = monotonicSeconds() + settleS;
    while (monotonicSeconds() < settleUntil) {
        host.waitForReadyRead(static_cast<int>(std::max(1.0, (settleUntil - monotonicSeconds()) * 1000.0)));
        hostLog += QString::fromUtf8(host.readAllStandardError());
    }
    const double rssKb = statusField(pid, "VmRSS");
    const double peakKb = statusField(pid, "VmHWM");
    const double threads = statusField(pid, "Threads");

    const double s0 = monotonicSeconds();
    host.terminate();
    const bool stopped = host.waitForFinished(60000);
    const double stopSeconds = monotonicSeconds() - s0;
    hostLog += QString::fromUtf8(host.readAllStandardError());
    if (!stopped) {
        host.kill();
        host.waitForFinished();
    }
    const bool clean = stopped && host.exitStatus() == QProcess::NormalExit && host.exitCode() == 0;
    if (!clean || qEnvironmentVariableIsSet("PUNCTUAL_BENCH_VERBOSE"))
        log("host log:\n%s", qPrintable(hostLog));
    if (!clean)
        log("WARNING: the host did not stop cleanly (exit code %d)", host.exitCode());

    Figures figures;
    figures.number("armed_seconds", *armed);
    figures.number("answers_seconds", answers);
    figures.number("rss_mb", rssKb / 1024.0, 1);
    figures.number("peak_rss_mb", peakKb / 1024.0, 1);
    figures.integer("threads", std::isnan(threads) ? -1 : static_cast<long long>(threads));
    figures.number("stop_seconds", stopSeconds, 3);
    figures.boolean("stopped_cleanly", clean);
    figures.boolean("db_reused", reused);
    return figures;
}

} // namespace bench
