// Cron expression parsing (with field-and-position errors) and naive wall-clock matching on bit sets.
#include "cronexpression.h"

#include "time/civil.h"

#include <QCoreApplication>
#include <QList>

#include <bit>

namespace punctual {

namespace {

class CronText
{
    Q_DECLARE_TR_FUNCTIONS(CronExpression)
};

struct FieldSpec
{
    const char *name;
    int min;
    int max;
};

constexpr FieldSpec fieldSpecs[CronExpression::FieldCount] = {
    {"second", 0, 59},     {"minute", 0, 59}, {"hour", 0, 23},
    {"day-of-month", 1, 31}, {"month", 1, 12}, {"day-of-week", 0, 7},
};

constexpr const char *monthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr const char *weekdayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

struct Macro
{
    const char *name;
    const char *expansion;
};

constexpr Macro macros[] = {
    {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"}, {"@weekly", "0 0 * * 0"},
    {"@daily", "0 0 * * *"},  {"@midnight", "0 0 * * *"}, {"@hourly", "0 * * * *"},
};

// A piece of text with the 1-based position of its first character in the whole expression.
struct Token
{
    QString text;
    int position;
};

QList<Token> splitOn(const QString &text, int basePosition, QChar separator, bool skipEmpty)
{
    QList<Token> tokens;
    int start = 0;
    for (int i = 0; i <= text.size(); ++i) {
        const bool atEnd = i == text.size();
        const bool isSeparator = !atEnd && (separator.isSpace() ? text[i].isSpace() : text[i] == separator);
        if (atEnd || isSeparator) {
            if (i > start || !skipEmpty)
                tokens.append({text.mid(start, i - start), basePosition + start});
            start = i + 1;
        }
    }
    return tokens;
}

} // namespace

QString CronParseError::toString() const
{
    if (field == QLatin1String("expression"))
        return CronText::tr("cron expression: %1 (position %2)").arg(problem).arg(position);
    return CronText::tr("field \"%1\": %2 (position %3)").arg(field, problem).arg(position);
}

/// Turns expression text into a CronExpression; each method reports the first problem it meets.
class CronParser
{
public:
    explicit CronParser(const QString &text) : m_text(text) {}

    std::variant<CronExpression, CronParseError> run();

private:
    bool parseField(int field, const Token &token);
    bool parseElement(int field, const Token &element, std::uint64_t &bits);
    bool parseDayOfMonthExtra(const Token &element, bool &handled);
    bool parseDayOfWeekExtra(const Token &element, bool &handled);
    // Reads a number or (month, weekday) name; reports a value outside the field's range.
    bool parseValue(int field, const QString &text, int position, int &value);
    bool fail(const QString &field, int position, const QString &problem)
    {
        m_error = {field, position, problem};
        return false;
    }
    bool fail(int field, int position, const QString &problem)
    {
        return fail(QString::fromLatin1(fieldSpecs[field].name), position, problem);
    }

