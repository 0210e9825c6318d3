// The in-memory job store: a hash of jobs, an ordered due index and per-job run lists.
#include "memoryjobstore.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <queue>
#include <tuple>

namespace punctual {

namespace {

class MemoryStoreText
{
    Q_DECLARE_TR_FUNCTIONS(MemoryJobStore)
};

/// jobs() order: by next run time, jobs without one last, then by id.
bool listedBefore(const Job &a, const Job &b)
{
    if (a.nextRunTime.has_value() != b.nextRunTime.has_value())
        return a.nextRunTime.has_value();
    if (a.nextRunTime && *a.nextRunTime != *b.nextRunTime)
        return *a.nextRunTime < *b.nextRunTime;
    return a.id < b.id;
}

} // namespace

QString MemoryJobStore::describe() const
{
    return MemoryStoreText::tr("memory");
}

std::optional<MemoryJobStore::DueKey> MemoryJobStore::dueKey(const Job &job)
{
    if (job.paused || !job.nextRunTime)
        return std::nullopt;
    return DueKey{*job.nextRunTime, job.id};
}

void MemoryJobStore::put(const Job &job)
{
    if (const auto it = m_jobs.constFind(job.id); it != m_jobs.cend()) {
        if (const auto key = dueKey(*it))
            m_due.erase(*key);
    }
    m_jobs.insert(job.id, job);
    if (auto key = dueKey(job))
        m_due.insert(std::move(*key));
}

void MemoryJobStore::erase(const QString &id)
{
    if (const auto it = m_jobs.constFind(id); it != m_jobs.cend()) {
        if (const auto key = dueKey(*it))
            m_due.erase(*key);
        m_jobs.erase(it);
    }
    m_runs.remove(id);
}

Result<void> MemoryJobStore::addJob(const Job &job, bool replace)
{
    if (auto valid = StoreError::checkJob(job); !valid)
        return valid;
    if (!replace && m_jobs.contains(job.id))
        return StoreError::jobExists(job.id);
    put(job);
    return {};
}

Result<void> MemoryJobStore::addJobs(const QList<Job> &jobs, bool replace)
{
    // Check everything first: the batch is applied whole or not at all.
    QSet<QString> batchIds;
    batchIds.reserve(jobs.size());
    for (const Job &job : jobs) {
        if (auto valid = StoreError::checkJob(job); !valid)
            return valid;
        if (!replace && (m_jobs.contains(job.id) || batchIds.contains(job.id)))
            return StoreError::jobExists(job.id);
        batchIds.insert(job.id);
    }
    m_jobs.reserve(m_jobs.size() + jobs.size());
    for (const Job &job : jobs)
        put(job);
    return {};
}

Result<void> MemoryJobStore::updateJob(const Job &job)
{
    if (auto valid = StoreError::checkJob(job); !valid)
        return valid;
    if (!m_jobs.contains(job.id))
        return StoreError::jobNotFound(job.id);
    put(job);
    return {};
}

Result<void> MemoryJobStore::removeJob(const QString &id)
{
    if (!m_jobs.contains(id))
        return StoreError::jobNotFound(id);
    erase(id);
    return {};
}

Result<int> MemoryJobStore::removeAllJobs()
{
    const int count = static_cast<int>(m_jobs.size());
    m_jobs.clear();
    m_due.clear();
    m_runs.clear();
    return count;
}

Result<std::optional<Job>> MemoryJobStore::job(const QString &id)
{
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.cend())
        return std::optional<Job>{};
    return std::optional<Job>{*it};
}

Result<QList<Job>> MemoryJobStore::jobs()
{
    QList<Job> all;
    all.reserve(m_jobs.size());
    for (const Job &job : std::as_const(m_jobs))
        all.append(job);
    std::sort(all.begin(), all.end(), listedBefore);
    return all;
}

Result<int> MemoryJobStore::jobCount()
{
    return static_cast<int>(m_jobs.size());
}

Result<QList<Job>> MemoryJobStore::dueJobs(std::int64_t nowMs, int limit)
{
    QList<Job> due;
    for (auto it = m_due.cbegin(); it != m_due.cend() && it->first <= nowMs; ++it) {
        if (limit >= 0 && due.size() >= limit)
            break;
        due.append(m_jobs.value(it->second));
    }
    return due;
}

Result<std::optional<std::int64_t>> MemoryJobStore::earliestNextRunTime()
{
    if (m_due.empty())
        return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{m_due.cbegin()->first};
}

