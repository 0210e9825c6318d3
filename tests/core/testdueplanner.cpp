// The pure planning decisions on tables of cases: planDueJob (APScheduler's order for a due job) and planNewJob
// (the first run time of a job being added or rescheduled).
#include "scheduler/dueplanner.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"

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

Job dateJob(std::int64_t at)
{
    Job job;
    job.id = QStringLiteral("d");
    job.trigger = std::make_shared<DateTrigger>(at);
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

class TestDuePlanner : public QObject
{
    Q_OBJECT

private slots:
    void planDue_data();
    void planDue();
    void longDowntimeKeepsTheNewestRunTimes();
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

    Job job = everyJob(everyMs, T0);
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
    // 5,000 run times passed, none coalesced, all past grace: the newest maxRunTimes are recorded and the first
    // record counts the older ones.
    Job job = everyJob(second, T0);
    job.options.coalesce = CoalescePolicy::All;
    QRandomGenerator random(1);
    const std::int64_t now = T0 + 5000 * second + 500;
    const DuePlan plan = planDueJob(job, now, 0, random);
    QCOMPARE(plan.missed.size() + plan.submit.size(), qsizetype(maxRunTimes));
    QCOMPARE(plan.submit.last(), T0 + 5000 * second);
    QVERIFY2(plan.missed.first().error.contains(QLatin1String("4001 earlier run time(s) were also missed")),
             qPrintable(plan.missed.first().error));
    QCOMPARE(plan.nextRunTime, std::optional<std::int64_t>(T0 + 5001 * second));
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
