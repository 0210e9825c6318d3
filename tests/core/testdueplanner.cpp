// The pure planning decisions on tables of cases: planDueJob (APScheduler's order for a due job) and planNewJob
// (the first run time of a job being added or rescheduled).
#include "scheduler/dueplanner.h"
#include "triggers/datetrigger.h"
#include "time/zonerules.h"
#include "triggers/intervaltrigger.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

using namespace punctual;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t second = 1000;
constexpr std::int64_t minute = 60 * second;

using Times = QList<std::int64_t>;

/// A job due every @p everyMs from @p firstRun (its stored next run time).
Job everyJob(std::int64_t everyMs, std::int64_t firstRun)
{
    Job job;
    job.id = QStringLiteral("j");
    job.trigger = std::make_shared<IntervalTrigger>(everyMs, firstRun);
    job.nextRunTime = firstRun;
    return job;
}

/// everyJob() in UTC, so the texts naming times are the same on every machine.
Job utcEveryJob(std::int64_t everyMs, std::int64_t firstRun)
{
    Job job = everyJob(everyMs, firstRun);
    auto trigger = std::make_shared<IntervalTrigger>(everyMs, firstRun);
    trigger->setZone(ZoneRules::forZone("UTC"));
    job.trigger = std::move(trigger);
    return job;
}

Times scheduledTimes(const QList<RunRecord> &runs)
{
    Times times;
    for (const RunRecord &run : runs)
        times.append(run.scheduledTime);
    return times;
}

} // namespace

Q_DECLARE_METATYPE(std::optional<std::int64_t>)
Q_DECLARE_METATYPE(std::shared_ptr<const punctual::Trigger>)
Q_DECLARE_METATYPE(Times)
Q_DECLARE_METATYPE(punctual::OverlapPolicy)
Q_DECLARE_METATYPE(punctual::RunReason)

class TestDuePlanner : public QObject
{
    Q_OBJECT

private slots:
    void planDue_data();
    void planDue();
    void longDowntimeKeepsTheNewestRunTimes();
    void tenYearsDownIsBounded_data();
    void tenYearsDownIsBounded();
    void overlapPolicies_data();
    void overlapPolicies();
    void reasons_data();
    void reasons();
    void notDueJobsPlanNothing();
    void planNew_data();
    void planNew();
    void planNewRefusesWhatNeverRuns_data();
    void planNewRefusesWhatNeverRuns();
};

void TestDuePlanner::planDue_data()
{
    QTest::addColumn<std::int64_t>("everyMs");
    QTest::addColumn<std::int64_t>("late");     // how long after the first due run time the pass runs
    QTest::addColumn<bool>("coalesce");
    QTest::addColumn<std::optional<std::int64_t>>("graceMs");
    QTest::addColumn<int>("maxInstances");
    QTest::addColumn<int>("running");
    QTest::addColumn<Times>("submit");
    QTest::addColumn<Times>("missed");
    QTest::addColumn<Times>("skipped");
    QTest::addColumn<std::int64_t>("next");

    const std::optional<std::int64_t> grace = minute;
    const std::optional<std::int64_t> noLimit;
    QTest::newRow("on time") << minute << std::int64_t(0) << true << grace << 1 << 0 << Times{T0} << Times{}
                             << Times{} << T0 + minute;
    QTest::newRow("a little late") << minute << 5 * second << true << grace << 1 << 0 << Times{T0} << Times{}
                                   << Times{} << T0 + minute;
    QTest::newRow("coalesced: only the latest") << minute << 3 * minute + second << true << grace << 1 << 0
                                                << Times{T0 + 3 * minute} << Times{} << Times{} << T0 + 4 * minute;
    QTest::newRow("not coalesced: within grace all run")
        << 10 * second << 25 * second << false << grace << 1 << 0 << Times{T0, T0 + 10 * second, T0 + 20 * second}
        << Times{} << Times{} << T0 + 30 * second;
    QTest::newRow("not coalesced: past grace missed")
        << minute << 2 * minute << false << grace << 1 << 0 << Times{T0 + minute, T0 + 2 * minute}
        << Times{T0} << Times{} << T0 + 3 * minute;
    QTest::newRow("coalesced latest past grace: missed")
        << 10 * minute << 5 * minute << true << std::optional<std::int64_t>(minute) << 1 << 0 << Times{}
        << Times{T0} << Times{} << T0 + 10 * minute;
    QTest::newRow("grace none: hours late still runs") << minute << std::int64_t(0) + 150 * minute << true << noLimit
                                                       << 1 << 0 << Times{T0 + 150 * minute} << Times{} << Times{}
                                                       << T0 + 151 * minute;
    QTest::newRow("grace 0: exactly on time runs") << minute << std::int64_t(0) << true
                                                   << std::optional<std::int64_t>(0) << 1 << 0 << Times{T0}
                                                   << Times{} << Times{} << T0 + minute;
    QTest::newRow("max instances reached: skipped") << minute << std::int64_t(0) << true << grace << 1 << 1
                                                    << Times{} << Times{} << Times{T0} << T0 + minute;
    QTest::newRow("max instances 2, one running: runs") << minute << std::int64_t(0) << true << grace << 2 << 1
                                                        << Times{T0} << Times{} << Times{} << T0 + minute;
    QTest::newRow("missed then skipped") << minute << minute << false << std::optional<std::int64_t>(second)
                                         << 1 << 1 << Times{} << Times{T0} << Times{T0 + minute}
                                         << T0 + 2 * minute;
}

