// Cron expression parsing: every kind of error names its field and position; valid forms set the right bits.
#include "time/civil.h"
#include "triggers/cronexpression.h"

#include <QTest>

using namespace punctual;

class TestCronExpression : public QObject
{
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void accepted_data();
    void accepted();
    void fieldBits();
    void wildness_data();
    void wildness();
    void dayMasks_data();
    void dayMasks();
};

void TestCronExpression::errors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << "" << "cron expression: the expression is empty (position 1)";
    QTest::newRow("blank") << "   " << "cron expression: the expression is empty (position 1)";
    QTest::newRow("too few fields")
        << "* * * *"
        << "cron expression: expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with seconds "
           "first), found 4 (position 8)";
    QTest::newRow("too many fields")
        << "0 0 0 * * * 2026"
        << "cron expression: expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with seconds "
           "first), found 7 (position 13)";
    QTest::newRow("unknown macro")
        << "@fortnightly"
        << "cron expression: unknown macro \"@fortnightly\" (known: @yearly, @annually, @monthly, @weekly, @daily, "
           "@midnight, @hourly) (position 1)";
    QTest::newRow("minute out of range") << "61 * * * *" << "field \"minute\": 61 is out of range 0-59 (position 1)";
    QTest::newRow("hour out of range") << "0 24 * * *" << "field \"hour\": 24 is out of range 0-23 (position 3)";
    QTest::newRow("second out of range")
        << "60 0 0 * * *" << "field \"second\": 60 is out of range 0-59 (position 1)";
    QTest::newRow("day zero") << "0 0 0 * *" << "field \"day-of-month\": 0 is out of range 1-31 (position 5)";
    QTest::newRow("day 32") << "0 0 32 * *" << "field \"day-of-month\": 32 is out of range 1-31 (position 5)";
    QTest::newRow("month 13") << "0 0 1 13 *" << "field \"month\": 13 is out of range 1-12 (position 7)";
    QTest::newRow("weekday 8") << "0 0 * * 8" << "field \"day-of-week\": 8 is out of range 0-7 (position 9)";
    QTest::newRow("bad month name")
        << "0 0 1 JUNE *" << "field \"month\": \"JUNE\" is not a month (1-12 or JAN-DEC) (position 7)";
    QTest::newRow("bad weekday name")
        << "0 0 * * MON-FRX"
        << "field \"day-of-week\": \"FRX\" is not a weekday (0-7 or SUN-SAT) (position 13)";
    QTest::newRow("name in minute") << "MON * * * *" << "field \"minute\": \"MON\" is not a number (position 1)";
    QTest::newRow("backwards range")
        << "0 5-1 * * *" << "field \"hour\": the range 5-1 is backwards (5 is after 1) (position 3)";
    QTest::newRow("backwards names")
        << "0 0 * * FRI-MON"
        << "field \"day-of-week\": the range FRI-MON is backwards (5 is after 1) (position 9)";
    QTest::newRow("zero step") << "*/0 * * * *" << "field \"minute\": the step must be at least 1 (position 3)";
    QTest::newRow("empty step")
        << "0 */ * * *" << "field \"hour\": \"\" is not a step (expected a number after \"/\") (position 5)";
    QTest::newRow("text step")
        << "0 0 */x * *"
        << "field \"day-of-month\": \"x\" is not a step (expected a number after \"/\") (position 7)";
    QTest::newRow("negative step")
        << "*/-5 * * * *" << "field \"minute\": \"-5\" is not a step (expected a number after \"/\") (position 3)";
    QTest::newRow("missing value before step")
        << "/5 * * * *" << "field \"minute\": a value is missing before \"/\" (position 1)";
    QTest::newRow("empty list element")
        << "1,,2 * * * *" << "field \"minute\": empty list element (position 3)";
    QTest::newRow("trailing comma") << "0 1, * * *" << "field \"hour\": empty list element (position 5)";
    QTest::newRow("open range") << "0 1- * * *" << "field \"hour\": a value is missing (position 5)";
    QTest::newRow("question mark in hour")
        << "0 ? * * *"
        << "field \"hour\": \"?\" is only allowed in the day-of-month and day-of-week fields (position 3)";
    QTest::newRow("L-N too large")
        << "0 0 L-31 * *" << "field \"day-of-month\": \"L-31\": L-N needs N from 0 to 30 (position 7)";
    QTest::newRow("L-x") << "0 0 L-x * *" << "field \"day-of-month\": \"L-x\": L-N needs N from 0 to 30 (position 7)";
    QTest::newRow("W day too large")
        << "0 0 32W * *" << "field \"day-of-month\": \"32W\": NW needs a day N from 1 to 31 (position 5)";
    QTest::newRow("W in wrong form")
        << "0 0 W * *"
        << "field \"day-of-month\": \"W\" is not valid here (day-of-month takes N, L, L-N, NW or LW) (position 5)";
    QTest::newRow("L with step")
        << "0 0 L/2 * *"
        << "field \"day-of-month\": \"L/2\" is not valid here (day-of-month takes N, L, L-N, NW or LW) (position 5)";
    QTest::newRow("hash K too large")
        << "0 0 * * 5#6" << "field \"day-of-week\": \"5#6\": D#K needs K from 1 to 5 (position 11)";
    QTest::newRow("hash weekday bad")
        << "0 0 * * 9#1" << "field \"day-of-week\": 9 is out of range 0-7 (position 9)";
    QTest::newRow("bare L in weekday")
        << "0 0 * * L" << "field \"day-of-week\": \"L\" needs a weekday before it here, e.g. 5L (position 9)";
    QTest::newRow("bad DL") << "0 0 * * XL"
                            << "field \"day-of-week\": \"X\" is not a weekday (0-7 or SUN-SAT) (position 9)";
    QTest::newRow("position after spaces")
        << "  5   99 * * *" << "field \"hour\": 99 is out of range 0-23 (position 7)";
    QTest::newRow("error deep in a list")
        << "0 0 1,15,40 * *" << "field \"day-of-month\": 40 is out of range 1-31 (position 10)";
}

