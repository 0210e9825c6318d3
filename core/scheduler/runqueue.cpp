// Per-job queues of waiting runs.
#include "runqueue.h"

namespace punctual {

int RunQueue::size(const QString &jobId) const
{
    const auto it = m_entries.constFind(jobId);
    return it == m_entries.cend() ? 0 : static_cast<int>(it->size());
}

const RunQueue::Entry *RunQueue::first(const QString &jobId) const
{
    const auto it = m_entries.constFind(jobId);
    return it == m_entries.cend() || it->empty() ? nullptr : &it->front();
}

std::optional<RunQueue::Entry> RunQueue::takeFirst(const QString &jobId)
{
    const auto it = m_entries.find(jobId);
    if (it == m_entries.end() || it->empty())
        return std::nullopt;
    Entry entry = std::move(it->front());
    it->pop_front();
    if (it->empty())
        m_entries.erase(it);
    return entry;
}

QList<RunQueue::Entry> RunQueue::takeAll(const QString &jobId)
{
    QList<Entry> out;
    const auto take = [&out](std::deque<Entry> &entries) {
        for (Entry &entry : entries)
            out.append(std::move(entry));
    };
    if (jobId.isEmpty()) {
        for (auto &entries : m_entries)
            take(entries);
        m_entries.clear();
    } else if (auto it = m_entries.find(jobId); it != m_entries.end()) {
        take(*it);
        m_entries.erase(it);
    }
    return out;
}

} // namespace punctual
