// What a job's runs are doing now, beyond what the store holds: runs going, and a failed run waiting to retry.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace punctual {

/// A failed run waiting for its next attempt (max_retries): which attempt comes, of how many, and when.
struct RetryWait
{
    int attempt = 0;      ///< the attempt that waits to be made: 2 for the first retry
    int attempts = 0;     ///< every attempt the run may make: max_retries + 1
    std::int64_t at = 0;  ///< when it is made (UTC ms, the scheduler's clock)

    bool operator==(const RetryWait &) const = default;
};

/// A due run waiting for its job's conditions (a job's "requires"): what it waits for, and until when.
struct ConditionWait
{
    QStringList conditions;              ///< the conditions that do not hold yet, as names ("ac-power", "idle:10m")
    std::optional<std::int64_t> deadline; ///< when it ends condition_timeout (UTC ms); none: it waits for ever

    bool operator==(const ConditionWait &) const = default;
};

/// One job's runs now (Scheduler::activity()): a job with nothing going has no entry.
struct JobActivity
{
    QString jobId;
    int running = 0;                ///< runs going now; a run waiting to retry is not one of them
    std::optional<RetryWait> retry; ///< the earliest retry waiting, if any
    std::optional<ConditionWait> waiting; ///< the oldest run waiting for its conditions, if any

    bool operator==(const JobActivity &) const = default;
};

} // namespace punctual
