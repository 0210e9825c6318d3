// One-off trigger.
#include "datetrigger.h"

#include "time/isotime.h"

#include <QCoreApplication>

namespace punctual {

namespace {

class DateTriggerText
{
    Q_DECLARE_TR_FUNCTIONS(DateTrigger)
};

} // namespace

DateTrigger::DateTrigger(std::int64_t runAtMs)
    : m_runAtMs(runAtMs)
{
}

std::optional<std::int64_t> DateTrigger::nextFireTime(std::int64_t afterMs) const
{
    if (m_runAtMs > afterMs)
        return m_runAtMs;
    return std::nullopt;
}

QString DateTrigger::description() const
{
    return DateTriggerText::tr("Once at %1").arg(formatIso(m_runAtMs, zone())) + zoneSuffix();
}

QJsonObject DateTrigger::toJson() const
{
    QJsonObject json = baseJson();
    json.insert(QStringLiteral("run_date"), formatIso(m_runAtMs, zone()));
    return json;
}

Result<std::unique_ptr<DateTrigger>> DateTrigger::fromJson(const QJsonObject &json)
{
    auto trigger = std::make_unique<DateTrigger>(0);
    if (auto base = trigger->readBaseJson(json); !base)
        return base.error();
    const QString runDate = json.value(QStringLiteral("run_date")).toString();
    if (runDate.isEmpty())
        return invalidInput(DateTriggerText::tr("a date trigger needs a \"run_date\""));
    auto at = parseIso(runDate, trigger->zone());
    if (!at)
        return at.error();
    trigger->m_runAtMs = at.value();
    return trigger;
}

} // namespace punctual
