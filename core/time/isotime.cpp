// Hand-written ISO-8601 reading and writing: exact offsets, no QDateTime round trips on hot paths.
#include "isotime.h"

#include "time/civil.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>
#include <optional>

namespace punctual {

namespace {

class IsoText
{
    Q_DECLARE_TR_FUNCTIONS(IsoText)
};

/// The fields of an ISO-8601 text as parseIso() reads them.
struct IsoFields
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0;
    enum class Offset { None, Utc, Given } offsetKind = Offset::None;
    int offsetHours = 0, offsetMinutes = 0, offsetSeconds = 0;
    bool offsetNegative = false;
};

/// Writes @p value as @p width digits (zero-padded) at @p out; returns the end.
char *putDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

/// The common form read without the regular expression: ASCII, no spaces, "YYYY-MM-DD[THH:MM[:SS[.f{1,9}]]]"
/// then "Z", "z" or "±HH[[:]MM[[:]SS]]" or nothing. None when the text is any other (the pattern then decides:
/// it accepts the same texts and more, e.g. with spaces, and words the errors). Every text this accepts the pattern
/// matches with the same fields.
std::optional<IsoFields> readCommonForm(const QString &text)
{
    const QChar *const begin = text.constData();
    const qsizetype size = text.size();
    qsizetype i = 0;
    const auto digits = [&](int count, int &out) {
        if (i + count > size)
            return false;
        int value = 0;
        for (int k = 0; k < count; ++k) {
            const char16_t c = begin[i + k].unicode();
            if (c < '0' || c > '9')
                return false;
            value = value * 10 + (c - '0');
        }
        out = value;
        i += count;
        return true;
    };
    const auto at = [&](char16_t c) { return i < size && begin[i].unicode() == c; };

    IsoFields f;
    if (!digits(4, f.year) || !at('-') || (++i, !digits(2, f.month)) || !at('-') || (++i, !digits(2, f.day)))
        return std::nullopt;
    if (at('T')) {
        ++i;
        if (!digits(2, f.hour) || !at(':') || (++i, !digits(2, f.minute)))
            return std::nullopt;
        if (at(':')) {
            ++i;
            if (!digits(2, f.second))
                return std::nullopt;
            if (at('.') || at(',')) {
                ++i;
                int count = 0;
                int ms = 0;
                while (i < size && count < 9 && begin[i].unicode() >= '0' && begin[i].unicode() <= '9') {
                    if (count < 3)
                        ms = ms * 10 + (begin[i].unicode() - '0');
                    ++count;
                    ++i;
                }
                if (count == 0)
                    return std::nullopt;
                for (int k = count; k < 3; ++k)
                    ms *= 10;
                f.ms = ms;
            }
        }
    }
    if (at('Z') || at('z')) {
        ++i;
        f.offsetKind = IsoFields::Offset::Utc;
    } else if (at('+') || at('-')) {
        f.offsetNegative = at('-');
        ++i;
        f.offsetKind = IsoFields::Offset::Given;
        if (!digits(2, f.offsetHours))
            return std::nullopt;
        if (i < size) {
            if (at(':'))
                ++i;
            if (!digits(2, f.offsetMinutes))
                return std::nullopt;
            if (i < size) {
                if (at(':'))
                    ++i;
                if (!digits(2, f.offsetSeconds))
                    return std::nullopt;
            }
        }
    }
    if (i != size)
        return std::nullopt;
    return f;
}

/// The fields of @p text read by the full pattern (spaces, a space for the T, other digits); none when it does
/// not match.
std::optional<IsoFields> readByPattern(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)"
        R"(\s*(Z|z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?\s*$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    IsoFields f;
    f.year = match.captured(1).toInt();
    f.month = match.captured(2).toInt();
    f.day = match.captured(3).toInt();
    f.hour = match.captured(4).isEmpty() ? 0 : match.captured(4).toInt();
    f.minute = match.captured(5).isEmpty() ? 0 : match.captured(5).toInt();
    f.second = match.captured(6).isEmpty() ? 0 : match.captured(6).toInt();
    const QString fraction = match.captured(7);
    f.ms = fraction.isEmpty() ? 0 : (fraction + QStringLiteral("00")).left(3).toInt();
    const QString offsetText = match.captured(8);
    if (offsetText.isEmpty()) {
        f.offsetKind = IsoFields::Offset::None;
    } else if (offsetText.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0) {
        f.offsetKind = IsoFields::Offset::Utc;
    } else {
        const QString digits = QString(offsetText.mid(1)).remove(QLatin1Char(':'));
        f.offsetKind = IsoFields::Offset::Given;
        f.offsetHours = digits.left(2).toInt();
        f.offsetMinutes = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
        f.offsetSeconds = digits.size() > 4 ? digits.mid(4, 2).toInt() : 0;
        f.offsetNegative = offsetText.front() == QLatin1Char('-');
    }
    return f;
}

} // namespace