void TestCronExpression::errors()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY2(std::holds_alternative<CronParseError>(parsed), qPrintable(expression));
    QCOMPARE(std::get<CronParseError>(parsed).toString(), message);
    const auto result = CronExpression::parseResult(expression);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QCOMPARE(result.error().message, message);
}

void TestCronExpression::accepted_data()
{
    QTest::addColumn<QString>("expression");
    for (const char *e : {"* * * * *", "*/5 * * * *", "0 0 L * *", "0 9-17 * * MON-FRI", "0 0 ? * *",
                          "0 0 * * ?", "0 0 1,15 * *", "5/15 * * * *", "0 0 L-3 * *", "0 0 15W * *", "0 0 LW * *",
                          "0 0 * * 5L", "0 0 * * FRIL", "0 0 * * 1#2", "0 0 * * mon#1,fri#3", "0 0 * jan-MAR sun",
                          "0 0 * * 7", "0 0 * * 0-7/2", "30 0 0 * * *", "@hourly", "@DAILY", "@midnight",
                          "@weekly", "@monthly", "@yearly", "@annually", "0 0 l * *", "0 0 15w * *",
                          "0 0 1-31/40 * *", "\t0 \t0 * * *  "})
        QTest::newRow(e) << QString::fromLatin1(e);
}

void TestCronExpression::accepted()
{
    QFETCH(QString, expression);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY2(std::holds_alternative<CronExpression>(parsed),
             std::holds_alternative<CronParseError>(parsed)
                 ? qPrintable(std::get<CronParseError>(parsed).toString())
                 : "");
}

void TestCronExpression::fieldBits()
{
    const CronExpression e = CronExpression::parseResult(QStringLiteral("5/20 1-3,7 */10 FEB,jun-Aug 1/2")).value();
    QCOMPARE(e.seconds(), std::uint64_t{1});
    QCOMPARE(e.minutes(), (1ull << 5) | (1ull << 25) | (1ull << 45));
    QCOMPARE(e.hours(), (1u << 1) | (1u << 2) | (1u << 3) | (1u << 7));
    QCOMPARE(e.daysOfMonth(), (1u << 1) | (1u << 11) | (1u << 21) | (1u << 31));
    QCOMPARE(e.months(), (1u << 2) | (1u << 6) | (1u << 7) | (1u << 8));
    // 1/2 runs to the maximum 7, and 7 is Sunday: 1,3,5,0.
    QCOMPARE(e.daysOfWeek(), (1u << 0) | (1u << 1) | (1u << 3) | (1u << 5));
    QVERIFY(!e.hasSecondsField());
    QCOMPARE(e.fieldTexts()[CronExpression::Month], QStringLiteral("FEB,jun-Aug"));

    const CronExpression withSeconds = CronExpression::parseResult(QStringLiteral("*/15 0 12 * * *")).value();
    QVERIFY(withSeconds.hasSecondsField());
    QCOMPARE(withSeconds.seconds(), (1ull << 0) | (1ull << 15) | (1ull << 30) | (1ull << 45));
}

