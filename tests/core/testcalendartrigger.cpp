// Calendar trigger: occurrences (units, month ends, leap days, DST), bounds, description, JSON and parse errors.
#include "time/civil.h"
#include "time/isotime.h"
#include "triggers/calendartrigger.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <limits>
#include <type_traits>

using namespace punctual;

namespace {

// A fixed "now" for parse(): 2026-03-01T23:30:00Z (already 2 March in Berlin, still 1 March in New York).
constexpr std::int64_t nowMs = 1772407800000;

std::shared_ptr<const ZoneRules> zoneFor(const QString &id)
{
    auto zone = ZoneRules::forZone(id.toLatin1());
    if (!zone)
        qFatal("unknown test zone %s", qPrintable(id));
    return zone;
}

std::int64_t instant(const QString &iso, const ZoneRules &zone)
{
    auto parsed = parseIso(iso, zone);
    if (!parsed)
        qFatal("bad test instant %s", qPrintable(iso));
    return parsed.value();
}

std::unique_ptr<CalendarTrigger> parsed(const QString &spec, const QString &tz)
{
    auto trigger = CalendarTrigger::parse(spec, zoneFor(tz), nowMs);
    if (!trigger)
        qFatal("bad test spec %s: %s", qPrintable(spec), qPrintable(trigger.error().message));
    return std::move(trigger).value();
}

// The next @p count fire times after @p from as ISO text in the trigger's zone (fewer when it stops).
QStringList fires(const Trigger &trigger, const QString &from, int count)
{
    QStringList out;
    std::int64_t at = instant(from, trigger.zone());
    for (int i = 0; i < count; ++i) {
        const std::optional<std::int64_t> next = trigger.nextFireTime(at);
        if (!next)
            break;
        out << formatIso(*next, trigger.zone());
        at = *next;
    }
    return out;
}

QString nextText(const Trigger &trigger, std::int64_t afterMs)
{
    const std::optional<std::int64_t> next = trigger.nextFireTime(afterMs);
    return next ? formatIso(*next, trigger.zone()) : QStringLiteral("none");
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

QJsonObject jsonObject(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject())
        qFatal("bad test JSON %s", qPrintable(text));
    return document.object();
}

} // namespace

class TestCalendarTrigger : public QObject
{
    Q_OBJECT

private slots:
    void occurrences_data();
    void occurrences();
    void strictlyAfter_data();
    void strictlyAfter();
    void beforeAnchor();
    void endBound();
    void farFromAnchorIsQuick();
    void lastSupportedDate();
    void description_data();
    void description();
    void parseAccepts_data();
    void parseAccepts();
    void parseDefaultsToSystemZone();
    void parseErrors_data();
    void parseErrors();
    void jsonForm();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void fromJsonErrors_data();
    void fromJsonErrors();
    void constructorClamps();
};

