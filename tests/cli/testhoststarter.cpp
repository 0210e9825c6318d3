// Starting a scheduler host with the real punctualctl: a detached host on a temporary store that outlives its
// starter and says how it was started; one host per store however often it is started; a store the host cannot open
// reported with the host's own words; the default store through the systemd user unit where one runs (systemctl
// stood in by a script that starts the host as the unit would: no systemd user instance runs here).
#include "cli/punctualctlprocess.h"
#include "support/testsupport.h"

#include "configuredstore.h"
#include "control/controlclient.h"
#include "control/hostlaunch.h"
#include "control/instancelock.h"
#include "hoststarter.h"
#include "store/sqljobstore.h"
#include "time/isotime.h"
#include "time/zonerules.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <signal.h>
#include <unistd.h>

using namespace punctual;

class TestHostStarter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void detachedHostOutlivesItsStarter();
    void secondStartDoesNotStartASecondHost();
    void startsAtOnceMakeOneHost();
    void unstartableStoreReportsTheHostsError();
    void waitingGivesUpAfterTheTimeout();
    void bigLogIsKeptOnceAndStartedAfresh();
    void defaultStoreWithoutSystemdIsADetachedProcess();
    void defaultStoreGoesToTheUserUnitWhereSystemdRuns();
    void otherStoresNameThemselves();
    void startedByFromTheEnvironment();

private:
    /// waitForHost() run to its end on this thread's event loop.
    Result<qint64> waitFor(const StoreLocation &location, const HostStart &start, int timeoutMs = 20000);
    /// The host's "status".
    QJsonObject status(const StoreLocation &location);
    /// A stand-in for systemctl first on PATH, and the user instance's socket file: the unit "runs".
    void pretendSystemdRuns();
    QString systemctlCalls() const;
    static QByteArray procStatField(qint64 pid, int field);

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_path;
    QList<qint64> m_hosts; ///< pids to end in cleanup()
};

void TestHostStarter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Nothing of the user's: sockets, the log, the settings and the default store all in the temporary folder; no
    // systemd user instance (its socket would be in XDG_RUNTIME_DIR).
    for (const char *folder : {"runtime", "state", "config", "data", "bin"})
        QVERIFY(QDir(m_dir->path()).mkpath(folder));
    QFile::setPermissions(m_dir->filePath("runtime"), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                          | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", m_dir->filePath("runtime").toUtf8());
    qputenv("XDG_STATE_HOME", m_dir->filePath("state").toUtf8());
    qputenv("XDG_CONFIG_HOME", m_dir->filePath("config").toUtf8());
    qputenv("XDG_DATA_HOME", m_dir->filePath("data").toUtf8());
    // The test program has no punctualctl next to it: the built one is found on PATH.
    m_path = qgetenv("PATH");
    qputenv("PATH", QFileInfo(PUNCTUALCTL_PATH).absolutePath().toUtf8() + ':' + m_path);
    qunsetenv("PUNCTUAL_STARTED_BY");
}

void TestHostStarter::cleanup()
{
    for (qint64 pid : std::as_const(m_hosts)) {
        ::kill(static_cast<pid_t>(pid), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(pid), 0) != 0
                                     || procStatField(pid, 3) == "Z",
                                 15000);
    }
    m_hosts.clear();
    qputenv("PATH", m_path);
    m_dir.reset();
}

Result<qint64> TestHostStarter::waitFor(const StoreLocation &location, const HostStart &start, int timeoutMs)
{
    std::optional<Result<qint64>> answer;
    QObject context;
    waitForHost(location, start, timeoutMs, &context, [&answer](Result<qint64> pid) { answer = std::move(pid); });
    QElapsedTimer waited;
    waited.start();
    while (!answer && !waited.hasExpired(timeoutMs + 5000))
        QTest::qWait(20);
    if (!answer)
        return Error{ErrorCode::Io, "waitForHost never called back"};
    if (*answer)
        m_hosts.append(answer->value());
    return *answer;
}

QJsonObject TestHostStarter::status(const StoreLocation &location)
{
    ControlClient client;
    if (!client.connectToStore(location.resolvedPath()))
        return {};
    auto answer = client.call(control::Method::Status);
    return answer ? answer->toObject() : QJsonObject();
}

