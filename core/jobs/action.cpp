// JSON form and description of job actions.
#include "action.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace punctual {

namespace {

class ActionText
{
    Q_DECLARE_TR_FUNCTIONS(Action)
};

QString quoteArgument(const QString &argument)
{
    static const QString safe = QStringLiteral("-_./=:,+@%");
    const bool plain = !argument.isEmpty() && std::all_of(argument.begin(), argument.end(), [](QChar c) {
        return c.isLetterOrNumber() || safe.contains(c);
    });
    if (plain)
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QJsonObject actionToJson(const Action &action)
{
    if (const auto *command = std::get_if<CommandAction>(&action)) {
        QJsonObject json{{QStringLiteral("type"), QStringLiteral("command")},
                         {QStringLiteral("program"), command->program},
                         {QStringLiteral("arguments"), QJsonArray::fromStringList(command->arguments)}};
        if (!command->workingDirectory.isEmpty())
            json.insert(QStringLiteral("working_directory"), command->workingDirectory);
        if (!command->environment.isEmpty()) {
            QJsonObject environment;
            for (auto it = command->environment.cbegin(); it != command->environment.cend(); ++it)
                environment.insert(it.key(), it.value());
            json.insert(QStringLiteral("environment"), environment);
        }
        if (command->useShell)
            json.insert(QStringLiteral("shell"), true);
        if (command->outputCapBytes != CommandAction{}.outputCapBytes)
            json.insert(QStringLiteral("output_cap_bytes"), static_cast<double>(command->outputCapBytes));
        return json;
    }
    const auto &function = std::get<FunctionAction>(action);
    QJsonObject json{{QStringLiteral("type"), QStringLiteral("function")}, {QStringLiteral("name"), function.name}};
    if (!function.arguments.isEmpty())
        json.insert(QStringLiteral("arguments"), function.arguments);
    return json;
}

Result<Action> actionFromJson(const QJsonObject &json)
{
    const QString type = json.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("command")) {
        CommandAction command;
        command.program = json.value(QStringLiteral("program")).toString();
        if (command.program.isEmpty())
            return invalidInput(ActionText::tr("a command action needs a program"));
        for (const QJsonValue &argument : json.value(QStringLiteral("arguments")).toArray())
            command.arguments << argument.toString();
        command.workingDirectory = json.value(QStringLiteral("working_directory")).toString();
        const QJsonObject environment = json.value(QStringLiteral("environment")).toObject();
        for (auto it = environment.begin(); it != environment.end(); ++it)
            command.environment.insert(it.key(), it.value().toString());
        command.useShell = json.value(QStringLiteral("shell")).toBool(false);
        const double cap = json.value(QStringLiteral("output_cap_bytes")).toDouble(double(command.outputCapBytes));
        if (cap < 0)
            return invalidInput(ActionText::tr("output_cap_bytes must not be negative"));
        command.outputCapBytes = static_cast<std::int64_t>(cap);
        return Action{std::move(command)};
    }
    if (type == QLatin1String("function")) {
        FunctionAction function;
        function.name = json.value(QStringLiteral("name")).toString();
        if (function.name.isEmpty())
            return invalidInput(ActionText::tr("a function action needs a name"));
        function.arguments = json.value(QStringLiteral("arguments")).toObject();
        return Action{std::move(function)};
    }
    return invalidInput(ActionText::tr("unknown action type \"%1\"").arg(type));
}

QString describeAction(const Action &action)
{
    if (const auto *command = std::get_if<CommandAction>(&action)) {
        if (command->useShell)
            return command->program;
        QStringList words{quoteArgument(command->program)};
        for (const QString &argument : command->arguments)
            words << quoteArgument(argument);
        return words.join(QLatin1Char(' '));
    }
    return ActionText::tr("function %1").arg(std::get<FunctionAction>(action).name);
}

} // namespace punctual
