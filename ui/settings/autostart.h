// Start at login: the XDG autostart entry ~/.config/autostart/punctual.desktop.
#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

namespace punctual {

struct StoreLocation;

/**
 * Writes and removes the XDG autostart entry (freedesktop.org Desktop Application Autostart): the file
 * punctual.desktop in the "autostart" folder of the user's configuration folder (QStandardPaths::ConfigLocation,
 * i.e. $XDG_CONFIG_HOME or ~/.config). Its text comes from the template packaging/autostart/
 * punctual-autostart.desktop.in, compiled in as the resource ":/autostart/punctual-autostart.desktop.in" (one text
 * for the package and the app), with @EXEC@ replaced by the command line.
 */
namespace autostart {

/// ~/.config/autostart/punctual.desktop (or under $XDG_CONFIG_HOME).
QString entryPath();
/// The arguments the entry starts Punctual with: --minimized, and --db PATH (absolute) unless @p location is the
/// default store.
QStringList arguments(const StoreLocation &location);
/// The entry's text for @p program with @p arguments (the Exec line quoted as the Desktop Entry spec says).
QString entryText(const QString &program, const QStringList &arguments);
/// The Exec value for @p program and @p arguments: quoted where needed, "%" doubled, backslashes escaped.
QString execLine(const QString &program, const QStringList &arguments);

/// True when the entry file exists.
bool isEnabled();
/// Writes the entry (creating the folder) running this executable with @p arguments; an Io error says why not.
Result<void> enable(const QStringList &arguments);
/// Removes the entry; no error when there is none.
Result<void> disable();

} // namespace autostart

} // namespace punctual