void TestDuePlanner::planDue()
{
    QFETCH(std::int64_t, everyMs);
    QFETCH(std::int64_t, late);
    QFETCH(bool, coalesce);
    QFETCH(std::optional<std::int64_t>, graceMs);
    QFETCH(int, maxInstances);
    QFETCH(int, running);
    QFETCH(Times, submit);
    QFETCH(Times, missed);
    QFETCH(Times, skipped);
    QFETCH(std::int64_t, next);

    Job job = utcEveryJob(everyMs, T0);
    job.options.coalesce = coalesce ? CoalescePolicy::Latest : CoalescePolicy::All;
    job.options.misfireGraceMs = graceMs;
    job.options.maxInstances = maxInstances;
    QRandomGenerator random(1);
    const DuePlan plan = planDueJob(job, T0 + late, running, random);

    QCOMPARE(plan.submit, submit);
    QCOMPARE(scheduledTimes(plan.missed), missed);
    QCOMPARE(scheduledTimes(plan.skipped), skipped);
    QCOMPARE(plan.nextRunTime, std::optional<std::int64_t>(next));
    for (const RunRecord &run : plan.missed) {
        QCOMPARE(run.outcome, RunOutcome::Missed);
        QCOMPARE(run.lateMs, std::optional<std::int64_t>(T0 + late - run.scheduledTime));
        QCOMPARE(run.endTime, std::optional<std::int64_t>(T0 + late));
        QVERIFY2(run.error.contains(QLatin1String("missed by")), qPrintable(run.error));
    }
    for (const RunRecord &run : plan.skipped) {
        QCOMPARE(run.outcome, RunOutcome::Skipped);
        QVERIFY2(run.error.contains(QLatin1String("max instances")), qPrintable(run.error));
    }
}

void TestDuePlanner::longDowntimeKeepsTheNewestRunTimes()
{
    // 5,001 run times passed, none coalesced, all past grace but the last: the newest maxRunTimes are planned one by
    // one, and the 4,001 older ones are ONE missed row that counts them.
    Job job = utcEveryJob(second, T0);
    job.options.coalesce = CoalescePolicy::All;
    QRandomGenerator random(1);
    const std::int64_t now = T0 + 5000 * second + 500;
    const DuePlan plan = planDueJob(job, now, 0, random);
    QCOMPARE(plan.missed.size() + plan.submit.size(), qsizetype(maxRunTimes + 1));
    QCOMPARE(plan.submit.last(), T0 + 5000 * second);
    const RunRecord &bounded = plan.missed.last(); // after the single rows: pruning the history keeps it
    QCOMPARE(bounded.outcome, RunOutcome::Missed);
    QCOMPARE(bounded.count, std::int64_t(4001));
    QCOMPARE(bounded.scheduledTime, T0);
    QCOMPARE(bounded.reason, RunReason::CatchUp);
    QCOMPARE(bounded.lateMs, std::optional<std::int64_t>(now - T0));
    const QString expected = QLocale().toString(4001)
                             + QLatin1String(" run time(s) from 2027-01-15T08:00:00+00:00 to "
                                             "2027-01-15T09:06:40+00:00 were missed while the scheduler was not "
                                             "running");
    QVERIFY2(bounded.error == expected,
             qPrintable(bounded.error));
    // The rest are single rows, the oldest kept first.
    QCOMPARE(plan.missed.first().scheduledTime, T0 + 4001 * second);
    QCOMPARE(plan.missed.first().count, std::int64_t(1));
    QCOMPARE(plan.nextRunTime, std::optional<std::int64_t>(T0 + 5001 * second));
}

