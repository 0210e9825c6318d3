// Function runs: pool tasks, the worker-to-executor notice queue, timeouts and cancellation.
#include "functionexecutor.h"

#include "executors/functionregistry.h"
#include "time/clock.h"
#include "time/duration.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QRunnable>
#include <QTimerEvent>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <limits>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcFunction, "punctual.executor.function")

} // namespace

/// One run, shared by the executor and the worker that runs it.
struct FunctionExecutor::Task
{
    std::uint64_t token = 0;
    QString name;
    JobFunction function;
    FunctionContext context;
    std::optional<std::int64_t> misfireGraceMs;
    std::optional<std::int64_t> timeoutMs;
    std::atomic<bool> cancelled{false};

    // Written by the worker before it posts a notice, read on the executor's thread after (the notice
    // mutex orders the two).
    std::int64_t startTime = 0;
    ExecutionResult result;

    // Executor's thread only: reported already, the worker's result is to be ignored.
    bool abandoned = false;
};

class FunctionExecutor::Runnable final : public QRunnable
{
public:
    Runnable(FunctionExecutor *executor, std::shared_ptr<Task> task)
        : m_executor(executor)
        , m_task(std::move(task))
    {
    }

    void run() override { m_executor->runTask(m_task); }

private:
    FunctionExecutor *m_executor;
    std::shared_ptr<Task> m_task;
};

FunctionExecutor::FunctionExecutor(const FunctionRegistry &registry, const Clock &clock, int maxThreads,
                                   QObject *parent)
    : Executor(parent)
    , m_registry(registry)
    , m_clock(clock)
{
    m_pool.setMaxThreadCount(std::max(1, maxThreads));
}

FunctionExecutor::~FunctionExecutor()
{
    for (const Entry &entry : std::as_const(m_active))
        entry.task->cancelled.store(true, std::memory_order_relaxed);
    m_pool.clear();
    // Blocks until running functions notice the cancellation and return: a thread cannot be killed.
    m_pool.waitForDone();
}

bool FunctionExecutor::accepts(const Action &action) const
{
    return std::holds_alternative<FunctionAction>(action);
}

int FunctionExecutor::maxThreads() const
{
    return m_pool.maxThreadCount();
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
        ExecutionResult result;
        result.outcome = RunOutcome::Failed;
        result.endTime = m_clock.nowMs();
        result.error = error;
        qCInfo(lcFunction, "token %llu: %s", static_cast<unsigned long long>(token), qPrintable(error));
        // Never report from inside start(): the caller has not seen it return yet.
        QMetaObject::invokeMethod(
            this, [this, token, result = std::move(result)] { emit finished(token, result); },
            Qt::QueuedConnection);
        return;
    }
    if (m_active.contains(token)) {
        qCWarning(lcFunction, "token %llu is already running: request ignored", static_cast<unsigned long long>(token));
        return;
    }

    auto task = std::make_shared<Task>();
    task->token = token;
    task->name = action->name;
    task->function = std::move(*function);
    task->context.jobId = request.jobId;
    task->context.scheduledTime = request.scheduledTime;
    task->context.arguments = action->arguments;
    task->context.cancelled = &task->cancelled;
    task->misfireGraceMs = request.misfireGraceMs;
    task->timeoutMs = request.timeoutMs;
    m_active.insert(token, Entry{task, std::nullopt, 0});
    m_pool.start(new Runnable(this, std::move(task)));
}

void FunctionExecutor::stop(std::uint64_t token)
{
    abandon(token, RunOutcome::Interrupted, tr("stopped before it finished"));
}

void FunctionExecutor::stopAll()
{
    // finished() handlers may start new runs: stop only those running now.
    const QList<std::uint64_t> tokens = m_active.keys();
    for (const std::uint64_t token : tokens)
        stop(token);
}

int FunctionExecutor::runningCount() const
{
    return static_cast<int>(m_active.size()) + m_abandoned;
}

