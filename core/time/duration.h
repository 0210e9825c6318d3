// Durations as people type them: "90s", "15m", "1h30m", "1.5h", "2d", "1w" or ISO-8601 "PT15M", "P1DT2H".
#pragma once

#include "util/result.h"

#include <QString>

#include <cstdint>

namespace punctual {

/// Milliseconds of a duration text; zero and negative durations are errors unless @p allowZero.
Result<std::int64_t> parseDuration(const QString &text, bool allowZero = false);
/// Seconds as "SECONDS" arguments give them: "30", "1.5" or "none" (when @p allowNone; gives -1).
Result<std::int64_t> parseSecondsMs(const QString &text, bool allowNone);
/// The shortest exact "1h30m"-style text for a duration in milliseconds ("0s" for zero).
QString formatDuration(std::int64_t ms);

} // namespace punctual
