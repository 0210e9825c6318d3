// The scheduler: one wake timer armed for the earliest next run, APScheduler's job semantics, Qt signals.
#pragma once

#include "jobs/job.h"
#include "jobs/jobchanges.h"
#include "jobs/runrecord.h"
#include "scheduler/backfillresult.h"
#include "scheduler/missedrunsreport.h"
#include "scheduler/runactivity.h"
#include "scheduler/runexplainer.h"
#include "scheduler/storestatus.h"
#include "store/jobstore.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QRandomGenerator>

#include <memory>
#include <optional>

namespace punctual {

class Clock;
class DesktopState;
class ClusterMembership;
class ExecutorSet;
class JobStore;
class RemovedJobs;
class MissedRunsReview;
class RunTracker;
class WakeTimer;

/// What Scheduler::runJobsNow() did with one job: its run started, or why nothing started (max_instances).
struct RunNowResult
{
    QString jobId;
    std::optional<RunRecord> run; ///< the run started (recorded running); none when busy
    QString busy;                 ///< why nothing started (the job is at max_instances); empty when run is set
};

/**
 * Runs jobs from a JobStore on time. The scheduler keeps the API, the life cycle and the due pass; the runs going
 * are RunTracker's, the cluster heartbeat ClusterMembership's, the decisions planDueJob()'s and planNewJob()'s.
 * It never polls: one WakeTimer is armed for the earliest next run time in
 * the store and re-armed whenever that may have changed. Due jobs are processed in APScheduler's order
 * (planDueJob), their runs are recorded before they start and completed when they end, and every fact is
 * also a signal. Lives on one thread (the GUI thread in the app); actions run in executors, never blocking it.
 *
 * Every management call is one store transaction; errors: NotFound and Conflict name the id, InvalidInput
 * says what is wrong, StoreFailure carries the store's message.
 */
class Scheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scheduler)

