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
 */
class PostgresChangeListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostgresChangeListener)

public:
    static constexpr int debounceMs = 200;

    explicit PostgresChangeListener(PostgresLocation location, QObject *parent = nullptr);
    ~PostgresChangeListener() override;

    /// Connects and subscribes; an error names the server when that fails.
    Result<void> start();
    void stop();
    bool isListening() const { return !m_connectionName.isEmpty(); }

signals:
    /// Another instance changed jobs.
    void changed();

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    PostgresLocation m_location;
    QString m_connectionName;
    QTimer m_debounce;
};

} // namespace punctual
