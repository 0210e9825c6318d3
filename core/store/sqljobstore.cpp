// The SQL job store: prepared statements and rows to and from jobs and runs (opening: sqlstoreopening.cpp, the
// cluster side: sqlclusterstore.cpp).
#include "sqljobstore.h"
#include "sqljobstoreparts.h"

#include "store/sqlcheckpointer.h"
#include "store/sqldialect.h"
#include "store/sqlschema.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <limits>
#include <numeric>
#include <tuple>
#include <thread>
#include <vector>

namespace punctual {

Q_LOGGING_CATEGORY(lcStore, "punctual.store")
std::atomic<int> sqlConnectionCounter{0};

using namespace sqlschema;
using namespace sqlstore;

namespace {

QString jsonText(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Result<QJsonObject> jsonObject(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidInput(parseError.errorString());
    if (!document.isObject())
        return invalidInput(SqlStoreText::tr("not a JSON object"));
    return document.object();
}


} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Reading rows

/// Turns job rows into jobs. Triggers are immutable once shared, so rows with the same trigger JSON (many cron
/// jobs) share one parsed trigger; actions and options are cached the same way.
class SqlJobStore::JobReader
{
public:
    Result<Job> read(const QSqlQuery &query)
    {
        Job job;
        job.id = query.value(jobcol::Id).toString();
        job.name = query.value(jobcol::Name).toString();

        const QString triggerText = query.value(jobcol::Trigger).toString();
        if (auto cached = m_triggers.constFind(triggerText); cached != m_triggers.cend()) {
            job.trigger = *cached;
        } else {
            auto json = jsonObject(triggerText);
            if (!json)
                return part(jobcol::Trigger, json.error());
            auto trigger = Trigger::fromJson(json.value());
            if (!trigger)
                return part(jobcol::Trigger, trigger.error());
            job.trigger = std::shared_ptr<const Trigger>(std::move(trigger).value());
            if (m_triggers.size() < readCacheSize)
                m_triggers.insert(triggerText, job.trigger);
        }

        const QString actionText = query.value(jobcol::Action).toString();
        if (auto cached = m_actions.constFind(actionText); cached != m_actions.cend()) {
            job.action = *cached;
        } else {
            auto json = jsonObject(actionText);
            if (!json)
                return part(jobcol::Action, json.error());
            auto action = actionFromJson(json.value());
            if (!action)
                return part(jobcol::Action, action.error());
            job.action = std::move(action).value();
            if (m_actions.size() < readCacheSize)
                m_actions.insert(actionText, job.action);
        }

        const QString optionsText = query.value(jobcol::Options).toString();
        if (auto cached = m_options.constFind(optionsText); cached != m_options.cend()) {
            job.options = *cached;
        } else {
            auto json = jsonObject(optionsText);
            if (!json)
                return part(jobcol::Options, json.error());
            auto options = JobOptions::fromJson(json.value());
            if (!options)
                return part(jobcol::Options, options.error());
            job.options = options.value();
            if (m_options.size() < readCacheSize)
                m_options.insert(optionsText, job.options);
        }

        job.paused = query.value(jobcol::Paused).toLongLong() != 0;
        job.nextRunTime = optionalInt(query.value(jobcol::NextRunTime));
        job.createdAt = query.value(jobcol::CreatedAt).toLongLong();
        return job;
    }

    /// A cache has reached its bound (a reader kept between reads is then replaced by a fresh one).
    bool full() const
    {
        return m_triggers.size() >= readCacheSize || m_actions.size() >= readCacheSize
               || m_options.size() >= readCacheSize;
    }

private:
    static Error part(int column, const Error &error)
    {
        return invalidInput(QStringLiteral("%1: %2").arg(jobColumns[column], error.message));
    }

