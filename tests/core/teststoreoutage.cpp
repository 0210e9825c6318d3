// The scheduler through its store's outages: a store it cannot reach makes it unavailable, nothing starts, it
// reconnects with a doubling pause up to a cap, and on return the due times that passed meanwhile go through the
// misfire and coalesce rules; runs that ended meanwhile are written then. A real SQLite file, moved away and back
// (or swapped) under the scheduler as a user or a sync tool would; time on a fake clock.
#include "mock/fakeclock.h"
#include "support/schedulerharness.h"
#include "support/jobbuilder.h"
#include "support/testsupport.h"

#include "store/sqljobstore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15
constexpr std::int64_t second = 1000;

/// rename(2): replaces what is at @p to in one step, as `mv` and sync tools do (QFile::rename() never replaces).
bool moveOver(const QString &from, const QString &to)
{
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

} // namespace

class TestStoreOutage : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { tearDownScheduler(); }

    void reconnectsWithDoublingPauseUpToTheCap();
    void aStoreThatFailsAgainSoonKeepsItsPause();
    void nothingStartsWhileUnavailable();
    void dueTimesThatPassedFollowTheMisfireRules();
    void runsThatEndedMeanwhileAreWrittenOnReturn();
    void aReplacedFileIsOpenedAgain();
    void aFileThatIsNoStoreIsLeftAlone();
    void aFileMovedAwayKeepsItsLastCommits();
    void aRequestFindsTheStoreGone();

private:
    QString path() const { return m_dir.filePath(QStringLiteral("jobs.db")); }
    QString away() const { return m_dir.filePath(QStringLiteral("jobs.db.away")); }
    /// Moves the store file away and tells the scheduler, as the host's StoreWatcher does within a moment.
    void removeFile();
    void restoreFile();
    /// Lets the scheduler's queued pass (a reconnect) run.
    void settle() { QCoreApplication::processEvents(); }
    Job everySecond(const QString &id, const QString &function, std::optional<std::int64_t> graceMs);

    QTemporaryDir m_dir;
};

void TestStoreOutage::init()
{
    QVERIFY(m_dir.isValid());
    for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files))
        QFile::remove(m_dir.filePath(name));
    addSucceeding("ok");
    addBlocking("block");
    auto store = SqlJobStore::openSqlite(path(), SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY_OK(store);
    setUpScheduler(T0, std::move(store).value());
}

Job TestStoreOutage::everySecond(const QString &id, const QString &function, std::optional<std::int64_t> graceMs)
{
    JobOptions options;
    options.misfireGraceMs = graceMs;
    return JobBuilder(id).interval(second, T0 + second).function(function).options(options).build();
}

void TestStoreOutage::removeFile()
{
    QVERIFY(QFile::rename(path(), away()));
    m_scheduler->storeLost({ErrorCode::StoreUnavailable, QStringLiteral("the job store file was removed")}, true);
    settle();
}

void TestStoreOutage::restoreFile()
{
    QVERIFY(QFile::rename(away(), path()));
}