void TestCalendarTrigger::occurrences_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("daily") << "daily at 09:30 from 2026-01-10" << "UTC" << "2026-01-01T00:00:00Z"
                           << strings({"2026-01-10T09:30:00+00:00", "2026-01-11T09:30:00+00:00",
                                          "2026-01-12T09:30:00+00:00"});
    QTest::newRow("every 3 days across a month") << "every 3 days at 18:00 from 2026-01-28" << "UTC"
                                                 << "2026-01-29T00:00:00Z"
                                                 << strings({"2026-01-31T18:00:00+00:00",
                                                                "2026-02-03T18:00:00+00:00",
                                                                "2026-02-06T18:00:00+00:00"});
    QTest::newRow("weekly keeps local time across DST")
        << "weekly at 09:00 from 2026-03-22" << "Europe/Berlin" << "2026-03-20T00:00:00+01:00"
        << strings({"2026-03-22T09:00:00+01:00", "2026-03-29T09:00:00+02:00", "2026-04-05T09:00:00+02:00"});
    QTest::newRow("every 2 weeks on the anchor's weekday")
        << "every 2 weeks at 09:30 from 2026-12-01" << "Europe/Berlin" << "2026-11-29T00:00:00Z"
        << strings({"2026-12-01T09:30:00+01:00", "2026-12-15T09:30:00+01:00", "2026-12-29T09:30:00+01:00",
                       "2027-01-12T09:30:00+01:00", "2027-01-26T09:30:00+01:00"});
    QTest::newRow("every 3 months with seconds")
        << "every 3 months at 06:15:30 from 2026-01-15" << "UTC" << "2026-01-01T00:00:00Z"
        << strings({"2026-01-15T06:15:30+00:00", "2026-04-15T06:15:30+00:00", "2026-07-15T06:15:30+00:00",
                       "2026-10-15T06:15:30+00:00", "2027-01-15T06:15:30+00:00"});
    QTest::newRow("31st skipped in short months")
        << "monthly at 08:00 from 2026-01-31" << "UTC" << "2026-01-01T00:00:00Z"
        << strings({"2026-01-31T08:00:00+00:00", "2026-03-31T08:00:00+00:00", "2026-05-31T08:00:00+00:00",
                       "2026-07-31T08:00:00+00:00", "2026-08-31T08:00:00+00:00", "2026-10-31T08:00:00+00:00",
                       "2026-12-31T08:00:00+00:00", "2027-01-31T08:00:00+00:00"});
    QTest::newRow("30th skipped in February") << "monthly from 2026-01-30" << "UTC" << "2026-01-01T00:00:00Z"
                                              << strings({"2026-01-30T00:00:00+00:00",
                                                             "2026-03-30T00:00:00+00:00",
                                                             "2026-04-30T00:00:00+00:00"});
    QTest::newRow("29th in a leap February") << "monthly at 12:00 from 2028-01-29" << "UTC" << "2028-01-01T00:00:00Z"
                                             << strings({"2028-01-29T12:00:00+00:00",
                                                            "2028-02-29T12:00:00+00:00",
                                                            "2028-03-29T12:00:00+00:00"});
    QTest::newRow("29th skipped in a common February")
        << "monthly at 12:00 from 2027-01-29" << "UTC" << "2027-01-01T00:00:00Z"
        << strings({"2027-01-29T12:00:00+00:00", "2027-03-29T12:00:00+00:00", "2027-04-29T12:00:00+00:00"});
    QTest::newRow("every 2 months from 31 August skips three in a row")
        << "every 2 months from 2026-08-31" << "UTC" << "2026-08-01T00:00:00Z"
        << strings({"2026-08-31T00:00:00+00:00", "2026-10-31T00:00:00+00:00", "2026-12-31T00:00:00+00:00",
                       "2027-08-31T00:00:00+00:00", "2027-10-31T00:00:00+00:00"});
    QTest::newRow("yearly") << "yearly at 12:00 from 2026-07-04" << "America/New_York" << "2026-07-04T12:00:00-04:00"
                            << strings({"2027-07-04T12:00:00-04:00", "2028-07-04T12:00:00-04:00"});
    QTest::newRow("29 February only in leap years")
        << "yearly from 2028-02-29" << "UTC" << "2026-01-01T00:00:00Z"
        << strings({"2028-02-29T00:00:00+00:00", "2032-02-29T00:00:00+00:00", "2036-02-29T00:00:00+00:00",
                       "2040-02-29T00:00:00+00:00"});
    QTest::newRow("29 February skips 2100") << "yearly at 10:00 from 2096-02-29" << "UTC" << "2096-03-01T00:00:00Z"
                                            << strings({"2104-02-29T10:00:00+00:00",
                                                           "2108-02-29T10:00:00+00:00"});
    QTest::newRow("every 4 years across 2100") << "every 4 years from 2092-02-29" << "UTC" << "2092-01-01T00:00:00Z"
                                               << strings({"2092-02-29T00:00:00+00:00",
                                                              "2096-02-29T00:00:00+00:00",
                                                              "2104-02-29T00:00:00+00:00"});
    // The longest run of skipped occurrences any schedule has: 15 (2025 ... 2375 have no 29 February).
    QTest::newRow("every 25 years from 29 February") << "every 25 years from 2000-02-29" << "UTC"
                                                     << "2000-02-29T00:00:00Z"
                                                     << strings({"2400-02-29T00:00:00+00:00",
                                                                    "2800-02-29T00:00:00+00:00"});
    QTest::newRow("every 1000 years") << "every 1000 years from 2026-05-05" << "UTC" << "2026-05-05T00:00:00Z"
                                      << strings({"3026-05-05T00:00:00+00:00"});

    // DST: a gap fires once at its end, an overlap only in its first pass.
    QTest::newRow("Berlin spring forward") << "daily at 02:30 from 2026-03-28" << "Europe/Berlin"
                                           << "2026-03-28T00:00:00+01:00"
                                           << strings({"2026-03-28T02:30:00+01:00", "2026-03-29T03:00:00+02:00",
                                                          "2026-03-30T02:30:00+02:00"});
    QTest::newRow("Berlin fall back") << "daily at 02:30 from 2026-10-24" << "Europe/Berlin"
                                      << "2026-10-24T00:00:00+02:00"
                                      << strings({"2026-10-24T02:30:00+02:00", "2026-10-25T02:30:00+02:00",
                                                     "2026-10-26T02:30:00+01:00"});
    QTest::newRow("New York spring forward") << "daily at 02:30 from 2026-03-07" << "America/New_York"
                                             << "2026-03-07T00:00:00-05:00"
                                             << strings({"2026-03-07T02:30:00-05:00",
                                                            "2026-03-08T03:00:00-04:00",
                                                            "2026-03-09T02:30:00-04:00"});
    QTest::newRow("New York fall back") << "daily at 01:30 from 2026-10-31" << "America/New_York"
                                        << "2026-10-31T00:00:00-04:00"
                                        << strings({"2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00",
                                                       "2026-11-02T01:30:00-05:00"});
    QTest::newRow("New York monthly into the gap") << "monthly at 02:30 from 2026-02-08" << "America/New_York"
                                                   << "2026-02-01T00:00:00-05:00"
                                                   << strings({"2026-02-08T02:30:00-05:00",
                                                                  "2026-03-08T03:00:00-04:00",
                                                                  "2026-04-08T02:30:00-04:00"});
    QTest::newRow("Lord Howe 30-minute spring forward")
        << "daily at 02:15 from 2026-10-03" << "Australia/Lord_Howe" << "2026-10-03T00:00:00+10:30"
        << strings({"2026-10-03T02:15:00+10:30", "2026-10-04T02:30:00+11:00", "2026-10-05T02:15:00+11:00"});
    QTest::newRow("Lord Howe 30-minute fall back")
        << "daily at 01:45 from 2026-04-04" << "Australia/Lord_Howe" << "2026-04-04T00:00:00+11:00"
        << strings({"2026-04-04T01:45:00+11:00", "2026-04-05T01:45:00+11:00", "2026-04-06T01:45:00+10:30"});
}

