// The control protocol's methods mapped onto the Scheduler API, one handler per row of the methods table.
#include "methodhandlers.h"

#include "control/eventstream.h"
#include "control/protocol.h"
#include "scheduler/scheduler.h"
#include "store/jobstore.h"
#include "time/isotime.h"
#include "triggers/trigger.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <limits>

#include <utility>

namespace punctual::control {

namespace {

class ServerText
{
    Q_DECLARE_TR_FUNCTIONS(ControlServer)
};

using Handler = Result<QJsonValue> (*)(const MethodContext &, const QJsonObject &);

// Parameters are read as checkParams() left them: types are right, optional ones may be absent.

QString idParam(const QJsonObject &params)
{
    return params.value(QStringLiteral("id")).toString();
}

/// Why a job is paused ("note"), empty when not given.
QString noteParam(const QJsonObject &params)
{
    return params.value(QStringLiteral("note")).toString();
}

ConflictPolicy conflictParam(const QJsonObject &params)
{
    return params.value(QStringLiteral("replace")).toBool(false) ? ConflictPolicy::Replace : ConflictPolicy::Fail;
}

Result<std::shared_ptr<const Trigger>> triggerParam(const QJsonObject &params)
{
    auto trigger = Trigger::fromJson(params.value(QStringLiteral("trigger")).toObject());
    if (!trigger)
        return trigger.error();
    return std::shared_ptr<const Trigger>(std::move(trigger).value());
}

// A job or a run, or a list of them, in its wire form; an error as it is.
template <typename T>
Result<QJsonValue> answer(const Result<T> &result)
{
    if (!result)
        return result.error();
    return QJsonValue(toWire(result.value()));
}

template <typename T>
Result<QJsonValue> answer(const Result<QList<T>> &result)
{
    if (!result)
        return result.error();
    return QJsonValue(listToWire(result.value()));
}

QJsonObject instanceInfo()
{
    return {
        {QStringLiteral("pid"), static_cast<double>(QCoreApplication::applicationPid())},
        {QStringLiteral("version"), QStringLiteral(PUNCTUAL_VERSION)},
        {QStringLiteral("protocol"), protocolVersion},
    };
}

Result<QJsonValue> ping(const MethodContext &, const QJsonObject &)
{
    return QJsonValue(instanceInfo());
}

Result<QJsonValue> status(const MethodContext &context, const QJsonObject &)
{
    QJsonObject json = instanceInfo();
    json.insert(QStringLiteral("store"), context.store.describe());
    json.insert(QStringLiteral("state"), schedulerStateName(context.scheduler.state()));
    json.insert(QStringLiteral("store_health"), storeStatusToWire(context.scheduler.storeStatus()));
    // Status answers while the store is away: that is when it is asked for. The count is then unknown (null).
    if (context.scheduler.isStoreAvailable()) {
        auto count = context.store.jobCount();
        if (!count)
            return count.error();
        json.insert(QStringLiteral("jobs"), count.value());
    } else {
        json.insert(QStringLiteral("jobs"), QJsonValue::Null);
    }
    json.insert(QStringLiteral("running"), context.scheduler.runningCount());
    json.insert(QStringLiteral("retrying"), context.scheduler.retryingCount());
    json.insert(QStringLiteral("runs_jobs"), !context.origin || context.origin->runsJobs);
    if (context.origin && !context.origin->startedBy.isEmpty())
        json.insert(QStringLiteral("started_by"), context.origin->startedBy);
    if (context.origin && context.origin->startedAtMs)
        json.insert(QStringLiteral("started_at"), instantToWire(*context.origin->startedAtMs));
    json.insert(QStringLiteral("desktop_notifications"),
                context.desktopNotifications ? context.desktopNotifications() : false);
    return QJsonValue(json);
}

Result<QJsonValue> add(const MethodContext &context, const QJsonObject &params)
{
    // The job's JSON as Job::toJson() writes it, either as params itself or under "job".
    const QJsonValue wrapped = params.value(QStringLiteral("job"));
    auto job = Job::fromJson(wrapped.isObject() ? wrapped.toObject() : params, false);
    if (!job)
        return job.error();
    return answer(context.scheduler.addJob(std::move(job).value(), conflictParam(params)));
}

Result<QJsonValue> addJobs(const MethodContext &context, const QJsonObject &params)
{
    // An import: every job is read first; then all are added in one store transaction, or none. An import larger
    // than one request line comes in several requests on one connection: those with "more" are staged here, the
    // last one adds them all in that one transaction. A connection that closes before it drops what it staged.
    const bool more = params.value(QStringLiteral("more")).toBool(false);
    if (more && !context.stagedImport)
        return invalidInput(ServerText::tr("\"more\" needs a connection to stage the import on"));
    QList<Job> jobs = context.stagedImport ? std::exchange(*context.stagedImport, {}) : QList<Job>();
    const qsizetype before = jobs.size();
    const QJsonArray array = params.value(QStringLiteral("jobs")).toArray();
    if (before + array.size() > maxStagedImportJobs)
        return invalidInput(ServerText::tr("an import may hold at most %1 jobs").arg(maxStagedImportJobs));
    jobs.reserve(before + array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return invalidInput(ServerText::tr("params.jobs[%1] must be an object (a job's JSON)").arg(before + i));
        auto job = Job::fromJson(array.at(i).toObject(), false);
        if (!job)
            return invalidInput(QStringLiteral("jobs[%1]: %2").arg(before + i).arg(job.error().message));
        jobs.append(std::move(job).value());
    }
    if (more) {
        *context.stagedImport = std::move(jobs);
        return QJsonValue(QJsonObject{{QStringLiteral("staged"), static_cast<double>(context.stagedImport->size())}});
    }
    return answer(context.scheduler.addJobs(std::move(jobs), conflictParam(params)));
}

Result<QJsonValue> list(const MethodContext &context, const QJsonObject &)
{
    return answer(context.scheduler.jobs());
}

Result<QJsonValue> show(const MethodContext &context, const QJsonObject &params)
{
    return answer(context.scheduler.job(idParam(params)));
}

Result<QJsonValue> pause(const MethodContext &context, const QJsonObject &params)
{
    return answer(context.scheduler.pauseJob(idParam(params), noteParam(params)));
}

Result<QJsonValue> resume(const MethodContext &context, const QJsonObject &params)
{
    return answer(context.scheduler.resumeJob(idParam(params)));
}

Result<QJsonValue> modify(const MethodContext &context, const QJsonObject &params)
{
    // Any subset of name, trigger, action, options (option keys not given keep their values).
    const QString id = idParam(params);
    JobChanges changes;
    if (params.contains(QStringLiteral("name")))
        changes.name = params.value(QStringLiteral("name")).toString();
    if (params.contains(QStringLiteral("trigger"))) {
        auto trigger = triggerParam(params);
        if (!trigger)
            return trigger.error();
        changes.trigger = trigger.value();
    }
    if (params.contains(QStringLiteral("action"))) {
        auto action = actionFromJson(params.value(QStringLiteral("action")).toObject());
        if (!action)
            return action.error();
        changes.action = std::move(action).value();
    }
    if (params.contains(QStringLiteral("options"))) {
        auto current = context.scheduler.job(id);
        if (!current)
            return current.error();
        QJsonObject merged;
        current->options.writeJson(merged);
        const QJsonObject given = params.value(QStringLiteral("options")).toObject();
        for (auto it = given.begin(); it != given.end(); ++it)
            merged.insert(it.key(), it.value());
        auto options = JobOptions::fromJson(merged);
        if (!options)
            return options.error();
        changes.options = options.value();
    }
    if (!changes.name && !changes.trigger && !changes.action && !changes.options)
        return invalidInput(ServerText::tr("nothing to change: give name, trigger, action or options"));
    return answer(context.scheduler.modifyJob(id, changes));
}

Result<QJsonValue> reschedule(const MethodContext &context, const QJsonObject &params)
{
    auto trigger = triggerParam(params);
    if (!trigger)
        return trigger.error();
    return answer(context.scheduler.rescheduleJob(idParam(params), trigger.value()));
}

Result<QJsonValue> remove(const MethodContext &context, const QJsonObject &params)
{
    auto removed = context.scheduler.removeJob(idParam(params));
    if (!removed)
        return removed.error();
    return QJsonValue(QJsonObject{{QStringLiteral("stopped"), removed.value()}});
}

Result<QJsonValue> removeAll(const MethodContext &context, const QJsonObject &)
{
    auto removed = context.scheduler.removeAllJobs();
    if (!removed)
        return removed.error();
    return QJsonValue(QJsonObject{{QStringLiteral("removed"), removed.value()}});
}

Result<QJsonValue> runNow(const MethodContext &context, const QJsonObject &params)
{
    return answer(context.scheduler.runJobNow(idParam(params)));
}

Result<QJsonValue> runsInRange(const MethodContext &context, const QJsonObject &params);

Result<QJsonValue> history(const MethodContext &context, const QJsonObject &params)
{
    if (params.contains(QStringLiteral("since")) || params.contains(QStringLiteral("until"))
        || params.contains(QStringLiteral("job_ids")))
        return runsInRange(context, params);
    const int limit = params.value(QStringLiteral("limit")).toInt(100);
    const auto minId = static_cast<std::int64_t>(params.value(QStringLiteral("min_id")).toDouble(0));
    // With min_id the newest runs are filtered, so a busy job's newer runs cannot push the wanted one out.
    auto runs = context.scheduler.history(params.value(QStringLiteral("job_id")).toString(), minId > 0 ? -1 : limit);
    if (!runs)
        return runs.error();
    QList<RunRecord> wanted;
    for (const RunRecord &run : std::as_const(runs.value())) {
        if (run.id < minId || wanted.size() >= limit)
            break; // newest first: the rest are older
        wanted.append(run);
    }
    return QJsonValue(listToWire(wanted));
}

/// history with since, until or job_ids (the timeline): the runs of those jobs that overlap the span, newest first,
/// without their output; at most limit (default 10,000).
Result<QJsonValue> runsInRange(const MethodContext &context, const QJsonObject &params)
{
    const int limit = params.value(QStringLiteral("limit")).toInt(10'000);
    const auto since = params.value(QStringLiteral("since"));
    const auto until = params.value(QStringLiteral("until"));
    const std::int64_t sinceMs = since.isDouble() ? static_cast<std::int64_t>(since.toDouble())
                                                  : std::numeric_limits<std::int64_t>::min();
    const std::int64_t untilMs = until.isDouble() ? static_cast<std::int64_t>(until.toDouble())
                                                  : std::numeric_limits<std::int64_t>::max();
    QStringList ids;
    for (const QJsonValue &id : params.value(QStringLiteral("job_ids")).toArray())
        ids.append(id.toString());
    if (const QString one = params.value(QStringLiteral("job_id")).toString(); !one.isEmpty() && !ids.contains(one))
        ids.append(one);
    auto runs = context.scheduler.runsInRange(ids, sinceMs, untilMs, limit);
    if (!runs)
        return runs.error();
    return QJsonValue(listToWire(runs.value()));
}

Result<QJsonValue> activity(const MethodContext &context, const QJsonObject &params)
{
    const QString id = params.value(QStringLiteral("id")).toString();
    if (!id.isEmpty()) {
        if (auto job = context.scheduler.job(id); !job)
            return job.error();
    }
    QJsonArray array;
    for (const JobActivity &going : context.scheduler.activity()) {
        if (id.isEmpty() || going.jobId == id)
            array.append(activityToWire(going));
    }
    return QJsonValue(array);
}

Result<QJsonValue> raise(const MethodContext &context, const QJsonObject &params)
{
    const bool raised = context.raise && context.raise(params.value(QStringLiteral("show")).toBool(true),
                                                       params.value(QStringLiteral("job_id")).toString());
    return QJsonValue(QJsonObject{{QStringLiteral("raised"), raised}});
}

Result<QJsonValue> subscribe(const MethodContext &context, const QJsonObject &params)
{
    if (!context.subscribe)
        return invalidInput(ServerText::tr("subscribing needs a connection to send the events on"));
    // Everything here is read on the scheduler's thread before any later event: the snapshot is exactly the
    // state at "revision", and the connection gets every event after it.
    auto state = status(context, {});
    if (!state)
        return state.error();
    QJsonObject result;
    result.insert(QStringLiteral("status"), state.value());
    QJsonArray going;
    for (const JobActivity &activity : context.scheduler.activity())
        going.append(activityToWire(activity));
    result.insert(QStringLiteral("activity"), going);
    result.insert(QStringLiteral("history_limit"), context.scheduler.historyLimit());
    result.insert(QStringLiteral("clustered"), context.scheduler.isClustered());
    result.insert(QStringLiteral("instance_id"), context.scheduler.instanceId());
    if (params.value(QStringLiteral("jobs")).toBool(false)) {
        auto jobs = context.scheduler.jobs();
        if (!jobs)
            return jobs.error();
        result.insert(QStringLiteral("jobs"), listToWire(jobs.value()));
    }
    result.insert(QStringLiteral("revision"),
                  static_cast<double>(context.subscribe(params.value(QStringLiteral("output")).toBool(false),
                                                        params.value(QStringLiteral("window")).toBool(false))));
    return QJsonValue(result);
}

Result<QJsonValue> pauseScheduler(const MethodContext &context, const QJsonObject &)
{
    context.scheduler.pause();
    return QJsonValue(QJsonObject{{QStringLiteral("state"), schedulerStateName(context.scheduler.state())}});
}

Result<QJsonValue> resumeScheduler(const MethodContext &context, const QJsonObject &)
{
    context.scheduler.resume();
    return QJsonValue(QJsonObject{{QStringLiteral("state"), schedulerStateName(context.scheduler.state())}});
}

Result<QJsonValue> shutdown(const MethodContext &context, const QJsonObject &params)
{
    const bool stopRuns = params.value(QStringLiteral("stop_runs")).toBool(false);
    if (!context.shutdown || !context.shutdown(stopRuns))
        return Error{ErrorCode::Busy, ServerText::tr("this instance cannot be stopped through the control socket")};
    return QJsonValue(QJsonObject{{QStringLiteral("stopping"), true}});
}

Result<QJsonValue> instances(const MethodContext &context, const QJsonObject &)
{
    auto found = context.scheduler.instances();
    if (!found)
        return found.error();
    QJsonArray array;
    for (const InstanceInfo &instance : found.value()) {
        array.append(QJsonObject{
            {QStringLiteral("id"), instance.id},
            {QStringLiteral("host"), instance.host},
            {QStringLiteral("pid"), static_cast<double>(instance.pid)},
            {QStringLiteral("started_at"), instantToWire(instance.startedAt)},
            {QStringLiteral("heartbeat"), instantToWire(instance.heartbeat)},
            {QStringLiteral("lease_seconds"), static_cast<double>(instance.leaseMs) / 1000.0},
        });
    }
    return QJsonValue(array);
}

Result<QJsonValue> reconnectStore(const MethodContext &context, const QJsonObject &)
{
    // The window's "Retry now": the next reconnect is made at once instead of after its pause.
    const bool tried = context.scheduler.retryStoreNow();
    return QJsonValue(QJsonObject{{QStringLiteral("reconnecting"), tried}});
}

Result<QJsonValue> backfill(const MethodContext &context, const QJsonObject &params)
{
    std::int64_t range[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const QString key = i == 0 ? QStringLiteral("from") : QStringLiteral("to");
        const auto at = instantFromWire(params.value(key).toString());
        if (!at)
            return invalidInput(ServerText::tr("params.%1 must be an ISO-8601 time with its offset").arg(key));
        range[i] = *at;
    }
    std::optional<OverlapPolicy> overlap;
    if (const QJsonValue given = params.value(QStringLiteral("overlap")); given.isString()) {
        overlap = JobOptions::overlapFromName(given.toString());
        if (!overlap)
            return invalidInput(ServerText::tr("params.overlap must be skip, queue-one, queue-all, replace or allow"));
    }
    auto done = context.scheduler.backfill(idParam(params), range[0], range[1], overlap,
                                           params.value(QStringLiteral("dry_run")).toBool(false));
    if (!done)
        return done.error();
    return QJsonValue(backfillToWire(done.value()));
}

Result<QJsonValue> configure(const MethodContext &context, const QJsonObject &params)
{
    const QJsonValue limit = params.value(QStringLiteral("history_limit"));
    if (!limit.isUndefined() && !limit.isNull()) {
        // The window's Settings › History allows the same range.
        constexpr int maxHistoryLimit = 100'000;
        if (limit.toDouble() > maxHistoryLimit)
            return invalidInput(ServerText::tr("params.history_limit must be at most %1").arg(maxHistoryLimit));
        context.scheduler.setHistoryLimit(limit.toInt());
    }
    return QJsonValue(QJsonObject{{QStringLiteral("history_limit"), context.scheduler.historyLimit()}});
}

QStringList idsParam(const QJsonObject &params)
{
    QStringList ids;
    const QJsonArray array = params.value(QStringLiteral("ids")).toArray();
    ids.reserve(array.size());
    for (const QJsonValue &id : array)
        ids.append(id.toString());
    return ids;
}

// The bulk answers name jobs by id, not in full: a selection may be thousands of jobs, and subscribers see each
// change as its own event.
Result<QJsonValue> changedIds(const Result<QList<Job>> &changed)
{
    if (!changed)
        return changed.error();
    QJsonArray ids;
    for (const Job &job : changed.value())
        ids.append(job.id);
    return QJsonValue(QJsonObject{{QStringLiteral("changed"), ids}});
}

Result<QJsonValue> pauseJobs(const MethodContext &context, const QJsonObject &params)
{
    return changedIds(context.scheduler.pauseJobs(idsParam(params), noteParam(params)));
}

Result<QJsonValue> resumeJobs(const MethodContext &context, const QJsonObject &params)
{
    return changedIds(context.scheduler.resumeJobs(idsParam(params)));
}

Result<QJsonValue> removeJobs(const MethodContext &context, const QJsonObject &params)
{
    const QStringList ids = idsParam(params);
    auto stopped = context.scheduler.removeJobs(ids);
    if (!stopped)
        return stopped.error();
    const auto removed = QSet<QString>(ids.cbegin(), ids.cend()).size();
    return QJsonValue(QJsonObject{{QStringLiteral("removed"), static_cast<double>(removed)},
                                  {QStringLiteral("stopped"), stopped.value()}});
}

Result<QJsonValue> restoreJobs(const MethodContext &context, const QJsonObject &params)
{
    auto restored = context.scheduler.restoreJobs(idsParam(params));
    if (!restored)
        return restored.error();
    QJsonArray ids;
    for (const Job &job : restored.value())
        ids.append(job.id);
    return QJsonValue(QJsonObject{{QStringLiteral("restored"), ids}});
}

Result<QJsonValue> runNowJobs(const MethodContext &context, const QJsonObject &params)
{
    auto results = context.scheduler.runJobsNow(idsParam(params));
    if (!results)
        return results.error();
    QJsonArray started;
    QJsonArray busy;
    for (const RunNowResult &result : std::as_const(results.value())) {
        if (result.run)
            started.append(toWire(*result.run));
        else
            busy.append(QJsonObject{{QStringLiteral("id"), result.jobId}, {QStringLiteral("message"), result.busy}});
    }
    return QJsonValue(QJsonObject{{QStringLiteral("started"), started}, {QStringLiteral("busy"), busy}});
}

Result<QJsonValue> stop(const MethodContext &context, const QJsonObject &params)
{
    auto stopped = context.scheduler.stopJob(idParam(params));
    if (!stopped)
        return stopped.error();
    return QJsonValue(QJsonObject{{QStringLiteral("stopped"), stopped.value()}});
}

Result<QJsonValue> runOutput(const MethodContext &context, const QJsonObject &params)
{
    const auto runId = static_cast<std::int64_t>(params.value(QStringLiteral("run_id")).toDouble(0));
    if (const auto soFar = context.scheduler.runOutputSoFar(runId))
        return QJsonValue(QJsonObject{{QStringLiteral("output"), *soFar}, {QStringLiteral("running"), true}});
    // Over (or never here): with its job named, the output it was recorded with.
    QString output;
    const QString jobId = params.value(QStringLiteral("job_id")).toString();
    if (!jobId.isEmpty()) {
        auto runs = context.scheduler.history(jobId, -1);
        if (!runs)
            return runs.error();
        const auto found = std::find_if(runs->cbegin(), runs->cend(), [&](const RunRecord &run) { return run.id == runId; });
        if (found == runs->cend())
            return StoreError::runNotFound(runId, jobId);
        output = found->output;
    }
    return QJsonValue(QJsonObject{{QStringLiteral("output"), output}, {QStringLiteral("running"), false}});
}

Result<QJsonValue> explain(const MethodContext &context, const QJsonObject &params)
{
    auto job = context.scheduler.job(idParam(params));
    if (!job)
        return job.error();
    // A time without an offset is a wall-clock time in the job's zone, as punctualctl reads times.
    const auto zone = job->trigger ? job->trigger->zonePtr() : ZoneRules::forZone("UTC");
    auto at = parseIso(params.value(QStringLiteral("at")).toString(), *zone);
    if (!at)
        return invalidInput(ServerText::tr("params.at: %1").arg(at.error().message));
    auto explanation = context.scheduler.explain(job->id, at.value());
    if (!explanation)
        return explanation.error();
    return QJsonValue(explanation->toJson());
}

Result<CalendarInfo> calendarInfo(const MethodContext &context, const QString &name)
{
    auto calendar = context.scheduler.calendar(name);
    if (!calendar)
        return calendar.error();
    auto users = context.scheduler.jobsUsingCalendar(name);
    if (!users)
        return users.error();
    return CalendarInfo{std::move(calendar).value(), std::move(users).value()};
}

Result<QJsonValue> calendars(const MethodContext &context, const QJsonObject &)
{
    auto all = context.scheduler.calendars();
    if (!all)
        return all.error();
    auto jobs = context.scheduler.jobs();
    if (!jobs)
        return jobs.error();
    QJsonArray list;
    for (const ExclusionCalendar &calendar : std::as_const(all.value())) {
        CalendarInfo info{calendar, {}};
        for (const Job &job : std::as_const(jobs.value())) {
            if (job.options.exclude.contains(calendar.name))
                info.usedBy.append(job.id);
        }
        std::sort(info.usedBy.begin(), info.usedBy.end());
        list.append(calendarToWire(info));
    }
    return QJsonValue(list);
}

Result<QJsonValue> calendar(const MethodContext &context, const QJsonObject &params)
{
    auto info = calendarInfo(context, params.value(QStringLiteral("name")).toString());
    if (!info)
        return info.error();
    return QJsonValue(calendarToWire(info.value()));
}

Result<QJsonValue> putCalendar(const MethodContext &context, const QJsonObject &params)
{
    auto read = calendarFromWire(params.value(QStringLiteral("calendar")).toObject());
    if (!read)
        return invalidInput(ServerText::tr("params.calendar: %1").arg(read.error().message));
    const bool replace = params.value(QStringLiteral("replace")).toBool(false);
    auto changed = context.scheduler.putCalendar(read->calendar,
                                                 replace ? ConflictPolicy::Replace : ConflictPolicy::Fail);
    if (!changed)
        return changed.error();
    auto info = calendarInfo(context, read->calendar.name);
    if (!info)
        return info.error();
    return QJsonValue(calendarToWire(info.value()));
}

Result<QJsonValue> removeCalendar(const MethodContext &context, const QJsonObject &params)
{
    if (auto removed = context.scheduler.removeCalendar(params.value(QStringLiteral("name")).toString()); !removed)
        return removed.error();
    return QJsonValue(true);
}

Result<QJsonValue> missedRuns(const MethodContext &context, const QJsonObject &)
{
    QJsonArray list;
    for (const MissedRunsReport &report : context.scheduler.missedRuns())
        list.append(report.toJson());
    return QJsonValue(list);
}

Result<QJsonValue> dismissMissed(const MethodContext &context, const QJsonObject &params)
{
    const bool all = params.value(QStringLiteral("all")).toBool(false);
    QStringList ids;
    for (const QJsonValue &id : params.value(QStringLiteral("ids")).toArray())
        ids << id.toString();
    if (all == !ids.isEmpty())
        return invalidInput(ServerText::tr("dismiss_missed takes either params.ids (job ids) or params.all: true"));
    return QJsonValue(QJsonArray::fromStringList(context.scheduler.dismissMissedRuns(ids)));
}

Result<QJsonValue> stats(const MethodContext &context, const QJsonObject &params)
{
    QStringList ids;
    for (const QJsonValue &id : params.value(QStringLiteral("ids")).toArray())
        ids.append(id.toString());
    const int points = std::min(params.value(QStringLiteral("points")).toInt(sparklinePoints), maxStatisticsPoints);
    auto statistics = context.scheduler.statistics(ids, points);
    if (!statistics)
        return statistics.error();
    QJsonArray array;
    for (const JobStatistics &job : std::as_const(statistics.value()))
        array.append(job.toJson());
    return QJsonValue(array);
}

constexpr struct
{
    Method method;
    Handler handler;
} handlers[] = {
    {Method::Ping, ping},
    {Method::Status, status},
    {Method::Add, add},
    {Method::AddJobs, addJobs},
    {Method::List, list},
    {Method::Show, show},
    {Method::Pause, pause},
    {Method::Resume, resume},
    {Method::Modify, modify},
    {Method::Reschedule, reschedule},
    {Method::Remove, remove},
    {Method::RemoveAll, removeAll},
    {Method::RunNow, runNow},
    {Method::History, history},
    {Method::Activity, activity},
    {Method::Raise, raise},
    {Method::Subscribe, subscribe},
    {Method::PauseScheduler, pauseScheduler},
    {Method::ResumeScheduler, resumeScheduler},
    {Method::Shutdown, shutdown},
    {Method::Instances, instances},
    {Method::Configure, configure},
    {Method::PauseJobs, pauseJobs},
    {Method::ResumeJobs, resumeJobs},
    {Method::RemoveJobs, removeJobs},
    {Method::RunNowJobs, runNowJobs},
    {Method::Stop, stop},
    {Method::RunOutput, runOutput},
    {Method::ReconnectStore, reconnectStore},
    {Method::Backfill, backfill},
    {Method::Explain, explain},
    {Method::Calendars, calendars},
    {Method::Calendar, calendar},
    {Method::PutCalendar, putCalendar},
    {Method::RemoveCalendar, removeCalendar},
    {Method::RestoreJobs, restoreJobs},
    {Method::MissedRuns, missedRuns},
    {Method::DismissMissed, dismissMissed},
    {Method::Stats, stats},
};

constexpr bool handlersFollowTheTable()
{
    if (std::size(handlers) != methodCount)
        return false;
    for (std::size_t i = 0; i < methodCount; ++i) {
        if (handlers[i].method != methods[i].method)
            return false;
    }
    return true;
}
static_assert(handlersFollowTheTable(), "every row of control::methods needs its handler, in the table's order");

} // namespace

Result<QJsonValue> runMethod(Method method, const MethodContext &context, const QJsonObject &params)
{
    return handlers[static_cast<std::size_t>(method)].handler(context, params);
}

} // namespace punctual::control
