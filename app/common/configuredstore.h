// The job store chosen in the window's settings, as both apps read it at start-up (core never reads that file).
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QSettings>

namespace punctual {

/// The store chosen in Settings › Job store: the key "Store/location" of the window app's settings file
/// (~/.config/punctual/punctual.conf: organisation and application "punctual"), which punctualctl reads too (it
/// does not link ui); the default SQLite store when none was chosen. The window writes the key through
/// Settings::setStoreLocation() (ui/settings/settings.h); testsettings checks that both name the same one.
Result<StoreLocation> configuredStoreLocation();

/// The window app's settings file (~/.config/punctual/punctual.conf), named explicitly: punctualctl has an
/// application name of its own. What the window writes through ui/settings/settings.h, the host reads here.
QSettings windowSettings();

/// Runs kept per job, as Settings › History sets it (the key "History/runsPerJob" of the same file; the window
/// writes it through Settings::setHistoryLimit()): the host starts with it; 100 when unset or out of range.
int configuredHistoryLimit();

} // namespace punctual
