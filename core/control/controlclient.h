// A synchronous client of a running instance's control server (punctualctl, a second punctual start).
#pragma once

#include "control/methods.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QDeadlineTimer;
class QElapsedTimer;
class QLocalSocket;

namespace punctual {

/**
 * Talks to the instance that holds a store (InstanceLock) over its local socket: one request, then its response,
 * blocking with timeouts (QLocalSocket's waitFor* functions: no event loop needed, so do not use it on the thread
 * that runs the server). Errors from the instance keep their ErrorCode (control::errorCodeFromName()); failures to
 * reach it, time-outs and a closed connection are Io errors that say which.
 */
class ControlClient final
{
public:
    static constexpr int connectTimeoutMs = 2000;
    /// Long enough for a store locked by another writer (5 s) and a big list; short enough to notice a hang.
    static constexpr int defaultTimeoutMs = 60000;
    /// As a time-out: wait as long as it takes.
    static constexpr int noTimeout = -1;
    /// As a call's time-out: the client's own (setTimeoutMs(), defaultTimeoutMs unless changed).
    static constexpr int clientTimeout = -2;

    ControlClient();
    ~ControlClient();
    Q_DISABLE_COPY_MOVE(ControlClient)

    /// Connects to the instance running on the store at @p storePath. NotFound (naming the store) when no instance
    /// holds it (no socket, or one left by a crash that nobody listens on); Io when one holds it but the
    /// connection failed (its backlog full within @p timeoutMs, another user's socket).
    Result<void> connectToStore(const QString &storePath, int timeoutMs = connectTimeoutMs);
    /// Connects to a server by its socket name or path; errors as connectToStore().
    Result<void> connectToServer(const QString &socketPath, int timeoutMs = connectTimeoutMs);
    bool isConnected() const;
    void disconnectFromServer();

    /// The instance's process id as the system reports the socket's peer (Linux), else from its last "ping".
    std::optional<qint64> peerPid() const { return m_peerPid; }

    /// Sends {"id","method","params"} and waits up to @p timeoutMs for the response; its "result" or its error.
    /// After a time-out or a broken response the connection is closed (a late answer could not be matched).
    Result<QJsonValue> call(const QString &method, const QJsonObject &params = {}, int timeoutMs = clientTimeout);
    /// call() by the method's row of the table (control::methods).
    Result<QJsonValue> call(control::Method method, const QJsonObject &params = {}, int timeoutMs = clientTimeout);
    /// "ping": the instance's {"pid","version","protocol"}; also learns the pid.
    Result<QJsonObject> ping(int timeoutMs = 5000);

    /// The time-out of calls that do not name one (noTimeout: wait as long as the instance takes).
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    /// @p notice is called once, the first time an answer has been awaited for @p afterMs (punctualctl then says
    /// on stderr that it is waiting for a busy instance rather than going around it).
    void setSlowAnswerNotice(int afterMs, std::function<void()> notice);

private:
    Result<QByteArray> readLine(const QDeadlineTimer &deadline, const QElapsedTimer &waited);
    /// Waits for the socket to have something to read (@p forRead) or to have written, at most until @p deadline, in slices that let
    /// the slow-answer notice be given on time.
    bool waitSlice(const QDeadlineTimer &deadline, const QElapsedTimer &waited, bool forRead);
    Error lost(const QString &what);

    std::unique_ptr<QLocalSocket> m_socket;
    QString m_target; ///< what error messages call the instance ("the Punctual instance on STORE")
    QByteArray m_buffer;
    std::optional<qint64> m_peerPid;
    qint64 m_nextId = 1;
    int m_timeoutMs = defaultTimeoutMs;
    int m_noticeAfterMs = -1;
    std::function<void()> m_notice; ///< cleared once given
};

} // namespace punctual
