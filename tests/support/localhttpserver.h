// A small HTTP/1.1 server for tests, on 127.0.0.1 only: fixed paths that answer fast, slowly, with an error, with
// a redirect, never, or with a few megabytes, and a record of every request it received.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace punctual::test {

/// A request as the server read it.
struct ReceivedRequest
{
    QByteArray method;
    QByteArray target;                    ///< path and query, as sent
    QMap<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
};

/**
 * Paths (one request per connection: every answer says "Connection: close"):
 * - `/ok`: 200, body "ok\n".
 * - `/slow?ms=N`: 200 after N ms (default 300), delayed by a timer; the body names the delay.
 * - `/status/N`: status N with a short body.
 * - `/redirect`: 302 to `/ok`; `/redirect-loop`: 302 to itself.
 * - `/hang`: reads the request and never answers.
 * - `/big?mb=N`: N MiB (default 4) written in 64 KiB pieces as the client reads them (Content-Length given).
 * - `/flaky?n=N`: 503 for the first N requests to it (default 1), then 200.
 * - `/echo`: 200, the body is "METHOD\ncontent type\n\n" and the request body; a HEAD gets the headers only.
 * - anything else: 404.
 *
 * pending() counts requests received and not answered yet; maxPending() is the most there ever were at once, so a
 * test sees how many requests a client really had in flight.
 */
class LocalHttpServer
{
public:
    LocalHttpServer() = default;
    LocalHttpServer(const LocalHttpServer &) = delete;
    LocalHttpServer &operator=(const LocalHttpServer &) = delete;
    ~LocalHttpServer()
    {
        // Before the members go: a socket deleted with the server would report its disconnection to them.
        const QList<QTcpSocket *> sockets = m_connections.keys();
        for (QTcpSocket *socket : sockets) {
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            delete socket;
        }
    }

    bool start()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                accept(socket);
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    /// "http://127.0.0.1:PORT" + @p path.
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
    }

    const QList<ReceivedRequest> &requests() const { return m_requests; }
    int pending() const { return m_pending; }
    int maxPending() const { return m_maxPending; }
    /// Connections closed by the client before an answer (a client abort or timeout).
    int abandoned() const { return m_abandoned; }

private:
    struct Connection
    {
        QByteArray buffer;
        bool received = false; ///< the whole request is in
        bool answered = false;
        qint64 bigLeft = 0; ///< bytes of a /big body still to write
    };

    void accept(QTcpSocket *socket)
    {
        m_connections.insert(socket, Connection{});
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onReadyRead(socket); });
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket] { onBytesWritten(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            const Connection connection = m_connections.take(socket);
            if (connection.received && !connection.answered) {
                --m_pending;
                ++m_abandoned;
            }
            socket->deleteLater();
        });
    }

    void onReadyRead(QTcpSocket *socket)
    {
        Connection &connection = m_connections[socket];
        connection.buffer += socket->readAll();
        if (connection.received)
            return;
        const qsizetype headerEnd = connection.buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        ReceivedRequest request;
        const QList<QByteArray> lines = connection.buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (connection.buffer.size() < headerEnd + 4 + length)
            return; // the body is still coming
        request.body = connection.buffer.mid(headerEnd + 4, length);
        connection.received = true;
        m_requests.append(request);
        m_maxPending = std::max(m_maxPending, ++m_pending);
        route(socket, request);
    }

    void route(QTcpSocket *socket, const ReceivedRequest &request)
    {
        const QUrl url(QString::fromLatin1(request.target));
        const QUrlQuery query(url);
        const QString path = url.path();
        const bool head = request.method == "HEAD";
        if (path == QLatin1String("/ok")) {
            answer(socket, head, 200, "OK", "ok\n");
        } else if (path == QLatin1String("/slow")) {
            const int ms = query.hasQueryItem(QStringLiteral("ms")) ? query.queryItemValue(QStringLiteral("ms")).toInt()
                                                                    : 300;
            QTimer::singleShot(ms, socket, [this, socket, head, ms] {
                answer(socket, head, 200, "OK", "slept " + QByteArray::number(ms) + " ms\n");
            });
        } else if (path.startsWith(QLatin1String("/status/"))) {
            const int status = path.mid(8).toInt();
            answer(socket, head, status, status >= 500 ? "Internal Server Error" : "Status",
                   "status " + QByteArray::number(status) + "\n");
        } else if (path == QLatin1String("/redirect")) {
            answer(socket, head, 302, "Found", "see /ok\n", "Location: /ok\r\n");
        } else if (path == QLatin1String("/redirect-loop")) {
            answer(socket, head, 302, "Found", "again\n", "Location: /redirect-loop\r\n");
        } else if (path == QLatin1String("/hang")) {
            // Never answers: the client's timeout or abort has to end it.
        } else if (path == QLatin1String("/big")) {
            const qint64 mb = query.hasQueryItem(QStringLiteral("mb")) ? query.queryItemValue(QStringLiteral("mb")).toLongLong()
                                                                       : 4;
            const qint64 size = mb * 1024 * 1024;
            Connection &connection = m_connections[socket];
            connection.answered = true;
            --m_pending;
            connection.bigLeft = head ? 0 : size;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                          + QByteArray::number(size) + "\r\nConnection: close\r\n\r\n");
            if (head)
                socket->disconnectFromHost();
            else
                onBytesWritten(socket);
        } else if (path == QLatin1String("/flaky")) {
            const int failures = query.hasQueryItem(QStringLiteral("n")) ? query.queryItemValue(QStringLiteral("n")).toInt()
                                                                         : 1;
            if (++m_flakyCount <= failures)
                answer(socket, head, 503, "Service Unavailable", "not yet\n");
            else
                answer(socket, head, 200, "OK", "ok now\n");
        } else if (path == QLatin1String("/echo")) {
            answer(socket, head, 200, "OK",
                   request.method + "\n" + request.headers.value("content-type") + "\n\n" + request.body);
        } else {
            answer(socket, head, 404, "Not Found", "no such path\n");
        }
    }

    void answer(QTcpSocket *socket, bool head, int status, const QByteArray &reason, const QByteArray &body,
                const QByteArray &extraHeaders = {})
    {
        const auto found = m_connections.find(socket);
        if (found == m_connections.end() || found->answered) // gone (the client hung up) or answered already
            return;
        found->answered = true;
        --m_pending;
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " " + reason + "\r\nContent-Type: text/plain\r\n"
                      + "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders
                      + "Connection: close\r\n\r\n" + (head ? QByteArray() : body));
        socket->disconnectFromHost(); // after the bytes are written
    }

    void onBytesWritten(QTcpSocket *socket)
    {
        const auto found = m_connections.find(socket);
        if (found == m_connections.end() || found->bigLeft <= 0)
            return;
        Connection &connection = *found;
        // Keep a little queued, so the body is produced as fast as the client reads it and no faster.
        static const QByteArray piece(64 * 1024, 'x');
        while (connection.bigLeft > 0 && socket->bytesToWrite() < 4 * piece.size()) {
            const qint64 n = std::min<qint64>(connection.bigLeft, piece.size());
            socket->write(piece.constData(), n);
            connection.bigLeft -= n;
        }
        if (connection.bigLeft == 0)
            socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<ReceivedRequest> m_requests;
    int m_pending = 0;
    int m_maxPending = 0;
    int m_abandoned = 0;
    int m_flakyCount = 0;
};

} // namespace punctual::test