public:
    enum class State
    {
        Stopped,
        Running,
        Paused,
        ShuttingDown,
    };
    Q_ENUM(State)

    /// What shutdown() does with runs still going.
    enum class ShutdownMode
    {
        WaitForRuns, ///< let them finish (no new ones start)
        StopRuns,    ///< stop them now (commands' process groups are killed); they are recorded as interrupted
    };

    /// The scheduler uses @p store and @p clock without owning them (they must outlive it) and runs actions in
    /// @p executors (ExecutorSet::standard() in the apps; tests inject their own).
    Scheduler(JobStore &store, const Clock &clock, std::unique_ptr<ExecutorSet> executors, QObject *parent = nullptr);
    ~Scheduler() override;

    /// Replaces the wake timer (tests drive time by hand). Call before start().
    void setWakeTimer(std::unique_ptr<WakeTimer> timer);
    /// The desktop's power, network and idle state and its resume and network-up events, read by conditions that
    /// wait and by event triggers (docs/desktop-triggers.md). Not owned: it must outlive the scheduler. Until one
    /// is set the scheduler has a ManualDesktopState of its own (on AC power, online: nothing waits). May be set
    /// before or after start(); runs waiting for conditions are checked against the new state at its next change.
    void setDesktopState(DesktopState *state);
    DesktopState &desktopState() const { return *m_desktop; }
    /// Runs kept per job in the history (older ones are pruned); default 100.
    void setHistoryLimit(int runsPerJob);
    int historyLimit() const { return m_historyLimit; }
    /// The clock the scheduler reads (what it stamps on runs; the host's events carry it too).
    const Clock &clock() const { return m_clock; }

    State state() const { return m_state; }
    /// Ends the processes a crashed session's runs left running (Executor::endLeftovers(); blocks until they are
    /// gone), marks those runs interrupted, then schedules (or stays paused when @p paused).
    Result<void> start(bool paused = false);
    /// Stops scheduling; shutDown() is emitted once no run is going any more (at once when none is).
    void shutdown(ShutdownMode mode);
    /// Scheduler-wide pause: nothing starts until resume(); due runs are then handled by the misfire rules.
    void pause();
    void resume();

    /// Adds @p job (id generated when empty); its next run time is computed from now unless it is paused.
    /// A date in the past is accepted only within the misfire grace time (it then runs at once).
    Result<Job> addJob(Job job, ConflictPolicy onConflict = ConflictPolicy::Fail);
    /// Adds many jobs in one store transaction (an import): all of them or, on any error, none. Each is
    /// prepared as addJob() would; jobAdded() follows for each once the transaction is committed.
    Result<QList<Job>> addJobs(QList<Job> jobs, ConflictPolicy onConflict = ConflictPolicy::Fail);
    Result<Job> job(const QString &id) const;
    Result<QList<Job>> jobs() const;
    /// Pauses the job; @p note (one line, validatePauseNote()) says why, for the list, the window and the tray. A job
    /// already paused keeps its state; a non-empty @p note replaces its note.
    Result<Job> pauseJob(const QString &id, const QString &note = {});
    /// Resumes a paused job (its pause note is cleared): its next run is computed from now (runs missed while paused
    /// are not made up).
    Result<Job> resumeJob(const QString &id);
    Result<Job> modifyJob(const QString &id, const JobChanges &changes);
    /// New trigger, next run computed from now.
    Result<Job> rescheduleJob(const QString &id, std::shared_ptr<const Trigger> trigger);
    /// Removes the job and its history. Its runs going are stopped (a command's process group is killed, as at
    /// shutdown) and a retry waiting is not made; they are recorded interrupted ("the job was removed") and
    /// jobError() follows for each once it has ended. Returns how many runs were going or waiting to retry.
    Result<int> removeJob(const QString &id);
    /// Removes every job (their runs stopped as removeJob() does); returns how many jobs were removed.
    Result<int> removeAllJobs();
    /// Runs the job now, outside its schedule (reason run-now); its next run time is unchanged. When max_instances
    /// runs of it are going (a run waiting to retry is one), its overlap policy decides: skip starts nothing and
    /// records nothing (a Busy error says why); queue-one and queue-all return the run recorded queued (Busy when
    /// the queue is full); replace stops the runs going and returns the new run queued until they have ended;
    /// allow starts it.
    Result<RunRecord> runJobNow(const QString &id);
    Result<QList<RunRecord>> history(const QString &jobId, int limit) const;
    /// What happened, or will happen, at @p atMs for the job and why (explainRun() over its whole history).
    Result<RunExplanation> explain(const QString &jobId, std::int64_t atMs) const;

    /// The most fire times one backfill runs (a longer range is refused: it is likely a mistake).
    static constexpr int maxBackfillRuns = 10'000;
    /// Runs @p jobId once for each fire time of its trigger in [@p fromMs, @p toMs] (no jitter, no misfire
    /// grace), in order, one after another, reason backfill; a time backfilled before is not run again. The
    /// range must end by now. @p overlap (default: the job's policy) decides what happens when the job is
    /// running: skip refuses (Busy), allow starts beside it. With @p dryRun only the times are returned.
    Result<BackfillResult> backfill(const QString &jobId, std::int64_t fromMs, std::int64_t toMs,
                                    std::optional<OverlapPolicy> overlap, bool dryRun);

    // --- bulk: many jobs in one store transaction (the window's selection, `punctualctl pause A B C`) ---
    // Each is all or nothing: an id not stored is a NotFound naming the first such id, and nothing changes. An id
    // given twice counts once. The signals are those of the single calls, one per job, after the commit.
    /// pauseJob() of each: returns the jobs it paused, and those already paused whose note a non-empty @p note
    /// replaced (the others already paused are left as they are, unreported).
    Result<QList<Job>> pauseJobs(const QStringList &ids, const QString &note = {});
    /// resumeJob() of each: returns the jobs it resumed (those not paused are left as they are, unreported).
    Result<QList<Job>> resumeJobs(const QStringList &ids);
    /// removeJob() of each: returns how many runs were going or waiting to retry (stopped, as removeJob()).
    Result<int> removeJobs(const QStringList &ids);
    /// runJobNow() of each, their runs recorded in one transaction. A job at max_instances is not a failure of
    /// the request: its result says busy (why) and the others start. Only a store failure or an unknown id
    /// fails the whole request (nothing started). Results follow @p ids' order.
    Result<QList<RunNowResult>> runJobsNow(const QStringList &ids);

    /// Ends the job's runs now, as removeJob() does (a command's process group gets SIGTERM, then SIGKILL after
    /// Executor::stopGraceMs; a retry waiting is not made; run times queued behind do not begin); they are
    /// recorded interrupted ("stopped by the user") once they have ended. The job stays scheduled. Returns how many
    /// runs were going or waiting to retry (0: nothing was running).
    Result<int> stopJob(const QString &id);

    /// The output a run still going has written so far (a command's stdout and stderr, capped as the final record
    /// is); none when the run is not going (over: its record has the output).
    std::optional<QString> runOutputSoFar(std::int64_t runId) const;

    /// Runs going now (all jobs), and of one job. A failed run waiting to retry is not going (retryWait()), though
    /// it still counts towards max_instances: the scheduled run is not over until its last attempt ends.
    int runningCount() const;
    int runningCount(const QString &jobId) const;
    /// Failed runs waiting to retry (all jobs).
    int retryingCount() const;
    /// Due runs waiting for their jobs' conditions (all jobs; activity() says per job what they wait for).
    int conditionWaitingCount() const;
    /// The earliest retry of @p jobId waiting for its time: which attempt of how many, and when.
    std::optional<RetryWait> retryWait(const QString &jobId) const;
    /// What the oldest run of @p jobId waiting for its conditions waits for, and until when.
    std::optional<ConditionWait> conditionWait(const QString &jobId) const;
    /// Every job with a run going or waiting to retry, by id.
    QList<JobActivity> activity() const;

    /// Looks at the store again now: due jobs run and the timer is re-armed (after others changed the store).
    void refresh();

    // --- exclusion calendars (docs/desktop-triggers.md) ---
    Result<QList<ExclusionCalendar>> calendars() const;
    /// One calendar; NotFound naming it when there is none.
    Result<ExclusionCalendar> calendar(const QString &name) const;
    /// Stores a calendar (a name that exists is a Conflict unless @p onConflict is Replace). The unpaused jobs using
    /// it get their next run times again, past its excluded days (jobModified each); returns them.
    Result<QList<Job>> putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict);
    /// Removes a calendar: NotFound when there is none, InvalidInput naming the jobs while jobs use it.
    Result<void> removeCalendar(const QString &name);
    /// The ids of the jobs whose exclude list names @p name, sorted.
    Result<QStringList> jobsUsingCalendar(const QString &name) const;
    /// The calendars as the due pass reads them (loaded from the store once, again after a change or refresh()).
    const ExclusionCalendars &exclusionCalendars() const;

    // --- the store's availability (docs/store-faults.md) ---
    /// First reconnect after the store failed, and the cap the pause between reconnects doubles up to.
    static constexpr std::int64_t storeRetryFirstMs = 500;
    static constexpr std::int64_t storeRetryCapMs = 30'000;
    /// A store back for less than this that fails again keeps the pause it had reached (no flapping).
    static constexpr std::int64_t storeStableMs = 60'000;
    /// Whether the store can be reached, since when, the last error and the reconnects tried.
    const StoreStatus &storeStatus() const { return m_storeStatus; }
    bool isStoreAvailable() const { return m_storeStatus.available; }
    /// The store failed in a way the scheduler's own work did not see (a client's request, the file replaced or
    /// removed under it, @p error says which): it becomes unavailable and reconnects (at once when @p retryNow,
    /// else after the backoff's first pause).
    void storeLost(const Error &error, bool retryNow = false);
    /// Unavailable: the next reconnect is tried at once (a user's "Retry now"); false when there is nothing to retry.
    bool retryStoreNow();

    // --- cluster (a store shared by several instances: JobStore::cluster()) ---
    /// Whether the store is shared with other instances (then due runs are claimed under row locks, this
    /// instance keeps a heartbeat row, and runs of dead instances are taken over).
    bool isClustered() const { return m_membership != nullptr; }
    /// This instance's id in the cluster (empty when not clustered).
    QString instanceId() const;
    /// The instances sharing the store, with their last heartbeats (empty when not clustered).
    Result<QList<InstanceInfo>> instances() const;
    /// Writes this instance's heartbeat and takes over the runs of instances whose lease ran out (interrupted;
    /// re-run here for jobs with the recover option). Done on a timer every lease/4 while clustered and started;
    /// public so tests drive it with their clock.
    void clusterHeartbeat();

    // --- undo a removal (schedulerrestore.cpp; RemovedJobs) ---
    /// Puts back jobs removeJob() or removeJobs() removed within RemovedJobs::defaultKeepMs, each with the run
    /// history it had (JobStore::restoreRuns()), all of them or none. A next run time that has passed meanwhile is
    /// planned as for a newly added job (planNewJob()); a paused job stays paused. NotFound names the first id not
    /// kept (never removed, restored already, or removed too long ago); Conflict when a job of that id was added
    /// since. jobAdded() follows for each. Returns the jobs restored.
    Result<QList<Job>> restoreJobs(const QStringList &ids);
    /// The ids restoreJobs() can put back now, the latest removal first.
    QStringList restorableJobIds();
    // --- the missed-runs review (missedrunsreview.h, docs/window.md#missed-runs-review) ---
    /// The pending reports of fire times missed while Punctual was not running or the computer was asleep.
    QList<MissedRunsReport> missedRuns() const;
    /// Dismisses the reports of @p jobIds (empty: all); returns the ids dismissed.
    QStringList dismissMissedRuns(const QStringList &jobIds);
    /// The episode of @p jobId's pending report (none without one): cheap, for each missed run of a catch-up.
    std::optional<int> missedRunsEpisode(const QString &jobId) const;
    // --- the timeline (docs/window.md#timeline-view--timeline-ctrlt) ---
    /// JobStore::runsInRange(), with the runs that ended this event-loop turn (as history()).
    Result<QList<RunRecord>> runsInRange(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs,
                                         int limit) const;
    // --- statistics (issue 18) ---
    /// The statistics of each job of @p ids over its kept history, in the order of @p ids (JobStore::jobStatistics;
    /// the runs that ended this event-loop turn included), each with its newest @p pointLimit durations. An id of
    /// no job answers zero counts.
    Result<QList<JobStatistics>> statistics(const QStringList &ids, int pointLimit) const;