    QString m_text;
    CronExpression m_expr;
    CronParseError m_error;
};

std::variant<CronExpression, CronParseError> CronParser::run()
{
    m_expr.m_text = m_text;
    QString body = m_text;
    int basePosition = 1;
    QList<Token> fields = splitOn(body, basePosition, QLatin1Char(' '), true);
    if (fields.isEmpty())
        return CronParseError{QStringLiteral("expression"), 1, CronText::tr("the expression is empty")};

    if (fields.size() == 1 && fields.front().text.startsWith(QLatin1Char('@'))) {
        const Token macro = fields.front();
        const Macro *found = nullptr;
        for (const Macro &m : macros) {
            if (macro.text.compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0)
                found = &m;
        }
        if (!found)
            return CronParseError{QStringLiteral("expression"), macro.position,
                                  CronText::tr("unknown macro \"%1\" (known: @yearly, @annually, @monthly, @weekly, "
                                               "@daily, @midnight, @hourly)")
                                      .arg(macro.text)};
        // Positions in an expanded macro all point at the macro itself.
        fields.clear();
        for (const Token &t : splitOn(QString::fromLatin1(found->expansion), 0, QLatin1Char(' '), true))
            fields.append({t.text, macro.position});
    }

    if (fields.size() != 5 && fields.size() != 6) {
        const int position = fields.size() > 6 ? fields[6].position : static_cast<int>(m_text.trimmed().size()) + 1;
        return CronParseError{QStringLiteral("expression"), position,
                              CronText::tr("expected 5 fields (minute hour day-of-month month day-of-week) or 6 "
                                           "(with seconds first), found %1")
                                  .arg(fields.size())};
    }
    m_expr.m_hasSeconds = fields.size() == 6;
    if (!m_expr.m_hasSeconds)
        fields.prepend({QStringLiteral("0"), 0});

    for (int field = 0; field < CronExpression::FieldCount; ++field) {
        if (!parseField(field, fields[field]))
            return m_error;
        m_expr.m_fieldTexts[static_cast<std::size_t>(field)] = fields[field].text;
    }

    auto unrestricted = [](const QString &t) { return t.startsWith(QLatin1Char('*')) || t == QLatin1String("?"); };
    m_expr.m_domRestricted = !unrestricted(fields[CronExpression::DayOfMonth].text);
    m_expr.m_dowRestricted = !unrestricted(fields[CronExpression::DayOfWeek].text);
    m_expr.m_wild = fields[CronExpression::Minute].text.startsWith(QLatin1Char('*'))
        || fields[CronExpression::Hour].text.startsWith(QLatin1Char('*'));
    return m_expr;
}

bool CronParser::parseField(int field, const Token &token)
{
    if (token.text == QLatin1String("?")) {
        if (field != CronExpression::DayOfMonth && field != CronExpression::DayOfWeek)
            return fail(field, token.position,
                        CronText::tr("\"?\" is only allowed in the day-of-month and day-of-week fields"));
        // '?' means '*' in both day fields.
        return parseField(field, {QStringLiteral("*"), token.position});
    }

    std::uint64_t bits = 0;
    for (const Token &element : splitOn(token.text, token.position, QLatin1Char(','), false)) {
        if (element.text.isEmpty())
            return fail(field, element.position, CronText::tr("empty list element"));
        bool handled = false;
        if (field == CronExpression::DayOfMonth && !parseDayOfMonthExtra(element, handled))
            return false;
        if (field == CronExpression::DayOfWeek && !parseDayOfWeekExtra(element, handled))
            return false;
        if (!handled && !parseElement(field, element, bits))
            return false;
    }

    switch (field) {
    case CronExpression::Second: m_expr.m_seconds = bits; break;
    case CronExpression::Minute: m_expr.m_minutes = bits; break;
    case CronExpression::Hour: m_expr.m_hours = static_cast<std::uint32_t>(bits); break;
    case CronExpression::DayOfMonth: m_expr.m_days = static_cast<std::uint32_t>(bits); break;
    case CronExpression::Month: m_expr.m_months = static_cast<std::uint32_t>(bits); break;
    case CronExpression::DayOfWeek:
        // 7 is Sunday too.
        m_expr.m_weekdays = static_cast<std::uint32_t>((bits | (bits >> 7)) & 0x7f);
        break;
    default: break;
    }
    return true;
}

bool CronParser::parseElement(int field, const Token &element, std::uint64_t &bits)
{
    const FieldSpec &spec = fieldSpecs[field];
    QString base = element.text;
    int step = 1;
    bool hasStep = false;
    const qsizetype slash = base.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString stepText = base.mid(slash + 1);
        const int stepPosition = element.position + static_cast<int>(slash) + 1;
        bool ok = false;
        step = stepText.toInt(&ok);
        if (stepText.isEmpty() || !ok || !stepText.front().isDigit())
            return fail(field, stepPosition, CronText::tr("\"%1\" is not a step (expected a number after \"/\")")
                                                 .arg(stepText));
        if (step < 1)
            return fail(field, stepPosition, CronText::tr("the step must be at least 1"));
        base.truncate(slash);
        hasStep = true;
    }

