// Event triggers on the fake clock with a ManualDesktopState: at start (once per start), after wake-up (with its
// delay), network up (debounced); paused jobs and schedulers, overlap policies and the reasons recorded.
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"

#include "desktop/desktopstate.h"

#include <QSignalSpy>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t t0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t minuteMs = 60'000;

JobEvents atStart()
{
    JobEvents events;
    events.atStart = true;
    return events;
}

JobEvents afterResume(std::int64_t delayMs)
{
    JobEvents events;
    events.afterResumeDelayMs = delayMs;
    return events;
}

JobEvents networkUp()
{
    JobEvents events;
    events.networkUp = true;
    return events;
}

} // namespace

class TestEventTriggers : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { tearDownScheduler(); }

    void eventsOnlyJobHasNoNextRunAndIsNotFinished();
    void eventsOnlyJobWithoutEventsIsRefused();
    void eventsRoundTripThroughJson();
    void atStartRunsOncePerStart();
    void atStartSkipsPausedJobsAndPausedStart();
    void scheduleAndEventsTogether();
    void afterResumeWithoutDelayRunsAtOnce();
    void afterResumeWaitsItsDelayOnTheClock();
    void secondResumeStartsTheDelayAgain();
    void pausingTheSchedulerDropsDelayedRuns();
    void networkUpIsDebounced();
    void pausedJobOrSchedulerRunsNothingOnEvents();
    void busyJobFollowsItsOverlapPolicy();
    void reasonsAreNamedInJson();
    void removeWhenDoneKeepsAJobWithEvents();

private:
    /// The runs of @p jobId, oldest first.
    QList<RunRecord> runsOf(const QString &jobId)
    {
        auto runs = m_scheduler->history(jobId, -1);
        return QList<RunRecord>(runs.value().crbegin(), runs.value().crend());
    }
    void waitIdle() { QTRY_COMPARE(m_scheduler->runningCount(), 0); }

    ManualDesktopState m_desktop;
};

void TestEventTriggers::init()
{
    setUpScheduler(t0);
    m_desktop.setNetworkOnline(true);
    m_scheduler->setDesktopState(&m_desktop);
    addSucceeding(QStringLiteral("ok"));
    addBlocking(QStringLiteral("block"));
}

void TestEventTriggers::eventsOnlyJobHasNoNextRunAndIsNotFinished()
{
    QVERIFY_OK(m_scheduler->start());
    const Job job = addOrDie(JobBuilder("boot").eventsOnly().events(atStart()).function("ok"));
    QVERIFY(!job.nextRunTime);
    QCOMPARE(job.state(), JobState::OnEvents);
    QCOMPARE(Job::stateName(job.state()), QStringLiteral("on-events"));
    QCOMPARE(job.trigger->description(), QStringLiteral("Only on events"));
    QCOMPARE(describeSchedule(job), QStringLiteral("At start"));
    // Resuming it after a pause gives it no next run time either: it still waits for its events.
    QVERIFY_OK(m_scheduler->pauseJob("boot"));
    auto resumed = m_scheduler->resumeJob("boot");
    QVERIFY_OK(resumed);
    QCOMPARE(resumed->state(), JobState::OnEvents);
    QVERIFY(!m_timer->armedAt()); // nothing to wake for
}

void TestEventTriggers::eventsOnlyJobWithoutEventsIsRefused()
{
    auto added = m_scheduler->addJob(JobBuilder("never").eventsOnly().function("ok"));
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidInput);
    QVERIFY2(added.error().message.contains(QLatin1String("no schedule and no event")),
             qPrintable(added.error().message));
    addOrDie(JobBuilder("boot").eventsOnly().events(atStart()).function("ok"));
    JobChanges none;
    none.options = JobOptions{};
    auto modified = m_scheduler->modifyJob("boot", none);
    QVERIFY(!modified);
    QCOMPARE(modified.error().code, ErrorCode::InvalidInput);
    QVERIFY(m_scheduler->job("boot")->options.events.atStart); // nothing lost
}

