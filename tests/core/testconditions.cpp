// Conditions that wait (a job's "requires") on the fake clock with a ManualDesktopState: waiting, starting when
// they hold, condition_timeout at the deadline, stop_if_lost, and waiting runs ended like queued ones.
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"
#include "desktop/desktopstate.h"
#include "store/sqljobstore.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t minute = 60'000;

RunConditions conditions(const QStringList &names)
{
    auto parsed = parseConditions(names);
    if (!parsed)
        qFatal("bad test conditions: %s", qPrintable(parsed.error().message));
    return parsed.value();
}

} // namespace

class TestConditions : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void optionsRoundTripThroughJson();
    void badConditionsAreRefused_data();
    void badConditionsAreRefused();
    void waitsOnBatteryAndStartsWhenPluggedIn();
    void endsConditionTimeoutAtTheDeadline();
    void deadlineNoneWaitsForEver();
    void requireDeadlineLongerThanTheGraceTime();
    void idleStartsWhenIdleLongEnough();
    void networkAndUnmetered();
    void waitingRunsEndInterrupted_data();
    void waitingRunsEndInterrupted();
    void schedulerPauseHoldsAWaitingRun();
    void waitingRowsLeftByACrashAreInterruptedAtStart_data();
    void waitingRowsLeftByACrashAreInterruptedAtStart();
    void aWaitingRunIsAnInstance();
    void aRunWaitingQueuesTheNextWithQueueOne();
    void runNowRunsAtOnce();
    void stopIfLostStopsTheRunGoing();
    void withoutStopIfLostTheRunGoesOn();

private:
    /// A date job at T0 + 1 min running @p function, requiring @p names.
    Job conditionalJob(const QString &id, const QStringList &names, const QString &function = "ok");
    QList<RunRecord> historyOf(const QString &jobId);
    QList<RunRecord> runsOf(const QString &jobId, RunOutcome outcome);

    ManualDesktopState *m_desktop = nullptr;
    std::unique_ptr<ManualDesktopState> m_desktopOwner;
    std::atomic<int> m_begun{0};
};

void TestConditions::init()
{
    setUpScheduler(T0);
    m_desktopOwner = std::make_unique<ManualDesktopState>();
    m_desktop = m_desktopOwner.get();
    m_scheduler->setDesktopState(m_desktop);
    m_begun = 0;
    m_functions.add("ok", [this](const FunctionContext &) {
        ++m_begun;
        return FunctionResult::success();
    });
    m_functions.add("block", [this](const FunctionContext &context) {
        ++m_begun;
        while (!m_gate.tryAcquire(1, 5)) {
            if (context.isCancelled())
                return FunctionResult::failure(QStringLiteral("cancelled"));
        }
        return FunctionResult::success();
    });
}

void TestConditions::cleanup()
{
    tearDownScheduler();
    m_desktopOwner.reset();
}

Job TestConditions::conditionalJob(const QString &id, const QStringList &names, const QString &function)
{
    Job job = JobBuilder(id).date(T0 + minute).function(function);
    job.options.conditions = conditions(names);
    return job;
}

QList<RunRecord> TestConditions::historyOf(const QString &jobId)
{
    auto runs = m_scheduler->history(jobId, -1);
    if (!runs)
        qFatal("history failed: %s", qPrintable(runs.error().message));
    return QList<RunRecord>(runs->crbegin(), runs->crend());
}

QList<RunRecord> TestConditions::runsOf(const QString &jobId, RunOutcome outcome)
{
    QList<RunRecord> out;
    for (const RunRecord &run : historyOf(jobId)) {
        if (run.outcome == outcome)
            out.append(run);
    }
    return out;
}

