// The conditions' options of the real punctualctl (--require, --no-require, --require-deadline, --stop-if-lost,
// --no-stop-if-lost): values round-trip through show --json and export, show prints them, and bad input exits 2 with
// one line naming it, leaving the store as it was.
#include "cli/punctualctlstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestPunctualctlConditions : public QObject, public PunctualctlStore
{
    Q_OBJECT

private slots:
    void init();
    void requireRoundTripsAndModifyReplacesThem();
    void requireDeadlineDefaultNoneAndDuration();
    void stopIfLostOnAndOff();
    void showPrintsConditionsOnlyWhenSet();
    void importReadsAndExportWritesThem();
    void badInput_data();
    void badInput();

private:
    /// A command job every hour, with @p options.
    void addJob(const QString &id, const QStringList &options = {}) const
    {
        addCommandJob(id, QStringList{"--every", "1h"} + options);
    }
};

void TestPunctualctlConditions::init()
{
    newStore();
}

void TestPunctualctlConditions::requireRoundTripsAndModifyReplacesThem()
{
    addJob("backup", {"--require", "ac-power", "--require", "idle:10m", "--require", "ac-power"});
    QCOMPARE(showJob("backup").value("requires").toArray(), (QJsonArray{"ac-power", "idle:10m"}));
    // A duration in any form is written in the shortest one.
    QCOMPARE(ctl({"modify", "backup", "--require", "network", "--require", "idle:PT90M"}).exitCode, 0);
    QCOMPARE(showJob("backup").value("requires").toArray(), (QJsonArray{"network", "idle:1h30m"}));
    QCOMPARE(ctl({"modify", "backup", "--require", "unmetered"}).exitCode, 0);
    QCOMPARE(showJob("backup").value("requires").toArray(), (QJsonArray{"unmetered"}));
    // Another option leaves them alone; --no-require removes them.
    QCOMPARE(ctl({"modify", "backup", "--max-instances", "2"}).exitCode, 0);
    QCOMPARE(showJob("backup").value("requires").toArray(), (QJsonArray{"unmetered"}));
    QCOMPARE(ctl({"modify", "backup", "--no-require"}).exitCode, 0);
    QVERIFY(!showJob("backup").contains("requires"));
    addJob("plain");
    QVERIFY(!showJob("plain").contains("requires"));
}

void TestPunctualctlConditions::requireDeadlineDefaultNoneAndDuration()
{
    addJob("job", {"--require", "network"});
    QVERIFY(!showJob("job").contains("require_deadline")); // the default: the misfire grace time
    QCOMPARE(ctl({"modify", "job", "--require-deadline", "2h"}).exitCode, 0);
    QCOMPARE(showJob("job").value("require_deadline").toDouble(), 7200.0);
    QCOMPARE(ctl({"modify", "job", "--require-deadline", "none"}).exitCode, 0);
    QVERIFY(showJob("job").contains("require_deadline"));
    QVERIFY(showJob("job").value("require_deadline").isNull());
}

void TestPunctualctlConditions::stopIfLostOnAndOff()
{
    addJob("job", {"--require", "ac-power", "--stop-if-lost"});
    QCOMPARE(showJob("job").value("stop_if_lost").toBool(), true);
    QCOMPARE(ctl({"modify", "job", "--no-stop-if-lost"}).exitCode, 0);
    QVERIFY(!showJob("job").contains("stop_if_lost"));
}

void TestPunctualctlConditions::showPrintsConditionsOnlyWhenSet()
{
    addJob("cond", {"--require", "ac-power", "--require", "unmetered", "--require-deadline", "30m", "--stop-if-lost"});
    addJob("grace", {"--require", "network", "--misfire-grace", "120"});
    addJob("plain");
    PunctualctlResult r = ctl({"show", "cond"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QRegularExpression("\nrequires: +ac-power, unmetered\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression("\nrequire deadline: +1800 s\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression("\nstop if lost: +yes\n")), qPrintable(r.out));
    r = ctl({"show", "grace"});
    QVERIFY2(r.out.contains(QRegularExpression("\nrequire deadline: +120 s \\(the misfire grace time\\)\n")),
             qPrintable(r.out));
    r = ctl({"show", "plain"});
    QVERIFY2(!r.out.contains("requires") && !r.out.contains("require deadline"), qPrintable(r.out));
    // Without a host nothing waits: the stored state.
    QVERIFY2(r.out.contains(QRegularExpression("\nstate: +scheduled\n")), qPrintable(r.out));
}

void TestPunctualctlConditions::importReadsAndExportWritesThem()
{
    addJob("cond", {"--require", "idle:5m", "--require-deadline", "none", "--stop-if-lost"});
    const PunctualctlResult exported = ctl({"export", "cond"});
    QCOMPARE(exported.exitCode, 0);
    QJsonObject job = QJsonDocument::fromJson(exported.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(job.value("requires").toArray(), QJsonArray{"idle:5m"});
    QVERIFY(job.value("require_deadline").isNull());
    QCOMPARE(job.value("stop_if_lost").toBool(), true);
    job.insert("id", "copy");
    const QString file = m_dir->filePath("jobs.json");
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(QJsonArray{job}).toJson());
    out.close();
    const PunctualctlResult imported = ctl({"import", file});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(showJob("copy").value("requires").toArray(), QJsonArray{"idle:5m"});
    // A misspelt condition in a file is refused, naming it.
    job.insert("id", "bad");
    job.insert("requires", QJsonArray{"acpower"});
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(QJsonArray{job}).toJson());
    out.close();
    const PunctualctlResult refused = ctl({"import", file});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("unknown condition \"acpower\""), qPrintable(refused.err));
}

void TestPunctualctlConditions::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("messagePart");

    const QStringList add{"add", "--id", "new", "--every", "1h"};
    const QStringList command{"--", "/bin/true"};
    QTest::newRow("unknown condition") << add + QStringList{"--require", "sunshine"} + command
                                       << "--require: unknown condition \"sunshine\" (use ac-power, network, "
                                          "unmetered or idle:DURATION)";
    QTest::newRow("unknown on modify") << QStringList{"modify", "job", "--require", "AC-POWER"}
                                       << "unknown condition \"AC-POWER\"";
    QTest::newRow("idle without a duration") << add + QStringList{"--require", "idle:"} + command
                                             << "--require: condition \"idle:\"";
    QTest::newRow("bad idle duration") << QStringList{"modify", "job", "--require", "idle:soon"}
                                       << "--require: condition \"idle:soon\"";
    QTest::newRow("idle zero") << QStringList{"modify", "job", "--require", "idle:0m"}
                               << "--require: condition \"idle:0m\"";
    QTest::newRow("require and no-require") << QStringList{"modify", "job", "--require", "network", "--no-require"}
                                            << "give --require or --no-require, not both";
    QTest::newRow("bad deadline") << QStringList{"modify", "job", "--require-deadline", "later"}
                                  << "--require-deadline:";
    QTest::newRow("zero deadline") << add + QStringList{"--require-deadline", "0s"} + command << "--require-deadline:";
    QTest::newRow("stop and no-stop") << QStringList{"modify", "job", "--stop-if-lost", "--no-stop-if-lost"}
                                      << "give --stop-if-lost or --no-stop-if-lost, not both";
}

void TestPunctualctlConditions::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, messagePart);
    addJob("job");
    const QByteArray before = storeHash();
    const PunctualctlResult r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QLatin1String("punctualctl: error: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(messagePart), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(storeHash(), before);
}

QTEST_GUILESS_MAIN(TestPunctualctlConditions)
#include "testpunctualctlconditions.moc"
