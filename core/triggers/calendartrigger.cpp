// Calendar trigger: day-number arithmetic on local dates, then one ZoneRules::toUtc per candidate occurrence.
#include "calendartrigger.h"

#include "time/civil.h"
#include "time/isotime.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>

namespace punctual {

namespace {

class CalendarText
{
    Q_DECLARE_TR_FUNCTIONS(CalendarTrigger)
};

// Dates stay within what the stored "YYYY-MM-DD" and ISO texts can hold.
constexpr std::int64_t firstDay = civil::daysFromCivil(1, 1, 1);
constexpr std::int64_t lastDay = civil::daysFromCivil(9999, 12, 31);

struct UnitName
{
    CalendarTrigger::Unit unit;
    QLatin1String name;
};

constexpr std::array<UnitName, 4> unitNames{{
    {CalendarTrigger::Unit::Day, QLatin1String("day")},
    {CalendarTrigger::Unit::Week, QLatin1String("week")},
    {CalendarTrigger::Unit::Month, QLatin1String("month")},
    {CalendarTrigger::Unit::Year, QLatin1String("year")},
}};

QString unitName(CalendarTrigger::Unit unit)
{
    for (const UnitName &entry : unitNames) {
        if (entry.unit == unit)
            return entry.name;
    }
    return {};
}

// Months from one occurrence to the next, for the month-based units.
int monthsPerUnit(CalendarTrigger::Unit unit)
{
    return unit == CalendarTrigger::Unit::Year ? 12 : 1;
}

std::int64_t monthIndex(const civil::Date &date)
{
    return std::int64_t{date.year} * 12 + (date.month - 1);
}

// Years 1 to 9999, as every date Punctual stores (DESIGN.md section 7): there is no year 0.
bool dateExists(const civil::Date &date)
{
    return date.year >= 1 && date.month >= 1 && date.month <= 12 && date.day >= 1
        && date.day <= civil::daysInMonth(date.year, date.month);
}

// Reads "YYYY-MM-DD" into its fields (which may still name no real date); false for any other form.
bool splitDate(const QString &text, civil::Date &date)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    date = {match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt()};
    return true;
}

QString formatDate(std::int64_t day)
{
    const civil::Date date = civil::civilFromDays(day);
    return QStringLiteral("%1-%2-%3")
        .arg(date.year, 4, 10, QLatin1Char('0'))
        .arg(date.month, 2, 10, QLatin1Char('0'))
        .arg(date.day, 2, 10, QLatin1Char('0'));
}

/// Seconds since midnight of "HH:MM:SS", or of "H:MM", "HH:MM" and "HH:MM:SS" when @p lenient; -1 when bad.
int parseTimeOfDay(const QString &text, bool lenient)
{
    static const QRegularExpression strict(QStringLiteral(R"(^(\d{2}):(\d{2}):(\d{2})$)"));
    static const QRegularExpression loose(QStringLiteral(R"(^(\d{1,2}):(\d{2})(?::(\d{2}))?$)"));
    const QRegularExpressionMatch match = (lenient ? loose : strict).match(text);
    if (!match.hasMatch())
        return -1;
    const int hour = match.captured(1).toInt();
    const int minute = match.captured(2).toInt();
    const int second = match.captured(3).isEmpty() ? 0 : match.captured(3).toInt();
    if (hour > 23 || minute > 59 || second > 59)
        return -1;
    return hour * 3600 + minute * 60 + second;
}

QString formatTimeOfDay(int seconds, bool alwaysSeconds)
{
    QString text = QStringLiteral("%1:%2")
                       .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
                       .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'));
    if (alwaysSeconds || seconds % 60 != 0)
        text += QStringLiteral(":%1").arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return text;
}

QString weekdayName(int weekday)
{
    // civil's numbering: 0 = Sunday.
    const QString names[] = {CalendarText::tr("Sunday"),   CalendarText::tr("Monday"), CalendarText::tr("Tuesday"),
                             CalendarText::tr("Wednesday"), CalendarText::tr("Thursday"), CalendarText::tr("Friday"),
                             CalendarText::tr("Saturday")};
    return names[weekday];
}

QString monthName(int month)
{
    const QString names[] = {CalendarText::tr("January"), CalendarText::tr("February"), CalendarText::tr("March"),
                             CalendarText::tr("April"),   CalendarText::tr("May"),      CalendarText::tr("June"),
                             CalendarText::tr("July"),    CalendarText::tr("August"),   CalendarText::tr("September"),
                             CalendarText::tr("October"), CalendarText::tr("November"), CalendarText::tr("December")};
    return names[month - 1];
}

// A JSON value as compact text for error messages ("2", "\"weekly\"", "null").
QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// "calendar trigger: "unit" is missing (expected ...)" or "... must be ..., not 5".
Error badField(const QString &key, const QJsonValue &value, const QString &expected)
{
    if (value.isUndefined())
        return invalidInput(CalendarText::tr("calendar trigger: \"%1\" is missing (expected %2)").arg(key, expected));
    return invalidInput(
        CalendarText::tr("calendar trigger: \"%1\" must be %2, not %3").arg(key, expected, jsonText(value)));
}

// One word of a parse() spec and the 1-based position of its first character.
struct Word
{
    QString text;
    int position;
};

QList<Word> splitWords(const QString &spec)
{
    QList<Word> words;
    for (qsizetype i = 0; i < spec.size();) {
        if (spec[i].isSpace()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < spec.size() && !spec[i].isSpace())
            ++i;
        words.append({spec.mid(start, i - start), static_cast<int>(start) + 1});
    }
    return words;
}

Error specError(const QString &problem, int position)
{
    return invalidInput(CalendarText::tr("calendar: %1 (position %2)").arg(problem, QString::number(position)));
}

} // namespace

