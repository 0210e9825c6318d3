// Words, icons and local times for runs and instants, shared by the job list and the run history.
#include "runpresentation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <cstdlib>

namespace punctual {

namespace {

class RunText
{
    Q_DECLARE_TR_FUNCTIONS(RunPresentation)
};

constexpr std::int64_t secondMs = 1000;
constexpr std::int64_t minuteMs = 60 * secondMs;
constexpr std::int64_t hourMs = 60 * minuteMs;
constexpr std::int64_t dayMs = 24 * hourMs;

/// The locale's short time format with exactly the precision asked for: seconds (and milliseconds) are taken out
/// where the locale has them (the C locale's short form is "HH:mm:ss") and put in after the minutes with the
/// locale's own separator when asked for, so "h:mm AP" becomes "h:mm:ss AP" rather than a fixed 24-hour pattern.
QString timeFormat(const QLocale &locale, TimePrecision precision)
{
    static const QRegularExpression seconds(QStringLiteral("[^A-Za-z']?ss(?:[^A-Za-z']?z+)?"));
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(seconds);
    if (precision == TimePrecision::Minutes)
        return format;
    const qsizetype minutes = format.indexOf(QLatin1String("mm"));
    if (minutes < 0)
        return precision == TimePrecision::Seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm:ss.zzz");
    const QChar before = minutes > 0 ? format.at(minutes - 1) : QLatin1Char(':');
    const QChar separator = before.isLetter() || before == QLatin1Char('\'') ? QLatin1Char(':') : before;
    QString extra = separator + QLatin1String("ss");
    if (precision == TimePrecision::Milliseconds)
        extra += locale.decimalPoint() + QLatin1String("zzz");
    format.insert(minutes + 2, extra);
    return format;
}

/// "45 s", "12 min", "3 h 5 min", "2 days": the magnitude of a distance in time, rounded for reading.
QString distanceText(std::int64_t ms)
{
    if (ms < minuteMs)
        return RunText::tr("%1 s").arg(ms / secondMs);
    const std::int64_t minutes = (ms + minuteMs / 2) / minuteMs;
    if (minutes < 60)
        return RunText::tr("%1 min").arg(minutes);
    if (minutes < 48 * 60) {
        if (minutes % 60 == 0)
            return RunText::tr("%1 h").arg(minutes / 60);
        return RunText::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    }
    const int days = static_cast<int>((ms + dayMs / 2) / dayMs);
    return days == 1 ? RunText::tr("%n day", nullptr, days) : RunText::tr("%n days", nullptr, days);
}

} // namespace

QIcon outcomeIcon(RunOutcome outcome)
{
    const char *name = "failed";
    switch (outcome) {
    case RunOutcome::Running: name = "running"; break;
    case RunOutcome::Success: name = "success"; break;
    case RunOutcome::Failed: name = "failed"; break;
    case RunOutcome::Missed: name = "missed"; break;
    case RunOutcome::Skipped: name = "skipped"; break;
    case RunOutcome::Interrupted: name = "interrupted"; break;
    case RunOutcome::TimedOut: name = "timed-out"; break;
    case RunOutcome::Queued: name = "queued"; break;
    case RunOutcome::Replaced: name = "replaced"; break;
    case RunOutcome::Excluded: name = "skipped"; break;
    case RunOutcome::Waiting: name = "queued"; break;          // waits, as a queued run does
    case RunOutcome::ConditionTimeout: name = "missed"; break; // not run in time, as a missed run
    }
    return QIcon(QStringLiteral(":/icons/outcome-%1.svg").arg(QLatin1String(name)));
}

QColor outcomeColor(RunOutcome outcome, const QPalette &palette)
{
    // Hues chosen apart for the common colour-vision deficiencies as far as four families allow (blue and amber
    // stay distinct for all of them); the words and icons carry the meaning too.
    QColor color;
    switch (outcome) {
    case RunOutcome::Success: color = QColor(0x2e, 0x7d, 0x32); break;
    case RunOutcome::Failed:
    case RunOutcome::TimedOut: color = QColor(0xc6, 0x28, 0x28); break;
    case RunOutcome::Missed:
    case RunOutcome::Skipped:
    case RunOutcome::ConditionTimeout: color = QColor(0xb2, 0x6a, 0x00); break;
    case RunOutcome::Running:
    case RunOutcome::Queued:
    case RunOutcome::Waiting: color = QColor(0x15, 0x65, 0xc0); break;
    case RunOutcome::Interrupted:
    case RunOutcome::Replaced:
    case RunOutcome::Excluded: color = QColor(0x75, 0x75, 0x75); break;
    }
    const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    return dark ? color.lighter(160) : color;
}

QString outcomeName(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running: return RunText::tr("Running");
    case RunOutcome::Success: return RunText::tr("Success");
    case RunOutcome::Failed: return RunText::tr("Failed");
    case RunOutcome::Missed: return RunText::tr("Missed");
    case RunOutcome::Skipped: return RunText::tr("Skipped");
    case RunOutcome::Interrupted: return RunText::tr("Interrupted");
    case RunOutcome::TimedOut: return RunText::tr("Timed out");
    case RunOutcome::Queued: return RunText::tr("Queued");
    case RunOutcome::Replaced: return RunText::tr("Replaced");
    case RunOutcome::Excluded: return RunText::tr("Excluded");
    case RunOutcome::Waiting: return RunText::tr("Waiting");
    case RunOutcome::ConditionTimeout: return RunText::tr("Condition timeout");
    }
    return {};
}

