// Pooled runs: the worker's steps, the worker-to-executor notice queue, timeouts and abandoned runs.
#include "pooledexecutor.h"

#include "time/clock.h"
#include "util/longtimer.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QReadLocker>
#include <QWriteLocker>
#include <QTimerEvent>

#include <algorithm>
#include <chrono>
#include <limits>

namespace punctual {

PooledExecutor::PooledExecutor(const Clock &clock, int maxThreads, LogCategory logCategory, QObject *parent)
    : Executor(parent)
    , m_clock(clock)
    , m_logCategory(logCategory)
    , m_link(std::make_shared<Link>())
    , m_pool(std::make_unique<QThreadPool>())
{
    m_link->executor = this;
    m_pool->setMaxThreadCount(std::max(1, maxThreads));
}

PooledExecutor::~PooledExecutor()
{
    // The subclass's destructor called shutDown(); this is for one that did not (nothing runs then).
    const QWriteLocker locker(&m_link->lock);
    m_link->executor = nullptr;
}

int PooledExecutor::maxThreads() const
{
    return m_pool->maxThreadCount();
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
    m_active.insert(token, Entry{task, std::nullopt, 0, {}});
    m_pool->start([link = m_link, task = std::move(task)] { runTask(link, task); });
}

void PooledExecutor::shutDown()
{
    for (const Entry &entry : std::as_const(m_active))
        cancel(entry.task);
    m_pool->clear();
    // A thread cannot be killed: wait a while for the running tasks to notice the cancellation and return.
    if (m_pool->waitForDone(m_shutdownGraceMs))
        return;
    {
        const QWriteLocker locker(&m_link->lock);
        m_link->executor = nullptr; // from now on no worker reaches this executor (or its clock)
    }
    qCWarning(m_logCategory, "%d run(s) did not return within %d ms of being cancelled: abandoned, their threads "
                             "end with the process",
              m_pool->activeThreadCount(), m_shutdownGraceMs);
    // Left behind on purpose: ~QThreadPool would wait for those threads without end. Their tasks hold no pointer
    // to this executor, and QCoreApplication waits only for the global pool, so the process still exits.
    (void)m_pool.release();
}

void PooledExecutor::runTask(const std::shared_ptr<Link> &link, const std::shared_ptr<Task> &task)
{
    ExecutionResult &result = task->result;
    {
        const QReadLocker locker(&link->lock);
        PooledExecutor *executor = link->executor;
        if (!executor)
            return;
        if (task->isCancelled()) { // stopped while queued: already reported
            executor->post(task, true);
            return;
        }
        const std::int64_t now = executor->m_clock.nowMs();
        if (auto missed = missedStart(task->scheduledTime, task->misfireGraceMs, now)) {
            result = std::move(*missed);
            executor->post(task, true);
            return;
        }
        task->startTime = now;
        result.startTime = now;
        executor->post(task, false);
    }

    task->run(); // without the lock: shutDown() must be able to give up on it

    const QReadLocker locker(&link->lock);
    if (PooledExecutor *executor = link->executor) {
        result.endTime = executor->m_clock.nowMs();
        executor->post(task, true);
    }
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
