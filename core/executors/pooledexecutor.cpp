// Pooled runs: the worker's steps, the worker-to-executor notice queue, timeouts and abandoned runs.
#include "pooledexecutor.h"

#include "time/clock.h"
#include "util/longtimer.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QTimerEvent>

#include <algorithm>
#include <chrono>
#include <limits>

namespace punctual {

PooledExecutor::PooledExecutor(const Clock &clock, int maxThreads, LogCategory logCategory, QObject *parent)
    : Executor(parent)
    , m_clock(clock)
    , m_logCategory(logCategory)
{
    m_pool.setMaxThreadCount(std::max(1, maxThreads));
}

PooledExecutor::~PooledExecutor() = default;

int PooledExecutor::maxThreads() const
{
    return m_pool.maxThreadCount();
}

void PooledExecutor::stopAll()
{
    const QList<std::uint64_t> tokens = m_active.keys();
    for (const std::uint64_t token : tokens)
        stop(token);
}

int PooledExecutor::runningCount() const
{
    return static_cast<int>(m_active.size()) + m_abandoned;
}

void PooledExecutor::submit(std::shared_ptr<Task> task)
{
    const std::uint64_t token = task->token;
    if (m_active.contains(token)) {
        qCWarning(m_logCategory, "token %llu is already running: request ignored",
                  static_cast<unsigned long long>(token));
        return;
    }
    m_active.insert(token, Entry{task, std::nullopt, 0});
    m_pool.start([this, task = std::move(task)] { runTask(task); });
}

void PooledExecutor::shutDown(const std::function<void(Task &)> &cancelNow)
{
    for (const Entry &entry : std::as_const(m_active))
        cancelNow(*entry.task);
    m_pool.clear();
    // Blocks until running tasks notice the cancellation and return: a thread cannot be killed.
    m_pool.waitForDone();
}

void PooledExecutor::runTask(const std::shared_ptr<Task> &task)
{
    if (isCancelled(*task)) { // stopped while queued: already reported
        post(task, true);
        return;
    }
    const std::int64_t now = m_clock.nowMs();
    ExecutionResult &result = task->result;
    if (auto missed = missedStart(task->scheduledTime, task->misfireGraceMs, now)) {
        result = std::move(*missed);
        post(task, true);
        return;
    }
    task->startTime = now;
    result.startTime = now;
    post(task, false);

    run(*task);
    result.endTime = m_clock.nowMs();
    post(task, true);
}

void PooledExecutor::post(std::shared_ptr<Task> task, bool finished)
{
    bool first = false;
    {
        const QMutexLocker locker(&m_noticeMutex);
        first = m_notices.empty();
        m_notices.push_back({std::move(task), finished});
    }
    // Only the notice that makes the queue non-empty schedules a delivery: a burst costs one event per batch.
    if (first)
        QMetaObject::invokeMethod(this, &PooledExecutor::deliverNotices, Qt::QueuedConnection);
}

void PooledExecutor::deliverNotices()
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
                it->timeoutAt = QDeadlineTimer(*task.timeoutMs, Qt::PreciseTimer);
                armTimeout(*it);
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
            qCInfo(m_logCategory, "%s: %s", qPrintable(logName(task)), qPrintable(result.error));
        emit finished(task.token, result);
    }
}

void PooledExecutor::timerEvent(QTimerEvent *event)
{
    const int id = event->timerId();
    const auto it = m_timeouts.constFind(id);
    if (it == m_timeouts.cend()) {
        Executor::timerEvent(event);
        return;
    }
    const std::uint64_t token = *it;
    // Never let it repeat, also when the task cannot be stopped any more (its own result follows).
    killTimer(id);
    m_timeouts.remove(id);
    const auto entry = m_active.find(token);
    if (entry == m_active.end() || entry->timerId != id) // stale (cannot happen)
        return;
    entry->timerId = 0;
    if (!entry->timeoutAt.hasExpired()) { // one step of a timeout longer than a timer holds
        armTimeout(*entry);
        return;
    }
    const std::int64_t timeoutMs = entry->task->timeoutMs.value_or(0);
    abandon(token, RunOutcome::TimedOut, timedOutError(timeoutMs));
}

void PooledExecutor::armTimeout(Entry &entry)
{
    const std::int64_t step = std::clamp<std::int64_t>(entry.timeoutAt.remainingTime(), 0, LongTimer::maxStepMs());
    entry.timerId = startTimer(std::chrono::milliseconds(step), Qt::PreciseTimer);
    m_timeouts.insert(entry.timerId, entry.task->token);
}

void PooledExecutor::abandon(std::uint64_t token, RunOutcome outcome, const QString &error)
{
    const auto it = m_active.find(token);
    if (it == m_active.end())
        return;
    const std::shared_ptr<Task> task = it->task;
    if (!cancel(task))
        return; // its own result follows
    Entry entry = std::move(*it);
    m_active.erase(it);
    if (entry.timerId != 0) {
        killTimer(entry.timerId);
        m_timeouts.remove(entry.timerId);
    }
    task->abandoned = true;
    ++m_abandoned;
    qCInfo(m_logCategory, "%s: %s", qPrintable(logName(*task)), qPrintable(error));

    ExecutionResult result;
    result.outcome = outcome;
    result.error = error;
    result.startTime = entry.startTime;
    result.endTime = m_clock.nowMs();
    emit finished(token, result);
}

} // namespace punctual
