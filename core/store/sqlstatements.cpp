// The SQL store's statements, each written out whole, and the filling in of their named parts.
#include "sqlstatements.h"

#include "store/sqldialect.h"
#include "store/sqlschema.h"

#include <QStringList>

namespace punctual {

namespace {

using S = SqlStatement;

/// One statement: its SQL, and (for `{list}`) the part repeated @p count times, `#` standing for 0, 1, ...
struct StatementText
{
    SqlStatement statement;
    const char *sql;
    const char *each = nullptr;
    int count = 0;
};

// Running runs are found by the literal 'running' (not a bound value) so that the planner uses the partial index
// runs_running. Inserts and upserts of jobs use ON CONFLICT (SQLite >= 3.24 and PostgreSQL alike), never INSERT OR
// REPLACE: that deletes the old row first, which would cascade to its run history.
constexpr StatementText statements[] = {
    {S::Begin, "{begin_write}"},
    {S::Commit, "COMMIT"},
    {S::Rollback, "ROLLBACK"},

    {S::InsertJob,
     "INSERT INTO jobs (id, name, trigger, action, options, paused, next_run_time, created_at, pause_note, "
     "updated_at) VALUES (:id, :name, :trigger, :action, :options, :paused, :next_run_time, :created_at, "
     ":pause_note, :updated_at)"},
    {S::UpsertJob,
     "INSERT INTO jobs (id, name, trigger, action, options, paused, next_run_time, created_at, updated_at) "
     "VALUES (:id, :name, :trigger, :action, :options, :paused, :next_run_time, :created_at, :updated_at) "
     "ON CONFLICT (id) DO UPDATE SET name = excluded.name, trigger = excluded.trigger, action = excluded.action, "
     "options = excluded.options, paused = excluded.paused, next_run_time = excluded.next_run_time, "
     "created_at = excluded.created_at, pause_note = excluded.pause_note, updated_at = excluded.updated_at"},
    {S::UpdateJob,
     "UPDATE jobs SET name = :name, trigger = :trigger, action = :action, options = :options, paused = :paused, "
     "next_run_time = :next_run_time, created_at = :created_at, pause_note = :pause_note, updated_at = :updated_at "
     "WHERE id = :id"},
    // A due pass moves jobs on: only their state is written, so an edit made meanwhile elsewhere is kept.
    {S::UpdateJobState,
     "UPDATE jobs SET paused = :paused, pause_note = :pause_note, next_run_time = :next_run_time, "
     "updated_at = :updated_at WHERE id = :id"},
    {S::UpdateJobStates,
     "UPDATE jobs SET paused = :paused, pause_note = :pause_note, next_run_time = :next_run_time, "
     "updated_at = :updated_at WHERE id IN ({list})",
     ":id_#", sqlschema::statesPerStatement},
    {S::DeleteJob, "DELETE FROM jobs WHERE id = :id"},
    // Bulk removal and reads by id (a selection of thousands in the window): a group of ids per statement.
    {S::DeleteJobs, "DELETE FROM jobs WHERE id IN ({list})", ":id_#", sqlschema::statesPerStatement},
    {S::DeleteAllJobs, "DELETE FROM jobs"},
    {S::SelectJob, "SELECT {job_columns} FROM jobs WHERE id = :id"},
    {S::SelectJobsById, "SELECT {job_columns} FROM jobs WHERE id IN ({list})", ":id_#", sqlschema::statesPerStatement},
    {S::SelectJobs,
     "SELECT {job_columns} FROM jobs ORDER BY CASE WHEN next_run_time IS NULL THEN 1 ELSE 0 END, next_run_time, id"},
    // {job_columns} without updated_at (the last), unsorted: JobStore::jobSummaries() sorts them itself, as
    // SQLite's sorter copying 100,000 whole rows took a quarter of the read.
    {S::SelectJobSummaries, "SELECT id, name, trigger, action, options, paused, next_run_time, created_at, pause_note FROM jobs"},
    {S::CountJobs, "SELECT COUNT(*) FROM jobs"},
    // Only sql actions reading a password from the environment carry this key; the rest is decoded in C++.
    {S::SelectPasswordActions, "SELECT action FROM jobs WHERE action LIKE '%password_variable%'"},
    {S::SelectDueJobs,
     "SELECT {job_columns} FROM jobs WHERE paused = 0 AND next_run_time <= :now ORDER BY next_run_time, id "
     "LIMIT :row_limit"},
    // claimDueJobs() on a shared store: the rows stay locked until the pass commits; rows another instance holds
    // are passed over.
    {S::SelectDueJobsLocked,
     "SELECT {job_columns} FROM jobs WHERE paused = 0 AND next_run_time <= :now ORDER BY next_run_time, id "
     "LIMIT :row_limit{lock_rows}"},
    {S::SelectEarliest,
     "SELECT id, next_run_time FROM jobs WHERE paused = 0 AND next_run_time IS NOT NULL ORDER BY next_run_time, id "
     "LIMIT :row_limit"},
    {S::NotifyChange, "SELECT pg_notify('{change_channel}', :sender)"},

    // Every column but the id; the instance is always this store's.
    {S::InsertRun,
     "INSERT INTO runs (job_id, scheduled_time, start_time, end_time, outcome, exit_code, output, error, late_ms, "
     "attempt, instance, reason, caused_by, time_count) VALUES (:job_id, :scheduled_time, :start_time, :end_time, "
     ":outcome, :exit_code, :output, :error, :late_ms, :attempt, {instance}, :reason, :caused_by, :time_count)"
     "{returning_id}"},
    // A run recorded before it starts has nothing but its job, time, attempt and reason yet: five values to bind
    // instead of fourteen (a burst records thousands in one pass).
    {S::InsertRunningRun,
     "INSERT INTO runs (job_id, scheduled_time, start_time, outcome, output, error, attempt, instance, reason) "
     "VALUES (:job_id, :scheduled_time, :start_time, 'running', '', '', :attempt, {instance}, :reason){returning_id}"},
    {S::InsertRunningRuns,
     "INSERT INTO runs (job_id, scheduled_time, start_time, outcome, output, error, attempt, instance, reason) "
     "VALUES {list}",
     "(:job_id_#, :scheduled_time_#, :start_time_#, 'running', '', '', :attempt_#, {instance}, :reason_#)",
     sqlschema::runsPerStatement},
    // Not the instance: a run stays the one of the instance that claimed it.
    {S::UpdateRun,
     "UPDATE runs SET scheduled_time = :scheduled_time, start_time = :start_time, end_time = :end_time, "
     "outcome = :outcome, exit_code = :exit_code, output = :output, error = :error, late_ms = :late_ms, "
     "attempt = :attempt, reason = :reason, caused_by = :caused_by, time_count = :time_count "
     "WHERE id = :id AND job_id = :job_id"},
    {S::SelectRunsOfJob,
     "SELECT {run_columns} FROM runs WHERE job_id = :job_id ORDER BY id DESC LIMIT :row_limit"},
    {S::SelectAllRuns, "SELECT {run_columns} FROM runs ORDER BY id DESC LIMIT :row_limit"},
    {S::SelectLatestRuns,
     "SELECT {run_columns} FROM runs WHERE id IN "
     "(SELECT MAX(id) FROM runs WHERE outcome NOT IN ('running', 'queued', 'waiting') GROUP BY job_id)"},
    {S::InterruptRuns,
     "UPDATE runs SET outcome = :outcome, end_time = COALESCE(end_time, :end_time), "
     "error = CASE WHEN error IS NULL OR error = '' THEN :error ELSE error END WHERE outcome = 'running'"},
    // Runs left waiting in a queue (overlap policies) never began: the partial index runs_queued finds them.
    {S::InterruptQueuedRuns,
     "UPDATE runs SET outcome = 'interrupted', end_time = :end_time, error = :error WHERE outcome = 'queued'"},
    // Runs left waiting for their conditions never began. Only jobs with conditions ("requires" in their options)
    // have such runs: looked for through runs_job, job by job, not by a scan of the whole history (no index on it).
    {S::InterruptWaitingRuns,
     "UPDATE runs SET outcome = 'interrupted', end_time = :end_time, error = :error WHERE outcome = 'waiting' "
     "AND job_id IN (SELECT id FROM jobs WHERE options LIKE '%\"requires\"%')"},
    {S::PruneRunsOfJob,
     "DELETE FROM runs WHERE job_id = :job_id AND id NOT IN "
     "(SELECT id FROM runs WHERE job_id = :kept_job_id ORDER BY id DESC LIMIT :keep)"},
    {S::PruneAllRuns,
     "DELETE FROM runs WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER "
     "(PARTITION BY job_id ORDER BY id DESC) AS position FROM runs) ranked WHERE position > :keep)"},
    {S::DeleteAllRuns, "DELETE FROM runs"},

    {S::UpsertInstance,
     "INSERT INTO punctual_instances (id, host, pid, started_at, heartbeat, lease_ms) "
     "VALUES (:id, :host, :pid, :started_at, :heartbeat, :lease_ms) ON CONFLICT (id) DO UPDATE SET "
     "host = excluded.host, pid = excluded.pid, started_at = excluded.started_at, heartbeat = excluded.heartbeat, "
     "lease_ms = excluded.lease_ms"},
    {S::DeleteInstance, "DELETE FROM punctual_instances WHERE id = :id"},
    {S::SelectInstances,
     "SELECT id, host, pid, started_at, heartbeat, lease_ms FROM punctual_instances ORDER BY id"},
    // Running runs of this instance (when :own is 1) or of an instance that is not alive: its heartbeat row is
    // older than its lease, or gone. Locked, passing over rows another reaper holds: each is taken over once.
    {S::SelectAbandonedRuns,
     "SELECT id, job_id, scheduled_time, attempt, instance, reason, outcome FROM runs "
     "WHERE (outcome = 'running' OR outcome = 'queued' OR outcome = 'waiting') "
     "AND ((instance = :me AND :own = 1) OR (instance <> :me AND NOT EXISTS "
     "(SELECT 1 FROM punctual_instances WHERE id = instance AND heartbeat + lease_ms >= :now))) "
     "ORDER BY id{lock_rows}"},
    {S::InterruptRun,
     "UPDATE runs SET outcome = 'interrupted', end_time = COALESCE(end_time, :end_time), error = :error "
     "WHERE id = :id AND (outcome = 'running' OR outcome = 'queued' OR outcome = 'waiting')"},
    {S::CountRunningElsewhere,
     // Begun runs only: run times queued behind another, and retries waiting for their time, hold no instance.
     "SELECT job_id, COUNT(*) FROM runs WHERE outcome = 'running' AND start_time IS NOT NULL "
     "AND instance <> {instance} GROUP BY job_id"},
    // Dead for a day: still listed (as expired) until then. The constant on the column side: PostgreSQL would
    // type ":now - 86400000" as a 32-bit integer.
    {S::DeleteDeadInstances, "DELETE FROM punctual_instances WHERE heartbeat + lease_ms + 86400000 < :now"},

    // A run time backfilled before is passed over (no row changed): the same backfill again adds nothing.
    {S::InsertBackfilled,
     "INSERT INTO punctual_backfilled (job_id, scheduled_time) VALUES (:job_id, :scheduled_time) "
     "ON CONFLICT (job_id, scheduled_time) DO NOTHING"},

    {S::SelectCalendars, "SELECT name, definition FROM calendars ORDER BY name"},
    {S::SelectCalendar, "SELECT name, definition FROM calendars WHERE name = :name"},
    {S::InsertCalendar,
     "INSERT INTO calendars (name, definition, updated_at) VALUES (:name, :definition, :updated_at)"},
    {S::UpsertCalendar,
     "INSERT INTO calendars (name, definition, updated_at) VALUES (:name, :definition, :updated_at) "
     "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at"},
    {S::DeleteCalendar, "DELETE FROM calendars WHERE name = :name"},

    {S::SelectMeta, "SELECT key, value FROM punctual_meta"},
    {S::SetMeta,
     "INSERT INTO punctual_meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET "
     "value = excluded.value"},

    // A run's span: from its start (scheduled time when it never started) to its end (else its start); runs going,
    // queued or waiting reach on. The columns of {run_columns} in their order, with the output left out.
    {S::SelectRunsOfJobInRange,
     "SELECT id, job_id, scheduled_time, start_time, end_time, outcome, exit_code, '' AS output, error, late_ms, "
     "attempt, instance, reason, caused_by, time_count FROM runs WHERE job_id = :job_id "
     "AND COALESCE(start_time, scheduled_time) <= :until AND (outcome IN ('running', 'queued', 'waiting') "
     "OR COALESCE(end_time, start_time, scheduled_time) >= :since) ORDER BY id DESC LIMIT :row_limit"},
    {S::SelectRunsInRange,
     "SELECT id, job_id, scheduled_time, start_time, end_time, outcome, exit_code, '' AS output, error, late_ms, "
     "attempt, instance, reason, caused_by, time_count FROM runs "
     "WHERE COALESCE(start_time, scheduled_time) <= :until AND (outcome IN ('running', 'queued', 'waiting') "
     "OR COALESCE(end_time, start_time, scheduled_time) >= :since) ORDER BY id DESC LIMIT :row_limit"},
    // Statistics of a group of jobs (JobStore::jobStatistics): the counts by outcome in SQL, then only the two
    // times of the runs that have a duration, newest first per job (through runs_job).
    {S::CountRunOutcomes,
     "SELECT job_id, outcome, COUNT(*) FROM runs WHERE job_id IN ({list}) GROUP BY job_id, outcome",
     ":id_#", sqlschema::statesPerStatement},
    {S::SelectRunDurations,
     "SELECT job_id, outcome, start_time, end_time FROM runs WHERE job_id IN ({list}) "
     "AND outcome IN ('success', 'failed', 'timed_out') AND start_time IS NOT NULL AND end_time IS NOT NULL "
     "ORDER BY job_id, id DESC",
     ":id_#", sqlschema::statesPerStatement},
    // Only options that name events carry this key (a superset: the caller checks the parsed options); sorted in
    // C++ as jobs() sorts.
    {S::SelectEventJobIds,
     "SELECT id, next_run_time FROM jobs WHERE paused = 0 AND options LIKE '%\"events\":%'"},
};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < std::size(statements); ++i) {
        if (static_cast<std::size_t>(statements[i].statement) != i)
            return false;
    }
    return std::size(statements) == sqlStatementCount;
}
static_assert(inEnumOrder(), "one row per SqlStatement, in the enum's order");

