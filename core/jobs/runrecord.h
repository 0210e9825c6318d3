// One scheduled run of a job and its result: the row of the run history.
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>

namespace punctual {

enum class RunOutcome
{
    Running,     ///< recorded before it starts; still going (or queued behind earlier run times of its batch)
    Success,
    Failed,      ///< non-zero exit, crash, failure to start, or a function's error
    Missed,      ///< not run: it would have started later than misfire_grace_time after its scheduled time
    Skipped,     ///< not run: max_instances runs of the job were still going
    Interrupted, ///< the scheduler stopped (or crashed) while it ran
    TimedOut,    ///< killed after the job's timeout
    Queued,      ///< waiting for the run going to end (overlap queue-one, queue-all, replace); starts later
    Replaced,    ///< stopped because a newer run of the job replaced it (overlap replace)
    Excluded,    ///< not run: its day is excluded by one of the job's exclusion calendars
    // --- conditions that wait (a job's "requires") ---
    Waiting,          ///< due, waiting for its conditions to hold (error says for what); starts later
    ConditionTimeout, ///< not run: its conditions did not hold by its require_deadline
};

/// Why a run ran (or was to run): shown in the history (`history --json` key "reason").
enum class RunReason
{
    Scheduled, ///< its trigger's fire time, run on time
    CatchUp,   ///< a fire time that passed while the scheduler could not run it (stopped, paused, asleep), run late
    RunNow,    ///< started by a user (run-now)
    Retry,     ///< a further attempt of a failed run
    Chained,   ///< started because another run ended (causedBy names it)
    Backfill,  ///< one fire time of a backfill
    AtStart,     ///< event trigger: the scheduler host started
    AfterResume, ///< event trigger: the computer woke from sleep (after the job's delay)
    NetworkUp,   ///< event trigger: the network became reachable
};

struct RunRecord
{
    std::int64_t id = 0; ///< assigned by the store
    QString jobId;
    std::int64_t scheduledTime = 0;
    std::optional<std::int64_t> startTime;
    std::optional<std::int64_t> endTime;
    RunOutcome outcome = RunOutcome::Running;
    std::optional<int> exitCode;
    QString output; ///< captured stdout and stderr (tail kept under the job's cap)
    QString error;  ///< why it failed, was missed or skipped, in words
    std::optional<std::int64_t> lateMs; ///< for a missed run: how late it would have started
    int attempt = 1;                    ///< 1 for the first try, 2.. for retries
    QString instance; ///< the scheduler instance that claimed it (set by SQL stores on insert)
    RunReason reason = RunReason::Scheduled;
    std::optional<std::int64_t> causedBy; ///< a chained run: the run whose end started it
    /// How many run times this row stands for: more than 1 for the one missed row of a long downtime.
    std::int64_t count = 1;

    /// Over: neither going nor waiting in a queue or for its conditions.
    bool isFinal() const
    {
        return outcome != RunOutcome::Running && outcome != RunOutcome::Queued && outcome != RunOutcome::Waiting;
    }

    /// The run JSON of DESIGN.md section 7 (times as ISO-8601 UTC).
    QJsonObject toJson() const;

    static QString outcomeName(RunOutcome outcome);
    static std::optional<RunOutcome> outcomeFromName(const QString &name);
    static QString reasonName(RunReason reason);
    static std::optional<RunReason> reasonFromName(const QString &name);
};

} // namespace punctual

Q_DECLARE_METATYPE(punctual::RunRecord)
