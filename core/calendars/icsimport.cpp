// .ics import: libical parses and expands recurrences; only all-day events become excluded days.
#include "icsimport.h"

#include "time/civil.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <libical/ical.h>

#include <memory>

namespace punctual {

namespace {

class IcsText
{
    Q_DECLARE_TR_FUNCTIONS(ExclusionCalendar)
};

struct ComponentDeleter
{
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};
struct IteratorDeleter
{
    void operator()(icalrecur_iterator *iterator) const { icalrecur_iterator_free(iterator); }
};

std::int64_t dayOf(const icaltimetype &time)
{
    return civil::daysFromCivil(time.year, time.month, time.day);
}

QString eventName(icalcomponent *event)
{
    const char *summary = icalcomponent_get_summary(event);
    if (summary && *summary)
        return QString::fromUtf8(summary);
    const char *uid = icalcomponent_get_uid(event);
    return uid ? QString::fromUtf8(uid) : QString();
}

/// The first error libical noted inside @p component (an X-LIC-ERROR property), or an empty text.
QString firstError(icalcomponent *component)
{
    icalproperty *error = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY);
    return error ? QString::fromUtf8(icalproperty_get_xlicerror(error)) : QString();
}

Result<void> readEvent(icalcomponent *event, const QString &fileName, IcsDays &out)
{
    if (const QString error = firstError(event); !error.isEmpty())
        return invalidInput(IcsText::tr("%1: event \"%2\": %3").arg(fileName, eventName(event), error));
    const icaltimetype start = icalcomponent_get_dtstart(event);
    if (icaltime_is_null_time(start))
        return invalidInput(IcsText::tr("%1: event \"%2\" has no DTSTART").arg(fileName, eventName(event)));
    if (!start.is_date) {
        ++out.timedIgnored;
        return {};
    }
    ++out.events;
    const icaltimetype end = icalcomponent_get_dtend(event);
    // DTEND is exclusive; an all-day event without one (or with an end not after its start) is one day.
    const std::int64_t length = icaltime_is_null_time(end) ? 1 : std::max<std::int64_t>(1, dayOf(end) - dayOf(start));
    const std::int64_t horizon = civil::daysFromCivil(icsHorizonYear, 12, 31);

    QSet<std::int64_t> excludedStarts;
    for (icalproperty *property = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY); property;
         property = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY))
        excludedStarts.insert(dayOf(icalproperty_get_exdate(property)));

    QList<std::int64_t> starts;
    icalproperty *rule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
    if (!rule) {
        starts.append(dayOf(start));
    }
    for (; rule; rule = icalcomponent_get_next_property(event, ICAL_RRULE_PROPERTY)) {
        std::unique_ptr<icalrecur_iterator, IteratorDeleter> iterator(
            icalrecur_iterator_new(icalproperty_get_rrule(rule), start));
        if (!iterator)
            return invalidInput(
                IcsText::tr("%1: event \"%2\" has an RRULE libical cannot expand").arg(fileName, eventName(event)));
        for (icaltimetype next = icalrecur_iterator_next(iterator.get()); !icaltime_is_null_time(next);
             next = icalrecur_iterator_next(iterator.get())) {
            if (dayOf(next) > horizon)
                break;
            starts.append(dayOf(next));
        }
    }
    for (icalproperty *property = icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY); property;
         property = icalcomponent_get_next_property(event, ICAL_RDATE_PROPERTY)) {
        const icaldatetimeperiodtype rdate = icalproperty_get_rdate(property);
        if (!icaltime_is_null_time(rdate.time))
            starts.append(dayOf(rdate.time));
    }
    for (const std::int64_t first : std::as_const(starts)) {
        if (excludedStarts.contains(first) || first > horizon)
            continue;
        if (length == 1)
            out.dates.append(first);
        else
            out.ranges.append(DayRange{first, first + length - 1});
    }
    return {};
}

} // namespace

Result<IcsDays> readIcsDays(const QByteArray &text, const QString &fileName)
{
    if (!text.contains("BEGIN:VCALENDAR"))
        return invalidInput(IcsText::tr("%1: not an iCalendar file (no BEGIN:VCALENDAR)").arg(fileName));
    std::unique_ptr<icalcomponent, ComponentDeleter> root(icalparser_parse_string(text.constData()));
    if (!root)
        return invalidInput(IcsText::tr("%1: not an iCalendar file (libical could not parse it)").arg(fileName));
    icalcomponent *calendar = icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT
        ? root.get()
        : icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT);
    if (!calendar)
        return invalidInput(IcsText::tr("%1: not an iCalendar file (no VCALENDAR)").arg(fileName));
    if (const QString error = firstError(calendar); !error.isEmpty())
        return invalidInput(IcsText::tr("%1: %2").arg(fileName, error));
    IcsDays days;
    for (icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event;
         event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        if (auto read = readEvent(event, fileName, days); !read)
            return read.error();
    }
    if (days.events == 0 && days.timedIgnored == 0)
        return invalidInput(IcsText::tr("%1: no events (VEVENT) in it").arg(fileName));
    return days;
}

Result<IcsDays> readIcsFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidInput, IcsText::tr("cannot read %1: %2").arg(path, file.errorString())};
    return readIcsDays(file.readAll(), QFileInfo(path).fileName());
}

void addIcsDays(ExclusionCalendar &calendar, const IcsDays &days)
{
    for (const std::int64_t day : days.dates)
        calendar.addDate(day);
    for (const DayRange &range : days.ranges)
        calendar.addRange(range);
}

} // namespace punctual
