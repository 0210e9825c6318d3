// Builds offset tables from QTimeZone once per zone and answers look-ups from them.
#include "zonerules.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace punctual {

namespace {

std::shared_ptr<const ZoneRules> buildRules(const QByteArray &ianaId)
{
    if (!QTimeZone::isTimeZoneIdAvailable(ianaId) && ianaId != "UTC")
        return nullptr;
    const QTimeZone zone(ianaId);
    if (!zone.isValid())
        return nullptr;

    const QDateTime from(QDate(ZoneRules::firstCoveredYear, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(ZoneRules::lastCoveredYear + 1, 1, 1), QTime(0, 0), Qt::UTC);
    std::vector<std::int64_t> transitions;
    std::vector<int> offsets{zone.offsetFromUtc(from)};
    const QTimeZone::OffsetDataList list = zone.hasTransitions() ? zone.transitions(from, to)
                                                                 : QTimeZone::OffsetDataList{};
    transitions.reserve(static_cast<std::size_t>(list.size()));
    offsets.reserve(static_cast<std::size_t>(list.size()) + 1);
    for (const QTimeZone::OffsetData &data : list) {
        // Changes of name or DST flag alone do not move the wall clock: keep only real offset changes.
        if (data.offsetFromUtc == offsets.back())
            continue;
        transitions.push_back(data.atUtc.toSecsSinceEpoch());
        offsets.push_back(data.offsetFromUtc);
    }
    return std::make_shared<const ZoneRules>(ianaId, std::move(transitions), std::move(offsets));
}

} // namespace

ZoneRules::ZoneRules(QByteArray id, std::vector<std::int64_t> transitions, std::vector<int> offsets)
    : m_id(std::move(id))
    , m_transitions(std::move(transitions))
    , m_offsets(std::move(offsets))
{
}

std::shared_ptr<const ZoneRules> ZoneRules::forZone(const QByteArray &ianaId)
{
    static QMutex mutex;
    static QHash<QByteArray, std::shared_ptr<const ZoneRules>> cache;
    const QMutexLocker locker(&mutex);
    const auto it = cache.constFind(ianaId);
    if (it != cache.cend())
        return *it;
    auto rules = buildRules(ianaId);
    if (rules)
        cache.insert(ianaId, rules);
    return rules;
}

QByteArray ZoneRules::systemZoneId()
{
    QByteArray id = QTimeZone::systemTimeZoneId();
    if (id.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(id))
        id = QByteArrayLiteral("UTC");
    return id;
}

std::shared_ptr<const ZoneRules> ZoneRules::system()
{
    auto rules = forZone(systemZoneId());
    return rules ? rules : forZone(QByteArrayLiteral("UTC"));
}

int ZoneRules::segmentAt(std::int64_t utcSeconds) const
{
    const auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), utcSeconds);
    return static_cast<int>(it - m_transitions.begin());
}

std::int64_t ZoneRules::segmentStart(int segment) const
{
    return segment == 0 ? std::numeric_limits<std::int64_t>::min()
                        : m_transitions[static_cast<std::size_t>(segment - 1)];
}

std::int64_t ZoneRules::segmentEnd(int segment) const
{
    return segment + 1 >= segmentCount() ? std::numeric_limits<std::int64_t>::max()
                                         : m_transitions[static_cast<std::size_t>(segment)];
}

std::int64_t ZoneRules::toUtc(std::int64_t localSeconds) const
{
    // The segment that holds a local time is the first whose local end lies beyond it; local ends increase
    // because segments last far longer than any offset change. Start from a guess and settle by steps.
    int segment = segmentAt(localSeconds - offsetAt(localSeconds));
    while (segment > 0 && localSeconds < segmentEnd(segment - 1) + segmentOffset(segment - 1))
        --segment;
    while (segment + 1 < segmentCount() && localSeconds >= segmentEnd(segment) + segmentOffset(segment))
        ++segment;
    if (segment > 0 && localSeconds < segmentStart(segment) + segmentOffset(segment))
        return segmentStart(segment); // in a gap: the instant the gap ends
    return localSeconds - segmentOffset(segment);
}

} // namespace punctual
