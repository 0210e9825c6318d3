// How a scheduler host for a store gets started: the systemd user unit, or a `punctualctl run` process.
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace punctual {

/**
 * The systemd user unit the packages install (packaging/systemd/punctual.service): `punctualctl run` without store
 * arguments, so on the store the settings choose (app/common/configuredstore.h). Each call runs `systemctl --user`
 * (found on PATH) and waits for it: a few milliseconds, at most callTimeoutMs.
 */
namespace userunit {

inline constexpr int callTimeoutMs = 10'000;

/// "punctual.service".
QString name();
/// Whether a systemd user instance runs for this user: its private socket $XDG_RUNTIME_DIR/systemd/private exists
/// (no process is run to find out).
bool managerRuns();
/// Whether the user instance knows the unit (`systemctl --user show`: its LoadState is "loaded").
bool installed();
/// managerRuns() and installed(): the unit can host the configured store.
bool usable();
/// `systemctl --user start punctual.service`; an Io error with what systemctl said.
Result<void> start();
/// `systemctl --user is-enabled punctual.service` succeeds: it starts with the user's systemd instance.
bool isEnabled();
/// `systemctl --user enable` or `disable` (neither starts nor stops it now); an Io error with what systemctl said.
Result<void> setEnabled(bool on);

} // namespace userunit

/// How a host for a store is started, at login (Settings › Start at login) and when the window finds none.
struct HostLaunch
{
    enum class Method
    {
        UserUnit, ///< the systemd user unit (userunit)
        Process,  ///< `punctualctl ARGUMENTS` as a process of its own (a detached one, or an XDG autostart entry)
    };

    Method method = Method::Process;
    /// For Process: punctualctlProgram() (empty when there is none); empty for UserUnit.
    QString program;
    /// For Process: punctualctl's arguments, `[--db PATH | --store URL] run`; empty for UserUnit.
    QStringList arguments;
};

/// The punctualctl that hosts stores: the one next to this program (or, in a build tree, in ../punctualctl), else
/// the first on PATH; empty when there is none.
QString punctualctlProgram();

/// The one decision: the user unit when @p location is @p configured (the store `punctualctl run` opens without
/// arguments, as the unit runs it) and userunit::usable(); otherwise a process, given the store's arguments unless
/// it is the configured one. @p configured is nullopt when the settings cannot be read (the process then names
/// the store itself).
HostLaunch hostLaunchFor(const StoreLocation &location, const std::optional<StoreLocation> &configured);
/// punctualctl's arguments that name @p location whatever the settings say: --db ABSOLUTE_PATH (the default file
/// too), or --store URL with this instance's id and lease (so that the host has the instance key, and the socket,
/// that @p location has).
QStringList storeArguments(const StoreLocation &location);
/// Whether @p a and @p b are the same store: one SQLite file, or one PostgreSQL database (and instance, when either
/// names one).
bool sameStore(const StoreLocation &a, const StoreLocation &b);

} // namespace punctual
