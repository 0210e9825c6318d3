// Overlap policies (skip, queue-one, queue-all, replace, allow) and run reasons on the fake clock; replace with real
// processes: the replaced run's process group is gone before the new run starts.
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"
#include "store/sqljobstore.h"
#include "time/isotime.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t minute = 60'000;

} // namespace

Q_DECLARE_METATYPE(punctual::OverlapPolicy)

class TestOverlap : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void skipRecordsSkipped();
    void queueOneKeepsOneAndSkipsMore();
    void queueAllStartsInOrderUpToItsLimit();
    void queuedRunPastGraceIsMissedWhenItStarts();
    void queuedRunsEndInterrupted_data();
    void queuedRunsEndInterrupted();
    void schedulerPauseHoldsTheQueue();
    void queuedRowsLeftByACrashAreInterruptedAtStart_data();
    void queuedRowsLeftByACrashAreInterruptedAtStart();
    void replaceStopsTheRunGoingThenStarts();
    void replaceEndsTheProcessGroupBeforeTheNextRun();
    void allowStartsRegardless();
    void runNowFollowsThePolicy_data();
    void runNowFollowsThePolicy();
    void reasonsOfEachPath();

private:
    /// A job blocking until m_gate is released, every minute from T0 + 1 min, with @p overlap.
    Job blockingJob(const QString &id, OverlapPolicy overlap, int queueLimit = JobOptions::defaultQueueLimit);
    QList<RunRecord> runsOf(const QString &jobId, RunOutcome outcome);
    /// Every run of @p jobId, oldest first.
    QList<RunRecord> historyOf(const QString &jobId);

    std::atomic<int> m_begun{0};     ///< runs of "block" that began
    std::atomic<int> m_cancelled{0}; ///< runs of "block" that returned cancelled
};

void TestOverlap::init()
{
    setUpScheduler(T0);
    m_begun = 0;
    m_cancelled = 0;
    // As addBlocking(), counting the runs that began: a pooled run begins on its thread a moment after it was
    // handed over, and the clock must not move before (its misfire grace is checked then).
    m_functions.add("block", [this](const FunctionContext &context) {
        ++m_begun;
        while (!m_gate.tryAcquire(1, 5)) {
            if (context.isCancelled()) {
                ++m_cancelled;
                return FunctionResult::failure(QStringLiteral("cancelled"));
            }
        }
        return FunctionResult::success();
    });
    addSucceeding("ok");
    addFailing("fail", "broken");
}

void TestOverlap::cleanup()
{
    tearDownScheduler();
}

Job TestOverlap::blockingJob(const QString &id, OverlapPolicy overlap, int queueLimit)
{
    Job job = JobBuilder(id).interval(minute, T0 + minute).function("block");
    job.options.overlap = overlap;
    job.options.queueLimit = queueLimit;
    job.options.misfireGraceMs.reset(); // waiting runs start however late, unless a test says otherwise
    return job;
}

QList<RunRecord> TestOverlap::runsOf(const QString &jobId, RunOutcome outcome)
{
    QList<RunRecord> out;
    for (const RunRecord &run : historyOf(jobId)) {
        if (run.outcome == outcome)
            out.append(run);
    }
    return out;
}

QList<RunRecord> TestOverlap::historyOf(const QString &jobId)
{
    auto runs = m_scheduler->history(jobId, -1);
    if (!runs)
        qFatal("history failed: %s", qPrintable(runs.error().message));
    QList<RunRecord> oldestFirst(runs->crbegin(), runs->crend());
    return oldestFirst;
}

QList<std::int64_t> scheduledTimesOf(const QList<RunRecord> &runs)
{
    QList<std::int64_t> times;
    for (const RunRecord &run : runs)
        times.append(run.scheduledTime);
    return times;
}

