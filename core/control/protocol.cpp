// Wire forms, error code names and the socket name of the control protocol.
#include "protocol.h"

#include "time/isotime.h"
#include <QJsonDocument>
#include "triggers/trigger.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonValue>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace punctual::control {

namespace {

class ProtocolText
{
    Q_DECLARE_TR_FUNCTIONS(ControlProtocol)
};

constexpr struct
{
    ErrorCode code;
    const char *name;
} errorNames[] = {
    {ErrorCode::InvalidInput, "invalid_input"}, {ErrorCode::NotFound, "not_found"},
    {ErrorCode::Conflict, "conflict"},          {ErrorCode::StoreFailure, "store_failure"},
    {ErrorCode::Io, "io"},                      {ErrorCode::Internal, "internal"},
    {ErrorCode::Busy, "busy"},                  {ErrorCode::StoreUnavailable, "store_unavailable"},
};

const ZoneRules &utc()
{
    static const auto zone = ZoneRules::forZone("UTC");
    return *zone;
}

Result<std::optional<std::int64_t>> optionalInstant(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isNull() || value.isUndefined())
        return std::optional<std::int64_t>();
    if (!value.isString())
        return invalidInput(ProtocolText::tr("%1 must be an ISO-8601 time or null").arg(QLatin1String(key)));
    auto parsed = parseIso(value.toString(), utc());
    if (!parsed)
        return invalidInput(QStringLiteral("%1: %2").arg(QLatin1String(key), parsed.error().message));
    return std::optional<std::int64_t>(parsed.value());
}

QString userId()
{
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    const QString name = qEnvironmentVariable("USERNAME", qEnvironmentVariable("USER"));
    return QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
#endif
}

// A folder only this user can enter, or nothing.
bool isPrivateFolder(const QString &path)
{
    if (path.isEmpty())
        return false;
    const QFileInfo info(path);
    if (!info.isDir() || !info.isWritable())
        return false;
#ifdef Q_OS_UNIX
    if (info.ownerId() != ::getuid())
        return false;
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (info.permissions() & others) == 0;
#else
    return true;
#endif
}

QString socketFolder()
{
    // The user's runtime folder when there is one: private, and cleaned at logout. Checked rather than taken
    // from QStandardPaths, which warns and creates a folder when XDG_RUNTIME_DIR is not set.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (isPrivateFolder(runtime))
        return QDir::cleanPath(runtime);
#ifdef Q_OS_UNIX
    // Shells without XDG_RUNTIME_DIR (cron, su) still find the one of the user's session.
    const QString session = QStringLiteral("/run/user/%1").arg(::getuid());
    if (isPrivateFolder(session))
        return session;
    // No session runtime folder (cron, su, a container): a folder of the user's own under their home, made 0700.
    // Never the shared temporary folder, where another user could plant a lock file or a dangling symlink.
    const QString own = QDir::homePath() + QStringLiteral("/.local/state/punctual/run");
    if (!QFileInfo(own).isDir() && QDir().mkpath(own))
        QFile::setPermissions(own, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (isPrivateFolder(own))
        return QDir::cleanPath(own);
#endif
    return {}; // InstanceLock says what to fix
}

} // namespace

QString instantToWire(std::int64_t ms)
{
    return formatIso(ms, utc());
}

std::optional<std::int64_t> instantFromWire(const QString &text)
{
    auto parsed = parseIso(text, utc());
    return parsed ? std::optional<std::int64_t>(parsed.value()) : std::nullopt;
}

QJsonObject modifyParams(const QString &id, const JobChanges &changes)
{
    QJsonObject params{{QStringLiteral("id"), id}};
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
    return params;
}

Result<QList<QJsonArray>> importPieces(const QList<Job> &jobs)
{
    // A request line must stay below maxRequestBytes: the envelope and escaping get the headroom.
    constexpr qsizetype pieceBytes = maxRequestBytes - 256 * 1024;
    QList<QJsonArray> pieces(1);
    qsizetype bytes = 0;
    for (const Job &job : jobs) {
        if (auto complete = requireTrigger(job); !complete)
            return complete.error();
        const QJsonObject json = job.toJson();
        const qsizetype size = QJsonDocument(json).toJson(QJsonDocument::Compact).size() + 1;
        if (!pieces.last().isEmpty() && bytes + size > pieceBytes) {
            pieces.append(QJsonArray());
            bytes = 0;
        }
        pieces.last().append(json);
        bytes += size;
    }
    return pieces;
}

QString errorCodeName(ErrorCode code)
{
    for (const auto &entry : errorNames) {
        if (entry.code == code)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("internal");
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const auto &entry : errorNames) {
        if (name == QLatin1String(entry.name))
            return entry.code;
    }
    return ErrorCode::Internal;
}

QJsonObject errorToWire(const Error &error)
{
    return {{QStringLiteral("code"), errorCodeName(error.code)}, {QStringLiteral("message"), error.message}};
}

