// SchedulerClient: requests with callbacks and the host's events, over one local socket.
#include "schedulerclient.h"

#include "control/eventstream.h"
#include "control/protocol.h"
#include "time/isotime.h"
#include "triggers/trigger.h"
#include "util/jsontext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QScopedValueRollback>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcClient, "punctual.control.client")

namespace punctual {

namespace {

class ClientText
{
    Q_DECLARE_TR_FUNCTIONS(SchedulerClient)
};

constexpr int maxReconnectDelayMs = 5000;
/// How long one turn of the event loop may spend applying the host's lines.
constexpr int maxSliceMs = 15;

Error notConnected()
{
    return {ErrorCode::Io, ClientText::tr("not connected to the Punctual scheduler")};
}

Error badAnswer(const QString &what)
{
    return {ErrorCode::Io, ClientText::tr("the Punctual scheduler sent a bad answer: %1").arg(what)};
}

QJsonArray idArray(const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids)
        array.append(id);
    return array;
}

// Adapters from a raw answer to the callback's type.
template <typename T>
SchedulerClient::Reply<QJsonValue> asItem(SchedulerClient::Reply<T> done)
{
    return [done = std::move(done)](Result<QJsonValue> answer) {
        if (!answer)
            return done(answer.error());
        auto item = control::fromWire<T>(answer.value().toObject());
        if (!item)
            return done(badAnswer(item.error().message));
        done(std::move(item));
    };
}

template <typename T>
SchedulerClient::Reply<QJsonValue> asList(SchedulerClient::Reply<QList<T>> done)
{
    return [done = std::move(done)](Result<QJsonValue> answer) {
        if (!answer)
            return done(answer.error());
        if (!answer.value().isArray())
            return done(badAnswer(ClientText::tr("a list was expected")));
        auto items = control::listFromWire<T>(answer.value().toArray());
        if (!items)
            return done(badAnswer(items.error().message));
        done(std::move(items));
    };
}

SchedulerClient::Reply<QJsonValue> asCount(const QString &key, SchedulerClient::Reply<int> done)
{
    return [key, done = std::move(done)](Result<QJsonValue> answer) {
        if (!answer)
            return done(answer.error());
        done(answer.value().toObject().value(key).toInt(0));
    };
}

} // namespace

SchedulerClient::SchedulerClient(QString storePath, QObject *parent)
    : QObject(parent)
    , m_socketPath(storePath.isEmpty() ? QString() : control::instanceSocketPath(storePath))
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &SchedulerClient::openSocket);
    // The missed-runs reports are the host's: read again on each connection, gone with it.
    connect(this, &SchedulerClient::hostConnectedChanged, this, [this](bool connected) {
        if (connected) {
            fetchMissedRuns();
        } else if (!m_missedRuns.isEmpty()) {
            m_missedRuns.clear();
            emit missedRunsChanged();
        }
    });
}

std::unique_ptr<SchedulerClient> SchedulerClient::forSocket(QString socketPath, QObject *parent)
{
    auto client = std::make_unique<SchedulerClient>(QString(), parent);
    client->m_socketPath = std::move(socketPath);
    return client;
}

SchedulerClient::~SchedulerClient()
{
    m_wanted = false;
    if (m_socket)
        m_socket->disconnect(this);
}

void SchedulerClient::connectToHost()
{
    m_wanted = true;
    if (!m_socket)
        openSocket();
}

void SchedulerClient::disconnectFromHost()
{
    m_wanted = false;
    m_reconnect.stop();
    if (m_socket)
        m_socket->abort(); // onDisconnected() clears the state
}

void SchedulerClient::reconnectNow()
{
    if (!m_wanted || m_socket)
        return;
    m_reconnect.stop();
    m_reconnectDelayMs = 250;
    openSocket();
}

void SchedulerClient::openSocket()
{
    if (!m_wanted || m_socket)
        return;
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::connected, this, &SchedulerClient::onConnected);
    connect(m_socket, &QLocalSocket::disconnected, this, &SchedulerClient::onDisconnected);
    // A failed connect emits no disconnected, and its errorOccurred comes while the socket is still Connecting:
    // the change to Unconnected is what ends the attempt.
    connect(m_socket, &QLocalSocket::stateChanged, this, [this](QLocalSocket::LocalSocketState state) {
        if (state == QLocalSocket::UnconnectedState)
            onDisconnected();
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &SchedulerClient::readLines);
    m_socket->connectToServer(m_socketPath);
}

