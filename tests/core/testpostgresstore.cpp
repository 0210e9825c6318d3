// What a PostgreSQL store adds to the contract (testjobstore runs that on every backend): several instances on one
// database claim each due run time once, take over the runs of instances that died, count max_instances across
// instances, and hear each other's job changes through LISTEN/NOTIFY.
#include "store/sqljobstore.h"
#include "store/postgreschangelistener.h"
#include "store/storewatcher.h"
#include "support/jobbuilder.h"
#include "support/postgresserver.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"

#include <QAbstractEventDispatcher>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace punctual;
using punctual::test::JobBuilder;
using punctual::test::SchedulerHarness;

namespace {

Job makeJob(const QString &id, std::int64_t nextRunTime, std::int64_t everyMs = 1000)
{
    return JobBuilder(id).name(id).interval(everyMs, 0).command("/bin/true").nextRunTime(nextRunTime);
}

RunRecord makeRun(const QString &jobId, std::int64_t scheduledTime)
{
    RunRecord run;
    run.jobId = jobId;
    run.scheduledTime = scheduledTime;
    return run;
}

} // namespace

class TestPostgresStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void storeUrlParsing();
    void claimIsExclusive();
    void abandonedRunsAreInterruptedAndRecovered();
    void ownLeftoversAtRestart();
    void changesOfOthersAreHeard();
    void twoSchedulersRunEachTimeOnce();
    void heldDueRowsAreLookedAtLaterNotInALoop();
    void maxInstancesCountsOnlyBegunRunsElsewhere();
    void droppedListenConnectionIsReopened();

private:
    std::unique_ptr<SqlJobStore> open(const QString &instance, std::int64_t leaseMs = 1000);

    punctual::test::PostgresServer m_server;
    QString m_database;
};

void TestPostgresStore::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error() + '\n' + m_server.log()));
}

void TestPostgresStore::init()
{
    QVERIFY2(m_server.createUniqueDatabase(&m_database), qPrintable(m_server.error()));
}

std::unique_ptr<SqlJobStore> TestPostgresStore::open(const QString &instance, std::int64_t leaseMs)
{
    auto location = StoreLocation::fromUrl(QString("%1?instance=%2&lease=%3")
                                               .arg(m_server.url(m_database), instance)
                                               .arg(static_cast<double>(leaseMs) / 1000.0));
    if (!location) {
        qWarning("%s", qPrintable(location.error().message));
        return nullptr;
    }
    auto store = SqlJobStore::openPostgres(*location.value().postgres);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(store).value();
}

