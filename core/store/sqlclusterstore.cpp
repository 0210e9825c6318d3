// The cluster side of the SQL store (PostgreSQL): claiming due jobs under row locks, heartbeats, taking over the
// runs of instances that died, and telling other instances that jobs changed.
#include "sqljobstore.h"
#include "sqljobstoreparts.h"

#include "store/sqldialect.h"
#include "store/sqlschema.h"

#include <QSqlError>
#include <QSysInfo>

namespace punctual {

using namespace sqlschema;
using namespace sqlstore;

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

ClusterStore *SqlJobStore::cluster()
{
    return m_dialect->sharedByInstances() ? this : nullptr;
}

Result<QList<Job>> SqlJobStore::claimDueJobs(std::int64_t nowMs, int limit)
{
    if (!m_dialect->sharedByInstances() || limit == 0)
        return dueJobs(nowMs, limit);
    // A claim left open by a pass that never committed is given up first.
    m_claim.reset();
    auto claim = std::make_unique<WriteTransaction>(*this);
    if (auto ok = claim->begin(); !ok)
        return ok.error();
    // The rows come back locked until commitDue() commits (or the claim is dropped); rows another instance has
    // locked are passed over, and a row another instance advanced meanwhile is re-checked and left out.
    auto due = selectDueJobs(SelectDueJobsLocked, nowMs, limit);
    if (!due)
        return due.error(); // rolled back
    m_claim = std::move(claim);
    return due;
}

void SqlJobStore::jobsChanged()
{
    if (m_dialect->notifyChange().isEmpty())
        return;
    auto statement = prepared(NotifyChange);
    if (!statement) {
        qCWarning(lcStore) << "cannot tell other instances of a change:" << statement.error().message;
        return;
    }
    QSqlQuery &query = *statement.value();
    query.bindValue(senderParam, m_instanceId);
    if (auto ok = exec(query); !ok)
        qCWarning(lcStore) << "cannot tell other instances of a change:" << ok.error().message;
    query.finish();
}

Result<void> SqlJobStore::heartbeat(std::int64_t nowMs)
{
    if (m_startedAt == 0)
        m_startedAt = nowMs;
    auto statement = prepared(UpsertInstance);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    query.bindValue(instanceParam(instcol::Id), m_instanceId);
    query.bindValue(instanceParam(instcol::Host), QSysInfo::machineHostName());
    query.bindValue(instanceParam(instcol::Pid), static_cast<qlonglong>(QCoreApplication::applicationPid()));
    query.bindValue(instanceParam(instcol::StartedAt), static_cast<qlonglong>(m_startedAt));
    query.bindValue(instanceParam(instcol::Heartbeat), static_cast<qlonglong>(nowMs));
    query.bindValue(instanceParam(instcol::LeaseMs), static_cast<qlonglong>(m_leaseMs));
    return exec(query);
}

Result<void> SqlJobStore::leave()
{
    auto statement = prepared(DeleteInstance);
    if (!statement)
        return statement.error();
    statement.value()->bindValue(instanceParam(instcol::Id), m_instanceId);
    return exec(*statement.value());
}

Result<QList<InstanceInfo>> SqlJobStore::instances()
{
    auto statement = prepared(SelectInstances);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    if (auto ok = exec(query); !ok)
        return ok.error();
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

Result<QList<RunRecord>> SqlJobStore::recoverRuns(std::int64_t nowMs, bool includeOwn, int *interrupted)
{
    if (interrupted)
        *interrupted = 0;
    WriteTransaction transaction(*this);
    if (auto ok = transaction.begin(); !ok)
        return ok.error();

    struct Abandoned
    {
        std::int64_t id;
        RunRecord rerun;
        QString instance;
    };
    QList<Abandoned> abandoned;
    {
        auto statement = prepared(SelectAbandonedRuns);
        if (!statement)
            return statement.error();
        QSqlQuery &query = *statement.value();
        query.bindValue(meParam, m_instanceId);
        query.bindValue(ownParam, includeOwn ? 1 : 0);
        query.bindValue(nowParam, static_cast<qlonglong>(nowMs));
        if (auto ok = exec(query); !ok)
            return ok.error();
        while (query.next()) {
            Abandoned run;
            run.id = query.value(0).toLongLong();
            run.rerun.jobId = query.value(1).toString();
            run.rerun.scheduledTime = query.value(2).toLongLong();
            run.rerun.attempt = query.value(3).toInt();
            run.instance = query.value(4).toString();
            abandoned.append(run);
        }
        query.finish();
    }

    QHash<QString, bool> recovers; // job id -> its recover option
    QList<RunRecord> reruns;
    for (Abandoned &run : abandoned) {
        auto statement = prepared(InterruptRun);
        if (!statement)
            return statement.error();
        QSqlQuery &query = *statement.value();
        query.bindValue(runParam(runcol::Id), static_cast<qlonglong>(run.id));
        query.bindValue(runParam(runcol::EndTime), static_cast<qlonglong>(nowMs));
        query.bindValue(runParam(runcol::Error), run.instance == m_instanceId ? StoreError::interruptedMessage()
                                                                              : ClusterText::abandoned(run.instance));
        if (auto ok = exec(query); !ok)
            return ok.error();
        if (query.numRowsAffected() == 0)
            continue; // ended meanwhile
        if (interrupted)
            ++*interrupted;
        const QString &jobId = run.rerun.jobId;
        if (!recovers.contains(jobId)) {
            auto job = this->job(jobId);
            recovers.insert(jobId, job && job.value() && job.value()->options.recover);
        }
        if (!recovers.value(jobId))
            continue;
        // The same scheduled time and attempt, run again by this instance.
        if (auto ok = writeRun(run.rerun); !ok)
            return ok.error();
        reruns.append(run.rerun);
    }

    auto prune = prepared(DeleteDeadInstances);
    if (!prune)
        return prune.error();
    prune.value()->bindValue(nowParam, static_cast<qlonglong>(nowMs));
    if (auto ok = exec(*prune.value()); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    if (!abandoned.isEmpty())
        wrote();
    return reruns;
}

Result<QHash<QString, int>> SqlJobStore::runningElsewhere()
{
    auto statement = prepared(CountRunningElsewhere);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    if (auto ok = exec(query); !ok)
        return ok.error();
    QHash<QString, int> out;
    while (query.next())
        out.insert(query.value(0).toString(), query.value(1).toInt());
    query.finish();
    return out;
}

} // namespace punctual
