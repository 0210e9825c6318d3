// New runs and the states of due jobs, written as few statements as the engine allows.
#include "sqlbatchwriter.h"

#include "store/jobstore.h"
#include "store/runrowcodec.h"
#include "store/sqldialect.h"
#include "store/sqlschema.h"
#include "store/sqlsession.h"
#include "store/sqlvalues.h"
#include "time/clock.h"

#include <QSet>
#include <QSqlError>

#include <algorithm>
#include <numeric>
#include <tuple>

namespace punctual {

using namespace sqlschema;
using namespace sqlstore;

namespace {

template <typename Query>
void bindState(Query &query, const Job &job, std::int64_t now)
{
    query.bindValue(jobParam(jobcol::Paused), job.paused ? 1 : 0);
    query.bindValue(jobParam(jobcol::PauseNote), textValue(job.pauseNote));
    query.bindValue(jobParam(jobcol::NextRunTime), optionalValue(job.nextRunTime));
    query.bindValue(jobParam(jobcol::UpdatedAt), static_cast<qlonglong>(now));
}

/// The `:id_#` placeholders of a group statement, made once (a new string per bind costs more than the bind).
const QStringList &idPlaceholders()
{
    static const QStringList names = [] {
        QStringList out;
        for (int i = 0; i < statesPerStatement; ++i)
            out << numbered(jobParam(jobcol::Id), i);
        return out;
    }();
    return names;
}

} // namespace

std::optional<std::int64_t> SqlBatchWriter::insertedId(QSqlQuery &query) const
{
    return m_session.dialect().insertedId(query);
}

std::optional<std::int64_t> SqlBatchWriter::insertedId(SqliteStatement &statement) const
{
    return statement.lastInsertId().toLongLong();
}

Error SqlBatchWriter::noRunId() const
{
    return {ErrorCode::StoreFailure,
            SqlStoreText::tr("job store %1: no id for the new run").arg(shown(m_session.path()))};
}

Result<void> SqlBatchWriter::writeState(const Job &job, std::int64_t now)
{
    return m_session.withStatement(SqlStatement::UpdateJobState, [&](auto &query) -> Result<void> {
        query.bindValue(jobParam(jobcol::Id), job.id);
        bindState(query, job, now);
        if (auto ok = m_session.exec(query); !ok)
            return ok;
        if (query.numRowsAffected() == 0)
            return StoreError::jobNotFound(job.id);
        return {};
    });
}

Result<void> SqlBatchWriter::writeStates(const QList<Job> &jobs)
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
    const std::int64_t now = SystemClock::instance().nowMs();

    // Group jobs by the state they move to (a burst of one-off jobs: all finished) when no job comes twice (then
    // the order of the writes would matter); otherwise, or for a job alone in its state, one statement each.
    QList<qsizetype> order(jobs.size());
    std::iota(order.begin(), order.end(), 0);
    const auto stateOf = [&jobs](qsizetype i) {
        const Job &job = jobs[i];
        return std::tuple(job.paused, job.nextRunTime.has_value(), job.nextRunTime.value_or(0), job.pauseNote);
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
            if (auto ok = writeState(jobs[order[begin]], now); !ok)
                return ok;
            begin = end;
            continue;
        }
        auto changed = m_session.withStatement(SqlStatement::UpdateJobStates, [&](auto &query) -> Result<int> {
            bindState(query, jobs[order[begin]], now);
            for (int i = 0; i < statesPerStatement; ++i) {
                // A short group repeats its last id: IN () does not mind.
                query.bindValue(idPlaceholders()[i], jobs[order[std::min(begin + i, end - 1)]].id);
            }
            if (auto ok = m_session.exec(query); !ok)
                return ok.error();
            return query.numRowsAffected();
        });
        if (!changed)
            return changed.error();
        if (changed.value() != end - begin) {
            // Some job is not stored: find it (the transaction is rolled back anyway).
            for (qsizetype i = begin; i < end; ++i) {
                if (auto ok = writeState(jobs[order[i]], now); !ok)
                    return ok;
            }
        }
        begin = end;
    }
    return {};
}

Result<void> SqlBatchWriter::writeRuns(const QList<RunRecord> &runs, QList<std::int64_t> &ids)
{
    ids.reserve(runs.size());
    qsizetype i = 0;
    while (i < runs.size()) {
        // runsPerStatement new runs in a row: one statement, consecutive ids.
        qsizetype end = i;
        while (end < runs.size() && end - i < runsPerStatement && RunRowCodec::isFresh(runs[end]))
            ++end;
        if (end - i == runsPerStatement && m_session.dialect().consecutiveInsertIds()) {
            auto inserted = m_session.withStatement(SqlStatement::InsertRunningRuns, [&](auto &query) -> Result<std::optional<std::int64_t>> {
                for (int k = 0; k < runsPerStatement; ++k)
                    RunRowCodec::bindFresh(query, runs[i + k], k);
                if (!query.exec()) {
                    const QSqlError error = query.lastError();
                    if (m_session.dialect().classify(error) != SqlErrorKind::Constraint)
                        return m_session.failure(error);
                    // A run of a job that is not stored: find which (the transaction is rolled back anyway).
                    for (qsizetype k = i; k < i + runsPerStatement; ++k) {
                        RunRecord written = runs[k];
                        if (auto ok = writeRun(written); !ok)
                            return ok.error();
                    }
                    return StoreError::jobNotFound(runs[i].jobId);
                }
                const auto id = insertedId(query);
                query.finish();
                return id;
            });
            if (!inserted)
                return inserted.error();
            const std::optional<std::int64_t> last = inserted.value();
            if (!last)
                return noRunId();
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

Result<void> SqlBatchWriter::writeRun(RunRecord &run)
{
    const bool fresh = RunRowCodec::isFresh(run);
    const SqlStatement which = fresh ? SqlStatement::InsertRunningRun : SqlStatement::InsertRun;
    auto inserted = m_session.withStatement(which, [&](auto &query) -> Result<std::optional<std::int64_t>> {
        if (fresh)
            RunRowCodec::bindFresh(query, run);
        else
            RunRowCodec::bind(query, run);
        if (!query.exec()) {
            const QSqlError error = query.lastError();
            // The only constraint an insert can break is runs.job_id -> jobs.id.
            if (m_session.dialect().classify(error) == SqlErrorKind::Constraint)
                return StoreError::jobNotFound(run.jobId);
            return m_session.failure(error);
        }
        const auto id = insertedId(query);
        query.finish();
        return id;
    });
    if (!inserted)
        return inserted.error();
    const std::optional<std::int64_t> id = inserted.value();
    if (!id)
        return noRunId();
    run.id = *id;
    run.instance = m_session.instanceId();
    return {};
}

} // namespace punctual
