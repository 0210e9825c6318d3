// One translated line describing a cron expression: "At 02:30 every day", "Every 15 minutes", ...
#include "crontrigger.h"

#include <QCoreApplication>
#include <QStringList>

#include <bit>
#include <utility>
#include <vector>

namespace punctual {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CronDescription)

public:
    static constexpr const char *monthNames[] = {
        QT_TR_NOOP("January"), QT_TR_NOOP("February"), QT_TR_NOOP("March"),     QT_TR_NOOP("April"),
        QT_TR_NOOP("May"),     QT_TR_NOOP("June"),     QT_TR_NOOP("July"),      QT_TR_NOOP("August"),
        QT_TR_NOOP("September"), QT_TR_NOOP("October"), QT_TR_NOOP("November"), QT_TR_NOOP("December"),
    };
    static constexpr const char *weekdayNames[] = {
        QT_TR_NOOP("Sunday"),   QT_TR_NOOP("Monday"), QT_TR_NOOP("Tuesday"),  QT_TR_NOOP("Wednesday"),
        QT_TR_NOOP("Thursday"), QT_TR_NOOP("Friday"), QT_TR_NOOP("Saturday"),
    };
    // Whole patterns rather than ordinal words, so a translation can reorder or inflect them.
    static constexpr const char *nthWeekdayPatterns[] = {
        QT_TR_NOOP("the first %1"), QT_TR_NOOP("the second %1"), QT_TR_NOOP("the third %1"),
        QT_TR_NOOP("the fourth %1"), QT_TR_NOOP("the fifth %1"),
    };

    static QString number(int value) { return QString::number(value); }
    static QString month(int value) { return tr(monthNames[value - 1]); }
    static QString weekday(int value) { return tr(weekdayNames[value % 7]); } ///< 0 and 7 are Sunday
};

// Beyond these a list reads worse than the field's own text, or than a pattern of times.
constexpr int maxListPieces = 6;
constexpr int maxClockTimes = 6;
constexpr int secondsPerDay = 24 * 3600;
constexpr std::uint32_t allDaysOfMonth = 0xfffffffeu; // bits 1..31
constexpr std::uint32_t allMonths = 0x1ffeu;          // bits 1..12
constexpr std::uint32_t allWeekdays = 0x7fu;

enum class Conjunction
{
    And,
    Or,
};

std::vector<int> valuesOf(std::uint64_t bits)
{
    std::vector<int> values;
    for (; bits; bits &= bits - 1)
        values.push_back(std::countr_zero(bits));
    return values;
}

// Phrases are built in lower case; the finished line starts with a capital.
QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// "a", "a and b", "a, b and c" (or "a, b or c").
QString joinList(const QStringList &items, Conjunction conjunction = Conjunction::And)
{
    QString text = items.value(0);
    for (qsizetype i = 1; i < items.size(); ++i) {
        if (i + 1 < items.size())
            text = Text::tr("%1, %2").arg(text, items[i]);
        else if (conjunction == Conjunction::Or)
            text = Text::tr("%1 or %2").arg(text, items[i]);
        else
            text = Text::tr("%1 and %2").arg(text, items[i]);
    }
    return text;
}

// The values in order, runs of three or more as one piece: {1, 2, 3, 5} -> "1 to 3", "5".
QStringList runPieces(const std::vector<int> &values, QString (*name)(int))
{
    QStringList pieces;
    for (std::size_t i = 0; i < values.size();) {
        std::size_t end = i;
        while (end + 1 < values.size() && values[end + 1] == values[end] + 1)
            ++end;
        if (end - i >= 2) {
            pieces << Text::tr("%1 to %2").arg(name(values[i]), name(values[end]));
        } else {
            for (std::size_t j = i; j <= end; ++j)
                pieces << name(values[j]);
        }
        i = end + 1;
    }
    return pieces;
}

// Monday first reads naturally ("Saturday and Sunday") unless Sunday first is shorter ("Sunday to Tuesday").
QStringList weekdayPieces(std::uint32_t weekdays)
{
    const QStringList monday = runPieces(valuesOf((weekdays & 0x7eu) | (weekdays & 1u) << 7), Text::weekday);
    const QStringList sunday = runPieces(valuesOf(weekdays), Text::weekday);
    return sunday.size() < monday.size() ? sunday : monday;
}