    int low = spec.min;
    int high = spec.max;
    if (base == QLatin1String("*")) {
        // the whole range
    } else if (base.isEmpty()) {
        return fail(field, element.position, CronText::tr("a value is missing before \"/\""));
    } else {
        const qsizetype dash = base.indexOf(QLatin1Char('-'), 1);
        if (dash >= 0) {
            const int highPosition = element.position + static_cast<int>(dash) + 1;
            if (!parseValue(field, base.left(dash), element.position, low)
                || !parseValue(field, base.mid(dash + 1), highPosition, high))
                return false;
            if (high < low)
                return fail(field, element.position,
                            CronText::tr("the range %1 is backwards (%2 is after %3)")
                                .arg(base)
                                .arg(low)
                                .arg(high));
        } else {
            if (!parseValue(field, base, element.position, low))
                return false;
            // "A/S" runs from A to the field's maximum.
            high = hasStep ? spec.max : low;
        }
    }
    // Stepping in 64 bits: a step near INT_MAX ("59/2147483647") must end the range, not wrap around it.
    for (std::int64_t v = low; v <= high; v += step)
        bits |= std::uint64_t{1} << v;
    return true;
}

bool CronParser::parseValue(int field, const QString &text, int position, int &value)
{
    const FieldSpec &spec = fieldSpecs[field];
    bool ok = false;
    value = text.toInt(&ok);
    if (ok && !text.isEmpty() && text.front().isDigit()) {
        if (value < spec.min || value > spec.max)
            return fail(field, position,
                        CronText::tr("%1 is out of range %2-%3").arg(text).arg(spec.min).arg(spec.max));
        return true;
    }
    if (field == CronExpression::Month || field == CronExpression::DayOfWeek) {
        const bool months = field == CronExpression::Month;
        const int count = months ? 12 : 7;
        for (int i = 0; i < count; ++i) {
            const char *name = months ? monthNames[i] : weekdayNames[i];
            if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0) {
                value = months ? i + 1 : i;
                return true;
            }
        }
        return fail(field, position,
                    months ? CronText::tr("\"%1\" is not a month (1-12 or JAN-DEC)").arg(text)
                           : CronText::tr("\"%1\" is not a weekday (0-7 or SUN-SAT)").arg(text));
    }
    if (text.isEmpty())
        return fail(field, position, CronText::tr("a value is missing"));
    return fail(field, position, CronText::tr("\"%1\" is not a number").arg(text));
}

bool CronParser::parseDayOfMonthExtra(const Token &element, bool &handled)
{
    const QString t = element.text.toUpper();
    const int field = CronExpression::DayOfMonth;
    if (t == QLatin1String("L")) {
        m_expr.m_lastMinus |= 1u;
    } else if (t == QLatin1String("LW")) {
        m_expr.m_lastWeekday = true;
    } else if (t.startsWith(QLatin1String("L-"))) {
        bool ok = false;
        const int n = t.mid(2).toInt(&ok);
        if (!ok || t.size() == 2 || !t.at(2).isDigit() || n < 0 || n > 30)
            return fail(field, element.position + 2,
                        CronText::tr("\"%1\": L-N needs N from 0 to 30").arg(element.text));
        m_expr.m_lastMinus |= 1u << n;
    } else if (t.endsWith(QLatin1Char('W')) && t.size() > 1 && t.front().isDigit()) {
        bool ok = false;
        const int n = t.left(t.size() - 1).toInt(&ok);
        if (!ok || n < 1 || n > 31)
            return fail(field, element.position,
                        CronText::tr("\"%1\": NW needs a day N from 1 to 31").arg(element.text));
        m_expr.m_nearestWeekday |= 1u << n;
    } else {
        if (t.contains(QLatin1Char('L')) || t.contains(QLatin1Char('W')))
            return fail(field, element.position,
                        CronText::tr("\"%1\" is not valid here (day-of-month takes N, L, L-N, NW or LW)")
                            .arg(element.text));
        return true; // an ordinary element
    }
    handled = true;
    return true;
}

