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
    void addBehaviour(QCommandLineParser &parser) const; ///< --max-instances --coalesce ... --remove-when-done --recover
    void addCommand(QCommandLineParser &parser) const;   ///< --shell --workdir --env (program after --)

    /// The trigger the options describe, or nullptr when none is given; an error for bad or conflicting ones.
    Result<std::shared_ptr<const Trigger>> trigger(const QCommandLineParser &parser, std::int64_t nowMs) const;
    /// @p base with the behaviour options that are given applied.
    Result<JobOptions> jobOptions(const QCommandLineParser &parser, JobOptions base) const;
    /// The command made of @p words (the words after "--") and the command options, or nothing when no words.
    Result<std::optional<Action>> action(const QCommandLineParser &parser, const QStringList &words) const;
    bool anyBehaviourSet(const QCommandLineParser &parser) const;

    QCommandLineOption id, name;
    QCommandLineOption cron, tz, every, start, end, at, calendar, jitter;
    QCommandLineOption maxInstances, coalesce, noCoalesce, misfireGrace, timeout, retries, retryDelay, retryBackoff,
        retryDelayMax,
        removeWhenDone, recover, paused, replace;
    QCommandLineOption shell, workdir, env;
};

} // namespace punctual::cli
