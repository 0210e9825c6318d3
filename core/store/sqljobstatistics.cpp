// SqlJobStore::jobStatistics(): outcomes counted in SQL, durations read as two times a run, a group of ids at once.
#include "sqljobstore.h"

#include "store/sqlschema.h"

#include <QSqlQuery>

namespace punctual {

using namespace sqlschema;

Result<QHash<QString, JobStatistics>> SqlJobStore::jobStatistics(const QStringList &askedIds, int pointLimit)
{
    QStringList ids = askedIds;
    ids.removeDuplicates(); // an id in two groups would be counted twice
    QHash<QString, JobStatistics> out;
    out.reserve(ids.size());
    for (const QString &id : std::as_const(ids))
        out[id].jobId = id;

    for (qsizetype begin = 0; begin < ids.size(); begin += statesPerStatement) {
        const qsizetype end = std::min(ids.size(), begin + statesPerStatement);
        auto counts = m_session->execute(SqlStatement::CountRunOutcomes,
                                         [&](QSqlQuery &q) { bindIdGroup(q, ids, begin, end); });
        if (!counts)
            return counts.error();
        QSqlQuery &countQuery = *counts.value();
        while (countQuery.next()) {
            const auto outcome = RunRecord::outcomeFromName(countQuery.value(1).toString());
            auto found = out.find(countQuery.value(0).toString());
            if (outcome && found != out.end())
                found->count(*outcome, countQuery.value(2).toInt());
        }
        countQuery.finish();

        auto durations = m_session->execute(SqlStatement::SelectRunDurations,
                                            [&](QSqlQuery &q) { bindIdGroup(q, ids, begin, end); });
        if (!durations)
            return durations.error();
        QSqlQuery &query = *durations.value();
        // Rows come by job, newest first: each job's list is handed over when the next job's rows begin.
        QString jobId;
        QList<RunDuration> newestFirst;
        const auto finishJob = [&] {
            if (auto found = out.find(jobId); found != out.end())
                found->setDurations(std::move(newestFirst), pointLimit);
            newestFirst = {};
        };
        while (query.next()) {
            const QString rowJob = query.value(0).toString();
            if (rowJob != jobId) {
                if (!jobId.isEmpty())
                    finishJob();
                jobId = rowJob;
            }
            const auto outcome = RunRecord::outcomeFromName(query.value(1).toString());
            const qint64 start = query.value(2).toLongLong();
            if (outcome)
                newestFirst.append({start, query.value(3).toLongLong() - start, *outcome});
        }
        if (!jobId.isEmpty())
            finishJob();
        query.finish();
    }
    return out;
}

} // namespace punctual
