// punctualctl add, modify, reschedule, pause, resume, remove, remove-all, show and list.
#include "cli.h"
#include "httpoptions.h"
#include "joboptions.h"
#include "sqloptions.h"
#include "schedulersession.h"

#include "time/isotime.h"
#include "triggers/eventtrigger.h"

#include <QDateTime>
#include <QJsonArray>

#include <QJsonDocument>

namespace punctual::cli {

namespace {

QString jsonLine(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QString nextRunText(const Job &job)
{
    if (job.nextRunTime)
        return formatIso(*job.nextRunTime, job.trigger->zone());
    return QStringLiteral("-");
}

// Parses a command that takes one job id and, optionally, --json.
struct IdCommand
{
    QString id;
    QStringList ids; ///< every id given (several only where the command takes them)
    bool json = false;
    QString note; ///< pause --note
};

/// What parseIdCommand() takes besides the ids.
struct IdCommandShape
{
    bool withJson = true;
    bool several = false;
    bool withNote = false; ///< pause: --note TEXT
};

/// Parses ID [--json]; with @p several, ID... (pause, resume and remove take a selection; --json then one id).
int parseIdCommand(const QStringList &args, const QString &description, IdCommand &out, IdCommandShape shape)
{
    const bool withJson = shape.withJson;
    const bool several = shape.several;
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    if (several)
        parser.addPositionalArgument(QStringLiteral("ID"), tr("The job's id; several ids: all of them in one "
                                                              "step, or none when one is unknown."),
                                     QStringLiteral("ID..."));
    else
        parser.addPositionalArgument(QStringLiteral("ID"), tr("The job's id."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the job as JSON."));
    if (withJson)
        parser.addOption(json);
    const QCommandLineOption note(QStringLiteral("note"),
                                  tr("Why the jobs are paused: one line, shown by list, show, the window and the tray "
                                     "until they are resumed (a job paused already takes the new note)."),
                                  tr("TEXT"));
    if (shape.withNote)
        parser.addOption(note);
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    const QStringList given = parser.positionalArguments();
    if (several ? given.isEmpty() : given.size() != 1)
        return fail(ExitUsage, several ? tr("give at least one job id") : tr("give exactly one job id"));
    out.id = given.front();
    out.ids = given;
    out.json = withJson && parser.isSet(json);
    if (out.json && given.size() > 1)
        return fail(ExitUsage, tr("--json prints one job: give one id"));
    if (shape.withNote && parser.isSet(note)) {
        out.note = parser.value(note);
        if (out.note.trimmed().isEmpty())
            return fail(ExitUsage, tr("--note needs a text"));
        if (auto valid = validatePauseNote(out.note); !valid)
            return fail(ExitUsage, QStringLiteral("--note: %1").arg(valid.error().message));
    }
    return -1;
}

/// parseIdCommand() of one id with --json.
int parseIdCommand(const QStringList &args, const QString &description, IdCommand &out)
{
    return parseIdCommand(args, description, out, IdCommandShape{});
}

// The job's state as list and show print it: what its runs do now (through an instance) before its stored state.
QString stateText(const Job &job, const std::optional<JobActivity> &activity)
{
    if (activity && activity->running > 0)
        return QStringLiteral("running");
    if (activity && activity->retry) {
        return QStringLiteral("retrying (%1 of %2) at %3") // like the state names: not translated
            .arg(activity->retry->attempt)
            .arg(activity->retry->attempts)
            .arg(formatIso(activity->retry->at, job.trigger->zone()));
    }
    if (activity && activity->waiting)
        return QStringLiteral("waiting"); // for its conditions: show says which
    if (job.paused && !job.pauseNote.isEmpty())
        return Job::stateName(job.state()) + QStringLiteral(": ") + job.pauseNote;
    return Job::stateName(job.state());
}

/// @p text cut to @p most characters with an ellipsis (a long pause note in list's state column; show has it all).
QString elided(const QString &text, qsizetype most)
{
    return text.size() <= most ? text : text.left(most - 1) + QChar(0x2026);
}

/// The run policies show prints when they are not the defaults, as key and value.
QList<std::pair<QString, QString>> runPolicyLines(const JobOptions &o)
{
    QList<std::pair<QString, QString>> lines;
    if (o.overlap != OverlapPolicy::Skip) {
        QString value = JobOptions::overlapName(o.overlap);
        if (o.overlap == OverlapPolicy::QueueAll)
            value += tr(" (at most %1 waiting)").arg(o.queueLimit);
        lines.append({tr("overlap"), value});
    }
    const std::pair<ChainCondition, QString> conditions[] = {
        {ChainCondition::OnSuccess, tr("on success")},
        {ChainCondition::OnFailure, tr("on failure")},
        {ChainCondition::OnFinish, tr("on finish")},
    };
    for (const auto &[when, key] : conditions) {
        QStringList ids;
        for (const JobChain &chain : o.chains) {
            if (chain.when == when)
                ids.append(chain.jobId);
        }
        if (!ids.isEmpty())
            lines.append({key, ids.join(QStringLiteral(", "))});
    }
    if (o.pauseAfterFailures) { // punctualctl is English only: no plural forms
        const int n = *o.pauseAfterFailures;
        lines.append({tr("pause after"), n == 1 ? tr("1 failure") : tr("%1 failures in a row").arg(n)});
    }
    if (!o.exclude.isEmpty())
        lines.append({tr("excluded days"), tr("calendars %1").arg(o.exclude.join(QStringLiteral(", ")))});
    // Conditions that wait (docs/desktop-triggers.md).
    if (!o.conditions.isEmpty()) {
        lines.append({tr("requires"), conditionNames(o.conditions).join(QStringLiteral(", "))});
        const auto deadline = o.conditionDeadlineMs();
        lines.append({tr("require deadline"),
                      (deadline ? QStringLiteral("%1 s").arg(static_cast<double>(*deadline) / 1000.0) : tr("none"))
                          + (o.requireDeadlineMs ? QString() : tr(" (the misfire grace time)"))});
        if (o.stopIfLost)
            lines.append({tr("stop if lost"), tr("yes")});
    }
    return lines;
}

// What the runs of @p jobId (all jobs when empty) do now, by job id. Best effort: an instance too old to know
// "activity" gives nothing, and the stored state is shown.
QHash<QString, JobActivity> activityOf(JobControl &control, const QString &jobId = {})
{
    QHash<QString, JobActivity> byJob;
    if (auto going = control.activity(jobId)) {
        for (const JobActivity &activity : std::as_const(going.value()))
            byJob.insert(activity.jobId, activity);
    }
    return byJob;
}

std::optional<JobActivity> find(const QHash<QString, JobActivity> &activities, const QString &jobId)
{
    const auto it = activities.constFind(jobId);
    return it == activities.cend() ? std::nullopt : std::optional<JobActivity>(*it);
}

int printJob(const Job &job, bool json)
{
    if (json)
        print(jsonLine(job.toJson()));
    return ExitOk;
}

} // namespace

int runAdd(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Add a job; prints its id."));
    parser.addPositionalArgument(QStringLiteral("-- PROGRAM [ARGS...]"), tr("The command the job runs."));
    const JobCommandOptions options;
    options.addIdentity(parser);
    options.addTrigger(parser);
    options.addBehaviour(parser);
    options.addCommand(parser);
    const SqlCommandOptions sqlOptions;
    sqlOptions.addTo(parser);
    const HttpCommandOptions httpOptions;
    httpOptions.addTo(parser);
    parser.addOptions({options.paused, options.replace});
    int exitCode = ExitOk;
    if (!parseArguments(parser, JobCommandOptions::withOptionalValues(args), exitCode))
        return exitCode;

    SchedulerSession session;
    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    auto trigger = options.trigger(parser, session.nowMs());
    if (!trigger)
        return fail(trigger.error());
    if (!trigger.value() && options.anyEventSet(parser) && !parser.isSet(options.noEvents))
        trigger = std::shared_ptr<const Trigger>(std::make_shared<EventTrigger>()); // runs on its events only
    if (!trigger.value())
        return fail(ExitUsage, tr("give a schedule: --cron, --every, --at or --calendar, or an event: --at-start, "
                                  "--after-resume, --on-network-up"));
    if (sqlOptions.requested(parser) && httpOptions.requested(parser))
        return fail(ExitUsage, tr("a job runs SQL or requests URLs, not both: give sql or http options"));
    auto action = httpOptions.requested(parser) ? httpOptions.action(parser, parser.positionalArguments(), std::nullopt)
        : sqlOptions.requested(parser) ? sqlOptions.action(parser, parser.positionalArguments(), std::nullopt)
                                       : options.action(parser, parser.positionalArguments());
    if (!action)
        return fail(action.error());
    if (!action.value())
        return fail(ExitUsage, tr("give the command to run after \"--\", e.g. punctualctl add --every 1h -- "
                                  "/usr/bin/backup"));
    auto jobOptions = options.jobOptions(parser, JobOptions{});
    if (!jobOptions)
        return fail(jobOptions.error());

    Job job;
    job.id = parser.value(options.id);
    job.name = parser.value(options.name);
    job.trigger = trigger.value();
    job.action = *action.value();
    job.options = jobOptions.value();
    job.paused = parser.isSet(options.paused);
    auto added = session.control().addJob(std::move(job), parser.isSet(options.replace) ? ConflictPolicy::Replace : ConflictPolicy::Fail);
    if (!added)
        return fail(added.error());
    print(added->id + QLatin1Char('\n'));
    return ExitOk;
}

int runModify(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Change a job's name, schedule, options or command."));
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The job's id."));
    parser.addPositionalArgument(QStringLiteral("[-- PROGRAM [ARGS...]]"), tr("A new command."));
    const JobCommandOptions options;
    parser.addOption(options.name);
    options.addTrigger(parser);
    options.addBehaviour(parser);
    options.addCommand(parser);
    const SqlCommandOptions sqlOptions;
    sqlOptions.addTo(parser);
    const HttpCommandOptions httpOptions;
    httpOptions.addTo(parser);
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the job as JSON."));
    parser.addOption(json);
    int exitCode = ExitOk;
    if (!parseArguments(parser, JobCommandOptions::withOptionalValues(args), exitCode))
        return exitCode;
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(ExitUsage, tr("give the id of the job to modify"));
    const QString id = positional.takeFirst();

    SchedulerSession session;
    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    auto current = session.control().job(id);
    if (!current)
        return fail(current.error());

    JobChanges changes;
    if (parser.isSet(options.name))
        changes.name = parser.value(options.name);
    auto trigger = options.trigger(parser, session.nowMs(), current->trigger.get());
    if (!trigger)
        return fail(trigger.error());
    changes.trigger = trigger.value();
    if (options.anyBehaviourSet(parser)) {
        auto jobOptions = options.jobOptions(parser, current->options);
        if (!jobOptions)
            return fail(jobOptions.error());
        changes.options = jobOptions.value();
    }
    if (sqlOptions.requested(parser) && httpOptions.requested(parser))
        return fail(ExitUsage, tr("a job runs SQL or requests URLs, not both: give sql or http options"));
    auto action = httpOptions.requested(parser) ? httpOptions.action(parser, positional, current->action)
        : sqlOptions.requested(parser)          ? sqlOptions.action(parser, positional, current->action)
                                                : options.action(parser, positional);
    if (!action)
        return fail(action.error());
    if (action.value())
        changes.action = *action.value();
    if (!changes.name && !changes.trigger && !changes.options && !changes.action)
        return fail(ExitUsage, tr("nothing to change: give a new name, schedule, option or command"));
    auto modified = session.control().modifyJob(id, changes);
    if (!modified)
        return fail(modified.error());
    return printJob(modified.value(), parser.isSet(json));
}

int runReschedule(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Give a job a new schedule; its next run is computed from now."));
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The job's id."));
    const JobCommandOptions options;
    options.addTrigger(parser);
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the job as JSON."));
    parser.addOption(json);
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(ExitUsage, tr("give exactly one job id"));
    SchedulerSession session;
    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    const QString id = parser.positionalArguments().front();
    std::shared_ptr<const Trigger> current;
    if (parser.isSet(options.dst) || parser.isSet(options.noSchedule)) { // --dst alone keeps the cron expression
        auto job = session.control().job(id);
        if (!job)
            return fail(job.error());
        current = job->trigger;
    }
    auto trigger = options.trigger(parser, session.nowMs(), current.get());
    if (!trigger)
        return fail(trigger.error());
    if (!trigger.value())
        return fail(ExitUsage, tr("give a schedule: --cron, --every, --at or --calendar"));
    auto modified = session.control().rescheduleJob(id, trigger.value());
    if (!modified)
        return fail(modified.error());
    return printJob(modified.value(), parser.isSet(json));
}

// pause and resume: one id prints the job as before; several are changed in one step (all or none).
template <typename Single, typename Bulk>
int onJobs(const QStringList &args, const QString &description, bool withNote, Single single, Bulk bulk)
{
    IdCommand command;
    if (const int code = parseIdCommand(args, description, command, {true, true, withNote}); code >= 0)
        return code;
    SchedulerSession session;
    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    if (command.ids.size() == 1) {
        auto job = single(session.control(), command);
        if (!job)
            return fail(job.error());
        return printJob(job.value(), command.json);
    }
    auto changed = bulk(session.control(), command);
    if (!changed)
        return fail(changed.error());
    for (const QString &id : std::as_const(changed.value()))
        print(id + QLatin1Char('\n'));
    return ExitOk;
}

int runPause(const QStringList &args)
{
    return onJobs(
        args, tr("Pause jobs: they do not run until resumed. Prints the job (one id) or the ids paused (several)."),
        true, [](JobControl &control, const IdCommand &c) { return control.pauseJob(c.id, c.note); },
        [](JobControl &control, const IdCommand &c) { return control.pauseJobs(c.ids, c.note); });
}

int runResume(const QStringList &args)
{
    return onJobs(args,
                  tr("Resume paused jobs: their next runs are computed from now. Prints the job (one id) or the "
                     "ids resumed (several)."),
                  false, [](JobControl &control, const IdCommand &c) { return control.resumeJob(c.id); },
                  [](JobControl &control, const IdCommand &c) { return control.resumeJobs(c.ids); });
}

int runRemove(const QStringList &args)
{
    IdCommand command;
    if (const int code = parseIdCommand(args, tr("Remove jobs and their run history. Their runs going now are "
                                                 "stopped (recorded interrupted) and a retry waiting is not made."),
                                        command, {false, true});
        code >= 0)
        return code;
    SchedulerSession session;
    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    if (command.ids.size() > 1) {
        auto stopped = session.control().removeJobs(command.ids);
        if (!stopped)
            return fail(stopped.error());
        if (stopped.value() > 0)
            print(tr("%n run(s) of the removed jobs going or waiting to retry were stopped\n", nullptr,
                     stopped.value()));
        return ExitOk;
    }
    auto stopped = session.control().removeJob(command.id);
    if (!stopped)
        return fail(stopped.error());
    if (stopped.value() > 0)
        print(tr("job %1 removed; %n run(s) of it going or waiting to retry were stopped\n", nullptr, stopped.value())
                  .arg(command.id));
    return ExitOk;
}

int runStop(const QStringList &args)
{
    IdCommand command;
    if (const int code = parseIdCommand(args, tr("Stop a job's runs going now: a command's process group is ended "
                                                 "(SIGTERM, then SIGKILL), a retry waiting is not made; the runs are "
                                                 "recorded interrupted. The job stays scheduled."),
                                        command, {false});
        code >= 0)
        return code;
    SchedulerSession session;
    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    auto stopped = session.control().stopJob(command.id);
    if (!stopped)
        return fail(stopped.error());
    if (!session.control().isRemote())
        print(tr("no instance runs on this store, so nothing of job %1 is running: 0 runs stopped\n").arg(command.id));
    else
        print(tr("%n run(s) of job %1 stopped\n", nullptr, stopped.value()).arg(command.id));
    return ExitOk;
}

int runRemoveAll(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Remove every job and all run history."));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Confirm: really remove every job."));
    parser.addOption(yes);
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (!parser.isSet(yes))
        return fail(ExitUsage, tr("remove-all removes every job: add --yes to confirm"));
    SchedulerSession session;
    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    auto removed = session.control().removeAllJobs();
    if (!removed)
        return fail(removed.error());
    print(tr("%n job(s) removed\n", nullptr, removed.value()));
    return ExitOk;
}

int runShow(const QStringList &args)
{
    IdCommand command;
    if (const int code = parseIdCommand(args, tr("Show one job."), command); code >= 0)
        return code;
    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadOnly); !opened)
        return fail(opened.error());
    auto job = session.control().job(command.id);
    if (!job)
        return fail(job.error());
    if (command.json)
        return printJob(job.value(), true);
    const QJsonObject json = job->toJson();
    QString text;
    auto line = [&text](const QString &key, const QString &value) {
        text += QStringLiteral("%1 %2\n").arg(key + QLatin1Char(':'), -20).arg(value);
    };
    line(tr("id"), job->id);
    line(tr("name"), job->name);
    const std::optional<JobActivity> activity = find(activityOf(session.control(), command.id), command.id);
    line(tr("state"), stateText(job.value(), activity));
    if (activity && activity->waiting) {
        QString what = waitingForText(conditionsNamed(activity->waiting->conditions));
        if (activity->waiting->deadline)
            what += tr(" (until %1)").arg(formatIso(*activity->waiting->deadline, job->trigger->zone()));
        line(tr("waiting"), what);
    }
    line(tr("schedule"), describeSchedule(job.value()));
    line(tr("time zone"), QString::fromLatin1(job->trigger->zone().id()));
    line(tr("next run"), nextRunText(job.value()));
    // No next run although the trigger fires again: its calendars exclude every day it could run on.
    if (!job->nextRunTime && !job->paused && !job->options.exclude.isEmpty()
        && job->trigger->nextFireTime(QDateTime::currentMSecsSinceEpoch()))
        line(tr("why no next run"), tr("calendars %1 exclude every day it fires on (searched 20 years ahead)")
                                        .arg(job->options.exclude.join(QStringLiteral(", "))));
    line(tr("action"), describeAction(job->action));
    line(tr("max instances"), QString::number(job->options.maxInstances));
    line(tr("coalesce"), job->options.coalesce == CoalescePolicy::Latest ? tr("yes") : tr("no"));
    line(tr("misfire grace"), job->options.misfireGraceMs
             ? QStringLiteral("%1 s").arg(static_cast<double>(*job->options.misfireGraceMs) / 1000.0)
             : tr("none"));
    line(tr("timeout"), job->options.timeoutMs
             ? QStringLiteral("%1 s").arg(static_cast<double>(*job->options.timeoutMs) / 1000.0)
             : tr("none"));
    line(tr("retries"), QString::number(job->options.maxRetries));
    if (job->options.maxRetries > 0) {
        const JobOptions &o = job->options;
        QString wait = QStringLiteral("%1 s").arg(static_cast<double>(o.retryDelayMs) / 1000.0);
        if (o.retryBackoff > 1.0)
            wait += tr(", then ×%1 each time").arg(o.retryBackoff)
                + (o.retryDelayMaxMs ? tr(" up to %1 s").arg(static_cast<double>(*o.retryDelayMaxMs) / 1000.0)
                                     : QString());
        line(tr("retry wait"), wait);
    }
    for (const auto &[key, value] : runPolicyLines(job->options))
        line(key, value);
    print(text);
    return ExitOk;
}

int runList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List jobs by next run time."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print a JSON array of jobs."));
    parser.addOption(json);
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadOnly); !opened)
        return fail(opened.error());
    auto jobs = session.control().jobs();
    if (!jobs)
        return fail(jobs.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Job &job : std::as_const(jobs.value()))
            array.append(job.toJson());
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QList<QStringList> rows{{tr("ID"), tr("NAME"), tr("STATE"), tr("NEXT RUN"), tr("SCHEDULE")}};
    const QHash<QString, JobActivity> activities = activityOf(session.control());
    for (const Job &job : std::as_const(jobs.value()))
        rows.append({job.id, job.name, elided(stateText(job, find(activities, job.id)), 60), nextRunText(job),
                     describeSchedule(job)});
    QList<qsizetype> widths(5, 0);
    for (const QStringList &row : rows) {
        for (int c = 0; c < 4; ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (int c = 0; c < 4; ++c)
            line += row[c].leftJustified(widths[c]) + QStringLiteral("  ");
        text += line + row[4] + QLatin1Char('\n');
    }
    print(text);
    return ExitOk;
}

} // namespace punctual::cli
