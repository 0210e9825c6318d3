// End-to-end with real processes: persistence across restarts, pause/resume, a crash mid-run, and bad input.
#include "cli/punctualctlstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestPunctualctlJobs : public QObject, public PunctualctlStore
{
    Q_OBJECT

private slots:
    void init();
    void jobSurvivesRestartAndFires();
    void pausedJobDoesNotFireAndResumesFromNow();
    void crashMidRunIsInterruptedAndNothingFiresTwice();
    void badInput_data();
    void badInput();
    void lockedStoreIsReportedAfterWaiting();
    void addShowModifyRemove();

private:
    QJsonArray history(const QString &id);
    static std::int64_t ms(const QJsonValue &iso);
    static QByteArray fileHash(const QString &path);
};

void TestPunctualctlJobs::init()
{
    newStore();
}

QJsonArray TestPunctualctlJobs::history(const QString &id)
{
    const PunctualctlResult r = ctl({"history", id, "--json", "--limit", "10000"});
    if (r.exitCode != 0)
        qWarning().noquote() << "history failed:" << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

std::int64_t TestPunctualctlJobs::ms(const QJsonValue &iso)
{
    return QDateTime::fromString(iso.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QByteArray TestPunctualctlJobs::fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void TestPunctualctlJobs::jobSurvivesRestartAndFires()
{
    const QString marker = m_dir->filePath("fired");
    PunctualctlResult r = ctl({"add", "--id", "test_job", "--every", "2s", "--", "/bin/sh", "-c",
                               "echo fired >> " + marker});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("test_job\n"));
    const QJsonValue next = showJob("test_job").value("next_run_time");
    QVERIFY(next.isString());

    // A new process on the same file sees the same job with the same next run time.
    r = ctl({"list", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray jobs = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs[0].toObject().value("id").toString(), QStringLiteral("test_job"));
    QCOMPARE(jobs[0].toObject().value("next_run_time"), next);

    r = ctl({"run", "--for", "3.5"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray runs = history("test_job");
    QVERIFY2(!runs.isEmpty(), qPrintable(r.err));
    const QJsonObject first = runs.last().toObject(); // newest first
    QCOMPARE(first.value("outcome").toString(), QStringLiteral("success"));
    QCOMPARE(ms(first.value("scheduled_time")), ms(next));
    QCOMPARE(first.value("exit_code").toInt(), 0);
    QFile file(marker);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("fired\n"));
}

void TestPunctualctlJobs::pausedJobDoesNotFireAndResumesFromNow()
{
    const QString marker = m_dir->filePath("fired");
    QCOMPARE(ctl({"add", "--id", "job", "--every", "1s", "--", "/bin/sh", "-c", "echo x >> " + marker}).exitCode,
             0);
    const std::int64_t firstPlanned = ms(showJob("job").value("next_run_time"));
    QCOMPARE(ctl({"pause", "job"}).exitCode, 0);
    const QJsonObject paused = showJob("job");
    QCOMPARE(paused.value("paused").toBool(), true);
    QVERIFY(paused.value("next_run_time").isNull());

    QCOMPARE(ctl({"run", "--for", "2.5"}).exitCode, 0);
    QCOMPARE(history("job").size(), 0); // neither run nor recorded as missed
    QVERIFY(!QFile::exists(marker));

    const std::int64_t resumedAt = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(ctl({"resume", "job"}).exitCode, 0);
    const std::int64_t next = ms(showJob("job").value("next_run_time"));
    // The first interval time after the moment of resuming (the interval keeps its original phase).
    QVERIFY2(next > resumedAt && next <= resumedAt + 1000 + 500, qPrintable(QString::number(next - resumedAt)));
    QCOMPARE((next - firstPlanned) % 1000, 0);

    QCOMPARE(ctl({"run", "--for", "2"}).exitCode, 0);
    const QJsonArray runs = history("job");
    QVERIFY(!runs.isEmpty());
    QCOMPARE(ms(runs.last().toObject().value("scheduled_time")), next);
    QCOMPARE(runs.last().toObject().value("outcome").toString(), QStringLiteral("success"));
    QVERIFY(QFile::exists(marker));
}

void TestPunctualctlJobs::crashMidRunIsInterruptedAndNothingFiresTwice()
{
    const QString pidFile = m_dir->filePath("pid");
    QCOMPARE(ctl({"add", "--id", "slow", "--every", "1s", "--", "/bin/sh", "-c", "echo $$ > " + pidFile + "; sleep 30"})
                 .exitCode,
             0);
    QCOMPARE(ctl({"add", "--id", "quick", "--every", "1s", "--", "/bin/true"}).exitCode, 0);

    QProcess scheduler;
    scheduler.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "run"});
    QVERIFY(scheduler.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile) && QFile(pidFile).size() > 0, 15000);
    QTest::qWait(1500); // let "quick" fire a few times too
    scheduler.kill(); // SIGKILL: no chance to clean up
    QVERIFY(scheduler.waitForFinished());
    QCOMPARE(scheduler.exitStatus(), QProcess::CrashExit);
    // The job's own process group outlives the scheduler; end it so it does not linger after the test.
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const int pid = file.readAll().trimmed().toInt();
    QVERIFY(pid > 1);
    ::kill(-pid, SIGKILL);

    // One run was going when the process died (later due times were skipped: max_instances is 1).
    QJsonArray slowRuns = history("slow");
    QJsonValue crashedRunTime;
    int running = 0;
    for (const QJsonValue &run : std::as_const(slowRuns)) {
        const QString outcome = run.toObject().value("outcome").toString();
        QVERIFY2(outcome == "running" || outcome == "skipped", qPrintable(outcome));
        if (outcome == "running") {
            ++running;
            crashedRunTime = run.toObject().value("scheduled_time");
        }
    }
    QCOMPARE(running, 1);

    // Every job is still there, with a next run time.
    const PunctualctlResult list = ctl({"list", "--json"});
    const QJsonArray jobs = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(jobs.size(), 2);
    for (const QJsonValue &job : jobs)
        QVERIFY(job.toObject().value("next_run_time").isString());

    QCOMPARE(ctl({"run", "--for", "2.5", "--stop-timeout", "0.5"}).exitCode, 0);

    slowRuns = history("slow");
    QJsonObject crashed;
    for (const QJsonValue &run : slowRuns) {
        if (run.toObject().value("scheduled_time") == crashedRunTime)
            crashed = run.toObject();
    }
    QCOMPARE(crashed.value("outcome").toString(), QStringLiteral("interrupted"));
    for (const QString &id : {QStringLiteral("slow"), QStringLiteral("quick")}) {
        QSet<QString> seen;
        const QJsonArray runs = history(id);
        QVERIFY(!runs.isEmpty());
        for (const QJsonValue &run : runs) {
            const QString scheduled = run.toObject().value("scheduled_time").toString();
            QVERIFY2(!seen.contains(scheduled), qPrintable(id + " fired twice at " + scheduled));
            seen.insert(scheduled);
        }
    }
    // The restarted scheduler stopped the new slow run at its stop timeout; kill its leftovers too.
    if (QFile::exists(pidFile)) {
        QFile again(pidFile);
        if (again.open(QIODevice::ReadOnly))
            ::kill(-again.readAll().trimmed().toInt(), SIGKILL);
    }
}

void TestPunctualctlJobs::badInput_data()
{
    QTest::addColumn<QString>("setup"); // "" | "job" | "not-a-database" | "read-only"
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("unknown id") << "job" << QStringList{"pause", "nope"} << 3 << "no job with id \"nope\"";
    QTest::newRow("unknown id on remove") << "job" << QStringList{"remove", "nope"} << 3 << "\"nope\"";
    QTest::newRow("unknown id on history") << "job" << QStringList{"history", "nope"} << 3 << "\"nope\"";
    QTest::newRow("duplicate id") << "job" << QStringList{"add", "--id", "job", "--every", "1h", "--", "/bin/true"}
                                  << 4 << "a job with id \"job\" already exists";
    QTest::newRow("invalid cron") << "job" << QStringList{"add", "--cron", "0 25 * * *", "--", "/bin/true"} << 2
                                  << "field \"hour\": 25 is out of range 0-23 (position 3)";
    QTest::newRow("invalid interval") << "job" << QStringList{"add", "--every", "0s", "--", "/bin/true"} << 2
                                      << "longer than zero";
    QTest::newRow("past date") << "job" << QStringList{"add", "--at", "2020-01-01T00:00:00Z", "--", "/bin/true"} << 2
                               << "has already passed";
    QTest::newRow("no command") << "job" << QStringList{"add", "--every", "1h"} << 2 << "give the command";
    QTest::newRow("remove-all without --yes") << "job" << QStringList{"remove-all"} << 2 << "--yes";
    QTest::newRow("not a database") << "not-a-database" << QStringList{"list"} << 1 << "not a Punctual job store";
    QTest::newRow("read-only store") << "read-only"
                                     << QStringList{"add", "--id", "other", "--every", "1h", "--", "/bin/true"} << 1
                                     << "read-only";
    QTest::newRow("missing folder") << "missing-folder"
                                    << QStringList{"add", "--id", "other", "--every", "1h", "--", "/bin/true"} << 1
                                    << "does not exist";
    // Looking never creates a store, so a listing names the missing store itself.
    QTest::newRow("missing folder, list") << "missing-folder" << QStringList{"list"} << 1 << "there is no job store";
}

void TestPunctualctlJobs::badInput()
{
    QFETCH(QString, setup);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, messagePart);

    if (setup == "job" || setup == "read-only")
        QCOMPARE(ctl({"add", "--id", "job", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    if (setup == "not-a-database") {
        QFile file(m_db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my precious notes, not a database\n");
    }
    if (setup == "read-only")
        QVERIFY(QFile::setPermissions(m_db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    if (setup == "missing-folder")
        m_db = m_dir->filePath("no/such/folder/jobs.db");
    const QByteArray before = fileHash(m_db);

    const PunctualctlResult r = ctl(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.startsWith(QLatin1String("punctualctl: error: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(messagePart), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
    QCOMPARE(fileHash(m_db), before);            // the store is left as it was
    if (setup == "missing-folder")
        QVERIFY(!QFile::exists(m_dir->filePath("no")));
}

void TestPunctualctlJobs::lockedStoreIsReportedAfterWaiting()
{
    QCOMPARE(ctl({"add", "--id", "job", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    {
        // Another writer (this test process) holds the write lock.
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "locker");
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec("BEGIN EXCLUSIVE"), qPrintable(query.lastError().text()));
        const QByteArray before = fileHash(m_db);
        QElapsedTimer timer;
        timer.start();
        const PunctualctlResult r = ctl({"add", "--id", "other", "--every", "1h", "--", "/bin/true"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("locked by another process"), qPrintable(r.err));
        QVERIFY2(timer.elapsed() >= 4500, "the lock is waited for about 5 s before it is reported");
        QCOMPARE(fileHash(m_db), before);
        QVERIFY(query.exec("ROLLBACK"));
        db.close();
    }
    QSqlDatabase::removeDatabase("locker");
    QCOMPARE(ctl({"add", "--id", "other", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
}

void TestPunctualctlJobs::addShowModifyRemove()
{
    PunctualctlResult r = ctl({"add", "--name", "Nightly backup", "--cron", "30 2 * * *", "--tz", "Europe/Berlin",
                               "--max-instances", "2", "--no-coalesce", "--misfire-grace", "none", "--timeout", "600",
                               "--", "/usr/bin/env", "two words"});
    QCOMPARE(r.exitCode, 0);
    const QString id = r.out.trimmed();
    QCOMPARE(id.size(), 32); // generated
    QJsonObject job = showJob(id);
    QCOMPARE(job.value("name").toString(), QStringLiteral("Nightly backup"));
    QCOMPARE(job.value("trigger").toObject().value("description").toString(),
             QStringLiteral("At 02:30 every day (Europe/Berlin)"));
    QVERIFY(job.value("next_run_time").toString().endsWith(":30:00+01:00"));
    QCOMPARE(job.value("max_instances").toInt(), 2);
    QCOMPARE(job.value("coalesce").toBool(), false);
    QVERIFY(job.value("misfire_grace_time").isNull());
    QCOMPARE(job.value("timeout").toDouble(), 600.0);
    QCOMPARE(job.value("action").toObject().value("arguments").toArray(), (QJsonArray{"two words"}));

    QCOMPARE(ctl({"modify", id, "--name", "Backup", "--misfire-grace", "30", "--", "/bin/echo", "hi"}).exitCode, 0);
    job = showJob(id);
    QCOMPARE(job.value("name").toString(), QStringLiteral("Backup"));
    QCOMPARE(job.value("misfire_grace_time").toDouble(), 30.0);
    QCOMPARE(job.value("max_instances").toInt(), 2); // untouched options stay
    QCOMPARE(job.value("action").toObject().value("program").toString(), QStringLiteral("/bin/echo"));

    QCOMPARE(ctl({"reschedule", id, "--every", "90m"}).exitCode, 0);
    job = showJob(id);
    QCOMPARE(job.value("trigger").toObject().value("type").toString(), QStringLiteral("interval"));

    r = ctl({"run-now", id});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("hi\n"));
    QCOMPARE(history(id).size(), 1);

    QCOMPARE(ctl({"remove", id}).exitCode, 0);
    QCOMPARE(ctl({"show", id}).exitCode, 3);
    QCOMPARE(ctl({"add", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    r = ctl({"remove-all", "--yes"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("1 job(s) removed\n"));
    QCOMPARE(ctl({"list", "--json"}).out.trimmed(), QStringLiteral("[\n]"));
}

QTEST_GUILESS_MAIN(TestPunctualctlJobs)
#include "testpunctualctljobs.moc"
