// Typed reading of the keys of a JSON object (the job JSON): an absent key takes its default, a value of another
// type is an error that names the key, never quietly read as the default (DESIGN.md section 7: refused at the door).
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace punctual::jsonfields {

/// `"KEY" must be EXPECTED, not VALUE` (the value as compact JSON, shortened): one line whatever the value holds.
Error wrongType(const QString &key, const QJsonValue &value, const QString &expected);

/// The string at @p key; @p fallback when absent.
Result<QString> string(const QJsonObject &json, const QString &key, const QString &fallback = {});
/// true or false at @p key; @p fallback when absent.
Result<bool> boolean(const QJsonObject &json, const QString &key, bool fallback);
/// A number at @p key; @p fallback when absent.
Result<double> number(const QJsonObject &json, const QString &key, double fallback);
/// A whole number from @p low to @p high at @p key; @p fallback when absent.
Result<int> wholeNumber(const QJsonObject &json, const QString &key, int fallback, int low, int high);
/// A list of strings at @p key; empty when absent.
Result<QStringList> stringList(const QJsonObject &json, const QString &key);
/// An object whose values are strings at @p key; empty when absent.
Result<QMap<QString, QString>> stringMap(const QJsonObject &json, const QString &key);
/// An object at @p key; empty when absent.
Result<QJsonObject> object(const QJsonObject &json, const QString &key);

} // namespace punctual::jsonfields
