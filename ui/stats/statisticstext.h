// A job's statistics in words: the sparkline's tooltip and the details' summary.
#pragma once

#include "jobs/jobstatistics.h"

#include <QString>

namespace punctual {

/// "87 %": the success rate rounded down (99.6 % is not "100 %" while one run failed); empty when none ended.
QString successPercent(const JobStatistics &stats);
/// One line, plain text: "Last 50 runs: 96 % succeeded, median 0.4 s, p95 2.1 s"; "No run has ended yet".
QString trendSummary(const JobStatistics &stats);
/// Sentences for the details' Statistics: how many runs ended and how, the success rate, p50 and p95, and the runs
/// that did not run or are going. Plain text, one line each.
QString statisticsDescription(const JobStatistics &stats);

} // namespace punctual
