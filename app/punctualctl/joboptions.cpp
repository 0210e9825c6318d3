// Builds triggers, options and actions from punctualctl's job options.
#include "joboptions.h"

#include "calendars/exclusioncalendar.h"
#include "cli.h"
#include "time/duration.h"
#include "time/isotime.h"
#include "triggers/calendartrigger.h"
#include "triggers/crontrigger.h"
#include "triggers/datetrigger.h"
#include "triggers/eventtrigger.h"
#include "triggers/intervaltrigger.h"

#include <QDir>

namespace punctual::cli {

JobCommandOptions::JobCommandOptions()
    : id(QStringLiteral("id"), tr("Job id (default: generated)."), tr("ID"))
    , name(QStringLiteral("name"), tr("Job name shown in lists (default: the id)."), tr("NAME"))
    , cron(QStringLiteral("cron"), tr("Run on a cron schedule."), tr("EXPR"))
    , tz(QStringLiteral("tz"), tr("Time zone of the schedule (default: the system's)."), tr("ZONE"))
    , every(QStringLiteral("every"), tr("Run every DURATION (90s, 15m, 1h30m, PT15M)."), tr("DURATION"))
    , start(QStringLiteral("start"), tr("First run of --every (default: one interval from now); earliest run of --cron."),
            tr("ISO"))
    , end(QStringLiteral("end"), tr("No runs after this instant."), tr("ISO"))
    , at(QStringLiteral("at"), tr("Run once, at this instant."), tr("ISO"))
    , calendar(QStringLiteral("calendar"), tr("Run on a calendar schedule (\"every 2 weeks at 09:30\")."), tr("SPEC"))
    , jitter(QStringLiteral("jitter"), tr("Delay each run by up to S seconds at random."), tr("S"))
    , maxInstances(QStringLiteral("max-instances"), tr("Runs of this job allowed at once (default 1)."), tr("N"))
    , coalesce(QStringLiteral("coalesce"), tr("After downtime, run only the latest missed run time (default).")),
    noCoalesce(QStringLiteral("no-coalesce"), tr("After downtime, run every missed run time."))
    , misfireGrace(QStringLiteral("misfire-grace"),
                   tr("Skip a run that would start more than SECONDS late (default 60; none = no limit)."),
                   tr("SECONDS"))
    , timeout(QStringLiteral("timeout"), tr("Stop a run after S seconds."), tr("S"))
    , retries(QStringLiteral("retries"), tr("Retry a failed run up to N times (default 0)."), tr("N"))
    , retryDelay(QStringLiteral("retry-delay"), tr("Seconds between retries (default 30)."), tr("S"))
    , retryBackoff(QStringLiteral("retry-backoff"),
                   tr("Make each wait between retries X times the one before, 1-10 (default 1: the same)."), tr("X"))
    , retryDelayMax(QStringLiteral("retry-delay-max"),
                    tr("The longest a growing wait between retries gets (default none: no limit)."), tr("S"))
    , removeWhenDone(QStringLiteral("remove-when-done"), tr("Remove the job once it will not run again."))
    , recover(QStringLiteral("recover"),
              tr("On a shared PostgreSQL store: run again a run left going by an instance that died."))
    , paused(QStringLiteral("paused"), tr("Add the job paused."))
    , replace(QStringLiteral("replace"), tr("Replace a job with the same id instead of failing."))
    , overlap(QStringLiteral("overlap"),
              tr("If the previous run is still going: skip (default: the new run is skipped beyond "
                 "--max-instances), queue-one, queue-all, replace or allow."),
              tr("POLICY"))
    , queueLimit(QStringLiteral("queue-limit"), tr("With --overlap queue-all: runs that may wait (default 10)."),
                 tr("N"))
    , onSuccess(QStringLiteral("on-success"), tr("After a run succeeds, run job ID (repeatable)."), tr("ID"))
    , onFailure(QStringLiteral("on-failure"), tr("After a run fails, run job ID (repeatable)."), tr("ID"))
    , onFinish(QStringLiteral("on-finish"), tr("After a run ends either way, run job ID (repeatable)."), tr("ID"))
    , noChains(QStringLiteral("no-chains"), tr("Remove every job run afterwards (--on-success, --on-failure, "
                                               "--on-finish given too set the new ones)."))
    , pauseAfterFailures(QStringLiteral("pause-after-failures"),
                         tr("Pause the job after N runs in a row failed, 1-1000 (none: never, the default)."),
                         tr("N"))
    , shell(QStringLiteral("shell"), tr("Run PROGRAM as a /bin/sh command line."))
    , workdir(QStringLiteral("workdir"), tr("Working directory of the command."), tr("DIR"))
    , env(QStringLiteral("env"), tr("Set an environment variable for the command (repeatable)."), tr("NAME=VALUE"))
    , exclude(QStringLiteral("exclude"),
              tr("Do not run on the days calendar CALENDAR excludes (repeatable; see punctualctl calendar)."),
              tr("CALENDAR"))
    , noExclude(QStringLiteral("no-exclude"),
                tr("Use no exclusion calendar (--exclude given too sets the new ones)."))
    , dst(QStringLiteral("dst"),
          tr("With --cron: what DST changes do: cron (default: cronie's rules), skip (times that do not exist are "
             "skipped, repeated ones run once) or both (repeated times run in both passes)."),
          tr("MODE"))
    , noSchedule(QStringLiteral("no-schedule"),
                 tr("No schedule: the job runs only on its events (--at-start, --after-resume, --on-network-up)."))
    , atStart(QStringLiteral("at-start"), tr("Also run when the scheduler starts (log-in or boot)."))
    , afterResume(QStringLiteral("after-resume"),
                  tr("Also run when the computer wakes from sleep, DELAY later (default: at once)."), tr("DELAY"))
    , onNetworkUp(QStringLiteral("on-network-up"),
                  tr("Also run when the network comes up (at most once per 30 s)."))
    , noEvents(QStringLiteral("no-events"), tr("Remove the job's event triggers (those given too are set again)."))
    , require(QStringLiteral("require"),
              tr("Run only when C holds, else wait for it: ac-power, network, unmetered or idle:DURATION "
                 "(repeatable; replaces the job's conditions)."),
              tr("C"))
    , noRequire(QStringLiteral("no-require"), tr("Remove the job's conditions."))
    , requireDeadline(QStringLiteral("require-deadline"),
                      tr("How long after its time a run may wait for its conditions (default: the misfire grace "
                         "time; none = for ever)."),
                      tr("DURATION"))
    , stopIfLost(QStringLiteral("stop-if-lost"), tr("Stop a run going when one of its conditions stops holding."))
    , noStopIfLost(QStringLiteral("no-stop-if-lost"), tr("Let runs going finish when a condition stops holding."))
{
}

void JobCommandOptions::addIdentity(QCommandLineParser &parser) const
{
    parser.addOptions({id, name});
}

void JobCommandOptions::addTrigger(QCommandLineParser &parser) const
{
    parser.addOptions({cron, tz, every, start, end, at, calendar, jitter});
    parser.addOptions({dst, noSchedule});
}

void JobCommandOptions::addBehaviour(QCommandLineParser &parser) const
{
    parser.addOptions({maxInstances, coalesce, noCoalesce, misfireGrace, timeout, retries, retryDelay, retryBackoff,
                       retryDelayMax, removeWhenDone, recover, overlap, queueLimit, onSuccess, onFailure, onFinish,
                       noChains, pauseAfterFailures});
    parser.addOptions({exclude, noExclude});
    parser.addOptions({atStart, afterResume, onNetworkUp, noEvents});
    parser.addOptions({require, noRequire, requireDeadline, stopIfLost, noStopIfLost});
}

void JobCommandOptions::addCommand(QCommandLineParser &parser) const
{
    parser.addOptions({shell, workdir, env});
}

Result<std::shared_ptr<const Trigger>> JobCommandOptions::trigger(const QCommandLineParser &parser,
                                                                  std::int64_t nowMs, const Trigger *current) const
{
    const int kinds = int(parser.isSet(cron)) + int(parser.isSet(every)) + int(parser.isSet(at))
        + int(parser.isSet(calendar)) + int(parser.isSet(noSchedule));
    if (kinds > 1)
        return invalidInput(tr("give only one of --cron, --every, --at, --calendar and --no-schedule"));
    std::optional<DstPolicy> dstPolicy;
    if (parser.isSet(dst)) {
        dstPolicy = CronTrigger::dstPolicyFromName(parser.value(dst));
        if (!dstPolicy)
            return invalidInput(tr("--dst must be cron, skip or both, not \"%1\"").arg(parser.value(dst)));
        if (kinds > 0 && !parser.isSet(cron))
            return invalidInput(tr("--dst applies to --cron schedules only"));
    }
    if (parser.isSet(noSchedule)) {
        for (const QCommandLineOption *o : {&tz, &start, &end, &jitter}) {
            if (parser.isSet(*o))
                return invalidInput(tr("--%1 belongs to a schedule, not to --no-schedule").arg(o->names().front()));
        }
        auto none = std::make_shared<EventTrigger>();
        if (current)
            none->setZone(current->zonePtr());
        return std::shared_ptr<const Trigger>(std::move(none));
    }
    if (kinds == 0 && dstPolicy) {
        // modify ID --dst MODE: the cron schedule stays, with the new policy.
        if (!current || current->type() != TriggerType::Cron)
            return invalidInput(tr("--dst applies to --cron schedules only"));
        auto changed = std::make_shared<CronTrigger>(static_cast<const CronTrigger &>(*current));
        changed->setDstPolicy(*dstPolicy);
        return std::shared_ptr<const Trigger>(std::move(changed));
    }
    if (kinds == 0) {
        for (const QCommandLineOption *o : {&tz, &start, &end, &jitter}) {
            if (parser.isSet(*o))
                return invalidInput(tr("--%1 belongs to a schedule: give --cron, --every, --at or --calendar too")
                                        .arg(o->names().front()));
        }
        return std::shared_ptr<const Trigger>();
    }

    std::shared_ptr<const ZoneRules> zone = ZoneRules::system();
    if (parser.isSet(tz)) {
        zone = ZoneRules::forZone(parser.value(tz).toLatin1());
        if (!zone)
            return invalidInput(tr("unknown time zone \"%1\"").arg(parser.value(tz)));
    }
    auto instant = [&](const QCommandLineOption &option) -> Result<std::optional<std::int64_t>> {
        if (!parser.isSet(option))
            return std::optional<std::int64_t>();
        auto parsed = parseIso(parser.value(option), *zone);
        if (!parsed)
            return invalidInput(QStringLiteral("--%1: %2").arg(option.names().front(), parsed.error().message));
        return std::optional<std::int64_t>(parsed.value());
    };
    auto startMs = instant(start);
    auto endMs = instant(end);
    if (!startMs)
        return startMs.error();
    if (!endMs)
        return endMs.error();
    if (startMs.value() && endMs.value() && *endMs.value() < *startMs.value())
        return invalidInput(tr("--end is before --start"));

    std::unique_ptr<Trigger> trigger;
    if (parser.isSet(cron)) {
        auto created = CronTrigger::create(parser.value(cron), zone);
        if (!created)
            return created.error();
        created.value()->setStartMs(startMs.value());
        created.value()->setEndMs(endMs.value());
        if (dstPolicy)
            created.value()->setDstPolicy(*dstPolicy);
        trigger = std::move(created).value();
    } else if (parser.isSet(every)) {
        auto interval = parseDuration(parser.value(every));
        if (!interval)
            return interval.error();
        const std::int64_t first = startMs.value() ? *startMs.value()
                                                   : IntervalTrigger::startingAfter(interval.value(), nowMs)->startMs();
        if (endMs.value() && *endMs.value() < first)
            return invalidInput(tr("--end is before the first run"));
        trigger = std::make_unique<IntervalTrigger>(interval.value(), first, endMs.value());
    } else if (parser.isSet(at)) {
        if (startMs.value() || endMs.value())
            return invalidInput(tr("--start and --end do not apply to --at"));
        auto when = instant(at);
        if (!when)
            return when.error();
        trigger = std::make_unique<DateTrigger>(*when.value());
    } else {
        if (startMs.value())
            return invalidInput(tr("--start does not apply to --calendar (write \"from YYYY-MM-DD\" in the spec)"));
        auto created = CalendarTrigger::parse(parser.value(calendar), zone, nowMs);
        if (!created)
            return created.error();
        created.value()->setEndMs(endMs.value());
        trigger = std::move(created).value();
    }
    trigger->setZone(zone);
    if (parser.isSet(jitter)) {
        auto ms = parseSecondsMs(parser.value(jitter), false);
        if (!ms)
            return invalidInput(QStringLiteral("--jitter: %1").arg(ms.error().message));
        trigger->setJitterMs(ms.value());
    }
    return std::shared_ptr<const Trigger>(std::move(trigger));
}

bool JobCommandOptions::anyBehaviourSet(const QCommandLineParser &parser) const
{
    for (const QCommandLineOption *o :
         {&maxInstances, &coalesce, &noCoalesce, &misfireGrace, &timeout, &retries, &retryDelay, &retryBackoff,
          &retryDelayMax, &removeWhenDone, &recover, &overlap, &queueLimit, &onSuccess, &onFailure, &onFinish,
          &noChains, &pauseAfterFailures, &exclude, &noExclude, &require, &noRequire, &requireDeadline, &stopIfLost,
          &noStopIfLost}) {
        if (parser.isSet(*o))
            return true;
    }
    return anyEventSet(parser);
}

bool JobCommandOptions::anyEventSet(const QCommandLineParser &parser) const
{
    return parser.isSet(atStart) || parser.isSet(afterResume) || parser.isSet(onNetworkUp) || parser.isSet(noEvents);
}

QStringList JobCommandOptions::withOptionalValues(const QStringList &args)
{
    const QString option = QStringLiteral("--after-resume");
    QStringList out;
    out.reserve(args.size());
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &word = args[i];
        if (word == QLatin1String("--")) {
            out += args.mid(i);
            break;
        }
        out.append(word);
        if (word != option)
            continue;
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        const bool isDelay = !next.isEmpty()
            && (next.front().isDigit() || (next.size() > 1 && next.front() == QLatin1Char('P')));
        if (!isDelay)
            out.append(QStringLiteral("0s"));
    }
    return out;
}