QString clock(int secondOfDay, bool withSeconds)
{
    const QLatin1Char zero('0');
    const QString hoursMinutes =
        QStringLiteral("%1:%2").arg(secondOfDay / 3600, 2, 10, zero).arg(secondOfDay / 60 % 60, 2, 10, zero);
    return withSeconds ? QStringLiteral("%1:%2").arg(hoursMinutes).arg(secondOfDay % 60, 2, 10, zero)
                       : hoursMinutes;
}

// "every 15 minutes", "every hour", ... for a step between fire times.
QString everyDuration(int seconds)
{
    if (seconds % 3600 == 0)
        return seconds == 3600 ? Text::tr("every hour") : Text::tr("every %n hours", nullptr, seconds / 3600);
    if (seconds % 60 == 0)
        return seconds == 60 ? Text::tr("every minute") : Text::tr("every %n minutes", nullptr, seconds / 60);
    return seconds == 1 ? Text::tr("every second") : Text::tr("every %n seconds", nullptr, seconds);
}

// The fire times of one day in seconds since midnight: how many, the first few, and the step if evenly spaced.
struct DayTimes
{
    int count = 0;
    int first = 0;
    int last = 0;
    int step = 0; ///< > 0 only if there are at least two times, all evenly spaced
    std::vector<int> firstFew;
};

DayTimes dayTimes(const CronExpression &expression)
{
    DayTimes times;
    const std::vector<int> minutes = valuesOf(expression.minutes());
    const std::vector<int> seconds = valuesOf(expression.seconds());
    for (int h : valuesOf(expression.hours())) {
        for (int m : minutes) {
            for (int s : seconds) {
                const int time = h * 3600 + m * 60 + s;
                if (times.count == 0)
                    times.first = time;
                else if (times.count == 1)
                    times.step = time - times.last;
                else if (time - times.last != times.step)
                    times.step = -1; // uneven; no later difference matches -1
                if (times.count < maxClockTimes)
                    times.firstFew.push_back(time);
                times.last = time;
                ++times.count;
            }
        }
    }
    return times;
}

// One time field in the field-by-field form: "every 10 seconds", "minute 5", "hours 0, 8 and 16", "hours */4".
struct Piece
{
    QString text;
    bool every = false; ///< "every ..." rather than "at ..."
    bool all = false;   ///< the whole field
};

Piece timePiece(CronExpression::Field field, std::uint64_t bits, const QString &fieldText, bool allowEvery)
{
    const int size = field == CronExpression::Hour ? 24 : 60;
    const int unit = field == CronExpression::Second ? 1 : field == CronExpression::Minute ? 60 : 3600;
    const std::vector<int> values = valuesOf(bits);
    const int count = static_cast<int>(values.size());
    if (count == size)
        return {everyDuration(unit), true, true};
    // Evenly spaced from 0 round the whole minute or hour. Hours are listed instead: "past every 4 hours" misleads,
    // and so would "every second during every 20 minutes" (allowEvery is false after a finer "every").
    bool even = allowEvery && field != CronExpression::Hour && count >= 3 && size % count == 0;
    for (int i = 0; even && i < count; ++i)
        even = values[static_cast<std::size_t>(i)] == i * (size / count);
    if (even)
        return {everyDuration(unit * size / count), true, false};
    const QStringList pieces = runPieces(values, Text::number);
    const QString list = pieces.size() <= maxListPieces ? joinList(pieces) : fieldText;
    const bool one = count == 1;
    switch (field) {
    case CronExpression::Second: return {one ? Text::tr("second %1").arg(list) : Text::tr("seconds %1").arg(list)};
    case CronExpression::Minute: return {one ? Text::tr("minute %1").arg(list) : Text::tr("minutes %1").arg(list)};
    default: return {one ? Text::tr("hour %1").arg(list) : Text::tr("hours %1").arg(list)};
    }
}