void SchedulerClient::onConnected()
{
    m_reconnectDelayMs = 250;
    subscribe();
}

void SchedulerClient::subscribe()
{
    Pending pending;
    pending.done = [this](Result<QJsonValue> answer) {
        if (!answer) {
            qCWarning(lcClient, "the scheduler refused the subscription: %s", qPrintable(answer.error().message));
            if (m_socket)
                m_socket->abort();
            return;
        }
        applySnapshot(answer.value().toObject());
    };
    sendRequest(control::Method::Subscribe, {{QStringLiteral("output"), true}, {QStringLiteral("window"), m_window}},
                std::move(pending));
}

void SchedulerClient::onDisconnected()
{
    if (!m_socket)
        return;
    QLocalSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->deleteLater();
    m_buffer.clear();
    m_bufferStart = 0;
    failPending(notConnected());
    const bool was = std::exchange(m_subscribed, false);
    const QList<QString> busy = m_activity.keys();
    m_activity.clear();
    m_state = Scheduler::State::Stopped;
    const bool storeWasDown = !m_storeStatus.available;
    m_storeStatus = StoreStatus();
    if (storeWasDown)
        emit storeStatusChanged(m_storeStatus);
    if (was) {
        qCInfo(lcClient, "lost the connection to the scheduler host");
        for (const QString &id : busy)
            emit jobActivityChanged(id);
        emit stateChanged();
        emit hostConnectedChanged(false);
    }
    if (m_wanted) {
        m_reconnect.start(m_reconnectDelayMs);
        m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, maxReconnectDelayMs);
    }
}

void SchedulerClient::failPending(const Error &error)
{
    const QHash<qint64, Pending> pending = std::exchange(m_pending, {});
    QList<qint64> ids = pending.keys();
    std::sort(ids.begin(), ids.end());
    for (qint64 id : ids) {
        const Pending &request = pending[id];
        if (!request.hasContext || request.context)
            request.done(error);
    }
}

void SchedulerClient::readLines()
{
    // A burst (10,000 jobs paused in one request are 10,000 events) is applied a slice at a time, so the window's
    // thread keeps painting and taking input between slices.
    // Not again from inside a callback (a modal error box runs an event loop of its own): the outer call goes on
    // where it was once the callback returns.
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    const QScopedValueRollback reading(m_reading, true);
    const auto again = qScopeGuard([this] {
        if (std::exchange(m_readAgain, false))
            QMetaObject::invokeMethod(this, &SchedulerClient::readLines, Qt::QueuedConnection);
    });
    QLocalSocket *const socket = m_socket;
    QElapsedTimer slice;
    slice.start();
    while (m_socket) {
        m_buffer += m_socket->readAll();
        qsizetype start = m_bufferStart;
        bool sliceUsed = false;
        for (qsizetype newline = m_buffer.indexOf('\n', start); newline >= 0; newline = m_buffer.indexOf('\n', start)) {
            const QByteArray line = QByteArray::fromRawData(m_buffer.constData() + start, newline - start);
            start = newline + 1;
            applyLine(line);
            if (m_socket != socket)
                return; // disconnected (and maybe connected anew) while applying: the buffer is not this one
            if (slice.elapsed() >= maxSliceMs) {
                sliceUsed = true;
                break;
            }
        }
        // Lines applied are dropped from the front only once they are most of the buffer (not once per slice:
        // a burst of megabytes would be moved again and again).
        m_bufferStart = start;
        if (m_bufferStart > m_buffer.size() / 2) {
            m_buffer.remove(0, m_bufferStart);
            m_bufferStart = 0;
        }
        if (m_buffer.size() - m_bufferStart > control::maxResponseBytes) {
            qCWarning(lcClient, "the scheduler sent a line longer than %lld bytes",
                      static_cast<long long>(control::maxResponseBytes));
            m_socket->abort();
            return;
        }
        if (sliceUsed) {
            if (!std::exchange(m_readQueued, true)) {
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        m_readQueued = false;
                        readLines();
                    },
                    Qt::QueuedConnection);
            }
            return;
        }
        if (m_socket->bytesAvailable() == 0)
            return;
    }
}

