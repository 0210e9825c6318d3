// What the timeline draws for a span of time: the runs of the jobs shown (from the host), their coming fire times
// (from their triggers), the days their calendars exclude and their zones' DST changes.
#pragma once

#include "calendars/exclusioncalendar.h"
#include "jobs/runrecord.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <cstdint>

namespace punctual {

class Clock;
class Job;
class SchedulerClient;

/// One span of a timeline row that is shaded, with why.
struct TimelineShade
{
    enum class Kind
    {
        ExcludedDay, ///< a local day one of the job's calendars excludes (its runs are recorded "excluded")
        DstChange,   ///< the local day the job's zone changes its clocks; atMs is the change itself
    };
    Kind kind;
    std::int64_t startMs;
    std::int64_t endMs;
    std::int64_t atMs = 0;    ///< DstChange: the instant the clocks change
    int offsetChangeSec = 0;  ///< DstChange: +3600 clocks go forward, -3600 back
    QString calendar;         ///< ExcludedDay: the calendar that excludes it
};

/**
 * The timeline's data, for the rows it shows and the span they show. Runs are asked of the host for a span with a
 * margin (SchedulerClient::runsInRange, one request for the rows shown that lack it), kept per job, and kept current
 * from the run events the client re-emits. Fire times come from each job's trigger (at most maxTicks per row and
 * span); none for a paused job or a paused scheduler. Exclusion calendars are asked of the host once and again
 * on refresh().
 */
class TimelineModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    static constexpr int maxTicks = 200;

    TimelineModel(SchedulerClient &scheduler, const Clock &clock, QObject *parent = nullptr);

    /// Makes sure the runs of @p jobIds overlapping [@p sinceMs, @p untilMs] are here or asked for; asks the host
    /// once for all that lack them, with half the span as margin either side. Returns at once.
    void ensureRuns(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs);
    /// The runs of @p jobId known here that overlap the span, by start (scheduled time when they never started).
    QList<RunRecord> runs(const QString &jobId, std::int64_t sinceMs, std::int64_t untilMs) const;
    /// The coming fire times of @p job in [max(now, @p sinceMs), @p untilMs], at most maxTicks; none when it or the
    /// scheduler is paused. Fire times on days its calendars exclude are left out (they will not run).
    QList<std::int64_t> ticks(const Job &job, std::int64_t sinceMs, std::int64_t untilMs) const;
    /// Excluded days and DST changes of @p job within the span, by start.
    QList<TimelineShade> shades(const Job &job, std::int64_t sinceMs, std::int64_t untilMs) const;
    bool schedulerPaused() const;
    std::int64_t nowMs() const;

    /// Forgets every run and asks for the calendars again (after a reconnect, a reload of the store).
    void refresh();
    /// Asks the host for the exclusion calendars again (they change without an event: when the timeline shows).
    void reloadCalendars() { loadCalendars(); }
    /// How many job ids were asked for so far, and how many requests: a list of 100,000 asks only for what shows.
    qint64 fetchedJobCount() const { return m_fetchedJobs; }
    int requestCount() const { return m_requests; }
    /// No request is waiting for its answer.
    bool isIdle() const { return m_pending.isEmpty(); }

signals:
    /// Something drawn changed (runs came or changed, calendars came, the scheduler paused or resumed).
    void changed();

private:
    struct Cover
    {
        std::int64_t sinceMs = 0;
        std::int64_t untilMs = -1;
    };
    void onRun(const RunRecord &run);
    void loadCalendars();

    SchedulerClient &m_scheduler;
    const Clock &m_clock;
    QHash<QString, QHash<qint64, RunRecord>> m_runs; ///< by job, by run id
    QHash<QString, Cover> m_covered;                 ///< the span each job's runs were read for
    QSet<QString> m_pending;                         ///< jobs asked for, not answered yet
    ExclusionCalendars m_calendars;
    int m_generation = 0; ///< answers to requests before a refresh() are dropped
    qint64 m_fetchedJobs = 0;
    int m_requests = 0;
};

} // namespace punctual
