// ISO-8601 instants and durations: the text forms punctualctl reads and prints.
#include "time/duration.h"
#include "time/isotime.h"

#include <QTest>

using namespace punctual;

class TestTimeText : public QObject
{
    Q_OBJECT

private slots:
    void formatIso_data();
    void formatIso();
    void parseIso_data();
    void parseIso();
    void parseIsoErrors_data();
    void parseIsoErrors();
    void durations_data();
    void durations();
    void durationErrors_data();
    void durationErrors();
    void seconds();
    void formatDurations();
};

void TestTimeText::formatIso_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("text");
    QTest::newRow("utc zero offset") << qint64(0) << "UTC" << "1970-01-01T00:00:00+00:00";
    QTest::newRow("milliseconds") << qint64(1234) << "UTC" << "1970-01-01T00:00:01.234+00:00";
    QTest::newRow("negative ms") << qint64(-1) << "UTC" << "1969-12-31T23:59:59.999+00:00";
    QTest::newRow("new york summer") << qint64(1783000800000) << "America/New_York" << "2026-07-02T10:00:00-04:00";
    QTest::newRow("kolkata") << qint64(1767225600000) << "Asia/Kolkata" << "2026-01-01T05:30:00+05:30";
    QTest::newRow("st johns") << qint64(1767225600000) << "America/St_Johns" << "2025-12-31T20:30:00-03:30";
    QTest::newRow("chatham") << qint64(1767225600000) << "Pacific/Chatham" << "2026-01-01T13:45:00+13:45";
}

void TestTimeText::formatIso()
{
    QFETCH(qint64, ms);
    QFETCH(QString, zone);
    QFETCH(QString, text);
    QCOMPARE(punctual::formatIso(ms, *ZoneRules::forZone(zone.toLatin1())), text);
}

void TestTimeText::parseIso_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("Z") << "2026-01-01T00:00:00Z" << "America/New_York" << qint64(1767225600000);
    QTest::newRow("offset") << "2026-01-01T05:30:00+05:30" << "UTC" << qint64(1767225600000);
    QTest::newRow("compact offset") << "2026-01-01T05:30:00+0530" << "UTC" << qint64(1767225600000);
    QTest::newRow("hour offset") << "2026-01-01T05:00:00+05" << "UTC" << qint64(1767225600000);
    QTest::newRow("no seconds") << "2026-01-01T00:00Z" << "UTC" << qint64(1767225600000);
    QTest::newRow("fraction") << "2026-01-01T00:00:00.5Z" << "UTC" << qint64(1767225600500);
    QTest::newRow("space separator") << "2026-01-01 00:00:00Z" << "UTC" << qint64(1767225600000);
    QTest::newRow("local time in zone") << "2026-01-01T00:00:00" << "America/New_York" << qint64(1767243600000);
    QTest::newRow("date alone") << "2026-01-01" << "UTC" << qint64(1767225600000);
    // 02:30 does not exist in New York on 2026-03-08: the gap's end, 03:00 EDT = 07:00Z.
    QTest::newRow("local in gap") << "2026-03-08T02:30:00" << "America/New_York" << qint64(1772953200000);
    // 01:30 happens twice on 2026-11-01: the first pass, EDT = 05:30Z.
    QTest::newRow("local in overlap") << "2026-11-01T01:30:00" << "America/New_York" << qint64(1793511000000);
    // Forms read without the regular expression, and the same forms with what sends them to it (spaces).
    QTest::newRow("nine digit fraction") << "2026-01-01T00:00:00.123456789Z" << "UTC" << qint64(1767225600123);
    QTest::newRow("comma fraction") << "2026-01-01T00:00:00,25+00:00" << "UTC" << qint64(1767225600250);
    QTest::newRow("lower z") << "2026-01-01T00:00:00z" << "UTC" << qint64(1767225600000);
    QTest::newRow("negative offset") << "2025-12-31T19:00:00-05:00" << "UTC" << qint64(1767225600000);
    QTest::newRow("offset seconds") << "2025-12-31T23:15:30-00:44:30" << "UTC" << qint64(1767225600000);
    QTest::newRow("offset seconds compact") << "2025-12-31T23:15:30-004430" << "UTC" << qint64(1767225600000);
    QTest::newRow("offset mixed colons") << "2025-12-31T23:15:30-0044:30" << "UTC" << qint64(1767225600000);
    QTest::newRow("date with offset") << "2026-01-01+00" << "UTC" << qint64(1767225600000);
    QTest::newRow("no seconds local") << "2026-01-01T00:00" << "America/New_York" << qint64(1767243600000);
    QTest::newRow("spaces around") << " 2026-01-01T00:00:00 Z " << "UTC" << qint64(1767225600000);
    QTest::newRow("space before offset") << "2026-01-01T05:30:00 +05:30" << "UTC" << qint64(1767225600000);
}

void TestTimeText::parseIso()
{
    QFETCH(QString, text);
    QFETCH(QString, zone);
    QFETCH(qint64, ms);
    const auto parsed = punctual::parseIso(text, *ZoneRules::forZone(zone.toLatin1()));
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed.value(), ms);
}

