// Job store contract: one suite, run against every backend (memory, sqlite, postgresql) through QTest's global data.
// PostgreSQL: a private server (tests/support/postgresserver.h), a fresh database per test.
#include "store/jobrowcodec.h"
#include "store/jobvaluehash.h"
#include "store/memoryjobstore.h"
#include "store/sqljobstore.h"
#include "support/jobbuilder.h"
#include "support/postgresserver.h"
#include "support/testsupport.h"
#include "time/isotime.h"
#include "triggers/crontrigger.h"
#include "triggers/intervaltrigger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;
using punctual::test::JobBuilder;

namespace {

Job makeJob(const QString &id, std::optional<std::int64_t> nextRunTime, bool paused = false)
{
    return JobBuilder(id)
        .name("Job " + id)
        .interval(3'600'000, 1'000'000)
        .command("/bin/echo", {id})
        .paused(paused)
        .nextRunTime(nextRunTime)
        .createdAt(42);
}

/// A job that uses every field: cron trigger in a named zone with jitter, full command, non-default options.
Job makeRichJob(const QString &id)
{
    auto cron = CronTrigger::create("30 2 * * mon-fri", ZoneRules::forZone("Europe/Berlin"));
    if (!cron)
        qFatal("bad test cron: %s", qPrintable(cron.error().message));
    cron.value()->setJitterMs(1500);
    cron.value()->setStartMs(1'700'000'000'000);
    Job job;
    job.id = id;
    job.name = "Nightly backup ✓ \"quoted\"";
    job.trigger = std::shared_ptr<const Trigger>(std::move(cron).value());
    CommandAction action;
    action.program = "/usr/bin/rsync";
    action.arguments = {"-a", "/home/me/", "backup host:/srv/me"};
    action.workingDirectory = "/tmp";
    action.environment = {{"LANG", "C"}, {"RSYNC_RSH", "ssh -q"}};
    action.useShell = true;
    action.outputCapBytes = 4096;
    job.action = action;
    job.options.maxInstances = 3;
    job.options.coalesce = CoalescePolicy::All;
    job.options.misfireGraceMs = std::nullopt;
    job.options.timeoutMs = 90'000;
    job.options.maxRetries = 2;
    job.options.retryDelayMs = 1'500;
    job.options.removeWhenDone = true;
    job.nextRunTime = 1'700'000'123'000;
    job.createdAt = 1'699'999'999'999;
    return job;
}

RunRecord makeRun(const QString &jobId, std::int64_t scheduledTime, RunOutcome outcome = RunOutcome::Running)
{
    RunRecord run;
    run.jobId = jobId;
    run.scheduledTime = scheduledTime;
    run.outcome = outcome;
    return run;
}

/// Empty when equal, else what differs (QVERIFY2 prints it).
QString jobDifference(const Job &a, const Job &b)
{
    QStringList diff;
    if (a.id != b.id)
        diff << "id " + a.id + " vs " + b.id;
    if (a.name != b.name)
        diff << "name " + a.name + " vs " + b.name;
    if (!a.trigger || !b.trigger || a.trigger->toJson() != b.trigger->toJson())
        diff << "trigger";
    if (!(a.action == b.action))
        diff << "action";
    if (!(a.options == b.options))
        diff << "options";
    if (a.paused != b.paused)
        diff << "paused";
    if (a.nextRunTime != b.nextRunTime)
        diff << "next_run_time";
    if (a.createdAt != b.createdAt)
        diff << "created_at";
    return diff.isEmpty() ? QString() : a.id + ": " + diff.join(", ");
}

QString runDifference(const RunRecord &a, const RunRecord &b)
{
    const bool same = a.id == b.id && a.jobId == b.jobId && a.scheduledTime == b.scheduledTime
        && a.startTime == b.startTime && a.endTime == b.endTime && a.outcome == b.outcome && a.exitCode == b.exitCode
        && a.output == b.output && a.error == b.error && a.lateMs == b.lateMs && a.attempt == b.attempt
        && a.instance == b.instance;
    return same ? QString() : QString("run %1 differs").arg(a.id);
}

QStringList idsOf(const QList<Job> &jobs)
{
    QStringList ids;
    for (const Job &job : jobs)
        ids << job.id;
    return ids;
}

QList<std::int64_t> idsOf(const QList<RunRecord> &runs)
{
    QList<std::int64_t> ids;
    for (const RunRecord &run : runs)
        ids << run.id;
    return ids;
}

} // namespace

class TestJobStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void addAndGet();
    void updateJob();
    void removeJob();
    void bulkWrites();
    void conflictUnlessReplace();
    void invalidJobRefused();
    void removeAllJobs();
    void jobsOrdering();
    void dueJobs();
    void earliestNextRunTime();
    void addJobsAllOrNothing();
    void commitDue();
    void commitDueIsAtomic();
    void runs();
    void runNotFound();
    void interruptRunningRuns();
    void latestRuns();
    void pruneRuns();
    void manyJobs();
    void persistsAcrossReopen();
    void skipConflictRefusedAsFail();
    void everyFieldOfActionsAndOptionsKept();
    void everyFieldOfTriggersKept();
    void unpausedJobIdsWithEvents();
    void idsAndNamesInAnyScript();
    void calendars();
    void runsInRange();
    void jobStatistics();
    void jobStatisticsOfEmptyAndRunningJobs();
    void jobStatisticsInGroupsOfIds();
    void intervalTextsAsQtWritesThem();

private:
    std::unique_ptr<JobStore> open();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobStore> m_store;
    punctual::test::PostgresServer m_postgres;
    bool m_postgresStarted = false;
    QString m_database; ///< this test's PostgreSQL database
};

void TestJobStore::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("memory") << QString("memory");
    QTest::newRow("sqlite") << QString("sqlite");
    QTest::newRow("postgresql") << QString("postgresql");
}

void TestJobStore::initTestCase()
{
    m_postgresStarted = m_postgres.start();
    QVERIFY2(m_postgresStarted, qPrintable(m_postgres.error() + '\n' + m_postgres.log()));
}

std::unique_ptr<JobStore> TestJobStore::open()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend == "memory")
        return std::make_unique<MemoryJobStore>();
    if (backend == "postgresql") {
        PostgresLocation location;
        location.host = m_postgres.host();
        location.port = m_postgres.port();
        location.user = m_postgres.user();
        location.database = m_database;
        location.instanceId = "contract-test";
        auto store = SqlJobStore::openPostgres(location);
        if (!store) {
            qWarning("%s", qPrintable(store.error().message));
            return nullptr;
        }
        return std::move(store).value();
    }
    auto store = SqlJobStore::openSqlite(m_dir->filePath("jobs.db"), SqlJobStore::OpenMode::ExplicitPath);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(store).value();
}

void TestJobStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QFETCH_GLOBAL(QString, backend);
    if (backend == "postgresql") {
        QVERIFY(m_postgresStarted);
        QVERIFY2(m_postgres.createUniqueDatabase(&m_database), qPrintable(m_postgres.error()));
    }
    m_store = open();
    QVERIFY(m_store);
}

void TestJobStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestJobStore::addAndGet()
{
    QVERIFY(!m_store->describe().isEmpty());
    QCOMPARE(m_store->jobCount().value(), 0);
    QVERIFY(m_store->jobs().value().isEmpty());
    QVERIFY(!m_store->job("rich").value().has_value());

    const Job rich = makeRichJob("rich");
    QVERIFY_OK(m_store->addJob(rich, ConflictPolicy::Fail));
    Job function = makeJob("function", std::nullopt, true);
    function.action = FunctionAction{"cleanup", QJsonObject{{"days", 30}}};
    QVERIFY_OK(m_store->addJob(function, ConflictPolicy::Fail));

    QCOMPARE(m_store->jobCount().value(), 2);
    const auto stored = m_store->job("rich");
    QVERIFY(stored);
    QVERIFY(stored.value().has_value());
    QVERIFY2(jobDifference(*stored.value(), rich).isEmpty(), qPrintable(jobDifference(*stored.value(), rich)));
    QCOMPARE(stored.value()->trigger->nextFireTime(1'700'000'000'000), rich.trigger->nextFireTime(1'700'000'000'000));
    const auto storedFunction = m_store->job("function");
    QVERIFY(storedFunction && storedFunction.value().has_value());
    QVERIFY(jobDifference(*storedFunction.value(), function).isEmpty());
}

void TestJobStore::updateJob()
{
    QVERIFY_OK(m_store->addJob(makeJob("a", 100), ConflictPolicy::Fail));
    Job changed = makeRichJob("a");
    changed.paused = true;
    changed.nextRunTime.reset();
    QVERIFY_OK(m_store->updateJob(changed));
    QVERIFY(jobDifference(*m_store->job("a").value(), changed).isEmpty());

    const auto missing = m_store->updateJob(makeJob("ghost", 5));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY2(missing.error().message.contains("ghost"), qPrintable(missing.error().message));
    QCOMPARE(m_store->jobCount().value(), 1);
}

void TestJobStore::removeJob()
{
    QVERIFY_OK(m_store->addJob(makeJob("a", 100), ConflictPolicy::Fail));
    QVERIFY_OK(m_store->addJob(makeJob("b", 200), ConflictPolicy::Fail));
    RunRecord run = makeRun("a", 100);
    QVERIFY_OK(m_store->insertRun(run));
    RunRecord other = makeRun("b", 200);
    QVERIFY_OK(m_store->insertRun(other));

    QVERIFY_OK(m_store->removeJob("a"));
    QVERIFY(!m_store->job("a").value().has_value());
    QCOMPARE(m_store->jobCount().value(), 1);
    QVERIFY(m_store->runs("a", -1).value().isEmpty());
    QCOMPARE(idsOf(m_store->runs({}, -1).value()), QList<std::int64_t>{other.id});
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(200));

    const auto again = m_store->removeJob("a");
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::NotFound);
    QVERIFY2(again.error().message.contains("\"a\""), qPrintable(again.error().message));
}

void TestJobStore::bulkWrites()
{
    // More ids than one statement's group (64), so the SQL stores' grouped statements are crossed.
    QList<Job> jobs;
    QStringList ids;
    for (int i = 0; i < 100; ++i) {
        jobs.append(makeJob(QStringLiteral("j%1").arg(i, 3, 10, QLatin1Char('0')), 1000 + i));
        ids.append(jobs.back().id);
    }
    QVERIFY_OK(m_store->addJobs(jobs, ConflictPolicy::Fail));
    const QStringList selected = ids.mid(10, 70);

    auto found = m_store->jobsById(selected + QStringList{"missing"});
    QVERIFY_OK(found);
    QCOMPARE(found->size(), 70);
    QCOMPARE(found->value("j042").nextRunTime, std::optional<std::int64_t>(1042));
    QVERIFY(!found->contains("missing"));

    QList<Job> paused;
    for (const QString &id : selected)
        paused.append(makeJob(id, std::nullopt, true));
    QVERIFY_OK(m_store->updateJobStates(paused));
    QVERIFY(m_store->job("j010").value()->paused);
    QVERIFY(m_store->job("j079").value()->paused);
    QVERIFY(!m_store->job("j080").value()->paused);
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(1000));
    // A job not stored: NotFound naming it, and no state written.
    QList<Job> resumed{makeJob("j020", 5), makeJob("ghost", 5)};
    const auto refusedStates = m_store->updateJobStates(resumed);
    QVERIFY(!refusedStates);
    QCOMPARE(refusedStates.error().code, ErrorCode::NotFound);
    QVERIFY2(refusedStates.error().message.contains("\"ghost\""), qPrintable(refusedStates.error().message));
    QVERIFY(m_store->job("j020").value()->paused);

    QList<RunRecord> runs{makeRun("j010", 100), makeRun("j011", 100), makeRun("j090", 100)};
    QVERIFY_OK(m_store->insertRuns(runs));
    QVERIFY(runs[0].id > 0 && runs[1].id > runs[0].id && runs[2].id > runs[1].id);
    QCOMPARE(m_store->runs({}, -1)->size(), 3);
    QList<RunRecord> orphan{makeRun("j012", 100), makeRun("ghost", 100)};
    const auto refusedRuns = m_store->insertRuns(orphan);
    QVERIFY(!refusedRuns);
    QCOMPARE(refusedRuns.error().code, ErrorCode::NotFound);
    QCOMPARE(m_store->runs({}, -1)->size(), 3);

    // All or nothing: the first id not stored is named (here in the second group), nothing is removed.
    QStringList withGhost = selected;
    withGhost.insert(66, "ghost");
    withGhost.append("ghost2");
    const auto refused = m_store->removeJobs(withGhost);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NotFound);
    QVERIFY2(refused.error().message.contains("\"ghost\""), qPrintable(refused.error().message));
    QCOMPARE(m_store->jobCount().value(), 100);
    QVERIFY_OK(m_store->removeJobs(selected));
    QCOMPARE(m_store->jobCount().value(), 30);
    QVERIFY(!m_store->job("j010").value());
    QVERIFY(m_store->job("j080").value());
    QCOMPARE(idsOf(m_store->runs({}, -1).value()), QList<std::int64_t>{runs[2].id}); // runs went with their jobs
}

void TestJobStore::conflictUnlessReplace()
{
    QVERIFY_OK(m_store->addJob(makeJob("x", 100), ConflictPolicy::Fail));
    RunRecord run = makeRun("x", 100);
    QVERIFY_OK(m_store->insertRun(run));

    Job second = makeJob("x", 500);
    second.name = "second";
    const auto conflict = m_store->addJob(second, ConflictPolicy::Fail);
    QVERIFY(!conflict);
    QCOMPARE(conflict.error().code, ErrorCode::Conflict);
    QVERIFY2(conflict.error().message.contains("\"x\""), qPrintable(conflict.error().message));
    QCOMPARE(m_store->job("x").value()->name, QString("Job x"));

    QVERIFY_OK(m_store->addJob(second, ConflictPolicy::Replace));
    QVERIFY(jobDifference(*m_store->job("x").value(), second).isEmpty());
    QCOMPARE(m_store->jobCount().value(), 1);
    QCOMPARE(m_store->runs("x", -1).value().size(), 1); // replacing keeps the history
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(500));
}

void TestJobStore::invalidJobRefused()
{
    Job noId = makeJob("", 100);
    const auto empty = m_store->addJob(noId, ConflictPolicy::Fail);
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidInput);
    Job noTrigger = makeJob("t", 100);
    noTrigger.trigger.reset();
    const auto untriggered = m_store->addJob(noTrigger, ConflictPolicy::Replace);
    QVERIFY(!untriggered);
    QCOMPARE(untriggered.error().code, ErrorCode::InvalidInput);
    QVERIFY(untriggered.error().message.contains("\"t\""));
    QCOMPARE(m_store->jobCount().value(), 0);
}

