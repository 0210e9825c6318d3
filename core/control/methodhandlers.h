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
    /// Asks the app to show and raise its window; false when nothing listens (no window: punctualctl run).
    std::function<bool()> raise;
    /// The jobs of an import sent in several add_jobs requests ("more": true) on this connection, read and
    /// checked, waiting for the last request; nullptr for a caller without a connection.
    QList<Job> *stagedImport = nullptr;
};

/// The most jobs one import may stage on a connection before its last add_jobs request.
inline constexpr qsizetype maxStagedImportJobs = 2'000'000;

/// Runs @p method through the Scheduler API, with @p params that checkParams() accepted; the result's wire form,
/// or the scheduler's error as it is.
Result<QJsonValue> runMethod(Method method, const MethodContext &context, const QJsonObject &params);

} // namespace control

} // namespace punctual