void TestCalendarTrigger::occurrences()
{
    QFETCH(QString, spec);
    QFETCH(QString, tz);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    const auto trigger = parsed(spec, tz);
    QCOMPARE(fires(*trigger, from, static_cast<int>(expected.size())), expected);
}

void TestCalendarTrigger::strictlyAfter_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");

    QTest::newRow("exactly on an occurrence") << "daily at 09:30 from 2026-01-01" << "UTC"
                                              << "2026-01-05T09:30:00Z" << "2026-01-06T09:30:00+00:00";
    QTest::newRow("1 ms before") << "daily at 09:30 from 2026-01-01" << "UTC" << "2026-01-05T09:29:59.999Z"
                                 << "2026-01-05T09:30:00+00:00";
    QTest::newRow("1 ms after") << "daily at 09:30 from 2026-01-01" << "UTC" << "2026-01-05T09:30:00.001Z"
                                << "2026-01-06T09:30:00+00:00";
    QTest::newRow("earlier the same day") << "every 2 weeks at 09:30 from 2026-12-01" << "Europe/Berlin"
                                          << "2026-12-15T08:00:00+01:00" << "2026-12-15T09:30:00+01:00";
    QTest::newRow("between weekly occurrences") << "every 2 weeks at 09:30 from 2026-12-01" << "Europe/Berlin"
                                                << "2026-12-08T12:00:00+01:00" << "2026-12-15T09:30:00+01:00";
    QTest::newRow("exactly on a monthly one") << "monthly at 08:00 from 2026-01-31" << "UTC"
                                              << "2026-03-31T08:00:00Z" << "2026-05-31T08:00:00+00:00";
    QTest::newRow("exactly on the gap end") << "daily at 02:30 from 2026-03-01" << "America/New_York"
                                            << "2026-03-08T03:00:00-04:00" << "2026-03-09T02:30:00-04:00";
    // After the first pass of 01:30 and inside the second: no second fire that day.
    QTest::newRow("second pass of the overlap") << "daily at 01:30 from 2026-10-01" << "America/New_York"
                                                << "2026-11-01T01:10:00-05:00" << "2026-11-02T01:30:00-05:00";
    QTest::newRow("exactly on the first pass") << "daily at 01:30 from 2026-10-01" << "America/New_York"
                                               << "2026-11-01T01:30:00-04:00" << "2026-11-02T01:30:00-05:00";
    QTest::newRow("local date differs from UTC date") << "daily at 23:30 from 2026-01-01" << "Asia/Tokyo"
                                                      << "2026-01-10T14:00:00Z" << "2026-01-10T23:30:00+09:00";
    QTest::newRow("Feb 29 yearly, asked in a common year")
        << "yearly at 06:00 from 2028-02-29" << "UTC" << "2029-02-28T23:59:59Z" << "2032-02-29T06:00:00+00:00";
}

void TestCalendarTrigger::strictlyAfter()
{
    QFETCH(QString, spec);
    QFETCH(QString, tz);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    const auto trigger = parsed(spec, tz);
    QCOMPARE(nextText(*trigger, instant(after, trigger->zone())), expected);
}