// "at minute 55 past every hour", "every 10 seconds during hours 0, 8 and 16", like crontab.guru.
QString fieldByFieldTime(const CronExpression &expression)
{
    const std::pair<CronExpression::Field, std::uint64_t> fields[] = {
        {CronExpression::Second, expression.seconds()},
        {CronExpression::Minute, expression.minutes()},
        {CronExpression::Hour, expression.hours()},
    };
    QString text;
    bool finerEvery = false;
    for (const auto &[field, bits] : fields) {
        if (field == CronExpression::Second && bits == 1)
            continue; // second 0 goes without saying
        const QString &fieldText = expression.fieldTexts()[static_cast<std::size_t>(field)];
        const Piece piece = timePiece(field, bits, fieldText, !finerEvery);
        if (text.isEmpty())
            text = piece.every ? piece.text : Text::tr("at %1").arg(piece.text);
        else if (finerEvery && piece.all)
            continue; // "every 10 seconds" already runs through every minute
        else if (finerEvery)
            text = Text::tr("%1 during %2").arg(text, piece.text);
        else
            text = Text::tr("%1 past %2").arg(text, piece.text);
        finerEvery = piece.every;
    }
    return text;
}

enum class TimeForm
{
    Clock, ///< "at 09:00 and 17:00": says nothing about days by itself
    Span,  ///< "every 15 minutes from 09:00 to 17:45"
    Fields ///< "at minute 55 past every hour"
};

struct TimePhrase
{
    QString text;
    TimeForm form;
};

TimePhrase timePhrase(const CronExpression &expression)
{
    const DayTimes times = dayTimes(expression);
    const bool withSeconds = expression.seconds() != 1;
    if (times.step > 0 && times.count >= 4) {
        const TimePhrase span{Text::tr("%1 from %2 to %3")
                                  .arg(everyDuration(times.step), clock(times.first, withSeconds),
                                       clock(times.last, withSeconds)),
                              TimeForm::Span};
        // Evenly spaced across midnight too: a plain "every ..." when it starts at 00:00 and the step is a clear
        // fraction of the next unit ("*/30" minutes reads better as "minutes 0 and 30").
        const bool wholeDay = times.first + secondsPerDay - times.last == times.step;
        const int unit = times.step < 60 ? 60 : times.step < 3600 ? 3600 : secondsPerDay;
        if (!wholeDay)
            return span;
        if (times.first == 0 && unit / times.step >= 3)
            return {everyDuration(times.step), TimeForm::Span};
        // "every 2 hours from 00:30 to 22:30"; steps of an hour or less read better field by field ("at minute 55
        // past every hour"), and a few times as a list.
        if (times.step > 3600 && times.count > maxClockTimes)
            return span;
    }
    if (times.count <= maxClockTimes) {
        QStringList clocks;
        for (int time : times.firstFew)
            clocks << clock(time, withSeconds);
        return {Text::tr("at %1").arg(joinList(clocks)), TimeForm::Clock};
    }
    return {fieldByFieldTime(expression), TimeForm::Fields};
}

// "day 1 of the month", "the weekday nearest day 15 of the month", "days 3-30/7 of the month".
QString dayOfMonthPhrase(const CronExpression &expression)
{
    QStringList items;
    const std::vector<int> days = valuesOf(expression.daysOfMonth());
    if (!days.empty()) {
        items = runPieces(days, Text::number);
        if (items.size() > maxListPieces)
            return Text::tr("days %1 of the month").arg(expression.fieldTexts()[CronExpression::DayOfMonth]);
        // One flat list, so extras follow as "days 1, 15 and the last day of the month".
        items[0] = (days.size() == 1 ? Text::tr("day %1") : Text::tr("days %1")).arg(items[0]);
    }
    for (int n : valuesOf(expression.lastDayOffsets())) {
        items << (n == 0   ? Text::tr("the last day")
                  : n == 1 ? Text::tr("the day before the last day")
                           : Text::tr("%n days before the last day", nullptr, n));
    }
    for (int n : valuesOf(expression.nearestWeekdays()))
        items << Text::tr("the weekday nearest day %1").arg(n);
    if (expression.lastWeekdayOfMonth())
        items << Text::tr("the last weekday");
    return Text::tr("%1 of the month").arg(joinList(items));
}

