// The SQL job store: opening checks, schema migrations, prepared statements and rows to and from jobs and runs.
#include "sqljobstore.h"

#include "store/sqlcheckpointer.h"
#include "store/sqldialect.h"
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

namespace {

Q_LOGGING_CATEGORY(lcStore, "punctual.store")

class SqlStoreText
{
    Q_DECLARE_TR_FUNCTIONS(SqlJobStore)
};

// Table, column and index names, written once: the schema and every statement are built from these.
constexpr QLatin1String metaTable("punctual_meta");
constexpr QLatin1String metaKey("key");
constexpr QLatin1String metaValue("value");
constexpr QLatin1String metaSchemaVersion("schema_version");
constexpr QLatin1String metaApplication("application");
constexpr QLatin1String applicationTag("punctual");

constexpr QLatin1String jobsTable("jobs");
// Column indexes of the jobs table, in SELECT order.
namespace jobcol {
enum : int {
    Id,
    Name,
    Trigger,
    Action,
    Options,
    Paused,
    NextRunTime,
    CreatedAt,
    UpdatedAt,
    Count,
};
}
constexpr QLatin1String jobColumns[] = {
    QLatin1String("id"),
    QLatin1String("name"),
    QLatin1String("trigger"),       // Trigger::toJson()
    QLatin1String("action"),        // actionToJson()
    QLatin1String("options"),       // JobOptions::writeJson()
    QLatin1String("paused"),        // 0 or 1
    QLatin1String("next_run_time"), // UTC ms, NULL when paused or finished
    QLatin1String("created_at"),    // UTC ms
    QLatin1String("updated_at"),    // UTC ms of the last write
};
static_assert(std::size(jobColumns) == jobcol::Count);

constexpr QLatin1String runsTable("runs");
// Column indexes of the runs table, in SELECT order.
namespace runcol {
enum : int {
    Id,
    JobId,
    ScheduledTime,
    StartTime,
    EndTime,
    Outcome,
    ExitCode,
    Output,
    Error,
    LateMs,
    Attempt,
    Count,
};
}
constexpr QLatin1String runColumns[] = {
    QLatin1String("id"),
    QLatin1String("job_id"),
    QLatin1String("scheduled_time"), // UTC ms, like every instant
    QLatin1String("start_time"),
    QLatin1String("end_time"),
    QLatin1String("outcome"),        // RunRecord::outcomeName()
    QLatin1String("exit_code"),
    QLatin1String("output"),
    QLatin1String("error"),
    QLatin1String("late_ms"),
    QLatin1String("attempt"),
};
static_assert(std::size(runColumns) == runcol::Count);

constexpr QLatin1String jobsByNextRunIndex("jobs_next_run_time");
constexpr QLatin1String runsByJobIndex("runs_job");
constexpr QLatin1String runningRunsIndex("runs_running");

/// Bound as the LIMIT when the caller asked for no limit (portable: no engine-specific "no limit" value).
constexpr qint64 noLimit = std::numeric_limits<qint64>::max();
/// Parsed trigger/action/options texts kept per read, so jobs with equal JSON share one parse.
constexpr qsizetype readCacheSize = 4096;
/// commitDue() of a burst: jobs moving to the same state are updated this many per statement, and new runs
/// inserted this many per statement (a statement's own cost is then paid once for all of them).
constexpr int statesPerStatement = 64;
constexpr int runsPerStatement = 32;

QString numbered(const QString &placeholder, int i)
{
    return placeholder + QLatin1Char('_') + QString::number(i);
}

QString jobCol(int column)
{
    return QString(jobColumns[column]);
}

QString runCol(int column)
{
    return QString(runColumns[column]);
}

template <std::size_t N>
QStringList names(const QLatin1String (&columns)[N], int from = 0)
{
    QStringList out;
    for (std::size_t i = static_cast<std::size_t>(from); i < N; ++i)
        out << QString(columns[i]);
    return out;
}

/// "a = :a, b = :b" for an UPDATE's SET list.
QString assignments(const QStringList &columns)
{
    QStringList out;
    for (const QString &column : columns)
        out << column + QStringLiteral(" = ") + SqlDialect::placeholder(column);
    return out.join(QStringLiteral(", "));
}

/// The placeholder of every column, built once: statements are bound by name (Qt's positional bindValue() formats
/// a name for every value, a cost a 100,000-job import notices).
template <std::size_t N>
std::array<QString, N> placeholdersOf(const QLatin1String (&columns)[N])
{
    std::array<QString, N> out;
    for (std::size_t i = 0; i < N; ++i)
        out[i] = SqlDialect::placeholder(columns[i]);
    return out;
}

const QString &jobParam(int column)
{
    static const auto params = placeholdersOf(jobColumns);
    return params[static_cast<std::size_t>(column)];
}

const QString &runParam(int column)
{
    static const auto params = placeholdersOf(runColumns);
    return params[static_cast<std::size_t>(column)];
}

// Placeholders of values that are not columns.
const QString nowParam = QStringLiteral(":now");
const QString limitParam = QStringLiteral(":row_limit");
const QString keepParam = QStringLiteral(":keep");
const QString keptJobParam = QStringLiteral(":kept_job_id");

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

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

QVariant optionalValue(const std::optional<std::int64_t> &value)
{
    return value ? QVariant(static_cast<qlonglong>(*value)) : QVariant(QMetaType::fromType<qlonglong>());
}

/// Text for a NOT NULL column: a null QString would bind as NULL.
QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

std::optional<std::int64_t> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

// access() tells root that everything is writable. A file or folder nobody may write (no write bit at all) was
// made read-only on purpose, so it is refused for root too rather than written behind the user's back.
bool isReadOnly(const QFileInfo &info)
{
    constexpr auto anyWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    return !info.isWritable() || !(info.permissions() & anyWrite);
}

/// The schema step that brings a database to @p version; applied in order, all in one transaction.
struct Migration
{
    int version;
    QStringList (*statements)(const SqlDialect &dialect);
};

QStringList schemaVersion1(const SqlDialect &d)
{
    const QString text = d.textType();
    const QString int64 = d.int64Type();
    return {
        QStringLiteral("CREATE TABLE %1 (%2 %3 PRIMARY KEY, %4 %3 NOT NULL)").arg(metaTable, metaKey, text, metaValue),
        QStringLiteral("CREATE TABLE %1 (%2 %3 PRIMARY KEY, %4 %3 NOT NULL, %5 %3 NOT NULL, %6 %3 NOT NULL, "
                       "%7 %3 NOT NULL, %8 %9 NOT NULL DEFAULT 0, %10 %9 NULL, %11 %9 NOT NULL, %12 %9 NOT NULL)")
            .arg(jobsTable, jobCol(jobcol::Id), text, jobCol(jobcol::Name), jobCol(jobcol::Trigger),
                 jobCol(jobcol::Action), jobCol(jobcol::Options), jobCol(jobcol::Paused), int64)
            .arg(jobCol(jobcol::NextRunTime), jobCol(jobcol::CreatedAt), jobCol(jobcol::UpdatedAt)),
        QStringLiteral("CREATE TABLE %1 (%2 %3, %4 %5 NOT NULL REFERENCES %6 (%7) ON DELETE CASCADE, "
                       "%8 %9 NOT NULL, %10 %9 NULL, %11 %9 NULL, %12 %5 NOT NULL, %13 %9 NULL, %14 %5 NOT NULL, "
                       "%15 %5 NOT NULL, %16 %9 NULL, %17 %9 NOT NULL DEFAULT 1)")
            .arg(runsTable, runCol(runcol::Id), d.autoIncrementPrimaryKey(), runCol(runcol::JobId), text, jobsTable,
                 jobCol(jobcol::Id), runCol(runcol::ScheduledTime), int64)
            .arg(runCol(runcol::StartTime), runCol(runcol::EndTime), runCol(runcol::Outcome),
                 runCol(runcol::ExitCode), runCol(runcol::Output), runCol(runcol::Error), runCol(runcol::LateMs),
                 runCol(runcol::Attempt)),
        // (next_run_time, id) gives dueJobs() its order straight from the index.
        d.createIndex(jobsByNextRunIndex, jobsTable, {jobCol(jobcol::NextRunTime), jobCol(jobcol::Id)}),
        d.createIndex(runsByJobIndex, runsTable, {runCol(runcol::JobId), runCol(runcol::Id)}),
        d.createIndex(runningRunsIndex, runsTable, {runCol(runcol::Id)},
                      QStringLiteral("%1 = '%2'").arg(runCol(runcol::Outcome),
                                                      RunRecord::outcomeName(RunOutcome::Running))),
    };
}

constexpr Migration migrations[] = {
    {1, &schemaVersion1},
};
static_assert(migrations[std::size(migrations) - 1].version == SqlJobStore::schemaVersion,
              "the last migration must produce schemaVersion");

std::atomic<int> connectionCounter{0};

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
// Transactions

/// A write transaction that rolls back unless committed: every multi-statement change goes through one.
class SqlJobStore::WriteTransaction
{
public:
    explicit WriteTransaction(SqlJobStore &store) : m_store(store) {}
    ~WriteTransaction()
    {
        if (m_open)
            rollback();
    }
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    Result<void> begin()
    {
        auto query = m_store.prepared(Begin);
        if (!query)
            return query.error();
        if (auto ok = m_store.exec(*query.value()); !ok)
            return ok;
        m_open = true;
        return {};
    }

