// Interval and date triggers: elapsed-time arithmetic, DST independence, bounds, descriptions and JSON.
#include "time/isotime.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"

#include <QJsonDocument>
#include <QTest>

using namespace punctual;

class TestIntervalTrigger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firesEveryInterval();
    void firstFireOneIntervalAfterAdding();
    void elapsedTimeAcrossDst();
    void endIsInclusive();
    void beforeEpoch();
    void descriptions_data();
    void descriptions();
    void intervalJson();
    void intervalJsonErrors_data();
    void intervalJsonErrors();
    void dateFiresOnce();
    void dateJson();

private:
    std::shared_ptr<const ZoneRules> m_newYork;
    std::int64_t at(const char *iso) const { return parseIso(QString::fromLatin1(iso), *m_newYork).value(); }
    QString iso(std::int64_t ms) const { return formatIso(ms, *m_newYork); }
};

void TestIntervalTrigger::initTestCase()
{
    m_newYork = ZoneRules::forZone("America/New_York");
    QVERIFY(m_newYork);
}

void TestIntervalTrigger::firesEveryInterval()
{
    IntervalTrigger trigger(15 * 60 * 1000, at("2026-01-01T10:00:00Z"));
    QCOMPARE(trigger.nextFireTime(at("2025-12-31T00:00:00Z")), at("2026-01-01T10:00:00Z"));
    QCOMPARE(trigger.nextFireTime(at("2026-01-01T10:00:00Z")), at("2026-01-01T10:15:00Z"));
    QCOMPARE(trigger.nextFireTime(at("2026-01-01T10:14:59.999Z")), at("2026-01-01T10:15:00Z"));
    QCOMPARE(trigger.nextFireTime(at("2026-01-01T10:15:00.001Z")), at("2026-01-01T10:30:00Z"));
    QCOMPARE(trigger.nextFireTime(at("2027-01-01T10:07:00Z")), at("2027-01-01T10:15:00Z"));
}

void TestIntervalTrigger::firstFireOneIntervalAfterAdding()
{
    const std::int64_t now = at("2026-05-05T12:34:56.789Z");
    const auto trigger = IntervalTrigger::startingAfter(3600 * 1000, now);
    QCOMPARE(trigger->nextFireTime(now), at("2026-05-05T13:34:57Z")); // rounded up to the whole second
    QCOMPARE(trigger->startMs(), at("2026-05-05T13:34:57Z"));
    const auto exact = IntervalTrigger::startingAfter(1500, now); // not whole seconds: kept exact
    QCOMPARE(exact->startMs(), now + 1500);
}

void TestIntervalTrigger::elapsedTimeAcrossDst()
{
    // Every 24 h of real time: the wall-clock hour moves when New York changes its offset.
    IntervalTrigger trigger(24 * 3600 * 1000, at("2026-03-07T12:00:00-05:00"));
    trigger.setZone(m_newYork);
    const auto next = trigger.nextFireTime(at("2026-03-07T12:00:00-05:00"));
    QCOMPARE(iso(*next), QStringLiteral("2026-03-08T13:00:00-04:00"));
    IntervalTrigger hourly(3600 * 1000, at("2026-11-01T00:30:00-04:00"));
    QStringList fires;
    std::int64_t t = at("2026-11-01T00:00:00-04:00");
    for (int i = 0; i < 4; ++i)
        fires << iso(t = *hourly.nextFireTime(t));
    QCOMPARE(fires, (QStringList{"2026-11-01T00:30:00-04:00", "2026-11-01T01:30:00-04:00",
                                 "2026-11-01T01:30:00-05:00", "2026-11-01T02:30:00-05:00"}));
}

void TestIntervalTrigger::endIsInclusive()
{
    IntervalTrigger trigger(60 * 1000, at("2026-01-01T00:00:00Z"), at("2026-01-01T00:02:00Z"));
    QCOMPARE(trigger.nextFireTime(at("2026-01-01T00:01:00Z")), at("2026-01-01T00:02:00Z"));
    QCOMPARE(trigger.nextFireTime(at("2026-01-01T00:02:00Z")), std::nullopt);
}

void TestIntervalTrigger::beforeEpoch()
{
    IntervalTrigger trigger(1000, -10500);
    QCOMPARE(trigger.nextFireTime(-10000), std::optional<std::int64_t>(-9500));
    QCOMPARE(trigger.nextFireTime(-500), std::optional<std::int64_t>(500));
}

