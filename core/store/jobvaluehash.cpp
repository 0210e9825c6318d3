// Hashes of the job parts MemoryJobStore interns: each a fold over the fields, listed once per type.
#include "jobvaluehash.h"

#include <QHashFunctions>
#include <QJsonDocument>

#include <type_traits>
#include <variant>

namespace punctual {

namespace {

std::size_t combine(std::size_t seed, std::size_t hash)
{
    return seed ^ (hash + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

template <typename T>
std::size_t fieldHash(const T &value)
{
    if constexpr (std::is_enum_v<T>)
        return qHash(static_cast<int>(value));
    else
        return qHash(value);
}

template <typename T>
std::size_t fieldHash(const std::optional<T> &value)
{
    return value ? combine(1, fieldHash(*value)) : 0;
}

std::size_t fieldHash(const QMap<QString, QString> &map)
{
    std::size_t hash = 0;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        hash = combine(hash, combine(qHash(it.key()), qHash(it.value())));
    return hash;
}

std::size_t fieldHash(const QList<JobChain> &chains)
{
    std::size_t hash = 0;
    for (const JobChain &chain : chains)
        hash = combine(hash, combine(qHash(static_cast<int>(chain.when)), qHash(chain.jobId)));
    return hash;
}

std::size_t fieldHash(const RunConditions &conditions)
{
    std::size_t hash = 0;
    for (const RunCondition &condition : conditions)
        hash = combine(hash, combine(qHash(static_cast<int>(condition.kind)), qHash(condition.idleMs)));
    return hash;
}

/// Folds the hashes of @p fields, in order, into @p seed.
template <typename... Fields>
std::size_t hashFields(std::size_t seed, const Fields &...fields)
{
    ((seed = combine(seed, fieldHash(fields))), ...);
    return seed;
}

} // namespace

std::size_t valueHash(const Action &action)
{
    return std::visit(
        [](const auto &a) -> std::size_t {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, CommandAction>) {
                return hashFields(2, a.program, a.arguments, a.workingDirectory, a.environment, a.useShell,
                                  a.outputCapBytes);
            } else if constexpr (std::is_same_v<A, FunctionAction>) {
                return hashFields(1, a.name, a.arguments);
            } else {
                // Rare kinds with many fields: their JSON text is the hash key (equality still decides).
                return qHash(QJsonDocument(actionToJson(Action{a})).toJson(QJsonDocument::Compact), 3);
            }
        },
        action);
}

std::size_t valueHash(const JobOptions &o)
{
    return hashFields(0, o.maxInstances, o.coalesce, o.misfireGraceMs, o.timeoutMs, o.maxRetries, o.retryDelayMs,
                      o.retryBackoff, o.retryDelayMaxMs, o.removeWhenDone, o.recover, o.overlap, o.queueLimit,
                      o.chains, o.pauseAfterFailures, o.exclude, o.events.atStart, o.events.afterResumeDelayMs,
                      o.events.networkUp, o.conditions, o.requireDeadlineMs, o.stopIfLost);
}

} // namespace punctual
