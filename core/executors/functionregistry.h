// C++ callables that function jobs run, registered by name (as APScheduler's "module:func" references).
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QReadWriteLock>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>

namespace punctual {

/// What a function job is told about its run.
struct FunctionContext
{
    QString jobId;
    std::int64_t scheduledTime = 0;
    QJsonObject arguments;
    /// Set when the run times out or the scheduler stops: a long function should check it and return.
    const std::atomic<bool> *cancelled = nullptr;

    bool isCancelled() const { return cancelled && cancelled->load(std::memory_order_relaxed); }
};

/// What a function job returns: success with optional output, or an error message.
struct FunctionResult
{
    bool ok = true;
    QString output;
    QString error;

    static FunctionResult success(QString output = {}) { return {true, std::move(output), {}}; }
    static FunctionResult failure(QString error) { return {false, {}, std::move(error)}; }
};

using JobFunction = std::function<FunctionResult(const FunctionContext &)>;

/// Name -> function. Registration usually happens at start-up; look-ups are safe from any thread.
class FunctionRegistry
{
public:
    /// Registers (or replaces) @p name.
    void add(const QString &name, JobFunction function);
    bool contains(const QString &name) const;
    /// A copy of the function, or nothing when no function has that name.
    std::optional<JobFunction> find(const QString &name) const;
    QStringList names() const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, JobFunction> m_functions;
};

} // namespace punctual
