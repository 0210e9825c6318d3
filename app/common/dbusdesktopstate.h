// The desktop state read from the system bus: UPower (power), logind (idle, sleep), NetworkManager (network).
#pragma once

#include "desktop/desktopstate.h"

#include <QDBusConnection>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <cstdint>
#include <optional>

namespace punctual {

/**
 * DesktopState over the system bus (QDBusConnection::systemBus(), which honours DBUS_SYSTEM_BUS_ADDRESS):
 * - power: UPower's OnBattery (org.freedesktop.UPower), followed through PropertiesChanged;
 * - idle: the IdleHint and IdleSinceHint of this user's logind session (org.freedesktop.login1): the session of
 *   XDG_SESSION_ID, else of this process (GetSessionByPID), else the user's display session, else the active
 *   session of seat0; followed through PropertiesChanged;
 * - sleep: logind's PrepareForSleep(false) is resumed();
 * - network: QNetworkInformation (its NetworkManager backend, else any with reachability): reachability Online
 *   is networkOnline(), isMetered() is networkMetered(); Online after anything else is networkCameUp().
 *
 * A service that is missing (no UPower, no session, no network backend) gives the values in which nothing waits
 * (DesktopState's rule; idle: not idle), and says so once through logMessage(). A service that starts later is
 * picked up: UPower and logind through their signals (their values are read again when they appear).
 */
class DBusDesktopState final : public DesktopState
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DBusDesktopState)

public:
    /// How long one D-Bus call may take at start (a hung service must not hold the host's start for long).
    static constexpr int callTimeoutMs = 2'000;

    explicit DBusDesktopState(QDBusConnection bus = QDBusConnection::systemBus(), QObject *parent = nullptr);
    ~DBusDesktopState() override;

    /// Reads the values and subscribes to their changes; what is missing is said through logMessage().
    void start();

    bool onBattery() const override { return m_onBattery; }
    bool networkOnline() const override { return m_networkOnline; }
    bool networkMetered() const override { return m_networkMetered; }
    std::optional<std::int64_t> idleSinceMs() const override { return m_idleSinceMs; }

    /// The logind session whose idleness is read (empty when none was found).
    QString sessionPath() const { return m_sessionPath; }
    /// What was found at start(), one line each ("UPower: on AC power", "logind session c1: not idle", ...).
    QStringList sources() const { return m_sources; }

signals:
    /// A line for the host's log (a missing service, once).
    void logMessage(const QString &text);

private slots:
    void onUPowerChanged(const QString &interface, const QVariantMap &changed, const QStringList &invalidated);
    void onSessionChanged(const QString &interface, const QVariantMap &changed, const QStringList &invalidated);
    void onPrepareForSleep(bool sleeping);
    void onServiceOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);

private:
    void readUPower();
    void findSession();
    void readSession();
    void startNetwork();
    void readNetwork();
    /// A property of @p interface at @p path of @p service, or an invalid QVariant.
    QVariant property(const QString &service, const QString &path, const QString &interface, const QString &name);
    void setOnBattery(bool onBattery);
    void setIdle(bool idle, std::uint64_t sinceUs);

    QDBusConnection m_bus;
    bool m_onBattery = false;
    bool m_networkOnline = true;
    bool m_networkMetered = false;
    std::optional<std::int64_t> m_idleSinceMs;
    QString m_sessionPath;
    QStringList m_sources;
};

} // namespace punctual
