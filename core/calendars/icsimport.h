// The all-day events of an iCalendar (.ics) file as days to exclude, read with libical.
#pragma once

#include "calendars/exclusioncalendar.h"

#include <QByteArray>

namespace punctual {

/// What an .ics file gave: its all-day events' days (a multi-day event as a range) and what was left out.
struct IcsDays
{
    QList<std::int64_t> dates;
    QList<DayRange> ranges;
    int events = 0;       ///< all-day events read (a recurring one counts once)
    int timedIgnored = 0; ///< events with a time of day (not all-day): not days, left out
};

/// Recurring events (RRULE, RDATE, less EXDATE) are expanded through this year: far enough for any job's life,
/// and a bounded list to store (a weekly event gives about 3,900 days).
inline constexpr int icsHorizonYear = 2100;

/**
 * Reads @p text, the contents of @p fileName (named in errors): every VEVENT whose DTSTART is a date
 * (VALUE=DATE) excludes the days from DTSTART to DTEND (exclusive; one day without DTEND), at each of its
 * recurrences through icsHorizonYear. Events with a time of day are counted in timedIgnored. Text that is not
 * an iCalendar, or an event libical reports an error in, is an error naming the file and what is wrong.
 */
Result<IcsDays> readIcsDays(const QByteArray &text, const QString &fileName);
/// The same for a file; an unreadable file is an error naming it.
Result<IcsDays> readIcsFile(const QString &path);

/// Adds @p days to @p calendar.
void addIcsDays(ExclusionCalendar &calendar, const IcsDays &days);

} // namespace punctual
