// End-to-end with real processes: `punctualctl stop ID` through a running instance (`punctualctl run`) ends the
// job's run and its whole process group, records it interrupted, and keeps the job; without an instance it says
// that nothing runs. `pause`, `resume` and `remove` with several ids change them all in one step, or none.
#include "cli/instanceprocess.h"
#include "cli/punctualctlprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestPunctualctlStopAndBulk : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void stopEndsTheRunningCommand();
    void stopWithoutAnInstance();
    void severalIds_data();
    void severalIds();

private:
    /// punctualctl on the test's store (through the instance when one runs).
    PunctualctlResult ctl(const QStringList &args);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    InstanceProcess m_instance; ///< `punctualctl run` on m_db
};

void TestPunctualctlStopAndBulk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("jobs.db");
}

void TestPunctualctlStopAndBulk::cleanup()
{
    m_instance.stop();
    if (QTest::currentTestFailed())
        qWarning().noquote() << "instance log:\n" << m_instance.log();
}

PunctualctlResult TestPunctualctlStopAndBulk::ctl(const QStringList &args)
{
    const PunctualctlResult result = runPunctualctl(QStringList{"--db", m_db} + args);
    m_instance.log(); // keep the instance's pipe drained
    return result;
}

void TestPunctualctlStopAndBulk::stopEndsTheRunningCommand()
{
    QVERIFY2(m_instance.start(m_db), qPrintable(m_instance.log()));
    const QString pidFile = m_dir->filePath("sleep.pid");
    PunctualctlResult r = ctl({"add", "--id", "long", "--every", "1h", "--retries", "2", "--", "/bin/sh", "-c",
                               "sleep 30 & echo $! > '" + pidFile + "'; wait"});
    QCOMPARE(r.exitCode, 0);
    QProcess follower; // run-now follows the run until it ends
    follower.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "run-now", "long"});
    follower.closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 15000);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 sleeper = file.readAll().trimmed().toLongLong();
    QVERIFY(processAlive(sleeper));

    r = ctl({"stop", "long"});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("1 run(s) of job long stopped\n"));
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(sleeper), 10000);
    // (It may have ended while the checks above ran the event loop: waitForFinished() would then say false.)
    QTRY_COMPARE_WITH_TIMEOUT(follower.state(), QProcess::NotRunning, 15000);
    QCOMPARE(follower.exitCode(), 1); // the run it followed did not succeed
    QVERIFY2(follower.readAllStandardError().contains("stopped by the user"), "run-now names why its run ended");

    // Recorded interrupted, not retried; the job stays.
    r = ctl({"history", "long", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).toObject().value("outcome").toString(), QStringLiteral("interrupted"));
    QCOMPARE(runs.at(0).toObject().value("error").toString(), QStringLiteral("stopped by the user"));
    QCOMPARE(ctl({"show", "long"}).exitCode, 0);

    // Nothing going: 0; an unknown job: exit 3 with one line.
    r = ctl({"stop", "long"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("0 run(s) of job long stopped\n"));
    r = ctl({"stop", "nope"});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.err, QStringLiteral("punctualctl: error: no job with id \"nope\"\n"));
}

void TestPunctualctlStopAndBulk::stopWithoutAnInstance()
{
    QCOMPARE(ctl({"add", "--id", "idle", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    PunctualctlResult r = ctl({"stop", "idle"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("no instance runs on this store, so nothing of job idle is running: 0 runs stopped\n"));
    r = ctl({"stop", "nope"});
    QCOMPARE(r.exitCode, 3);
    r = ctl({"stop"});
    QCOMPARE(r.exitCode, 2);
}

void TestPunctualctlStopAndBulk::severalIds_data()
{
    QTest::addColumn<bool>("throughInstance");
    QTest::newRow("instance") << true;
    QTest::newRow("store") << false;
}

void TestPunctualctlStopAndBulk::severalIds()
{
    QFETCH(bool, throughInstance);
    if (throughInstance)
        QVERIFY2(m_instance.start(m_db), qPrintable(m_instance.log()));
    for (const QString id : {"a", "b", "c"})
        QCOMPARE(ctl({"add", "--id", id, "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    QCOMPARE(ctl({"pause", "c"}).exitCode, 0);

    // The ids that changed, one a line; "c" was paused already.
    PunctualctlResult r = ctl({"pause", "a", "b", "c"});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("a\nb\n"));
    QVERIFY(ctl({"show", "b"}).out.contains("paused"));

    // One unknown id: exit 3 naming it, nothing changed.
    r = ctl({"resume", "a", "nope", "b"});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.err, QStringLiteral("punctualctl: error: no job with id \"nope\"\n"));
    r = ctl({"resume", "a", "b"});
    QCOMPARE(r.out, QStringLiteral("a\nb\n"));
    QCOMPARE(ctl({"pause", "a", "b", "--json"}).exitCode, 2);

    r = ctl({"remove", "a", "nope"});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(ctl({"show", "a"}).exitCode, 0);
    r = ctl({"remove", "a", "b"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    QCOMPARE(ctl({"show", "a"}).exitCode, 3);
    QCOMPARE(ctl({"show", "c"}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestPunctualctlStopAndBulk)
#include "testpunctualctlstopandbulk.moc"
