// Exclusion calendars: days as numbers, their JSON form, and the look-ups the due pass makes.
#include "exclusioncalendar.h"

#include "jobs/job.h"
#include "time/civil.h"
#include "time/zonerules.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace punctual {

namespace {

class CalendarText
{
    Q_DECLARE_TR_FUNCTIONS(ExclusionCalendar)
};

constexpr const char *weekdayKeys[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

bool rangeBefore(const DayRange &a, const DayRange &b)
{
    return a.first != b.first ? a.first < b.first : a.last < b.last;
}

} // namespace

bool ExclusionCalendar::excludesDay(std::int64_t day) const
{
    if (weekdays & (1 << civil::weekdayFromDays(day)))
        return true;
    if (std::binary_search(dates.cbegin(), dates.cend(), day))
        return true;
    // Ranges are few (an .ics file's multi-day events, a user's holidays): a scan up to the first beginning later.
    for (const DayRange &range : ranges) {
        if (range.first > day)
            break;
        if (day <= range.last)
            return true;
    }
    return false;
}

void ExclusionCalendar::addDate(std::int64_t day)
{
    const auto at = std::lower_bound(dates.begin(), dates.end(), day);
    if (at == dates.end() || *at != day)
        dates.insert(at, day);
}

void ExclusionCalendar::addRange(DayRange range)
{
    if (range.first == range.last) {
        addDate(range.first);
        return;
    }
    const auto at = std::lower_bound(ranges.begin(), ranges.end(), range, rangeBefore);
    if (at == ranges.end() || !(*at == range))
        ranges.insert(at, range);
}

bool ExclusionCalendar::removeDate(std::int64_t day)
{
    return dates.removeOne(day);
}

bool ExclusionCalendar::removeRange(DayRange range)
{
    return ranges.removeOne(range);
}

QJsonObject ExclusionCalendar::toJson() const
{
    QJsonArray dateList;
    for (const std::int64_t day : dates)
        dateList.append(dayText(day));
    QJsonArray rangeList;
    for (const DayRange &range : ranges)
        rangeList.append(QJsonObject{{QStringLiteral("from"), dayText(range.first)},
                                     {QStringLiteral("to"), dayText(range.last)}});
    return {{QStringLiteral("version"), 1},
            {QStringLiteral("dates"), dateList},
            {QStringLiteral("ranges"), rangeList},
            {QStringLiteral("weekdays"), QJsonArray::fromStringList(weekdayNames(weekdays))}};
}

Result<ExclusionCalendar> ExclusionCalendar::fromJson(const QString &name, const QJsonObject &json)
{
    if (json.value(QStringLiteral("version")).toInt(1) != 1)
        return invalidInput(CalendarText::tr("calendar \"%1\": unknown version %2")
                                .arg(name, json.value(QStringLiteral("version")).toVariant().toString()));
    ExclusionCalendar calendar;
    calendar.name = name;
    for (const QJsonValue &value : json.value(QStringLiteral("dates")).toArray()) {
        auto day = parseDay(value.toString());
        if (!day)
            return invalidInput(CalendarText::tr("calendar \"%1\": %2").arg(name, day.error().message));
        calendar.addDate(day.value());
    }
    for (const QJsonValue &value : json.value(QStringLiteral("ranges")).toArray()) {
        const QJsonObject object = value.toObject();
        auto range = parseRange(object.value(QStringLiteral("from")).toString() + QStringLiteral("..")
                                + object.value(QStringLiteral("to")).toString());
        if (!range)
            return invalidInput(CalendarText::tr("calendar \"%1\": %2").arg(name, range.error().message));
        calendar.addRange(range.value());
    }
    QStringList weekdayList;
    for (const QJsonValue &value : json.value(QStringLiteral("weekdays")).toArray())
        weekdayList.append(value.toString());
    if (!weekdayList.isEmpty()) {
        auto mask = parseWeekdays(weekdayList.join(QLatin1Char(',')));
        if (!mask)
            return invalidInput(CalendarText::tr("calendar \"%1\": %2").arg(name, mask.error().message));
        calendar.weekdays = mask.value();
    }
    return calendar;
}

QString ExclusionCalendar::dayText(std::int64_t day)
{
    const civil::Date date = civil::civilFromDays(day);
    return QStringLiteral("%1-%2-%3")
        .arg(date.year, 4, 10, QLatin1Char('0'))
        .arg(date.month, 2, 10, QLatin1Char('0'))
        .arg(date.day, 2, 10, QLatin1Char('0'));
}

Result<std::int64_t> ExclusionCalendar::parseDay(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    const int year = match.hasMatch() ? match.captured(1).toInt() : 0;
    const int month = match.hasMatch() ? match.captured(2).toInt() : 0;
    const int dayOfMonth = match.hasMatch() ? match.captured(3).toInt() : 0;
    if (year < 1 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > civil::daysInMonth(year, month))
        return invalidInput(CalendarText::tr("\"%1\" is not a date (YYYY-MM-DD, years 1 to 9999)").arg(text));
    return civil::daysFromCivil(year, month, dayOfMonth);
}

Result<DayRange> ExclusionCalendar::parseRange(const QString &text)
{
    const QStringList parts = text.split(QStringLiteral(".."));
    if (parts.size() != 2)
        return invalidInput(CalendarText::tr("\"%1\" is not a range of dates (FIRST..LAST)").arg(text));
    auto first = parseDay(parts[0]);
    if (!first)
        return first.error();
    auto last = parseDay(parts[1]);
    if (!last)
        return last.error();
    if (last.value() < first.value())
        return invalidInput(CalendarText::tr("the range \"%1\" ends before it begins").arg(text));
    return DayRange{first.value(), last.value()};
}

Result<int> ExclusionCalendar::parseWeekdays(const QString &text)
{
    int mask = 0;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString key = part.trimmed().toLower();
        int found = -1;
        for (int day = 0; day < 7; ++day) {
            if (key == QLatin1String(weekdayKeys[day]))
                found = day;
        }
        bool isNumber = false;
        const int number = key.toInt(&isNumber);
        if (isNumber && number >= 0 && number <= 7)
            found = number % 7;
        if (found < 0)
            return invalidInput(
                CalendarText::tr("\"%1\" is not a weekday (sun, mon, tue, wed, thu, fri, sat or 0-7)").arg(part));
        mask |= 1 << found;
    }
    return mask;
}

