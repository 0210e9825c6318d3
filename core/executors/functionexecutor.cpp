// Function runs: what a pool task calls and how it is cancelled (PooledExecutor does the bookkeeping).
#include "functionexecutor.h"

#include "executors/functionregistry.h"
#include "time/clock.h"
#include "time/duration.h"

#include <QLoggingCategory>

#include <atomic>
#include <exception>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcFunction, "punctual.executor.function")

} // namespace

/// One function run, shared by the executor and the worker that runs it.
struct FunctionExecutor::FunctionTask final : Task
{
    void run() override;
    bool isCancelled() const override { return cancelled.load(std::memory_order_relaxed); }

    QString name;
    JobFunction function;
    FunctionContext context;
    std::atomic<bool> cancelled{false};
};

FunctionExecutor::FunctionExecutor(const FunctionRegistry &registry, const Clock &clock, int maxThreads,
                                   QObject *parent)
    : PooledExecutor(clock, maxThreads, lcFunction, parent)
    , m_registry(registry)
{
}

FunctionExecutor::~FunctionExecutor()
{
    shutDown();
}

bool FunctionExecutor::accepts(const Action &action) const
{
    return std::holds_alternative<FunctionAction>(action);
}

void FunctionExecutor::start(const ExecutionRequest &request)
{
    const std::uint64_t token = request.token;
    const auto *action = std::get_if<FunctionAction>(&request.action);
    std::optional<JobFunction> function;
    QString error;
    if (!action)
        error = tr("this executor runs functions only");
    else if (!(function = m_registry.find(action->name)))
        error = tr("no function named \"%1\" is registered").arg(action->name);
    if (!error.isEmpty()) {
        qCInfo(lcFunction, "token %llu: %s", static_cast<unsigned long long>(token), qPrintable(error));
        finishLater(token, failedResult(clock().nowMs(), error));
        return;
    }

    auto task = std::make_shared<FunctionTask>();
    task->token = token;
    task->scheduledTime = request.scheduledTime;
    task->misfireGraceMs = request.misfireGraceMs;
    task->timeoutMs = request.timeoutMs;
    task->name = action->name;
    task->function = std::move(*function);
    task->context.jobId = request.jobId;
    task->context.scheduledTime = request.scheduledTime;
    task->context.arguments = action->arguments;
    task->context.cancelled = &task->cancelled;
    submit(std::move(task));
}

void FunctionExecutor::stop(std::uint64_t token)
{
    abandon(token, RunOutcome::Interrupted, tr("stopped before it finished"));
}

void FunctionExecutor::FunctionTask::run()
{
    FunctionResult returned;
    try {
        returned = function(context);
    } catch (const std::exception &e) {
        returned = FunctionResult::failure(
            FunctionExecutor::tr("function \"%1\" threw an exception: %2").arg(name, QString::fromUtf8(e.what())));
    } catch (...) {
        returned =
            FunctionResult::failure(FunctionExecutor::tr("function \"%1\" threw an unknown exception").arg(name));
    }
    result.output = std::move(returned.output);
    if (returned.ok) {
        result.outcome = RunOutcome::Success;
    } else {
        result.outcome = RunOutcome::Failed;
        result.error = returned.error.isEmpty() ? FunctionExecutor::tr("function \"%1\" failed").arg(name)
                                                : std::move(returned.error);
    }
}

bool FunctionExecutor::cancel(const std::shared_ptr<Task> &task)
{
    // A thread cannot be ended: the function is to notice FunctionContext::cancelled and return.
    static_cast<FunctionTask &>(*task).cancelled.store(true, std::memory_order_relaxed);
    return true;
}

QString FunctionExecutor::logName(const Task &task) const
{
    return QStringLiteral("function %1").arg(static_cast<const FunctionTask &>(task).name);
}

QString FunctionExecutor::timedOutError(std::int64_t timeoutMs) const
{
    return tr("timed out after %1").arg(formatDuration(timeoutMs));
}

} // namespace punctual
