// The missed-runs review on a real SQLite store and the fake clock: a host down across fire times and a computer
// asleep (a resume from the desktop, or the wake timer going off far too late) become one report per job, with
// every fire time that passed and what the job's policy decided; dismissing; and the control method and events
// through a real host and its client.
#include "desktop/desktopstate.h"
#include "scheduler/dueplanner.h"
#include "store/storelocation.h"
#include "support/hostharness.h"
#include "support/jobbuilder.h"
#include "support/testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t startMs = 1'780'000'000'000; // 2026-05-28
constexpr std::int64_t minute = 60'000;
constexpr std::int64_t hour = 60 * minute;

JobOptions policy(CoalescePolicy coalesce, std::optional<std::int64_t> graceMs)
{
    JobOptions options;
    options.coalesce = coalesce;
    options.misfireGraceMs = graceMs;
    return options;
}

} // namespace

class TestMissedRunsReview : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void hostDownGivesOneReportPerJobWithItsDecisions();
    void asleepPastFireTimesWhenTheWakeTimerIsLate();
    void asleepAfterTheDesktopResumes();
    void maxInstancesSkipsAreReported();
    void aShortDelayOrAPauseIsNoReport();
    void aLaterCatchUpMergesAndDismissing();
    void manyFireTimesAreBoundedAndCounted();
    void controlMethodAndEventsThroughAHost();

private:
    /// The host stops now and another one is made over the same SQLite file at @p nowMs (not started).
    void restartHostAt(std::int64_t nowMs);
    MissedRunsReport reportOf(const QString &jobId) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMissedRunsReview::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = StoreLocation::fromPath(m_dir->filePath("jobs.db")).open();
    QVERIFY_OK(store);
    setUpScheduler(startMs, std::move(store).value());
    addSucceeding("ok");
    addBlocking("block");
}

void TestMissedRunsReview::cleanup()
{
    tearDownHost();
    if (m_scheduler)
        stopRuns();
    tearDownScheduler();
}

void TestMissedRunsReview::restartHostAt(std::int64_t nowMs)
{
    // The first host stops; the next starts later on the same SQLite file.
    stopRuns();
    m_scheduler.reset();
    m_clock.setNowMs(nowMs);
    m_scheduler = makeScheduler(*m_store);
    m_timer = installManualTimer(*m_scheduler);
}

MissedRunsReport TestMissedRunsReview::reportOf(const QString &jobId) const
{
    for (const MissedRunsReport &report : m_scheduler->missedRuns()) {
        if (report.jobId == jobId)
            return report;
    }
    return {};
}

void TestMissedRunsReview::hostDownGivesOneReportPerJobWithItsDecisions()
{
    QVERIFY_OK(m_scheduler->start());
    const auto every = [](const QString &id) { return JobBuilder(id).name(id).function("ok").interval(hour, startMs + hour); };
    addOrDie(every("coalesced").options(policy(CoalescePolicy::Latest, std::nullopt)));
    addOrDie(every("each").options(policy(CoalescePolicy::All, std::nullopt)));
    addOrDie(every("graced").options(policy(CoalescePolicy::All, 2 * hour)));
    addOrDie(every("late-and-coalesced").options(policy(CoalescePolicy::Latest, minute)));

    restartHostAt(startMs + 5 * hour + 30 * minute); // down from just after the start: 01:00 ... 05:00 passed
    QSignalSpy added(m_scheduler.get(), &Scheduler::missedRunsAdded);
    QVERIFY_OK(m_scheduler->start());
    QTRY_COMPARE(added.size(), 1);
    QCOMPARE(added.front().at(1).toBool(), true); // a new episode
    QCOMPARE(m_scheduler->missedRuns().size(), 4);

    const QList<std::int64_t> passed{startMs + hour, startMs + 2 * hour, startMs + 3 * hour, startMs + 4 * hour,
                                     startMs + 5 * hour};
    for (const MissedRunsReport &report : m_scheduler->missedRuns()) {
        QCOMPARE(report.cause, MissedCause::NotRunning);
        QCOMPARE(report.times.total, 5);
        QCOMPARE(report.times.listed(), passed);
        QCOMPARE(report.gapFromMs, startMs + hour);
        QCOMPARE(report.gapToMs, startMs + 5 * hour + 30 * minute); // when the host started
    }
    const MissedRunsReport coalesced = reportOf("coalesced");
    QCOMPARE(coalesced.ranLate, 1);
    QCOMPARE(coalesced.coalesced, 4);
    QCOMPARE(coalesced.ranAtMs, startMs + 5 * hour + 30 * minute);
    QCOMPARE(coalesced.missedLate, 0);

    const MissedRunsReport each = reportOf("each");
    QCOMPARE(each.ranLate, 5);
    QCOMPARE(each.coalesced, 0);
    QVERIFY(!each.coalesce);

    const MissedRunsReport graced = reportOf("graced"); // 4.5, 3.5 and 2.5 h late are past the 2 h grace
    QCOMPARE(graced.missedLate, 3);
    QCOMPARE(graced.ranLate, 2);
    QCOMPARE(graced.misfireGraceMs, 2 * hour);

    const MissedRunsReport lateAndCoalesced = reportOf("late-and-coalesced"); // the one kept is 30 min late
    QCOMPARE(lateAndCoalesced.ranLate, 0);
    QCOMPARE(lateAndCoalesced.missedLate, 1);
    QCOMPARE(lateAndCoalesced.coalesced, 4);

    // The history agrees: coalesced times are not runs; the late ones are catch-ups.
    auto history = m_scheduler->history("each", 100);
    QVERIFY_OK(history);
    QTRY_VERIFY(std::all_of(history->cbegin(), history->cend(),
                            [](const RunRecord &run) { return run.reason == RunReason::CatchUp; }));
}