void TestHostStarter::pretendSystemdRuns()
{
    QFile socket(m_dir->filePath("runtime/systemd/private"));
    QVERIFY(QDir().mkpath(QFileInfo(socket).absolutePath()));
    QVERIFY(socket.open(QIODevice::WriteOnly));
    // What systemd does for `start` (ExecStart=punctualctl run, Environment=PUNCTUAL_STARTED_BY=unit), in a
    // session of its own; every call is written down.
    const char *scriptTemplate = R"(#!/bin/sh
echo "$*" >> "%1"
case "$*" in
    "--user show --property=LoadState --value punctual.service") echo loaded ;;
    "--user start punctual.service")
        PUNCTUAL_STARTED_BY=unit setsid "%2" run </dev/null >>"%3" 2>&1 &
        ;;
    *) exit 1 ;;
esac
)";
    const QString script = QString::fromUtf8(scriptTemplate)
                               .arg(m_dir->filePath("systemctl.log"), QStringLiteral(PUNCTUALCTL_PATH),
                                    m_dir->filePath("unit.log"));
    QFile systemctl(m_dir->filePath("bin/systemctl"));
    QVERIFY(systemctl.open(QIODevice::WriteOnly));
    systemctl.write(script.toUtf8());
    systemctl.close();
    QVERIFY(systemctl.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    qputenv("PATH", m_dir->filePath("bin").toUtf8() + ':' + qgetenv("PATH"));
}

QString TestHostStarter::systemctlCalls() const
{
    QFile log(m_dir->filePath("systemctl.log"));
    return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
}

QByteArray TestHostStarter::procStatField(qint64 pid, int field)
{
    // Fields after the command name, which is in parentheses and may hold spaces: 3 state, 4 ppid, 5 pgrp, 6 session.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2).split(' ').value(field - 3);
}