void TestJobStore::removeAllJobs()
{
    QCOMPARE(m_store->removeAllJobs().value(), 0);
    for (const char *id : {"a", "b", "c"})
        QVERIFY_OK(m_store->addJob(makeJob(id, 100), ConflictPolicy::Fail));
    RunRecord run = makeRun("b", 100);
    QVERIFY_OK(m_store->insertRun(run));
    const std::int64_t lastRunId = run.id;

    QCOMPARE(m_store->removeAllJobs().value(), 3);
    QCOMPARE(m_store->jobCount().value(), 0);
    QVERIFY(m_store->jobs().value().isEmpty());
    QVERIFY(m_store->runs({}, -1).value().isEmpty());
    QVERIFY(!m_store->earliestNextRunTime().value().has_value());

    // Run ids are never reused.
    QVERIFY_OK(m_store->addJob(makeJob("b", 100), ConflictPolicy::Fail));
    RunRecord next = makeRun("b", 100);
    QVERIFY_OK(m_store->insertRun(next));
    QVERIFY(next.id > lastRunId);
}

void TestJobStore::jobsOrdering()
{
    QVERIFY_OK(m_store->addJob(makeJob("c", 300), ConflictPolicy::Fail));
    QVERIFY_OK(m_store->addJob(makeJob("e", std::nullopt, true), ConflictPolicy::Fail));
    QVERIFY_OK(m_store->addJob(makeJob("b", 100), ConflictPolicy::Fail));
    QVERIFY_OK(m_store->addJob(makeJob("d", std::nullopt), ConflictPolicy::Fail));
    QVERIFY_OK(m_store->addJob(makeJob("a", 100), ConflictPolicy::Fail));
    QVERIFY_OK(m_store->addJob(makeJob("f", 200, true), ConflictPolicy::Fail));
    QCOMPARE(idsOf(m_store->jobs().value()), QStringList({"a", "b", "f", "c", "d", "e"}));

    // The window's read (JobListLoader): the same jobs in the same order, unparsed; parsed, each is the stored job.
    const QList<JobSummary> summaries = m_store->jobSummaries().value();
    const QList<Job> jobs = m_store->jobs().value();
    QCOMPARE(summaries.size(), jobs.size());
    JobRowCodec codec;
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        QCOMPARE(summaries.at(i).id, jobs.at(i).id);
        QCOMPARE(summaries.at(i).state(), jobs.at(i).state());
        auto parsed = codec.parse(summaries.at(i));
        QVERIFY_OK(parsed);
        QCOMPARE(parsed->toJson(), jobs.at(i).toJson());
    }
}

void TestJobStore::dueJobs()
{
    QVERIFY_OK(m_store->addJobs({makeJob("j4", 300), makeJob("j3", 200), makeJob("j1", 100), makeJob("j2", 200),
                              makeJob("j5", 400), makeJob("paused", 50, true), makeJob("never", std::nullopt)},
                             ConflictPolicy::Fail));
    QCOMPARE(idsOf(m_store->dueJobs(200, 10).value()), QStringList({"j1", "j2", "j3"})); // inclusive, ties by id
    QCOMPARE(idsOf(m_store->dueJobs(200, 2).value()), QStringList({"j1", "j2"}));
    QCOMPARE(idsOf(m_store->dueJobs(199, 10).value()), QStringList({"j1"}));
    QVERIFY(m_store->dueJobs(99, 10).value().isEmpty()); // the paused job at 50 is not due
    QCOMPARE(m_store->dueJobs(1'000, -1).value().size(), 5);
    QVERIFY(m_store->dueJobs(1'000, 0).value().isEmpty());

    const auto due = m_store->dueJobs(100, 1).value();
    QCOMPARE(due.size(), 1);
    QVERIFY(jobDifference(due.first(), makeJob("j1", 100)).isEmpty());
}

void TestJobStore::earliestNextRunTime()
{
    QVERIFY(!m_store->earliestNextRunTime().value().has_value());
    QVERIFY_OK(m_store->addJob(makeJob("paused", 50, true), ConflictPolicy::Fail));
    QVERIFY_OK(m_store->addJob(makeJob("finished", std::nullopt), ConflictPolicy::Fail));
    QVERIFY(!m_store->earliestNextRunTime().value().has_value());
    QVERIFY_OK(m_store->addJob(makeJob("j", 300), ConflictPolicy::Fail));
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(300));
    QVERIFY_OK(m_store->addJob(makeJob("k", 100), ConflictPolicy::Fail));
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(100));
    QVERIFY_OK(m_store->updateJob(makeJob("k", 100, true)));
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(300));
    QVERIFY_OK(m_store->removeJob("j"));
    QVERIFY(!m_store->earliestNextRunTime().value().has_value());
}

void TestJobStore::addJobsAllOrNothing()
{
    QVERIFY_OK(m_store->addJob(makeJob("e1", 100), ConflictPolicy::Fail));
    QVERIFY_OK(m_store->addJobs({}, ConflictPolicy::Fail));

    const auto existing = m_store->addJobs({makeJob("n1", 1), makeJob("n2", 2), makeJob("e1", 3), makeJob("n3", 4)},
                                           ConflictPolicy::Fail);
    QVERIFY(!existing);
    QCOMPARE(existing.error().code, ErrorCode::Conflict);
    QVERIFY2(existing.error().message.contains("\"e1\""), qPrintable(existing.error().message));
    QCOMPARE(idsOf(m_store->jobs().value()), QStringList{"e1"});

    const auto twice = m_store->addJobs({makeJob("m1", 1), makeJob("m2", 2), makeJob("m1", 3)}, ConflictPolicy::Fail);
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::Conflict);
    QVERIFY(twice.error().message.contains("\"m1\""));
    QCOMPARE(m_store->jobCount().value(), 1);

    Job broken = makeJob("broken", 5);
    broken.trigger.reset();
    const auto invalid = m_store->addJobs({makeJob("m1", 1), broken, makeJob("m2", 2)}, ConflictPolicy::Replace);
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().code, ErrorCode::InvalidInput);
    QCOMPARE(m_store->jobCount().value(), 1);
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(100));

    Job replaced = makeJob("e1", 50);
    replaced.name = "replaced";
    QVERIFY_OK(m_store->addJobs({makeJob("n1", 10), replaced, makeJob("n2", 20)}, ConflictPolicy::Replace));
    QCOMPARE(idsOf(m_store->jobs().value()), QStringList({"n1", "n2", "e1"}));
    QCOMPARE(m_store->job("e1").value()->name, QString("replaced"));
}

void TestJobStore::commitDue()
{
    Job done = makeJob("c", 100);
    done.options.removeWhenDone = true;
    QVERIFY_OK(m_store->addJobs({makeJob("a", 100), makeJob("b", 100), done}, ConflictPolicy::Fail));

    DueBatch batch;
    batch.updatedJobs = {makeJob("a", 200), makeJob("b", std::nullopt, true)};
    batch.runs << makeRun("a", 100);
    RunRecord missed = makeRun("b", 100, RunOutcome::Missed);
    missed.lateMs = 61'000;
    missed.error = "missed by 61 s";
    batch.runs << missed << makeRun("a", 100, RunOutcome::Skipped) << makeRun("c", 100, RunOutcome::Success);
    batch.removedJobIds = {"c"};
    QVERIFY_OK(m_store->commitDue(batch));

    QVERIFY(batch.runs[0].id > 0);
    for (int i = 1; i < batch.runs.size(); ++i)
        QVERIFY(batch.runs[i].id > batch.runs[i - 1].id);
    QCOMPARE(m_store->job("a").value()->nextRunTime, std::optional<std::int64_t>(200));
    QVERIFY(m_store->job("b").value()->paused);
    QVERIFY(!m_store->job("c").value().has_value());
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(200));
    QCOMPARE(idsOf(m_store->runs("a", -1).value()), (QList<std::int64_t>{batch.runs[2].id, batch.runs[0].id}));
    const auto bRuns = m_store->runs("b", -1).value();
    QCOMPARE(bRuns.size(), 1);
    QVERIFY(runDifference(bRuns.first(), batch.runs[1]).isEmpty());
    QVERIFY(m_store->runs("c", -1).value().isEmpty()); // removed with its job
}

