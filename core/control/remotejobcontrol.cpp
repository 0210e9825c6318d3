// RemoteJobControl: the JobControl calls as control protocol requests.
#include "remotejobcontrol.h"

#include "control/protocol.h"
#include "time/isotime.h"
#include "triggers/trigger.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace punctual {

namespace {

class RemoteText
{
    Q_DECLARE_TR_FUNCTIONS(RemoteJobControl)
};

Error badAnswer(const QString &what)
{
    return {ErrorCode::Io, RemoteText::tr("the Punctual instance sent a bad answer: %1").arg(what)};
}

QJsonObject idParams(const QString &id)
{
    return {{QStringLiteral("id"), id}};
}

QJsonObject idsParams(const QStringList &ids)
{
    return {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}};
}

} // namespace

RemoteJobControl::RemoteJobControl(std::unique_ptr<ControlClient> client)
    : m_client(std::move(client))
{
}

RemoteJobControl::~RemoteJobControl() = default;

Result<Job> RemoteJobControl::jobCall(control::Method method, const QJsonObject &params)
{
    auto answer = m_client->call(method, params);
    if (!answer)
        return answer.error();
    if (!answer.value().isObject())
        return badAnswer(RemoteText::tr("\"%1\" did not return a job").arg(control::methodName(method)));
    auto job = control::jobFromWire(answer.value().toObject());
    if (!job)
        return badAnswer(job.error().message);
    return job;
}

template <typename T>
Result<QList<T>> RemoteJobControl::listCall(control::Method method, const QJsonObject &params)
{
    auto answer = m_client->call(method, params);
    if (!answer)
        return answer.error();
    if (!answer.value().isArray())
        return badAnswer(RemoteText::tr("\"%1\" did not return a list").arg(control::methodName(method)));
    auto items = control::listFromWire<T>(answer.value().toArray());
    if (!items)
        return badAnswer(items.error().message);
    return items;
}

Result<Job> RemoteJobControl::addJob(Job job, ConflictPolicy onConflict)
{
    if (auto complete = requireTrigger(job); !complete)
        return complete.error();
    QJsonObject params = job.toJson();
    params.insert(QStringLiteral("replace"), onConflict == ConflictPolicy::Replace);
    return jobCall(control::Method::Add, params);
}

Result<void> RemoteJobControl::stageJobs(const QJsonArray &jobs)
{
    auto answer = m_client->call(control::Method::AddJobs,
                                 {{QStringLiteral("jobs"), jobs}, {QStringLiteral("more"), true}});
    if (!answer)
        return answer.error();
    return {};
}

Result<QList<Job>> RemoteJobControl::addJobs(QList<Job> jobs, ConflictPolicy onConflict)
{
    // The instance stages the pieces on this connection and adds them all with the last piece, in one store
    // transaction: all or none, however large (a client that dies mid-way stages nothing).
    auto pieces = control::importPieces(jobs);
    if (!pieces)
        return pieces.error();
    for (qsizetype i = 0; i + 1 < pieces->size(); ++i) {
        if (auto staged = stageJobs(pieces->at(i)); !staged)
            return staged.error();
    }
    return listCall<Job>(control::Method::AddJobs, {{QStringLiteral("jobs"), pieces->last()},
                                                    {QStringLiteral("replace"), onConflict == ConflictPolicy::Replace}});
}

Result<Job> RemoteJobControl::job(const QString &id)
{
    return jobCall(control::Method::Show, idParams(id));
}

Result<QList<Job>> RemoteJobControl::jobs()
{
    return listCall<Job>(control::Method::List);
}

Result<Job> RemoteJobControl::pauseJob(const QString &id, const QString &note)
{
    QJsonObject params = idParams(id);
    if (!note.isEmpty())
        params.insert(QStringLiteral("note"), note);
    return jobCall(control::Method::Pause, params);
}

Result<Job> RemoteJobControl::resumeJob(const QString &id)
{
    return jobCall(control::Method::Resume, idParams(id));
}

