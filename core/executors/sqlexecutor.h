// Runs sql actions: each run on a worker thread with its own connection, its statements in one transaction.
#pragma once

#include "pooledexecutor.h"

#include <cstdint>

namespace punctual {

class Clock;
class PasswordProvider;

/**
 * Runs SqlAction (sqlrun.h does the database work) on the executor's own QThreadPool (PooledExecutor);
 * started() and finished() are emitted on the executor's thread. A worker checks the misfire grace time when
 * it takes the run, resolves the password (PasswordProvider: environment variable or keychain), opens a
 * connection of its own (a unique name, removed when the run ends), runs the statements in one transaction
 * and commits.
 *
 * - Output: one line per statement with its row count and time; a failure rolls back and names the
 *   statement and the driver's message. A statement timeout ends the run as TimedOut, rolled back.
 * - The job's timeout and stop() cancel the run (the statement going now is interrupted on PostgreSQL,
 *   MariaDB/MySQL and SQLite; other drivers finish it first) and report TimedOut or Interrupted at once; the
 *   worker rolls back and keeps counting in runningCount() until it returns. A run that has begun to commit
 *   cannot be stopped: its own result follows shortly.
 */
class SqlExecutor final : public PooledExecutor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlExecutor)

public:
    /// @p passwords and @p clock must outlive the executor; both are used on worker threads.
    SqlExecutor(const Clock &clock, const PasswordProvider &passwords, int maxThreads = 4, QObject *parent = nullptr);
    /// With SystemPasswordProvider.
    explicit SqlExecutor(const Clock &clock, QObject *parent = nullptr);
    /// Cancels every run and waits up to shutdownGraceMs() for the workers to roll back and return (unreported); a
    /// statement the server does not interrupt in time is abandoned with its thread (and its connection).
    ~SqlExecutor() override;

    bool accepts(const Action &action) const override;
    void start(const ExecutionRequest &request) override;
    void stop(std::uint64_t token) override;

private:
    struct SqlTask;

    bool cancel(const std::shared_ptr<Task> &task) override;
    QString logName(const Task &task) const override;
    QString timedOutError(std::int64_t timeoutMs) const override;

    const PasswordProvider &m_passwords;
};

} // namespace punctual
