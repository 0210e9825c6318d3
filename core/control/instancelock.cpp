// Taking and holding a store's instance socket.
#include "instancelock.h"

#include "control/protocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcInstance, "punctual.control.instance")

namespace punctual {

namespace {

class LockText
{
    Q_DECLARE_TR_FUNCTIONS(InstanceLock)
};

// How long a connection attempt to a possibly live instance may take. A local connect is answered by the kernel
// (not by the instance's event loop), so a live instance is found at once even when it is busy.
constexpr int probeTimeoutMs = 2000;
// The lock file only guards the few milliseconds of probe, remove and listen.
constexpr int guardTimeoutMs = 5000;

enum class Probe
{
    Nobody,    ///< no socket file
    Stale,     ///< a socket file nobody listens on
    Live,      ///< an instance of this user answers
    Foreign,   ///< someone else's socket under this name
};

struct ProbeResult
{
    Probe probe = Probe::Nobody;
    qint64 pid = -1;
    QString detail;
};

ProbeResult probe(const QString &socketPath)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (socket.waitForConnected(probeTimeoutMs)) {
        const auto peer = control::peerCredentials(socket.socketDescriptor());
        socket.abort();
        if (!control::isSameUser(peer))
            return {Probe::Foreign, peer ? peer->pid : -1, {}};
        return {Probe::Live, peer ? peer->pid : -1, {}};
    }
    const QLocalSocket::LocalSocketError error = socket.error();
    const QString detail = socket.errorString();
    socket.abort();
    switch (error) {
    case QLocalSocket::ServerNotFoundError:
        return {QFileInfo::exists(socketPath) ? Probe::Stale : Probe::Nobody, -1, detail};
    case QLocalSocket::ConnectionRefusedError:
        return {Probe::Stale, -1, detail};
    case QLocalSocket::SocketTimeoutError:
        // Accepted by nobody within the timeout but not refused: a live instance with a full backlog.
        return {Probe::Live, -1, detail};
    case QLocalSocket::SocketAccessError:
        return {Probe::Foreign, -1, detail};
    default:
        return {QFileInfo::exists(socketPath) ? Probe::Stale : Probe::Nobody, -1, detail};
    }
}

// The lock file next to the socket (a named pipe has no folder: then in the temporary folder).
QString guardPath(const QString &storePath, const QString &socketPath)
{
    if (QFileInfo(socketPath).isAbsolute())
        return socketPath + QStringLiteral(".lock");
    return QDir::temp().filePath(control::instanceName(storePath) + QStringLiteral(".lock"));
}

Error alreadyRunning(const QString &storePath, qint64 pid)
{
    if (pid > 0)
        return {ErrorCode::Conflict, LockText::tr("Punctual is already running on %1 (pid %2)").arg(storePath).arg(pid)};
    return {ErrorCode::Conflict, LockText::tr("Punctual is already running on %1").arg(storePath)};
}

} // namespace

InstanceLock::InstanceLock(QString storePath, QString socketPath, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
    , m_socketPath(std::move(socketPath))
    , m_server(new QLocalServer(this))
{
}

InstanceLock::~InstanceLock()
{
    // Closing removes the socket file: the next instance starts without a stale one.
    m_server->close();
    qCDebug(lcInstance) << "released" << m_socketPath;
}

Result<std::unique_ptr<InstanceLock>> InstanceLock::acquire(const QString &storePath, QObject *parent)
{
    const QString canonical = control::canonicalStorePath(storePath);
    const QString socketPath = control::instanceSocketPath(storePath);
    if (socketPath.isEmpty()) // no private folder for it
        return Error{ErrorCode::Io,
                     LockText::tr("no private folder for the instance socket: set XDG_RUNTIME_DIR to a folder that "
                                  "is yours alone (mode 0700), or make ~/.local/state/punctual/run so")};

    // Probe, remove and listen as one step: QLocalServer::listen() replaces an existing socket file, so two
    // instances starting together would otherwise both listen (and the second would hide the first).
    QLockFile guard(guardPath(storePath, socketPath));
    guard.setStaleLockTime(guardTimeoutMs * 2);
    if (!guard.tryLock(guardTimeoutMs)) {
        return Error{ErrorCode::Io, LockText::tr("cannot take the lock file %1 (for the instance on %2)")
                                        .arg(guardPath(storePath, socketPath), canonical)};
    }

    const ProbeResult found = probe(socketPath);
    switch (found.probe) {
    case Probe::Live:
        return alreadyRunning(canonical, found.pid);
    case Probe::Foreign:
        return Error{ErrorCode::Io, LockText::tr("the instance socket %1 for %2 belongs to another user")
                                        .arg(socketPath, canonical)};
    case Probe::Stale:
        qCInfo(lcInstance) << "removing the stale socket" << socketPath << "(" << found.detail << ")";
        if (!QLocalServer::removeServer(socketPath)) {
            return Error{ErrorCode::Io,
                         LockText::tr("cannot remove the stale instance socket %1 for %2").arg(socketPath, canonical)};
        }
        break;
    case Probe::Nobody:
        break;
    }

    std::unique_ptr<InstanceLock> lock(new InstanceLock(canonical, socketPath, parent));
    lock->m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!lock->m_server->listen(socketPath)) {
        return Error{ErrorCode::Io, LockText::tr("cannot listen on the instance socket %1 for %2: %3")
                                        .arg(socketPath, canonical, lock->m_server->errorString())};
    }
    qCDebug(lcInstance) << "holding" << socketPath << "for" << canonical;
    return lock;
}

std::optional<qint64> InstanceLock::runningInstancePid(const QString &storePath)
{
    const ProbeResult found = probe(control::instanceSocketPath(storePath));
    if (found.probe != Probe::Live)
        return std::nullopt;
    return found.pid;
}

} // namespace punctual
