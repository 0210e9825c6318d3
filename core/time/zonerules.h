// A time zone's UTC offsets as a table of transitions, so offset and local-time look-ups are a binary search
// instead of a QTimeZone call (which costs far more per step than a cron search can afford).
#pragma once

#include <QByteArray>

#include <cstdint>
#include <memory>
#include <vector>

namespace punctual {

/**
 * Immutable offset table of one IANA zone, covering the years firstCoveredYear..lastCoveredYear; outside that
 * range the nearest known offset continues. Shared between all triggers of a zone and safe to use from any
 * thread. A *segment* is a span of UTC seconds with one offset; segment i spans [start(i), end(i)).
 */
class ZoneRules final
{
public:
    static constexpr int firstCoveredYear = 1900;
    static constexpr int lastCoveredYear = 2300;

    /// The rules of an IANA zone id ("Europe/Berlin", "UTC"), or nullptr when the system does not know it.
    static std::shared_ptr<const ZoneRules> forZone(const QByteArray &ianaId);
    /// The rules of the system's zone (falls back to UTC when the system names none).
    static std::shared_ptr<const ZoneRules> system();
    /// The IANA id of the system's zone.
    static QByteArray systemZoneId();

    const QByteArray &id() const { return m_id; }

    int segmentCount() const { return static_cast<int>(m_offsets.size()); }
    int segmentAt(std::int64_t utcSeconds) const;
    std::int64_t segmentStart(int segment) const;
    std::int64_t segmentEnd(int segment) const;
    int segmentOffset(int segment) const { return m_offsets[static_cast<std::size_t>(segment)]; }

    /// Offset from UTC, in seconds, at a UTC instant.
    int offsetAt(std::int64_t utcSeconds) const { return segmentOffset(segmentAt(utcSeconds)); }
    /// The local wall-clock seconds (naive) at a UTC instant.
    std::int64_t toLocal(std::int64_t utcSeconds) const { return utcSeconds + offsetAt(utcSeconds); }
    /**
     * The instant of a local wall-clock time, resolved the way a non-wild cron expression is: a time in a gap
     * (clocks jumped forward) gives the instant the gap ends; a time in an overlap gives its first pass.
     */
    std::int64_t toUtc(std::int64_t localSeconds) const;

    ZoneRules(QByteArray id, std::vector<std::int64_t> transitions, std::vector<int> offsets);

private:
    QByteArray m_id;
    std::vector<std::int64_t> m_transitions; // UTC seconds at which segment i + 1 begins
    std::vector<int> m_offsets;              // offset of segment i; size = transitions + 1
};

} // namespace punctual