void SchedulerClient::applyLine(const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument document = jsontext::parse(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcClient, "ignored a line from the scheduler that is not a JSON object");
        return;
    }
    const QJsonObject object = document.object();
    if (object.contains(QStringLiteral("event")))
        applyEvent(object);
    else
        applyResponse(object);
}

void SchedulerClient::applyResponse(const QJsonObject &response)
{
    const qint64 id = response.value(QStringLiteral("id")).toInteger(-1);
    const auto found = m_pending.constFind(id);
    if (found == m_pending.cend()) {
        qCDebug(lcClient, "an answer to no request (%lld)", static_cast<long long>(id));
        return;
    }
    const Pending request = *found;
    m_pending.erase(found);
    if (request.hasContext && !request.context)
        return;
    if (response.value(QStringLiteral("ok")).toBool())
        request.done(response.value(QStringLiteral("result")));
    else
        request.done(control::errorFromWire(response.value(QStringLiteral("error")).toObject()));
}

void SchedulerClient::applySnapshot(const QJsonObject &snapshot)
{
    m_revision = snapshot.value(QStringLiteral("revision")).toInteger();
    m_hostStatus = snapshot.value(QStringLiteral("status")).toObject();
    m_historyLimit = snapshot.value(QStringLiteral("history_limit")).toInt(m_historyLimit);
    m_clustered = snapshot.value(QStringLiteral("clustered")).toBool();
    m_instanceId = snapshot.value(QStringLiteral("instance_id")).toString();
    m_state = schedulerStateFromName(m_hostStatus.value(QStringLiteral("state")).toString())
                  .value_or(Scheduler::State::Stopped);
    // An older host says nothing of its store: available.
    m_storeStatus = control::storeStatusFromWire(m_hostStatus.value(QStringLiteral("store_health")).toObject());
    const QList<QString> before = m_activity.keys();
    m_activity.clear();
    for (const QJsonValue &item : snapshot.value(QStringLiteral("activity")).toArray()) {
        if (auto activity = control::activityFromWire(item.toObject()))
            m_activity.insert(activity->jobId, activity.value());
    }
    m_subscribed = true;
    for (const QString &id : before) {
        if (!m_activity.contains(id))
            emit jobActivityChanged(id);
    }
    for (auto it = m_activity.cbegin(); it != m_activity.cend(); ++it)
        emit jobActivityChanged(it.key());
    emit stateChanged();
    emit storeStatusChanged(m_storeStatus);
    emit hostConnectedChanged(true);
}

void SchedulerClient::setActivity(const JobActivity &activity)
{
    if (activity.running == 0 && !activity.retry && !activity.waiting)
        m_activity.remove(activity.jobId);
    else
        m_activity.insert(activity.jobId, activity);
    emit jobActivityChanged(activity.jobId);
}

