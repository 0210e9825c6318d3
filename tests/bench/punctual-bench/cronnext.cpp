// cron_next: four cron triggers called round-robin, each continuing from its previous answer; restart after 2099.
#include "scenarios.h"

#include "time/isotime.h"
#include "triggers/crontrigger.h"

#include <array>

namespace bench {

namespace {

struct Spec
{
    const char *expression;
    const char *zone;
};

// The crontab strings of apscheduler_bench.py's CRON_SPECS (APScheduler's CronTrigger fields are the same).
constexpr std::array<Spec, 4> specs{{
    {"*/5 * * * *", "UTC"},
    {"30 2 * * *", "America/New_York"},
    {"0 0 L * *", "UTC"},
    {"0 9-17 * * mon-fri", "UTC"},
}};

} // namespace

Figures scenarioCronNext(const Options &options)
{
    const int n = options.jobs;
    const auto utc = punctual::ZoneRules::forZone("UTC");
    const std::int64_t cronStart = punctual::parseIso(QStringLiteral("2025-01-01T00:00:00Z"), *utc).value();
    const std::int64_t pastMaxYear = punctual::parseIso(QStringLiteral("2100-01-01T00:00:00Z"), *utc).value();

    constexpr std::size_t k = specs.size();
    std::array<std::unique_ptr<punctual::CronTrigger>, k> triggers;
    std::array<std::int64_t, k> starts{};
    for (std::size_t j = 0; j < k; ++j) {
        auto zone = punctual::ZoneRules::forZone(specs[j].zone);
        if (!zone)
            die(QStringLiteral("unknown time zone %1").arg(QLatin1String(specs[j].zone)));
        auto trigger = punctual::CronTrigger::create(QString::fromLatin1(specs[j].expression), zone);
        if (!trigger)
            die(trigger.error().message);
        triggers[j] = std::move(trigger).value();
        // The first fire time at or after the start.
        starts[j] = triggers[j]->nextFireTime(cronStart - 1).value();
    }

    std::array<std::int64_t, k> previous = starts;
    const double t0 = monotonicSeconds();
    for (int c = 0; c < n; ++c) {
        const std::size_t j = static_cast<std::size_t>(c) % k;
        const auto next = triggers[j]->nextFireTime(previous[j]);
        previous[j] = next && *next < pastMaxYear ? *next : starts[j];
    }
    const double ns = (monotonicSeconds() - t0) * 1e9 / n;
    std::int64_t checksum = 0;
    for (const std::int64_t p : previous)
        checksum ^= p;
    log("cron chains end at checksum %lld", static_cast<long long>(checksum));

    Figures figures;
    figures.number("ns_per_next", ns, 1);
    // croniter is a Python library: nothing to measure on this side.
    figures.null("croniter_ns_per_next");
    figures.null("croniter_mismatches");
    return figures;
}

} // namespace bench
