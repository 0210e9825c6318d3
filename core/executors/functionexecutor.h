// Runs function actions (registered C++ callables) on a thread pool, like APScheduler's ThreadPoolExecutor.
#pragma once

#include "executor.h"

#include <QHash>
#include <QMutex>
#include <QThreadPool>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace punctual {

class Clock;
class FunctionRegistry;

/**
 * Runs FunctionAction: looks the name up in the registry and calls the function on the executor's own
 * QThreadPool (at most maxThreads at once; more wait in the pool's queue). started() and finished() are
 * emitted on the executor's thread; the start time is measured in the worker when the function is entered.
 *
 * - The misfire grace check happens when a worker takes the task, so time spent queued counts.
 * - A function that throws fails the run; the exception never leaves the worker.
 * - Timeout and stop() cannot end a thread: they set FunctionContext::cancelled and report TimedOut or
 *   Interrupted at once (stop() emits finished() before it returns). The function's late result is
 *   ignored, but it keeps counting in runningCount() until it really returns, since it still holds a thread.
 *
 * The clock is read from worker threads, so it must be thread-safe (SystemClock is).
 */
class FunctionExecutor final : public Executor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionExecutor)

public:
    FunctionExecutor(const FunctionRegistry &registry, const Clock &clock, int maxThreads = 10,
                     QObject *parent = nullptr);
    /// Cancels everything, drops queued tasks and blocks until running functions return (unreported).
    ~FunctionExecutor() override;

    bool accepts(const Action &action) const override;
    void start(const ExecutionRequest &request) override;
    void stop(std::uint64_t token) override;
    void stopAll() override;
    /// Tasks queued or running, including timed-out or stopped functions that have not returned yet.
    int runningCount() const override;
    int maxThreads() const;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Task;
    class Runnable;

    /// Executor-thread bookkeeping for a task not reported yet.
    struct Entry
    {
        std::shared_ptr<Task> task;
        std::optional<std::int64_t> startTime;
        int timerId = 0;
    };

    /// What a worker tells the executor's thread: a task began, or it ended (its result is in the task).
    struct Notice
    {
        std::shared_ptr<Task> task;
        bool finished = false;
    };

    void runTask(const std::shared_ptr<Task> &task); // on a worker thread
    void post(std::shared_ptr<Task> task, bool finished); // on a worker thread
    void deliverNotices();
    /// Reports @p token now (TimedOut or Interrupted) and cancels its function.
    void abandon(std::uint64_t token, RunOutcome outcome, const QString &error);

    const FunctionRegistry &m_registry;
    const Clock &m_clock;
    QHash<std::uint64_t, Entry> m_active;
    QHash<int, std::uint64_t> m_timeouts; // timer id -> token
    int m_abandoned = 0;                  // reported but still holding a thread (or a queue slot)

    QMutex m_noticeMutex;
    std::vector<Notice> m_notices; // guarded by m_noticeMutex; one queued delivery per non-empty batch

    QThreadPool m_pool;
};

} // namespace punctual