void TestCalendarTrigger::beforeAnchor()
{
    const auto trigger = parsed(QStringLiteral("every 3 days at 10:00 from 2026-06-10"), QStringLiteral("UTC"));
    const QString first = QStringLiteral("2026-06-10T10:00:00+00:00");
    // Dates that would be earlier occurrences of the same rhythm (2026-06-07, 06-04 ...) never fire.
    QCOMPARE(nextText(*trigger, instant(QStringLiteral("2026-06-06T00:00:00Z"), trigger->zone())), first);
    QCOMPARE(nextText(*trigger, instant(QStringLiteral("2026-06-10T09:59:59Z"), trigger->zone())), first);
    QCOMPARE(nextText(*trigger, 0), first);
    QCOMPARE(nextText(*trigger, std::numeric_limits<std::int64_t>::min()), first);
    QCOMPARE(nextText(*trigger, instant(QStringLiteral("2026-06-10T10:00:00Z"), trigger->zone())),
             QStringLiteral("2026-06-13T10:00:00+00:00"));
}

void TestCalendarTrigger::endBound()
{
    auto trigger = parsed(QStringLiteral("daily at 09:30 from 2026-01-01"), QStringLiteral("Europe/Berlin"));
    trigger->setEndMs(instant(QStringLiteral("2026-01-03T09:30:00+01:00"), trigger->zone()));
    // The end is inclusive.
    QCOMPARE(fires(*trigger, QStringLiteral("2025-12-31T00:00:00Z"), 10),
             (strings({"2026-01-01T09:30:00+01:00", "2026-01-02T09:30:00+01:00", "2026-01-03T09:30:00+01:00"})));
    trigger->setEndMs(trigger->endMs().value() - 1);
    QCOMPARE(fires(*trigger, QStringLiteral("2025-12-31T00:00:00Z"), 10),
             (strings({"2026-01-01T09:30:00+01:00", "2026-01-02T09:30:00+01:00"})));
    QVERIFY(!trigger->nextFireTime(instant(QStringLiteral("2030-01-01T00:00:00Z"), trigger->zone())));
    trigger->setEndMs(std::nullopt);
    QCOMPARE(nextText(*trigger, instant(QStringLiteral("2030-01-01T00:00:00Z"), trigger->zone())),
             QStringLiteral("2030-01-01T09:30:00+01:00"));
}

void TestCalendarTrigger::farFromAnchorIsQuick()
{
    // Counting occurrences from the anchor would take ~740,000 steps per call here; the estimate takes a few.
    const auto daily = parsed(QStringLiteral("daily at 09:00 from 0001-01-01"), QStringLiteral("Europe/Berlin"));
    const auto leap = parsed(QStringLiteral("yearly from 0004-02-29"), QStringLiteral("Europe/Berlin"));
    const std::int64_t from = instant(QStringLiteral("2026-01-01T00:00:00Z"), daily->zone());
    QCOMPARE(nextText(*daily, from), QStringLiteral("2026-01-01T09:00:00+01:00"));
    QCOMPARE(nextText(*leap, from), QStringLiteral("2028-02-29T00:00:00+01:00"));
    QElapsedTimer timer;
    timer.start();
    std::int64_t sum = 0;
    constexpr std::int64_t day = 86'400'000;
    for (int i = 0; i < 20'000; ++i) {
        sum += daily->nextFireTime(from + i * day).value_or(0);
        sum += leap->nextFireTime(from + i * day).value_or(0);
    }
    QVERIFY(sum != 0);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

void TestCalendarTrigger::lastSupportedDate()
{
    // Dates run to 9999-12-31, the last the stored "YYYY-MM-DD" form holds.
    const auto daily = parsed(QStringLiteral("daily at 12:00 from 9999-12-30"), QStringLiteral("UTC"));
    QCOMPARE(fires(*daily, QStringLiteral("9999-01-01T00:00:00Z"), 5),
             (strings({"9999-12-30T12:00:00+00:00", "9999-12-31T12:00:00+00:00"})));
    QVERIFY(!daily->nextFireTime(std::numeric_limits<std::int64_t>::max()));
    const auto yearly = parsed(QStringLiteral("every 1000 years from 2026-01-01"), QStringLiteral("UTC"));
    QVERIFY(!yearly->nextFireTime(instant(QStringLiteral("9026-01-01T00:00:00Z"), yearly->zone())));
}

void TestCalendarTrigger::description_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QString>("expected");

    QTest::newRow("daily") << "daily at 09:30" << "Europe/Berlin" << "Every day at 09:30";
    QTest::newRow("every 2 days") << "every 2 days at 07:00" << "UTC" << "Every 2 days at 07:00";
    QTest::newRow("weekly") << "weekly at 09:30 from 2026-12-01" << "Europe/Berlin"
                            << "Every week at 09:30 on Tuesday";
    QTest::newRow("every 2 weeks") << "every 2 weeks at 09:30 from 2026-12-01" << "Europe/Berlin"
                                   << "Every 2 weeks at 09:30 on Tuesday";
    QTest::newRow("monthly") << "monthly at 08:00 from 2026-01-31" << "America/New_York"
                             << "Every month on day 31 at 08:00";
    QTest::newRow("every 3 months") << "every 3 months at 06:15:30 from 2026-01-15" << "UTC"
                                    << "Every 3 months on day 15 at 06:15:30";
    QTest::newRow("yearly") << "yearly from 2028-02-29" << "Australia/Lord_Howe"
                            << "Every year on 29 February at 00:00";
    QTest::newRow("every 5 years") << "every 5 years at 12:00 from 2026-07-04" << "UTC"
                                   << "Every 5 years on 4 July at 12:00";
}