    Result<void> commit()
    {
        auto query = m_store.prepared(Commit);
        if (!query)
            return query.error();
        if (auto ok = m_store.exec(*query.value()); !ok)
            return ok; // still open: the destructor rolls back
        m_open = false;
        return {};
    }

private:
    void rollback()
    {
        m_open = false;
        auto query = m_store.prepared(Rollback);
        if (!query || !query.value()->exec())
            qCWarning(lcStore) << "rollback failed on" << m_store.m_path;
    }

    SqlJobStore &m_store;
    bool m_open = false;
};

// ---------------------------------------------------------------------------------------------------------------
// Opening

QString SqlJobStore::defaultSqlitePath()
{
    // Not AppDataLocation: that appends the *running program's* organisation and application names, so the GUI
    // ("punctual") and punctualctl would pick different files, and a program that sets no names would pick its
    // executable's. One fixed folder under the generic data location is the same for every program.
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/punctual/jobs.db");
}

SqlJobStore::SqlJobStore(std::shared_ptr<const SqlDialect> dialect, QString path)
    : m_dialect(std::move(dialect))
    , m_path(std::move(path))
    , m_connectionName(QStringLiteral("punctual-store-%1").arg(++connectionCounter))
    , m_texts(std::make_unique<TextCache>())
{
}

SqlJobStore::~SqlJobStore()
{
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

Result<std::unique_ptr<SqlJobStore>> SqlJobStore::openSqlite(const QString &path, OpenMode mode)
{
    if (path.isEmpty())
        return invalidInput(SqlStoreText::tr("no job store file given"));
    const QFileInfo info(path);
    const QString file = info.absoluteFilePath();
    const QString folder = info.absolutePath();

    const QFileInfo folderInfo(folder);
    if (!folderInfo.exists()) {
        if (mode == OpenMode::ExplicitPath) {
            return Error{ErrorCode::StoreFailure, SqlStoreText::tr("the folder %1 does not exist (for the job store %2)")
                                                      .arg(shown(folder), shown(file))};
        }
        if (!QDir().mkpath(folder)) {
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("cannot create the folder %1 for the job store").arg(shown(folder))};
        }
        // The store holds command lines and their output: keep its folder private.
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    } else if (!folderInfo.isDir()) {
        return Error{ErrorCode::StoreFailure,
                     SqlStoreText::tr("%1 is not a folder (for the job store %2)").arg(shown(folder), shown(file))};
    }

    bool created = false;
    if (info.exists()) {
        if (info.isDir())
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("%1 is a folder, not a Punctual job store").arg(shown(file))};
        QFile existing(file);
        if (!existing.open(QIODevice::ReadOnly)) {
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("cannot read %1: %2").arg(shown(file), existing.errorString())};
        }
        // SQLite notices a foreign file only at its first query: look at the header before handing the file over
        // at all. An empty file is an empty database.
        if (existing.size() > 0 && existing.read(16) != QByteArray("SQLite format 3\0", 16)) {
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("%1 is not a Punctual job store (not an SQLite database)").arg(shown(file))};
        }
        existing.close();
        if (isReadOnly(info))
            return Error{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is read-only").arg(shown(file))};
        // WAL keeps two files next to the database, so its folder must be writable too.
        if (isReadOnly(QFileInfo(folder))) {
            return Error{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is read-only (its folder %2 cannot be written)")
                                                      .arg(shown(file), shown(folder))};
        }
    } else {
        if (isReadOnly(QFileInfo(folder))) {
            return Error{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is read-only (its folder %2 cannot be written)")
                                                      .arg(shown(file), shown(folder))};
        }
        // Created by us with 0600 before SQLite sees it (SQLite would use 0644): jobs hold command lines.
        QFile fresh(file);
        if (!fresh.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("cannot create %1: %2").arg(shown(file), fresh.errorString())};
        }
        fresh.close();
        created = true;
    }

    std::unique_ptr<SqlJobStore> store(new SqlJobStore(SqlDialect::sqlite(), file));
    if (auto connected = store->connect(created); !connected) {
        store.reset();
        if (created) {
            // Leave no trace of a store that never came to be.
            for (const char *suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(file + QLatin1String(suffix));
        }
        return connected.error();
    }
    return store;
}