void TestOverlap::skipRecordsSkipped()
{
    addOrDie(blockingJob("job", OverlapPolicy::Skip));
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_begun.load(), 1);
    wake(T0 + 2 * minute);
    const QList<RunRecord> skipped = runsOf("job", RunOutcome::Skipped);
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped[0].reason, RunReason::Scheduled);
    QVERIFY(runsOf("job", RunOutcome::Queued).isEmpty());
    m_gate.release();
    QTRY_COMPARE(m_scheduler->runningCount("job"), 0);
    QCOMPARE(runsOf("job", RunOutcome::Success).size(), 1);
}

void TestOverlap::queueOneKeepsOneAndSkipsMore()
{
    addOrDie(blockingJob("job", OverlapPolicy::QueueOne));
    QVERIFY(m_scheduler->start());
    QSignalSpy submitted(m_scheduler.get(), &Scheduler::jobSubmitted);
    wake(T0 + minute);
    QTRY_COMPARE(m_begun.load(), 1);
    wake(T0 + 2 * minute); // waits
    wake(T0 + 3 * minute); // the queue holds one: skipped
    QCOMPARE(m_scheduler->runningCount("job"), 1);
    const QList<RunRecord> queued = runsOf("job", RunOutcome::Queued);
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued[0].scheduledTime, T0 + 2 * minute);
    QCOMPARE(queued[0].startTime, std::nullopt);
    const QList<RunRecord> skipped = runsOf("job", RunOutcome::Skipped);
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped[0].scheduledTime, T0 + 3 * minute);
    QVERIFY2(skipped[0].error.contains(QLatin1String("queue is full")), qPrintable(skipped[0].error));

    m_clock.setNowMs(T0 + 3 * minute + 10'000);
    m_gate.release(); // the first ends: the waiting one starts, with its own start time
    QTRY_COMPARE(submitted.size(), 2);
    const RunRecord started = submitted.last().at(0).value<RunRecord>();
    QCOMPARE(started.id, queued[0].id);
    QCOMPARE(started.scheduledTime, T0 + 2 * minute);
    QCOMPARE(started.startTime, std::optional<std::int64_t>(T0 + 3 * minute + 10'000));
    QCOMPARE(runsOf("job", RunOutcome::Running).size(), 1);
    QVERIFY(runsOf("job", RunOutcome::Queued).isEmpty());
    m_gate.release();
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 2);
    QCOMPARE(m_scheduler->runningCount("job"), 0);
}

void TestOverlap::queueAllStartsInOrderUpToItsLimit()
{
    addOrDie(blockingJob("job", OverlapPolicy::QueueAll, 2));
    QVERIFY(m_scheduler->start());
    QSignalSpy submitted(m_scheduler.get(), &Scheduler::jobSubmitted);
    wake(T0 + minute);
    QTRY_COMPARE(m_begun.load(), 1);
    for (int i = 2; i <= 4; ++i)
        wake(T0 + i * minute);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(scheduledTimesOf(runsOf("job", RunOutcome::Queued)), (QList<std::int64_t>{T0 + 2 * minute, T0 + 3 * minute}));
    QCOMPARE(scheduledTimesOf(runsOf("job", RunOutcome::Skipped)), QList<std::int64_t>{T0 + 4 * minute});

    for (int ended = 1; ended <= 3; ++ended) {
        m_gate.release();
        QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), ended);
    }
    QCOMPARE(submitted.size(), 3);
    QList<std::int64_t> order;
    for (const QList<QVariant> &signal : std::as_const(submitted))
        order.append(signal.at(0).value<RunRecord>().scheduledTime);
    QCOMPARE(order, (QList<std::int64_t>{T0 + minute, T0 + 2 * minute, T0 + 3 * minute}));
    QCOMPARE(m_scheduler->runningCount("job"), 0);
}

