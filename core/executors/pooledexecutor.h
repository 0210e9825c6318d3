// The part executors that run tasks on a thread pool share: the worker-to-executor notices, timeouts, abandoned runs.
#pragma once

#include "executor.h"

#include <QHash>
#include <QDeadlineTimer>
#include <QMutex>
#include <QReadWriteLock>
#include <QThreadPool>

#include <algorithm>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QLoggingCategory;

namespace punctual {

class Clock;

/**
 * An Executor whose runs are tasks on its own QThreadPool (at most maxThreads at once; more wait in the pool's
 * queue). A subclass builds a Task in start() and hands it to submit(); it says what a worker does (run()) and
 * how a run is asked to stop (cancel()). This class does the rest, the same way for every such executor:
 *
 * - A worker takes the task, skips it when it was cancelled while queued, checks the misfire grace time (so
 *   time spent queued counts), then reports the start, calls run() and reports the end.
 * - started() and finished() are emitted on the executor's thread: workers post notices, one queued delivery
 *   per batch. The start arms the task's timeout timer.
 * - Timeout and stop() cannot end a thread: they cancel() the task and report TimedOut or Interrupted at once.
 *   The worker's late result is ignored, but it keeps counting in runningCount() until it really returns.
 * - Destroying the executor (shutDown()) cancels what runs and waits at most shutdownGraceMs() for the workers. A task
 *   that ignores its cancellation is then abandoned with its thread: the pool is left behind on purpose (its
 *   destructor would wait for ever) and the thread ends with the process. A worker whose task returns after that
 *   touches nothing of the executor (Link), which is why a task runs itself (Task::run()).
 *
 * The clock is read from worker threads, so it must be thread-safe (SystemClock is).
 */
class PooledExecutor : public Executor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PooledExecutor)

public:
    /// Stops every run (finished() handlers may start new ones: only those running now are stopped).
    void stopAll() override;
    /// Tasks queued or running, including timed-out or stopped ones whose worker has not returned yet.
    int runningCount() const override;
    /// How long destroying the executor waits for cancelled runs to return (Executor::stopGraceMs by default).
    int shutdownGraceMs() const { return m_shutdownGraceMs; }
    void setShutdownGraceMs(int ms) { m_shutdownGraceMs = std::max(0, ms); }

protected:
    /// One run, shared by the executor and the worker that runs it; a subclass adds what it runs.
    struct Task
    {
        virtual ~Task() = default;

        /// On a worker thread, after the start was reported: runs the task and sets its result's outcome, output
        /// and error (the start and end times are set by the executor). It must not use the executor, which may
        /// be gone by the time a task abandoned at shutdown returns.
        virtual void run() = 0;
        /// Whether the task was cancelled (stopped while queued, it is not run); from any thread.
        virtual bool isCancelled() const = 0;

        std::uint64_t token = 0;
        std::int64_t scheduledTime = 0;
        std::optional<std::int64_t> misfireGraceMs;
        std::optional<std::int64_t> timeoutMs;

        // Written by the worker before it posts a notice, read on the executor's thread after (the notice
        // mutex orders the two).
        std::int64_t startTime = 0;
        ExecutionResult result;

        // Executor's thread only: reported already, the worker's result is to be ignored.
        bool abandoned = false;
    };

    using LogCategory = const QLoggingCategory &(*)();

    /// @p clock must outlive the executor; @p logCategory is where runs that do not succeed are logged.
    PooledExecutor(const Clock &clock, int maxThreads, LogCategory logCategory, QObject *parent);
    ~PooledExecutor() override;

    /// Asks @p task's worker to stop, without blocking; false when it can no longer be stopped (its own
    /// result then follows and nothing is reported now).
    virtual bool cancel(const std::shared_ptr<Task> &task) = 0;
    /// Names @p task in the log ("function NAME", "job ID").
    virtual QString logName(const Task &task) const = 0;
    virtual QString timedOutError(std::int64_t timeoutMs) const = 0;

    const Clock &clock() const { return m_clock; }
    int maxThreads() const;

    /// Queues @p task (its token must be set); a token already running is warned about and ignored.
    void submit(std::shared_ptr<Task> task);
    /// Reports @p token now (TimedOut or Interrupted) and cancels its task; no-op for an unknown token.
    void abandon(std::uint64_t token, RunOutcome outcome, const QString &error);
    /// For the subclass's destructor (cancel() is the subclass's): cancels every run, drops queued tasks and waits
    /// at most shutdownGraceMs() for the workers to return; those that do not are abandoned (nothing is reported).
    void shutDown();

    void timerEvent(QTimerEvent *event) override;

private:
    /// Executor-thread bookkeeping for a task not reported yet.
    struct Entry
    {
        std::shared_ptr<Task> task;
        std::optional<std::int64_t> startTime;
        int timerId = 0;
        QDeadlineTimer timeoutAt; ///< when the timeout ends (one timer step holds at most 24.8 days)
    };

    /// What a worker tells the executor's thread: a task began, or it ended (its result is in the task).
    struct Notice
    {
        std::shared_ptr<Task> task;
        bool finished = false;
    };

    /// The workers' way to the executor: they use it only under a read lock, and shutDown() cuts it (under the
    /// write lock) before it abandons the workers that did not return.
    struct Link
    {
        QReadWriteLock lock;
        PooledExecutor *executor = nullptr; ///< nullptr once the executor gave up waiting for its workers
    };

    /// Starts the next step of @p entry's timeout (the rest of it, at most LongTimer::maxStepMs()).
    void armTimeout(Entry &entry);
    static void runTask(const std::shared_ptr<Link> &link, const std::shared_ptr<Task> &task); // on a worker thread
    void post(std::shared_ptr<Task> task, bool finished); // on a worker thread, under the link's read lock
    void deliverNotices();

    const Clock &m_clock;
    const LogCategory m_logCategory;
    QHash<std::uint64_t, Entry> m_active;
    QHash<int, std::uint64_t> m_timeouts; // timer id -> token
    int m_abandoned = 0;                  // reported but still holding a thread (or a queue slot)

    int m_shutdownGraceMs = Executor::stopGraceMs;

    QMutex m_noticeMutex;
    std::vector<Notice> m_notices; // guarded by m_noticeMutex; one queued delivery per non-empty batch

    std::shared_ptr<Link> m_link;
    std::unique_ptr<QThreadPool> m_pool; // released (left behind) when shutDown() abandons workers
};

} // namespace punctual
