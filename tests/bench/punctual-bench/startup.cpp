// startup: a pre-filled SQLite store (not timed); timed: open it, make the scheduler, start() until the wake timer
// is armed; then list every job.
#include "scenarios.h"

#include <malloc.h>

namespace bench {

Figures scenarioStartup(const Options &options)
{
    const int n = options.jobs;
    const bool reused = options.dbGiven && sqlitePrefillOk(options.dbPath, n);
    std::optional<double> imported;
    if (reused) {
        log("reusing pre-filled store");
    } else {
        imported = prefillSqlite(options.dbPath, n);
        // Not timed: the pre-fill just freed n jobs' worth of small blocks, and glibc would merge them all at the
        // next larger allocation (about 15 ms for 100,000 jobs, inside the timed start). A process that starts on
        // a store has no such heap: merge them now.
        ::malloc_trim(0);
    }

    const double t0 = monotonicSeconds();
    auto store = openSqlite(options.dbPath);
    auto scheduler = makeScheduler(*store);
    // start() returns once the wake timer is armed for the earliest next run time.
    if (auto started = scheduler->start(); !started)
        die(started.error().message);
    const double t1 = monotonicSeconds();
    const auto jobs = scheduler->jobs();
    const double t2 = monotonicSeconds();
    if (!jobs)
        die(jobs.error().message);
    const auto listed = jobs.value().size();
    shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);
    if (listed != n)
        log("WARNING: jobs() returned %lld jobs, expected %d", static_cast<long long>(listed), n);

    Figures figures;
    figures.number("start_seconds", t1 - t0);
    figures.number("list_all_seconds", t2 - t1);
    figures.integer("listed", listed);
    figures.boolean("db_reused", reused);
    // Extra: the pre-fill's single addJobs() call, i.e. a bulk import of n jobs.
    figures.number("import_seconds", imported);
    return figures;
}

} // namespace bench