QString formatIso(std::int64_t utcMs, const ZoneRules &zone)
{
    const std::int64_t utcSeconds = civil::floorDiv(utcMs, 1000);
    const int ms = static_cast<int>(utcMs - utcSeconds * 1000);
    const int offset = zone.offsetAt(utcSeconds);
    const civil::DateTime t = civil::fromSeconds(utcSeconds + offset);
    const int absOffset = offset < 0 ? -offset : offset;

    char buffer[48];
    char *out = buffer;
    // Digits by hand (every stored job's times are written with each row): snprintf's "%04d" only for a year
    // outside 0 to 9999, which no storable instant has.
    if (t.year >= 0 && t.year <= 9999)
        out = putDigits(out, t.year, 4);
    else
        out += std::snprintf(out, 16, "%04d", t.year);
    *out++ = '-';
    out = putDigits(out, t.month, 2);
    *out++ = '-';
    out = putDigits(out, t.day, 2);
    *out++ = 'T';
    out = putDigits(out, t.hour, 2);
    *out++ = ':';
    out = putDigits(out, t.minute, 2);
    *out++ = ':';
    out = putDigits(out, t.second, 2);
    if (ms != 0) {
        *out++ = '.';
        out = putDigits(out, ms, 3);
    }
    *out++ = offset < 0 ? '-' : '+';
    if (absOffset < 100 * 3600)
        out = putDigits(out, absOffset / 3600, 2);
    else
        out += std::snprintf(out, 16, "%02d", absOffset / 3600);
    *out++ = ':';
    out = putDigits(out, (absOffset / 60) % 60, 2);
    // Local mean time before a zone's standard time has offsets in seconds (Africa/Monrovia -00:44:30 until
    // 1972): they are written out, or the text would name another instant when read back.
    if (absOffset % 60 != 0) {
        *out++ = ':';
        out = putDigits(out, absOffset % 60, 2);
    }
    return QString::fromLatin1(buffer, out - buffer);
}

Result<std::int64_t> parseIso(const QString &text, const ZoneRules &zone)
{
    std::optional<IsoFields> fields = readCommonForm(text);
    if (!fields)
        fields = readByPattern(text);
    if (!fields)
        return invalidInput(IsoText::tr("\"%1\" is not an ISO-8601 date and time (expected e.g. "
                                        "2026-03-08T02:30:00-05:00)")
                                .arg(text));
    const IsoFields &f = *fields;
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > civil::daysInMonth(f.year, f.month))
        return invalidInput(IsoText::tr("\"%1\": there is no such date").arg(text));
    if (f.hour > 23 || f.minute > 59 || f.second > 59)
        return invalidInput(IsoText::tr("\"%1\": there is no such time of day").arg(text));

    const std::int64_t local = civil::toSeconds({f.year, f.month, f.day, f.hour, f.minute, f.second});
    std::int64_t utcSeconds = 0;
    switch (f.offsetKind) {
    case IsoFields::Offset::None:
        utcSeconds = zone.toUtc(local);
        break;
    case IsoFields::Offset::Utc:
        utcSeconds = local;
        break;
    case IsoFields::Offset::Given: {
        if (f.offsetHours > 23 || f.offsetMinutes > 59 || f.offsetSeconds > 59)
            return invalidInput(IsoText::tr("\"%1\": the UTC offset is out of range").arg(text));
        const int offset = (f.offsetHours * 3600 + f.offsetMinutes * 60 + f.offsetSeconds) * (f.offsetNegative ? -1 : 1);
        utcSeconds = local - offset;
        break;
    }
    }
    const std::int64_t utcMs = utcSeconds * 1000 + f.ms;
    if (!isInstantInRange(utcMs))
        return invalidInput(IsoText::tr("\"%1\": dates must lie between the years 1 and 9999 in every time zone")
                                .arg(text));
    return utcMs;
}

} // namespace punctual
