// Cron trigger: the public reference vectors, hand-written DST cases, start/end bounds and JSON.
#include "time/isotime.h"
#include "triggers/crontrigger.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace punctual;

class TestCronTrigger : public QObject
{
    Q_OBJECT

private slots:
    void publicVectors();
    void dstRules_data();
    void dstRules();
    void strictlyAfter();
    void fractionalStart();
    void neverFires();
    void startAndEnd();
    void jsonRoundTrip();
    void fromJsonErrors_data();
    void fromJsonErrors();
    void jitterStaysInBounds();
};

namespace {

QStringList fires(const CronTrigger &trigger, std::int64_t fromMs, int count)
{
    QStringList out;
    std::int64_t at = fromMs;
    for (int i = 0; i < count; ++i) {
        const auto next = trigger.nextFireTime(at);
        if (!next)
            break;
        out << formatIso(*next, trigger.zone());
        at = *next;
    }
    return out;
}

std::unique_ptr<CronTrigger> make(const QString &expression, const char *zone)
{
    auto created = CronTrigger::create(expression, ZoneRules::forZone(zone));
    if (!created)
        qFatal("bad test expression %s: %s", qPrintable(expression), qPrintable(created.error().message));
    return std::move(created).value();
}

std::int64_t at(const QString &iso)
{
    auto parsed = parseIso(iso, *ZoneRules::forZone("UTC"));
    if (!parsed)
        qFatal("bad test instant %s", qPrintable(iso));
    return parsed.value();
}

} // namespace

void TestCronTrigger::publicVectors()
{
    QFile file(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/cron-vectors-public.jsonl"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    int cases = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject c = QJsonDocument::fromJson(line).object();
        const QString id = QString::number(c.value(QStringLiteral("id")).toInt());
        const QString expression = c.value(QStringLiteral("cron")).toString();
        const QByteArray zone = c.value(QStringLiteral("tz")).toString().toLatin1();
        QStringList expected;
        for (const QJsonValue &v : c.value(QStringLiteral("next")).toArray())
            expected << v.toString();
        auto trigger = make(expression, zone.constData());
        const QStringList actual = fires(*trigger, at(c.value(QStringLiteral("from")).toString()),
                                         c.value(QStringLiteral("count")).toInt());
        if (actual != expected) {
            qWarning().noquote() << "case" << id << expression << zone << "\n expected" << expected << "\n actual  "
                                 << actual;
        }
        QCOMPARE(actual, expected);
        ++cases;
    }
    QCOMPARE(cases, 300);
}

void TestCronTrigger::dstRules_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");

    // New York springs forward on 2026-03-08 at 02:00 EST -> 03:00 EDT.
    QTest::newRow("non-wild in gap fires at gap end")
        << "30 2 * * *" << "America/New_York" << "2026-03-07T00:00:00-05:00"
        << QStringList{"2026-03-07T02:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"};
    QTest::newRow("non-wild gap fire merges with 03:00")
        << "0,30 2-3 * * *" << "America/New_York" << "2026-03-08T01:00:00-05:00"
        << QStringList{"2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00", "2026-03-09T02:00:00-04:00"};
    QTest::newRow("wild skips the gap")
        << "*/30 * * * *" << "America/New_York" << "2026-03-08T01:00:00-05:00"
        << QStringList{"2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00"};
    QTest::newRow("hour-wild skips the gap")
        << "15 * * * *" << "America/New_York" << "2026-03-08T00:30:00-05:00"
        << QStringList{"2026-03-08T01:15:00-05:00", "2026-03-08T03:15:00-04:00"};
    QTest::newRow("seconds do not make it wild")
        << "*/20 30 2 * * *" << "America/New_York" << "2026-03-08T00:00:00-05:00"
        << QStringList{"2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"};
    // New York falls back on 2026-11-01 at 02:00 EDT -> 01:00 EST.
    QTest::newRow("non-wild in overlap fires in the first pass only")
        << "30 1 * * *" << "America/New_York" << "2026-10-31T12:00:00-04:00"
        << QStringList{"2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"};
    QTest::newRow("wild in overlap fires in both passes")
        << "30 * * * *" << "America/New_York" << "2026-11-01T00:00:00-04:00"
        << QStringList{"2026-11-01T00:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00",
                       "2026-11-01T02:30:00-05:00"};
    QTest::newRow("non-wild starting inside the second pass")
        << "45 1 * * *" << "America/New_York" << "2026-11-01T01:10:00-05:00"
        << QStringList{"2026-11-02T01:45:00-05:00"};
    QTest::newRow("wild starting inside the second pass")
        << "*/20 1 * * *" << "America/New_York" << "2026-11-01T01:10:00-05:00"
        << QStringList{"2026-11-01T01:20:00-05:00", "2026-11-01T01:40:00-05:00", "2026-11-02T01:00:00-05:00"};
    // Lord Howe moves by 30 minutes: 02:00 -> 02:30 on 2026-10-04, 02:00 -> 01:30 on 2026-04-05.
    QTest::newRow("half-hour gap")
        << "15 2 * * *" << "Australia/Lord_Howe" << "2026-10-03T12:00:00+10:30"
        << QStringList{"2026-10-04T02:30:00+11:00", "2026-10-05T02:15:00+11:00"};
    QTest::newRow("half-hour overlap, wild")
        << "*/20 1 5 4 *" << "Australia/Lord_Howe" << "2026-04-05T01:15:00+11:00"
        << QStringList{"2026-04-05T01:20:00+11:00", "2026-04-05T01:40:00+11:00", "2026-04-05T01:40:00+10:30",
                       "2027-04-05T01:00:00+10:30"};
    // Santiago changes at midnight: 2026-09-06 00:00 -04 -> 01:00 -03 (the day starts at 01:00).
    QTest::newRow("midnight gap, non-wild")
        << "0 0 * * *" << "America/Santiago" << "2026-09-05T12:00:00-04:00"
        << QStringList{"2026-09-06T01:00:00-03:00", "2026-09-07T00:00:00-03:00"};
    QTest::newRow("UTC has no transitions")
        << "0 0 29 2 *" << "UTC" << "2026-01-01T00:00:00+00:00"
        << QStringList{"2028-02-29T00:00:00+00:00", "2032-02-29T00:00:00+00:00"};
}

