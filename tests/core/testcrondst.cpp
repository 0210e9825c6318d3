// The cron trigger's DST policies (cron, skip, both) in Europe/Berlin and America/New_York, against hand-computed
// instants; JSON "dst" and its errors.
#include "time/isotime.h"
#include "triggers/crondsteffect.h"
#include "triggers/crontrigger.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTest>

using namespace punctual;

class TestCronDst : public QObject
{
    Q_OBJECT

private slots:
    void policies_data();
    void policies();
    void defaultIsCronAndOmitted();
    void jsonRoundTrip();
    void badDstIsRefused();
    void descriptionNamesThePolicy();
    void nextDstEffect_data();
    void nextDstEffect();
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

std::unique_ptr<CronTrigger> make(const QString &expression, const QString &zone, DstPolicy policy)
{
    auto created = CronTrigger::create(expression, ZoneRules::forZone(zone.toLatin1()));
    if (!created)
        qFatal("bad test expression %s: %s", qPrintable(expression), qPrintable(created.error().message));
    created.value()->setDstPolicy(policy);
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

void TestCronDst::policies_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("policy");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");
    const QString berlin = QStringLiteral("Europe/Berlin");
    const QString newYork = QStringLiteral("America/New_York");
    constexpr int cron = int(DstPolicy::Cron);
    constexpr int skip = int(DstPolicy::Skip);
    constexpr int both = int(DstPolicy::Both);

    // Berlin springs forward on 2026-03-29: 02:00 CET -> 03:00 CEST (02:00-02:59 do not exist).
    const QString beforeBerlinGap = QStringLiteral("2026-03-28T12:00:00+01:00");
    QTest::newRow("Berlin gap, non-wild, cron: at the gap's end")
        << "30 2 * * *" << berlin << cron << beforeBerlinGap
        << QStringList{"2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00"};
    QTest::newRow("Berlin gap, non-wild, skip: not that day")
        << "30 2 * * *" << berlin << skip << beforeBerlinGap
        << QStringList{"2026-03-30T02:30:00+02:00", "2026-03-31T02:30:00+02:00"};
    QTest::newRow("Berlin gap, non-wild, both: as cron")
        << "30 2 * * *" << berlin << both << beforeBerlinGap
        << QStringList{"2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00"};
    for (const auto &[policy, name] : {std::pair{cron, "cron"}, std::pair{skip, "skip"}, std::pair{both, "both"}}) {
        QTest::addRow("Berlin gap, wild, %s: skipped", name)
            << "*/30 * * * *" << berlin << policy << "2026-03-29T01:00:00+01:00"
            << QStringList{"2026-03-29T01:30:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-29T03:30:00+02:00"};
    }
    // Berlin falls back on 2026-10-25: 03:00 CEST -> 02:00 CET (02:00-02:59 twice).
    const QString beforeBerlinOverlap = QStringLiteral("2026-10-24T12:00:00+02:00");
    QTest::newRow("Berlin overlap, non-wild, cron: first pass")
        << "30 2 * * *" << berlin << cron << beforeBerlinOverlap
        << QStringList{"2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"};
    QTest::newRow("Berlin overlap, non-wild, skip: first pass")
        << "30 2 * * *" << berlin << skip << beforeBerlinOverlap
        << QStringList{"2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"};
    QTest::newRow("Berlin overlap, non-wild, both: both passes")
        << "30 2 * * *" << berlin << both << beforeBerlinOverlap
        << QStringList{"2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00", "2026-10-26T02:30:00+01:00"};
    const QStringList wildBothPasses{"2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00",
                                     "2026-10-25T02:00:00+01:00", "2026-10-25T02:30:00+01:00",
                                     "2026-10-26T02:00:00+01:00"};
    QTest::newRow("Berlin overlap, wild, cron: both passes")
        << "*/30 2 * * *" << berlin << cron << "2026-10-25T01:50:00+02:00" << wildBothPasses;
    QTest::newRow("Berlin overlap, wild, both: both passes")
        << "*/30 2 * * *" << berlin << both << "2026-10-25T01:50:00+02:00" << wildBothPasses;
    QTest::newRow("Berlin overlap, wild, skip: first pass only")
        << "*/30 2 * * *" << berlin << skip << "2026-10-25T01:50:00+02:00"
        << QStringList{"2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-26T02:00:00+01:00",
                       "2026-10-26T02:30:00+01:00", "2026-10-27T02:00:00+01:00"};

    // New York springs forward on 2026-03-08: 02:00 EST -> 03:00 EDT.
    const QString beforeNewYorkGap = QStringLiteral("2026-03-08T00:00:00-05:00");
    QTest::newRow("New York gap, two non-wild times, cron: one fire at the gap's end")
        << "0,30 2 * * *" << newYork << cron << beforeNewYorkGap
        << QStringList{"2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00", "2026-03-09T02:30:00-04:00"};
    QTest::newRow("New York gap, two non-wild times, both: as cron")
        << "0,30 2 * * *" << newYork << both << beforeNewYorkGap
        << QStringList{"2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00", "2026-03-09T02:30:00-04:00"};
    QTest::newRow("New York gap, two non-wild times, skip: none that day")
        << "0,30 2 * * *" << newYork << skip << beforeNewYorkGap
        << QStringList{"2026-03-09T02:00:00-04:00", "2026-03-09T02:30:00-04:00", "2026-03-10T02:00:00-04:00"};
    QTest::newRow("New York gap, hour-wild, skip: skipped")
        << "15 * * * *" << newYork << skip << "2026-03-08T00:30:00-05:00"
        << QStringList{"2026-03-08T01:15:00-05:00", "2026-03-08T03:15:00-04:00"};
    // New York falls back on 2026-11-01: 02:00 EDT -> 01:00 EST.
    const QString beforeNewYorkOverlap = QStringLiteral("2026-10-31T12:00:00-04:00");
    QTest::newRow("New York overlap, non-wild, cron: first pass")
        << "30 1 * * *" << newYork << cron << beforeNewYorkOverlap
        << QStringList{"2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"};
    QTest::newRow("New York overlap, non-wild, skip: first pass")
        << "30 1 * * *" << newYork << skip << beforeNewYorkOverlap
        << QStringList{"2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"};
    QTest::newRow("New York overlap, non-wild, both: both passes")
        << "30 1 * * *" << newYork << both << beforeNewYorkOverlap
        << QStringList{"2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00", "2026-11-02T01:30:00-05:00"};
    QTest::newRow("New York overlap, wild, cron: both passes")
        << "30 * * * *" << newYork << cron << "2026-11-01T00:00:00-04:00"
        << QStringList{"2026-11-01T00:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00",
                       "2026-11-01T02:30:00-05:00"};
    QTest::newRow("New York overlap, wild, skip: first pass only")
        << "30 * * * *" << newYork << skip << "2026-11-01T00:00:00-04:00"
        << QStringList{"2026-11-01T00:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T02:30:00-05:00",
                       "2026-11-01T03:30:00-05:00"};
    QTest::newRow("New York overlap, wild, skip, from inside the second pass")
        << "*/20 1 * * *" << newYork << skip << "2026-11-01T01:10:00-05:00"
        << QStringList{"2026-11-02T01:00:00-05:00"};
    QTest::newRow("New York overlap, non-wild, both, from inside the second pass")
        << "45 1 * * *" << newYork << both << "2026-11-01T01:10:00-05:00"
        << QStringList{"2026-11-01T01:45:00-05:00", "2026-11-02T01:45:00-05:00"};
}

void TestCronDst::policies()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(int, policy);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    auto trigger = make(expression, zone, static_cast<DstPolicy>(policy));
    QCOMPARE(fires(*trigger, at(from), static_cast<int>(expected.size())), expected);
}