void TestEventTriggers::eventsRoundTripThroughJson()
{
    JobEvents all;
    all.atStart = true;
    all.afterResumeDelayMs = 2 * minuteMs;
    all.networkUp = true;
    const Job job = addOrDie(JobBuilder("all").cron("0 3 * * *", "UTC").events(all).function("ok"));
    const QJsonObject json = job.toJson();
    const QJsonObject events = json.value(QStringLiteral("events")).toObject();
    QCOMPARE(events.value(QStringLiteral("at_start")).toBool(), true);
    QCOMPARE(events.value(QStringLiteral("after_resume")).toDouble(), 120.0);
    QCOMPARE(events.value(QStringLiteral("network_up")).toBool(), true);
    auto back = Job::fromJson(json, false);
    QVERIFY_OK(back);
    QCOMPARE(back->options.events, all);
    QCOMPARE(describeSchedule(job),
             job.trigger->description() + QStringLiteral("; also at start, after wake-up (2m later), when the network "
                                                         "comes up"));
    // No events: no key at all.
    QVERIFY(!addOrDie(JobBuilder("plain").cron("0 3 * * *", "UTC").function("ok")).toJson().contains("events"));
    // Bad values are refused with what is wrong.
    for (const auto &[bad, says] : {std::pair{QJsonValue(QStringLiteral("yes")), "must be an object"},
                                    std::pair{QJsonValue(QJsonObject{{"at_boot", true}}), "unknown key \"at_boot\""},
                                    std::pair{QJsonValue(QJsonObject{{"at_start", 1}}), "at_start must be true or false"},
                                    std::pair{QJsonValue(QJsonObject{{"after_resume", -5}}), "after_resume"},
                                    std::pair{QJsonValue(QJsonObject{{"after_resume", "2m"}}), "number of seconds"}}) {
        QJsonObject changed = json;
        changed.insert(QStringLiteral("events"), bad);
        auto refused = Job::fromJson(changed, false);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String(says)), qPrintable(refused.error().message));
    }
}

void TestEventTriggers::atStartRunsOncePerStart()
{
    addOrDie(JobBuilder("boot").eventsOnly().events(atStart()).function("ok"));
    addOrDie(JobBuilder("other").eventsOnly().events(networkUp()).function("ok"));
    QVERIFY_OK(m_scheduler->start());
    waitIdle();
    QCOMPARE(runsOf("boot").size(), 1);
    QCOMPARE(runsOf("boot").first().reason, RunReason::AtStart);
    QCOMPARE(runsOf("boot").first().outcome, RunOutcome::Success);
    QCOMPARE(runsOf("boot").first().scheduledTime, t0);
    QVERIFY(runsOf("other").isEmpty());
    // Not on a pause and resume of the scheduler, nor on a wake.
    m_scheduler->pause();
    m_scheduler->resume();
    m_timer->fire();
    waitIdle();
    QCOMPARE(runsOf("boot").size(), 1);
    // A new host start (another scheduler on the same store) runs it again.
    m_scheduler->shutdown(Scheduler::ShutdownMode::WaitForRuns);
    m_scheduler.reset();
    m_clock.advance(minuteMs);
    m_scheduler = makeScheduler(*m_store);
    m_timer = installManualTimer(*m_scheduler);
    QVERIFY_OK(m_scheduler->start());
    waitIdle();
    QCOMPARE(runsOf("boot").size(), 2);
    QCOMPARE(runsOf("boot").last().scheduledTime, t0 + minuteMs);
}

void TestEventTriggers::atStartSkipsPausedJobsAndPausedStart()
{
    addOrDie(JobBuilder("boot").eventsOnly().events(atStart()).function("ok").paused());
    QVERIFY_OK(m_scheduler->start());
    QVERIFY(runsOf("boot").isEmpty());
    // A scheduler started paused runs no at-start jobs, nor later when it is resumed.
    m_scheduler.reset();
    m_scheduler = makeScheduler(*m_store);
    m_timer = installManualTimer(*m_scheduler);
    QVERIFY_OK(m_scheduler->resumeJob("boot"));
    QVERIFY_OK(m_scheduler->start(true));
    m_scheduler->resume();
    QVERIFY(runsOf("boot").isEmpty());
}

void TestEventTriggers::scheduleAndEventsTogether()
{
    const Job job = addOrDie(JobBuilder("both").interval(10 * minuteMs, t0 + 10 * minuteMs).events(atStart()).function("ok"));
    QCOMPARE(job.state(), JobState::Scheduled);
    QVERIFY_OK(m_scheduler->start());
    waitIdle();
    // The at-start run leaves the schedule alone.
    QCOMPARE(m_scheduler->job("both")->nextRunTime, std::optional<std::int64_t>(t0 + 10 * minuteMs));
    wake(t0 + 10 * minuteMs);
    waitIdle();
    const QList<RunRecord> runs = runsOf("both");
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).reason, RunReason::AtStart);
    QCOMPARE(runs.at(1).reason, RunReason::Scheduled);
}