void TestCronTrigger::dstRules()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    auto trigger = make(expression, zone.toLatin1().constData());
    QCOMPARE(fires(*trigger, at(from), static_cast<int>(expected.size())), expected);
}

void TestCronTrigger::strictlyAfter()
{
    auto trigger = make(QStringLiteral("0 * * * *"), "UTC");
    const std::int64_t t = at(QStringLiteral("2026-01-01T10:00:00Z"));
    QCOMPARE(trigger->nextFireTime(t), t + 3600 * 1000);
    QCOMPARE(trigger->nextFireTime(t - 1), t);
}

void TestCronTrigger::fractionalStart()
{
    auto trigger = make(QStringLiteral("* * * * * *"), "UTC");
    const std::int64_t t = at(QStringLiteral("2026-01-01T10:00:00Z"));
    QCOMPARE(trigger->nextFireTime(t + 400), t + 1000);
    QCOMPARE(trigger->nextFireTime(t - 400), t);
    // Before the epoch, floor division must still round towards the past.
    QCOMPARE(trigger->nextFireTime(-1500), std::optional<std::int64_t>(-1000));
}

void TestCronTrigger::neverFires()
{
    for (const char *expression : {"0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 L-30 2 *", "0 0 31W 2 *"}) {
        auto trigger = make(QString::fromLatin1(expression), "Europe/Berlin");
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(trigger->nextFireTime(at(QStringLiteral("2026-01-01T00:00:00Z"))), std::nullopt);
        QVERIFY2(timer.elapsed() < 1000, expression); // a bound on the search, not a speed test
    }
}

void TestCronTrigger::startAndEnd()
{
    auto trigger = make(QStringLiteral("0 12 * * *"), "UTC");
    trigger->setStartMs(at(QStringLiteral("2026-05-10T12:00:00Z")));
    trigger->setEndMs(at(QStringLiteral("2026-05-12T12:00:00Z")));
    QCOMPARE(fires(*trigger, at(QStringLiteral("2026-01-01T00:00:00Z")), 5),
             (QStringList{"2026-05-10T12:00:00+00:00", "2026-05-11T12:00:00+00:00", "2026-05-12T12:00:00+00:00"}));
}

void TestCronTrigger::jsonRoundTrip()
{
    auto trigger = make(QStringLiteral("*/5 9-17 * * MON-FRI"), "Europe/Berlin");
    trigger->setStartMs(at(QStringLiteral("2026-05-10T12:00:00Z")));
    trigger->setEndMs(at(QStringLiteral("2027-05-12T12:00:00.250Z")));
    trigger->setJitterMs(1500);
    const QJsonObject json = trigger->toJson();
    QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("cron"));
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), Trigger::jsonVersion);
    QCOMPARE(json.value(QStringLiteral("timezone")).toString(), QStringLiteral("Europe/Berlin"));
    auto back = Trigger::fromJson(json);
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(back.value()->toJson(), json);
    auto *cron = dynamic_cast<CronTrigger *>(back.value().get());
    QVERIFY(cron);
    QCOMPARE(cron->startMs(), trigger->startMs());
    QCOMPARE(cron->endMs(), trigger->endMs());
    QCOMPARE(cron->jitterMs(), 1500);
    const std::int64_t from = at(QStringLiteral("2026-06-01T00:00:00Z"));
    QCOMPARE(cron->nextFireTime(from), trigger->nextFireTime(from));
}

void TestCronTrigger::fromJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("bad expression") << QByteArray(R"({"type":"cron","expression":"61 * * * *"})")
                                    << "field \"minute\": 61 is out of range 0-59 (position 1)";
    QTest::newRow("unknown zone") << QByteArray(R"({"type":"cron","expression":"* * * * *","timezone":"Mars/Base"})")
                                  << "unknown time zone \"Mars/Base\"";
    QTest::newRow("newer version") << QByteArray(R"({"type":"cron","version":99,"expression":"* * * * *"})")
                                   << "newer Punctual";
    QTest::newRow("unknown type") << QByteArray(R"({"type":"lunar"})") << "unknown trigger type \"lunar\"";
    QTest::newRow("bad start") << QByteArray(R"({"type":"cron","expression":"* * * * *","start":"soon"})")
                               << "cron trigger start";
    QTest::newRow("end before start")
        << QByteArray(R"({"type":"cron","expression":"* * * * *","start":"2026-01-02T00:00:00Z","end":"2026-01-01T00:00:00Z"})")
        << "ends before it starts";
}

void TestCronTrigger::fromJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, messagePart);
    auto result = Trigger::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
}

void TestCronTrigger::jitterStaysInBounds()
{
    auto trigger = make(QStringLiteral("0 * * * *"), "UTC");
    trigger->setJitterMs(2000);
    QRandomGenerator random(42);
    bool sawLate = false;
    for (int i = 0; i < 1000; ++i) {
        const std::int64_t jittered = trigger->applyJitter(1000000, random);
        QVERIFY(jittered >= 1000000 && jittered <= 1002000);
        sawLate |= jittered > 1001000;
    }
    QVERIFY(sawLate);
}

QTEST_GUILESS_MAIN(TestCronTrigger)
#include "testcrontrigger.moc"