void TestPostgresStore::storeUrlParsing()
{
    auto plain = StoreLocation::fromUrl("postgresql://me@db.example:6543/jobs");
    QVERIFY_OK(plain);
    QVERIFY(plain.value().postgres);
    const PostgresLocation &pg = *plain.value().postgres;
    QCOMPARE(pg.user, QString("me"));
    QCOMPARE(pg.host, QString("db.example"));
    QCOMPARE(pg.port, 6543);
    QCOMPARE(pg.database, QString("jobs"));
    QCOMPARE(pg.leaseMs, PostgresLocation::defaultLeaseMs);
    QVERIFY(!pg.instanceId.isEmpty());
    QVERIFY(!pg.configuredInstance);
    // The instance key (the instance lock's name) reads back.
    const auto back = PostgresLocation::fromInstanceKey(plain.value().resolvedPath());
    QVERIFY(back);
    QCOMPARE(back->url(), pg.url());
    QCOMPARE(back->instanceId, pg.instanceId);
    // Two processes without a configured id are two instances.
    QVERIFY(StoreLocation::fromUrl("postgresql://me@db.example:6543/jobs").value().postgres->instanceId
            != pg.instanceId);

    auto named = StoreLocation::fromUrl("postgres://me@h/jobs?instance=nas-1&lease=12.5");
    QVERIFY_OK(named);
    QCOMPARE(named.value().postgres->instanceId, QString("nas-1"));
    QCOMPARE(named.value().postgres->leaseMs, std::int64_t(12'500));
    QCOMPARE(named.value().postgres->port, 5432);

    for (const char *bad : {"postgresql://me:secret@h/jobs", "postgresql://me@h/", "postgresql://me@h/jobs?lease=0",
                            "postgresql://me@h/jobs?instance=a'b", "postgresql://me@h/jobs?colour=red"}) {
        const auto refused = StoreLocation::fromUrl(bad);
        QVERIFY2(!refused, bad);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY2(!refused.error().message.contains("secret"), qPrintable(refused.error().message));
    }
}

void TestPostgresStore::claimIsExclusive()
{
    auto a = open("a");
    auto b = open("b");
    QVERIFY(a && b);
    QVERIFY(a->cluster() && b->cluster());
    QVERIFY_OK(a->addJobs({makeJob("j1", 100), makeJob("j2", 100), makeJob("j3", 200)}, ConflictPolicy::Fail));

    auto claimed = a->claimDueJobs(1000, -1);
    QVERIFY_OK(claimed);
    QCOMPARE(claimed.value().size(), 3);
    // While a holds them, b passes over them instead of waiting.
    auto none = b->claimDueJobs(1000, -1);
    QVERIFY_OK(none);
    QVERIFY(none.value().isEmpty());
    DueBatch nothing;
    QVERIFY_OK(b->commitDue(nothing));

    DueBatch batch;
    for (Job job : claimed.value()) {
        RunRecord begun = makeRun(job.id, *job.nextRunTime);
        begun.startTime = 1000;
        batch.runs << begun;
        job.nextRunTime = 2000;
        batch.updatedJobs << job;
    }
    QVERIFY_OK(a->commitDue(batch));
    for (const RunRecord &run : std::as_const(batch.runs))
        QCOMPARE(run.instance, QString("a"));

    // Once a committed, the rows are no longer due: b claims nothing either.
    auto after = b->claimDueJobs(1000, -1);
    QVERIFY_OK(after);
    QVERIFY(after.value().isEmpty());
    QVERIFY_OK(b->commitDue(nothing));
    const auto runs = b->runs({}, -1);
    QVERIFY_OK(runs);
    QCOMPARE(runs.value().size(), 3);
    for (const RunRecord &run : runs.value())
        QCOMPARE(run.instance, QString("a"));
    // max_instances counts a's begun runs from b's side (not one queued behind another: no start yet).
    RunRecord queued = makeRun("j1", 1000);
    QVERIFY_OK(a->insertRun(queued));
    const auto elsewhere = b->cluster()->runningElsewhere();
    QVERIFY_OK(elsewhere);
    QCOMPARE(elsewhere.value().value("j1"), 1);
    QVERIFY(a->cluster()->runningElsewhere().value().isEmpty());
}

void TestPostgresStore::abandonedRunsAreInterruptedAndRecovered()
{
    auto a = open("a", 1000);
    auto b = open("b", 1000);
    QVERIFY(a && b);
    Job recovering = makeJob("r", 100);
    recovering.options.recover = true;
    QVERIFY_OK(a->addJobs({recovering, makeJob("n", 100)}, ConflictPolicy::Fail));
    QVERIFY_OK(a->cluster()->heartbeat(10'000));
    RunRecord r = makeRun("r", 100);
    RunRecord n = makeRun("n", 100);
    QVERIFY_OK(a->insertRun(r));
    QVERIFY_OK(a->insertRun(n));
    QVERIFY_OK(b->cluster()->heartbeat(10'500));

    int interrupted = -1;
    auto early = b->cluster()->recoverRuns(11'000, false, &interrupted); // a's lease has not run out (10,000 + 1,000)
    QVERIFY_OK(early);
    QVERIFY(early.value().isEmpty());
    QCOMPARE(interrupted, 0);

    auto late = b->cluster()->recoverRuns(11'001, false, &interrupted);
    QVERIFY_OK(late);
    QCOMPARE(interrupted, 2);
    QCOMPARE(late.value().size(), 1);
    const RunRecord rerun = late.value().first();
    QCOMPARE(rerun.jobId, QString("r"));
    QCOMPARE(rerun.scheduledTime, std::int64_t(100));
    QCOMPARE(rerun.instance, QString("b"));
    QVERIFY(rerun.id > n.id);

    const auto rRuns = b->runs("r", -1).value();
    QCOMPARE(rRuns.size(), 2);
    QCOMPARE(rRuns[0].id, rerun.id);
    QCOMPARE(rRuns[0].outcome, RunOutcome::Running);
    QCOMPARE(rRuns[1].outcome, RunOutcome::Interrupted);
    QCOMPARE(rRuns[1].endTime, std::optional<std::int64_t>(11'001));
    QVERIFY2(rRuns[1].error.contains("a"), qPrintable(rRuns[1].error));
    const auto nRuns = b->runs("n", -1).value();
    QCOMPARE(nRuns.size(), 1);
    QCOMPARE(nRuns[0].outcome, RunOutcome::Interrupted);

    // Taken over once: a second reaper finds nothing, and b's own re-run is not b's to reap.
    auto again = a->cluster()->recoverRuns(11'002, false, &interrupted);
    QVERIFY_OK(again);
    QCOMPARE(interrupted, 0);

    const auto instances = b->cluster()->instances();
    QVERIFY_OK(instances);
    QCOMPARE(instances.value().size(), 2);
    QCOMPARE(instances.value()[0].id, QString("a"));
    QVERIFY(!instances.value()[0].isAlive(11'001));
    QCOMPARE(instances.value()[1].heartbeat, std::int64_t(10'500));
    QVERIFY_OK(b->cluster()->leave());
    QCOMPARE(a->cluster()->instances().value().size(), 1);
    // A row dead for a day goes (at today's clock values: the arithmetic is 64-bit on every engine).
    QVERIFY_OK(a->cluster()->recoverRuns(1'800'000'000'000, false, &interrupted));
    QVERIFY(a->cluster()->instances().value().isEmpty());
}

void TestPostgresStore::ownLeftoversAtRestart()
{
    auto first = open("fixed");
    QVERIFY(first);
    QVERIFY_OK(first->addJob(makeJob("j", 100), ConflictPolicy::Fail));
    QVERIFY_OK(first->cluster()->heartbeat(1000));
    RunRecord run = makeRun("j", 100);
    QVERIFY_OK(first->insertRun(run));
    first.reset(); // "crashed": its row and its run are left

    auto second = open("fixed"); // the same configured id, restarted within its lease
    QVERIFY(second);
    QVERIFY_OK(second->cluster()->heartbeat(1200));
    int interrupted = 0;
    QVERIFY_OK(second->cluster()->recoverRuns(1200, false, &interrupted));
    QCOMPARE(interrupted, 0); // alive by its heartbeat, and its own
    QVERIFY_OK(second->cluster()->recoverRuns(1200, true, &interrupted));
    QCOMPARE(interrupted, 1);
    QCOMPARE(second->runs("j", -1).value().first().outcome, RunOutcome::Interrupted);
}

void TestPostgresStore::changesOfOthersAreHeard()
{
    auto a = open("a");
    auto b = open("b");
    QVERIFY(a && b);
    auto location = StoreLocation::fromUrl(m_server.url(m_database) + "?instance=a");
    StoreWatcher watcher(location.value().resolvedPath());
    QVERIFY_OK(watcher.start());
    QVERIFY(watcher.isWatching());
    QSignalSpy changed(&watcher, &StoreWatcher::changed);

    QVERIFY_OK(a->addJob(makeJob("own", 100), ConflictPolicy::Fail)); // a's own change: not reported to a
    QVERIFY_OK(b->addJob(makeJob("theirs", 100), ConflictPolicy::Fail));
    QVERIFY(changed.wait(10'000));
    QCOMPARE(changed.count(), 1);
    QVERIFY_OK(b->removeJob("theirs"));
    QVERIFY(changed.wait(10'000));
    QTest::qWait(2 * StoreWatcher::debounceMs);
    QCOMPARE(changed.count(), 2);
}

void TestPostgresStore::twoSchedulersRunEachTimeOnce()
{
    // Two schedulers on one database, both woken at every due time (the worst case): each run time is claimed once.
    auto a = open("a", 60'000);
    auto b = open("b", 60'000);
    QVERIFY(a && b);
    SchedulerHarness harness(1'000'000); // one clock and one function registry for both schedulers
    const std::unique_ptr<Scheduler> sa = harness.makeScheduler(*a);
    const std::unique_ptr<Scheduler> sb = harness.makeScheduler(*b);
    ManualWakeTimer *ta = SchedulerHarness::installManualTimer(*sa);
    ManualWakeTimer *tb = SchedulerHarness::installManualTimer(*sb);
    QVERIFY_OK(sa->start());
    QVERIFY_OK(sb->start());
    QVERIFY(sa->isClustered());
    QCOMPARE(sa->instances().value().size(), 2);
    QList<Job> jobs;
    for (int i = 0; i < 20; ++i)
        jobs << makeJob(QString("job%1").arg(i, 2, 10, QChar('0')), 0);
    QVERIFY_OK(sa->addJobs(jobs));
    sb->refresh();

    constexpr int ticks = 5;
    for (int tick = 0; tick < ticks; ++tick) {
        harness.clock().advance(1000);
        ta->fire();
        tb->fire();
        QTRY_VERIFY_WITH_TIMEOUT(sa->runningCount() + sb->runningCount() == 0, 20'000);
    }
    // The ends of the last runs are written behind (at the end of the event-loop turn): asking each scheduler for
    // its history writes them, so the rows below are final.
    QVERIFY_OK(sa->history({}, 1));
    QVERIFY_OK(sb->history({}, 1));
    QVERIFY_OK(a->runs({}, -1));
    QHash<QPair<QString, std::int64_t>, int> perTime;
    QSet<QString> instances;
    for (const RunRecord &run : a->runs({}, -1).value()) {
        QVERIFY2(run.outcome == RunOutcome::Success, qPrintable(RunRecord::outcomeName(run.outcome) + ": " + run.error));
        ++perTime[{run.jobId, run.scheduledTime}];
        instances << run.instance;
    }
    QCOMPARE(perTime.size(), 20 * ticks);
    for (auto it = perTime.cbegin(); it != perTime.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(QString("%1 at %2: %3 runs").arg(it.key().first).arg(it.key().second).arg(it.value())));
    QVERIFY(instances.size() >= 1);
}

void TestPostgresStore::heldDueRowsAreLookedAtLaterNotInALoop()
{
    // Another instance holds the due rows (its claim's transaction is open): this scheduler's pass claims nothing,
    // arms its timer 100 ms later and goes idle, instead of queueing pass after pass of empty claims.
    auto holder = open("holder", 60'000);
    auto b = open("b", 60'000);
    QVERIFY(holder && b);
    QVERIFY_OK(holder->addJobs({makeJob("held", 100)}, ConflictPolicy::Fail));
    SchedulerHarness harness(1'000);
    const std::unique_ptr<Scheduler> sb = harness.makeScheduler(*b);
    ManualWakeTimer *tb = SchedulerHarness::installManualTimer(*sb);
    auto claimed = holder->claimDueJobs(1'000, -1);
    QVERIFY_OK(claimed);
    QCOMPARE(claimed.value().size(), 1);

    QVERIFY_OK(sb->start()); // due at once: a pass is queued
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    int busyTurns = 0;
    while (busyTurns < 50 && dispatcher->processEvents(QEventLoop::AllEvents))
        ++busyTurns;
    QVERIFY2(busyTurns < 50, "the scheduler kept claiming in a loop");
    QCOMPARE(tb->armedAt(), std::optional<std::int64_t>(1'000 + 100));
    QCOMPARE(sb->runningCount(), 0);

    // Once the holder commits, the next look finds the job not due any more (the holder ran it).
    DueBatch batch;
    Job held = claimed.value().first();
    held.nextRunTime = 2'000;
    batch.updatedJobs.append(held);
    QVERIFY_OK(holder->commitDue(batch));
    harness.clock().advance(100);
    tb->fire();
    QTRY_COMPARE(tb->armedAt(), std::optional<std::int64_t>(2'000));
}

void TestPostgresStore::maxInstancesCountsOnlyBegunRunsElsewhere()
{
    // Instance a catches up three missed run times of a job (coalesce off): one submission, one run going and two
    // queued behind it. For instance b that is one instance of the job, not three: with max_instances 2, b's next
    // run time starts. (Counting every row marked running made b skip it.)
    struct Harness : SchedulerHarness
    {
        using SchedulerHarness::SchedulerHarness;
        using SchedulerHarness::addBlocking;
        using SchedulerHarness::m_gate;
    };
    auto a = open("a", 60'000);
    auto b = open("b", 60'000);
    QVERIFY(a && b);
    Harness harness(10'000);
    harness.addBlocking("block");
    const std::unique_ptr<Scheduler> sa = harness.makeScheduler(*a);
    const std::unique_ptr<Scheduler> sb = harness.makeScheduler(*b);
    ManualWakeTimer *ta = SchedulerHarness::installManualTimer(*sa);
    SchedulerHarness::installManualTimer(*sb);
    JobOptions options;
    options.maxInstances = 2;
    options.coalesce = CoalescePolicy::All;
    options.misfireGraceMs = std::nullopt;
    const Job job = JobBuilder("catch-up").interval(1000, 0).function("block").options(options).nextRunTime(7'000);
    QVERIFY_OK(a->addJob(job, ConflictPolicy::Fail));
    QVERIFY_OK(sa->start());
    QTRY_COMPARE(sa->runningCount("catch-up"), 1); // 7, 8, 9 and 10 s: one submission
    auto rows = a->runs("catch-up", -1);
    QVERIFY_OK(rows);
    QCOMPARE(rows->size(), 4);
    int begun = 0;
    for (const RunRecord &run : rows.value())
        begun += run.startTime ? 1 : 0;
    QCOMPARE(begun, 1);

    harness.clock().advance(1000); // 11 s: due again, b's turn
    QVERIFY_OK(sb->start());
    QTRY_COMPARE(sb->runningCount("catch-up"), 1);
    auto bRuns = b->runs("catch-up", -1);
    QVERIFY_OK(bRuns);
    for (const RunRecord &run : bRuns.value())
        QVERIFY2(run.outcome != RunOutcome::Skipped, qPrintable(run.error));

    harness.m_gate.release(10);
    QTRY_COMPARE(sa->runningCount() + sb->runningCount(), 0);
    Q_UNUSED(ta);
}

void TestPostgresStore::droppedListenConnectionIsReopened()
{
    // The server ends the listening connection (pg_terminate_backend, as a restart or a network cut would): the
    // listener notices at its next check, listens again, reports a change (what was sent meanwhile is lost), and
    // hears the other instances' changes again.
    auto a = open("a");
    auto b = open("b");
    QVERIFY(a && b);
    auto location = StoreLocation::fromUrl(m_server.url(m_database) + "?instance=a");
    QVERIFY_OK(location);
    PostgresChangeListener listener(*location.value().postgres);
    listener.setCheckIntervalMs(200);
    QVERIFY_OK(listener.start());
    QSignalSpy changed(&listener, &PostgresChangeListener::changed);
    const qint64 firstPid = listener.backendPid();
    QVERIFY(firstPid > 0);

    QSqlQuery kill(QSqlDatabase::database(b->connectionName()));
    QVERIFY2(kill.exec(QString("SELECT pg_terminate_backend(%1)").arg(firstPid)), qPrintable(kill.lastError().text()));
    QVERIFY(changed.wait(10'000)); // listening again: a change may have been missed
    const qint64 secondPid = listener.backendPid();
    QVERIFY(secondPid > 0);
    QVERIFY(secondPid != firstPid);
    changed.clear();

    QVERIFY_OK(b->addJob(makeJob("after", 100), ConflictPolicy::Fail));
    QVERIFY(changed.wait(10'000));
}

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "testpostgresstore.moc"
