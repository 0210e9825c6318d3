// Chains (a job run after another's run ends), pause after failures in a row, and backfill, on the fake clock
// (and real processes for what commands see).
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"

#include "scheduler/failurestreak.h"
#include "store/sqljobstore.h"

#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t hourMs = 3'600'000;
constexpr std::int64_t t0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z

JobOptions chained(std::initializer_list<JobChain> chains)
{
    JobOptions options;
    options.chains = chains;
    return options;
}

RunRecord row(RunOutcome outcome, std::int64_t scheduled, int attempt = 1)
{
    RunRecord run;
    run.outcome = outcome;
    run.scheduledTime = scheduled;
    run.attempt = attempt;
    return run;
}

} // namespace

class TestRunChains : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { tearDownScheduler(); }

    void chainsStartInOrderAfterSuccess();
    void failureStartsTheFailureAndFinishChains();
    void chainedRunWaitsItsTurnOrIsRecordedSkipped();
    void unknownChainedJobIsRefused();
    void cyclesAreRefusedNamingThem();
    void importedJobsMayChainToEachOther();
    void commandsSeeTheirRunAndTheRunBefore();

    void failureStreakCountsRetriesOnce_data();
    void failureStreakCountsRetriesOnce();
    void pausedAfterFailuresInARow();

    void backfillRunsEachFireTimeOnceInOrder();
    void backfillIsRememberedInTheStore();
    void backfillRefusesBadRanges();
    void backfillOfARunningJobFollowsThePolicy();

private:
    /// The runs of @p jobId, oldest first.
    QList<RunRecord> runsOf(const QString &jobId)
    {
        auto runs = m_scheduler->history(jobId, -1);
        QList<RunRecord> out(runs.value().crbegin(), runs.value().crend());
        return out;
    }
    void waitIdle() { QTRY_COMPARE(m_scheduler->runningCount(), 0); }

    QList<QString> m_calls; ///< function calls, in order: "job@scheduled"
    QMutex m_callsLock;
};

void TestRunChains::init()
{
    setUpScheduler(t0);
    m_calls.clear();
    // Records each call, so the order the runs really ran in is known.
    const auto recorder = [this](bool ok) {
        return [this, ok](const FunctionContext &context) {
            QMutexLocker lock(&m_callsLock);
            m_calls.append(QStringLiteral("%1@%2").arg(context.jobId).arg(context.scheduledTime));
            return ok ? FunctionResult::success() : FunctionResult::failure(QStringLiteral("it failed"));
        };
    };
    m_functions.add(QStringLiteral("ok"), recorder(true));
    m_functions.add(QStringLiteral("fail"), recorder(false));
    addBlocking(QStringLiteral("block"));
    QVERIFY_OK(m_scheduler->start());
}

void TestRunChains::chainsStartInOrderAfterSuccess()
{
    for (const char *id : {"b", "c", "d", "e"})
        addOrDie(JobBuilder(id).cron("0 0 1 1 *", "UTC").function("ok"));
    addOrDie(JobBuilder("a").cron("0 0 1 1 *", "UTC").function("ok").options(chained({
        {ChainCondition::OnSuccess, "b"},
        {ChainCondition::OnSuccess, "c"},
        {ChainCondition::OnFailure, "d"},
        {ChainCondition::OnFinish, "e"},
    })));
    const auto first = m_scheduler->runJobNow("a");
    QVERIFY_OK(first);
    QTRY_COMPARE(m_calls.size(), 4);
    waitIdle();
    QCOMPARE(m_calls.first(), QStringLiteral("a@%1").arg(t0));
    // b, c and e started in the order the chains are listed (on_success, then on_finish), d not at all.
    QList<std::int64_t> ids;
    for (const char *id : {"b", "c", "e"}) {
        const auto runs = runsOf(id);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().reason, RunReason::Chained);
        QCOMPARE(runs.first().causedBy, std::optional<std::int64_t>(first->id));
        QCOMPARE(runs.first().outcome, RunOutcome::Success);
        ids << runs.first().id;
    }
    QVERIFY(std::is_sorted(ids.cbegin(), ids.cend()));
    QVERIFY(runsOf("d").isEmpty());
    QCOMPARE(runsOf("a").first().reason, RunReason::RunNow);
}