void TestConditions::optionsRoundTripThroughJson()
{
    JobOptions options;
    QJsonObject plain;
    options.writeJson(plain);
    // Not the default: written; the default: absent, so jobs without conditions keep their stored text.
    QVERIFY(!plain.contains("requires") && !plain.contains("require_deadline") && !plain.contains("stop_if_lost"));

    options.conditions = conditions({"ac-power", "idle:90m", "unmetered", "network"});
    options.requireDeadlineMs = std::optional<std::int64_t>(); // none: waits for ever
    options.stopIfLost = true;
    QJsonObject json;
    options.writeJson(json);
    QCOMPARE(json.value("requires").toArray(), (QJsonArray{"ac-power", "idle:1h30m", "unmetered", "network"}));
    QVERIFY(json.value("require_deadline").isNull());
    QCOMPARE(json.value("stop_if_lost").toBool(), true);
    auto back = JobOptions::fromJson(json);
    QVERIFY_OK(back);
    QVERIFY(back.value() == options);
    QCOMPARE(back->conditionDeadlineMs(), std::nullopt);

    json.insert("require_deadline", 600);
    back = JobOptions::fromJson(json);
    QVERIFY_OK(back);
    QCOMPARE(back->conditionDeadlineMs(), std::optional<std::int64_t>(600'000));
    // Absent: the misfire grace time.
    json.remove("require_deadline");
    json.insert("misfire_grace_time", 120);
    back = JobOptions::fromJson(json);
    QVERIFY_OK(back);
    QVERIFY(!back->requireDeadlineMs);
    QCOMPARE(back->conditionDeadlineMs(), std::optional<std::int64_t>(120'000));
}

void TestConditions::badConditionsAreRefused_data()
{
    QTest::addColumn<QJsonValue>("required");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown") << QJsonValue(QJsonArray{"ac-power", "sunshine"})
                             << "requires: unknown condition \"sunshine\" (use ac-power, network, unmetered or "
                                "idle:DURATION)";
    QTest::newRow("bad idle") << QJsonValue(QJsonArray{"idle:soon"}) << "requires: condition \"idle:soon\": ";
    QTest::newRow("zero idle") << QJsonValue(QJsonArray{"idle:0s"}) << "requires: condition \"idle:0s\": ";
    QTest::newRow("not a list") << QJsonValue("ac-power") << "requires must be a list of conditions";
    QTest::newRow("not names") << QJsonValue(QJsonArray{5}) << "requires must be a list of conditions";
}

void TestConditions::badConditionsAreRefused()
{
    QFETCH(QJsonValue, required);
    QFETCH(QString, error);
    auto read = JobOptions::fromJson(QJsonObject{{"requires", required}});
    QVERIFY(!read);
    QVERIFY2(read.error().message.startsWith(error), qPrintable(read.error().message));
    QVERIFY(!JobOptions::fromJson(QJsonObject{{"require_deadline", "soon"}}));
    QVERIFY(!JobOptions::fromJson(QJsonObject{{"stop_if_lost", "yes"}}));
}

void TestConditions::waitsOnBatteryAndStartsWhenPluggedIn()
{
    m_desktop->setOnBattery(true);
    addOrDie(conditionalJob("job", {"ac-power"}));
    QVERIFY(m_scheduler->start());
    QSignalSpy activity(m_scheduler.get(), &Scheduler::jobActivityChanged);
    wake(T0 + minute);
    const QList<RunRecord> waiting = runsOf("job", RunOutcome::Waiting);
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting[0].error, QStringLiteral("waiting for AC power"));
    QCOMPARE(waiting[0].startTime, std::nullopt);
    QCOMPARE(m_begun.load(), 0);
    QCOMPARE(m_scheduler->runningCount("job"), 0);
    QCOMPARE(m_scheduler->conditionWaitingCount(), 1);
    const auto wait = m_scheduler->conditionWait("job");
    QVERIFY(wait);
    QCOMPARE(wait->conditions, QStringList{"ac-power"});
    QCOMPARE(wait->deadline, std::optional<std::int64_t>(T0 + 2 * minute)); // the misfire grace time
    QVERIFY(!activity.isEmpty());
    const QList<JobActivity> all = m_scheduler->activity();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].waiting, wait);

    // Plugged in 30 s later: it starts at once (no wake needed).
    m_clock.setNowMs(T0 + minute + 30'000);
    m_desktop->setOnBattery(false);
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
    QCOMPARE(m_begun.load(), 1);
    const RunRecord ran = runsOf("job", RunOutcome::Success).first();
    QCOMPARE(ran.startTime, std::optional<std::int64_t>(T0 + minute + 30'000));
    QCOMPARE(ran.error, QString());
    QCOMPARE(historyOf("job").size(), 1); // the same row: waiting, then running, then success
    QCOMPARE(m_scheduler->conditionWaitingCount(), 0);
    QCOMPARE(m_scheduler->conditionWait("job"), std::nullopt);
}

void TestConditions::endsConditionTimeoutAtTheDeadline()
{
    m_desktop->setOnBattery(true);
    addOrDie(conditionalJob("job", {"ac-power"}));
    QVERIFY(m_scheduler->start());
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);
    wake(T0 + minute);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    // The wake timer is armed for the deadline (scheduled time + misfire grace), not polled.
    QTRY_COMPARE(m_timer->armedAt(), std::optional<std::int64_t>(T0 + 2 * minute));
    wake(T0 + 2 * minute - 1);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    wake(T0 + 2 * minute);
    const QList<RunRecord> timedOut = runsOf("job", RunOutcome::ConditionTimeout);
    QCOMPARE(timedOut.size(), 1);
    QCOMPARE(timedOut[0].error, QStringLiteral("not run: still waiting for AC power at its deadline"));
    QCOMPARE(timedOut[0].endTime, std::optional<std::int64_t>(T0 + 2 * minute));
    QCOMPARE(timedOut[0].startTime, std::nullopt);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(m_begun.load(), 0);
    QCOMPARE(m_scheduler->conditionWaitingCount(), 0);
    m_desktop->setOnBattery(false); // too late: nothing starts
    QTest::qWait(20);
    QCOMPARE(m_begun.load(), 0);
}

void TestConditions::deadlineNoneWaitsForEver()
{
    m_desktop->setOnBattery(true);
    Job job = conditionalJob("job", {"ac-power"});
    job.options.requireDeadlineMs = std::optional<std::int64_t>();
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QCOMPARE(m_scheduler->conditionWait("job")->deadline, std::nullopt);
    QTest::qWait(10);
    QCOMPARE(m_timer->armedAt(), std::nullopt); // nothing to wake for: it waits for the desktop
    wake(T0 + 400 * 86'400'000LL);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    m_desktop->setOnBattery(false);
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
}

void TestConditions::requireDeadlineLongerThanTheGraceTime()
{
    m_desktop->setOnBattery(true);
    Job job = conditionalJob("job", {"ac-power"});
    job.options.requireDeadlineMs = std::optional<std::int64_t>(60 * minute);
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QCOMPARE(m_scheduler->conditionWait("job")->deadline, std::optional<std::int64_t>(T0 + 61 * minute));
    // 30 min late, far past the 60 s grace: the wait was allowed, so it runs rather than being missed.
    m_clock.setNowMs(T0 + 31 * minute);
    m_desktop->setOnBattery(false);
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
    QVERIFY(runsOf("job", RunOutcome::Missed).isEmpty());
}

void TestConditions::idleStartsWhenIdleLongEnough()
{
    Job job = conditionalJob("job", {"idle:10m"});
    job.options.requireDeadlineMs = std::optional<std::int64_t>(60 * minute);
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).first().error, QStringLiteral("waiting for the computer to be idle for 10m"));
    QTRY_COMPARE(m_timer->armedAt(), std::optional<std::int64_t>(T0 + 61 * minute)); // only the deadline

    // Idle from T0 + 5 min: the timer is armed for 10 min later, when idle:10m holds.
    m_clock.setNowMs(T0 + 5 * minute);
    m_desktop->setIdleSinceMs(T0 + 5 * minute);
    QTRY_COMPARE(m_timer->armedAt(), std::optional<std::int64_t>(T0 + 15 * minute));
    wake(T0 + 15 * minute - 1);
    QCOMPARE(m_begun.load(), 0);
    wake(T0 + 15 * minute);
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
    QCOMPARE(runsOf("job", RunOutcome::Success).first().startTime, std::optional<std::int64_t>(T0 + 15 * minute));
}

void TestConditions::networkAndUnmetered()
{
    m_desktop->setNetworkOnline(false);
    addOrDie(conditionalJob("net", {"network"}));
    Job unmetered = conditionalJob("free", {"unmetered"});
    addOrDie(unmetered);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QCOMPARE(runsOf("net", RunOutcome::Waiting).first().error, QStringLiteral("waiting for network"));
    QCOMPARE(runsOf("free", RunOutcome::Waiting).first().error, QStringLiteral("waiting for an unmetered network"));
    m_desktop->setNetworkMetered(true);
    m_desktop->setNetworkOnline(true);
    QTRY_COMPARE(runsOf("net", RunOutcome::Success).size(), 1);
    QCOMPARE(runsOf("free", RunOutcome::Waiting).size(), 1); // online, but metered
    m_desktop->setNetworkMetered(false);
    QTRY_COMPARE(runsOf("free", RunOutcome::Success).size(), 1);
}

void TestConditions::waitingRunsEndInterrupted_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("error");
    QTest::newRow("job paused") << "pause" << "not run: the job was paused while this run waited for its conditions";
    QTest::newRow("job stopped") << "stop" << "stopped by the user";
    QTest::newRow("job removed") << "remove" << "stopped: the job was removed";
    QTest::newRow("shutdown") << "shutdown" << "the scheduler stopped while this run waited for its conditions";
}