Error errorFromWire(const QJsonObject &json)
{
    const QString code = json.value(QStringLiteral("code")).toString();
    QString message = json.value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = ProtocolText::tr("the Punctual instance reported an error without a message (%1)").arg(code);
    return {errorCodeFromName(code), message};
}

QJsonObject jobToWire(const Job &job)
{
    QJsonObject json = job.toJson();
    json.insert(QStringLiteral("created_at"), formatIso(job.createdAt, utc()));
    return json;
}

Result<Job> jobFromWire(const QJsonObject &json)
{
    auto job = Job::fromJson(json, true);
    if (!job)
        return job;
    auto created = optionalInstant(json, "created_at");
    if (!created)
        return created.error();
    job->createdAt = created.value().value_or(0);
    return job;
}

QJsonObject runToWire(const RunRecord &run)
{
    return run.toJson();
}

QJsonObject activityToWire(const JobActivity &activity)
{
    QJsonValue retry(QJsonValue::Null);
    if (activity.retry) {
        retry = QJsonObject{{QStringLiteral("attempt"), activity.retry->attempt},
                            {QStringLiteral("attempts"), activity.retry->attempts},
                            {QStringLiteral("at"), formatIso(activity.retry->at, utc())}};
    }
    QJsonObject json{{QStringLiteral("job_id"), activity.jobId},
                     {QStringLiteral("running"), activity.running},
                     {QStringLiteral("retry"), retry}};
    // Only while a run waits: the events of jobs without conditions keep their shape.
    if (activity.waiting) {
        json[QStringLiteral("waiting")] = QJsonObject{{QStringLiteral("conditions"), QJsonArray::fromStringList(activity.waiting->conditions)},
                              {QStringLiteral("deadline"), activity.waiting->deadline
                                                               ? QJsonValue(formatIso(*activity.waiting->deadline, utc()))
                                                               : QJsonValue(QJsonValue::Null)}};
    }
    return json;
}

Result<JobActivity> activityFromWire(const QJsonObject &json)
{
    JobActivity activity;
    activity.jobId = json.value(QStringLiteral("job_id")).toString();
    activity.running = json.value(QStringLiteral("running")).toInt();
    const QJsonValue retry = json.value(QStringLiteral("retry"));
    if (retry.isObject()) {
        const QJsonObject wait = retry.toObject();
        auto at = optionalInstant(wait, "at");
        if (!at)
            return at.error();
        if (!at.value())
            return invalidInput(ProtocolText::tr("a retry needs its time"));
        activity.retry = RetryWait{wait.value(QStringLiteral("attempt")).toInt(),
                                   wait.value(QStringLiteral("attempts")).toInt(), *at.value()};
    }
    // A run waiting for its conditions (absent from older hosts' events).
    const QJsonValue waiting = json.value(QStringLiteral("waiting"));
    if (waiting.isObject()) {
        const QJsonObject wait = waiting.toObject();
        auto deadline = optionalInstant(wait, "deadline");
        if (!deadline)
            return deadline.error();
        ConditionWait conditionWait;
        for (const QJsonValue &name : wait.value(QStringLiteral("conditions")).toArray())
            conditionWait.conditions << name.toString();
        conditionWait.deadline = deadline.value();
        activity.waiting = conditionWait;
    }
    return activity;
}

QJsonObject backfillToWire(const BackfillResult &result)
{
    QJsonArray times;
    for (const std::int64_t at : result.times)
        times.append(instantToWire(at));
    return {{QStringLiteral("times"), times},
            {QStringLiteral("runs"), listToWire(result.runs)},
            {QStringLiteral("already_backfilled"), result.alreadyBackfilled}};
}

Result<BackfillResult> backfillFromWire(const QJsonObject &json)
{
    BackfillResult result;
    for (const QJsonValue &time : json.value(QStringLiteral("times")).toArray()) {
        const auto at = instantFromWire(time.toString());
        if (!at)
            return invalidInput(ProtocolText::tr("a backfill time that is not one: %1").arg(time.toString()));
        result.times.append(*at);
    }
    auto runs = listFromWire<RunRecord>(json.value(QStringLiteral("runs")).toArray());
    if (!runs)
        return runs.error();
    result.runs = runs.value();
    result.alreadyBackfilled = json.value(QStringLiteral("already_backfilled")).toInt();
    return result;
}

QJsonObject calendarToWire(const CalendarInfo &info)
{
    QJsonObject json = info.calendar.toJson();
    json.insert(QStringLiteral("name"), info.calendar.name);
    json.insert(QStringLiteral("used_by"), QJsonArray::fromStringList(info.usedBy));
    return json;
}

Result<CalendarInfo> calendarFromWire(const QJsonObject &json)
{
    const QString name = json.value(QStringLiteral("name")).toString();
    if (auto valid = validateCalendarName(name); !valid)
        return valid.error();
    auto calendar = ExclusionCalendar::fromJson(name, json);
    if (!calendar)
        return calendar.error();
    CalendarInfo info{std::move(calendar).value(), {}};
    for (const QJsonValue &id : json.value(QStringLiteral("used_by")).toArray())
        info.usedBy.append(id.toString());
    return info;
}

