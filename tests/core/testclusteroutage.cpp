// Two scheduler instances on a real PostgreSQL lose the database together (their connections killed by the
// server, as a restart does) for longer than their lease. The first one back must not take the other for dead:
// their heartbeats are as old as the outage. Only an instance that does not come back is taken over, once the
// wait after the outage and its lease have passed. Time on a fake clock; the database and its lease SQL are real.
#include "store/sqljobstore.h"
#include "support/jobbuilder.h"
#include "support/postgresserver.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace punctual;
using punctual::test::JobBuilder;
using punctual::test::SchedulerHarness;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000;
constexpr std::int64_t second = 1000;
constexpr std::int64_t leaseMs = 4 * second;

} // namespace

class TestClusterOutage : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void instancesThatLostTheDatabaseTogetherKeepTheirRuns();
    void anInstanceThatDoesNotComeBackIsTakenOver();

private:
    std::unique_ptr<SqlJobStore> open(const QString &instance);
    /// Ends every connection to the test database, as a server restart or pg_terminate_backend does.
    void killConnections();
    /// @p scheduler's outage: its heartbeat (what notices it when nothing is due) fails.
    void loses(Scheduler &scheduler);
    /// Moves the clock to @p scheduler's next reconnect and lets it try.
    void reconnects(Scheduler &scheduler, ManualWakeTimer &timer);
    QString runOutcome(const QString &jobId);

    punctual::test::PostgresServer m_server;
    QString m_database;
    std::unique_ptr<SqlJobStore> m_storeA, m_storeB;
    std::unique_ptr<Scheduler> m_a, m_b;
    ManualWakeTimer *m_timerA = nullptr;
    ManualWakeTimer *m_timerB = nullptr;
};

void TestClusterOutage::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error() + '\n' + m_server.log()));
}

void TestClusterOutage::init()
{
    QVERIFY2(m_server.createUniqueDatabase(&m_database), qPrintable(m_server.error()));
    addBlocking("block");
    m_clock.setNowMs(T0);
    m_storeA = open("a");
    m_storeB = open("b");
    QVERIFY(m_storeA && m_storeB);
    // A job that runs for the whole outage, started by a.
    Job job = JobBuilder("long").interval(3600 * second, T0 + second).function("block").build();
    job.nextRunTime = T0 + second;
    QVERIFY_OK(m_storeA->addJob(job, ConflictPolicy::Fail));
    m_a = makeScheduler(*m_storeA);
    m_timerA = installManualTimer(*m_a);
    m_b = makeScheduler(*m_storeB);
    m_timerB = installManualTimer(*m_b);
    QVERIFY_OK(m_a->start());
    QVERIFY_OK(m_b->start());
    m_clock.setNowMs(T0 + second);
    m_timerA->fire();
    QTRY_COMPARE(m_a->runningCount("long"), 1);
    QCOMPARE(runOutcome("long"), QString("running"));
}

void TestClusterOutage::cleanup()
{
    m_gate.release(100);
    m_a.reset();
    m_b.reset();
    m_storeA.reset();
    m_storeB.reset();
}

std::unique_ptr<SqlJobStore> TestClusterOutage::open(const QString &instance)
{
    auto location = StoreLocation::fromUrl(
        QString("%1?instance=%2&lease=%3").arg(m_server.url(m_database), instance).arg(leaseMs / 1000));
    if (!location)
        return nullptr;
    auto store = SqlJobStore::openPostgres(*location.value().postgres);
    return store ? std::move(store).value() : nullptr;
}

void TestClusterOutage::killConnections()
{
    QSqlDatabase admin = QSqlDatabase::addDatabase("QPSQL", "admin");
    admin.setHostName(m_server.host());
    admin.setPort(m_server.port());
    admin.setUserName(m_server.user());
    admin.setDatabaseName(m_server.database());
    QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
    {
        QSqlQuery kill(admin);
        QVERIFY2(kill.exec(QString("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'")
                               .arg(m_database)),
                 qPrintable(kill.lastError().text()));
    }
    admin.close();
    admin = QSqlDatabase();
    QSqlDatabase::removeDatabase("admin");
}

