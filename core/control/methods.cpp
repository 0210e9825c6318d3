// Looking methods up by name and checking a request's parameters against the methods table.
#include "methods.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

namespace punctual::control {

namespace {

// The messages are the control server's (the instance answers them).
class ServerText
{
    Q_DECLARE_TR_FUNCTIONS(ControlServer)
};

QLatin1String latin1(std::string_view text)
{
    return QLatin1String(text.data(), static_cast<qsizetype>(text.size()));
}

bool holds(ParamType type, const QJsonValue &value)
{
    switch (type) {
    case ParamType::String: return value.isString();
    case ParamType::Bool: return value.isBool();
    case ParamType::Number: return value.isDouble();
    case ParamType::Count: {
        const double n = value.toDouble(-1);
        return value.isDouble() && n >= 1 && n <= 1e9 && n == static_cast<double>(static_cast<int>(n));
    }
    case ParamType::Trigger:
    case ParamType::Action:
    case ParamType::Options:
    case ParamType::Calendar: return value.isObject();
    case ParamType::Jobs: return value.isArray();
    case ParamType::Ids: {
        if (!value.isArray())
            return false;
        const QJsonArray array = value.toArray();
        return std::all_of(array.begin(), array.end(), [](const QJsonValue &id) { return id.isString(); });
    }
    }
    return false;
}

QString wrongType(ParamType type, QLatin1String name)
{
    switch (type) {
    case ParamType::String: return ServerText::tr("params.%1 must be a string").arg(name);
    case ParamType::Bool: return ServerText::tr("params.%1 must be true or false").arg(name);
    case ParamType::Number: return ServerText::tr("params.%1 must be a number").arg(name);
    case ParamType::Count: return ServerText::tr("params.%1 must be a whole number of at least 1").arg(name);
    case ParamType::Trigger: return ServerText::tr("params.%1 must be an object (a trigger's JSON)").arg(name);
    case ParamType::Action: return ServerText::tr("params.%1 must be an object (an action's JSON)").arg(name);
    case ParamType::Options: return ServerText::tr("params.%1 must be an object (job option keys)").arg(name);
    case ParamType::Jobs: return ServerText::tr("params.%1 must be an array of jobs").arg(name);
    case ParamType::Ids: return ServerText::tr("params.%1 must be an array of job ids (strings)").arg(name);
    case ParamType::Calendar: return ServerText::tr("params.%1 must be an object (a calendar's JSON)").arg(name);
    }
    return {};
}

} // namespace

QString methodName(Method method)
{
    return latin1(spec(method).name);
}

const MethodSpec *findMethod(QStringView name)
{
    for (const MethodSpec &method : methods) {
        if (name == latin1(method.name))
            return &method;
    }
    return nullptr;
}

Result<void> checkParams(const MethodSpec &method, const QJsonObject &requestParams)
{
    for (const Param &param : method.params) {
        const QLatin1String name = latin1(param.name);
        const QJsonValue value = requestParams.value(name);
        const bool given = param.presence == Presence::Optional ? !value.isUndefined() && !value.isNull()
                                                                : !value.isUndefined();
        if ((given || param.presence == Presence::Required) && !holds(param.type, value))
            return invalidInput(wrongType(param.type, name));
    }
    return {};
}

} // namespace punctual::control
