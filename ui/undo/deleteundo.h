// The window's memory of its own deletes, latest first, for Edit › Undo delete (the host keeps the jobs).
#pragma once

#include <QList>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace punctual {

/**
 * Which jobs the window deleted, and when, for as long as the host keeps them (RemovedJobs::defaultKeepMs,
 * restore_jobs): Undo restores the latest delete first, then the one before. Only ids and names: the jobs and
 * their histories are the host's.
 */
class DeleteUndo
{
public:
    static constexpr std::int64_t keepMs = 10 * 60 * 1000; ///< as the host's RemovedJobs::defaultKeepMs

    struct Batch
    {
        QStringList ids;
        QStringList names;
        std::int64_t deletedAtMs = 0;
    };

    void push(Batch batch);
    /// The latest delete still undoable at @p nowMs (older ones are forgotten), or none.
    std::optional<Batch> latest(std::int64_t nowMs);
    /// Forgets the latest delete (it was undone, or can no longer be).
    void dropLatest();
    bool isEmpty() const { return m_batches.isEmpty(); }

private:
    QList<Batch> m_batches; ///< oldest first
};

} // namespace punctual
