// The Scheduler's backfill: a job run again for the fire times of a past range.
#include "scheduler.h"

#include "scheduler/runtracker.h"
#include "store/jobstore.h"
#include "time/clock.h"
#include "time/isotime.h"

namespace punctual {

Result<BackfillResult> Scheduler::backfill(const QString &jobId, std::int64_t fromMs, std::int64_t toMs,
                                           std::optional<OverlapPolicy> overlap, bool dryRun)
{
    if (m_state == State::ShuttingDown)
        return shuttingDown();
    auto job = requireJob(jobId);
    if (!job)
        return job.error();
    const ZoneRules &zone = job->trigger->zone();
    if (fromMs > toMs)
        return invalidInput(tr("the range starts (%1) after it ends (%2)")
                                .arg(formatIso(fromMs, zone), formatIso(toMs, zone)));
    const std::int64_t now = m_clock.nowMs();
    if (toMs > now)
        return invalidInput(tr("a backfill runs past fire times: the range must end by now (%1), not at %2")
                                .arg(formatIso(now, zone), formatIso(toMs, zone)));

    BackfillResult result;
    // A trigger's nextFireTime() is strictly after its argument: start just before the range.
    for (auto at = job->trigger->nextFireTime(fromMs - 1); at && *at <= toMs; at = job->trigger->nextFireTime(*at)) {
        if (result.times.size() == maxBackfillRuns)
            return invalidInput(tr("the range holds more than %1 fire times of \"%2\"; backfill a shorter range")
                                    .arg(maxBackfillRuns)
                                    .arg(job->name));
        result.times.append(*at);
    }
    if (dryRun || result.times.isEmpty())
        return result;
    if (!m_storeStatus.available)
        return storeUnavailable();

    const OverlapPolicy policy = overlap.value_or(job->options.overlap);
    if (policy != OverlapPolicy::Allow && m_runs->instanceCount(jobId) >= job->options.maxInstances)
        return Error{ErrorCode::Busy,
                     tr("\"%1\" is running; nothing backfilled (wait for it to end, or backfill with --overlap "
                        "allow to run beside it)")
                         .arg(job->name)};
    if (auto ready = readyToRunOutsideSchedule(); !ready)
        return ready.error();

    // Recorded queued; each becomes running when its turn comes (one after another, as one instance).
    for (const std::int64_t at : std::as_const(result.times)) {
        RunRecord run;
        run.jobId = jobId;
        run.scheduledTime = at;
        run.outcome = RunOutcome::Queued;
        run.reason = RunReason::Backfill;
        result.runs.append(run);
    }
    if (auto inserted = m_store.insertBackfillRuns(jobId, result.runs); !inserted)
        return inserted.error();
    result.alreadyBackfilled = static_cast<int>(result.times.size() - result.runs.size());
    if (!result.runs.isEmpty())
        m_runs->submit(job.value(), result.runs, std::nullopt);
    return result;
}

} // namespace punctual