void TestCalendarTrigger::description()
{
    QFETCH(QString, spec);
    QFETCH(QString, tz);
    QFETCH(QString, expected);
    const auto trigger = parsed(spec, tz);
    // zoneSuffix(): the zone is named unless it is the system's.
    const QString suffix = tz.toLatin1() == ZoneRules::systemZoneId() ? QString() : QStringLiteral(" (%1)").arg(tz);
    QCOMPARE(trigger->description(), expected + suffix);
}

void TestCalendarTrigger::parseAccepts_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("tz");
    QTest::addColumn<int>("unit");
    QTest::addColumn<int>("every");
    QTest::addColumn<QString>("anchor");
    QTest::addColumn<QString>("time");

    const int day = int(CalendarTrigger::Unit::Day), week = int(CalendarTrigger::Unit::Week),
              month = int(CalendarTrigger::Unit::Month), year = int(CalendarTrigger::Unit::Year);
    QTest::newRow("full") << "every 2 weeks at 09:30 from 2026-12-01" << "UTC" << week << 2 << "2026-12-01"
                          << "09:30:00";
    QTest::newRow("adverb, date from now in Berlin") << "monthly at 08:00" << "Europe/Berlin" << month << 1
                                                     << "2026-03-02" << "08:00:00";
    QTest::newRow("date from now in New York") << "monthly at 08:00" << "America/New_York" << month << 1
                                               << "2026-03-01" << "08:00:00";
    QTest::newRow("seconds") << "every 3 months at 06:15:30" << "UTC" << month << 3 << "2026-03-01" << "06:15:30";
    QTest::newRow("default time") << "yearly from 2028-02-29" << "UTC" << year << 1 << "2028-02-29" << "00:00:00";
    QTest::newRow("any case, one-digit hour") << "EVERY 1 DAYS AT 9:05" << "UTC" << day << 1 << "2026-03-01"
                                              << "09:05:00";
    QTest::newRow("count without every") << "10 days" << "UTC" << day << 10 << "2026-03-01" << "00:00:00";
    QTest::newRow("unit alone") << "week" << "UTC" << week << 1 << "2026-03-01" << "00:00:00";
    QTest::newRow("every without count") << "every year at 23:59:59" << "UTC" << year << 1 << "2026-03-01"
                                         << "23:59:59";
    QTest::newRow("from before at") << "daily from 2026-05-05 at 07:00" << "UTC" << day << 1 << "2026-05-05"
                                    << "07:00:00";
    QTest::newRow("extra spaces") << "  every   1000   weeks  " << "UTC" << week << 1000 << "2026-03-01"
                                  << "00:00:00";
}

void TestCalendarTrigger::parseAccepts()
{
    QFETCH(QString, spec);
    QFETCH(QString, tz);
    QFETCH(int, unit);
    QFETCH(int, every);
    QFETCH(QString, anchor);
    QFETCH(QString, time);
    const auto trigger = parsed(spec, tz);
    QCOMPARE(int(trigger->unit()), unit);
    QCOMPARE(trigger->every(), every);
    QCOMPARE(trigger->toJson().value(QStringLiteral("anchor")).toString(), anchor);
    QCOMPARE(trigger->toJson().value(QStringLiteral("time")).toString(), time);
    QCOMPARE(QString::fromLatin1(trigger->zone().id()), tz);
    QVERIFY(!trigger->endMs());
}

void TestCalendarTrigger::parseDefaultsToSystemZone()
{
    auto trigger = CalendarTrigger::parse(QStringLiteral("daily"), nullptr, nowMs);
    QVERIFY(trigger);
    QCOMPARE(trigger.value()->zone().id(), ZoneRules::system()->id());
}

