// The job store interface: it only stores. Scheduling decisions stay in the scheduler.
#pragma once

#include "calendars/exclusioncalendar.h"
#include "jobs/job.h"
#include "jobs/jobstatistics.h"
#include "jobs/runrecord.h"
#include "store/jobsummary.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>

namespace punctual {

/// Everything one pass over the due jobs changed, written in one transaction (see JobStore::commitDue).
struct DueBatch
{
    /// Jobs whose next run time (or paused state) moved on. Only those two are written: a pass changes nothing
    /// else, and an edit of the rest made meanwhile (by another process) is kept.
    QList<Job> updatedJobs;
    QStringList removedJobIds; ///< finished jobs with remove_when_done
    QList<RunRecord> runs;    ///< new run rows (running, missed, skipped); ids are filled in by the store
};

/// How thoroughly JobStore::checkIntegrity() looks at the database.
enum class IntegrityCheck
{
    Quick, ///< SQLite's PRAGMA quick_check: every page and record's structure; what a scheduler runs at start-up
    Full,  ///< PRAGMA integrity_check: also that every index matches its table (punctualctl check)
};

/// A stored job row this build cannot turn into a Job (damaged, or written by a newer Punctual).
struct UnreadableJob
{
    QString id;
    QString reason;
};

/// One scheduler instance of a shared store, as its heartbeat row says.
struct InstanceInfo
{
    QString id;
    QString host;
    qint64 pid = 0;
    std::int64_t startedAt = 0; ///< UTC ms
    std::int64_t heartbeat = 0; ///< UTC ms of its last heartbeat
    std::int64_t leaseMs = 0;   ///< it counts as dead once heartbeat + leaseMs has passed

    bool isAlive(std::int64_t nowMs) const { return heartbeat + leaseMs >= nowMs; }
};

/**
 * What a store shared by several scheduler instances adds (PostgreSQL). Each instance has an id and a heartbeat
 * row; runs it claims carry its id. Runs held by an instance whose lease has run out are taken over by any live
 * one (recoverRuns). Every call is one transaction.
 */
class ClusterStore
{
public:
    virtual ~ClusterStore() = default;

    /// This instance's id (stamped on every run row it inserts).
    virtual QString instanceId() const = 0;
    /// How long after its last heartbeat this instance counts as dead.
    virtual std::int64_t leaseMs() const = 0;
    /// Writes (creating it at the first call) this instance's heartbeat row.
    virtual Result<void> heartbeat(std::int64_t nowMs) = 0;
    /// Deletes this instance's row (clean shutdown, nothing of ours running any more).
    virtual Result<void> leave() = 0;
    /// Every instance row, by id.
    virtual Result<QList<InstanceInfo>> instances() = 0;
    /// Runs still marked running by instances whose lease has run out (and, when @p includeOwn, by this instance
    /// id: a configured id starting again after a crash) become interrupted, ended at @p nowMs. For a job with the
    /// `recover` option a new running run of the same scheduled time is inserted for this instance, in the same
    /// transaction; those are returned (to be started). @p interrupted: how many runs were interrupted.
    virtual Result<QList<RunRecord>> recoverRuns(std::int64_t nowMs, bool includeOwn, int *interrupted) = 0;
    /// Runs marked running by other instances, by job id: max_instances counts them too.
    virtual Result<QHash<QString, int>> runningElsewhere() = 0;
};

/// The errors every backend words alike, so callers, the CLI and the contract tests see one text whatever the store.
class StoreError
{
    Q_DECLARE_TR_FUNCTIONS(JobStore)

public:
    /// The error text of a run found still running at start-up.
    static QString interruptedMessage()
    {
        return tr("the scheduler stopped while this run was going (shut down or crashed)");
    }
    /// The error text of a run found still queued (overlap policies) at start-up: it never began.
    static QString interruptedQueuedMessage()
    {
        return tr("the scheduler stopped while this run waited in the queue");
    }
    /// The error text of a run found still waiting for its conditions (a job's "requires") at start-up.
    static QString interruptedWaitingMessage()
    {
        return tr("the scheduler stopped while this run waited for its conditions");
    }
    static Error jobNotFound(const QString &id)
    {
        return {ErrorCode::NotFound, tr("no job with id \"%1\"").arg(id)};
    }
    static Error jobExists(const QString &id)
    {
        return {ErrorCode::Conflict, tr("a job with id \"%1\" already exists").arg(id)};
    }
    /// The store's own check found damage; @p problem is the first thing it names, @p store the file.
    static Error damaged(const QString &problem, const QString &store)
    {
        return {ErrorCode::StoreFailure, tr("store is damaged: %1 (%2)").arg(problem, store)};
    }
    static Error runNotFound(std::int64_t runId, const QString &jobId)
    {
        return {ErrorCode::NotFound, tr("no run %1 of job \"%2\"").arg(runId).arg(jobId)};
    }
    static Error calendarNotFound(const QString &name)
    {
        return {ErrorCode::NotFound, tr("no calendar named \"%1\"").arg(name)};
    }
    static Error calendarExists(const QString &name)
    {
        return {ErrorCode::Conflict, tr("a calendar named \"%1\" already exists").arg(name)};
    }
};

/**
 * Persistent (or in-memory) home of jobs and their run history. Every call is one transaction: a change is
 * complete or absent, never half done. Errors are typed: NotFound names the id, Conflict names the id,
 * StoreFailure carries the database's message. A store object is used from one thread.
 */
class JobStore
{
public:
    virtual ~JobStore() = default;

