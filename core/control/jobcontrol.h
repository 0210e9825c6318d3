// Job management as punctualctl needs it, whether the store is opened here or a running instance holds it.
#pragma once

#include "jobs/job.h"
#include "jobs/runrecord.h"
#include "jobs/jobchanges.h"
#include "scheduler/scheduler.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <memory>

namespace punctual {

/**
 * The Scheduler's management API behind an interface: LocalJobControl calls a Scheduler over a store opened by this
 * process; RemoteJobControl asks the instance that holds the store (ControlServer), which calls its Scheduler.
 * Either way the same validation, next run times, error codes and messages.
 */
class JobControl
{
public:
    virtual ~JobControl() = default;

    /// True when a running instance answers (the changes apply to it at once).
    virtual bool isRemote() const = 0;

    virtual Result<Job> addJob(Job job, ConflictPolicy onConflict) = 0;
    /// Adds many jobs (an import) as Scheduler::addJobs() does: all or, on any error, none. Through an instance a
    /// very large import is sent in several requests of at most control::maxRequestBytes on one connection; the
    /// instance adds them with the last one, in one store transaction.
    virtual Result<QList<Job>> addJobs(QList<Job> jobs, ConflictPolicy onConflict) = 0;
    virtual Result<Job> job(const QString &id) = 0;
    virtual Result<QList<Job>> jobs() = 0;
    /// Pauses the job; @p note says why (Scheduler::pauseJob()).
    virtual Result<Job> pauseJob(const QString &id, const QString &note = {}) = 0;
    virtual Result<Job> resumeJob(const QString &id) = 0;
    virtual Result<Job> modifyJob(const QString &id, const JobChanges &changes) = 0;
    virtual Result<Job> rescheduleJob(const QString &id, std::shared_ptr<const Trigger> trigger) = 0;
    /// Removes the job; its runs going are stopped (Scheduler::removeJob()). Returns how many were going or
    /// waiting to retry.
    virtual Result<int> removeJob(const QString &id) = 0;
    virtual Result<int> removeAllJobs() = 0;
    /// Pause or resume several jobs in one call, all or none (Scheduler::pauseJobs(), resumeJobs()): the ids of
    /// the jobs that changed (the others were in that state already).
    virtual Result<QStringList> pauseJobs(const QStringList &ids, const QString &note = {}) = 0;
    virtual Result<QStringList> resumeJobs(const QStringList &ids) = 0;
    /// Removes several jobs in one call, all or none (Scheduler::removeJobs()): how many runs were stopped.
    virtual Result<int> removeJobs(const QStringList &ids) = 0;
    /// Ends the job's runs going now (Scheduler::stopJob()); returns how many were going or waiting to retry.
    /// Without an instance nothing of it runs: 0 (once the job is known to exist).
    virtual Result<int> stopJob(const QString &id) = 0;
    /// Starts a run now (outside the schedule); the returned run is the recorded one. A Busy error when
    /// max_instances runs of the job are going: nothing is started or recorded.
    virtual Result<RunRecord> runJobNow(const QString &id) = 0;
    /// Runs of one job (all jobs when @p jobId is empty), newest first, at most @p limit.
    virtual Result<QList<RunRecord>> history(const QString &jobId, int limit) = 0;
    /// What happened, or will happen, at @p atMs for the job and why (Scheduler::explain()).
    virtual Result<RunExplanation> explain(const QString &jobId, std::int64_t atMs) = 0;
    /// What the runs of one job (all jobs when @p jobId is empty) are doing now: going, or waiting to retry
    /// (Scheduler::activity()). Without an instance nothing runs: empty.
    virtual Result<QList<JobActivity>> activity(const QString &jobId) = 0;
    /// Scheduler::backfill(): the fire times in the range and the runs recorded for them (none on a dry run).
    virtual Result<BackfillResult> backfill(const QString &id, std::int64_t fromMs, std::int64_t toMs,
                                            std::optional<OverlapPolicy> overlap, bool dryRun) = 0;

    // Exclusion calendars (Scheduler::calendars() and the rest), each with the jobs that use it.
    virtual Result<QList<CalendarInfo>> calendars() = 0;
    /// NotFound naming it when there is none.
    virtual Result<CalendarInfo> calendar(const QString &name) = 0;
    /// Stores it (Conflict for a name that exists unless @p onConflict is Replace); the jobs using it are planned
    /// again. Returns it as stored.
    virtual Result<CalendarInfo> putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict) = 0;
    /// InvalidInput naming the jobs while jobs use it; NotFound when there is none.
    virtual Result<void> removeCalendar(const QString &name) = 0;
    /// The statistics of the jobs @p ids, in their order, each with its newest @p points durations
    /// (Scheduler::statistics(); "stats").
    virtual Result<QList<JobStatistics>> statistics(const QStringList &ids, int points) = 0;
};

