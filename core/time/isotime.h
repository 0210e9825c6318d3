// ISO-8601 text for instants: the form punctualctl prints and the forms it accepts.
#pragma once

#include "time/zonerules.h"
#include "util/result.h"

#include <QString>

#include <cstdint>

namespace punctual {

/// "2026-03-08T03:00:00-04:00": local time in @p zone with seconds and offset (".123" only when ms are not 0;
/// a zero offset is "+00:00", never "Z").
QString formatIso(std::int64_t utcMs, const ZoneRules &zone);

/// Reads "YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH:MM|±HHMM|±HH]". Without an offset the text is a wall-clock
/// time in @p zone (a time in a DST gap means the gap's end, one in an overlap its first pass); a date alone
/// means its midnight. The error says what is wrong with the text.
Result<std::int64_t> parseIso(const QString &text, const ZoneRules &zone);

} // namespace punctual
