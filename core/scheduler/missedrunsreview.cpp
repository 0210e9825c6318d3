// Catch-up passes turned into missed-runs reports, one per job, until dismissed.
#include "missedrunsreview.h"

#include "desktop/desktopstate.h"
#include "scheduler/dueplanner.h"
#include "scheduler/scheduler.h"
#include "time/clock.h"

#include <algorithm>

namespace punctual {

MissedRunsReview::MissedRunsReview(Scheduler &scheduler, const Clock &clock)
    : QObject(&scheduler)
    , m_clock(clock)
{
    connect(&scheduler, &Scheduler::started, this, [this] {
        m_startedMs = m_clock.nowMs();
        m_unblockedMs = 0;
    });
    // A pause or a store outage ends: what passed meanwhile is not a missed run to review.
    connect(&scheduler, &Scheduler::resumed, this, [this] { m_unblockedMs = m_clock.nowMs(); });
    connect(&scheduler, &Scheduler::storeStatusChanged, this, [this](const StoreStatus &status) {
        if (status.available)
            m_unblockedMs = m_clock.nowMs();
    });
    // A job gone takes its report with it.
    connect(&scheduler, &Scheduler::jobRemoved, this, [this](const QString &id) {
        if (m_pending.contains(id))
            dismiss({id});
    });
    connect(&scheduler, &Scheduler::allJobsRemoved, this, [this] { dismiss({}); });
}

void MissedRunsReview::setDesktopState(DesktopState *desktop)
{
    disconnect(m_resumeConnection);
    if (desktop)
        m_resumeConnection = connect(desktop, &DesktopState::resumed, this,
                                     [this] { m_desktopResumedMs = m_clock.nowMs(); });
}

std::optional<MissedCause> MissedRunsReview::causeOf(std::int64_t firstDueMs, std::int64_t nowMs) const
{
    if (nowMs - firstDueMs <= catchUpThresholdMs || !m_startedMs)
        return std::nullopt;
    if (firstDueMs < *m_startedMs)
        return MissedCause::NotRunning;
    if (firstDueMs < m_unblockedMs)
        return std::nullopt; // passed while paused or without the store
    const bool resumedSince = m_desktopResumedMs && *m_desktopResumedMs > firstDueMs;
    if (resumedSince || nowMs - firstDueMs > asleepMinimumMs)
        return MissedCause::Asleep;
    return std::nullopt;
}

void MissedRunsReview::notePlan(const Job &job, const DuePlan &plan, std::int64_t nowMs,
                                const ExclusionCalendars &calendars)
{
    if (!job.nextRunTime || !job.trigger)
        return;
    const std::int64_t firstDue = *job.nextRunTime;
    const auto cause = causeOf(firstDue, nowMs);
    if (!cause)
        return;
    MissedRunsReport report;
    report.jobId = job.id;
    report.jobName = job.name.isEmpty() ? job.id : job.name;
    report.cause = *cause;
    report.gapFromMs = firstDue;
    report.gapToMs = *cause == MissedCause::NotRunning ? *m_startedMs
        : m_desktopResumedMs && *m_desktopResumedMs > firstDue ? std::min(*m_desktopResumedMs, nowMs)
                                                                : nowMs;
    // Every fire time that passed, coalesced ones included (the planner keeps only what it records). Bounded as the
    // planner's walk is: after maxWalkedRunTimes the count is "at least".
    std::optional<std::int64_t> at = firstDue;
    std::int64_t walked = 0;
    while (at && *at <= nowMs) {
        if (++walked > maxWalkedRunTimes) {
            report.times.atLeast = true;
            break;
        }
        report.times.add(*at);
        if (calendars.excludes(job, *at))
            ++report.excluded;
        at = job.trigger->nextFireTime(*at);
    }
    for (const RunRecord &missed : plan.missed) {
        const bool pastGrace = job.options.misfireGraceMs && missed.count <= 1;
        (pastGrace ? report.missedLate : report.missedUncaught) += std::max<std::int64_t>(1, missed.count);
    }
    report.skipped = plan.skipped.size();
    report.ranLate = plan.submit.size() + plan.queued.size();
    if (report.ranLate > 0)
        report.ranAtMs = nowMs;
    report.coalesce = job.options.coalesce == CoalescePolicy::Latest;
    if (report.coalesce) {
        const std::int64_t decided =
            report.excluded + report.ranLate + report.missedLate + report.missedUncaught + report.skipped;
        report.coalesced = std::max<std::int64_t>(0, report.times.total - decided);
    }
    report.misfireGraceMs = job.options.misfireGraceMs;
    report.maxInstances = job.options.maxInstances;
    m_pass.append(report);
}

void MissedRunsReview::commitPass()
{
    if (m_pass.isEmpty())
        return;
    const std::int64_t now = m_clock.nowMs();
    const bool newEpisode = m_pending.isEmpty() || !m_lastAddedMs || now - *m_lastAddedMs > episodeJoinMs;
    if (newEpisode)
        ++m_episode;
    m_lastAddedMs = now;
    QList<MissedRunsReport> added;
    for (MissedRunsReport &report : m_pass) {
        report.episode = m_episode;
        auto pending = m_pending.find(report.jobId);
        if (pending == m_pending.end())
            pending = m_pending.insert(report.jobId, report);
        else
            pending->merge(report);
        added.append(*pending);
    }
    m_pass.clear();
    emit reportsAdded(added, newEpisode);
}

void MissedRunsReview::dropPass()
{
    m_pass.clear();
}

QList<MissedRunsReport> MissedRunsReview::reports() const
{
    QList<MissedRunsReport> all = m_pending.values();
    std::sort(all.begin(), all.end(), [](const MissedRunsReport &a, const MissedRunsReport &b) {
        const int byName = QString::localeAwareCompare(a.jobName, b.jobName);
        return byName != 0 ? byName < 0 : a.jobId < b.jobId;
    });
    return all;
}

QStringList MissedRunsReview::dismiss(const QStringList &jobIds)
{
    QStringList dismissed;
    if (jobIds.isEmpty()) {
        dismissed = m_pending.keys();
        m_pending.clear();
    } else {
        for (const QString &id : jobIds) {
            if (m_pending.remove(id) > 0)
                dismissed << id;
        }
    }
    std::sort(dismissed.begin(), dismissed.end());
    if (!dismissed.isEmpty())
        emit reportsDismissed(dismissed);
    return dismissed;
}

} // namespace punctual
