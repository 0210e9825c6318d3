// Typed JSON key reading with one error wording for every wrong type.
#include "jsonfields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace punctual::jsonfields {

namespace {

class JsonFieldText
{
    Q_DECLARE_TR_FUNCTIONS(JsonFields)
};

// A value as compact JSON, at most about 40 characters: JSON escapes line breaks, so it stays one line.
QString shortJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    QString text = QString::fromUtf8(array.mid(1, array.size() - 2));
    constexpr qsizetype longest = 40;
    if (text.size() > longest)
        text = text.left(longest) + QStringLiteral("…");
    return text;
}

} // namespace

Error wrongType(const QString &key, const QJsonValue &value, const QString &expected)
{
    return invalidInput(JsonFieldText::tr("\"%1\" must be %2, not %3").arg(key, expected, shortJson(value)));
}

Result<QString> string(const QJsonObject &json, const QString &key, const QString &fallback)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isString())
        return wrongType(key, value, JsonFieldText::tr("a string"));
    return value.toString();
}

Result<bool> boolean(const QJsonObject &json, const QString &key, bool fallback)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool())
        return wrongType(key, value, JsonFieldText::tr("true or false"));
    return value.toBool();
}

Result<double> number(const QJsonObject &json, const QString &key, double fallback)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isDouble())
        return wrongType(key, value, JsonFieldText::tr("a number"));
    return value.toDouble();
}

Result<int> wholeNumber(const QJsonObject &json, const QString &key, int fallback, int low, int high)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return fallback;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) || number < low || number > high)
        return wrongType(key, value, JsonFieldText::tr("a whole number from %1 to %2").arg(low).arg(high));
    return static_cast<int>(number);
}

Result<QStringList> stringList(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return QStringList();
    const auto expected = [] { return JsonFieldText::tr("a list of strings"); };
    if (!value.isArray())
        return wrongType(key, value, expected());
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isString())
            return wrongType(key, value, expected());
        list.append(item.toString());
    }
    return list;
}

Result<QMap<QString, QString>> stringMap(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return QMap<QString, QString>();
    const auto expected = [] { return JsonFieldText::tr("an object of strings"); };
    if (!value.isObject())
        return wrongType(key, value, expected());
    QMap<QString, QString> map;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return wrongType(key, value, expected());
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

Result<QJsonObject> object(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return QJsonObject();
    if (!value.isObject())
        return wrongType(key, value, JsonFieldText::tr("an object"));
    return value.toObject();
}

} // namespace punctual::jsonfields
