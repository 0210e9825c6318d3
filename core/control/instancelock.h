// One scheduling instance per user and store: whoever schedules a store holds its local socket.
#pragma once

#include "util/result.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QLocalServer;

namespace punctual {

/**
 * The right to schedule one store. It is the listening QLocalServer of the store's instance socket
 * (control::instanceSocketPath(): "punctual-UID-HASH", the hash of the canonical store path), made reachable by the
 * same user only (QLocalServer::UserAccessOption, mode 0700). Whoever runs a scheduler on a store holds it: the
 * window app `punctual` and the headless `punctualctl run`. ControlServer serves the Scheduler API on its server().
 *
 * acquire() decides under a short-lived lock file (so two instances starting at once cannot both win): a socket
 * that accepts a connection belongs to a live instance, so the store is taken (a Conflict naming the store and the
 * holder's pid); a socket file nobody listens on was left by a crash and is removed and taken over.
 * Destroying the lock closes the server and removes the socket file.
 */
class InstanceLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstanceLock)

public:
    /// Takes the lock of the store at @p storePath (a file that need not exist yet). Errors: Conflict "Punctual is
    /// already running on STORE (pid N)" when a live instance holds it; Io when the socket cannot be made.
    static Result<std::unique_ptr<InstanceLock>> acquire(const QString &storePath, QObject *parent = nullptr);
    /// The pid of the instance running on @p storePath, or nothing when none answers (or the system cannot tell
    /// the pid of a live one: then -1).
    static std::optional<qint64> runningInstancePid(const QString &storePath);

    ~InstanceLock() override;

    /// The listening server (owned by the lock); hand it to ControlServer.
    QLocalServer *server() const { return m_server; }
    /// The store, as every process names it (control::canonicalStorePath()).
    QString storePath() const { return m_storePath; }
    QString socketPath() const { return m_socketPath; }

private:
    InstanceLock(QString storePath, QString socketPath, QObject *parent);

    QString m_storePath;
    QString m_socketPath;
    QLocalServer *m_server = nullptr;
};

} // namespace punctual
