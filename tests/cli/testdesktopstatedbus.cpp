// DBusDesktopState and conditions that wait against python3-dbusmock's UPower, logind and NetworkManager on a
// private system bus this suite starts (DBUS_SYSTEM_BUS_ADDRESS points at it before anything uses the system bus;
// the machine's own system bus is never touched). The scheduler runs on a fake clock with real executors.
#include "dbusdesktopstate.h"
#include "punctualctlprocess.h"
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t minute = 60'000;
const QString mockInterface = QStringLiteral("org.freedesktop.DBus.Mock");
const QString upower = QStringLiteral("org.freedesktop.UPower");
const QString upowerPath = QStringLiteral("/org/freedesktop/UPower");
const QString logind = QStringLiteral("org.freedesktop.login1");
const QString logindPath = QStringLiteral("/org/freedesktop/login1");
const QString sessionPath = QStringLiteral("/org/freedesktop/login1/session/c1");
const QString nm = QStringLiteral("org.freedesktop.NetworkManager");
const QString nmPath = QStringLiteral("/org/freedesktop/NetworkManager");
constexpr uint nmDisconnected = 20;
constexpr uint nmConnectedGlobal = 70;

QString dbusmockPython()
{
    for (const QString &python : {QStringLiteral("/usr/bin/python3"), QStandardPaths::findExecutable("python3")}) {
        if (!python.isEmpty() && QProcess::execute(python, {"-c", "import dbusmock"}) == 0)
            return python;
    }
    return {};
}

} // namespace

class TestDesktopStateDBus : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void readsInitialValuesAndFollowsSignals();
    void jobWaitingForACPowerStartsWithin5sOfOnBatteryFalse();
    void waitingRunEndsConditionTimeoutAtItsDeadline();
    void stopIfLostStopsACommandWhenOnBatteryTurnsTrue();
    void idleJobStartsTheIdleTimeAfterIdleBegins();
    void missingServicesMeanNothingWaitsAndAreSaidOnce();
    void hostReadsTheSystemBusAndListShowsWaiting();
    void afterResumeJobRunsAfterAMockedResume();

private:
    QDBusMessage call(const QString &service, const QString &path, const QString &interface, const QString &method,
                      const QVariantList &args = {});
    void setProperty(const QString &service, const QString &path, const QString &interface, const QString &name,
                     const QVariant &value);
    void setOnBattery(bool onBattery);
    void setIdle(bool idle, std::int64_t sinceMs);
    void startMock(const QString &templateName, const QString &service);
    QList<RunRecord> runsOf(const QString &jobId, RunOutcome outcome);

    QString m_python;
    QString m_address;
    qint64 m_busPid = 0;
    QList<QProcess *> m_mocks;
    std::unique_ptr<DBusDesktopState> m_desktop;
};