CalendarTrigger::CalendarTrigger(Unit unit, int every, std::int64_t anchorDay, int timeOfDaySeconds)
    : m_unit(unit)
    , m_every(std::clamp(every, 1, maxEvery))
    , m_anchorDay(std::clamp(anchorDay, firstDay, lastDay))
    , m_timeOfDay(std::clamp(timeOfDaySeconds, 0, static_cast<int>(civil::secondsPerDay) - 1))
{
}

std::optional<std::int64_t> CalendarTrigger::occurrenceDay(std::int64_t k) const
{
    switch (m_unit) {
    case Unit::Day: return m_anchorDay + k * m_every;
    case Unit::Week: return m_anchorDay + k * m_every * 7;
    case Unit::Month:
    case Unit::Year: break;
    }
    const civil::Date anchor = civil::civilFromDays(m_anchorDay);
    const std::int64_t month = monthIndex(anchor) + k * m_every * monthsPerUnit(m_unit);
    const auto year = static_cast<int>(civil::floorDiv(month, 12));
    const int monthOfYear = static_cast<int>(civil::floorMod(month, 12)) + 1;
    if (anchor.day > civil::daysInMonth(year, monthOfYear))
        return std::nullopt; // skipped, not moved: no 31 April, no 29 February in a common year
    return civil::daysFromCivil(year, monthOfYear, anchor.day);
}

std::int64_t CalendarTrigger::firstCandidate(std::int64_t localDay) const
{
    // Earlier occurrences lie on earlier local dates, so (as toUtc never runs backwards) before any instant on
    // localDay. This one may still be ahead later that day.
    std::int64_t k = 0;
    switch (m_unit) {
    case Unit::Day: k = civil::floorDiv(localDay - m_anchorDay, m_every); break;
    case Unit::Week: k = civil::floorDiv(localDay - m_anchorDay, std::int64_t{m_every} * 7); break;
    case Unit::Month:
    case Unit::Year:
        k = civil::floorDiv(monthIndex(civil::civilFromDays(localDay)) - monthIndex(civil::civilFromDays(m_anchorDay)),
                            std::int64_t{m_every} * monthsPerUnit(m_unit));
        break;
    }
    return std::max<std::int64_t>(k, 0);
}

