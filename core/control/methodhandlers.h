// What each control protocol method does on the instance: one handler per row of the methods table.
#pragma once

#include "control/methods.h"
#include "jobs/job.h"
#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <functional>

namespace punctual {

class JobStore;
class Scheduler;

namespace control {

/// What the handlers work on: the instance's scheduler and its store, and the app's window (through raise).
struct MethodContext
{
    Scheduler &scheduler;
    JobStore &store;
    /// Asks the window to show and raise itself (only whether there is one, unless @p show); false when there is
    /// no window (no window subscribed to the host, and none in this process).
    std::function<bool(bool show)> raise;
    /// The jobs of an import sent in several add_jobs requests ("more": true) on this connection, read and
    /// checked, waiting for the last request; nullptr for a caller without a connection.
    QList<Job> *stagedImport = nullptr;
    /// Subscribes this connection to the host's events (with run output when asked); the revision of the last
    /// event before the subscription. Empty for a caller without a connection.
    std::function<qint64(bool output, bool window)> subscribe;
    /// Asks the host to stop (its app ends once the scheduler has shut down); false when nothing listens.
    std::function<bool(bool stopRuns)> shutdown;
};

/// The most jobs one import may stage on a connection before its last add_jobs request.
inline constexpr qsizetype maxStagedImportJobs = 2'000'000;

/// Runs @p method through the Scheduler API, with @p params that checkParams() accepted; the result's wire form,
/// or the scheduler's error as it is.
Result<QJsonValue> runMethod(Method method, const MethodContext &context, const QJsonObject &params);

} // namespace control

} // namespace punctual
