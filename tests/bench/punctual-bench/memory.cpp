// memory: RSS of N interval jobs in the memory store, over the baseline of a started (paused) scheduler.
#include "scenarios.h"

#include "time/clock.h"

namespace bench {

Figures scenarioMemory(const Options &options)
{
    const int n = options.jobs;
    auto store = openStore(QStringLiteral("memory"), QString(), true);
    auto scheduler = makeScheduler(*store);
    if (auto started = scheduler->start(true); !started)
        die(started.error().message);
    const double base = rssMb();
    const double t0 = monotonicSeconds();
    for (int i = 0; i < n; ++i)
        addOrDie(*scheduler, noopIntervalJob(i, punctual::SystemClock::instance().nowMs()));
    const double dt = monotonicSeconds() - t0;
    const double rss = rssMb();
    const auto count = store->jobCount();
    shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);
    if (!count || count.value() != n)
        log("WARNING: store holds %d jobs, expected %d", count ? count.value() : -1, n);
    Figures figures;
    figures.number("rss_mb", rss, 1);
    figures.number("rss_mb_baseline", base, 1);
    figures.number("kb_per_job", (rss - base) * 1024.0 / n, 3);
    figures.number("add_seconds", dt, 3);
    return figures;
}

} // namespace bench