    /// "SQLite /home/me/.local/share/punctual/jobs.db", "memory": for logs and the status bar.
    virtual QString describe() const = 0;

    /// The database's own check of its pages (SQLite's quick_check or integrity_check): StoreError::damaged()
    /// naming the first problem, or a StoreFailure when it cannot run. Reads only. A store with no such check
    /// finds nothing: the memory store, and PostgreSQL, which checks its pages itself as it reads them.
    virtual Result<void> checkIntegrity(IntegrityCheck depth)
    {
        Q_UNUSED(depth)
        return {};
    }

    /// Drops the connection and opens the store again where it is (after a lost connection, a database restart,
    /// or the file replaced under it): how a scheduler recovers from store failures. An error (StoreUnavailable
    /// while the store cannot be reached; StoreFailure when what is there is not a usable store) says why; the
    /// caller tries again later. Nothing to do for a store without a connection (memory).
    virtual Result<void> reconnect() { return {}; }

    /// Adds a job; an existing id is a Conflict unless @p onConflict is Replace (which keeps the replaced job's
    /// run history).
    virtual Result<void> addJob(const Job &job, ConflictPolicy onConflict) = 0;
    /// Adds many jobs in one transaction: all of them or, on any error, none.
    virtual Result<void> addJobs(const QList<Job> &jobs, ConflictPolicy onConflict) = 0;
    /// Replaces a stored job (same id); NotFound when there is none.
    virtual Result<void> updateJob(const Job &job) = 0;
    /// Removes a job and its run history; NotFound when there is none.
    virtual Result<void> removeJob(const QString &id) = 0;
    /// Removes every job and all run history; returns how many jobs there were.
    virtual Result<int> removeAllJobs() = 0;
    /// Removes the jobs @p ids (no id twice) and their run histories in one transaction: all of them or, when one
    /// is not stored, none (NotFound names the first such id of @p ids).
    virtual Result<void> removeJobs(const QStringList &ids) = 0;
    /// Writes the next run times and paused states of @p jobs (nothing else, as commitDue() does) in one
    /// transaction: all of them or, when one is not stored (NotFound names it), none. Bulk pause and resume.
    virtual Result<void> updateJobStates(const QList<Job> &jobs) = 0;

    virtual Result<std::optional<Job>> job(const QString &id) = 0;
    /// All jobs, by next run time (jobs without one last), then by id.
    virtual Result<QList<Job>> jobs() = 0;
    /// The stored jobs among @p ids, by id (an id not stored is absent): one read however many ids are asked for.
    /// The default asks job() for each.
    virtual Result<QHash<QString, Job>> jobsById(const QStringList &ids);
    /// Every job as jobs() orders them, with its trigger, action and options as unparsed JSON texts: what a list
    /// of many jobs reads (JobListLoader). The default makes them from jobs(); the SQL store reads its rows as
    /// they are, never parsing (a row that would not parse comes too; parsing it later says why).
    virtual Result<QList<JobSummary>> jobSummaries();
    /// The ids of the unpaused jobs whose options may name events, as jobs() orders them: a superset (the caller
    /// checks the parsed options). The default looks at jobSummaries(); the memory store at its slots (a start with
    /// a million jobs must not hold them all as summaries for the few that run on events).
    virtual Result<QStringList> unpausedJobIdsWithEvents();
    virtual Result<int> jobCount() = 0;
    /// The environment variables sql jobs read their passwords from (SqlConnection::passwordVariable): command
    /// jobs must not inherit them. The default looks at every job; SQL stores look only at rows that name one.
    virtual Result<QSet<QString>> passwordVariables();
    /// Unpaused jobs whose options name events (run at start, on resume, ...), as jobs() orders them. Events are
    /// rare: the default parses only the jobs of unpausedJobIdsWithEvents(); the SQL store finds them through an
    /// index (schema version 5's features).
    virtual Result<QList<Job>> unpausedJobsWithEvents();
    /// Unpaused jobs whose next run time is at or before @p nowMs, earliest first (ties by id), at most @p limit
    /// (a negative limit: no limit).
    virtual Result<QList<Job>> dueJobs(std::int64_t nowMs, int limit) = 0;
    /// dueJobs() for one pass of the scheduler that ends with commitDue(). A shared store (PostgreSQL) opens the
    /// pass's transaction here and locks the rows it returns, passing over rows other instances hold (so each due
    /// run time is claimed by exactly one instance); commitDue() then writes and commits in that transaction.
    virtual Result<QList<Job>> claimDueJobs(std::int64_t nowMs, int limit) { return dueJobs(nowMs, limit); }
    /// The cluster side of a shared store; nullptr for a store only one scheduler uses.
    virtual ClusterStore *cluster() { return nullptr; }

