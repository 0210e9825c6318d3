// The job table's statistics: asked of the host for the rows painted, in batches, kept, and renewed when a run ends.
#pragma once

#include "jobs/jobstatistics.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace punctual {

class SchedulerClient;

/**
 * Statistics of the jobs the window shows, fetched lazily: statistics() answers what it has and notes a job it has
 * not (or whose answer is stale); the noted ids go to the host in one "stats" request on the next turn of the event
 * loop (at most maxBatch ids a request). A painted row asks, so only the rows in view are ever requested, never all
 * jobs of a long list. A run of a job that ends (jobExecuted, jobError, jobMissed, jobMaxInstances) makes its entry
 * stale: it is asked again the next time it is painted, and the old figures show until the answer comes. Removed
 * jobs are dropped; a new connection to the host drops everything. At most maxEntries jobs are kept (the oldest
 * answers go first).
 */
class JobStatisticsCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobStatisticsCache)

public:
    static constexpr int maxBatch = 500;
    static constexpr int maxEntries = 5000;

    /// Asks @p scheduler for @p points durations per job (the sparkline's 50 by default).
    explicit JobStatisticsCache(SchedulerClient &scheduler, int points = sparklinePoints, QObject *parent = nullptr);

    /// The statistics of @p jobId as last answered, or nullptr while none came; asks for them (again) when there
    /// are none or they are stale.
    const JobStatistics *statistics(const QString &jobId);

    /// How many "stats" requests were sent, and how many ids they asked for (tests, the docs' figures).
    int requestCount() const { return m_requests; }
    int requestedIdCount() const { return m_requestedIds; }

signals:
    /// New figures for @p jobIds came (repaint their rows).
    void statisticsChanged(const QStringList &jobIds);

private:
    void want(const QString &jobId);
    void sendWanted();
    void runEnded(const QString &jobId);
    void forget(const QString &jobId);
    void forgetAll();

    SchedulerClient &m_scheduler;
    int m_points;
    QHash<QString, JobStatistics> m_entries;
    QList<QString> m_order;     ///< ids of m_entries, oldest answer first (trimmed to maxEntries)
    QSet<QString> m_stale;      ///< entries a run has ended since: asked again when painted
    QStringList m_wanted;       ///< to ask on the next turn
    QSet<QString> m_wantedSet;
    QSet<QString> m_inFlight;   ///< asked, no answer yet
    QSet<QString> m_endedInFlight; ///< a run ended while asked: the answer may be older than it
    QTimer m_send;
    quint64 m_generation = 0;   ///< forgetAll() drops answers to requests sent before it
    int m_requests = 0;
    int m_requestedIds = 0;
};

} // namespace punctual
