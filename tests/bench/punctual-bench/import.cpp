// import (not in apscheduler_bench.py): N jobs added to the SQLite store in one call (one transaction), the bulk
// import of issue 6. Reading the same jobs from their JSON form (Job::fromJson) is timed separately.
#include "scenarios.h"

#include "time/clock.h"

#include <QJsonArray>

namespace bench {

Figures scenarioImport(const Options &options)
{
    const int n = options.jobs;
    // The job list as `punctualctl export` writes it (DESIGN.md section 7), made before the clock starts.
    QJsonArray list;
    const std::int64_t now = punctual::SystemClock::instance().nowMs();
    for (int i = 0; i < n; ++i) {
        Job job = noopIntervalJob(i, now);
        job.name = job.id;
        list.append(job.toJson());
    }

    auto store = openStore(options.store, options.dbPath, true);
    auto scheduler = makeScheduler(*store);
    if (auto started = scheduler->start(true); !started)
        die(started.error().message);

    const double t0 = monotonicSeconds();
    QList<Job> jobs;
    jobs.reserve(n);
    for (const QJsonValue &value : std::as_const(list)) {
        auto job = Job::fromJson(value.toObject(), false);
        if (!job)
            die(job.error().message);
        jobs.append(std::move(job).value());
    }
    const double t1 = monotonicSeconds();
    auto added = scheduler->addJobs(std::move(jobs));
    const double t2 = monotonicSeconds();
    if (!added)
        die(added.error().message);
    const auto count = store->jobCount();
    shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);
    if (!count || count.value() != n)
        log("WARNING: store holds %d jobs, expected %d", count ? count.value() : -1, n);

    Figures figures;
    // The one call: Scheduler::addJobs() of n jobs (first run times, validation, one store transaction).
    figures.number("import_seconds", t2 - t1);
    figures.number("jobs_per_second", n / (t2 - t1), 1);
    // Before it: the n jobs read from their JSON (as an import file holds them).
    figures.number("parse_seconds", t1 - t0);
    figures.number("end_to_end_seconds", t2 - t0);
    return figures;
}

} // namespace bench
