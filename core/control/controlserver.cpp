// The control server: connections, line framing and limits, and the methods mapped onto the Scheduler API.
#include "controlserver.h"

#include "control/protocol.h"
#include "scheduler/scheduler.h"
#include "store/jobstore.h"
#include "triggers/trigger.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>
#include <QTimer>

#include <utility>

Q_LOGGING_CATEGORY(lcControl, "punctual.control.server")

namespace punctual {

namespace {

class ServerText
{
    Q_DECLARE_TR_FUNCTIONS(ControlServer)
};

// Bytes taken from a socket per read, so one client's flood is looked at in bounded pieces.
constexpr qint64 readChunkBytes = 256 * 1024;

Error badParams(const QString &message)
{
    return invalidInput(message);
}

Result<QString> requireString(const QJsonObject &params, const char *key)
{
    const QJsonValue value = params.value(QLatin1String(key));
    if (!value.isString())
        return badParams(ServerText::tr("params.%1 must be a string").arg(QLatin1String(key)));
    return value.toString();
}

Result<std::shared_ptr<const Trigger>> triggerParam(const QJsonValue &value)
{
    if (!value.isObject())
        return badParams(ServerText::tr("params.trigger must be an object (a trigger's JSON)"));
    auto trigger = Trigger::fromJson(value.toObject());
    if (!trigger)
        return trigger.error();
    return std::shared_ptr<const Trigger>(std::move(trigger).value());
}

QString stateName(Scheduler::State state)
{
    switch (state) {
    case Scheduler::State::Stopped: return QStringLiteral("stopped");
    case Scheduler::State::Running: return QStringLiteral("running");
    case Scheduler::State::Paused: return QStringLiteral("paused");
    case Scheduler::State::ShuttingDown: return QStringLiteral("shutting_down");
    }
    return {};
}

template <typename T>
Result<QJsonValue> jobResult(const Result<T> &job)
{
    if (!job)
        return job.error();
    return QJsonValue(control::jobToWire(job.value()));
}

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
    }

    QLocalSocket *socket;
    QByteArray buffer;
    QTimer idle;
    bool busy = false;    ///< serving a request now (guards against re-entry from nested event loops)
    bool closing = false; ///< told off: nothing more is read
};

ControlServer::ControlServer(Scheduler &scheduler, JobStore &store, QLocalServer *server, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_store(store)
    , m_server(server)
{
    connect(server, &QLocalServer::newConnection, this, &ControlServer::acceptConnections);
    acceptConnections(); // any that came before we were there
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
        connect(socket, &QLocalSocket::disconnected, client, [this, client] {
            m_clients.remove(client);
            client->deleteLater();
        });
        if (m_clients.size() > maxClients) {
            qCWarning(lcControl, "refused a connection: %d clients are connected already", maxClients);
            reject(client, tr("too many clients are connected (at most %1)").arg(maxClients));
            continue;
        }
        connect(socket, &QLocalSocket::readyRead, client, [this, client] { serve(client); });
        connect(socket, &QLocalSocket::bytesWritten, client, [this, client] { serve(client); });
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
        // Flow control: a client that does not read its responses gets no more answers until it does.
        if (client->socket->bytesToWrite() > maxPendingWriteBytes)
            break;
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
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
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
    const QJsonObject response = handle(document.object());
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
    if (client->socket->state() == QLocalSocket::UnconnectedState) {
        m_clients.remove(client);
        client->deleteLater();
    }
}

void ControlServer::send(Client *client, const QJsonObject &response)
{
    if (client->socket->state() != QLocalSocket::ConnectedState)
        return;
    QByteArray bytes = QJsonDocument(response).toJson(QJsonDocument::Compact);
    bytes += '\n';
    client->socket->write(bytes);
}

QJsonObject ControlServer::handle(const QJsonObject &request)
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

    static const QSet<QString> methods{
        QStringLiteral("ping"),   QStringLiteral("status"),     QStringLiteral("add"),
        QStringLiteral("list"),   QStringLiteral("show"),       QStringLiteral("pause"),
        QStringLiteral("resume"), QStringLiteral("modify"),     QStringLiteral("reschedule"),
        QStringLiteral("remove"), QStringLiteral("remove_all"), QStringLiteral("run_now"),
        QStringLiteral("history"), QStringLiteral("raise"),      QStringLiteral("add_jobs"),
    };
    const QString name = method.toString();
    if (!methods.contains(name))
        return errorResponse(echoedId, QString::fromLatin1(control::unknownMethodCode),
                             tr("unknown method \"%1\"").arg(name));
    qCDebug(lcControl) << "request" << name;
    Result<QJsonValue> result = dispatch(name, params.toObject());
    if (!result)
        return errorResponse(echoedId, control::errorCodeName(result.error().code), result.error().message);
    return {{QStringLiteral("id"), echoedId}, {QStringLiteral("ok"), true}, {QStringLiteral("result"), result.value()}};
}

