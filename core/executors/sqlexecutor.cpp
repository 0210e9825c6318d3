// Sql runs: pool tasks, the worker-to-executor notice queue, timeouts and cancellation.
#include "sqlexecutor.h"

#include "executors/passwordprovider.h"
#include "executors/sqlrun.h"
#include "time/clock.h"
#include "time/duration.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QRunnable>
#include <QTimerEvent>

#include <algorithm>
#include <chrono>
#include <limits>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcSql, "punctual.executor.sql")

} // namespace

/// One run, shared by the executor and the worker that runs it.
struct SqlExecutor::Task
{
    std::uint64_t token = 0;
    QString jobId;
    SqlAction action;
    std::int64_t scheduledTime = 0;
    std::optional<std::int64_t> misfireGraceMs;
    std::optional<std::int64_t> timeoutMs;
    SqlCancellation cancellation;

    // Written by the worker before it posts a notice, read on the executor's thread after.
    std::int64_t startTime = 0;
    ExecutionResult result;

    // Executor's thread only: reported already, the worker's result is to be ignored.
    bool abandoned = false;
};

SqlExecutor::SqlExecutor(const Clock &clock, const PasswordProvider &passwords, int maxThreads, QObject *parent)
    : Executor(parent)
    , m_clock(clock)
    , m_passwords(passwords)
{
    m_pool.setMaxThreadCount(std::max(1, maxThreads));
}

SqlExecutor::SqlExecutor(const Clock &clock, QObject *parent)
    : SqlExecutor(clock, SystemPasswordProvider::instance(), 4, parent)
{
}

SqlExecutor::~SqlExecutor()
{
    m_pool.clear();
    for (const Entry &entry : std::as_const(m_active)) {
        if (entry.task->cancellation.cancel())
            entry.task->cancellation.interruptStatement();
    }
    m_pool.waitForDone();
}

bool SqlExecutor::accepts(const Action &action) const
{
    return std::holds_alternative<SqlAction>(action);
}

void SqlExecutor::start(const ExecutionRequest &request)
{
    const std::uint64_t token = request.token;
    const auto *action = std::get_if<SqlAction>(&request.action);
    if (!action) {
        ExecutionResult result;
        result.endTime = m_clock.nowMs();
        result.error = tr("this executor runs sql actions only");
        QMetaObject::invokeMethod(
            this, [this, token, result = std::move(result)] { emit finished(token, result); },
            Qt::QueuedConnection);
        return;
    }
    if (m_active.contains(token)) {
        qCWarning(lcSql, "token %llu is already running: request ignored", static_cast<unsigned long long>(token));
        return;
    }
    auto task = std::make_shared<Task>();
    task->token = token;
    task->jobId = request.jobId;
    task->action = *action;
    task->scheduledTime = request.scheduledTime;
    task->misfireGraceMs = request.misfireGraceMs;
    task->timeoutMs = request.timeoutMs;
    m_active.insert(token, Entry{task, std::nullopt, 0});
    m_pool.start([this, task] { runTask(task); });
}

void SqlExecutor::stop(std::uint64_t token)
{
    abandon(token, RunOutcome::Interrupted, tr("stopped before it finished; the transaction was rolled back"));
}

void SqlExecutor::stopAll()
{
    const QList<std::uint64_t> tokens = m_active.keys();
    for (const std::uint64_t token : tokens)
        stop(token);
}

int SqlExecutor::runningCount() const
{
    return static_cast<int>(m_active.size()) + m_abandoned;
}

void SqlExecutor::runTask(const std::shared_ptr<Task> &task)
{
    if (task->cancellation.isCancelled()) { // stopped while queued: already reported
        post(task, true);
        return;
    }
    const std::int64_t now = m_clock.nowMs();
    ExecutionResult &result = task->result;
    if (task->misfireGraceMs && now - task->scheduledTime > *task->misfireGraceMs) {
        result.outcome = RunOutcome::Missed;
        result.endTime = now;
        result.lateMs = now - task->scheduledTime;
        result.error = tr("not run: it would have started %1 late (misfire grace time %2)")
                           .arg(formatDuration(*result.lateMs), formatDuration(*task->misfireGraceMs));
        post(task, true);
        return;
    }
    task->startTime = now;
    result.startTime = now;
    post(task, false);

    auto password = m_passwords.password(task->action.connection);
    if (!password) {
        result.outcome = RunOutcome::Failed;
        result.error = password.error().message;
    } else {
        // Unique per run: QSqlDatabase connections are per thread and this one is removed when the run ends.
        const QString name = QStringLiteral("punctual-sql-%1-%2").arg(task->token).arg(quintptr(task.get()), 0, 16);
        const SqlRunResult run = runSqlAction(task->action, password.value(), {task->scheduledTime, now},
                                              task->cancellation, name);
        result.outcome = run.outcome;
        result.output = run.output;
        result.error = run.error;
    }
    result.endTime = m_clock.nowMs();
    post(task, true);
}

void SqlExecutor::post(std::shared_ptr<Task> task, bool finished)
{
    bool first = false;
    {
        const QMutexLocker locker(&m_noticeMutex);
        first = m_notices.empty();
        m_notices.push_back({std::move(task), finished});
    }
    if (first)
        QMetaObject::invokeMethod(this, &SqlExecutor::deliverNotices, Qt::QueuedConnection);
}

void SqlExecutor::deliverNotices()
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
                --m_abandoned;
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
            qCInfo(lcSql, "job %s: %s", qPrintable(task.jobId), qPrintable(result.error));
        emit finished(task.token, result);
    }
}

void SqlExecutor::timerEvent(QTimerEvent *event)
{
    const int id = event->timerId();
    const auto it = m_timeouts.constFind(id);
    if (it == m_timeouts.cend()) {
        Executor::timerEvent(event);
        return;
    }
    const std::uint64_t token = *it;
    killTimer(id);
    m_timeouts.remove(id);
    const auto entry = m_active.find(token);
    if (entry == m_active.end() || entry->timerId != id)
        return;
    entry->timerId = 0;
    const std::int64_t timeoutMs = entry->task->timeoutMs.value_or(0);
    abandon(token, RunOutcome::TimedOut,
            tr("timed out after %1; the transaction was rolled back").arg(formatDuration(timeoutMs)));
}

void SqlExecutor::abandon(std::uint64_t token, RunOutcome outcome, const QString &error)
{
    const auto it = m_active.find(token);
    if (it == m_active.end())
        return;
    const std::shared_ptr<Task> task = it->task;
    if (!task->cancellation.cancel()) {
        qCInfo(lcSql, "job %s: already committing, cannot be stopped", qPrintable(task->jobId));
        return; // its own result follows
    }
    Entry entry = std::move(*it);
    m_active.erase(it);
    if (entry.timerId != 0) {
        killTimer(entry.timerId);
        m_timeouts.remove(entry.timerId);
    }
    task->abandoned = true;
    ++m_abandoned;
    // The cancel request connects to the server: never on this (possibly the GUI) thread.
    QThreadPool::globalInstance()->start([task] { task->cancellation.interruptStatement(); });
    qCInfo(lcSql, "job %s: %s", qPrintable(task->jobId), qPrintable(error));

    ExecutionResult result;
    result.outcome = outcome;
    result.error = error;
    result.startTime = entry.startTime;
    result.endTime = m_clock.nowMs();
    emit finished(token, result);
}

} // namespace punctual
