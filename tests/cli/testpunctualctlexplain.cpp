// punctualctl explain with the real binary: runs written into a real SQLite store, asked about with and without a
// host, and DESIGN.md's exit codes for bad input.
#include "cli/instanceprocess.h"
#include "cli/punctualctlprocess.h"
#include "store/sqljobstore.h"
#include "support/jobbuilder.h"
#include "time/isotime.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

using namespace punctual;

namespace {

constexpr std::int64_t minute = 60'000;
constexpr std::int64_t hour = 60 * minute;

QString utcIso(std::int64_t ms)
{
    return formatIso(ms, *ZoneRules::forZone("UTC"));
}

} // namespace

class TestPunctualctlExplain : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void ranSaysWhichRunAndHowItEnded();
    void missedSaysHowLateAndTheGrace();
    void notAFireTimeGivesTheTimesAround();
    void futureFireTimeWillRun();
    void throughTheHostTheAnswerIsTheSame();
    void badInput_data();
    void badInput();

private:
    PunctualctlResult ctl(QStringList args);
    QJsonObject explainJson(const QString &at);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    std::int64_t m_hour = 0; ///< the last full hour before now (UTC)
    std::int64_t m_ranId = 0;
    std::int64_t m_missedId = 0;
};

void TestPunctualctlExplain::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("jobs.db"));
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    m_hour = now - now % hour;

    // An hourly job created ten days ago: one run that succeeded two hours ago, one missed an hour before that.
    auto store = SqlJobStore::openSqlite(m_db, SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    const Job job = test::JobBuilder(QStringLiteral("hourly"))
                        .cron(QStringLiteral("0 * * * *"), "UTC")
                        .command(QStringLiteral("/bin/true"))
                        .createdAt(now - 240 * hour)
                        .nextRunTime(m_hour + hour);
    QVERIFY(store.value()->addJob(job, ConflictPolicy::Fail).ok());
    RunRecord missed;
    missed.jobId = job.id;
    missed.scheduledTime = m_hour - 3 * hour;
    missed.outcome = RunOutcome::Missed;
    missed.endTime = missed.scheduledTime + 5 * minute;
    missed.lateMs = 5 * minute;
    missed.error = QStringLiteral("missed by 5 min 0 s (misfire grace time 1 min 0 s)");
    RunRecord ran;
    ran.jobId = job.id;
    ran.scheduledTime = m_hour - 2 * hour;
    ran.startTime = ran.scheduledTime + 40;
    ran.endTime = ran.scheduledTime + 2540;
    ran.outcome = RunOutcome::Success;
    ran.exitCode = 0;
    QList<RunRecord> runs{missed, ran};
    QVERIFY(store.value()->insertRuns(runs).ok());
    m_missedId = runs.at(0).id;
    m_ranId = runs.at(1).id;
    QVERIFY(m_missedId > 0 && m_ranId > m_missedId);
}

PunctualctlResult TestPunctualctlExplain::ctl(QStringList args)
{
    args.prepend(m_db);
    args.prepend(QStringLiteral("--db"));
    return runPunctualctl(args);
}

QJsonObject TestPunctualctlExplain::explainJson(const QString &at)
{
    const PunctualctlResult r = ctl({"explain", "hourly", "--at", at, "--json"});
    if (r.exitCode != 0)
        qWarning().noquote() << "explain failed:" << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void TestPunctualctlExplain::ranSaysWhichRunAndHowItEnded()
{
    const PunctualctlResult r = ctl({"explain", "hourly", "--at", utcIso(m_hour - 2 * hour)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Run %1 for %2 started on schedule and succeeded after 2.5 s.")
                                .arg(m_ranId)
                                .arg(utcIso(m_hour - 2 * hour))),
             qPrintable(r.out));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1); // one paragraph
    QVERIFY(r.err.isEmpty());

    const QJsonObject json = explainJson(utcIso(m_hour - 2 * hour));
    QCOMPARE(json.value("kind").toString(), QStringLiteral("ran"));
    QCOMPARE(json.value("run_id").toInteger(), m_ranId);
    QCOMPARE(json.value("outcome").toString(), QStringLiteral("success"));
    QCOMPARE(json.value("reason").toString(), QStringLiteral("scheduled"));
    QCOMPARE(json.value("attempts").toInt(), 1);
}

