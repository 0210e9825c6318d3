// punctualctl backfill with the real binary: the fire times of a range run once each, in order, with and without
// a host; a dry run records nothing; running it again adds nothing; bad input exits 2 with one line.
#include "cli/instanceprocess.h"
#include "cli/punctualctlprocess.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr std::int64_t hour = 3'600'000;

QString utcIso(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

class TestPunctualctlBackfill : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void dryRunPrintsTheTimesOnly();
    void eachTimeRunsOnceInOrder();
    void throughTheHostTheRunsAreRecorded();
    void badInput_data();
    void badInput();

private:
    PunctualctlResult ctl(QStringList args)
    {
        args.prepend(m_db);
        args.prepend(QStringLiteral("--db"));
        return runPunctualctl(args);
    }
    QJsonArray history(const QString &id)
    {
        const PunctualctlResult r = ctl({"history", id, "--json", "--limit", "100"});
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_log;
    std::int64_t m_hour = 0; ///< the last full hour before now
};

void TestPunctualctlBackfill::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("jobs.db");
    m_log = m_dir->filePath("ran.txt");
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    m_hour = now - now % hour;
    // Each run appends the time it stands for: the order the runs really ran in.
    const PunctualctlResult added =
        ctl({"add", "--id", "hourly", "--cron", "0 * * * *", "--tz", "UTC", "--shell", "--",
             QString("echo \"$PUNCTUAL_SCHEDULED_TIME\" >> '%1'").arg(m_log)});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
}

void TestPunctualctlBackfill::dryRunPrintsTheTimesOnly()
{
    const PunctualctlResult r = ctl({"backfill", "hourly", "--from", utcIso(m_hour - 4 * hour), "--to",
                                     utcIso(m_hour - 2 * hour), "--dry-run", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value("times").toArray().size(), 3);
    QCOMPARE(json.value("runs").toArray().size(), 0);
    QVERIFY(history("hourly").isEmpty());
    QVERIFY(!QFile::exists(m_log));
}

void TestPunctualctlBackfill::eachTimeRunsOnceInOrder()
{
    const QStringList range{"--from", utcIso(m_hour - 4 * hour), "--to", utcIso(m_hour - 2 * hour)};
    const PunctualctlResult r = ctl(QStringList{"backfill", "hourly"} + range);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("3 runs backfilled"), qPrintable(r.err));
    QFile log(m_log);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QStringList ran = QString::fromUtf8(log.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(ran.size(), 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(ran[i].startsWith(utcIso(m_hour - (4 - i) * hour).left(16)), qPrintable(ran.join(", ")));
    const QJsonArray runs = history("hourly");
    QCOMPARE(runs.size(), 3);
    for (const QJsonValue &run : runs) {
        QCOMPARE(run["reason"].toString(), QStringLiteral("backfill"));
        QCOMPARE(run["outcome"].toString(), QStringLiteral("success"));
    }

    const PunctualctlResult text = ctl({"history", "hourly"});
    QCOMPARE(text.out.count("[backfill]"), 3); // the text history says why each ran

    const PunctualctlResult again = ctl(QStringList{"backfill", "hourly"} + range);
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains("0 runs backfilled; 3 times of the range were backfilled before"), qPrintable(again.err));
    QCOMPARE(history("hourly").size(), 3);
}

void TestPunctualctlBackfill::throughTheHostTheRunsAreRecorded()
{
    InstanceProcess host;
    QVERIFY2(host.start(m_db), qPrintable(host.log()));
    const PunctualctlResult r = ctl({"backfill", "hourly", "--from", utcIso(m_hour - 2 * hour), "--to",
                                     utcIso(m_hour - hour), "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value("runs").toArray().size(), 2);
    QCOMPARE(json.value("runs").toArray().first()["reason"].toString(), QStringLiteral("backfill"));
    // The host runs them after answering.
    QTRY_VERIFY_WITH_TIMEOUT(history("hourly").size() == 2
                                 && history("hourly").first()["outcome"].toString() == QStringLiteral("success"),
                             20'000);
}

void TestPunctualctlBackfill::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("from after to") << QStringList{"backfill", "hourly", "--from", "2026-01-02T00:00", "--to",
                                                  "2026-01-01T00:00"}
                                   << 2 << "is after --to";
    QTest::newRow("unknown policy") << QStringList{"backfill", "hourly", "--from", "2026-01-01T00:00", "--to",
                                                   "2026-01-02T00:00", "--overlap", "sometimes"}
                                    << 2 << "--overlap: unknown policy \"sometimes\"";
    QTest::newRow("bad time") << QStringList{"backfill", "hourly", "--from", "last week", "--to", "2026-01-02T00:00"}
                              << 2 << "--from:";
    QTest::newRow("no range") << QStringList{"backfill", "hourly"} << 2 << "give the range";
    QTest::newRow("future") << QStringList{"backfill", "hourly", "--from", "2026-01-01T00:00", "--to",
                                           "2999-01-01T00:00"}
                            << 2 << "the range must end by now";
    QTest::newRow("too many") << QStringList{"backfill", "hourly", "--from", "2000-01-01T00:00", "--to",
                                             "2026-01-01T00:00", "--dry-run"}
                              << 2 << "more than 10000 fire times";
    QTest::newRow("unknown job") << QStringList{"backfill", "nothere", "--from", "2026-01-01T00:00", "--to",
                                                "2026-01-02T00:00"}
                                 << 3 << "no job with id \"nothere\"";
}

void TestPunctualctlBackfill::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const PunctualctlResult r = ctl(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(history("hourly").isEmpty());
}

QTEST_GUILESS_MAIN(TestPunctualctlBackfill)
#include "testpunctualctlbackfill.moc"