void TestDesktopStateDBus::initTestCase()
{
    m_python = dbusmockPython();
    if (m_python.isEmpty())
        QSKIP("needs python3-dbusmock (scripts/install-deps installs it)");
    if (QStandardPaths::findExecutable("dbus-daemon").isEmpty())
        QSKIP("needs dbus-daemon (Debian: dbus-daemon)");
    // A private bus standing in for the system bus (a session-style configuration: no policy to install).
    QProcess daemon;
    daemon.start("dbus-daemon", {"--session", "--fork", "--print-address=1", "--print-pid=1"});
    QVERIFY(daemon.waitForFinished(10'000));
    const QStringList lines = QString::fromUtf8(daemon.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    m_address = lines[0].trimmed();
    m_busPid = lines[1].trimmed().toLongLong();
    QVERIFY(m_busPid > 0);
    // Before the first QDBusConnection::systemBus(): this process (and the punctualctl it starts) uses it.
    qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
    qunsetenv("XDG_SESSION_ID"); // the session is found through seat0's active session (the mock has no other way)
    QVERIFY2(QDBusConnection::systemBus().isConnected(), qPrintable(QDBusConnection::systemBus().lastError().message()));
    startMock("upower", upower);
    startMock("logind", logind);
    startMock("networkmanager", nm);
    // This user's session c1 on seat0, active; NetworkManager's Metered (the template has none): "guess no".
    QCOMPARE(call(logind, logindPath, mockInterface, "AddSession",
                  {"c1", "seat0", QVariant::fromValue(uint(::getuid())), "tester", true})
                 .type(),
             QDBusMessage::ReplyMessage);
    QCOMPARE(call(nm, nmPath, mockInterface, "AddProperty",
                  {nm, "Metered", QVariant::fromValue(QDBusVariant(QVariant::fromValue(uint(4))))})
                 .type(),
             QDBusMessage::ReplyMessage);
}

void TestDesktopStateDBus::cleanupTestCase()
{
    for (QProcess *mock : std::as_const(m_mocks)) {
        mock->terminate();
        if (!mock->waitForFinished(5'000))
            mock->kill();
        mock->waitForFinished();
        delete mock;
    }
    if (m_busPid > 0)
        ::kill(static_cast<pid_t>(m_busPid), SIGTERM);
}

void TestDesktopStateDBus::startMock(const QString &templateName, const QString &service)
{
    auto *mock = new QProcess;
    m_mocks.append(mock);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DBUS_SYSTEM_BUS_ADDRESS", m_address);
    mock->setProcessEnvironment(environment);
    mock->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    mock->start(m_python, {"-m", "dbusmock", "--system", "--template", templateName});
    QVERIFY(mock->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QDBusConnection::systemBus().interface()->isServiceRegistered(service), 15'000);
}

void TestDesktopStateDBus::init()
{
    setUpScheduler(T0);
    setOnBattery(false);
    setIdle(false, 0);
    call(nm, "/org/freedesktop", mockInterface, "SetGlobalConnectionState", {QVariant::fromValue(nmConnectedGlobal)});
    m_desktop = std::make_unique<DBusDesktopState>(QDBusConnection::systemBus());
    m_desktop->start();
    m_scheduler->setDesktopState(m_desktop.get());
}

void TestDesktopStateDBus::cleanup()
{
    if (m_scheduler)
        stopRuns();
    tearDownScheduler();
    m_desktop.reset();
}

QDBusMessage TestDesktopStateDBus::call(const QString &service, const QString &path, const QString &interface,
                                        const QString &method, const QVariantList &args)
{
    QDBusMessage message = QDBusMessage::createMethodCall(service, path, interface, method);
    message.setArguments(args);
    const QDBusMessage reply = QDBusConnection::systemBus().call(message);
    if (reply.type() != QDBusMessage::ReplyMessage)
        qWarning("%s.%s failed: %s", qPrintable(interface), qPrintable(method), qPrintable(reply.errorMessage()));
    return reply;
}

void TestDesktopStateDBus::setProperty(const QString &service, const QString &path, const QString &interface,
                                       const QString &name, const QVariant &value)
{
    // dbusmock's Properties.Set emits PropertiesChanged, as the real services do.
    call(service, path, "org.freedesktop.DBus.Properties", "Set", {interface, name, QVariant::fromValue(QDBusVariant(value))});
}

void TestDesktopStateDBus::setOnBattery(bool onBattery)
{
    setProperty(upower, upowerPath, upower, "OnBattery", onBattery);
}

void TestDesktopStateDBus::setIdle(bool idle, std::int64_t sinceMs)
{
    const QString session = QStringLiteral("org.freedesktop.login1.Session");
    setProperty(logind, sessionPath, session, "IdleSinceHint", QVariant::fromValue(quint64(sinceMs) * 1000));
    setProperty(logind, sessionPath, session, "IdleHint", idle);
}

QList<RunRecord> TestDesktopStateDBus::runsOf(const QString &jobId, RunOutcome outcome)
{
    QList<RunRecord> out;
    auto runs = m_scheduler->history(jobId, -1);
    if (!runs)
        qFatal("history failed: %s", qPrintable(runs.error().message));
    for (const RunRecord &run : runs.value()) {
        if (run.outcome == outcome)
            out.append(run);
    }
    return out;
}

void TestDesktopStateDBus::readsInitialValuesAndFollowsSignals()
{
    QCOMPARE(m_desktop->onBattery(), false);
    QCOMPARE(m_desktop->sessionPath(), sessionPath);
    QCOMPARE(m_desktop->idleSinceMs(), std::nullopt);
    QCOMPARE(m_desktop->networkOnline(), true);
    QCOMPARE(m_desktop->networkMetered(), false);
    QVERIFY2(m_desktop->sources().join('\n').contains("UPower: on AC power"), qPrintable(m_desktop->sources().join('\n')));
    QSignalSpy changed(m_desktop.get(), &DesktopState::changed);
    QSignalSpy resumed(m_desktop.get(), &DesktopState::resumed);
    QSignalSpy cameUp(m_desktop.get(), &DesktopState::networkCameUp);

    setOnBattery(true);
    QTRY_COMPARE(m_desktop->onBattery(), true);
    QVERIFY(!changed.isEmpty());
    setOnBattery(false);
    QTRY_COMPARE(m_desktop->onBattery(), false);

    setIdle(true, T0 + 5 * minute);
    QTRY_COMPARE(m_desktop->idleSinceMs(), std::optional<std::int64_t>(T0 + 5 * minute));
    setIdle(false, 0);
    QTRY_COMPARE(m_desktop->idleSinceMs(), std::nullopt);

    call(nm, "/org/freedesktop", mockInterface, "SetGlobalConnectionState", {QVariant::fromValue(nmDisconnected)});
    QTRY_COMPARE(m_desktop->networkOnline(), false);
    QCOMPARE(cameUp.size(), 0);
    call(nm, "/org/freedesktop", mockInterface, "SetGlobalConnectionState", {QVariant::fromValue(nmConnectedGlobal)});
    QTRY_COMPARE(m_desktop->networkOnline(), true);
    QCOMPARE(cameUp.size(), 1);

    setProperty(nm, nmPath, nm, "Metered", QVariant::fromValue(uint(1))); // NM_METERED_YES
    QTRY_COMPARE(m_desktop->networkMetered(), true);
    setProperty(nm, nmPath, nm, "Metered", QVariant::fromValue(uint(4)));
    QTRY_COMPARE(m_desktop->networkMetered(), false);

    // logind's PrepareForSleep(true) then (false): one resume.
    for (const bool sleeping : {true, false})
        call(logind, logindPath, mockInterface, "EmitSignal",
             {"org.freedesktop.login1.Manager", "PrepareForSleep", "b", QVariantList{sleeping}});
    QTRY_COMPARE(resumed.size(), 1);
}

void TestDesktopStateDBus::jobWaitingForACPowerStartsWithin5sOfOnBatteryFalse()
{
    setOnBattery(true);
    QTRY_COMPARE(m_desktop->onBattery(), true);
    Job job = JobBuilder("job").date(T0 + minute).command("/bin/true");
    job.options.conditions = parseConditions({"ac-power"}).value();
    job.options.requireDeadlineMs = std::optional<std::int64_t>(); // waits as long as it takes
    addOrDie(job);
    QVERIFY_OK(m_scheduler->start());
    wake(T0 + minute);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).first().error, QStringLiteral("waiting for AC power"));
    QTest::qWait(300);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1); // still on battery: nothing starts

    QElapsedTimer sincePlugged;
    sincePlugged.start();
    setOnBattery(false); // UPower's PropertiesChanged, through the real bus
    QTRY_VERIFY_WITH_TIMEOUT(!runsOf("job", RunOutcome::Success).isEmpty(), 5'000);
    const qint64 tookMs = sincePlugged.elapsed();
    qInfo("began and ended %lld ms after OnBattery turned false", static_cast<long long>(tookMs));
    QVERIFY(tookMs < 5'000);
    QCOMPARE(runsOf("job", RunOutcome::Success).first().exitCode, std::optional<int>(0));
}

void TestDesktopStateDBus::waitingRunEndsConditionTimeoutAtItsDeadline()
{
    setOnBattery(true);
    QTRY_COMPARE(m_desktop->onBattery(), true);
    Job job = JobBuilder("job").date(T0 + minute).command("/bin/true");
    job.options.conditions = parseConditions({"ac-power"}).value();
    job.options.requireDeadlineMs = std::optional<std::int64_t>(10 * minute);
    addOrDie(job);
    QVERIFY_OK(m_scheduler->start());
    wake(T0 + minute);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    QTRY_COMPARE(m_timer->armedAt(), std::optional<std::int64_t>(T0 + 11 * minute));
    wake(T0 + 11 * minute);
    const QList<RunRecord> ended = runsOf("job", RunOutcome::ConditionTimeout);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.first().error, QStringLiteral("not run: still waiting for AC power at its deadline"));
}

void TestDesktopStateDBus::stopIfLostStopsACommandWhenOnBatteryTurnsTrue()
{
    Job job = JobBuilder("job").date(T0 + minute).command("/bin/sleep", {"30"});
    job.options.conditions = parseConditions({"ac-power"}).value();
    job.options.stopIfLost = true;
    addOrDie(job);
    QVERIFY_OK(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_scheduler->runningCount("job"), 1);
    QElapsedTimer sinceUnplugged;
    sinceUnplugged.start();
    setOnBattery(true);
    QTRY_VERIFY_WITH_TIMEOUT(!runsOf("job", RunOutcome::Interrupted).isEmpty(), 5'000);
    qInfo("stopped %lld ms after OnBattery turned true", static_cast<long long>(sinceUnplugged.elapsed()));
    QCOMPARE(runsOf("job", RunOutcome::Interrupted).first().error, QStringLiteral("stopped: AC power was lost"));
    QCOMPARE(m_scheduler->runningCount("job"), 0);
}

void TestDesktopStateDBus::idleJobStartsTheIdleTimeAfterIdleBegins()
{
    Job job = JobBuilder("job").date(T0 + minute).command("/bin/true");
    job.options.conditions = parseConditions({"idle:10m"}).value();
    job.options.requireDeadlineMs = std::optional<std::int64_t>();
    addOrDie(job);
    QVERIFY_OK(m_scheduler->start());
    wake(T0 + minute);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).first().error, QStringLiteral("waiting for the computer to be idle for 10m"));
    // The session goes idle at T0 + 2 min (logind's IdleHint, IdleSinceHint): the wake is armed 10 min later.
    m_clock.setNowMs(T0 + 2 * minute);
    setIdle(true, T0 + 2 * minute);
    QTRY_COMPARE(m_timer->armedAt(), std::optional<std::int64_t>(T0 + 12 * minute));
    wake(T0 + 12 * minute - 1);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    wake(T0 + 12 * minute);
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
}

void TestDesktopStateDBus::missingServicesMeanNothingWaitsAndAreSaidOnce()
{
    // Another private bus with no services on it.
    QProcess daemon;
    daemon.start("dbus-daemon", {"--session", "--fork", "--print-address=1", "--print-pid=1"});
    QVERIFY(daemon.waitForFinished(10'000));
    const QStringList lines = QString::fromUtf8(daemon.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    {
        QDBusConnection empty = QDBusConnection::connectToBus(lines[0].trimmed(), "punctual-empty-bus");
        QVERIFY(empty.isConnected());
        DBusDesktopState state(empty);
        QSignalSpy said(&state, &DBusDesktopState::logMessage);
        state.start();
        QCOMPARE(state.onBattery(), false);
        QCOMPARE(state.idleSinceMs(), std::nullopt);
        QString log;
        for (const QList<QVariant> &line : std::as_const(said))
            log += line.at(0).toString() + '\n';
        QVERIFY2(log.contains("UPower is not on the system bus: on AC power is assumed"), qPrintable(log));
        QVERIFY2(log.contains("no logind session found"), qPrintable(log));
        QCOMPARE(log.count("UPower"), 1);
    }
    QDBusConnection::disconnectFromBus("punctual-empty-bus");
    ::kill(static_cast<pid_t>(lines[1].trimmed().toLongLong()), SIGTERM);
}

void TestDesktopStateDBus::hostReadsTheSystemBusAndListShowsWaiting()
{
    tearDownScheduler(); // the host opens the store itself
    setOnBattery(true);
    QTemporaryDir dir;
    const QString db = dir.filePath("host.db");
    QProcess host;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("PUNCTUAL_DESKTOP_STATE"); // CTest sets it to manual for every other suite
    environment.insert("XDG_CONFIG_HOME", dir.filePath("config"));
    host.setProcessEnvironment(environment);
    host.setProcessChannelMode(QProcess::MergedChannels);
    host.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", db, "run"});
    QVERIFY(host.waitForStarted());
    QString log;
    QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromUtf8(host.readAll())).contains(" (pid "), 15'000);
    QVERIFY2(log.contains("desktop state: UPower: on battery"), qPrintable(log));
    QVERIFY2(log.contains("desktop state: logind session " + sessionPath), qPrintable(log));

    const QString at = QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODate);
    QCOMPARE(runPunctualctl({"--db", db, "add", "--id", "backup", "--at", at, "--require", "ac-power",
                             "--require-deadline", "none", "--", "/bin/true"})
                 .exitCode,
             0);
    QTRY_VERIFY_WITH_TIMEOUT(runPunctualctl({"--db", db, "list"}).out.contains("waiting"), 10'000);
    const PunctualctlResult shown = runPunctualctl({"--db", db, "show", "backup"});
    QVERIFY2(shown.out.contains("waiting for AC power"), qPrintable(shown.out));
    QVERIFY2(shown.out.contains("ac-power"), qPrintable(shown.out));

    setOnBattery(false);
    QTRY_VERIFY_WITH_TIMEOUT(runPunctualctl({"--db", db, "history", "backup"}).out.contains("success"), 10'000);
    host.terminate();
    QVERIFY(host.waitForFinished(15'000));
    QCOMPARE(host.exitCode(), 0);
}

void TestDesktopStateDBus::afterResumeJobRunsAfterAMockedResume()
{
    // A job with no schedule that runs 2 minutes after each wake-up; the wake-up is logind's real signal.
    JobEvents events;
    events.afterResumeDelayMs = 2 * minute;
    addOrDie(JobBuilder("wake").eventsOnly().events(events).command("/bin/true"));
    QVERIFY_OK(m_scheduler->start());
    QSignalSpy resumed(m_desktop.get(), &DesktopState::resumed);
    for (const bool sleeping : {true, false})
        call(logind, logindPath, mockInterface, "EmitSignal",
             {"org.freedesktop.login1.Manager", "PrepareForSleep", "b", QVariantList{sleeping}});
    QTRY_COMPARE(resumed.size(), 1);
    QTRY_COMPARE(m_timer->armedAt(), std::optional<std::int64_t>(T0 + 2 * minute)); // the delay, on the fake clock
    QVERIFY(m_scheduler->history("wake", -1).value().isEmpty());
    wake(T0 + 2 * minute);
    QTRY_COMPARE(runsOf("wake", RunOutcome::Success).size(), 1);
    QCOMPARE(runsOf("wake", RunOutcome::Success).first().reason, RunReason::AfterResume);
}

QTEST_GUILESS_MAIN(TestDesktopStateDBus)
#include "testdesktopstatedbus.moc"
