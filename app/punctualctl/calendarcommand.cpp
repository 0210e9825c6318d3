// punctualctl calendar: exclusion calendars (add, list, show, remove); docs/desktop-triggers.md.
#include "cli.h"
#include "schedulersession.h"

#include "calendars/icsimport.h"
#include "control/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace punctual::cli {

namespace {

/// An unknown calendar is bad input (exit 2), not "no such job" (exit 3).
int failCalendar(const Error &error)
{
    return error.code == ErrorCode::NotFound ? fail(ExitUsage, error.message) : fail(error);
}

QString summary(const ExclusionCalendar &calendar)
{
    QStringList parts;
    parts << (calendar.dates.size() == 1 ? tr("1 date") : tr("%1 dates").arg(calendar.dates.size()));
    parts << (calendar.ranges.size() == 1 ? tr("1 range") : tr("%1 ranges").arg(calendar.ranges.size()));
    if (calendar.weekdays)
        parts << tr("weekdays %1").arg(ExclusionCalendar::weekdayNames(calendar.weekdays).join(QLatin1Char(',')));
    return parts.join(QStringLiteral(", "));
}

int addCalendar(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Add an exclusion calendar: days on which the jobs using it do not run."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The calendar's name."));
    const QCommandLineOption date(QStringLiteral("date"), tr("Exclude this day (repeatable; or several, comma "
                                                             "separated)."),
                                  tr("YYYY-MM-DD"));
    const QCommandLineOption range(QStringLiteral("range"), tr("Exclude the days from A to B, both included "
                                                               "(repeatable)."),
                                   tr("A..B"));
    const QCommandLineOption weekday(QStringLiteral("weekday"), tr("Exclude these weekdays (sat,sun or 0-7)."),
                                     tr("DAYS"));
    const QCommandLineOption ics(QStringLiteral("ics"), tr("Exclude the days of the all-day events of an iCalendar "
                                                           "file (recurring ones through 2100; repeatable)."),
                                 tr("FILE"));
    const QCommandLineOption replace(QStringLiteral("replace"), tr("Replace a calendar of that name."));
    parser.addOptions({date, range, weekday, ics, replace});
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    // "--date D1 D2 D3": the words after the name are more dates of --date.
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty() || (words.size() > 1 && !parser.isSet(date)))
        return fail(ExitUsage, tr("give one calendar name"));
    ExclusionCalendar calendar;
    calendar.name = parser.positionalArguments().front();
    if (auto valid = validateCalendarName(calendar.name); !valid)
        return fail(valid.error());
    if (!parser.isSet(date) && !parser.isSet(range) && !parser.isSet(weekday) && !parser.isSet(ics))
        return fail(ExitUsage, tr("give the days to exclude: --date, --range, --weekday or --ics"));
    for (const QString &value : parser.values(date) + words.mid(1)) {
        for (const QString &text : value.split(QLatin1Char(','))) {
            auto day = ExclusionCalendar::parseDay(text);
            if (!day)
                return fail(ExitUsage, QStringLiteral("--date: %1").arg(day.error().message));
            calendar.addDate(day.value());
        }
    }
    for (const QString &text : parser.values(range)) {
        auto days = ExclusionCalendar::parseRange(text);
        if (!days)
            return fail(ExitUsage, QStringLiteral("--range: %1").arg(days.error().message));
        calendar.addRange(days.value());
    }
    for (const QString &text : parser.values(weekday)) {
        auto mask = ExclusionCalendar::parseWeekdays(text);
        if (!mask)
            return fail(ExitUsage, QStringLiteral("--weekday: %1").arg(mask.error().message));
        calendar.weekdays |= mask.value();
    }
    for (const QString &path : parser.values(ics)) {
        auto days = readIcsFile(path);
        if (!days)
            return fail(ExitUsage, days.error().message);
        if (days->timedIgnored > 0)
            printError(tr("punctualctl: warning: %1: %2 event(s) with a time of day left out (only all-day events "
                          "exclude days)")
                           .arg(path)
                           .arg(days->timedIgnored));
        addIcsDays(calendar, days.value());
    }

    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadWrite); !opened)
        return fail(opened.error());
    auto stored = session.control().putCalendar(
        calendar, parser.isSet(replace) ? ConflictPolicy::Replace : ConflictPolicy::Fail);
    if (!stored)
        return failCalendar(stored.error());
    print(tr("calendar \"%1\": %2\n").arg(calendar.name, summary(stored->calendar)));
    return ExitOk;
}