void TestDuePlanner::tenYearsDownIsBounded_data()
{
    QTest::addColumn<std::int64_t>("everyMs");
    QTest::addColumn<bool>("coalesce");
    QTest::newRow("every second, not coalesced") << second << false;
    QTest::newRow("every 100 ms, not coalesced") << std::int64_t(100) << false;
    QTest::newRow("every 100 ms, coalesced") << std::int64_t(100) << true;
}

void TestDuePlanner::tenYearsDownIsBounded()
{
    // Ten years of run times (3 billion at 100 ms) are not walked: past maxWalkedRunTimes the walk jumps to near
    // now, the count becomes "at least", and the run times kept are still the latest ones.
    QFETCH(std::int64_t, everyMs);
    QFETCH(bool, coalesce);
    constexpr std::int64_t tenYears = std::int64_t(3652) * 24 * 3600 * second;
    Job job = utcEveryJob(everyMs, T0);
    job.options.coalesce = coalesce ? CoalescePolicy::Latest : CoalescePolicy::All;
    QRandomGenerator random(1);
    const std::int64_t now = T0 + tenYears + 50;
    const DuePlan plan = planDueJob(job, now, 0, random);
    const std::int64_t last = T0 + tenYears; // a run time: ten years is a whole number of either interval
    QCOMPARE(plan.nextRunTime, std::optional<std::int64_t>(last + everyMs));
    if (coalesce) {
        QCOMPARE(plan.submit, Times{last}); // the latest runs, within its grace
        QVERIFY(plan.missed.isEmpty());     // coalescing is not missing
        return;
    }
    QCOMPARE(plan.submit.last(), last);
    QVERIFY(plan.missed.size() + plan.submit.size() <= maxRunTimes + 1);
    const RunRecord &bounded = plan.missed.last();
    QCOMPARE(bounded.scheduledTime, T0);
    QVERIFY2(bounded.count > maxWalkedRunTimes && bounded.count < 2 * maxWalkedRunTimes + 2 * maxRunTimes,
             qPrintable(QString::number(bounded.count)));
    QVERIFY2(bounded.error.startsWith(QLatin1String("at least ")), qPrintable(bounded.error));
    QVERIFY2(bounded.error.contains(QLatin1String("from 2027-01-15T08:00:00+00:00 to 2037-")),
             qPrintable(bounded.error));
    // The rows kept one by one follow the counted ones and end at the last run time.
    QVERIFY(plan.missed.first().scheduledTime > T0 + tenYears - 2 * maxRunTimes * everyMs);
}

void TestDuePlanner::overlapPolicies_data()
{
    QTest::addColumn<OverlapPolicy>("overlap");
    QTest::addColumn<int>("queueLimit");
    QTest::addColumn<int>("running");
    QTest::addColumn<int>("queued");
    QTest::addColumn<int>("dueTimes"); // not coalesced, all within grace
    QTest::addColumn<Times>("submit");
    QTest::addColumn<Times>("queuedTimes");
    QTest::addColumn<Times>("skipped");
    QTest::addColumn<bool>("replace");

    const Times t1{T0}, t2{T0, T0 + second}, t3{T0, T0 + second, T0 + 2 * second};
    QTest::newRow("skip: free") << OverlapPolicy::Skip << 10 << 0 << 0 << 1 << t1 << Times{} << Times{} << false;
    QTest::newRow("skip: busy") << OverlapPolicy::Skip << 10 << 1 << 0 << 2 << Times{} << Times{} << t2 << false;
    QTest::newRow("queue-one: busy, one waits")
        << OverlapPolicy::QueueOne << 10 << 1 << 0 << 2 << Times{} << Times{T0} << Times{T0 + second} << false;
    QTest::newRow("queue-one: one waits already")
        << OverlapPolicy::QueueOne << 10 << 1 << 1 << 1 << Times{} << Times{} << t1 << false;
    QTest::newRow("queue-one: free but one waits: behind it")
        << OverlapPolicy::QueueOne << 10 << 0 << 1 << 1 << Times{} << Times{} << t1 << false;
    QTest::newRow("queue-all: in order up to the limit")
        << OverlapPolicy::QueueAll << 2 << 1 << 0 << 3 << Times{} << t2 << Times{T0 + 2 * second} << false;
    QTest::newRow("queue-all: limit reached") << OverlapPolicy::QueueAll << 2 << 1 << 2 << 1 << Times{} << Times{}
                                              << t1 << false;
    QTest::newRow("queue-all: free") << OverlapPolicy::QueueAll << 2 << 0 << 0 << 2 << t2 << Times{} << Times{}
                                     << false;
    QTest::newRow("replace: busy, the latest waits")
        << OverlapPolicy::Replace << 10 << 1 << 0 << 3 << Times{} << Times{T0 + 2 * second}
        << Times{T0, T0 + second} << true;
    QTest::newRow("replace: free") << OverlapPolicy::Replace << 10 << 0 << 0 << 1 << t1 << Times{} << Times{}
                                   << false;
    QTest::newRow("allow: busy starts anyway") << OverlapPolicy::Allow << 10 << 5 << 0 << 3 << t3 << Times{}
                                               << Times{} << false;
}

