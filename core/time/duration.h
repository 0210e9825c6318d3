// Durations as people type them: "90s", "15m", "1h30m", "1.5h", "2d", "1w" or ISO-8601 "PT15M", "P1DT2H".
#pragma once

#include "util/result.h"

#include <QString>

#include <cstdint>

namespace punctual {

/// The longest duration that is accepted anywhere (an interval, a timeout, a grace time, a delay): 100 years of
/// 365.25 days. Longer values are refused at the door (DESIGN.md section 7: limits that round-trip).
inline constexpr std::int64_t maxDurationMs = 36525LL * 24 * 3600 * 1000;
/// The shortest non-zero duration: 1 ms (what is stored).
inline constexpr std::int64_t minDurationMs = 1;

/// A number of seconds (a JSON value, a SECONDS argument) as milliseconds, checked: finite, not negative, at most
/// maxDurationMs, and, unless zero is allowed and given, at least 1 ms (nothing is silently rounded to zero).
/// @p what names the value in the error ("timeout").
Result<std::int64_t> durationFromSeconds(double seconds, const QString &what, bool allowZero);

/// Milliseconds of a duration text; zero and negative durations are errors unless @p allowZero.
Result<std::int64_t> parseDuration(const QString &text, bool allowZero = false);
/// Seconds as "SECONDS" arguments give them: "30", "1.5" or "none" (when @p allowNone; gives -1).
Result<std::int64_t> parseSecondsMs(const QString &text, bool allowNone);
/// The shortest exact "1h30m"-style text for a duration in milliseconds ("0s" for zero).
QString formatDuration(std::int64_t ms);

} // namespace punctual
