// describeCron: the phrasings users expect, and a readable line for every reference expression.
#include "triggers/crontrigger.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using punctual::CronExpression;

class TestCronDescription : public QObject
{
    Q_OBJECT

private slots:
    void describe_data();
    void describe();
    void publicVectors();

private:
    static QString describe(const QString &text);
};

QString TestCronDescription::describe(const QString &text)
{
    auto parsed = CronExpression::parse(text);
    if (const auto *error = std::get_if<punctual::CronParseError>(&parsed))
        return QStringLiteral("parse error: ") + error->toString();
    return punctual::describeCron(std::get<CronExpression>(parsed));
}

void TestCronDescription::describe_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *expression, const char *expected) {
        QTest::newRow(expression) << QString::fromUtf8(expression) << QString::fromUtf8(expected);
    };

    // Steps through the whole day.
    row("* * * * *", "Every minute");
    row("*/15 * * * *", "Every 15 minutes");
    row("*/5 * * * * *", "Every 5 seconds");
    row("* * * * * *", "Every second");
    row("0 * * * *", "Every hour");
    row("@hourly", "Every hour");
    row("0 */2 * * *", "Every 2 hours");
    row("0 0/6 * * *", "Every 6 hours");

    // Fixed clock times.
    row("30 2 * * *", "At 02:30 every day");
    row("15 30 2 * * *", "At 02:30:15 every day");
    row("0 0 0 * * *", "At 00:00 every day");
    row("@daily", "At 00:00 every day");
    row("@midnight", "At 00:00 every day");
    row("0 0,12 * * *", "At 00:00 and 12:00 every day");
    row("0 1-2 * * *", "At 01:00 and 02:00 every day");
    row("0 */8 * * *", "At 00:00, 08:00 and 16:00 every day");
    row("0 9 * * MON-FRI", "At 09:00 on Monday to Friday");
    row("0 9 * * mon-fri", "At 09:00 on Monday to Friday");
    row("0 9,12,17 * * MON-FRI", "At 09:00, 12:00 and 17:00 on Monday to Friday");

    // Spans within a day.
    row("0 9-17 * * MON-FRI", "Every hour from 09:00 to 17:00 on Monday to Friday");
    row("*/15 9-17 * * *", "Every 15 minutes from 09:00 to 17:45");
    row("0,30 9-17 * * 1-5", "Every 30 minutes from 09:00 to 17:30 on Monday to Friday");
    row("30 */2 * * *", "Every 2 hours from 00:30 to 22:30");
    row("* 9 * * *", "Every minute from 09:00 to 09:59");
    row("16-31 9 * * *", "Every minute from 09:16 to 09:31");
    row("*/7 9 * * *", "Every 7 minutes from 09:00 to 09:56");
    row("*/5 30 9 * * *", "Every 5 seconds from 09:30:00 to 09:30:55");

    // Field by field.
    row("55 * * * *", "At minute 55 past every hour");
    row("0,30 * * * *", "At minutes 0 and 30 past every hour");
    row("*/30 * * * *", "At minutes 0 and 30 past every hour");
    row("8/15 * * * *", "At minutes 8, 23, 38 and 53 past every hour");
    row("*/7 * * * *", "At minutes */7 past every hour");
    row("15 * * * * *", "At second 15 past every minute");
    row("0,30 * * * * *", "At seconds 0 and 30 past every minute");
    row("15 */10 * * * *", "At second 15 past every 10 minutes");
    row("* */4 * * *", "Every minute during hours 0, 4, 8, 12, 16 and 20");
    row("*/10 * */8 * * *", "Every 10 seconds during hours 0, 8 and 16");
    row("*/10 34 */8 * * *", "Every 10 seconds during minute 34 past hours 0, 8 and 16");
    row("* */20 8-15/8,7 * * *", "Every second during minutes 0, 20 and 40 past hours 7 and 8");

    // Days of the month, extras included.
    row("0 0 1 * *", "At 00:00 on day 1 of the month");
    row("@monthly", "At 00:00 on day 1 of the month");
    row("0 12 1-7 * *", "At 12:00 on days 1 to 7 of the month");
    row("0 0 L * *", "At 00:00 on the last day of the month");
    row("0 0 L-1 * *", "At 00:00 on the day before the last day of the month");
    row("0 0 L-3 * *", "At 00:00 on 3 days before the last day of the month");
    row("0 8 15W * *", "At 08:00 on the weekday nearest day 15 of the month");
    row("0 8 LW * *", "At 08:00 on the last weekday of the month");
    row("0 0 1,15,L * *", "At 00:00 on days 1, 15 and the last day of the month");
    row("0 0 3-30/7,18 * *", "At 00:00 on days 3, 10, 17, 18 and 24 of the month");
    row("0 0 */2 * *", "At 00:00 on days */2 of the month");

    // Days of the week, extras included.
    row("@weekly", "At 00:00 on Sunday");
    row("0 0 * * 7", "At 00:00 on Sunday");
    row("0 0 * * 0,6", "At 00:00 on Saturday and Sunday");
    row("0 0 * * 0-2", "At 00:00 on Sunday to Tuesday");
    row("0 0 * * */2", "At 00:00 on Tuesday, Thursday, Saturday and Sunday");
    row("0 10 * * 5L", "At 10:00 on the last Friday of the month");
    row("0 10 * * 1#2", "At 10:00 on the second Monday of the month");
    row("0 10 ? * MON#3", "At 10:00 on the third Monday of the month");
    row("0 0 * * 1#1,5L", "At 00:00 on the first Monday and the last Friday of the month");
    row("0 0 * * 1,2,5L", "At 00:00 on Monday, Tuesday and the last Friday of the month");

    // Both day fields (Vixie rule).
    row("0 0 1 * MON", "At 00:00 on day 1 of the month or on Monday");
    row("0 0 1 * MON,FRI", "At 00:00 on day 1 of the month or on Monday or Friday");
    row("0 0 L * 5L", "At 00:00 on the last day of the month or on the last Friday of the month");
    row("0 0 1 1 SUN-SAT", "At 00:00 every day in January");
    row("0 0 1-31 * 1", "At 00:00 every day");
    row("0 0 */2 * 1", "At 00:00 on days */2 of the month if it is Monday");
    row("0 0 1-7 * */2", "At 00:00 on days 1 to 7 of the month if it is Tuesday, Thursday, Saturday or Sunday");

    // Months.
    row("@yearly", "At 00:00 on 1 January");
    row("@annually", "At 00:00 on 1 January");
    row("59 23 31 12 *", "At 23:59 on 31 December");
    row("0,30 * 13 3 *", "At minutes 0 and 30 past every hour, on 13 March");
    row("0 0 * 3,6 *", "At 00:00 every day in March and June");
    row("0 0 * 4-6 *", "At 00:00 every day from April to June");
    row("0 0 * apr-jun *", "At 00:00 every day from April to June");
    row("0 0 1 */3 *", "At 00:00 on day 1 of the month in January, April, July and October");
    row("0 0 * 1-3,10 1", "At 00:00 on Monday in January to March and October");
    row("0 0 29 2 1", "At 00:00 on day 29 of the month or on Monday in February");

    // Complex ones fall back to the field texts.
    row("18-39/15 */4 3-30/7,18-18,30 Nov,8/6,9-9 5-6/3",
        "At minutes 18 and 33 past hours 0, 4, 8, 12, 16 and 20, on days 3, 10, 17, 18, 24 and 30 of the month "
        "or on Friday, in August, September and November");
    row("*/10,*/15,2-5 6,12/6,22-23 ? Oct-Nov Mon,thu",
        "At minutes */10,*/15,2-5 past hours 6, 12, 18, 22 and 23, on Monday and Thursday, in October and November");
    row("37 4-5,14-16/12,*/2 * * *", "At minute 37 past hours 4-5,14-16/12,*/2");
    row("*/5 5 24,*/7,17-18 * 2,Mon-mon",
        "Every 5 minutes from 05:00 to 05:55 on days 24,*/7,17-18 of the month or on Monday or Tuesday");
}

void TestCronDescription::describe()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    QCOMPARE(describe(expression), expected);
}

void TestCronDescription::publicVectors()
{
    QFile file(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/cron-vectors-public.jsonl"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    int described = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QString cron = QJsonDocument::fromJson(line).object().value(QStringLiteral("cron")).toString();
        QVERIFY2(!cron.isEmpty(), line.constData());
        const QString text = describe(cron);
        // One plain line: a sentence, no parse error, no placeholder left unfilled.
        QVERIFY2(!text.isEmpty() && text.front().isUpper(), qPrintable(cron + QStringLiteral(" => ") + text));
        QVERIFY2(!text.startsWith(QStringLiteral("parse error")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1Char('%')) && !text.contains(QLatin1Char('\n')),
                 qPrintable(cron + QStringLiteral(" => ") + text));
        ++described;
    }
    QVERIFY(described >= 300);
}

QTEST_GUILESS_MAIN(TestCronDescription)
#include "testcrondescription.moc"
