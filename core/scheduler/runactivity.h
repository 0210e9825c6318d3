// What a job's runs are doing now, beyond what the store holds: runs going, and a failed run waiting to retry.
#pragma once

#include <QList>
#include <QString>

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

/// One job's runs now (Scheduler::activity()): a job with nothing going has no entry.
struct JobActivity
{
    QString jobId;
    int running = 0;                ///< runs going now; a run waiting to retry is not one of them
    std::optional<RetryWait> retry; ///< the earliest retry waiting, if any

    bool operator==(const JobActivity &) const = default;
};

} // namespace punctual
