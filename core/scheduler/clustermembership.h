// A scheduler's membership in a shared store's cluster: its heartbeat, joining, leaving and taking over the runs
// of instances that died.
#pragma once

#include "jobs/runrecord.h"
#include "util/result.h"

#include <QList>
#include <QObject>

class QTimer;

namespace punctual {

class ClusterStore;
class Clock;

/**
 * The cluster side of a Scheduler on a shared store (JobStore::cluster()). Joining writes this instance's
 * heartbeat row and takes over its own leftovers and the runs of dead instances; a heartbeat timer (every lease/4)
 * then repeats the heartbeat and the take-over. Runs to be started again here (jobs with the recover option) are
 * handed to the scheduler through runsRecovered(), emitted synchronously.
 */
class ClusterMembership final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterMembership)

public:
    ClusterMembership(ClusterStore &cluster, const Clock &clock, QObject *parent = nullptr);

    ClusterStore &store() const { return m_cluster; }
    bool isJoined() const { return m_joined; }
    /// First heartbeat, own leftovers and dead instances' runs taken over, heartbeat timer started.
    Result<void> join();
    /// Stops the heartbeat and removes this instance's row. Call only once nothing of ours runs: a row removed
    /// while runs go would let others take them over.
    void leave();
    /// Writes the heartbeat and takes over the runs of instances whose lease ran out.
    void heartbeat();
    /// The store is back after an outage: the heartbeat is written at once, but no other instance's runs are taken
    /// over for a lease plus @p othersRetryMs (the longest pause between their reconnects). Instances that lost the
    /// database together were not seen beating meanwhile; each gets that long to reconnect and beat again.
    void regained(std::int64_t othersRetryMs);

signals:
    /// Runs of jobs with the recover option, inserted as running for this instance: to be started here.
    void runsRecovered(const QList<punctual::RunRecord> &runs);
    void storeFailed(const punctual::Error &error);

private:
    void recoverAbandonedRuns(bool includeOwn);

    ClusterStore &m_cluster;
    const Clock &m_clock;
    QTimer *m_heartbeatTimer = nullptr;
    bool m_joined = false;
    std::int64_t m_takeOverNotBefore = 0; ///< clock ms; after an outage (regained())
};

} // namespace punctual