Result<Job> RemoteJobControl::modifyJob(const QString &id, const JobChanges &changes)
{
    return jobCall(control::Method::Modify, control::modifyParams(id, changes));
}

Result<Job> RemoteJobControl::rescheduleJob(const QString &id, std::shared_ptr<const Trigger> trigger)
{
    if (!trigger)
        return invalidInput(RemoteText::tr("no trigger given"));
    QJsonObject params = idParams(id);
    params.insert(QStringLiteral("trigger"), trigger->toJson());
    return jobCall(control::Method::Reschedule, params);
}

Result<int> RemoteJobControl::removeJob(const QString &id)
{
    auto answer = m_client->call(control::Method::Remove, idParams(id));
    if (!answer)
        return answer.error();
    // An instance older than "stopped" answers null: it stopped nothing.
    return answer.value().toObject().value(QStringLiteral("stopped")).toInt(0);
}

Result<int> RemoteJobControl::stopJob(const QString &id)
{
    auto answer = m_client->call(control::Method::Stop, idParams(id));
    if (!answer)
        return answer.error();
    return answer.value().toObject().value(QStringLiteral("stopped")).toInt(0);
}

Result<BackfillResult> RemoteJobControl::backfill(const QString &id, std::int64_t fromMs, std::int64_t toMs,
                                                  std::optional<OverlapPolicy> overlap, bool dryRun)
{
    QJsonObject params = idParams(id);
    params.insert(QStringLiteral("from"), control::instantToWire(fromMs));
    params.insert(QStringLiteral("to"), control::instantToWire(toMs));
    if (overlap)
        params.insert(QStringLiteral("overlap"), JobOptions::overlapName(*overlap));
    params.insert(QStringLiteral("dry_run"), dryRun);
    auto answer = m_client->call(control::Method::Backfill, params);
    if (!answer)
        return answer.error();
    auto result = control::backfillFromWire(answer.value().toObject());
    if (!result)
        return badAnswer(result.error().message);
    return result;
}

Result<QStringList> RemoteJobControl::changedCall(control::Method method, const QStringList &ids,
                                                  const QString &note)
{
    QJsonObject params = idsParams(ids);
    if (!note.isEmpty())
        params.insert(QStringLiteral("note"), note);
    auto answer = m_client->call(method, params);
    if (!answer)
        return answer.error();
    const QJsonValue changed = answer.value().toObject().value(QStringLiteral("changed"));
    if (!changed.isArray())
        return badAnswer(QStringLiteral("no \"changed\" list"));
    QStringList out;
    for (const QJsonValue &id : changed.toArray())
        out.append(id.toString());
    return out;
}

Result<QStringList> RemoteJobControl::pauseJobs(const QStringList &ids, const QString &note)
{
    return changedCall(control::Method::PauseJobs, ids, note);
}

Result<QStringList> RemoteJobControl::resumeJobs(const QStringList &ids)
{
    return changedCall(control::Method::ResumeJobs, ids);
}

Result<int> RemoteJobControl::removeJobs(const QStringList &ids)
{
    auto answer = m_client->call(control::Method::RemoveJobs, idsParams(ids));
    if (!answer)
        return answer.error();
    return answer.value().toObject().value(QStringLiteral("stopped")).toInt(0);
}

Result<int> RemoteJobControl::removeAllJobs()
{
    auto answer = m_client->call(control::Method::RemoveAll);
    if (!answer)
        return answer.error();
    const QJsonValue removed = answer.value().toObject().value(QStringLiteral("removed"));
    if (!removed.isDouble())
        return badAnswer(RemoteText::tr("\"%1\" did not say how many jobs it removed")
                             .arg(control::methodName(control::Method::RemoveAll)));
    return removed.toInt();
}

Result<RunRecord> RemoteJobControl::runJobNow(const QString &id)
{
    auto answer = m_client->call(control::Method::RunNow, idParams(id));
    if (!answer)
        return answer.error();
    auto run = control::runFromWire(answer.value().toObject());
    if (!run)
        return badAnswer(run.error().message);
    return run;
}

