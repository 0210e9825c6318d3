// Several `punctualctl run` processes on one PostgreSQL store (a private server on a loopback port): every scheduled
// time is run by exactly one of them, and when one is killed (SIGKILL, no goodbye) its runs are marked interrupted
// within its lease while the others carry on. The assertions rest on what the store guarantees (one row per job and
// scheduled time, contiguous times, a lease-bounded takeover), with generous slack for a loaded machine.
#include "punctualctlprocess.h"

#include "store/sqljobstore.h"
#include "support/postgresserver.h"
#include "time/clock.h"
#include "triggers/intervaltrigger.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace punctual;

namespace {

constexpr int fastJobs = 200;
constexpr int slowJobs = 6;       // `sleep 3` every second (max_instances 1): runs are in flight at any moment
constexpr std::int64_t leaseMs = 4000;
constexpr int firstPhaseMs = 18'000;
constexpr int secondPhaseMs = 12'000;

Job intervalJob(const QString &id, std::int64_t startMs, const QStringList &command)
{
    Job job;
    job.id = id;
    job.name = id;
    job.trigger = std::make_shared<IntervalTrigger>(1000, startMs);
    CommandAction action;
    action.program = command.first();
    action.arguments = command.mid(1);
    job.action = action;
    // Every due time gets its own row even when an instance falls behind: the count per time is exact.
    job.options.coalesce = CoalescePolicy::All;
    job.nextRunTime = startMs;
    job.createdAt = startMs;
    return job;
}

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private slots:
    void threeInstancesRunEachTimeOnceAndSurviveAKill();

private:
    QProcess *startInstance(const QString &instance);

    punctual::test::PostgresServer m_server;
    QString m_url;
    QTemporaryDir m_logs;
    QList<QProcess *> m_processes;
};

QProcess *TestCluster::startInstance(const QString &instance)
{
    auto *process = new QProcess(this);
    process->setStandardOutputFile(m_logs.filePath(instance + ".out"));
    process->setStandardErrorFile(m_logs.filePath(instance + ".log"));
    // The instances killed here leave their process group lists (job-processes.md) in the test's folder.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("XDG_STATE_HOME", m_logs.filePath("state"));
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(PUNCTUALCTL_PATH),
                   {"--store", QString("%1?instance=%2&lease=%3").arg(m_url, instance).arg(leaseMs / 1000), "run",
                    "--stop-timeout", "5"});
    m_processes << process;
    return process;
}

