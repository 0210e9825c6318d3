// What a cron trigger does at its zone's next DST change: the job editor's preview says it in words.
#pragma once

#include <cstdint>
#include <optional>

namespace punctual {

class CronTrigger;

/// The effect of one DST change on a cron trigger's times (DstPolicy and wildness decide it).
struct CronDstEffect
{
    enum class Kind
    {
        GapSkipped,   ///< a matching local time does not exist that day and is skipped
        GapAtEnd,     ///< a matching local time does not exist; the run is at the gap's end instead
        OverlapOnce,  ///< a matching local time happens twice; it runs in the first pass only
        OverlapTwice, ///< a matching local time happens twice; it runs in both passes
    };
    Kind kind = Kind::GapSkipped;
    std::int64_t changeMs = 0;           ///< the instant the clocks change (UTC ms)
    std::int64_t localSeconds = 0;       ///< the first matching local time affected (naive local seconds)
    std::int64_t gapEndLocalSeconds = 0; ///< a gap: the local time it ends at (the clocks' new reading)
};

/// How the first DST change after @p afterMs (within a year) affects @p trigger's times; none when no change comes
/// or the change touches none of its times.
std::optional<CronDstEffect> nextDstEffect(const CronTrigger &trigger, std::int64_t afterMs);

} // namespace punctual