void TestHostStarter::detachedHostOutlivesItsStarter()
{
    const StoreLocation location = StoreLocation::fromPath(m_dir->filePath("jobs.db"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    auto started = startHost(location); // its QProcess is gone when it returns
    QVERIFY_OK(started);
    QCOMPARE(started->method, HostStartMethod::Detached);
    QVERIFY(started->pid > 0);
    QCOMPARE(hostStartMessage(started->method), QString("Started the Punctual scheduler (background process)"));

    auto pid = waitFor(location, started.value());
    QVERIFY_OK(pid);
    QCOMPARE(pid.value(), started->pid);
    // Not a child of this process, and in a session and process group of its own: a hang-up or Ctrl+C meant for
    // the starter (the window's terminal) does not reach it.
    QVERIFY(procStatField(pid.value(), 4).toLongLong() != QCoreApplication::applicationPid());
    QVERIFY(procStatField(pid.value(), 6) != procStatField(QCoreApplication::applicationPid(), 6));
    QVERIFY(procStatField(pid.value(), 5) != procStatField(QCoreApplication::applicationPid(), 5));

    const QJsonObject answer = status(location);
    QCOMPARE(answer.value("started_by").toString(), QString("detached"));
    auto startedAt = parseIso(answer.value("started_at").toString(), *ZoneRules::forZone("UTC"));
    QVERIFY_OK(startedAt);
    QVERIFY2(startedAt.value() >= before - 1000 && startedAt.value() <= QDateTime::currentMSecsSinceEpoch(),
             qPrintable(answer.value("started_at").toString()));
    QVERIFY(answer.value("started_at").toString().endsWith("+00:00"));
    QCOMPARE(answer.value("store").toString(), "SQLite " + m_dir->filePath("jobs.db"));

    // Its output goes to the log, which only the user may read.
    QCOMPARE(hostLogPath(), m_dir->filePath("state/punctual/host.log"));
    QFile log(hostLogPath());
    QCOMPARE(log.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                  | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    auto logText = [] {
        QFile file(hostLogPath());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    QVERIFY2(logText().contains("--db " + m_dir->filePath("jobs.db") + " run"), qPrintable(logText()));
    QTRY_VERIFY2_WITH_TIMEOUT(logText().contains("scheduler running on SQLite"), qPrintable(logText()), 5000);

    // Still answering a while after the starter has long forgotten it.
    QTest::qWait(300);
    QCOMPARE(status(location).value("pid").toInteger(), pid.value());
}

void TestHostStarter::secondStartDoesNotStartASecondHost()
{
    const StoreLocation location = StoreLocation::fromPath(m_dir->filePath("jobs.db"));
    auto first = startHost(location);
    QVERIFY_OK(first);
    auto pid = waitFor(location, first.value());
    QVERIFY_OK(pid);

    auto second = startHost(location);
    QVERIFY_OK(second);
    QCOMPARE(second->method, HostStartMethod::AlreadyRunning);
    QCOMPARE(second->pid, -1);
    auto again = waitFor(location, second.value());
    QVERIFY_OK(again);
    QCOMPARE(again.value(), pid.value());
}

void TestHostStarter::startsAtOnceMakeOneHost()
{
    // Two windows opening at once both find no host and both start one: the instance lock lets one win, the other
    // ends, and both waits are answered by the winner.
    const StoreLocation location = StoreLocation::fromPath(m_dir->filePath("jobs.db"));
    auto first = startHost(location);
    auto second = startHost(location);
    QVERIFY_OK(first);
    QVERIFY_OK(second);
    QCOMPARE(first->method, HostStartMethod::Detached);
    QCOMPARE(second->method, HostStartMethod::Detached);
    auto one = waitFor(location, first.value());
    auto other = waitFor(location, second.value());
    QVERIFY_OK(one);
    QVERIFY_OK(other);
    QCOMPARE(other.value(), one.value());
    const qint64 loser = one.value() == first->pid ? second->pid : first->pid;
    QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(loser), 0) != 0 || procStatField(loser, 3) == "Z", 10000);
    QFile log(hostLogPath());
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("already running"));
}

void TestHostStarter::unstartableStoreReportsTheHostsError()
{
    // A folder where the store should be: the host says so and ends; the wait ends with its words, long before
    // the time-out.
    const QString folder = m_dir->filePath("a folder");
    QVERIFY(QDir().mkpath(folder));
    const StoreLocation location = StoreLocation::fromPath(folder);
    auto started = startHost(location);
    QVERIFY_OK(started);
    QElapsedTimer waited;
    waited.start();
    auto pid = waitFor(location, started.value(), 20000);
    QVERIFY(!pid);
    QVERIFY2(waited.elapsed() < 10000, qPrintable(QString::number(waited.elapsed())));
    QCOMPARE(pid.error().code, ErrorCode::Io);
    QVERIFY2(pid.error().message.startsWith("the Punctual scheduler ended before it answered:\n"),
             qPrintable(pid.error().message));
    QVERIFY2(pid.error().message.contains(folder + " is a folder, not a Punctual job store"),
             qPrintable(pid.error().message));
}

void TestHostStarter::waitingGivesUpAfterTheTimeout()
{
    // Nothing was started and nothing holds the store: the wait ends with the time-out.
    const StoreLocation location = StoreLocation::fromPath(m_dir->filePath("jobs.db"));
    QElapsedTimer waited;
    waited.start();
    auto pid = waitFor(location, HostStart{HostStartMethod::UserUnit}, 500);
    QVERIFY(!pid);
    QVERIFY(waited.elapsed() >= 500);
    QCOMPARE(pid.error().message, QString("the Punctual scheduler did not answer within 0.5 s (see journalctl "
                                          "--user -u punctual.service)"));
}

void TestHostStarter::bigLogIsKeptOnceAndStartedAfresh()
{
    // Past 1 MiB the log becomes host.log.1 (replacing an older one) and the next start writes a new host.log; the
    // error of the start that follows still ends with that start's own lines.
    QVERIFY(QDir().mkpath(QFileInfo(hostLogPath()).absolutePath()));
    QFile big(hostLogPath());
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(1024 * 1024 + 1, 'x'));
    big.close();
    QFile older(hostLogPath() + ".1");
    QVERIFY(older.open(QIODevice::WriteOnly));
    older.write("older");
    older.close();

    const StoreLocation location = StoreLocation::fromPath(m_dir->path()); // a folder: the host ends at once
    auto started = startHost(location);
    QVERIFY_OK(started);
    QCOMPARE(started->logOffset, 0);
    auto pid = waitFor(location, started.value());
    QVERIFY(!pid);
    QVERIFY2(pid.error().message.contains("is a folder, not a Punctual job store"), qPrintable(pid.error().message));
    QVERIFY(!pid.error().message.contains("xxx"));
    QCOMPARE(QFileInfo(hostLogPath() + ".1").size(), 1024 * 1024 + 1);
    QVERIFY(QFileInfo(hostLogPath()).size() < 4096);
}

void TestHostStarter::defaultStoreWithoutSystemdIsADetachedProcess()
{
    // The store the settings choose (none: the default one), but no systemd user instance: a process without store
    // arguments, which opens that same store (its folder made on first use).
    const StoreLocation location;
    QCOMPARE(hostLaunchFor(location, configuredStoreLocation().value()).arguments, QStringList{"run"});
    auto started = startHost(location);
    QVERIFY_OK(started);
    QCOMPARE(started->method, HostStartMethod::Detached);
    QVERIFY_OK(waitFor(location, started.value()));
    QCOMPARE(status(location).value("store").toString(), "SQLite " + SqlJobStore::defaultSqlitePath());
    QVERIFY(SqlJobStore::defaultSqlitePath().startsWith(m_dir->filePath("data")));
}

