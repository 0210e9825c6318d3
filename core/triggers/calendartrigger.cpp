// PLACEHOLDER while the calendar trigger is written; replaced in full by its implementation.
#include "calendartrigger.h"

namespace punctual {

CalendarTrigger::CalendarTrigger(Unit unit, int every, std::int64_t anchorDay, int timeOfDaySeconds)
    : m_unit(unit), m_every(every), m_anchorDay(anchorDay), m_timeOfDay(timeOfDaySeconds)
{
}
Result<std::unique_ptr<CalendarTrigger>> CalendarTrigger::parse(const QString &, std::shared_ptr<const ZoneRules>,
                                                                std::int64_t)
{
    return invalidInput(QStringLiteral("calendar triggers are not written yet"));
}
Result<std::unique_ptr<CalendarTrigger>> CalendarTrigger::fromJson(const QJsonObject &)
{
    return invalidInput(QStringLiteral("calendar triggers are not written yet"));
}
std::optional<std::int64_t> CalendarTrigger::nextFireTime(std::int64_t) const { return std::nullopt; }
QString CalendarTrigger::description() const { return {}; }
QJsonObject CalendarTrigger::toJson() const { return baseJson(); }

} // namespace punctual
