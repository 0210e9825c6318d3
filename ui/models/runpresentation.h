// How runs and instants read in the window: outcome icons and words, short local times, relative times.
#pragma once

#include "jobs/runrecord.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

#include <cstdint>

namespace punctual {

/// How much of the time of day shortDateTime() shows.
enum class TimePrecision
{
    Minutes,      ///< "15:55" (the job list)
    Seconds,      ///< "15:55:00" (run history)
    Milliseconds, ///< "15:55:00.002" (when a run really started)
};

/// The outcome's icon (":/icons/outcome-*.svg"). Always shown next to words that say the same: never colour alone.
/// Each call builds a new QIcon; a model keeps the ones it uses, so their rendered pixmaps are cached.
QIcon outcomeIcon(RunOutcome outcome);
/// The outcome's colour for bars, marks and charts (the timeline, the statistics): green success, red failure and
/// time-out, amber missed / skipped / condition time-out, grey the rest, blue running and waiting. Lighter on a dark
/// @p palette (its window colour decides), so each keeps a readable contrast against the background either way.
/// Like the icon, always shown with words or a tooltip that say the same: never colour alone.
QColor outcomeColor(RunOutcome outcome, const QPalette &palette);
/// The outcome as a word for a cell or a filter: "Success", "Failed", "Missed", "Timed out"...
QString outcomeName(RunOutcome outcome);
/// The short result of a run: its duration for a success ("0.3 s", "4 min"), "exit 1", "failed", "timed out",
/// "missed", "skipped", "interrupted", "running".
QString outcomeText(const RunRecord &run);
/// A run's tooltip: the outcome in words and the first line of its error, or how long a success took.
QString outcomeToolTip(const RunRecord &run);
/// A duration for a cell: "45 ms", "0.3 s", "42 s", "4 min", "3 h 5 min", "2 d 3 h".
QString shortDuration(std::int64_t ms);
/// The first line of @p text, without trailing white space (error messages can hold a whole stack).
QString firstLine(const QString &text);

/// Local time of @p ms, as short as it can be relative to @p nowMs: "15:55" today, "tomorrow 02:30",
/// "yesterday 14:00", "Sat 5 Dec 09:00" within half a year either way, "Sat 5 Dec 2027 09:00" beyond.
/// Names and the time format follow the default QLocale.
QString shortDateTime(std::int64_t ms, std::int64_t nowMs, TimePrecision precision = TimePrecision::Minutes);
/// The full local date and time, for tooltips: "Saturday 5 December 2026 09:00:00 CET".
QString longDateTime(std::int64_t ms);
/// How far @p ms is from @p nowMs: "in 45 s", "in 12 min", "in 3 h 5 min", "in 2 days", "12 min ago", "now".
QString relativeTime(std::int64_t ms, std::int64_t nowMs);
/// The first local midnight strictly after @p nowMs (UTC ms): when "today" and "tomorrow" change meaning.
std::int64_t nextLocalMidnight(std::int64_t nowMs);

} // namespace punctual
