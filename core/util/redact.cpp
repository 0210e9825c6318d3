// Removing URL passwords from messages.
#include "redact.h"

#include <QRegularExpression>

namespace punctual {

QString withoutUrlSecrets(QString message)
{
    // QUrl::errorString() repeats the whole input, user-info included, after "; source was".
    if (const qsizetype source = message.indexOf(QLatin1String("; source was")); source >= 0)
        message.truncate(source);
    static const QRegularExpression userInfo(
        QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*://[^\s/@:]*):[^\s/@]*@)"));
    message.replace(userInfo, QStringLiteral("\\1:***@"));
    return message;
}

} // namespace punctual
