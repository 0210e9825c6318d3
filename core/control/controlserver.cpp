// The control server: connections, line framing and limits, and each request handed to its row of the methods table.
#include "controlserver.h"

#include "control/eventstream.h"
#include "control/methodhandlers.h"
#include "control/protocol.h"
#include "util/jsontext.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <utility>

#ifdef __GLIBC__
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcControl, "punctual.control.server")

namespace punctual {

namespace {

// Bytes taken from a socket per read, so one client's flood is looked at in bounded pieces.
constexpr qint64 readChunkBytes = 256 * 1024;

QJsonObject errorResponse(const QJsonValue &id, const QString &code, const QString &message)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("ok"), false},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

} // namespace

/// One connection: its socket, the bytes of a line not complete yet, and its idle timer.
class ControlServer::Client final : public QObject
{
public:
    explicit Client(QLocalSocket *socket, QObject *parent)
        : QObject(parent)
        , socket(socket)
    {
        socket->setParent(this);
        socket->setReadBufferSize(readChunkBytes);
        idle.setSingleShot(true);
        idle.setInterval(ControlServer::idleTimeoutMs);
        stalled.setSingleShot(true);
    }

    QLocalSocket *socket;
    QByteArray buffer;
    QTimer idle;
    QTimer stalled; ///< runs while flow control holds the client back and it reads nothing
    QList<Job> stagedImport; ///< an import's jobs sent so far (add_jobs with "more"), dropped with the connection
    bool subscribed = false; ///< gets the host's events (subscribe)
    bool wantsOutput = false; ///< and the run_output events
    bool isWindow = false;    ///< a window (punctual): "raise" is forwarded to it
    bool busy = false;    ///< serving a request now (guards against re-entry from nested event loops)
    bool closing = false; ///< told off: nothing more is read
};

