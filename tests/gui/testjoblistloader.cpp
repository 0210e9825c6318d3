// JobListLoader on a real SQLite store: loads off the GUI thread, reports failures, survives early destruction.
#include "scheduler/joblistloader.h"
#include "store/jobrowcodec.h"
#include "store/sqljobstore.h"
#include "triggers/crontrigger.h"
#include "triggers/intervaltrigger.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>

using namespace punctual;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000;
constexpr std::int64_t minute = 60'000;

JobListLoader::StoreFactory sqliteFactory(const QString &path)
{
    return [path]() -> Result<std::unique_ptr<JobStore>> {
        auto store = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
        if (!store)
            return store.error();
        return std::unique_ptr<JobStore>(std::move(store).value());
    };
}

} // namespace

class TestJobListLoader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsJobsAndLatestRuns();
    void failureIsReported();
    void newestLoadWins();
    void destroyedWhileLoading();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestJobListLoader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath("jobs.db");
}

void TestJobListLoader::cleanup()
{
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    m_dir.reset();
}

void TestJobListLoader::loadsJobsAndLatestRuns()
{
    constexpr int jobCount = 500;
    {
        auto store = SqlJobStore::openSqlite(m_path, SqlJobStore::OpenMode::ExplicitPath);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        QList<Job> jobs;
        for (int i = 0; i < jobCount; ++i) {
            Job job;
            job.id = QStringLiteral("job%1").arg(i, 4, 10, QLatin1Char('0'));
            job.name = QStringLiteral("Job %1").arg(i);
            if (i % 2)
                job.trigger = std::make_shared<IntervalTrigger>((i + 1) * minute, T0);
            else
                job.trigger = CronTrigger::create(QStringLiteral("%1 * * * *").arg(i % 60)).value();
            job.action = CommandAction{"/bin/true", {}, {}, {}, false};
            job.nextRunTime = job.trigger->nextFireTime(T0);
            jobs << job;
        }
        QVERIFY(store.value()->addJobs(jobs, ConflictPolicy::Fail));
        // Two runs of job0000 (the newer one failed), one of job0001, and one still running for job0002.
        for (const auto &[id, outcome] : {std::pair{"job0000", RunOutcome::Success},
                                          std::pair{"job0000", RunOutcome::Failed},
                                          std::pair{"job0001", RunOutcome::Missed},
                                          std::pair{"job0002", RunOutcome::Running}}) {
            RunRecord run;
            run.jobId = QString::fromLatin1(id);
            run.scheduledTime = T0;
            run.outcome = outcome;
            if (outcome != RunOutcome::Running)
                run.endTime = T0 + 10;
            QVERIFY(store.value()->insertRun(run));
            if (outcome != RunOutcome::Running)
                QVERIFY(store.value()->updateRun(run));
        }
    }

    std::atomic<QThread *> factoryThread{nullptr};
    auto factory = [path = m_path, &factoryThread]() -> Result<std::unique_ptr<JobStore>> {
        factoryThread = QThread::currentThread();
        return sqliteFactory(path)();
    };
    JobListLoader loader(factory);
    QSignalSpy loaded(&loader, &JobListLoader::loaded);
    QSignalSpy failed(&loader, &JobListLoader::failed);
    QVERIFY(!loader.isLoading());
    loader.load();
    QVERIFY(loader.isLoading());
    QVERIFY(loaded.wait(10000));
    QVERIFY(!loader.isLoading());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(loaded.count(), 1);
    QVERIFY(factoryThread.load() != nullptr);
    QVERIFY(factoryThread.load() != QThread::currentThread()); // the store was opened off the GUI thread

    const auto jobs = loaded.first().at(0).value<QList<JobSummary>>();
    const auto runs = loaded.first().at(1).value<QHash<QString, RunRecord>>();
    QCOMPARE(jobs.size(), jobCount);
    // Unparsed, in jobs() order; parsed, each is the stored job.
    auto store = SqlJobStore::openSqlite(m_path, SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY(store);
    const QList<Job> stored = store.value()->jobs().value();
    QCOMPARE(stored.size(), jobCount);
    JobRowCodec codec;
    for (qsizetype i = 0; i < jobCount; ++i) {
        const JobSummary &summary = jobs.at(i);
        QCOMPARE(summary.id, stored.at(i).id);
        QCOMPARE(summary.name, stored.at(i).name);
        QCOMPARE(summary.nextRunTime, stored.at(i).nextRunTime);
        QCOMPARE(summary.state(), stored.at(i).state());
        auto job = codec.parse(summary);
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
        QCOMPARE(job->trigger->toJson(), stored.at(i).trigger->toJson());
        QVERIFY(job->action == stored.at(i).action);
        QVERIFY(job->options == stored.at(i).options);
        QCOMPARE(job->createdAt, stored.at(i).createdAt);
    }
    // Equal texts are one string: every job here has the default options.
    QVERIFY(jobs.at(0).texts.options.isSharedWith(jobs.at(1).texts.options));
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.value("job0000").outcome, RunOutcome::Failed);
    QCOMPARE(runs.value("job0001").outcome, RunOutcome::Missed);
    QVERIFY(!runs.contains("job0002"));
}

