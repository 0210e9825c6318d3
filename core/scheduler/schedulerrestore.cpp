// Scheduler: undoing a removal. Removed jobs and their histories are kept a while (RemovedJobs) and put back.
#include "scheduler.h"

#include "scheduler/dueplanner.h"
#include "scheduler/removedjobs.h"
#include "scheduler/runtracker.h"
#include "store/jobstore.h"
#include "time/clock.h"

#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcScheduler)

namespace punctual {

QHash<QString, QList<RunRecord>> Scheduler::historiesForUndo(const QList<Job> &jobs) const
{
    // A removal of more jobs than are kept cannot be undone whole: none of it is kept (reading thousands of
    // histories would slow the removal for nothing).
    QHash<QString, QList<RunRecord>> histories;
    if (jobs.size() > RemovedJobs::defaultMaxJobs)
        return histories;
    for (const Job &job : jobs) {
        // A history that cannot be read is not worth failing the removal: the job is kept without it.
        auto runs = m_store.runs(job.id, m_historyLimit);
        histories.insert(job.id, runs ? runs.value() : QList<RunRecord>{});
    }
    return histories;
}

void Scheduler::keepRemoved(const QList<Job> &jobs, QHash<QString, QList<RunRecord>> histories)
{
    if (jobs.size() > RemovedJobs::defaultMaxJobs)
        return;
    if (!m_removed)
        m_removed = std::make_unique<RemovedJobs>();
    const std::int64_t now = m_clock.nowMs();
    for (const Job &job : jobs)
        m_removed->keep(job, histories.take(job.id), now, tr("stopped: the job was removed"));
}

QStringList Scheduler::restorableJobIds()
{
    return m_removed ? m_removed->ids(m_clock.nowMs()) : QStringList{};
}

Result<QList<Job>> Scheduler::restoreJobs(const QStringList &ids)
{
    if (m_state == State::ShuttingDown)
        return shuttingDown();
    if (!m_removed)
        m_removed = std::make_unique<RemovedJobs>();
    const std::int64_t now = m_clock.nowMs();
    QList<RemovedJobs::Entry> entries;
    auto putBack = [&] {
        for (RemovedJobs::Entry &entry : entries)
            m_removed->putBack(std::move(entry));
    };
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        std::optional<RemovedJobs::Entry> entry = m_removed->take(id, now);
        if (!entry) {
            putBack();
            return Error{ErrorCode::NotFound,
                         tr("job \"%1\" cannot be restored: it was not removed in the last %n minutes", nullptr,
                            static_cast<int>(RemovedJobs::defaultKeepMs / 60'000))
                             .arg(id)};
        }
        entries.append(std::move(*entry));
    }
    QList<Job> jobs;
    jobs.reserve(entries.size());
    for (const RemovedJobs::Entry &entry : std::as_const(entries)) {
        Job job = entry.job;
        // A run time that passed while the job was gone is not made up: planned as for a job added now (a one-off
        // time past its grace leaves the job finished).
        if (!job.paused && job.nextRunTime && *job.nextRunTime < now) {
            auto next = planNewJob(job, now, m_random, exclusionCalendars());
            job.nextRunTime = next ? next.value() : std::nullopt;
        }
        jobs.append(std::move(job));
    }
    if (auto added = m_store.addJobs(jobs, ConflictPolicy::Fail); !added) {
        putBack();
        return added.error();
    }
    QList<RunRecord> runs;
    for (const RemovedJobs::Entry &entry : std::as_const(entries))
        std::copy(entry.runs.crbegin(), entry.runs.crend(), std::back_inserter(runs)); // oldest first
    if (auto restored = m_store.restoreRuns(runs); !restored) {
        // All or nothing: the jobs go again (kept, so the undo can be tried again).
        QStringList added;
        for (const Job &job : std::as_const(jobs))
            added.append(job.id);
        if (auto removed = m_store.removeJobs(added); !removed)
            qCWarning(lcScheduler, "undoing a partial restore failed: %s", qPrintable(removed.error().message));
        putBack();
        return restored.error();
    }
    for (const Job &job : std::as_const(jobs)) {
        notePasswordVariable(job);
        emit jobAdded(job);
    }
    rearm();
    return jobs;
}

} // namespace punctual