std::int64_t CalendarTrigger::instantOn(std::int64_t day) const
{
    return zone().toUtc(day * civil::secondsPerDay + m_timeOfDay);
}

std::optional<std::int64_t> CalendarTrigger::nextFireTime(std::int64_t afterMs) const
{
    // Fires fall on whole seconds: "strictly after afterMs" means after its whole second.
    const std::int64_t afterSeconds = civil::floorDiv(afterMs, 1000);
    std::int64_t k = 0;
    if (afterSeconds >= instantOn(m_anchorDay)) {
        const std::int64_t localDay = civil::floorDiv(zone().toLocal(afterSeconds), civil::secondsPerDay);
        if (localDay > lastDay)
            return std::nullopt;
        k = firstCandidate(localDay);
    }
    // Steps past the estimate: skipped days, and an occurrence already passed earlier the same day (or in the
    // first pass of an overlap that afterMs is in the second pass of).
    for (int step = 0; step < searchSteps; ++step, ++k) {
        const std::optional<std::int64_t> day = occurrenceDay(k);
        if (!day)
            continue;
        if (*day > lastDay)
            return std::nullopt;
        const std::int64_t fire = instantOn(*day);
        if (fire <= afterSeconds)
            continue;
        if (m_endMs && fire * 1000 > *m_endMs)
            return std::nullopt;
        return fire * 1000;
    }
    return std::nullopt;
}

QString CalendarTrigger::description() const
{
    const QString time = formatTimeOfDay(m_timeOfDay, false);
    const civil::Date anchor = civil::civilFromDays(m_anchorDay);
    const bool one = m_every == 1;
    QString text;
    switch (m_unit) {
    case Unit::Day:
        text = one ? CalendarText::tr("Every day at %1").arg(time)
                   : CalendarText::tr("Every %n days at %1", nullptr, m_every).arg(time);
        break;
    case Unit::Week: {
        const QString weekday = weekdayName(civil::weekdayFromDays(m_anchorDay));
        text = one ? CalendarText::tr("Every week at %1 on %2").arg(time, weekday)
                   : CalendarText::tr("Every %n weeks at %1 on %2", nullptr, m_every).arg(time, weekday);
        break;
    }
    case Unit::Month: {
        const QString day = QString::number(anchor.day);
        text = one ? CalendarText::tr("Every month on day %1 at %2").arg(day, time)
                   : CalendarText::tr("Every %n months on day %1 at %2", nullptr, m_every).arg(day, time);
        break;
    }
    case Unit::Year: {
        const QString day = QString::number(anchor.day);
        const QString month = monthName(anchor.month);
        // %1 day, %2 month name: translations may put them in their own order.
        text = one ? CalendarText::tr("Every year on %1 %2 at %3").arg(day, month, time)
                   : CalendarText::tr("Every %n years on %1 %2 at %3", nullptr, m_every).arg(day, month, time);
        break;
    }
    }
    return text + zoneSuffix();
}

QJsonObject CalendarTrigger::toJson() const
{
    QJsonObject json = baseJson();
    json.insert(QStringLiteral("unit"), unitName(m_unit));
    json.insert(QStringLiteral("every"), m_every);
    json.insert(QStringLiteral("anchor"), formatDate(m_anchorDay));
    json.insert(QStringLiteral("time"), formatTimeOfDay(m_timeOfDay, true));
    if (m_endMs)
        json.insert(QStringLiteral("end"), formatIso(*m_endMs, zone()));
    return json;
}

