// The schema versions of the SQL store, each as the statements that bring the previous one up to it.
#include "sqlschema.h"

#include "jobs/runrecord.h"

namespace punctual::sqlschema {

namespace {

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

// Version 2: several scheduler instances may share one store (PostgreSQL). Runs say which instance claimed them,
// and every instance keeps a heartbeat row. The new column has a default, so rows of version 1 read as "".
QStringList schemaVersion2(const SqlDialect &d)
{
    const QString text = d.textType();
    const QString int64 = d.int64Type();
    return {
        QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3 NOT NULL DEFAULT ''")
            .arg(runsTable, runCol(runcol::Instance), text),
        QStringLiteral("CREATE TABLE %1 (%2 %3 PRIMARY KEY, %4 %3 NOT NULL, %5 %6 NOT NULL, %7 %6 NOT NULL, "
                       "%8 %6 NOT NULL, %9 %6 NOT NULL)")
            .arg(instancesTable, QString(instanceColumns[instcol::Id]), text, QString(instanceColumns[instcol::Host]),
                 QString(instanceColumns[instcol::Pid]), int64, QString(instanceColumns[instcol::StartedAt]),
                 QString(instanceColumns[instcol::Heartbeat]), QString(instanceColumns[instcol::LeaseMs])),
    };
}

} // namespace

QList<Migration> migrations()
{
    return {
        {1, &schemaVersion1},
        {2, &schemaVersion2},
    };
}

} // namespace punctual::sqlschema
