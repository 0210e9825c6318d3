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
    void addTrigger(QCommandLineParser &parser) const;   ///< --cron --tz --every --start --end --at --calendar --jitter
    /// --max-instances --coalesce ... --remove-when-done --recover, and the run policies: --overlap --queue-limit
    /// --on-success --on-failure --on-finish --no-chains --pause-after-failures
    void addBehaviour(QCommandLineParser &parser) const;
    void addCommand(QCommandLineParser &parser) const;   ///< --shell --workdir --env (program after --)

    /// The trigger the options describe, or nullptr when none is given; an error for bad or conflicting ones.
    Result<std::shared_ptr<const Trigger>> trigger(const QCommandLineParser &parser, std::int64_t nowMs) const;
    /// @p base with the behaviour options that are given applied. A chain option given replaces @p base's chains of
    /// its condition (the others are kept); --no-chains drops them all first.
    Result<JobOptions> jobOptions(const QCommandLineParser &parser, JobOptions base) const;
    /// The command made of @p words (the words after "--") and the command options, or nothing when no words.
    Result<std::optional<Action>> action(const QCommandLineParser &parser, const QStringList &words) const;
    bool anyBehaviourSet(const QCommandLineParser &parser) const;
    /// The run policies part of jobOptions(): overlap, queue limit, chains, pause after failures.
    Result<void> applyRunPolicies(const QCommandLineParser &parser, JobOptions &base) const;
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
    QCommandLineOption require, noRequire, requireDeadline, stopIfLost, noStopIfLost;
};

} // namespace punctual::cli