void SchedulerClient::applyEvent(const QJsonObject &event)
{
    if (event.value(QStringLiteral("event")).toString() == QLatin1String(control::events::raiseWindow)) {
        emit raiseRequested(event.value(QStringLiteral("job_id")).toString()); // not a change of state: never stale
        return;
    }
    const qint64 revision = event.value(QStringLiteral("revision")).toInteger();
    if (revision <= m_revision)
        return; // the snapshot has it already
    m_revision = revision;
    if (const auto at = control::instantFromWire(event.value(QStringLiteral("at")).toString()))
        m_lastEventTime = *at;
    const QString name = event.value(QStringLiteral("event")).toString();
    namespace events = control::events;
    const auto is = [&name](const char *eventName) { return name == QLatin1String(eventName); };
    const auto withJob = [&](auto signal) {
        if (auto job = control::jobFromWire(event.value(QStringLiteral("job")).toObject()))
            emit(this->*signal)(job.value());
        else
            qCWarning(lcClient, "a bad job in a %s event: %s", qPrintable(name), qPrintable(job.error().message));
    };
    const auto run = [&]() -> std::optional<RunRecord> {
        auto record = control::runFromWire(event.value(QStringLiteral("run")).toObject());
        if (!record) {
            qCWarning(lcClient, "a bad run in a %s event: %s", qPrintable(name), qPrintable(record.error().message));
            return std::nullopt;
        }
        return std::move(record).value();
    };
    if (is(events::jobAdded)) {
        withJob(&SchedulerClient::jobAdded);
    } else if (is(events::jobChanged)) {
        withJob(&SchedulerClient::jobModified);
    } else if (is(events::jobRemoved)) {
        emit jobRemoved(event.value(QStringLiteral("job_id")).toString());
    } else if (is(events::jobsRemovedAll)) {
        emit allJobsRemoved();
    } else if (is(events::runStarted)) {
        if (auto record = run())
            emit jobSubmitted(*record);
    } else if (is(events::runFinished)) {
        if (auto record = run())
            emit(record->outcome == RunOutcome::Success ? jobExecuted(*record) : jobError(*record));
    } else if (is(events::runMissed)) {
        if (auto record = run())
            emit jobMissed(*record);
    } else if (is(events::runSkipped)) {
        if (auto record = run())
            emit jobMaxInstances(*record);
    } else if (is(events::activity)) {
        if (auto activity = control::activityFromWire(event))
            setActivity(activity.value());
    } else if (is(events::schedulerState)) {
        const auto state = schedulerStateFromName(event.value(QStringLiteral("state")).toString());
        if (!state || *state == m_state)
            return;
        m_state = *state;
        emit stateChanged();
        switch (m_state) {
        case Scheduler::State::Running: emit resumed(); break;
        case Scheduler::State::Paused: emit paused(); break;
        case Scheduler::State::Stopped: emit shutDown(); break;
        case Scheduler::State::ShuttingDown: break;
        }
    } else if (is(events::storeReloaded)) {
        emit storeReloaded();
    } else if (is(events::storeError)) {
        emit storeError(event.value(QStringLiteral("message")).toString());
    } else if (is(events::storeStatus)) {
        m_storeStatus = control::storeStatusFromWire(event);
        emit storeStatusChanged(m_storeStatus);
    } else if (is(events::runOutput)) {
        emit runOutput(event.value(QStringLiteral("run_id")).toInteger(), event.value(QStringLiteral("job_id")).toString(),
                       event.value(QStringLiteral("text")).toString());
    } else if (is(events::missedRunsAdded) || is(events::missedRunsDismissed)) {
        applyMissedRunsEvent(name, event);
    }
    // Events of a newer host that this client does not know are ignored.
}

int SchedulerClient::runningCount() const
{
    int running = 0;
    for (const JobActivity &activity : m_activity)
        running += activity.running;
    return running;
}

int SchedulerClient::runningCount(const QString &jobId) const
{
    const auto found = m_activity.constFind(jobId);
    return found == m_activity.cend() ? 0 : found->running;
}

int SchedulerClient::retryingCount() const
{
    return static_cast<int>(std::count_if(m_activity.cbegin(), m_activity.cend(),
                                          [](const JobActivity &activity) { return activity.retry.has_value(); }));
}

int SchedulerClient::conditionWaitingCount() const
{
    return static_cast<int>(std::count_if(m_activity.cbegin(), m_activity.cend(),
                                          [](const JobActivity &activity) { return activity.waiting.has_value(); }));
}

std::optional<ConditionWait> SchedulerClient::conditionWait(const QString &jobId) const
{
    const auto found = m_activity.constFind(jobId);
    return found == m_activity.cend() ? std::nullopt : found->waiting;
}

std::optional<RetryWait> SchedulerClient::retryWait(const QString &jobId) const
{
    const auto found = m_activity.constFind(jobId);
    return found == m_activity.cend() ? std::nullopt : found->retry;
}

QList<JobActivity> SchedulerClient::activity() const
{
    QList<JobActivity> all = m_activity.values();
    std::sort(all.begin(), all.end(), [](const JobActivity &a, const JobActivity &b) { return a.jobId < b.jobId; });
    return all;
}

void SchedulerClient::sendRequest(control::Method method, const QJsonObject &params, Pending pending)
{
    if (!m_socket || m_socket->state() != QLocalSocket::ConnectedState
        || (!m_subscribed && method != control::Method::Subscribe)) {
        if (!pending.hasContext || pending.context)
            answerLater(pending.context, [done = pending.done] { done(notConnected()); });
        return;
    }
    const qint64 id = m_nextId++;
    QJsonObject request{{QStringLiteral("id"), static_cast<double>(id)},
                        {QStringLiteral("method"), control::methodName(method)}};
    if (!params.isEmpty())
        request.insert(QStringLiteral("params"), params);
    m_pending.insert(id, std::move(pending));
    m_socket->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
}