void FunctionExecutor::runTask(const std::shared_ptr<Task> &task)
{
    if (task->cancelled.load(std::memory_order_relaxed)) { // stopped while queued: already reported
        post(task, true);
        return;
    }
    const std::int64_t now = m_clock.nowMs();
    ExecutionResult &result = task->result;
    if (task->misfireGraceMs && now - task->context.scheduledTime > *task->misfireGraceMs) {
        result.outcome = RunOutcome::Missed;
        result.endTime = now;
        result.lateMs = now - task->context.scheduledTime;
        result.error = tr("not run: it would have started %1 late (misfire grace time %2)")
                           .arg(formatDuration(*result.lateMs), formatDuration(*task->misfireGraceMs));
        post(task, true);
        return;
    }
    task->startTime = now;
    post(task, false);

    FunctionResult returned;
    try {
        returned = task->function(task->context);
    } catch (const std::exception &e) {
        returned = FunctionResult::failure(
            tr("function \"%1\" threw an exception: %2").arg(task->name, QString::fromUtf8(e.what())));
    } catch (...) {
        returned = FunctionResult::failure(tr("function \"%1\" threw an unknown exception").arg(task->name));
    }
    result.startTime = now;
    result.endTime = m_clock.nowMs();
    result.output = std::move(returned.output);
    if (returned.ok) {
        result.outcome = RunOutcome::Success;
    } else {
        result.outcome = RunOutcome::Failed;
        result.error = returned.error.isEmpty() ? tr("function \"%1\" failed").arg(task->name)
                                                : std::move(returned.error);
    }
    post(task, true);
}

void FunctionExecutor::post(std::shared_ptr<Task> task, bool finished)
{
    bool first = false;
    {
        const QMutexLocker locker(&m_noticeMutex);
        first = m_notices.empty();
        m_notices.push_back({std::move(task), finished});
    }
    // Only the notice that makes the queue non-empty schedules a delivery: a burst costs one event per batch.
    if (first)
        QMetaObject::invokeMethod(this, &FunctionExecutor::deliverNotices, Qt::QueuedConnection);
}

void FunctionExecutor::deliverNotices()
{
    std::vector<Notice> notices;
    {
        const QMutexLocker locker(&m_noticeMutex);
        notices.swap(m_notices);
    }
    // Handlers of started()/finished() may call start() or stop(): no iterator is kept across an emit.
    for (Notice &notice : notices) {
        Task &task = *notice.task;
        if (task.abandoned) {
            if (notice.finished)
                --m_abandoned; // its thread is free now
            continue;
        }
        const auto it = m_active.find(task.token);
        if (it == m_active.end() || it->task != notice.task)
            continue;
        if (!notice.finished) {
            it->startTime = task.startTime;
            if (task.timeoutMs) {
                const auto ms = std::clamp<std::int64_t>(*task.timeoutMs, 0, std::numeric_limits<int>::max());
                it->timerId = startTimer(std::chrono::milliseconds(ms));
                m_timeouts.insert(it->timerId, task.token);
            }
            emit started(task.token, task.startTime);
            continue;
        }
        if (it->timerId != 0) {
            killTimer(it->timerId);
            m_timeouts.remove(it->timerId);
        }
        m_active.erase(it);
        const ExecutionResult result = std::move(task.result);
        if (result.outcome != RunOutcome::Success)
            qCInfo(lcFunction, "function %s: %s", qPrintable(task.name), qPrintable(result.error));
        emit finished(task.token, result);
    }
}

void FunctionExecutor::timerEvent(QTimerEvent *event)
{
    const int id = event->timerId();
    const auto it = m_timeouts.constFind(id);
    if (it == m_timeouts.cend()) {
        Executor::timerEvent(event);
        return;
    }
    const std::uint64_t token = *it;
    const auto entry = m_active.constFind(token);
    if (entry == m_active.cend() || entry->timerId != id) { // stale (cannot happen): never let it repeat
        killTimer(id);
        m_timeouts.remove(id);
        return;
    }
    const std::int64_t timeoutMs = entry->task->timeoutMs.value_or(0);
    abandon(token, RunOutcome::TimedOut, tr("timed out after %1").arg(formatDuration(timeoutMs)));
}

void FunctionExecutor::abandon(std::uint64_t token, RunOutcome outcome, const QString &error)
{
    const auto it = m_active.find(token);
    if (it == m_active.end())
        return;
    Entry entry = std::move(*it);
    m_active.erase(it);
    if (entry.timerId != 0) {
        killTimer(entry.timerId);
        m_timeouts.remove(entry.timerId);
    }
    entry.task->cancelled.store(true, std::memory_order_relaxed);
    entry.task->abandoned = true;
    ++m_abandoned;
    qCInfo(lcFunction, "function %s: %s", qPrintable(entry.task->name), qPrintable(error));

    ExecutionResult result;
    result.outcome = outcome;
    result.error = error;
    result.startTime = entry.startTime;
    result.endTime = m_clock.nowMs();
    emit finished(token, result);
}

} // namespace punctual
