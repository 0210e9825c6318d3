// Statistics of one job's stored run history: how often it succeeded, how long its runs took.
#pragma once

#include "jobs/runrecord.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>

namespace punctual {

/// One run that ran to an end of its own (succeeded, failed or timed out): when it started and how long it took.
struct RunDuration
{
    std::int64_t startTime = 0; ///< UTC ms
    std::int64_t durationMs = 0;
    RunOutcome outcome = RunOutcome::Success;

    friend bool operator==(const RunDuration &, const RunDuration &) = default;
};

/**
 * A job's statistics over the runs its store keeps (JobStore::jobStatistics(), the control method "stats").
 *
 * - The success rate counts the runs that ended: succeeded, failed, timed out and interrupted (a run the scheduler
 *   stopped or lost). Runs that never ran (missed, skipped, excluded, condition timeout), runs a newer run replaced
 *   and runs still going (running, queued, waiting) are counted apart and left out of it.
 * - Durations (start to end) are those of runs that ran to an end of their own: succeeded, failed, timed out. An
 *   interrupted run's end is when the scheduler noticed, not when the run stopped, so it has none.
 * - p50 and p95 are nearest-rank percentiles of every such duration kept: the smallest duration that at least
 *   50 % (95 %) of them do not exceed.
 */
struct JobStatistics
{
    QString jobId;
    int succeeded = 0;
    int failed = 0;
    int timedOut = 0;
    int interrupted = 0;
    int notRun = 0;   ///< missed, skipped, excluded, condition timeout
    int replaced = 0; ///< stopped by a newer run (overlap replace)
    int going = 0;    ///< running, queued, waiting
    std::optional<std::int64_t> p50Ms; ///< none without a duration
    std::optional<std::int64_t> p95Ms;
    /// The newest durations (at most the limit asked for), oldest first: the sparkline's and the chart's points.
    QList<RunDuration> durations;

    /// Runs that ended: what the success rate divides by.
    int ended() const { return succeeded + failed + timedOut + interrupted; }
    /// succeeded / ended(), from 0 to 1; none when no run ended.
    std::optional<double> successRate() const;

    /// Counts one run of @p outcome (JobStore implementations, as they read the rows).
    void count(RunOutcome outcome, int runs = 1);
    /// Sets p50Ms, p95Ms and durations from every duration kept, newest first (as the store reads them);
    /// durations keeps the newest @p pointLimit.
    void setDurations(QList<RunDuration> newestFirst, int pointLimit);
    /// Whether a run of @p outcome with a start and an end has a duration here.
    static bool hasDuration(RunOutcome outcome);
    /// The nearest-rank percentile @p percent (1 to 100) of @p sorted (ascending, not empty).
    static std::int64_t percentile(const QList<std::int64_t> &sorted, int percent);

    /// {"id", "succeeded", "failed", "timed_out", "interrupted", "not_run", "replaced", "going", "ended",
    ///  "success_rate" (0..1 or null), "p50_ms", "p95_ms" (or null),
    ///  "durations": [{"start" (ISO-8601 UTC), "ms", "outcome"}], oldest first}
    QJsonObject toJson() const;
    /// Reads toJson() (unknown outcomes and bad points are left out).
    static JobStatistics fromJson(const QJsonObject &json);

    friend bool operator==(const JobStatistics &, const JobStatistics &) = default;
};

/// The most points of durations a statistics request answers (newest first): a chart of the kept history.
inline constexpr int maxStatisticsPoints = 1000;
/// The points the job table's sparkline shows.
inline constexpr int sparklinePoints = 50;

} // namespace punctual

Q_DECLARE_METATYPE(punctual::JobStatistics)
