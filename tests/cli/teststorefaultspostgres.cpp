// Real `punctualctl run` hosts on a real PostgreSQL (a private server on a loopback port) that restarts, ends their
// sessions, or is not up yet when they start: the hosts stay alive, reconnect within the backoff reached
// (Scheduler::storeRetryFirstMs doubling to storeRetryCapMs) plus 2 s, and every scheduled second is recorded exactly
// once, as a run or as missed by the job's misfire grace. Recovery times are measured from the test's clock against
// the run rows' start times and the hosts' log lines (docs/store-faults.md).
#include "instanceprocess.h"
#include "punctualctlprocess.h"
#include "storefaultchecks.h"

#include "store/sqljobstore.h"
#include "store/storelocation.h"
#include "support/postgresserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace punctual;
using namespace storefaults;
using punctual::test::PostgresServer;

namespace {

constexpr int leaseS = 4;
constexpr int outageMs = 6000;

QString iso(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

class TestStoreFaultsPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void restartUnderTwoInstancesLosesNothing();
    void terminatedSessionsAreReconnected();
    void hostStartedWhileTheServerIsDownWaitsForIt();
    void storeTimeoutGivesUpOnAServerThatStaysDown();

private:
    /// A new database for one test; its URL as --store takes it.
    QString newStore();
    static QString instanceUrl(const QString &url, const QString &instance)
    {
        return QStringLiteral("%1?instance=%2&lease=%3").arg(url, instance).arg(leaseS);
    }
    /// Adds @p count jobs running /bin/true every second from the whole second @p startMs through the host of
    /// @p storeUrl, with @p options (coalesce and grace); their ids are prefix0.. prefixN-1.
    QStringList addJobs(const QString &storeUrl, const QString &prefix, int count, std::int64_t startMs,
                        const QStringList &options);
    /// The store's run rows, read as a separate client.
    QList<RunRecord> runRows(const QString &url);
    /// SIGTERM to a host that must still be alive; it must leave with exit 0.
    void stopAlive(InstanceProcess &host, const char *name);

    PostgresServer m_server;
    QTemporaryDir m_home;
};

void TestStoreFaultsPostgres::initTestCase()
{
    // The hosts' settings and process group lists stay in the test's folder.
    QVERIFY(m_home.isValid());
    qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toUtf8());
    qputenv("XDG_STATE_HOME", m_home.filePath("state").toUtf8());
    QVERIFY2(m_server.start(), qPrintable(m_server.error() + '\n' + m_server.log()));
}

void TestStoreFaultsPostgres::cleanup()
{
    // A test that failed while the server was down leaves it up for the next one.
    if (!m_server.isRunning())
        QVERIFY2(m_server.startAgain(), qPrintable(m_server.error()));
}

QString TestStoreFaultsPostgres::newStore()
{
    QString db;
    if (!m_server.createUniqueDatabase(&db))
        return {};
    return m_server.url(db);
}

QStringList TestStoreFaultsPostgres::addJobs(const QString &storeUrl, const QString &prefix, int count,
                                             std::int64_t startMs, const QStringList &options)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QString id = prefix + QString::number(i);
        const auto added = runPunctualctl(QStringList{"--store", storeUrl, "add", "--id", id, "--every", "1s",
                                                      "--start", iso(startMs)}
                                          + options + QStringList{"--", "/bin/true"});
        if (added.exitCode != 0) {
            qWarning("add %s: %s", qPrintable(id), qPrintable(added.err));
            return {};
        }
        ids << id;
    }
    return ids;
}

QList<RunRecord> TestStoreFaultsPostgres::runRows(const QString &url)
{
    auto location = StoreLocation::fromUrl(url + "?instance=observer");
    if (!location || !location.value().postgres)
        return {};
    auto store = SqlJobStore::openPostgres(*location.value().postgres);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return {};
    }
    auto rows = store.value()->runs({}, -1);
    if (!rows) {
        qWarning("%s", qPrintable(rows.error().message));
        return {};
    }
    return std::move(rows).value();
}