QStringList ExclusionCalendar::weekdayNames(int mask)
{
    QStringList names;
    for (int day = 0; day < 7; ++day) {
        if (mask & (1 << day))
            names.append(QLatin1String(weekdayKeys[day]));
    }
    return names;
}

Result<void> validateCalendarName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return invalidInput(CalendarText::tr("a calendar name must not be blank"));
    if (name.size() > 200)
        return invalidInput(CalendarText::tr("the calendar name \"%1…\" is longer than 200 characters")
                                .arg(name.left(40)));
    for (const QChar c : name) {
        if (!c.isPrint())
            return invalidInput(CalendarText::tr("the calendar name \"%1\" has a control character").arg(name));
    }
    return {};
}

ExclusionCalendars::ExclusionCalendars(const QList<ExclusionCalendar> &calendars)
{
    for (const ExclusionCalendar &calendar : calendars)
        m_byName.insert(calendar.name, std::make_shared<const ExclusionCalendar>(calendar));
}

const ExclusionCalendar *ExclusionCalendars::find(const QString &name) const
{
    const auto found = m_byName.constFind(name);
    return found == m_byName.cend() ? nullptr : found->get();
}

namespace {

std::int64_t localDay(const ZoneRules &zone, std::int64_t instantMs)
{
    return civil::floorDiv(zone.toLocal(civil::floorDiv(instantMs, 1000)), civil::secondsPerDay);
}

} // namespace

std::optional<Exclusion> ExclusionCalendars::excludes(const Job &job, std::int64_t instantMs) const
{
    if (job.options.exclude.isEmpty() || !job.trigger)
        return std::nullopt;
    return excludesDay(job, localDay(job.trigger->zone(), instantMs));
}

std::optional<Exclusion> ExclusionCalendars::excludesDay(const Job &job, std::int64_t day) const
{
    for (const QString &name : job.options.exclude) {
        const ExclusionCalendar *calendar = find(name);
        if (calendar && calendar->excludesDay(day))
            return Exclusion{name, day};
    }
    return std::nullopt;
}

std::optional<std::int64_t> ExclusionCalendars::firstIncluded(const Job &job, std::optional<std::int64_t> fromMs,
                                                              bool *allExcluded) const
{
    if (allExcluded)
        *allExcluded = false;
    if (!fromMs || job.options.exclude.isEmpty())
        return fromMs;
    const ZoneRules &zone = job.trigger->zone();
    const std::int64_t firstDay = localDay(zone, *fromMs);
    const auto excluded = [&](std::int64_t day) { return excludesDay(job, day).has_value(); };
    std::optional<std::int64_t> next = fromMs;
    while (next) {
        std::int64_t day = localDay(zone, *next);
        if (!excluded(day))
            return next;
        // Jump to the next free day's first fire time: a per-second job over a long holiday takes a few steps.
        do {
            if (++day - firstDay > searchDays) {
                if (allExcluded)
                    *allExcluded = true;
                return std::nullopt;
            }
        } while (excluded(day));
        const std::int64_t dayStartMs = zone.toUtc(day * civil::secondsPerDay) * 1000;
        next = job.trigger->nextFireTime(std::max(*next, dayStartMs - 1));
    }
    return next;
}

QString exclusionText(const Exclusion &exclusion)
{
    return CalendarText::tr("excluded by calendar \"%1\" (%2)")
        .arg(exclusion.calendar, ExclusionCalendar::dayText(exclusion.day));
}

} // namespace punctual