void TestClusterOutage::loses(Scheduler &scheduler)
{
    scheduler.clusterHeartbeat();
    QVERIFY(!scheduler.isStoreAvailable());
}

void TestClusterOutage::reconnects(Scheduler &scheduler, ManualWakeTimer &timer)
{
    QVERIFY(timer.armedAt());
    if (*timer.armedAt() > m_clock.nowMs())
        m_clock.setNowMs(*timer.armedAt());
    timer.fire();
    QVERIFY(scheduler.isStoreAvailable());
}

QString TestClusterOutage::runOutcome(const QString &jobId)
{
    // Read by a third connection, as the other instances see it.
    auto reader = open("reader");
    if (!reader)
        return {};
    const auto runs = reader->runs(jobId, 1);
    return runs && !runs.value().isEmpty() ? RunRecord::outcomeName(runs.value().first().outcome) : QString();
}

void TestClusterOutage::instancesThatLostTheDatabaseTogetherKeepTheirRuns()
{
    killConnections();
    loses(*m_a);
    loses(*m_b);
    // Down for 10 s, more than twice the lease; b gets back first.
    m_clock.setNowMs(T0 + 11 * second);
    reconnects(*m_b, *m_timerB);
    // a's heartbeat is 10 s old, past its lease: by the lease alone a would be dead. b takes nothing over.
    m_b->clusterHeartbeat();
    QCOMPARE(runOutcome("long"), QString("running"));
    // a is back within the wait and beats again; from then on its lease is counted as usual.
    m_clock.setNowMs(T0 + 14 * second);
    reconnects(*m_a, *m_timerA);
    m_a->clusterHeartbeat();
    for (std::int64_t t = T0 + 15 * second; t <= T0 + 60 * second; t += second) {
        m_clock.setNowMs(t);
        m_a->clusterHeartbeat();
        m_b->clusterHeartbeat();
    }
    QCOMPARE(runOutcome("long"), QString("running"));
    QVERIFY(m_a->isStoreAvailable() && m_b->isStoreAvailable());

    // The run ends on a as it would have without the outage: recorded once, by a, a success.
    QSignalSpy ended(m_a.get(), &Scheduler::jobExecuted);
    m_gate.release(1);
    QTRY_COMPARE(ended.size(), 1);
    QTRY_COMPARE(runOutcome("long"), QString("success"));
    const auto runs = m_storeB->runs("long", -1);
    QVERIFY_OK(runs);
    QCOMPARE(runs.value().size(), 1);
    QCOMPARE(runs.value().first().instance, QString("a"));
}

void TestClusterOutage::anInstanceThatDoesNotComeBackIsTakenOver()
{
    killConnections();
    loses(*m_a);
    loses(*m_b);
    m_clock.setNowMs(T0 + 11 * second);
    reconnects(*m_b, *m_timerB);
    const std::int64_t back = m_clock.nowMs();
    // a never comes back. Within a lease plus the longest reconnect pause of b's return nothing is taken over...
    m_clock.setNowMs(back + leaseMs + Scheduler::storeRetryCapMs - 1);
    m_b->clusterHeartbeat();
    QCOMPARE(runOutcome("long"), QString("running"));
    // ...then a's run is: interrupted, naming a.
    m_clock.setNowMs(back + leaseMs + Scheduler::storeRetryCapMs);
    m_b->clusterHeartbeat();
    QCOMPARE(runOutcome("long"), QString("interrupted"));
    const auto runs = m_storeB->runs("long", 1);
    QVERIFY_OK(runs);
    QVERIFY2(runs.value().first().error.contains("a"), qPrintable(runs.value().first().error));
}

QTEST_GUILESS_MAIN(TestClusterOutage)
#include "testclusteroutage.moc"
