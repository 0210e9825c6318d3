// The one-off trigger: fires once, at one instant.
#pragma once

#include "triggers/trigger.h"

namespace punctual {

class DateTrigger final : public Trigger
{
public:
    explicit DateTrigger(std::int64_t runAtMs);

    static Result<std::unique_ptr<DateTrigger>> fromJson(const QJsonObject &json);

    std::int64_t runAtMs() const { return m_runAtMs; }

    TriggerType type() const override { return TriggerType::Date; }
    std::optional<std::int64_t> nextFireTime(std::int64_t afterMs) const override;
    std::optional<std::int64_t> firstFireTime(std::int64_t) const override { return m_runAtMs; }
    QString description() const override;
    QJsonObject toJson() const override;
    std::unique_ptr<Trigger> clone() const override { return std::make_unique<DateTrigger>(*this); }

private:
    std::int64_t m_runAtMs;
};

} // namespace punctual
