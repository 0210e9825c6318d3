// Built-in job functions.
#include "builtinfunctions.h"

#include "executors/functionregistry.h"

#include <QThread>

namespace punctual {

void registerBuiltinFunctions(FunctionRegistry &registry)
{
    registry.add(QStringLiteral("noop"), [](const FunctionContext &) { return FunctionResult::success(); });
    registry.add(QStringLiteral("sleep"), [](const FunctionContext &context) {
        const double seconds = context.arguments.value(QStringLiteral("seconds")).toDouble(1.0);
        const auto steps = static_cast<int>(seconds * 100);
        for (int i = 0; i < steps && !context.isCancelled(); ++i)
            QThread::msleep(10);
        return FunctionResult::success();
    });
}

} // namespace punctual