QJsonObject ControlServer::status() const
{
    QJsonObject json{
        {QStringLiteral("pid"), static_cast<double>(QCoreApplication::applicationPid())},
        {QStringLiteral("version"), QStringLiteral(PUNCTUAL_VERSION)},
        {QStringLiteral("protocol"), control::protocolVersion},
    };
    return json;
}

Result<QJsonValue> ControlServer::dispatch(const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("ping"))
        return QJsonValue(status());

    if (method == QLatin1String("status")) {
        QJsonObject json = status();
        json.insert(QStringLiteral("store"), m_store.describe());
        json.insert(QStringLiteral("state"), stateName(m_scheduler.state()));
        auto count = m_store.jobCount();
        if (!count)
            return count.error();
        json.insert(QStringLiteral("jobs"), count.value());
        json.insert(QStringLiteral("running"), m_scheduler.runningCount());
        return QJsonValue(json);
    }

    if (method == QLatin1String("add")) {
        // The job's JSON as Job::toJson() writes it, either as params itself or under "job".
        const QJsonObject jobJson = params.value(QStringLiteral("job")).isObject()
            ? params.value(QStringLiteral("job")).toObject()
            : params;
        const QJsonValue replace = params.value(QStringLiteral("replace"));
        if (!replace.isUndefined() && !replace.isNull() && !replace.isBool())
            return badParams(tr("params.replace must be true or false"));
        auto job = Job::fromJson(jobJson, false);
        if (!job)
            return job.error();
        return jobResult(m_scheduler.addJob(std::move(job).value(), replace.toBool(false) ? ConflictPolicy::Replace : ConflictPolicy::Fail));
    }

    if (method == QLatin1String("add_jobs")) {
        // An import: every job is read first; then all are added in one store transaction, or none.
        const QJsonValue jobsValue = params.value(QStringLiteral("jobs"));
        if (!jobsValue.isArray())
            return badParams(tr("params.jobs must be an array of jobs"));
        const QJsonValue replace = params.value(QStringLiteral("replace"));
        if (!replace.isUndefined() && !replace.isNull() && !replace.isBool())
            return badParams(tr("params.replace must be true or false"));
        const QJsonArray array = jobsValue.toArray();
        QList<Job> jobs;
        jobs.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject())
                return badParams(tr("params.jobs[%1] must be an object (a job's JSON)").arg(i));
            auto job = Job::fromJson(array.at(i).toObject(), false);
            if (!job)
                return invalidInput(QStringLiteral("jobs[%1]: %2").arg(i).arg(job.error().message));
            jobs.append(std::move(job).value());
        }
        auto added = m_scheduler.addJobs(std::move(jobs), replace.toBool(false) ? ConflictPolicy::Replace : ConflictPolicy::Fail);
        if (!added)
            return added.error();
        QJsonArray result;
        for (const Job &job : std::as_const(added.value()))
            result.append(control::jobToWire(job));
        return QJsonValue(result);
    }

    if (method == QLatin1String("list")) {
        auto jobs = m_scheduler.jobs();
        if (!jobs)
            return jobs.error();
        QJsonArray array;
        for (const Job &job : std::as_const(jobs.value()))
            array.append(control::jobToWire(job));
        return QJsonValue(array);
    }

    if (method == QLatin1String("history")) {
        const QJsonValue jobId = params.value(QStringLiteral("job_id"));
        if (!jobId.isUndefined() && !jobId.isNull() && !jobId.isString())
            return badParams(tr("params.job_id must be a string"));
        const QJsonValue limitValue = params.value(QStringLiteral("limit"));
        int limit = 100;
        if (!limitValue.isUndefined() && !limitValue.isNull()) {
            const double n = limitValue.toDouble(-1);
            if (!limitValue.isDouble() || n < 1 || n > 1e9 || n != static_cast<double>(static_cast<int>(n)))
                return badParams(tr("params.limit must be a whole number of at least 1"));
            limit = static_cast<int>(n);
        }
        const QJsonValue minIdValue = params.value(QStringLiteral("min_id"));
        if (!minIdValue.isUndefined() && !minIdValue.isNull() && !minIdValue.isDouble())
            return badParams(tr("params.min_id must be a number"));
        const auto minId = static_cast<std::int64_t>(minIdValue.toDouble(0));
        // With min_id the newest runs are filtered, so a busy job's newer runs cannot push the wanted one out.
        auto runs = m_scheduler.history(jobId.toString(), minId > 0 ? -1 : limit);
        if (!runs)
            return runs.error();
        QJsonArray array;
        for (const RunRecord &run : std::as_const(runs.value())) {
            if (run.id < minId)
                break; // newest first: the rest are older
            if (array.size() >= limit)
                break;
            array.append(control::runToWire(run));
        }
        return QJsonValue(array);
    }

    if (method == QLatin1String("remove_all")) {
        auto removed = m_scheduler.removeAllJobs();
        if (!removed)
            return removed.error();
        return QJsonValue(QJsonObject{{QStringLiteral("removed"), removed.value()}});
    }

    if (method == QLatin1String("raise")) {
        const bool listened = isSignalConnected(QMetaMethod::fromSignal(&ControlServer::raiseRequested));
        emit raiseRequested();
        return QJsonValue(QJsonObject{{QStringLiteral("raised"), listened}});
    }

    // The rest act on one job: show, pause, resume, remove, run_now, reschedule, modify.
    auto idParam = requireString(params, "id");
    if (!idParam)
        return idParam.error();
    const QString id = idParam.value();

    if (method == QLatin1String("show"))
        return jobResult(m_scheduler.job(id));
    if (method == QLatin1String("pause"))
        return jobResult(m_scheduler.pauseJob(id));
    if (method == QLatin1String("resume"))
        return jobResult(m_scheduler.resumeJob(id));
    if (method == QLatin1String("remove")) {
        if (auto removed = m_scheduler.removeJob(id); !removed)
            return removed.error();
        return QJsonValue(QJsonValue::Null);
    }
    if (method == QLatin1String("run_now")) {
        auto run = m_scheduler.runJobNow(id);
        if (!run)
            return run.error();
        return QJsonValue(control::runToWire(run.value()));
    }
    if (method == QLatin1String("reschedule")) {
        auto trigger = triggerParam(params.value(QStringLiteral("trigger")));
        if (!trigger)
            return trigger.error();
        return jobResult(m_scheduler.rescheduleJob(id, trigger.value()));
    }

    // modify: any subset of name, trigger, action, options (option keys not given keep their values).
    JobChanges changes;
    const QJsonValue name = params.value(QStringLiteral("name"));
    if (!name.isUndefined()) {
        if (!name.isString())
            return badParams(tr("params.name must be a string"));
        changes.name = name.toString();
    }
    if (params.contains(QStringLiteral("trigger"))) {
        auto trigger = triggerParam(params.value(QStringLiteral("trigger")));
        if (!trigger)
            return trigger.error();
        changes.trigger = trigger.value();
    }
    if (params.contains(QStringLiteral("action"))) {
        const QJsonValue action = params.value(QStringLiteral("action"));
        if (!action.isObject())
            return badParams(tr("params.action must be an object (an action's JSON)"));
        auto parsed = actionFromJson(action.toObject());
        if (!parsed)
            return parsed.error();
        changes.action = std::move(parsed).value();
    }
    if (params.contains(QStringLiteral("options"))) {
        const QJsonValue options = params.value(QStringLiteral("options"));
        if (!options.isObject())
            return badParams(tr("params.options must be an object (job option keys)"));
        auto current = m_scheduler.job(id);
        if (!current)
            return current.error();
        QJsonObject merged;
        current->options.writeJson(merged);
        const QJsonObject given = options.toObject();
        for (auto it = given.begin(); it != given.end(); ++it)
            merged.insert(it.key(), it.value());
        auto parsed = JobOptions::fromJson(merged);
        if (!parsed)
            return parsed.error();
        changes.options = parsed.value();
    }
    if (!changes.name && !changes.trigger && !changes.action && !changes.options)
        return badParams(tr("nothing to change: give name, trigger, action or options"));
    return jobResult(m_scheduler.modifyJob(id, changes));
}

} // namespace punctual