Result<std::unique_ptr<CalendarTrigger>> CalendarTrigger::fromJson(const QJsonObject &json)
{
    auto trigger = std::make_unique<CalendarTrigger>(Unit::Day, 1, 0, 0);
    if (auto base = trigger->readBaseJson(json); !base)
        return base.error();

    const QJsonValue unit = json.value(QStringLiteral("unit"));
    const auto unitIt = std::find_if(unitNames.begin(), unitNames.end(),
                                     [&unit](const UnitName &entry) { return unit.toString() == entry.name; });
    if (!unit.isString() || unitIt == unitNames.end())
        return badField(QStringLiteral("unit"), unit, CalendarText::tr("\"day\", \"week\", \"month\" or \"year\""));
    trigger->m_unit = unitIt->unit;

    const QJsonValue every = json.value(QStringLiteral("every"));
    const double count = every.toDouble(0);
    if (!every.isDouble() || count != std::floor(count) || count < 1 || count > maxEvery)
        return badField(QStringLiteral("every"), every,
                        CalendarText::tr("a whole number from 1 to %1").arg(maxEvery));
    trigger->m_every = static_cast<int>(count);

    const QJsonValue anchor = json.value(QStringLiteral("anchor"));
    civil::Date date{};
    if (!splitDate(anchor.toString(), date) || !dateExists(date))
        return badField(QStringLiteral("anchor"), anchor, CalendarText::tr("an existing date YYYY-MM-DD"));
    trigger->m_anchorDay = civil::daysFromCivil(date.year, date.month, date.day);

    const QJsonValue time = json.value(QStringLiteral("time"));
    const int seconds = parseTimeOfDay(time.toString(), false);
    if (seconds < 0)
        return badField(QStringLiteral("time"), time,
                        CalendarText::tr("a time of day HH:MM:SS (00:00:00 to 23:59:59)"));
    trigger->m_timeOfDay = seconds;

    const QJsonValue end = json.value(QStringLiteral("end"));
    if (!end.isUndefined() && !end.isNull()) {
        if (!end.isString())
            return badField(QStringLiteral("end"), end, CalendarText::tr("an ISO-8601 date and time"));
        auto endMs = parseIso(end.toString(), trigger->zone());
        if (!endMs)
            return invalidInput(CalendarText::tr("calendar trigger end: %1").arg(endMs.error().message));
        if (endMs.value() < trigger->instantOn(trigger->m_anchorDay) * 1000)
            return invalidInput(CalendarText::tr("the calendar trigger ends before it first fires"));
        trigger->m_endMs = endMs.value();
    }
    return trigger;
}

