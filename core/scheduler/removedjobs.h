// The jobs removed a moment ago, with their run history, kept so that a removal can be undone (restore_jobs).
#pragma once

#include "jobs/job.h"
#include "jobs/runrecord.h"

#include <QList>
#include <QStringList>

#include <cstdint>
#include <deque>
#include <optional>

namespace punctual {

/**
 * What Scheduler::removeJob() and removeJobs() took away, kept in memory for keepMs (10 minutes by default) so
 * Scheduler::restoreJobs() can put it back. Bounded: at most maxJobs jobs are kept (the oldest removals go first),
 * each with the runs the store had of it (at most the history limit). Nothing survives the host: an undo is for
 * "I did not mean that", not a backup.
 */
class RemovedJobs
{
public:
    static constexpr std::int64_t defaultKeepMs = 10 * 60 * 1000;
    static constexpr int defaultMaxJobs = 1000;

    struct Entry
    {
        Job job;
        QList<RunRecord> runs; ///< newest first, as the store listed them
        std::int64_t removedAtMs = 0;
    };

    explicit RemovedJobs(std::int64_t keepMs = defaultKeepMs, int maxJobs = defaultMaxJobs);

    /// Keeps @p job and its @p runs, removed at @p nowMs. A run still going then is kept as interrupted, ended at
    /// @p nowMs with @p stoppedText (its own end is recorded on a row that is gone). A job of the same id kept
    /// before is replaced.
    void keep(Job job, QList<RunRecord> runs, std::int64_t nowMs, const QString &stoppedText);
    /// Takes the entry of @p id out, if it is still kept at @p nowMs.
    std::optional<Entry> take(const QString &id, std::int64_t nowMs);
    /// Puts back an entry taken (a restore that failed), as the newest.
    void putBack(Entry entry);
    /// The ids kept at @p nowMs, the latest removal first.
    QStringList ids(std::int64_t nowMs);
    int size() const { return static_cast<int>(m_entries.size()); }

private:
    void forgetExpired(std::int64_t nowMs);

    std::int64_t m_keepMs;
    int m_maxJobs;
    std::deque<Entry> m_entries; ///< oldest removal first
};

} // namespace punctual
