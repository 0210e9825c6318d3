// What to do with one due job, decided in APScheduler's order: a pure function, tested on its own.
#pragma once

#include "calendars/exclusioncalendar.h"
#include "jobs/job.h"
#include "jobs/runrecord.h"

#include <QList>

class QRandomGenerator;

namespace punctual {

struct DuePlan
{
    /// Run times past misfire_grace_time (outcome Missed, lateMs set). After a long downtime the first may stand
    /// for many run times (count > 1: those beyond maxRunTimes, see planDueJob()).
    QList<RunRecord> missed;
    /// Run times not run because of the overlap policy: skip at max_instances, or a full queue (outcome Skipped);
    /// replace: earlier run times of this pass replaced by its latest (outcome Replaced).
    QList<RunRecord> skipped;
    QList<std::int64_t> submit;    ///< run times to run now, one after another, as one instance
    RunReason submitReason = RunReason::Scheduled; ///< the reason of the runs in submit
    QList<RunRecord> queued;       ///< run times that wait for the runs going to end (outcome Queued), in order
    /// Overlap replace: the runs going (and the one waiting) are to be stopped and recorded replaced.
    bool replaceRunning = false;
    std::optional<std::int64_t> nextRunTime; ///< the job's next run time after this pass (jitter applied)
    /// Fire times on days the job's exclusion calendars exclude, now passed (outcome Excluded), in order.
    QList<RunRecord> excluded;
    /// No next run time because the job's calendars exclude every day it could fire on (within searchDays).
    bool allExcluded = false;
};

/// What a due job has going when the pass plans it.
struct DueLoad
{
    int running = 0; ///< its instances going (here and on other cluster instances; waiting retries included)
    int queued = 0;  ///< its runs waiting in the queue (overlap queue-one, queue-all, replace)
};

/**
 * Plans a due job at @p nowMs (DESIGN.md section 4): collect every run time up to now; coalesce; drop those
 * past the grace time (missed); apply the overlap policy against @p load (skip at max_instances, queue, replace,
 * allow); submit the rest; compute the next run time from the last run time considered.
 *
 * Long downtime is bounded: at most maxRunTimes (the latest) are kept. Without coalescing, the older ones become
 * ONE missed row whose count says how many it stands for. Walking a trigger past maxWalkedRunTimes jumps to near
 * now (the count is then "at least"), so a due pass after years down with a per-second job stays fast and small.
 */
DuePlan planDueJob(const Job &job, std::int64_t nowMs, DueLoad load, QRandomGenerator &random,
                   const ExclusionCalendars &calendars = {});
/// The same with only @p runningInstances going and nothing queued.
inline DuePlan planDueJob(const Job &job, std::int64_t nowMs, int runningInstances, QRandomGenerator &random,
                          const ExclusionCalendars &calendars = {})
{
    return planDueJob(job, nowMs, DueLoad{runningInstances, 0}, random, calendars);
}

/*
 * Exclusion calendars in the due pass. A fire time on an excluded day never runs, and the job's next run time
 * jumps over excluded days (so the list shows the real next run). The fire times jumped over are recorded
 * excluded once they have passed: by the pass of the next run time that does run (they lie between the last fire
 * time that ran, or was missed or skipped, and that one: excludedBefore()), or, after a downtime, by the pass
 * that walks over them. Excluded fire times after the last run time a pass keeps are left to the next pass, so
 * each is recorded once.
 */
/// The fire times of @p job before @p beforeMs back to its previous fire time on a day not excluded (at most
/// excludedLookBackDays, never before the job was created) that lie on excluded days, as Excluded records.
QList<RunRecord> excludedBefore(const Job &job, std::int64_t beforeMs, std::int64_t nowMs,
                                const ExclusionCalendars &calendars);
inline constexpr std::int64_t excludedLookBackDays = 400;

inline constexpr int maxRunTimes = 1000;
/// Run times one due pass walks through for a job before it jumps to near now.
inline constexpr std::int64_t maxWalkedRunTimes = 100'000;
/**
 * A run time handled this much after it was due is a catch-up, not a scheduled run: it passed while the
 * scheduler was stopped, paused, asleep or without its store. Normal passes are late by milliseconds; a busy
 * event loop, a pass of 20,000 due jobs or the 1 s polling fallback of WakeTimer add a second or two, and a
 * resume from suspend is noticed within 2 s (DESIGN.md 2): 5 s is clear of all of those, and well below any
 * downtime worth telling apart.
 */
inline constexpr std::int64_t catchUpThresholdMs = 5'000;
/// The reason of a run time handled at @p nowMs: Scheduled, or CatchUp when late beyond catchUpThresholdMs.
RunReason dueReason(std::int64_t runTimeMs, std::int64_t nowMs);

/**
 * The next run time of a job being added (or given a new trigger) at @p nowMs: none while paused; else the
 * trigger's first fire time with jitter, or, for a one-off time that has just passed, that time itself when it is
 * within the misfire grace time (it then runs at once, without jitter). An error when the job would never run:
 * a one-off time past its grace ("has already passed") or a trigger that never fires after now.
 */
Result<std::optional<std::int64_t>> planNewJob(const Job &job, std::int64_t nowMs, QRandomGenerator &random,
                                               const ExclusionCalendars &calendars = {});

/// "replaced by the run of TIME": the error of runs stopped or superseded by a newer run (overlap replace).
QString replacedByText(const Job &job, std::int64_t runTimeMs);

/// "3 h 2 min", "45 s", "1.2 s": how late or how long, for run records and the window.
QString formatLateness(std::int64_t ms);

} // namespace punctual
