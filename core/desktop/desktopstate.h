// What the desktop is doing, as conditions that wait and event triggers need it (docs/desktop-triggers.md).
#pragma once

#include <QObject>

#include <cstdint>
#include <optional>

namespace punctual {

/**
 * The computer's power, network and idle state, and its sleep/resume and network-up events. Core reads it through
 * this interface only: the host gives the scheduler the D-Bus implementation (UPower, logind, NetworkManager via
 * QNetworkInformation on the system bus); tests and hosts without a system bus use ManualDesktopState.
 *
 * A value that cannot be known (no UPower, no network backend) is reported as the state in which nothing waits:
 * on AC power, online, unmetered. Idle is the exception: unknown idleness is "not idle", so an idle:D condition
 * waits (and times out) rather than running a job while someone may be working.
 */
class DesktopState : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// UPower's OnBattery: the computer runs on battery.
    virtual bool onBattery() const = 0;
    /// The network is reachable (QNetworkInformation::Reachability::Online).
    virtual bool networkOnline() const = 0;
    /// The network is metered (QNetworkInformation::isMetered(); NetworkManager's Metered).
    virtual bool networkMetered() const = 0;
    /// UTC ms since when the session has been idle (logind IdleHint and IdleSinceHint), none while it is not.
    virtual std::optional<std::int64_t> idleSinceMs() const = 0;

signals:
    /// One of the values above changed.
    void changed();
    /// The computer woke from sleep (logind PrepareForSleep(false)).
    void resumed();
    /// The network became reachable (Online) after it was not.
    void networkCameUp();
};

/// A desktop state set by hand: hosts without a system bus (on AC, online, unmetered, not idle) and core tests.
class ManualDesktopState final : public DesktopState
{
    Q_OBJECT
public:
    using DesktopState::DesktopState;

    bool onBattery() const override { return m_onBattery; }
    bool networkOnline() const override { return m_networkOnline; }
    bool networkMetered() const override { return m_networkMetered; }
    std::optional<std::int64_t> idleSinceMs() const override { return m_idleSinceMs; }

    /// Each setter emits changed() when the value changes; setNetworkOnline(true) after false also networkCameUp().
    void setOnBattery(bool onBattery);
    void setNetworkOnline(bool online);
    void setNetworkMetered(bool metered);
    void setIdleSinceMs(std::optional<std::int64_t> idleSinceMs);
    /// Emits resumed(), as a wake from sleep does.
    void simulateResume() { emit resumed(); }

private:
    bool m_onBattery = false;
    bool m_networkOnline = true;
    bool m_networkMetered = false;
    std::optional<std::int64_t> m_idleSinceMs;
};

} // namespace punctual
