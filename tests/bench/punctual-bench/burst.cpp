// burst: N date jobs due at one instant, 1 s after resume; grace 3600 s, then again with the 1 s default grace.
#include "scenarios.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bench {

namespace {

struct Phase
{
    int ran = 0;
    int missed = 0;
    int missedEvents = 0;
    std::optional<double> drainSeconds;
    std::optional<double> firstStartSeconds; ///< due instant → the first job's start: the due pass before any run
    double leadSeconds = 0;
};

Phase burstPhase(const Options &options, std::int64_t graceMs)
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
    const auto dueMs = static_cast<std::int64_t>(std::floor((wallSeconds() + allowance + burstLeadS) * 1000.0));
    for (int i = 0; i < n; ++i)
        addOrDie(*scheduler, recordDateJob(i, dueMs, graceMs));
    scheduler->resume();
    Phase phase;
    phase.leadSeconds = static_cast<double>(dueMs) / 1000.0 - wallSeconds();
    if (phase.leadSeconds < 0.5)
        log("WARNING: only %.3f s between resume and the due instant", phase.leadSeconds);

    runUntil(
        *scheduler, [&] { return harness.recordedCount() + missedEvents >= n; },
        static_cast<double>(dueMs) / 1000.0 + burstTimeoutS);
    shutdown(*scheduler, Scheduler::ShutdownMode::WaitForRuns);

    std::int64_t last = 0;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    for (int i = 0; i < n; ++i) {
        if (const std::int64_t at = harness.recordedAt(i)) {
            ++phase.ran;
            last = std::max(last, at);
            first = std::min(first, at);
        }
    }
    phase.missed = n - phase.ran;
    phase.missedEvents = missedEvents;
    if (phase.ran > 0) {
        phase.drainSeconds = static_cast<double>(last - dueMs * 1000) / 1e6;
        phase.firstStartSeconds = static_cast<double>(first - dueMs * 1000) / 1e6;
    }
    return phase;
}

} // namespace

Figures scenarioBurst(const Options &options)
{
    const int w0 = warningCount();
    const Phase a = burstPhase(options, burstGraceMs);
    const int w1 = warningCount();
    log("burst (grace %llds): ran %d, drain %.3f s", static_cast<long long>(burstGraceMs / 1000), a.ran,
        a.drainSeconds.value_or(-1));
    const Phase b = burstPhase(options, apsDefaultGraceMs);
    const int w2 = warningCount();
    log("burst (default grace): ran %d, missed %d", b.ran, b.missed);

    Figures figures;
    figures.number("drain_seconds", a.drainSeconds);
    if (a.drainSeconds && *a.drainSeconds > 0)
        figures.number("jobs_per_second", a.ran / *a.drainSeconds, 1);
    else
        figures.null("jobs_per_second");
    figures.integer("missed", a.missed);
    figures.integer("missed_default_grace", b.missed);
    figures.number("drain_seconds_default_grace", b.drainSeconds);
    figures.number("lead_seconds", a.leadSeconds, 3);
    figures.integer("warnings", w1 - w0);
    figures.integer("warnings_default_grace", w2 - w1);
    // Extra: jobMissed signals (APScheduler's EVENT_JOB_MISSED) of each phase.
    figures.integer("missed_events", a.missedEvents);
    figures.integer("missed_events_default_grace", b.missedEvents);
    // Extra: how much of drain_seconds is the due pass (recording all N before the first starts).
    figures.number("first_start_seconds", a.firstStartSeconds);
    return figures;
}

} // namespace bench
