// The scheduler host's desktop notices against python3-dbusmock's notification daemon on a private session bus
// that this test starts itself: what a failed run sends, the per-job rate limit on the fake clock, the actions
// ("Run again" runs the job again), the store's outages longer than a minute (on the fake clock, over a real SQLite
// file moved away and back), the fallback without a server (the "status" flag), and the real punctualctl run.
#include "cli/punctualctlprocess.h"
#include "control/controlclient.h"
#include "control/controlserver.h"
#include "desktopnotifier.h"
#include "store/storelocation.h"
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QFile>
#include <QLocalServer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t startMs = 1'780'000'000'000; // 2026-05-28
const QString mockInterface = QStringLiteral("org.freedesktop.DBus.Mock");

/// One method call the mock server received.
struct MockCall
{
    QString method;
    QVariantList args;
};

/// The python3 that has dbusmock: Debian's (/usr/bin) before any other on the PATH (pyenv's has none).
QString dbusmockPython()
{
    for (const QString &python : {QStringLiteral("/usr/bin/python3"), QStandardPaths::findExecutable("python3")}) {
        if (python.isEmpty())
            continue;
        if (QProcess::execute(python, {"-c", "import dbusmock"}) == 0)
            return python;
    }
    return {};
}

} // namespace

class TestDesktopNotifier : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void failedRunIsNotifiedWithNameAndExitCode();
    void secondFailureWithinAMinuteIsNotNotified();
    void runAgainActionRunsTheJob();
    void noActionsWithoutTheCapability();
    void interruptedRunIsNotNotified();
    void missedRunIsNotified();
    void switchedOffOutcomesAreNotNotified();
    void noticesInTheChosenLanguage();
    void storeOutageOverAMinuteIsNotifiedAndItsEnd();
    void shortStoreOutageIsNotNotified();
    void withoutServerNothingBreaksAndStatusSaysFalse();
    void withoutSessionBusNothingBreaks();
    void statusReportsTrueWithServer();
    void hostSendsNoticesEndToEnd();
    void hostWithNoticesOffSaysSo();
    void manageOnlyHostLeavesNoticesToTheTray();
    void catchUpEpisodeIsOneNotice();

private:
    /// Starts the mock notification daemon on the private bus with @p capabilities; waits until it owns its name.
    void startMock(const QString &capabilities);
    void stopMock();
    QList<MockCall> calls() const;
    QList<MockCall> notifyCalls() const;
    void emitMockSignal(const QString &name, const QString &signature, const QVariantList &args);
    /// A command job named "Nightly backup" running @p program, added to the scheduler.
    Job addCommandJob(const QString &id, const QString &program, const QStringList &arguments = {});
    /// A notifier on the private bus, started, after it learnt whether the server is there.
    std::unique_ptr<DesktopNotifier> startedNotifier();
    /// Starts the real `punctualctl --db @p db run` on the private bus, with its notices on or off by the
    /// environment; waits until it schedules. Its output goes to m_hostLog.
    void startHost(QProcess &host, const QString &db, bool notices, const QStringList &runOptions = {});
    /// The running host's answer to "status".
    static QJsonObject hostStatus(const QString &db);

    QString m_python;
    QString m_busAddress;
    qint64 m_busPid = 0;
    QDBusConnection m_bus{QString()};
    std::unique_ptr<QProcess> m_mock;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_hostLog;
};