void TestStoreFaultsPostgres::stopAlive(InstanceProcess &host, const char *name)
{
    QVERIFY2(host.isRunning() && processAlive(host.process()->processId()), name);
    ::kill(static_cast<pid_t>(host.process()->processId()), SIGTERM);
    QVERIFY2(host.process()->waitForFinished(30'000), name);
    host.log(); // the rest of it
    QCOMPARE(host.process()->exitStatus(), QProcess::NormalExit);
    QCOMPARE(host.process()->exitCode(), 0);
}

// The restart: `pg_ctl stop -m fast`, 6 s down, started again, under two instances sharing five
// every-second jobs. None of the five coalesces: every scheduled second gets its own row, so a second that nobody ran
// or recorded shows as a hole (coalescing leaves no row for the seconds it folds: a loss would look the same).
// Three keep the default grace (60 s): the outage's seconds are run late on return, as successes. Two have a 1 s
// grace: those seconds are recorded as missed instead. Either way each second has exactly one row.
void TestStoreFaultsPostgres::restartUnderTwoInstancesLosesNothing()
{
    const QString url = newStore();
    QVERIFY2(!url.isEmpty(), qPrintable(m_server.error()));
    InstanceProcess a;
    InstanceProcess b;
    const LogsOnFailure logs({{"a", &a}, {"b", &b}});
    QVERIFY2(a.startOn({"--store", instanceUrl(url, "a")}, {"--stop-timeout", "5"}), qPrintable(a.log()));
    QVERIFY2(b.startOn({"--store", instanceUrl(url, "b")}, {"--stop-timeout", "5"}), qPrintable(b.log()));

    const std::int64_t firstTime = (nowMs() / 1000 + 2) * 1000;
    const QStringList lateJobs = addJobs(instanceUrl(url, "a"), "late", 3, firstTime, {"--no-coalesce"});
    const QStringList missJobs =
        addJobs(instanceUrl(url, "a"), "miss", 2, firstTime, {"--no-coalesce", "--misfire-grace", "1"});
    QCOMPARE(lateJobs.size() + missJobs.size(), 5);
    // A few seconds run before the outage.
    QTRY_VERIFY_WITH_TIMEOUT(startedRuns(a.log()) + startedRuns(b.log()) >= 15, 30'000);

    const int aLines = lineCount(a.log());
    const int bLines = lineCount(b.log());
    const std::int64_t stopBegan = nowMs();
    QVERIFY2(m_server.stop(PostgresServer::StopMode::Fast), qPrintable(m_server.error()));
    // The outage itself (the scenario, not a timing assertion): the database stays down about 6 s.
    QTest::qWait(static_cast<int>(std::max<std::int64_t>(0, outageMs - (nowMs() - stopBegan))));
    QVERIFY2(m_server.startAgain(), qPrintable(m_server.error() + '\n' + m_server.log()));
    const std::int64_t back = nowMs();
    const std::int64_t downMs = back - stopBegan;
    const std::int64_t bound = backoffReachedMs(downMs) + slackMs;
    qInfo("the database was down %lld ms; the backoff reached %lld ms: runs must resume within %lld ms",
          static_cast<long long>(downMs), static_cast<long long>(backoffReachedMs(downMs)),
          static_cast<long long>(bound));

    // Each instance noticed the outage and reconnected (its log says when)...
    QTRY_VERIFY_WITH_TIMEOUT(a.log().contains("the job store is available again")
                                 && b.log().contains("the job store is available again"),
                             static_cast<int>(bound) + 20'000);
    for (InstanceProcess *host : {&a, &b}) {
        const QString name = host == &a ? "a" : "b";
        const int from = host == &a ? aLines : bLines;
        const auto lost = loggedAt(host->log(), "the job store is unavailable: ", from);
        const auto regained = loggedAt(host->log(), "the job store is available again (after ", from);
        QVERIFY2(lost && regained, qPrintable(name + ": " + host->log()));
        qInfo("instance %s: unavailable %lld ms after the stop began, available again %lld ms after the server was "
              "back",
              qPrintable(name), static_cast<long long>(*lost - stopBegan), static_cast<long long>(*regained - back));
        QVERIFY2(*regained - back <= bound,
                 qPrintable(QString("%1 reconnected %2 ms after the server was back").arg(name).arg(*regained - back)));
    }
    // ...and the jobs go on past the bound (the return's catch-up runs come at once) before both are stopped.
    QTRY_VERIFY_WITH_TIMEOUT(nowMs() > back + bound + 2000, static_cast<int>(bound) + 10'000);
    stopAlive(a, "a");
    stopAlive(b, "b");

    const QList<RunRecord> rows = runRows(url);
    // Every second has one row: run, or recorded by the job's policy (missed past its grace; skipped while the
    // return's catch-up, the outage's seconds run one after another as one run, still goes: max_instances 1).
    QHash<QString, QSet<RunOutcome>> allowed;
    for (const QString &job : lateJobs)
        allowed.insert(job, {RunOutcome::Success, RunOutcome::Skipped});
    for (const QString &job : missJobs)
        allowed.insert(job, {RunOutcome::Success, RunOutcome::Missed, RunOutcome::Skipped});
    const RowCheck check = checkRows(rows, lateJobs + missJobs, 1000, allowed);
    QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join('\n')));
    for (const QString &job : lateJobs + missJobs) {
        const auto &times = check.byJob.value(job);
        QVERIFY2(times.firstKey() < stopBegan && times.lastKey() > back + bound,
                 qPrintable(job + ": the rows do not span the outage"));
    }
    // The seconds well inside the outage: run on return, late (grace 60 s), or recorded as missed (grace 1 s).
    const auto outageSeconds = [&](const QString &job) {
        QList<RunRecord> inside;
        for (const RunRecord &run : check.byJob.value(job)) {
            if (run.scheduledTime >= stopBegan + 1000 && run.scheduledTime <= back - 1000)
                inside << run;
        }
        return inside;
    };
    for (const QString &job : lateJobs + missJobs) {
        const QList<RunRecord> inside = outageSeconds(job);
        QVERIFY2(inside.size() >= outageMs / 1000 - 2, qPrintable(QString("%1: %2 seconds").arg(job).arg(inside.size())));
        const bool runLate = lateJobs.contains(job);
        std::int64_t latest = 0;
        for (const RunRecord &run : inside) {
            const QString what = QString("%1 at %2: %3").arg(job).arg(run.scheduledTime).arg(RunRecord::outcomeName(run.outcome));
            if (runLate) {
                QVERIFY2(run.outcome == RunOutcome::Success && run.startTime && *run.startTime >= back, qPrintable(what));
                latest = std::max(latest, *run.startTime - run.scheduledTime);
            } else {
                QVERIFY2(run.outcome == RunOutcome::Missed, qPrintable(what));
            }
        }
        int skipped = 0;
        for (const RunRecord &run : check.byJob.value(job))
            skipped += run.outcome == RunOutcome::Skipped;
        qInfo("%s: %lld seconds in a row, %lld inside the outage %s%s, %d skipped", qPrintable(job),
              static_cast<long long>(check.byJob.value(job).size()), static_cast<long long>(inside.size()),
              runLate ? "run on return, the latest " : "recorded as missed",
              runLate ? qPrintable(QString("%1 ms late").arg(latest)) : "", skipped);
    }
    const auto resumed = firstStartAfter(rows, back);
    QVERIFY(resumed);
    qInfo("the first run after the server was back started %lld ms after it (bound %lld ms)",
          static_cast<long long>(*resumed - back), static_cast<long long>(bound));
    QVERIFY2(*resumed - back <= bound, qPrintable(QString("runs resumed %1 ms after the server was back").arg(*resumed - back)));
}

// pg_terminate_backend ends every session of the database under two running instances (their store connections
// and their listeners): each notices at its next use of the store (a due pass or heartbeat, within a second) and
// reconnects after the first pause (0.5 s). No second is run twice or left out.
void TestStoreFaultsPostgres::terminatedSessionsAreReconnected()
{
    const QString url = newStore();
    QVERIFY2(!url.isEmpty(), qPrintable(m_server.error()));
    const QString db = url.section('/', -1);
    InstanceProcess a;
    InstanceProcess b;
    const LogsOnFailure logs({{"a", &a}, {"b", &b}});
    QVERIFY2(a.startOn({"--store", instanceUrl(url, "a")}, {"--stop-timeout", "5"}), qPrintable(a.log()));
    QVERIFY2(b.startOn({"--store", instanceUrl(url, "b")}, {"--stop-timeout", "5"}), qPrintable(b.log()));
    const std::int64_t firstTime = (nowMs() / 1000 + 2) * 1000;
    const QStringList jobs = addJobs(instanceUrl(url, "a"), "job", 5, firstTime, {"--no-coalesce"});
    QCOMPARE(jobs.size(), 5);
    QTRY_VERIFY_WITH_TIMEOUT(startedRuns(a.log()) + startedRuns(b.log()) >= 15, 30'000);

    const int aLines = lineCount(a.log());
    const int bLines = lineCount(b.log());
    const std::int64_t terminated = nowMs();
    const int ended = m_server.terminateSessions(db);
    // Each instance's store connection and its change listener at least.
    QVERIFY2(ended >= 4, qPrintable(QString("%1 sessions ended: %2").arg(ended).arg(m_server.error())));
    QTRY_VERIFY_WITH_TIMEOUT(a.log().count("the job store is available again") >= 1
                                 && b.log().count("the job store is available again") >= 1,
                             20'000);
    for (InstanceProcess *host : {&a, &b}) {
        const QString name = host == &a ? "a" : "b";
        const int from = host == &a ? aLines : bLines;
        const auto lost = loggedAt(host->log(), "the job store is unavailable: ", from);
        const auto regained = loggedAt(host->log(), "the job store is available again (after ", from);
        QVERIFY2(lost && regained, qPrintable(name + ": " + host->log()));
        qInfo("instance %s: noticed %lld ms after the sessions were ended, available again %lld ms after",
              qPrintable(name), static_cast<long long>(*lost - terminated),
              static_cast<long long>(*regained - terminated));
        QVERIFY2(*regained - terminated <= slackMs,
                 qPrintable(QString("%1 reconnected %2 ms after its session was ended").arg(name).arg(*regained - terminated)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(nowMs() > terminated + slackMs + 3000, 15'000);
    stopAlive(a, "a");
    stopAlive(b, "b");

    const QList<RunRecord> rows = runRows(url);
    const RowCheck check = checkRows(rows, jobs, 1000);
    QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join('\n')));
    for (const QString &job : jobs) {
        const auto &times = check.byJob.value(job);
        QVERIFY2(times.firstKey() < terminated && times.lastKey() > terminated + slackMs,
                 qPrintable(job + ": the rows do not span the termination"));
    }
    const auto resumed = firstStartAfter(rows, terminated);
    QVERIFY(resumed);
    qInfo("the first run after the sessions were ended started %lld ms after", static_cast<long long>(*resumed - terminated));
    QVERIFY2(*resumed - terminated <= slackMs, qPrintable(QString("runs resumed %1 ms after").arg(*resumed - terminated)));
}

// `punctualctl run` started while its PostgreSQL is down: it stays up, says so through `status`, and its jobs begin
// within the backoff reached plus 2 s once the server answers.
void TestStoreFaultsPostgres::hostStartedWhileTheServerIsDownWaitsForIt()
{
    const QString url = newStore();
    QVERIFY2(!url.isEmpty(), qPrintable(m_server.error()));
    const QString store = instanceUrl(url, "h");
    // Its jobs are stored before the server goes down (no host yet: punctualctl writes them itself).
    const QStringList jobs = addJobs(store, "job", 2, (nowMs() / 1000 + 1) * 1000, {});
    QCOMPARE(jobs.size(), 2);
    QVERIFY2(m_server.stop(PostgresServer::StopMode::Fast), qPrintable(m_server.error()));

    const std::int64_t hostStarted = nowMs();
    InstanceProcess host;
    const LogsOnFailure logs({{"host", &host}});
    QVERIFY2(host.startOn({"--store", store}, {"--stop-timeout", "5"}, "its jobs run once the store answers"),
             qPrintable(host.log()));
    QVERIFY2(host.log().contains("waiting for the job store: "), qPrintable(host.log()));

    const auto down = runPunctualctl({"--store", store, "status", "--json"});
    QCOMPARE(down.exitCode, 1);
    const QJsonObject status = QJsonDocument::fromJson(down.out.toUtf8()).object();
    QVERIFY2(status.value("running").toBool(), qPrintable(down.out + down.err));
    const QJsonObject health = status.value("store_health").toObject();
    QCOMPARE(health.value("available").toBool(true), false);
    const QString lastError = health.value("last_error").toString();
    qInfo("status while the server is down (exit %d): %s", down.exitCode, qPrintable(lastError));
    QVERIFY2(lastError.contains("cannot reach the job store") && lastError.contains("connect"), qPrintable(lastError));
    QVERIFY2(status.value("jobs").isNull(), qPrintable(down.out));
    QVERIFY(!health.value("next_retry").toString().isEmpty());

    // The server stays down a few seconds more (the scenario); the host meanwhile stays up.
    QTest::qWait(3000);
    QVERIFY(host.isRunning());
    QVERIFY(!host.log().contains(": started (scheduled"));
    QVERIFY2(m_server.startAgain(), qPrintable(m_server.error() + '\n' + m_server.log()));
    const std::int64_t back = nowMs();
    const std::int64_t bound = backoffReachedMs(back - hostStarted) + slackMs;
    QTRY_VERIFY_WITH_TIMEOUT(host.log().contains(": started (scheduled"), static_cast<int>(bound) + 20'000);
    const auto began = firstStartAfter(runRows(url), back);
    QVERIFY(began);
    qInfo("the server was back %lld ms after the host started; its first run began %lld ms after that (bound %lld ms)",
          static_cast<long long>(back - hostStarted), static_cast<long long>(*began - back),
          static_cast<long long>(bound));
    QVERIFY2(*began - back <= bound, qPrintable(QString("the first run began %1 ms after the server was back").arg(*began - back)));
    QVERIFY2(host.log().contains("the job store is available again"), qPrintable(host.log()));

    const auto up = runPunctualctl({"--store", store, "status", "--json"});
    QCOMPARE(up.exitCode, 0);
    const QJsonObject upStatus = QJsonDocument::fromJson(up.out.toUtf8()).object();
    QCOMPARE(upStatus.value("store_health").toObject().value("available").toBool(), true);
    QCOMPARE(upStatus.value("jobs").toInt(), 2);
    stopAlive(host, "host");
}

// --store-timeout bounds the wait at start: with the server down the host gives up with exit 1 and says why; a
// value that is not a duration is a usage error (exit 2).
void TestStoreFaultsPostgres::storeTimeoutGivesUpOnAServerThatStaysDown()
{
    const QString url = newStore();
    QVERIFY2(!url.isEmpty(), qPrintable(m_server.error()));
    const QString store = instanceUrl(url, "t");
    const auto bad = runPunctualctl({"--store", store, "run", "--store-timeout", "xyz"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("--store-timeout"), qPrintable(bad.err));

    QVERIFY2(m_server.stop(PostgresServer::StopMode::Fast), qPrintable(m_server.error()));
    QElapsedTimer waited;
    waited.start();
    const auto gaveUp = runPunctualctl({"--store", store, "run", "--store-timeout", "2s"}, 30'000);
    const qint64 tookMs = waited.elapsed();
    qInfo("--store-timeout 2s gave up after %lld ms", static_cast<long long>(tookMs));
    QCOMPARE(gaveUp.exitCode, 1);
    QVERIFY2(gaveUp.err.contains("--store-timeout"), qPrintable(gaveUp.err));
    // Not before the timeout (less the 5 % a coarse Qt timer may fire early), and within a few seconds after it.
    QVERIFY2(tookMs >= 1900 && tookMs <= 2000 + 3 * slackMs, qPrintable(QString::number(tookMs)));
}

QTEST_GUILESS_MAIN(TestStoreFaultsPostgres)
#include "teststorefaultspostgres.moc"
