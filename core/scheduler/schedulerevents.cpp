// The Scheduler's event triggers: jobs run when the host starts, after the computer wakes, when the network comes up.
#include "scheduler.h"

#include "desktop/desktopstate.h"
#include "scheduler/runtracker.h"
#include "store/jobstore.h"
#include "store/jobsummary.h"
#include "time/clock.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcScheduler)

namespace punctual {

void Scheduler::connectDesktop()
{
    disconnect(m_desktopResumed);
    disconnect(m_desktopNetworkUp);
    m_desktopResumed = connect(m_desktop, &DesktopState::resumed, this, &Scheduler::onDesktopResumed);
    m_desktopNetworkUp = connect(m_desktop, &DesktopState::networkCameUp, this, &Scheduler::onNetworkCameUp);
}

bool Scheduler::canRunOnEvents() const
{
    // A paused or stopping scheduler, or one that never started (a punctualctl one-off command), runs nothing on
    // events and records nothing: an event is not a fire time that is made up later.
    return m_state == State::Running && m_storeStatus.available;
}

Result<QList<Job>> Scheduler::unpausedJobsWithEvents() const
{
    // Events are rare: only the jobs whose options name events are read and parsed.
    auto candidates = m_store.unpausedJobIdsWithEvents();
    if (!candidates)
        return candidates.error();
    const QStringList &ids = candidates.value();
    if (ids.isEmpty())
        return QList<Job>();
    auto found = m_store.jobsById(ids);
    if (!found)
        return found.error();
    QList<Job> jobs;
    for (const QString &id : std::as_const(ids)) {
        const auto it = found.value().constFind(id);
        if (it != found.value().cend() && !it->paused && it->options.events.any())
            jobs.append(*it);
    }
    return jobs;
}

void Scheduler::runAtStartJobs()
{
    if (m_atStartDone)
        return;
    m_atStartDone = true; // once per host start: not again after a reconnect or a resume from pause
    if (!canRunOnEvents())
        return;
    auto jobs = unpausedJobsWithEvents();
    if (!jobs) {
        storeFailed(jobs.error());
        return;
    }
    QList<Job> starting;
    for (const Job &job : std::as_const(jobs.value())) {
        if (job.options.events.atStart)
            starting.append(job);
    }
    runOnEvent(starting, RunReason::AtStart);
}

void Scheduler::onDesktopResumed()
{
    if (!canRunOnEvents())
        return;
    auto jobs = unpausedJobsWithEvents();
    if (!jobs) {
        storeFailed(jobs.error());
        return;
    }
    const std::int64_t now = m_clock.nowMs();
    QList<Job> atOnce;
    for (const Job &job : std::as_const(jobs.value())) {
        const auto delay = job.options.events.afterResumeDelayMs;
        if (!delay)
            continue;
        // A second wake-up before the delay has passed starts the delay again (the computer slept meanwhile).
        if (*delay == 0) {
            m_afterResumeDue.remove(job.id);
            atOnce.append(job);
        } else {
            m_afterResumeDue.insert(job.id, now + *delay);
        }
    }
    runOnEvent(atOnce, RunReason::AfterResume);
    rearm();
}

void Scheduler::onNetworkCameUp()
{
    if (!canRunOnEvents())
        return;
    auto jobs = unpausedJobsWithEvents();
    if (!jobs) {
        storeFailed(jobs.error());
        return;
    }
    const std::int64_t now = m_clock.nowMs();
    QList<Job> starting;
    for (const Job &job : std::as_const(jobs.value())) {
        if (!job.options.events.networkUp)
            continue;
        const auto last = m_lastNetworkUpRun.constFind(job.id);
        if (last != m_lastNetworkUpRun.cend() && now - *last < JobEvents::networkUpDebounceMs)
            continue; // a flapping link: once per debounce period
        m_lastNetworkUpRun.insert(job.id, now);
        starting.append(job);
    }
    runOnEvent(starting, RunReason::NetworkUp);
}

std::optional<std::int64_t> Scheduler::earliestEventRun() const
{
    std::optional<std::int64_t> earliest;
    for (const std::int64_t at : m_afterResumeDue) {
        if (!earliest || at < *earliest)
            earliest = at;
    }
    return earliest;
}

void Scheduler::startDueEventRuns(std::int64_t now)
{
    QStringList due;
    for (auto it = m_afterResumeDue.begin(); it != m_afterResumeDue.end();) {
        if (it.value() <= now) {
            due.append(it.key());
            it = m_afterResumeDue.erase(it);
        } else {
            ++it;
        }
    }
    if (due.isEmpty())
        return;
    // Read again: a job removed, paused or changed during the delay is left out.
    auto found = m_store.jobsById(due);
    if (!found) {
        storeFailed(found.error());
        return;
    }
    QList<Job> starting;
    for (const QString &id : std::as_const(due)) {
        const auto it = found.value().constFind(id);
        if (it != found.value().cend() && !it->paused && it->options.events.afterResumeDelayMs)
            starting.append(*it);
    }
    runOnEvent(starting, RunReason::AfterResume);
}

void Scheduler::runOnEvent(const QList<Job> &jobs, RunReason reason)
{
    if (jobs.isEmpty())
        return;
    const std::int64_t now = m_clock.nowMs();
    QList<RunRecord> runs;
    QList<RunNowAdmission> admissions;
    for (const Job &job : jobs) {
        RunRecord run;
        run.jobId = job.id;
        run.scheduledTime = now;
        run.reason = reason;
        const RunNowAdmission admission = admitRunNow(job);
        if (admission == RunNowAdmission::Busy) {
            // As a scheduled run that finds the job busy: recorded skipped, with the event in its reason.
            run.outcome = RunOutcome::Skipped;
            run.endTime = now;
            run.error = busyMessage(job);
        } else if (admission == RunNowAdmission::Start) {
            run.startTime = now;
        } else {
            run.outcome = RunOutcome::Queued; // overlap queue-one, queue-all, replace
        }
        runs.append(run);
        admissions.append(admission);
    }
    if (auto inserted = m_store.insertRuns(runs); !inserted) {
        storeFailed(inserted.error());
        return;
    }
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const char *what = admissions[i] == RunNowAdmission::Busy    ? "skipped: busy"
            : admissions[i] == RunNowAdmission::Start                ? "started"
                                                                     : "queued";
        qCInfo(lcScheduler, "job %s: %s run %s", qPrintable(jobs[i].id), qPrintable(RunRecord::reasonName(reason)),
               what);
        if (admissions[i] == RunNowAdmission::Busy) {
            m_runs->countEnded(jobs[i].id, 1);
            emit jobMaxInstances(runs[i]);
        } else {
            startOrQueueRunNow(jobs[i], runs[i], admissions[i]);
        }
    }
}

} // namespace punctual
