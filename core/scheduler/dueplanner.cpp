// APScheduler's processing order for one due job.
#include "dueplanner.h"

#include "time/isotime.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <climits>

namespace punctual {

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
    if (outcome != RunOutcome::Running)
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

DuePlan planDueJob(const Job &job, std::int64_t nowMs, int runningInstances, QRandomGenerator &random)
{
    DuePlan plan;
    if (!job.nextRunTime || job.paused)
        return plan;

    // Every run time up to now, each computed from the previous one (jitter included, as APScheduler does).
    QList<std::int64_t> runTimes;
    std::int64_t dropped = 0;
    std::optional<std::int64_t> next = job.nextRunTime;
    while (next && *next <= nowMs) {
        if (runTimes.size() == maxRunTimes) {
            runTimes.removeFirst();
            ++dropped;
            if (dropped > 100000) { // years of an every-second job: jump to now instead of walking
                next = job.trigger->nextFireTime(nowMs);
                break;
            }
        }
        runTimes.append(*next);
        next = job.trigger->nextFireTime(*next);
        if (next)
            next = job.trigger->applyJitter(*next, random);
    }
    // A time past year 9999 cannot be stored and read back: the job is finished instead.
    plan.nextRunTime = next && isInstantInRange(*next) ? next : std::nullopt;

    if (job.options.coalesce == CoalescePolicy::Latest && runTimes.size() > 1) {
        dropped = 0; // coalescing is not missing
        runTimes = {runTimes.last()};
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
    if (dropped > 0 && !plan.missed.isEmpty())
        plan.missed.first().error += PlannerText::tr("; %n earlier run time(s) were also missed", nullptr,
                                                     static_cast<int>(std::min<std::int64_t>(dropped, INT_MAX)));

    if (onTime.isEmpty())
        return plan;
    if (runningInstances >= job.options.maxInstances) {
        for (const std::int64_t runTime : std::as_const(onTime)) {
            RunRecord skipped = record(job, runTime, RunOutcome::Skipped, nowMs);
            skipped.error = PlannerText::tr("skipped: %n run(s) of this job still going (max instances)", nullptr,
                                            runningInstances);
            plan.skipped.append(skipped);
        }
        return plan;
    }
    plan.submit = onTime;
    return plan;
}

Result<std::optional<std::int64_t>> planNewJob(const Job &job, std::int64_t nowMs, QRandomGenerator &random)
{
    if (job.paused)
        return std::optional<std::int64_t>();
    auto first = job.trigger->firstFireTime(nowMs);
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
    return invalidInput(
        PlannerText::tr("the trigger \"%1\" never fires after now").arg(job.trigger->description()));
}

} // namespace punctual
