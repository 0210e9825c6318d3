// No job process outlives its scheduler, with real processes: `punctualctl run` killed with SIGKILL loses its job's
// leader at once (the parent death signal) and the next start ends the job's other processes before it records the
// run interrupted; a recorded group number now used by a stranger is left alone; quitting does not wait for ever
// for a function that ignores its cancellation.
#include "cli/punctualctlprocess.h"
#include "support/jobbuilder.h"
#include "support/processes.h"

#include "executors/executorset.h"
#include "executors/functionexecutor.h"
#include "executors/functionregistry.h"
#include "executors/processgroupregistry.h"
#include "scheduler/scheduler.h"
#include "store/memoryjobstore.h"
#include "time/clock.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr int waitMs = 15000;
const char *const scenarioVariable = "PUNCTUAL_TEST_ORPHANS_SCENARIO";

/// The child process of quitDoesNotWaitForAStuckFunction(): a scheduler whose function job ignores cancellation is
/// stopped as the window's Quit stops it (StopRuns, then the event loop ends and everything is destroyed). Prints the
/// run's outcome; the parent measures how long the whole process takes to exit.
int stuckFunctionScenario(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Never released, and never destroyed: the stuck thread waits on it until the process ends.
    auto *never = new QSemaphore;
    FunctionRegistry functions;
    functions.add("stuck", [never](const FunctionContext &) {
        never->acquire();
        return FunctionResult::success();
    });
    const SystemClock clock;
    MemoryJobStore store;
    auto executors = ExecutorSet::standard(clock, functions);
    for (Executor *executor : executors->executors()) {
        if (auto *pooled = qobject_cast<FunctionExecutor *>(executor))
            pooled->setShutdownGraceMs(1000);
    }
    {
        Scheduler scheduler(store, clock, std::move(executors));
        if (!scheduler.start())
            return 3;
        const std::int64_t now = clock.nowMs();
        if (!scheduler.addJob(JobBuilder("stuck").interval(3'600'000, now).function("stuck")))
            return 3;
        QObject::connect(&scheduler, &Scheduler::jobError, [](const RunRecord &run) {
            std::printf("outcome: %s\n", qPrintable(RunRecord::outcomeName(run.outcome)));
            std::fflush(stdout);
        });
        QObject::connect(&scheduler, &Scheduler::jobSubmitted, &scheduler, [&scheduler] {
            QTimer::singleShot(200, &scheduler, [&scheduler] { scheduler.shutdown(Scheduler::ShutdownMode::StopRuns); });
        });
        QObject::connect(&scheduler, &Scheduler::shutDown, &app, &QCoreApplication::quit, Qt::QueuedConnection);
        if (!scheduler.runJobNow("stuck"))
            return 3;
        QCoreApplication::exec();
    } // ~Scheduler: ~FunctionExecutor waits for the stuck function at most its shutdown grace
    std::printf("scheduler destroyed\n");
    std::fflush(stdout);
    return 0;
}

} // namespace

class TestOrphans : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void killedSchedulerLeavesNoJobProcess();
    void reusedGroupNumberIsLeftAlone();
    void quitDoesNotWaitForAStuckFunction();

private:
    QProcessEnvironment environment() const;
    /// Starts `punctualctl --db DB run` and waits until it schedules.
    void startInstance();
    PunctualctlResult ctl(QStringList args);
    /// The instance's stderr so far (of every instance this test started).
    QString log();
    QJsonObject onlyRun(const QString &jobId);
    /// The process list of the test's store (the instance's state folder is the test's).
    QString processFile() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    std::unique_ptr<QProcess> m_instance;
    QString m_log;
    QList<qint64> m_started; ///< killed at the end of the test, whatever happened
    QByteArray m_oldStateHome;
};