Result<QList<RunRecord>> RemoteJobControl::history(const QString &jobId, int limit)
{
    QJsonObject params{{QStringLiteral("limit"), limit}};
    if (!jobId.isEmpty())
        params.insert(QStringLiteral("job_id"), jobId);
    return listCall<RunRecord>(control::Method::History, params);
}

Result<RunExplanation> RemoteJobControl::explain(const QString &jobId, std::int64_t atMs)
{
    static const auto utc = ZoneRules::forZone("UTC");
    auto answer = m_client->call(control::Method::Explain,
                                 {{QStringLiteral("id"), jobId}, {QStringLiteral("at"), formatIso(atMs, *utc)}});
    if (!answer)
        return answer.error();
    auto explanation = RunExplanation::fromJson(answer.value().toObject());
    if (!explanation)
        return badAnswer(explanation.error().message);
    return explanation;
}

Result<QList<CalendarInfo>> RemoteJobControl::calendars()
{
    auto answer = m_client->call(control::Method::Calendars, {});
    if (!answer)
        return answer.error();
    QList<CalendarInfo> infos;
    for (const QJsonValue &value : answer.value().toArray()) {
        auto info = control::calendarFromWire(value.toObject());
        if (!info)
            return badAnswer(info.error().message);
        infos.append(std::move(info).value());
    }
    return infos;
}

Result<CalendarInfo> RemoteJobControl::calendar(const QString &name)
{
    auto answer = m_client->call(control::Method::Calendar, {{QStringLiteral("name"), name}});
    if (!answer)
        return answer.error();
    auto info = control::calendarFromWire(answer.value().toObject());
    if (!info)
        return badAnswer(info.error().message);
    return info;
}

Result<CalendarInfo> RemoteJobControl::putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict)
{
    QJsonObject json = calendar.toJson();
    json.insert(QStringLiteral("name"), calendar.name);
    auto answer = m_client->call(control::Method::PutCalendar,
                                 {{QStringLiteral("calendar"), json},
                                  {QStringLiteral("replace"), onConflict == ConflictPolicy::Replace}});
    if (!answer)
        return answer.error();
    auto info = control::calendarFromWire(answer.value().toObject());
    if (!info)
        return badAnswer(info.error().message);
    return info;
}

Result<void> RemoteJobControl::removeCalendar(const QString &name)
{
    auto answer = m_client->call(control::Method::RemoveCalendar, {{QStringLiteral("name"), name}});
    if (!answer)
        return answer.error();
    return {};
}

Result<QList<JobActivity>> RemoteJobControl::activity(const QString &jobId)
{
    auto answer = m_client->call(control::Method::Activity,
                                 jobId.isEmpty() ? QJsonObject{} : idParams(jobId));
    if (!answer)
        return answer.error();
    if (!answer.value().isArray())
        return badAnswer(RemoteText::tr("\"%1\" did not return a list").arg(control::methodName(control::Method::Activity)));
    QList<JobActivity> going;
    for (const QJsonValue &item : answer.value().toArray()) {
        auto activity = control::activityFromWire(item.toObject());
        if (!activity)
            return badAnswer(activity.error().message);
        going.append(std::move(activity).value());
    }
    return going;
}

Result<QList<RunRecord>> RemoteJobControl::runsSince(const QString &jobId, std::int64_t minRunId)
{
    return listCall<RunRecord>(control::Method::History, {{QStringLiteral("job_id"), jobId},
                                                          {QStringLiteral("min_id"), static_cast<double>(minRunId)},
                                                          {QStringLiteral("limit"), 1000}});
}

Result<QList<JobStatistics>> RemoteJobControl::statistics(const QStringList &ids, int points)
{
    auto answer = m_client->call(control::Method::Stats, {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)},
                                                          {QStringLiteral("points"), std::max(1, points)}});
    if (!answer)
        return answer.error();
    QList<JobStatistics> out;
    for (const QJsonValue &job : answer.value().toArray())
        out.append(JobStatistics::fromJson(job.toObject()));
    return out;
}

} // namespace punctual
