// The control protocol's shared pieces: limits, error code names, the wire forms of jobs and runs, the socket name.
#pragma once

#include "calendars/exclusioncalendar.h"
#include "jobs/job.h"
#include "jobs/jobchanges.h"
#include "jobs/runrecord.h"
#include "scheduler/backfillresult.h"
#include "scheduler/runactivity.h"
#include "scheduler/storestatus.h"
#include "util/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <type_traits>

namespace punctual::control {

/// Version of the protocol (docs/control-protocol.md); "status" and "ping" report it.
constexpr int protocolVersion = 1;
/// A request line longer than this gets an error and the connection is closed.
constexpr qsizetype maxRequestBytes = 4 * 1024 * 1024;
/// A response line longer than this is refused by the client (a "list" of many jobs stays far below it).
constexpr qsizetype maxResponseBytes = 512 * 1024 * 1024;

/// Protocol-level error codes (the others are ErrorCode's names).
inline constexpr char badRequestCode[] = "bad_request";       ///< not a JSON object, no method, too long
inline constexpr char unknownMethodCode[] = "unknown_method"; ///< the instance does not know the method

/// "invalid_input", "not_found", "conflict", "store_failure", "io", "internal".
QString errorCodeName(ErrorCode code);
/// The ErrorCode of a name; protocol-level and unknown codes are Internal.
ErrorCode errorCodeFromName(const QString &name);

/// {"code": ..., "message": ...}
QJsonObject errorToWire(const Error &error);
Error errorFromWire(const QJsonObject &json);

/// An instant (UTC ms) as the protocol writes it: ISO-8601 in UTC.
QString instantToWire(std::int64_t ms);
/// Reads instantToWire()'s text (any ISO-8601 instant with an offset); nothing for text that is not one.
std::optional<std::int64_t> instantFromWire(const QString &text);

/// Job::toJson() plus "created_at" (ISO-8601 UTC).
QJsonObject jobToWire(const Job &job);
/// Reads jobToWire() (keeps next_run_time and created_at).
Result<Job> jobFromWire(const QJsonObject &json);
/// RunRecord::toJson() (it carries the run id and attempt).
QJsonObject runToWire(const RunRecord &run);
Result<RunRecord> runFromWire(const QJsonObject &json);
/// {"job_id", "running": N, "retry": {"attempt", "attempts", "at" (ISO-8601 UTC)} or null,
///  "waiting": {"conditions": ["ac-power", ...], "deadline": ISO-8601 UTC or null} (only while a run waits)}
QJsonObject activityToWire(const JobActivity &activity);
Result<JobActivity> activityFromWire(const QJsonObject &json);

/// {"available": bool, "since": ISO-8601 UTC or null, "last_error": text, "retries": N, "next_retry": ISO or null}
/// A backfill's answer: {"times": [ISO], "runs": [run], "already_backfilled": N}.
QJsonObject backfillToWire(const BackfillResult &result);
Result<BackfillResult> backfillFromWire(const QJsonObject &json);

/// A calendar: ExclusionCalendar::toJson() with "name" and "used_by" (job ids).
QJsonObject calendarToWire(const CalendarInfo &info);
Result<CalendarInfo> calendarFromWire(const QJsonObject &json);

QJsonObject storeStatusToWire(const StoreStatus &status);
StoreStatus storeStatusFromWire(const QJsonObject &json);

/// The params of "modify" for @p changes to job @p id (only the fields that change).
QJsonObject modifyParams(const QString &id, const JobChanges &changes);
/// An import's jobs (Job::toJson()) cut into pieces that each fit one add_jobs request line: every piece but the
/// last is sent with "more": true (docs/control-protocol.md). Always at least one piece (maybe empty).
Result<QList<QJsonArray>> importPieces(const QList<Job> &jobs);

/// The wire form of a job (jobToWire()) or a run (runToWire()).
template <typename T>
QJsonObject toWire(const T &item)
{
    static_assert(std::is_same_v<T, Job> || std::is_same_v<T, RunRecord>, "jobs and runs have a wire form");
    if constexpr (std::is_same_v<T, Job>)
        return jobToWire(item);
    else
        return runToWire(item);
}

/// Reads a job (jobFromWire()) or a run (runFromWire()).
template <typename T>
Result<T> fromWire(const QJsonObject &json)
{
    static_assert(std::is_same_v<T, Job> || std::is_same_v<T, RunRecord>, "jobs and runs have a wire form");
    if constexpr (std::is_same_v<T, Job>)
        return jobFromWire(json);
    else
        return runFromWire(json);
}

/// A list of jobs or runs as an array of their wire forms, in order.
template <typename T>
QJsonArray listToWire(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toWire(item));
    return array;
}

/// Reads an array of jobs or runs (an item that is not an object reads as {}); the first bad item's error.
template <typename T>
Result<QList<T>> listFromWire(const QJsonArray &array)
{
    QList<T> items;
    items.reserve(array.size());
    for (const QJsonValue &value : array) {
        auto item = fromWire<T>(value.toObject());
        if (!item)
            return item.error();
        items.append(std::move(item).value());
    }
    return items;
}

/// The path every process names the same store by: absolute, clean, symbolic links resolved (for a file that does
/// not exist yet, those of its folder).
QString canonicalStorePath(const QString &path);
/// "punctual-" + user id + "-" + the first 16 hex digits of SHA-256(canonicalStorePath(storePath)).
QString instanceName(const QString &storePath);
/// What the operating system says about the process at the other end of a local socket.
struct PeerCredentials
{
    qint64 pid = -1;
    qint64 uid = -1;
};
/// The peer of a connected local socket (Linux: SO_PEERCRED), or nothing where the system does not tell.
std::optional<PeerCredentials> peerCredentials(qintptr socketDescriptor);
/// True when @p peer runs as this process's user (always true where credentials are unknown).
bool isSameUser(const std::optional<PeerCredentials> &peer);

/// Where the instance of @p storePath listens: instanceName() in $XDG_RUNTIME_DIR (or /run/user/UID), else in
/// ~/.local/state/punctual/run (made 0700); each only when it is the user's own with no access for others. Never
/// the shared temporary folder: empty when no private folder can be had (InstanceLock then says what to fix). An
/// absolute path, so QLocalServer and QLocalSocket use it as is.
QString instanceSocketPath(const QString &storePath);

} // namespace punctual::control