    /// The earliest next run time of any unpaused job (what the scheduler's timer is armed for).
    virtual Result<std::optional<std::int64_t>> earliestNextRunTime() = 0;

    /// Writes one pass of the scheduler atomically (job updates, then new runs, then removals); fills in the ids
    /// of @p batch's runs. An updated or removed job that is not stored, or a run of one, is NotFound and the
    /// whole batch is left unwritten (ids stay 0).
    virtual Result<void> commitDue(DueBatch &batch) = 0;
    /// Records a new run (assigns run.id); NotFound when its job is not stored.
    virtual Result<void> insertRun(RunRecord &run) = 0;
    /// Records new runs in one transaction (assigns their ids): all of them or, when a run's job is not stored
    /// (NotFound names it), none (ids stay 0).
    virtual Result<void> insertRuns(QList<RunRecord> &runs) = 0;
    /// A backfill of @p jobId: records @p runs (their scheduled times, reason backfill) in one transaction, each
    /// only if its scheduled time was never backfilled for this job before (that is remembered apart from the
    /// pruned history). @p runs keeps those recorded, with their ids. NotFound when the job is not stored.
    virtual Result<void> insertBackfillRuns(const QString &jobId, QList<RunRecord> &runs) = 0;
    /// Rewrites a run's row (by id and job id), e.g. when it ends; NotFound when there is none.
    virtual Result<void> updateRun(const RunRecord &run) = 0;
    /// Rewrites many runs' rows in one transaction (the runs that ended together). A run whose row is gone (its
    /// job was removed meanwhile) is skipped; returns how many rows were written.
    virtual Result<int> updateRuns(const QList<RunRecord> &runs) = 0;
    /// Runs of one job (or of all jobs when @p jobId is empty), newest (highest id) first, at most @p limit
    /// (a negative limit: no limit).
    virtual Result<QList<RunRecord>> runs(const QString &jobId, int limit) = 0;
    /// The newest finished (not running) run of every job that has one, by job id: the window's "last run".
    virtual Result<QHash<QString, RunRecord>> latestRuns() = 0;
    /// At start-up: every run still marked running, queued (overlap policies) or waiting (for its job's conditions)
    /// becomes interrupted (ended at @p nowMs; a queued one with interruptedQueuedMessage(), a waiting one with
    /// interruptedWaitingMessage()); returns how many.
    virtual Result<int> interruptRunningRuns(std::int64_t nowMs) = 0;
    /// Keeps the newest @p keepPerJob runs of @p jobId (of every job when empty); returns how many were removed.
    /// Run ids are never reused, so "newest" is "highest id".
    virtual Result<int> pruneRuns(const QString &jobId, int keepPerJob) = 0;

    // Exclusion calendars (schema 4): stored only; which jobs name one is the scheduler's business.
    /// Every calendar, by name.
    virtual Result<QList<ExclusionCalendar>> calendars() = 0;
    /// One calendar, or none when no calendar has that name.
    virtual Result<std::optional<ExclusionCalendar>> calendar(const QString &name) = 0;
    /// Stores @p calendar under its name; an existing name is a Conflict unless @p onConflict is Replace.
    virtual Result<void> putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict,
                                     std::int64_t nowMs) = 0;
    /// Removes a calendar; NotFound (naming it) when there is none.
    virtual Result<void> removeCalendar(const QString &name) = 0;

    /// Records the runs of a job being restored after its removal (Scheduler::restoreJobs()) as they were: outcome,
    /// times, exit code, output, error, reason, attempt and count kept, in one transaction. They get new ids, in
    /// the order given (pass them oldest first so the newest stays the highest id); the instance becomes this
    /// store's; causedBy keeps the old run id. NotFound when a run's job is not stored (then none is written).
    virtual Result<void> restoreRuns(QList<RunRecord> &runs) { return insertRuns(runs); }
    // The timeline (docs/window.md#timeline-view--timeline-ctrlt): runs of a few jobs in a span of time.
    /// The runs of the jobs @p jobIds (every job when empty) that overlap [@p sinceMs, @p untilMs]: from their start
    /// (their scheduled time when they never started) to their end (their start or scheduled time when they have
    /// none; a run going, queued or waiting reaches on), newest (highest id) first, at most @p limit (negative: no
    /// limit). Without their output (a timeline shows bars, not output). The default reads runs() of each job.
    virtual Result<QList<RunRecord>> runsInRange(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs,
                                                 int limit);
    // Statistics (issue 18).
    /// The statistics of each job of @p ids over its stored runs (JobStatistics), by job id, each keeping the
    /// newest @p pointLimit durations. A job with no runs, or no stored job of that id, has zero counts. Reads only.
    /// The default counts runs() of each job; the SQL store counts in SQL and reads only the duration columns of
    /// the runs that have one, a group of ids per statement.
    virtual Result<QHash<QString, JobStatistics>> jobStatistics(const QStringList &ids, int pointLimit);
};

/// Whether @p run's span (as JobStore::runsInRange() reads it) meets [@p sinceMs, @p untilMs].
bool runOverlaps(const RunRecord &run, std::int64_t sinceMs, std::int64_t untilMs);

} // namespace punctual
