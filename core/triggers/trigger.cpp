// Shared trigger fields and the JSON factory that rebuilds any trigger from its stored form.
#include "trigger.h"

#include "triggers/calendartrigger.h"
#include "triggers/crontrigger.h"
#include "triggers/datetrigger.h"
#include "triggers/eventtrigger.h"
#include "triggers/intervaltrigger.h"
#include "time/duration.h"
#include "time/isotime.h"
#include "util/jsonfields.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

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
    if (m_jitterMs <= 0)
        return fireMs;
    // Never past the last instant a stored time may take (year 9999): such a next run time could not be read back.
    const std::int64_t jitterMs = std::min(m_jitterMs, std::max<std::int64_t>(0, maxInstantMs - fireMs));
    return fireMs + static_cast<std::int64_t>(random.bounded(static_cast<quint64>(jitterMs) + 1));
}

QString Trigger::typeName(TriggerType type)
{
    switch (type) {
    case TriggerType::Date: return QStringLiteral("date");
    case TriggerType::Interval: return QStringLiteral("interval");
    case TriggerType::Cron: return QStringLiteral("cron");
    case TriggerType::Calendar: return QStringLiteral("calendar");
    case TriggerType::Event: return QStringLiteral("event");
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
    auto zoneId = jsonfields::string(json, QStringLiteral("timezone"));
    if (!zoneId)
        return zoneId.error();
    if (!zoneId->isEmpty()) {
        // Zone ids are ASCII: anything else is no zone (toLatin1() would turn it into '?').
        const bool ascii = std::all_of(zoneId->cbegin(), zoneId->cend(), [](QChar c) { return c.unicode() < 0x80; });
        auto zone = ascii ? ZoneRules::forZone(zoneId->toLatin1()) : nullptr;
        if (!zone)
            return invalidInput(TriggerText::tr("unknown time zone \"%1\"").arg(zoneId.value()));
        m_zone = std::move(zone);
    }
    // Held to the limits of every duration (0, or 1 ms to 100 years): rounding or overflow would change it.
    auto jitter = jsonfields::number(json, QStringLiteral("jitter"), 0);
    if (!jitter)
        return jitter.error();
    if (jitter.value() < 0)
        return invalidInput(TriggerText::tr("jitter must not be negative"));
    auto jitterMs = durationFromSeconds(jitter.value(), QStringLiteral("jitter"), true);
    if (!jitterMs)
        return jitterMs.error();
    m_jitterMs = jitterMs.value();
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
    auto version = jsonfields::number(json, QStringLiteral("version"), jsonVersion);
    if (!version)
        return version.error();
    if (version.value() == std::floor(version.value()) && version.value() > jsonVersion)
        return invalidInput(TriggerText::tr("the trigger was saved by a newer Punctual (version %1; this one reads "
                                            "up to %2)")
                                .arg(version.value())
                                .arg(jsonVersion));
    if (version.value() != std::floor(version.value()) || version.value() < 1)
        return jsonfields::wrongType(QStringLiteral("version"), json.value(QStringLiteral("version")),
                                     TriggerText::tr("a whole number from 1 to %1").arg(jsonVersion));
    auto typeText = jsonfields::string(json, QStringLiteral("type"));
    if (!typeText)
        return typeText.error();
    const QString type = typeText.value();
    if (type == typeName(TriggerType::Date))
        return upcast(DateTrigger::fromJson(json));
    if (type == typeName(TriggerType::Interval))
        return upcast(IntervalTrigger::fromJson(json));
    if (type == typeName(TriggerType::Cron))
        return upcast(CronTrigger::fromJson(json));
    if (type == typeName(TriggerType::Calendar))
        return upcast(CalendarTrigger::fromJson(json));
    if (type == typeName(TriggerType::Event))
        return upcast(EventTrigger::fromJson(json));
    return invalidInput(TriggerText::tr("unknown trigger type \"%1\"").arg(type));
}

} // namespace punctual
