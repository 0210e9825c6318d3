// The synchronous control client: connect, one request line out, one response line back.
#include "controlclient.h"

#include "control/protocol.h"
#include "util/jsontext.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocalSocket>

#include <limits>
#include <utility>

namespace punctual {

namespace {

class ClientText
{
    Q_DECLARE_TR_FUNCTIONS(ControlClient)
};

QString seconds(int ms)
{
    return QString::number(static_cast<double>(ms) / 1000.0);
}

} // namespace

ControlClient::ControlClient()
    : m_socket(std::make_unique<QLocalSocket>())
{
}

ControlClient::~ControlClient()
{
    m_socket->abort();
}

Result<void> ControlClient::connectToStore(const QString &storePath, int timeoutMs)
{
    if (auto connected = connectToServer(control::instanceSocketPath(storePath), timeoutMs); !connected) {
        return Error{connected.error().code, ClientText::tr("no Punctual instance answers on %1: %2")
                                                 .arg(control::canonicalStorePath(storePath), connected.error().message)};
    }
    m_target = ClientText::tr("the Punctual instance on %1").arg(control::canonicalStorePath(storePath));
    return {};
}

Result<void> ControlClient::connectToServer(const QString &socketPath, int timeoutMs)
{
    m_socket->abort();
    m_buffer.clear();
    m_peerPid.reset();
    m_target = ClientText::tr("the Punctual instance at %1").arg(socketPath);
    m_socket->connectToServer(socketPath);
    if (!m_socket->waitForConnected(timeoutMs)) {
        const QString reason = m_socket->errorString();
        // No socket file, or one nobody listens on (left by a crash): no instance holds the store. Anything else
        // (a full backlog: the instance is there but busy) is not a reason to go around it.
        const QLocalSocket::LocalSocketError error = m_socket->error();
        const bool nobodyListens = error == QLocalSocket::ServerNotFoundError
                                   || error == QLocalSocket::ConnectionRefusedError;
        m_socket->abort();
        return Error{nobodyListens ? ErrorCode::NotFound : ErrorCode::Io, reason};
    }
    const auto peer = control::peerCredentials(m_socket->socketDescriptor());
    if (!control::isSameUser(peer)) {
        m_socket->abort();
        return Error{ErrorCode::Io, ClientText::tr("%1 belongs to another user").arg(socketPath)};
    }
    if (peer)
        m_peerPid = peer->pid;
    return {};
}

bool ControlClient::isConnected() const
{
    return m_socket->state() == QLocalSocket::ConnectedState;
}

void ControlClient::disconnectFromServer()
{
    m_socket->abort();
    m_buffer.clear();
}

Error ControlClient::lost(const QString &what)
{
    m_socket->abort();
    m_buffer.clear();
    return {ErrorCode::Io, what};
}

void ControlClient::setSlowAnswerNotice(int afterMs, std::function<void()> notice)
{
    m_noticeAfterMs = afterMs;
    m_notice = std::move(notice);
}

bool ControlClient::waitSlice(const QDeadlineTimer &deadline, const QElapsedTimer &waited, bool forRead)
{
    constexpr qint64 foreverSliceMs = 60 * 60 * 1000;
    qint64 sliceMs = deadline.isForever() ? foreverSliceMs : std::max<qint64>(1, deadline.remainingTime());
    if (m_notice) {
        const qint64 untilNotice = m_noticeAfterMs - waited.elapsed();
        if (untilNotice <= 0) {
            const auto notice = std::exchange(m_notice, {});
            notice();
        } else {
            sliceMs = std::min(sliceMs, untilNotice);
        }
    }
    const int ms = static_cast<int>(std::min<qint64>(sliceMs, std::numeric_limits<int>::max()));
    return forRead ? m_socket->waitForReadyRead(ms) : m_socket->waitForBytesWritten(ms);
}

Result<QByteArray> ControlClient::readLine(const QDeadlineTimer &deadline, const QElapsedTimer &waited)
{
    qsizetype scanned = 0;
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', scanned);
        if (newline >= 0) {
            QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            return line;
        }
        scanned = m_buffer.size();
        if (m_buffer.size() > control::maxResponseBytes)
            return lost(ClientText::tr("%1 sent an answer longer than %2 bytes").arg(m_target).arg(control::maxResponseBytes));
        if (m_socket->bytesAvailable() > 0) {
            m_buffer += m_socket->readAll();
            continue;
        }
        if (m_socket->state() != QLocalSocket::ConnectedState)
            return lost(ClientText::tr("%1 closed the connection before it answered").arg(m_target));
        if (deadline.hasExpired())
            return lost(ClientText::tr("%1 did not answer within %2 s")
                            .arg(m_target, seconds(static_cast<int>(waited.elapsed()))));
        if (!waitSlice(deadline, waited, true)) {
            if (m_socket->bytesAvailable() > 0)
                continue;
            if (m_socket->state() != QLocalSocket::ConnectedState || m_socket->error() != QLocalSocket::SocketTimeoutError)
                return lost(ClientText::tr("%1 closed the connection before it answered").arg(m_target));
        }
    }
}