void TestDesktopNotifier::initTestCase()
{
    m_python = dbusmockPython();
    if (m_python.isEmpty())
        QSKIP("needs python3-dbusmock (scripts/install-deps installs it)");
    if (QStandardPaths::findExecutable("dbus-daemon").isEmpty())
        QSKIP("needs dbus-daemon (Debian: dbus-daemon)");
    // A private session bus: the user's own desktop never sees these notices.
    QProcess daemon;
    daemon.start("dbus-daemon", {"--session", "--fork", "--print-address=1", "--print-pid=1"});
    QVERIFY(daemon.waitForFinished(10'000));
    const QStringList lines = QString::fromUtf8(daemon.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    m_busAddress = lines[0].trimmed();
    m_busPid = lines[1].trimmed().toLongLong();
    QVERIFY(m_busPid > 0);
    m_bus = QDBusConnection::connectToBus(m_busAddress, "punctual-test-bus");
    QVERIFY2(m_bus.isConnected(), qPrintable(m_bus.lastError().message()));
}

void TestDesktopNotifier::cleanupTestCase()
{
    stopMock();
    QDBusConnection::disconnectFromBus("punctual-test-bus");
    if (m_busPid > 0)
        ::kill(static_cast<pid_t>(m_busPid), SIGTERM);
}

void TestDesktopNotifier::init()
{
    m_hostLog.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = StoreLocation::fromPath(m_dir->filePath("jobs.db")).open();
    QVERIFY_OK(store);
    setUpScheduler(startMs, std::move(store).value());
    QVERIFY_OK(m_scheduler->start());
}

void TestDesktopNotifier::cleanup()
{
    if (m_scheduler)
        stopRuns();
    tearDownScheduler();
    stopMock();
}

void TestDesktopNotifier::startMock(const QString &capabilities)
{
    m_mock = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DBUS_SESSION_BUS_ADDRESS", m_busAddress);
    m_mock->setProcessEnvironment(environment);
    m_mock->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString parameters = QStringLiteral("{\"capabilities\": \"%1\"}").arg(capabilities);
    m_mock->start(m_python, {"-m", "dbusmock", "--template", "notification_daemon", "-p", parameters});
    QVERIFY(m_mock->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.interface()->isServiceRegistered(DesktopNotifier::service), 15'000);
}

void TestDesktopNotifier::stopMock()
{
    if (!m_mock)
        return;
    m_mock->terminate();
    if (!m_mock->waitForFinished(5'000)) {
        m_mock->kill();
        m_mock->waitForFinished();
    }
    m_mock.reset();
    QTRY_VERIFY(!m_bus.interface()->isServiceRegistered(DesktopNotifier::service));
}

QList<MockCall> TestDesktopNotifier::calls() const
{
    const QDBusMessage reply = m_bus.call(
        QDBusMessage::createMethodCall(DesktopNotifier::service, DesktopNotifier::path, mockInterface, "GetCalls"));
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        qWarning("GetCalls failed: %s", qPrintable(reply.errorMessage()));
        return {};
    }
    // a(tsav): time, method, arguments
    QList<MockCall> result;
    const QDBusArgument array = reply.arguments().front().value<QDBusArgument>();
    array.beginArray();
    while (!array.atEnd()) {
        MockCall call;
        quint64 time = 0;
        array.beginStructure();
        array >> time >> call.method >> call.args;
        array.endStructure();
        result << call;
    }
    array.endArray();
    return result;
}

QList<MockCall> TestDesktopNotifier::notifyCalls() const
{
    QList<MockCall> result;
    for (const MockCall &call : calls()) {
        if (call.method == "Notify")
            result << call;
    }
    return result;
}

void TestDesktopNotifier::emitMockSignal(const QString &name, const QString &signature, const QVariantList &args)
{
    QVariantList wrapped;
    for (const QVariant &arg : args)
        wrapped << QVariant::fromValue(QDBusVariant(arg));
    QDBusMessage call =
        QDBusMessage::createMethodCall(DesktopNotifier::service, DesktopNotifier::path, mockInterface, "EmitSignal");
    call << QString("org.freedesktop.Notifications") << name << signature << wrapped;
    const QDBusMessage reply = m_bus.call(call);
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
}

Job TestDesktopNotifier::addCommandJob(const QString &id, const QString &program, const QStringList &arguments)
{
    return addOrDie(JobBuilder(id).name("Nightly backup").interval(3'600'000, startMs).command(program, arguments));
}

std::unique_ptr<DesktopNotifier> TestDesktopNotifier::startedNotifier()
{
    auto notifier = std::make_unique<DesktopNotifier>(*m_scheduler, m_clock, m_bus);
    QSignalSpy known(notifier.get(), &DesktopNotifier::availabilityChanged);
    notifier->start();
    if (!QTest::qWaitFor([&] { return !known.isEmpty(); }, 10'000))
        qWarning("the notifier did not learn whether a server is there");
    return notifier;
}

void TestDesktopNotifier::failedRunIsNotifiedWithNameAndExitCode()
{
    startMock("body actions");
    const auto notifier = startedNotifier();
    QVERIFY(notifier->isAvailable());
    addCommandJob("backup", "/bin/sh", {"-c", "exit 3"});
    QSignalSpy notified(notifier.get(), &DesktopNotifier::notified);
    QVERIFY_OK(m_scheduler->runJobNow("backup"));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10'000);

    const QList<MockCall> sent = notifyCalls();
    QCOMPARE(sent.size(), 1);
    const QVariantList &args = sent.front().args; // app_name, replaces_id, icon, summary, body, actions, hints, timeout
    QCOMPARE(args.size(), 8);
    QCOMPARE(args[0].toString(), "Punctual");
    QCOMPARE(args[1].toUInt(), 0u);
    QCOMPARE(args[2].toString(), "punctual");
    QCOMPARE(args[3].toString(), "“Nightly backup” failed");
    QVERIFY2(args[4].toString().contains("exit code 3"), qPrintable(args[4].toString()));
    QCOMPARE(notified.front().at(0).toString(), "backup");
}

void TestDesktopNotifier::secondFailureWithinAMinuteIsNotNotified()
{
    startMock("body");
    const auto notifier = startedNotifier();
    addCommandJob("backup", "/bin/false");
    QSignalSpy failed(m_scheduler.get(), &Scheduler::jobError);
    QSignalSpy notified(notifier.get(), &DesktopNotifier::notified);
    QVERIFY_OK(m_scheduler->runJobNow("backup"));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10'000);
    const uint firstId = notified.front().at(1).toUInt();

    // 59 s later: failed again, no second notice.
    m_clock.advance(59'000);
    QVERIFY_OK(m_scheduler->runJobNow("backup"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10'000);
    // No wait needed: the notifier handled jobError before the spy saw it (both direct), a Notify goes out at once
    // on the bus connection GetCalls uses after it, and the mock answers in order.
    QCOMPARE(notifyCalls().size(), 1);

    // A minute after the first notice: notified again, replacing the first one (still shown).
    m_clock.advance(1'000);
    QVERIFY_OK(m_scheduler->runJobNow("backup"));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 2, 10'000);
    const QList<MockCall> sent = notifyCalls();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent[1].args[1].toUInt(), firstId);
    QCOMPARE(sent[1].args[5].toStringList(), QStringList()); // no "actions" capability: none offered
}

void TestDesktopNotifier::runAgainActionRunsTheJob()
{
    startMock("body actions");
    const auto notifier = startedNotifier();
    QStringList shown;
    notifier->setShowLog([&shown](const QString &jobId) { shown << jobId; });
    addCommandJob("backup", "/bin/false");
    QSignalSpy failed(m_scheduler.get(), &Scheduler::jobError);
    QSignalSpy notified(notifier.get(), &DesktopNotifier::notified);
    QVERIFY_OK(m_scheduler->runJobNow("backup"));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10'000);
    const uint id = notified.front().at(1).toUInt();
    const QStringList actions = notifyCalls().front().args[5].toStringList();
    QVERIFY2(actions.contains(DesktopNotifier::runAgainAction), qPrintable(actions.join(',')));
    QVERIFY2(actions.contains(DesktopNotifier::showLogAction), qPrintable(actions.join(',')));
    QCOMPARE(actions[actions.indexOf(DesktopNotifier::runAgainAction) + 1], "Run again");
    QCOMPARE(actions[actions.indexOf(DesktopNotifier::showLogAction) + 1], "Show log");

    // The user clicks "Run again": the host runs the job again (now, outside its schedule).
    emitMockSignal("ActionInvoked", "us", {QVariant::fromValue(id), DesktopNotifier::runAgainAction});
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10'000);
    auto runs = m_scheduler->history("backup", 10);
    QVERIFY_OK(runs);
    QCOMPARE(runs->size(), 2);

    // "Show log" asks for the window on that job; another application's notice id is not ours.
    emitMockSignal("ActionInvoked", "us", {QVariant::fromValue(id + 100), DesktopNotifier::showLogAction});
    emitMockSignal("ActionInvoked", "us", {QVariant::fromValue(id), DesktopNotifier::showLogAction});
    QTRY_COMPARE(shown, QStringList{"backup"});

    // Once closed, the notice's actions mean nothing to us any more.
    emitMockSignal("NotificationClosed", "uu", {QVariant::fromValue(id), QVariant::fromValue(2u)});
    QTest::qWait(100); // signals from the mock arrive through the event loop
    emitMockSignal("ActionInvoked", "us", {QVariant::fromValue(id), DesktopNotifier::runAgainAction});
    QTest::qWait(300);
    QCOMPARE(failed.size(), 2);
}

void TestDesktopNotifier::noActionsWithoutTheCapability()
{
    startMock("body body-markup");
    const auto notifier = startedNotifier();
    notifier->setShowLog([](const QString &) {});
    addOrDie(JobBuilder("markup").name("a < b & c").interval(3'600'000, startMs).command("/bin/false"));
    QSignalSpy notified(notifier.get(), &DesktopNotifier::notified);
    QVERIFY_OK(m_scheduler->runJobNow("markup"));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10'000);
    const QVariantList args = notifyCalls().front().args;
    QCOMPARE(args[5].toStringList(), QStringList());
    QCOMPARE(args[3].toString(), "“a < b & c” failed"); // the summary is plain text
}

void TestDesktopNotifier::interruptedRunIsNotNotified()
{
    startMock("body actions");
    const auto notifier = startedNotifier();
    addCommandJob("sleeper", "/bin/sleep", {"30"});
    QSignalSpy ended(m_scheduler.get(), &Scheduler::jobError);
    QVERIFY_OK(m_scheduler->runJobNow("sleeper"));
    QTRY_COMPARE(m_scheduler->runningCount("sleeper"), 1);
    stopRuns(); // the host's own shutdown: the run ends as interrupted
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10'000);
    QCOMPARE(ended.front().at(0).value<RunRecord>().outcome, RunOutcome::Interrupted);
    QCOMPARE(notifyCalls().size(), 0);
}

void TestDesktopNotifier::missedRunIsNotified()
{
    startMock("body");
    const auto notifier = startedNotifier();
    const Job job = addCommandJob("backup", "/bin/true");
    QVERIFY(job.nextRunTime);
    QSignalSpy missed(m_scheduler.get(), &Scheduler::jobMissed);
    QSignalSpy notified(notifier.get(), &DesktopNotifier::notified);
    wake(*job.nextRunTime + 5 * 60'000); // the machine slept past the 60 s misfire grace time
    QTRY_COMPARE_WITH_TIMEOUT(missed.size(), 1, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10'000);
    const QVariantList args = notifyCalls().front().args;
    QCOMPARE(args[3].toString(), "“Nightly backup” missed its run");
    QVERIFY2(args[4].toString().startsWith("The run due ") && args[4].toString().contains("was not started"),
             qPrintable(args[4].toString()));
}

void TestDesktopNotifier::catchUpEpisodeIsOneNotice()
{
    startMock("body actions");
    const auto notifier = startedNotifier();
    JobOptions everyRun;
    everyRun.coalesce = CoalescePolicy::All; // each of the 5 run times, each past the 60 s grace: 15 missed runs
    for (const QString &id : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
        addOrDie(JobBuilder(id).name("Job " + id).interval(3'600'000, startMs + 3'600'000).command("/bin/true")
                     .options(everyRun));
    QSignalSpy missed(m_scheduler.get(), &Scheduler::jobMissed);
    QSignalSpy notified(notifier.get(), &DesktopNotifier::notified);
    wake(startMs + 5 * 3'600'000 + 10 * 60'000); // the computer slept five hours
    QTRY_COMPARE_WITH_TIMEOUT(missed.size(), 15, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10'000);
    const QList<MockCall> sent = notifyCalls(); // asked after the notifier's calls, on the same connection
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.front().args[3].toString(), "15 runs were missed while the computer was asleep");
    QCOMPARE(sent.front().args[4].toString(), "3 jobs: Job a, Job b, Job c. Open Punctual to review what each job did.");
    QVERIFY(!sent.front().args[5].toStringList().contains(DesktopNotifier::runAgainAction)); // for one job only

    // A single missed run later on keeps its own notice.
    for (const QString &id : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
        QVERIFY_OK(m_scheduler->removeJob(id));
    addOrDie(JobBuilder("solo").name("Solo").interval(3'600'000, startMs + 6 * 3'600'000).command("/bin/true"));
    wake(startMs + 6 * 3'600'000 + 2 * 60'000);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 2, 10'000);
    QCOMPARE(notifyCalls().at(1).args[3].toString(), "“Solo” missed its run");
}

void TestDesktopNotifier::switchedOffOutcomesAreNotNotified()
{
    startMock("body");
    const auto notifier = startedNotifier();
    notifier->setNotifiedOutcomes({RunOutcome::Missed, RunOutcome::TimedOut}); // failures switched off in Settings
    addCommandJob("backup", "/bin/false");
    addOrDie(JobBuilder("slow").name("Slow").interval(3'600'000, startMs).command("/bin/sleep", {"30"})
                 .options([] { JobOptions options; options.timeoutMs = 100; return options; }()));
    QSignalSpy ended(m_scheduler.get(), &Scheduler::jobError);
    QSignalSpy notified(notifier.get(), &DesktopNotifier::notified);
    QVERIFY_OK(m_scheduler->runJobNow("backup"));
    QVERIFY_OK(m_scheduler->runJobNow("slow"));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 2, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10'000);
    QCOMPARE(notified.front().at(0).toString(), "slow");
    const QList<MockCall> sent = notifyCalls();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.front().args[3].toString(), "“Slow” timed out");
}

void TestDesktopNotifier::noticesInTheChosenLanguage()
{
    startMock("body actions");
    const auto notifier = startedNotifier();
    QVERIFY(notifier->setLanguage("de"));
    addCommandJob("backup", "/bin/sh", {"-c", "exit 4"});
    QSignalSpy notified(notifier.get(), &DesktopNotifier::notified);
    QVERIFY_OK(m_scheduler->runJobNow("backup"));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10'000);
    const QVariantList args = notifyCalls().front().args;
    QCOMPARE(args[3].toString(), "„Nightly backup“ ist fehlgeschlagen");
    QVERIFY2(args[4].toString().contains("Exit-Code 4"), qPrintable(args[4].toString()));
    QVERIFY2(args[5].toStringList().contains("Erneut ausführen"), qPrintable(args[5].toStringList().join(',')));
    QVERIFY(!notifier->setLanguage("xx"));
}

void TestDesktopNotifier::storeOutageOverAMinuteIsNotifiedAndItsEnd()
{
    startMock("body actions");
    const auto notifier = startedNotifier();
    QSignalSpy told(notifier.get(), &DesktopNotifier::storeNotified);
    // The file moved away, as a user or a sync tool may: the host's reconnects fail until it is back.
    const QString db = m_dir->filePath("jobs.db");
    QVERIFY(QFile::rename(db, db + ".away"));
    const std::int64_t lostAt = m_clock.nowMs();
    m_scheduler->storeLost(Error{ErrorCode::StoreUnavailable, "the job store file jobs.db was removed or renamed"});
    QVERIFY(!m_scheduler->isStoreAvailable());
    // Nothing yet: a single-shot timer is armed for the minute.
    QVERIFY(notifier->storeOutageTimer().isActive());
    QVERIFY2(notifier->storeOutageTimer().remainingTime() > 59'000,
             qPrintable(QString::number(notifier->storeOutageTimer().remainingTime())));

    // Half a minute on, a reconnect fails: still nothing.
    wake(lostAt + 30'000);
    QCOMPARE(m_scheduler->storeStatus().retries, 1);
    QCOMPARE(notifyCalls().size(), 0);
    // A reconnect fails 50 ms before the minute: the timer is armed again for the rest, measured on the clock.
    wake(lostAt + 59'950);
    QCOMPARE(m_scheduler->storeStatus().retries, 2);
    QVERIFY(notifier->storeOutageTimer().isActive());
    QVERIFY2(notifier->storeOutageTimer().remainingTime() < 1000, // not a minute again: the 50 ms left
             qPrintable(QString::number(notifier->storeOutageTimer().remainingTime())));
    QCOMPARE(notifyCalls().size(), 0);
    // The clock passes the minute: when the timer goes off, one notice with the reconnect's error.
    m_clock.setNowMs(lostAt + 60'100);
    QTRY_COMPARE_WITH_TIMEOUT(told.size(), 1, 10'000);
    QCOMPARE(told.front().at(0).toBool(), false);
    const uint outageId = told.front().at(1).toUInt();
    QList<MockCall> sent = notifyCalls();
    QCOMPARE(sent.size(), 1);
    const QString lostTime = QLocale().toString(QDateTime::fromMSecsSinceEpoch(lostAt).time(), QLocale::ShortFormat);
    QCOMPARE(sent[0].args[1].toUInt(), 0u);
    QCOMPARE(sent[0].args[3].toString(), "Punctual cannot reach its job store");
    QCOMPARE(sent[0].args[4].toString(),
             "No job runs until it is back (unavailable since " + lostTime + "); Punctual reconnects on its own. "
             "Last error: the job store file " + db + " is gone (removed or renamed); waiting for it to come back");
    QCOMPARE(sent[0].args[5].toStringList(), QStringList()); // nothing to click: the store comes back by itself
    QVERIFY(!notifier->storeOutageTimer().isActive());

    // More reconnects fail: the outage was told, once.
    wake(m_scheduler->storeStatus().nextRetryMs.value());
    wake(m_scheduler->storeStatus().nextRetryMs.value());
    QCOMPARE(m_scheduler->storeStatus().retries, 4);
    QCOMPARE(notifyCalls().size(), 1);

    // The file is back: the next reconnect succeeds, and "back" replaces the outage's notice.
    QVERIFY(QFile::rename(db + ".away", db));
    wake(m_scheduler->storeStatus().nextRetryMs.value());
    QVERIFY(m_scheduler->isStoreAvailable());
    QTRY_COMPARE_WITH_TIMEOUT(told.size(), 2, 10'000);
    QCOMPARE(told.back().at(0).toBool(), true);
    sent = notifyCalls();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent[1].args[1].toUInt(), outageId);
    QCOMPARE(sent[1].args[3].toString(), "Punctual's job store is back");
    const QString backTime =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).time(), QLocale::ShortFormat);
    QCOMPARE(sent[1].args[4].toString(), "It was unavailable from " + lostTime + " to " + backTime + "; jobs run again.");

    // A later outage is a new one: told again once it lasts a minute (here seen at a reconnect failing after it).
    QVERIFY(QFile::rename(db, db + ".away"));
    const std::int64_t lostAgain = m_clock.nowMs();
    m_scheduler->storeLost(Error{ErrorCode::StoreUnavailable, "the job store file jobs.db was removed or renamed"});
    wake(lostAgain + 61'000);
    QVERIFY(!m_scheduler->isStoreAvailable());
    QTRY_COMPARE_WITH_TIMEOUT(told.size(), 3, 10'000);
    sent = notifyCalls();
    QCOMPARE(sent.size(), 3);
    QCOMPARE(sent[2].args[1].toUInt(), 0u); // the "back" notice is not replaced: it may still be read
    QCOMPARE(sent[2].args[3].toString(), "Punctual cannot reach its job store");
    QVERIFY(QFile::rename(db + ".away", db));
}

void TestDesktopNotifier::shortStoreOutageIsNotNotified()
{
    startMock("body");
    const auto notifier = startedNotifier();
    const std::int64_t lostAt = m_clock.nowMs();
    m_scheduler->storeLost(Error{ErrorCode::StoreUnavailable, "the job store file jobs.db was removed or renamed"});
    QVERIFY(notifier->storeOutageTimer().isActive());
    // The file is there: the reconnect 50 s later succeeds; no notice, now or later.
    wake(lostAt + 50'000);
    QVERIFY(m_scheduler->isStoreAvailable());
    QVERIFY(!notifier->storeOutageTimer().isActive());
    m_clock.advance(120'000);
    QTest::qWait(100);
    QCOMPARE(notifyCalls().size(), 0);
}

void TestDesktopNotifier::withoutServerNothingBreaksAndStatusSaysFalse()
{
    // The bus is there, nobody owns org.freedesktop.Notifications.
    const auto notifier = startedNotifier();
    QSignalSpy logged(notifier.get(), &DesktopNotifier::logMessage);
    QVERIFY(!notifier->isAvailable());
    addCommandJob("backup", "/bin/false");
    QSignalSpy failed(m_scheduler.get(), &Scheduler::jobError);
    QSignalSpy notified(notifier.get(), &DesktopNotifier::notified);
    QVERIFY_OK(m_scheduler->runJobNow("backup"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10'000);
    QCOMPARE(notified.size(), 0);
    QCOMPARE(logged.size(), 0); // said once at start, not again per run

    QLocalServer socket;
    QVERIFY(socket.listen(m_dir->filePath("control.sock")));
    ControlServer control(*m_scheduler, *m_store, &socket);
    QJsonObject status = control.handle({{"id", 1}, {"method", "status"}});
    QCOMPARE(status.value("result").toObject().value("desktop_notifications"), QJsonValue(false));
    control.setDesktopNotifications([&notifier] { return notifier->isAvailable(); });
    status = control.handle({{"id", 2}, {"method", "status"}});
    QCOMPARE(status.value("result").toObject().value("desktop_notifications"), QJsonValue(false));
}

void TestDesktopNotifier::withoutSessionBusNothingBreaks()
{
    const QDBusConnection nowhere =
        QDBusConnection::connectToBus("unix:path=/nonexistent/punctual-test-bus", "punctual-test-nowhere");
    QVERIFY(!nowhere.isConnected());
    DesktopNotifier notifier(*m_scheduler, m_clock, nowhere);
    QSignalSpy logged(&notifier, &DesktopNotifier::logMessage);
    QSignalSpy known(&notifier, &DesktopNotifier::availabilityChanged);
    notifier.start();
    QCOMPARE(known.size(), 1);
    QCOMPARE(known.front().at(0).toBool(), false);
    QCOMPARE(logged.size(), 1);
    QVERIFY2(logged.front().at(0).toString().contains("no D-Bus session bus"), qPrintable(logged.front().at(0).toString()));
    addCommandJob("backup", "/bin/false");
    QSignalSpy failed(m_scheduler.get(), &Scheduler::jobError);
    QVERIFY_OK(m_scheduler->runJobNow("backup"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10'000);
    QCOMPARE(logged.size(), 1);
    QDBusConnection::disconnectFromBus("punctual-test-nowhere");
}

void TestDesktopNotifier::statusReportsTrueWithServer()
{
    startMock("body");
    const auto notifier = startedNotifier();
    QLocalServer socket;
    QVERIFY(socket.listen(m_dir->filePath("control.sock")));
    ControlServer control(*m_scheduler, *m_store, &socket);
    control.setDesktopNotifications([&notifier] { return notifier->isAvailable(); });
    QJsonObject status = control.handle({{"id", 1}, {"method", "status"}});
    QCOMPARE(status.value("result").toObject().value("desktop_notifications"), QJsonValue(true));

    // The server quits (and cannot be activated again): the tray takes over.
    QSignalSpy changed(notifier.get(), &DesktopNotifier::availabilityChanged);
    stopMock();
    QTRY_COMPARE(changed.size(), 1);
    status = control.handle({{"id", 2}, {"method", "status"}});
    QCOMPARE(status.value("result").toObject().value("desktop_notifications"), QJsonValue(false));
}

void TestDesktopNotifier::startHost(QProcess &host, const QString &db, bool notices, const QStringList &runOptions)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DBUS_SESSION_BUS_ADDRESS", m_busAddress);
    if (notices)
        environment.remove("PUNCTUAL_DESKTOP_NOTIFICATIONS"); // CTest turns them off for every other suite
    else
        environment.insert("PUNCTUAL_DESKTOP_NOTIFICATIONS", "0");
    // The host reads the window's settings file (notice kinds, language): an empty one, English notices.
    environment.insert("XDG_CONFIG_HOME", m_dir->filePath("config"));
    environment.insert("LC_ALL", "C.UTF-8");
    environment.remove("LANGUAGE");
    host.setProcessEnvironment(environment);
    host.setProcessChannelMode(QProcess::MergedChannels);
    host.start(QStringLiteral(PUNCTUALCTL_PATH), QStringList{"--db", db, "run"} + runOptions);
    QVERIFY(host.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT((m_hostLog += QString::fromUtf8(host.readAll())).contains(" (pid "), 15'000);
}

QJsonObject TestDesktopNotifier::hostStatus(const QString &db)
{
    ControlClient client;
    if (auto connected = client.connectToStore(db); !connected)
        qWarning("cannot reach the host: %s", qPrintable(connected.error().message));
    auto status = client.call("status");
    return status ? status->toObject() : QJsonObject{{"error", status.error().message}};
}

void TestDesktopNotifier::hostSendsNoticesEndToEnd()
{
    startMock("body actions");
    tearDownScheduler(); // the host opens the store itself
    const QString db = m_dir->filePath("host.db");
    QProcess host;
    startHost(host, db, true);
    QTRY_VERIFY_WITH_TIMEOUT((m_hostLog += QString::fromUtf8(host.readAll())).contains("shown as desktop notifications"),
                             10'000);
    QCOMPARE(hostStatus(db).value("desktop_notifications"), QJsonValue(true));

    PunctualctlResult added =
        runPunctualctl({"--db", db, "add", "--id", "e2e", "--name", "Cache warm-up", "--every", "1h", "--", "/bin/false"});
    QCOMPARE(added.exitCode, 0);
    PunctualctlResult ran = runPunctualctl({"--db", db, "run-now", "e2e"});
    QCOMPARE(ran.exitCode, 1); // through the host: the run failed
    QTRY_COMPARE_WITH_TIMEOUT(notifyCalls().size(), 1, 10'000);
    const QVariantList args = notifyCalls().front().args;
    QCOMPARE(args[3].toString(), "“Cache warm-up” failed");
    QVERIFY2(args[4].toString().contains("exit code 1"), qPrintable(args[4].toString()));
    QVERIFY(args[5].toStringList().contains(DesktopNotifier::runAgainAction));

    host.terminate();
    QVERIFY(host.waitForFinished(15'000));
    m_hostLog += QString::fromUtf8(host.readAll());
    QCOMPARE(host.exitCode(), 0);
    QVERIFY2(!m_hostLog.contains("desktop notifications are off"), qPrintable(m_hostLog));
}

void TestDesktopNotifier::hostWithNoticesOffSaysSo()
{
    startMock("body actions");
    tearDownScheduler();
    const QString db = m_dir->filePath("host.db");
    QProcess host;
    startHost(host, db, false);
    QVERIFY2(m_hostLog.contains("desktop notifications are off (PUNCTUAL_DESKTOP_NOTIFICATIONS=0)"), qPrintable(m_hostLog));
    QCOMPARE(hostStatus(db).value("desktop_notifications"), QJsonValue(false));
    QCOMPARE(runPunctualctl({"--db", db, "add", "--id", "quiet", "--every", "1h", "--", "/bin/false"}).exitCode, 0);
    QCOMPARE(runPunctualctl({"--db", db, "run-now", "quiet"}).exitCode, 1);
    host.terminate();
    QVERIFY(host.waitForFinished(15'000));
    QCOMPARE(notifyCalls().size(), 0);
}

void TestDesktopNotifier::manageOnlyHostLeavesNoticesToTheTray()
{
    startMock("body actions");
    tearDownScheduler();
    const QString db = m_dir->filePath("host.db");
    QProcess host;
    startHost(host, db, true, {"--manage-only"});
    QVERIFY2(m_hostLog.contains("managing the jobs of"), qPrintable(m_hostLog));
    const QJsonObject status = hostStatus(db);
    QCOMPARE(status.value("runs_jobs"), QJsonValue(false));
    QCOMPARE(status.value("desktop_notifications"), QJsonValue(false));
    host.terminate();
    QVERIFY(host.waitForFinished(15'000));
    QCOMPARE(notifyCalls().size(), 0);
}

QTEST_GUILESS_MAIN(TestDesktopNotifier)
#include "testdesktopnotifier.moc"
