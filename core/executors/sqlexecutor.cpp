// Sql runs: what a pool task runs and how it is cancelled (PooledExecutor does the bookkeeping).
#include "sqlexecutor.h"

#include "executors/passwordprovider.h"
#include "executors/sqlrun.h"
#include "time/clock.h"
#include "time/duration.h"

#include <QLoggingCategory>

#include <thread>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcSql, "punctual.executor.sql")

} // namespace

/// One sql run, shared by the executor and the worker that runs it.
struct SqlExecutor::SqlTask final : Task
{
    void run() override;
    bool isCancelled() const override { return cancellation.isCancelled(); }

    const PasswordProvider *passwords = nullptr;
    QString jobId;
    SqlAction action;
    SqlCancellation cancellation;
};

SqlExecutor::SqlExecutor(const Clock &clock, const PasswordProvider &passwords, int maxThreads, QObject *parent)
    : PooledExecutor(clock, maxThreads, lcSql, parent)
    , m_passwords(passwords)
{
}

SqlExecutor::SqlExecutor(const Clock &clock, QObject *parent)
    : SqlExecutor(clock, SystemPasswordProvider::instance(), 4, parent)
{
}

SqlExecutor::~SqlExecutor()
{
    shutDown();
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
        finishLater(token, failedResult(clock().nowMs(), tr("this executor runs sql actions only")));
        return;
    }
    auto task = std::make_shared<SqlTask>();
    task->token = token;
    task->scheduledTime = request.scheduledTime;
    task->misfireGraceMs = request.misfireGraceMs;
    task->timeoutMs = request.timeoutMs;
    task->passwords = &m_passwords;
    task->jobId = request.jobId;
    task->action = *action;
    submit(std::move(task));
}

void SqlExecutor::stop(std::uint64_t token)
{
    abandon(token, RunOutcome::Interrupted, tr("stopped before it finished; the transaction was rolled back"));
}

void SqlExecutor::SqlTask::run()
{
    auto password = passwords->password(action.connection);
    if (!password) {
        result.outcome = RunOutcome::Failed;
        result.error = password.error().message;
        return;
    }
    // Unique per run: QSqlDatabase connections are per thread and this one is removed when the run ends.
    const QString name = QStringLiteral("punctual-sql-%1-%2").arg(token).arg(quintptr(this), 0, 16);
    const SqlRunResult run = runSqlAction(action, password.value(), {scheduledTime, startTime}, cancellation, name);
    result.outcome = run.outcome;
    result.output = run.output;
    result.error = run.error;
}

bool SqlExecutor::cancel(const std::shared_ptr<Task> &base)
{
    const auto task = std::static_pointer_cast<SqlTask>(base);
    if (!task->cancellation.cancel()) {
        qCInfo(lcSql, "job %s: already committing, cannot be stopped", qPrintable(task->jobId));
        return false;
    }
    // The cancel request connects to the server: never on this (possibly the GUI) thread, nor on the global pool,
    // which QCoreApplication's destructor waits for (a request to an unreachable server can take minutes).
    std::thread([task] { task->cancellation.interruptStatement(); }).detach();
    return true;
}

QString SqlExecutor::logName(const Task &task) const
{
    return QStringLiteral("job %1").arg(static_cast<const SqlTask &>(task).jobId);
}

QString SqlExecutor::timedOutError(std::int64_t timeoutMs) const
{
    return tr("timed out after %1; the transaction was rolled back").arg(formatDuration(timeoutMs));
}

} // namespace punctual
