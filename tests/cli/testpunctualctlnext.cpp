// punctualctl next, run as a real process: output format, the reference vectors, errors and exit codes.
#include "cli/punctualctlprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestPunctualctlNext : public QObject
{
    Q_OBJECT

private slots:
    void cronWithZone();
    void everyDuration();
    void calendar();
    void countZero();
    void publicVectors();
    void vectorEdgeCases();
    void errors_data();
    void errors();
    void version();

};

namespace {

using Run = PunctualctlResult;

Run run(const QStringList &args)
{
    return runPunctualctl(args);
}

} // namespace

void TestPunctualctlNext::cronWithZone()
{
    const Run r = run({"next", "--cron", "30 2 * * *", "--tz", "America/New_York", "--from",
                       "2026-03-07T00:00:00-05:00", "--count", "3"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, QStringLiteral("2026-03-07T02:30:00-05:00\n2026-03-08T03:00:00-04:00\n2026-03-09T02:30:00-04:00\n"));
}

void TestPunctualctlNext::everyDuration()
{
    const Run r = run({"next", "--every", "1h30m", "--tz", "UTC", "--from", "2026-01-01T00:00:00Z", "--count", "2"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("2026-01-01T01:30:00+00:00\n2026-01-01T03:00:00+00:00\n"));
    const Run iso = run({"next", "--every", "PT15M", "--tz", "Asia/Kolkata", "--from", "2026-01-01T00:00:00Z",
                         "--count", "1"});
    QCOMPARE(iso.out, QStringLiteral("2026-01-01T05:45:00+05:30\n"));
}

void TestPunctualctlNext::calendar()
{
    const Run r = run({"next", "--calendar", "every 2 weeks at 09:30 from 2026-03-02", "--tz", "Europe/Berlin",
                       "--from", "2026-03-01T00:00:00Z", "--count", "3"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("2026-03-02T09:30:00+01:00\n2026-03-16T09:30:00+01:00\n"
                                   "2026-03-30T09:30:00+02:00\n"));
}

void TestPunctualctlNext::countZero()
{
    const Run r = run({"next", "--cron", "* * * * *", "--count", "0"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
}

void TestPunctualctlNext::publicVectors()
{
    const QString path = QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/cron-vectors-public.jsonl");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QHash<int, QJsonArray> expected;
    while (!file.atEnd()) {
        const QJsonObject c = QJsonDocument::fromJson(file.readLine()).object();
        if (!c.isEmpty())
            expected.insert(c.value("id").toInt(), c.value("next").toArray());
    }
    QCOMPARE(expected.size(), 300);

    const Run r = run({"next", "--vectors", path});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 300);
    for (const QString &line : lines) {
        QVERIFY2(line.startsWith(QLatin1String("{\"id\":")), qPrintable(line));
        const QJsonObject answer = QJsonDocument::fromJson(line.toUtf8()).object();
        const int id = answer.value("id").toInt();
        QVERIFY2(!answer.contains("error"), qPrintable(line));
        QCOMPARE(answer.value("next").toArray(), expected.value(id));
        expected.remove(id);
    }
    QVERIFY(expected.isEmpty());
}

void TestPunctualctlNext::vectorEdgeCases()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("cases.jsonl");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"id": "a", "cron": "0 12 * * *", "tz": "UTC", "from": "2026-01-01T00:00:00Z", "next": ["x", "y"]})"
               "\n\n"
               R"({"id": 7, "cron": "61 * * * *", "tz": "UTC", "from": "2026-01-01T00:00:00Z", "count": 2})"
               "\n"
               R"({"id": 8, "cron": "0 0 30 2 *", "tz": "UTC", "from": "2026-01-01T00:00:00Z", "count": 3})"
               "\n");
    file.close();
    const Run r = run({"next", "--vectors", path});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral(
                        "{\"id\":\"a\",\"next\":[\"2026-01-01T12:00:00+00:00\",\"2026-01-02T12:00:00+00:00\"]}\n"
                        "{\"id\":7,\"error\":\"field \\\"minute\\\": 61 is out of range 0-59 (position 1)\"}\n"
                        "{\"id\":8,\"next\":[]}\n"));
}

void TestPunctualctlNext::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad cron") << QStringList{"next", "--cron", "0 24 * * *"} << 2
                              << "punctualctl: error: field \"hour\": 24 is out of range 0-23 (position 3)\n";
    QTest::newRow("unknown zone") << QStringList{"next", "--cron", "* * * * *", "--tz", "Moon/Tranquility"} << 2
                                  << "punctualctl: error: unknown time zone \"Moon/Tranquility\"\n";
    QTest::newRow("no schedule") << QStringList{"next"} << 2
                                 << "punctualctl: error: give exactly one of --cron, --every, --calendar or --vectors\n";
    QTest::newRow("two schedules") << QStringList{"next", "--cron", "* * * * *", "--every", "5m"} << 2
                                   << "punctualctl: error: give exactly one of --cron, --every, --calendar or --vectors\n";
    QTest::newRow("bad duration") << QStringList{"next", "--every", "soon"} << 2
                                  << "punctualctl: error: \"soon\" is not a duration (expected e.g. 90s, 15m, 1h30m, "
                                     "2d, 1w or PT15M)\n";
    QTest::newRow("bad from") << QStringList{"next", "--cron", "* * * * *", "--from", "yesterday"} << 2
                              << "punctualctl: error: \"yesterday\" is not an ISO-8601 date and time (expected e.g. "
                                 "2026-03-08T02:30:00-05:00)\n";
    QTest::newRow("bad count") << QStringList{"next", "--cron", "* * * * *", "--count", "-1"} << 2
                               << "punctualctl: error: --count needs a whole number of at least 0\n";
    QTest::newRow("unknown option") << QStringList{"next", "--cronn", "* * * * *"} << 2
                                    << "punctualctl: error: Unknown option 'cronn'.\n";
    QTest::newRow("unknown command") << QStringList{"nxet"} << 2
                                     << "punctualctl: error: unknown command \"nxet\" (see punctualctl --help)\n";
    QTest::newRow("missing vectors file") << QStringList{"next", "--vectors", "/nonexistent/cases.jsonl"} << 1
                                          << "punctualctl: error: cannot read /nonexistent/cases.jsonl: No such file "
                                             "or directory\n";
}

void TestPunctualctlNext::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(r.err, message);
    QCOMPARE(r.out, QString());
}

void TestPunctualctlNext::version()
{
    const Run r = run({"--version"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QLatin1String("punctualctl ")), qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestPunctualctlNext)
#include "testpunctualctlnext.moc"
