// The Scheduler's bulk calls: a selection of jobs read in one go and changed in one store transaction.
#include "scheduler.h"

#include "scheduler/runtracker.h"
#include "store/jobstore.h"
#include "time/clock.h"

#include <QSet>

namespace punctual {

Result<QList<Job>> Scheduler::requireJobs(const QStringList &ids) const
{
    QStringList distinct;
    distinct.reserve(ids.size());
    QSet<QString> seen;
    seen.reserve(ids.size());
    for (const QString &id : ids) {
        if (!seen.contains(id)) {
            seen.insert(id);
            distinct.append(id);
        }
    }
    auto stored = m_store.jobsById(distinct);
    if (!stored)
        return stored.error();
    QList<Job> jobs;
    jobs.reserve(distinct.size());
    for (const QString &id : std::as_const(distinct)) {
        const auto found = stored.value().constFind(id);
        if (found == stored.value().cend())
            return Error{ErrorCode::NotFound, tr("no job with id \"%1\"").arg(id)};
        jobs.append(found.value());
    }
    return jobs;
}

Result<QList<Job>> Scheduler::pauseJobs(const QStringList &ids, const QString &note)
{
    if (auto valid = validatePauseNote(note); !valid)
        return valid.error();
    auto found = requireJobs(ids);
    if (!found)
        return found;
    QList<Job> changed;
    QSet<QString> newlyPaused;
    for (Job &job : found.value()) {
        if (job.paused) {
            // As pauseJob(): a job paused already only takes a new note.
            if (note.isEmpty() || note == job.pauseNote)
                continue;
        } else {
            job.paused = true;
            job.nextRunTime.reset();
            newlyPaused.insert(job.id);
        }
        job.pauseNote = note;
        changed.append(std::move(job));
    }
    if (auto written = m_store.updateJobStates(changed); !written)
        return written.error();
    for (const Job &job : std::as_const(changed)) {
        emit jobModified(job);
        if (newlyPaused.contains(job.id))
            m_runs->dropWaitingRetries(job.id, tr("not retried: the job was paused"));
    }
    rearm();
    return changed;
}

Result<QList<Job>> Scheduler::resumeJobs(const QStringList &ids)
{
    auto found = requireJobs(ids);
    if (!found)
        return found;
    QList<Job> changed;
    for (Job &job : found.value()) {
        if (!job.paused)
            continue;
        job.paused = false;
        job.pauseNote.clear();
        job.nextRunTime = resumedNextRunTime(job);
        changed.append(std::move(job));
    }
    if (auto written = m_store.updateJobStates(changed); !written)
        return written.error();
    for (const Job &job : std::as_const(changed))
        emit jobModified(job);
    rearm();
    return changed;
}

Result<int> Scheduler::removeJobs(const QStringList &ids)
{
    // Existence first: the error names the first unknown id of the request, and nothing is removed.
    auto found = requireJobs(ids);
    if (!found)
        return found.error();
    QStringList distinct;
    distinct.reserve(found.value().size());
    for (const Job &job : std::as_const(found.value()))
        distinct.append(job.id);
    m_runs->flush();
    auto histories = historiesForUndo(found.value()); // for an undo (restoreJobs())
    if (auto removed = m_store.removeJobs(distinct); !removed)
        return removed.error();
    keepRemoved(found.value(), std::move(histories));
    int stopped = 0;
    for (const QString &id : std::as_const(distinct)) {
        stopped += m_runs->stopJob(id, tr("stopped: the job was removed"));
        m_runs->forgetJob(id);
        emit jobRemoved(id);
    }
    rearm();
    return stopped;
}

Result<QList<RunNowResult>> Scheduler::runJobsNow(const QStringList &ids)
{
    if (m_state == State::ShuttingDown)
        return shuttingDown();
    if (!m_storeStatus.available)
        return storeUnavailable();
    auto found = requireJobs(ids);
    if (!found)
        return found.error();
    if (auto ready = readyToRunOutsideSchedule(); !ready)
        return ready.error();
    const std::int64_t now = m_clock.nowMs();
    QList<RunNowResult> results;
    results.reserve(found.value().size());
    QList<RunRecord> runs;
    QList<qsizetype> startedAt; // the result of each run
    QList<RunNowAdmission> admissions;
    for (const Job &job : std::as_const(found.value())) {
        const RunNowAdmission admission = admitRunNow(job);
        if (admission == RunNowAdmission::Busy) {
            results.append({job.id, std::nullopt, busyMessage(job)});
            continue;
        }
        RunRecord run;
        run.jobId = job.id;
        run.scheduledTime = now;
        run.reason = RunReason::RunNow;
        if (admission == RunNowAdmission::Start)
            run.startTime = now;
        else
            run.outcome = RunOutcome::Queued; // overlap queue-one, queue-all, replace
        runs.append(run);
        admissions.append(admission);
        startedAt.append(results.size());
        results.append({job.id, std::nullopt, {}});
    }
    if (auto inserted = m_store.insertRuns(runs); !inserted)
        return inserted.error();
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const qsizetype at = startedAt[i];
        results[at].run = runs[i];
        startOrQueueRunNow(found.value()[at], runs[i], admissions[i]);
    }
    return results;
}

} // namespace punctual
