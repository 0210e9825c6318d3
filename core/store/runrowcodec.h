// Rows of the runs table to run records and back.
#pragma once

#include "jobs/runrecord.h"

#include <optional>

class QSqlQuery;

namespace punctual {

/// Reads and binds the columns of run rows ({run_columns}, sqlschema.h).
class RunRowCodec
{
public:
    /// The run in the current row of @p query; nullopt (logged) for an outcome this build does not know.
    static std::optional<RunRecord> read(const QSqlQuery &query);
    /// Binds every column of @p run (a statement without one of them ignores it). @p Query: QSqlQuery or
    /// SqliteStatement.
    template <typename Query>
    static void bind(Query &query, const RunRecord &run);
    /// Whether @p run is a new run that has nothing but its job, time, attempt, reason and maybe start yet (InsertRunningRun).
    static bool isFresh(const RunRecord &run);
    /// Binds a fresh run's five values, with the placeholders' copy number @p copy of a repeated row (or none).
    template <typename Query>
    static void bindFresh(Query &query, const RunRecord &run, std::optional<int> copy = std::nullopt);
};

} // namespace punctual