void TestJobStore::commitDueIsAtomic()
{
    QVERIFY_OK(m_store->addJob(makeJob("a", 100), ConflictPolicy::Fail));

    DueBatch unknownRemoval;
    unknownRemoval.updatedJobs = {makeJob("a", 999)};
    unknownRemoval.runs = {makeRun("a", 100)};
    unknownRemoval.removedJobIds = {"ghost"};
    const auto removal = m_store->commitDue(unknownRemoval);
    QVERIFY(!removal);
    QCOMPARE(removal.error().code, ErrorCode::NotFound);
    QVERIFY(removal.error().message.contains("\"ghost\""));
    QCOMPARE(unknownRemoval.runs[0].id, std::int64_t(0));

    DueBatch unknownUpdate;
    unknownUpdate.updatedJobs = {makeJob("a", 999), makeJob("ghost", 5)};
    QCOMPARE(m_store->commitDue(unknownUpdate).error().code, ErrorCode::NotFound);

    DueBatch unknownRun;
    unknownRun.runs = {makeRun("a", 100), makeRun("nobody", 100)};
    const auto run = m_store->commitDue(unknownRun);
    QCOMPARE(run.error().code, ErrorCode::NotFound);
    QVERIFY(run.error().message.contains("\"nobody\""));

    QCOMPARE(m_store->job("a").value()->nextRunTime, std::optional<std::int64_t>(100));
    QVERIFY(m_store->runs({}, -1).value().isEmpty());
    QCOMPARE(m_store->jobCount().value(), 1);

    DueBatch empty;
    QVERIFY_OK(m_store->commitDue(empty));
}