void TestConditions::waitingRunsEndInterrupted()
{
    QFETCH(QString, how);
    QFETCH(QString, error);
    m_desktop->setOnBattery(true);
    addOrDie(conditionalJob("job", {"ac-power"}));
    QVERIFY(m_scheduler->start());
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);
    QSignalSpy down(m_scheduler.get(), &Scheduler::shutDown);
    wake(T0 + minute);
    QCOMPARE(m_scheduler->conditionWaitingCount(), 1);
    if (how == "pause")
        QVERIFY_OK(m_scheduler->pauseJob("job"));
    else if (how == "stop")
        QCOMPARE(m_scheduler->stopJob("job").value(), 1);
    else if (how == "remove")
        QCOMPARE(m_scheduler->removeJob("job").value(), 1);
    else
        m_scheduler->shutdown(Scheduler::ShutdownMode::WaitForRuns);
    QCOMPARE(errors.size(), 1);
    const RunRecord run = errors.first().at(0).value<RunRecord>();
    QCOMPARE(run.outcome, RunOutcome::Interrupted);
    QCOMPARE(run.error, error);
    QCOMPARE(run.startTime, std::nullopt);
    QCOMPARE(m_scheduler->conditionWaitingCount(), 0);
    QCOMPARE(m_scheduler->activity(), QList<JobActivity>{});
    if (how == "shutdown")
        QCOMPARE(down.size(), 1); // nothing is left to wait for
    if (how != "remove")
        QCOMPARE(runsOf("job", RunOutcome::Interrupted).size(), 1);
    m_desktop->setOnBattery(false);
    QTest::qWait(20);
    QCOMPARE(m_begun.load(), 0);
}

