// Thousands of random and garbage cron expressions: each gives fire times or an error, never a crash or hang;
// random valid ones are checked against a brute-force scan.
#include "time/civil.h"
#include "time/zonerules.h"
#include "triggers/crontrigger.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace punctual;

class TestCronRobustness : public QObject
{
    Q_OBJECT

private slots:
    void garbageNeverCrashes();
    void randomExpressionsAreConsistent();
    void matchesBruteForceInUtc();
    void matchesBruteForceAcrossDst();

private:
    QRandomGenerator m_random{20261129};
    QString randomElement(int field);
    QString randomExpression();
};

namespace {

const char *const zones[] = {"UTC", "America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney",
                             "Australia/Lord_Howe", "America/Sao_Paulo", "America/Santiago", "Asia/Kolkata",
                             "Pacific/Chatham", "Asia/Tehran", "America/St_Johns"};
const int fieldMin[] = {0, 0, 0, 1, 1, 0};
const int fieldMax[] = {59, 59, 23, 31, 12, 7};

} // namespace

QString TestCronRobustness::randomElement(int field)
{
    auto value = [&](int lo, int hi) { return lo + int(m_random.bounded(hi - lo + 1)); };
    const int lo = fieldMin[field], hi = fieldMax[field];
    switch (m_random.bounded(field == 3 || field == 5 ? 9 : 6)) {
    case 0: return QStringLiteral("*");
    case 1: return QString::number(value(lo, hi));
    case 2: {
        const int a = value(lo, hi);
        return QStringLiteral("%1-%2").arg(a).arg(value(a, hi));
    }
    case 3: return QStringLiteral("*/%1").arg(value(1, hi));
    case 4: {
        const int a = value(lo, hi);
        return QStringLiteral("%1-%2/%3").arg(a).arg(value(a, hi)).arg(value(1, 20));
    }
    case 5: return QStringLiteral("%1/%2").arg(value(lo, hi)).arg(value(1, 20));
    default:
        if (field == 3) {
            const QString extras[] = {QStringLiteral("L"), QStringLiteral("LW"),
                                      QStringLiteral("L-%1").arg(value(0, 30)), QStringLiteral("%1W").arg(value(1, 31))};
            return extras[m_random.bounded(4)];
        }
        return m_random.bounded(2) ? QStringLiteral("%1L").arg(value(0, 7))
                                   : QStringLiteral("%1#%2").arg(value(0, 7)).arg(value(1, 5));
    }
}

QString TestCronRobustness::randomExpression()
{
    const bool seconds = m_random.bounded(4) == 0;
    QStringList fields;
    for (int field = seconds ? 0 : 1; field < 6; ++field) {
        QStringList list;
        const int elements = 1 + int(m_random.bounded(m_random.bounded(3) == 0 ? 3 : 1));
        for (int i = 0; i < elements; ++i)
            list << randomElement(field);
        fields << list.join(QLatin1Char(','));
    }
    return fields.join(QLatin1Char(' '));
}

void TestCronRobustness::garbageNeverCrashes()
{
    const QString alphabet = QStringLiteral("0123456789*/-,?LW#@ abcdefghijklmnopqrstuvwxyzMONFRIJAN\t");
    const std::int64_t from = 1767225600000; // 2026-01-01
    int accepted = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20000; ++i) {
        QString text;
        const int length = int(m_random.bounded(24));
        for (int c = 0; c < length; ++c)
            text += alphabet[int(m_random.bounded(int(alphabet.size())))];
        // Garbage around valid shapes finds more corner cases than pure noise.
        if (i % 2 == 0)
            text = randomExpression().replace(int(m_random.bounded(4)), 1, text.left(2));
        auto trigger = CronTrigger::create(text, ZoneRules::forZone(zones[i % 12]));
        if (!trigger) {
            QVERIFY2(!trigger.error().message.isEmpty(), qPrintable(text));
            QVERIFY2(trigger.error().message.contains(QLatin1String("position")), qPrintable(text));
            continue;
        }
        ++accepted;
        std::int64_t at = from;
        for (int n = 0; n < 3; ++n) {
            const auto next = trigger.value()->nextFireTime(at);
            if (!next)
                break;
            QVERIFY2(*next > at, qPrintable(text));
            at = *next;
        }
    }
    QVERIFY(accepted > 100);
    qInfo("%d of 20000 garbage expressions accepted; %lld ms", accepted, timer.elapsed());
}

