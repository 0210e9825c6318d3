// Statistics in words (the job table's sparkline tooltip, the details' Statistics).
#include "statisticstext.h"

#include "models/runpresentation.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace punctual {

namespace {

class StatisticsText
{
    Q_DECLARE_TR_FUNCTIONS(JobStatistics)
};

} // namespace

QString successPercent(const JobStatistics &stats)
{
    const auto rate = stats.successRate();
    if (!rate)
        return {};
    const int percent = static_cast<int>(std::floor(*rate * 100.0 + 1e-9));
    return StatisticsText::tr("%1 %", "a percentage").arg(QLocale().toString(percent));
}

QString trendSummary(const JobStatistics &stats)
{
    if (stats.ended() == 0)
        return stats.going > 0 ? StatisticsText::tr("No run has ended yet; going now: %1").arg(QLocale().toString(stats.going))
                               : StatisticsText::tr("No run has ended yet");
    const int ended = stats.ended();
    QString text = (ended == 1 ? StatisticsText::tr("Last run: %1 succeeded")
                               : StatisticsText::tr("Last %n runs: %1 succeeded", nullptr, ended))
                       .arg(successPercent(stats));
    if (stats.p50Ms && stats.p95Ms)
        text = StatisticsText::tr("%1, median %2, p95 %3", "success rate, then durations")
                   .arg(text, shortDuration(*stats.p50Ms), shortDuration(*stats.p95Ms));
    return text;
}

QString statisticsDescription(const JobStatistics &stats)
{
    QStringList lines;
    if (stats.ended() == 0) {
        lines << StatisticsText::tr("No run has ended yet.");
    } else {
        const int ended = stats.ended();
        lines << (ended == 1 ? StatisticsText::tr("%1 of 1 run that ended succeeded (%2).")
                             : StatisticsText::tr("%1 of %n runs that ended succeeded (%2).", nullptr, ended))
                     .arg(QLocale().toString(stats.succeeded), successPercent(stats));
        lines << StatisticsText::tr("Failed: %1, timed out: %2, interrupted: %3.")
                     .arg(QLocale().toString(stats.failed), QLocale().toString(stats.timedOut),
                          QLocale().toString(stats.interrupted));
    }
    if (stats.p50Ms && stats.p95Ms)
        lines << StatisticsText::tr("Median duration %1; 95 % of runs took at most %2.")
                     .arg(shortDuration(*stats.p50Ms), shortDuration(*stats.p95Ms));
    if (stats.notRun > 0)
        lines << StatisticsText::tr("Not run (missed, skipped or excluded): %1.").arg(QLocale().toString(stats.notRun));
    if (stats.going > 0)
        lines << StatisticsText::tr("Going or waiting now: %1.").arg(QLocale().toString(stats.going));
    return lines.join(QLatin1Char('\n'));
}

} // namespace punctual