Result<void> JobCommandOptions::applyEvents(const QCommandLineParser &parser, JobOptions &base) const
{
    if (parser.isSet(noEvents))
        base.events = JobEvents{};
    if (parser.isSet(atStart))
        base.events.atStart = true;
    if (parser.isSet(onNetworkUp))
        base.events.networkUp = true;
    if (parser.isSet(afterResume)) {
        auto delay = parseDuration(parser.value(afterResume), true);
        if (!delay)
            return invalidInput(QStringLiteral("--after-resume: %1").arg(delay.error().message));
        base.events.afterResumeDelayMs = delay.value();
    }
    return {};
}

Result<JobOptions> JobCommandOptions::jobOptions(const QCommandLineParser &parser, JobOptions base) const
{
    auto wholeNumber = [&](const QCommandLineOption &option, int min, int max, int &target) -> Result<void> {
        if (!parser.isSet(option))
            return {};
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min || value > max)
            return invalidInput(tr("--%1 needs a whole number from %2 to %3")
                                    .arg(option.names().front())
                                    .arg(min)
                                    .arg(max));
        target = value;
        return {};
    };
    if (auto r = wholeNumber(maxInstances, 1, 1000, base.maxInstances); !r)
        return r.error();
    if (auto r = wholeNumber(retries, 0, 100, base.maxRetries); !r)
        return r.error();
    if (parser.isSet(coalesce) && parser.isSet(noCoalesce))
        return invalidInput(tr("give --coalesce or --no-coalesce, not both"));
    if (parser.isSet(coalesce))
        base.coalesce = CoalescePolicy::Latest;
    if (parser.isSet(noCoalesce))
        base.coalesce = CoalescePolicy::All;
    if (parser.isSet(misfireGrace)) {
        auto grace = parseSecondsMs(parser.value(misfireGrace), true);
        if (!grace)
            return invalidInput(QStringLiteral("--misfire-grace: %1").arg(grace.error().message));
        base.misfireGraceMs = grace.value() < 0 ? std::nullopt : std::optional(grace.value());
    }
    if (parser.isSet(timeout)) {
        auto ms = parseSecondsMs(parser.value(timeout), true);
        if (!ms)
            return invalidInput(QStringLiteral("--timeout: %1").arg(ms.error().message));
        if (ms.value() == 0)
            return invalidInput(tr("--timeout needs a positive number of seconds or \"none\""));
        base.timeoutMs = ms.value() < 0 ? std::nullopt : std::optional(ms.value());
    }
    if (parser.isSet(retryDelay)) {
        auto ms = parseSecondsMs(parser.value(retryDelay), false);
        if (!ms)
            return invalidInput(QStringLiteral("--retry-delay: %1").arg(ms.error().message));
        base.retryDelayMs = ms.value();
    }
    if (parser.isSet(retryBackoff)) {
        bool ok = false;
        const double factor = parser.value(retryBackoff).toDouble(&ok);
        if (!ok || factor < 1.0 || factor > 10.0)
            return invalidInput(tr("--retry-backoff needs a number from 1 (the same wait) to 10"));
        base.retryBackoff = factor;
    }
    if (parser.isSet(retryDelayMax)) {
        auto ms = parseSecondsMs(parser.value(retryDelayMax), true);
        if (!ms)
            return invalidInput(QStringLiteral("--retry-delay-max: %1").arg(ms.error().message));
        base.retryDelayMaxMs = ms.value() < 0 ? std::nullopt : std::optional(ms.value());
    }
    if (parser.isSet(removeWhenDone))
        base.removeWhenDone = true;
    if (parser.isSet(recover))
        base.recover = true;
    if (auto r = applyRunPolicies(parser, base); !r)
        return r.error();
    if (auto r = applyEvents(parser, base); !r)
        return r.error();
    return base;
}

