// The runs a scheduler has going: submissions to executors, retries waiting their turn, and the write-behind of
// finished runs.
#pragma once

#include "executors/executor.h"
#include "jobs/job.h"
#include "jobs/runrecord.h"
#include "scheduler/runactivity.h"
#include "scheduler/runqueue.h"
#include "util/result.h"

#include <QHash>
#include <QSet>
#include <QList>
#include <QObject>

#include <cstdint>
#include <optional>

namespace punctual {

class Clock;
class DesktopState;
class ExecutorSet;
class JobStore;
struct ExecutionResult;

/**
 * Book-keeping of the runs going now, owned by the Scheduler. A *submission* is the run times of one job handed
 * over together: they run one after another in the job's executor and count as one instance (max_instances).
 * A failed attempt with retries left waits for its retry time (earliestRetry(); the scheduler's wake timer is
 * armed for it) as a new run row of the same scheduled time. A submission waiting so is still an instance
 * (instanceCount(): the scheduled run is not over) but not a run going (runningCount()); retryWait() tells which
 * attempt waits and when, and activityChanged() follows every change of either.
 *
 * Runs that wait for the job's earlier runs to end (overlap queue-one, queue-all, replace) are kept in a RunQueue
 * per job, recorded queued; the first starts when an instance of its job ends (or, for replace, once every
 * replaced run has ended), and then counts as an instance. Its misfire grace applies then.
 *
 * A submission of a job with conditions (its "requires"; runs on schedule, caught up or chained, not run-now,
 * retries or backfills) whose conditions do not hold waits for them: its rows are rewritten waiting (the error
 * says for what) and it is an instance, not a run going, as a retry waiting is. checkConditions() starts it once
 * they hold, or ends it condition_timeout at its deadline; earliestConditionCheck() is when it must be asked
 * again without a change of the desktop state (a deadline, an idle time reached).
 *
 * Finished runs are written behind: the rows of runs that end in one event-loop turn are rewritten in one
 * transaction at its end (flush()), or earlier when the history is read or pruned. The run was recorded before
 * it started; a crash in between leaves it "running", i.e. interrupted at the next start.
 */
class RunTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunTracker)

