// A job: what runs (action), when (trigger), how misfires and overlaps are handled (options), and its state.
#pragma once

#include "jobs/action.h"
#include "jobs/jobevents.h"
#include "jobs/runcondition.h"
#include "triggers/trigger.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>

namespace punctual {

/// When several run times of a job are due at once (after downtime or sleep), which of them run.
enum class CoalescePolicy
{
    All,    ///< every due run time runs (coalesce = false)
    Latest, ///< only the latest (coalesce = true, the default)
};

/// What a due run does when the job's earlier runs are still going (docs/scheduling.md has a picture of each).
enum class OverlapPolicy
{
    Skip,     ///< beyond max_instances runs going the new one is skipped (APScheduler; the default)
    QueueOne, ///< it waits for the runs going to end; at most one waits, a further one is skipped
    QueueAll, ///< it waits in order; at most queueLimit wait, further ones are skipped
    Replace,  ///< the runs going are stopped (recorded replaced), then it starts
    Allow,    ///< it starts at once, however many are going
};

/// When a chained job runs: after the run of this job succeeded, failed, or either.
enum class ChainCondition
{
    OnSuccess,
    OnFailure,
    OnFinish,
};

/// "After this job's run ends (so), run that job": a run of @p jobId starts, reason chained.
struct JobChain
{
    ChainCondition when = ChainCondition::OnSuccess;
    QString jobId;

    bool operator==(const JobChain &) const = default;
    /// Whether a run that ended @p succeeded starts this chain.
    bool firesAfter(bool succeeded) const
    {
        return when == ChainCondition::OnFinish || (when == ChainCondition::OnSuccess) == succeeded;
    }
    static QString conditionName(ChainCondition when); ///< "on_success", "on_failure", "on_finish"
};

/// APScheduler 3's job options (DESIGN.md section 4), with its defaults.
struct JobOptions
{
    static constexpr std::int64_t defaultMisfireGraceMs = 60'000;

    int maxInstances = 1;
    CoalescePolicy coalesce = CoalescePolicy::Latest;
    std::optional<std::int64_t> misfireGraceMs = defaultMisfireGraceMs; ///< nullopt: no limit ("none")
    std::optional<std::int64_t> timeoutMs;                              ///< kill the run after this long
    int maxRetries = 0;
    std::int64_t retryDelayMs = 30'000;
    double retryBackoff = 1.0;                   ///< each retry waits this many times longer than the last (1: same)
    std::optional<std::int64_t> retryDelayMaxMs; ///< the longest a growing wait gets; nullopt: no limit
    bool removeWhenDone = false;
    /// A run left running by a cluster instance that died is run again by another (Quartz's "requests recovery").
    bool recover = false;
    OverlapPolicy overlap = OverlapPolicy::Skip;
    static constexpr int defaultQueueLimit = 10;
    int queueLimit = defaultQueueLimit; ///< runs that may wait with overlap queue-all
    QList<JobChain> chains;             ///< jobs run after this job's runs end
    /// Pause the job after this many runs in a row failed (a run's retries count as one run); none: never.
    std::optional<int> pauseAfterFailures;
    /// Exclusion calendars (by name): a fire time on a day one of them excludes does not run (recorded excluded).
    QStringList exclude;
    /// Desktop events that also run the job (at start, after wake-up, network up); JSON key "events".
    JobEvents events;
    // --- conditions that wait (docs/desktop-triggers.md) ---
    /// JSON "requires": a due run waits until all of them hold (recorded waiting), or ends condition_timeout.
    RunConditions conditions;
    /// JSON "require_deadline": how long after its scheduled time a run may wait for its conditions. Absent (the
    /// outer none): the misfire grace time; an inner none ("none", JSON null): it waits for ever.
    std::optional<std::optional<std::int64_t>> requireDeadlineMs;
    /// JSON "stop_if_lost": a run going is stopped (interrupted) when one of its conditions stops holding.
    bool stopIfLost = false;

    bool operator==(const JobOptions &) const = default;

    static QString overlapName(OverlapPolicy policy); ///< "skip", "queue-one", "queue-all", "replace", "allow"
    static std::optional<OverlapPolicy> overlapFromName(const QString &name);

