// Conversions between C++ values and the SQL store's column values (NULLs and NOT NULL texts).
#pragma once

#include <QString>
#include <QVariant>

#include <cstdint>
#include <optional>

namespace punctual::sqlstore {

inline QVariant optionalValue(const std::optional<std::int64_t> &value)
{
    return value ? QVariant(static_cast<qlonglong>(*value)) : QVariant(QMetaType::fromType<qlonglong>());
}

/// Text for a NOT NULL column: a null QString would bind as NULL.
inline QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

inline std::optional<std::int64_t> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

} // namespace punctual::sqlstore
