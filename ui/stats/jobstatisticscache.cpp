// JobStatisticsCache: lazy, batched statistics of the rows painted.
#include "jobstatisticscache.h"

#include "control/schedulerclient.h"

namespace punctual {

JobStatisticsCache::JobStatisticsCache(SchedulerClient &scheduler, int points, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_points(points)
{
    m_send.setSingleShot(true);
    m_send.setInterval(0); // every row painted in one pass goes in one request
    connect(&m_send, &QTimer::timeout, this, &JobStatisticsCache::sendWanted);
    for (auto signal : {&SchedulerClient::jobExecuted, &SchedulerClient::jobError, &SchedulerClient::jobMissed,
                        &SchedulerClient::jobMaxInstances})
        connect(&scheduler, signal, this, [this](const RunRecord &run) { runEnded(run.jobId); });
    connect(&scheduler, &SchedulerClient::jobRemoved, this, &JobStatisticsCache::forget);
    connect(&scheduler, &SchedulerClient::allJobsRemoved, this, &JobStatisticsCache::forgetAll);
    connect(&scheduler, &SchedulerClient::storeReloaded, this, &JobStatisticsCache::forgetAll);
    connect(&scheduler, &SchedulerClient::hostConnectedChanged, this, [this](bool connected) {
        if (connected)
            forgetAll();
    });
}

const JobStatistics *JobStatisticsCache::statistics(const QString &jobId)
{
    const auto found = m_entries.constFind(jobId);
    if (found == m_entries.cend() || m_stale.contains(jobId))
        want(jobId);
    return found == m_entries.cend() ? nullptr : &*found;
}

void JobStatisticsCache::want(const QString &jobId)
{
    if (jobId.isEmpty() || m_inFlight.contains(jobId) || m_wantedSet.contains(jobId))
        return;
    m_wanted.append(jobId);
    m_wantedSet.insert(jobId);
    m_send.start();
}

void JobStatisticsCache::sendWanted()
{
    // Only while connected: a disconnected client would answer each with an error, and the rows are painted again
    // (and ask again) once the host is back.
    if (!m_scheduler.isConnected()) {
        m_wanted.clear();
        m_wantedSet.clear();
        return;
    }
    while (!m_wanted.isEmpty()) {
        const QStringList batch = m_wanted.mid(0, maxBatch);
        m_wanted.remove(0, batch.size());
        for (const QString &id : batch) {
            m_wantedSet.remove(id);
            m_inFlight.insert(id);
        }
        ++m_requests;
        m_requestedIds += int(batch.size());
        m_scheduler.statistics(batch, m_points, this,
                               [this, batch, generation = m_generation](Result<QList<JobStatistics>> answer) {
            if (generation != m_generation)
                return;
            QStringList changed;
            for (const QString &id : batch)
                m_inFlight.remove(id);
            if (!answer) {
                // Asked again when painted after the next change; nothing shows for them meanwhile.
                m_endedInFlight.subtract(QSet<QString>(batch.cbegin(), batch.cend()));
                return;
            }
            for (JobStatistics &stats : answer.value()) {
                const QString id = stats.jobId;
                if (!m_entries.contains(id))
                    m_order.append(id);
                m_entries.insert(id, std::move(stats));
                if (m_endedInFlight.remove(id))
                    m_stale.insert(id); // a run ended after the question: ask once more
                else
                    m_stale.remove(id);
                changed.append(id);
            }
            while (m_order.size() > maxEntries) {
                const QString oldest = m_order.takeFirst();
                m_entries.remove(oldest);
                m_stale.remove(oldest);
            }
            if (!changed.isEmpty())
                emit statisticsChanged(changed);
        });
    }
}

void JobStatisticsCache::runEnded(const QString &jobId)
{
    if (m_inFlight.contains(jobId))
        m_endedInFlight.insert(jobId);
    if (!m_entries.contains(jobId))
        return;
    m_stale.insert(jobId);
    emit statisticsChanged({jobId}); // its row repaints, and asks if it is in view
}

void JobStatisticsCache::forget(const QString &jobId)
{
    if (m_entries.remove(jobId))
        m_order.removeOne(jobId);
    m_stale.remove(jobId);
}

void JobStatisticsCache::forgetAll()
{
    ++m_generation;
    m_entries.clear();
    m_order.clear();
    m_stale.clear();
    m_inFlight.clear();
    m_endedInFlight.clear();
    m_wanted.clear();
    m_wantedSet.clear();
    emit statisticsChanged({});
}

} // namespace punctual