    /// The wait before the attempt that follows failed attempt @p attempt (1: the first try): retry_delay times
    /// retry_backoff^(attempt-1), at most retry_delay_max (JSON keys retry_backoff, retry_delay_max).
    std::int64_t retryDelayAfter(int attempt) const;
    /// How long a run may wait for its conditions (require_deadline, else misfire_grace_time); none: for ever.
    std::optional<std::int64_t> conditionDeadlineMs() const
    {
        return requireDeadlineMs ? *requireDeadlineMs : misfireGraceMs;
    }

    /// Flat keys as in the job JSON: max_instances, coalesce, misfire_grace_time (s or null), timeout,
    /// max_retries, retry_delay, remove_when_done, recover, overlap, queue_limit, chains ({"on_success": [ids],
    /// "on_failure": [...], "on_finish": [...]}), pause_after_failures (n or null), exclude (calendar names); and,
    /// only when not the default, events (JobEvents),
    /// requires (["ac-power", "idle:10m"]), require_deadline (s or null), stop_if_lost.
    void writeJson(QJsonObject &json) const;
    /// Reads the keys writeJson() writes; absent keys keep their defaults; bad values are errors.
    static Result<JobOptions> fromJson(const QJsonObject &json);
};

/// What adding a job does when its id is already stored (APScheduler's replace_existing, plus skip).
enum class ConflictPolicy
{
    Fail,    ///< the add is refused with ErrorCode::Conflict naming the id (the default); an import reports each
    Replace, ///< the stored job is replaced; its run history is kept
    /// The stored job stays and the new one is left out. An import's choice, applied when it is planned
    /// (planImport); a store or scheduler still finding a conflict then refuses the whole add, as with Fail.
    Skip,
};

/// A job's life as the list shows it.
enum class JobState
{
    Scheduled, ///< has a next run time
    Paused,    ///< paused by the user: no next run time until resumed
    Finished,  ///< its trigger will not fire again (a date job after its run)
    OnEvents,  ///< no next run time, but it still runs on its event triggers (JobEvents)
};

class Job
{
public:
    QString id;
    QString name;
    std::shared_ptr<const Trigger> trigger; ///< immutable once shared; replace it to reschedule
    Action action;
    JobOptions options;
    bool paused = false;
    QString pauseNote; ///< why it was paused, in the user's words (or the scheduler's, after failures); one line
    std::optional<std::int64_t> nextRunTime; ///< UTC ms; none when paused or finished
    std::int64_t createdAt = 0;

    JobState state() const
    {
        if (paused)
            return JobState::Paused;
        if (nextRunTime)
            return JobState::Scheduled;
        return options.events.any() ? JobState::OnEvents : JobState::Finished;
    }

    /// The job JSON of DESIGN.md section 7 (times in the trigger's zone).
    QJsonObject toJson() const;
    /// Reads the job JSON (import); "next_run_time" is kept only when @p keepNextRunTime.
    static Result<Job> fromJson(const QJsonObject &json, bool keepNextRunTime);

    static QString stateName(JobState state);
};

/// describeSchedule() of the job's trigger and events: what list, show and the window print as its schedule.
QString describeSchedule(const Job &job);
/// A fresh job id: 32 hex digits, as APScheduler's uuid4().hex.
QString generateJobId();
/// Job ids are printable, at most 200 characters, without control characters; the error says why not.
Result<void> validateJobId(const QString &id);
/// A pause note is one line of at most 1000 characters, as a name.
Result<void> validatePauseNote(const QString &note);
/// Job names are one line (no line breaks or control characters), at most 1000 characters, not beginning with U+FEFF.
Result<void> validateJobName(const QString &name);
/// The one "no trigger" check: a job without a trigger is refused, naming its id; so is a job with no schedule
/// (an EventTrigger) and no events, which would never run.
Result<void> requireTrigger(const Job &job);
/// What every job has before it is stored: a valid id (validateJobId) and a trigger (requireTrigger).
Result<void> validateJob(const Job &job);

} // namespace punctual

Q_DECLARE_METATYPE(punctual::Job)
