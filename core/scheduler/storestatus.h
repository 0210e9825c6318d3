// Whether the scheduler can reach its store now: what `status`, the window's banner and the tray show.
#pragma once

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>

namespace punctual {

/**
 * The store as the scheduler last found it. Unavailable from the first failure of its own work (a due pass, a run
 * record, a heartbeat, a reconnect) until a reconnect and a read succeed; meanwhile nothing starts and the
 * reconnects follow Scheduler's backoff (storeRetryFirstMs doubling to storeRetryCapMs).
 */
struct StoreStatus
{
    bool available = true;
    /// When it became unavailable, or available again (the scheduler's clock); 0: available since the start.
    std::int64_t sinceMs = 0;
    /// What made it unavailable, or the latest failed reconnect's error; when available, the last outage's.
    QString lastError;
    /// Reconnects tried since it became unavailable (when available: how many the last outage took).
    int retries = 0;
    /// When the next reconnect is tried (unavailable only).
    std::optional<std::int64_t> nextRetryMs;

    /// sinceMs, or @p nowMs when it is not known (a status from a host that does not say).
    std::int64_t sinceOr(std::int64_t nowMs) const { return sinceMs > 0 ? sinceMs : nowMs; }
};

} // namespace punctual

Q_DECLARE_METATYPE(punctual::StoreStatus)
