// Undoing a removal: Scheduler::restoreJobs() puts removed jobs back with their run history, on a real SQLite store
// and in memory; RemovedJobs keeps them for ten minutes and at most its bound.
#include "scheduler/removedjobs.h"
#include "store/storelocation.h"
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {
constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t minute = 60'000;
} // namespace

class TestRestoreJobs : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { tearDownScheduler(); }
    void removedJobsComeBackWithTheirHistory_data();
    void removedJobsComeBackWithTheirHistory();
    void passedNextRunIsPlannedAsForANewJob();
    void pausedJobStaysPaused();
    void notKeptIsNotFoundAndNothingChanges();
    void keptForTenMinutesOnly();
    void aJobAddedSinceIsAConflict();
    void removedJobsKeepsItsBound();

private:
    /// An hourly job whose runs succeed with output "hello", or fail.
    Job hourly(const QString &id, const QString &function = QStringLiteral("hello"));
    /// Runs @p id now and waits until the run is recorded over.
    void runOnce(const QString &id);

    QTemporaryDir m_dir;
    int m_stores = 0;
};

void TestRestoreJobs::init()
{
    // The data tag chooses the store; tests without data use SQLite.
    const bool memory = QTest::currentDataTag() && QByteArray(QTest::currentDataTag()) == "memory";
    std::unique_ptr<JobStore> store;
    if (!memory) {
        auto opened = StoreLocation::fromPath(m_dir.filePath(QStringLiteral("jobs-%1.db").arg(++m_stores))).open();
        QVERIFY_OK(opened);
        store = std::move(opened).value();
    }
    setUpScheduler(T0, std::move(store));
    addSucceeding(QStringLiteral("hello"), QStringLiteral("hello"), 1500);
    addFailing(QStringLiteral("broken"), QStringLiteral("it broke"));
    QVERIFY_OK(m_scheduler->start());
}

Job TestRestoreJobs::hourly(const QString &id, const QString &function)
{
    return JobBuilder(id).name(QStringLiteral("Job %1").arg(id)).cron(QStringLiteral("0 * * * *"), "UTC")
        .function(function);
}

void TestRestoreJobs::runOnce(const QString &id)
{
    auto run = m_scheduler->runJobNow(id);
    QVERIFY_OK(run);
    const std::int64_t runId = run.value().id;
    QTRY_VERIFY([&] {
        auto runs = m_scheduler->history(id, 10);
        return runs && !runs.value().isEmpty() && runs.value().first().id == runId && runs.value().first().isFinal();
    }());
}

void TestRestoreJobs::removedJobsComeBackWithTheirHistory_data()
{
    QTest::addColumn<bool>("unused");
    QTest::newRow("sqlite") << true;
    QTest::newRow("memory") << true;
}