void TestCronDst::defaultIsCronAndOmitted()
{
    auto trigger = make(QStringLiteral("30 2 * * *"), QStringLiteral("Europe/Berlin"), DstPolicy::Cron);
    QCOMPARE(trigger->dstPolicy(), DstPolicy::Cron);
    QVERIFY(!trigger->toJson().contains(QStringLiteral("dst")));
    auto created = CronTrigger::create(QStringLiteral("0 9 * * *"));
    QVERIFY(created);
    QCOMPARE(created.value()->dstPolicy(), DstPolicy::Cron);
}

void TestCronDst::jsonRoundTrip()
{
    for (DstPolicy policy : {DstPolicy::Skip, DstPolicy::Both}) {
        auto trigger = make(QStringLiteral("30 2 * * *"), QStringLiteral("Europe/Berlin"), policy);
        const QJsonObject json = trigger->toJson();
        QCOMPARE(json.value(QStringLiteral("dst")).toString(), CronTrigger::dstPolicyName(policy));
        auto back = CronTrigger::fromJson(json);
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(back.value()->dstPolicy(), policy);
        QCOMPARE(back.value()->toJson(), json);
    }
}

void TestCronDst::badDstIsRefused()
{
    QJsonObject json = make(QStringLiteral("30 2 * * *"), QStringLiteral("UTC"), DstPolicy::Cron)->toJson();
    for (const QJsonValue &bad : {QJsonValue(QStringLiteral("sometimes")), QJsonValue(3), QJsonValue(true)}) {
        json.insert(QStringLiteral("dst"), bad);
        auto back = CronTrigger::fromJson(json);
        QVERIFY(!back);
        QVERIFY2(back.error().message.contains(QStringLiteral("cron, skip or both")), qPrintable(back.error().message));
    }
}