void SchedulerClient::answerLater(QObject *context, std::function<void()> deliver)
{
    // On the next turn of the event loop, as a real answer would come (callers never re-enter), and only while
    // @p context lives.
    QMetaObject::invokeMethod(context ? context : this, std::move(deliver), Qt::QueuedConnection);
}

void SchedulerClient::call(control::Method method, const QJsonObject &params, QObject *context, Reply<QJsonValue> done)
{
    Pending pending;
    pending.context = context;
    pending.hasContext = context != nullptr;
    pending.done = std::move(done);
    sendRequest(method, params, std::move(pending));
}

void SchedulerClient::addJob(const Job &job, ConflictPolicy onConflict, QObject *context, Reply<Job> done)
{
    if (auto complete = requireTrigger(job); !complete) {
        answerLater(context, [done, error = complete.error()] { done(error); });
        return;
    }
    QJsonObject params = job.toJson();
    params.insert(QStringLiteral("replace"), onConflict == ConflictPolicy::Replace);
    call(control::Method::Add, params, context, asItem<Job>(std::move(done)));
}

void SchedulerClient::addJobs(const QList<Job> &jobs, ConflictPolicy onConflict, QObject *context,
                              Reply<QList<Job>> done)
{
    auto pieces = control::importPieces(jobs);
    if (!pieces) {
        answerLater(context, [done, error = pieces.error()] { done(error); });
        return;
    }
    // The pieces go one after another on this connection; the host stages them and adds all with the last one.
    // A staged piece's own answer only matters when it failed (the last answer then says so too).
    for (qsizetype i = 0; i + 1 < pieces->size(); ++i) {
        call(control::Method::AddJobs, {{QStringLiteral("jobs"), pieces->at(i)}, {QStringLiteral("more"), true}},
             context, [](Result<QJsonValue>) {});
    }
    call(control::Method::AddJobs,
         {{QStringLiteral("jobs"), pieces->last()}, {QStringLiteral("replace"), onConflict == ConflictPolicy::Replace}},
         context, asList<Job>(std::move(done)));
}

void SchedulerClient::job(const QString &id, QObject *context, Reply<Job> done)
{
    call(control::Method::Show, {{QStringLiteral("id"), id}}, context, asItem<Job>(std::move(done)));
}

void SchedulerClient::modifyJob(const QString &id, const JobChanges &changes, QObject *context, Reply<Job> done)
{
    call(control::Method::Modify, control::modifyParams(id, changes), context, asItem<Job>(std::move(done)));
}

void SchedulerClient::pauseJobs(const QStringList &ids, const QString &note, QObject *context,
                                Reply<QJsonValue> done)
{
    QJsonObject params{{QStringLiteral("ids"), idArray(ids)}};
    if (!note.isEmpty())
        params.insert(QStringLiteral("note"), note);
    call(control::Method::PauseJobs, params, context, std::move(done));
}

void SchedulerClient::resumeJobs(const QStringList &ids, QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::ResumeJobs, {{QStringLiteral("ids"), idArray(ids)}}, context, std::move(done));
}

void SchedulerClient::removeJobs(const QStringList &ids, QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::RemoveJobs, {{QStringLiteral("ids"), idArray(ids)}}, context, std::move(done));
}

void SchedulerClient::runJobsNow(const QStringList &ids, QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::RunNowJobs, {{QStringLiteral("ids"), idArray(ids)}}, context, std::move(done));
}

void SchedulerClient::stopJob(const QString &id, QObject *context, Reply<int> done)
{
    call(control::Method::Stop, {{QStringLiteral("id"), id}}, context,
         asCount(QStringLiteral("stopped"), std::move(done)));
}

void SchedulerClient::removeAllJobs(QObject *context, Reply<int> done)
{
    call(control::Method::RemoveAll, {}, context, asCount(QStringLiteral("removed"), std::move(done)));
}

void SchedulerClient::history(const QString &jobId, int limit, QObject *context, Reply<QList<RunRecord>> done)
{
    QJsonObject params{{QStringLiteral("limit"), std::max(1, limit)}};
    if (!jobId.isEmpty())
        params.insert(QStringLiteral("job_id"), jobId);
    call(control::Method::History, params, context, asList<RunRecord>(std::move(done)));
}

