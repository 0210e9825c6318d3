// Interval trigger: pure arithmetic on UTC milliseconds.
#include "intervaltrigger.h"

#include "time/civil.h"
#include "time/duration.h"
#include "time/isotime.h"

#include <QCoreApplication>
#include <QStringList>

namespace punctual {

namespace {

class IntervalText
{
    Q_DECLARE_TR_FUNCTIONS(IntervalTrigger)
};

} // namespace

IntervalTrigger::IntervalTrigger(std::int64_t intervalMs, std::int64_t startMs, std::optional<std::int64_t> endMs)
    : m_intervalMs(intervalMs > 0 ? intervalMs : 1)
    , m_startMs(startMs)
    , m_endMs(endMs)
{
}

std::unique_ptr<IntervalTrigger> IntervalTrigger::startingAfter(std::int64_t intervalMs, std::int64_t nowMs)
{
    // Rounded up to a whole second (for whole-second intervals), so run times read cleanly in lists and logs.
    std::int64_t first = nowMs + intervalMs;
    if (intervalMs % 1000 == 0)
        first = civil::floorDiv(first + 999, 1000) * 1000;
    return std::make_unique<IntervalTrigger>(intervalMs, first);
}

std::optional<std::int64_t> IntervalTrigger::nextFireTime(std::int64_t afterMs) const
{
    std::int64_t next = m_startMs;
    if (afterMs >= m_startMs) {
        const std::int64_t steps = civil::floorDiv(afterMs - m_startMs, m_intervalMs) + 1;
        next = m_startMs + steps * m_intervalMs;
    }
    if ((m_endMs && next > *m_endMs) || !isInstantInRange(next))
        return std::nullopt; // never past year 9999: such a time could not be stored and read back
    return next;
}

QString IntervalTrigger::describeInterval(std::int64_t intervalMs)
{
    constexpr std::int64_t second = 1000, minute = 60 * second, hour = 60 * minute, day = 24 * hour,
                           week = 7 * day;
    const struct { std::int64_t size; QString one; QString many; } units[] = {
        {week, IntervalText::tr("Every week"), IntervalText::tr("Every %n weeks", nullptr, int(intervalMs / week))},
        {day, IntervalText::tr("Every day"), IntervalText::tr("Every %n days", nullptr, int(intervalMs / day))},
        {hour, IntervalText::tr("Every hour"), IntervalText::tr("Every %n hours", nullptr, int(intervalMs / hour))},
        {minute, IntervalText::tr("Every minute"),
         IntervalText::tr("Every %n minutes", nullptr, int(intervalMs / minute))},
        {second, IntervalText::tr("Every second"),
         IntervalText::tr("Every %n seconds", nullptr, int(intervalMs / second))},
    };
    // One unit when it reads naturally ("Every 90 minutes"); "Every 5415 seconds" is better said in parts.
    for (const auto &unit : units) {
        if (intervalMs % unit.size == 0 && (intervalMs / unit.size <= 120 || unit.size >= day))
            return intervalMs == unit.size ? unit.one : unit.many;
    }
    // Mixed units: "Every 1 h 30 min".
    QStringList parts;
    std::int64_t rest = intervalMs;
    const struct { std::int64_t size; QString symbol; } symbols[] = {
        {day, IntervalText::tr("d")}, {hour, IntervalText::tr("h")}, {minute, IntervalText::tr("min")}};
    for (const auto &unit : symbols) {
        if (rest >= unit.size) {
            parts << QStringLiteral("%1 %2").arg(rest / unit.size).arg(unit.symbol);
            rest %= unit.size;
        }
    }
    if (rest > 0)
        parts << QStringLiteral("%1 %2").arg(QString::number(static_cast<double>(rest) / 1000.0, 'g', 6),
                                             IntervalText::tr("s"));
    return IntervalText::tr("Every %1").arg(parts.join(QLatin1Char(' ')));
}

QString IntervalTrigger::description() const
{
    return describeInterval(m_intervalMs);
}

QJsonObject IntervalTrigger::toJson() const
{
    QJsonObject json = baseJson();
    json.insert(QStringLiteral("interval_seconds"), static_cast<double>(m_intervalMs) / 1000.0);
    json.insert(QStringLiteral("start"), formatIso(m_startMs, zone()));
    if (m_endMs)
        json.insert(QStringLiteral("end"), formatIso(*m_endMs, zone()));
    return json;
}

Result<std::unique_ptr<IntervalTrigger>> IntervalTrigger::fromJson(const QJsonObject &json)
{
    const QJsonValue seconds = json.value(QStringLiteral("interval_seconds"));
    if (!seconds.isDouble())
        return invalidInput(IntervalText::tr("an interval trigger needs a positive \"interval_seconds\""));
    // 1 ms to 100 years: longer intervals would overflow the arithmetic of fire times.
    auto intervalMs = durationFromSeconds(seconds.toDouble(), QStringLiteral("interval_seconds"), false);
    if (!intervalMs)
        return intervalMs.error();
    auto trigger = std::make_unique<IntervalTrigger>(intervalMs.value(), 0);
    if (auto base = trigger->readBaseJson(json); !base)
        return base.error();
    auto start = parseIso(json.value(QStringLiteral("start")).toString(), trigger->zone());
    if (!start)
        return invalidInput(IntervalText::tr("interval trigger start: %1").arg(start.error().message));
    trigger->m_startMs = start.value();
    // One lookup: each costs about 1,000 instructions in a job's object.
    if (const QJsonValue endValue = json.value(QStringLiteral("end")); !endValue.isUndefined() && !endValue.isNull()) {
        auto end = parseIso(endValue.toString(), trigger->zone());
        if (!end)
            return invalidInput(IntervalText::tr("interval trigger end: %1").arg(end.error().message));
        if (end.value() < trigger->m_startMs)
            return invalidInput(IntervalText::tr("the interval trigger ends before it starts"));
        trigger->m_endMs = end.value();
    }
    return trigger;
}

} // namespace punctual
