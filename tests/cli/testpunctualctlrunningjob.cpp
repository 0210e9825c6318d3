// End-to-end with real processes: punctualctl on a job the instance (`punctualctl run`) is running or retrying.
// run-now refuses with a clear message and records nothing; show and list say what the runs do; remove stops the
// run (its whole process group) and says so.
#include "cli/instanceprocess.h"
#include "cli/punctualctlprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestPunctualctlRunningJob : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void runNowAndRemoveOnARunningJob();
    void retryingJobIsShownAndRefused();

private:
    /// punctualctl on the test's store, through the instance.
    PunctualctlResult ctl(const QStringList &args);
    /// punctualctl on the test's store, left running (run-now waits for the run).
    std::unique_ptr<QProcess> startCtl(const QStringList &args);
    int historySize(const QString &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    InstanceProcess m_instance; ///< `punctualctl run` on m_db
};

void TestPunctualctlRunningJob::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("jobs.db");
    QVERIFY2(m_instance.start(m_db), qPrintable(m_instance.log()));
}

void TestPunctualctlRunningJob::cleanup()
{
    m_instance.stop();
    if (QTest::currentTestFailed())
        qWarning().noquote() << "instance log:\n" << m_instance.log();
}

PunctualctlResult TestPunctualctlRunningJob::ctl(const QStringList &args)
{
    const PunctualctlResult result = runPunctualctl(QStringList{"--db", m_db} + args);
    m_instance.log(); // keep the instance's pipe drained
    return result;
}

std::unique_ptr<QProcess> TestPunctualctlRunningJob::startCtl(const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->start(QStringLiteral(PUNCTUALCTL_PATH), QStringList{"--db", m_db} + args);
    process->closeWriteChannel();
    return process;
}

int TestPunctualctlRunningJob::historySize(const QString &id)
{
    const PunctualctlResult r = ctl({"history", id, "--json"});
    return r.exitCode == 0 ? static_cast<int>(QJsonDocument::fromJson(r.out.toUtf8()).array().size()) : -1;
}

void TestPunctualctlRunningJob::runNowAndRemoveOnARunningJob()
{
    const QString pidFile = m_dir->filePath("child.pid");
    PunctualctlResult r = ctl({"add", "--id", "long", "--name", "Long report", "--every", "1h", "--", "/bin/sh",
                               "-c", "sleep 60 & echo $! > '" + pidFile + "'; wait"});
    QCOMPARE(r.exitCode, 0);
    auto first = startCtl({"run-now", "long"}); // follows the run until it ends
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 15000);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 child = file.readAll().trimmed().toLongLong();
    QVERIFY(processAlive(child));

    // A second run-now: refused, exit 1, one clear line; nothing recorded.
    r = ctl({"run-now", "long"});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("punctualctl: error: \"Long report\" is already running (max instances 1); "
                                   "nothing started\n"));
    QCOMPARE(historySize("long"), 1);
    QVERIFY(!m_instance.log().contains("job long: skipped"));

    // show and list say it runs.
    r = ctl({"show", "long"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QRegularExpression("state:\\s+running\\n")), qPrintable(r.out));
    r = ctl({"list"});
    QVERIFY2(r.out.contains(QRegularExpression("long\\s+Long report\\s+running\\s")), qPrintable(r.out));

    // remove: the run is stopped, its process group killed, and the output says so.
    r = ctl({"remove", "long"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("job long removed; 1 run(s) of it going or waiting to retry were stopped\n"));
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_instance.log().contains("job long: interrupted"), 10000);
    QVERIFY2(m_instance.log().contains("stopped: the job was removed"), qPrintable(m_instance.log()));
    QCOMPARE(ctl({"show", "long"}).exitCode, 3);
    // The run-now following it ends too: its job is gone.
    QVERIFY(first->waitForFinished(15000));
    QCOMPARE(first->exitCode(), 3);

    // A job with nothing going is removed as before, silently.
    QCOMPARE(ctl({"add", "--id", "idle", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    r = ctl({"remove", "idle"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
}

void TestPunctualctlRunningJob::retryingJobIsShownAndRefused()
{
    PunctualctlResult r = ctl({"add", "--id", "flaky", "--every", "1h", "--retries", "2", "--retry-delay", "300",
                               "--", "/bin/false"});
    QCOMPARE(r.exitCode, 0);
    auto follower = startCtl({"run-now", "flaky"}); // would follow the retries for ten minutes: stopped below
    QTRY_VERIFY_WITH_TIMEOUT(m_instance.log().contains("job flaky: failed"), 15000);

    r = ctl({"show", "flaky"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QRegularExpression("state:\\s+retrying \\(2 of 3\\) at \\d{4}-\\d\\d-\\d\\dT")),
             qPrintable(r.out));
    r = ctl({"list"});
    QVERIFY2(r.out.contains("retrying (2 of 3) at"), qPrintable(r.out));
    r = ctl({"run-now", "flaky"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is waiting to retry a failed run (max instances 1); nothing started"), qPrintable(r.err));

    follower->kill(); // the run is the instance's: it keeps waiting
    follower->waitForFinished();
    r = ctl({"remove", "flaky"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("job flaky removed; 1 run(s) of it going or waiting to retry were stopped\n"));
}

QTEST_GUILESS_MAIN(TestPunctualctlRunningJob)
#include "testpunctualctlrunningjob.moc"