void SchedulerClient::explain(const QString &jobId, std::int64_t atMs, QObject *context, Reply<RunExplanation> done)
{
    static const auto utc = ZoneRules::forZone("UTC");
    call(control::Method::Explain, {{QStringLiteral("id"), jobId}, {QStringLiteral("at"), formatIso(atMs, *utc)}},
         context, [done = std::move(done)](Result<QJsonValue> answer) {
             if (!answer)
                 return done(answer.error());
             auto explanation = RunExplanation::fromJson(answer.value().toObject());
             if (!explanation)
                 return done(badAnswer(explanation.error().message));
             done(std::move(explanation));
         });
}

void SchedulerClient::calendars(QObject *context, Reply<QList<CalendarInfo>> done)
{
    call(control::Method::Calendars, {}, context, [done = std::move(done)](Result<QJsonValue> answer) {
        if (!answer)
            return done(answer.error());
        QList<CalendarInfo> infos;
        for (const QJsonValue &value : answer.value().toArray()) {
            auto info = control::calendarFromWire(value.toObject());
            if (!info)
                return done(badAnswer(info.error().message));
            infos.append(std::move(info).value());
        }
        done(std::move(infos));
    });
}

void SchedulerClient::putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict, QObject *context,
                                  Reply<CalendarInfo> done)
{
    QJsonObject json = calendar.toJson();
    json.insert(QStringLiteral("name"), calendar.name);
    call(control::Method::PutCalendar,
         {{QStringLiteral("calendar"), json}, {QStringLiteral("replace"), onConflict == ConflictPolicy::Replace}},
         context, [done = std::move(done)](Result<QJsonValue> answer) {
             if (!answer)
                 return done(answer.error());
             auto info = control::calendarFromWire(answer.value().toObject());
             if (!info)
                 return done(badAnswer(info.error().message));
             done(std::move(info));
         });
}

void SchedulerClient::removeCalendar(const QString &name, QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::RemoveCalendar, {{QStringLiteral("name"), name}}, context, std::move(done));
}

void SchedulerClient::backfill(const QString &jobId, std::int64_t fromMs, std::int64_t toMs,
                               std::optional<OverlapPolicy> overlap, bool dryRun, QObject *context,
                               Reply<BackfillResult> done)
{
    QJsonObject params{{QStringLiteral("id"), jobId},
                       {QStringLiteral("from"), control::instantToWire(fromMs)},
                       {QStringLiteral("to"), control::instantToWire(toMs)},
                       {QStringLiteral("dry_run"), dryRun}};
    if (overlap)
        params.insert(QStringLiteral("overlap"), JobOptions::overlapName(*overlap));
    call(control::Method::Backfill, params, context, [done = std::move(done)](Result<QJsonValue> answer) {
        if (!answer)
            return done(answer.error());
        auto result = control::backfillFromWire(answer.value().toObject());
        if (!result)
            return done(badAnswer(result.error().message));
        done(std::move(result));
    });
}

void SchedulerClient::runOutputSoFar(qint64 runId, QObject *context, Reply<QString> done)
{
    call(control::Method::RunOutput, {{QStringLiteral("run_id"), static_cast<double>(runId)}}, context,
         [done = std::move(done)](Result<QJsonValue> answer) {
             if (!answer)
                 return done(answer.error());
             done(answer.value().toObject().value(QStringLiteral("output")).toString());
         });
}

void SchedulerClient::instances(QObject *context, Reply<QJsonArray> done)
{
    call(control::Method::Instances, {}, context, [done = std::move(done)](Result<QJsonValue> answer) {
        if (!answer)
            return done(answer.error());
        done(answer.value().toArray());
    });
}

void SchedulerClient::pauseScheduler(QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::PauseScheduler, {}, context, std::move(done));
}

void SchedulerClient::resumeScheduler(QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::ResumeScheduler, {}, context, std::move(done));
}

void SchedulerClient::shutdownHost(bool stopRuns, QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::Shutdown, {{QStringLiteral("stop_runs"), stopRuns}}, context, std::move(done));
}

void SchedulerClient::reconnectStore(QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::ReconnectStore, {}, context, std::move(done));
}