void TestRestoreJobs::removedJobsComeBackWithTheirHistory()
{
    addOrDie(hourly(QStringLiteral("a")));
    addOrDie(hourly(QStringLiteral("b"), QStringLiteral("broken")));
    addOrDie(hourly(QStringLiteral("keep")));
    runOnce(QStringLiteral("a"));
    runOnce(QStringLiteral("a"));
    runOnce(QStringLiteral("b"));
    const QList<RunRecord> before = m_scheduler->history(QStringLiteral("a"), 10).value();
    QCOMPARE(before.size(), 2);
    const Job storedA = m_scheduler->job(QStringLiteral("a")).value();

    QVERIFY_OK(m_scheduler->removeJobs({QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(m_scheduler->job(QStringLiteral("a")).error().code, ErrorCode::NotFound);
    QVERIFY(m_scheduler->history(QStringLiteral("a"), 10).value().isEmpty());
    QCOMPARE(m_scheduler->restorableJobIds().size(), 2);

    m_clock.advance(2 * minute);
    QSignalSpy added(m_scheduler.get(), &Scheduler::jobAdded);
    auto restored = m_scheduler->restoreJobs({QStringLiteral("a"), QStringLiteral("b")});
    QVERIFY_OK(restored);
    QCOMPARE(restored.value().size(), 2);
    QCOMPARE(added.size(), 2);
    QVERIFY(m_scheduler->restorableJobIds().isEmpty());

    const Job a = m_scheduler->job(QStringLiteral("a")).value();
    QCOMPARE(a.name, storedA.name);
    QCOMPARE(a.nextRunTime, storedA.nextRunTime); // still ahead: kept
    QCOMPARE(a.createdAt, storedA.createdAt);
    const QList<RunRecord> after = m_scheduler->history(QStringLiteral("a"), 10).value();
    QCOMPARE(after.size(), 2);
    for (int i = 0; i < 2; ++i) { // as they were, newest first
        QCOMPARE(after[i].outcome, RunOutcome::Success);
        QCOMPARE(after[i].output, before[i].output);
        QCOMPARE(after[i].output, QStringLiteral("hello"));
        QCOMPARE(after[i].scheduledTime, before[i].scheduledTime);
        QCOMPARE(after[i].startTime, before[i].startTime);
        QCOMPARE(after[i].endTime, before[i].endTime);
        QCOMPARE(after[i].reason, RunReason::RunNow);
    }
    QVERIFY(after[0].id > after[1].id);
    const QList<RunRecord> b = m_scheduler->history(QStringLiteral("b"), 10).value();
    QCOMPARE(b.size(), 1);
    QCOMPARE(b.first().outcome, RunOutcome::Failed);
    QCOMPARE(b.first().error, QStringLiteral("it broke"));
    // The list's "last run" comes back too.
    QCOMPARE(m_store->latestRuns().value().value(QStringLiteral("b")).outcome, RunOutcome::Failed);
}

void TestRestoreJobs::passedNextRunIsPlannedAsForANewJob()
{
    const Job job = addOrDie(hourly(QStringLiteral("a")));
    QCOMPARE(job.nextRunTime, T0 + 60 * minute);
    m_clock.setNowMs(T0 + 55 * minute);
    QVERIFY_OK(m_scheduler->removeJob(QStringLiteral("a")));
    m_clock.setNowMs(T0 + 61 * minute); // its 09:00 run passed while it was gone
    QVERIFY_OK(m_scheduler->restoreJobs({QStringLiteral("a")}));
    QCOMPARE(m_scheduler->job(QStringLiteral("a")).value().nextRunTime, T0 + 120 * minute);
    QVERIFY(m_scheduler->history(QStringLiteral("a"), 10).value().isEmpty()); // nothing made up, nothing missed
}

void TestRestoreJobs::pausedJobStaysPaused()
{
    addOrDie(JobBuilder(QStringLiteral("p")).cron(QStringLiteral("0 * * * *"), "UTC").function(QStringLiteral("hello"))
                 .paused());
    QVERIFY_OK(m_scheduler->removeJob(QStringLiteral("p")));
    m_clock.advance(9 * minute);
    QVERIFY_OK(m_scheduler->restoreJobs({QStringLiteral("p")}));
    const Job p = m_scheduler->job(QStringLiteral("p")).value();
    QVERIFY(p.paused);
    QCOMPARE(p.nextRunTime, std::nullopt);
}

void TestRestoreJobs::notKeptIsNotFoundAndNothingChanges()
{
    addOrDie(hourly(QStringLiteral("a")));
    QVERIFY_OK(m_scheduler->removeJob(QStringLiteral("a")));
    // One unknown id fails the whole request: "a" stays kept and is not added.
    const auto refused = m_scheduler->restoreJobs({QStringLiteral("a"), QStringLiteral("never")});
    QCOMPARE(refused.error().code, ErrorCode::NotFound);
    QVERIFY(refused.error().message.contains(QStringLiteral("\"never\"")));
    QCOMPARE(m_scheduler->job(QStringLiteral("a")).error().code, ErrorCode::NotFound);
    QCOMPARE(m_scheduler->restorableJobIds(), QStringList{QStringLiteral("a")});
    QVERIFY_OK(m_scheduler->restoreJobs({QStringLiteral("a")}));
    QCOMPARE(m_scheduler->restoreJobs({QStringLiteral("a")}).error().code, ErrorCode::NotFound); // once only
}

void TestRestoreJobs::keptForTenMinutesOnly()
{
    addOrDie(hourly(QStringLiteral("old")));
    addOrDie(hourly(QStringLiteral("new")));
    QVERIFY_OK(m_scheduler->removeJob(QStringLiteral("old")));
    m_clock.advance(5 * minute);
    QVERIFY_OK(m_scheduler->removeJob(QStringLiteral("new")));
    QCOMPARE(m_scheduler->restorableJobIds(), (QStringList{QStringLiteral("new"), QStringLiteral("old")}));
    m_clock.advance(5 * minute); // "old" was removed 10 minutes ago
    QCOMPARE(m_scheduler->restorableJobIds(), QStringList{QStringLiteral("new")});
    QCOMPARE(m_scheduler->restoreJobs({QStringLiteral("old")}).error().code, ErrorCode::NotFound);
    QVERIFY_OK(m_scheduler->restoreJobs({QStringLiteral("new")}));
}

void TestRestoreJobs::aJobAddedSinceIsAConflict()
{
    addOrDie(hourly(QStringLiteral("a")));
    runOnce(QStringLiteral("a"));
    QVERIFY_OK(m_scheduler->removeJob(QStringLiteral("a")));
    addOrDie(hourly(QStringLiteral("a")));
    QCOMPARE(m_scheduler->restoreJobs({QStringLiteral("a")}).error().code, ErrorCode::Conflict);
    QVERIFY(m_scheduler->history(QStringLiteral("a"), 10).value().isEmpty()); // the new job's history is its own
    QCOMPARE(m_scheduler->restorableJobIds(), QStringList{QStringLiteral("a")}); // kept for another try
}

void TestRestoreJobs::removedJobsKeepsItsBound()
{
    RemovedJobs removed(10 * minute, 2);
    RunRecord going;
    going.jobId = QStringLiteral("a");
    going.startTime = T0;
    removed.keep(hourly(QStringLiteral("a")), {going}, T0, QStringLiteral("stopped"));
    removed.keep(hourly(QStringLiteral("b")), {}, T0 + 1, QStringLiteral("stopped"));
    removed.keep(hourly(QStringLiteral("c")), {}, T0 + 2, QStringLiteral("stopped"));
    QCOMPARE(removed.ids(T0 + 3), (QStringList{QStringLiteral("c"), QStringLiteral("b")})); // "a" dropped first
    RemovedJobs one(10 * minute, 5);
    one.keep(hourly(QStringLiteral("a")), {going}, T0 + 5, QStringLiteral("stopped"));
    const auto entry = one.take(QStringLiteral("a"), T0 + 6);
    QVERIFY(entry);
    // A run going when its job went is kept over: interrupted at the removal.
    QCOMPARE(entry->runs.first().outcome, RunOutcome::Interrupted);
    QCOMPARE(entry->runs.first().endTime, T0 + 5);
    QCOMPARE(entry->runs.first().error, QStringLiteral("stopped"));
}

QTEST_GUILESS_MAIN(TestRestoreJobs)
#include "testrestorejobs.moc"
