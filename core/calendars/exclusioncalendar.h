// A named set of days on which the jobs that name it do not run (Quartz's HolidayCalendar): dates, ranges, weekdays.
#pragma once

#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>

namespace punctual {

class Job;

/// Days from first to last, both included, as day numbers (days since 1970-01-01, time/civil.h).
struct DayRange
{
    std::int64_t first = 0;
    std::int64_t last = 0;

    bool operator==(const DayRange &) const = default;
};

/**
 * The days a calendar excludes. Days are local dates: a fire time is judged by its date in the job's trigger
 * zone. An .ics file's all-day events are read into dates and ranges when it is imported (icsimport.h), so what
 * is stored is what `calendar show` lists.
 */
class ExclusionCalendar
{
public:
    QString name;
    QList<std::int64_t> dates; ///< single days, sorted, no day twice
    QList<DayRange> ranges;    ///< sorted by first day; may overlap each other and the dates
    int weekdays = 0;          ///< bit N: weekday N excluded (0 = Sunday ... 6 = Saturday)

    bool operator==(const ExclusionCalendar &) const = default;

    bool excludesDay(std::int64_t day) const;
    bool isEmpty() const { return dates.isEmpty() && ranges.isEmpty() && weekdays == 0; }

    void addDate(std::int64_t day);  ///< keeps dates sorted and unique
    void addRange(DayRange range);   ///< keeps ranges sorted; a one-day range becomes a date
    bool removeDate(std::int64_t day);
    bool removeRange(DayRange range);

    /// {"version":1,"dates":["2026-12-25"],"ranges":[{"from":"2026-12-24","to":"2026-12-31"}],"weekdays":["sat"]}
    QJsonObject toJson() const;
    /// Reads toJson()'s form; a bad date, a backwards range or an unknown weekday is an error saying which.
    static Result<ExclusionCalendar> fromJson(const QString &name, const QJsonObject &json);

    /// "2026-12-25": the text form of a day number; parseDay() reads it (years 1 to 9999).
    static QString dayText(std::int64_t day);
    static Result<std::int64_t> parseDay(const QString &text);
    /// "2026-12-24..2026-12-31" (a range; the first day not after the last).
    static Result<DayRange> parseRange(const QString &text);
    /// "sat,sun" or "6,0": a weekday mask; names in any case, sun-sat or 0-7 (0 and 7 Sunday).
    static Result<int> parseWeekdays(const QString &text);
    static QStringList weekdayNames(int mask); ///< "sun", "mon", ... in week order
};

/// A calendar with the ids of the jobs whose exclude list names it (what list, show and the window's dialog show).
struct CalendarInfo
{
    ExclusionCalendar calendar;
    QStringList usedBy;
};

/// A calendar name: not blank, printable, one line, at most 200 characters (as a job id).
Result<void> validateCalendarName(const QString &name);

/// Why a fire time does not run: the first calendar of the job's `exclude` list that excludes its day.
struct Exclusion
{
    QString calendar;
    std::int64_t day = 0;
};

/// The store's calendars, by name, as the scheduler and the due pass read them (cheap to copy: shared).
class ExclusionCalendars
{
public:
    ExclusionCalendars() = default;
    explicit ExclusionCalendars(const QList<ExclusionCalendar> &calendars);

    const ExclusionCalendar *find(const QString &name) const;
    bool isEmpty() const { return m_byName.isEmpty(); }

    /// Whether @p job's fire time @p instantMs falls on a day one of its calendars excludes (its local date in the
    /// job's trigger zone). Names of calendars that do not exist exclude nothing.
    std::optional<Exclusion> excludes(const Job &job, std::int64_t instantMs) const;
    /// Whether one of @p job's calendars excludes the local day @p day.
    std::optional<Exclusion> excludesDay(const Job &job, std::int64_t day) const;
    /// The first fire time of @p job at or after @p fromMs (a fire time itself) that is not excluded, jumping over
    /// excluded days. None when the trigger ends first, or when no day is free within searchDays of @p fromMs
    /// (a calendar that excludes every day): @p allExcluded is then set.
    std::optional<std::int64_t> firstIncluded(const Job &job, std::optional<std::int64_t> fromMs,
                                              bool *allExcluded = nullptr) const;

    /// The days searched ahead for a day no calendar excludes before a job counts as never running.
    static constexpr std::int64_t searchDays = 366 * 20;

private:
    QHash<QString, std::shared_ptr<const ExclusionCalendar>> m_byName;
};

/// "excluded by calendar "holidays" (2026-12-25)": the error of an excluded run.
QString exclusionText(const Exclusion &exclusion);

} // namespace punctual
