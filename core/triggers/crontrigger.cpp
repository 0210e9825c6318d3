// Cron trigger: walks the zone's offset segments and matches naive local time inside each one.
#include "crontrigger.h"

#include "time/civil.h"
#include "time/isotime.h"

#include <QCoreApplication>

#include <limits>

namespace punctual {

namespace {

class CronTriggerText
{
    Q_DECLARE_TR_FUNCTIONS(CronTrigger)
};

} // namespace

CronTrigger::CronTrigger(CronExpression expression)
    : m_expression(std::move(expression))
{
}

Result<std::unique_ptr<CronTrigger>> CronTrigger::create(const QString &expression,
                                                         std::shared_ptr<const ZoneRules> zone)
{
    auto parsed = CronExpression::parseResult(expression);
    if (!parsed)
        return parsed.error();
    auto trigger = std::make_unique<CronTrigger>(std::move(parsed).value());
    trigger->setZone(std::move(zone));
    return trigger;
}

bool CronTrigger::firesInBothPasses() const
{
    // Cronie's rules follow from wildness; a DST policy sets them for every expression.
    return m_dst == DstPolicy::Both || (m_dst == DstPolicy::Cron && m_expression.isWild());
}

bool CronTrigger::firesAtGapEnd() const
{
    return m_dst != DstPolicy::Skip && !m_expression.isWild();
}

std::optional<std::int64_t> CronTrigger::firstFireAtOrAfter(std::int64_t utcSeconds, int maxYear) const
{
    const ZoneRules &rules = zone();
    const bool bothPasses = firesInBothPasses();
    const bool gapFiresAtEnd = firesAtGapEnd();
    int segment = rules.segmentAt(utcSeconds);
    std::int64_t from = utcSeconds;
    for (;;) {
        const int offset = rules.segmentOffset(segment);
        std::int64_t localFrom = from + offset;
        if (!bothPasses && segment > 0) {
            // Second pass of an overlap: local times already lived through before the clocks went back.
            const int previousOffset = rules.segmentOffset(segment - 1);
            if (previousOffset > offset)
                localFrom = std::max(localFrom, rules.segmentStart(segment) + previousOffset);
        }
        const std::optional<std::int64_t> match = m_expression.nextMatch(localFrom, maxYear);
        if (!match)
            return std::nullopt;
        const std::int64_t end = rules.segmentEnd(segment);
        if (end == std::numeric_limits<std::int64_t>::max() || *match - offset < end)
            return *match - offset;
        // The match lies beyond this segment. For a non-wild expression (unless dst skip), a match inside the gap
        // that opens here fires once, at the instant the gap ends (which is this segment's end).
        const int nextOffset = rules.segmentOffset(segment + 1);
        if (gapFiresAtEnd && nextOffset > offset && *match < end + nextOffset)
            return end;
        ++segment;
        from = end;
    }
}

std::optional<std::int64_t> CronTrigger::nextFireTime(std::int64_t afterMs) const
{
    // Fires fall on whole seconds: the first candidate is the next whole second strictly after afterMs.
    std::int64_t from = civil::floorDiv(afterMs, 1000) + 1;
    if (m_startMs && from * 1000 < *m_startMs)
        from = civil::floorDiv(*m_startMs + 999, 1000);
    const int maxYear = civil::fromSeconds(zone().toLocal(from)).year + searchYears;
    const std::optional<std::int64_t> fire = firstFireAtOrAfter(from, maxYear);
    if (!fire || (m_endMs && *fire * 1000 > *m_endMs))
        return std::nullopt;
    return *fire * 1000;
}

QString CronTrigger::description() const
{
    QString text = describeCron(m_expression);
    if (m_dst == DstPolicy::Skip)
        text += CronTriggerText::tr(", DST: skip");
    else if (m_dst == DstPolicy::Both)
        text += CronTriggerText::tr(", DST: both passes");
    return text + zoneSuffix();
}

QString CronTrigger::dstPolicyName(DstPolicy policy)
{
    switch (policy) {
    case DstPolicy::Cron: return QStringLiteral("cron");
    case DstPolicy::Skip: return QStringLiteral("skip");
    case DstPolicy::Both: return QStringLiteral("both");
    }
    return {};
}

std::optional<DstPolicy> CronTrigger::dstPolicyFromName(const QString &name)
{
    for (DstPolicy policy : {DstPolicy::Cron, DstPolicy::Skip, DstPolicy::Both}) {
        if (name == dstPolicyName(policy))
            return policy;
    }
    return std::nullopt;
}

QJsonObject CronTrigger::toJson() const
{
    QJsonObject json = baseJson();
    json.insert(QStringLiteral("expression"), m_expression.text());
    if (m_startMs)
        json.insert(QStringLiteral("start"), formatIso(*m_startMs, zone()));
    if (m_endMs)
        json.insert(QStringLiteral("end"), formatIso(*m_endMs, zone()));
    if (m_dst != DstPolicy::Cron)
        json.insert(QStringLiteral("dst"), dstPolicyName(m_dst));
    return json;
}

Result<std::unique_ptr<CronTrigger>> CronTrigger::fromJson(const QJsonObject &json)
{
    auto parsed = CronExpression::parseResult(json.value(QStringLiteral("expression")).toString());
    if (!parsed)
        return parsed.error();
    auto trigger = std::make_unique<CronTrigger>(std::move(parsed).value());
    if (auto base = trigger->readBaseJson(json); !base)
        return base.error();
    for (const auto &[key, target] : {std::pair{QStringLiteral("start"), &trigger->m_startMs},
                                      std::pair{QStringLiteral("end"), &trigger->m_endMs}}) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || value.isNull())
            continue;
        auto instant = parseIso(value.toString(), trigger->zone());
        if (!instant)
            return invalidInput(CronTriggerText::tr("cron trigger %1: %2").arg(key, instant.error().message));
        *target = instant.value();
    }
    if (const QJsonValue dst = json.value(QStringLiteral("dst")); !dst.isUndefined() && !dst.isNull()) {
        const auto policy = dstPolicyFromName(dst.toString());
        if (!dst.isString() || !policy)
            return invalidInput(CronTriggerText::tr("cron trigger dst: \"%1\" is not cron, skip or both")
                                    .arg(dst.isString() ? dst.toString() : QStringLiteral("?")));
        trigger->m_dst = *policy;
    }
    if (trigger->m_startMs && trigger->m_endMs && *trigger->m_endMs < *trigger->m_startMs)
        return invalidInput(CronTriggerText::tr("the cron trigger ends before it starts"));
    return trigger;
}

} // namespace punctual