void TestCronRobustness::randomExpressionsAreConsistent()
{
    // Every fire either matches the expression in local time, or is the end of a DST gap (non-wild only).
    for (int i = 0; i < 3000; ++i) {
        const QString text = randomExpression();
        auto created = CronTrigger::create(text, ZoneRules::forZone(zones[i % 12]));
        QVERIFY2(created, qPrintable(text + QLatin1String(": ") + (created ? QString() : created.error().message)));
        const CronTrigger &trigger = *created.value();
        const ZoneRules &zone = trigger.zone();
        std::int64_t at = (1420070400 + std::int64_t(m_random.bounded(630720000))) * 1000; // 2015..2035
        for (int n = 0; n < 8; ++n) {
            const auto next = trigger.nextFireTime(at);
            if (!next)
                break;
            QVERIFY(*next > at);
            const std::int64_t seconds = *next / 1000;
            const std::int64_t local = zone.toLocal(seconds);
            const bool matches = trigger.expression().nextMatch(local, 3000) == local;
            const bool gapEnd = !trigger.expression().isWild() && zone.segmentStart(zone.segmentAt(seconds)) == seconds
                && zone.offsetAt(seconds - 1) < zone.offsetAt(seconds);
            QVERIFY2(matches || gapEnd, qPrintable(QStringLiteral("%1 in %2 fired at %3")
                                                       .arg(text, QString::fromLatin1(zone.id()))
                                                       .arg(seconds)));
            at = *next;
        }
    }
}

void TestCronRobustness::matchesBruteForceInUtc()
{
    // In UTC every matching second fires: compare with a scan of every minute (5-field expressions).
    const auto utc = ZoneRules::forZone("UTC");
    int compared = 0;
    for (int i = 0; i < 150; ++i) {
        QString text;
        do {
            text = randomExpression();
        } while (text.count(QLatin1Char(' ')) != 4);
        auto trigger = CronTrigger::create(text, utc).value();
        const CronExpression &e = trigger->expression();
        const std::int64_t start = 1767225600 + std::int64_t(m_random.bounded(3153600)) * 60;
        std::int64_t at = start * 1000 - 1;
        for (std::int64_t minute = start; minute < start + 62 * 86400; minute += 60) {
            const civil::DateTime t = civil::fromSeconds(minute);
            const bool match = (e.months() >> t.month & 1) && (e.dayMask(t.year, t.month) >> t.day & 1)
                && (e.hours() >> t.hour & 1) && (e.minutes() >> t.minute & 1);
            if (!match)
                continue;
            const auto next = trigger->nextFireTime(at);
            QVERIFY2(next && *next == minute * 1000, qPrintable(text));
            at = *next;
            ++compared;
        }
    }
    QVERIFY(compared > 10000);
    qInfo("%d fire times compared with the scan", compared);
}

void TestCronRobustness::matchesBruteForceAcrossDst()
{
    // DESIGN.md's DST rules written out directly, minute by minute, over two days around each transition.
    int compared = 0;
    for (int i = 0; i < 400; ++i) {
        QString text;
        do {
            text = randomExpression();
        } while (text.count(QLatin1Char(' ')) != 4);
        // Keep the day and month open so the window around the transition has fires to compare.
        QStringList fields = text.split(QLatin1Char(' '));
        fields[2] = fields[3] = fields[4] = QStringLiteral("*");
        if (i % 2)
            fields[1] = QString::number(m_random.bounded(24)); // non-wild more often
        text = fields.join(QLatin1Char(' '));
        auto zone = ZoneRules::forZone(zones[1 + i % 11]);
        auto trigger = CronTrigger::create(text, zone).value();
        const CronExpression &e = trigger->expression();
        const int segment = zone->segmentAt(1420070400 + std::int64_t(m_random.bounded(630720000)));
        if (segment + 1 >= zone->segmentCount())
            continue;
        const std::int64_t transition = zone->segmentEnd(segment);
        const std::int64_t start = transition - 86400 - 120;
        auto matches = [&](std::int64_t local) {
            const civil::DateTime t = civil::fromSeconds(local);
            return (e.dayMask(t.year, t.month) >> t.day & 1) && (e.hours() >> t.hour & 1)
                && (e.minutes() >> t.minute & 1);
        };
        std::int64_t at = start * 1000;
        for (std::int64_t t = start + 60; t < transition + 86400; t += 60) {
            const int s = zone->segmentAt(t);
            const int offset = zone->segmentOffset(s);
            const std::int64_t local = t + offset;
            bool fire = false;
            if (matches(local)) {
                const bool secondPass = s > 0 && zone->segmentOffset(s - 1) > offset
                    && local < zone->segmentStart(s) + zone->segmentOffset(s - 1);
                fire = e.isWild() || !secondPass;
            }
            if (!fire && !e.isWild() && s > 0 && zone->segmentStart(s) == t && zone->segmentOffset(s - 1) < offset) {
                for (std::int64_t gap = t + zone->segmentOffset(s - 1); gap < local && !fire; gap += 60)
                    fire = matches(gap);
            }
            if (!fire)
                continue;
            const auto next = trigger->nextFireTime(at);
            QVERIFY2(next && *next == t * 1000,
                     qPrintable(QStringLiteral("%1 in %2: expected %3, got %4")
                                    .arg(text, QString::fromLatin1(zone->id()))
                                    .arg(t)
                                    .arg(next ? *next / 1000 : -1)));
            at = *next;
            ++compared;
        }
    }
    QVERIFY(compared > 10000);
    qInfo("%d fire times around DST transitions compared with the rules", compared);
}

QTEST_GUILESS_MAIN(TestCronRobustness)
#include "testcronrobustness.moc"
