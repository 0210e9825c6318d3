// punctualctl stats with the real binary: a known history in a real SQLite store, read with and without a host
// (then through the "stats" control method), and DESIGN.md's exit codes for bad input.
#include "cli/instanceprocess.h"
#include "cli/punctualctlprocess.h"
#include "store/sqljobstore.h"
#include "support/jobbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;

class TestPunctualctlStats : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void printsRateAndPercentiles();
    void throughTheHostTheAnswerIsTheSame();
    void badInput();

private:
    PunctualctlResult ctl(QStringList args);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestPunctualctlStats::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("jobs.db"));
    auto store = SqlJobStore::openSqlite(m_db, SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    for (const char *id : {"backup", "idle"}) {
        const Job job = test::JobBuilder(QString::fromLatin1(id))
                            .name(QStringLiteral("Job %1").arg(QString::fromLatin1(id)))
                            .cron(QStringLiteral("0 3 * * *"), "UTC")
                            .command(QStringLiteral("/bin/true"))
                            .createdAt(1'000);
        QVERIFY(store.value()->addJob(job, ConflictPolicy::Fail).ok());
    }
    // 0.4, 1.2, 2.5 and 30 s; one failed of them; one missed.
    QList<RunRecord> runs;
    const std::pair<RunOutcome, std::int64_t> history[] = {{RunOutcome::Success, 400}, {RunOutcome::Success, 1'200},
                                                           {RunOutcome::Failed, 30'000}, {RunOutcome::Success, 2'500},
                                                           {RunOutcome::Missed, 0}};
    std::int64_t start = 1'800'000'000'000;
    for (const auto &[outcome, ms] : history) {
        RunRecord run;
        run.jobId = QStringLiteral("backup");
        run.scheduledTime = start;
        run.outcome = outcome;
        if (outcome != RunOutcome::Missed) {
            run.startTime = start;
            run.endTime = start + ms;
        }
        runs.append(run);
        start += 86'400'000;
    }
    QVERIFY(store.value()->insertRuns(runs).ok());
}

PunctualctlResult TestPunctualctlStats::ctl(QStringList args)
{
    args.prepend(m_db);
    args.prepend(QStringLiteral("--db"));
    return runPunctualctl(args);
}

void TestPunctualctlStats::printsRateAndPercentiles()
{
    const PunctualctlResult r = ctl({"stats", "backup", "idle"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QString expected = QStringLiteral(
        "backup  Job backup\n"
        "  runs ended:   4 (succeeded 3, failed 1, timed out 0, interrupted 0)\n"
        "  success rate: 75 %\n"
        "  duration:     median 1.2 s, p95 30.0 s\n"
        "  not run:      1; going now: 0\n"
        "idle  Job idle\n"
        "  runs ended:   0 (succeeded 0, failed 0, timed out 0, interrupted 0)\n"
        "  success rate: -\n"
        "  duration:     -\n"
        "  not run:      0; going now: 0\n");
    QCOMPARE(r.out, expected);
}

void TestPunctualctlStats::throughTheHostTheAnswerIsTheSame()
{
    const PunctualctlResult local = ctl({"stats", "backup", "--json", "--points", "2"});
    QCOMPARE(local.exitCode, 0);
    InstanceProcess host;
    QVERIFY2(host.start(m_db), qPrintable(host.log()));
    const PunctualctlResult remote = ctl({"stats", "backup", "--json", "--points", "2"});
    QCOMPARE(remote.exitCode, 0);
    const QJsonArray answer = QJsonDocument::fromJson(remote.out.toUtf8()).array();
    QCOMPARE(answer.size(), 1);
    const QJsonObject backup = answer[0].toObject();
    QCOMPARE(backup.value("success_rate").toDouble(), 0.75);
    QCOMPARE(backup.value("p50_ms").toInteger(), 1'200);
    QCOMPARE(backup.value("p95_ms").toInteger(), 30'000);
    QCOMPARE(backup.value("durations").toArray().size(), 2);
    QCOMPARE(QJsonDocument::fromJson(local.out.toUtf8()).array(), answer);
}

void TestPunctualctlStats::badInput()
{
    const PunctualctlResult unknown = ctl({"stats", "nothere"});
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY(unknown.err.contains("no job with id \"nothere\""));
    QCOMPARE(ctl({"stats"}).exitCode, 2);
    const PunctualctlResult points = ctl({"stats", "backup", "--points", "0"});
    QCOMPARE(points.exitCode, 2);
    QVERIFY(points.err.contains("--points"));
}

QTEST_GUILESS_MAIN(TestPunctualctlStats)
#include "testpunctualctlstats.moc"