Result<std::unique_ptr<CalendarTrigger>> CalendarTrigger::parse(const QString &spec,
                                                                std::shared_ptr<const ZoneRules> zone,
                                                                std::int64_t nowMs)
{
    if (!zone)
        zone = ZoneRules::system();
    const QList<Word> words = splitWords(spec);
    // Where a missing word would have gone: just after the last one.
    const int endPosition = words.isEmpty() ? 1 : words.back().position + static_cast<int>(words.back().text.size());
    qsizetype i = 0;
    auto lower = [&words](qsizetype index) { return words[index].text.toLower(); };

    bool countGiven = false;
    int every = 1;
    if (i < words.size() && lower(i) == QLatin1String("every"))
        ++i;
    const bool everyGiven = i > 0;
    if (i < words.size() && (words[i].text.front().isDigit() || words[i].text.front() == QLatin1Char('-')
                             || words[i].text.front() == QLatin1Char('+'))) {
        bool ok = false;
        every = words[i].text.toInt(&ok);
        if (!ok || every < 1 || every > maxEvery)
            return specError(CalendarText::tr("\"%1\" is not a count from 1 to %2")
                                 .arg(words[i].text, QString::number(maxEvery)),
                             words[i].position);
        countGiven = true;
        ++i;
    }

    if (i >= words.size()) {
        if (everyGiven || countGiven)
            return specError(CalendarText::tr("a unit is missing (day, week, month, year)"), endPosition);
        return specError(CalendarText::tr("the schedule is empty (expected e.g. \"every 2 weeks at 09:30\")"),
                         endPosition);
    }
    static const struct { QLatin1String word; Unit unit; bool adverb; } unitWords[] = {
        {QLatin1String("day"), Unit::Day, false},     {QLatin1String("days"), Unit::Day, false},
        {QLatin1String("week"), Unit::Week, false},   {QLatin1String("weeks"), Unit::Week, false},
        {QLatin1String("month"), Unit::Month, false}, {QLatin1String("months"), Unit::Month, false},
        {QLatin1String("year"), Unit::Year, false},   {QLatin1String("years"), Unit::Year, false},
        {QLatin1String("daily"), Unit::Day, true},    {QLatin1String("weekly"), Unit::Week, true},
        {QLatin1String("monthly"), Unit::Month, true}, {QLatin1String("yearly"), Unit::Year, true},
    };
    const QString unitWord = lower(i);
    const auto unitIt = std::find_if(std::begin(unitWords), std::end(unitWords),
                                     [&unitWord](const auto &entry) { return unitWord == entry.word; });
    if (unitIt == std::end(unitWords))
        return specError(CalendarText::tr("\"%1\" is not a unit (day, week, month, year)").arg(words[i].text),
                         words[i].position);
    if (unitIt->adverb && (everyGiven || countGiven))
        return specError(CalendarText::tr("\"%1\" cannot follow \"every\" or a count (write \"%2\" instead)")
                             .arg(words[i].text, unitName(unitIt->unit) + QLatin1Char('s')),
                         words[i].position);
    const Unit unit = unitIt->unit;
    ++i;

    std::optional<int> timeOfDay;
    std::optional<std::int64_t> anchorDay;
    for (; i < words.size(); i += 2) {
        const QString keyword = lower(i);
        const bool isAt = keyword == QLatin1String("at");
        if (!isAt && keyword != QLatin1String("from"))
            return specError(
                CalendarText::tr("\"%1\" is unexpected here (expected \"at\" or \"from\")").arg(words[i].text),
                words[i].position);
        if (isAt ? timeOfDay.has_value() : anchorDay.has_value())
            return specError(CalendarText::tr("\"%1\" is given twice").arg(words[i].text), words[i].position);
        if (i + 1 >= words.size())
            return specError(isAt ? CalendarText::tr("a time is missing after \"%1\" (HH:MM or HH:MM:SS)")
                                        .arg(words[i].text)
                                  : CalendarText::tr("a date is missing after \"%1\" (YYYY-MM-DD)").arg(words[i].text),
                             endPosition);
        const Word &value = words[i + 1];
        if (isAt) {
            const int seconds = parseTimeOfDay(value.text, true);
            if (seconds < 0)
                return specError(CalendarText::tr("\"%1\" is not a time of day (HH:MM or HH:MM:SS, 00:00 to "
                                                  "23:59:59)")
                                     .arg(value.text),
                                 value.position);
            timeOfDay = seconds;
        } else {
            civil::Date date{};
            if (!splitDate(value.text, date))
                return specError(CalendarText::tr("\"%1\" is not a date (YYYY-MM-DD)").arg(value.text),
                                 value.position);
            if (!dateExists(date))
                return specError(CalendarText::tr("\"%1\": there is no such date").arg(value.text), value.position);
            anchorDay = civil::daysFromCivil(date.year, date.month, date.day);
        }
    }

    if (!anchorDay)
        anchorDay = civil::floorDiv(zone->toLocal(civil::floorDiv(nowMs, 1000)), civil::secondsPerDay);
    auto trigger = std::make_unique<CalendarTrigger>(unit, every, *anchorDay, timeOfDay.value_or(0));
    trigger->setZone(std::move(zone));
    return trigger;
}

} // namespace punctual
