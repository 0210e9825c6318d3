// Reads the store chosen in the window's settings file, for punctual and punctualctl.
#include "configuredstore.h"

#include <QSettings>

namespace punctual {

QSettings windowSettings()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("punctual"), QStringLiteral("punctual"));
}

int configuredHistoryLimit()
{
    constexpr int defaultLimit = 100;
    constexpr int maxLimit = 100'000; // Settings::maxHistoryLimit
    bool ok = false;
    const int limit = windowSettings().value(QStringLiteral("History/runsPerJob")).toInt(&ok);
    return ok && limit >= 1 && limit <= maxLimit ? limit : defaultLimit;
}

Result<StoreLocation> configuredStoreLocation()
{
    const QSettings settings = windowSettings();
    return StoreLocation::fromSettings(settings.value(QStringLiteral("Store/location")).toString(),
                                       settings.fileName());
}

} // namespace punctual