bool CronParser::parseDayOfWeekExtra(const Token &element, bool &handled)
{
    const int field = CronExpression::DayOfWeek;
    const QString &t = element.text;
    const qsizetype hash = t.indexOf(QLatin1Char('#'));
    if (hash >= 0) {
        int weekday = 0;
        if (!parseValue(field, t.left(hash), element.position, weekday))
            return false;
        bool ok = false;
        const QString kText = t.mid(hash + 1);
        const int k = kText.toInt(&ok);
        if (!ok || kText.isEmpty() || !kText.front().isDigit() || k < 1 || k > 5)
            return fail(field, element.position + static_cast<int>(hash) + 1,
                        CronText::tr("\"%1\": D#K needs K from 1 to 5").arg(t));
        m_expr.m_nth |= std::uint64_t{1} << ((weekday % 7) * 8 + k);
        handled = true;
        return true;
    }
    if (t.size() > 1 && t.back().toUpper() == QLatin1Char('L') && !t.contains(QLatin1Char('/'))
        && !t.contains(QLatin1Char('-'))) {
        int weekday = 0;
        if (!parseValue(field, t.left(t.size() - 1), element.position, weekday))
            return false;
        m_expr.m_weekdayLast |= 1u << (weekday % 7);
        handled = true;
        return true;
    }
    if (t.compare(QLatin1String("L"), Qt::CaseInsensitive) == 0)
        return fail(field, element.position, CronText::tr("\"L\" needs a weekday before it here, e.g. 5L"));
    return true;
}

std::variant<CronExpression, CronParseError> CronExpression::parse(const QString &text)
{
    return CronParser(text).run();
}

Result<CronExpression> CronExpression::parseResult(const QString &text)
{
    auto parsed = parse(text);
    if (auto *error = std::get_if<CronParseError>(&parsed))
        return invalidInput(error->toString());
    return std::get<CronExpression>(std::move(parsed));
}

std::uint64_t CronExpression::dayMask(int year, int month) const
{
    const int dim = civil::daysInMonth(year, month);
    const std::uint64_t monthDays = ((std::uint64_t{1} << dim) - 1) << 1;
    const std::int64_t firstDay = civil::daysFromCivil(year, month, 1);
    const int firstWeekday = civil::weekdayFromDays(firstDay);

    std::uint64_t dom = m_days;
    std::uint64_t dow = 0;
    if (hasDayExtras()) {
        for (std::uint32_t bits = m_lastMinus; bits; bits &= bits - 1) {
            const int day = dim - std::countr_zero(bits);
            if (day >= 1)
                dom |= std::uint64_t{1} << day;
        }
        for (std::uint32_t bits = m_nearestWeekday; bits; bits &= bits - 1) {
            const int n = std::countr_zero(bits);
            if (n > dim)
                continue; // the day does not exist this month
            const int weekday = (firstWeekday + n - 1) % 7;
            int day = n;
            if (weekday == 6)
                day = n > 1 ? n - 1 : n + 2;
            else if (weekday == 0)
                day = n < dim ? n + 1 : n - 2;
            dom |= std::uint64_t{1} << day;
        }
        if (m_lastWeekday) {
            const int weekday = (firstWeekday + dim - 1) % 7;
            const int day = weekday == 6 ? dim - 1 : weekday == 0 ? dim - 2 : dim;
            dom |= std::uint64_t{1} << day;
        }
    }
    // Every 7th day from the first day of weekday w.
    constexpr std::uint64_t weekly = (1ull << 1) | (1ull << 8) | (1ull << 15) | (1ull << 22) | (1ull << 29);
    if (m_weekdays == 0x7f)
        dow = monthDays;
    for (std::uint32_t bits = m_weekdays == 0x7f ? 0 : m_weekdays; bits; bits &= bits - 1) {
        const int first = 1 + (std::countr_zero(bits) - firstWeekday + 7) % 7;
        dow |= weekly << (first - 1);
    }
    if (m_weekdayLast || m_nth) {
        for (int w = 0; w < 7; ++w) {
            const int first = 1 + (w - firstWeekday + 7) % 7;
            if (m_weekdayLast & (1u << w))
                dow |= std::uint64_t{1} << (first + 7 * ((dim - first) / 7));
            for (int k = 1; k <= 5; ++k) {
                if ((m_nth >> (w * 8 + k)) & 1) {
                    const int day = first + 7 * (k - 1);
                    if (day <= dim)
                        dow |= std::uint64_t{1} << day;
                }
            }
        }
    }
    dom &= monthDays;
    dow &= monthDays;
    // Vixie cron: both day fields restricted -> either may match; otherwise both must.
    return (m_domRestricted && m_dowRestricted) ? (dom | dow) : (dom & dow);
}

