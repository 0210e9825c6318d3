// The trigger of a job that runs only on desktop events.
#include "eventtrigger.h"

#include <QCoreApplication>

namespace punctual {

namespace {

class EventTriggerText
{
    Q_DECLARE_TR_FUNCTIONS(EventTrigger)
};

} // namespace

QString EventTrigger::description() const
{
    return EventTriggerText::tr("Only on events");
}

Result<std::unique_ptr<EventTrigger>> EventTrigger::fromJson(const QJsonObject &json)
{
    auto trigger = std::make_unique<EventTrigger>();
    if (auto base = trigger->readBaseJson(json); !base)
        return base.error();
    return trigger;
}

} // namespace punctual
