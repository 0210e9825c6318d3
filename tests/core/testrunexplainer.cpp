// explainRun() on a table of cases: real triggers, run rows built as the scheduler writes them.
#include "scheduler/runexplainer.h"
#include "support/jobbuilder.h"
#include "triggers/crontrigger.h"
#include "triggers/intervaltrigger.h"

#include <QJsonDocument>
#include <QTest>

using namespace punctual;
using punctual::test::JobBuilder;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z, on the hour: "now" in every case
constexpr std::int64_t second = 1000;
constexpr std::int64_t minute = 60 * second;
constexpr std::int64_t hour = 60 * minute;

using Runs = QList<RunRecord>; // newest first, as the store gives them
using OptionalMs = std::optional<std::int64_t>;

/// An hourly job (on the hour, UTC) created ten days before T0, next run at T0 + 1 h.
JobBuilder hourly()
{
    return std::move(JobBuilder(QStringLiteral("hourly"))
                         .cron(QStringLiteral("0 * * * *"), "UTC")
                         .command(QStringLiteral("/bin/true"))
                         .createdAt(T0 - 240 * hour)
                         .nextRunTime(T0 + hour));
}

/// A run row: started at @p startDelay after its time (none: never started) and ended @p tookMs later.
RunRecord run(std::int64_t id, std::int64_t scheduled, RunOutcome outcome, RunReason reason = RunReason::Scheduled,
              OptionalMs startDelay = 100, std::int64_t tookMs = 1500)
{
    RunRecord record;
    record.id = id;
    record.jobId = QStringLiteral("hourly");
    record.scheduledTime = scheduled;
    record.outcome = outcome;
    record.reason = reason;
    if (startDelay) {
        record.startTime = scheduled + *startDelay;
        if (record.isFinal())
            record.endTime = *record.startTime + tookMs;
    }
    return record;
}

RunRecord missedRun(std::int64_t id, std::int64_t scheduled, std::int64_t lateMs, std::int64_t count = 1)
{
    RunRecord record = run(id, scheduled, RunOutcome::Missed, RunReason::Scheduled, std::nullopt);
    record.lateMs = lateMs;
    record.endTime = scheduled + lateMs;
    record.count = count;
    record.error = QStringLiteral("missed by %1 s").arg(lateMs / 1000);
    return record;
}

RunRecord retried(RunRecord record, int attempt)
{
    record.attempt = attempt;
    record.reason = RunReason::Retry;
    return record;
}

RunRecord chained(RunRecord record, std::int64_t causedBy)
{
    record.reason = RunReason::Chained;
    record.causedBy = causedBy;
    return record;
}

JobOptions noCoalescing()
{
    JobOptions options;
    options.coalesce = CoalescePolicy::All;
    return options;
}

std::shared_ptr<const Trigger> jittered(std::int64_t jitterMs)
{
    auto cron = CronTrigger::create(QStringLiteral("0 * * * *"), ZoneRules::forZone("UTC"));
    std::shared_ptr<Trigger> trigger(std::move(cron).value());
    trigger->setJitterMs(jitterMs);
    return trigger;
}

} // namespace

Q_DECLARE_METATYPE(Runs)
Q_DECLARE_METATYPE(OptionalMs)

class TestRunExplainer : public QObject
{
    Q_OBJECT

private slots:
    void explain_data();
    void explain();
    void textsAreOneParagraphInTheTriggersZone();
    void jsonRoundTrips();
    void previousFireTimeSearchesBackwards_data();
    void previousFireTimeSearchesBackwards();
    void previousFireTimeOfADenseTriggerLongEnded();
};

