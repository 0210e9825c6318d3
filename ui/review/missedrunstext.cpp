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

/// tr() of a %n text (marked with QT_TRANSLATE_N_NOOP for lupdate). English has no translation file: its singular,
/// @p englishOne when it differs, is used only while @p source is untranslated.
QString counted(const char *source, std::int64_t n, const char *englishOne = nullptr)
{
    const int count = clamped(n);
    const QString translated = MissedRunsText::tr(source, nullptr, count);
    const QString one = QStringLiteral("1");
    if (englishOne && count == 1 && translated == QString::fromUtf8(source).replace(QStringLiteral("%n"), one))
        return QString::fromUtf8(englishOne).replace(QStringLiteral("%n"), one);
    return translated;
}


/// The misfire grace time as it was set: "60 s", "5 min" (whole minutes), else as formatLateness() says it.
QString graceText(std::int64_t ms)
{
    if (ms >= 10'000 && ms <= 60'000 && ms % 1000 == 0)
        return MissedRunsText::tr("%1 s").arg(ms / 1000);
    if (ms > 60'000 && ms < 3'600'000 && ms % 60'000 == 0)
        return MissedRunsText::tr("%1 min").arg(ms / 60'000);
    return formatLateness(ms);
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
    const std::int64_t total = missedRunsTotal(reports);
    const bool asleep = std::any_of(reports.cbegin(), reports.cend(),
                                    [](const MissedRunsReport &r) { return r.cause == MissedCause::Asleep; });
    const bool notRunning = std::any_of(reports.cbegin(), reports.cend(),
                                        [](const MissedRunsReport &r) { return r.cause == MissedCause::NotRunning; });
    if (asleep && notRunning)
        return counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "%n runs were missed while the computer was asleep or "
                                                               "Punctual was not running"),
                       total, "%n run was missed while the computer was asleep or Punctual was not running");
    if (asleep)
        return counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "%n runs were missed while the computer was asleep"),
                       total, "%n run was missed while the computer was asleep");
    return counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "%n runs were missed while Punctual was not running"), total,
                   "%n run was missed while Punctual was not running");
}

QString missedRunsSummary(const QList<MissedRunsReport> &reports)
{
    return counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "%1 (%n jobs)"), reports.size(), "%1 (%n job)")
        .arg(missedRunsTitle(reports));
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
    return report.times.atLeast
        ? counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "Due %1 and at least %n more"), more).arg(joined)
        : counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "Due %1 and %n more"), more).arg(joined);
}

QString missedTimesFullText(const MissedRunsReport &report, std::int64_t nowMs)
{
    QStringList lines;
    for (const std::int64_t at : report.times.first)
        lines << shortDateTime(at, nowMs);
    if (report.times.hidden() > 0)
        lines << counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "… %n more …"), report.times.hidden());
    for (const std::int64_t at : report.times.last)
        lines << shortDateTime(at, nowMs);
    return lines.join(QLatin1Char('\n'));
}

QStringList missedDecisionTexts(const MissedRunsReport &report, std::int64_t nowMs)
{
    QStringList lines;
    const QString ranAt = report.ranAtMs ? shortDateTime(*report.ranAtMs, nowMs) : QString();
    const bool ranOnceForAll = report.coalesce && report.coalesced > 0 && report.ranLate == 1;
    if (ranOnceForAll) {
        lines << MissedRunsText::tr("Ran once at %1 instead (only once: coalesce)").arg(ranAt);
    } else if (report.ranLate > 0) {
        lines << counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "%n ran late, from %1"), report.ranLate,
                         "%n ran late, at %1")
                     .arg(ranAt);
    }
    if (report.coalesced > 0 && !ranOnceForAll)
        lines << counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "%n folded into one run time (coalesce)"),
                         report.coalesced);
    if (report.missedLate > 0) {
        const QString grace = report.misfireGraceMs ? graceText(*report.misfireGraceMs) : QString();
        lines << counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "%n not run: more than %1 late (misfire grace time)"),
                         report.missedLate)
                     .arg(grace);
    }
    if (report.missedUncaught > 0)
        lines << counted(QT_TRANSLATE_N_NOOP("MissedRunsReview",
                                             "%n not run: older than the latest %1 run times a catch-up considers"),
                         report.missedUncaught)
                     .arg(maxRunTimes);
    if (report.skipped > 0)
        lines << counted(QT_TRANSLATE_N_NOOP("MissedRunsReview",
                                             "%n skipped: the job was still running (max instances %1)"),
                         report.skipped)
                     .arg(report.maxInstances);
    if (report.excluded > 0)
        lines << counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "%n not run: on days the job's calendars exclude"),
                         report.excluded, "%n not run: on a day the job's calendars exclude");
    return lines;
}

QString missedRunsTrayMessage(const QList<MissedRunsReport> &reports)
{
    return counted(QT_TRANSLATE_N_NOOP("MissedRunsReview", "%n jobs. Click to review what each job did."),
                   reports.size(), "%n job. Click to review what it did.");
}

} // namespace punctual