/// The instance id as an SQL string literal (ids hold no quotes; doubled anyway): run inserts use it as a
/// constant, so the hot insert binds nothing more than the run's own values.
QString stringLiteral(QString text)
{
    text.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

} // namespace

SqlStatements::SqlStatements(const SqlDialect &dialect, const QString &instanceId)
    : m_parts{
          {QStringLiteral("begin_write"), dialect.beginWrite()},
          {QStringLiteral("returning_id"), dialect.returning(QStringLiteral("id"))},
          {QStringLiteral("lock_rows"), dialect.lockRowsSkipLocked()},
          {QStringLiteral("change_channel"), SqlDialect::changeChannel()},
          {QStringLiteral("text"), dialect.textType()},
          {QStringLiteral("int64"), dialect.int64Type()},
          {QStringLiteral("auto_id"), dialect.autoIncrementPrimaryKey()},
          {QStringLiteral("job_columns"), sqlschema::columnList(sqlschema::jobColumns)},
          {QStringLiteral("run_columns"), sqlschema::columnList(sqlschema::runColumns)},
          {QStringLiteral("instance"), stringLiteral(instanceId)},
      }
{
}

QString SqlStatements::sql(SqlStatement which) const
{
    const StatementText &statement = statements[static_cast<std::size_t>(which)];
    QString text = QLatin1String(statement.sql);
    if (statement.each) {
        QStringList copies;
        for (int i = 0; i < statement.count; ++i)
            copies << QString(QLatin1String(statement.each)).replace(QLatin1Char('#'), QString::number(i));
        text.replace(QLatin1String("{list}"), copies.join(QStringLiteral(", ")));
    }
    return render(text);
}

QString SqlStatements::render(const QString &text) const
{
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    for (qsizetype open = text.indexOf(QLatin1Char('{')); open >= 0; open = text.indexOf(QLatin1Char('{'), from)) {
        const qsizetype close = text.indexOf(QLatin1Char('}'), open);
        const auto part = m_parts.constFind(text.mid(open + 1, close - open - 1));
        if (close < 0 || part == m_parts.cend())
            qFatal("SqlStatements: unknown part in %s", qPrintable(text));
        out += QStringView(text).mid(from, open - from);
        out += *part;
        from = close + 1;
    }
    out += QStringView(text).mid(from);
    return out;
}

} // namespace punctual
