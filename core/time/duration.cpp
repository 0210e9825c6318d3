// Parses and prints the duration forms of DESIGN.md section 7.
#include "duration.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace punctual {

namespace {

class DurationText
{
    Q_DECLARE_TR_FUNCTIONS(DurationText)
};

constexpr std::int64_t msPerSecond = 1000;
constexpr std::int64_t msPerMinute = 60 * msPerSecond;
constexpr std::int64_t msPerHour = 60 * msPerMinute;
constexpr std::int64_t msPerDay = 24 * msPerHour;
constexpr std::int64_t msPerWeek = 7 * msPerDay;
constexpr double maxMs = static_cast<double>(maxDurationMs);

std::int64_t unitMs(QChar unit)
{
    switch (unit.toLower().unicode()) {
    case 'w': return msPerWeek;
    case 'd': return msPerDay;
    case 'h': return msPerHour;
    case 'm': return msPerMinute;
    case 's': return msPerSecond;
    default: return 0;
    }
}

// Sums "<number><unit>" parts matched by @p part over the whole of @p body; -1 when the text is not of that form.
double sumParts(const QString &body, const QRegularExpression &part, bool isoTime)
{
    double total = 0;
    qsizetype position = 0;
    bool any = false;
    QRegularExpressionMatchIterator it = part.globalMatch(body);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() != position)
            return -1;
        position = m.capturedEnd();
        QChar unit = m.captured(2).front();
        if (isoTime && unit.toLower() == QLatin1Char('m'))
            unit = QLatin1Char('m');
        total += m.captured(1).toDouble() * static_cast<double>(unitMs(unit));
        any = true;
    }
    return (any && position == body.size()) ? total : -1;
}

} // namespace

Result<std::int64_t> parseDuration(const QString &input, bool allowZero)
{
    const QString text = input.trimmed();
    double ms = -1;
    static const QRegularExpression plainPart(QStringLiteral(R"((\d+(?:\.\d+)?)\s*([wdhmsWDHMS]))"));
    static const QRegularExpression isoPattern(QStringLiteral(R"(^[Pp](?:(\d+)[Ww])?(?:(\d+)[Dd])?(?:[Tt](.+))?$)"));
    static const QRegularExpression isoTimePart(QStringLiteral(R"((\d+(?:\.\d+)?)([HMShms]))"));

    const QRegularExpressionMatch iso = isoPattern.match(text);
    if (iso.hasMatch() && text.size() > 1) {
        ms = iso.captured(1).toDouble() * msPerWeek + iso.captured(2).toDouble() * msPerDay;
        if (!iso.captured(3).isEmpty()) {
            const double timePart = sumParts(iso.captured(3), isoTimePart, true);
            ms = timePart < 0 ? -1 : ms + timePart;
        }
    } else if (!text.isEmpty()) {
        bool isNumber = false;
        const double seconds = text.toDouble(&isNumber);
        ms = isNumber ? seconds * msPerSecond : sumParts(QString(text).remove(QLatin1Char(' ')), plainPart, false);
    }
    if (ms < 0 || !std::isfinite(ms))
        return invalidInput(DurationText::tr("\"%1\" is not a duration (expected e.g. 90s, 15m, 1h30m, 2d, 1w "
                                             "or PT15M)")
                                .arg(input));
    if (ms > maxMs)
        return invalidInput(DurationText::tr("\"%1\" is too long a duration (at most 100 years)").arg(input));
    const auto rounded = static_cast<std::int64_t>(std::llround(ms));
    if (rounded == 0 && (ms > 0 || !allowZero))
        return invalidInput(ms > 0 ? DurationText::tr("\"%1\": the duration must be at least 1 ms").arg(input)
                                   : DurationText::tr("\"%1\": the duration must be longer than zero").arg(input));
    return rounded;
}

Result<std::int64_t> durationFromSeconds(double seconds, const QString &what, bool allowZero)
{
    if (!std::isfinite(seconds) || seconds < 0 || (seconds == 0 && !allowZero))
        return invalidInput(allowZero ? DurationText::tr("%1 must be a number of seconds (0 or more)").arg(what)
                                      : DurationText::tr("%1 must be a positive number of seconds").arg(what));
    const double ms = seconds * msPerSecond;
    if (ms > maxMs)
        return invalidInput(DurationText::tr("%1 must be at most 100 years").arg(what));
    const auto rounded = static_cast<std::int64_t>(std::llround(ms));
    if (rounded == 0 && seconds > 0)
        return invalidInput(DurationText::tr("%1 must be at least 1 ms (0.001 s)").arg(what));
    return rounded;
}

Result<std::int64_t> parseSecondsMs(const QString &input, bool allowNone)
{
    const QString text = input.trimmed();
    if (allowNone && text.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return std::int64_t{-1};
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds < 0 || !std::isfinite(seconds))
        return invalidInput(allowNone ? DurationText::tr("\"%1\" is not a number of seconds or \"none\"").arg(input)
                                      : DurationText::tr("\"%1\" is not a number of seconds").arg(input));
    return durationFromSeconds(seconds, QStringLiteral("\"%1\"").arg(input), true);
}

QString formatDuration(std::int64_t ms)
{
    if (ms == 0)
        return QStringLiteral("0s");
    QString out;
    if (ms < 0) {
        out += QLatin1Char('-');
        ms = -ms;
    }
    const struct { std::int64_t size; char unit; } units[] = {
        {msPerWeek, 'w'}, {msPerDay, 'd'}, {msPerHour, 'h'}, {msPerMinute, 'm'}};
    for (const auto &u : units) {
        if (ms >= u.size) {
            out += QString::number(ms / u.size) + QLatin1Char(u.unit);
            ms %= u.size;
        }
    }
    if (ms > 0) {
        if (ms % msPerSecond == 0) {
            out += QString::number(ms / msPerSecond) + QLatin1Char('s');
        } else {
            // Three decimals without their trailing zeros ("1.5s"); a fraction is never all zeros here.
            QString seconds = QString::number(static_cast<double>(ms) / msPerSecond, 'f', 3);
            while (seconds.endsWith(QLatin1Char('0')))
                seconds.chop(1);
            out += seconds + QLatin1Char('s');
        }
    }
    return out;
}

} // namespace punctual