void TestStoreOutage::reconnectsWithDoublingPauseUpToTheCap()
{
    addOrDie(everySecond("tick", "ok", std::nullopt));
    QVERIFY_OK(m_scheduler->start());
    QSignalSpy changes(m_scheduler.get(), &Scheduler::storeStatusChanged);
    removeFile();

    // The first reconnect is made at once (the file was swapped: perhaps for another store) and fails: gone.
    QVERIFY(!m_scheduler->isStoreAvailable());
    QCOMPARE(m_scheduler->storeStatus().sinceMs, T0);
    QCOMPARE(m_scheduler->storeStatus().retries, 1);
    QVERIFY2(m_scheduler->storeStatus().lastError.contains("is gone"), qPrintable(m_scheduler->storeStatus().lastError));
    QVERIFY(m_scheduler->storeStatus().lastError.contains(QDir::toNativeSeparators(path())));
    QVERIFY(!QFile::exists(path())); // never a new store made in its place

    // Each failed reconnect doubles the pause, up to the cap; the wake timer is armed for exactly that.
    const std::int64_t expected[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
    std::int64_t now = T0;
    for (const std::int64_t pause : expected) {
        QVERIFY(m_timer->armedAt());
        QCOMPARE(*m_timer->armedAt() - now, pause);
        QCOMPARE(m_scheduler->storeStatus().nextRetryMs, std::optional<std::int64_t>(now + pause));
        now += pause;
        wake(now);
        QVERIFY(!m_scheduler->isStoreAvailable());
    }
    QCOMPARE(m_scheduler->storeStatus().retries, 9);
    QCOMPARE(m_scheduler->storeStatus().sinceMs, T0); // since the outage began, not since the last try

    // A wake before the next try (a retry's time, a refresh) tries nothing.
    const int before = m_scheduler->storeStatus().retries;
    wake(now + 10);
    QCOMPARE(m_scheduler->storeStatus().retries, before);

    restoreFile();
    wake(*m_timer->armedAt());
    QVERIFY(m_scheduler->isStoreAvailable());
    QCOMPARE(m_scheduler->storeStatus().retries, before + 1);
    QVERIFY(!m_scheduler->storeStatus().nextRetryMs);
    // Unavailable, each of the `before` failed reconnects, and available again: every change was signalled.
    QCOMPARE(changes.size(), 1 + before + 1);
    QVERIFY(!changes.first().at(0).value<StoreStatus>().available);
    QVERIFY(changes.last().at(0).value<StoreStatus>().available);
}

void TestStoreOutage::aStoreThatFailsAgainSoonKeepsItsPause()
{
    addOrDie(everySecond("tick", "ok", std::nullopt));
    QVERIFY_OK(m_scheduler->start());
    removeFile(); // fails at once: the next try in 0.5 s
    for (int i = 0; i < 4; ++i)
        wake(*m_timer->armedAt()); // then 1, 2, 4 s: the next in 8 s
    QCOMPARE(*m_timer->armedAt() - m_clock.nowMs(), 8000);
    restoreFile();
    wake(*m_timer->armedAt());
    QVERIFY(m_scheduler->isStoreAvailable());

    // Gone again 10 s later (a disk that fails, a flapping link): the pause goes on from where it was.
    m_clock.advance(10 * second);
    removeFile();
    QCOMPARE(*m_timer->armedAt() - m_clock.nowMs(), 16000);
    restoreFile();
    wake(*m_timer->armedAt());
    QVERIFY(m_scheduler->isStoreAvailable());

    // After a minute of a store that works, an outage starts from the first pause again.
    m_clock.advance(Scheduler::storeStableMs);
    removeFile();
    QCOMPARE(*m_timer->armedAt() - m_clock.nowMs(), Scheduler::storeRetryFirstMs);
}

void TestStoreOutage::nothingStartsWhileUnavailable()
{
    addOrDie(everySecond("tick", "ok", std::nullopt));
    QVERIFY_OK(m_scheduler->start());
    QSignalSpy started(m_scheduler.get(), &Scheduler::jobSubmitted);
    removeFile();
    for (std::int64_t t = T0 + 500; t <= T0 + 20 * second; t += 500) {
        m_clock.setNowMs(t);
        if (m_timer->armedAt() && *m_timer->armedAt() <= t)
            m_timer->fire();
    }
    QCOMPARE(started.size(), 0);
    // Run now is refused while nothing can be recorded: said so, nothing started.
    auto now = m_scheduler->runJobNow("tick");
    QVERIFY(!now);
    QCOMPARE(now.error().code, ErrorCode::StoreUnavailable);
    QVERIFY2(now.error().message.contains("nothing started"), qPrintable(now.error().message));
    auto bulk = m_scheduler->runJobsNow({"tick"});
    QVERIFY(!bulk);
    QCOMPARE(bulk.error().code, ErrorCode::StoreUnavailable);
    QCOMPARE(started.size(), 0);
}

void TestStoreOutage::dueTimesThatPassedFollowTheMisfireRules()
{
    // Fire times pass during a two-minute outage. On return each job's policy decides, as after downtime:
    //  - graced: every 60 s, coalescing, grace 1 s: its latest time (120 s) is 2.5 s late: recorded missed;
    //  - patient: the same with no grace limit: runs once, for 120 s;
    //  - eager: every 20 s, not coalescing, no grace limit: runs each time, 20 s to 120 s, in order.
    const auto every = [](const QString &id, std::int64_t periodMs, std::optional<std::int64_t> graceMs,
                          CoalescePolicy coalesce) {
        JobOptions options;
        options.misfireGraceMs = graceMs;
        options.coalesce = coalesce;
        return JobBuilder(id).interval(periodMs, T0 + periodMs).function("ok").options(options).build();
    };
    addOrDie(every("graced", 60 * second, second, CoalescePolicy::Latest));
    addOrDie(every("patient", 60 * second, std::nullopt, CoalescePolicy::Latest));
    addOrDie(every("eager", 20 * second, std::nullopt, CoalescePolicy::All));
    QVERIFY_OK(m_scheduler->start());
    m_clock.setNowMs(T0 + second);
    removeFile();
    // Reconnects at 1.5, 2.5, 4.5, 8.5, 16.5, 32.5, 62.5, 92.5 s fail; the file is back before the one at 122.5 s.
    std::int64_t now = T0 + second;
    while (now < T0 + 90 * second) {
        now = *m_timer->armedAt();
        wake(now);
    }
    QCOMPARE(now, T0 + 92'500);
    QVERIFY(!m_scheduler->isStoreAvailable());
    restoreFile();
    QSignalSpy missed(m_scheduler.get(), &Scheduler::jobMissed);
    QSignalSpy started(m_scheduler.get(), &Scheduler::jobSubmitted);
    now = *m_timer->armedAt();
    QCOMPARE(now, T0 + 122'500);
    wake(now);
    QVERIFY(m_scheduler->isStoreAvailable());
    QTRY_COMPARE(started.size(), 1 + 6);
    QTRY_COMPARE(m_scheduler->runningCount(), 0);

    const auto graced = m_scheduler->history("graced", -1);
    QVERIFY_OK(graced);
    QCOMPARE(graced.value().size(), 1);
    QCOMPARE(graced.value().first().outcome, RunOutcome::Missed);
    QCOMPARE(graced.value().first().scheduledTime, T0 + 120 * second);
    QCOMPARE(missed.size(), 1);

    const auto patient = m_scheduler->history("patient", -1);
    QVERIFY_OK(patient);
    QCOMPARE(patient.value().size(), 1);
    QCOMPARE(patient.value().first().outcome, RunOutcome::Success);
    QCOMPARE(patient.value().first().scheduledTime, T0 + 120 * second);

    const auto eager = m_scheduler->history("eager", -1);
    QVERIFY_OK(eager);
    QCOMPARE(eager.value().size(), 6);
    for (int i = 0; i < 6; ++i) { // newest first
        QCOMPARE(eager.value().at(i).outcome, RunOutcome::Success);
        QCOMPARE(eager.value().at(i).scheduledTime, T0 + (6 - i) * 20 * second);
    }
    // All are scheduled from now on again.
    for (const QString &id : {QStringLiteral("graced"), QStringLiteral("patient"), QStringLiteral("eager")}) {
        const auto job = m_scheduler->job(id);
        QVERIFY_OK(job);
        QVERIFY(job.value().nextRunTime && *job.value().nextRunTime > now);
    }
}

void TestStoreOutage::runsThatEndedMeanwhileAreWrittenOnReturn()
{
    addOrDie(everySecond("slow", "block", std::nullopt));
    QVERIFY_OK(m_scheduler->start());
    wake(T0 + second);
    QTRY_COMPARE(m_scheduler->runningCount(), 1);
    removeFile();
    QSignalSpy ended(m_scheduler.get(), &Scheduler::jobExecuted);
    m_gate.release(1);
    QTRY_COMPARE(ended.size(), 1);
    QTRY_COMPARE(m_scheduler->runningCount(), 0);
    settle(); // its write-behind fails: kept

    restoreFile();
    wake(*m_timer->armedAt());
    QVERIFY(m_scheduler->isStoreAvailable());
    // Read from the file itself, through another connection: the run's end is there.
    auto reader = SqlJobStore::openSqlite(path(), SqlJobStore::OpenMode::ReadOnly);
    QVERIFY_OK(reader);
    const auto runs = reader.value()->runs("slow", -1);
    QVERIFY_OK(runs);
    QVERIFY(!runs.value().isEmpty());
    const RunRecord &first = runs.value().last();
    QCOMPARE(first.scheduledTime, T0 + second);
    QCOMPARE(first.outcome, RunOutcome::Success);
}

void TestStoreOutage::aReplacedFileIsOpenedAgain()
{
    addOrDie(everySecond("old", "ok", std::nullopt));
    QVERIFY_OK(m_scheduler->start());
    // Another store, made elsewhere (a restored copy), moved over the path: what a sync tool does.
    const QString other = m_dir.filePath(QStringLiteral("restored.db"));
    {
        auto restored = SqlJobStore::openSqlite(other, SqlJobStore::OpenMode::ExplicitPath);
        QVERIFY_OK(restored);
        Job job = everySecond("new", "ok", std::nullopt);
        job.nextRunTime = T0 + second;
        QVERIFY_OK(restored.value()->addJob(job, ConflictPolicy::Fail));
    }
    QVERIFY(moveOver(other, path()));
    QSignalSpy changes(m_scheduler.get(), &Scheduler::storeStatusChanged);
    m_scheduler->storeLost({ErrorCode::StoreUnavailable, QStringLiteral("the job store file was replaced")}, true);
    QVERIFY(!m_scheduler->isStoreAvailable()); // never scheduled from the old file meanwhile
    settle();
    QVERIFY(m_scheduler->isStoreAvailable());
    QCOMPARE(changes.size(), 2);

    const auto jobs = m_scheduler->jobs();
    QVERIFY_OK(jobs);
    QCOMPARE(jobs.value().size(), 1);
    QCOMPARE(jobs.value().first().id, QString("new"));
    QSignalSpy started(m_scheduler.get(), &Scheduler::jobSubmitted);
    wake(T0 + second);
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(started.first().at(0).value<RunRecord>().jobId, QString("new"));
}

void TestStoreOutage::aFileThatIsNoStoreIsLeftAlone()
{
    addOrDie(everySecond("tick", "ok", std::nullopt));
    QVERIFY_OK(m_scheduler->start());
    const QByteArray garbage = QByteArray("this is not a database\n").repeated(200);
    const QString other = m_dir.filePath(QStringLiteral("garbage"));
    {
        QFile file(other);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    QVERIFY(moveOver(other, path()));
    m_scheduler->storeLost({ErrorCode::StoreUnavailable, QStringLiteral("the job store file was replaced")}, true);
    settle();
    QVERIFY(!m_scheduler->isStoreAvailable());
    QVERIFY2(m_scheduler->storeStatus().lastError.contains("not a Punctual job store"),
             qPrintable(m_scheduler->storeStatus().lastError));
    wake(*m_timer->armedAt());
    QVERIFY(!m_scheduler->isStoreAvailable());
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage); // untouched: no log of the old store was replayed into it
    QVERIFY(!QFile::exists(path() + "-wal"));
}

void TestStoreOutage::aFileMovedAwayKeepsItsLastCommits()
{
    // The last commits of the store are in its -wal (the checkpointer copies them later). The file is moved
    // away and another store put in its place: the moved file must still hold them, wherever it is now.
    addOrDie(everySecond("kept", "ok", std::nullopt));
    QVERIFY_OK(m_scheduler->start());
    QVERIFY(QFile::rename(path(), away()));
    const QString other = m_dir.filePath(QStringLiteral("restored.db"));
    {
        auto restored = SqlJobStore::openSqlite(other, SqlJobStore::OpenMode::ExplicitPath);
        QVERIFY_OK(restored);
    }
    QVERIFY(moveOver(other, path()));
    m_scheduler->storeLost({ErrorCode::StoreUnavailable, QStringLiteral("the job store file was replaced")}, true);
    settle();
    QVERIFY(m_scheduler->isStoreAvailable());
    QCOMPARE(m_scheduler->jobs().value().size(), 0); // the new store

    auto moved = SqlJobStore::openSqlite(away(), SqlJobStore::OpenMode::ReadOnly);
    QVERIFY_OK(moved);
    const auto job = moved.value()->job("kept");
    QVERIFY_OK(job);
    QVERIFY(job.value().has_value());
}

void TestStoreOutage::aRequestFindsTheStoreGone()
{
    // Nothing due for an hour: the store is lost unseen until a request fails; the scheduler then reconnects.
    Job hourly = JobBuilder("hourly").interval(3600 * second, T0 + 3600 * second).function("ok").build();
    addOrDie(hourly);
    QVERIFY_OK(m_scheduler->start());
    QVERIFY(QFile::rename(path(), away()));
    // What ControlServer does with a request's StoreUnavailable error.
    m_scheduler->storeLost({ErrorCode::StoreUnavailable, QStringLiteral("cannot reach the job store")});
    QVERIFY(!m_scheduler->isStoreAvailable());
    QCOMPARE(*m_timer->armedAt(), T0 + Scheduler::storeRetryFirstMs);
    restoreFile();
    wake(T0 + Scheduler::storeRetryFirstMs);
    QVERIFY(m_scheduler->isStoreAvailable());
    QCOMPARE(*m_timer->armedAt(), T0 + 3600 * second); // armed for the job again
}

QTEST_GUILESS_MAIN(TestStoreOutage)
#include "teststoreoutage.moc"