void TestOrphans::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("jobs.db");
    m_log.clear();
    m_started.clear();
    // The instances, and ProcessGroupRegistry::fileFor() in this process, use the test's state folder.
    m_oldStateHome = qgetenv("XDG_STATE_HOME");
    qputenv("XDG_STATE_HOME", m_dir->filePath("state").toUtf8());
}

void TestOrphans::cleanup()
{
    if (m_instance && m_instance->state() != QProcess::NotRunning) {
        m_instance->kill();
        m_instance->waitForFinished();
    }
    if (QTest::currentTestFailed())
        qWarning().noquote() << "instance log:\n" << log();
    m_instance.reset();
    killAll(m_started);
    qputenv("XDG_STATE_HOME", m_oldStateHome);
}

QProcessEnvironment TestOrphans::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("XDG_STATE_HOME", m_dir->filePath("state"));
    environment.remove("PUNCTUAL_DEBUG");
    return environment;
}

void TestOrphans::startInstance()
{
    log(); // keep what the last instance wrote
    m_instance = std::make_unique<QProcess>();
    m_instance->setProcessEnvironment(environment());
    m_instance->start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "run"});
    QVERIFY(m_instance->waitForStarted());
    const qsizetype before = m_log.count("scheduler running on");
    QTRY_VERIFY_WITH_TIMEOUT(log().count("scheduler running on") > before, waitMs);
}

PunctualctlResult TestOrphans::ctl(QStringList args)
{
    args.prepend(m_db);
    args.prepend("--db");
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(PUNCTUALCTL_PATH), args);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, "timed out"};
    }
    log();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString TestOrphans::log()
{
    if (m_instance)
        m_log += QString::fromUtf8(m_instance->readAllStandardError());
    return m_log;
}

QJsonObject TestOrphans::onlyRun(const QString &jobId)
{
    const PunctualctlResult r = ctl({"history", jobId, "--json"});
    const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).array();
    if (r.exitCode != 0 || runs.size() != 1)
        qWarning().noquote() << "history:" << r.exitCode << r.out << r.err;
    return runs.at(0).toObject();
}

QString TestOrphans::processFile() const
{
    // The instance keys it by the store as the instance lock names it: the canonical path.
    return ProcessGroupRegistry::fileFor(QFileInfo(m_db).canonicalFilePath());
}

void TestOrphans::killedSchedulerLeavesNoJobProcess()
{
    startInstance();
    const QString pidFile = m_dir->filePath("pids");
    // The job's shell (the run's leader) and two background children, as `sh -c 'sleep 300 & wait'` leaves them.
    const QString script = "echo $$ > " + pidFile + "; sleep 300 & echo $! >> " + pidFile + "; sleep 300 & echo $! >> "
        + pidFile + "; wait";
    const QString at = QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODate);
    const PunctualctlResult added = ctl({"add", "--id", "orphan", "--at", at, "--", "/bin/sh", "-c", script});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QTRY_COMPARE_WITH_TIMEOUT(readPids(pidFile).size(), 3, waitMs);
    const QList<qint64> pids = readPids(pidFile);
    m_started = pids;
    const qint64 leader = pids[0];
    for (const qint64 pid : pids)
        QVERIFY(!processGone(pid));

    // While it runs, the instance lists the run's group in its state folder (written just after the launch: the
    // job's shell may have written its pids first).
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(processFile()), waitMs);
    QFile list(processFile());
    QVERIFY2(list.open(QIODevice::ReadOnly), qPrintable(processFile()));
    const QJsonObject group =
        QJsonDocument::fromJson(list.readAll()).object().value("groups").toArray().at(0).toObject();
    QCOMPARE(group.value("pgid").toInteger(), leader);
    QCOMPARE(group.value("job_id").toString(), QStringLiteral("orphan"));

    // kill -9: nothing of the scheduler's own shutdown runs. The leader dies with it (the parent death signal)...
    m_instance->kill();
    QVERIFY(m_instance->waitForFinished(waitMs));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(leader), 2000);
    // ...but its children are nobody's now, and the store still says the run is going.
    QVERIFY(!processGone(pids[1]));
    QVERIFY(!processGone(pids[2]));
    QCOMPARE(onlyRun("orphan").value("outcome").toString(), QStringLiteral("running"));

    // The next start ends them, and only then records the run interrupted: by the time it schedules, they are gone.
    startInstance();
    QVERIFY(processGone(pids[1]));
    QVERIFY(processGone(pids[2]));
    const QJsonObject run = onlyRun("orphan");
    QCOMPARE(run.value("outcome").toString(), QStringLiteral("interrupted"));
    const QString text = log();
    const qsizetype ending = text.indexOf("ending process group " + QString::number(leader));
    const qsizetype interrupted = text.indexOf("now interrupted");
    QVERIFY2(ending >= 0 && interrupted > ending, qPrintable(text));
    QVERIFY(!QFile::exists(processFile())); // nothing runs now
}