void TestDuePlanner::overlapPolicies()
{
    QFETCH(OverlapPolicy, overlap);
    QFETCH(int, queueLimit);
    QFETCH(int, running);
    QFETCH(int, queued);
    QFETCH(int, dueTimes);
    QFETCH(Times, submit);
    QFETCH(Times, queuedTimes);
    QFETCH(Times, skipped);
    QFETCH(bool, replace);

    Job job = everyJob(second, T0);
    job.options.coalesce = CoalescePolicy::All;
    job.options.misfireGraceMs.reset();
    job.options.overlap = overlap;
    job.options.queueLimit = queueLimit;
    QRandomGenerator random(1);
    const std::int64_t now = T0 + (dueTimes - 1) * second;
    const DuePlan plan = planDueJob(job, now, DueLoad{running, queued}, random);
    QCOMPARE(plan.submit, submit);
    QCOMPARE(scheduledTimes(plan.queued), queuedTimes);
    QCOMPARE(scheduledTimes(plan.skipped), skipped);
    QCOMPARE(plan.replaceRunning, replace);
    for (const RunRecord &run : plan.queued) {
        QCOMPARE(run.outcome, RunOutcome::Queued);
        QCOMPARE(run.endTime, std::nullopt);
        QCOMPARE(run.reason, RunReason::Scheduled);
    }
    for (const RunRecord &run : plan.skipped) {
        QCOMPARE(run.endTime, std::optional<std::int64_t>(now));
        if (overlap == OverlapPolicy::Replace) {
            QCOMPARE(run.outcome, RunOutcome::Replaced);
            QVERIFY2(run.error.startsWith(QLatin1String("replaced by the run of ")), qPrintable(run.error));
        } else {
            QCOMPARE(run.outcome, RunOutcome::Skipped);
            const bool queueFull = overlap == OverlapPolicy::QueueOne || overlap == OverlapPolicy::QueueAll;
            QVERIFY2(run.error.contains(queueFull ? QLatin1String("queue is full") : QLatin1String("max instances")),
                     qPrintable(run.error));
        }
    }
}

void TestDuePlanner::reasons_data()
{
    QTest::addColumn<std::int64_t>("late");
    QTest::addColumn<RunReason>("reason");
    QTest::newRow("on time") << std::int64_t(0) << RunReason::Scheduled;
    QTest::newRow("at the threshold") << catchUpThresholdMs << RunReason::Scheduled;
    QTest::newRow("past the threshold") << catchUpThresholdMs + 1 << RunReason::CatchUp;
    QTest::newRow("an hour late") << 60 * minute << RunReason::CatchUp;
}

void TestDuePlanner::reasons()
{
    // The reason goes with the run whatever happens to it: run, queued or skipped.
    QFETCH(std::int64_t, late);
    QFETCH(RunReason, reason);
    Job job = everyJob(24 * 60 * minute, T0);
    job.options.misfireGraceMs.reset();
    QRandomGenerator random(1);
    QCOMPARE(planDueJob(job, T0 + late, 0, random).submitReason, reason);
    QCOMPARE(planDueJob(job, T0 + late, 1, random).skipped.value(0).reason, reason);
    job.options.overlap = OverlapPolicy::QueueOne;
    QCOMPARE(planDueJob(job, T0 + late, 1, random).queued.value(0).reason, reason);
}

