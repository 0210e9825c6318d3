// The jobs removed a moment ago, with their run history, for an undo.
#include "removedjobs.h"

#include <algorithm>

namespace punctual {

RemovedJobs::RemovedJobs(std::int64_t keepMs, int maxJobs)
    : m_keepMs(keepMs)
    , m_maxJobs(std::max(0, maxJobs))
{
}

void RemovedJobs::keep(Job job, QList<RunRecord> runs, std::int64_t nowMs, const QString &stoppedText)
{
    forgetExpired(nowMs);
    std::erase_if(m_entries, [&](const Entry &entry) { return entry.job.id == job.id; });
    if (m_maxJobs == 0)
        return;
    for (RunRecord &run : runs) {
        if (run.isFinal())
            continue;
        run.outcome = RunOutcome::Interrupted;
        run.endTime = nowMs;
        run.error = stoppedText;
    }
    m_entries.push_back({std::move(job), std::move(runs), nowMs});
    while (static_cast<int>(m_entries.size()) > m_maxJobs)
        m_entries.pop_front();
}

std::optional<RemovedJobs::Entry> RemovedJobs::take(const QString &id, std::int64_t nowMs)
{
    forgetExpired(nowMs);
    const auto found = std::find_if(m_entries.begin(), m_entries.end(),
                                    [&](const Entry &entry) { return entry.job.id == id; });
    if (found == m_entries.end())
        return std::nullopt;
    Entry entry = std::move(*found);
    m_entries.erase(found);
    return entry;
}

void RemovedJobs::putBack(Entry entry)
{
    m_entries.push_back(std::move(entry));
    while (static_cast<int>(m_entries.size()) > m_maxJobs)
        m_entries.pop_front();
}

QStringList RemovedJobs::ids(std::int64_t nowMs)
{
    forgetExpired(nowMs);
    QStringList ids;
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it)
        ids.append(it->job.id);
    return ids;
}

void RemovedJobs::forgetExpired(std::int64_t nowMs)
{
    while (!m_entries.empty() && nowMs - m_entries.front().removedAtMs >= m_keepMs)
        m_entries.pop_front();
}

} // namespace punctual
