// The statements the SQL store runs, by name, and their text for one dialect and instance.
#pragma once

#include <QHash>
#include <QString>

#include <cstddef>

namespace punctual {

class SqlDialect;

/// Every statement the store runs after opening (the texts: sqlstatements.cpp), each prepared once per connection.
enum class SqlStatement
{
    Begin,
    Commit,
    Rollback,
    // jobs
    InsertJob,
    UpsertJob,
    UpdateJob,
    UpdateJobState,
    UpdateJobStates,
    DeleteJob,
    DeleteJobs,
    DeleteAllJobs,
    SelectJob,
    SelectJobsById,
    SelectJobs,
    SelectJobSummaries,
    CountJobs,
    SelectPasswordActions,
    SelectDueJobs,
    SelectDueJobsLocked,
    SelectEarliest,
    NotifyChange,
    // runs
    InsertRun,
    InsertRunningRun,
    InsertRunningRuns,
    UpdateRun,
    SelectRunsOfJob,
    SelectAllRuns,
    SelectLatestRuns,
    InterruptRuns,
    InterruptQueuedRuns,
    InterruptWaitingRuns,
    PruneRunsOfJob,
    PruneAllRuns,
    DeleteAllRuns,
    // cluster (schema 2)
    UpsertInstance,
    DeleteInstance,
    SelectInstances,
    SelectAbandonedRuns,
    InterruptRun,
    CountRunningElsewhere,
    DeleteDeadInstances,
    // backfills (schema 3)
    InsertBackfilled,
    // exclusion calendars (schema 4)
    SelectCalendars,
    SelectCalendar,
    InsertCalendar,
    UpsertCalendar,
    DeleteCalendar,
    // opening
    SelectMeta,
    SetMeta,
    // the timeline: runs of a job in a span of time, without their output
    SelectRunsOfJobInRange,
    SelectRunsInRange,
    // statistics (issue 18)
    CountRunOutcomes,
    SelectRunDurations,
    // the jobs that run on events (JobStore::unpausedJobIdsWithEvents)
    SelectEventJobIds,
    Count,
};

constexpr std::size_t sqlStatementCount = static_cast<std::size_t>(SqlStatement::Count);

/**
 * The SQL of the store's statements for one connection. Each statement is written out whole in one table
 * (sqlstatements.cpp); what is not the same for every store is a named part in braces, filled in here:
 *
 * - `{begin_write}`, `{returning_id}`, `{lock_rows}`, `{change_channel}`: the dialect's (SqlDialect);
 * - `{text}`, `{int64}`, `{auto_id}`: the dialect's column types (schema migrations);
 * - `{job_columns}`, `{run_columns}`: every column of the table, in the order rows are read (sqlschema.h);
 * - `{instance}`: this store's instance id as a string literal;
 * - `{list}`: a statement's repeated part, numbered 0, 1, ... in place of `#`.
 */
class SqlStatements
{
public:
    SqlStatements(const SqlDialect &dialect, const QString &instanceId);

    /// The text of @p which, ready to prepare.
    QString sql(SqlStatement which) const;
    /// Fills in a template's named parts (the statements' and the schema's).
    QString render(const QString &text) const;

private:
    QHash<QString, QString> m_parts;
};

} // namespace punctual