void TestEventTriggers::afterResumeWithoutDelayRunsAtOnce()
{
    addOrDie(JobBuilder("wake").eventsOnly().events(afterResume(0)).function("ok"));
    QVERIFY_OK(m_scheduler->start());
    QVERIFY(runsOf("wake").isEmpty()); // not at start
    m_clock.advance(minuteMs);
    m_desktop.simulateResume();
    waitIdle();
    QCOMPARE(runsOf("wake").size(), 1);
    QCOMPARE(runsOf("wake").first().reason, RunReason::AfterResume);
    QCOMPARE(runsOf("wake").first().scheduledTime, t0 + minuteMs);
}

void TestEventTriggers::afterResumeWaitsItsDelayOnTheClock()
{
    addOrDie(JobBuilder("wake").eventsOnly().events(afterResume(2 * minuteMs)).function("ok"));
    QVERIFY_OK(m_scheduler->start());
    m_desktop.simulateResume();
    QVERIFY(runsOf("wake").isEmpty());
    QCOMPARE(m_timer->armedAt(), std::optional<std::int64_t>(t0 + 2 * minuteMs));
    wake(t0 + minuteMs); // woken early (another job, a clock change): not yet
    QVERIFY(runsOf("wake").isEmpty());
    QCOMPARE(m_timer->armedAt(), std::optional<std::int64_t>(t0 + 2 * minuteMs));
    wake(t0 + 2 * minuteMs);
    waitIdle();
    QCOMPARE(runsOf("wake").size(), 1);
    QCOMPARE(runsOf("wake").first().reason, RunReason::AfterResume);
    QCOMPARE(runsOf("wake").first().scheduledTime, t0 + 2 * minuteMs);
    QVERIFY(!m_timer->armedAt());
}

void TestEventTriggers::secondResumeStartsTheDelayAgain()
{
    addOrDie(JobBuilder("wake").eventsOnly().events(afterResume(5 * minuteMs)).function("ok"));
    QVERIFY_OK(m_scheduler->start());
    m_desktop.simulateResume();
    m_clock.advance(3 * minuteMs); // slept again and woke 3 minutes later
    m_desktop.simulateResume();
    QCOMPARE(m_timer->armedAt(), std::optional<std::int64_t>(t0 + 8 * minuteMs));
    wake(t0 + 5 * minuteMs);
    QVERIFY(runsOf("wake").isEmpty());
    wake(t0 + 8 * minuteMs);
    waitIdle();
    QCOMPARE(runsOf("wake").size(), 1); // one run for the two wake-ups
}

void TestEventTriggers::pausingTheSchedulerDropsDelayedRuns()
{
    addOrDie(JobBuilder("wake").eventsOnly().events(afterResume(minuteMs)).function("ok"));
    addOrDie(JobBuilder("gone").eventsOnly().events(afterResume(minuteMs)).function("ok"));
    QVERIFY_OK(m_scheduler->start());
    m_desktop.simulateResume();
    m_scheduler->pause();
    m_clock.advance(2 * minuteMs);
    m_scheduler->resume();
    m_timer->fire();
    QVERIFY(runsOf("wake").isEmpty());
    // A job removed or paused during its delay is left out; the others run.
    m_desktop.simulateResume();
    QVERIFY_OK(m_scheduler->removeJob("gone"));
    QVERIFY_OK(m_scheduler->pauseJob("wake"));
    wake(m_clock.nowMs() + minuteMs);
    QVERIFY(runsOf("wake").isEmpty());
}