/// The job control of a Scheduler in this process (not owned).
class LocalJobControl final : public JobControl
{
public:
    explicit LocalJobControl(Scheduler &scheduler)
        : m_scheduler(scheduler)
    {
    }

    Scheduler &scheduler() { return m_scheduler; }

    bool isRemote() const override { return false; }
    Result<Job> addJob(Job job, ConflictPolicy onConflict) override
    {
        return m_scheduler.addJob(std::move(job), onConflict);
    }
    Result<QList<Job>> addJobs(QList<Job> jobs, ConflictPolicy onConflict) override
    {
        return m_scheduler.addJobs(std::move(jobs), onConflict);
    }
    Result<Job> job(const QString &id) override { return m_scheduler.job(id); }
    Result<QList<Job>> jobs() override { return m_scheduler.jobs(); }
    Result<Job> pauseJob(const QString &id, const QString &note = {}) override
    {
        return m_scheduler.pauseJob(id, note);
    }
    Result<Job> resumeJob(const QString &id) override { return m_scheduler.resumeJob(id); }
    Result<Job> modifyJob(const QString &id, const JobChanges &changes) override
    {
        return m_scheduler.modifyJob(id, changes);
    }
    Result<Job> rescheduleJob(const QString &id, std::shared_ptr<const Trigger> trigger) override
    {
        return m_scheduler.rescheduleJob(id, std::move(trigger));
    }
    Result<int> removeJob(const QString &id) override { return m_scheduler.removeJob(id); }
    Result<int> removeAllJobs() override { return m_scheduler.removeAllJobs(); }
    Result<int> stopJob(const QString &id) override { return m_scheduler.stopJob(id); }
    Result<QStringList> pauseJobs(const QStringList &ids, const QString &note = {}) override
    {
        return idsOf(m_scheduler.pauseJobs(ids, note));
    }
    Result<QStringList> resumeJobs(const QStringList &ids) override { return idsOf(m_scheduler.resumeJobs(ids)); }
    Result<int> removeJobs(const QStringList &ids) override { return m_scheduler.removeJobs(ids); }
    Result<RunRecord> runJobNow(const QString &id) override { return m_scheduler.runJobNow(id); }
    Result<QList<RunRecord>> history(const QString &jobId, int limit) override
    {
        return m_scheduler.history(jobId, limit);
    }
    Result<BackfillResult> backfill(const QString &id, std::int64_t fromMs, std::int64_t toMs,
                                    std::optional<OverlapPolicy> overlap, bool dryRun) override
    {
        return m_scheduler.backfill(id, fromMs, toMs, overlap, dryRun);
    }
    Result<RunExplanation> explain(const QString &jobId, std::int64_t atMs) override
    {
        return m_scheduler.explain(jobId, atMs);
    }
    Result<QList<CalendarInfo>> calendars() override
    {
        auto all = m_scheduler.calendars();
        if (!all)
            return all.error();
        QList<CalendarInfo> infos;
        for (const ExclusionCalendar &calendar : std::as_const(all.value())) {
            auto users = m_scheduler.jobsUsingCalendar(calendar.name);
            if (!users)
                return users.error();
            infos.append({calendar, users.value()});
        }
        return infos;
    }
    Result<CalendarInfo> calendar(const QString &name) override
    {
        auto found = m_scheduler.calendar(name);
        if (!found)
            return found.error();
        auto users = m_scheduler.jobsUsingCalendar(name);
        if (!users)
            return users.error();
        return CalendarInfo{found.value(), users.value()};
    }
    Result<CalendarInfo> putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict) override
    {
        if (auto put = m_scheduler.putCalendar(calendar, onConflict); !put)
            return put.error();
        return this->calendar(calendar.name);
    }
    Result<void> removeCalendar(const QString &name) override { return m_scheduler.removeCalendar(name); }
    Result<QList<JobStatistics>> statistics(const QStringList &ids, int points) override
    {
        return m_scheduler.statistics(ids, points);
    }
    Result<QList<JobActivity>> activity(const QString &jobId) override
    {
        if (!jobId.isEmpty()) {
            if (auto job = m_scheduler.job(jobId); !job)
                return job.error();
        }
        QList<JobActivity> going = m_scheduler.activity();
        going.removeIf([&jobId](const JobActivity &a) { return !jobId.isEmpty() && a.jobId != jobId; });
        return going;
    }

private:
    static Result<QStringList> idsOf(const Result<QList<Job>> &jobs)
    {
        if (!jobs)
            return jobs.error();
        QStringList ids;
        for (const Job &job : jobs.value())
            ids.append(job.id);
        return ids;
    }

    Scheduler &m_scheduler;
};

} // namespace punctual