void TestTimeText::parseIsoErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("words") << "tomorrow" << "is not an ISO-8601 date and time";
    QTest::newRow("no such date") << "2026-02-29T00:00:00Z" << "there is no such date";
    QTest::newRow("month 13") << "2026-13-01" << "there is no such date";
    QTest::newRow("hour 24") << "2026-01-01T24:00:00Z" << "there is no such time of day";
    QTest::newRow("bad offset") << "2026-01-01T00:00:00+25:00" << "UTC offset is out of range";
    QTest::newRow("trailing junk") << "2026-01-01T00:00:00Zx" << "is not an ISO-8601";
    QTest::newRow("ten digit fraction") << "2026-01-01T00:00:00.1234567890Z" << "is not an ISO-8601";
    QTest::newRow("empty fraction") << "2026-01-01T00:00:00.Z" << "is not an ISO-8601";
    QTest::newRow("hour alone") << "2026-01-01T10Z" << "is not an ISO-8601";
    QTest::newRow("offset colon alone") << "2026-01-01T00:00:00+05:" << "is not an ISO-8601";
    QTest::newRow("offset three digits") << "2026-01-01T00:00:00+053" << "is not an ISO-8601";
    QTest::newRow("short year") << "226-01-01" << "is not an ISO-8601";
    QTest::newRow("lower t") << "2026-01-01t00:00:00Z" << "is not an ISO-8601";
    QTest::newRow("offset minutes 60") << "2026-01-01T00:00:00+05:60" << "UTC offset is out of range";
    QTest::newRow("day 32") << "2026-01-32T00:00:00Z" << "there is no such date";
    QTest::newRow("minute 60") << "2026-01-01T00:60:00Z" << "there is no such time of day";
    QTest::newRow("year 0") << "0000-01-01T00:00:00Z" << "between the years 1 and 9999";
}

void TestTimeText::parseIsoErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    const auto parsed = punctual::parseIso(text, *ZoneRules::forZone("UTC"));
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().message.contains(messagePart), qPrintable(parsed.error().message));
}

void TestTimeText::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("90s") << "90s" << qint64(90000);
    QTest::newRow("15m") << "15m" << qint64(900000);
    QTest::newRow("2h") << "2h" << qint64(7200000);
    QTest::newRow("1d") << "1d" << qint64(86400000);
    QTest::newRow("1w") << "1w" << qint64(604800000);
    QTest::newRow("1h30m") << "1h30m" << qint64(5400000);
    QTest::newRow("spaced") << "1h 30m 15s" << qint64(5415000);
    QTest::newRow("fraction") << "1.5h" << qint64(5400000);
    QTest::newRow("upper case") << "2H" << qint64(7200000);
    QTest::newRow("bare seconds") << "45" << qint64(45000);
    QTest::newRow("PT15M") << "PT15M" << qint64(900000);
    QTest::newRow("P1DT2H") << "P1DT2H" << qint64(93600000);
    QTest::newRow("P2W") << "P2W" << qint64(1209600000);
    QTest::newRow("PT0.5S") << "PT0.5S" << qint64(500);
}

void TestTimeText::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    const auto parsed = parseDuration(text);
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed.value(), ms);
}

void TestTimeText::durationErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << "" << "is not a duration";
    QTest::newRow("unit only") << "h" << "is not a duration";
    QTest::newRow("unknown unit") << "5y" << "is not a duration";
    QTest::newRow("zero") << "0s" << "longer than zero";
    QTest::newRow("negative") << "-5m" << "is not a duration";
    QTest::newRow("P alone") << "P" << "is not a duration";
    QTest::newRow("huge") << "99999999w" << "too long";
    QTest::newRow("junk after") << "5mx" << "is not a duration";
}

void TestTimeText::durationErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    const auto parsed = parseDuration(text);
    QVERIFY2(!parsed, qPrintable(text));
    QVERIFY2(parsed.error().message.contains(messagePart), qPrintable(parsed.error().message));
}

void TestTimeText::seconds()
{
    QCOMPARE(parseSecondsMs(QStringLiteral("1.5"), false).value(), 1500);
    QCOMPARE(parseSecondsMs(QStringLiteral("none"), true).value(), -1);
    QVERIFY(!parseSecondsMs(QStringLiteral("none"), false));
    QVERIFY(!parseSecondsMs(QStringLiteral("-3"), true));
    QVERIFY(!parseSecondsMs(QStringLiteral("abc"), true));
}

void TestTimeText::formatDurations()
{
    QCOMPARE(formatDuration(0), QStringLiteral("0s"));
    QCOMPARE(formatDuration(5400000), QStringLiteral("1h30m"));
    QCOMPARE(formatDuration(694861500), QStringLiteral("1w1d1h1m1.5s"));
    QCOMPARE(parseDuration(formatDuration(694861500)).value(), 694861500);
}

QTEST_GUILESS_MAIN(TestTimeText)
#include "testtimetext.moc"