void TestCronExpression::wildness_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("wild");
    QTest::newRow("plain") << "30 2 * * *" << false;
    QTest::newRow("minute star") << "* 2 * * *" << true;
    QTest::newRow("minute step") << "*/5 2 * * *" << true;
    QTest::newRow("hour star") << "0 * * * *" << true;
    QTest::newRow("list with star later") << "5,*/10 2 * * *" << false;
    QTest::newRow("seconds never") << "* 30 2 * * *" << false;
    QTest::newRow("@hourly") << "@hourly" << true;
    QTest::newRow("@daily") << "@daily" << false;
}

void TestCronExpression::wildness()
{
    QFETCH(QString, expression);
    QFETCH(bool, wild);
    QCOMPARE(CronExpression::parseResult(expression).value().isWild(), wild);
}

void TestCronExpression::dayMasks_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<QList<int>>("days");
    // 2026-02: 28 days, starts on a Sunday. 2024-02: 29 days, starts Thursday. 2026-08: starts Saturday.
    QTest::newRow("L") << "0 0 L * *" << 2026 << 2 << QList<int>{28};
    QTest::newRow("L leap") << "0 0 L * *" << 2024 << 2 << QList<int>{29};
    QTest::newRow("L-2") << "0 0 L-2 * *" << 2026 << 2 << QList<int>{26};
    QTest::newRow("L-30 in February") << "0 0 L-30 * *" << 2026 << 2 << QList<int>{};
    QTest::newRow("1W on a Sunday") << "0 0 1W * *" << 2026 << 2 << QList<int>{2};
    QTest::newRow("1W on a Saturday moves forward") << "0 0 1W * *" << 2026 << 8 << QList<int>{3};
    QTest::newRow("15W on a Saturday") << "0 0 15W * *" << 2026 << 8 << QList<int>{14};
    QTest::newRow("31W absent in a 30-day month") << "0 0 31W * *" << 2026 << 9 << QList<int>{};
    QTest::newRow("31W on a Sunday stays inside") << "0 0 31W * *" << 2026 << 5 << QList<int>{29};
    QTest::newRow("LW on a Saturday") << "0 0 LW * *" << 2026 << 10 << QList<int>{30};
    QTest::newRow("5L last Friday") << "0 0 * * 5L" << 2026 << 2 << QList<int>{27};
    QTest::newRow("0#1 first Sunday") << "0 0 * * 0#1" << 2026 << 2 << QList<int>{1};
    QTest::newRow("1#5 absent") << "0 0 * * 1#5" << 2026 << 2 << QList<int>{};
    QTest::newRow("7 is Sunday") << "0 0 * * 7" << 2026 << 2 << QList<int>{1, 8, 15, 22};
    QTest::newRow("both restricted: either")
        << "0 0 13 * FRI" << 2026 << 2 << QList<int>{6, 13, 20, 27};
    QTest::newRow("star-prefixed day: both")
        << "0 0 */13 * FRI" << 2026 << 2 << QList<int>{27};
    QTest::newRow("question mark is star") << "0 0 ? * MON" << 2026 << 2 << QList<int>{2, 9, 16, 23};
}

void TestCronExpression::dayMasks()
{
    QFETCH(QString, expression);
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(QList<int>, days);
    const std::uint64_t mask = CronExpression::parseResult(expression).value().dayMask(year, month);
    QList<int> actual;
    for (int d = 1; d <= 31; ++d) {
        if (mask & (1ull << d))
            actual << d;
    }
    QCOMPARE(actual, days);
}

QTEST_GUILESS_MAIN(TestCronExpression)
#include "testcronexpression.moc"
