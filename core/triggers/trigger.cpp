// Shared trigger fields and the JSON factory that rebuilds any trigger from its stored form.
#include "trigger.h"

#include "triggers/calendartrigger.h"
#include "triggers/crontrigger.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace punctual {

namespace {

class TriggerText
{
    Q_DECLARE_TR_FUNCTIONS(Trigger)
};

template <typename T>
Result<std::unique_ptr<Trigger>> upcast(Result<std::unique_ptr<T>> result)
{
    if (!result)
        return result.error();
    return std::unique_ptr<Trigger>(std::move(result).value());
}

} // namespace

Trigger::Trigger()
    : m_zone(ZoneRules::system())
{
}

void Trigger::setZone(std::shared_ptr<const ZoneRules> zone)
{
    if (zone)
        m_zone = std::move(zone);
}

std::int64_t Trigger::applyJitter(std::int64_t fireMs, QRandomGenerator &random) const
{
    return m_jitterMs > 0 ? fireMs + static_cast<std::int64_t>(random.bounded(static_cast<quint64>(m_jitterMs) + 1))
                          : fireMs;
}

QString Trigger::typeName(TriggerType type)
{
    switch (type) {
    case TriggerType::Date: return QStringLiteral("date");
    case TriggerType::Interval: return QStringLiteral("interval");
    case TriggerType::Cron: return QStringLiteral("cron");
    case TriggerType::Calendar: return QStringLiteral("calendar");
    }
    return {};
}

QJsonObject Trigger::baseJson() const
{
    QJsonObject json{
        {QStringLiteral("type"), typeName(type())},
        {QStringLiteral("version"), jsonVersion},
        {QStringLiteral("timezone"), QString::fromLatin1(m_zone->id())},
    };
    if (m_jitterMs > 0)
        json.insert(QStringLiteral("jitter"), static_cast<double>(m_jitterMs) / 1000.0);
    return json;
}

Result<void> Trigger::readBaseJson(const QJsonObject &json)
{
    const QString zoneId = json.value(QStringLiteral("timezone")).toString();
    if (!zoneId.isEmpty()) {
        auto zone = ZoneRules::forZone(zoneId.toLatin1());
        if (!zone)
            return invalidInput(TriggerText::tr("unknown time zone \"%1\"").arg(zoneId));
        m_zone = std::move(zone);
    }
    const double jitter = json.value(QStringLiteral("jitter")).toDouble(0);
    if (jitter < 0)
        return invalidInput(TriggerText::tr("jitter must not be negative"));
    m_jitterMs = static_cast<std::int64_t>(jitter * 1000.0 + 0.5);
    return {};
}

QString Trigger::zoneSuffix() const
{
    if (m_zone->id() == ZoneRules::systemZoneId())
        return {};
    return QStringLiteral(" (%1)").arg(QString::fromLatin1(m_zone->id()));
}

Result<std::unique_ptr<Trigger>> Trigger::fromJson(const QJsonObject &json)
{
    const int version = json.value(QStringLiteral("version")).toInt(jsonVersion);
    if (version > jsonVersion)
        return invalidInput(TriggerText::tr("the trigger was saved by a newer Punctual (version %1; this one reads "
                                            "up to %2)")
                                .arg(version)
                                .arg(jsonVersion));
    const QString type = json.value(QStringLiteral("type")).toString();
    if (type == typeName(TriggerType::Date))
        return upcast(DateTrigger::fromJson(json));
    if (type == typeName(TriggerType::Interval))
        return upcast(IntervalTrigger::fromJson(json));
    if (type == typeName(TriggerType::Cron))
        return upcast(CronTrigger::fromJson(json));
    if (type == typeName(TriggerType::Calendar))
        return upcast(CalendarTrigger::fromJson(json));
    return invalidInput(TriggerText::tr("unknown trigger type \"%1\"").arg(type));
}

} // namespace punctual