void TestRunChains::failureStartsTheFailureAndFinishChains()
{
    for (const char *id : {"on-success", "on-failure", "on-finish"})
        addOrDie(JobBuilder(id).cron("0 0 1 1 *", "UTC").function("ok"));
    JobOptions options = chained({{ChainCondition::OnSuccess, "on-success"},
                                  {ChainCondition::OnFailure, "on-failure"},
                                  {ChainCondition::OnFinish, "on-finish"}});
    options.maxRetries = 1;
    options.retryDelayMs = 1'000;
    addOrDie(JobBuilder("flaky").cron("0 0 1 1 *", "UTC").function("fail").options(options));
    QVERIFY_OK(m_scheduler->runJobNow("flaky"));
    // The first attempt's failure chains nothing: a retry follows.
    QTRY_COMPARE(m_scheduler->retryingCount(), 1);
    QVERIFY(runsOf("on-failure").isEmpty());
    wake(t0 + 1'000);
    QTRY_VERIFY(runsOf("on-failure").size() == 1 && runsOf("on-finish").size() == 1);
    waitIdle();
    const auto flaky = runsOf("flaky");
    QCOMPARE(flaky.size(), 2);
    QCOMPARE(flaky.last().reason, RunReason::Retry);
    QCOMPARE(runsOf("on-failure").first().causedBy, std::optional<std::int64_t>(flaky.last().id));
    QVERIFY(runsOf("on-success").isEmpty());
}

void TestRunChains::chainedRunWaitsItsTurnOrIsRecordedSkipped()
{
    addOrDie(JobBuilder("busy").cron("0 0 1 1 *", "UTC").function("block"));
    addOrDie(JobBuilder("paused").cron("0 0 1 1 *", "UTC").function("ok").paused());
    addOrDie(JobBuilder("a").cron("0 0 1 1 *", "UTC").function("ok").options(chained({
        {ChainCondition::OnSuccess, "busy"},
        {ChainCondition::OnSuccess, "paused"},
    })));
    QVERIFY_OK(m_scheduler->runJobNow("busy"));
    QSignalSpy skipped(m_scheduler.get(), &Scheduler::jobMaxInstances);
    QVERIFY_OK(m_scheduler->runJobNow("a"));
    QTRY_COMPARE(skipped.size(), 2);
    // Both are in the history as skipped runs that name why, so the chain's effect is never silent.
    const auto busy = runsOf("busy");
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.last().outcome, RunOutcome::Skipped);
    QCOMPARE(busy.last().reason, RunReason::Chained);
    QVERIFY2(busy.last().error.contains("already running"), qPrintable(busy.last().error));
    const auto paused = runsOf("paused");
    QCOMPARE(paused.size(), 1);
    QCOMPARE(paused.first().outcome, RunOutcome::Skipped);
    QVERIFY2(paused.first().error.contains("paused"), qPrintable(paused.first().error));
    m_gate.release();
    waitIdle();
}

void TestRunChains::unknownChainedJobIsRefused()
{
    auto added = m_scheduler->addJob(
        JobBuilder("a").cron("0 0 1 1 *", "UTC").function("ok").options(chained({{ChainCondition::OnFinish, "nope"}})));
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidInput);
    QCOMPARE(added.error().message, QString("job \"a\": the job to run on_finish, \"nope\", does not exist"));
    QVERIFY(!m_scheduler->job("a"));
}

void TestRunChains::cyclesAreRefusedNamingThem()
{
    addOrDie(JobBuilder("c").cron("0 0 1 1 *", "UTC").function("ok"));
    addOrDie(JobBuilder("b").cron("0 0 1 1 *", "UTC").function("ok").options(chained({{ChainCondition::OnSuccess, "c"}})));
    addOrDie(JobBuilder("a").cron("0 0 1 1 *", "UTC").function("ok").options(chained({{ChainCondition::OnFailure, "b"}})));

    // c → a closes a → b → c → a.
    JobChanges changes;
    changes.options = chained({{ChainCondition::OnFinish, "a"}});
    auto modified = m_scheduler->modifyJob("c", changes);
    QVERIFY(!modified);
    QCOMPARE(modified.error().code, ErrorCode::InvalidInput);
    QCOMPARE(modified.error().message, QString("job \"c\": its chains make a cycle: c → a → b → c"));
    QVERIFY(m_scheduler->job("c")->options.chains.isEmpty()); // nothing changed

    auto self = m_scheduler->addJob(
        JobBuilder("self").cron("0 0 1 1 *", "UTC").function("ok").options(chained({{ChainCondition::OnSuccess, "self"}})));
    QVERIFY(!self);
    QCOMPARE(self.error().message, QString("job \"self\": its chains make a cycle: self → self"));

    // Diamonds are not cycles.
    changes.options = chained({{ChainCondition::OnSuccess, "c"}, {ChainCondition::OnFailure, "b"}});
    QVERIFY_OK(m_scheduler->modifyJob("a", changes));
}

