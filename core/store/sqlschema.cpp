// The schema versions of the SQL store, each as the statements that bring the previous one up to it.
#include "sqlschema.h"

namespace punctual::sqlschema {

// {text}, {int64} and {auto_id} are the dialect's column types (SqlStatements::render()). Instants are UTC ms;
// jobs' trigger, action and options are JSON; a run's outcome is RunRecord::outcomeName().
const QList<Migration> &migrations()
{
    static const QList<Migration> all = {
        {1,
         {
             "CREATE TABLE punctual_meta (key {text} PRIMARY KEY, value {text} NOT NULL)",
             "CREATE TABLE jobs (id {text} PRIMARY KEY, name {text} NOT NULL, trigger {text} NOT NULL, "
             "action {text} NOT NULL, options {text} NOT NULL, paused {int64} NOT NULL DEFAULT 0, "
             "next_run_time {int64} NULL, created_at {int64} NOT NULL, updated_at {int64} NOT NULL)",
             "CREATE TABLE runs (id {auto_id}, job_id {text} NOT NULL REFERENCES jobs (id) ON DELETE CASCADE, "
             "scheduled_time {int64} NOT NULL, start_time {int64} NULL, end_time {int64} NULL, "
             "outcome {text} NOT NULL, exit_code {int64} NULL, output {text} NOT NULL, error {text} NOT NULL, "
             "late_ms {int64} NULL, attempt {int64} NOT NULL DEFAULT 1)",
             // (next_run_time, id) gives dueJobs() its order straight from the index.
             "CREATE INDEX jobs_next_run_time ON jobs (next_run_time, id)",
             "CREATE INDEX runs_job ON runs (job_id, id)",
             // Statements that look for running runs say 'running' as a literal, so the planner can use it.
             "CREATE INDEX runs_running ON runs (id) WHERE outcome = 'running'",
         }},
        // Version 2: several scheduler instances may share one store (PostgreSQL). Runs say which instance claimed
        // them, and every instance keeps a heartbeat row. The new column has a default: rows of version 1 read "".
        {2,
         {
             "ALTER TABLE runs ADD COLUMN instance {text} NOT NULL DEFAULT ''",
             "CREATE TABLE punctual_instances (id {text} PRIMARY KEY, host {text} NOT NULL, pid {int64} NOT NULL, "
             "started_at {int64} NOT NULL, heartbeat {int64} NOT NULL, lease_ms {int64} NOT NULL)",
         }},
        // Version 3: run policies (docs/scheduling.md). Runs say why they ran and, when chained, which run started
        // them; one missed row may stand for many run times. Jobs keep a pause note. Backfilled run times are
        // remembered apart from the history (which is pruned), so the same backfill again adds nothing.
        {3,
         {
             "ALTER TABLE runs ADD COLUMN reason {text} NOT NULL DEFAULT 'scheduled'",
             "ALTER TABLE runs ADD COLUMN caused_by {int64} NULL",
             "ALTER TABLE runs ADD COLUMN time_count {int64} NOT NULL DEFAULT 1",
             "ALTER TABLE jobs ADD COLUMN pause_note {text} NOT NULL DEFAULT ''",
             "CREATE TABLE punctual_backfilled (job_id {text} NOT NULL REFERENCES jobs (id) ON DELETE CASCADE, "
             "scheduled_time {int64} NOT NULL, PRIMARY KEY (job_id, scheduled_time))",
             // Queued runs are looked for when a run ends and at start, as running ones are.
             "CREATE INDEX runs_queued ON runs (job_id, id) WHERE outcome = 'queued'",
         }},
        // Version 4: exclusion calendars (docs/desktop-triggers.md), shared by the jobs that name them in
        // their options' "exclude"; the definition is ExclusionCalendar's JSON.
        {4,
         {
             "CREATE TABLE calendars (name {text} PRIMARY KEY, definition {text} NOT NULL, "
             "updated_at {int64} NOT NULL)",
         }},
        // Version 5: what start-up looks for among all jobs — jobs with events, with conditions, with a password
        // variable — is a bit each of `features` (JobFeature), found through a partial index instead of by reading
        // every job's options or action (seconds with a million jobs). Runs left waiting get their own partial
        // index, as running and queued ones have. Existing rows are marked by their texts (a superset: each job
        // found is parsed and checked).
        {5,
         {
             "ALTER TABLE jobs ADD COLUMN features {int64} NOT NULL DEFAULT 0",
             "UPDATE jobs SET features = (CASE WHEN options LIKE '%\"events\":%' THEN 1 ELSE 0 END) "
             "+ (CASE WHEN options LIKE '%\"requires\"%' THEN 2 ELSE 0 END) "
             "+ (CASE WHEN action LIKE '%password_variable%' THEN 4 ELSE 0 END)",
             "CREATE INDEX jobs_features ON jobs (id) WHERE features <> 0",
             "CREATE INDEX runs_waiting ON runs (id) WHERE outcome = 'waiting'",
         }},
    };
    return all;
}

} // namespace punctual::sqlschema