ControlServer::ControlServer(Scheduler &scheduler, JobStore &store, QLocalServer *server, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_store(store)
    , m_server(server)
    , m_events(new EventStream(scheduler, this))
{
    connect(server, &QLocalServer::newConnection, this, &ControlServer::acceptConnections);
    connect(m_events, &EventStream::published, this, &ControlServer::push);
    // Answers to clients that left were freed, but glibc keeps freed heap for later: give it back to the system
    // once things are quiet, so the instance returns near its baseline after a burst of large answers.
    m_trimTimer = new QTimer(this);
    m_trimTimer->setSingleShot(true);
    m_trimTimer->setInterval(1000);
    connect(m_trimTimer, &QTimer::timeout, this, [] {
#ifdef __GLIBC__
        ::malloc_trim(0);
#endif
    });
    acceptConnections(); // any that came before we were there
}

qint64 ControlServer::pendingWriteBytes() const
{
    qint64 bytes = 0;
    for (const Client *client : m_clients)
        bytes += client->socket->bytesToWrite();
    return bytes;
}

int ControlServer::subscriberCount() const
{
    return static_cast<int>(std::count_if(m_clients.cbegin(), m_clients.cend(),
                                          [](const Client *client) { return client->subscribed && !client->closing; }));
}

void ControlServer::push(const QJsonObject &event, bool outputOnly)
{
    // Out now, not when the event loop comes round again (a due pass starting many runs takes a while, and a
    // window should see the first run start as it starts), but at most once a millisecond: a burst of 10,000
    // events is written in a few hundred pieces, not 10,000 system calls; the event loop writes the rest.
    const bool flush = !m_sinceFlush.isValid() || m_sinceFlush.elapsed() >= 1;
    if (flush)
        m_sinceFlush.start();
    QByteArray line;
    const QSet<Client *> clients = m_clients; // forget() may change the set
    for (Client *client : clients) {
        if (!client->subscribed || client->closing || (outputOnly && !client->wantsOutput))
            continue;
        if (line.isEmpty())
            line = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
        if (client->socket->state() != QLocalSocket::ConnectedState)
            continue;
        client->socket->write(line);
        if (flush)
            client->socket->flush();
        if (client->socket->bytesToWrite() > maxSubscriberBacklogBytes) {
            qCWarning(lcControl, "dropping a subscriber that has not read %lld bytes of events",
                      static_cast<long long>(client->socket->bytesToWrite()));
            client->closing = true;
            client->socket->abort();
            if (m_clients.contains(client))
                forget(client);
        }
    }
}

void ControlServer::forget(Client *client)
{
    m_clients.remove(client);
    client->deleteLater();
    m_trimTimer->start();
}

ControlServer::~ControlServer()
{
    if (m_server)
        disconnect(m_server.data(), nullptr, this, nullptr);
    const QSet<Client *> clients = std::exchange(m_clients, {});
    for (Client *client : clients) {
        client->socket->disconnect(); // its handlers would touch m_clients
        client->socket->abort();
        delete client;
    }
}

void ControlServer::acceptConnections()
{
    if (!m_server)
        return;
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (!control::isSameUser(control::peerCredentials(socket->socketDescriptor()))) {
            qCWarning(lcControl, "refused a connection from another user");
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *client = new Client(socket, this);
        m_clients.insert(client);
        connect(socket, &QLocalSocket::disconnected, client, [this, client] { forget(client); });
        if (m_clients.size() > maxClients) {
            qCWarning(lcControl, "refused a connection: %d clients are connected already", maxClients);
            reject(client, tr("too many clients are connected (at most %1)").arg(maxClients));
            continue;
        }
        connect(socket, &QLocalSocket::readyRead, client, [this, client] { serve(client); });
        connect(socket, &QLocalSocket::bytesWritten, client, [this, client] {
            client->stalled.stop(); // it reads: not stalled
            serve(client);
        });
        connect(&client->stalled, &QTimer::timeout, client, [this, client] {
            qCWarning(lcControl, "dropping a client that has not read its answers for %d ms (%lld bytes unsent)",
                      m_stallTimeoutMs, static_cast<long long>(client->socket->bytesToWrite()));
            client->closing = true;
            client->socket->abort(); // disconnectFromServer() would wait for the unsent answers
            if (m_clients.contains(client))
                forget(client);
        });
        connect(&client->idle, &QTimer::timeout, client, [client] {
            qCDebug(lcControl, "closing an idle connection");
            client->closing = true;
            client->socket->disconnectFromServer();
        });
        client->idle.start();
        if (socket->bytesAvailable() > 0)
            serve(client);
    }
}

void ControlServer::serve(Client *client)
{
    if (client->busy || client->closing)
        return;
    client->busy = true;
    for (;;) {
        // Flow control: a client that does not read its responses gets no more answers until it does, and is
        // dropped when it does not for the stall timeout.
        if (client->socket->bytesToWrite() > maxPendingWriteBytes) {
            if (!client->stalled.isActive())
                client->stalled.start(m_stallTimeoutMs);
            break;
        }
        qsizetype newline = client->buffer.indexOf('\n');
        while (newline < 0 && client->socket->bytesAvailable() > 0 && client->buffer.size() <= control::maxRequestBytes) {
            const qsizetype scanFrom = client->buffer.size();
            client->buffer += client->socket->read(readChunkBytes);
            newline = client->buffer.indexOf('\n', scanFrom);
        }
        if (newline < 0 || newline > control::maxRequestBytes) {
            if (client->buffer.size() > control::maxRequestBytes) {
                reject(client, tr("a request line is longer than %1 bytes").arg(control::maxRequestBytes));
                return; // closing: busy stays set, nothing more is served
            }
            break;
        }
        QByteArray line = client->buffer.left(newline);
        client->buffer.remove(0, newline + 1);
        if (!client->subscribed) // a subscriber stays connected without requests (events flow to it)
            client->idle.start();
        if (!serveLine(client, std::move(line)))
            return; // told off, or disconnected (and deleted) while the request was handled
    }
    client->busy = false;
}

bool ControlServer::serveLine(Client *client, QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument document = jsontext::parse(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        reject(client, tr("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
        return false;
    }
    if (!document.isObject()) {
        reject(client, tr("a request must be a JSON object"));
        return false;
    }
    // handle() calls the Scheduler API, whose signals may run anything (even a nested event loop).
    const QPointer<Client> alive(client);
    const QJsonObject response = handle(document.object(), client);
    if (!alive)
        return false;
    send(client, response);
    return true;
}

void ControlServer::reject(Client *client, const QString &message)
{
    qCWarning(lcControl, "closing a connection: %s", qPrintable(message));
    send(client, errorResponse(QJsonValue::Null, QString::fromLatin1(control::badRequestCode), message));
    client->closing = true;
    client->buffer.clear();
    client->idle.stop();
    // Pending responses (this error too) are written before the connection closes.
    client->socket->disconnectFromServer();
    if (client->socket->state() == QLocalSocket::UnconnectedState)
        forget(client);
}

void ControlServer::send(Client *client, const QJsonObject &response)
{
    if (client->socket->state() != QLocalSocket::ConnectedState)
        return;
    QByteArray bytes = QJsonDocument(response).toJson(QJsonDocument::Compact);
    bytes += '\n';
    client->socket->write(bytes);
}

QJsonObject ControlServer::handle(const QJsonObject &request, Client *client)
{
    const QJsonValue id = request.value(QStringLiteral("id"));
    const QJsonValue echoedId = id.isUndefined() ? QJsonValue(QJsonValue::Null) : id;
    const QJsonValue method = request.value(QStringLiteral("method"));
    if (!method.isString() || method.toString().isEmpty())
        return errorResponse(echoedId, QString::fromLatin1(control::badRequestCode),
                             tr("a request needs a \"method\" string"));
    const QJsonValue params = request.value(QStringLiteral("params"));
    if (!params.isUndefined() && !params.isNull() && !params.isObject())
        return errorResponse(echoedId, QString::fromLatin1(control::badRequestCode),
                             tr("\"params\" must be an object"));

    const QString name = method.toString();
    const control::MethodSpec *spec = control::findMethod(name);
    if (!spec)
        return errorResponse(echoedId, QString::fromLatin1(control::unknownMethodCode),
                             tr("unknown method \"%1\"").arg(name));
    qCDebug(lcControl) << "request" << name << (spec->effect == control::Effect::Changes ? "(changes the store)" : "");
    Result<QJsonValue> result = dispatch(*spec, params.toObject(), client);
    // A request may be the first to find the store gone (nothing was due): the scheduler reconnects from here.
    if (!result && result.error().code == ErrorCode::StoreUnavailable)
        m_scheduler.storeLost(result.error());
    if (!result)
        return errorResponse(echoedId, control::errorCodeName(result.error().code), result.error().message);
    return {{QStringLiteral("id"), echoedId}, {QStringLiteral("ok"), true}, {QStringLiteral("result"), result.value()}};
}

Result<QJsonValue> ControlServer::dispatch(const control::MethodSpec &method, const QJsonObject &params,
                                          Client *client)
{
    if (auto checked = control::checkParams(method, params); !checked)
        return checked.error();
    if (!m_origin.runsJobs && (method.method == control::Method::RunNow || method.method == control::Method::RunNowJobs))
        return Error{ErrorCode::Busy, tr("this computer runs no jobs of this store (its Punctual only manages them); "
                                         "the computers that run them do")};
    control::MethodContext context{m_scheduler, m_store, [this](bool show, const QString &jobId) { return raise(show, jobId); },
                                   client ? &client->stagedImport : nullptr, {}, {}, &m_origin,
                                   m_desktopNotifications};
    if (client) {
        const QPointer<Client> subscriber(client);
        context.subscribe = [this, subscriber](bool output, bool window) {
            if (subscriber) {
                subscriber->subscribed = true;
                subscriber->wantsOutput = output;
                subscriber->isWindow = window;
                // Events flow without requests: the idle timeout would close a quiet subscriber otherwise.
                subscriber->idle.stop();
            }
            return m_events->revision();
        };
    }
    context.shutdown = [this](bool stopRuns) { return requestShutdown(stopRuns); };
    return control::runMethod(method.method, context, params);
}

bool ControlServer::requestShutdown(bool stopRuns)
{
    const bool listened = isSignalConnected(QMetaMethod::fromSignal(&ControlServer::shutdownRequested));
    if (listened) // after this request's answer is sent
        QMetaObject::invokeMethod(this, [this, stopRuns] { emit shutdownRequested(stopRuns); }, Qt::QueuedConnection);
    return listened;
}

bool ControlServer::raise(bool show, const QString &jobId)
{
    // A window attached to this host (the usual case: the host is punctualctl run) is told to show itself.
    bool windows = false;
    for (Client *client : std::as_const(m_clients)) {
        if (!client->isWindow || !client->subscribed || client->closing)
            continue;
        windows = true;
        if (show) {
            QJsonObject event{{QStringLiteral("event"), QString::fromLatin1(control::events::raiseWindow)},
                              {QStringLiteral("revision"), static_cast<double>(m_events->revision())}};
            if (!jobId.isEmpty())
                event.insert(QStringLiteral("job_id"), jobId);
            client->socket->write(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
        }
    }
    if (windows)
        return true;
    const bool listened = isSignalConnected(QMetaMethod::fromSignal(&ControlServer::raiseRequested));
    if (show)
        emit raiseRequested();
    return listened;
}

} // namespace punctual
