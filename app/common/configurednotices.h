// What the window's settings say about notices, as the scheduler host reads them (it does not link ui).
#pragma once

#include "jobs/runrecord.h"

#include <QSet>
#include <QString>

namespace punctual {

/// The user's choices for the notices of failed, missed and timed-out runs.
struct ConfiguredNotices
{
    QSet<RunOutcome> outcomes; ///< the kinds told about (DesktopNotifier::setNotifiedOutcomes())
    QString language;          ///< the interface language ("" for the system's: DesktopNotifier::setLanguage())
};

/// Read from the window app's settings file (~/.config/punctual/punctual.conf), as Settings writes them: the keys
/// Notifications/failure, Notifications/missed, Notifications/timeout (default true) and Interface/language
/// (ui/settings/settings.h, which names the same keys).
ConfiguredNotices configuredNotices();

} // namespace punctual
