// End-to-end with real processes: `punctualctl run` is the store's instance. Other punctualctl commands go through
// it and change it at once; a second instance is refused; SIGTERM stops it cleanly; a change made to the store file
// directly (no instance involved) is noticed; an idle instance does not wake up.
#include "cli/punctualctlprocess.h"

#include "control/protocol.h"
#include "store/sqljobstore.h"
#include "triggers/intervaltrigger.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <signal.h>

using namespace punctual;

class TestPunctualctlInstance : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void changesApplyToTheRunningInstance();
    void errorsThroughTheInstanceAreTheSame();
    void secondInstanceIsRefused();
    void sigtermStopsItCleanly();
    void directChangesToTheStoreAreNoticed();
    void idleInstanceDoesNotWakeUp();
    void storeChosenInTheSettingsIsUsed();
    void busyInstanceIsWaitedForNotGoneAround();
    void largeImportKilledMidwayIsAllOrNothing();

private:
    /// Starts `punctualctl --db DB run` and waits until it schedules.
    void startInstance();
    /// punctualctl on the test's store; @p debug logs (to err) whether the instance answered.
    PunctualctlResult ctl(QStringList args, bool debug = false);
    /// Like ctl({...}, true), and checks that the running instance answered.
    PunctualctlResult viaInstance(const QStringList &args);
    QJsonObject showJob(const QString &id);
    /// The instance's stderr so far.
    QString log();
    /// Waits for @p process to end while the instance's log is drained (it logs a line per job added).
    bool finishes(QProcess &process, int timeoutMs);
    int countInLog(const QString &text) { return static_cast<int>(log().count(text)); }
    static qint64 voluntarySwitches(qint64 pid);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    std::unique_ptr<QProcess> m_instance;
    QString m_log;
};

void TestPunctualctlInstance::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("jobs.db");
    m_log.clear();
}

void TestPunctualctlInstance::cleanup()
{
    if (m_instance && m_instance->state() != QProcess::NotRunning) {
        m_instance->terminate();
        if (!m_instance->waitForFinished(15000)) {
            m_instance->kill();
            m_instance->waitForFinished();
        }
    }
    if (QTest::currentTestFailed())
        qWarning().noquote() << "instance log:\n" << log();
    m_instance.reset();
}

void TestPunctualctlInstance::startInstance()
{
    m_instance = std::make_unique<QProcess>();
    m_instance->start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "run"});
    QVERIFY(m_instance->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("scheduler running on"), 15000);
}

bool TestPunctualctlInstance::finishes(QProcess &process, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (process.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs) {
        process.waitForFinished(20);
        if (m_instance)
            m_instance->waitForReadyRead(20); // takes what is in the instance's pipe
        log();
    }
    return process.state() == QProcess::NotRunning;
}

QString TestPunctualctlInstance::log()
{
    if (m_instance)
        m_log += QString::fromUtf8(m_instance->readAllStandardError());
    return m_log;
}

PunctualctlResult TestPunctualctlInstance::ctl(QStringList args, bool debug)
{
    args.prepend(m_db);
    args.prepend("--db");
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("QT_LOGGING_RULES");
    if (debug)
        environment.insert("PUNCTUAL_DEBUG", "1");
    else
        environment.remove("PUNCTUAL_DEBUG");
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PUNCTUALCTL_PATH), args);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, "timed out"};
    }
    log(); // keep the instance's pipe drained
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

PunctualctlResult TestPunctualctlInstance::viaInstance(const QStringList &args)
{
    PunctualctlResult r = ctl(args, true);
    const QString route = QStringLiteral("talking to the Punctual instance (pid %1)").arg(m_instance->processId());
    if (!r.err.contains(route)) {
        qWarning().noquote() << args << "was not answered by the instance:" << r.err;
        r.exitCode = -2;
    }
    return r;
}

QJsonObject TestPunctualctlInstance::showJob(const QString &id)
{
    const PunctualctlResult r = viaInstance({"show", id, "--json"});
    if (r.exitCode != 0)
        qWarning().noquote() << "show failed:" << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

qint64 TestPunctualctlInstance::voluntarySwitches(qint64 pid)
{
    // Every thread of the process: /proc/PID/task/TID/status.
    qint64 total = 0;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile status(tasks.filePath(task + "/status"));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromLatin1(status.readAll());
        static const QRegularExpression field(QStringLiteral("(?m)^voluntary_ctxt_switches:\\s+(\\d+)"));
        const QRegularExpressionMatch match = field.match(text);
        if (match.hasMatch())
            total += match.captured(1).toLongLong();
    }
    return total;
}

