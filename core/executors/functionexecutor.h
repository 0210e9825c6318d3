// Runs function actions (registered C++ callables) on a thread pool, like APScheduler's ThreadPoolExecutor.
#pragma once

#include "pooledexecutor.h"

#include <cstdint>

namespace punctual {

class Clock;
class FunctionRegistry;

/**
 * Runs FunctionAction: looks the name up in the registry and calls the function on the executor's own
 * QThreadPool (PooledExecutor: at most maxThreads at once; more wait in the pool's queue). started() and
 * finished() are emitted on the executor's thread; the start time is measured in the worker when the function
 * is entered.
 *
 * - The misfire grace check happens when a worker takes the task, so time spent queued counts.
 * - A function that throws fails the run; the exception never leaves the worker.
 * - Timeout and stop() cannot end a thread: they set FunctionContext::cancelled and report TimedOut or
 *   Interrupted at once (stop() emits finished() before it returns). The function's late result is
 *   ignored, but it keeps counting in runningCount() until it really returns, since it still holds a thread.
 * - Destroying the executor waits at most shutdownGraceMs() for cancelled functions (PooledExecutor::shutDown()).
 *
 * The clock is read from worker threads, so it must be thread-safe (SystemClock is).
 */
class FunctionExecutor final : public PooledExecutor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionExecutor)

public:
    FunctionExecutor(const FunctionRegistry &registry, const Clock &clock, int maxThreads = 10,
                     QObject *parent = nullptr);
    /// Cancels everything, drops queued tasks and waits up to shutdownGraceMs() for running functions to return
    /// (unreported); one that ignores its cancellation is abandoned with its thread.
    ~FunctionExecutor() override;

    bool accepts(const Action &action) const override;
    void start(const ExecutionRequest &request) override;
    void stop(std::uint64_t token) override;
    using PooledExecutor::maxThreads;

private:
    struct FunctionTask;

    bool cancel(const std::shared_ptr<Task> &task) override;
    QString logName(const Task &task) const override;
    QString timedOutError(std::int64_t timeoutMs) const override;

    const FunctionRegistry &m_registry;
};

} // namespace punctual