void TestRunExplainer::explain_data()
{
    QTest::addColumn<Job>("job");
    QTest::addColumn<Runs>("runs");
    QTest::addColumn<std::int64_t>("at");
    QTest::addColumn<int>("historyLimit");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<OptionalMs>("runId");
    QTest::addColumn<QString>("textHas"); // a fragment the paragraph must hold
    QTest::addColumn<OptionalMs>("fireBefore");
    QTest::addColumn<OptionalMs>("fireAfter");

    const OptionalMs none;
    const Job job = hourly();
    const Runs ran{run(5, T0 - 2 * hour, RunOutcome::Success)};

    QTest::newRow("ran: success, reason and duration")
        << job << ran << T0 - 2 * hour << 100 << "ran" << OptionalMs(5) << "succeeded after 1.5 s" << none << none;
    QTest::newRow("ran: failed with its exit code")
        << job << Runs{[] { auto r = run(6, T0 - 2 * hour, RunOutcome::Failed); r.exitCode = 3; return r; }()}
        << T0 - 2 * hour << 100 << "ran" << OptionalMs(6) << "failed (exit code 3)" << none << none;
    QTest::newRow("ran: retries of the same run time are named")
        << job
        << Runs{retried(run(12, T0 - 3 * hour, RunOutcome::Success, RunReason::Retry, 31 * second), 2),
                run(11, T0 - 3 * hour, RunOutcome::Failed)}
        << T0 - 3 * hour << 100 << "ran" << OptionalMs(11) << "attempt 2 of the same run time" << none << none;
    QTest::newRow("ran: catch-up")
        << job << Runs{run(7, T0 - 2 * hour, RunOutcome::Success, RunReason::CatchUp, 20 * minute)} << T0 - 2 * hour
        << 100 << "ran" << OptionalMs(7) << "catching up" << none << none;
    QTest::newRow("ran: chained names the run that caused it")
        << job << Runs{chained(run(9, T0 - 2 * hour, RunOutcome::Success), 8)} << T0 - 2 * hour << 100 << "ran"
        << OptionalMs(9) << "chained after run 8" << none << none;
    QTest::newRow("running")
        << job << Runs{run(13, T0 - 10 * second, RunOutcome::Running)} << T0 - 10 * second << 100 << "running"
        << OptionalMs(13) << "still going" << none << none;
    QTest::newRow("missed: late by X, grace Y")
        << job << Runs{missedRun(21, T0 - 4 * hour, 5 * minute)} << T0 - 4 * hour << 100 << "missed"
        << OptionalMs(21) << "only 5 min 0 s late, more than the misfire grace time of 1 min 0 s" << none << none;
    QTest::newRow("missed: a long downtime's row covers the times inside it")
        << job
        << Runs{missedRun(31, T0 - 99 * hour, 98 * hour + 5 * minute, 98), run(30, T0 - 100 * hour, RunOutcome::Success)}
        << T0 - 50 * hour << 100 << "missed" << OptionalMs(31) << "one of 98 run times missed" << none << none;
    QTest::newRow("skipped: max instances")
        << job << Runs{[] {
               auto r = run(41, T0 - 2 * hour, RunOutcome::Skipped, RunReason::Scheduled, std::nullopt);
               r.error = QStringLiteral("skipped: 1 run of this job still going (max instances)");
               return r;
           }()}
        << T0 - 2 * hour << 100 << "skipped" << OptionalMs(41) << "(max instances)" << none << none;
    QTest::newRow("queued")
        << job << Runs{run(42, T0 - hour, RunOutcome::Queued, RunReason::Scheduled, std::nullopt)} << T0 - hour << 100
        << "queued" << OptionalMs(42) << "waiting for the job's earlier run" << none << none;
    QTest::newRow("replaced")
        << job << Runs{run(43, T0 - hour, RunOutcome::Replaced)} << T0 - hour << 100 << "replaced" << OptionalMs(43)
        << "newer run of the job replaced it" << none << none;
    QTest::newRow("coalesced into the late run of the next pass")
        << job << Runs{run(51, T0 - 5 * hour, RunOutcome::Success, RunReason::CatchUp, 20 * minute),
                       run(50, T0 - 9 * hour, RunOutcome::Success)}
        << T0 - 7 * hour << 100 << "coalesced" << OptionalMs(51) << "coalesced into run 51" << none << none;
    QTest::newRow("no coalescing: a run on its own time does not cover earlier ones")
        << job << Runs{run(52, T0 - 5 * hour, RunOutcome::Success), run(50, T0 - 9 * hour, RunOutcome::Success)}
        << T0 - 7 * hour << 100 << "not_recorded" << none << "no run is recorded" << none << none;
    QTest::newRow("no coalescing: coalesce off")
        << JobBuilder(hourly()).options(noCoalescing()).build()
        << Runs{run(51, T0 - 5 * hour, RunOutcome::Success, RunReason::CatchUp, 20 * minute)} << T0 - 7 * hour << 100
        << "not_recorded" << none << "no run is recorded" << none << none;
    QTest::newRow("not a fire time: the fire times around it")
        << job << ran << T0 - 2 * hour + 30 * minute << 100 << "not_a_fire_time" << none
        << "the fire time before it is 2027-01-15T06:00:00+00:00" << OptionalMs(T0 - 2 * hour) << OptionalMs(T0 - hour);
    QTest::newRow("not a fire time: a one-off job after its time")
        << JobBuilder(hourly()).date(T0 - 3 * hour).nextRunTime(std::nullopt).build() << Runs{} << T0 - hour << 100
        << "not_a_fire_time" << none << "the one after it none" << OptionalMs(T0 - 3 * hour) << none;
    QTest::newRow("future: will run")
        << job << ran << T0 + 3 * hour << 100 << "will_run" << none << "will run at 2027-01-15T11:00:00+00:00" << none
        << none;
    QTest::newRow("future: the next run time")
        << job << ran << T0 + hour << 100 << "will_run" << none << "That is its next run time." << none << none;
    QTest::newRow("future: paused, with its note")
        << JobBuilder(hourly()).paused().nextRunTime(std::nullopt).build() << ran << T0 + 3 * hour << 100 << "paused"
        << none << "it is paused" << none << none;
    QTest::newRow("future: finished")
        << JobBuilder(hourly()).nextRunTime(std::nullopt).build() << ran << T0 + 3 * hour << 100 << "will_not_run"
        << none << "finished" << none << none;
    QTest::newRow("before the job existed")
        << job << ran << T0 - 300 * hour << 100 << "before_created" << none << "before the job existed" << none << none;
    QTest::newRow("older than the history kept")
        << job << Runs{run(61, T0 - hour, RunOutcome::Success), run(60, T0 - 2 * hour, RunOutcome::Success)}
        << T0 - 5 * hour << 2 << "older_than_history" << none << "keeps its newest 2 runs" << none << none;
    QTest::newRow("a full history: a time inside it is still explained")
        << job << Runs{run(61, T0 - hour, RunOutcome::Success), run(60, T0 - 2 * hour, RunOutcome::Success)}
        << T0 - 2 * hour << 2 << "ran" << OptionalMs(60) << "succeeded" << none << none;
    QTest::newRow("due but not handled: the scheduler was not running")
        << JobBuilder(hourly()).nextRunTime(T0 - 2 * hour).build() << ran << T0 - hour << 100 << "due" << none
        << "not handled the job since" << none << none;
    QTest::newRow("past, paused now and nothing recorded since")
        << JobBuilder(hourly()).paused().nextRunTime(std::nullopt).build() << Runs{run(70, T0 - 5 * hour, RunOutcome::Success)}
        << T0 - 2 * hour << 100 << "paused" << none << "does not record when it was paused" << none << none;
    QTest::newRow("jitter: the run moved after its fire time")
        << JobBuilder(hourly()).trigger(jittered(30 * second)).build()
        << Runs{run(80, T0 - 2 * hour + 12 * second, RunOutcome::Success)} << T0 - 2 * hour << 100 << "ran"
        << OptionalMs(80) << "jitter" << none << none;
    QTest::newRow("run now at a time that is not a fire time")
        << job << Runs{run(90, T0 - 17 * minute, RunOutcome::Success, RunReason::RunNow)} << T0 - 17 * minute << 100
        << "ran" << OptionalMs(90) << "asked to run it now" << none << none;
}

