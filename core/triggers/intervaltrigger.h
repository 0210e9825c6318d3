// Fires every fixed span of elapsed time from a start instant (unaffected by DST and wall-clock changes).
#pragma once

#include "triggers/trigger.h"

namespace punctual {

class IntervalTrigger final : public Trigger
{
public:
    /// Fires at startMs, startMs + intervalMs, ... up to endMs (inclusive) when given. intervalMs must be > 0.
    IntervalTrigger(std::int64_t intervalMs, std::int64_t startMs, std::optional<std::int64_t> endMs = {});
    /// APScheduler's rule for a job added without a start: the first fire is one interval after @p nowMs
    /// (rounded up to the next whole second when the interval is whole seconds).
    static std::unique_ptr<IntervalTrigger> startingAfter(std::int64_t intervalMs, std::int64_t nowMs);

    static Result<std::unique_ptr<IntervalTrigger>> fromJson(const QJsonObject &json);

    std::int64_t intervalMs() const { return m_intervalMs; }
    std::int64_t startMs() const { return m_startMs; }
    std::optional<std::int64_t> endMs() const { return m_endMs; }

    TriggerType type() const override { return TriggerType::Interval; }
    std::optional<std::int64_t> nextFireTime(std::int64_t afterMs) const override;
    QString description() const override;
    QJsonObject toJson() const override;
    std::unique_ptr<Trigger> clone() const override { return std::make_unique<IntervalTrigger>(*this); }

    /// "Every 15 minutes", "Every 1 h 30 min": the interval alone, translated.
    static QString describeInterval(std::int64_t intervalMs);

private:
    std::int64_t m_intervalMs;
    std::int64_t m_startMs;
    std::optional<std::int64_t> m_endMs;
};

} // namespace punctual