void TestPunctualctlExplain::missedSaysHowLateAndTheGrace()
{
    const QJsonObject json = explainJson(utcIso(m_hour - 3 * hour));
    QCOMPARE(json.value("kind").toString(), QStringLiteral("missed"));
    QCOMPARE(json.value("run_id").toInteger(), m_missedId);
    QCOMPARE(json.value("late_seconds").toDouble(), 300.0);
    QCOMPARE(json.value("grace_seconds").toDouble(), 60.0);
    QVERIFY2(json.value("text").toString().contains(QLatin1String("5 min 0 s late")), qPrintable(json.value("text").toString()));
}

void TestPunctualctlExplain::notAFireTimeGivesTheTimesAround()
{
    // No offset: a wall-clock time in the job's zone (UTC here), as `next --from` reads times.
    const QString between = QDateTime::fromMSecsSinceEpoch(m_hour - 2 * hour + 30 * minute, QTimeZone::utc())
                                .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QJsonObject json = explainJson(between);
    QCOMPARE(json.value("kind").toString(), QStringLiteral("not_a_fire_time"));
    QCOMPARE(json.value("fire_before").toString(), utcIso(m_hour - 2 * hour));
    QCOMPARE(json.value("fire_after").toString(), utcIso(m_hour - hour));
    QVERIFY(json.value("run_id").isNull());
}

void TestPunctualctlExplain::futureFireTimeWillRun()
{
    const QJsonObject json = explainJson(utcIso(m_hour + 5 * hour));
    QCOMPARE(json.value("kind").toString(), QStringLiteral("will_run"));
    QCOMPARE(json.value("reason").toString(), QStringLiteral("scheduled"));

    QVERIFY(ctl({"pause", "hourly"}).exitCode == 0);
    const QJsonObject paused = explainJson(utcIso(m_hour + 5 * hour));
    QCOMPARE(paused.value("kind").toString(), QStringLiteral("paused"));
}

void TestPunctualctlExplain::throughTheHostTheAnswerIsTheSame()
{
    const QJsonObject local = explainJson(utcIso(m_hour - 3 * hour));
    InstanceProcess host;
    QVERIFY2(host.start(m_db), qPrintable(host.log()));
    const QJsonObject remote = explainJson(utcIso(m_hour - 3 * hour));
    QCOMPARE(remote.value("kind").toString(), QStringLiteral("missed"));
    QCOMPARE(remote, local);
    const PunctualctlResult unknown = ctl({"explain", "nothere", "--at", utcIso(m_hour)});
    QCOMPARE(unknown.exitCode, 3);
}

void TestPunctualctlExplain::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown job") << QStringList{"explain", "nothere", "--at", "2026-12-06T10:00"} << 3
                                 << "no job with id \"nothere\"";
    QTest::newRow("bad time") << QStringList{"explain", "hourly", "--at", "yesterday"} << 2
                              << "--at: \"yesterday\" is not an ISO-8601";
    QTest::newRow("impossible date") << QStringList{"explain", "hourly", "--at", "2026-02-30T10:00"} << 2 << "--at:";
    QTest::newRow("no --at") << QStringList{"explain", "hourly"} << 2 << "--at is required";
    QTest::newRow("no id") << QStringList{"explain", "--at", "2026-12-06T10:00"} << 2 << "give one job id";
    QTest::newRow("two ids") << QStringList{"explain", "a", "b", "--at", "2026-12-06T10:00"} << 2
                             << "give one job id";
}

void TestPunctualctlExplain::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const PunctualctlResult r = ctl(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.err.startsWith(QLatin1String("punctualctl: error: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestPunctualctlExplain)
#include "testpunctualctlexplain.moc"