void TestIntervalTrigger::descriptions_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("second") << qint64(1000) << "Every second";
    QTest::newRow("90 s") << qint64(90000) << "Every 90 seconds";
    QTest::newRow("15 min") << qint64(900000) << "Every 15 minutes";
    QTest::newRow("hour") << qint64(3600000) << "Every hour";
    QTest::newRow("1 h 30") << qint64(5400000) << "Every 90 minutes";
    QTest::newRow("mixed units") << qint64(5415000) << "Every 1 h 30 min 15 s";
    QTest::newRow("day and hours") << qint64(93600000) << "Every 26 hours";
    QTest::newRow("2 days") << qint64(2 * 86400000LL) << "Every 2 days";
    QTest::newRow("week") << qint64(7 * 86400000LL) << "Every week";
    QTest::newRow("1.5 s") << qint64(1500) << "Every 1.5 s";
}

void TestIntervalTrigger::descriptions()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(IntervalTrigger::describeInterval(ms), text);
    QCOMPARE(IntervalTrigger(ms, 0).description(), text);
}

void TestIntervalTrigger::intervalJson()
{
    IntervalTrigger trigger(5400500, at("2026-01-01T00:00:00.250Z"), at("2026-06-01T00:00:00Z"));
    trigger.setZone(m_newYork);
    trigger.setJitterMs(30000);
    const QJsonObject json = trigger.toJson();
    QCOMPARE(json.value("type").toString(), QStringLiteral("interval"));
    QCOMPARE(json.value("start").toString(), QStringLiteral("2025-12-31T19:00:00.250-05:00"));
    QCOMPARE(json.value("jitter").toDouble(), 30.0);
    auto back = Trigger::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back.value()->toJson(), json);
    const auto *interval = dynamic_cast<const IntervalTrigger *>(back.value().get());
    QVERIFY(interval);
    QCOMPARE(interval->intervalMs(), 5400500);
    QCOMPARE(interval->startMs(), trigger.startMs());
    QCOMPARE(interval->endMs(), trigger.endMs());
}

void TestIntervalTrigger::intervalJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no interval") << QByteArray(R"({"type":"interval","start":"2026-01-01T00:00:00Z"})")
                                 << "positive \"interval_seconds\"";
    QTest::newRow("negative") << QByteArray(R"({"type":"interval","interval_seconds":-5,"start":"2026-01-01T00:00:00Z"})")
                              << "positive";
    QTest::newRow("no start") << QByteArray(R"({"type":"interval","interval_seconds":5})") << "start";
    QTest::newRow("end before start")
        << QByteArray(R"({"type":"interval","interval_seconds":5,"start":"2026-01-02T00:00:00Z","end":"2026-01-01T00:00:00Z"})")
        << "ends before it starts";
    QTest::newRow("negative jitter")
        << QByteArray(R"({"type":"interval","interval_seconds":5,"start":"2026-01-02T00:00:00Z","jitter":-1})")
        << "jitter";
    QTest::newRow("date without run_date") << QByteArray(R"({"type":"date"})") << "run_date";
    QTest::newRow("date with bad run_date") << QByteArray(R"({"type":"date","run_date":"2026-02-30T00:00:00Z"})")
                                            << "no such date";
}

void TestIntervalTrigger::intervalJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, messagePart);
    auto result = Trigger::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
}

void TestIntervalTrigger::dateFiresOnce()
{
    DateTrigger trigger(at("2026-12-24T18:00:00-05:00"));
    QCOMPARE(trigger.nextFireTime(at("2026-12-24T17:59:59.999-05:00")), at("2026-12-24T18:00:00-05:00"));
    QCOMPARE(trigger.nextFireTime(at("2026-12-24T18:00:00-05:00")), std::nullopt);
    QCOMPARE(trigger.nextFireTime(at("2027-01-01T00:00:00Z")), std::nullopt);
}

void TestIntervalTrigger::dateJson()
{
    DateTrigger trigger(at("2026-12-24T18:00:00.5-05:00"));
    trigger.setZone(m_newYork);
    const QJsonObject json = trigger.toJson();
    QCOMPARE(json.value("run_date").toString(), QStringLiteral("2026-12-24T18:00:00.500-05:00"));
    QVERIFY(trigger.description().startsWith(QLatin1String("Once at 2026-12-24T18:00:00.500-05:00")));
    auto back = Trigger::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back.value()->toJson(), json);
    QCOMPARE(back.value()->nextFireTime(0), trigger.runAtMs());
}

QTEST_GUILESS_MAIN(TestIntervalTrigger)
#include "testintervaltrigger.moc"
