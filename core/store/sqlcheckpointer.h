// Copies a database's write-ahead log back into the database on a thread of its own, never on the writer's.
#pragma once

#include "util/fileidentity.h"

#include <optional>

#include <QString>

#include <atomic>
#include <cstdint>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace punctual {

class SqlDialect;

/**
 * A checkpoint (SQLite: copy the WAL into the database file and sync both) takes milliseconds of disk time. Left to
 * the engine it happens inside whichever commit crosses the log's size limit, i.e. on the scheduler's thread right
 * when jobs are due. SqlSession hands it to this thread instead, which has its own connection and runs the
 * dialect's non-blocking checkpoint a short while after the first write since its last one.
 *
 * It never polls: with nothing written it sleeps on a condition variable (an idle scheduler stays idle). The first
 * write after a checkpoint wakes it (one atomic exchange per write otherwise). On destruction a pending checkpoint
 * is still made, then the thread ends.
 */
class SqlCheckpointer final
{
public:
    /// A checkpoint waits until no write came for this long: one covers a whole burst of writes, and its fsyncs
    /// do not fall between the commits of jobs due a few milliseconds apart.
    static constexpr int gatherMs = 250;
    /// ... but not longer than this after the first write it covers, so that the log stays small under writes
    /// that never pause.
    static constexpr int maxGatherMs = 5000;
    /// A log past this size after a checkpoint gets the dialect's forced checkpoint (forcedCheckpointStatement()):
    /// a writer that never pauses would otherwise grow it without end (gigabytes while 10 million runs are written).
    static constexpr qint64 forceLogBytes = 64 * 1024 * 1024;

    /// Starts the thread, which opens its own connection (@p connectionName) to the database at @p path. When
    /// the file it finds there is not @p expected (replaced meanwhile), it checkpoints nothing: a checkpoint would
    /// copy the store's write-ahead log into a file it does not belong to.
    SqlCheckpointer(std::shared_ptr<const SqlDialect> dialect, QString path, QString connectionName,
                    int busyTimeoutMs, std::optional<FileIdentity> expected);
    ~SqlCheckpointer();
    SqlCheckpointer(const SqlCheckpointer &) = delete;
    SqlCheckpointer &operator=(const SqlCheckpointer &) = delete;

    /// Something was committed: a checkpoint will follow (cheap; call it after every write).
    void noteWrite();
    /// Checkpoints made so far (for tests and diagnostics).
    int checkpoints() const { return m_checkpoints.load(std::memory_order_relaxed); }

private:
    void run();

    const std::shared_ptr<const SqlDialect> m_dialect;
    const QString m_path;
    const QString m_connectionName;
    const int m_busyTimeoutMs;
    const std::optional<FileIdentity> m_expected;

    std::atomic<bool> m_signalled{false}; ///< a write since the thread last started a checkpoint
    std::atomic<std::int64_t> m_lastWriteNs{0}; ///< steady-clock time of the latest noteWrite()
    std::atomic<int> m_checkpoints{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;  ///< guarded by m_mutex
    bool m_stopping = false; ///< guarded by m_mutex
    std::thread m_thread;
};

} // namespace punctual