void TestEventTriggers::networkUpIsDebounced()
{
    addOrDie(JobBuilder("sync").eventsOnly().events(networkUp()).function("ok"));
    QVERIFY_OK(m_scheduler->start());
    m_desktop.setNetworkOnline(false);
    m_desktop.setNetworkOnline(true);
    waitIdle();
    QCOMPARE(runsOf("sync").size(), 1);
    QCOMPARE(runsOf("sync").first().reason, RunReason::NetworkUp);
    // A flapping link 10 s later does not start it again...
    m_clock.advance(10'000);
    m_desktop.setNetworkOnline(false);
    m_desktop.setNetworkOnline(true);
    waitIdle();
    QCOMPARE(runsOf("sync").size(), 1);
    // ...30 s after the run it does.
    m_clock.advance(JobEvents::networkUpDebounceMs - 10'000);
    m_desktop.setNetworkOnline(false);
    m_desktop.setNetworkOnline(true);
    waitIdle();
    QCOMPARE(runsOf("sync").size(), 2);
    QCOMPARE(runsOf("sync").last().scheduledTime, t0 + JobEvents::networkUpDebounceMs);
}

void TestEventTriggers::pausedJobOrSchedulerRunsNothingOnEvents()
{
    JobEvents all;
    all.afterResumeDelayMs = 0;
    all.networkUp = true;
    addOrDie(JobBuilder("paused").eventsOnly().events(all).function("ok").paused());
    addOrDie(JobBuilder("live").eventsOnly().events(all).function("ok"));
    QVERIFY_OK(m_scheduler->start());
    m_scheduler->pause();
    m_desktop.simulateResume();
    m_desktop.setNetworkOnline(false);
    m_desktop.setNetworkOnline(true);
    QVERIFY(runsOf("live").isEmpty()); // a paused scheduler: nothing, and nothing recorded
    m_scheduler->resume();
    QVERIFY(runsOf("live").isEmpty()); // not made up on resume
    m_desktop.simulateResume();
    waitIdle();
    QCOMPARE(runsOf("live").size(), 1);
    QVERIFY(runsOf("paused").isEmpty()); // a paused job: nothing recorded either
    // An unstarted scheduler (a punctualctl one-off command) runs nothing on events.
    m_scheduler->shutdown(Scheduler::ShutdownMode::WaitForRuns);
    waitIdle();
    m_desktop.simulateResume();
    QCOMPARE(runsOf("live").size(), 1);
}

void TestEventTriggers::busyJobFollowsItsOverlapPolicy()
{
    JobOptions skip;
    skip.events = networkUp();
    addOrDie(JobBuilder("skip").eventsOnly().options(skip).function("block"));
    JobOptions queue = skip;
    queue.overlap = OverlapPolicy::QueueOne;
    addOrDie(JobBuilder("queue").eventsOnly().options(queue).function("block"));
    QVERIFY_OK(m_scheduler->start());
    QVERIFY_OK(m_scheduler->runJobNow("skip"));
    QVERIFY_OK(m_scheduler->runJobNow("queue"));
    QSignalSpy maxInstances(m_scheduler.get(), &Scheduler::jobMaxInstances);
    m_desktop.setNetworkOnline(false);
    m_desktop.setNetworkOnline(true);
    // skip: recorded skipped, saying why, with the event as its reason.
    const QList<RunRecord> skipped = runsOf("skip");
    QCOMPARE(skipped.size(), 2);
    QCOMPARE(skipped.last().outcome, RunOutcome::Skipped);
    QCOMPARE(skipped.last().reason, RunReason::NetworkUp);
    QVERIFY2(skipped.last().error.contains(QLatin1String("already running")), qPrintable(skipped.last().error));
    QCOMPARE(maxInstances.size(), 1);
    // queue-one: waits for the run going, then runs.
    QCOMPARE(runsOf("queue").last().outcome, RunOutcome::Queued);
    QCOMPARE(runsOf("queue").last().reason, RunReason::NetworkUp);
    m_gate.release(3);
    waitIdle();
    QTRY_COMPARE(runsOf("queue").last().outcome, RunOutcome::Success);
    QCOMPARE(runsOf("queue").size(), 2);
}

void TestEventTriggers::reasonsAreNamedInJson()
{
    for (const auto &[reason, name] : {std::pair{RunReason::AtStart, "at-start"},
                                       std::pair{RunReason::AfterResume, "after-resume"},
                                       std::pair{RunReason::NetworkUp, "network-up"}}) {
        RunRecord run;
        run.reason = reason;
        QCOMPARE(run.toJson().value(QStringLiteral("reason")).toString(), QString::fromLatin1(name));
        QCOMPARE(RunRecord::reasonFromName(QString::fromLatin1(name)), std::optional<RunReason>(reason));
    }
}

void TestEventTriggers::removeWhenDoneKeepsAJobWithEvents()
{
    JobOptions options;
    options.removeWhenDone = true;
    options.events = atStart();
    addOrDie(JobBuilder("boot").eventsOnly().options(options).function("ok"));
    addOrDie(JobBuilder("once").date(t0 + minuteMs).options(options).function("ok"));
    QVERIFY_OK(m_scheduler->start());
    wake(t0 + minuteMs);
    waitIdle();
    QCOMPARE(runsOf("boot").size(), 1);
    QCOMPARE(runsOf("once").size(), 2); // at start, then its date
    QVERIFY_OK(m_scheduler->job("boot"));
    auto once = m_scheduler->job("once");
    QVERIFY_OK(once);
    QCOMPARE(once->state(), JobState::OnEvents); // its date has passed; it still runs at start
}

QTEST_GUILESS_MAIN(TestEventTriggers)
#include "testeventtriggers.moc"