int listCalendars(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the exclusion calendars."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print a JSON array of calendars."));
    parser.addOption(json);
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return fail(ExitUsage, tr("calendar list takes no arguments"));
    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadOnly); !opened)
        return fail(opened.error());
    auto calendars = session.control().calendars();
    if (!calendars)
        return fail(calendars.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const CalendarInfo &info : std::as_const(calendars.value()))
            array.append(control::calendarToWire(info));
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QString text;
    for (const CalendarInfo &info : std::as_const(calendars.value())) {
        text += QStringLiteral("%1  %2").arg(info.calendar.name, summary(info.calendar));
        if (!info.usedBy.isEmpty())
            text += tr("; used by %1").arg(info.usedBy.join(QStringLiteral(", ")));
        text += QLatin1Char('\n');
    }
    print(text);
    return ExitOk;
}

int showCalendar(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the days an exclusion calendar excludes and the jobs using it."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The calendar's name."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the calendar as a JSON object."));
    parser.addOption(json);
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(ExitUsage, tr("give one calendar name"));
    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadOnly); !opened)
        return fail(opened.error());
    auto info = session.control().calendar(parser.positionalArguments().front());
    if (!info)
        return failCalendar(info.error());
    if (parser.isSet(json)) {
        print(QString::fromUtf8(QJsonDocument(control::calendarToWire(info.value())).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    const ExclusionCalendar &calendar = info->calendar;
    QString text;
    auto line = [&text](const QString &key, const QString &value) {
        text += QStringLiteral("%1 %2\n").arg(key + QLatin1Char(':'), -10).arg(value);
    };
    line(tr("name"), calendar.name);
    line(tr("weekdays"), calendar.weekdays ? ExclusionCalendar::weekdayNames(calendar.weekdays).join(QLatin1Char(','))
                                           : tr("none"));
    for (const DayRange &range : calendar.ranges)
        line(tr("range"), QStringLiteral("%1..%2").arg(ExclusionCalendar::dayText(range.first),
                                                        ExclusionCalendar::dayText(range.last)));
    for (const std::int64_t day : calendar.dates)
        line(tr("date"), ExclusionCalendar::dayText(day));
    line(tr("used by"), info->usedBy.isEmpty() ? tr("no job") : info->usedBy.join(QStringLiteral(", ")));
    print(text);
    return ExitOk;
}

int removeCalendar(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Remove an exclusion calendar (refused while jobs use it)."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The calendar's name."));
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(ExitUsage, tr("give one calendar name"));
    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadWrite); !opened)
        return fail(opened.error());
    if (auto removed = session.control().removeCalendar(parser.positionalArguments().front()); !removed)
        return failCalendar(removed.error());
    return ExitOk;
}

} // namespace

int runCalendar(const QStringList &args)
{
    const QString usage = tr("give a calendar command: add, list, show or remove (punctualctl calendar add --help)");
    if (args.size() < 2)
        return fail(ExitUsage, usage);
    const QString command = args[1];
    QStringList rest = args;
    rest.removeAt(1);
    rest[0] = QStringLiteral("punctualctl calendar %1").arg(command);
    if (command == QLatin1String("add"))
        return addCalendar(rest);
    if (command == QLatin1String("list"))
        return listCalendars(rest);
    if (command == QLatin1String("show"))
        return showCalendar(rest);
    if (command == QLatin1String("remove"))
        return removeCalendar(rest);
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        print(tr("Usage: punctualctl calendar add NAME (--date YYYY-MM-DD | --range A..B | --weekday DAYS | --ics "
                 "FILE)... [--replace]\n"
                 "       punctualctl calendar list [--json]\n"
                 "       punctualctl calendar show NAME [--json]\n"
                 "       punctualctl calendar remove NAME\n"));
        return ExitOk;
    }
    return fail(ExitUsage, usage);
}

} // namespace punctual::cli
