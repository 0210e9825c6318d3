// The trigger of a job that runs only on desktop events (at start, after resume, network up): it never fires on time.
#pragma once

#include "triggers/trigger.h"

namespace punctual {

/**
 * "No schedule": a job whose runs come only from its event triggers (JobOptions::events) has this trigger. It has
 * no fire time, so the job has no next run time; its state is JobState::OnEvents, not finished. A job with this
 * trigger and no events is refused (validateJob()). JSON: {"type": "event", "version", "timezone"}.
 */
class EventTrigger final : public Trigger
{
public:
    EventTrigger() = default;

    static Result<std::unique_ptr<EventTrigger>> fromJson(const QJsonObject &json);

    TriggerType type() const override { return TriggerType::Event; }
    std::optional<std::int64_t> nextFireTime(std::int64_t) const override { return std::nullopt; }
    /// "Only on events" (the job's events are described by describeJobEvents()).
    QString description() const override;
    QJsonObject toJson() const override { return baseJson(); }
    std::unique_ptr<Trigger> clone() const override { return std::make_unique<EventTrigger>(*this); }
};

} // namespace punctual
