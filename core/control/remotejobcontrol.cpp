// RemoteJobControl: the JobControl calls as control protocol requests.
#include "remotejobcontrol.h"

#include "control/protocol.h"
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

} // namespace

RemoteJobControl::RemoteJobControl(std::unique_ptr<ControlClient> client)
    : m_client(std::move(client))
{
}

RemoteJobControl::~RemoteJobControl() = default;

Result<Job> RemoteJobControl::jobCall(const QString &method, const QJsonObject &params)
{
    auto answer = m_client->call(method, params);
    if (!answer)
        return answer.error();
    if (!answer.value().isObject())
        return badAnswer(RemoteText::tr("\"%1\" did not return a job").arg(method));
    auto job = control::jobFromWire(answer.value().toObject());
    if (!job)
        return badAnswer(job.error().message);
    return job;
}

Result<QList<RunRecord>> RemoteJobControl::runsCall(const QJsonObject &params)
{
    auto answer = m_client->call(QStringLiteral("history"), params);
    if (!answer)
        return answer.error();
    if (!answer.value().isArray())
        return badAnswer(RemoteText::tr("\"history\" did not return a list"));
    QList<RunRecord> runs;
    const QJsonArray array = answer.value().toArray();
    runs.reserve(array.size());
    for (const QJsonValue &value : array) {
        auto run = control::runFromWire(value.toObject());
        if (!run)
            return badAnswer(run.error().message);
        runs.append(std::move(run).value());
    }
    return runs;
}

Result<Job> RemoteJobControl::addJob(Job job, ConflictPolicy onConflict)
{
    if (auto complete = requireTrigger(job); !complete)
        return complete.error();
    QJsonObject params = job.toJson();
    params.insert(QStringLiteral("replace"), onConflict == ConflictPolicy::Replace);
    return jobCall(QStringLiteral("add"), params);
}

Result<QList<Job>> RemoteJobControl::addJobsCall(const QJsonArray &jobs, ConflictPolicy onConflict)
{
    auto answer = m_client->call(QStringLiteral("add_jobs"), {{QStringLiteral("jobs"), jobs},
                                                              {QStringLiteral("replace"), onConflict == ConflictPolicy::Replace}});
    if (!answer)
        return answer.error();
    if (!answer.value().isArray())
        return badAnswer(RemoteText::tr("\"add_jobs\" did not return a list"));
    QList<Job> added;
    const QJsonArray array = answer.value().toArray();
    added.reserve(array.size());
    for (const QJsonValue &value : array) {
        auto job = control::jobFromWire(value.toObject());
        if (!job)
            return badAnswer(job.error().message);
        added.append(std::move(job).value());
    }
    return added;
}

Result<QList<Job>> RemoteJobControl::addJobs(QList<Job> jobs, ConflictPolicy onConflict)
{
    // A request line must stay below control::maxRequestBytes: a large import goes in batches (the envelope and
    // escaping get the headroom), each one store transaction on the instance.
    constexpr qsizetype batchBytes = control::maxRequestBytes - 256 * 1024;
    QList<Job> added;
    added.reserve(jobs.size());
    QJsonArray batch;
    qsizetype bytes = 0;
    for (const Job &job : std::as_const(jobs)) {
        if (auto complete = requireTrigger(job); !complete)
            return complete.error();
        const QJsonObject json = job.toJson();
        const qsizetype size = QJsonDocument(json).toJson(QJsonDocument::Compact).size() + 1;
        if (!batch.isEmpty() && bytes + size > batchBytes) {
            auto sent = addJobsCall(batch, onConflict);
            if (!sent)
                return sent.error();
            added += sent.value();
            batch = {};
            bytes = 0;
        }
        batch.append(json);
        bytes += size;
    }
    if (!batch.isEmpty()) {
        auto sent = addJobsCall(batch, onConflict);
        if (!sent)
            return sent.error();
        added += sent.value();
    }
    return added;
}

Result<Job> RemoteJobControl::job(const QString &id)
{
    return jobCall(QStringLiteral("show"), idParams(id));
}

Result<QList<Job>> RemoteJobControl::jobs()
{
    auto answer = m_client->call(QStringLiteral("list"));
    if (!answer)
        return answer.error();
    if (!answer.value().isArray())
        return badAnswer(RemoteText::tr("\"list\" did not return a list"));
    QList<Job> jobs;
    const QJsonArray array = answer.value().toArray();
    jobs.reserve(array.size());
    for (const QJsonValue &value : array) {
        auto job = control::jobFromWire(value.toObject());
        if (!job)
            return badAnswer(job.error().message);
        jobs.append(std::move(job).value());
    }
    return jobs;
}

Result<Job> RemoteJobControl::pauseJob(const QString &id)
{
    return jobCall(QStringLiteral("pause"), idParams(id));
}

Result<Job> RemoteJobControl::resumeJob(const QString &id)
{
    return jobCall(QStringLiteral("resume"), idParams(id));
}

Result<Job> RemoteJobControl::modifyJob(const QString &id, const JobChanges &changes)
{
    QJsonObject params = idParams(id);
    if (changes.name)
        params.insert(QStringLiteral("name"), *changes.name);
    if (changes.trigger)
        params.insert(QStringLiteral("trigger"), changes.trigger->toJson());
    if (changes.action)
        params.insert(QStringLiteral("action"), actionToJson(*changes.action));
    if (changes.options) {
        QJsonObject options;
        changes.options->writeJson(options);
        params.insert(QStringLiteral("options"), options);
    }
    return jobCall(QStringLiteral("modify"), params);
}

Result<Job> RemoteJobControl::rescheduleJob(const QString &id, std::shared_ptr<const Trigger> trigger)
{
    if (!trigger)
        return invalidInput(RemoteText::tr("no trigger given"));
    QJsonObject params = idParams(id);
    params.insert(QStringLiteral("trigger"), trigger->toJson());
    return jobCall(QStringLiteral("reschedule"), params);
}

Result<void> RemoteJobControl::removeJob(const QString &id)
{
    auto answer = m_client->call(QStringLiteral("remove"), idParams(id));
    if (!answer)
        return answer.error();
    return {};
}

Result<int> RemoteJobControl::removeAllJobs()
{
    auto answer = m_client->call(QStringLiteral("remove_all"));
    if (!answer)
        return answer.error();
    const QJsonValue removed = answer.value().toObject().value(QStringLiteral("removed"));
    if (!removed.isDouble())
        return badAnswer(RemoteText::tr("\"remove_all\" did not say how many jobs it removed"));
    return removed.toInt();
}

Result<RunRecord> RemoteJobControl::runJobNow(const QString &id)
{
    auto answer = m_client->call(QStringLiteral("run_now"), idParams(id));
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
    return runsCall(params);
}

Result<QList<RunRecord>> RemoteJobControl::runsSince(const QString &jobId, std::int64_t minRunId)
{
    return runsCall({{QStringLiteral("job_id"), jobId},
                     {QStringLiteral("min_id"), static_cast<double>(minRunId)},
                     {QStringLiteral("limit"), 1000}});
}

} // namespace punctual