QString outcomeText(const RunRecord &run)
{
    switch (run.outcome) {
    case RunOutcome::Running: return RunText::tr("running");
    case RunOutcome::Success:
        if (run.startTime && run.endTime)
            return shortDuration(std::max<std::int64_t>(0, *run.endTime - *run.startTime));
        return RunText::tr("done");
    case RunOutcome::Failed:
        return run.exitCode ? RunText::tr("exit %1").arg(*run.exitCode) : RunText::tr("failed");
    case RunOutcome::Missed: return RunText::tr("missed");
    case RunOutcome::Skipped: return RunText::tr("skipped");
    case RunOutcome::Interrupted: return RunText::tr("interrupted");
    case RunOutcome::TimedOut: return RunText::tr("timed out");
    case RunOutcome::Queued: return RunText::tr("queued");
    case RunOutcome::Replaced: return RunText::tr("replaced");
    case RunOutcome::Excluded: return RunText::tr("excluded");
    case RunOutcome::Waiting: return RunText::tr("waiting");
    case RunOutcome::ConditionTimeout: return RunText::tr("condition timeout");
    }
    return {};
}

QString outcomeToolTip(const RunRecord &run)
{
    const QString error = firstLine(run.error);
    if (!error.isEmpty())
        return RunText::tr("%1: %2", "outcome: error").arg(outcomeName(run.outcome), error);
    if (run.outcome == RunOutcome::Success && run.startTime && run.endTime)
        return RunText::tr("Succeeded in %1")
            .arg(shortDuration(std::max<std::int64_t>(0, *run.endTime - *run.startTime)));
    if (run.exitCode)
        return RunText::tr("%1 (exit code %2)").arg(outcomeName(run.outcome)).arg(*run.exitCode);
    return outcomeName(run.outcome);
}

QString shortDuration(std::int64_t ms)
{
    const QLocale locale;
    if (ms < 100)
        return RunText::tr("%1 ms").arg(std::max<std::int64_t>(0, ms));
    if (ms < 10 * secondMs)
        return RunText::tr("%1 s").arg(locale.toString(static_cast<double>(ms) / 1000.0, 'f', 1));
    if (ms < minuteMs)
        return RunText::tr("%1 s").arg(ms / secondMs);
    const std::int64_t minutes = ms / minuteMs;
    if (minutes < 60)
        return RunText::tr("%1 min").arg(minutes);
    const std::int64_t hours = minutes / 60;
    if (hours < 48)
        return minutes % 60 ? RunText::tr("%1 h %2 min").arg(hours).arg(minutes % 60) : RunText::tr("%1 h").arg(hours);
    return RunText::tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    return (end < 0 ? text : text.left(end)).trimmed();
}

QString shortDateTime(std::int64_t ms, std::int64_t nowMs, TimePrecision precision)
{
    const QLocale locale;
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
    const qint64 days = today.daysTo(when.date());
    const QString time = locale.toString(when.time(), timeFormat(locale, precision));
    if (days == 0)
        return time;
    if (days == 1)
        return RunText::tr("tomorrow %1").arg(time);
    if (days == -1)
        return RunText::tr("yesterday %1").arg(time);
    // Without the year while it cannot be mistaken for the same date a year earlier or later.
    const QString dateFormat = std::abs(days) < 183
        ? RunText::tr("ddd d MMM", "QDate format of a date within half a year: Sat 5 Dec")
        : RunText::tr("ddd d MMM yyyy", "QDate format of a date further away: Sat 5 Dec 2027");
    return RunText::tr("%1 %2", "date, then time of day").arg(locale.toString(when.date(), dateFormat), time);
}

QString longDateTime(std::int64_t ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::LongFormat);
}

QString relativeTime(std::int64_t ms, std::int64_t nowMs)
{
    const std::int64_t distance = ms - nowMs;
    if (std::abs(distance) < secondMs)
        return RunText::tr("now");
    const QString text = distanceText(std::abs(distance));
    return distance > 0 ? RunText::tr("in %1", "in 12 min").arg(text) : RunText::tr("%1 ago", "12 min ago").arg(text);
}

std::int64_t nextLocalMidnight(std::int64_t nowMs)
{
    return QDateTime::fromMSecsSinceEpoch(nowMs).date().addDays(1).startOfDay().toMSecsSinceEpoch();
}

} // namespace punctual