Result<std::unique_ptr<SqlJobStore>> SqlJobStore::openAnother() const
{
    return openSqlite(m_path, OpenMode::ExplicitPath);
}

Result<void> SqlJobStore::connect(bool created)
{
    m_db = QSqlDatabase::addDatabase(m_dialect->driverName(), m_connectionName);
    if (!m_db.isValid()) {
        return Error{ErrorCode::StoreFailure, SqlStoreText::tr("the Qt %1 driver is not available (for %2)")
                                                  .arg(m_dialect->driverName(), shown(m_path))};
    }
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(m_dialect->connectOptions(busyTimeoutMs));
    if (!m_db.open())
        return failure(m_db.lastError());
    if (auto ok = runSetup(m_dialect->sessionSetup(busyTimeoutMs)); !ok)
        return ok;

    // Only reads until the database is known to be ours and not newer than this build.
    auto version = storedSchemaVersion();
    if (!version)
        return version.error();
    if (version.value() < schemaVersion) {
        if (auto migrated = migrate(version.value()); !migrated)
            return migrated;
    }
    if (auto ok = runSetup(m_dialect->storeSetup()); !ok)
        return ok;
    qCDebug(lcStore) << (created ? "created" : "opened") << describe() << "as connection" << m_connectionName;
    return {};
}