void TestJobStore::runs()
{
    QVERIFY_OK(m_store->addJobs({makeJob("a", 100), makeJob("b", 100)}, ConflictPolicy::Fail));
    RunRecord a1 = makeRun("a", 1'000);
    a1.startTime = 1'005;
    a1.endTime = 2'500;
    a1.outcome = RunOutcome::Failed;
    a1.exitCode = -3;
    a1.output = "line 1\nzweite Zeile ✓\n";
    a1.error = "exit code 3";
    a1.lateMs = 5;
    a1.attempt = 2;
    RunRecord b1 = makeRun("b", 1'100);
    RunRecord a2 = makeRun("a", 2'000);
    RunRecord a3 = makeRun("a", 3'000);
    for (RunRecord *run : {&a1, &b1, &a2, &a3})
        QVERIFY_OK(m_store->insertRun(*run));
    QVERIFY(a1.id > 0 && b1.id > a1.id && a2.id > b1.id && a3.id > a2.id);

    const auto all = m_store->runs("a", -1).value();
    QCOMPARE(idsOf(all), (QList<std::int64_t>{a3.id, a2.id, a1.id}));
    QVERIFY2(runDifference(all.last(), a1).isEmpty(), "every field round-trips");
    QCOMPARE(idsOf(m_store->runs("a", 2).value()), (QList<std::int64_t>{a3.id, a2.id}));
    QCOMPARE(idsOf(m_store->runs({}, -1).value()), (QList<std::int64_t>{a3.id, a2.id, b1.id, a1.id}));
    QCOMPARE(idsOf(m_store->runs({}, 3).value()), (QList<std::int64_t>{a3.id, a2.id, b1.id}));
    QVERIFY(m_store->runs("a", 0).value().isEmpty());
    QVERIFY(m_store->runs("zzz", 10).value().isEmpty());

    a2.outcome = RunOutcome::Success;
    a2.startTime = 2'001;
    a2.endTime = 2'100;
    a2.exitCode = 0;
    a2.output = "done";
    QVERIFY_OK(m_store->updateRun(a2));
    const auto updated = m_store->runs("a", 2).value();
    QVERIFY(runDifference(updated[1], a2).isEmpty());
    QVERIFY(runDifference(updated[0], a3).isEmpty());
}

void TestJobStore::runNotFound()
{
    QVERIFY_OK(m_store->addJob(makeJob("a", 100), ConflictPolicy::Fail));
    RunRecord orphan = makeRun("nobody", 1);
    const auto inserted = m_store->insertRun(orphan);
    QVERIFY(!inserted);
    QCOMPARE(inserted.error().code, ErrorCode::NotFound);
    QVERIFY(inserted.error().message.contains("\"nobody\""));
    QCOMPARE(orphan.id, std::int64_t(0));

    RunRecord run = makeRun("a", 1);
    QVERIFY_OK(m_store->insertRun(run));
    RunRecord unknown = run;
    unknown.id = run.id + 100;
    QCOMPARE(m_store->updateRun(unknown).error().code, ErrorCode::NotFound);
    RunRecord wrongJob = run;
    wrongJob.jobId = "b";
    QCOMPARE(m_store->updateRun(wrongJob).error().code, ErrorCode::NotFound);
}

void TestJobStore::interruptRunningRuns()
{
    QVERIFY_OK(m_store->addJob(makeJob("a", 100), ConflictPolicy::Fail));
    RunRecord running = makeRun("a", 1);
    RunRecord finished = makeRun("a", 2, RunOutcome::Success);
    finished.endTime = 5;
    RunRecord ended = makeRun("a", 3);
    ended.endTime = 7; // ended but never marked: its end time is kept
    for (RunRecord *run : {&running, &finished, &ended})
        QVERIFY_OK(m_store->insertRun(*run));

    QCOMPARE(m_store->interruptRunningRuns(1'000).value(), 2);
    const auto runs = m_store->runs("a", -1).value();
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs[2].outcome, RunOutcome::Interrupted);
    QCOMPARE(runs[2].endTime, std::optional<std::int64_t>(1'000));
    QCOMPARE(runs[1].outcome, RunOutcome::Success);
    QCOMPARE(runs[1].endTime, std::optional<std::int64_t>(5));
    QCOMPARE(runs[0].outcome, RunOutcome::Interrupted);
    QCOMPARE(runs[0].endTime, std::optional<std::int64_t>(7));
    QCOMPARE(m_store->interruptRunningRuns(2'000).value(), 0);
}

void TestJobStore::latestRuns()
{
    QVERIFY_OK(m_store->addJobs({makeJob("a", 100), makeJob("b", 100), makeJob("c", 100)}, ConflictPolicy::Fail));
    RunRecord a1 = makeRun("a", 1, RunOutcome::Success);
    RunRecord a2 = makeRun("a", 2, RunOutcome::Failed);
    RunRecord a3 = makeRun("a", 3); // still running: not a "last run" yet
    RunRecord b1 = makeRun("b", 1, RunOutcome::Missed);
    for (RunRecord *run : {&a1, &a2, &a3, &b1})
        QVERIFY_OK(m_store->insertRun(*run));
    const auto latest = m_store->latestRuns().value();
    QCOMPARE(latest.size(), 2);
    QCOMPARE(latest.value("a").id, a2.id);
    QCOMPARE(latest.value("a").outcome, RunOutcome::Failed);
    QCOMPARE(latest.value("b").id, b1.id);
    QVERIFY(!latest.contains("c"));
}

void TestJobStore::pruneRuns()
{
    QVERIFY_OK(m_store->addJobs({makeJob("a", 100), makeJob("b", 100)}, ConflictPolicy::Fail));
    QList<std::int64_t> aIds;
    QList<std::int64_t> bIds;
    for (int i = 0; i < 5; ++i) {
        RunRecord a = makeRun("a", i, RunOutcome::Success);
        QVERIFY_OK(m_store->insertRun(a));
        aIds.prepend(a.id);
        if (i < 3) {
            RunRecord b = makeRun("b", i, RunOutcome::Success);
            QVERIFY_OK(m_store->insertRun(b));
            bIds.prepend(b.id);
        }
    }
    QCOMPARE(m_store->pruneRuns("a", 2).value(), 3);
    QCOMPARE(idsOf(m_store->runs("a", -1).value()), aIds.mid(0, 2));
    QCOMPARE(idsOf(m_store->runs("b", -1).value()), bIds);

    QCOMPARE(m_store->pruneRuns({}, 1).value(), 3);
    QCOMPARE(idsOf(m_store->runs("a", -1).value()), aIds.mid(0, 1));
    QCOMPARE(idsOf(m_store->runs("b", -1).value()), bIds.mid(0, 1));

    QCOMPARE(m_store->pruneRuns("nobody", 1).value(), 0);
    QCOMPARE(m_store->pruneRuns("b", 0).value(), 1);
    QVERIFY(m_store->runs("b", -1).value().isEmpty());
    QCOMPARE(m_store->pruneRuns({}, -5).value(), 1);
    QVERIFY(m_store->runs({}, -1).value().isEmpty());
}

void TestJobStore::manyJobs()
{
    QList<Job> jobs;
    for (int i = 0; i < 10'000; ++i)
        jobs << makeJob(QString("job%1").arg(i, 6, 10, QChar('0')), 1'000 + std::int64_t(i) * 10, i % 7 == 0);
    QVERIFY_OK(m_store->addJobs(jobs, ConflictPolicy::Fail));
    QCOMPARE(m_store->jobCount().value(), 10'000);
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(1'010));

    const auto due = m_store->dueJobs(1'000'000, 1'000).value();
    QCOMPARE(due.size(), 1'000);
    for (int i = 1; i < due.size(); ++i)
        QVERIFY(*due[i - 1].nextRunTime < *due[i].nextRunTime);
    QVERIFY(std::none_of(due.cbegin(), due.cend(), [](const Job &job) { return job.paused; }));
    QCOMPARE(m_store->dueJobs(1'000'000, -1).value().size(), 10'000 - 1'429);
    QCOMPARE(m_store->jobs().value().size(), 10'000);
    QCOMPARE(m_store->removeAllJobs().value(), 10'000);
}

void TestJobStore::persistsAcrossReopen()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend == "memory")
        QSKIP("the memory store keeps nothing once closed");

    QVERIFY_OK(m_store->addJobs({makeRichJob("rich"), makeJob("a", 100), makeJob("p", std::nullopt, true)}, ConflictPolicy::Fail));
    DueBatch batch;
    batch.updatedJobs = {makeJob("a", 3'700'100)};
    batch.runs = {makeRun("a", 100), makeRun("rich", 50, RunOutcome::Missed)};
    QVERIFY_OK(m_store->commitDue(batch));
    const QList<Job> jobsBefore = m_store->jobs().value();
    const QList<RunRecord> runsBefore = m_store->runs({}, -1).value();

    m_store.reset();
    m_store = open();
    QVERIFY(m_store);

    const QList<Job> jobsAfter = m_store->jobs().value();
    QCOMPARE(idsOf(jobsAfter), idsOf(jobsBefore));
    for (int i = 0; i < jobsAfter.size(); ++i)
        QVERIFY2(jobDifference(jobsAfter[i], jobsBefore[i]).isEmpty(), qPrintable(jobDifference(jobsAfter[i], jobsBefore[i])));
    const QList<RunRecord> runsAfter = m_store->runs({}, -1).value();
    QCOMPARE(idsOf(runsAfter), idsOf(runsBefore));
    for (int i = 0; i < runsAfter.size(); ++i)
        QVERIFY(runDifference(runsAfter[i], runsBefore[i]).isEmpty());
    QCOMPARE(m_store->earliestNextRunTime().value(), std::optional<std::int64_t>(3'700'100));

    RunRecord next = makeRun("a", 200);
    QVERIFY_OK(m_store->insertRun(next));
    QVERIFY(next.id > runsBefore.first().id);
}

void TestJobStore::skipConflictRefusedAsFail()
{
    // ConflictPolicy::Skip is applied when an import is planned; a store that still meets the id refuses, as Fail.
    QVERIFY_OK(m_store->addJob(makeJob("x", 100), ConflictPolicy::Skip));
    Job second = makeJob("x", 500);
    second.name = "second";
    const auto conflict = m_store->addJob(second, ConflictPolicy::Skip);
    QVERIFY(!conflict);
    QCOMPARE(conflict.error().code, ErrorCode::Conflict);
    QVERIFY2(conflict.error().message.contains("\"x\""), qPrintable(conflict.error().message));
    QCOMPARE(m_store->job("x").value()->name, QString("Job x"));

    const auto existing = m_store->addJobs({makeJob("n1", 1), second, makeJob("n2", 2)}, ConflictPolicy::Skip);
    QVERIFY(!existing);
    QCOMPARE(existing.error().code, ErrorCode::Conflict);
    const auto twice = m_store->addJobs({makeJob("m1", 1), makeJob("m1", 2)}, ConflictPolicy::Skip);
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::Conflict);
    QCOMPARE(idsOf(m_store->jobs().value()), QStringList{"x"});
    QCOMPARE(m_store->job("x").value()->nextRunTime, std::optional<std::int64_t>(100));
    QVERIFY_OK(m_store->addJobs({makeJob("n1", 1), makeJob("n2", 2)}, ConflictPolicy::Skip));
    QCOMPARE(m_store->jobCount().value(), 3);
}

namespace {

/// @p value changed in kind: a flag flipped, a number moved by one, a text, list or object grown, null given 7.
QJsonValue changedValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return !value.toBool();
    case QJsonValue::Double: return value.toDouble() + 1;
    case QJsonValue::String: return value.toString() + "x";
    case QJsonValue::Array: {
        QJsonArray array = value.toArray();
        array.append("x");
        return array;
    }
    case QJsonValue::Object: {
        QJsonObject object = value.toObject();
        object.insert("x", "y");
        return object;
    }
    case QJsonValue::Null: return 7;
    case QJsonValue::Undefined: break;
    }
    return value;
}

/// @p base and, for every key of its JSON form (@p json), a copy with that key's value changed (read back through
/// @p parse), by key: every field a JSON form holds, so a field added later is covered without naming it here.
template <typename T, typename Parse>
QList<QPair<QString, T>> variantsOf(const T &base, const QJsonObject &json, Parse parse)
{
    QList<QPair<QString, T>> variants{{"base", base}};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() == "type")
            continue;
        QJsonObject changed = json;
        // Names from a fixed set, and objects of fixed keys, change to another valid value.
        if (it.key() == "overlap")
            changed.insert(it.key(), it.value() == "allow" ? "skip" : "allow");
        else if (it.key() == "requires")
            changed.insert(it.key(), QJsonArray{"network"});
        else if (it.key() == "chains")
            changed.insert(it.key(), QJsonObject{{"on_failure", QJsonArray{"another-job"}}});
        else
            changed.insert(it.key(), changedValue(it.value()));
        auto parsed = parse(changed);
        if (!parsed)
            qFatal("%s: %s", qPrintable(it.key()), qPrintable(parsed.error().message));
        variants.append({it.key(), parsed.value()});
    }
    return variants;
}

} // namespace

void TestJobStore::everyFieldOfActionsAndOptionsKept()
{
    // MemoryJobStore keeps one copy of equal actions and options, found by valueHash(): a job that differs from
    // another in one field only must keep its own value, and the hash must see every field (else such jobs all
    // share one hash and every add compares against all of them).
    const Job rich = makeRichJob("rich");
    JobOptions options = rich.options;
    options.retryBackoff = 2.0;
    options.retryDelayMaxMs = 60'000;
    options.conditions = parseConditions({"ac-power", "idle:10m"}).value();
    options.requireDeadlineMs = std::optional<std::int64_t>(600'000);
    options.stopIfLost = true;
    QJsonObject optionsJson;
    options.writeJson(optionsJson);
    const auto optionVariants = variantsOf(options, optionsJson, JobOptions::fromJson);
    const Action function = FunctionAction{"cleanup", QJsonObject{{"days", 30}}};
    auto actionVariants = variantsOf(rich.action, actionToJson(rich.action), actionFromJson);
    actionVariants += variantsOf(function, actionToJson(function), actionFromJson);
    QVERIFY(optionVariants.size() >= 11 && actionVariants.size() >= 9);

    QList<Job> added;
    for (const auto &[key, variant] : optionVariants) {
        QVERIFY2(key == "base" || !(variant == options), qPrintable(key + " changes no field"));
        QVERIFY2(key == "base" || valueHash(variant) != valueHash(options), qPrintable(key + " is not hashed"));
        Job job = makeJob("options-" + key, 100);
        job.options = variant;
        added << job;
    }
    for (qsizetype i = 0; i < actionVariants.size(); ++i) {
        const auto &[key, variant] = actionVariants[i];
        const Action &kindBase = variant.index() == rich.action.index() ? rich.action : function;
        if (key != "base") {
            QVERIFY2(!(variant == kindBase), qPrintable(key + " changes no field"));
            QVERIFY2(valueHash(variant) != valueHash(kindBase), qPrintable(key + " is not hashed"));
        }
        Job job = makeJob(QString("action-%1-%2").arg(i).arg(key), 100);
        job.action = variant;
        added << job;
    }
    // One at a time, then all again in one batch (every value pooled already).
    for (const Job &job : std::as_const(added))
        QVERIFY_OK(m_store->addJob(job, ConflictPolicy::Fail));
    QList<Job> again;
    for (Job job : std::as_const(added)) {
        job.id += "-again";
        again << job;
    }
    QVERIFY_OK(m_store->addJobs(again, ConflictPolicy::Fail));
    for (const Job &job : std::as_const(added) + again) {
        const auto stored = m_store->job(job.id);
        QVERIFY_OK(stored);
        QVERIFY(stored.value().has_value());
        QVERIFY2(jobDifference(*stored.value(), job).isEmpty(), qPrintable(jobDifference(*stored.value(), job)));
    }
}

void TestJobStore::everyFieldOfTriggersKept()
{
    // MemoryJobStore keeps an interval trigger as its start plus an interned rest (interval, end, zone, jitter) and
    // rebuilds it on reads: jobs that differ in one of those fields only must each read back their own.
    const auto interval = [](std::int64_t everyMs, std::int64_t startMs, std::optional<std::int64_t> endMs = {},
                             const QByteArray &zone = {}, std::int64_t jitterMs = 0) {
        auto trigger = std::make_shared<IntervalTrigger>(everyMs, startMs, endMs);
        if (!zone.isEmpty())
            trigger->setZone(ZoneRules::forZone(zone));
        trigger->setJitterMs(jitterMs);
        return std::shared_ptr<const Trigger>(std::move(trigger));
    };
    const QList<std::shared_ptr<const Trigger>> triggers = {
        interval(3'600'000, 1'000'000),
        interval(3'600'001, 1'000'000),
        interval(3'600'000, 1'000'001),
        interval(3'600'000, 1'000'000, 9'000'000),
        interval(3'600'000, 1'000'000, 9'000'001),
        interval(3'600'000, 1'000'000, {}, "Europe/Berlin"),
        interval(3'600'000, 1'000'000, {}, "America/New_York"),
        interval(3'600'000, 1'000'000, {}, {}, 1'500),
        interval(250, -5'000, 1'000'000, "Asia/Kolkata", 7),
        makeRichJob("cron").trigger,
    };
    QList<Job> added;
    for (qsizetype i = 0; i < triggers.size(); ++i) {
        Job job = makeJob(QString("t%1").arg(i), 100);
        job.trigger = triggers[i];
        added << job;
    }
    QVERIFY_OK(m_store->addJobs(added, ConflictPolicy::Fail));
    // Each job's trigger swapped for the next one's (interval to cron and back), one job removed and another added
    // with the removed one's trigger: entries released and reused must not leak into other jobs.
    for (qsizetype i = 0; i < added.size(); ++i) {
        added[i].trigger = triggers[(i + 1) % triggers.size()];
        QVERIFY_OK(m_store->updateJob(added[i]));
    }
    QVERIFY_OK(m_store->removeJob(added.takeFirst().id));
    Job late = makeJob("late", 100);
    late.trigger = triggers[1];
    QVERIFY_OK(m_store->addJob(late, ConflictPolicy::Fail));
    added << late;
    for (const Job &job : std::as_const(added)) {
        const auto stored = m_store->job(job.id);
        QVERIFY_OK(stored);
        QVERIFY(stored.value().has_value());
        QVERIFY2(jobDifference(*stored.value(), job).isEmpty(), qPrintable(jobDifference(*stored.value(), job)));
        QCOMPARE(stored.value()->trigger->type(), job.trigger->type());
        QCOMPARE(stored.value()->trigger->nextFireTime(2'000'000), job.trigger->nextFireTime(2'000'000));
    }
    QCOMPARE(m_store->jobs().value().size(), added.size());
}

void TestJobStore::unpausedJobIdsWithEvents()
{
    // What the scheduler reads at start for its at-start runs: the unpaused jobs that name events, in jobs() order.
    Job atStart = makeJob("at-start", 300);
    atStart.options.events.atStart = true;
    Job networkUp = makeJob("network-up", 100);
    networkUp.options.events.networkUp = true;
    Job afterResume = makeJob("after-resume", std::nullopt);
    afterResume.options.events.afterResumeDelayMs = 0;
    Job paused = makeJob("paused", 50, true);
    paused.options.events.atStart = true;
    Job sameTime = makeJob("a-same-time", 300);
    sameTime.options.events.atStart = true;
    QVERIFY_OK(m_store->addJobs({atStart, networkUp, afterResume, paused, makeJob("plain", 10), sameTime},
                                ConflictPolicy::Fail));
    const auto ids = m_store->unpausedJobIdsWithEvents();
    QVERIFY_OK(ids);
    QCOMPARE(ids.value(), QStringList({"network-up", "a-same-time", "at-start", "after-resume"}));
    // The jobs themselves, same order (the SQL store finds them through its features index).
    const auto jobs = m_store->unpausedJobsWithEvents();
    QVERIFY_OK(jobs);
    QStringList jobIds;
    for (const Job &job : jobs.value())
        jobIds << job.id;
    QCOMPARE(jobIds, QStringList({"network-up", "a-same-time", "at-start", "after-resume"}));
}

void TestJobStore::idsAndNamesInAnyScript()
{
    // MemoryJobStore keeps Latin-1 ids and names as bytes, others as UTF-16: each must read back, be found, order
    // due jobs by id and survive the compaction that removals start, whichever array it is in.
    const auto idOf = [](int i) {
        return QString(i % 3 == 0 ? "jöb%1" : i % 3 == 1 ? "jāb%1" : i % 7 == 2 ? "j😀b%1" : "job%1").arg(i);
    };
    const auto nameOf = [](int i, int round) {
        return (i + round) % 2 ? QString("Nämé %1").arg(i) : QString("名前 %1").arg(i);
    };
    QList<Job> jobs;
    for (int i = 0; i < 3'000; ++i) {
        Job job = makeJob(idOf(i), 100);
        job.name = nameOf(i, 0);
        jobs << job;
    }
    QVERIFY_OK(m_store->addJobs(jobs, ConflictPolicy::Fail));
    QStringList kept;
    for (int i = 0; i < jobs.size(); ++i) {
        if (i % 4 == 0) {
            kept << idOf(i);
            continue;
        }
        QVERIFY_OK(m_store->removeJob(idOf(i)));
    }
    for (int i = 0; i < jobs.size(); i += 4) {
        Job job = jobs[i];
        job.name = nameOf(i, 1);
        QVERIFY_OK(m_store->updateJob(job));
        const auto stored = m_store->job(job.id);
        QVERIFY_OK(stored);
        QVERIFY2(stored.value().has_value(), qPrintable(job.id));
        QVERIFY2(jobDifference(*stored.value(), job).isEmpty(), qPrintable(jobDifference(*stored.value(), job)));
    }
    QVERIFY_OK(m_store->job(idOf(1)));
    QVERIFY(!m_store->job(idOf(1)).value().has_value());
    std::sort(kept.begin(), kept.end());
    QCOMPARE(idsOf(m_store->dueJobs(100, -1).value()), kept);
    QCOMPARE(idsOf(m_store->jobs().value()), kept);
}

void TestJobStore::calendars()
{
    // Exclusion calendars (schema 4): stored by name, replaced only when asked, removed, kept across a reopen.
    QVERIFY(m_store->calendars().value().isEmpty());
    QCOMPARE(m_store->calendar("holidays").value(), std::nullopt);
    ExclusionCalendar holidays;
    holidays.name = "holidays";
    holidays.addDate(ExclusionCalendar::parseDay("2026-12-25").value());
    holidays.addRange(ExclusionCalendar::parseRange("2027-04-12..2027-04-14").value());
    holidays.weekdays = ExclusionCalendar::parseWeekdays("sat,sun").value();
    ExclusionCalendar empty;
    empty.name = "Ämter (leer)";
    QVERIFY_OK(m_store->putCalendar(holidays, ConflictPolicy::Fail, 1000));
    QVERIFY_OK(m_store->putCalendar(empty, ConflictPolicy::Fail, 1000));
    const auto again = m_store->putCalendar(holidays, ConflictPolicy::Fail, 2000);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(again.error().message, QString("a calendar named \"holidays\" already exists"));
    QCOMPARE(m_store->calendar("holidays").value(), std::optional(holidays));
    QList<ExclusionCalendar> all = m_store->calendars().value();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QString("holidays")); // by name
    QCOMPARE(all[1], empty);

    holidays.addDate(ExclusionCalendar::parseDay("2026-12-26").value());
    QVERIFY_OK(m_store->putCalendar(holidays, ConflictPolicy::Replace, 3000));
    QFETCH_GLOBAL(QString, backend);
    if (backend != "memory") {
        m_store.reset();
        m_store = open();
        QVERIFY(m_store);
    }
    QCOMPARE(m_store->calendar("holidays").value(), std::optional(holidays));
    QVERIFY_OK(m_store->removeCalendar("Ämter (leer)"));
    const auto gone = m_store->removeCalendar("Ämter (leer)");
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    QCOMPARE(gone.error().message, QString("no calendar named \"Ämter (leer)\""));
    QCOMPARE(m_store->calendars().value().size(), 1);
}

/// The timeline's query: runs of several jobs that overlap a span, without their output.
void TestJobStore::runsInRange()
{
    QVERIFY_OK(m_store->addJobs({makeJob("a", 100), makeJob("b", 100), makeJob("c", 100)}, ConflictPolicy::Fail));
    const auto ended = [](const QString &job, std::int64_t start, std::int64_t end) {
        RunRecord run = makeRun(job, start, RunOutcome::Success);
        run.startTime = start;
        run.endTime = end;
        run.output = "output not wanted";
        return run;
    };
    RunRecord before = ended("a", 1'000, 1'999);   // ends before the span
    RunRecord across = ended("a", 1'500, 2'500);   // begins before, ends inside
    RunRecord inside = ended("b", 3'000, 3'100);
    RunRecord missed = makeRun("b", 4'000, RunOutcome::Missed); // never started: its scheduled time
    RunRecord going = makeRun("a", 1'200);         // running since before the span: reaches on
    going.startTime = 1'200;
    RunRecord after = ended("b", 5'001, 5'100);    // begins after the span
    RunRecord other = ended("c", 3'000, 3'500);    // a job not asked for
    RunRecord late = ended("a", 1'000, 2'000);     // started late: its start counts, ends on the span's first ms
    late.scheduledTime = 900;
    for (RunRecord *run : {&before, &across, &inside, &missed, &going, &after, &other, &late})
        QVERIFY_OK(m_store->insertRun(*run));

    const auto runs = m_store->runsInRange({"a", "b"}, 2'000, 5'000, -1);
    QVERIFY_OK(runs);
    QCOMPARE(idsOf(runs.value()), (QList<std::int64_t>{late.id, going.id, missed.id, inside.id, across.id}));
    for (const RunRecord &run : runs.value())
        QVERIFY(run.output.isEmpty());
    QCOMPARE(runs.value().last().endTime, std::optional<std::int64_t>(2'500));
    // Every job when none is named; a limit keeps the newest.
    QCOMPARE(idsOf(m_store->runsInRange({}, 2'000, 5'000, -1).value()),
             (QList<std::int64_t>{late.id, other.id, going.id, missed.id, inside.id, across.id}));
    QCOMPARE(idsOf(m_store->runsInRange({"a", "b"}, 2'000, 5'000, 2).value()),
             (QList<std::int64_t>{late.id, going.id}));
    QVERIFY(m_store->runsInRange({"zzz"}, 0, 10'000, -1).value().isEmpty());
    QVERIFY(m_store->runsInRange({"a"}, 6'000, 7'000, -1).value().size() == 1); // only the run going
}

/// A run that ran from @p start for @p durationMs and ended as @p outcome.
RunRecord endedRun(const QString &jobId, std::int64_t start, std::int64_t durationMs, RunOutcome outcome)
{
    RunRecord run = makeRun(jobId, start, outcome);
    run.startTime = start;
    run.endTime = start + durationMs;
    return run;
}

void TestJobStore::jobStatistics()
{
    QVERIFY_OK(m_store->addJobs({makeJob("a", 100), makeJob("b", 100)}, ConflictPolicy::Fail));
    QList<RunRecord> history;
    for (int i = 1; i <= 20; ++i) // 100 ms to 2 s, in a shuffled order of durations
        history << endedRun("a", 10'000 * i, ((i * 7) % 20 + 1) * 100, RunOutcome::Success);
    history << endedRun("a", 300'000, 5'000, RunOutcome::Failed) << endedRun("a", 310'000, 7'000, RunOutcome::TimedOut);
    RunRecord interrupted = endedRun("a", 320'000, 3'600'000, RunOutcome::Interrupted); // ended when noticed
    history << interrupted << makeRun("a", 330'000, RunOutcome::Missed) << makeRun("a", 340'000, RunOutcome::Skipped)
            << endedRun("a", 350'000, 50, RunOutcome::Replaced) << makeRun("a", 360'000, RunOutcome::Running);
    history << endedRun("b", 1'000, 999, RunOutcome::Success); // another job's runs stay apart
    for (RunRecord &run : history)
        QVERIFY_OK(m_store->insertRun(run));

    const auto stats = m_store->jobStatistics({"a"}, 5);
    QVERIFY_OK(stats);
    QCOMPARE(stats->size(), 1);
    const JobStatistics a = stats->value("a");
    QCOMPARE(a.jobId, QString("a"));
    QCOMPARE(a.succeeded, 20);
    QCOMPARE(a.failed, 1);
    QCOMPARE(a.timedOut, 1);
    QCOMPARE(a.interrupted, 1);
    QCOMPARE(a.ended(), 23);
    QCOMPARE(a.notRun, 2);
    QCOMPARE(a.replaced, 1);
    QCOMPARE(a.going, 1);
    QCOMPARE(*a.successRate(), 20.0 / 23.0);
    // 22 durations (100 ... 2000, 5000, 7000): rank ceil(0.5 * 22) = 11 is 1100, rank ceil(0.95 * 22) = 21 is 5000.
    QCOMPARE(a.p50Ms, std::optional<std::int64_t>(1'100));
    QCOMPARE(a.p95Ms, std::optional<std::int64_t>(5'000));
    // The newest five that have a duration, oldest first (the 18th to 20th success: i * 7 % 20 + 1 = 7, 14, 1).
    const QList<RunDuration> newest{{180'000, 700, RunOutcome::Success}, {190'000, 1'400, RunOutcome::Success},
                                    {200'000, 100, RunOutcome::Success}, {300'000, 5'000, RunOutcome::Failed},
                                    {310'000, 7'000, RunOutcome::TimedOut}};
    QCOMPARE(a.durations, newest);
    QCOMPARE(JobStatistics::fromJson(a.toJson()), a);

    // The whole kept history when the limit allows it.
    QCOMPARE(m_store->jobStatistics({"a"}, 1000)->value("a").durations.size(), 22);
}

void TestJobStore::jobStatisticsOfEmptyAndRunningJobs()
{
    QVERIFY_OK(m_store->addJobs({makeJob("empty", 100), makeJob("busy", 100)}, ConflictPolicy::Fail));
    RunRecord running = makeRun("busy", 1'000);
    running.startTime = 1'000;
    RunRecord queued = makeRun("busy", 2'000, RunOutcome::Queued);
    QVERIFY_OK(m_store->insertRun(running));
    QVERIFY_OK(m_store->insertRun(queued));

    const auto stats = m_store->jobStatistics({"empty", "busy", "nosuch"}, 50);
    QVERIFY_OK(stats);
    QCOMPARE(stats->size(), 3);
    for (const QString &id : {"empty", "nosuch"}) {
        JobStatistics zero;
        zero.jobId = id;
        QCOMPARE(stats->value(id), zero);
        QVERIFY(!zero.successRate());
    }
    const JobStatistics busy = stats->value("busy");
    QCOMPARE(busy.going, 2);
    QCOMPARE(busy.ended(), 0);
    QVERIFY(!busy.successRate());
    QVERIFY(!busy.p50Ms && !busy.p95Ms);
    QVERIFY(busy.durations.isEmpty());
    QVERIFY(m_store->jobStatistics({}, 50)->isEmpty());
}

void TestJobStore::jobStatisticsInGroupsOfIds()
{
    // More ids than one statement's group (64), one asked twice: each job counted once, by its own runs.
    QList<Job> jobs;
    QStringList ids;
    for (int i = 0; i < 150; ++i) {
        jobs << makeJob(QString("j%1").arg(i), 100);
        ids << jobs.last().id;
    }
    QVERIFY_OK(m_store->addJobs(jobs, ConflictPolicy::Fail));
    QList<RunRecord> runs;
    for (int i = 0; i < 150; ++i) {
        runs << endedRun(ids[i], 1'000, i + 1, RunOutcome::Success);
        if (i % 3 == 0)
            runs << endedRun(ids[i], 2'000, 10'000, RunOutcome::Failed);
    }
    QVERIFY_OK(m_store->insertRuns(runs));
    const auto stats = m_store->jobStatistics(ids + QStringList{"j7"}, 50);
    QVERIFY_OK(stats);
    QCOMPARE(stats->size(), 150);
    for (int i = 0; i < 150; ++i) {
        const JobStatistics job = stats->value(ids[i]);
        QCOMPARE(job.succeeded, 1);
        QCOMPARE(job.failed, i % 3 == 0 ? 1 : 0);
        QCOMPARE(job.p50Ms, std::optional<std::int64_t>(i + 1));
        QCOMPARE(job.p95Ms, std::optional<std::int64_t>(i % 3 == 0 ? 10'000 : i + 1));
        QCOMPARE(job.durations.size(), i % 3 == 0 ? 2 : 1);
    }
}

void TestJobStore::intervalTextsAsQtWritesThem()
{
    // The codec writes an interval trigger's text itself (an import's hot path): it must be QJsonDocument's text.
    JobRowCodec codec;
    Job job = makeJob("x", 100);
    for (const char *zone : {"UTC", "America/New_York", "Africa/Monrovia", "Asia/Kolkata", "Etc/GMT+5"}) {
        for (const std::int64_t interval : {std::int64_t(1), std::int64_t(1500), std::int64_t(60'000),
                                            std::int64_t(3'600'000), std::int64_t(1'234'567),
                                            std::int64_t(3'153'600'000'000), std::int64_t(86'400'001)}) {
            for (const std::int64_t start : {std::int64_t(-315'619'200'000), std::int64_t(0), std::int64_t(1'234),
                                             std::int64_t(1'767'225'600'999), maxInstantMs, minInstantMs}) {
                for (const bool withEnd : {false, true}) {
                    auto trigger = std::make_shared<IntervalTrigger>(
                        interval, start, withEnd ? std::optional(start + 7 * interval) : std::nullopt);
                    trigger->setZone(ZoneRules::forZone(zone));
                    job.trigger = trigger;
                    const QString expected =
                        QString::fromUtf8(QJsonDocument(trigger->toJson()).toJson(QJsonDocument::Compact));
                    QCOMPARE(codec.texts(job).trigger, expected);
                }
            }
        }
    }
    // With jitter: the general way.
    auto jittered = std::make_shared<IntervalTrigger>(60'000, 0);
    jittered->setJitterMs(1500);
    job.trigger = jittered;
    QCOMPARE(codec.texts(job).trigger,
             QString::fromUtf8(QJsonDocument(jittered->toJson()).toJson(QJsonDocument::Compact)));
}

QTEST_GUILESS_MAIN(TestJobStore)
#include "testjobstore.moc"