void TestCalendarTrigger::parseErrors_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty")
        << ""
        << R"(calendar: the schedule is empty (expected e.g. "every 2 weeks at 09:30") (position 1))";
    QTest::newRow("blank")
        << "   "
        << R"(calendar: the schedule is empty (expected e.g. "every 2 weeks at 09:30") (position 1))";
    QTest::newRow("every alone") << "every" << "calendar: a unit is missing (day, week, month, year) (position 6)";
    QTest::newRow("no unit") << "every 2" << "calendar: a unit is missing (day, week, month, year) (position 8)";
    QTest::newRow("not a unit") << "every 2 fortnight"
                                << R"(calendar: "fortnight" is not a unit (day, week, month, year) (position 9))";
    QTest::newRow("not a unit, leading spaces")
        << "  every 2 fortnight" << R"(calendar: "fortnight" is not a unit (day, week, month, year) (position 11))";
    QTest::newRow("first word") << "fortnightly"
                                << R"(calendar: "fortnightly" is not a unit (day, week, month, year) (position 1))";
    QTest::newRow("zero") << "every 0 days" << R"(calendar: "0" is not a count from 1 to 1000 (position 7))";
    QTest::newRow("too many") << "every 1001 days" << R"(calendar: "1001" is not a count from 1 to 1000 (position 7))";
    QTest::newRow("negative") << "every -2 days" << R"(calendar: "-2" is not a count from 1 to 1000 (position 7))";
    QTest::newRow("fraction") << "every 2.5 days" << R"(calendar: "2.5" is not a count from 1 to 1000 (position 7))";
    QTest::newRow("huge") << "every 99999999999 days"
                          << R"(calendar: "99999999999" is not a count from 1 to 1000 (position 7))";
    QTest::newRow("adverb after count")
        << "every 2 daily"
        << R"(calendar: "daily" cannot follow "every" or a count (write "days" instead) (position 9))";
    QTest::newRow("adverb after every")
        << "every Weekly"
        << R"(calendar: "Weekly" cannot follow "every" or a count (write "weeks" instead) (position 7))";
    QTest::newRow("time missing") << "daily at"
                                  << R"(calendar: a time is missing after "at" (HH:MM or HH:MM:SS) (position 9))";
    QTest::newRow("hour 24")
        << "daily at 24:00"
        << R"(calendar: "24:00" is not a time of day (HH:MM or HH:MM:SS, 00:00 to 23:59:59) (position 10))";
    QTest::newRow("minute 60")
        << "daily at 09:60"
        << R"(calendar: "09:60" is not a time of day (HH:MM or HH:MM:SS, 00:00 to 23:59:59) (position 10))";
    QTest::newRow("second 60")
        << "daily at 09:30:60"
        << R"(calendar: "09:30:60" is not a time of day (HH:MM or HH:MM:SS, 00:00 to 23:59:59) (position 10))";
    QTest::newRow("time form")
        << "weekly at 9h30"
        << R"(calendar: "9h30" is not a time of day (HH:MM or HH:MM:SS, 00:00 to 23:59:59) (position 11))";
    QTest::newRow("date missing") << "daily from"
                                  << R"(calendar: a date is missing after "from" (YYYY-MM-DD) (position 11))";
    QTest::newRow("date form") << "daily from 01/02/2026"
                               << R"(calendar: "01/02/2026" is not a date (YYYY-MM-DD) (position 12))";
    QTest::newRow("month 13") << "daily from 2026-13-01"
                              << R"(calendar: "2026-13-01": there is no such date (position 12))";
    QTest::newRow("30 February") << "monthly from 2026-02-30"
                                 << R"(calendar: "2026-02-30": there is no such date (position 14))";
    QTest::newRow("29 February 2027") << "yearly from 2027-02-29"
                                      << R"(calendar: "2027-02-29": there is no such date (position 13))";
    QTest::newRow("at twice") << "daily at 09:00 at 10:00" << R"(calendar: "at" is given twice (position 16))";
    QTest::newRow("from twice") << "daily from 2026-01-01 FROM 2026-01-02"
                                << R"(calendar: "FROM" is given twice (position 23))";
    QTest::newRow("unknown keyword") << "daily on monday"
                                     << R"(calendar: "on" is unexpected here (expected "at" or "from") (position 7))";
    QTest::newRow("trailing word") << "weekly at 09:00 sharp"
                                   << R"(calendar: "sharp" is unexpected here (expected "at" or "from") (position 17))";
    QTest::newRow("two counts") << "every 2 3 days"
                                << R"(calendar: "3" is not a unit (day, week, month, year) (position 9))";
}

void TestCalendarTrigger::parseErrors()
{
    QFETCH(QString, spec);
    QFETCH(QString, message);
    const auto result = CalendarTrigger::parse(spec, zoneFor(QStringLiteral("UTC")), nowMs);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QCOMPARE(result.error().message, message);
}

