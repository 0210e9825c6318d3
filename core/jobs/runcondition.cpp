// Condition names, their checks and their words.
#include "runcondition.h"

#include "desktop/desktopstate.h"
#include "time/duration.h"

#include <QCoreApplication>

#include <algorithm>

namespace punctual {

namespace {

class ConditionText
{
    Q_DECLARE_TR_FUNCTIONS(RunCondition)
};

const QString idlePrefix = QStringLiteral("idle:");

} // namespace

QString RunCondition::name() const
{
    switch (kind) {
    case Kind::AcPower: return QStringLiteral("ac-power");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Unmetered: return QStringLiteral("unmetered");
    case Kind::Idle: return idlePrefix + formatDuration(idleMs);
    }
    return {};
}

Result<RunCondition> RunCondition::parse(const QString &text)
{
    if (text == QLatin1String("ac-power"))
        return RunCondition{Kind::AcPower};
    if (text == QLatin1String("network"))
        return RunCondition{Kind::Network};
    if (text == QLatin1String("unmetered"))
        return RunCondition{Kind::Unmetered};
    if (text.startsWith(idlePrefix)) {
        auto ms = parseDuration(text.mid(idlePrefix.size()));
        if (!ms)
            return invalidInput(ConditionText::tr("condition \"%1\": %2").arg(text, ms.error().message));
        return RunCondition{Kind::Idle, ms.value()};
    }
    return invalidInput(
        ConditionText::tr("unknown condition \"%1\" (use ac-power, network, unmetered or idle:DURATION)").arg(text));
}

bool RunCondition::holds(const DesktopState &desktop, std::int64_t nowMs) const
{
    switch (kind) {
    case Kind::AcPower: return !desktop.onBattery();
    case Kind::Network: return desktop.networkOnline();
    case Kind::Unmetered: return desktop.networkOnline() && !desktop.networkMetered();
    case Kind::Idle: {
        const auto since = desktop.idleSinceMs();
        return since && nowMs - *since >= idleMs;
    }
    }
    return true;
}

QString RunCondition::waitingText() const
{
    switch (kind) {
    case Kind::AcPower: return ConditionText::tr("AC power");
    case Kind::Network: return ConditionText::tr("network");
    case Kind::Unmetered: return ConditionText::tr("an unmetered network");
    case Kind::Idle: return ConditionText::tr("the computer to be idle for %1").arg(formatDuration(idleMs));
    }
    return {};
}

QString RunCondition::lostText() const
{
    switch (kind) {
    case Kind::AcPower: return ConditionText::tr("AC power was lost");
    case Kind::Network: return ConditionText::tr("the network was lost");
    case Kind::Unmetered: return ConditionText::tr("the network is no longer unmetered");
    case Kind::Idle: return ConditionText::tr("the computer is no longer idle");
    }
    return {};
}

RunConditions unmetConditions(const RunConditions &conditions, const DesktopState &desktop, std::int64_t nowMs)
{
    RunConditions unmet;
    for (const RunCondition &condition : conditions) {
        if (!condition.holds(desktop, nowMs))
            unmet.append(condition);
    }
    return unmet;
}

std::optional<std::int64_t> idleHoldsAt(const RunConditions &conditions, const DesktopState &desktop)
{
    const auto since = desktop.idleSinceMs();
    if (!since)
        return std::nullopt;
    std::optional<std::int64_t> at;
    for (const RunCondition &condition : conditions) {
        if (condition.kind != RunCondition::Kind::Idle)
            return std::nullopt;
        at = std::max(at.value_or(0), *since + condition.idleMs);
    }
    return at;
}

QString waitingForText(const RunConditions &unmet)
{
    QStringList parts;
    for (const RunCondition &condition : unmet)
        parts << condition.waitingText();
    const QString what = parts.size() <= 1
        ? parts.value(0)
        : ConditionText::tr("%1 and %2").arg(QStringList(parts.mid(0, parts.size() - 1)).join(QStringLiteral(", ")),
                                             parts.last());
    return ConditionText::tr("waiting for %1").arg(what);
}

QStringList conditionNames(const RunConditions &conditions)
{
    QStringList names;
    for (const RunCondition &condition : conditions)
        names << condition.name();
    return names;
}

RunConditions conditionsNamed(const QStringList &names)
{
    RunConditions out;
    for (const QString &name : names) {
        if (auto condition = RunCondition::parse(name))
            out.append(condition.value());
    }
    return out;
}

Result<RunConditions> parseConditions(const QStringList &names)
{
    RunConditions out;
    for (const QString &name : names) {
        auto condition = RunCondition::parse(name);
        if (!condition)
            return condition.error();
        if (!out.contains(condition.value()))
            out.append(condition.value());
    }
    return out;
}

} // namespace punctual