void TestHostStarter::defaultStoreGoesToTheUserUnitWhereSystemdRuns()
{
    pretendSystemdRuns();
    QVERIFY(userunit::managerRuns());
    QVERIFY(userunit::installed());
    const StoreLocation location;
    auto started = startHost(location);
    QVERIFY_OK(started);
    QCOMPARE(started->method, HostStartMethod::UserUnit);
    QCOMPARE(hostStartMessage(started->method), QString("Started the Punctual scheduler (systemd user unit)"));
    QVERIFY_OK(waitFor(location, started.value()));
    QCOMPARE(status(location).value("started_by").toString(), QString("unit"));
    QVERIFY2(systemctlCalls().contains("--user start punctual.service\n"), qPrintable(systemctlCalls()));

    // Another store is not the unit's: it gets a process of its own, and systemctl is not asked to start anything.
    const StoreLocation other = StoreLocation::fromPath(m_dir->filePath("other.db"));
    const QString before = systemctlCalls();
    auto otherStarted = startHost(other);
    QVERIFY_OK(otherStarted);
    QCOMPARE(otherStarted->method, HostStartMethod::Detached);
    QVERIFY_OK(waitFor(other, otherStarted.value()));
    QCOMPARE(systemctlCalls().count("start"), before.count("start"));
}

void TestHostStarter::otherStoresNameThemselves()
{
    // A process for a store other than the configured one names it, absolutely; a PostgreSQL store with this
    // instance's id and lease, so that the host listens where the window looks.
    QCOMPARE(storeArguments(StoreLocation::fromPath(m_dir->filePath("x/../jobs.db"))),
             (QStringList{"--db", m_dir->filePath("jobs.db")}));
    auto pg = StoreLocation::fromUrl("postgresql://me@db.example:5433/jobs?instance=laptop&lease=45");
    QVERIFY_OK(pg);
    QCOMPARE(storeArguments(pg.value()),
             (QStringList{"--store", "postgresql://me@db.example:5433/jobs?instance=laptop&lease=45"}));
    auto back = StoreLocation::fromUrl(storeArguments(pg.value()).at(1));
    QVERIFY_OK(back);
    QCOMPARE(back->resolvedPath(), pg->resolvedPath());
    QVERIFY(sameStore(back.value(), pg.value()));
    QVERIFY(!sameStore(pg.value(), StoreLocation{}));
    // The configured store unknown (an unreadable settings file): the process is told the store.
    QCOMPARE(hostLaunchFor(StoreLocation{}, std::nullopt).arguments,
             (QStringList{"--db", SqlJobStore::defaultSqlitePath(), "run"}));
    // A symbolic link to the configured store's folder is the configured store.
    QVERIFY(QDir().mkpath(m_dir->filePath("data/punctual")));
    QVERIFY(QFile::link(m_dir->filePath("data"), m_dir->filePath("link")));
    QVERIFY(sameStore(StoreLocation::fromPath(m_dir->filePath("link/punctual/jobs.db")),
                      StoreLocation::fromPath(m_dir->filePath("data/punctual/jobs.db"))));
}

void TestHostStarter::startedByFromTheEnvironment()
{
    // punctualctl run by hand is "terminal"; a value it does not know is said and counts as "terminal".
    const QString db = m_dir->filePath("jobs.db");
    for (const QByteArray &value : {QByteArray(), QByteArray("window"), QByteArray("nonsense")}) {
        QProcess host;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!value.isEmpty())
            environment.insert("PUNCTUAL_STARTED_BY", QString::fromUtf8(value));
        host.setProcessEnvironment(environment);
        host.start(PUNCTUALCTL_PATH, {"--db", db, "run"});
        QVERIFY(host.waitForStarted());
        const StoreLocation location = StoreLocation::fromPath(db);
        auto pid = waitFor(location, HostStart{HostStartMethod::Detached, host.processId()});
        m_hosts.removeAll(host.processId());
        QVERIFY_OK(pid);
        const QString expected = value == "window" ? "window" : "terminal";
        QCOMPARE(status(location).value("started_by").toString(), expected);
        host.terminate();
        QVERIFY(host.waitForFinished(15000));
        const QString err = QString::fromUtf8(host.readAllStandardError());
        QCOMPARE(err.contains("PUNCTUAL_STARTED_BY=nonsense is not one of unit, detached, window, terminal: taken "
                              "as terminal"),
                 value == "nonsense");
    }
}

QTEST_GUILESS_MAIN(TestHostStarter)
#include "testhoststarter.moc"
