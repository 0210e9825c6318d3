// What each control protocol method does on the instance: one handler per row of the methods table.
#pragma once

#include "control/methods.h"
#include "jobs/job.h"
#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <cstdint>
#include <functional>
#include <optional>

namespace punctual {

class JobStore;
class Scheduler;

namespace control {

/// How and when the host started, for "status" ("started_by", "started_at"; each left out when not known).
struct HostOrigin
{
    QString startedBy;                      ///< startedByName() (instancehost.h)
    std::optional<std::int64_t> startedAtMs; ///< when it became the store's host
    bool runsJobs = true;                    ///< false: punctualctl run --manage-only ("status": "runs_jobs")
};

/// What the handlers work on: the instance's scheduler and its store, and the app's window (through raise).
struct MethodContext
{
    Scheduler &scheduler;
    JobStore &store;
    /// Asks the window to show and raise itself (with job @p jobId selected, when given; only whether there is
    /// one, unless @p show); false when there is
    /// no window (no window subscribed to the host, and none in this process).
    std::function<bool(bool show, const QString &jobId)> raise = {};
    /// The jobs of an import sent in several add_jobs requests ("more": true) on this connection, read and
    /// checked, waiting for the last request; nullptr for a caller without a connection.
    QList<Job> *stagedImport = nullptr;
    /// Subscribes this connection to the host's events (with run output when asked); the revision of the last
    /// event before the subscription. Empty for a caller without a connection.
    std::function<qint64(bool output, bool window)> subscribe = {};
    /// Asks the host to stop (its app ends once the scheduler has shut down); false when nothing listens.
    std::function<bool(bool stopRuns)> shutdown = {};
    /// How and when this host started ("status"); nullptr when the server was not told.
    const HostOrigin *origin = nullptr;
    /// Whether the instance shows desktop notices itself ("status": desktop_notifications); none: it does not.
    std::function<bool()> desktopNotifications = {};
};

/// The most jobs one import may stage on a connection before its last add_jobs request.
inline constexpr qsizetype maxStagedImportJobs = 2'000'000;

/// Runs @p method through the Scheduler API, with @p params that checkParams() accepted; the result's wire form,
/// or the scheduler's error as it is.
Result<QJsonValue> runMethod(Method method, const MethodContext &context, const QJsonObject &params);

} // namespace control

} // namespace punctual
