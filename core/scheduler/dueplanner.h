// What to do with one due job, decided in APScheduler's order: a pure function, tested on its own.
#pragma once

#include "jobs/job.h"
#include "jobs/runrecord.h"

#include <QList>

class QRandomGenerator;

namespace punctual {

struct DuePlan
{
    QList<RunRecord> missed;       ///< run times past misfire_grace_time (outcome Missed, lateMs set)
    QList<RunRecord> skipped;      ///< run times refused because max_instances runs are going (outcome Skipped)
    QList<std::int64_t> submit;    ///< run times to run now, one after another, as one instance
    std::optional<std::int64_t> nextRunTime; ///< the job's next run time after this pass (jitter applied)
};

/**
 * Plans a due job at @p nowMs (DESIGN.md section 4): collect every run time up to now; coalesce; drop those
 * past the grace time (missed); check max_instances against @p runningInstances (skipped); submit the rest;
 * compute the next run time from the last run time considered. At most maxRunTimes are collected: after
 * longer downtime the oldest ones are dropped (their count is noted in the first missed record).
 */
DuePlan planDueJob(const Job &job, std::int64_t nowMs, int runningInstances, QRandomGenerator &random);

inline constexpr int maxRunTimes = 1000;

/**
 * The next run time of a job being added (or given a new trigger) at @p nowMs: none while paused; else the
 * trigger's first fire time with jitter, or, for a one-off time that has just passed, that time itself when it is
 * within the misfire grace time (it then runs at once, without jitter). An error when the job would never run:
 * a one-off time past its grace ("has already passed") or a trigger that never fires after now.
 */
Result<std::optional<std::int64_t>> planNewJob(const Job &job, std::int64_t nowMs, QRandomGenerator &random);

/// "3 h 2 min", "45 s", "1.2 s": how late or how long, for run records and the window.
QString formatLateness(std::int64_t ms);

} // namespace punctual