Result<QJsonValue> ControlClient::call(const QString &method, const QJsonObject &params, int timeoutMs)
{
    if (!isConnected())
        return Error{ErrorCode::Io, ClientText::tr("not connected to a Punctual instance")};
    const qint64 id = m_nextId++;
    const QJsonObject request{
        {QStringLiteral("id"), static_cast<double>(id)},
        {QStringLiteral("method"), method},
        {QStringLiteral("params"), params},
    };
    QByteArray bytes = QJsonDocument(request).toJson(QJsonDocument::Compact);
    bytes += '\n';
    if (bytes.size() > control::maxRequestBytes)
        return invalidInput(ClientText::tr("the request is too large for the Punctual instance (more than %1 bytes)")
                                .arg(control::maxRequestBytes));

    if (timeoutMs == clientTimeout)
        timeoutMs = m_timeoutMs;
    const QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs));
    QElapsedTimer waited;
    waited.start();
    if (m_socket->write(bytes) != bytes.size())
        return lost(ClientText::tr("cannot send to %1: %2").arg(m_target, m_socket->errorString()));
    while (m_socket->bytesToWrite() > 0) {
        if (deadline.hasExpired() || !waitSlice(deadline, waited, false)) {
            if (m_socket->bytesToWrite() == 0)
                break;
            if (!deadline.hasExpired() && m_socket->state() == QLocalSocket::ConnectedState
                && m_socket->error() == QLocalSocket::SocketTimeoutError)
                continue; // a slice ended (the notice was given): keep waiting
            return lost(ClientText::tr("cannot send to %1: %2").arg(m_target, m_socket->errorString()));
        }
    }

    auto line = readLine(deadline, waited);
    if (!line)
        return line.error();
    QJsonParseError parseError;
    const QJsonDocument document = jsontext::parse(line.value(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return lost(ClientText::tr("%1 sent an answer that is not a JSON object").arg(m_target));
    const QJsonObject response = document.object();
    const QJsonValue responseId = response.value(QStringLiteral("id"));
    if (!response.value(QStringLiteral("ok")).toBool(false)) {
        const Error error = control::errorFromWire(response.value(QStringLiteral("error")).toObject());
        if (responseId.isNull()) // a connection-level refusal: the server closes the connection
            m_socket->abort();
        return error;
    }
    if (responseId.toDouble(-1) != static_cast<double>(id))
        return lost(ClientText::tr("%1 answered another request").arg(m_target));
    return response.value(QStringLiteral("result"));
}

Result<QJsonValue> ControlClient::call(control::Method method, const QJsonObject &params, int timeoutMs)
{
    return call(control::methodName(method), params, timeoutMs);
}

Result<QJsonObject> ControlClient::ping(int timeoutMs)
{
    auto pong = call(control::Method::Ping, {}, timeoutMs);
    if (!pong)
        return pong.error();
    const QJsonObject info = pong.value().toObject();
    if (!m_peerPid && info.value(QStringLiteral("pid")).isDouble())
        m_peerPid = static_cast<qint64>(info.value(QStringLiteral("pid")).toDouble());
    return info;
}

} // namespace punctual
