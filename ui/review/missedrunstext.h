// The missed-runs review in words, shared by the banner, the Review dialog and the tray.
#pragma once

#include "scheduler/missedrunsreport.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace punctual {

/// Fire times that passed, over every report (the banner's and the tray's count).
std::int64_t missedRunsTotal(const QList<MissedRunsReport> &reports);
/// "7 runs were missed while the computer was asleep" (or "while Punctual was not running", or both).
QString missedRunsTitle(const QList<MissedRunsReport> &reports);
/// The banner's sentence: the title and "(3 jobs)".
QString missedRunsSummary(const QList<MissedRunsReport> &reports);
/// The tray message's body under missedRunsTitle(): how many jobs, and that a click opens the review.
QString missedRunsTrayMessage(const QList<MissedRunsReport> &reports);
/// Why and when: "Missed while the computer was asleep, from 01:00 to 07:58."
QString missedCauseText(const MissedRunsReport &report, std::int64_t nowMs);
/// The times that passed, local time, the first @p shown of them and "and 12 more".
QString missedTimesText(const MissedRunsReport &report, std::int64_t nowMs, int shown = 5);
/// Every time listed (a tooltip), one a line, and how many more were not listed.
QString missedTimesFullText(const MissedRunsReport &report, std::int64_t nowMs);
/// What the job's policy decided, one sentence per decision: "Ran once at 08:01 instead (only once: coalesce)".
QStringList missedDecisionTexts(const MissedRunsReport &report, std::int64_t nowMs);

} // namespace punctual
