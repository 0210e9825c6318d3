// Starts a scheduler host for a store when none holds it, and says (without blocking) when it answers.
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QString>

#include <functional>

class QObject;

namespace punctual {

/// How startHost() got the store a host.
enum class HostStartMethod
{
    AlreadyRunning, ///< one held the store already: nothing was started
    UserUnit,       ///< `systemctl --user start punctual.service`
    Detached,       ///< a `punctualctl run` process of its own, writing to hostLogPath()
};

/// What startHost() did, for waitForHost().
struct HostStart
{
    HostStartMethod method = HostStartMethod::AlreadyRunning;
    qint64 pid = -1;       ///< Detached: the process started (waitForHost() notices when it ends early)
    qint64 logOffset = 0;  ///< Detached: where its lines begin in hostLogPath()
};

/// The status bar's sentence for @p method: "Started the Punctual scheduler (systemd user unit)", ...
QString hostStartMessage(HostStartMethod method);

/// Where detached hosts write their output: $XDG_STATE_HOME/punctual/host.log (~/.local/state/punctual/host.log);
/// appended to, mode 0600, moved to host.log.1 when it passes 1 MiB.
QString hostLogPath();

/**
 * Starts a scheduler host for @p location unless one holds it already (the instance lock answers). The choice is
 * hostLaunchFor() (core/control/hostlaunch.h), against the store the settings choose (configuredStoreLocation()):
 * for that store, where a systemd user instance runs and punctual.service is installed, the unit; otherwise a
 * detached `punctualctl [--db PATH | --store URL] run` in a session of its own (so that it outlives the caller
 * and its terminal), with PUNCTUAL_STARTED_BY=detached, stdin from /dev/null and its output appended to
 * hostLogPath(). Returns at once: the host may still fail (waitForHost() says so). Errors (Io): no punctualctl,
 * the log cannot be written, the process or systemctl cannot be started.
 */
Result<HostStart> startHost(const StoreLocation &location);
/// As startHost(), for a host that runs no jobs on this computer (`punctualctl run --manage-only`): on a shared
/// PostgreSQL store the window manages the jobs through it while other computers run them (Settings › Run jobs on
/// this computer off). Always a detached process (the unit runs jobs).
Result<HostStart> startManagingHost(const StoreLocation &location);

/// Called once by waitForHost(): the host's pid, or why none answered.
using HostReadyCallback = std::function<void(Result<qint64> pid)>;

/**
 * Waits, on @p context's thread and without blocking it (a timer and an asynchronous socket), until the host of
 * @p location answers "ping" on its socket; then calls @p done with its pid. Tries every 100 ms. Calls @p done
 * with an Io error when @p timeoutMs pass first, or as soon as the detached process of @p start has ended; for a
 * detached start the error ends with the last lines the host wrote to hostLogPath() (its own error message), for
 * the unit it points at `journalctl --user -u punctual.service`. Nothing is called once @p context is destroyed.
 */
void waitForHost(const StoreLocation &location, const HostStart &start, int timeoutMs, QObject *context,
                 HostReadyCallback done);

} // namespace punctual