namespace {

// The lowest set bit at or above @p from, or -1.
inline int nextBit(std::uint64_t bits, int from)
{
    if (from >= 64)
        return -1;
    const std::uint64_t rest = bits & (~std::uint64_t{0} << from);
    return rest ? std::countr_zero(rest) : -1;
}

} // namespace

std::optional<std::int64_t> CronExpression::nextMatch(std::int64_t localSeconds, int maxYear) const
{
    civil::DateTime t = civil::fromSeconds(localSeconds);
    // Each level either accepts the current value or moves to the next allowed one, zeroing the levels below;
    // running past the end of a level carries into the level above and restarts the walk.
    for (;;) {
        if (t.year > maxYear)
            return std::nullopt;
        const int month = nextBit(m_months, t.month);
        if (month < 0) {
            t = {t.year + 1, 1, 1, 0, 0, 0};
            continue;
        }
        if (month != t.month)
            t = {t.year, month, 1, 0, 0, 0};

        const int day = nextBit(dayMask(t.year, t.month), t.day);
        if (day < 0) {
            t = t.month == 12 ? civil::DateTime{t.year + 1, 1, 1, 0, 0, 0}
                              : civil::DateTime{t.year, t.month + 1, 1, 0, 0, 0};
            continue;
        }
        if (day != t.day)
            t = {t.year, t.month, day, 0, 0, 0};

        for (;;) {
            const int hour = nextBit(m_hours, t.hour);
            if (hour < 0)
                break;
            if (hour != t.hour) {
                t.hour = hour;
                t.minute = t.second = 0;
            }
            const int minute = nextBit(m_minutes, t.minute);
            if (minute < 0) {
                ++t.hour;
                t.minute = t.second = 0;
                continue;
            }
            if (minute != t.minute) {
                t.minute = minute;
                t.second = 0;
            }
            const int second = nextBit(m_seconds, t.second);
            if (second < 0) {
                ++t.minute;
                t.second = 0;
                if (t.minute == 60) {
                    ++t.hour;
                    t.minute = 0;
                }
                continue;
            }
            t.second = second;
            return civil::toSeconds(t);
        }
        // No time left on this day: the next day (dayMask decides whether it exists).
        t = {t.year, t.month, t.day + 1, 0, 0, 0};
        if (t.day > civil::daysInMonth(t.year, t.month))
            t = t.month == 12 ? civil::DateTime{t.year + 1, 1, 1, 0, 0, 0}
                              : civil::DateTime{t.year, t.month + 1, 1, 0, 0, 0};
    }
}

} // namespace punctual
