// Scheduler semantics on an injected clock: misfire, coalesce, max_instances, pause, reschedule, retries.
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"
#include "store/sqljobstore.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t minute = 60'000;

} // namespace

class TestScheduler : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void downtime_data();
    void downtime();
    void overlap_data();
    void overlap();
    void pausedAcrossDueTime();
    void rescheduledWhileRunning();
    void armsForEarliestJob();
    void dateJobFinishesOrIsRemoved();
    void manyOneOffJobsEndingTogetherAreRemovedTogether();
    void pastDateWithinGraceRunsAtOnce();
    void addErrors();
    void unknownFunctionFailsClearly();
    void retriesRecordEachAttempt();
    void retryBackoffGrowsToItsCap();
    void retryWaitsWhileSchedulerPaused();
    void retryWaitingAtShutdownIsNotMade();
    void pausingAJobCancelsItsWaitingRetry();
    void removingAJobCancelsItsWaitingRetry();
    void pausingEndsTheRunTimesSubmittedWithTheRetry();
    void retryWaitIsShownNotRunning();
    void runNowWhileRunningIsRefusedUnrecorded();
    void removingARunningJobStopsIt();
    void removingAllJobsStopsTheirRuns();
    void commandRetriesRecordEachAttempt();
    void runNowRetriesWithoutStart();
    void retryOptionsJson();
    void runNowKeepsSchedule();
    void runningRunsAreInterruptedAtStart();
    void schedulerPauseHoldsRunsUntilResume();
    void shutdownStopsRuns();
    void bulkPauseAndResume_data();
    void bulkPauseAndResume();
    void bulkCallsAreAllOrNothing_data();
    void bulkCallsAreAllOrNothing();
    void bulkRemoveStopsTheirRuns();
    void bulkRunNowReportsBusyJobs();
    void stoppingAFunctionRun();
    void stoppingACommandRunEndsItsProcesses();
    void stoppingDropsAWaitingRetry();
    void runOutputFollowsACommand();

private:
    /// A fresh store of @p kind ("memory" or "sqlite", a file in m_dir) under a new scheduler at T0.
    void setUpStore(const QString &kind);
    /// A command job running @p script with /bin/sh, hourly (it runs when asked).
    Job shellJob(const QString &id, const QString &script);
    QTemporaryDir m_dir;
    Job intervalJob(const QString &id, const QString &function, std::int64_t every = minute);
    /// An hourly job of the failing function with @p retries retries @p retryDelayMs apart.
    Job failingJob(const QString &id, int retries, std::int64_t retryDelayMs, std::int64_t every = 60 * minute);
    QList<std::int64_t> recorded();
    QList<RunRecord> runsOf(const QString &id, RunOutcome outcome);
    /// Nothing of @p id is going or waiting to retry.
    bool settled(const QString &id) const;

    QMutex m_mutex;
    QList<std::int64_t> m_recorded;
    std::atomic<int> m_failures{0};
};

void TestScheduler::init()
{
    m_recorded.clear();
    m_failures = 0;
    m_functions.add("record", [this](const FunctionContext &context) {
        const QMutexLocker locker(&m_mutex);
        m_recorded.append(context.scheduledTime);
        return FunctionResult::success(QStringLiteral("recorded"));
    });
    addBlocking("block");
    m_functions.add("fail", [this](const FunctionContext &) {
        ++m_failures;
        return FunctionResult::failure("boom");
    });
    setUpScheduler(T0);
}

void TestScheduler::cleanup()
{
    tearDownScheduler();
}

void TestScheduler::setUpStore(const QString &kind)
{
    if (kind == "memory") {
        setUpScheduler(T0);
        return;
    }
    static int stores = 0;
    auto store = SqlJobStore::openSqlite(m_dir.filePath(QStringLiteral("jobs%1.db").arg(++stores)),
                                         SqlJobStore::OpenMode::ExplicitPath);
    if (!store)
        qFatal("%s", qPrintable(store.error().message));
    setUpScheduler(T0, std::move(store).value());
}

Job TestScheduler::shellJob(const QString &id, const QString &script)
{
    CommandAction command;
    command.program = QStringLiteral("/bin/sh");
    command.arguments = {QStringLiteral("-c"), script};
    return JobBuilder(id).interval(60 * minute, m_clock.nowMs() + 60 * minute).action(command);
}

Job TestScheduler::intervalJob(const QString &id, const QString &function, std::int64_t every)
{
    return JobBuilder(id).interval(every, m_clock.nowMs() + every).function(function);
}

Job TestScheduler::failingJob(const QString &id, int retries, std::int64_t retryDelayMs, std::int64_t every)
{
    Job job = intervalJob(id, "fail", every);
    job.options.maxRetries = retries;
    job.options.retryDelayMs = retryDelayMs;
    return job;
}

QList<std::int64_t> TestScheduler::recorded()
{
    const QMutexLocker locker(&m_mutex);
    return m_recorded;
}

bool TestScheduler::settled(const QString &id) const
{
    return m_scheduler->runningCount(id) == 0 && !m_scheduler->retryWait(id);
}

QList<RunRecord> TestScheduler::runsOf(const QString &id, RunOutcome outcome)
{
    QList<RunRecord> matching;
    for (const RunRecord &run : m_store->runs(id, 10000).value()) {
        if (run.outcome == outcome)
            matching.prepend(run); // oldest first
    }
    return matching;
}

