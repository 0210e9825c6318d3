// Hears the NOTIFY that other instances of a shared PostgreSQL store send when they change jobs.
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

namespace punctual {

/**
 * LISTENs on the store's change channel (SqlDialect::changeChannel()) through a QPSQL connection of its own, so
 * the notifications are read by the driver's socket notifier on this thread's event loop: nothing is polled, and
 * an idle store costs nothing. Notifications sent by this instance (their payload is its instance id) are ignored;
 * a burst of others' is coalesced into one changed() after debounceMs.
 *
 * The driver says nothing when the connection drops (a server restart, pg_terminate_backend, a network cut), so
 * every checkIntervalMs the connection is asked a trivial query; when that fails it is opened and subscribed
 * again (retried at that interval while the server is away), and changed() follows, since notifications sent
 * meanwhile were lost.
 */
class PostgresChangeListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostgresChangeListener)

public:
    static constexpr int debounceMs = 200;
    static constexpr int defaultCheckIntervalMs = 5000;

    explicit PostgresChangeListener(PostgresLocation location, QObject *parent = nullptr);
    ~PostgresChangeListener() override;

    /// Connects and subscribes; an error names the server when that fails.
    Result<void> start();
    void stop();
    bool isListening() const { return !m_connectionName.isEmpty(); }
    /// How often the connection is checked (and, when lost, re-opened); tests shorten it.
    void setCheckIntervalMs(int ms) { m_check.setInterval(ms); }
    /// The server's process id of the listening connection (pg_backend_pid()), 0 when not listening.
    qint64 backendPid() const;

signals:
    /// Another instance changed jobs.
    void changed();

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    Result<void> connectAndListen();
    void closeConnection();
    /// The periodic check: re-opens a lost connection.
    void checkConnection();

    PostgresLocation m_location;
    QString m_connectionName;
    QTimer m_debounce;
    QTimer m_check;
    bool m_wanted = false; ///< started and not stopped: a lost connection is re-opened
};

} // namespace punctual
