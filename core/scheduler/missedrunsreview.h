// The host's missed-runs review: catch-up passes after a downtime or a sleep become one report per job, kept
// until the user dismisses them (docs/window.md#missed-runs-review).
#pragma once

#include "calendars/exclusioncalendar.h"
#include "jobs/job.h"
#include "scheduler/missedrunsreport.h"

#include <QHash>
#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace punctual {

class Clock;
class DesktopState;
class Scheduler;
struct DuePlan;

/**
 * Watches the due passes of one Scheduler. A job whose first due fire time is a catch-up (handled more than
 * catchUpThresholdMs late) gets a report when the scheduler could not have run it on time:
 * - the time passed before the scheduler started: Punctual was not running (NotRunning);
 * - the scheduler was running, unpaused, with its store, since before that time, and the desktop reported a resume
 *   after it, or it is more than asleepMinimumMs late (a sleep that the wake timer noticed first, a clock jump):
 *   the computer was asleep (Asleep).
 * Times that passed while the scheduler was paused or its store unavailable are not reported (those are the user's
 * or the store's, shown elsewhere). Reports live in host memory: a window restart keeps them, a host restart
 * does not. A new report of a job with one pending is merged into it.
 */
class MissedRunsReview final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MissedRunsReview)

public:
    /// Without a resume from the desktop, a running scheduler this late is taken to have been asleep.
    static constexpr std::int64_t asleepMinimumMs = 60'000;
    /// Reports added within this time of the previous ones belong to the same episode (one notice).
    static constexpr std::int64_t episodeJoinMs = 5 * 60'000;

    MissedRunsReview(Scheduler &scheduler, const Clock &clock);

    /// Follows @p desktop's resumed() (the scheduler's desktop state).
    void setDesktopState(DesktopState *desktop);

    /// Due-pass hook: @p job (its next run time not advanced yet) is due at @p nowMs and @p plan is what the
    /// planner decided. A report is prepared when the job is a catch-up the scheduler could not help.
    void notePlan(const Job &job, const DuePlan &plan, std::int64_t nowMs, const ExclusionCalendars &calendars);
    /// The pass was committed: its reports join the pending ones; reportsAdded() when there were any.
    void commitPass();
    /// The pass failed (nothing recorded): its reports are forgotten (the next pass finds the times again).
    void dropPass();

    /// The pending reports, by job name.
    QList<MissedRunsReport> reports() const;
    bool hasReport(const QString &jobId) const { return m_pending.contains(jobId); }
    /// The episode of @p jobId's pending report; none without one.
    std::optional<int> episodeOf(const QString &jobId) const
    {
        const auto found = m_pending.constFind(jobId);
        return found == m_pending.cend() ? std::nullopt : std::optional(found->episode);
    }
    /// Dismisses the reports of @p jobIds (empty: all); returns the ids dismissed (reportsDismissed() when any).
    QStringList dismiss(const QStringList &jobIds);

signals:
    /// Reports were added or grew (each as it is now, merged); @p newEpisode: a new downtime or sleep to tell about.
    void reportsAdded(const QList<punctual::MissedRunsReport> &reports, bool newEpisode);
    void reportsDismissed(const QStringList &jobIds);

private:
    std::optional<MissedCause> causeOf(std::int64_t firstDueMs, std::int64_t nowMs) const;

    const Clock &m_clock;
    std::optional<std::int64_t> m_startedMs;   ///< the scheduler's last start()
    std::int64_t m_unblockedMs = 0;            ///< the last resume of a pause or return of the store
    std::optional<std::int64_t> m_desktopResumedMs; ///< the desktop's last resume from sleep
    std::optional<std::int64_t> m_lastAddedMs; ///< when reports were last added
    int m_episode = 0;
    QHash<QString, MissedRunsReport> m_pending;
    QList<MissedRunsReport> m_pass; ///< prepared by the pass going on
    QMetaObject::Connection m_resumeConnection;
};

} // namespace punctual