void TestCalendarTrigger::jsonForm()
{
    auto trigger = parsed(QStringLiteral("every 2 weeks at 09:30 from 2026-12-01"), QStringLiteral("Europe/Berlin"));
    trigger->setEndMs(instant(QStringLiteral("2027-06-30T23:59:59.5+02:00"), trigger->zone()));
    const QJsonObject expected = jsonObject(QStringLiteral(
        R"({"type": "calendar", "version": 1, "timezone": "Europe/Berlin", "unit": "week", "every": 2,
            "anchor": "2026-12-01", "time": "09:30:00", "end": "2027-06-30T23:59:59.500+02:00"})"));
    QCOMPARE(trigger->toJson(), expected);
}

void TestCalendarTrigger::jsonRoundTrip_data()
{
    QTest::addColumn<QString>("json");

    QTest::newRow("daily") << R"({"type":"calendar","version":1,"timezone":"UTC","unit":"day","every":1,)"
                              R"("anchor":"2026-01-01","time":"00:00:00"})";
    QTest::newRow("weekly with end") << R"({"type":"calendar","version":1,"timezone":"Europe/Berlin","unit":"week",)"
                                        R"("every":2,"anchor":"2026-12-01","time":"09:30:00",)"
                                        R"("end":"2027-03-28T03:00:00+02:00"})";
    QTest::newRow("monthly, jitter") << R"({"type":"calendar","version":1,"timezone":"America/New_York",)"
                                        R"("jitter":1.5,"unit":"month","every":3,"anchor":"2026-01-31",)"
                                        R"("time":"06:15:30"})";
    QTest::newRow("yearly, ms end") << R"({"type":"calendar","version":1,"timezone":"Australia/Lord_Howe",)"
                                       R"("unit":"year","every":1000,"anchor":"2028-02-29","time":"23:59:59",)"
                                       R"("end":"3028-02-29T23:59:59.123+11:00"})";
}

void TestCalendarTrigger::jsonRoundTrip()
{
    QFETCH(QString, json);
    const QJsonObject original = jsonObject(json);
    auto direct = CalendarTrigger::fromJson(original);
    QVERIFY2(direct, qPrintable(direct ? QString() : direct.error().message));
    QCOMPARE(direct.value()->toJson(), original);

    // Through the factory, and again through a clone.
    auto any = Trigger::fromJson(original);
    QVERIFY2(any, qPrintable(any ? QString() : any.error().message));
    QCOMPARE(any.value()->type(), TriggerType::Calendar);
    QCOMPARE(any.value()->clone()->toJson(), original);
    QCOMPARE(any.value()->description(), direct.value()->description());
    const std::int64_t at = instant(QStringLiteral("2026-06-01T00:00:00Z"), direct.value()->zone());
    QCOMPARE(nextText(*any.value(), at), nextText(*direct.value(), at));
}

