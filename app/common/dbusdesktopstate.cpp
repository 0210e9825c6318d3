// UPower, logind and NetworkManager (through QNetworkInformation) on the system bus.
#include "dbusdesktopstate.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDateTime>
#include <QNetworkInformation>

#include <unistd.h>

namespace punctual {

namespace {

const QString propertiesInterface = QStringLiteral("org.freedesktop.DBus.Properties");
const QString upowerService = QStringLiteral("org.freedesktop.UPower");
const QString upowerPath = QStringLiteral("/org/freedesktop/UPower");
const QString logindService = QStringLiteral("org.freedesktop.login1");
const QString logindPath = QStringLiteral("/org/freedesktop/login1");
const QString managerInterface = QStringLiteral("org.freedesktop.login1.Manager");
const QString sessionInterface = QStringLiteral("org.freedesktop.login1.Session");

/// The object path of a logind "(so)" property (a user's Display, a seat's ActiveSession); empty for none ("/").
QString pathOfStruct(const QVariant &value)
{
    if (!value.canConvert<QDBusArgument>())
        return {};
    const QDBusArgument argument = value.value<QDBusArgument>();
    QString id;
    QDBusObjectPath path;
    argument.beginStructure();
    argument >> id >> path;
    argument.endStructure();
    return path.path() == QLatin1String("/") ? QString() : path.path();
}

bool isOnline(QNetworkInformation::Reachability reachability)
{
    // Unknown is "nothing waits" (DesktopState's rule): a backend that cannot tell must not hold runs back.
    return reachability == QNetworkInformation::Reachability::Online
        || reachability == QNetworkInformation::Reachability::Unknown;
}

} // namespace

DBusDesktopState::DBusDesktopState(QDBusConnection bus, QObject *parent)
    : DesktopState(parent)
    , m_bus(std::move(bus))
{
}

DBusDesktopState::~DBusDesktopState() = default;

void DBusDesktopState::start()
{
    if (!m_bus.isConnected()) {
        emit logMessage(tr("desktop state: no system bus (%1): on AC power, online and not idle are assumed")
                            .arg(m_bus.lastError().message()));
        startNetwork();
        return;
    }
    // Signals by service name: Qt D-Bus follows the name's owner, so a service that (re)starts is heard too.
    m_bus.connect(upowerService, upowerPath, propertiesInterface, QStringLiteral("PropertiesChanged"), this,
                  SLOT(onUPowerChanged(QString, QVariantMap, QStringList)));
    m_bus.connect(logindService, logindPath, managerInterface, QStringLiteral("PrepareForSleep"), this,
                  SLOT(onPrepareForSleep(bool)));
    m_bus.connect(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                  QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameOwnerChanged"), this,
                  SLOT(onServiceOwnerChanged(QString, QString, QString)));
    readUPower();
    findSession();
    startNetwork();
}

QVariant DBusDesktopState::property(const QString &service, const QString &path, const QString &interface,
                                    const QString &name)
{
    QDBusMessage call = QDBusMessage::createMethodCall(service, path, propertiesInterface, QStringLiteral("Get"));
    call << interface << name;
    const QDBusReply<QDBusVariant> reply = m_bus.call(call, QDBus::Block, callTimeoutMs);
    return reply.isValid() ? reply.value().variant() : QVariant();
}

// --- power ----------------------------------------------------------------------------------------------------

void DBusDesktopState::readUPower()
{
    const QVariant onBattery = property(upowerService, upowerPath, upowerService, QStringLiteral("OnBattery"));
    if (!onBattery.isValid()) {
        emit logMessage(tr("desktop state: UPower is not on the system bus: on AC power is assumed"));
        setOnBattery(false);
        return;
    }
    m_sources << (onBattery.toBool() ? tr("UPower: on battery") : tr("UPower: on AC power"));
    setOnBattery(onBattery.toBool());
}

void DBusDesktopState::onUPowerChanged(const QString &interface, const QVariantMap &changed,
                                       const QStringList &invalidated)
{
    if (interface != upowerService)
        return;
    if (changed.contains(QStringLiteral("OnBattery")))
        setOnBattery(changed.value(QStringLiteral("OnBattery")).toBool());
    else if (invalidated.contains(QStringLiteral("OnBattery")))
        readUPower();
}

void DBusDesktopState::setOnBattery(bool onBattery)
{
    if (m_onBattery == onBattery)
        return;
    m_onBattery = onBattery;
    emit changed();
}

// --- idle and sleep -------------------------------------------------------------------------------------------

void DBusDesktopState::findSession()
{
    const auto callManager = [this](const QString &method, const QVariant &argument) -> QString {
        QDBusMessage call = QDBusMessage::createMethodCall(logindService, logindPath, managerInterface, method);
        call << argument;
        const QDBusReply<QDBusObjectPath> reply = m_bus.call(call, QDBus::Block, callTimeoutMs);
        return reply.isValid() ? reply.value().path() : QString();
    };
    QString path;
    // The session this host belongs to; a host started by the systemd user manager belongs to none, so then the
    // user's graphical session, and last the seat's active one.
    if (const QString id = qEnvironmentVariable("XDG_SESSION_ID"); !id.isEmpty())
        path = callManager(QStringLiteral("GetSession"), id);
    if (path.isEmpty())
        path = callManager(QStringLiteral("GetSessionByPID"), QVariant::fromValue(static_cast<uint>(::getpid())));
    if (path.isEmpty()) {
        const QString user = callManager(QStringLiteral("GetUser"), QVariant::fromValue(static_cast<uint>(::getuid())));
        if (!user.isEmpty())
            path = pathOfStruct(property(logindService, user, QStringLiteral("org.freedesktop.login1.User"),
                                         QStringLiteral("Display")));
    }
    if (path.isEmpty()) {
        const QString seat = callManager(QStringLiteral("GetSeat"), QStringLiteral("seat0"));
        if (!seat.isEmpty())
            path = pathOfStruct(property(logindService, seat, QStringLiteral("org.freedesktop.login1.Seat"),
                                         QStringLiteral("ActiveSession")));
    }
    if (!m_sessionPath.isEmpty())
        m_bus.disconnect(logindService, m_sessionPath, propertiesInterface, QStringLiteral("PropertiesChanged"), this,
                         SLOT(onSessionChanged(QString, QVariantMap, QStringList)));
    m_sessionPath = path;
    if (path.isEmpty()) {
        emit logMessage(tr("desktop state: no logind session found on the system bus: the computer is taken as "
                           "not idle (idle conditions wait)"));
        setIdle(false, 0);
        return;
    }
    m_bus.connect(logindService, path, propertiesInterface, QStringLiteral("PropertiesChanged"), this,
                  SLOT(onSessionChanged(QString, QVariantMap, QStringList)));
    readSession();
    m_sources << tr("logind session %1: %2").arg(path, m_idleSinceMs ? tr("idle") : tr("not idle"));
}

void DBusDesktopState::readSession()
{
    const QVariant idle = property(logindService, m_sessionPath, sessionInterface, QStringLiteral("IdleHint"));
    const QVariant since = property(logindService, m_sessionPath, sessionInterface, QStringLiteral("IdleSinceHint"));
    setIdle(idle.toBool(), since.toULongLong());
}

void DBusDesktopState::onSessionChanged(const QString &interface, const QVariantMap &changed,
                                        const QStringList &invalidated)
{
    if (interface != sessionInterface)
        return;
    for (const QString &key : {QStringLiteral("IdleHint"), QStringLiteral("IdleSinceHint")}) {
        if (changed.contains(key) || invalidated.contains(key)) {
            readSession(); // both together: one without the other says little
            return;
        }
    }
}

void DBusDesktopState::setIdle(bool idle, std::uint64_t sinceUs)
{
    std::optional<std::int64_t> since;
    if (idle) {
        // IdleSinceHint is CLOCK_REALTIME in µs; a session idle without a time is idle from when it is noticed.
        since = sinceUs > 0 ? static_cast<std::int64_t>(sinceUs / 1000) : QDateTime::currentMSecsSinceEpoch();
    }
    if (since == m_idleSinceMs)
        return;
    m_idleSinceMs = since;
    emit changed();
}

void DBusDesktopState::onPrepareForSleep(bool sleeping)
{
    if (!sleeping)
        emit resumed();
}

void DBusDesktopState::onServiceOwnerChanged(const QString &name, const QString &, const QString &newOwner)
{
    if (newOwner.isEmpty())
        return; // gone: its last values stay until it is back
    if (name == upowerService)
        readUPower();
    else if (name == logindService)
        findSession();
}

// --- network --------------------------------------------------------------------------------------------------

void DBusDesktopState::startNetwork()
{
    if (!QNetworkInformation::loadBackendByName(u"networkmanager")
        && !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        emit logMessage(tr("desktop state: no network information backend (NetworkManager): the network is taken "
                           "as online and unmetered"));
        return;
    }
    QNetworkInformation *network = QNetworkInformation::instance();
    connect(network, &QNetworkInformation::reachabilityChanged, this, &DBusDesktopState::readNetwork);
    connect(network, &QNetworkInformation::isMeteredChanged, this, &DBusDesktopState::readNetwork);
    m_networkOnline = isOnline(network->reachability());
    m_networkMetered = network->supports(QNetworkInformation::Feature::Metered) && network->isMetered();
    m_sources << tr("network (%1): %2%3")
                     .arg(network->backendName(), m_networkOnline ? tr("online") : tr("offline"),
                          m_networkMetered ? tr(", metered") : QString());
}

void DBusDesktopState::readNetwork()
{
    const QNetworkInformation *network = QNetworkInformation::instance();
    const bool online = isOnline(network->reachability());
    const bool metered = network->supports(QNetworkInformation::Feature::Metered) && network->isMetered();
    if (online == m_networkOnline && metered == m_networkMetered)
        return;
    const bool cameUp = online && !m_networkOnline
        && network->reachability() == QNetworkInformation::Reachability::Online;
    m_networkOnline = online;
    m_networkMetered = metered;
    emit changed();
    if (cameUp)
        emit networkCameUp();
}

} // namespace punctual
