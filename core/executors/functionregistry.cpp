// Function registry.
#include "functionregistry.h"

#include <algorithm>

namespace punctual {

void FunctionRegistry::add(const QString &name, JobFunction function)
{
    const QWriteLocker locker(&m_lock);
    m_functions.insert(name, std::move(function));
}

bool FunctionRegistry::contains(const QString &name) const
{
    const QReadLocker locker(&m_lock);
    return m_functions.contains(name);
}

std::optional<JobFunction> FunctionRegistry::find(const QString &name) const
{
    const QReadLocker locker(&m_lock);
    const auto it = m_functions.constFind(name);
    if (it == m_functions.cend())
        return std::nullopt;
    return *it;
}

QStringList FunctionRegistry::names() const
{
    const QReadLocker locker(&m_lock);
    QStringList names = m_functions.keys();
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace punctual
