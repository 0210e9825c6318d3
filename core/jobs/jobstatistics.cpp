// Counting a job's runs and the percentiles of their durations; the statistics' JSON.
#include "jobstatistics.h"

#include "time/isotime.h"
#include "time/zonerules.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace punctual {

std::optional<double> JobStatistics::successRate() const
{
    if (ended() == 0)
        return std::nullopt;
    return static_cast<double>(succeeded) / ended();
}

void JobStatistics::count(RunOutcome outcome, int runs)
{
    switch (outcome) {
    case RunOutcome::Success: succeeded += runs; break;
    case RunOutcome::Failed: failed += runs; break;
    case RunOutcome::TimedOut: timedOut += runs; break;
    case RunOutcome::Interrupted: interrupted += runs; break;
    case RunOutcome::Missed:
    case RunOutcome::Skipped:
    case RunOutcome::Excluded:
    case RunOutcome::ConditionTimeout: notRun += runs; break;
    case RunOutcome::Replaced: replaced += runs; break;
    case RunOutcome::Running:
    case RunOutcome::Queued:
    case RunOutcome::Waiting: going += runs; break;
    }
}

bool JobStatistics::hasDuration(RunOutcome outcome)
{
    return outcome == RunOutcome::Success || outcome == RunOutcome::Failed || outcome == RunOutcome::TimedOut;
}

std::int64_t JobStatistics::percentile(const QList<std::int64_t> &sorted, int percent)
{
    // Nearest rank: the ceil(p/100 * n)-th smallest, counted from 1 (integers: no rounding error at 95 % of 20).
    const qsizetype n = sorted.size();
    const qsizetype rank = std::max<qsizetype>(1, (percent * n + 99) / 100);
    return sorted[std::min(rank, n) - 1];
}

void JobStatistics::setDurations(QList<RunDuration> newestFirst, int pointLimit)
{
    QList<std::int64_t> sorted;
    sorted.reserve(newestFirst.size());
    for (const RunDuration &run : std::as_const(newestFirst))
        sorted.append(run.durationMs);
    std::sort(sorted.begin(), sorted.end());
    if (sorted.isEmpty()) {
        p50Ms.reset();
        p95Ms.reset();
    } else {
        p50Ms = percentile(sorted, 50);
        p95Ms = percentile(sorted, 95);
    }
    if (newestFirst.size() > pointLimit)
        newestFirst.resize(std::max(0, pointLimit));
    std::reverse(newestFirst.begin(), newestFirst.end());
    durations = std::move(newestFirst);
}

namespace {

QJsonValue optionalMs(const std::optional<std::int64_t> &ms)
{
    return ms ? QJsonValue(static_cast<double>(*ms)) : QJsonValue(QJsonValue::Null);
}

std::optional<std::int64_t> readOptionalMs(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return static_cast<std::int64_t>(value.toDouble());
}

const ZoneRules &utc()
{
    static const auto zone = ZoneRules::forZone("UTC");
    return *zone;
}

} // namespace

QJsonObject JobStatistics::toJson() const
{
    QJsonArray points;
    for (const RunDuration &run : durations) {
        points.append(QJsonObject{
            {QStringLiteral("start"), formatIso(run.startTime, utc())},
            {QStringLiteral("ms"), static_cast<double>(run.durationMs)},
            {QStringLiteral("outcome"), RunRecord::outcomeName(run.outcome)},
        });
    }
    const auto rate = successRate();
    return {
        {QStringLiteral("id"), jobId},
        {QStringLiteral("succeeded"), succeeded},
        {QStringLiteral("failed"), failed},
        {QStringLiteral("timed_out"), timedOut},
        {QStringLiteral("interrupted"), interrupted},
        {QStringLiteral("not_run"), notRun},
        {QStringLiteral("replaced"), replaced},
        {QStringLiteral("going"), going},
        {QStringLiteral("ended"), ended()},
        {QStringLiteral("success_rate"), rate ? QJsonValue(*rate) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("p50_ms"), optionalMs(p50Ms)},
        {QStringLiteral("p95_ms"), optionalMs(p95Ms)},
        {QStringLiteral("durations"), points},
    };
}

JobStatistics JobStatistics::fromJson(const QJsonObject &json)
{
    JobStatistics stats;
    stats.jobId = json.value(QStringLiteral("id")).toString();
    stats.succeeded = json.value(QStringLiteral("succeeded")).toInt();
    stats.failed = json.value(QStringLiteral("failed")).toInt();
    stats.timedOut = json.value(QStringLiteral("timed_out")).toInt();
    stats.interrupted = json.value(QStringLiteral("interrupted")).toInt();
    stats.notRun = json.value(QStringLiteral("not_run")).toInt();
    stats.replaced = json.value(QStringLiteral("replaced")).toInt();
    stats.going = json.value(QStringLiteral("going")).toInt();
    stats.p50Ms = readOptionalMs(json.value(QStringLiteral("p50_ms")));
    stats.p95Ms = readOptionalMs(json.value(QStringLiteral("p95_ms")));
    const QJsonArray points = json.value(QStringLiteral("durations")).toArray();
    stats.durations.reserve(points.size());
    for (const QJsonValue &value : points) {
        const QJsonObject point = value.toObject();
        const auto outcome = RunRecord::outcomeFromName(point.value(QStringLiteral("outcome")).toString());
        auto start = parseIso(point.value(QStringLiteral("start")).toString(), utc());
        if (!outcome || !start || !point.value(QStringLiteral("ms")).isDouble())
            continue;
        stats.durations.append(
            {start.value(), static_cast<std::int64_t>(point.value(QStringLiteral("ms")).toDouble()), *outcome});
    }
    return stats;
}

} // namespace punctual