void TestScheduler::downtime_data()
{
    QTest::addColumn<bool>("coalesce");
    QTest::addColumn<qint64>("graceMs"); // -1: none
    QTest::addColumn<QList<qint64>>("expectedRuns"); // minutes after T0
    QTest::addColumn<int>("expectedMissed");

    // Down from T0 until T0 + 5.5 min: run times at 1, 2, 3, 4 and 5 min are due at once.
    QTest::newRow("coalesce on, grace none") << true << qint64(-1) << QList<qint64>{5} << 0;
    QTest::newRow("coalesce off, grace none") << false << qint64(-1) << QList<qint64>{1, 2, 3, 4, 5} << 0;
    QTest::newRow("coalesce on, within grace") << true << qint64(60'000) << QList<qint64>{5} << 0;
    QTest::newRow("coalesce on, grace exceeded") << true << qint64(10'000) << QList<qint64>{} << 1;
    QTest::newRow("coalesce off, some within grace") << false << qint64(100'000) << QList<qint64>{4, 5} << 3;
    QTest::newRow("coalesce off, grace exceeded") << false << qint64(10'000) << QList<qint64>{} << 5;
}

void TestScheduler::downtime()
{
    QFETCH(bool, coalesce);
    QFETCH(qint64, graceMs);
    QFETCH(QList<qint64>, expectedRuns);
    QFETCH(int, expectedMissed);

    Job job = intervalJob("job", "record");
    job.options.coalesce = coalesce ? CoalescePolicy::Latest : CoalescePolicy::All;
    job.options.misfireGraceMs = graceMs < 0 ? std::nullopt : std::optional<std::int64_t>(graceMs);
    addOrDie(job);
    QSignalSpy missed(m_scheduler.get(), &Scheduler::jobMissed);
    QVERIFY(m_scheduler->start());

    wake(T0 + 5 * minute + 30'000);
    QList<std::int64_t> expected;
    for (const qint64 m : expectedRuns)
        expected << T0 + m * minute;
    QTRY_COMPARE(recorded(), expected);
    QTRY_COMPARE(m_scheduler->runningCount(), 0);
    QCOMPARE(runsOf("job", RunOutcome::Success).size(), expectedRuns.size());
    const QList<RunRecord> missedRuns = runsOf("job", RunOutcome::Missed);
    QCOMPARE(missedRuns.size(), expectedMissed);
    QCOMPARE(missed.size(), expectedMissed);
    for (const RunRecord &run : missedRuns) {
        QCOMPARE(run.lateMs, T0 + 5 * minute + 30'000 - run.scheduledTime);
        QVERIFY2(run.error.contains(QLatin1String("missed by")), qPrintable(run.error));
    }
    // The next run time comes from the last run time considered, not from now.
    QCOMPARE(m_scheduler->job("job")->nextRunTime, T0 + 6 * minute);
    QCOMPARE(m_timer->armedAt(), T0 + 6 * minute);
}

void TestScheduler::overlap_data()
{
    QTest::addColumn<int>("maxInstances");
    QTest::newRow("max_instances 1") << 1;
    QTest::newRow("max_instances 2") << 2;
}

void TestScheduler::overlap()
{
    QFETCH(int, maxInstances);
    Job job = intervalJob("slow", "block");
    job.options.maxInstances = maxInstances;
    addOrDie(job);
    QSignalSpy maxSpy(m_scheduler.get(), &Scheduler::jobMaxInstances);
    QVERIFY(m_scheduler->start());

    wake(T0 + minute);
    QTRY_COMPARE(m_scheduler->runningCount("slow"), 1);
    wake(T0 + 2 * minute); // the first run is still going
    if (maxInstances == 1) {
        QCOMPARE(m_scheduler->runningCount("slow"), 1);
        QCOMPARE(maxSpy.size(), 1);
        const QList<RunRecord> skipped = runsOf("slow", RunOutcome::Skipped);
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(skipped.front().scheduledTime, T0 + 2 * minute);
        QVERIFY2(skipped.front().error.contains(QLatin1String("max instances")), qPrintable(skipped.front().error));
    } else {
        QTRY_COMPARE(m_scheduler->runningCount("slow"), 2);
        QCOMPARE(maxSpy.size(), 0);
    }
    m_gate.release(2);
    QTRY_COMPARE(m_scheduler->runningCount("slow"), 0);
    QCOMPARE(runsOf("slow", RunOutcome::Success).size(), maxInstances);
    QCOMPARE(m_scheduler->job("slow")->nextRunTime, T0 + 3 * minute);
}

void TestScheduler::pausedAcrossDueTime()
{
    addOrDie(intervalJob("job", "record"));
    QVERIFY(m_scheduler->start());
    m_clock.setNowMs(T0 + 30'000);
    auto paused = m_scheduler->pauseJob("job");
    QVERIFY(paused);
    QCOMPARE(paused->state(), JobState::Paused);
    QCOMPARE(paused->nextRunTime, std::nullopt);
    QCOMPARE(m_timer->armedAt(), std::nullopt); // nothing left to wake for

    wake(T0 + 2 * minute + 30'000); // its due times 1 and 2 min passed while paused
    QCOMPARE(recorded(), QList<std::int64_t>{});
    QCOMPARE(m_store->runs("job", 100).value().size(), 0); // not missed either: paused runs are not made up

    auto resumed = m_scheduler->resumeJob("job");
    QVERIFY(resumed);
    QCOMPARE(resumed->nextRunTime, T0 + 3 * minute); // the next time from the moment of resuming
    wake(T0 + 3 * minute);
    QTRY_COMPARE(recorded(), QList<std::int64_t>{T0 + 3 * minute});
}

void TestScheduler::rescheduledWhileRunning()
{
    addOrDie(intervalJob("job", "block"));
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_scheduler->runningCount("job"), 1);

    m_clock.setNowMs(T0 + minute + 10'000);
    auto rescheduled = m_scheduler->rescheduleJob(
        "job", std::make_shared<IntervalTrigger>(5 * minute, T0 + minute + 10'000 + 5 * minute));
    QVERIFY(rescheduled);
    QCOMPARE(rescheduled->nextRunTime, T0 + 6 * minute + 10'000);
    QCOMPARE(m_timer->armedAt(), T0 + 6 * minute + 10'000);

    m_gate.release();
    QTRY_COMPARE(m_scheduler->runningCount("job"), 0);
    QCOMPARE(runsOf("job", RunOutcome::Success).size(), 1);
    // The run that ended kept its own scheduled time and did not disturb the new schedule.
    QCOMPARE(runsOf("job", RunOutcome::Success).front().scheduledTime, T0 + minute);
    QCOMPARE(m_scheduler->job("job")->nextRunTime, T0 + 6 * minute + 10'000);
}

void TestScheduler::armsForEarliestJob()
{
    QVERIFY(m_scheduler->start());
    QCOMPARE(m_timer->armedAt(), std::nullopt);
    addOrDie(intervalJob("hourly", "record", 60 * minute));
    QCOMPARE(m_timer->armedAt(), T0 + 60 * minute);
    addOrDie(intervalJob("minutely", "record"));
    QCOMPARE(m_timer->armedAt(), T0 + minute);
    QVERIFY(m_scheduler->removeJob("minutely"));
    QCOMPARE(m_timer->armedAt(), T0 + 60 * minute);
    QVERIFY(m_scheduler->removeAllJobs());
    QCOMPARE(m_timer->armedAt(), std::nullopt);
}

void TestScheduler::dateJobFinishesOrIsRemoved()
{
    Job kept;
    kept.id = "once";
    kept.trigger = std::make_shared<DateTrigger>(T0 + minute);
    kept.action = FunctionAction{"record", {}};
    addOrDie(kept);
    Job removed = kept;
    removed.id = "once-removed";
    removed.options.removeWhenDone = true;
    addOrDie(removed);
    QSignalSpy removedSpy(m_scheduler.get(), &Scheduler::jobRemoved);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(recorded().size(), 2);
    QTRY_COMPARE(removedSpy.size(), 1);
    QCOMPARE(removedSpy.front().front().toString(), QStringLiteral("once-removed"));
    const auto job = m_scheduler->job("once");
    QVERIFY(job);
    QCOMPARE(job->state(), JobState::Finished);
    QCOMPARE(m_scheduler->job("once-removed").error().code, ErrorCode::NotFound);
}

void TestScheduler::manyOneOffJobsEndingTogetherAreRemovedTogether()
{
    // A burst of one-off jobs that go when done: all removed (at the end of the turns their runs ended in), each
    // once, while one rescheduled before its run ended stays.
    constexpr int count = 40;
    for (int i = 0; i < count; ++i) {
        Job job;
        job.id = QStringLiteral("burst-%1").arg(i);
        job.trigger = std::make_shared<DateTrigger>(T0 + minute);
        job.action = FunctionAction{"record", {}};
        job.options.removeWhenDone = true;
        addOrDie(job);
    }
    Job slow;
    slow.id = "rescheduled";
    slow.trigger = std::make_shared<DateTrigger>(T0 + minute);
    slow.action = FunctionAction{"block", {}};
    slow.options.removeWhenDone = true;
    addOrDie(slow);
    QSignalSpy removedSpy(m_scheduler.get(), &Scheduler::jobRemoved);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_scheduler->runningCount("rescheduled"), 1);
    QVERIFY(m_scheduler->rescheduleJob("rescheduled", std::make_shared<DateTrigger>(T0 + 2 * minute)));
    m_gate.release();
    QTRY_COMPARE(recorded().size(), count);
    QTRY_COMPARE(removedSpy.size(), count);
    QTRY_COMPARE(m_scheduler->runningCount(), 0);
    QSet<QString> removed;
    for (const QList<QVariant> &signal : std::as_const(removedSpy))
        removed.insert(signal.front().toString());
    QCOMPARE(removed.size(), count);
    QVERIFY(!removed.contains(QStringLiteral("rescheduled")));
    const auto left = m_scheduler->jobs();
    QVERIFY(left);
    QCOMPARE(left->size(), 1);
    QCOMPARE(left->front().id, QStringLiteral("rescheduled"));
}

void TestScheduler::pastDateWithinGraceRunsAtOnce()
{
    QVERIFY(m_scheduler->start());
    Job job;
    job.id = "just-passed";
    job.trigger = std::make_shared<DateTrigger>(T0 - 5'000);
    job.action = FunctionAction{"record", {}};
    QCOMPARE(addOrDie(job).nextRunTime, T0 - 5'000);
    QTRY_COMPARE(recorded(), QList<std::int64_t>{T0 - 5'000});
}

void TestScheduler::addErrors()
{
    QVERIFY(m_scheduler->start());
    addOrDie(intervalJob("dup", "record"));
    const auto duplicate = m_scheduler->addJob(intervalJob("dup", "record"));
    QCOMPARE(duplicate.error().code, ErrorCode::Conflict);
    QVERIFY2(duplicate.error().message.contains(QLatin1String("\"dup\"")), qPrintable(duplicate.error().message));
    QVERIFY(m_scheduler->addJob(intervalJob("dup", "record"), ConflictPolicy::Replace)); // replace

    Job past;
    past.id = "past";
    past.trigger = std::make_shared<DateTrigger>(T0 - 3600'000);
    past.action = FunctionAction{"record", {}};
    const auto tooLate = m_scheduler->addJob(past);
    QCOMPARE(tooLate.error().code, ErrorCode::InvalidInput);
    QVERIFY2(tooLate.error().message.contains(QLatin1String("already passed")), qPrintable(tooLate.error().message));

    for (const QString &id : {QStringLiteral("nope")}) {
        QCOMPARE(m_scheduler->pauseJob(id).error().code, ErrorCode::NotFound);
        QCOMPARE(m_scheduler->resumeJob(id).error().code, ErrorCode::NotFound);
        QCOMPARE(m_scheduler->removeJob(id).error().code, ErrorCode::NotFound);
        QCOMPARE(m_scheduler->runJobNow(id).error().code, ErrorCode::NotFound);
        QVERIFY(m_scheduler->removeJob(id).error().message.contains(QLatin1String("\"nope\"")));
    }
}

void TestScheduler::unknownFunctionFailsClearly()
{
    addOrDie(intervalJob("ghost", "not-registered"));
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(errors.size(), 1);
    const RunRecord run = errors.front().front().value<RunRecord>();
    QCOMPARE(run.outcome, RunOutcome::Failed);
    QVERIFY2(run.error.contains(QLatin1String("not-registered")), qPrintable(run.error));
    QCOMPARE(m_scheduler->job("ghost")->nextRunTime, T0 + 2 * minute); // the job is kept and stays scheduled
}

void TestScheduler::retriesRecordEachAttempt()
{
    Job job = intervalJob("flaky", "fail");
    job.options.maxRetries = 2;
    job.options.retryDelayMs = 10;
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    // Retries wait on the injected clock: the wake timer is armed for each one in turn.
    QTRY_COMPARE(m_timer->armedAt(), T0 + minute + 10);
    wake(T0 + minute + 10);
    QTRY_COMPARE(m_timer->armedAt(), T0 + minute + 20);
    wake(T0 + minute + 20);
    QTRY_COMPARE(m_scheduler->runningCount("flaky"), 0);
    QCOMPARE(m_failures.load(), 3);
    const QList<RunRecord> failed = runsOf("flaky", RunOutcome::Failed);
    QCOMPARE(failed.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(failed[i].attempt, i + 1);
        QCOMPARE(failed[i].scheduledTime, T0 + minute);
        QCOMPARE(failed[i].error, QStringLiteral("boom"));
    }
}

void TestScheduler::retryBackoffGrowsToItsCap()
{
    Job job = failingJob("flaky", 4, 10'000);
    job.options.retryBackoff = 2.0;
    job.options.retryDelayMaxMs = 25'000;
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    const std::int64_t due = T0 + 60 * minute;
    std::int64_t now = due;
    wake(now);
    // 10 s, then twice as long each time, but never longer than 25 s.
    int attempts = 1;
    for (const std::int64_t expectedWait : {10'000, 20'000, 25'000, 25'000}) {
        QTRY_COMPARE(m_failures.load(), attempts);
        QTRY_COMPARE(m_timer->armedAt(), now + expectedWait);
        wake(now + expectedWait - 1); // early: nothing starts, the timer is armed for the same instant again
        QCOMPARE(m_timer->armedAt(), now + expectedWait);
        QCOMPARE(m_failures.load(), attempts);
        now += expectedWait;
        wake(now);
        ++attempts;
    }
    QTRY_COMPARE(m_scheduler->runningCount("flaky"), 0);
    QCOMPARE(m_failures.load(), 5);
    QCOMPARE(m_timer->armedAt(), T0 + 120 * minute); // retries used up: back to the schedule

    const QList<RunRecord> failed = runsOf("flaky", RunOutcome::Failed);
    QCOMPARE(failed.size(), 5);
    const QList<std::int64_t> starts{due, due + 10'000, due + 30'000, due + 55'000, due + 80'000};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(failed[i].attempt, i + 1);
        QCOMPARE(failed[i].scheduledTime, due);
        QCOMPARE(failed[i].startTime, starts[i]);
    }
}

void TestScheduler::retryWaitsWhileSchedulerPaused()
{
    Job job = failingJob("flaky", 1, 10'000);
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    const std::int64_t due = T0 + 60 * minute;
    wake(due);
    QTRY_COMPARE(m_timer->armedAt(), due + 10'000);
    m_scheduler->pause();
    QCOMPARE(m_timer->armedAt(), std::nullopt);
    wake(due + 20'000); // a stray wake-up: a paused scheduler starts nothing, retries included
    QCOMPARE(m_failures.load(), 1);
    QCOMPARE(m_scheduler->retryWait("flaky"), (RetryWait{2, 2, due + 10'000})); // still waits, overdue
    m_scheduler->resume();
    QTRY_VERIFY(settled("flaky"));
    QCOMPARE(m_failures.load(), 2);
    const QList<RunRecord> failed = runsOf("flaky", RunOutcome::Failed);
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed[1].attempt, 2);
    QCOMPARE(failed[1].startTime, due + 20'000);
}

void TestScheduler::retryWaitingAtShutdownIsNotMade()
{
    Job job = failingJob("flaky", 2, 10'000);
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + 60 * minute);
    QTRY_COMPARE(m_timer->armedAt(), T0 + 60 * minute + 10'000);
    QSignalSpy down(m_scheduler.get(), &Scheduler::shutDown);
    m_scheduler->shutdown(Scheduler::ShutdownMode::WaitForRuns);
    QTRY_COMPARE(down.size(), 1);
    QCOMPARE(m_failures.load(), 1);
    QCOMPARE(runsOf("flaky", RunOutcome::Failed).size(), 1);
    const QList<RunRecord> interrupted = runsOf("flaky", RunOutcome::Interrupted);
    QCOMPARE(interrupted.size(), 1);
    QCOMPARE(interrupted.front().attempt, 2);
    QVERIFY2(interrupted.front().error.contains(QLatin1String("before this run began")),
             qPrintable(interrupted.front().error));
}

void TestScheduler::pausingAJobCancelsItsWaitingRetry()
{
    // Two retries 300 s apart (the token example): pausing after the first failure makes no more attempts, the
    // job no longer counts as running, and the waiting attempt says why it was not made.
    Job job = failingJob("flaky", 2, 300'000);
    addOrDie(job);
    Job other = failingJob("other", 1, 300'000);
    addOrDie(other);
    QVERIFY(m_scheduler->start());
    const std::int64_t due = T0 + 60 * minute;
    wake(due);
    QTRY_COMPARE(m_timer->armedAt(), due + 300'000);
    QVERIFY(m_scheduler->retryWait("flaky"));
    QVERIFY_OK(m_scheduler->pauseJob("flaky"));
    QVERIFY(settled("flaky"));
    QVERIFY(m_scheduler->retryWait("other")); // another job's retry still waits
    wake(due + 300'000);
    QTRY_VERIFY(settled("other"));
    QCOMPARE(m_failures.load(), 3); // flaky once, other twice
    QCOMPARE(runsOf("flaky", RunOutcome::Failed).size(), 1);
    const QList<RunRecord> notRetried = runsOf("flaky", RunOutcome::Interrupted);
    QCOMPARE(notRetried.size(), 1);
    QCOMPARE(notRetried.front().attempt, 2);
    QVERIFY2(notRetried.front().error.contains(QLatin1String("the job was paused")),
             qPrintable(notRetried.front().error));
    QCOMPARE(runsOf("other", RunOutcome::Failed).size(), 2);
}

void TestScheduler::removingAJobCancelsItsWaitingRetry()
{
    Job job = failingJob("flaky", 1, 300'000);
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    const std::int64_t due = T0 + 60 * minute;
    wake(due);
    QTRY_COMPARE(m_timer->armedAt(), due + 300'000);
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);
    const auto removed = m_scheduler->removeJob("flaky");
    QVERIFY_OK(removed);
    QCOMPARE(removed.value(), 1); // the retry waiting is counted as stopped
    QVERIFY(m_scheduler->activity().isEmpty());
    QCOMPARE(m_scheduler->retryingCount(), 0);
    QCOMPARE(errors.size(), 1);
    const RunRecord notRetried = errors.front().front().value<RunRecord>();
    QCOMPARE(notRetried.outcome, RunOutcome::Interrupted);
    QCOMPARE(notRetried.attempt, 2);
    QCOMPARE(notRetried.error, QStringLiteral("stopped: the job was removed"));
    wake(due + 300'000);
    QCOMPARE(m_failures.load(), 1);
}

void TestScheduler::pausingEndsTheRunTimesSubmittedWithTheRetry()
{
    // Not coalesced, two run times due at once: they are one submission. The first fails and waits to retry;
    // pausing ends that attempt and the run time queued behind it, and leaves no run "running" in the history.
    Job job = failingJob("flaky", 1, 300'000, minute);
    job.options.coalesce = CoalescePolicy::All;
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + 2 * minute);
    QTRY_COMPARE(m_failures.load(), 1);
    QTRY_VERIFY(m_scheduler->retryWait("flaky")); // waiting to retry, the second run time behind it
    QVERIFY_OK(m_scheduler->pauseJob("flaky"));
    QCOMPARE(m_scheduler->runningCount("flaky"), 0);
    QTRY_COMPARE(runsOf("flaky", RunOutcome::Interrupted).size(), 2); // written behind, at the end of the turn
    QList<RunRecord> ended = runsOf("flaky", RunOutcome::Interrupted);
    std::sort(ended.begin(), ended.end(),
              [](const RunRecord &a, const RunRecord &b) { return a.scheduledTime < b.scheduledTime; });
    QCOMPARE(ended.size(), 2);
    QCOMPARE(ended[0].scheduledTime, T0 + minute);
    QCOMPARE(ended[0].attempt, 2);
    QCOMPARE(ended[1].scheduledTime, T0 + 2 * minute);
    QCOMPARE(ended[1].attempt, 1);
    for (const RunRecord &run : ended)
        QVERIFY2(run.error.contains(QLatin1String("the job was paused")), qPrintable(run.error));
    QVERIFY(runsOf("flaky", RunOutcome::Running).isEmpty());
    QCOMPARE(m_failures.load(), 1);
}

void TestScheduler::retryWaitIsShownNotRunning()
{
    // Two retries 300 s apart after a failure: for the whole wait the job is not running, the wait says which
    // attempt of how many comes and when, and it still counts as an instance (max_instances 1).
    Job job = failingJob("flaky", 2, 300'000, minute);
    addOrDie(job);
    QSignalSpy activity(m_scheduler.get(), &Scheduler::jobActivityChanged);
    QVERIFY(m_scheduler->start());
    const std::int64_t due = T0 + minute;
    wake(due);
    QTRY_VERIFY(m_scheduler->retryWait("flaky"));
    QCOMPARE(m_scheduler->retryWait("flaky"), (RetryWait{2, 3, due + 300'000}));
    QCOMPARE(m_scheduler->runningCount("flaky"), 0);
    QCOMPARE(m_scheduler->runningCount(), 0);
    QCOMPARE(m_scheduler->retryingCount(), 1);
    QCOMPARE(m_scheduler->activity(), (QList<JobActivity>{{"flaky", 0, RetryWait{2, 3, due + 300'000}}}));
    QVERIFY(!activity.isEmpty());
    QVERIFY(std::all_of(activity.cbegin(), activity.cend(),
                        [](const QList<QVariant> &args) { return args.front().toString() == "flaky"; }));

    // The next scheduled run comes while the retry waits: skipped, as with a run going (one scheduled run of the
    // job at a time).
    QSignalSpy maxInstances(m_scheduler.get(), &Scheduler::jobMaxInstances);
    wake(due + minute);
    QCOMPARE(maxInstances.size(), 1);
    QCOMPARE(runsOf("flaky", RunOutcome::Skipped).size(), 1);
    QCOMPARE(m_failures.load(), 1);

    // The second attempt fails too: the third waits, its time from the second's end.
    activity.clear();
    wake(due + 300'000);
    QTRY_COMPARE(m_failures.load(), 2);
    QTRY_COMPARE(m_scheduler->retryWait("flaky"), (RetryWait{3, 3, due + 600'000}));
    QCOMPARE(m_scheduler->runningCount(), 0);
    QVERIFY(activity.size() >= 2); // the wait ended (the attempt began), then a new one began

    wake(due + 600'000);
    QTRY_COMPARE(m_failures.load(), 3);
    QTRY_VERIFY(settled("flaky"));
    QCOMPARE(m_scheduler->retryingCount(), 0);
    QVERIFY(m_scheduler->activity().isEmpty());
    QCOMPARE(runsOf("flaky", RunOutcome::Failed).size(), 3);
}

void TestScheduler::runNowWhileRunningIsRefusedUnrecorded()
{
    Job job = intervalJob("slow", "block", 60 * minute);
    job.name = "Slow report";
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    QVERIFY_OK(m_scheduler->runJobNow("slow"));
    QTRY_COMPARE(m_scheduler->runningCount("slow"), 1);
    QSignalSpy maxInstances(m_scheduler.get(), &Scheduler::jobMaxInstances);
    QSignalSpy ended(m_scheduler.get(), &Scheduler::jobError);

    const auto refused = m_scheduler->runJobNow("slow");
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Busy);
    QCOMPARE(refused.error().message,
             QStringLiteral("\"Slow report\" is already running (max instances 1); nothing started"));
    // A refused request is not a scheduled run skipped: no row, no signal, the last result stays the run's own.
    QCOMPARE(m_store->runs("slow", 10).value().size(), 1);
    QCOMPARE(maxInstances.size(), 0);
    QCOMPARE(ended.size(), 0);

    m_gate.release();
    QTRY_COMPARE(m_scheduler->runningCount("slow"), 0);
    QCOMPARE(runsOf("slow", RunOutcome::Success).size(), 1);
    QCOMPARE(m_store->runs("slow", 10).value().size(), 1);
}

namespace {

/// A process that exists and is not a zombie (a container's init may never reap one).
bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z';
}

} // namespace

void TestScheduler::removingARunningJobStopsIt()
{
    // A command whose child keeps going: removing the job kills the whole process group, as shutdown does.
    QTemporaryDir dir;
    const QString pidFile = dir.filePath("child.pid");
    Job job;
    job.id = "long";
    job.trigger = std::make_shared<IntervalTrigger>(60 * minute, T0 + 60 * minute);
    CommandAction command;
    command.program = QStringLiteral("/bin/sh");
    command.arguments = {QStringLiteral("-c"), QStringLiteral("sleep 60 & echo $! > '%1'; wait").arg(pidFile)};
    job.action = command;
    job.options.maxRetries = 2; // a stopped run is not retried
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    QVERIFY_OK(m_scheduler->runJobNow("long"));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 10'000);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 child = file.readAll().trimmed().toLongLong();
    QVERIFY(child > 0 && processAlive(child));
    QCOMPARE(m_scheduler->runningCount(), 1);

    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);
    QSignalSpy removed(m_scheduler.get(), &Scheduler::jobRemoved);
    const auto stopped = m_scheduler->removeJob("long");
    QVERIFY_OK(stopped);
    QCOMPARE(stopped.value(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_scheduler->job("long").error().code, ErrorCode::NotFound);

    QTRY_COMPARE_WITH_TIMEOUT(m_scheduler->runningCount(), 0, 10'000);
    QCOMPARE(errors.size(), 1);
    const RunRecord run = errors.front().front().value<RunRecord>();
    QCOMPARE(run.jobId, QStringLiteral("long"));
    QCOMPARE(run.outcome, RunOutcome::Interrupted);
    QCOMPARE(run.error, QStringLiteral("stopped: the job was removed"));
    QCOMPARE(run.attempt, 1);
    QVERIFY(m_scheduler->activity().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 10'000);
    QCOMPARE(m_timer->armedAt(), std::nullopt); // nothing retried, nothing left to wake for
}

void TestScheduler::removingAllJobsStopsTheirRuns()
{
    addOrDie(intervalJob("a", "block", 60 * minute));
    addOrDie(failingJob("b", 1, 300'000, 60 * minute));
    QVERIFY(m_scheduler->start());
    QVERIFY_OK(m_scheduler->runJobNow("a"));
    QVERIFY_OK(m_scheduler->runJobNow("b"));
    QTRY_VERIFY(m_scheduler->runningCount("a") == 1 && m_scheduler->retryWait("b"));
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);
    QCOMPARE(m_scheduler->removeAllJobs().value(), 2);
    QTRY_VERIFY(m_scheduler->activity().isEmpty());
    QCOMPARE(m_scheduler->runningCount(), 0);
    QTRY_COMPARE(errors.size(), 2);
    for (const QList<QVariant> &args : std::as_const(errors))
        QCOMPARE(args.front().value<RunRecord>().error, QStringLiteral("stopped: the job was removed"));
}

void TestScheduler::commandRetriesRecordEachAttempt()
{
    Job job;
    job.id = "command";
    job.trigger = std::make_shared<IntervalTrigger>(minute, T0 + minute);
    CommandAction command;
    command.program = QStringLiteral("/bin/sh");
    command.arguments = {QStringLiteral("-c"), QStringLiteral("echo trying; exit 3")};
    job.action = command;
    job.options.maxRetries = 1;
    job.options.retryDelayMs = 5'000;
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_timer->armedAt(), T0 + minute + 5'000);
    wake(T0 + minute + 5'000);
    QTRY_COMPARE(m_scheduler->runningCount("command"), 0);
    const QList<RunRecord> failed = runsOf("command", RunOutcome::Failed);
    QCOMPARE(failed.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(failed[i].attempt, i + 1);
        QCOMPARE(failed[i].exitCode, 3);
        QCOMPARE(failed[i].output, QStringLiteral("trying\n"));
        QCOMPARE(failed[i].error, QStringLiteral("exit code 3"));
    }
}

void TestScheduler::runNowRetriesWithoutStart()
{
    // punctualctl run-now runs a job on a scheduler that was never started: its retries must still be made.
    Job job = failingJob("flaky", 2, 5'000);
    job.options.retryBackoff = 2.0;
    addOrDie(job);
    QCOMPARE(m_scheduler->state(), Scheduler::State::Stopped);
    QCOMPARE(m_timer->armedAt(), std::nullopt); // an unstarted scheduler schedules nothing
    QVERIFY(m_scheduler->runJobNow("flaky"));
    QTRY_COMPARE(m_timer->armedAt(), T0 + 5'000);
    wake(T0 + 5'000);
    QTRY_COMPARE(m_timer->armedAt(), T0 + 15'000);
    wake(T0 + 15'000);
    QTRY_COMPARE(m_scheduler->runningCount("flaky"), 0);
    QCOMPARE(m_failures.load(), 3);
    QCOMPARE(m_timer->armedAt(), std::nullopt); // and still nothing scheduled
    const QList<RunRecord> failed = runsOf("flaky", RunOutcome::Failed);
    QCOMPARE(failed.size(), 3);
    QCOMPARE(failed[2].attempt, 3);
    QCOMPARE(failed[2].startTime, T0 + 15'000);
    QVERIFY(recorded().isEmpty());
}

void TestScheduler::retryOptionsJson()
{
    JobOptions options;
    options.maxRetries = 3;
    options.retryBackoff = 2.5;
    options.retryDelayMaxMs = 600'000;
    QJsonObject json;
    options.writeJson(json);
    QCOMPARE(json.value(QStringLiteral("retry_backoff")).toDouble(), 2.5);
    QCOMPARE(json.value(QStringLiteral("retry_delay_max")).toDouble(), 600.0);
    const auto back = JobOptions::fromJson(json);
    QVERIFY(back);
    QVERIFY(back.value() == options);
    QCOMPARE(back->retryDelayAfter(1), 30'000);
    QCOMPARE(back->retryDelayAfter(2), 75'000);
    QCOMPARE(back->retryDelayAfter(5), 600'000);

    // Absent keys: the same wait every time, as before backoff existed.
    const auto plain = JobOptions::fromJson(QJsonObject{{QStringLiteral("retry_delay"), 5}});
    QVERIFY(plain);
    QCOMPARE(plain->retryBackoff, 1.0);
    QCOMPARE(plain->retryDelayMaxMs, std::nullopt);
    QCOMPARE(plain->retryDelayAfter(1), 5'000);
    QCOMPARE(plain->retryDelayAfter(50), 5'000);

    // A hundred tenfold waits do not overflow: they stop at a year.
    JobOptions huge;
    huge.retryBackoff = 10.0;
    QCOMPARE(huge.retryDelayAfter(100), std::int64_t(365) * 86'400'000);

    const QList<std::pair<QJsonObject, QString>> bad = {
        {{{QStringLiteral("retry_backoff"), 0.5}}, QStringLiteral("retry_backoff")},
        {{{QStringLiteral("retry_backoff"), 11}}, QStringLiteral("retry_backoff")},
        {{{QStringLiteral("retry_backoff"), QStringLiteral("2")}}, QStringLiteral("retry_backoff")},
        {{{QStringLiteral("retry_delay_max"), -1}}, QStringLiteral("retry_delay_max")},
    };
    for (const auto &[object, key] : bad) {
        const auto parsed = JobOptions::fromJson(object);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
        QVERIFY2(parsed.error().message.contains(key), qPrintable(parsed.error().message));
    }
}

void TestScheduler::runNowKeepsSchedule()
{
    addOrDie(intervalJob("job", "record"));
    QVERIFY(m_scheduler->start());
    m_clock.setNowMs(T0 + 20'000);
    auto run = m_scheduler->runJobNow("job");
    QVERIFY(run);
    QTRY_COMPARE(recorded(), QList<std::int64_t>{T0 + 20'000});
    QCOMPARE(m_scheduler->job("job")->nextRunTime, T0 + minute);
}

void TestScheduler::runningRunsAreInterruptedAtStart()
{
    addOrDie(intervalJob("job", "record"));
    RunRecord leftOver;
    leftOver.jobId = "job";
    leftOver.scheduledTime = T0 - minute;
    QVERIFY(m_store->insertRun(leftOver));
    QVERIFY(m_scheduler->start());
    const QList<RunRecord> interrupted = runsOf("job", RunOutcome::Interrupted);
    QCOMPARE(interrupted.size(), 1);
    QCOMPARE(interrupted.front().scheduledTime, T0 - minute);
    QCOMPARE(interrupted.front().endTime, T0);
    QVERIFY2(interrupted.front().error.contains(QLatin1String("stopped while")), qPrintable(interrupted.front().error));
}

void TestScheduler::schedulerPauseHoldsRunsUntilResume()
{
    addOrDie(intervalJob("job", "record"));
    QVERIFY(m_scheduler->start());
    m_scheduler->pause();
    QCOMPARE(m_scheduler->state(), Scheduler::State::Paused);
    QCOMPARE(m_timer->armedAt(), std::nullopt);
    m_clock.setNowMs(T0 + minute + 5'000);
    m_scheduler->resume(); // due while paused, within the grace time: it runs now
    QTRY_COMPARE(recorded(), QList<std::int64_t>{T0 + minute});
}

void TestScheduler::shutdownStopsRuns()
{
    addOrDie(intervalJob("job", "block"));
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_scheduler->runningCount(), 1);
    QSignalSpy down(m_scheduler.get(), &Scheduler::shutDown);
    m_scheduler->shutdown(Scheduler::ShutdownMode::StopRuns);
    QTRY_COMPARE(down.size(), 1);
    QCOMPARE(m_scheduler->state(), Scheduler::State::Stopped);
    QCOMPARE(runsOf("job", RunOutcome::Interrupted).size(), 1);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "testscheduler.moc"

void TestScheduler::bulkPauseAndResume_data()
{
    QTest::addColumn<QString>("store");
    QTest::newRow("memory") << "memory";
    QTest::newRow("sqlite") << "sqlite";
}

void TestScheduler::bulkPauseAndResume()
{
    QFETCH(QString, store);
    setUpStore(store);
    addOrDie(intervalJob("a", "record"));
    addOrDie(intervalJob("b", "record", 2 * minute));
    addOrDie(intervalJob("c", "record", 3 * minute));
    QVERIFY_OK(m_scheduler->pauseJob("c"));
    QVERIFY(m_scheduler->start());
    QCOMPARE(m_timer->armedAt(), T0 + minute);
    QSignalSpy modified(m_scheduler.get(), &Scheduler::jobModified);

    // "c" is paused already and "a" comes twice: two jobs change, one signal each.
    const auto paused = m_scheduler->pauseJobs({"a", "b", "c", "a"});
    QVERIFY_OK(paused);
    QCOMPARE(paused->size(), 2);
    QCOMPARE(paused->at(0).id, QStringLiteral("a"));
    QCOMPARE(paused->at(1).id, QStringLiteral("b"));
    QCOMPARE(modified.size(), 2);
    for (const QString id : {"a", "b", "c"}) {
        const Job stored = m_scheduler->job(id).value();
        QVERIFY2(stored.paused && !stored.nextRunTime, qPrintable(id));
    }
    QCOMPARE(modified.at(0).front().value<Job>().paused, true);
    QCOMPARE(m_timer->armedAt(), std::nullopt); // nothing left to wake for

    // Resumed half a minute later: next runs from now, as resumeJob() computes them; "b" twice, "a" not asked.
    m_clock.setNowMs(T0 + 30'000);
    modified.clear();
    const auto resumed = m_scheduler->resumeJobs({"b", "c", "b"});
    QVERIFY_OK(resumed);
    QCOMPARE(resumed->size(), 2);
    QCOMPARE(modified.size(), 2);
    QCOMPARE(m_scheduler->job("b")->nextRunTime, T0 + 2 * minute);
    QCOMPARE(m_scheduler->job("c")->nextRunTime, T0 + 3 * minute);
    QVERIFY(!m_scheduler->job("b")->paused);
    QVERIFY(m_scheduler->job("a")->paused);
    QCOMPARE(m_timer->armedAt(), T0 + 2 * minute);
    // Nothing to do is no error.
    QCOMPARE(m_scheduler->resumeJobs({"b"})->size(), 0);
    QCOMPARE(m_scheduler->pauseJobs({}).value().size(), 0);
}

void TestScheduler::bulkCallsAreAllOrNothing_data()
{
    bulkPauseAndResume_data();
}

void TestScheduler::bulkCallsAreAllOrNothing()
{
    QFETCH(QString, store);
    setUpStore(store);
    addOrDie(intervalJob("a", "record"));
    addOrDie(intervalJob("b", "record"));
    QVERIFY_OK(m_scheduler->pauseJob("b"));
    QVERIFY(m_scheduler->start());
    QSignalSpy modified(m_scheduler.get(), &Scheduler::jobModified);
    QSignalSpy removed(m_scheduler.get(), &Scheduler::jobRemoved);
    QSignalSpy submitted(m_scheduler.get(), &Scheduler::jobSubmitted);
    const QStringList ids{"a", "b", "nope", "gone"};

    const auto checkRefused = [](const auto &result) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::NotFound);
        QCOMPARE(result.error().message, QStringLiteral("no job with id \"nope\""));
    };
    checkRefused(m_scheduler->pauseJobs(ids));
    checkRefused(m_scheduler->resumeJobs(ids));
    checkRefused(m_scheduler->removeJobs(ids));
    checkRefused(m_scheduler->runJobsNow(ids));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(modified.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(submitted.size(), 0);
    QVERIFY(!m_scheduler->job("a")->paused);
    QVERIFY(m_scheduler->job("b")->paused);
    QCOMPARE(m_scheduler->jobs()->size(), 2);
    QCOMPARE(m_store->runs(QString(), -1)->size(), 0);
    QCOMPARE(m_timer->armedAt(), T0 + minute);
}

void TestScheduler::bulkRemoveStopsTheirRuns()
{
    addOrDie(intervalJob("busy", "block", 60 * minute));
    addOrDie(intervalJob("idle", "record", 60 * minute));
    addOrDie(intervalJob("kept", "record", 60 * minute));
    QVERIFY(m_scheduler->start());
    QVERIFY_OK(m_scheduler->runJobNow("busy"));
    QTRY_COMPARE(m_scheduler->runningCount("busy"), 1);
    QSignalSpy removed(m_scheduler.get(), &Scheduler::jobRemoved);
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);

    const auto stopped = m_scheduler->removeJobs({"busy", "idle"});
    QVERIFY_OK(stopped);
    QCOMPARE(stopped.value(), 1);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0).front().toString(), QStringLiteral("busy"));
    QCOMPARE(removed.at(1).front().toString(), QStringLiteral("idle"));
    QCOMPARE(m_scheduler->jobs()->size(), 1);
    QCOMPARE(m_scheduler->jobs()->front().id, QStringLiteral("kept"));
    QTRY_COMPARE(m_scheduler->runningCount(), 0);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.front().front().value<RunRecord>().error, QStringLiteral("stopped: the job was removed"));
}

void TestScheduler::bulkRunNowReportsBusyJobs()
{
    Job slow = intervalJob("slow", "block", 60 * minute);
    slow.name = "Slow report";
    addOrDie(slow);
    addOrDie(intervalJob("quick", "record", 60 * minute));
    QVERIFY(m_scheduler->start());
    QVERIFY_OK(m_scheduler->runJobNow("slow"));
    QTRY_COMPARE(m_scheduler->runningCount("slow"), 1);

    // "slow" is at max_instances: reported busy, not a failure of the request; "quick" runs.
    const auto results = m_scheduler->runJobsNow({"slow", "quick"});
    QVERIFY_OK(results);
    QCOMPARE(results->size(), 2);
    QCOMPARE(results->at(0).jobId, QStringLiteral("slow"));
    QVERIFY(!results->at(0).run);
    QCOMPARE(results->at(0).busy, QStringLiteral("\"Slow report\" is already running (max instances 1); nothing started"));
    QCOMPARE(results->at(1).jobId, QStringLiteral("quick"));
    QVERIFY(results->at(1).run);
    QVERIFY(results->at(1).run->id > 0);
    QCOMPARE(results->at(1).run->scheduledTime, T0);
    QTRY_COMPARE(recorded(), QList<std::int64_t>{T0});
    QTRY_COMPARE(runsOf("quick", RunOutcome::Success).size(), 1);
    QCOMPARE(runsOf("quick", RunOutcome::Success).front().id, results->at(1).run->id);
    QCOMPARE(m_store->runs("slow", 10)->size(), 1); // the busy one recorded nothing
    m_gate.release();
    QTRY_COMPARE(m_scheduler->runningCount(), 0);
}

void TestScheduler::stoppingAFunctionRun()
{
    addOrDie(intervalJob("slow", "block", 60 * minute));
    QVERIFY(m_scheduler->start());
    QCOMPARE(m_scheduler->stopJob("slow").value(), 0); // nothing running: nothing stopped
    QCOMPARE(m_scheduler->stopJob("nope").error().code, ErrorCode::NotFound);
    QVERIFY_OK(m_scheduler->runJobNow("slow"));
    QTRY_COMPARE(m_scheduler->runningCount("slow"), 1);
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);

    QCOMPARE(m_scheduler->stopJob("slow").value(), 1);
    QTRY_COMPARE(m_scheduler->runningCount("slow"), 0);
    QTRY_COMPARE(errors.size(), 1);
    const RunRecord run = errors.front().front().value<RunRecord>();
    QCOMPARE(run.outcome, RunOutcome::Interrupted);
    QCOMPARE(run.error, QStringLiteral("stopped by the user"));
    QTRY_COMPARE(runsOf("slow", RunOutcome::Interrupted).size(), 1);
    // The job itself goes on as scheduled.
    QCOMPARE(m_scheduler->job("slow")->nextRunTime, T0 + 60 * minute);
    QCOMPARE(m_timer->armedAt(), T0 + 60 * minute);
}

void TestScheduler::stoppingACommandRunEndsItsProcesses()
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath("sleep.pid");
    Job job = shellJob("long", QStringLiteral("sleep 30 & echo $! > '%1'; wait").arg(pidFile));
    job.options.maxRetries = 2; // a stopped run is not retried
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    QVERIFY_OK(m_scheduler->runJobNow("long"));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 10'000);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 sleeper = file.readAll().trimmed().toLongLong();
    QVERIFY(sleeper > 0 && processAlive(sleeper));
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);

    QCOMPARE(m_scheduler->stopJob("long").value(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_scheduler->runningCount(), 0, 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(sleeper), 10'000);
    QCOMPARE(errors.size(), 1);
    const RunRecord run = errors.front().front().value<RunRecord>();
    QCOMPARE(run.outcome, RunOutcome::Interrupted);
    QCOMPARE(run.error, QStringLiteral("stopped by the user"));
    QVERIFY(!m_scheduler->retryWait("long"));
    QTRY_COMPARE(runsOf("long", RunOutcome::Interrupted).size(), 1);
    QVERIFY(m_scheduler->job("long"));
}

void TestScheduler::runOutputFollowsACommand()
{
    addOrDie(shellJob("talk", "echo one; sleep 0.5; echo two; sleep 0.5; echo three"));
    QVERIFY(m_scheduler->start());
    QSignalSpy output(m_scheduler.get(), &Scheduler::runOutput);
    QSignalSpy executed(m_scheduler.get(), &Scheduler::jobExecuted);
    const auto run = m_scheduler->runJobNow("talk");
    QVERIFY_OK(run);
    QCOMPARE(m_scheduler->runOutputSoFar(run->id).value_or("not going"), QString()); // going, nothing written yet

    QTRY_VERIFY_WITH_TIMEOUT(output.size() >= 1, 10'000);
    QCOMPARE(executed.size(), 0); // followed while it goes
    const RunRecord first = output.front().at(0).value<RunRecord>();
    QCOMPARE(first.id, run->id);
    QCOMPARE(first.jobId, QStringLiteral("talk"));
    QCOMPARE(output.front().at(1).toString(), QStringLiteral("one\n"));
    QVERIFY(m_scheduler->runOutputSoFar(run->id)->startsWith(QStringLiteral("one\n")));

    QTRY_COMPARE_WITH_TIMEOUT(executed.size(), 1, 10'000);
    QString followed;
    for (const QList<QVariant> &chunk : std::as_const(output))
        followed += chunk.at(1).toString();
    QCOMPARE(followed, QStringLiteral("one\ntwo\nthree\n"));
    QCOMPARE(executed.front().front().value<RunRecord>().output, followed);
    QCOMPARE(m_scheduler->runOutputSoFar(run->id), std::nullopt); // over: the record has it
}

void TestScheduler::stoppingDropsAWaitingRetry()
{
    addOrDie(failingJob("flaky", 2, 300'000));
    QVERIFY(m_scheduler->start());
    QVERIFY_OK(m_scheduler->runJobNow("flaky"));
    QTRY_VERIFY(m_scheduler->retryWait("flaky"));
    QCOMPARE(m_timer->armedAt(), T0 + 300'000);
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);

    QCOMPARE(m_scheduler->stopJob("flaky").value(), 1); // a run waiting to retry counts
    QVERIFY(!m_scheduler->retryWait("flaky"));
    QCOMPARE(errors.size(), 1);
    const RunRecord dropped = errors.front().front().value<RunRecord>();
    QCOMPARE(dropped.attempt, 2);
    QCOMPARE(dropped.outcome, RunOutcome::Interrupted);
    QCOMPARE(dropped.error, QStringLiteral("stopped by the user"));
    QCOMPARE(m_timer->armedAt(), T0 + 60 * minute); // the schedule goes on; no retry to wake for
    wake(T0 + 300'000);
    QCOMPARE(m_failures.load(), 1); // not retried
}
