// Start at login: the scheduler host, through the systemd user unit or the XDG autostart entry.
#pragma once

#include "control/hostlaunch.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace punctual {

/**
 * What starts the scheduler host of a store at login, as hostLaunchFor() (core/control/hostlaunch.h) decides it for
 * every way a host starts: where a systemd user instance runs and punctual.service is installed, and the store is
 * the one the settings choose, the user unit (`systemctl --user enable/disable/is-enabled`); otherwise the XDG
 * autostart entry (freedesktop.org Desktop Application Autostart) running `punctualctl [STORE] run` with
 * PUNCTUAL_STARTED_BY=detached: the file punctual.desktop in the "autostart" folder of the user's configuration
 * folder (QStandardPaths::ConfigLocation, i.e. $XDG_CONFIG_HOME or ~/.config). Its text comes from the template
 * packaging/autostart/punctual-autostart.desktop.in, compiled in as the resource
 * ":/autostart/punctual-autostart.desktop.in" (one text for the package and the app), with @EXEC@ replaced by the
 * command line.
 */
namespace autostart {

/// ~/.config/autostart/punctual.desktop (or under $XDG_CONFIG_HOME).
QString entryPath();
/// The entry's command for @p launch (a Process one): `env PUNCTUAL_STARTED_BY=detached PUNCTUALCTL ARGUMENTS`.
QStringList entryCommand(const HostLaunch &launch);
/// The entry's text for @p program with @p arguments (the Exec line quoted as the Desktop Entry spec says).
QString entryText(const QString &program, const QStringList &arguments);
/// The Exec value for @p program and @p arguments: quoted where needed, "%" doubled, backslashes escaped.
QString execLine(const QString &program, const QStringList &arguments);

/// Whether the host of @p launch starts at login: the unit is enabled, or the entry file exists.
bool isEnabled(const HostLaunch &launch);
/// Makes the host of @p launch start at login: enables the unit (and removes an entry left from before), or writes
/// the entry (creating the folder). An Io error says why not (no punctualctl, the file, systemctl's words).
Result<void> enable(const HostLaunch &launch);
/// Makes nothing start at login: removes the entry (no error when there is none) and, where the unit is usable,
/// disables it. The host running now is left running.
Result<void> disable();

} // namespace autostart

} // namespace punctual