void TestConditions::schedulerPauseHoldsAWaitingRun()
{
    m_desktop->setOnBattery(true);
    Job job = conditionalJob("job", {"ac-power"});
    job.options.requireDeadlineMs = std::optional<std::int64_t>();
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    m_scheduler->pause();
    m_desktop->setOnBattery(false);
    QTest::qWait(20);
    QCOMPARE(m_begun.load(), 0); // paused: nothing starts
    m_scheduler->resume();
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
}

void TestConditions::waitingRowsLeftByACrashAreInterruptedAtStart_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("memory") << "memory";
    QTest::newRow("sqlite") << "sqlite";
}

void TestConditions::waitingRowsLeftByACrashAreInterruptedAtStart()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    std::unique_ptr<JobStore> store;
    if (kind == "sqlite") {
        auto opened = SqlJobStore::openSqlite(dir.filePath("jobs.db"), SqlJobStore::OpenMode::ExplicitPath);
        QVERIFY_OK(opened);
        store = std::move(opened).value();
    }
    setUpScheduler(T0, std::move(store));
    m_scheduler->setDesktopState(m_desktop);
    Job job = JobBuilder("job").interval(minute, T0 + minute).function("ok");
    job.options.conditions = conditions({"ac-power"});
    addOrDie(job);
    RunRecord waiting;
    waiting.jobId = "job";
    waiting.scheduledTime = T0 - minute;
    waiting.outcome = RunOutcome::Waiting;
    waiting.error = "waiting for AC power";
    QVERIFY_OK(m_store->insertRun(waiting));
    QVERIFY(m_scheduler->start());
    const QList<RunRecord> runs = historyOf("job");
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].outcome, RunOutcome::Interrupted);
    QCOMPARE(runs[0].error, QStringLiteral("the scheduler stopped while this run waited for its conditions"));
    QCOMPARE(runs[0].endTime, std::optional<std::int64_t>(T0));
}

