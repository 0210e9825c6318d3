// Runs http actions: URLs requested through QNetworkAccessManager on a worker thread, a few at a time.
#pragma once

#include "executor.h"

#include <cstdint>
#include <unordered_map>

class QThread;
class QTimer;

namespace punctual {

class Clock;
class LongTimer;

/**
 * Runs HttpAction (the cache warm-up job). One QNetworkAccessManager lives on a thread of its own, started at
 * the first run, so name look-ups, TLS and slow servers never touch the caller's thread.
 *
 * Per run: the URLs are requested in the order given, at most `concurrency` at once (Qt itself opens at most 6
 * connections to one host); each request has `request_timeout` for its whole exchange; redirects are followed
 * (at most 10, never from https to http) unless follow_redirects is off. Bodies are read as they arrive and
 * only counted, so a huge page costs no memory.
 *
 * A URL fails on a network error, on its timeout, and (when fail_on_http_error) on a status outside 200-299;
 * with follow_redirects off a 3xx answer is what was asked for and counts as success. The run is Failed when
 * any URL failed, after every URL had its turn, and `error` names the failed URLs and why. The output has one
 * line per URL in the order given ("200 GET http://… → http://… 15,324 bytes 120 ms"), then a summary line.
 * There is no exit code (that is a process's).
 *
 * The job's timeout ends the run as TimedOut and stop() as Interrupted: requests in flight are aborted and
 * URLs not requested yet are not; the output still shows what was done. finished() follows once per token, on
 * the executor's thread, always from the event loop.
 */
class HttpExecutor final : public Executor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExecutor)

public:
    /// Redirects followed for one URL before it fails.
    static constexpr int maxRedirects = 10;

    explicit HttpExecutor(const Clock &clock, QObject *parent = nullptr);
    /// Aborts what still runs (unreported) and stops the worker thread.
    ~HttpExecutor() override;

    bool accepts(const Action &action) const override;
    void start(const ExecutionRequest &request) override;
    void stop(std::uint64_t token) override;
    void stopAll() override;
    int runningCount() const override;

private:
    class Worker;

    /// Executor-thread bookkeeping of a run the worker has not reported yet.
    struct Run
    {
        LongTimer *timeoutTimer = nullptr;
        bool ending = false; ///< the worker was told to abort it
    };

    void ensureWorker();
    void end(std::uint64_t token, RunOutcome reason);
    void onWorkerStarted(std::uint64_t token, std::int64_t startTime);
    void onWorkerFinished(std::uint64_t token, const ExecutionResult &result);

    const Clock &m_clock;
    QThread *m_thread = nullptr; ///< started at the first run
    Worker *m_worker = nullptr;  ///< lives on m_thread
    std::unordered_map<std::uint64_t, Run> m_runs;
};

} // namespace punctual