public:
    RunTracker(JobStore &store, const Clock &clock, ExecutorSet &executors, QObject *parent = nullptr);
    ~RunTracker() override;

    /// A lower limit than before is applied to each job's history when its next run ends.
    void setHistoryLimit(int runsPerJob)
    {
        if (runsPerJob < m_historyLimit)
            m_prunedJobs.clear();
        m_historyLimit = runsPerJob;
    }
    /// While stopping, runs not begun yet are recorded interrupted and failed attempts are not retried.
    void setStopping(bool stopping) { m_stopping = stopping; }
    /// What conditions are checked against (not owned).
    void setDesktopState(const DesktopState *desktop) { m_desktop = desktop; }

    /// Hands @p runs (recorded as running) of @p job to its executor, one after another, as one instance.
    /// @p misfireGraceMs applies to first attempts when they really begin. A chained run names the run that
    /// started it (@p previous).
    void submit(const Job &job, QList<RunRecord> runs, std::optional<std::int64_t> misfireGraceMs,
                std::optional<PreviousRun> previous = std::nullopt);
    /// Records a run that ended (or never began): written behind, and its outcome signalled.
    void recordFinal(RunRecord &run);
    /// Writes the runs that ended since the last flush, in one transaction (storeFailed() when that fails), then
    /// removes the jobs that go when done whose last run ended.
    void flush();
    /// flush() for the caller to judge: on failure the runs are kept for the next flush, and the error returned.
    Result<void> writeFinished();
    /// Forgets every submission without recording anything more (the scheduler is being destroyed).
    void abandonAll();

    /// The earliest instant a failed run waits to be retried at, if any waits.
    std::optional<std::int64_t> earliestRetry() const;
    /// Starts the attempts whose retry time has passed, oldest submission first.
    void startDueRetries(std::int64_t nowMs);
    /// Ends the submissions whose next attempt only waits for its retry time (they will not be made): the
    /// waiting attempt is recorded interrupted. All of them (the scheduler stops), or those of @p jobId (it was
    /// paused), with @p reason as the attempt's error (empty: "the scheduler stopped before this run began").
    void dropWaitingRetries(const QString &jobId = {}, const QString &reason = {});
    /// Ends everything of @p jobId: its waiting retries are dropped and its runs going are stopped (a command's
    /// process group is killed, as at shutdown), all recorded interrupted with @p reason; run times queued behind
    /// them do not begin and nothing is retried. The stopped runs end (finished) later. Returns how many runs
    /// were going or waiting to retry.
    int stopJob(const QString &jobId, const QString &reason);

    // --- conditions that wait (a job's "requires", docs/desktop-triggers.md) ---
    /// Starts the waiting submissions whose conditions hold now (not while held or stopping) and ends those past
    /// their deadline (condition_timeout). Then stops the runs going of jobs with stop_if_lost whose conditions
    /// no longer hold (interrupted, "stopped: AC power was lost").
    void checkConditions(std::int64_t nowMs);
    /// When checkConditions() must run again although the desktop state did not change: the earliest deadline or
    /// idle time reached of a waiting submission; none when none waits for a time.
    std::optional<std::int64_t> earliestConditionCheck() const;
    /// Ends the submissions waiting for their conditions (of @p jobId, or all), recorded interrupted with
    /// @p reason (empty: "the scheduler stopped while this run waited for its conditions"); returns how many.
    int dropConditionWaits(const QString &jobId = {}, const QString &reason = {});
    /// Submissions waiting for their conditions (all jobs).
    int conditionWaitingCount() const { return m_conditionWaitingTotal; }
    /// What the oldest submission of @p jobId waiting for its conditions waits for.
    std::optional<ConditionWait> conditionWait(const QString &jobId) const;

    // --- overlap policies: runs waiting for earlier runs of their job to end ---
    /// Queues @p run (recorded queued in the store) behind the runs of @p job going now; it starts when one ends
    /// (startQueued()), with @p misfireGraceMs checked when it really begins.
    void enqueue(const Job &job, const RunRecord &run, std::optional<std::int64_t> misfireGraceMs);
    /// Runs of @p jobId waiting in its queue.
    int queuedCount(const QString &jobId) const { return m_queue.size(jobId); }
    /// Starts waiting runs of @p jobId while it has room (@p elsewhere: its runs going on other instances) and no
    /// replaced run is still ending. Nothing starts while held or stopping.
    void startQueued(const QString &jobId, int elsewhere = 0);
    /// While held (the scheduler is paused) nothing leaves a queue; releasing starts what has room.
    void holdQueues(bool held);
    /// Ends the waiting runs of @p jobId (of every job when empty), recorded interrupted with @p reason (empty:
    /// "the scheduler stopped while this run waited in the queue"); returns how many.
    int dropQueued(const QString &jobId = {}, const QString &reason = {});
    /// Overlap replace: the runs of @p jobId going are stopped as stopJob() does but recorded replaced with
    /// @p reason, and the runs waiting in its queue end replaced too. Returns how many runs were going.
    int replaceRuns(const QString &jobId, const QString &reason);

    /// Runs of @p jobId that ended outside a submission (missed, skipped) count towards the next pruning.
    void countEnded(const QString &jobId, int runs) { m_endedSincePrune[jobId] += runs; }
    void forgetJob(const QString &jobId)
    {
        m_endedSincePrune.remove(jobId);
        m_prunedJobs.remove(jobId);
        m_firstPrunes.removeAll(jobId);
    }
    void forgetAllJobs()
    {
        m_endedSincePrune.clear();
        m_prunedJobs.clear();
        m_firstPrunes.clear();
    }

    /// Submissions going now, waiting retries included: what max_instances counts, and what shutdown waits for.
    int instanceCount() const { return static_cast<int>(m_submissions.size()); }
    int instanceCount(const QString &jobId) const { return m_instances.value(jobId, 0); }
    /// Submissions running now (all jobs), and of one job: those waiting to retry are not counted.
    int runningCount() const { return instanceCount() - m_waitingTotal - m_conditionWaitingTotal; }
    int runningCount(const QString &jobId) const
    {
        return instanceCount(jobId) - m_waiting.value(jobId, 0) - m_conditionWaiting.value(jobId, 0);
    }
    /// Submissions waiting to retry.
    int retryingCount() const { return m_waitingTotal; }
    /// The earliest retry of @p jobId waiting for its time, if any.
    std::optional<RetryWait> retryWait(const QString &jobId) const;
    /// Every job with a run going or waiting to retry.
    QList<JobActivity> activity() const;
    /// The output the run @p runId has written so far while it goes (the newest liveOutputCapChars); none when
    /// it is not going.
    std::optional<QString> outputSoFar(std::int64_t runId) const;

    /// What outputSoFar() keeps of a run going (the newest characters; the record keeps its action's own cap).
    static constexpr qsizetype liveOutputCapChars = 1 << 20;