void TestCluster::threeInstancesRunEachTimeOnceAndSurviveAKill()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error() + '\n' + m_server.log()));
    m_url = m_server.url();
    if (qEnvironmentVariableIsSet("PUNCTUAL_KEEP_LOGS")) {
        m_logs.setAutoRemove(false);
        qInfo("instance logs in %s", qPrintable(m_logs.path()));
    }
    PostgresLocation observerLocation = *StoreLocation::fromUrl(m_url + "?instance=observer").value().postgres;
    auto opened = SqlJobStore::openPostgres(observerLocation);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    std::unique_ptr<SqlJobStore> store = std::move(opened).value();

    // The instances start first; the jobs begin on a whole second a little later.
    for (const char *instance : {"a", "b", "c"})
        QVERIFY(startInstance(instance)->waitForStarted());
    const std::int64_t now = SystemClock::instance().nowMs();
    const std::int64_t firstTime = (now / 1000 + 4) * 1000;
    QList<Job> jobs;
    for (int i = 0; i < fastJobs; ++i)
        jobs << intervalJob(QString("fast%1").arg(i, 3, 10, QChar('0')), firstTime, {"/bin/true"});
    for (int i = 0; i < slowJobs; ++i)
        jobs << intervalJob(QString("slow%1").arg(i), firstTime, {"/bin/sleep", "3"});
    QVERIFY(store->addJobs(jobs, ConflictPolicy::Fail));
    QTRY_COMPARE_WITH_TIMEOUT(store->cluster()->instances().value().size(), 3, 20'000);

    QTest::qWait(int(firstTime - SystemClock::instance().nowMs()) + firstPhaseMs);

    // Kill c while it has runs going (the slow jobs make that the normal case).
    QProcess *c = m_processes[2];
    const auto cRunning = [&store] {
        int count = 0;
        // The newest runs only: everything still running is among them (206 jobs a second), and reading all the
        // history on every poll slows a loaded machine down further.
        for (const RunRecord &run : store->runs({}, 3000).value())
            count += run.instance == "c" && run.outcome == RunOutcome::Running;
        return count;
    };
    // Which instance claims a slow job is a race; on a loaded machine c may take a while to hold one.
    QTRY_VERIFY_WITH_TIMEOUT(cRunning() > 0, 60'000);
    ::kill(static_cast<pid_t>(c->processId()), SIGKILL);
    QVERIFY(c->waitForFinished(10'000));
    const std::int64_t killedAt = SystemClock::instance().nowMs();

    // Its runs are taken over once its lease has run out: by the next heartbeat of a survivor (every lease/4),
    // so within 1.25 leases of its last heartbeat; 5 s more for a loaded machine.
    QElapsedTimer takeover;
    takeover.start();
    QTRY_VERIFY_WITH_TIMEOUT(cRunning() == 0, int(leaseMs * 5 / 4) + 5'000);
    qInfo("c's runs were interrupted %lld ms after the kill", static_cast<long long>(takeover.elapsed()));
    int interrupted = 0;
    for (const RunRecord &run : store->runs({}, -1).value())
        interrupted += run.instance == "c" && run.outcome == RunOutcome::Interrupted;
    QVERIFY(interrupted > 0);

    QTest::qWait(secondPhaseMs);
    for (QProcess *survivor : {m_processes[0], m_processes[1]})
        ::kill(static_cast<pid_t>(survivor->processId()), SIGTERM);
    for (QProcess *survivor : {m_processes[0], m_processes[1]}) {
        QVERIFY(survivor->waitForFinished(30'000));
        QCOMPARE(survivor->exitCode(), 0);
    }

    // Every job: one row per scheduled time, the times contiguous from the first one.
    const QList<RunRecord> runs = store->runs({}, -1).value();
    QHash<QString, QMap<std::int64_t, int>> perJob;
    QHash<QString, int> perInstance;
    QList<std::int64_t> startsAfterKill;
    for (const RunRecord &run : runs) {
        ++perJob[run.jobId][run.scheduledTime];
        ++perInstance[run.instance];
        if (run.startTime && *run.startTime > killedAt)
            startsAfterKill << *run.startTime;
    }
    QCOMPARE(perJob.size(), fastJobs + slowJobs);
    std::int64_t lastCommon = std::numeric_limits<std::int64_t>::max();
    for (auto job = perJob.cbegin(); job != perJob.cend(); ++job) {
        std::int64_t expected = firstTime;
        for (auto time = job.value().cbegin(); time != job.value().cend(); ++time, expected += 1000) {
            QVERIFY2(time.key() == expected, qPrintable(QString("%1: time %2 missing").arg(job.key()).arg(expected)));
            QVERIFY2(time.value() == 1,
                     qPrintable(QString("%1 at %2: %3 rows").arg(job.key()).arg(time.key()).arg(time.value())));
        }
        lastCommon = std::min(lastCommon, job.value().lastKey());
    }
    // The survivors went on after the kill, well past c's lease...
    QVERIFY2(lastCommon >= killedAt + leaseMs,
             qPrintable(QString("the last time run for every job is %1 ms after the kill").arg(lastCommon - killedAt)));
    // ...without a pause longer than the lease: runs kept starting.
    std::sort(startsAfterKill.begin(), startsAfterKill.end());
    for (qsizetype i = 1; i < startsAfterKill.size(); ++i)
        QVERIFY2(startsAfterKill[i] - startsAfterKill[i - 1] <= leaseMs,
                 qPrintable(QString("no run started for %1 ms").arg(startsAfterKill[i] - startsAfterKill[i - 1])));
    // All three took part.
    for (const char *instance : {"a", "b", "c"})
        QVERIFY2(perInstance.value(instance) > 0, instance);
    qInfo("%lld rows; by instance: a %d, b %d, c %d", static_cast<long long>(runs.size()), perInstance.value("a"),
          perInstance.value("b"), perInstance.value("c"));
    // Both survivors left cleanly: their heartbeat rows are gone, c's (dead) is still listed.
    const auto instances = store->cluster()->instances().value();
    QCOMPARE(instances.size(), 1);
    QCOMPARE(instances.first().id, QString("c"));
}

QTEST_GUILESS_MAIN(TestCluster)
#include "testcluster.moc"