Result<void> JobCommandOptions::applyRunPolicies(const QCommandLineParser &parser, JobOptions &base) const
{
    if (parser.isSet(overlap)) {
        const auto policy = JobOptions::overlapFromName(parser.value(overlap));
        if (!policy)
            return invalidInput(tr("--overlap must be skip, queue-one, queue-all, replace or allow, not \"%1\"")
                                    .arg(parser.value(overlap)));
        base.overlap = *policy;
    }
    if (parser.isSet(queueLimit)) {
        bool ok = false;
        const int value = parser.value(queueLimit).toInt(&ok);
        if (!ok || value < 1 || value > 10'000)
            return invalidInput(tr("--queue-limit needs a whole number from 1 to 10000"));
        // Said rather than stored unused: with another policy nothing waits, so a limit would mislead.
        if (base.overlap != OverlapPolicy::QueueAll)
            return invalidInput(tr("--queue-limit applies to --overlap queue-all only"));
        base.queueLimit = value;
    }
    if (parser.isSet(noChains))
        base.chains.clear();
    const std::pair<const QCommandLineOption *, ChainCondition> chainOptions[] = {
        {&onSuccess, ChainCondition::OnSuccess},
        {&onFailure, ChainCondition::OnFailure},
        {&onFinish, ChainCondition::OnFinish},
    };
    for (const auto &[option, when] : chainOptions) {
        if (!parser.isSet(*option))
            continue;
        base.chains.removeIf([when](const JobChain &chain) { return chain.when == when; });
        for (const QString &id : parser.values(*option)) {
            if (auto valid = validateJobId(id); !valid)
                return invalidInput(QStringLiteral("--%1: %2").arg(option->names().front(), valid.error().message));
            const JobChain chain{when, id};
            if (!base.chains.contains(chain))
                base.chains.append(chain);
        }
    }
    if (parser.isSet(pauseAfterFailures)) {
        const QString text = parser.value(pauseAfterFailures);
        bool ok = false;
        const int value = text.toInt(&ok);
        if (text == QLatin1String("none"))
            base.pauseAfterFailures.reset();
        else if (ok && value >= 1 && value <= 1000)
            base.pauseAfterFailures = value;
        else
            return invalidInput(tr("--pause-after-failures needs a whole number from 1 to 1000 or \"none\""));
    }
    // Exclusion calendars: that each exists is checked where the job is stored (Scheduler::checkCalendars()).
    if (parser.isSet(noExclude) || parser.isSet(exclude))
        base.exclude.clear();
    for (const QString &name : parser.values(exclude)) {
        if (auto valid = validateCalendarName(name); !valid)
            return invalidInput(QStringLiteral("--exclude: %1").arg(valid.error().message));
        if (!base.exclude.contains(name))
            base.exclude.append(name);
    }
    return applyConditions(parser, base);
}

Result<void> JobCommandOptions::applyConditions(const QCommandLineParser &parser, JobOptions &base) const
{
    if (parser.isSet(require) && parser.isSet(noRequire))
        return invalidInput(tr("give --require or --no-require, not both"));
    if (parser.isSet(noRequire))
        base.conditions.clear();
    if (parser.isSet(require)) {
        auto conditions = parseConditions(parser.values(require));
        if (!conditions)
            return invalidInput(QStringLiteral("--require: %1").arg(conditions.error().message));
        base.conditions = conditions.value();
    }
    if (parser.isSet(requireDeadline)) {
        const QString text = parser.value(requireDeadline);
        if (text == QLatin1String("none")) {
            base.requireDeadlineMs = std::optional<std::int64_t>();
        } else {
            auto ms = parseDuration(text);
            if (!ms)
                return invalidInput(QStringLiteral("--require-deadline: %1").arg(ms.error().message));
            base.requireDeadlineMs = std::optional(ms.value());
        }
    }
    if (parser.isSet(stopIfLost) && parser.isSet(noStopIfLost))
        return invalidInput(tr("give --stop-if-lost or --no-stop-if-lost, not both"));
    if (parser.isSet(stopIfLost))
        base.stopIfLost = true;
    if (parser.isSet(noStopIfLost))
        base.stopIfLost = false;
    return {};
}

Result<std::optional<Action>> JobCommandOptions::action(const QCommandLineParser &parser,
                                                       const QStringList &words) const
{
    const bool commandOptions = parser.isSet(shell) || parser.isSet(workdir) || parser.isSet(env);
    if (words.isEmpty()) {
        if (commandOptions)
            return invalidInput(tr("--shell, --workdir and --env need a command after \"--\""));
        return std::optional<Action>();
    }
    CommandAction command;
    command.program = words.front();
    command.useShell = parser.isSet(shell); // before the path rule below: a shell line is not a path
    // A relative path means the caller's folder, which the scheduler does not share: make it absolute.
    if (!command.useShell && command.program.contains(QLatin1Char('/')) && QDir::isRelativePath(command.program))
        command.program = QDir::current().absoluteFilePath(command.program);
    command.arguments = words.mid(1);
    if (parser.isSet(workdir)) {
        const QDir dir(parser.value(workdir));
        if (!dir.exists())
            return invalidInput(tr("--workdir: the folder \"%1\" does not exist").arg(parser.value(workdir)));
        command.workingDirectory = dir.absolutePath();
    }
    for (const QString &pair : parser.values(env)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return invalidInput(tr("--env needs NAME=VALUE, not \"%1\"").arg(pair));
        command.environment.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return std::optional<Action>(Action{command});
}

} // namespace punctual::cli
