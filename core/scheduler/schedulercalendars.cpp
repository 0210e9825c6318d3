// The Scheduler's exclusion calendars: stored through it, checked when a job names one, and the jobs using a
// calendar planned again when it changes.
#include "scheduler.h"

#include "store/jobstore.h"
#include "time/clock.h"
#include "time/isotime.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcScheduler)

namespace punctual {

Result<QList<ExclusionCalendar>> Scheduler::calendars() const
{
    return m_store.calendars();
}

Result<ExclusionCalendar> Scheduler::calendar(const QString &name) const
{
    auto found = m_store.calendar(name);
    if (!found)
        return found.error();
    if (!found.value())
        return StoreError::calendarNotFound(name);
    return *found.value();
}

const ExclusionCalendars &Scheduler::exclusionCalendars() const
{
    if (!m_calendars) {
        auto stored = m_store.calendars();
        if (!stored) {
            // Not kept: the next pass reads them again. Meanwhile nothing is excluded (a run rather than none).
            qCWarning(lcScheduler, "cannot read the exclusion calendars: %s", qPrintable(stored.error().message));
            static const ExclusionCalendars none;
            return none;
        }
        m_calendars = ExclusionCalendars(stored.value());
    }
    return *m_calendars;
}

Result<void> Scheduler::checkCalendars(const Job &job) const
{
    for (const QString &name : job.options.exclude) {
        auto found = m_store.calendar(name);
        if (!found)
            return found.error();
        if (!found.value())
            return invalidInput(tr("job \"%1\": no calendar named \"%2\" (exclude)").arg(job.id, name));
    }
    return {};
}

Result<QStringList> Scheduler::jobsUsingCalendar(const QString &name) const
{
    auto jobs = m_store.jobs();
    if (!jobs)
        return jobs.error();
    QStringList ids;
    for (const Job &job : std::as_const(jobs.value())) {
        if (job.options.exclude.contains(name))
            ids.append(job.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::optional<std::int64_t> Scheduler::nextRunTimeAfterCalendarChange(const Job &job)
{
    const std::int64_t now = m_clock.nowMs();
    // A due run time is the due pass's (it records it excluded, or runs it); so is a job not running now.
    if (job.nextRunTime && *job.nextRunTime <= now)
        return job.nextRunTime;
    const ExclusionCalendars &calendars = exclusionCalendars();
    const auto first = calendars.firstIncluded(job, job.trigger->nextFireTime(now));
    if (job.nextRunTime && first && !calendars.excludes(job, *job.nextRunTime) && *first >= *job.nextRunTime)
        return job.nextRunTime; // unchanged (its jitter kept)
    return first && isInstantInRange(*first) ? std::optional(job.trigger->applyJitter(*first, m_random))
                                             : std::nullopt;
}

Result<QList<Job>> Scheduler::putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict)
{
    if (auto valid = validateCalendarName(calendar.name); !valid)
        return valid.error();
    if (auto stored = m_store.putCalendar(calendar, onConflict, m_clock.nowMs()); !stored)
        return stored.error();
    m_calendars.reset();
    auto jobs = m_store.jobs();
    if (!jobs)
        return jobs.error();
    QList<Job> changed;
    for (Job &job : jobs.value()) {
        if (job.paused || !job.options.exclude.contains(calendar.name))
            continue;
        const auto next = nextRunTimeAfterCalendarChange(job);
        if (next == job.nextRunTime)
            continue;
        job.nextRunTime = next;
        changed.append(job);
    }
    if (!changed.isEmpty()) {
        if (auto updated = m_store.updateJobStates(changed); !updated)
            return updated.error();
        for (const Job &job : std::as_const(changed))
            emit jobModified(job);
        rearm();
    }
    return changed;
}

Result<void> Scheduler::removeCalendar(const QString &name)
{
    auto users = jobsUsingCalendar(name);
    if (!users)
        return users.error();
    if (!users.value().isEmpty())
        return invalidInput(tr("calendar \"%1\" is used by %n job(s): %2", nullptr,
                               static_cast<int>(users.value().size()))
                                .arg(name, users.value().join(QStringLiteral(", "))));
    if (auto removed = m_store.removeCalendar(name); !removed)
        return removed.error();
    m_calendars.reset();
    return {};
}

} // namespace punctual
