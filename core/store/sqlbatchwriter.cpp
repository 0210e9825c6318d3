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

void bindState(QSqlQuery &query, const Job &job, std::int64_t now)
{
    query.bindValue(jobParam(jobcol::Paused), job.paused ? 1 : 0);
    query.bindValue(jobParam(jobcol::PauseNote), textValue(job.pauseNote));
    query.bindValue(jobParam(jobcol::NextRunTime), optionalValue(job.nextRunTime));
    query.bindValue(jobParam(jobcol::UpdatedAt), static_cast<qlonglong>(now));
}

} // namespace

Error SqlBatchWriter::noRunId() const
{
    return {ErrorCode::StoreFailure,
            SqlStoreText::tr("job store %1: no id for the new run").arg(shown(m_session.path()))};
}

Result<void> SqlBatchWriter::writeState(const Job &job, std::int64_t now)
{
    auto query = m_session.execute(SqlStatement::UpdateJobState, [&](QSqlQuery &q) {
        q.bindValue(jobParam(jobcol::Id), job.id);
        bindState(q, job, now);
    });
    if (!query)
        return query.error();
    if (query.value()->numRowsAffected() == 0)
        return StoreError::jobNotFound(job.id);
    return {};
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
        auto query = m_session.execute(SqlStatement::UpdateJobStates, [&](QSqlQuery &q) {
            bindState(q, jobs[order[begin]], now);
            for (int i = 0; i < statesPerStatement; ++i) {
                // A short group repeats its last id: IN () does not mind.
                q.bindValue(numbered(jobParam(jobcol::Id), i), jobs[order[std::min(begin + i, end - 1)]].id);
            }
        });
        if (!query)
            return query.error();
        if (query.value()->numRowsAffected() != end - begin) {
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
            auto statement = m_session.prepared(SqlStatement::InsertRunningRuns);
            if (!statement)
                return statement.error();
            QSqlQuery &query = *statement.value();
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
                        return ok;
                }
                return StoreError::jobNotFound(runs[i].jobId);
            }
            const auto last = m_session.dialect().insertedId(query);
            query.finish();
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
    auto statement = m_session.prepared(fresh ? SqlStatement::InsertRunningRun : SqlStatement::InsertRun);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
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
    const auto id = m_session.dialect().insertedId(query);
    query.finish();
    if (!id)
        return noRunId();
    run.id = *id;
    run.instance = m_session.instanceId();
    return {};
}

} // namespace punctual
