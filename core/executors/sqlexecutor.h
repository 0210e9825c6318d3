// Runs sql actions: each run on a worker thread with its own connection, its statements in one transaction.
#pragma once

#include "executor.h"

#include <QHash>
#include <QMutex>
#include <QThreadPool>

#include <cstdint>
#include <memory>
#include <vector>

namespace punctual {

class Clock;
class PasswordProvider;

/**
 * Runs SqlAction (sqlrun.h does the database work) on the executor's own QThreadPool; started() and
 * finished() are emitted on the executor's thread. A worker checks the misfire grace time when it takes the
 * run, resolves the password (PasswordProvider: environment variable or keychain), opens a connection of its
 * own (a unique name, removed when the run ends), runs the statements in one transaction and commits.
 *
 * - Output: one line per statement with its row count and time; a failure rolls back and names the
 *   statement and the driver's message. A statement timeout ends the run as TimedOut, rolled back.
 * - The job's timeout and stop() cancel the run (the statement going now is interrupted on PostgreSQL and
 *   SQLite; other drivers finish it first) and report TimedOut or Interrupted at once; the worker rolls back
 *   and keeps counting in runningCount() until it returns. A run that has begun to commit cannot be stopped:
 *   its own result follows shortly.
 */
class SqlExecutor final : public Executor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlExecutor)

public:
    /// @p passwords and @p clock must outlive the executor; the clock is read from worker threads.
    SqlExecutor(const Clock &clock, const PasswordProvider &passwords, int maxThreads = 4, QObject *parent = nullptr);
    /// With SystemPasswordProvider.
    explicit SqlExecutor(const Clock &clock, QObject *parent = nullptr);
    /// Cancels every run and blocks until the workers have rolled back and returned (unreported).
    ~SqlExecutor() override;

    bool accepts(const Action &action) const override;
    void start(const ExecutionRequest &request) override;
    void stop(std::uint64_t token) override;
    void stopAll() override;
    int runningCount() const override;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Task;

    struct Entry
    {
        std::shared_ptr<Task> task;
        std::optional<std::int64_t> startTime;
        int timerId = 0;
    };

    struct Notice
    {
        std::shared_ptr<Task> task;
        bool finished = false;
    };

    void runTask(const std::shared_ptr<Task> &task); // on a worker thread
    void post(std::shared_ptr<Task> task, bool finished); // on a worker thread
    void deliverNotices();
    void abandon(std::uint64_t token, RunOutcome outcome, const QString &error);

    const Clock &m_clock;
    const PasswordProvider &m_passwords;
    QHash<std::uint64_t, Entry> m_active;
    QHash<int, std::uint64_t> m_timeouts; // timer id -> token
    int m_abandoned = 0;                  // reported, worker not returned yet

    QMutex m_noticeMutex;
    std::vector<Notice> m_notices; // guarded by m_noticeMutex

    QThreadPool m_pool;
};

} // namespace punctual
