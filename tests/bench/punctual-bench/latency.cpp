// latency: N date jobs due evenly over 5 s, first one 1 s after resume; lateness = recorded start - due time.
#include "scenarios.h"

#include "time/clock.h"

#include <algorithm>
#include <cmath>

namespace bench {

Figures scenarioLatency(const Options &options)
{
    const int n = options.jobs;
    Harness &harness = Harness::instance();
    harness.resetRecords(n);
    auto store = openStore(options.store, options.dbPath, true);
    auto scheduler = makeScheduler(*store);
    int missedEvents = 0;
    QObject::connect(scheduler.get(), &Scheduler::jobMissed, [&missedEvents] { ++missedEvents; });
    if (auto started = scheduler->start(true); !started)
        die(started.error().message);
    const double allowance = calibrateAddSeconds(options.store, options.dbPath, n);

    // Due times are whole milliseconds (the scheduler's resolution), spread evenly over the 5 s.
    const double baseMs = std::floor((wallSeconds() + allowance + latencyLeadS) * 1000.0);
    const double stepMs = n > 1 ? latencySpreadS * 1000.0 / (n - 1) : 0.0;
    std::vector<std::int64_t> due(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        due[static_cast<std::size_t>(i)] = static_cast<std::int64_t>(std::llround(baseMs + i * stepMs));
        addOrDie(*scheduler, recordDateJob(i, due[static_cast<std::size_t>(i)], apsDefaultGraceMs));
    }
    scheduler->resume();
    const double lead = static_cast<double>(due.front()) / 1000.0 - wallSeconds();
    if (lead < 0.5)
        log("WARNING: only %.3f s between resume and first due time", lead);

    runUntil(
        *scheduler, [&] { return harness.recordedCount() + missedEvents >= n; },
        static_cast<double>(due.back()) / 1000.0 + latencyTailS);
    shutdown(*scheduler, Scheduler::ShutdownMode::WaitForRuns);

    std::vector<double> lateMs;
    lateMs.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        if (const std::int64_t at = harness.recordedAt(i))
            lateMs.push_back(static_cast<double>(at - due[static_cast<std::size_t>(i)] * 1000) / 1000.0);
    }
    std::sort(lateMs.begin(), lateMs.end());
    Figures figures;
    figures.number("lateness_ms_p50", percentile(lateMs, 50), 3);
    figures.number("lateness_ms_p99", percentile(lateMs, 99), 3);
    figures.number("lateness_ms_max", lateMs.empty() ? std::nullopt : std::optional(lateMs.back()), 3);
    figures.integer("missed", n - static_cast<long long>(lateMs.size()));
    figures.integer("missed_events", missedEvents);
    figures.number("lead_seconds", lead, 3);
    figures.integer("warnings", warningCount());
    return figures;
}

} // namespace bench