void TestOverlap::queuedRunPastGraceIsMissedWhenItStarts()
{
    Job job = blockingJob("job", OverlapPolicy::QueueOne);
    job.options.misfireGraceMs = 30'000;
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_begun.load(), 1);
    wake(T0 + 2 * minute);
    QCOMPARE(runsOf("job", RunOutcome::Queued).size(), 1);

    m_clock.setNowMs(T0 + 2 * minute + 45'000); // the first ends 45 s after the waiting run's time: past grace
    m_gate.release();
    QTRY_COMPARE(runsOf("job", RunOutcome::Missed).size(), 1);
    const RunRecord missed = runsOf("job", RunOutcome::Missed).front();
    QCOMPARE(missed.scheduledTime, T0 + 2 * minute);
    QCOMPARE(missed.lateMs, std::optional<std::int64_t>(45'000));
    QCOMPARE(runsOf("job", RunOutcome::Success).size(), 1);
    QTRY_COMPARE(m_scheduler->runningCount("job"), 0);
}

void TestOverlap::queuedRunsEndInterrupted_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("error");
    QTest::newRow("job paused") << "pause" << "not run: the job was paused while this run waited in the queue";
    QTest::newRow("job stopped") << "stop" << "stopped by the user";
    QTest::newRow("job removed") << "remove" << "stopped: the job was removed";
    QTest::newRow("shutdown") << "shutdown" << "the scheduler stopped while this run waited in the queue";
}

void TestOverlap::queuedRunsEndInterrupted()
{
    QFETCH(QString, how);
    QFETCH(QString, error);
    addOrDie(blockingJob("job", OverlapPolicy::QueueAll));
    QVERIFY(m_scheduler->start());
    QSignalSpy errors(m_scheduler.get(), &Scheduler::jobError);
    QSignalSpy submitted(m_scheduler.get(), &Scheduler::jobSubmitted);
    wake(T0 + minute);
    QTRY_COMPARE(m_begun.load(), 1);
    for (int i = 2; i <= 3; ++i)
        wake(T0 + i * minute);
    QCOMPARE(runsOf("job", RunOutcome::Queued).size(), 2);

    if (how == "pause") {
        QVERIFY_OK(m_scheduler->pauseJob("job"));
    } else if (how == "stop") {
        QCOMPARE(m_scheduler->stopJob("job").value(), 3); // the one going and the two waiting
    } else if (how == "remove") {
        QCOMPARE(m_scheduler->removeJob("job").value(), 3);
    } else {
        m_scheduler->shutdown(Scheduler::ShutdownMode::WaitForRuns);
    }
    QList<RunRecord> dropped;
    for (const QList<QVariant> &signal : std::as_const(errors)) {
        const RunRecord run = signal.at(0).value<RunRecord>();
        if (run.scheduledTime != T0 + minute)
            dropped.append(run);
    }
    QCOMPARE(dropped.size(), 2);
    for (const RunRecord &run : std::as_const(dropped)) {
        QCOMPARE(run.outcome, RunOutcome::Interrupted);
        QCOMPARE(run.error, error);
        QCOMPARE(run.startTime, std::nullopt);
    }
    m_gate.release();
    QTRY_COMPARE(m_scheduler->runningCount("job"), 0);
    QCOMPARE(submitted.size(), 1); // none of the waiting runs began
    if (how != "remove") {
        QVERIFY(runsOf("job", RunOutcome::Queued).isEmpty());
        QCOMPARE(runsOf("job", RunOutcome::Interrupted).size(), how == "stop" ? 3 : 2);
    }
}

void TestOverlap::schedulerPauseHoldsTheQueue()
{
    addOrDie(blockingJob("job", OverlapPolicy::QueueOne));
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_COMPARE(m_begun.load(), 1);
    wake(T0 + 2 * minute);
    m_scheduler->pause();
    m_gate.release();
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
    QCOMPARE(m_scheduler->runningCount("job"), 0); // paused: nothing starts, the waiting run included
    QCOMPARE(runsOf("job", RunOutcome::Queued).size(), 1);
    m_scheduler->resume();
    QTRY_COMPARE(m_scheduler->runningCount("job"), 1);
    m_gate.release();
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 2);
}

void TestOverlap::queuedRowsLeftByACrashAreInterruptedAtStart_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("memory") << "memory";
    QTest::newRow("sqlite") << "sqlite";
}

