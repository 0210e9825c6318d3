// The names of an enum's values in one table, and the two lookups every such table needs.
#pragma once

#include <QLatin1String>
#include <QString>

#include <cstddef>
#include <optional>

namespace punctual {

/// One row of a name table: an enum value and its name in JSON, the store and the CLI.
template <typename Enum>
struct NameOf
{
    Enum value;
    const char *name;
};

/// @p value's name in @p table; empty when the table lacks it.
template <typename Enum, std::size_t N>
QString nameIn(const NameOf<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

/// The value named @p name in @p table; none for a name it lacks (names are case-sensitive).
template <typename Enum, std::size_t N>
std::optional<Enum> valueIn(const NameOf<Enum> (&table)[N], const QString &name)
{
    for (const auto &entry : table) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

} // namespace punctual
