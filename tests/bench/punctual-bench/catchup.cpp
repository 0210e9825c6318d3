// catchup (not in apscheduler_bench.py; issue 16 item 5): the first due pass after ten years down, with N pairs of
// jobs that fire very often: a per-second cron job and a 100 ms interval job, not coalesced (the worst case: every
// run time is its own row, up to the bound). Times that pass and reads the peak RSS: both must stay bounded,
// where enumerating every run time would take 315 million and 3 billion steps per pair.
#include "scenarios.h"

#include "scheduler/dueplanner.h"
#include "time/clock.h"
#include "time/zonerules.h"
#include "triggers/crontrigger.h"
#include "triggers/intervaltrigger.h"

#include <QCoreApplication>
#include <QFile>

#include <cmath>

namespace bench {

namespace {

constexpr std::int64_t tenYearsMs = std::int64_t(3652) * 24 * hourMs;

/// VmHWM: the peak resident set of the process so far, in MB.
double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return std::nan("");
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return std::nan("");
}

Job downJob(const QString &id, std::shared_ptr<const punctual::Trigger> trigger, std::int64_t firstRun)
{
    Job job;
    job.id = id;
    job.name = id;
    job.trigger = std::move(trigger);
    job.action = punctual::FunctionAction{QStringLiteral("noop"), {}};
    job.options.coalesce = punctual::CoalescePolicy::All;
    job.nextRunTime = firstRun;
    job.createdAt = firstRun;
    return job;
}

} // namespace

Figures scenarioCatchup(const Options &options)
{
    const int pairs = options.jobs;
    auto store = openStore(options.store, options.dbPath, true);
    const std::int64_t now = punctual::SystemClock::instance().nowMs();
    const std::int64_t downSince = now - tenYearsMs;
    auto cron = punctual::CronTrigger::create(QStringLiteral("* * * * * *"), punctual::ZoneRules::forZone("UTC"));
    if (!cron)
        die(cron.error().message);
    const std::shared_ptr<const punctual::Trigger> everySecond(std::move(cron).value());
    const auto every100ms = std::make_shared<punctual::IntervalTrigger>(100, downSince);
    QList<Job> jobs;
    for (int i = 0; i < pairs; ++i) {
        jobs.append(downJob(QStringLiteral("cron-%1").arg(i), everySecond, everySecond->nextFireTime(downSince).value()));
        jobs.append(downJob(QStringLiteral("interval-%1").arg(i), every100ms, downSince));
    }
    if (auto added = store->addJobs(jobs, punctual::ConflictPolicy::Fail); !added)
        die(added.error().message);

    auto scheduler = makeScheduler(*store);
    int moved = 0;
    QObject::connect(scheduler.get(), &Scheduler::jobModified, [&moved] { ++moved; });
    // The missed rows the pass recorded for the first cron job (from the signals: the history is pruned to 100).
    int rows = 0;
    std::int64_t counted = 0;
    const auto note = [&](const punctual::RunRecord &run) {
        if (run.jobId != QLatin1String("cron-0"))
            return;
        ++rows;
        counted = std::max(counted, run.count);
    };
    QObject::connect(scheduler.get(), &Scheduler::jobMissed, note);
    const double rssBefore = rssMb();
    const double t0 = monotonicSeconds();
    if (auto started = scheduler->start(); !started)
        die(started.error().message);
    // The pass is queued by start(): it has run once every job got its next run time.
    while (moved < 2 * pairs && monotonicSeconds() - t0 < 600)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double passSeconds = monotonicSeconds() - t0;
    const double peak = peakRssMb();
    shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);

    Figures figures;
    figures.number("due_pass_seconds", passSeconds);
    figures.number("rss_mb_before", rssBefore, 1);
    figures.number("peak_rss_mb", peak, 1);
    figures.integer("missed_rows_per_cron_job", rows);
    figures.integer("counted_in_one_row", counted);
    return figures;
}

} // namespace bench