void TestRunExplainer::explain()
{
    QFETCH(Job, job);
    QFETCH(Runs, runs);
    QFETCH(std::int64_t, at);
    QFETCH(int, historyLimit);
    QFETCH(QString, kind);
    QFETCH(OptionalMs, runId);
    QFETCH(QString, textHas);
    QFETCH(OptionalMs, fireBefore);
    QFETCH(OptionalMs, fireAfter);

    job.pauseNote = job.paused ? QStringLiteral("disk full") : QString();
    const RunExplanation explanation = explainRun(job, runs, at, T0, historyLimit);
    QCOMPARE(RunExplanation::kindName(explanation.kind), kind);
    QCOMPARE(explanation.runId, runId);
    QVERIFY2(explanation.text.contains(textHas, Qt::CaseInsensitive), qPrintable(explanation.text));
    QCOMPARE(explanation.atMs, at);
    QCOMPARE(explanation.jobId, job.id);
    if (fireBefore || fireAfter) {
        QCOMPARE(explanation.fireBefore, fireBefore);
        QCOMPARE(explanation.fireAfter, fireAfter);
    }
    if (job.paused)
        QVERIFY2(explanation.text.contains(QLatin1String("disk full")), qPrintable(explanation.text));
}

void TestRunExplainer::textsAreOneParagraphInTheTriggersZone()
{
    const Job job = JobBuilder(QStringLiteral("berlin")).cron(QStringLiteral("0 3 * * *"), "Europe/Berlin")
                        .createdAt(T0 - 240 * hour).nextRunTime(T0 + 24 * hour);
    const RunExplanation explanation = explainRun(job, {}, T0 + 5 * hour, T0, 100);
    QCOMPARE(explanation.kind, ExplanationKind::NotAFireTime);
    QVERIFY2(explanation.text.contains(QLatin1String("2027-01-15T14:00:00+01:00")), qPrintable(explanation.text));
    QVERIFY2(explanation.text.contains(QLatin1String("2027-01-16T03:00:00+01:00")), qPrintable(explanation.text));
    QVERIFY(!explanation.text.contains(QLatin1Char('\n')));
}

