// Conditions a due run waits for (a job's "requires"): AC power, network, unmetered network, idle for a while.
#pragma once

#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace punctual {

class DesktopState;

/// One condition of a job's "requires" list (docs/desktop-triggers.md).
struct RunCondition
{
    enum class Kind
    {
        AcPower,   ///< "ac-power": not on battery (UPower OnBattery false)
        Network,   ///< "network": the network is reachable
        Unmetered, ///< "unmetered": reachable and not metered
        Idle,      ///< "idle:DURATION": the session has been idle at least idleMs
    };

    Kind kind = Kind::AcPower;
    std::int64_t idleMs = 0; ///< Idle only

    bool operator==(const RunCondition &) const = default;

    /// "ac-power", "network", "unmetered", "idle:10m": what --require and the JSON "requires" list hold.
    QString name() const;
    /// Reads a name as name() writes it (an idle duration in any form parseDuration() reads); the error names it.
    static Result<RunCondition> parse(const QString &text);
    /// Whether it holds now in @p desktop at @p nowMs.
    bool holds(const DesktopState &desktop, std::int64_t nowMs) const;
    /// "AC power", "network", "an unmetered network", "10 min idle": what a run waits for (translated).
    QString waitingText() const;
    /// "AC power was lost", ...: why --stop-if-lost stopped a run (translated).
    QString lostText() const;
};

using RunConditions = QList<RunCondition>;

/// The conditions of @p conditions that do not hold now (in their order).
RunConditions unmetConditions(const RunConditions &conditions, const DesktopState &desktop, std::int64_t nowMs);
/// When the unmet idle conditions of @p conditions will hold if the session stays idle (the latest such instant);
/// none when one waits for something else or the session is not idle.
std::optional<std::int64_t> idleHoldsAt(const RunConditions &conditions, const DesktopState &desktop);
/// "waiting for AC power and network": a waiting run's message (translated).
QString waitingForText(const RunConditions &unmet);
/// The names of @p conditions (name()).
QStringList conditionNames(const RunConditions &conditions);
/// The conditions named (as a ConditionWait carries them); names this version does not know are left out.
RunConditions conditionsNamed(const QStringList &names);
/// Reads names as conditionNames() gives them; the first bad one is the error. Duplicates are kept once.
Result<RunConditions> parseConditions(const QStringList &names);

} // namespace punctual
