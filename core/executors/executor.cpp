// What every executor shares: results of runs that never began, and reporting them from the event loop.
#include "executor.h"

#include "time/duration.h"

namespace punctual {

ExecutionResult Executor::failedResult(std::int64_t now, QString error)
{
    ExecutionResult result;
    result.outcome = RunOutcome::Failed;
    result.endTime = now;
    result.error = std::move(error);
    return result;
}

std::optional<ExecutionResult> Executor::missedStart(std::int64_t scheduledTime,
                                                     std::optional<std::int64_t> misfireGraceMs, std::int64_t now)
{
    if (!misfireGraceMs || now - scheduledTime <= *misfireGraceMs)
        return std::nullopt;
    ExecutionResult result;
    result.outcome = RunOutcome::Missed;
    result.endTime = now;
    result.lateMs = now - scheduledTime;
    result.error = tr("not run: it would have started %1 late (misfire grace time %2)")
                       .arg(formatDuration(*result.lateMs), formatDuration(*misfireGraceMs));
    return result;
}

void Executor::finishLater(std::uint64_t token, ExecutionResult result)
{
    // The caller has not seen start() return yet: report from the event loop, as for any other run.
    QMetaObject::invokeMethod(
        this, [this, token, result = std::move(result)] { emit finished(token, result); }, Qt::QueuedConnection);
}

} // namespace punctual