QJsonObject storeStatusToWire(const StoreStatus &status)
{
    const auto instant = [](std::optional<std::int64_t> ms) {
        return ms ? QJsonValue(formatIso(*ms, utc())) : QJsonValue(QJsonValue::Null);
    };
    return {{QStringLiteral("available"), status.available},
            {QStringLiteral("since"), instant(status.sinceMs > 0 ? std::optional(status.sinceMs) : std::nullopt)},
            {QStringLiteral("last_error"), status.lastError},
            {QStringLiteral("retries"), status.retries},
            {QStringLiteral("next_retry"), instant(status.nextRetryMs)}};
}

StoreStatus storeStatusFromWire(const QJsonObject &json)
{
    StoreStatus status;
    status.available = json.value(QStringLiteral("available")).toBool(true);
    status.sinceMs = instantFromWire(json.value(QStringLiteral("since")).toString()).value_or(0);
    status.lastError = json.value(QStringLiteral("last_error")).toString();
    status.retries = json.value(QStringLiteral("retries")).toInt();
    status.nextRetryMs = instantFromWire(json.value(QStringLiteral("next_retry")).toString());
    return status;
}

Result<RunRecord> runFromWire(const QJsonObject &json)
{
    RunRecord run;
    const QJsonValue id = json.value(QStringLiteral("id"));
    if (!id.isDouble())
        return invalidInput(ProtocolText::tr("a run needs a numeric id"));
    run.id = static_cast<std::int64_t>(id.toDouble());
    run.jobId = json.value(QStringLiteral("job_id")).toString();
    auto scheduled = optionalInstant(json, "scheduled_time");
    auto start = optionalInstant(json, "start_time");
    auto end = optionalInstant(json, "end_time");
    for (const auto *instant : {&scheduled, &start, &end}) {
        if (!*instant)
            return instant->error();
    }
    run.scheduledTime = scheduled.value().value_or(0);
    run.startTime = start.value();
    run.endTime = end.value();
    const QString outcome = json.value(QStringLiteral("outcome")).toString();
    const auto parsedOutcome = RunRecord::outcomeFromName(outcome);
    if (!parsedOutcome)
        return invalidInput(ProtocolText::tr("unknown run outcome \"%1\"").arg(outcome));
    run.outcome = *parsedOutcome;
    const QJsonValue exitCode = json.value(QStringLiteral("exit_code"));
    if (exitCode.isDouble())
        run.exitCode = exitCode.toInt();
    run.output = json.value(QStringLiteral("output")).toString();
    run.error = json.value(QStringLiteral("error")).toString();
    const QJsonValue late = json.value(QStringLiteral("late_seconds"));
    if (late.isDouble())
        run.lateMs = static_cast<std::int64_t>(late.toDouble() * 1000.0 + (late.toDouble() < 0 ? -0.5 : 0.5));
    run.attempt = json.value(QStringLiteral("attempt")).toInt(1);
    run.instance = json.value(QStringLiteral("instance")).toString();
    run.reason = RunRecord::reasonFromName(json.value(QStringLiteral("reason")).toString()).value_or(RunReason::Scheduled);
    const QJsonValue causedBy = json.value(QStringLiteral("caused_by"));
    if (causedBy.isDouble())
        run.causedBy = static_cast<std::int64_t>(causedBy.toDouble());
    run.count = std::max<std::int64_t>(1, static_cast<std::int64_t>(json.value(QStringLiteral("count")).toDouble(1)));
    return run;
}

QString canonicalStorePath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    if (!canonical.isEmpty())
        return canonical;
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    if (!folder.isEmpty())
        return QDir(folder).filePath(info.fileName());
    return QDir::cleanPath(info.absoluteFilePath());
}

QString instanceName(const QString &storePath)
{
    const QByteArray hash =
        QCryptographicHash::hash(canonicalStorePath(storePath).toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("punctual-%1-%2").arg(userId(), QString::fromLatin1(hash.left(16)));
}

QString instanceSocketPath(const QString &storePath)
{
#ifdef Q_OS_UNIX
    const QString folder = socketFolder();
    return folder.isEmpty() ? QString() : folder + QLatin1Char('/') + instanceName(storePath);
#else
    return instanceName(storePath); // a named pipe
#endif
}

std::optional<PeerCredentials> peerCredentials(qintptr socketDescriptor)
{
#if defined(Q_OS_LINUX)
    if (socketDescriptor < 0)
        return std::nullopt;
    struct ucred credentials = {};
    socklen_t length = sizeof credentials;
    if (::getsockopt(static_cast<int>(socketDescriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0)
        return std::nullopt;
    return PeerCredentials{credentials.pid, credentials.uid};
#else
    Q_UNUSED(socketDescriptor);
    return std::nullopt;
#endif
}

bool isSameUser(const std::optional<PeerCredentials> &peer)
{
#ifdef Q_OS_UNIX
    return !peer || peer->uid == static_cast<qint64>(::getuid());
#else
    Q_UNUSED(peer);
    return true;
#endif
}

} // namespace punctual::control