void TestJobListLoader::failureIsReported()
{
    JobListLoader loader(sqliteFactory(m_dir->filePath("no/such/folder/jobs.db")));
    QSignalSpy loaded(&loader, &JobListLoader::loaded);
    QSignalSpy failed(&loader, &JobListLoader::failed);
    loader.load();
    QVERIFY(failed.wait(10000));
    QCOMPARE(loaded.count(), 0);
    QVERIFY2(failed.first().at(0).toString().contains("no/such/folder"), qPrintable(failed.first().at(0).toString()));
    QVERIFY(!loader.isLoading());

    JobListLoader empty(nullptr);
    QSignalSpy emptyFailed(&empty, &JobListLoader::failed);
    empty.load();
    QVERIFY(emptyFailed.wait(10000));
}

void TestJobListLoader::newestLoadWins()
{
    QVERIFY(SqlJobStore::openSqlite(m_path, SqlJobStore::OpenMode::ExplicitPath));
    QSemaphore firstMayFinish;
    std::atomic<int> calls{0};
    auto factory = [path = m_path, &firstMayFinish, &calls]() -> Result<std::unique_ptr<JobStore>> {
        if (calls.fetch_add(1) == 0)
            firstMayFinish.acquire(); // the first load is slow
        return sqliteFactory(path)();
    };
    JobListLoader loader(factory);
    QSignalSpy loaded(&loader, &JobListLoader::loaded);
    loader.load();
    QTRY_VERIFY(calls.load() >= 1);
    loader.load();
    QVERIFY(loaded.wait(10000)); // the second one
    firstMayFinish.release();
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    QCOMPARE(loaded.count(), 1); // the first, older answer is dropped
    QVERIFY(!loader.isLoading());
}

void TestJobListLoader::destroyedWhileLoading()
{
    QVERIFY(SqlJobStore::openSqlite(m_path, SqlJobStore::OpenMode::ExplicitPath));
    QSemaphore started;
    QSemaphore mayFinish;
    std::atomic<bool> finished{false};
    auto factory = [path = m_path, &started, &mayFinish, &finished]() -> Result<std::unique_ptr<JobStore>> {
        started.release();
        mayFinish.acquire();
        auto store = sqliteFactory(path)();
        finished = true;
        return store;
    };
    int delivered = 0;
    {
        auto loader = std::make_unique<JobListLoader>(factory);
        connect(loader.get(), &JobListLoader::loaded, this, [&delivered] { ++delivered; });
        connect(loader.get(), &JobListLoader::failed, this, [&delivered] { ++delivered; });
        loader->load();
        QVERIFY(started.tryAcquire(1, 10000));
        loader.reset(); // while the workers are inside the factory
    }
    mayFinish.release(2);
    QThreadPool::globalInstance()->waitForDone();
    QVERIFY(finished);
    QTest::qWait(50); // any (wrongly) posted delivery would run now
    QCOMPARE(delivered, 0);

    // Destroyed after the worker posted its result but before the event loop delivered it.
    {
        auto loader = std::make_unique<JobListLoader>(sqliteFactory(m_path));
        connect(loader.get(), &JobListLoader::loaded, this, [&delivered] { ++delivered; });
        loader->load();
        QThreadPool::globalInstance()->waitForDone(); // the result is posted, not yet delivered
        loader.reset();
    }
    QTest::qWait(50);
    QCOMPARE(delivered, 0);
}

QTEST_GUILESS_MAIN(TestJobListLoader)
#include "testjoblistloader.moc"