    QHash<QString, std::shared_ptr<const Trigger>> m_triggers;
    QHash<QString, Action> m_actions;
    QHash<QString, JobOptions> m_options;
};

namespace {

std::optional<RunRecord> readRun(const QSqlQuery &query)
{
    const QString outcomeName = query.value(runcol::Outcome).toString();
    const auto outcome = RunRecord::outcomeFromName(outcomeName);
    if (!outcome) {
        qCWarning(lcStore) << "skipping run" << query.value(runcol::Id).toLongLong() << "with unknown outcome"
                           << outcomeName;
        return std::nullopt;
    }
    RunRecord run;
    run.id = query.value(runcol::Id).toLongLong();
    run.jobId = query.value(runcol::JobId).toString();
    run.scheduledTime = query.value(runcol::ScheduledTime).toLongLong();
    run.startTime = optionalInt(query.value(runcol::StartTime));
    run.endTime = optionalInt(query.value(runcol::EndTime));
    run.outcome = *outcome;
    if (const QVariant exitCode = query.value(runcol::ExitCode); !exitCode.isNull())
        run.exitCode = exitCode.toInt();
    run.output = query.value(runcol::Output).toString();
    run.error = query.value(runcol::Error).toString();
    run.lateMs = optionalInt(query.value(runcol::LateMs));
    run.attempt = query.value(runcol::Attempt).toInt();
    run.instance = query.value(runcol::Instance).toString();
    return run;
}

/// Binds every column of a run (a statement without one of them ignores it).
void bindRun(QSqlQuery &query, const RunRecord &run)
{
    query.bindValue(runParam(runcol::Id), static_cast<qlonglong>(run.id));
    query.bindValue(runParam(runcol::JobId), run.jobId);
    query.bindValue(runParam(runcol::ScheduledTime), static_cast<qlonglong>(run.scheduledTime));
    query.bindValue(runParam(runcol::StartTime), optionalValue(run.startTime));
    query.bindValue(runParam(runcol::EndTime), optionalValue(run.endTime));
    query.bindValue(runParam(runcol::Outcome), RunRecord::outcomeName(run.outcome));
    query.bindValue(runParam(runcol::ExitCode),
                    run.exitCode ? QVariant(*run.exitCode) : QVariant(QMetaType::fromType<int>()));
    query.bindValue(runParam(runcol::Output), textValue(run.output));
    query.bindValue(runParam(runcol::Error), textValue(run.error));
    query.bindValue(runParam(runcol::LateMs), optionalValue(run.lateMs));
    query.bindValue(runParam(runcol::Attempt), run.attempt);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Writing rows

/// The JSON texts of a job's trigger, action and options, as its row stores them.
struct SqlJobStore::JobTexts
{
    QString trigger;
    QString action;
    QString options;
};

/// Makes JobTexts, keeping the last text of each part: consecutive jobs often share them (one trigger object, the
/// same action and options), and a text is the costliest part of writing a row.
class SqlJobStore::TextCache
{
public:
    JobTexts of(const Job &job)
    {
        // Triggers are immutable once shared, so the same object always has the same JSON; holding it keeps the
        // address from being reused by another.
        if (job.trigger != m_trigger) {
            m_texts.trigger = job.trigger ? jsonText(job.trigger->toJson()) : QString();
            m_trigger = job.trigger;
        }
        if (!m_action || !(*m_action == job.action)) {
            m_texts.action = jsonText(actionToJson(job.action));
            m_action = job.action;
        }
        if (!m_options || !(*m_options == job.options)) {
            QJsonObject json;
            job.options.writeJson(json);
            m_texts.options = jsonText(json);
            m_options = job.options;
        }
        return m_texts;
    }

private:
    JobTexts m_texts;
    std::shared_ptr<const Trigger> m_trigger;
    std::optional<Action> m_action;
    std::optional<JobOptions> m_options;
};

/// The texts of many jobs, made in order on a helper thread while the caller inserts rows (2 cores: about twice
/// as fast). Triggers, actions and options are immutable values, read-only here; the jobs must outlive it.
class SqlJobStore::TextPipeline
{
public:
    /// Below this many jobs a thread is not worth starting.
    static constexpr qsizetype minimumJobs = 2048;

    explicit TextPipeline(const QList<Job> &jobs)
        : m_jobs(jobs)
        , m_texts(static_cast<std::size_t>(jobs.size()))
        , m_thread([this] { run(); })
    {
    }

    ~TextPipeline()
    {
        m_stop.store(true, std::memory_order_relaxed);
        m_thread.join();
    }
    Q_DISABLE_COPY_MOVE(TextPipeline)

    /// The texts of job @p i, waiting (asleep) until they are made.
    const JobTexts &at(qsizetype i)
    {
        qsizetype ready = m_ready.load(std::memory_order_acquire);
        while (ready <= i) {
            m_ready.wait(ready, std::memory_order_acquire);
            ready = m_ready.load(std::memory_order_acquire);
        }
        return m_texts[static_cast<std::size_t>(i)];
    }

private:
    static constexpr qsizetype publishEvery = 64;

    void run()
    {
        TextCache cache;
        const qsizetype count = m_jobs.size();
        for (qsizetype i = 0; i < count && !m_stop.load(std::memory_order_relaxed); ++i) {
            m_texts[static_cast<std::size_t>(i)] = cache.of(m_jobs.at(i));
            if ((i + 1) % publishEvery == 0 || i + 1 == count) {
                m_ready.store(i + 1, std::memory_order_release);
                m_ready.notify_one();
            }
        }
    }

    const QList<Job> &m_jobs;
    std::vector<JobTexts> m_texts;
    std::atomic<qsizetype> m_ready{0};
    std::atomic<bool> m_stop{false};
    std::thread m_thread; // last: starts once everything above is ready
};

// ---------------------------------------------------------------------------------------------------------------
// Life time

SqlJobStore::SqlJobStore(std::shared_ptr<const SqlDialect> dialect, QString path, QString instanceId)
    : m_dialect(std::move(dialect))
    , m_path(std::move(path))
    , m_instanceId(std::move(instanceId))
    , m_connectionName(QStringLiteral("punctual-store-%1").arg(++sqlConnectionCounter))
    , m_texts(std::make_unique<TextCache>())
{
}

SqlJobStore::~SqlJobStore()
{
    // A claim still open (a pass that never committed) is rolled back.
    m_claim.reset();
    // Its last checkpoint first, while the database is still open here too.
    m_checkpointer.reset();
    // Every query and handle must be gone before the connection is removed.
    for (auto &statement : m_statements)
        statement.reset();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

// ---------------------------------------------------------------------------------------------------------------
// Statements and errors

QString SqlJobStore::statementSql(Statement which) const
{
    const QString jobs = jobsTable;
    const QString runs = runsTable;
    const QString jobSelect = QStringLiteral("SELECT %1 FROM %2").arg(names(jobColumns).join(QStringLiteral(", ")), jobs);
    const QString runSelect = QStringLiteral("SELECT %1 FROM %2").arg(names(runColumns).join(QStringLiteral(", ")), runs);
    const QString id = jobCol(jobcol::Id);
    const QString next = jobCol(jobcol::NextRunTime);
    const QString paused = jobCol(jobcol::Paused);
    const QString runId = runCol(runcol::Id);
    const QString runJob = runCol(runcol::JobId);
    switch (which) {
    case Begin: return m_dialect->beginWrite();
    case Commit: return QStringLiteral("COMMIT");
    case Rollback: return QStringLiteral("ROLLBACK");
    case InsertJob:
        return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(jobs, names(jobColumns).join(QStringLiteral(", ")), SqlDialect::placeholders(names(jobColumns)));
    case UpsertJob: return m_dialect->upsert(jobs, names(jobColumns), id);
    case UpdateJob:
        return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = %4")
            .arg(jobs, assignments(names(jobColumns, 1)), id, jobParam(jobcol::Id));
    case UpdateJobState:
        return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = %4")
            .arg(jobs, assignments({paused, next, jobCol(jobcol::UpdatedAt)}), id, jobParam(jobcol::Id));
    case UpdateJobStates: {
        QStringList ids;
        for (int i = 0; i < statesPerStatement; ++i)
            ids << numbered(jobParam(jobcol::Id), i);
        return QStringLiteral("UPDATE %1 SET %2 WHERE %3 IN (%4)")
            .arg(jobs, assignments({paused, next, jobCol(jobcol::UpdatedAt)}), id, ids.join(QStringLiteral(", ")));
    }
    case DeleteJob: return QStringLiteral("DELETE FROM %1 WHERE %2 = %3").arg(jobs, id, jobParam(jobcol::Id));
    case DeleteAllJobs: return QStringLiteral("DELETE FROM %1").arg(jobs);
    case SelectJob: return QStringLiteral("%1 WHERE %2 = %3").arg(jobSelect, id, jobParam(jobcol::Id));
    case SelectJobs:
        return QStringLiteral("%1 ORDER BY CASE WHEN %2 IS NULL THEN 1 ELSE 0 END, %2, %3").arg(jobSelect, next, id);
    case CountJobs: return QStringLiteral("SELECT COUNT(*) FROM %1").arg(jobs);
    case SelectDueJobs:
        return QStringLiteral("%1 WHERE %2 = 0 AND %3 <= %4 ORDER BY %3, %5 LIMIT %6")
            .arg(jobSelect, paused, next, nowParam, id, limitParam);
    case SelectEarliest:
        return QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4 = 0 AND %2 IS NOT NULL ORDER BY %2, %1 LIMIT %5")
            .arg(id, next, jobs, paused, limitParam);
    case InsertRun: {
        // Every column but the id; the instance is always this store's.
        QStringList columns = names(runColumns, 1);
        QStringList values;
        for (const QString &column : std::as_const(columns))
            values << SqlDialect::placeholder(column);
        values.last() = instanceLiteral();
        return m_dialect->insertReturningId(runs, columns, values, runId);
    }
    case InsertRunningRuns: {
        QStringList rows;
        for (int i = 0; i < runsPerStatement; ++i) {
            rows << QStringLiteral("(%1, %2, '%3', '', '', %4, %5)")
                        .arg(numbered(runParam(runcol::JobId), i), numbered(runParam(runcol::ScheduledTime), i),
                             RunRecord::outcomeName(RunOutcome::Running), numbered(runParam(runcol::Attempt), i),
                             instanceLiteral());
        }
        return QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6, %7, %8) VALUES %9")
            .arg(runs, runJob, runCol(runcol::ScheduledTime), runCol(runcol::Outcome), runCol(runcol::Output),
                 runCol(runcol::Error), runCol(runcol::Attempt), runCol(runcol::Instance),
                 rows.join(QStringLiteral(", ")));
    }
    case InsertRunningRun: {
        // A run recorded before it starts has nothing but its job, time and attempt yet: three values to bind
        // instead of ten (a burst records thousands in one pass).
        const auto empty = QStringLiteral("''");
        return m_dialect->insertReturningId(
            runs,
            {runJob, runCol(runcol::ScheduledTime), runCol(runcol::Outcome), runCol(runcol::Output),
             runCol(runcol::Error), runCol(runcol::Attempt), runCol(runcol::Instance)},
            {runParam(runcol::JobId), runParam(runcol::ScheduledTime),
             QStringLiteral("'%1'").arg(RunRecord::outcomeName(RunOutcome::Running)), empty, empty,
             runParam(runcol::Attempt), instanceLiteral()},
            runId);
    }
    case UpdateRun: {
        // Not the instance: a run stays the one of the instance that claimed it.
        QStringList columns = names(runColumns, 2);
        columns.removeAll(runCol(runcol::Instance));
        return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = %4 AND %5 = %6")
            .arg(runs, assignments(columns), runId, runParam(runcol::Id), runJob, runParam(runcol::JobId));
    }
    case SelectRunsOfJob:
        return QStringLiteral("%1 WHERE %2 = %3 ORDER BY %4 DESC LIMIT %5")
            .arg(runSelect, runJob, runParam(runcol::JobId), runId, limitParam);
    case SelectAllRuns: return QStringLiteral("%1 ORDER BY %2 DESC LIMIT %3").arg(runSelect, runId, limitParam);
    case SelectLatestRuns:
        return QStringLiteral("%1 WHERE %2 IN (SELECT MAX(%2) FROM %3 WHERE %4 <> '%5' GROUP BY %6)")
            .arg(runSelect, runId, runs, runCol(runcol::Outcome), RunRecord::outcomeName(RunOutcome::Running), runJob);
    case InterruptRuns:
        // The 'running' literal (not a bound value) lets the planner use the partial index.
        return QStringLiteral("UPDATE %1 SET %2 = %3, %4 = COALESCE(%4, %5), %7 = CASE WHEN %7 IS NULL OR %7 = '' "
                              "THEN %8 ELSE %7 END WHERE %2 = '%6'")
            .arg(runs, runCol(runcol::Outcome), runParam(runcol::Outcome), runCol(runcol::EndTime),
                 runParam(runcol::EndTime), RunRecord::outcomeName(RunOutcome::Running), runCol(runcol::Error),
                 runParam(runcol::Error));
    case PruneRunsOfJob:
        return QStringLiteral("DELETE FROM %1 WHERE %2 = %3 AND %4 NOT IN "
                              "(SELECT %4 FROM %1 WHERE %2 = %5 ORDER BY %4 DESC LIMIT %6)")
            .arg(runs, runJob, runParam(runcol::JobId), runId, keptJobParam, keepParam);
    case PruneAllRuns:
        return QStringLiteral("DELETE FROM %1 WHERE %3 IN (SELECT %3 FROM (SELECT %3, ROW_NUMBER() OVER "
                              "(PARTITION BY %2 ORDER BY %3 DESC) AS position FROM %1) ranked WHERE position > %4)")
            .arg(runs, runJob, runId, keepParam);
    case DeleteAllRuns: return QStringLiteral("DELETE FROM %1").arg(runs);
    case SelectDueJobsLocked:
        return statementSql(SelectDueJobs) + m_dialect->lockRowsSkipLocked();
    case NotifyChange: return m_dialect->notifyChange();
    case UpsertInstance: return m_dialect->upsert(instancesTable, names(instanceColumns), instanceColumns[instcol::Id]);
    case DeleteInstance:
        return QStringLiteral("DELETE FROM %1 WHERE %2 = %3")
            .arg(instancesTable, instanceColumns[instcol::Id], instanceParam(instcol::Id));
    case SelectInstances:
        return QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
            .arg(names(instanceColumns).join(QStringLiteral(", ")), instancesTable, instanceColumns[instcol::Id]);
    case SelectAbandonedRuns:
        // Running runs of this instance (when :own is 1) or of an instance that is not alive: its heartbeat row is
        // older than its lease, or gone. Locked, passing over rows another reaper holds: each is taken over once.
        return QStringLiteral("SELECT %1, %2, %3, %4, %8 FROM %5 WHERE %6 = '%7' AND ((%8 = %9 AND %10 = 1) OR (%8 <> %9 "
                              "AND NOT EXISTS (SELECT 1 FROM %11 WHERE %12 = %8 AND %13 + %14 >= %15))) ORDER BY %1")
                   .arg(runId, runJob, runCol(runcol::ScheduledTime), runCol(runcol::Attempt), runs,
                        runCol(runcol::Outcome), RunRecord::outcomeName(RunOutcome::Running),
                        runCol(runcol::Instance), meParam)
                   .arg(ownParam, instancesTable, instanceColumns[instcol::Id],
                        instanceColumns[instcol::Heartbeat], instanceColumns[instcol::LeaseMs], nowParam)
               + m_dialect->lockRowsSkipLocked();
    case InterruptRun:
        return QStringLiteral("UPDATE %1 SET %2 = '%3', %4 = COALESCE(%4, %5), %6 = %7 WHERE %8 = %9 AND %2 = '%10'")
            .arg(runs, runCol(runcol::Outcome), RunRecord::outcomeName(RunOutcome::Interrupted),
                 runCol(runcol::EndTime), runParam(runcol::EndTime), runCol(runcol::Error), runParam(runcol::Error),
                 runId, runParam(runcol::Id))
            .arg(RunRecord::outcomeName(RunOutcome::Running));
    case CountRunningElsewhere:
        return QStringLiteral("SELECT %1, COUNT(*) FROM %2 WHERE %3 = '%4' AND %5 <> %6 GROUP BY %1")
            .arg(runJob, runs, runCol(runcol::Outcome), RunRecord::outcomeName(RunOutcome::Running),
                 runCol(runcol::Instance), instanceLiteral());
    case DeleteDeadInstances:
        // Dead for a day: still listed (as expired) until then.
        // The constant on the column side: PostgreSQL would type ":now - 86400000" as a 32-bit integer.
        return QStringLiteral("DELETE FROM %1 WHERE %2 + %3 + 86400000 < %4")
            .arg(instancesTable, instanceColumns[instcol::Heartbeat], instanceColumns[instcol::LeaseMs], nowParam);
    case StatementCount: break;
    }
    return {};
}

Result<QSqlQuery *> SqlJobStore::prepared(Statement which)
{
    auto &slot = m_statements[which];
    if (!slot) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(statementSql(which)))
            return failure(query->lastError());
        slot = std::move(query);
    }
    return slot.get();
}

Result<void> SqlJobStore::exec(QSqlQuery &query)
{
    if (!query.exec())
        return failure(query.lastError());
    return {};
}

Result<void> SqlJobStore::execDirect(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return failure(query.lastError());
    return {};
}

Result<void> SqlJobStore::transactionControl(Statement which)
{
    if (!m_dialect->preparesTransactionControl())
        return execDirect(statementSql(which));
    auto query = prepared(which);
    if (!query)
        return query.error();
    return exec(*query.value());
}

QString SqlJobStore::instanceLiteral() const
{
    QString quoted = m_instanceId;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

Error SqlJobStore::failure(const QSqlError &error) const
{
    const QString file = shown(m_path);
    switch (m_dialect->classify(error)) {
    case SqlErrorKind::Locked:
        return {ErrorCode::StoreFailure, SqlStoreText::tr("%1 is locked by another process (waited %2 s)")
                                             .arg(file)
                                             .arg(busyTimeoutMs / 1000)};
    case SqlErrorKind::ReadOnly:
        return {ErrorCode::StoreFailure, SqlStoreText::tr("%1 is read-only").arg(file)};
    case SqlErrorKind::NotADatabase:
        return {ErrorCode::StoreFailure, SqlStoreText::tr("%1 is not a Punctual job store (not an %2 database)")
                                             .arg(file, m_dialect->engineName())};
    case SqlErrorKind::Corrupt:
        return {ErrorCode::StoreFailure, SqlStoreText::tr("%1 is damaged: %2").arg(file, error.databaseText())};
    case SqlErrorKind::Constraint:
    case SqlErrorKind::Other:
        break;
    }
    const QString text = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    qCWarning(lcStore) << "store error on" << m_path << ":" << error.text();
    return {ErrorCode::StoreFailure, SqlStoreText::tr("job store %1: %2").arg(file, text)};
}

QString SqlJobStore::describe() const
{
    return QStringLiteral("%1 %2").arg(m_dialect->engineName(), shown(m_path));
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs

Result<void> SqlJobStore::writeJob(Statement which, const Job &job, const JobTexts *texts)
{
    if (auto valid = validateJob(job); !valid)
        return valid;
    auto statement = prepared(which);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();

    const JobTexts made = texts ? JobTexts{} : m_texts->of(job);
    if (!texts)
        texts = &made;
    query.bindValue(jobParam(jobcol::Id), job.id);
    query.bindValue(jobParam(jobcol::Name), textValue(job.name));
    query.bindValue(jobParam(jobcol::Trigger), texts->trigger);
    query.bindValue(jobParam(jobcol::Action), texts->action);
    query.bindValue(jobParam(jobcol::Options), texts->options);
    query.bindValue(jobParam(jobcol::Paused), job.paused ? 1 : 0);
    query.bindValue(jobParam(jobcol::NextRunTime), optionalValue(job.nextRunTime));
    query.bindValue(jobParam(jobcol::CreatedAt), static_cast<qlonglong>(job.createdAt));
    // Bookkeeping for people reading the database; the scheduler never reads it back.
    query.bindValue(jobParam(jobcol::UpdatedAt), static_cast<qlonglong>(SystemClock::instance().nowMs()));

    if (!query.exec()) {
        const QSqlError error = query.lastError();
        if (which == InsertJob && m_dialect->classify(error) == SqlErrorKind::Constraint)
            return StoreError::jobExists(job.id);
        return failure(error);
    }
    if (which == UpdateJob && query.numRowsAffected() == 0)
        return StoreError::jobNotFound(job.id);
    m_unreadableIds.remove(job.id);
    return {};
}

Result<void> SqlJobStore::deleteJob(const QString &id)
{
    auto query = prepared(DeleteJob);
    if (!query)
        return query.error();
    query.value()->bindValue(jobParam(jobcol::Id), id);
    if (auto ok = exec(*query.value()); !ok)
        return ok;
    if (query.value()->numRowsAffected() == 0)
        return StoreError::jobNotFound(id);
    m_unreadableIds.remove(id);
    return {};
}

Result<void> SqlJobStore::addJob(const Job &job, ConflictPolicy onConflict)
{
    // One statement is one transaction already.
    auto written = writeJob(onConflict == ConflictPolicy::Replace ? UpsertJob : InsertJob, job);
    if (written) {
        wrote();
        jobsChanged();
    }
    return written;
}

Result<void> SqlJobStore::addJobs(const QList<Job> &jobs, ConflictPolicy onConflict)
{
    WriteTransaction transaction(*this);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    const Statement which = onConflict == ConflictPolicy::Replace ? UpsertJob : InsertJob;
    if (jobs.size() < TextPipeline::minimumJobs) {
        for (const Job &job : jobs) {
            if (auto ok = writeJob(which, job); !ok)
                return ok;
        }
    } else {
        // An import: the JSON of each job's parts (half the work) is made on a helper thread ahead of the inserts.
        TextPipeline texts(jobs);
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            if (auto ok = writeJob(which, jobs[i], &texts.at(i)); !ok)
                return ok;
        }
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    wrote();
    jobsChanged();
    return {};
}

Result<void> SqlJobStore::updateJob(const Job &job)
{
    auto written = writeJob(UpdateJob, job);
    if (written) {
        wrote();
        jobsChanged();
    }
    return written;
}

Result<void> SqlJobStore::removeJob(const QString &id)
{
    // Its runs go with it (ON DELETE CASCADE), in the same statement.
    auto removed = deleteJob(id);
    if (removed) {
        wrote();
        jobsChanged();
    }
    return removed;
}

Result<int> SqlJobStore::removeAllJobs()
{
    WriteTransaction transaction(*this);
    if (auto ok = transaction.begin(); !ok)
        return ok.error();
    auto runs = prepared(DeleteAllRuns);
    if (!runs)
        return runs.error();
    if (auto ok = exec(*runs.value()); !ok)
        return ok.error();
    auto jobs = prepared(DeleteAllJobs);
    if (!jobs)
        return jobs.error();
    if (auto ok = exec(*jobs.value()); !ok)
        return ok.error();
    const int count = jobs.value()->numRowsAffected();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    wrote();
    jobsChanged();
    m_unreadableIds.clear();
    return count;
}

Result<std::optional<Job>> SqlJobStore::job(const QString &id)
{
    auto statement = prepared(SelectJob);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    query.bindValue(jobParam(jobcol::Id), id);
    if (auto ok = exec(query); !ok)
        return ok.error();
    if (!query.next()) {
        query.finish();
        return std::optional<Job>{};
    }
    auto job = JobReader().read(query);
    query.finish();
    if (!job) {
        return Error{ErrorCode::StoreFailure, SqlStoreText::tr("job \"%1\" in %2 cannot be read: %3")
                                                  .arg(id, shown(m_path), job.error().message)};
    }
    return std::optional<Job>{std::move(job).value()};
}

Result<QList<Job>> SqlJobStore::readJobs(QSqlQuery &query, int limit, JobReader *reader)
{
    QList<Job> out;
    JobReader fresh;
    if (!reader)
        reader = &fresh;
    while ((limit < 0 || out.size() < limit) && query.next()) {
        auto job = reader->read(query);
        if (job) {
            out.append(std::move(job).value());
            continue;
        }
        // Kept, not deleted: a newer Punctual wrote it and will read it again.
        const QString id = query.value(jobcol::Id).toString();
        if (!m_unreadableIds.contains(id)) {
            m_unreadableIds.insert(id);
            qCWarning(lcStore).noquote() << "skipping job" << id << "in" << m_path
                                         << "that this version cannot read:" << job.error().message;
        }
    }
    // Ends the statement's read snapshot (a WAL reader left open would pin old pages).
    query.finish();
    return out;
}

Result<QList<Job>> SqlJobStore::jobs()
{
    auto query = prepared(SelectJobs);
    if (!query)
        return query.error();
    if (auto ok = exec(*query.value()); !ok)
        return ok.error();
    return readJobs(*query.value(), -1);
}

Result<int> SqlJobStore::jobCount()
{
    auto statement = prepared(CountJobs);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    if (auto ok = exec(query); !ok)
        return ok.error();
    const int count = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

Result<QList<Job>> SqlJobStore::dueJobs(std::int64_t nowMs, int limit)
{
    return selectDueJobs(SelectDueJobs, nowMs, limit);
}

Result<QList<Job>> SqlJobStore::selectDueJobs(Statement which, std::int64_t nowMs, int limit)
{
    if (limit == 0)
        return QList<Job>{};
    auto statement = prepared(which);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    query.bindValue(nowParam, static_cast<qlonglong>(nowMs));
    // Unreadable rows come back too and are skipped: ask for that many more.
    query.bindValue(limitParam, limit < 0 ? noLimit : static_cast<qlonglong>(limit) + m_unreadableIds.size());
    if (auto ok = exec(query); !ok)
        return ok.error();
    if (!m_dueReader || m_dueReader->full())
        m_dueReader = std::make_unique<JobReader>();
    return readJobs(query, limit, m_dueReader.get());
}

Result<std::optional<std::int64_t>> SqlJobStore::earliestNextRunTime()
{
    auto statement = prepared(SelectEarliest);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    // A row dueJobs() cannot read must not hold the timer in the past for ever: skip the known ones.
    query.bindValue(limitParam, static_cast<qlonglong>(m_unreadableIds.size()) + 1);
    if (auto ok = exec(query); !ok)
        return ok.error();
    std::optional<std::int64_t> earliest;
    while (!earliest && query.next()) {
        if (!m_unreadableIds.contains(query.value(0).toString()))
            earliest = query.value(1).toLongLong();
    }
    query.finish();
    return earliest;
}

// ---------------------------------------------------------------------------------------------------------------
// Runs

Result<void> SqlJobStore::writeRun(RunRecord &run)
{
    const bool fresh = run.outcome == RunOutcome::Running && !run.startTime && !run.endTime && !run.exitCode
                       && run.output.isEmpty() && run.error.isEmpty() && !run.lateMs;
    auto statement = prepared(fresh ? InsertRunningRun : InsertRun);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    if (fresh) {
        query.bindValue(runParam(runcol::JobId), run.jobId);
        query.bindValue(runParam(runcol::ScheduledTime), static_cast<qlonglong>(run.scheduledTime));
        query.bindValue(runParam(runcol::Attempt), run.attempt);
    } else {
        bindRun(query, run);
    }
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        // The only constraint an insert can break is runs.job_id -> jobs.id.
        if (m_dialect->classify(error) == SqlErrorKind::Constraint)
            return StoreError::jobNotFound(run.jobId);
        return failure(error);
    }
    const auto id = m_dialect->insertedId(query);
    query.finish();
    if (!id) {
        return Error{ErrorCode::StoreFailure,
                     SqlStoreText::tr("job store %1: no id for the new run").arg(shown(m_path))};
    }
    run.id = *id;
    run.instance = m_instanceId;
    return {};
}

Result<void> SqlJobStore::commitDue(DueBatch &batch)
{
    // On a shared store the pass's transaction was opened (and its jobs locked) by claimDueJobs().
    std::unique_ptr<WriteTransaction> claim = std::move(m_claim);
    std::unique_ptr<WriteTransaction> own;
    if (!claim || !claim->isOpen()) {
        own = std::make_unique<WriteTransaction>(*this);
        if (auto ok = own->begin(); !ok)
            return ok;
    }
    WriteTransaction &transaction = own ? *own : *claim;
    if (auto ok = writeStates(batch.updatedJobs); !ok)
        return ok;
    // Ids go into the batch only once the transaction is committed.
    QList<std::int64_t> ids;
    if (auto ok = writeRuns(batch.runs, ids); !ok)
        return ok;
    for (const QString &id : std::as_const(batch.removedJobIds)) {
        if (auto ok = deleteJob(id); !ok)
            return ok;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    wrote();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        batch.runs[i].id = ids[i];
        batch.runs[i].instance = m_instanceId;
    }
    return {};
}

Result<void> SqlJobStore::writeStates(const QList<Job> &jobs)
{
    if (jobs.isEmpty())
        return {};
    QSet<QString> seen;
    seen.reserve(jobs.size());
    bool distinct = true;
    for (const Job &job : jobs) {
        if (auto valid = validateJob(job); !valid)
            return valid;
        if (distinct) {
            const auto size = seen.size();
            seen.insert(job.id);
            distinct = seen.size() != size;
        }
    }
    const auto now = static_cast<qlonglong>(SystemClock::instance().nowMs());
    const auto bindState = [&](QSqlQuery &query, const Job &job) {
        query.bindValue(jobParam(jobcol::Paused), job.paused ? 1 : 0);
        query.bindValue(jobParam(jobcol::NextRunTime), optionalValue(job.nextRunTime));
        query.bindValue(jobParam(jobcol::UpdatedAt), now);
    };
    const auto writeOne = [&](const Job &job) -> Result<void> {
        auto statement = prepared(UpdateJobState);
        if (!statement)
            return statement.error();
        QSqlQuery &query = *statement.value();
        query.bindValue(jobParam(jobcol::Id), job.id);
        bindState(query, job);
        if (auto ok = exec(query); !ok)
            return ok;
        if (query.numRowsAffected() == 0)
            return StoreError::jobNotFound(job.id);
        return {};
    };

    // Group jobs by the state they move to (a burst of one-off jobs: all finished) when no job comes twice (then
    // the order of the writes would matter); otherwise, or for a job alone in its state, one statement each.
    QList<qsizetype> order(jobs.size());
    std::iota(order.begin(), order.end(), 0);
    const auto stateOf = [&jobs](qsizetype i) {
        const Job &job = jobs[i];
        return std::tuple(job.paused, job.nextRunTime.has_value(), job.nextRunTime.value_or(0));
    };
    if (distinct)
        std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return stateOf(a) < stateOf(b); });
    qsizetype begin = 0;
    while (begin < order.size()) {
        qsizetype end = begin + 1;
        while (distinct && end < order.size() && end - begin < statesPerStatement
               && stateOf(order[end]) == stateOf(order[begin]))
            ++end;
        if (end - begin == 1) {
            if (auto ok = writeOne(jobs[order[begin]]); !ok)
                return ok;
            begin = end;
            continue;
        }
        auto statement = prepared(UpdateJobStates);
        if (!statement)
            return statement.error();
        QSqlQuery &query = *statement.value();
        bindState(query, jobs[order[begin]]);
        for (int i = 0; i < statesPerStatement; ++i) {
            // A short group repeats its last id: IN () does not mind.
            query.bindValue(numbered(jobParam(jobcol::Id), i), jobs[order[std::min(begin + i, end - 1)]].id);
        }
        if (auto ok = exec(query); !ok)
            return ok;
        if (query.numRowsAffected() != end - begin) {
            // Some job is not stored: find it (the transaction is rolled back anyway).
            for (qsizetype i = begin; i < end; ++i) {
                if (auto ok = writeOne(jobs[order[i]]); !ok)
                    return ok;
            }
        }
        begin = end;
    }
    return {};
}

Result<void> SqlJobStore::writeRuns(const QList<RunRecord> &runs, QList<std::int64_t> &ids)
{
    ids.reserve(runs.size());
    const auto fresh = [](const RunRecord &run) {
        return run.outcome == RunOutcome::Running && !run.startTime && !run.endTime && !run.exitCode
               && run.output.isEmpty() && run.error.isEmpty() && !run.lateMs;
    };
    qsizetype i = 0;
    while (i < runs.size()) {
        // runsPerStatement new runs in a row: one statement, consecutive ids.
        qsizetype end = i;
        while (end < runs.size() && end - i < runsPerStatement && fresh(runs[end]))
            ++end;
        if (end - i == runsPerStatement && m_dialect->consecutiveInsertIds()) {
            auto statement = prepared(InsertRunningRuns);
            if (!statement)
                return statement.error();
            QSqlQuery &query = *statement.value();
            for (int k = 0; k < runsPerStatement; ++k) {
                const RunRecord &run = runs[i + k];
                query.bindValue(numbered(runParam(runcol::JobId), k), run.jobId);
                query.bindValue(numbered(runParam(runcol::ScheduledTime), k), static_cast<qlonglong>(run.scheduledTime));
                query.bindValue(numbered(runParam(runcol::Attempt), k), run.attempt);
            }
            if (!query.exec()) {
                const QSqlError error = query.lastError();
                if (m_dialect->classify(error) != SqlErrorKind::Constraint)
                    return failure(error);
                // A run of a job that is not stored: find which (the transaction is rolled back anyway).
                for (qsizetype k = i; k < i + runsPerStatement; ++k) {
                    RunRecord written = runs[k];
                    if (auto ok = writeRun(written); !ok)
                        return ok;
                }
                return StoreError::jobNotFound(runs[i].jobId);
            }
            const auto last = m_dialect->insertedId(query);
            query.finish();
            if (!last) {
                return Error{ErrorCode::StoreFailure,
                             SqlStoreText::tr("job store %1: no id for the new run").arg(shown(m_path))};
            }
            for (int k = 0; k < runsPerStatement; ++k)
                ids.append(*last - (runsPerStatement - 1) + k);
            i += runsPerStatement;
            continue;
        }
        RunRecord written = runs[i];
        if (auto ok = writeRun(written); !ok)
            return ok;
        ids.append(written.id);
        ++i;
    }
    return {};
}

Result<void> SqlJobStore::insertRun(RunRecord &run)
{
    RunRecord written = run;
    if (auto ok = writeRun(written); !ok)
        return ok;
    wrote();
    run.id = written.id;
    run.instance = written.instance;
    return {};
}

Result<void> SqlJobStore::updateRun(const RunRecord &run)
{
    auto statement = prepared(UpdateRun);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    bindRun(query, run);
    if (auto ok = exec(query); !ok)
        return ok;
    if (query.numRowsAffected() == 0)
        return StoreError::runNotFound(run.id, run.jobId);
    wrote();
    return {};
}

Result<int> SqlJobStore::updateRuns(const QList<RunRecord> &runs)
{
    if (runs.isEmpty())
        return 0;
    if (runs.size() == 1) {
        // One statement is one transaction already.
        if (auto updated = updateRun(runs.first()); !updated)
            return updated.error().code == ErrorCode::NotFound ? Result<int>(0) : Result<int>(updated.error());
        return 1;
    }
    WriteTransaction transaction(*this);
    if (auto ok = transaction.begin(); !ok)
        return ok.error();
    auto statement = prepared(UpdateRun);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    int written = 0;
    for (const RunRecord &run : runs) {
        bindRun(query, run);
        if (auto ok = exec(query); !ok)
            return ok.error();
        written += query.numRowsAffected() > 0 ? 1 : 0;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    wrote();
    return written;
}

Result<QList<RunRecord>> SqlJobStore::runs(const QString &jobId, int limit)
{
    if (limit == 0)
        return QList<RunRecord>{};
    auto statement = prepared(jobId.isEmpty() ? SelectAllRuns : SelectRunsOfJob);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    if (!jobId.isEmpty())
        query.bindValue(runParam(runcol::JobId), jobId);
    query.bindValue(limitParam, limit < 0 ? noLimit : static_cast<qlonglong>(limit));
    if (auto ok = exec(query); !ok)
        return ok.error();
    QList<RunRecord> out;
    while (query.next()) {
        if (auto run = readRun(query))
            out.append(std::move(*run));
    }
    query.finish();
    return out;
}

Result<QHash<QString, RunRecord>> SqlJobStore::latestRuns()
{
    auto statement = prepared(SelectLatestRuns);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    if (auto ok = exec(query); !ok)
        return ok.error();
    QHash<QString, RunRecord> out;
    while (query.next()) {
        if (auto run = readRun(query))
            out.insert(run->jobId, std::move(*run));
    }
    query.finish();
    return out;
}

Result<int> SqlJobStore::interruptRunningRuns(std::int64_t nowMs)
{
    auto statement = prepared(InterruptRuns);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    query.bindValue(runParam(runcol::Outcome), RunRecord::outcomeName(RunOutcome::Interrupted));
    query.bindValue(runParam(runcol::EndTime), static_cast<qlonglong>(nowMs));
    query.bindValue(runParam(runcol::Error), StoreError::interruptedMessage());
    if (auto ok = exec(query); !ok)
        return ok.error();
    const int count = query.numRowsAffected();
    if (count > 0)
        wrote();
    return count;
}

Result<int> SqlJobStore::pruneRuns(const QString &jobId, int keepPerJob)
{
    auto statement = prepared(jobId.isEmpty() ? PruneAllRuns : PruneRunsOfJob);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    const qlonglong keep = std::max(keepPerJob, 0);
    query.bindValue(keepParam, keep);
    if (!jobId.isEmpty()) {
        query.bindValue(runParam(runcol::JobId), jobId);
        query.bindValue(keptJobParam, jobId);
    }
    if (auto ok = exec(query); !ok)
        return ok.error();
    const int count = query.numRowsAffected();
    if (count > 0)
        wrote();
    return count;
}

void SqlJobStore::wrote()
{
    if (!m_checkpointer) {
        if (m_dialect->checkpointStatement().isEmpty())
            return;
        // Not "punctual-store-N": that prefix names the connections stores (and StoreWatcher) use on their thread.
        const QString name = QStringLiteral("punctual-checkpoint-%1").arg(++sqlConnectionCounter);
        m_checkpointer = std::make_unique<SqlCheckpointer>(m_dialect, m_path, name, busyTimeoutMs);
        if (auto ok = runSetup(m_dialect->writerSetup()); !ok)
            qCWarning(lcStore) << "cannot hand checkpoints of" << m_path << "over:" << ok.error().message;
    }
    m_checkpointer->noteWrite();
}

} // namespace punctual
