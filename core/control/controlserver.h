// Serves the Scheduler API to other processes (punctualctl, a second punctual) over the instance's local socket.
#pragma once

#include "control/methodhandlers.h"
#include "control/methods.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

class QLocalServer;
class QTimer;
class QLocalSocket;

namespace punctual {

class EventStream;
class JobStore;
class Scheduler;

/**
 * The instance side of the control protocol (docs/control-protocol.md): one JSON request per line in, one JSON
 * response per line out, on every connection of a listening QLocalServer (InstanceLock::server()).
 *
 * It lives on the scheduler's thread and calls the Scheduler API, so a change made through it is exactly a change
 * made in the window: validation, next run times and the scheduler's signals (an open window updates at once).
 * Each request's method is looked up in control::methods, its params are checked against that row, and its
 * handler runs (methodhandlers.h). Many clients may be connected; each is served in order. A line that is not a
 * JSON object, or one longer than control::maxRequestBytes, gets an error response and the connection is closed;
 * a well-formed request with bad parameters gets an error response and the connection stays. A client of another
 * user is refused (Linux).
 */
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)

public:
    /// Connections served at once; more are answered with an error and closed.
    static constexpr int maxClients = 64;
    /// A connection without a request for this long is closed.
    static constexpr int idleTimeoutMs = 10 * 60 * 1000;
    /// Responses a client has not read yet, beyond which its next requests wait (flow control). One answer may be
    /// larger (a long list); what a client can make the server hold is this plus one answer.
    static constexpr qint64 maxPendingWriteBytes = 1024 * 1024;
    /// A client held back by flow control that reads nothing for this long is dropped.
    static constexpr int defaultStallTimeoutMs = 30 * 1000;
    /// Events a subscriber has not read yet, beyond which it is dropped at once (it subscribes again and takes a
    /// new snapshot): a client that stopped reading must not make the host hold an endless stream.
    static constexpr qint64 maxSubscriberBacklogBytes = 64 * 1024 * 1024;

    /// Serves @p scheduler (whose store is @p store: "status" reports it) on @p server, which must be listening.
    /// None of them is owned; all must outlive the control server.
    ControlServer(Scheduler &scheduler, JobStore &store, QLocalServer *server, QObject *parent = nullptr);
    ~ControlServer() override;

    /// Answers one request object, as a connection does for each line (in-process callers and tests may use it;
    /// without a connection, an import cannot be staged over several requests).
    QJsonObject handle(const QJsonObject &request) { return handle(request, nullptr); }
    /// Connections open now.
    int clientCount() const { return static_cast<int>(m_clients.size()); }
    /// Bytes of answers written to connections and not yet taken by their clients, all clients together.
    qint64 pendingWriteBytes() const;
    /// How and when the host started, which "status" reports (InstanceHost::serve() tells it).
    void setHostOrigin(control::HostOrigin origin) { m_origin = std::move(origin); }
    /// How long a client held back by flow control may read nothing before it is dropped (tests shorten it).
    void setStallTimeoutMs(int ms) { m_stallTimeoutMs = ms; }
    /// False for a host that runs no jobs on this computer (punctualctl run --manage-only): run_now is refused.
    void setRunsJobs(bool runs) { m_origin.runsJobs = runs; }
    /// The host's events (subscribe); the host publishes store_reloaded on it after it read the store again.
    EventStream &events() const { return *m_events; }
    /// Connections subscribed to the events now.
    int subscriberCount() const;
    /// Tells "status" whether the instance shows desktop notices itself (DesktopNotifier::isAvailable()); without
    /// it, "desktop_notifications" is false.
    void setDesktopNotifications(std::function<bool()> shown) { m_desktopNotifications = std::move(shown); }

signals:
    /// A client asked for the window ("raise"): a second `punctual` start, for one. The app shows and raises it.
    void raiseRequested();
    /// A client asked the host to stop ("shutdown"), letting runs finish unless @p stopRuns. The app shuts its
    /// scheduler down as at SIGTERM (punctualctl run) and exits.
    void shutdownRequested(bool stopRuns);

private:
    class Client;

    void acceptConnections();
    void serve(Client *client);
    /// False when the client was told off and is being disconnected.
    bool serveLine(Client *client, QByteArray line);
    void reject(Client *client, const QString &message);
    void send(Client *client, const QJsonObject &response);
    void forget(Client *client);

    QJsonObject handle(const QJsonObject &request, Client *client);
    /// Checks the params against the method's row of the table, then runs its handler (for @p client's
    /// connection, or none).
    Result<QJsonValue> dispatch(const control::MethodSpec &method, const QJsonObject &params, Client *client);
    /// "raise": tells the windows subscribed to this host to show themselves (an unnumbered raise_window event),
    /// else emits raiseRequested() (when @p show); false when there is no window at all.
    bool raise(bool show, const QString &jobId);
    /// "shutdown": emits shutdownRequested(); false when nothing is connected to it.
    bool requestShutdown(bool stopRuns);
    /// Sends an event to every subscribed connection (run output only to those that asked for it).
    void push(const QJsonObject &event, bool outputOnly);

    Scheduler &m_scheduler;
    JobStore &m_store;
    QPointer<QLocalServer> m_server;
    QSet<Client *> m_clients;
    int m_stallTimeoutMs = defaultStallTimeoutMs;
    control::HostOrigin m_origin;
    QTimer *m_trimTimer = nullptr;
    EventStream *m_events = nullptr; ///< child
    QElapsedTimer m_sinceFlush;      ///< since subscribers' sockets were last flushed
    std::function<bool()> m_desktopNotifications;
};

} // namespace punctual
