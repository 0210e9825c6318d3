// The job options shared by punctualctl add, modify and reschedule, and what they build.
#pragma once

#include "jobs/job.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace punctual::cli {

/// The options of `add` (DESIGN.md section 7) plus a few more; each command adds the groups it takes.
class JobCommandOptions
{
public:
    JobCommandOptions();

    void addIdentity(QCommandLineParser &parser) const;  ///< --id --name
    /// --cron --tz --every --start --end --at --calendar --jitter --dst --no-schedule
    void addTrigger(QCommandLineParser &parser) const;
    /// --max-instances --coalesce ... --remove-when-done --recover, and the run policies: --overlap --queue-limit
    /// --on-success --on-failure --on-finish --no-chains --pause-after-failures, and the event triggers: --at-start
    /// --after-resume [DELAY] --on-network-up --no-events
    void addBehaviour(QCommandLineParser &parser) const;
    void addCommand(QCommandLineParser &parser) const;   ///< --shell --workdir --env (program after --)

    /// The trigger the options describe, or nullptr when none is given; an error for bad or conflicting ones.
    /// --dst alone changes @p current's DST policy when it is a cron trigger (modify), else it is an error.
    /// --no-schedule gives an EventTrigger (the job runs only on its events).
    Result<std::shared_ptr<const Trigger>> trigger(const QCommandLineParser &parser, std::int64_t nowMs,
                                                   const Trigger *current = nullptr) const;
    /// @p args with a value given to each --after-resume that has none ("0s": at once after the wake-up):
    /// QCommandLineParser knows no optional values. The word after it is its DELAY when it begins with a digit
    /// or is ISO-8601 ("PT2M"); else (another option, "--", a job id) it has none. Words after "--" are left alone.
    static QStringList withOptionalValues(const QStringList &args);
    /// Whether an event trigger option is given (add: a job without a schedule then runs on its events only).
    bool anyEventSet(const QCommandLineParser &parser) const;
    /// @p base with the behaviour options that are given applied. A chain option given replaces @p base's chains of
    /// its condition (the others are kept); --no-chains drops them all first.
    Result<JobOptions> jobOptions(const QCommandLineParser &parser, JobOptions base) const;
    /// The command made of @p words (the words after "--") and the command options, or nothing when no words.
    Result<std::optional<Action>> action(const QCommandLineParser &parser, const QStringList &words) const;
    bool anyBehaviourSet(const QCommandLineParser &parser) const;
    /// The run policies part of jobOptions(): overlap, queue limit, chains, pause after failures.
    Result<void> applyRunPolicies(const QCommandLineParser &parser, JobOptions &base) const;
    /// The event triggers part of jobOptions(): --no-events drops them all, then the ones given are set.
    Result<void> applyEvents(const QCommandLineParser &parser, JobOptions &base) const;
    /// The conditions part: --require (replaces the list), --no-require, --require-deadline, --stop-if-lost.
    Result<void> applyConditions(const QCommandLineParser &parser, JobOptions &base) const;

    QCommandLineOption id, name;
    QCommandLineOption cron, tz, every, start, end, at, calendar, jitter;
    QCommandLineOption maxInstances, coalesce, noCoalesce, misfireGrace, timeout, retries, retryDelay, retryBackoff,
        retryDelayMax,
        removeWhenDone, recover, paused, replace;
    QCommandLineOption overlap, queueLimit, onSuccess, onFailure, onFinish, noChains, pauseAfterFailures;
    QCommandLineOption shell, workdir, env;
    QCommandLineOption exclude, noExclude; // exclusion calendars
    QCommandLineOption dst, noSchedule, atStart, afterResume, onNetworkUp, noEvents;
    QCommandLineOption require, noRequire, requireDeadline, stopIfLost, noStopIfLost;
};

} // namespace punctual::cli
