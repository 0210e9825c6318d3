// The cluster side of a shared SQL store (PostgreSQL): heartbeats, instances, and runs of instances that died.
#pragma once

#include "store/jobstore.h"
#include "store/sqlbatchwriter.h"

namespace punctual {

class SqlSession;

/**
 * ClusterStore over the connection of a SqlJobStore (SqlJobStore::cluster() of a PostgreSQL store). The instance
 * is the session's (SqlSession::instanceId(), stamped on every run the store inserts); its heartbeat row is written
 * at the first heartbeat(). Runs taken over from a dead instance are inserted again for this one when their job
 * (read through @p jobs) asks for recovery.
 */
class SqlClusterStore final : public ClusterStore
{
public:
    SqlClusterStore(SqlSession &session, JobStore &jobs, std::int64_t leaseMs);
    Q_DISABLE_COPY_MOVE(SqlClusterStore)

    QString instanceId() const override;
    std::int64_t leaseMs() const override { return m_leaseMs; }
    Result<void> heartbeat(std::int64_t nowMs) override;
    Result<void> leave() override;
    Result<QList<InstanceInfo>> instances() override;
    Result<QList<RunRecord>> recoverRuns(std::int64_t nowMs, bool includeOwn, int *interrupted) override;
    Result<QHash<QString, int>> runningElsewhere() override;

private:
    /// A run still marked running by an instance found dead (or by this one, restarted).
    struct Abandoned
    {
        std::int64_t id;
        RunRecord rerun; ///< its job, scheduled time and attempt, to run again
        QString instance;
        bool queued = false; ///< waiting in a queue (overlap policies), not begun
        bool waiting = false; ///< waiting for its job's conditions, not begun
    };
    Result<QList<Abandoned>> abandonedRuns(std::int64_t nowMs, bool includeOwn);

    SqlSession &m_session;
    JobStore &m_jobs;
    SqlBatchWriter m_runs;
    std::int64_t m_leaseMs;
    std::int64_t m_startedAt = 0; ///< first heartbeat
};

} // namespace punctual
