// What a job runs: a command (a real process) or a registered C++ function.
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <variant>

namespace punctual {

/// A program with its argument list (no shell unless useShell), run by CommandExecutor.
struct CommandAction
{
    QString program;
    QStringList arguments;
    QString workingDirectory;            ///< empty: the scheduler's own
    QMap<QString, QString> environment;  ///< added to (or overriding) the scheduler's environment
    bool useShell = false;               ///< run `program` as a /bin/sh -c command line, arguments as $1...
    std::int64_t outputCapBytes = 1 << 20; ///< stdout+stderr kept per run; the tail is kept

    bool operator==(const CommandAction &) const = default;
};

/// A C++ callable registered under a name (FunctionRegistry); the job stores the name, so it survives restarts.
struct FunctionAction
{
    QString name;
    QJsonObject arguments;

    bool operator==(const FunctionAction &) const = default;
};

using Action = std::variant<CommandAction, FunctionAction>;

/// {"type":"command","program",...} or {"type":"function","name",...}.
QJsonObject actionToJson(const Action &action);
Result<Action> actionFromJson(const QJsonObject &json);
/// A short human form: "/usr/bin/backup --all", "function cleanup".
QString describeAction(const Action &action);

} // namespace punctual