void TestMissedRunsReview::asleepPastFireTimesWhenTheWakeTimerIsLate()
{
    QVERIFY_OK(m_scheduler->start());
    addOrDie(JobBuilder("tick").name("Tick").function("ok").interval(10 * minute, startMs + 10 * minute));
    QSignalSpy added(m_scheduler.get(), &Scheduler::missedRunsAdded);
    wake(startMs + hour + 5'000); // armed for 00:10, it goes off at 01:00:05: the machine was suspended
    QTRY_COMPARE(added.size(), 1);
    const MissedRunsReport report = reportOf("tick");
    QCOMPARE(report.cause, MissedCause::Asleep);
    QCOMPARE(report.times.total, 6);
    QCOMPARE(report.gapFromMs, startMs + 10 * minute);
    QCOMPARE(report.gapToMs, startMs + hour + 5'000);
    QCOMPARE(report.ranLate, 1); // coalesced into 01:00, 5 s late: run (grace 60 s)
    QCOMPARE(report.missedLate, 0);
    QCOMPARE(report.coalesced, 5);
}

void TestMissedRunsReview::asleepAfterTheDesktopResumes()
{
    ManualDesktopState desktop;
    m_scheduler->setDesktopState(&desktop);
    QVERIFY_OK(m_scheduler->start());
    addOrDie(JobBuilder("soon").name("Soon").function("ok").interval(hour, startMs - hour + minute));
    QSignalSpy added(m_scheduler.get(), &Scheduler::missedRunsAdded);
    // Asleep over 00:01, awake at 00:01:20: only 20 s late, but the desktop said it resumed.
    m_clock.setNowMs(startMs + minute + 20'000);
    desktop.simulateResume();
    wake(startMs + minute + 20'000);
    QTRY_COMPARE(added.size(), 1);
    const MissedRunsReport report = reportOf("soon");
    QCOMPARE(report.cause, MissedCause::Asleep);
    QCOMPARE(report.times.total, 1);
    QCOMPARE(report.ranLate, 1);
    QCOMPARE(report.gapToMs, startMs + minute + 20'000);
    m_scheduler->setDesktopState(nullptr);
}

void TestMissedRunsReview::maxInstancesSkipsAreReported()
{
    QVERIFY_OK(m_scheduler->start());
    JobOptions options = policy(CoalescePolicy::All, std::nullopt);
    options.maxInstances = 1;
    addOrDie(JobBuilder("busy").name("Busy").function("block").interval(hour, startMs + hour).options(options));
    QVERIFY_OK(m_scheduler->runJobNow("busy"));
    QTRY_COMPARE(m_scheduler->runningCount("busy"), 1);
    QSignalSpy added(m_scheduler.get(), &Scheduler::missedRunsAdded);
    wake(startMs + 3 * hour + minute); // asleep with the run going: 01:00, 02:00, 03:00 meet max_instances
    QTRY_COMPARE(added.size(), 1);
    const MissedRunsReport report = reportOf("busy");
    QCOMPARE(report.cause, MissedCause::Asleep);
    QCOMPARE(report.times.total, 3);
    QCOMPARE(report.skipped, 3);
    QCOMPARE(report.ranLate, 0);
    QCOMPARE(report.maxInstances, 1);
    m_gate.release();
}

void TestMissedRunsReview::aShortDelayOrAPauseIsNoReport()
{
    QVERIFY_OK(m_scheduler->start());
    addOrDie(JobBuilder("tick").name("Tick").function("ok").interval(10 * minute, startMs + 10 * minute));
    QSignalSpy missed(m_scheduler.get(), &Scheduler::jobMissed);
    QSignalSpy submitted(m_scheduler.get(), &Scheduler::jobSubmitted);
    wake(startMs + 10 * minute + 20'000); // 20 s late and no resume: a busy moment, not a sleep
    QTRY_COMPARE(submitted.size(), 1);
    QVERIFY(m_scheduler->missedRuns().isEmpty());

    m_scheduler->pause(); // the user's pause: what passes meanwhile is not reviewed
    m_clock.setNowMs(startMs + 3 * hour);
    m_scheduler->resume();
    QTRY_VERIFY(missed.size() + submitted.size() > 1);
    QVERIFY(m_scheduler->missedRuns().isEmpty());
}

void TestMissedRunsReview::aLaterCatchUpMergesAndDismissing()
{
    QVERIFY_OK(m_scheduler->start());
    addOrDie(JobBuilder("a").name("Alpha").function("ok").interval(hour, startMs + hour));
    addOrDie(JobBuilder("b").name("Beta").function("ok").interval(hour, startMs + hour));
    QSignalSpy added(m_scheduler.get(), &Scheduler::missedRunsAdded);
    QSignalSpy dismissed(m_scheduler.get(), &Scheduler::missedRunsDismissed);
    wake(startMs + 2 * hour + 10'000);
    QTRY_COMPARE(added.size(), 1);
    QCOMPARE(added.front().at(0).value<QList<MissedRunsReport>>().size(), 2); // one signal for the pass
    const int episode = reportOf("a").episode;

    wake(startMs + 5 * hour + 10'000); // asleep again hours later, not dismissed meanwhile: merged, a new episode
    QTRY_COMPARE(added.size(), 2);
    QCOMPARE(added.at(1).at(1).toBool(), true);
    QCOMPARE(reportOf("a").times.total, 5);
    QCOMPARE(reportOf("a").gapFromMs, startMs + hour);
    QVERIFY(reportOf("a").episode > episode);

    QCOMPARE(m_scheduler->dismissMissedRuns({"a", "nope"}), QStringList{"a"});
    QCOMPARE(dismissed.size(), 1);
    QCOMPARE(m_scheduler->missedRuns().size(), 1);
    QCOMPARE(m_scheduler->missedRuns().front().jobId, "b");
    QVERIFY_OK(m_scheduler->removeJob("b")); // a job removed takes its report along
    QCOMPARE(dismissed.size(), 2);
    QVERIFY(m_scheduler->missedRuns().isEmpty());
    QVERIFY(m_scheduler->dismissMissedRuns({}).isEmpty());
    QCOMPARE(dismissed.size(), 2);
}

void TestMissedRunsReview::manyFireTimesAreBoundedAndCounted()
{
    QVERIFY_OK(m_scheduler->start());
    addOrDie(JobBuilder("fast").name("Fast").function("ok").interval(1000, startMs + 1000));
    restartHostAt(startMs + 1000 * 1000 + 500); // 1000 s down: 1000 fire times
    QSignalSpy added(m_scheduler.get(), &Scheduler::missedRunsAdded);
    QVERIFY_OK(m_scheduler->start());
    QTRY_COMPARE(added.size(), 1);
    const MissedRunsReport report = reportOf("fast");
    QCOMPARE(report.times.total, 1000);
    QCOMPARE(report.times.first.size(), PassedTimes::listedTimes);
    QCOMPARE(report.times.last.size(), PassedTimes::listedTimes);
    QCOMPARE(report.times.first.front(), startMs + 1000);
    QCOMPARE(report.times.last.back(), startMs + 1000 * 1000);
    QCOMPARE(report.times.hidden(), 1000 - 2 * PassedTimes::listedTimes);
    QCOMPARE(report.coalesced + report.ranLate + report.missedLate, 1000);
    // The wire form keeps it all.
    auto back = MissedRunsReport::fromJson(report.toJson());
    QVERIFY_OK(back);
    QCOMPARE(back->times.total, 1000);
    QCOMPARE(back->times.listed(), report.times.listed());
    QCOMPARE(back->coalesced, report.coalesced);
    QCOMPARE(back->misfireGraceMs, report.misfireGraceMs);
}

void TestMissedRunsReview::controlMethodAndEventsThroughAHost()
{
    QVERIFY_OK(m_scheduler->start());
    addOrDie(JobBuilder("a").name("Alpha").function("ok").interval(hour, startMs + hour));
    addOrDie(JobBuilder("b").name("Beta").function("ok").interval(hour, startMs + hour));
    setUpHost();
    QSignalSpy changed(m_client.get(), &SchedulerClient::missedRunsChanged);
    QSignalSpy clientAdded(m_client.get(), &SchedulerClient::missedRunsAdded);
    wake(startMs + 3 * hour + 10'000);
    QTRY_COMPARE(clientAdded.size(), 1); // the missed_runs_added event
    QCOMPARE(clientAdded.front().at(1).toBool(), true);
    QCOMPARE(m_client->missedRuns().size(), 2);
    QCOMPARE(m_client->missedRuns().front().jobName, "Alpha");
    QCOMPARE(m_client->missedRuns().front().times.total, 3);
    QCOMPARE(m_client->missedRuns().front().cause, MissedCause::Asleep);

    // The method, as punctualctl would call it.
    std::optional<Result<QJsonValue>> answer;
    m_client->call(control::Method::MissedRuns, {}, nullptr, [&answer](Result<QJsonValue> a) { answer = a; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY_OK(*answer);
    QCOMPARE(answer->value().toArray().size(), 2);
    QCOMPARE(answer->value().toArray().at(1).toObject().value("job_id").toString(), "b");
    QCOMPARE(answer->value().toArray().at(1).toObject().value("cause").toString(), "asleep");

    // A bad request: one clear line, nothing dismissed.
    answer.reset();
    m_client->call(control::Method::DismissMissed, {}, nullptr, [&answer](Result<QJsonValue> a) { answer = a; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->ok());
    QCOMPARE(answer->error().message, "dismiss_missed takes either params.ids (job ids) or params.all: true");
    QCOMPARE(m_scheduler->missedRuns().size(), 2);

    // Dismissed by this client: the event reaches every client.
    changed.clear();
    std::optional<Result<QJsonValue>> dismissed;
    m_client->dismissMissedRuns({"a"}, nullptr, [&dismissed](Result<QJsonValue> a) { dismissed = a; });
    QTRY_VERIFY(dismissed.has_value());
    QVERIFY_OK(*dismissed);
    QCOMPARE(dismissed->value().toArray(), QJsonArray{"a"});
    QTRY_COMPARE(m_client->missedRuns().size(), 1);
    QVERIFY(changed.size() >= 1);

    // A window started later reads the pending reports when it connects.
    auto late = SchedulerClient::forSocket(m_server->fullServerName());
    QSignalSpy lateChanged(late.get(), &SchedulerClient::missedRunsChanged);
    late->connectToHost();
    QTRY_COMPARE(lateChanged.size(), 1);
    QCOMPARE(late->missedRuns().size(), 1);
    QCOMPARE(late->missedRuns().front().jobId, "b");

    // Dismiss all, from the host's side: both clients follow.
    QCOMPARE(m_scheduler->dismissMissedRuns({}), QStringList{"b"});
    QTRY_VERIFY(m_client->missedRuns().isEmpty());
    QTRY_VERIFY(late->missedRuns().isEmpty());
}

QTEST_GUILESS_MAIN(TestMissedRunsReview)
#include "testmissedrunsreview.moc"