signals:
    void started();
    void paused();
    void resumed();
    void shutDown();

    void jobAdded(const punctual::Job &job);
    void jobModified(const punctual::Job &job);
    void jobRemoved(const QString &jobId);
    void allJobsRemoved();
    /// A run going wrote @p chunk (commands; coalesced: at most one per Executor::outputIntervalMs per run).
    /// runOutputSoFar() has everything it wrote so far.
    void runOutput(const punctual::RunRecord &run, const QString &chunk);

    void jobSubmitted(const punctual::RunRecord &run);
    void jobExecuted(const punctual::RunRecord &run);  ///< ended successfully
    void jobError(const punctual::RunRecord &run);     ///< failed, timed out or interrupted
    void jobMissed(const punctual::RunRecord &run);
    void jobMaxInstances(const punctual::RunRecord &run);
    /// runningCount(@p jobId) or retryWait(@p jobId) changed: a run began or ended, a retry wait began or ended.
    void jobActivityChanged(const QString &jobId);
    /// @p job was paused because its last @p failures runs failed (its pause_after_failures option).
    void jobPausedAfterFailures(const punctual::Job &job, int failures);
    /// The store failed (logged too); the scheduler retries on its next wake.
    void storeError(const QString &message);
    /// storeStatus() changed: the store became unavailable or available again, or a reconnect failed.
    void storeStatusChanged(const punctual::StoreStatus &status);
    /// Missed-runs reports were added or grew (each as it is now); @p newEpisode: a new downtime or sleep.
    void missedRunsAdded(const QList<punctual::MissedRunsReport> &reports, bool newEpisode);
    void missedRunsDismissed(const QStringList &jobIds);