signals:
    void jobSubmitted(const punctual::RunRecord &run);
    void jobExecuted(const punctual::RunRecord &run);
    void jobError(const punctual::RunRecord &run);
    void jobMissed(const punctual::RunRecord &run);
    void jobMaxInstances(const punctual::RunRecord &run);
    /// A run of @p job ended for good (no retry follows) having run: success, failed or timed out. What chains
    /// and pause-after-failures look at.
    void runEnded(const punctual::Job &job, const punctual::RunRecord &run);
    /// A finished job with remove_when_done was removed after its last run.
    void jobRemoved(const QString &jobId);
    /// @p run (going) wrote @p chunk (coalesced by the executor: at most one per Executor::outputIntervalMs).
    void runOutput(const punctual::RunRecord &run, const QString &chunk);
    /// A failed run now waits for its retry: the wake timer must be re-armed.
    void retryScheduled();
    /// A submission began or stopped waiting for its conditions: the wake timer must be re-armed.
    void conditionWaitsChanged();
    /// runningCount(), instanceCount() or retryWait() of @p jobId changed.
    void activityChanged(const QString &jobId);
    /// The last submission ended.
    void idle();
    void storeFailed(const punctual::Error &error);

private:
    struct Submission;

    void startNextRun(std::uint64_t submissionId);
    void onExecutionFinished(std::uint64_t token, const ExecutionResult &result);
    void onOutputArrived(std::uint64_t token, const QByteArray &chunk);
    /// Inserts the row of the next attempt of a failed run; false when the store refused it.
    bool scheduleRetry(Submission &submission, RunRecord &run);
    void finishSubmission(std::uint64_t submissionId);
    /// The first prunes of the session that wait (m_firstPrunes), firstPrunesPerTurn of them, then the next turn.
    void pruneFirstOnes();
    /// Queues flush() for the end of the event-loop turn (once).
    void queueFlush();
    /// Removes the jobs of m_doneToRemove that still have no next run time, are not paused and are not running
    /// again, in one read and one transaction; the others may start their queued runs.
    void removeFinishedJobs();
    void pruneIfDue(const QString &jobId, int endedRuns);
    void emitOutcome(const RunRecord &run);
    /// Sets or clears the submission's retry wait, keeping the waiting counts.
    void setRetryAt(Submission &submission, std::optional<std::int64_t> at);
    /// Records the runs of @p submission from its current one on as @p outcome with @p why (none begins).
    void interruptRest(Submission &submission, const QString &why, RunOutcome outcome = RunOutcome::Interrupted);
    void dropWaitingRetries(const QString &jobId, const QString &reason, RunOutcome outcome);
    /// stopJob() and replaceRuns(): the runs going end as @p outcome with @p reason.
    int stopRuns(const QString &jobId, const QString &reason, RunOutcome outcome);
    /// Submissions of @p jobId stopped as replaced that have not ended yet.
    int replacedGoing(const QString &jobId) const;
    /// Whether @p job's conditions apply to @p runs: it has some, and they run on schedule, caught up or chained.
    static bool conditionsApply(const Job &job, const QList<RunRecord> &runs);
    /// Sets or clears the submission's condition wait, keeping the waiting counts.
    void setConditionWait(Submission &submission, std::optional<ConditionWait> wait);
    /// Stops the runs going of jobs with stop_if_lost whose conditions do not hold at @p nowMs.
    void stopRunsWithLostConditions(std::int64_t nowMs);
    void dropConditionWaits(const QString &jobId, const QString &reason, RunOutcome outcome);
    /// Ends @p entries (never begun) as @p outcome with @p why.
    void endQueued(QList<RunQueue::Entry> entries, RunOutcome outcome, const QString &why);

    JobStore &m_store;
    const Clock &m_clock;
    ExecutorSet &m_executors;
    QHash<std::uint64_t, Submission *> m_submissions; ///< by submission id
    QHash<std::uint64_t, std::uint64_t> m_tokens;     ///< execution token -> submission id
    QHash<QString, int> m_instances;                  ///< job id -> submissions going
    QHash<QString, int> m_waiting;                    ///< job id -> submissions waiting to retry
    int m_waitingTotal = 0;
    QHash<QString, int> m_conditionWaiting;           ///< job id -> submissions waiting for their conditions
    int m_conditionWaitingTotal = 0;
    const DesktopState *m_desktop = nullptr;
    QHash<QString, int> m_endedSincePrune;
    /// Jobs whose history was pruned since this tracker began (or the limit was lowered): the first run of a job
    /// to end prunes it whatever the count (pruneIfDue()).
    QSet<QString> m_prunedJobs;
    QStringList m_firstPrunes; ///< jobs whose first prune of the session waits (pruneFirstOnes())
    /// A burst's runs end first: the first prunes wait this long, then go a few hundred per event-loop turn.
    static constexpr int firstPruneDelayMs = 2000;
    static constexpr int firstPrunesPerTurn = 200;
    QList<RunRecord> m_finishedRuns; ///< ended, their rows not rewritten yet (flush())
    /// Jobs that go when done whose last run ended: removed together by flush() (removeFinishedJobs()).
    QStringList m_doneToRemove;
    RunQueue m_queue;
    bool m_queuesHeld = false;
    std::uint64_t m_nextId = 1;
    int m_historyLimit = 100;
    bool m_stopping = false;
    bool m_flushQueued = false;
};

} // namespace punctual
