// The effect of a zone's next DST change on a cron trigger's times.
#include "crondsteffect.h"

#include "time/civil.h"
#include "triggers/crontrigger.h"

#include <limits>

namespace punctual {

std::optional<CronDstEffect> nextDstEffect(const CronTrigger &trigger, std::int64_t afterMs)
{
    constexpr std::int64_t yearSeconds = 366LL * 86'400;
    const ZoneRules &rules = trigger.zone();
    const std::int64_t from = civil::floorDiv(afterMs, 1000);
    const int segment = rules.segmentAt(from);
    const std::int64_t change = rules.segmentEnd(segment);
    if (change == std::numeric_limits<std::int64_t>::max() || change - from > yearSeconds)
        return std::nullopt;
    const int before = rules.segmentOffset(segment);
    const int after = rules.segmentOffset(segment + 1);
    if (before == after)
        return std::nullopt;
    // The local times the change touches: those skipped (a gap) or lived twice (an overlap).
    const bool gap = after > before;
    const std::int64_t windowStart = change + (gap ? before : after);
    const std::int64_t windowEnd = change + (gap ? after : before);
    const int maxYear = civil::fromSeconds(windowEnd).year + 1;
    const std::optional<std::int64_t> match = trigger.expression().nextMatch(windowStart, maxYear);
    if (!match || *match >= windowEnd)
        return std::nullopt;
    CronDstEffect effect;
    effect.changeMs = change * 1000;
    effect.localSeconds = *match;
    effect.gapEndLocalSeconds = change + after;
    if (gap)
        effect.kind = trigger.firesAtGapEnd() ? CronDstEffect::Kind::GapAtEnd : CronDstEffect::Kind::GapSkipped;
    else
        effect.kind = trigger.firesInBothPasses() ? CronDstEffect::Kind::OverlapTwice : CronDstEffect::Kind::OverlapOnce;
    return effect;
}

} // namespace punctual
