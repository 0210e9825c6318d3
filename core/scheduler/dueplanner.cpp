// APScheduler's processing order for one due job.
#include "dueplanner.h"

#include "time/civil.h"
#include "time/isotime.h"
#include "time/zonerules.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <climits>

namespace punctual {

RunReason dueReason(std::int64_t runTimeMs, std::int64_t nowMs);

namespace {

class PlannerText
{
    Q_DECLARE_TR_FUNCTIONS(Scheduler)
};

RunRecord record(const Job &job, std::int64_t scheduled, RunOutcome outcome, std::int64_t nowMs)
{
    RunRecord run;
    run.jobId = job.id;
    run.scheduledTime = scheduled;
    run.outcome = outcome;
    // An excluded fire time is recorded after it passed (often a day later, see dueplanner.h): not a catch-up.
    run.reason = outcome == RunOutcome::Excluded ? RunReason::Scheduled : dueReason(scheduled, nowMs);
    if (outcome != RunOutcome::Running && outcome != RunOutcome::Queued)
        run.endTime = nowMs;
    return run;
}

} // namespace

QString formatLateness(std::int64_t ms)
{
    if (ms < 1000)
        return PlannerText::tr("%1 ms").arg(ms);
    if (ms < 10'000)
        return PlannerText::tr("%1 s").arg(QString::number(static_cast<double>(ms) / 1000.0, 'f', 1));
    const std::int64_t seconds = ms / 1000;
    if (seconds < 60)
        return PlannerText::tr("%1 s").arg(seconds);
    const std::int64_t minutes = seconds / 60;
    if (minutes < 60)
        return PlannerText::tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
    const std::int64_t hours = minutes / 60;
    if (hours < 48)
        return PlannerText::tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return PlannerText::tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

RunReason dueReason(std::int64_t runTimeMs, std::int64_t nowMs)
{
    return nowMs - runTimeMs > catchUpThresholdMs ? RunReason::CatchUp : RunReason::Scheduled;
}

namespace {

/// Run times a long downtime left beyond the maxRunTimes kept: counted, not listed.
struct DroppedTimes
{
    std::int64_t count = 0;
    std::int64_t first = 0;
    std::int64_t last = 0;
    bool jumped = false; ///< the walk jumped: more were missed than counted

    void add(std::int64_t runTime)
    {
        if (count++ == 0)
            first = runTime;
        last = runTime;
    }
};

/// Every run time of @p job up to @p nowMs, each computed from the previous one (jitter included, as APScheduler
/// does), the latest maxRunTimes kept and the older ones counted in @p dropped. Returns the next run time after now.
std::optional<std::int64_t> collectRunTimes(const Job &job, std::int64_t nowMs, QRandomGenerator &random,
                                            QList<std::int64_t> &runTimes, DroppedTimes &dropped,
                                            const ExclusionCalendars &calendars, QList<RunRecord> &excluded)
{
    const auto keep = [&](std::int64_t runTime) {
        if (runTimes.size() == maxRunTimes)
            dropped.add(runTimes.takeFirst());
        runTimes.append(runTime);
    };
    std::optional<std::int64_t> next = job.nextRunTime;
    std::int64_t walked = 0;
    while (next && *next <= nowMs) {
        if (++walked > maxWalkedRunTimes) {
            if (dropped.jumped) { // walked twice: straight to now (an irregular trigger, e.g. dense then sparse)
                next = job.trigger->nextFireTime(nowMs);
                break;
            }
            // Years of an every-second job: jump to near now, by as much time as the kept run times span, and
            // walk on from there: the latest run times are the ones kept (coalesce runs the very last).
            dropped.jumped = true;
            const std::int64_t span = runTimes.isEmpty() ? 0 : runTimes.last() - runTimes.first();
            for (const std::int64_t runTime : std::as_const(runTimes))
                dropped.add(runTime);
            runTimes.clear();
            walked = 0;
            const std::int64_t resumeAfter = std::max(*next, nowMs - span);
            dropped.add(*next);
            dropped.last = resumeAfter; // the range missed goes on to where the walk resumes (uncounted between)
            next = job.trigger->nextFireTime(resumeAfter);
            if (next)
                next = job.trigger->applyJitter(*next, random);
            continue;
        }
        if (const auto exclusion = calendars.excludes(job, *next)) {
            RunRecord run = record(job, *next, RunOutcome::Excluded, nowMs);
            run.error = exclusionText(*exclusion);
            excluded.append(run);
            if (excluded.size() > maxRunTimes)
                excluded.removeFirst();
        } else {
            keep(*next);
        }
        next = job.trigger->nextFireTime(*next);
        if (next)
            next = job.trigger->applyJitter(*next, random);
    }
    return next;
}

} // namespace

DuePlan planDueJob(const Job &job, std::int64_t nowMs, DueLoad load, QRandomGenerator &random,
                   const ExclusionCalendars &calendars)
{
    DuePlan plan;
    if (!job.nextRunTime || job.paused)
        return plan;

    QList<std::int64_t> runTimes;
    DroppedTimes dropped;
    QList<RunRecord> walkedExcluded;
    std::optional<std::int64_t> next =
        collectRunTimes(job, nowMs, random, runTimes, dropped, calendars, walkedExcluded);
    if (next && !job.options.exclude.isEmpty()) {
        const std::optional<std::int64_t> included = calendars.firstIncluded(job, next, &plan.allExcluded);
        if (included != next && included)
            next = job.trigger->applyJitter(*included, random);
        else
            next = included;
    }
    // A time past year 9999 cannot be stored and read back: the job is finished instead.
    plan.nextRunTime = next && isInstantInRange(*next) ? next : std::nullopt;
    // Excluded fire times are recorded once (see dueplanner.h): those before this pass's first run time that
    // is not excluded, and those walked over before its last; the rest wait for the next pass.
    // A job without a next run time has no next pass: everything walked is recorded now.
    if (!runTimes.isEmpty() || dropped.count > 0 || !plan.nextRunTime) {
        const std::int64_t lastKept = !plan.nextRunTime ? nowMs + 1
            : runTimes.isEmpty()                         ? dropped.last
                                                         : runTimes.last();
        plan.excluded = excludedBefore(job, *job.nextRunTime, nowMs, calendars);
        for (const RunRecord &run : std::as_const(walkedExcluded)) {
            if (run.scheduledTime < lastKept)
                plan.excluded.append(run);
        }
        if (plan.excluded.size() > maxRunTimes)
            plan.excluded.remove(0, plan.excluded.size() - maxRunTimes);
    }

    if (job.options.coalesce == CoalescePolicy::Latest && runTimes.size() > 1) {
        dropped = {}; // coalescing is not missing
        runTimes = {runTimes.last()};
    } else if (job.options.coalesce == CoalescePolicy::Latest && runTimes.isEmpty() && dropped.count > 0) {
        dropped = {}; // only a jump's run times: the latest of them stands for all
        runTimes = {dropped.last};
    }

    // ONE row for all the run times beyond those kept, however many: memory and history stay bounded. It follows the
    // single missed rows (a higher id), so that pruning the history to its newest rows keeps it.
    std::optional<RunRecord> counted;
    if (dropped.count > 0) {
        RunRecord missed = record(job, dropped.first, RunOutcome::Missed, nowMs);
        missed.count = dropped.count;
        missed.lateMs = nowMs - dropped.first;
        missed.reason = RunReason::CatchUp;
        const ZoneRules &zone = job.trigger->zone();
        const int count = static_cast<int>(std::min<std::int64_t>(dropped.count, INT_MAX));
        missed.error = dropped.jumped
            ? PlannerText::tr("at least %Ln run time(s) from %1 to %2 were missed while the scheduler was not running",
                              nullptr, count)
                  .arg(formatIso(dropped.first, zone), formatIso(dropped.last, zone))
            : PlannerText::tr("%Ln run time(s) from %1 to %2 were missed while the scheduler was not running",
                              nullptr, count)
                  .arg(formatIso(dropped.first, zone), formatIso(dropped.last, zone));
        counted = missed;
    }

    QList<std::int64_t> onTime;
    for (const std::int64_t runTime : std::as_const(runTimes)) {
        const std::int64_t late = nowMs - runTime;
        if (job.options.misfireGraceMs && late > *job.options.misfireGraceMs) {
            RunRecord missed = record(job, runTime, RunOutcome::Missed, nowMs);
            missed.lateMs = late;
            missed.error = PlannerText::tr("missed by %1 (misfire grace time %2)")
                               .arg(formatLateness(late), formatLateness(*job.options.misfireGraceMs));
            plan.missed.append(missed);
        } else {
            onTime.append(runTime);
        }
    }
    if (counted)
        plan.missed.append(*counted);

    if (onTime.isEmpty())
        return plan;
    plan.submitReason = dueReason(onTime.first(), nowMs);
    const OverlapPolicy overlap = job.options.overlap;
    const bool full = load.running >= job.options.maxInstances;
    // A run waiting already goes first: a new one cannot overtake it.
    if (overlap == OverlapPolicy::Allow || (!full && (load.queued == 0 || overlap == OverlapPolicy::Skip))) {
        plan.submit = onTime;
        return plan;
    }
    if (overlap == OverlapPolicy::Skip) {
        for (const std::int64_t runTime : std::as_const(onTime)) {
            RunRecord skipped = record(job, runTime, RunOutcome::Skipped, nowMs);
            skipped.error = PlannerText::tr("skipped: %n run(s) of this job still going (max instances)", nullptr,
                                            load.running);
            plan.skipped.append(skipped);
        }
        return plan;
    }
    if (overlap == OverlapPolicy::Replace) {
        // The latest run time replaces the runs going (stopped), the one waiting, and the earlier ones of this pass.
        plan.replaceRunning = true;
        const std::int64_t latest = onTime.last();
        for (qsizetype i = 0; i + 1 < onTime.size(); ++i) {
            RunRecord replaced = record(job, onTime[i], RunOutcome::Replaced, nowMs);
            replaced.error = replacedByText(job, latest);
            plan.skipped.append(replaced);
        }
        plan.queued.append(record(job, latest, RunOutcome::Queued, nowMs));
        return plan;
    }
    const int limit = overlap == OverlapPolicy::QueueOne ? 1 : job.options.queueLimit;
    int room = std::max(0, limit - load.queued);
    for (const std::int64_t runTime : std::as_const(onTime)) {
        if (room-- > 0) {
            plan.queued.append(record(job, runTime, RunOutcome::Queued, nowMs));
            continue;
        }
        RunRecord skipped = record(job, runTime, RunOutcome::Skipped, nowMs);
        skipped.error = PlannerText::tr("skipped: the queue is full (%n run(s) waiting, overlap %1)", nullptr, limit)
                            .arg(JobOptions::overlapName(overlap));
        plan.skipped.append(skipped);
    }
    return plan;
}

QString replacedByText(const Job &job, std::int64_t runTimeMs)
{
    return PlannerText::tr("replaced by the run of %1").arg(formatIso(runTimeMs, job.trigger->zone()));
}

QList<RunRecord> excludedBefore(const Job &job, std::int64_t beforeMs, std::int64_t nowMs,
                                const ExclusionCalendars &calendars)
{
    QList<RunRecord> found;
    if (job.options.exclude.isEmpty() || calendars.isEmpty())
        return found;
    const ZoneRules &zone = job.trigger->zone();
    const auto dayStartMs = [&zone](std::int64_t day) { return zone.toUtc(day * civil::secondsPerDay) * 1000; };
    std::int64_t day = civil::floorDiv(zone.toLocal(civil::floorDiv(beforeMs, 1000)), civil::secondsPerDay);
    // Day by day backwards: each excluded day's fire times are taken, until a day not excluded that has one.
    for (std::int64_t steps = 0; steps < excludedLookBackDays; ++steps, --day) {
        const std::int64_t start = std::max(dayStartMs(day), job.createdAt);
        const std::int64_t end = std::min(dayStartMs(day + 1), beforeMs);
        QList<RunRecord> ofDay;
        for (auto at = job.trigger->nextFireTime(start - 1); at && *at < end && ofDay.size() < maxRunTimes;
             at = job.trigger->nextFireTime(*at))
            ofDay.append(record(job, *at, RunOutcome::Excluded, nowMs));
        const std::optional<Exclusion> exclusion = calendars.excludesDay(job, day);
        if (!exclusion && !ofDay.isEmpty())
            break;
        if (exclusion) {
            for (RunRecord &run : ofDay)
                run.error = exclusionText(*exclusion);
            found = ofDay + found;
            if (found.size() > maxRunTimes)
                found.remove(0, found.size() - maxRunTimes);
        }
        if (dayStartMs(day) <= job.createdAt)
            break;
    }
    return found;
}

Result<std::optional<std::int64_t>> planNewJob(const Job &job, std::int64_t nowMs, QRandomGenerator &random,
                                               const ExclusionCalendars &calendars)
{
    if (job.paused)
        return std::optional<std::int64_t>();
    auto first = job.trigger->firstFireTime(nowMs);
    if (first && !job.options.exclude.isEmpty()) {
        // A day the calendars exclude is jumped over; when they exclude every day the job has no next run.
        const auto included = calendars.firstIncluded(job, first);
        if (!included)
            return std::optional<std::int64_t>();
        if (*included != *first) {
            if (!isInstantInRange(*included))
                return std::optional<std::int64_t>();
            return std::optional(job.trigger->applyJitter(*included, random));
        }
    }
    if (first && !isInstantInRange(*first))
        first.reset();
    if (first && *first > nowMs)
        return std::optional(job.trigger->applyJitter(*first, random));
    if (first) {
        const std::int64_t late = nowMs - *first;
        if (!job.options.misfireGraceMs || late <= *job.options.misfireGraceMs)
            return first;
        return invalidInput(
            PlannerText::tr("the run time %1 has already passed").arg(formatIso(*first, job.trigger->zone())));
    }
    if (job.trigger->type() == TriggerType::Event)
        return std::optional<std::int64_t>(); // no schedule: it runs on its events only
    return invalidInput(
        PlannerText::tr("the trigger \"%1\" never fires after now").arg(job.trigger->description()));
}

} // namespace punctual
