// The executor interface: runs one action off the scheduler's critical path and reports how it went.
#pragma once

#include "jobs/action.h"
#include "jobs/runrecord.h"

#include <QObject>
#include <QSet>

#include <cstdint>
#include <optional>

namespace punctual {

/// The run whose end started a chained run (a command sees it as PUNCTUAL_PREVIOUS_* variables).
struct PreviousRun
{
    QString jobId;
    std::int64_t runId = 0;
    RunOutcome outcome = RunOutcome::Success;
    std::optional<int> exitCode;
};

/// One run to execute.
struct ExecutionRequest
{
    std::uint64_t token = 0; ///< the caller's handle for this execution (unique while it runs)
    QString jobId;
    std::int64_t runId = 0;
    std::int64_t scheduledTime = 0;
    Action action;
    std::optional<std::int64_t> timeoutMs;
    /// When the action would begin later than this after scheduledTime, it is not run (outcome Missed).
    std::optional<std::int64_t> misfireGraceMs;
    /// Variables of the scheduler's environment a started process must not inherit (sql jobs' passwords).
    QSet<QString> hiddenVariables;
    /// A chained run: the run that started it.
    std::optional<PreviousRun> previous;
};

/// How an execution ended. outcome is Success, Failed, TimedOut, Interrupted or Missed (grace exceeded).
struct ExecutionResult
{
    RunOutcome outcome = RunOutcome::Failed;
    std::optional<int> exitCode;
    QString output;
    QString error;
    std::optional<std::int64_t> startTime; ///< none when it never began (missed, failed to start)
    std::int64_t endTime = 0;
    std::optional<std::int64_t> lateMs;    ///< for Missed: how late it would have begun
};

/**
 * Runs actions asynchronously: start() returns at once, finished() follows exactly once per token, on the
 * executor's thread. A slow or hanging action never blocks the caller.
 */
class Executor : public QObject
{
    Q_OBJECT

public:
    /// How long a stopped run may take to end before it is given up on: a command's process group gets SIGKILL
    /// this long after SIGTERM; a pool thread that has not returned this long after it was cancelled is abandoned
    /// when its executor is destroyed.
    static constexpr int stopGraceMs = 2000;
    /// outputArrived() comes at most this often per execution (a flood of output must not flood the receiver).
    static constexpr int outputIntervalMs = 100;
    /// Live output waiting for its outputArrived() keeps at most this much (the newest; the record keeps its own
    /// tail): a run writing faster than that skips ahead in the live view.
    static constexpr qsizetype liveOutputCapBytes = 256 * 1024;

    using QObject::QObject;

    /// Whether this executor runs @p action (a command executor runs commands, ...).
    virtual bool accepts(const Action &action) const = 0;
    virtual void start(const ExecutionRequest &request) = 0;
    /// Stops one execution (its result is Interrupted); no-op for an unknown token.
    virtual void stop(std::uint64_t token) = 0;
    /// Stops every execution.
    virtual void stopAll() = 0;
    virtual int runningCount() const = 0;
    /// Ends what an earlier session of this store left running when it died (its runs' processes), blocking until
    /// it is gone; returns how many it ended. Scheduler::start() calls it before it records those runs
    /// interrupted. Most executors have nothing that outlives their process: none, by default.
    virtual int endLeftovers() { return 0; }

    /// A run that did not begin: outcome Failed, ended @p now, with @p error.
    static ExecutionResult failedResult(std::int64_t now, QString error);
    /// The Missed result when a run beginning @p now would be later than its misfire grace time allows.
    static std::optional<ExecutionResult> missedStart(std::int64_t scheduledTime,
                                                      std::optional<std::int64_t> misfireGraceMs, std::int64_t now);

signals:
    /// The action really began (the process started, the function was entered).
    void started(std::uint64_t token, std::int64_t startTime);
    void finished(std::uint64_t token, const punctual::ExecutionResult &result);
    /// Output of an execution still going (commands: stdout and stderr as they come), for following it live.
    /// Coalesced: at most one per outputIntervalMs per execution, the rest of a burst in the next one; every chunk
    /// comes before finished(). The final record still has the whole (capped) output in ExecutionResult::output.
    void outputArrived(std::uint64_t token, const QByteArray &chunk);

protected:
    /// Reports a result known at once from the event loop, never from inside start() (finished() is queued).
    void finishLater(std::uint64_t token, ExecutionResult result);
};

} // namespace punctual

Q_DECLARE_METATYPE(punctual::ExecutionResult)
