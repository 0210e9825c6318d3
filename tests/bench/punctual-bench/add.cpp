// add: N jobs added one call each to a running-but-paused scheduler; each is committed when its call returns.
#include "scenarios.h"

#include "time/clock.h"

namespace bench {

Figures scenarioAdd(const Options &options)
{
    const int n = options.jobs;
    auto store = openStore(options.store, options.dbPath, true);
    auto scheduler = makeScheduler(*store);
    if (auto started = scheduler->start(true); !started)
        die(started.error().message);
    const double t0 = monotonicSeconds();
    for (int i = 0; i < n; ++i) {
        // Like add_job(): the trigger is made from "now" at each call.
        addOrDie(*scheduler, noopIntervalJob(i, punctual::SystemClock::instance().nowMs()));
    }
    const double dt = monotonicSeconds() - t0;
    const auto count = scheduler->jobs();
    shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);
    if (!count || count.value().size() != n)
        log("WARNING: store holds %lld jobs, expected %d", count ? static_cast<long long>(count.value().size()) : -1LL, n);
    Figures figures;
    figures.number("add_seconds", dt);
    figures.number("jobs_per_second", n / dt, 1);
    return figures;
}

} // namespace bench
