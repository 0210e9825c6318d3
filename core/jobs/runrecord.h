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

    bool isFinal() const { return outcome != RunOutcome::Running; }

    /// The run JSON of DESIGN.md section 7 (times as ISO-8601 UTC).
    QJsonObject toJson() const;

    static QString outcomeName(RunOutcome outcome);
    static std::optional<RunOutcome> outcomeFromName(const QString &name);
};

} // namespace punctual

Q_DECLARE_METATYPE(punctual::RunRecord)
