// PostgresChangeListener: LISTEN through QSqlDriver::subscribeToNotification().
#include "postgreschangelistener.h"

#include "store/sqldialect.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

Q_LOGGING_CATEGORY(lcListener, "punctual.store.listener")

namespace punctual {

namespace {

class ListenerText
{
    Q_DECLARE_TR_FUNCTIONS(StoreWatcher)
};

std::atomic<int> listenerCounter{0};

} // namespace

PostgresChangeListener::PostgresChangeListener(PostgresLocation location, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PostgresChangeListener::changed);
    m_check.setInterval(defaultCheckIntervalMs);
    connect(&m_check, &QTimer::timeout, this, &PostgresChangeListener::checkConnection);
}

PostgresChangeListener::~PostgresChangeListener()
{
    stop();
}

Result<void> PostgresChangeListener::start()
{
    if (m_wanted)
        return {};
    if (auto listening = connectAndListen(); !listening)
        return listening;
    m_wanted = true;
    m_check.start();
    return {};
}

void PostgresChangeListener::stop()
{
    m_wanted = false;
    m_check.stop();
    m_debounce.stop();
    closeConnection();
}

Result<void> PostgresChangeListener::connectAndListen()
{
    const QString name = QStringLiteral("punctual-listen-%1").arg(++listenerCounter);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_location.host);
        db.setPort(m_location.port);
        db.setUserName(m_location.user);
        db.setDatabaseName(m_location.database);
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!db.isValid() || !db.open()) {
            failure = db.lastError().text();
        } else if (!db.driver()->subscribeToNotification(SqlDialect::changeChannel())) {
            failure = db.driver()->lastError().text();
        } else {
            connect(db.driver(), &QSqlDriver::notification, this, &PostgresChangeListener::onNotification);
        }
    }
    if (!failure.isEmpty()) {
        QSqlDatabase::removeDatabase(name);
        return Error{ErrorCode::StoreFailure,
                     ListenerText::tr("cannot listen for changes on %1: %2").arg(m_location.url(), failure)};
    }
    m_connectionName = name;
    qCDebug(lcListener) << "listening on" << m_location.url() << "as" << m_location.instanceId;
    return {};
}

void PostgresChangeListener::closeConnection()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid()) {
            disconnect(db.driver(), nullptr, this, nullptr);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

qint64 PostgresChangeListener::backendPid() const
{
    if (m_connectionName.isEmpty())
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT pg_backend_pid()")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

void PostgresChangeListener::checkConnection()
{
    if (!m_wanted)
        return;
    if (!m_connectionName.isEmpty()) {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery query(db);
        if (db.isValid() && db.isOpen() && query.exec(QStringLiteral("SELECT 1")))
            return;
        qCWarning(lcListener, "the connection listening for changes on %s was lost (%s): opening it again",
                  qPrintable(m_location.url()), qPrintable(query.lastError().text()));
        closeConnection();
    }
    if (auto listening = connectAndListen(); !listening) {
        qCDebug(lcListener) << "still cannot listen:" << listening.error().message;
        return; // tried again at the next check
    }
    qCInfo(lcListener, "listening for changes on %s again", qPrintable(m_location.url()));
    // Changes made while nobody listened were not heard: look at the store again.
    if (!m_debounce.isActive())
        m_debounce.start();
}

void PostgresChangeListener::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                            const QVariant &payload)
{
    // The payload is the writer's instance id: our own changes are already known here.
    if (name != SqlDialect::changeChannel() || payload.toString() == m_location.instanceId)
        return;
    if (!m_debounce.isActive())
        m_debounce.start();
}

} // namespace punctual