void TestConditions::aWaitingRunIsAnInstance()
{
    m_desktop->setOnBattery(true);
    Job job = JobBuilder("job").interval(minute, T0 + minute).function("ok");
    job.options.conditions = conditions({"ac-power"});
    job.options.requireDeadlineMs = std::optional<std::int64_t>();
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    wake(T0 + 2 * minute); // max_instances 1, overlap skip: the waiting run holds the one instance
    QCOMPARE(runsOf("job", RunOutcome::Skipped).size(), 1);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    m_desktop->setOnBattery(false);
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
    QCOMPARE(runsOf("job", RunOutcome::Success).first().scheduledTime, T0 + minute);
}

void TestConditions::aRunWaitingQueuesTheNextWithQueueOne()
{
    m_desktop->setOnBattery(true);
    Job job = JobBuilder("job").interval(minute, T0 + minute).function("ok");
    job.options.conditions = conditions({"ac-power"});
    job.options.requireDeadlineMs = std::optional<std::int64_t>();
    job.options.misfireGraceMs.reset();
    job.options.overlap = OverlapPolicy::QueueOne;
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    wake(T0 + 2 * minute);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    QCOMPARE(runsOf("job", RunOutcome::Queued).size(), 1);
    m_desktop->setOnBattery(false);
    // The waiting run starts; when it ends, the queued one starts (its conditions hold).
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 2);
}

void TestConditions::runNowRunsAtOnce()
{
    m_desktop->setOnBattery(true);
    addOrDie(conditionalJob("job", {"ac-power"}));
    QVERIFY(m_scheduler->start());
    // The user asked: conditions do not hold it back.
    QVERIFY_OK(m_scheduler->runJobNow("job"));
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
    QCOMPARE(runsOf("job", RunOutcome::Success).first().reason, RunReason::RunNow);
    // While a scheduled run waits (an instance, max_instances 1), a run-now is refused, saying why.
    wake(T0 + minute);
    QCOMPARE(runsOf("job", RunOutcome::Waiting).size(), 1);
    auto busy = m_scheduler->runJobNow("job");
    QVERIFY(!busy);
    QCOMPARE(busy.error().code, ErrorCode::Busy);
    QCOMPARE(busy.error().message,
             QStringLiteral("\"job\" has a run waiting for its conditions (max instances 1); nothing started"));
}

void TestConditions::stopIfLostStopsTheRunGoing()
{
    Job job = conditionalJob("job", {"ac-power", "network"}, "block");
    job.options.stopIfLost = true;
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_begun.load(), 1);
    m_desktop->setNetworkMetered(true); // not a condition of this job: nothing happens
    QTest::qWait(20);
    QCOMPARE(m_scheduler->runningCount("job"), 1);
    m_desktop->setOnBattery(true);
    QTRY_COMPARE(runsOf("job", RunOutcome::Interrupted).size(), 1);
    QCOMPARE(runsOf("job", RunOutcome::Interrupted).first().error, QStringLiteral("stopped: AC power was lost"));
    QCOMPARE(m_scheduler->runningCount("job"), 0);
}

void TestConditions::withoutStopIfLostTheRunGoesOn()
{
    addOrDie(conditionalJob("job", {"ac-power"}, "block"));
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_begun.load(), 1);
    m_desktop->setOnBattery(true);
    QTest::qWait(20);
    QCOMPARE(m_scheduler->runningCount("job"), 1);
    m_gate.release();
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
}

QTEST_GUILESS_MAIN(TestConditions)
#include "testconditions.moc"