private:
    void processDue();
    /// The desktop state changed: runs waiting for conditions may start, runs with stop_if_lost may be stopped.
    void onDesktopChanged();
    /// After a clustered pass that claimed nothing: arms the timer a little later when rows are still due (held by
    /// another instance); false when nothing is due.
    bool lookAgainAfterClaim(std::int64_t now);
    /// Writes one due pass (runs recorded before anything starts), then signals and submits; false on failure.
    bool commitDuePass(QList<Job> &due, std::int64_t nowMs);
    void scheduleProcessing();
    void rearm();
    /// The error of a call refused while shutting down.
    static Error shuttingDown();
    /// The error of a run refused while the store is unavailable.
    Error storeUnavailable() const;
    Result<Job> requireJob(const QString &id) const;
    /// The jobs @p ids (each once, in the order given), or NotFound naming the first id not stored.
    Result<QList<Job>> requireJobs(const QStringList &ids) const;
    /// A resumed job's next run time: the trigger's next fire time from now (jittered), none when it has none.
    std::optional<std::int64_t> resumedNextRunTime(const Job &job);
    /// Why runJobNow() starts nothing for @p job (at max_instances).
    QString busyMessage(const Job &job) const;
    /// What a run-now of @p job does by its overlap policy when its runs are going.
    enum class RunNowAdmission
    {
        Start,   ///< room, or overlap allow
        Queue,   ///< queue-one, queue-all with room in the queue
        Replace, ///< replace: the runs going are stopped, the new one waits for them to end
        Busy,    ///< nothing starts (skip, or a full queue)
    };
    RunNowAdmission admitRunNow(const Job &job) const;
    /// Hands @p run (recorded) of @p job over as @p admission says.
    void startOrQueueRunNow(const Job &job, const RunRecord &run, RunNowAdmission admission);
    Result<Job> storeModified(Job job);
    /// What addJob() does before the store sees the job: id, name, creation time, first run time.
    Result<void> prepareNewJob(Job &job, std::int64_t nowMs);
    void checkShutdownDone();
    /// What start() does before scheduling: leftovers ended, interrupted runs recorded, the cluster joined, the
    /// history pruned. Deferred to the first reconnect when the store cannot be reached at start().
    Result<void> prepareStart();
    void reportStoreError(const Error &error);
    /// A failure of the scheduler's own work: reported, and the store becomes unavailable (reconnects follow).
    void storeFailed(const Error &error);
    /// Tries to reconnect the store (due when unavailable); true when it is available again.
    bool tryReconnect();
    /// Arms the wake timer for the next reconnect.
    void armReconnect();
    /// The pause before the next reconnect: storeRetryFirstMs doubled per failed try (m_backoffStep), capped.
    std::int64_t reconnectPause() const;
    /// What a run outside the schedule (run-now, backfill) needs first in a scheduler that may not have started:
    /// the cluster joined, and the password variables learned.
    Result<void> readyToRunOutsideSchedule();
    /// Joins the cluster when the store is shared and this scheduler has not joined yet.
    Result<void> joinCluster();
    /// Leaves the cluster once nothing of ours runs any more.
    void leaveCluster();
    /// Starts the re-runs of recovering jobs that the cluster handed over (or records why they cannot run).
    void startRecoveredRuns(const QList<RunRecord> &runs);
    // --- chains and pause-after-failures (schedulerchains.cpp) ---
    /// Refuses chains to jobs that do not exist (in the store or in @p batch, the jobs being added with @p job)
    /// and chains that lead back to @p job, naming the cycle.
    Result<void> checkChains(const Job &job, const QList<Job> &batch = {}) const;
    /// Every calendar @p job's exclude list names is stored; else InvalidInput naming the first that is not.
    Result<void> checkCalendars(const Job &job) const;
    /// After a calendar changed: the next run time of @p job past the excluded days (a due one is left alone).
    std::optional<std::int64_t> nextRunTimeAfterCalendarChange(const Job &job);
    /// A run of @p job ended for good: its chains start, and it is paused after too many failures in a row.
    void onRunEnded(const Job &job, const RunRecord &run);
    /// Starts a run of @p targetId because @p cause (of @p causeJob) ended; recorded skipped when it cannot.
    void startChainedRun(const QString &targetId, const Job &causeJob, const RunRecord &cause);
    void pauseIfFailing(const Job &job);

    // --- event triggers (schedulerevents.cpp; docs/desktop-triggers.md) ---
    /// Follows m_desktop's resumed() and networkCameUp().
    void connectDesktop();
    /// Running with the store available: events run jobs (else they are ignored, nothing recorded).
    bool canRunOnEvents() const;
    /// The unpaused jobs that have event triggers, freshly read.
    Result<QList<Job>> unpausedJobsWithEvents() const;
    /// Once per start(): the jobs with at_start run (reason at-start).
    void runAtStartJobs();
    /// The computer woke: after_resume jobs run now or after their delay (reason after-resume).
    void onDesktopResumed();
    /// The network came up: network_up jobs run, at most once per JobEvents::networkUpDebounceMs each.
    void onNetworkCameUp();
    /// The earliest delayed after-resume run waiting (the wake timer is armed for it).
    std::optional<std::int64_t> earliestEventRun() const;
    /// Starts the delayed after-resume runs due at @p now.
    void startDueEventRuns(std::int64_t now);
    /// Records a run of each of @p jobs for @p reason now and starts or queues it by its overlap policy; a busy job's
    /// run is recorded skipped.
    void runOnEvent(const QList<Job> &jobs, RunReason reason);

    /// Asks the store which variables hold sql jobs' passwords, so command jobs do not inherit them.
    Result<void> learnPasswordVariables();
    void notePasswordVariable(const Job &job);

    JobStore &m_store;
    const Clock &m_clock;
    std::unique_ptr<ExecutorSet> m_executors;
    std::unique_ptr<WakeTimer> m_wakeTimer;
    std::unique_ptr<DesktopState> m_ownDesktop; ///< used until setDesktopState()
    DesktopState *m_desktop = nullptr;          ///< m_ownDesktop or the one set
    RunTracker *m_runs = nullptr;                ///< child
    ClusterMembership *m_membership = nullptr;   ///< child; only on a shared store
    QRandomGenerator m_random;
    State m_state = State::Stopped;
    int m_historyLimit = 100;
    bool m_processingQueued = false;
    StoreStatus m_storeStatus;
    int m_backoffStep = 0; ///< failed reconnects counted into the pause (kept through a store that flaps)
    bool m_startWorkPending = false; ///< started while the store was unavailable: prepareStart() not done yet
    mutable std::optional<ExclusionCalendars> m_calendars; ///< exclusionCalendars(), until the next change
    // Event triggers (schedulerevents.cpp).
    bool m_atStartDone = false;                 ///< the at-start runs of this scheduler's start() were made
    QHash<QString, std::int64_t> m_afterResumeDue; ///< job id -> when its delayed after-resume run starts
    QHash<QString, std::int64_t> m_lastNetworkUpRun; ///< job id -> its last network-up run (debounce)
    QMetaObject::Connection m_desktopResumed;
    QMetaObject::Connection m_desktopNetworkUp;
    // Undo of removals (schedulerrestore.cpp).
    /// The run histories of @p jobs about to be removed, by job id (none when there are too many to keep).
    QHash<QString, QList<RunRecord>> historiesForUndo(const QList<Job> &jobs) const;
    /// Keeps @p jobs, just removed, with @p histories for restoreJobs().
    void keepRemoved(const QList<Job> &jobs, QHash<QString, QList<RunRecord>> histories);
    std::unique_ptr<RemovedJobs> m_removed;
    MissedRunsReview *m_review = nullptr; ///< child: catch-up passes become missed-runs reports
};

} // namespace punctual