Result<void> SqlJobStore::runSetup(const QList<SqlSetupStatement> &statements)
{
    for (const SqlSetupStatement &statement : statements) {
        QSqlQuery query(m_db);
        if (!query.exec(statement.sql))
            return failure(query.lastError());
        if (!statement.expected.isEmpty()) {
            const QString answer = query.next() ? query.value(0).toString() : QString();
            if (answer.compare(statement.expected, Qt::CaseInsensitive) != 0) {
                qCWarning(lcStore) << statement.sql << "on" << m_path << "gave" << answer << "instead of"
                                   << statement.expected;
            }
        }
    }
    return {};
}

Result<int> SqlJobStore::storedSchemaVersion()
{
    const Error notOurs{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is not a Punctual job store").arg(shown(m_path))};
    QSqlQuery tables(m_db);
    tables.setForwardOnly(true);
    if (!tables.exec(m_dialect->listTables()))
        return failure(tables.lastError());
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    tables.finish();
    if (names.isEmpty())
        return 0; // a new, empty database
    if (!names.contains(metaTable))
        return notOurs;

    QSqlQuery meta(m_db);
    meta.setForwardOnly(true);
    if (!meta.exec(QStringLiteral("SELECT %1, %2 FROM %3").arg(metaKey, metaValue, metaTable)))
        return failure(meta.lastError());
    QHash<QString, QString> values;
    while (meta.next())
        values.insert(meta.value(0).toString(), meta.value(1).toString());
    meta.finish();
    bool numeric = false;
    const int version = values.value(metaSchemaVersion).toInt(&numeric);
    if (values.value(metaApplication) != applicationTag || !numeric || version < 1)
        return notOurs;
    if (version > schemaVersion) {
        return Error{ErrorCode::StoreFailure,
                     SqlStoreText::tr("%1 was written by a newer Punctual (schema %2, this one reads up to %3)")
                         .arg(shown(m_path))
                         .arg(version)
                         .arg(schemaVersion)};
    }
    return version;
}

Result<void> SqlJobStore::migrate(int fromVersion)
{
    WriteTransaction transaction(*this);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    // Read again under the write lock: another process may have created or upgraded the schema meanwhile.
    auto current = storedSchemaVersion();
    if (!current)
        return current.error();
    for (const Migration &migration : migrations) {
        if (migration.version <= current.value())
            continue;
        for (const QString &sql : migration.statements(*m_dialect)) {
            if (auto ok = execDirect(sql); !ok)
                return ok; // rolled back
        }
    }
    const QString setMeta = m_dialect->upsert(metaTable, {metaKey, metaValue}, metaKey);
    for (const auto &[key, value] : {std::pair<QString, QString>{metaApplication, applicationTag},
                                     std::pair<QString, QString>{metaSchemaVersion, QString::number(schemaVersion)}}) {
        QSqlQuery query(m_db);
        query.prepare(setMeta);
        query.bindValue(SqlDialect::placeholder(metaKey), key);
        query.bindValue(SqlDialect::placeholder(metaValue), value);
        if (auto ok = exec(query); !ok)
            return ok;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    qCDebug(lcStore) << "schema of" << m_path << "brought from version" << fromVersion << "to" << schemaVersion;
    return {};
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
    case InsertRun: return m_dialect->insertReturningId(runs, names(runColumns, 1), runId);
    case InsertRunningRuns: {
        QStringList rows;
        for (int i = 0; i < runsPerStatement; ++i) {
            rows << QStringLiteral("(%1, %2, '%3', '', '', %4)")
                        .arg(numbered(runParam(runcol::JobId), i), numbered(runParam(runcol::ScheduledTime), i),
                             RunRecord::outcomeName(RunOutcome::Running), numbered(runParam(runcol::Attempt), i));
        }
        return QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6, %7) VALUES %8")
            .arg(runs, runJob, runCol(runcol::ScheduledTime), runCol(runcol::Outcome), runCol(runcol::Output),
                 runCol(runcol::Error), runCol(runcol::Attempt), rows.join(QStringLiteral(", ")));
    }
    case InsertRunningRun: {
        // A run recorded before it starts has nothing but its job, time and attempt yet: three values to bind
        // instead of ten (a burst records thousands in one pass).
        const auto empty = QStringLiteral("''");
        return m_dialect->insertReturningId(
            runs,
            {runJob, runCol(runcol::ScheduledTime), runCol(runcol::Outcome), runCol(runcol::Output),
             runCol(runcol::Error), runCol(runcol::Attempt)},
            {runParam(runcol::JobId), runParam(runcol::ScheduledTime),
             QStringLiteral("'%1'").arg(RunRecord::outcomeName(RunOutcome::Running)), empty, empty,
             runParam(runcol::Attempt)},
            runId);
    }
    case UpdateRun:
        return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = %4 AND %5 = %6")
            .arg(runs, assignments(names(runColumns, 2)), runId, runParam(runcol::Id), runJob,
                 runParam(runcol::JobId));
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
    if (auto valid = StoreError::checkJob(job); !valid)
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

Result<void> SqlJobStore::addJob(const Job &job, bool replace)
{
    // One statement is one transaction already.
    auto written = writeJob(replace ? UpsertJob : InsertJob, job);
    if (written)
        wrote();
    return written;
}

Result<void> SqlJobStore::addJobs(const QList<Job> &jobs, bool replace)
{
    WriteTransaction transaction(*this);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    const Statement which = replace ? UpsertJob : InsertJob;
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
    return {};
}

Result<void> SqlJobStore::updateJob(const Job &job)
{
    auto written = writeJob(UpdateJob, job);
    if (written)
        wrote();
    return written;
}

Result<void> SqlJobStore::removeJob(const QString &id)
{
    // Its runs go with it (ON DELETE CASCADE), in the same statement.
    auto removed = deleteJob(id);
    if (removed)
        wrote();
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
    if (limit == 0)
        return QList<Job>{};
    auto statement = prepared(SelectDueJobs);
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
    return {};
}

Result<void> SqlJobStore::commitDue(DueBatch &batch)
{
    WriteTransaction transaction(*this);
    if (auto ok = transaction.begin(); !ok)
        return ok;
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
    for (qsizetype i = 0; i < ids.size(); ++i)
        batch.runs[i].id = ids[i];
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
        if (auto valid = StoreError::checkJob(job); !valid)
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
        const QString name = QStringLiteral("punctual-checkpoint-%1").arg(++connectionCounter);
        m_checkpointer = std::make_unique<SqlCheckpointer>(m_dialect, m_path, name, busyTimeoutMs);
        if (auto ok = runSetup(m_dialect->writerSetup()); !ok)
            qCWarning(lcStore) << "cannot hand checkpoints of" << m_path << "over:" << ok.error().message;
    }
    m_checkpointer->noteWrite();
}

} // namespace punctual
