// Sentences of the missed-runs review, with %n plurals.
#include "missedrunstext.h"

#include "models/runpresentation.h"
#include "scheduler/dueplanner.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace punctual {

namespace {

class MissedRunsText
{
    Q_DECLARE_TR_FUNCTIONS(MissedRunsReview)
};

int clamped(std::int64_t n)
{
    return static_cast<int>(std::min<std::int64_t>(n, INT_MAX));
}

} // namespace

std::int64_t missedRunsTotal(const QList<MissedRunsReport> &reports)
{
    std::int64_t total = 0;
    for (const MissedRunsReport &report : reports)
        total += report.times.total;
    return total;
}

QString missedRunsTitle(const QList<MissedRunsReport> &reports)
{
    const int total = clamped(missedRunsTotal(reports));
    const bool asleep = std::any_of(reports.cbegin(), reports.cend(),
                                    [](const MissedRunsReport &r) { return r.cause == MissedCause::Asleep; });
    const bool notRunning = std::any_of(reports.cbegin(), reports.cend(),
                                        [](const MissedRunsReport &r) { return r.cause == MissedCause::NotRunning; });
    if (asleep && notRunning)
        return MissedRunsText::tr("%n runs were missed while the computer was asleep or Punctual was not running",
                                  nullptr, total);
    if (asleep)
        return MissedRunsText::tr("%n runs were missed while the computer was asleep", nullptr, total);
    return MissedRunsText::tr("%n runs were missed while Punctual was not running", nullptr, total);
}

QString missedRunsSummary(const QList<MissedRunsReport> &reports)
{
    return MissedRunsText::tr("%1 (%n jobs)", nullptr, static_cast<int>(reports.size())).arg(missedRunsTitle(reports));
}

QString missedCauseText(const MissedRunsReport &report, std::int64_t nowMs)
{
    const QString from = shortDateTime(report.gapFromMs, nowMs);
    const QString to = shortDateTime(report.gapToMs, nowMs);
    return report.cause == MissedCause::Asleep
        ? MissedRunsText::tr("Missed while the computer was asleep, from %1 to %2.").arg(from, to)
        : MissedRunsText::tr("Missed while Punctual was not running, from %1 to %2.").arg(from, to);
}

QString missedTimesText(const MissedRunsReport &report, std::int64_t nowMs, int shown)
{
    const QList<std::int64_t> listed = report.times.listed();
    QStringList times;
    for (qsizetype i = 0; i < listed.size() && i < shown; ++i)
        times << shortDateTime(listed[i], nowMs);
    const std::int64_t more = report.times.total - times.size();
    const QString joined = times.join(MissedRunsText::tr(", "));
    if (more <= 0)
        return MissedRunsText::tr("Due %1").arg(joined);
    return report.times.atLeast ? MissedRunsText::tr("Due %1 and at least %n more", nullptr, clamped(more)).arg(joined)
                                : MissedRunsText::tr("Due %1 and %n more", nullptr, clamped(more)).arg(joined);
}

QString missedTimesFullText(const MissedRunsReport &report, std::int64_t nowMs)
{
    QStringList lines;
    for (const std::int64_t at : report.times.first)
        lines << shortDateTime(at, nowMs);
    if (report.times.hidden() > 0)
        lines << MissedRunsText::tr("… %n more …", nullptr, clamped(report.times.hidden()));
    for (const std::int64_t at : report.times.last)
        lines << shortDateTime(at, nowMs);
    return lines.join(QLatin1Char('\n'));
}

QStringList missedDecisionTexts(const MissedRunsReport &report, std::int64_t nowMs)
{
    QStringList lines;
    const QString ranAt = report.ranAtMs ? shortDateTime(*report.ranAtMs, nowMs) : QString();
    const bool ranOnceForAll = report.coalesce && report.coalesced > 0 && report.ranLate == 1;
    if (ranOnceForAll)
        lines << MissedRunsText::tr("Ran once at %1 instead (only once: coalesce)").arg(ranAt);
    else if (report.ranLate > 0)
        lines << MissedRunsText::tr("%n ran late, from %1", nullptr, clamped(report.ranLate)).arg(ranAt);
    if (report.coalesced > 0 && !ranOnceForAll)
        lines << MissedRunsText::tr("%n folded into one run time (coalesce)", nullptr, clamped(report.coalesced));
    if (report.missedLate > 0) {
        const QString grace = report.misfireGraceMs ? formatLateness(*report.misfireGraceMs) : QString();
        lines << MissedRunsText::tr("%n not run: more than %1 late (misfire grace time)", nullptr,
                                    clamped(report.missedLate))
                     .arg(grace);
    }
    if (report.missedUncaught > 0)
        lines << MissedRunsText::tr("%n not run: older than the latest %1 run times a catch-up considers", nullptr,
                                    clamped(report.missedUncaught))
                     .arg(maxRunTimes);
    if (report.skipped > 0)
        lines << MissedRunsText::tr("%n skipped: the job was still running (max instances %1)", nullptr,
                                    clamped(report.skipped))
                     .arg(report.maxInstances);
    if (report.excluded > 0)
        lines << MissedRunsText::tr("%n not run: on days the job's calendars exclude", nullptr,
                                    clamped(report.excluded));
    return lines;
}

} // namespace punctual