Result<void> MemoryJobStore::commitDue(DueBatch &batch)
{
    // Validate the whole batch against the store as it will be at each step, then apply it: all or nothing,
    // in the order SqlJobStore writes it (updates, runs, removals).
    for (const Job &job : std::as_const(batch.updatedJobs)) {
        if (auto valid = StoreError::checkJob(job); !valid)
            return valid;
        if (!m_jobs.contains(job.id))
            return StoreError::jobNotFound(job.id);
    }
    for (const RunRecord &run : std::as_const(batch.runs)) {
        if (!m_jobs.contains(run.jobId))
            return StoreError::jobNotFound(run.jobId);
    }
    QSet<QString> removed;
    for (const QString &id : std::as_const(batch.removedJobIds)) {
        if (!m_jobs.contains(id) || removed.contains(id))
            return StoreError::jobNotFound(id);
        removed.insert(id);
    }

    for (const Job &job : std::as_const(batch.updatedJobs))
        put(job);
    for (RunRecord &run : batch.runs)
        appendRun(run);
    for (const QString &id : std::as_const(batch.removedJobIds))
        erase(id);
    return {};
}

void MemoryJobStore::appendRun(RunRecord &run)
{
    run.id = ++m_lastRunId;
    m_runs[run.jobId].push_back(run);
}

RunRecord *MemoryJobStore::findRun(std::int64_t runId, const QString &jobId)
{
    const auto list = m_runs.find(jobId);
    if (list == m_runs.end())
        return nullptr;
    auto it = std::lower_bound(list->begin(), list->end(), runId,
                               [](const RunRecord &run, std::int64_t id) { return run.id < id; });
    return it != list->end() && it->id == runId ? &*it : nullptr;
}

Result<void> MemoryJobStore::insertRun(RunRecord &run)
{
    if (!m_jobs.contains(run.jobId))
        return StoreError::jobNotFound(run.jobId);
    appendRun(run);
    return {};
}

Result<void> MemoryJobStore::updateRun(const RunRecord &run)
{
    RunRecord *stored = findRun(run.id, run.jobId);
    if (!stored)
        return StoreError::runNotFound(run.id, run.jobId);
    *stored = run;
    return {};
}

Result<QList<RunRecord>> MemoryJobStore::runs(const QString &jobId, int limit)
{
    QList<RunRecord> out;
    const auto wanted = [limit](qsizetype have) { return limit < 0 || have < limit; };
    if (!jobId.isEmpty()) {
        const auto list = m_runs.constFind(jobId);
        if (list == m_runs.cend())
            return out;
        for (auto it = list->crbegin(); it != list->crend() && wanted(out.size()); ++it)
            out.append(*it);
        return out;
    }
    // Newest first over all jobs: merge the per-job lists from their ends (a heap of each list's next run).
    using Cursor = std::tuple<std::int64_t, const std::vector<RunRecord> *, std::size_t>;
    std::priority_queue<Cursor> heads;
    for (const auto &list : std::as_const(m_runs)) {
        if (!list.empty())
            heads.emplace(list.back().id, &list, list.size() - 1);
    }
    while (!heads.empty() && wanted(out.size())) {
        const auto [id, list, index] = heads.top();
        heads.pop();
        out.append((*list)[index]);
        if (index > 0)
            heads.emplace((*list)[index - 1].id, list, index - 1);
    }
    return out;
}

Result<QHash<QString, RunRecord>> MemoryJobStore::latestRuns()
{
    QHash<QString, RunRecord> out;
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        // Runs are kept in id order: the newest finished one is the last that is not running.
        for (auto run = it->crbegin(); run != it->crend(); ++run) {
            if (run->outcome != RunOutcome::Running) {
                out.insert(it.key(), *run);
                break;
            }
        }
    }
    return out;
}

Result<int> MemoryJobStore::interruptRunningRuns(std::int64_t nowMs)
{
    int count = 0;
    for (auto &list : m_runs) {
        for (RunRecord &run : list) {
            if (run.outcome != RunOutcome::Running)
                continue;
            run.outcome = RunOutcome::Interrupted;
            if (!run.endTime)
                run.endTime = nowMs;
            if (run.error.isEmpty())
                run.error = StoreError::interruptedMessage();
            ++count;
        }
    }
    return count;
}

Result<int> MemoryJobStore::pruneRuns(const QString &jobId, int keepPerJob)
{
    const std::size_t keep = static_cast<std::size_t>(std::max(keepPerJob, 0));
    const auto prune = [keep](std::vector<RunRecord> &list) {
        if (list.size() <= keep)
            return 0;
        const auto excess = static_cast<std::ptrdiff_t>(list.size() - keep);
        list.erase(list.begin(), list.begin() + excess);
        return static_cast<int>(excess);
    };
    int removed = 0;
    if (!jobId.isEmpty()) {
        if (const auto list = m_runs.find(jobId); list != m_runs.end())
            removed = prune(*list);
    } else {
        for (auto &list : m_runs)
            removed += prune(list);
    }
    return removed;
}

} // namespace punctual
