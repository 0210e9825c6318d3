// What each control protocol method does on the instance: one handler per row of the methods table.
#pragma once

#include "control/methods.h"
#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>

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
};

/// Runs @p method through the Scheduler API, with @p params that checkParams() accepted; the result's wire form,
/// or the scheduler's error as it is.
Result<QJsonValue> runMethod(Method method, const MethodContext &context, const QJsonObject &params);

} // namespace control

} // namespace punctual
