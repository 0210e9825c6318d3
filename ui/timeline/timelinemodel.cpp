// The timeline's data: runs from the host, fire times from triggers, excluded days and DST changes.
#include "timelinemodel.h"

#include "control/schedulerclient.h"
#include "jobs/job.h"
#include "store/jobstore.h"
#include "time/civil.h"
#include "time/clock.h"

#include <algorithm>

namespace punctual {

using civil::floorDiv;
using civil::secondsPerDay;

TimelineModel::TimelineModel(SchedulerClient &scheduler, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
{
    for (auto signal : {&SchedulerClient::jobSubmitted, &SchedulerClient::jobExecuted, &SchedulerClient::jobError,
                        &SchedulerClient::jobMissed, &SchedulerClient::jobMaxInstances})
        connect(&scheduler, signal, this, &TimelineModel::onRun);
    connect(&scheduler, &SchedulerClient::jobRemoved, this, [this](const QString &id) {
        m_runs.remove(id);
        m_covered.remove(id);
        emit changed();
    });
    connect(&scheduler, &SchedulerClient::jobModified, this, &TimelineModel::changed);
    connect(&scheduler, &SchedulerClient::allJobsRemoved, this, &TimelineModel::refresh);
    connect(&scheduler, &SchedulerClient::storeReloaded, this, &TimelineModel::refresh);
    connect(&scheduler, &SchedulerClient::hostConnectedChanged, this, [this](bool connected) {
        if (connected)
            refresh();
    });
    connect(&scheduler, &SchedulerClient::stateChanged, this, &TimelineModel::changed);
    loadCalendars();
}

std::int64_t TimelineModel::nowMs() const
{
    return m_clock.nowMs();
}

bool TimelineModel::schedulerPaused() const
{
    return m_scheduler.state() == Scheduler::State::Paused;
}

void TimelineModel::refresh()
{
    ++m_generation;
    m_runs.clear();
    m_covered.clear();
    m_pending.clear();
    loadCalendars();
    emit changed();
}

void TimelineModel::loadCalendars()
{
    const int generation = m_generation;
    m_scheduler.calendars(this, [this, generation](Result<QList<CalendarInfo>> answer) {
        if (!answer || generation != m_generation)
            return;
        QList<ExclusionCalendar> calendars;
        for (const CalendarInfo &info : std::as_const(answer.value()))
            calendars.append(info.calendar);
        m_calendars = ExclusionCalendars(calendars);
        emit changed();
    });
}

void TimelineModel::ensureRuns(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs)
{
    QStringList wanted;
    for (const QString &id : jobIds) {
        if (m_pending.contains(id))
            continue;
        const auto cover = m_covered.constFind(id);
        if (cover != m_covered.cend() && cover->sinceMs <= sinceMs && cover->untilMs >= untilMs)
            continue;
        wanted.append(id);
    }
    if (wanted.isEmpty())
        return;
    // A margin either side, so that a little scrolling asks for nothing.
    const std::int64_t margin = (untilMs - sinceMs) / 2;
    const Cover asked{sinceMs - margin, untilMs + margin};
    for (const QString &id : std::as_const(wanted))
        m_pending.insert(id);
    m_fetchedJobs += wanted.size();
    ++m_requests;
    const int generation = m_generation;
    m_scheduler.runsInRange(wanted, asked.sinceMs, asked.untilMs, this,
                            [this, wanted, asked, generation](Result<QList<RunRecord>> answer) {
                                if (generation != m_generation)
                                    return;
                                for (const QString &id : wanted)
                                    m_pending.remove(id);
                                if (!answer)
                                    return; // asked again at the next paint
                                for (const QString &id : wanted) {
                                    // The runs of this span are the host's answer; runs outside it stay.
                                    Cover &cover = m_covered[id];
                                    auto &runs = m_runs[id];
                                    for (auto it = runs.begin(); it != runs.end();) {
                                        if (runOverlaps(*it, asked.sinceMs, asked.untilMs))
                                            it = runs.erase(it);
                                        else
                                            ++it;
                                    }
                                    const bool joins = cover.untilMs >= asked.sinceMs && cover.sinceMs <= asked.untilMs;
                                    cover = joins ? Cover{std::min(cover.sinceMs, asked.sinceMs),
                                                          std::max(cover.untilMs, asked.untilMs)}
                                                  : asked;
                                }
                                for (RunRecord &run : answer.value())
                                    m_runs[run.jobId].insert(run.id, std::move(run));
                                emit changed();
                            });
}

void TimelineModel::onRun(const RunRecord &run)
{
    // Only jobs shown (asked for) are kept; their newer runs come as events.
    if (!m_covered.contains(run.jobId) && !m_pending.contains(run.jobId))
        return;
    RunRecord kept = run;
    kept.output.clear();
    m_runs[run.jobId].insert(run.id, std::move(kept));
    emit changed();
}

QList<RunRecord> TimelineModel::runs(const QString &jobId, std::int64_t sinceMs, std::int64_t untilMs) const
{
    QList<RunRecord> out;
    const auto runs = m_runs.constFind(jobId);
    if (runs == m_runs.cend())
        return out;
    for (const RunRecord &run : *runs) {
        if (runOverlaps(run, sinceMs, untilMs))
            out.append(run);
    }
    std::sort(out.begin(), out.end(), [](const RunRecord &a, const RunRecord &b) {
        const std::int64_t left = a.startTime.value_or(a.scheduledTime);
        const std::int64_t right = b.startTime.value_or(b.scheduledTime);
        return left != right ? left < right : a.id < b.id;
    });
    return out;
}

QList<std::int64_t> TimelineModel::ticks(const Job &job, std::int64_t sinceMs, std::int64_t untilMs) const
{
    QList<std::int64_t> out;
    if (job.paused || schedulerPaused() || !job.trigger || !job.nextRunTime)
        return out;
    const std::int64_t from = std::max(sinceMs, nowMs());
    std::optional<std::int64_t> fire = job.nextRunTime;
    if (*fire < from)
        fire = job.trigger->nextFireTime(from - 1);
    while (fire && *fire <= untilMs && out.size() < maxTicks) {
        if (!m_calendars.excludes(job, *fire))
            out.append(*fire);
        fire = job.trigger->nextFireTime(*fire);
    }
    return out;
}

QList<TimelineShade> TimelineModel::shades(const Job &job, std::int64_t sinceMs, std::int64_t untilMs) const
{
    QList<TimelineShade> out;
    if (!job.trigger)
        return out;
    const ZoneRules &zone = job.trigger->zone();
    const auto dayStart = [&zone](std::int64_t day) { return zone.toUtc(day * secondsPerDay) * 1000; };
    const auto dayOf = [&zone](std::int64_t ms) { return floorDiv(zone.toLocal(floorDiv(ms, 1000)), secondsPerDay); };

    if (!job.options.exclude.isEmpty() && !m_calendars.isEmpty()) {
        for (std::int64_t day = dayOf(sinceMs), last = dayOf(untilMs); day <= last; ++day) {
            if (const auto exclusion = m_calendars.excludesDay(job, day))
                out.append(TimelineShade{TimelineShade::Kind::ExcludedDay, dayStart(day), dayStart(day + 1), 0, 0,
                            exclusion->calendar});
        }
    }
    // A change up to a day outside the span still shades the part of its day inside it.
    const std::int64_t untilSec = floorDiv(untilMs, 1000) + secondsPerDay;
    for (int segment = zone.segmentAt(floorDiv(sinceMs, 1000) - secondsPerDay); segment + 1 < zone.segmentCount();
         ++segment) {
        const std::int64_t change = zone.segmentEnd(segment);
        if (change > untilSec)
            break;
        const int delta = zone.segmentOffset(segment + 1) - zone.segmentOffset(segment);
        if (delta == 0)
            continue;
        const std::int64_t day = dayOf(change * 1000);
        if (dayStart(day + 1) <= sinceMs || dayStart(day) > untilMs)
            continue;
        out.append(TimelineShade{TimelineShade::Kind::DstChange, dayStart(day), dayStart(day + 1), change * 1000, delta, {}});
    }
    std::sort(out.begin(), out.end(),
              [](const TimelineShade &a, const TimelineShade &b) { return a.startMs < b.startMs; });
    return out;
}

} // namespace punctual
