// The cluster side of a shared SQL store (PostgreSQL): heartbeats, instances, and runs of instances that died.
#include "sqlclusterstore.h"

#include "store/sqlschema.h"
#include "store/sqlsession.h"

#include <QSysInfo>

namespace punctual {

using namespace sqlschema;

namespace {

class ClusterText
{
    Q_DECLARE_TR_FUNCTIONS(SqlJobStore)

public:
    static QString abandoned(const QString &instance)
    {
        return tr("the instance %1 that ran this stopped answering (no heartbeat within its lease)").arg(instance);
    }
};

} // namespace

SqlClusterStore::SqlClusterStore(SqlSession &session, JobStore &jobs, std::int64_t leaseMs)
    : m_session(session)
    , m_jobs(jobs)
    , m_runs(session)
    , m_leaseMs(leaseMs)
{
}

QString SqlClusterStore::instanceId() const
{
    return m_session.instanceId();
}

Result<void> SqlClusterStore::heartbeat(std::int64_t nowMs)
{
    if (m_startedAt == 0)
        m_startedAt = nowMs;
    auto query = m_session.execute(SqlStatement::UpsertInstance, [&](QSqlQuery &q) {
        q.bindValue(instanceParam(instcol::Id), instanceId());
        q.bindValue(instanceParam(instcol::Host), QSysInfo::machineHostName());
        q.bindValue(instanceParam(instcol::Pid), static_cast<qlonglong>(QCoreApplication::applicationPid()));
        q.bindValue(instanceParam(instcol::StartedAt), static_cast<qlonglong>(m_startedAt));
        q.bindValue(instanceParam(instcol::Heartbeat), static_cast<qlonglong>(nowMs));
        q.bindValue(instanceParam(instcol::LeaseMs), static_cast<qlonglong>(m_leaseMs));
    });
    return query ? Result<void>() : query.error();
}

Result<void> SqlClusterStore::leave()
{
    auto query = m_session.execute(SqlStatement::DeleteInstance,
                                   [&](QSqlQuery &q) { q.bindValue(instanceParam(instcol::Id), instanceId()); });
    return query ? Result<void>() : query.error();
}

Result<QList<InstanceInfo>> SqlClusterStore::instances()
{
    auto statement = m_session.execute(SqlStatement::SelectInstances);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    QList<InstanceInfo> out;
    while (query.next()) {
        InstanceInfo info;
        info.id = query.value(instcol::Id).toString();
        info.host = query.value(instcol::Host).toString();
        info.pid = query.value(instcol::Pid).toLongLong();
        info.startedAt = query.value(instcol::StartedAt).toLongLong();
        info.heartbeat = query.value(instcol::Heartbeat).toLongLong();
        info.leaseMs = query.value(instcol::LeaseMs).toLongLong();
        out.append(info);
    }
    query.finish();
    return out;
}

Result<QList<SqlClusterStore::Abandoned>> SqlClusterStore::abandonedRuns(std::int64_t nowMs, bool includeOwn)
{
    auto statement = m_session.execute(SqlStatement::SelectAbandonedRuns, [&](QSqlQuery &q) {
        q.bindValue(meParam, instanceId());
        q.bindValue(ownParam, includeOwn ? 1 : 0);
        q.bindValue(nowParam, static_cast<qlonglong>(nowMs));
    });
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    QList<Abandoned> abandoned;
    while (query.next()) {
        Abandoned run;
        run.id = query.value(0).toLongLong();
        run.rerun.jobId = query.value(1).toString();
        run.rerun.scheduledTime = query.value(2).toLongLong();
        run.rerun.attempt = query.value(3).toInt();
        run.instance = query.value(4).toString();
        run.rerun.reason = RunRecord::reasonFromName(query.value(5).toString()).value_or(RunReason::Scheduled);
        run.queued = query.value(6).toString() == RunRecord::outcomeName(RunOutcome::Queued);
        run.waiting = query.value(6).toString() == RunRecord::outcomeName(RunOutcome::Waiting);
        abandoned.append(run);
    }
    query.finish();
    return abandoned;
}

Result<QList<RunRecord>> SqlClusterStore::recoverRuns(std::int64_t nowMs, bool includeOwn, int *interrupted)
{
    if (interrupted)
        *interrupted = 0;
    SqlSession::WriteTransaction transaction(m_session);
    if (auto ok = transaction.begin(); !ok)
        return ok.error();
    auto abandoned = abandonedRuns(nowMs, includeOwn);
    if (!abandoned)
        return abandoned.error();

    QHash<QString, bool> recovers; // job id -> its recover option
    QList<RunRecord> reruns;
    for (Abandoned &run : abandoned.value()) {
        auto query = m_session.execute(SqlStatement::InterruptRun, [&](QSqlQuery &q) {
            q.bindValue(runParam(runcol::Id), static_cast<qlonglong>(run.id));
            q.bindValue(runParam(runcol::EndTime), static_cast<qlonglong>(nowMs));
            q.bindValue(runParam(runcol::Error),
                        run.instance != instanceId() ? ClusterText::abandoned(run.instance)
                        : run.queued                 ? StoreError::interruptedQueuedMessage()
                        : run.waiting                ? StoreError::interruptedWaitingMessage()
                                                     : StoreError::interruptedMessage());
        });
        if (!query)
            return query.error();
        if (query.value()->numRowsAffected() == 0)
            continue; // ended meanwhile
        if (interrupted)
            ++*interrupted;
        if (run.queued || run.waiting) // never began: nothing to run again (its job's next run times go on)
            continue;
        const QString &jobId = run.rerun.jobId;
        if (!recovers.contains(jobId)) {
            auto job = m_jobs.job(jobId);
            recovers.insert(jobId, job && job.value() && job.value()->options.recover);
        }
        if (!recovers.value(jobId))
            continue;
        // The same scheduled time and attempt, run again by this instance.
        if (auto ok = m_runs.writeRun(run.rerun); !ok)
            return ok.error();
        reruns.append(run.rerun);
    }

    auto prune = m_session.execute(SqlStatement::DeleteDeadInstances,
                                   [&](QSqlQuery &q) { q.bindValue(nowParam, static_cast<qlonglong>(nowMs)); });
    if (!prune)
        return prune.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    if (!abandoned.value().isEmpty())
        m_session.wrote();
    return reruns;
}

Result<QHash<QString, int>> SqlClusterStore::runningElsewhere()
{
    auto statement = m_session.execute(SqlStatement::CountRunningElsewhere);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    QHash<QString, int> out;
    while (query.next())
        out.insert(query.value(0).toString(), query.value(1).toInt());
    query.finish();
    return out;
}

} // namespace punctual
