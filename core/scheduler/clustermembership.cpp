// Heartbeat, join, leave and take-over for a scheduler on a shared store.
#include "clustermembership.h"

#include "store/jobstore.h"
#include "time/clock.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcScheduler)

namespace punctual {

ClusterMembership::ClusterMembership(ClusterStore &cluster, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_clock(clock)
{
}

Result<void> ClusterMembership::join()
{
    if (auto beat = m_cluster.heartbeat(m_clock.nowMs()); !beat)
        return beat;
    m_joined = true;
    recoverAbandonedRuns(true);
    if (!m_heartbeatTimer) {
        // The one timer a clustered scheduler has besides its wake timer: the heartbeat is what tells the others
        // it is alive, so it cannot wait for a due job.
        m_heartbeatTimer = new QTimer(this);
        connect(m_heartbeatTimer, &QTimer::timeout, this, &ClusterMembership::heartbeat);
    }
    m_heartbeatTimer->start(static_cast<int>(std::clamp<std::int64_t>(m_cluster.leaseMs() / 4, 250, 60'000)));
    qCInfo(lcScheduler, "joined the cluster as %s (lease %lld ms)", qPrintable(m_cluster.instanceId()),
           static_cast<long long>(m_cluster.leaseMs()));
    return {};
}

void ClusterMembership::leave()
{
    if (!m_joined)
        return;
    if (m_heartbeatTimer)
        m_heartbeatTimer->stop();
    m_joined = false;
    if (auto left = m_cluster.leave(); !left)
        qCWarning(lcScheduler, "could not remove this instance's heartbeat row: %s", qPrintable(left.error().message));
}

void ClusterMembership::heartbeat()
{
    if (!m_joined)
        return;
    if (auto beat = m_cluster.heartbeat(m_clock.nowMs()); !beat) {
        emit storeFailed(beat.error());
        return;
    }
    recoverAbandonedRuns(false);
}

void ClusterMembership::regained(std::int64_t othersRetryMs)
{
    m_takeOverNotBefore = m_clock.nowMs() + m_cluster.leaseMs() + othersRetryMs;
    if (!m_joined)
        return;
    if (auto beat = m_cluster.heartbeat(m_clock.nowMs()); !beat)
        emit storeFailed(beat.error());
}

void ClusterMembership::recoverAbandonedRuns(bool includeOwn)
{
    // Back from an outage: the others' heartbeats are as old as the outage, which says nothing of whether they live.
    if (!includeOwn && m_clock.nowMs() < m_takeOverNotBefore)
        return;
    int interrupted = 0;
    auto reruns = m_cluster.recoverRuns(m_clock.nowMs(), includeOwn, &interrupted);
    if (!reruns) {
        emit storeFailed(reruns.error());
        return;
    }
    if (interrupted > 0)
        qCWarning(lcScheduler, "%d abandoned run(s) are now interrupted; %lld of them run again here", interrupted,
                  static_cast<long long>(reruns.value().size()));
    if (!reruns.value().isEmpty())
        emit runsRecovered(reruns.value());
}

} // namespace punctual
