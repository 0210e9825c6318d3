// The SQL store's schema: its version, column orders and placeholders, and the migrations between versions.
#pragma once

#include "store/sqldialect.h"

#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <cstddef>
#include <iterator>
#include <limits>

namespace punctual::sqlschema {

/// The schema this build writes; it reads every older one (migrating it) and refuses newer ones. The one
/// declaration of it (SqlJobStore::schemaVersion is this).
constexpr int currentVersion = 5;

/// The table a Punctual store always has, and what it holds (punctual_meta's key and value pairs).
constexpr QLatin1String metaTable("punctual_meta");
constexpr QLatin1String metaSchemaVersion("schema_version");
constexpr QLatin1String metaApplication("application");
constexpr QLatin1String applicationTag("punctual");

// Column indexes of the jobs table, in the order of {job_columns} (sqlstatements.cpp): rows are read by index.
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
    PauseNote,
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
    QLatin1String("pause_note"),    // why it is paused, "" when not (schema 3)
    QLatin1String("updated_at"),    // UTC ms of the last write
};
static_assert(std::size(jobColumns) == jobcol::Count);

// Column indexes of the runs table, in the order of {run_columns}.
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
    Instance,
    Reason,
    CausedBy,
    TimeCount,
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
    QLatin1String("instance"),       // the instance that inserted it (schema 2)
    QLatin1String("reason"),         // RunRecord::reasonName() (schema 3)
    QLatin1String("caused_by"),      // a chained run: the run that started it, else NULL (schema 3)
    QLatin1String("time_count"),     // run times this row stands for (a long downtime's one missed row; schema 3)
};
static_assert(std::size(runColumns) == runcol::Count);

// Column indexes of the instances table (schema 2), in the order SelectInstances reads them: one row per scheduler
// instance of a shared store.
namespace instcol {
enum : int {
    Id,
    Host,
    Pid,
    StartedAt,
    Heartbeat,
    LeaseMs,
    Count,
};
}
constexpr QLatin1String instanceColumns[] = {
    QLatin1String("id"),
    QLatin1String("host"),
    QLatin1String("pid"),
    QLatin1String("started_at"), // UTC ms
    QLatin1String("heartbeat"),  // UTC ms of the last heartbeat
    QLatin1String("lease_ms"),   // its runs count as abandoned once heartbeat + lease_ms has passed
};
static_assert(std::size(instanceColumns) == instcol::Count);

/// Bound as the LIMIT when the caller asked for no limit (portable: no engine-specific "no limit" value).
constexpr qint64 noLimit = std::numeric_limits<qint64>::max();
/// Parsed trigger/action/options texts kept per read, so jobs with equal JSON share one parse.
constexpr qsizetype readCacheSize = 4096;
/// commitDue() of a burst: jobs moving to the same state are updated this many per statement, and new runs
/// inserted this many per statement (a statement's own cost is then paid once for all of them).
constexpr int statesPerStatement = 64;
constexpr int runsPerStatement = 32;

/// ":id_3": the placeholder of copy @p i of a repeated part (see SqlStatements).
inline QString numbered(const QString &placeholder, int i)
{
    return placeholder + QLatin1Char('_') + QString::number(i);
}

/// "a, b, c": a table's columns in reading order.
template <std::size_t N>
inline QString columnList(const QLatin1String (&columns)[N])
{
    QStringList out;
    for (const QLatin1String &column : columns)
        out << QString(column);
    return out.join(QStringLiteral(", "));
}

/// The placeholder of every column, built once: statements are bound by name (Qt's positional bindValue() formats
/// a name for every value, a cost a 100,000-job import notices).
template <std::size_t N>
inline std::array<QString, N> placeholdersOf(const QLatin1String (&columns)[N])
{
    std::array<QString, N> out;
    for (std::size_t i = 0; i < N; ++i)
        out[i] = SqlDialect::placeholder(columns[i]);
    return out;
}

inline const QString &jobParam(int column)
{
    static const auto params = placeholdersOf(jobColumns);
    return params[static_cast<std::size_t>(column)];
}

inline const QString &runParam(int column)
{
    static const auto params = placeholdersOf(runColumns);
    return params[static_cast<std::size_t>(column)];
}

inline const QString &instanceParam(int column)
{
    static const auto params = placeholdersOf(instanceColumns);
    return params[static_cast<std::size_t>(column)];
}

// Placeholders of values that are not columns.
inline const QString nowParam = QStringLiteral(":now");
inline const QString limitParam = QStringLiteral(":row_limit");
inline const QString keepParam = QStringLiteral(":keep");
inline const QString keptJobParam = QStringLiteral(":kept_job_id");
/// Bits of the jobs table's `features` column (schema version 5): what start-up looks for among all jobs.
enum JobFeature : int
{
    Events = 1,           ///< options name events (run at start, on resume, ...)
    Conditions = 2,       ///< options require conditions
    PasswordVariable = 4, ///< the action names a password variable
};
inline const QString featuresParam = QStringLiteral(":features");
inline const QString meParam = QStringLiteral(":me");
inline const QString ownParam = QStringLiteral(":own");
inline const QString senderParam = QStringLiteral(":sender");
inline const QString keyParam = QStringLiteral(":key");
inline const QString valueParam = QStringLiteral(":value");

/// The schema step that brings a database to a version; applied in order, all in one transaction. Its statements
/// are templates with the dialect's types in braces (SqlStatements::render()).
struct Migration
{
    int version;
    QList<const char *> statements;
};

/// Every migration, oldest first; the last one produces currentVersion.
const QList<Migration> &migrations();

} // namespace punctual::sqlschema
