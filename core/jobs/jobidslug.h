// Readable job ids made from a job's name: "Nightly backup" → "nightly-backup" (instead of 32 hex digits).
#pragma once

#include <QSet>
#include <QString>

namespace punctual {

/// A slug of @p name: Latin letters without their accents, digits, lower case, other runs as one '-', at most
/// 48 characters; "job" when nothing Latin is left (a Chinese name). Made unique against @p taken with "-2",
/// "-3", ... It passes validateJobId().
QString jobIdFromName(const QString &name, const QSet<QString> &taken);

} // namespace punctual
