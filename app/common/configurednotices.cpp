// Reads the notice choices from the window's settings file, for punctualctl run's desktop notices.
#include "configurednotices.h"

#include "configuredstore.h"

#include <QSettings>

namespace punctual {

ConfiguredNotices configuredNotices()
{
    const QSettings settings = windowSettings();
    ConfiguredNotices notices;
    const std::pair<const char *, RunOutcome> kinds[] = {
        {"Notifications/failure", RunOutcome::Failed},
        {"Notifications/missed", RunOutcome::Missed},
        {"Notifications/timeout", RunOutcome::TimedOut},
    };
    for (const auto &[key, outcome] : kinds) {
        if (settings.value(QLatin1String(key), true).toBool())
            notices.outcomes.insert(outcome);
    }
    notices.language = settings.value(QStringLiteral("Interface/language")).toString();
    return notices;
}

} // namespace punctual
