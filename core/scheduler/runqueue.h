// Runs waiting for their job's earlier runs to end (overlap queue-one, queue-all, replace), per job, oldest first.
#pragma once

#include "jobs/job.h"
#include "jobs/runrecord.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <deque>
#include <optional>

namespace punctual {

/**
 * The waiting runs of each job, in the order they were queued. A waiting run is already in the store (outcome
 * queued); RunTracker turns it running when it starts, or ends it (interrupted, replaced) when it never will.
 * It is no instance: max_instances counts runs going and waiting to retry, not these.
 */
class RunQueue
{
public:
    struct Entry
    {
        Job job;                                    ///< the job as it was when the run was queued
        RunRecord run;                              ///< outcome Queued, its id assigned by the store
        std::optional<std::int64_t> misfireGraceMs; ///< applies when it really begins (none for run-now)
    };

    void push(Entry entry) { m_entries[entry.job.id].push_back(std::move(entry)); }
    int size(const QString &jobId) const;
    const Entry *first(const QString &jobId) const;
    std::optional<Entry> takeFirst(const QString &jobId);
    /// Every waiting run of @p jobId, or of every job when it is empty, oldest first (per job).
    QList<Entry> takeAll(const QString &jobId = {});
    QStringList jobIds() const { return m_entries.keys(); }

private:
    QHash<QString, std::deque<Entry>> m_entries;
};

} // namespace punctual