void TestRunChains::importedJobsMayChainToEachOther()
{
    const Job first = JobBuilder("first").cron("0 0 1 1 *", "UTC").function("ok").options(
        chained({{ChainCondition::OnSuccess, "second"}}));
    const Job second = JobBuilder("second").cron("0 0 1 1 *", "UTC").function("ok");
    QVERIFY_OK(m_scheduler->addJobs({first, second}));
    Job loop = second;
    loop.id = "third";
    loop.options = chained({{ChainCondition::OnSuccess, "fourth"}});
    Job back = second;
    back.id = "fourth";
    back.options = chained({{ChainCondition::OnSuccess, "third"}});
    auto refused = m_scheduler->addJobs({loop, back});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains("third → fourth → third"), qPrintable(refused.error().message));
    QVERIFY(!m_scheduler->job("fourth"));
}

void TestRunChains::commandsSeeTheirRunAndTheRunBefore()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("env.txt");
    addOrDie(JobBuilder("report")
                 .cron("0 0 1 1 *", "UTC")
                 .command("/bin/sh", {"-c", "env | grep -E '^PUNCTUAL_(JOB_ID|RUN_ID|SCHEDULED_TIME|PREVIOUS_)' | sort > \"$0\"", file}));
    addOrDie(JobBuilder("build").cron("0 0 1 1 *", "UTC").command("/bin/sh", {"-c", "exit 3"}).options(
        chained({{ChainCondition::OnFailure, "report"}})));
    const auto build = m_scheduler->runJobNow("build");
    QVERIFY_OK(build);
    QTRY_COMPARE(runsOf("report").size(), 1);
    waitIdle();
    const RunRecord report = runsOf("report").first();
    QCOMPARE(report.outcome, RunOutcome::Success);
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(written.readAll()).split('\n', Qt::SkipEmptyParts);
    const QStringList expected{
        "PUNCTUAL_JOB_ID=report",
        QString("PUNCTUAL_PREVIOUS_EXIT_CODE=3"),
        "PUNCTUAL_PREVIOUS_JOB_ID=build",
        "PUNCTUAL_PREVIOUS_OUTCOME=failed",
        QString("PUNCTUAL_PREVIOUS_RUN_ID=%1").arg(build->id),
        QString("PUNCTUAL_RUN_ID=%1").arg(report.id),
        QString("PUNCTUAL_SCHEDULED_TIME=2027-01-15T08:00:00+00:00"),
    };
    QCOMPARE(lines, expected);
}

void TestRunChains::failureStreakCountsRetriesOnce_data()
{
    QTest::addColumn<QList<RunRecord>>("newestFirst");
    QTest::addColumn<int>("enough");
    QTest::addColumn<int>("failures");
    using O = RunOutcome;
    QTest::newRow("none") << QList<RunRecord>{} << 3 << 0;
    QTest::newRow("three failures") << QList<RunRecord>{row(O::Failed, 3), row(O::TimedOut, 2), row(O::Failed, 1)} << 3
                                    << 3;
    QTest::newRow("stops at enough") << QList<RunRecord>{row(O::Failed, 3), row(O::Failed, 2), row(O::Failed, 1)} << 2
                                     << 2;
    QTest::newRow("a success ends it") << QList<RunRecord>{row(O::Failed, 3), row(O::Success, 2), row(O::Failed, 1)}
                                       << 3 << 1;
    QTest::newRow("retries count once")
        << QList<RunRecord>{row(O::Failed, 2, 3), row(O::Failed, 2, 2), row(O::Failed, 2, 1), row(O::Failed, 1, 2),
                            row(O::Failed, 1, 1)}
        << 5 << 2;
    QTest::newRow("recovered on retry")
        << QList<RunRecord>{row(O::Success, 2, 2), row(O::Failed, 2, 1), row(O::Failed, 1)} << 3 << 0;
    QTest::newRow("rows that did not run pass")
        << QList<RunRecord>{row(O::Failed, 5), row(O::Missed, 4), row(O::Skipped, 3), row(O::Interrupted, 2),
                            row(O::Failed, 1)}
        << 3 << 2;
}

