// The in-memory job store: nothing survives the process, every call is O(log n) or proportional to its answer.
#pragma once

#include "store/jobstore.h"

#include <QHash>

#include <set>
#include <utility>
#include <vector>

namespace punctual {

/**
 * Jobs in a hash by id plus an ordered index of (next run time, id) over the unpaused jobs that have one, so
 * dueJobs() and earliestNextRunTime() never scan. Run history lives per job in id order (ids only grow), so
 * a run is appended, found by binary search and pruned from the front. Behaves exactly like SqlJobStore
 * (tests/core/testjobstore.cpp runs one contract suite against both).
 */
class MemoryJobStore final : public JobStore
{
public:
    MemoryJobStore() = default;
    Q_DISABLE_COPY_MOVE(MemoryJobStore)

    QString describe() const override;

    Result<void> addJob(const Job &job, bool replace) override;
    Result<void> addJobs(const QList<Job> &jobs, bool replace) override;
    Result<void> updateJob(const Job &job) override;
    Result<void> removeJob(const QString &id) override;
    Result<int> removeAllJobs() override;

    Result<std::optional<Job>> job(const QString &id) override;
    Result<QList<Job>> jobs() override;
    Result<int> jobCount() override;
    Result<QList<Job>> dueJobs(std::int64_t nowMs, int limit) override;
    Result<std::optional<std::int64_t>> earliestNextRunTime() override;

    Result<void> commitDue(DueBatch &batch) override;
    Result<void> insertRun(RunRecord &run) override;
    Result<void> updateRun(const RunRecord &run) override;
    Result<QList<RunRecord>> runs(const QString &jobId, int limit) override;
    Result<QHash<QString, RunRecord>> latestRuns() override;
    Result<int> interruptRunningRuns(std::int64_t nowMs) override;
    Result<int> pruneRuns(const QString &jobId, int keepPerJob) override;

private:
    using DueKey = std::pair<std::int64_t, QString>;

    /// Inserts or replaces a job (already checked), keeping the due index in step.
    void put(const Job &job);
    void erase(const QString &id);
    static std::optional<DueKey> dueKey(const Job &job);
    RunRecord *findRun(std::int64_t runId, const QString &jobId);
    void appendRun(RunRecord &run);

    QHash<QString, Job> m_jobs;
    std::set<DueKey> m_due; ///< unpaused jobs with a next run time
    QHash<QString, std::vector<RunRecord>> m_runs; ///< per job, ascending id
    std::int64_t m_lastRunId = 0; ///< never reused, as SQL AUTOINCREMENT
};

} // namespace punctual
