// Hand-written ISO-8601 reading and writing: exact offsets, no QDateTime round trips on hot paths.
#include "isotime.h"

#include "time/civil.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace punctual {

namespace {

class IsoText
{
    Q_DECLARE_TR_FUNCTIONS(IsoText)
};

} // namespace

QString formatIso(std::int64_t utcMs, const ZoneRules &zone)
{
    const std::int64_t utcSeconds = civil::floorDiv(utcMs, 1000);
    const int ms = static_cast<int>(utcMs - utcSeconds * 1000);
    const int offset = zone.offsetAt(utcSeconds);
    const civil::DateTime t = civil::fromSeconds(utcSeconds + offset);
    const int absOffset = offset < 0 ? -offset : offset;

    char buffer[48];
    int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                          t.minute, t.second);
    if (ms != 0)
        n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), ".%03d", ms);
    n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), "%c%02d:%02d", offset < 0 ? '-' : '+',
                       absOffset / 3600, (absOffset / 60) % 60);
    // Local mean time before a zone's standard time has offsets in seconds (Africa/Monrovia -00:44:30 until
    // 1972): they are written out, or the text would name another instant when read back.
    if (absOffset % 60 != 0)
        std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), ":%02d", absOffset % 60);
    return QString::fromLatin1(buffer);
}

Result<std::int64_t> parseIso(const QString &text, const ZoneRules &zone)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)"
        R"(\s*(Z|z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?\s*$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return invalidInput(IsoText::tr("\"%1\" is not an ISO-8601 date and time (expected e.g. "
                                        "2026-03-08T02:30:00-05:00)")
                                .arg(text));

    const int year = match.captured(1).toInt();
    const int month = match.captured(2).toInt();
    const int day = match.captured(3).toInt();
    const int hour = match.captured(4).isEmpty() ? 0 : match.captured(4).toInt();
    const int minute = match.captured(5).isEmpty() ? 0 : match.captured(5).toInt();
    const int second = match.captured(6).isEmpty() ? 0 : match.captured(6).toInt();
    const QString fraction = match.captured(7);
    const int ms = fraction.isEmpty() ? 0 : (fraction + QStringLiteral("00")).left(3).toInt();

    if (month < 1 || month > 12 || day < 1 || day > civil::daysInMonth(year, month))
        return invalidInput(IsoText::tr("\"%1\": there is no such date").arg(text));
    if (hour > 23 || minute > 59 || second > 59)
        return invalidInput(IsoText::tr("\"%1\": there is no such time of day").arg(text));

    const std::int64_t local = civil::toSeconds({year, month, day, hour, minute, second});
    const QString offsetText = match.captured(8);
    std::int64_t utcSeconds = 0;
    if (offsetText.isEmpty()) {
        utcSeconds = zone.toUtc(local);
    } else if (offsetText.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0) {
        utcSeconds = local;
    } else {
        const QString digits = QString(offsetText.mid(1)).remove(QLatin1Char(':'));
        const int offsetHours = digits.left(2).toInt();
        const int offsetMinutes = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
        const int offsetSeconds = digits.size() > 4 ? digits.mid(4, 2).toInt() : 0;
        if (offsetHours > 23 || offsetMinutes > 59 || offsetSeconds > 59)
            return invalidInput(IsoText::tr("\"%1\": the UTC offset is out of range").arg(text));
        const int offset = (offsetHours * 3600 + offsetMinutes * 60 + offsetSeconds)
            * (offsetText.front() == QLatin1Char('-') ? -1 : 1);
        utcSeconds = local - offset;
    }
    const std::int64_t utcMs = utcSeconds * 1000 + ms;
    if (!isInstantInRange(utcMs))
        return invalidInput(IsoText::tr("\"%1\": dates must lie between the years 1 and 9999 in every time zone")
                                .arg(text));
    return utcMs;
}

} // namespace punctual