void TestRunChains::failureStreakCountsRetriesOnce()
{
    QFETCH(QList<RunRecord>, newestFirst);
    QFETCH(int, enough);
    QFETCH(int, failures);
    QCOMPARE(failuresInARow(newestFirst, enough), failures);
}

void TestRunChains::pausedAfterFailuresInARow()
{
    JobOptions options;
    options.pauseAfterFailures = 2;
    options.maxRetries = 1;
    options.retryDelayMs = 1'000;
    addOrDie(JobBuilder("flaky").interval(hourMs, t0 + hourMs).function("fail").options(options));
    QSignalSpy paused(m_scheduler.get(), &Scheduler::jobPausedAfterFailures);

    // First scheduled run: two attempts, both fail: one failure in a row.
    wake(t0 + hourMs);
    QTRY_COMPARE(m_scheduler->retryingCount(), 1);
    wake(t0 + hourMs + 1'000);
    QTRY_COMPARE(runsOf("flaky").size(), 2);
    waitIdle();
    QTRY_COMPARE(m_scheduler->retryingCount(), 0);
    QVERIFY(!m_scheduler->job("flaky")->paused);
    QCOMPARE(paused.size(), 0);

    // Second: the same; now two in a row, and the job pauses with a note that says why.
    wake(t0 + 2 * hourMs);
    QTRY_COMPARE(m_scheduler->retryingCount(), 1);
    wake(t0 + 2 * hourMs + 1'000);
    QTRY_COMPARE(paused.size(), 1);
    const Job job = m_scheduler->job("flaky").value();
    QVERIFY(job.paused);
    QVERIFY(!job.nextRunTime);
    QCOMPARE(job.pauseNote, QString("paused after 2 failed runs in a row"));
    QCOMPARE(paused.first().at(1).toInt(), 2);
    QCOMPARE(paused.first().at(0).value<Job>().pauseNote, job.pauseNote);
    // Resuming clears the note; the next failure alone does not pause again.
    QVERIFY_OK(m_scheduler->resumeJob("flaky"));
    QCOMPARE(m_scheduler->job("flaky")->pauseNote, QString());
}

void TestRunChains::backfillRunsEachFireTimeOnceInOrder()
{
    // Every hour on the hour; the range's ends are on fire times and both are included.
    addOrDie(JobBuilder("hourly").cron("0 * * * *", "UTC").function("ok"));
    m_clock.setNowMs(t0 + 10 * hourMs);
    auto dry = m_scheduler->backfill("hourly", t0 - 5 * hourMs, t0 - hourMs, std::nullopt, true);
    QVERIFY_OK(dry);
    QCOMPARE(dry->times.size(), 5);
    QCOMPARE(dry->times.first(), t0 - 5 * hourMs);
    QCOMPARE(dry->times.last(), t0 - hourMs);
    QVERIFY(dry->runs.isEmpty());
    QVERIFY(runsOf("hourly").isEmpty()); // a dry run records nothing

    auto done = m_scheduler->backfill("hourly", t0 - 5 * hourMs, t0 - hourMs, std::nullopt, false);
    QVERIFY_OK(done);
    QCOMPARE(done->runs.size(), 5);
    QCOMPARE(done->alreadyBackfilled, 0);
    QTRY_COMPARE(m_calls.size(), 5);
    waitIdle();
    QStringList expected;
    for (int i = 5; i >= 1; --i)
        expected << QString("hourly@%1").arg(t0 - i * hourMs);
    QCOMPARE(m_calls, expected); // in order, each with its own scheduled time
    for (const RunRecord &run : runsOf("hourly")) {
        QCOMPARE(run.reason, RunReason::Backfill);
        QCOMPARE(run.outcome, RunOutcome::Success);
    }

    // Again, and a range that overlaps it: only the new times run.
    auto again = m_scheduler->backfill("hourly", t0 - 5 * hourMs, t0 - hourMs, std::nullopt, false);
    QVERIFY_OK(again);
    QCOMPARE(again->runs.size(), 0);
    QCOMPARE(again->alreadyBackfilled, 5);
    auto wider = m_scheduler->backfill("hourly", t0 - 7 * hourMs, t0 - 4 * hourMs, std::nullopt, false);
    QVERIFY_OK(wider);
    QCOMPARE(wider->runs.size(), 2);
    QCOMPARE(wider->alreadyBackfilled, 2);
    QTRY_COMPARE(m_calls.size(), 7);
    waitIdle();
}

void TestRunChains::backfillIsRememberedInTheStore()
{
    // A real SQLite file, opened again: the same backfill adds nothing, even with the history pruned meanwhile.
    QTemporaryDir dir;
    const QString path = dir.filePath("jobs.db");
    {
        auto store = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
        QVERIFY_OK(store);
        setUpScheduler(t0, std::move(store).value());
        QVERIFY_OK(m_scheduler->start());
        addOrDie(JobBuilder("daily").cron("30 2 * * *", "Europe/Berlin").function("ok"));
        auto done = m_scheduler->backfill("daily", t0 - 72 * hourMs, t0, std::nullopt, false);
        QVERIFY_OK(done);
        QCOMPARE(done->runs.size(), 3);
        QTRY_COMPARE(m_calls.size(), 3);
        waitIdle();
        QVERIFY_OK(m_store->pruneRuns("daily", 0));
    }
    auto reopened = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY_OK(reopened);
    setUpScheduler(t0, std::move(reopened).value());
    QVERIFY_OK(m_scheduler->start());
    auto again = m_scheduler->backfill("daily", t0 - 72 * hourMs, t0, std::nullopt, false);
    QVERIFY_OK(again);
    QCOMPARE(again->runs.size(), 0);
    QCOMPARE(again->alreadyBackfilled, 3);
    QVERIFY(runsOf("daily").isEmpty());
}

void TestRunChains::backfillRefusesBadRanges()
{
    addOrDie(JobBuilder("hourly").cron("0 * * * *", "UTC").function("ok"));
    auto backwards = m_scheduler->backfill("hourly", t0 - hourMs, t0 - 2 * hourMs, std::nullopt, false);
    QVERIFY(!backwards);
    QCOMPARE(backwards.error().code, ErrorCode::InvalidInput);
    QVERIFY2(backwards.error().message.startsWith("the range starts"), qPrintable(backwards.error().message));
    auto future = m_scheduler->backfill("hourly", t0 - hourMs, t0 + hourMs, std::nullopt, false);
    QVERIFY(!future);
    QCOMPARE(future.error().code, ErrorCode::InvalidInput);
    auto huge = m_scheduler->backfill("hourly", t0 - 20'000 * hourMs, t0, std::nullopt, true);
    QVERIFY(!huge);
    QVERIFY2(huge.error().message.contains("more than 10000 fire times"), qPrintable(huge.error().message));
    auto unknown = m_scheduler->backfill("nope", t0 - hourMs, t0, std::nullopt, false);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QVERIFY(runsOf("hourly").isEmpty());
}

void TestRunChains::backfillOfARunningJobFollowsThePolicy()
{
    addOrDie(JobBuilder("slow").cron("0 * * * *", "UTC").function("block"));
    QVERIFY_OK(m_scheduler->runJobNow("slow"));
    auto refused = m_scheduler->backfill("slow", t0 - 2 * hourMs, t0 - hourMs, std::nullopt, false);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Busy);
    QCOMPARE(runsOf("slow").size(), 1); // nothing recorded
    auto beside = m_scheduler->backfill("slow", t0 - 2 * hourMs, t0 - hourMs, OverlapPolicy::Allow, false);
    QVERIFY_OK(beside);
    QCOMPARE(beside->runs.size(), 2);
    QTRY_COMPARE(m_scheduler->runningCount("slow"), 2);
    m_gate.release(3);
    waitIdle();
    const auto runs = runsOf("slow");
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs[1].reason, RunReason::Backfill);
    QCOMPARE(runs[2].outcome, RunOutcome::Success);
}

QTEST_GUILESS_MAIN(TestRunChains)
#include "testrunchains.moc"