void TestDuePlanner::notDueJobsPlanNothing()
{
    QRandomGenerator random(1);
    Job paused = everyJob(minute, T0);
    paused.paused = true;
    Job finished = everyJob(minute, T0);
    finished.nextRunTime.reset();
    for (const Job &job : {paused, finished}) {
        const DuePlan plan = planDueJob(job, T0 + minute, 0, random);
        QVERIFY(plan.submit.isEmpty() && plan.missed.isEmpty() && plan.skipped.isEmpty());
        QVERIFY(!plan.nextRunTime);
    }
    // Not due yet: nothing runs, the next run time stays.
    const DuePlan early = planDueJob(everyJob(minute, T0), T0 - 1, 0, random);
    QVERIFY(early.submit.isEmpty() && early.missed.isEmpty());
    QCOMPARE(early.nextRunTime, std::optional<std::int64_t>(T0));
}

void TestDuePlanner::planNew_data()
{
    QTest::addColumn<std::shared_ptr<const Trigger>>("trigger");
    QTest::addColumn<std::optional<std::int64_t>>("graceMs");
    QTest::addColumn<bool>("paused");
    QTest::addColumn<std::optional<std::int64_t>>("expected");

    using Opt = std::optional<std::int64_t>;
    const Opt grace = minute;
    QTest::newRow("interval from its start") << std::shared_ptr<const Trigger>(std::make_shared<IntervalTrigger>(minute, T0 + 30 * second))
                                             << grace << false << Opt(T0 + 30 * second);
    QTest::newRow("interval started earlier: next after now")
        << std::shared_ptr<const Trigger>(std::make_shared<IntervalTrigger>(minute, T0 - 90 * second)) << grace
        << false << Opt(T0 + 30 * second);
    QTest::newRow("date ahead") << std::shared_ptr<const Trigger>(std::make_shared<DateTrigger>(T0 + minute))
                                << grace << false << Opt(T0 + minute);
    QTest::newRow("date now") << std::shared_ptr<const Trigger>(std::make_shared<DateTrigger>(T0)) << grace << false
                              << Opt(T0);
    QTest::newRow("date just passed, within grace: runs at once")
        << std::shared_ptr<const Trigger>(std::make_shared<DateTrigger>(T0 - 30 * second)) << grace << false
        << Opt(T0 - 30 * second);
    QTest::newRow("date long passed, grace none: runs at once")
        << std::shared_ptr<const Trigger>(std::make_shared<DateTrigger>(T0 - 30 * minute)) << Opt() << false
        << Opt(T0 - 30 * minute);
    QTest::newRow("paused: no next run") << std::shared_ptr<const Trigger>(std::make_shared<DateTrigger>(T0 - 30 * minute))
                                         << grace << true << Opt();
}

void TestDuePlanner::planNew()
{
    QFETCH(std::shared_ptr<const Trigger>, trigger);
    QFETCH(std::optional<std::int64_t>, graceMs);
    QFETCH(bool, paused);
    QFETCH(std::optional<std::int64_t>, expected);

    Job job;
    job.id = QStringLiteral("n");
    job.trigger = trigger;
    job.paused = paused;
    job.options.misfireGraceMs = graceMs;
    QRandomGenerator random(1);
    const auto planned = planNewJob(job, T0, random);
    QVERIFY2(planned, planned ? "" : qPrintable(planned.error().message));
    QCOMPARE(planned.value(), expected);
}

void TestDuePlanner::planNewRefusesWhatNeverRuns_data()
{
    QTest::addColumn<std::shared_ptr<const Trigger>>("trigger");
    QTest::addColumn<QString>("message");

    QTest::newRow("date past grace") << std::shared_ptr<const Trigger>(std::make_shared<DateTrigger>(T0 - 2 * minute))
                                     << QStringLiteral("has already passed");
    QTest::newRow("interval ended") << std::shared_ptr<const Trigger>(
        std::make_shared<IntervalTrigger>(minute, T0 - 10 * minute, T0 - 5 * minute))
                                    << QStringLiteral("never fires after now");
}

void TestDuePlanner::planNewRefusesWhatNeverRuns()
{
    QFETCH(std::shared_ptr<const Trigger>, trigger);
    QFETCH(QString, message);

    Job job;
    job.id = QStringLiteral("n");
    job.trigger = trigger;
    QRandomGenerator random(1);
    const auto planned = planNewJob(job, T0, random);
    QVERIFY(!planned);
    QCOMPARE(planned.error().code, ErrorCode::InvalidInput);
    QVERIFY2(planned.error().message.contains(message), qPrintable(planned.error().message));
}

QTEST_GUILESS_MAIN(TestDuePlanner)
#include "testdueplanner.moc"