void SchedulerClient::setHistoryLimit(int runsPerJob, QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::Configure, {{QStringLiteral("history_limit"), runsPerJob}}, context,
         [this, done = std::move(done)](Result<QJsonValue> answer) {
             if (answer)
                 m_historyLimit = answer.value().toObject().value(QStringLiteral("history_limit")).toInt(m_historyLimit);
             done(std::move(answer));
         });
}

void SchedulerClient::restoreJobs(const QStringList &ids, QObject *context, Reply<QJsonValue> done)
{
    call(control::Method::RestoreJobs, {{QStringLiteral("ids"), idArray(ids)}}, context, std::move(done));
}

// --- the missed-runs review ---------------------------------------------------------------------------------

QList<MissedRunsReport> SchedulerClient::missedRuns() const
{
    QList<MissedRunsReport> all = m_missedRuns.values();
    std::sort(all.begin(), all.end(), [](const MissedRunsReport &a, const MissedRunsReport &b) {
        const int byName = QString::localeAwareCompare(a.jobName, b.jobName);
        return byName != 0 ? byName < 0 : a.jobId < b.jobId;
    });
    return all;
}

std::optional<int> SchedulerClient::missedRunsEpisode(const QString &jobId) const
{
    const auto found = m_missedRuns.constFind(jobId);
    return found == m_missedRuns.cend() ? std::nullopt : std::optional(found->episode);
}

void SchedulerClient::dismissMissedRuns(const QStringList &jobIds, QObject *context, Reply<QJsonValue> done)
{
    const QJsonObject params = jobIds.isEmpty() ? QJsonObject{{QStringLiteral("all"), true}}
                                                : QJsonObject{{QStringLiteral("ids"), QJsonArray::fromStringList(jobIds)}};
    call(control::Method::DismissMissed, params, context, std::move(done));
}

void SchedulerClient::fetchMissedRuns()
{
    call(control::Method::MissedRuns, {}, this, [this](Result<QJsonValue> answer) {
        if (!answer) // an older host without the review: nothing to show
            return;
        // Events applied before this answer are in it too: the answer is the host's state now.
        m_missedRuns.clear();
        for (const QJsonValue &item : answer.value().toArray()) {
            if (auto report = MissedRunsReport::fromJson(item.toObject()))
                m_missedRuns.insert(report->jobId, report.value());
        }
        emit missedRunsChanged();
    });
}

void SchedulerClient::applyMissedRunsEvent(const QString &name, const QJsonObject &event)
{
    if (name == QLatin1String(control::events::missedRunsDismissed)) {
        for (const QJsonValue &id : event.value(QStringLiteral("job_ids")).toArray())
            m_missedRuns.remove(id.toString());
        emit missedRunsChanged();
        return;
    }
    QList<MissedRunsReport> added;
    for (const QJsonValue &item : event.value(QStringLiteral("reports")).toArray()) {
        auto report = MissedRunsReport::fromJson(item.toObject());
        if (!report) {
            qCWarning(lcClient, "a bad missed-runs report: %s", qPrintable(report.error().message));
            continue;
        }
        m_missedRuns.insert(report->jobId, report.value());
        added.append(report.value());
    }
    emit missedRunsChanged();
    emit missedRunsAdded(added, event.value(QStringLiteral("new_episode")).toBool());
}

void SchedulerClient::runsInRange(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs,
                                  QObject *context, Reply<QList<RunRecord>> done)
{
    const QJsonObject params{{QStringLiteral("job_ids"), QJsonArray::fromStringList(jobIds)},
                             {QStringLiteral("since"), static_cast<qint64>(sinceMs)},
                             {QStringLiteral("until"), static_cast<qint64>(untilMs)}};
    call(control::Method::History, params, context, asList<RunRecord>(std::move(done)));
}

void SchedulerClient::statistics(const QStringList &ids, int points, QObject *context,
                                 Reply<QList<JobStatistics>> done)
{
    call(control::Method::Stats,
         {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}, {QStringLiteral("points"), std::max(1, points)}},
         context, [done = std::move(done)](Result<QJsonValue> answer) {
             if (!answer)
                 return done(answer.error());
             QList<JobStatistics> out;
             for (const QJsonValue &job : answer.value().toArray())
                 out.append(JobStatistics::fromJson(job.toObject()));
             done(std::move(out));
         });
}

} // namespace punctual
