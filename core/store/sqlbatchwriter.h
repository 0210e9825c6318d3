// New runs and the states of due jobs, written as few statements as the engine allows.
#pragma once

#include "jobs/job.h"
#include "jobs/runrecord.h"
#include "util/result.h"

#include <QList>

#include <cstdint>
#include <optional>

class QSqlQuery;

namespace punctual {

class SqlSession;
class SqliteStatement;

/**
 * The writes of a due pass, the store's hot path: jobs moving to the same state updated up to
 * sqlschema::statesPerStatement per UPDATE ... IN, new running runs inserted sqlschema::runsPerStatement per INSERT
 * where the engine numbers a statement's rows consecutively, anything else one statement each. It writes inside the
 * caller's transaction and commits nothing.
 */
class SqlBatchWriter
{
public:
    explicit SqlBatchWriter(SqlSession &session) : m_session(session) {}

    /// Writes the next run times and paused states of @p jobs (nothing else); NotFound names a job not stored.
    Result<void> writeStates(const QList<Job> &jobs);
    /// Inserts @p runs, their new ids into @p ids in order; NotFound names the job of a run whose job is not stored.
    Result<void> writeRuns(const QList<RunRecord> &runs, QList<std::int64_t> &ids);
    /// Inserts one run, filling in its id and instance; NotFound when its job is not stored.
    Result<void> writeRun(RunRecord &run);

private:
    Result<void> writeState(const Job &job, std::int64_t now);
    Error noRunId() const;
    /// The id of the row an INSERT just added (the dialect's way; libsqlite3's own for a SqliteStatement).
    std::optional<std::int64_t> insertedId(QSqlQuery &query) const;
    std::optional<std::int64_t> insertedId(SqliteStatement &statement) const;

    SqlSession &m_session;
};

} // namespace punctual