void TestOverlap::queuedRowsLeftByACrashAreInterruptedAtStart()
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
    addOrDie(blockingJob("job", OverlapPolicy::QueueAll));
    // What a crash leaves: one run going, two waiting.
    RunRecord running;
    running.jobId = "job";
    running.scheduledTime = T0 - 2 * minute;
    running.startTime = running.scheduledTime;
    QVERIFY_OK(m_store->insertRun(running));
    for (int i = 1; i >= 0; --i) {
        RunRecord queued;
        queued.jobId = "job";
        queued.scheduledTime = T0 - i * minute;
        queued.outcome = RunOutcome::Queued;
        QVERIFY_OK(m_store->insertRun(queued));
    }
    QVERIFY(m_scheduler->start());
    const QList<RunRecord> runs = historyOf("job");
    QCOMPARE(runs.size(), 3);
    for (const RunRecord &run : runs) {
        QCOMPARE(run.outcome, RunOutcome::Interrupted);
        QCOMPARE(run.endTime, std::optional<std::int64_t>(T0));
    }
    QCOMPARE(runs[0].error, StoreError::interruptedMessage());
    QCOMPARE(runs[1].error, QStringLiteral("the scheduler stopped while this run waited in the queue"));
    QCOMPARE(runs[2].error, QStringLiteral("the scheduler stopped while this run waited in the queue"));
    QCOMPARE(m_scheduler->runningCount("job"), 0);
}

void TestOverlap::replaceStopsTheRunGoingThenStarts()
{
    addOrDie(blockingJob("job", OverlapPolicy::Replace));
    QVERIFY(m_scheduler->start());
    QSignalSpy submitted(m_scheduler.get(), &Scheduler::jobSubmitted);
    wake(T0 + minute);
    QTRY_COMPARE(m_begun.load(), 1);
    wake(T0 + 2 * minute); // the function sees its cancel flag and returns; the new run starts after
    QTRY_COMPARE(submitted.size(), 2);
    QCOMPARE(m_scheduler->runningCount("job"), 1);
    const QList<RunRecord> replaced = runsOf("job", RunOutcome::Replaced);
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(replaced[0].scheduledTime, T0 + minute);
    QCOMPARE(replaced[0].error, QStringLiteral("replaced by the run of %1")
                                    .arg(formatIso(T0 + 2 * minute, JobBuilder("x").interval(minute, T0).build()
                                                                         .trigger->zone())));
    const RunRecord second = submitted.last().at(0).value<RunRecord>();
    QCOMPARE(second.scheduledTime, T0 + 2 * minute);
    QCOMPARE(second.reason, RunReason::Scheduled);
    QTRY_COMPARE(m_begun.load(), 2);
    QTRY_COMPARE(m_cancelled.load(), 1); // the replaced run's thread let go: the permit is the new run's
    m_gate.release();
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 1);
}

