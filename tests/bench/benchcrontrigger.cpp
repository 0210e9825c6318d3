// Cron trigger speed: one next-fire call, each starting from the previous answer (as APScheduler's cron_next).
#include "time/isotime.h"
#include "triggers/crontrigger.h"

#include <QTest>

using namespace punctual;

class BenchCronTrigger : public QObject
{
    Q_OBJECT

private slots:
    void nextFireTime_data();
    void nextFireTime();
};

void BenchCronTrigger::nextFireTime_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::newRow("*/5 * * * * UTC") << "*/5 * * * *" << "UTC";
    QTest::newRow("30 2 * * * America/New_York") << "30 2 * * *" << "America/New_York";
    QTest::newRow("0 0 L * * UTC") << "0 0 L * *" << "UTC";
    QTest::newRow("0 9-17 * * MON-FRI UTC") << "0 9-17 * * MON-FRI" << "UTC";
}

void BenchCronTrigger::nextFireTime()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    const auto trigger = CronTrigger::create(expression, ZoneRules::forZone(zone.toLatin1())).value();
    const auto utc = ZoneRules::forZone("UTC");
    const std::int64_t start = parseIso(QStringLiteral("2025-01-01T00:00:00Z"), *utc).value() - 1;
    const std::int64_t restart = parseIso(QStringLiteral("2099-01-01T00:00:00Z"), *utc).value();
    std::int64_t at = start;
    QBENCHMARK {
        at = trigger->nextFireTime(at).value_or(start);
        if (at > restart) // keep dates in a realistic range, as the APScheduler benchmark does
            at = start;
    }
    QVERIFY(at > 0);
}

QTEST_GUILESS_MAIN(BenchCronTrigger)
#include "benchcrontrigger.moc"