void TestCalendarTrigger::fromJsonErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");

    const QString base = QStringLiteral(R"("type":"calendar","version":1,"timezone":"UTC")");
    // Wraps fields (a literal or a QString) into a complete object with the shared fields.
    auto with = [&base](const auto &fields) {
        if constexpr (std::is_convertible_v<decltype(fields), const char *>)
            return QStringLiteral("{%1,%2}").arg(base, QString::fromUtf8(fields));
        else
            return QStringLiteral("{%1,%2}").arg(base, fields);
    };
    const QString good = QStringLiteral(R"("unit":"day","every":1,"anchor":"2026-01-01","time":"09:00:00")");

    QTest::newRow("unit missing")
        << with(R"("every":1,"anchor":"2026-01-01","time":"09:00:00")")
        << R"(calendar trigger: "unit" is missing (expected "day", "week", "month" or "year"))";
    QTest::newRow("unit unknown")
        << with(R"("unit":"fortnight","every":1,"anchor":"2026-01-01","time":"09:00:00")")
        << R"(calendar trigger: "unit" must be "day", "week", "month" or "year", not "fortnight")";
    QTest::newRow("unit plural") << with(R"("unit":"days","every":1,"anchor":"2026-01-01","time":"09:00:00")")
                                 << R"(calendar trigger: "unit" must be "day", "week", "month" or "year", not "days")";
    QTest::newRow("unit number") << with(R"("unit":2,"every":1,"anchor":"2026-01-01","time":"09:00:00")")
                                 << R"(calendar trigger: "unit" must be "day", "week", "month" or "year", not 2)";
    QTest::newRow("every missing")
        << with(R"("unit":"day","anchor":"2026-01-01","time":"09:00:00")")
        << R"(calendar trigger: "every" is missing (expected a whole number from 1 to 1000))";
    QTest::newRow("every 0") << with(R"("unit":"day","every":0,"anchor":"2026-01-01","time":"09:00:00")")
                             << R"(calendar trigger: "every" must be a whole number from 1 to 1000, not 0)";
    QTest::newRow("every 1001") << with(R"("unit":"day","every":1001,"anchor":"2026-01-01","time":"09:00:00")")
                                << R"(calendar trigger: "every" must be a whole number from 1 to 1000, not 1001)";
    QTest::newRow("every 1.5") << with(R"("unit":"day","every":1.5,"anchor":"2026-01-01","time":"09:00:00")")
                               << R"(calendar trigger: "every" must be a whole number from 1 to 1000, not 1.5)";
    QTest::newRow("every text") << with(R"("unit":"day","every":"2","anchor":"2026-01-01","time":"09:00:00")")
                                << R"(calendar trigger: "every" must be a whole number from 1 to 1000, not "2")";
    QTest::newRow("anchor missing")
        << with(R"("unit":"day","every":1,"time":"09:00:00")")
        << R"(calendar trigger: "anchor" is missing (expected an existing date YYYY-MM-DD))";
    QTest::newRow("anchor form") << with(R"("unit":"day","every":1,"anchor":"2026-1-1","time":"09:00:00")")
                                 << R"(calendar trigger: "anchor" must be an existing date YYYY-MM-DD, not "2026-1-1")";
    QTest::newRow("anchor no such day")
        << with(R"("unit":"month","every":1,"anchor":"2026-04-31","time":"09:00:00")")
        << R"(calendar trigger: "anchor" must be an existing date YYYY-MM-DD, not "2026-04-31")";
    QTest::newRow("anchor with time")
        << with(R"("unit":"day","every":1,"anchor":"2026-01-01T00:00:00","time":"09:00:00")")
        << R"(calendar trigger: "anchor" must be an existing date YYYY-MM-DD, not "2026-01-01T00:00:00")";
    QTest::newRow("time missing")
        << with(R"("unit":"day","every":1,"anchor":"2026-01-01")")
        << R"(calendar trigger: "time" is missing (expected a time of day HH:MM:SS (00:00:00 to 23:59:59)))";
    QTest::newRow("time 24h")
        << with(R"("unit":"day","every":1,"anchor":"2026-01-01","time":"24:00:00")")
        << R"(calendar trigger: "time" must be a time of day HH:MM:SS (00:00:00 to 23:59:59), not "24:00:00")";
    QTest::newRow("time short")
        << with(R"("unit":"day","every":1,"anchor":"2026-01-01","time":"09:00")")
        << R"(calendar trigger: "time" must be a time of day HH:MM:SS (00:00:00 to 23:59:59), not "09:00")";
    QTest::newRow("time number")
        << with(R"("unit":"day","every":1,"anchor":"2026-01-01","time":32400)")
        << R"(calendar trigger: "time" must be a time of day HH:MM:SS (00:00:00 to 23:59:59), not 32400)";
    QTest::newRow("end text")
        << with(good + QStringLiteral(R"(,"end":"yesterday")"))
        << R"(calendar trigger end: "yesterday" is not an ISO-8601 date and time )"
           R"((expected e.g. 2026-03-08T02:30:00-05:00))";
    QTest::newRow("end number") << with(good + QStringLiteral(R"(,"end":5)"))
                                << R"(calendar trigger: "end" must be an ISO-8601 date and time, not 5)";
    QTest::newRow("end before first fire") << with(good + QStringLiteral(R"(,"end":"2026-01-01T08:59:59Z")"))
                                           << "the calendar trigger ends before it first fires";
    QTest::newRow("unknown zone")
        << QStringLiteral(R"({"type":"calendar","version":1,"timezone":"Mars/Olympus_Mons",%1})").arg(good)
        << R"(unknown time zone "Mars/Olympus_Mons")";
    QTest::newRow("negative jitter") << with(good + QStringLiteral(R"(,"jitter":-1)"))
                                     << "jitter must not be negative";
}

void TestCalendarTrigger::fromJsonErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const auto result = CalendarTrigger::fromJson(jsonObject(json));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QCOMPARE(result.error().message, message);
}

void TestCalendarTrigger::constructorClamps()
{
    const CalendarTrigger trigger(CalendarTrigger::Unit::Day, 0, civil::daysFromCivil(2026, 1, 1), 90000);
    QCOMPARE(trigger.every(), 1);
    QCOMPARE(trigger.timeOfDaySeconds(), 86399);
    QCOMPARE(trigger.anchorDay(), civil::daysFromCivil(2026, 1, 1));
    const CalendarTrigger many(CalendarTrigger::Unit::Week, 5000, 0, -5);
    QCOMPARE(many.every(), CalendarTrigger::maxEvery);
    QCOMPARE(many.timeOfDaySeconds(), 0);
}

QTEST_GUILESS_MAIN(TestCalendarTrigger)
#include "testcalendartrigger.moc"