void TestRunExplainer::jsonRoundTrips()
{
    const RunExplanation missed = explainRun(hourly(), {missedRun(21, T0 - 4 * hour, 5 * minute)}, T0 - 4 * hour, T0, 100);
    const QJsonObject json = missed.toJson();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("missed"));
    QCOMPARE(json.value(QStringLiteral("at")).toString(), QStringLiteral("2027-01-15T04:00:00+00:00"));
    QCOMPARE(json.value(QStringLiteral("late_seconds")).toDouble(), 300.0);
    QCOMPARE(json.value(QStringLiteral("grace_seconds")).toDouble(), 60.0);
    QCOMPARE(json.value(QStringLiteral("reason")).toString(), QStringLiteral("scheduled"));
    auto back = RunExplanation::fromJson(json);
    QVERIFY(back.ok());
    QCOMPARE(back->toJson(), json);

    const RunExplanation between = explainRun(hourly(), {}, T0 - 90 * minute, T0, 100);
    auto betweenBack = RunExplanation::fromJson(between.toJson());
    QVERIFY(betweenBack.ok());
    QCOMPARE(betweenBack->fireBefore, OptionalMs(T0 - 2 * hour));
    QCOMPARE(betweenBack->fireAfter, OptionalMs(T0 - hour));
    QCOMPARE(betweenBack->text, between.text);

    QJsonObject unknown = json;
    unknown.insert(QStringLiteral("kind"), QStringLiteral("vanished"));
    QVERIFY(!RunExplanation::fromJson(unknown).ok());
}

void TestRunExplainer::previousFireTimeSearchesBackwards_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<std::int64_t>("before");
    QTest::addColumn<OptionalMs>("expected");

    QTest::newRow("hourly") << "0 * * * *" << T0 + 1 << OptionalMs(T0);
    QTest::newRow("strictly before") << "0 * * * *" << T0 << OptionalMs(T0 - hour);
    QTest::newRow("every second") << "* * * * * *" << T0 << OptionalMs(T0 - second);
    QTest::newRow("yearly, months back") << "0 0 1 1 *" << T0 << OptionalMs(1'798'761'600'000); // 2027-01-01
    QTest::newRow("29 February, years back") << "0 0 29 2 *" << T0 << OptionalMs(1'709'164'800'000); // 2024-02-29
}

void TestRunExplainer::previousFireTimeOfADenseTriggerLongEnded()
{
    // Every second until 2000, asked in 2027: the search neither walks 27 years of seconds nor stops short.
    const std::int64_t end = 946'684'800'000; // 2000-01-01T00:00:00Z
    IntervalTrigger trigger(second, end - 10 * 365 * 24 * hour, end);
    QCOMPARE(previousFireTime(trigger, T0), OptionalMs(end));
    QCOMPARE(previousFireTime(trigger, end), OptionalMs(end - second));
    QCOMPARE(previousFireTime(trigger, end - 10 * 365 * 24 * hour), OptionalMs());
}

void TestRunExplainer::previousFireTimeSearchesBackwards()
{
    QFETCH(QString, cron);
    QFETCH(std::int64_t, before);
    QFETCH(OptionalMs, expected);
    auto trigger = CronTrigger::create(cron, ZoneRules::forZone("UTC"));
    QVERIFY(trigger.ok());
    QCOMPARE(previousFireTime(*trigger.value(), before), expected);
}

QTEST_GUILESS_MAIN(TestRunExplainer)
#include "testrunexplainer.moc"
