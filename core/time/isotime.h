// ISO-8601 text for instants: the form punctualctl prints and the forms it accepts.
#pragma once

#include "time/zonerules.h"
#include "util/result.h"

#include <QString>

#include <cstdint>

namespace punctual {

/// The instants that are dates in years 1 to 9999 in every time zone (UTC offsets reach ±14 h): the range a
/// stored time may take (DESIGN.md section 7). 0001-01-02T00:00:00Z and 9999-12-30T23:59:59.999Z.
inline constexpr std::int64_t minInstantMs = -62135510400000;
inline constexpr std::int64_t maxInstantMs = 253402214399999;
/// Whether @p utcMs is in [minInstantMs, maxInstantMs].
constexpr bool isInstantInRange(std::int64_t utcMs)
{
    return utcMs >= minInstantMs && utcMs <= maxInstantMs;
}

/// "2026-03-08T03:00:00-04:00": local time in @p zone with seconds and offset (".123" only when ms are not 0;
/// a zero offset is "+00:00", never "Z"; an offset with seconds, as local mean time has, is "-00:44:30").
QString formatIso(std::int64_t utcMs, const ZoneRules &zone);

/// Reads "YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH:MM[:SS]|±HHMM[SS]|±HH]". Without an offset the text is a wall-clock
/// time in @p zone (a time in a DST gap means the gap's end, one in an overlap its first pass); a date alone
/// means its midnight. The error says what is wrong with the text; an instant outside years 1 to 9999 (in any
/// zone: isInstantInRange) is an error.
Result<std::int64_t> parseIso(const QString &text, const ZoneRules &zone);

} // namespace punctual