void TestOrphans::reusedGroupNumberIsLeftAlone()
{
    // Two groups in the list a dead instance left: one is still its run's, the other number now belongs to a
    // stranger (a process that started at another time than the one recorded). Only the first is ended.
    const QString pidFile = m_dir->filePath("pids");
    const qint64 leftover = startDetachedGroup("echo $$ > " + pidFile + "; exec sleep 300");
    const qint64 stranger = startDetachedGroup("exec sleep 300");
    QVERIFY(leftover > 1 && stranger > 1);
    m_started = {leftover, stranger};
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) == leftover, waitMs);
    QCOMPARE(ctl({"add", "--id", "job", "--every", "1h", "--", "/bin/true"}).exitCode, 0); // makes the store
    {
        ProcessGroupRegistry dead(processFile());
        dead.add(leftover, "job", 1);
        dead.add(stranger, "job", 2);
    }
    QFile file(processFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray groups = root.value("groups").toArray();
    QJsonObject strangers = groups.at(1).toObject();
    QCOMPARE(strangers.value("pgid").toInteger(), stranger);
    strangers.insert("start_ticks", strangers.value("start_ticks").toInteger() + 1);
    groups.replace(1, strangers);
    root.insert("groups", groups);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(root).toJson());
    file.close();

    startInstance();
    QVERIFY(processGone(leftover));
    QVERIFY(!processGone(stranger));
    QVERIFY2(log().contains("ending process group " + QString::number(leftover)), qPrintable(log()));
    QVERIFY(!log().contains("ending process group " + QString::number(stranger)));
    QVERIFY(!QFile::exists(processFile()));
}

void TestOrphans::quitDoesNotWaitForAStuckFunction()
{
    // This test program again, as a child that runs stuckFunctionScenario(): a real process must really exit.
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(scenarioVariable, "stuck-function");
    child.setProcessEnvironment(environment);
    QElapsedTimer elapsed;
    elapsed.start();
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    const bool exited = child.waitForFinished(30000);
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    const QString err = QString::fromUtf8(child.readAllStandardError());
    if (!exited) {
        child.kill();
        child.waitForFinished();
    }
    QVERIFY2(exited, qPrintable(err));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QVERIFY2(child.exitCode() == 0, qPrintable(err));
    // Shutdown grace 1 s: generous bound for start-up, the 200 ms before the stop and the exit.
    QVERIFY2(elapsed.elapsed() < 10'000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(out.contains("outcome: interrupted"), qPrintable(out));
    QVERIFY2(out.contains("scheduler destroyed"), qPrintable(out));
    QVERIFY2(err.contains("did not return within 1000 ms"), qPrintable(err));
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariable(scenarioVariable) == QStringLiteral("stuck-function"))
        return stuckFunctionScenario(argc, argv);
    QCoreApplication app(argc, argv);
    TestOrphans test;
    return QTest::qExec(&test, argc, argv);
}

#include "testorphans.moc"