void TestOverlap::replaceEndsTheProcessGroupBeforeTheNextRun()
{
    // The first run: a shell (its process group's leader) with a child sleep, writing its group id. The second:
    // counts the live (not zombie) processes still in that group, and notes its own start.
    QTemporaryDir dir;
    const QString base = dir.filePath("run");
    const QString script = QStringLiteral(
        "b='%1'\n"
        "if [ -s \"$b.pgid\" ]; then\n"
        "  pg=$(cat \"$b.pgid\"); alive=0\n"
        "  for s in /proc/[0-9]*/stat; do\n"
        "    read -r line < \"$s\" 2>/dev/null || continue\n"
        "    set -f; set -- $line; set +f\n"
        "    if [ \"$5\" = \"$pg\" ] && [ \"$3\" != Z ]; then alive=$((alive+1)); fi\n"
        "  done\n"
        "  if kill -0 -- -\"$pg\" 2>/dev/null; then signal=exists; else signal=gone; fi\n"
        "  echo \"$alive $signal\" > \"$b.second\"\n"
        "else\n"
        "  read -r line < /proc/$$/stat; set -f; set -- $line; set +f\n"
        "  sleep 30 &\n"
        "  echo \"$5 $!\" > \"$b.first\"; echo \"$5\" > \"$b.pgid\"\n"
        "  wait\n"
        "fi\n").arg(base);
    CommandAction command;
    command.program = QStringLiteral("/bin/sh");
    command.arguments = {QStringLiteral("-c"), script};
    Job job = JobBuilder("replace").interval(minute, T0 + minute).action(command);
    job.options.overlap = OverlapPolicy::Replace;
    addOrDie(job);
    QVERIFY(m_scheduler->start());
    wake(T0 + minute);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(base + ".pgid").size() > 0, 10'000);
    QFile first(base + ".first");
    QVERIFY(first.open(QIODevice::ReadOnly));
    const QList<QByteArray> firstFields = first.readAll().trimmed().split(' ');
    QCOMPARE(firstFields.size(), 2);
    const qint64 pgid = firstFields[0].toLongLong();
    QVERIFY(pgid > 1);

    wake(T0 + 2 * minute);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(base + ".second").size() > 0, 10'000);
    QFile second(base + ".second");
    QVERIFY(second.open(QIODevice::ReadOnly));
    const QString seen = QString::fromLatin1(second.readAll().trimmed());
    // No process of the first run's group was alive when the second began (kill(-pgid, 0) may still see a zombie
    // not reaped yet by init: only /proc's state tells a live one).
    QVERIFY2(seen.startsWith(QLatin1String("0 ")), qPrintable(seen));
    QTRY_COMPARE_WITH_TIMEOUT(m_scheduler->runningCount("replace"), 0, 10'000);
    const QList<RunRecord> replaced = runsOf("replace", RunOutcome::Replaced);
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(replaced[0].scheduledTime, T0 + minute);
    QVERIFY2(replaced[0].error.startsWith(QLatin1String("replaced by the run of ")), qPrintable(replaced[0].error));
    const QList<RunRecord> succeeded = runsOf("replace", RunOutcome::Success);
    QCOMPARE(succeeded.size(), 1);
    QCOMPARE(succeeded[0].scheduledTime, T0 + 2 * minute);
    QVERIFY(*succeeded[0].startTime >= *replaced[0].endTime);
}

void TestOverlap::allowStartsRegardless()
{
    addOrDie(blockingJob("job", OverlapPolicy::Allow)); // max_instances 1
    QVERIFY(m_scheduler->start());
    for (int i = 1; i <= 3; ++i) {
        wake(T0 + i * minute);
        QTRY_COMPARE(m_begun.load(), i);
    }
    QCOMPARE(m_scheduler->runningCount("job"), 3);
    QVERIFY(runsOf("job", RunOutcome::Skipped).isEmpty());
    QVERIFY_OK(m_scheduler->runJobNow("job"));
    QTRY_COMPARE(m_scheduler->runningCount("job"), 4);
    m_gate.release(4);
    QTRY_COMPARE(runsOf("job", RunOutcome::Success).size(), 4);
}

void TestOverlap::runNowFollowsThePolicy_data()
{
    QTest::addColumn<OverlapPolicy>("overlap");
    QTest::newRow("skip") << OverlapPolicy::Skip;
    QTest::newRow("queue-one") << OverlapPolicy::QueueOne;
    QTest::newRow("queue-all") << OverlapPolicy::QueueAll;
    QTest::newRow("replace") << OverlapPolicy::Replace;
    QTest::newRow("allow") << OverlapPolicy::Allow;
}

void TestOverlap::runNowFollowsThePolicy()
{
    QFETCH(OverlapPolicy, overlap);
    addOrDie(blockingJob("job", overlap, 1));
    QVERIFY(m_scheduler->start());
    QVERIFY_OK(m_scheduler->runJobNow("job"));
    QTRY_COMPARE(m_begun.load(), 1);
    m_clock.advance(1'000);
    const auto second = m_scheduler->runJobNow("job");
    switch (overlap) {
    case OverlapPolicy::Skip:
        QCOMPARE(second.error().code, ErrorCode::Busy);
        QCOMPARE(historyOf("job").size(), 1); // nothing recorded
        break;
    case OverlapPolicy::QueueOne:
    case OverlapPolicy::QueueAll:
        QVERIFY_OK(second);
        QCOMPARE(second->outcome, RunOutcome::Queued);
        QCOMPARE(second->reason, RunReason::RunNow);
        QCOMPARE(runsOf("job", RunOutcome::Queued).size(), 1);
        QCOMPARE(m_scheduler->runJobNow("job").error().code, ErrorCode::Busy); // the queue (of one) is full
        QCOMPARE(historyOf("job").size(), 2);
        break;
    case OverlapPolicy::Replace:
        QVERIFY_OK(second);
        QCOMPARE(second->reason, RunReason::RunNow);
        QTRY_COMPARE(runsOf("job", RunOutcome::Replaced).size(), 1);
        QTRY_COMPARE(m_scheduler->runningCount("job"), 1);
        QCOMPARE(runsOf("job", RunOutcome::Running).front().id, second->id);
        break;
    case OverlapPolicy::Allow:
        QVERIFY_OK(second);
        QCOMPARE(second->outcome, RunOutcome::Running);
        QTRY_COMPARE(m_scheduler->runningCount("job"), 2);
        break;
    }
    m_gate.release(3);
    QTRY_COMPARE(m_scheduler->runningCount("job"), 0);
    for (const RunRecord &run : historyOf("job"))
        QCOMPARE(run.reason, RunReason::RunNow);
}

void TestOverlap::reasonsOfEachPath()
{
    Job onTime = JobBuilder("on-time").interval(minute, T0 + minute).function("ok");
    Job late = JobBuilder("late").interval(10 * minute, T0 + minute).function("ok");
    late.options.misfireGraceMs.reset();
    Job failing = JobBuilder("failing").interval(60 * minute, T0 + 60 * minute).function("fail");
    failing.options.maxRetries = 1;
    failing.options.retryDelayMs = 1'000;
    Job now = JobBuilder("now").interval(60 * minute, T0 + 60 * minute).function("ok");
    for (const Job &job : {onTime, late, failing, now})
        addOrDie(job);
    QVERIFY(m_scheduler->start());

    m_scheduler->pause(); // the scheduler is paused (or asleep) across "late"'s time
    m_clock.setNowMs(T0 + 4 * minute + 30'000); // "late" 3.5 min late, "on-time" 30 s
    m_scheduler->resume();
    // Both run in the same pass but in the pool's threads: each may end first.
    QTRY_COMPARE(runsOf("late", RunOutcome::Success).size(), 1);
    QTRY_COMPARE(runsOf("on-time", RunOutcome::Success).size(), 1);
    QCOMPARE(runsOf("late", RunOutcome::Success).front().reason, RunReason::CatchUp);
    QCOMPARE(runsOf("on-time", RunOutcome::Success).front().reason, RunReason::CatchUp);
    wake(T0 + 5 * minute + 2'000); // 2 s late: a normal pass
    QTRY_COMPARE(runsOf("on-time", RunOutcome::Success).size(), 2);
    QCOMPARE(runsOf("on-time", RunOutcome::Success).last().reason, RunReason::Scheduled);

    QVERIFY_OK(m_scheduler->runJobNow("now"));
    QTRY_COMPARE(runsOf("now", RunOutcome::Success).size(), 1);
    QCOMPARE(runsOf("now", RunOutcome::Success).front().reason, RunReason::RunNow);

    QVERIFY_OK(m_scheduler->runJobNow("failing"));
    QTRY_VERIFY(m_scheduler->retryWait("failing"));
    wake(m_clock.nowMs() + 1'000);
    QTRY_COMPARE(runsOf("failing", RunOutcome::Failed).size(), 2);
    const QList<RunRecord> attempts = runsOf("failing", RunOutcome::Failed);
    QCOMPARE(attempts[0].reason, RunReason::RunNow);
    QCOMPARE(attempts[1].reason, RunReason::Retry);
    QCOMPARE(attempts[1].attempt, 2);
}

QTEST_GUILESS_MAIN(TestOverlap)
#include "testoverlap.moc"
