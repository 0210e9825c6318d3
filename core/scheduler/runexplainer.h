// Why a job ran, or did not, or will run at an instant: a pure reading of the job and its run history.
#pragma once

#include "calendars/exclusioncalendar.h"
#include "jobs/job.h"
#include "jobs/runrecord.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>

namespace punctual {

/// What happened (or will happen) at the instant asked about.
enum class ExplanationKind
{
    Ran,              ///< a run at that time started and is over (success, failed, timed out, interrupted)
    Running,          ///< the run at that time is going now
    Missed,           ///< its run time was missed (past the misfire grace time), alone or in a row with a count
    Skipped,          ///< refused: the job's earlier runs were still going (max instances, queue full)
    Queued,           ///< waiting for the job's earlier run to end
    Replaced,         ///< stopped because a newer run replaced it (overlap replace)
    Coalesced,        ///< a fire time folded into a later run of the same pass (coalesce on)
    Paused,           ///< the job is paused (said only where the history cannot contradict it)
    Excluded,         ///< an exclusion calendar leaves it out (recorded excluded, or a day one excludes)
    BeforeCreated,    ///< before the job existed
    OlderThanHistory, ///< before the oldest run the history keeps (older runs were pruned)
    NotAFireTime,     ///< the trigger does not fire then: fireBefore and fireAfter say when it does
    WillRun,          ///< a future fire time the job will run at
    WillNotRun,       ///< a future fire time the job will not run at (finished)
    Due,              ///< a past fire time the scheduler has not handled yet (it was not running)
    NotRecorded,      ///< a past fire time with no run recorded and nothing in the history that says why
};

/// The answer of explainRun(): a kind, the run it is about, the figures behind it and one paragraph to read.
struct RunExplanation
{
    ExplanationKind kind = ExplanationKind::NotRecorded;
    QString jobId;
    std::int64_t atMs = 0;
    std::optional<std::int64_t> runId;        ///< the run at that time, or the run it was coalesced into
    std::optional<RunOutcome> outcome;        ///< that run's outcome (its last attempt's)
    std::optional<RunReason> reason;          ///< why that run ran
    int attempts = 0;                         ///< attempts made for that scheduled time (1 + retries)
    std::int64_t count = 1;                   ///< run times the row stands for (a long downtime's missed row)
    std::optional<std::int64_t> lateMs;       ///< missed: how late it would have started
    std::optional<std::int64_t> graceMs;      ///< missed: the job's misfire grace time
    std::optional<std::int64_t> fireBefore;   ///< the trigger's last fire time before atMs
    std::optional<std::int64_t> fireAfter;    ///< the trigger's first fire time after atMs
    QString text;                             ///< one translated paragraph

    /// {"job_id", "at", "kind", "run_id", "outcome", "reason", "attempts", "count", "late_seconds",
    /// "grace_seconds", "fire_before", "fire_after", "text"}; times ISO-8601 UTC, absent values null.
    QJsonObject toJson() const;
    static Result<RunExplanation> fromJson(const QJsonObject &json);

    static QString kindName(ExplanationKind kind); ///< "ran", "not_a_fire_time", ...
    static std::optional<ExplanationKind> kindFromName(const QString &name);
};

/**
 * What happened at @p atMs for @p job, or will happen, and why. @p runsNewestFirst is every run of the job the store
 * keeps (newest first, as Scheduler::history() gives them); @p historyLimit is how many it keeps per job (older
 * ones were pruned); @p nowMs divides the past from the future. Pure: no store, no clock.
 *
 * Honest about what the history cannot know: pause periods and earlier triggers are not recorded, so a past time
 * is called paused only when the job is paused now and nothing after that time was recorded.
 */
RunExplanation explainRun(const Job &job, const QList<RunRecord> &runsNewestFirst, std::int64_t atMs,
                          std::int64_t nowMs, int historyLimit, const ExclusionCalendars &calendars = {});

/// The trigger's last fire time strictly before @p beforeMs, or none (a backward search over nextFireTime()).
std::optional<std::int64_t> previousFireTime(const Trigger &trigger, std::int64_t beforeMs);

} // namespace punctual

Q_DECLARE_METATYPE(punctual::RunExplanation)