void TestPunctualctlInstance::changesApplyToTheRunningInstance()
{
    startInstance();
    const QString marker = m_dir->filePath("ticks");

    // add: the instance schedules the job at once (an every-1s job runs within about 2 s, without a restart).
    QElapsedTimer timer;
    timer.start();
    PunctualctlResult r = viaInstance({"add", "--id", "tick", "--every", "1s", "--", "/bin/sh", "-c",
                                       "echo tick >> " + marker});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith("tick\n"));
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("job tick: added"), 1000);
    QCOMPARE(showJob("tick").value("id").toString(), QStringLiteral("tick"));
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("job tick: success"), 3000);
    QVERIFY2(timer.elapsed() < 3500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(QFile::exists(marker));

    // pause: no more runs.
    r = viaInstance({"pause", "tick"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(showJob("tick").value("paused").toBool(), true);
    QVERIFY(showJob("tick").value("next_run_time").isNull());
    const int startedBeforePause = countInLog("job tick: started");
    QTest::qWait(2500);
    QCOMPARE(countInLog("job tick: started"), startedBeforePause);

    // resume: runs again within about a second.
    r = viaInstance({"resume", "tick"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(showJob("tick").value("paused").toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(countInLog("job tick: started") > startedBeforePause, 2500);

    // modify and reschedule, seen by the instance's own show.
    QCOMPARE(viaInstance({"modify", "tick", "--name", "Ticker"}).exitCode, 0);
    QCOMPARE(showJob("tick").value("name").toString(), QStringLiteral("Ticker"));
    QCOMPARE(viaInstance({"reschedule", "tick", "--every", "1h"}).exitCode, 0);
    QCOMPARE(showJob("tick").value("trigger").toObject().value("interval_seconds").toDouble(), 3600.0);

    // run-now: the instance runs it; punctualctl prints its output and outcome as it does without one.
    QCOMPARE(viaInstance({"add", "--id", "hello", "--every", "1h", "--", "/bin/echo", "hello"}).exitCode, 0);
    r = viaInstance({"run-now", "hello"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("hello\n"));
    QVERIFY2(r.err.contains("punctualctl: job hello: success"), qPrintable(r.err));
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("job hello: success"), 1000);
    r = viaInstance({"history", "hello", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].toObject().value("outcome").toString(), QStringLiteral("success"));
    QCOMPARE(runs[0].toObject().value("output").toString(), QStringLiteral("hello\n"));

    // A failing run-now exits 1, through the instance too.
    QCOMPARE(viaInstance({"add", "--id", "bad", "--every", "1h", "--", "/bin/sh", "-c", "echo oops; exit 3"}).exitCode,
             0);
    r = viaInstance({"run-now", "bad"});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QStringLiteral("oops\n"));
    QVERIFY2(r.err.contains("punctualctl: job bad: failed"), qPrintable(r.err));
    QVERIFY2(r.err.contains("(exit code 3)"), qPrintable(r.err));

    r = viaInstance({"list", "--json"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 3);

    // remove: gone from the instance at once.
    QCOMPARE(viaInstance({"remove", "tick"}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("job tick: removed"), 1000);
    r = ctl({"show", "tick"});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.err, QStringLiteral("punctualctl: error: no job with id \"tick\"\n"));

    r = viaInstance({"remove-all", "--yes"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("2 job(s) removed\n"));
}

void TestPunctualctlInstance::errorsThroughTheInstanceAreTheSame()
{
    // The same commands without an instance, then with one: exit codes and messages match exactly.
    const QList<QStringList> commands{
        {"pause", "nope"},
        {"remove", "nope"},
        {"history", "nope"},
        {"run-now", "nope"},
        {"modify", "nope", "--name", "x"},
        {"add", "--id", "job", "--every", "1h", "--", "/bin/true"}, // exists
        {"add", "--at", "2020-01-01T00:00:00Z", "--", "/bin/true"},
        {"add", "--cron", "0 25 * * *", "--", "/bin/true"},
        {"modify", "job"},
        {"remove-all"},
    };
    QCOMPARE(ctl({"add", "--id", "job", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    QList<PunctualctlResult> local;
    for (const QStringList &command : commands)
        local.append(ctl(command));
    startInstance();
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const PunctualctlResult remote = ctl(commands[i]);
        QVERIFY2(remote.exitCode == local[i].exitCode,
                 qPrintable(commands[i].join(' ') + ": " + remote.err + " vs " + local[i].err));
        QCOMPARE(remote.err, local[i].err);
        QVERIFY(remote.exitCode != 0);
        QCOMPARE(remote.err.count('\n'), 1);
    }
    // And they did go to the instance.
    QVERIFY(viaInstance({"pause", "nope"}).exitCode == 3);
}

void TestPunctualctlInstance::secondInstanceIsRefused()
{
    startInstance();
    const PunctualctlResult r = ctl({"run"});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("punctualctl: error: Punctual is already running on %1 (pid %2)\n")
                        .arg(control::canonicalStorePath(m_db))
                        .arg(m_instance->processId()));
    QCOMPARE(m_instance->state(), QProcess::Running);
    // The same store under another spelling is the same store.
    const QString other = m_dir->path() + "/./jobs.db";
    PunctualctlResult again = runPunctualctl({"--db", other, "run", "--for", "1"});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("already running"));
    // Another store is not taken.
    const PunctualctlResult elsewhere = runPunctualctl({"--db", m_dir->filePath("other.db"), "run", "--for", "0.5"});
    QCOMPARE(elsewhere.exitCode, 0);
}

void TestPunctualctlInstance::sigtermStopsItCleanly()
{
    startInstance();
    QCOMPARE(viaInstance({"add", "--id", "job", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    const QString socket = control::instanceSocketPath(m_db);
    QVERIFY(QFile::exists(socket));
    QElapsedTimer timer;
    timer.start();
    m_instance->terminate(); // SIGTERM
    QVERIFY(m_instance->waitForFinished(10000));
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(m_instance->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_instance->exitCode(), 0);
    QVERIFY(log().contains("scheduler stopped"));
    QVERIFY(!QFile::exists(socket));

    // Without an instance, commands open the store themselves; a new instance may start.
    PunctualctlResult r = ctl({"show", "job", "--json"}, true);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.err.contains("talking to the Punctual instance"));
    QCOMPARE(ctl({"run", "--for", "0.5"}).exitCode, 0);
}

void TestPunctualctlInstance::directChangesToTheStoreAreNoticed()
{
    startInstance();
    const QString marker = m_dir->filePath("external");
    {
        // This process writes the store file itself: the instance is not involved.
        auto store = SqlJobStore::openSqlite(m_db, SqlJobStore::OpenMode::ExplicitPath);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        const std::int64_t due = QDateTime::currentMSecsSinceEpoch() + 1000;
        Job job;
        job.id = "ext";
        job.name = "ext";
        job.trigger = std::make_shared<IntervalTrigger>(3'600'000, due);
        job.action = CommandAction{"/bin/sh", {"-c", "echo ext >> " + marker}, {}, {}, false, 1 << 20};
        job.nextRunTime = due;
        job.createdAt = due - 1000;
        QVERIFY(store.value()->addJob(job, ConflictPolicy::Fail));
    }
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("the store was changed by another process"), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("job ext: success"), 4000);
    QVERIFY(QFile::exists(marker));
    // Seen by the instance's own answers too.
    QVERIFY(showJob("ext").value("next_run_time").isString());
}

void TestPunctualctlInstance::idleInstanceDoesNotWakeUp()
{
    if (!QFile::exists("/proc/self/status"))
        QSKIP("needs /proc");
    QCOMPARE(ctl({"add", "--id", "later", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    startInstance();
    QCOMPARE(viaInstance({"pause", "later"}).exitCode, 0);
    QCOMPARE(viaInstance({"resume", "later"}).exitCode, 0);
    QTest::qWait(1000); // let the last request's after-effects (store watcher look, closed connections) settle
    const qint64 pid = m_instance->processId();
    const qint64 before = voluntarySwitches(pid);
    QTest::qWait(10000);
    const qint64 after = voluntarySwitches(pid);
    QVERIFY2(after - before <= 1, qPrintable(QStringLiteral("%1 voluntary context switches in 10 s").arg(after - before)));
}

void TestPunctualctlInstance::storeChosenInTheSettingsIsUsed()
{
    // Without --db or --store, punctualctl opens the store chosen in the window's settings file (which the app reads
    // and hands to core); a choice that cannot be a store is an error naming that file, not a silent fallback.
    const QString config = m_dir->filePath("config");
    const QString file = config + "/punctual/punctual.conf";
    auto withSetting = [&](const QString &location, const QStringList &args) {
        QSettings(file, QSettings::IniFormat).setValue("Store/location", location);
        // punctualctl inherits these: the settings file above, and a default store that is the test's own.
        const QList<QPair<const char *, QString>> environment{{"XDG_CONFIG_HOME", config},
                                                              {"XDG_DATA_HOME", m_dir->filePath("data")}};
        QList<std::optional<QByteArray>> saved;
        for (const auto &[name, value] : environment) {
            saved << (qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name)) : std::nullopt);
            qputenv(name, value.toUtf8());
        }
        const PunctualctlResult result = runPunctualctl(args);
        for (qsizetype i = 0; i < environment.size(); ++i) {
            if (saved[i])
                qputenv(environment[i].first, *saved[i]);
            else
                qunsetenv(environment[i].first);
        }
        return result;
    };

    const PunctualctlResult added = withSetting(m_db, {"add", "--id", "configured", "--every", "1h", "--", "/bin/true"});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY(QFile::exists(m_db));
    QVERIFY(!QFile::exists(m_dir->filePath("data/punctual/jobs.db")));
    QCOMPARE(ctl({"show", "configured"}).exitCode, 0);

    const PunctualctlResult bad = withSetting("postgresql://me:secret@db.example/jobs", {"list"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("the job store chosen in the settings (" + file + ") is not valid"), qPrintable(bad.err));
    QVERIFY(!bad.err.contains("secret"));
}

QTEST_GUILESS_MAIN(TestPunctualctlInstance)
void TestPunctualctlInstance::busyInstanceIsWaitedForNotGoneAround()
{
    // An instance that answers nothing for a while (stopped here with SIGSTOP: its socket still listens) still
    // holds the store: punctualctl waits for it, says so on stderr after 2 s, and never runs the job itself.
    startInstance();
    const QString marker = m_dir->filePath("runs");
    QCOMPARE(viaInstance({"add", "--id", "mark", "--every", "1h", "--", "/bin/sh", "-c", "echo ran >> " + marker})
                 .exitCode,
             0);
    const auto pid = static_cast<pid_t>(m_instance->processId());
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    QProcess client;
    client.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "run-now", "mark"});
    QVERIFY(client.waitForStarted());
    QString err;
    QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(client.readAllStandardError())).contains("waiting for the Punctual instance"),
                             10000);
    QCOMPARE(client.state(), QProcess::Running);
    QTest::qWait(4000); // longer than the old 5 s ping allowance, all told
    QCOMPARE(client.state(), QProcess::Running);
    QVERIFY2(!QFile::exists(marker), "the job ran around the instance");
    QCOMPARE(::kill(pid, SIGCONT), 0);
    QVERIFY(client.waitForFinished(30000));
    err += QString::fromUtf8(client.readAllStandardError());
    QCOMPARE(client.exitCode(), 0);
    QCOMPARE(err.count("waiting for the Punctual instance"), 1);
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("job mark: success"), 10000);
    QFile runs(marker);
    QVERIFY(runs.open(QIODevice::ReadOnly));
    QCOMPARE(runs.readAll(), QByteArray("ran\n")); // once, by the instance
}

void TestPunctualctlInstance::largeImportKilledMidwayIsAllOrNothing()
{
    // 40,000 jobs (several pieces of 4 MiB) imported through the instance, with punctualctl killed while it
    // sends, then the instance killed while it imports: the store holds none or all of them, never a part.
    const int count = 40000;
    const QString file = m_dir->filePath("many.json");
    {
        QByteArray json = "[";
        for (int i = 0; i < count; ++i) {
            json += (i ? ",\n" : "") + QByteArray(R"({"id": "job-)") + QByteArray::number(i)
                    + R"(", "name": "a job with a longer name to make the pieces many", "trigger": {"type": "interval", )"
                      R"("interval_seconds": 3600, "start": "2026-01-01T00:00:00Z"}, "action": {"type": "command", )"
                      R"("program": "/bin/true", "arguments": ["--an-argument", "--another-argument"]}})";
        }
        json += "]";
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(json), json.size());
    }
    auto jobCount = [this]() -> int {
        auto store = SqlJobStore::openSqlite(m_db, SqlJobStore::OpenMode::ExplicitPath);
        if (!store)
            return -1;
        auto jobs = store.value()->jobCount();
        return jobs ? jobs.value() : -1;
    };

    startInstance();
    for (int killAfterMs : {300, 1200}) {
        QProcess client;
        client.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "import", file});
        QVERIFY(client.waitForStarted());
        QTest::qWait(killAfterMs);
        QCOMPARE(client.state(), QProcess::Running); // killed mid-way
        client.kill();
        QVERIFY(finishes(client, 10000));
        const int stored = jobCount();
        QVERIFY2(stored == 0 || stored == count, qPrintable(QStringLiteral("%1 jobs stored").arg(stored)));
        if (stored == count)
            QCOMPARE(ctl({"remove-all", "--yes"}).exitCode, 0);
    }

    // The instance killed while it reads the pieces or writes the transaction.
    for (int killAfterMs : {1000, 3000}) {
        QProcess client;
        client.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "import", file});
        QVERIFY(client.waitForStarted());
        QTest::qWait(killAfterMs);
        m_instance->kill();
        m_instance->waitForFinished();
        QVERIFY(finishes(client, 60000));
        const int stored = jobCount(); // read directly: no instance
        QVERIFY2(stored == 0 || stored == count, qPrintable(QStringLiteral("%1 jobs stored").arg(stored)));
        startInstance();
        if (stored == count)
            QCOMPARE(ctl({"remove-all", "--yes"}).exitCode, 0);
    }

    // And left alone, the import adds all of them.
    QProcess client;
    client.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "import", file});
    QVERIFY(finishes(client, 240000));
    QCOMPARE(client.exitCode(), 0);
    QCOMPARE(jobCount(), count);
}

#include "testpunctualctlinstance.moc"