void TestCronDst::descriptionNamesThePolicy()
{
    const QString zone = QString::fromLatin1(ZoneRules::systemZoneId());
    const QString plain = make(QStringLiteral("30 2 * * *"), zone, DstPolicy::Cron)->description();
    QVERIFY(!plain.contains(QStringLiteral("DST")));
    QCOMPARE(make(QStringLiteral("30 2 * * *"), zone, DstPolicy::Skip)->description(), plain + QStringLiteral(", DST: skip"));
    QCOMPARE(make(QStringLiteral("30 2 * * *"), zone, DstPolicy::Both)->description(),
             plain + QStringLiteral(", DST: both passes"));
}

void TestCronDst::nextDstEffect_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("policy");
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("kind"); // -1: no effect
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("local");
    constexpr int cron = int(DstPolicy::Cron);
    constexpr int skip = int(DstPolicy::Skip);
    constexpr int both = int(DstPolicy::Both);
    const QString march = QStringLiteral("2026-03-20T12:00:00+01:00");
    const QString october = QStringLiteral("2026-10-20T12:00:00+02:00");
    const QString spring = QStringLiteral("2026-03-29T01:00:00Z");
    const QString autumn = QStringLiteral("2026-10-25T01:00:00Z");
    QTest::newRow("gap, non-wild, cron: at the gap's end")
        << "30 2 * * *" << cron << march << int(CronDstEffect::Kind::GapAtEnd) << spring << "2026-03-29T02:30:00";
    QTest::newRow("gap, non-wild, skip: skipped")
        << "30 2 * * *" << skip << march << int(CronDstEffect::Kind::GapSkipped) << spring << "2026-03-29T02:30:00";
    QTest::newRow("gap, wild, both: skipped")
        << "*/15 * * * *" << both << march << int(CronDstEffect::Kind::GapSkipped) << spring << "2026-03-29T02:00:00";
    QTest::newRow("overlap, non-wild, cron: once")
        << "30 2 * * *" << cron << october << int(CronDstEffect::Kind::OverlapOnce) << autumn << "2026-10-25T02:30:00";
    QTest::newRow("overlap, non-wild, both: twice")
        << "30 2 * * *" << both << october << int(CronDstEffect::Kind::OverlapTwice) << autumn << "2026-10-25T02:30:00";
    QTest::newRow("overlap, wild, cron: twice")
        << "*/30 2 * * *" << cron << october << int(CronDstEffect::Kind::OverlapTwice) << autumn << "2026-10-25T02:00:00";
    QTest::newRow("overlap, wild, skip: once")
        << "*/30 2 * * *" << skip << october << int(CronDstEffect::Kind::OverlapOnce) << autumn << "2026-10-25T02:00:00";
    QTest::newRow("untouched: 09:00") << "0 9 * * *" << cron << march << -1 << QString() << QString();
    QTest::newRow("untouched: other weekdays") << "30 2 * * MON-FRI" << cron << march << -1 << QString() << QString();
}

void TestCronDst::nextDstEffect()
{
    QFETCH(QString, expression);
    QFETCH(int, policy);
    QFETCH(QString, from);
    QFETCH(int, kind);
    QFETCH(QString, change);
    QFETCH(QString, local);
    auto trigger = make(expression, QStringLiteral("Europe/Berlin"), static_cast<DstPolicy>(policy));
    const auto effect = punctual::nextDstEffect(*trigger, at(from));
    if (kind < 0) {
        QVERIFY(!effect);
        return;
    }
    QVERIFY(effect);
    QCOMPARE(int(effect->kind), kind);
    QCOMPARE(effect->changeMs, at(change));
    QCOMPARE(QDateTime::fromSecsSinceEpoch(effect->localSeconds, Qt::UTC).toString(Qt::ISODate).chopped(1), local);
    if (effect->kind == CronDstEffect::Kind::GapAtEnd)
        QCOMPARE(QDateTime::fromSecsSinceEpoch(effect->gapEndLocalSeconds, Qt::UTC).time(), QTime(3, 0));
}

QTEST_GUILESS_MAIN(TestCronDst)
#include "testcrondst.moc"