// "Monday to Friday", "the last Friday of the month", "Saturday or the second Monday of the month".
QString dayOfWeekPhrase(const CronExpression &expression, Conjunction conjunction)
{
    QStringList items = weekdayPieces(expression.daysOfWeek());
    QStringList extras;
    for (int bit : valuesOf(expression.nthWeekdays())) // bit w * 8 + k for "w#k"
        extras << Text::tr(Text::nthWeekdayPatterns[bit % 8 - 1]).arg(Text::weekday(bit / 8));
    for (int w : valuesOf(expression.lastWeekdays()))
        extras << Text::tr("the last %1").arg(Text::weekday(w));
    if (!extras.isEmpty())
        items << Text::tr("%1 of the month").arg(joinList(extras, conjunction));
    return joinList(items, conjunction);
}

// "on ..." for the two day fields under the Vixie rule, or empty when every day matches.
QString dayPhrase(const CronExpression &expression)
{
    const bool everyDayOfMonth = expression.daysOfMonth() == allDaysOfMonth;
    const bool everyWeekday = expression.daysOfWeek() == allWeekdays;
    if (expression.dayOfMonthRestricted() && expression.dayOfWeekRestricted()) {
        if (everyDayOfMonth || everyWeekday)
            return {}; // either field alone matches every day
        return Text::tr("on %1 or on %2")
            .arg(dayOfMonthPhrase(expression), dayOfWeekPhrase(expression, Conjunction::Or));
    }
    if (everyDayOfMonth && everyWeekday)
        return {};
    if (everyWeekday)
        return Text::tr("on %1").arg(dayOfMonthPhrase(expression));
    if (everyDayOfMonth)
        return Text::tr("on %1").arg(dayOfWeekPhrase(expression, Conjunction::And));
    return Text::tr("on %1 if it is %2")
        .arg(dayOfMonthPhrase(expression), dayOfWeekPhrase(expression, Conjunction::Or));
}

// "in March and June", "from April to June", or empty for every month.
QString monthPhrase(std::uint32_t months)
{
    if (months == allMonths)
        return {};
    const std::vector<int> values = valuesOf(months);
    const QStringList pieces = runPieces(values, Text::month);
    if (pieces.size() == 1 && values.size() >= 3)
        return Text::tr("from %1 to %2").arg(Text::month(values.front()), Text::month(values.back()));
    return Text::tr("in %1").arg(joinList(pieces));
}

} // namespace

QString describeCron(const CronExpression &expression)
{
    const TimePhrase time = timePhrase(expression);
    QString days = dayPhrase(expression);
    QString months = monthPhrase(expression.months());

    // One plain day of one month, with the weekday not in play: "on 1 January".
    const bool weekdayInPlay = expression.daysOfWeek() != allWeekdays
        || (expression.dayOfMonthRestricted() && expression.dayOfWeekRestricted());
    if (!weekdayInPlay && std::has_single_bit(expression.daysOfMonth()) && std::has_single_bit(expression.months())
        && !expression.lastDayOffsets() && !expression.nearestWeekdays() && !expression.lastWeekdayOfMonth()) {
        days = Text::tr("on %1 %2", "day of the month and month name, e.g. on 1 January")
                   .arg(Text::number(std::countr_zero(expression.daysOfMonth())),
                        Text::month(std::countr_zero(expression.months())));
        months.clear();
    }
    if (days.isEmpty() && time.form == TimeForm::Clock)
        days = Text::tr("every day");

    if (time.form == TimeForm::Fields) {
        // The field-by-field form has spaces of its own, so commas keep its parts apart.
        QStringList parts{time.text};
        if (!days.isEmpty())
            parts << days;
        if (!months.isEmpty())
            parts << months;
        return capitalised(parts.join(QStringLiteral(", ")));
    }
    // Translatable joins, so a language can put the days before the time ("每天 02:30").
    QString text = time.text;
    if (!days.isEmpty())
        text = Text::tr("%1 %2", "time of day (%1, e.g. 'at 02:30') followed by the days (%2, e.g. 'every day')")
                   .arg(text, days);
    if (!months.isEmpty())
        text = Text::tr("%1 %2", "time and days (%1) followed by the months (%2, e.g. 'in January')").arg(text, months);
    return capitalised(text);
}

} // namespace punctual
