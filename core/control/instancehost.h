// Becomes a store's instance: lock, store, scheduler, control server and store watcher, and back in reverse.
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <memory>
#include <optional>

namespace punctual {

class Clock;
class ControlServer;
class FunctionRegistry;
class InstanceLock;
class JobStore;
class Scheduler;
class StoreWatcher;

/// How the process hosting a store was started; `status` reports it as "started_by" (docs/host.md).
enum class StartedBy
{
    Terminal, ///< by hand: `punctualctl run` in a terminal or a script (punctualctl's default)
    Unit,     ///< by systemd: the user unit punctual.service
    Detached, ///< by the window, or an XDG autostart entry, as a process of its own
    Window,   ///< the window app hosts the store in its own process
};

/// The environment variable through which whoever starts `punctualctl run` says how (the unit, the window).
inline constexpr char startedByVariable[] = "PUNCTUAL_STARTED_BY";
/// "terminal", "unit", "detached", "window".
QString startedByName(StartedBy startedBy);
/// The value of startedByName(); nullopt for anything else.
std::optional<StartedBy> startedByFromName(const QString &name);

/**
 * What the window app `punctual` and `punctualctl run` both are: the one process that schedules a store. In order:
 * lock() takes the store's InstanceLock; open() opens the store and builds its Scheduler (with the standard
 * executors); serve() serves the control protocol on the lock's socket (ControlServer) and watches the store for
 * other processes' commits (StoreWatcher): on a foreign commit the scheduler looks again (Scheduler::refresh()) and
 * subscribed clients get a store_reloaded event. The scheduler is started by the app, where its order needs it: the
 * window app before it builds its window, punctualctl run once its logs are connected.
 *
 * stop() (also the destructor's) goes in reverse: store watcher, control server, scheduler, store, and last the
 * lock that guarded the store. The window app calls stopServing() first, then closes its window, then stops. The app connects to scheduler(), controlServer() (raiseRequested)
 * and storeWatcher() (changed) itself; nothing is forwarded, so "raise" still tells whether a window listens.
 */
class InstanceHost final
{
    Q_DISABLE_COPY_MOVE(InstanceHost)

public:
    /// Hosts the store at @p location. @p clock and @p functions (not owned) must outlive the host;
    /// @p functionThreads sizes the function pool (standardExecutorsWithHttp()).
    InstanceHost(StoreLocation location, const Clock &clock, const FunctionRegistry &functions,
                 int functionThreads = 10);
    ~InstanceHost();

    /// How this process was started (before serve(); StartedBy::Window unless set: the window app hosts without
    /// saying so, punctualctl run sets it from startedByVariable).
    void setStartedBy(StartedBy startedBy) { m_startedBy = startedBy; }
    StartedBy startedBy() const { return m_startedBy; }
    /// When lock() made this process the store's host (the clock's time); nullopt before.
    std::optional<std::int64_t> startedAtMs() const { return m_startedAtMs; }

    /// Takes the store's instance lock. Errors: InstanceLock::acquire()'s (Conflict when another instance holds
    /// the store, Io when the socket cannot be made).
    Result<void> lock();
    /// After lock(): opens the store, checks it (JobStore::checkIntegrity(), quick) and builds its scheduler, not
    /// started. Errors: the store's; StoreError::damaged() for a damaged store, which is closed again unchanged.
    /// A PostgreSQL server that cannot be reached is no error: the scheduler is built with its store unavailable
    /// (Scheduler::storeStatus()) and connects once the server answers.
    Result<void> open();
    /// After open(): serves the control protocol on the lock's socket, then watches the store. The control server
    /// runs either way; an error says the store cannot be watched (changes made by other processes go unnoticed).
    Result<void> serve();
    /// Stops watching the store, then serving the control protocol (before the app takes down what they reach).
    void stopServing();
    /// stopServing(), then destroys the scheduler, closes the store and releases the lock.
    void stop();

    /// After open().
    Scheduler &scheduler() const { return *m_scheduler; }
    /// After open().
    JobStore &store() const { return *m_store; }
    /// After serve(); nullptr before and after stopServing().
    ControlServer *controlServer() const { return m_control.get(); }
    StoreWatcher *storeWatcher() const { return m_watcher.get(); }

private:
    StoreLocation m_location;
    const Clock &m_clock;
    const FunctionRegistry &m_functions;
    int m_functionThreads;
    StartedBy m_startedBy = StartedBy::Window;
    std::optional<std::int64_t> m_startedAtMs;
    std::unique_ptr<InstanceLock> m_lock;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<ControlServer> m_control;
    std::unique_ptr<StoreWatcher> m_watcher;
};

} // namespace punctual
