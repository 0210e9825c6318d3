// Reads the store chosen in the window's settings file, for punctual and punctualctl.
#include "configuredstore.h"

#include <QSettings>

namespace punctual {

Result<StoreLocation> configuredStoreLocation()
{
    // The window's settings file, named explicitly: punctualctl has its own application name.
    const QSettings settings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("punctual"),
                             QStringLiteral("punctual"));
    return StoreLocation::fromSettings(settings.value(QStringLiteral("Store/location")).toString(),
                                       settings.fileName());
}

} // namespace punctual
