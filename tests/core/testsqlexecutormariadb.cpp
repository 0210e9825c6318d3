// sql jobs against a real MariaDB server (tests/support/mariadbserver.h, a session time zone that is not UTC):
// row counts, timestamps, rollback, the statement timeout, the job's timeout and stop killing the statement on
// the server, connect failures, and passwords (environment, keychain) that never reach the run history.
#include "executors/passwordprovider.h"
#include "executors/sqlexecutor.h"
#include "executors/sqlrun.h"
#include "mock/fakeclock.h"
#include "support/mariadbserver.h"
#include "support/schedulerharness.h"
#include "support/sqlprobe.h"
#include "support/testsupport.h"
#include "triggers/intervaltrigger.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

using namespace punctual;
using punctual::test::countsIn;
using punctual::test::MariadbServer;
using punctual::test::Probe;
using punctual::test::SchedulerHarness;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z, 13:30 in the server's +05:30
constexpr std::int64_t hour = 3'600'000;

// The tokens testsqlexecutor seeds: ids 1-4 are expired at T0, ids 5-7 are not (expiring exactly at T0 is not
// expired yet).
const QList<std::int64_t> expiryOffsets{-24 * hour, -hour, -1000, -1, 0, 1000, hour};
const QList<int> allIds{1, 2, 3, 4, 5, 6, 7};
const QList<int> validIds{5, 6, 7};

// The job's user must give this password; it must never show in a run's output or error.
const QString cleanerPassword = QStringLiteral("Cl3aner-pw-7f3a");
constexpr char passwordVariable[] = "PUNCTUAL_TEST_MARIADB_PASSWORD";

/// MariaDB's instant for epoch milliseconds: FROM_UNIXTIME(1799999999.999), read in the session's zone.
QString fromUnixtime(std::int64_t ms)
{
    return QStringLiteral("FROM_UNIXTIME(%1)").arg(QString::number(double(ms) / 1000.0, 'f', 3));
}

/// Statements of other connections whose text contains @p fragment, as the server lists them.
QString runningLike(const QString &fragment)
{
    return QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '%%1%' AND "
                          "ID <> CONNECTION_ID()").arg(fragment);
}

/// The keychain a desktop session has, in memory: the system keychain itself is tested by testsystemkeychain
/// (it needs a D-Bus session and gnome-keyring); here what matters is the run's use of it.
class MemoryKeychain final : public Keychain
{
public:
    Result<QString> readPassword(const QString &connectionName) const override
    {
        const QMutexLocker locker(&m_mutex);
        if (!m_passwords.contains(connectionName))
            return Error{ErrorCode::NotFound, QStringLiteral("no password for %1").arg(connectionName)};
        return m_passwords.value(connectionName);
    }
    Result<void> writePassword(const QString &connectionName, const QString &password) override
    {
        const QMutexLocker locker(&m_mutex);
        m_passwords.insert(connectionName, password);
        return {};
    }
    Result<void> deletePassword(const QString &connectionName) override
    {
        const QMutexLocker locker(&m_mutex);
        m_passwords.remove(connectionName);
        return {};
    }

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_passwords;
};

} // namespace

class TestSqlExecutorMariadb : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void countsAndTimestamps_data();
    void countsAndTimestamps();
    void failingStatementRollsBack();
    void statementTimeout_data();
    void statementTimeout();
    void jobTimeoutKillsTheStatement();
    void stopKillsTheStatement();
    void connectFailuresSayWhy();
    void keychainPasswordNeverInHistory();

private:
    SqlConnection connection(const QString &driver = QStringLiteral("QMARIADB")) const;
    void seedTokens(Probe &probe);
    ExecutionRequest request(const SqlAction &action);
    ExecutionResult run(const SqlAction &action, std::optional<std::int64_t> timeoutMs = {});

    FakeClock m_clock{T0};
    std::unique_ptr<MariadbServer> m_server;
    std::unique_ptr<SqlExecutor> m_executor;
    std::uint64_t m_token = 0;
    QString m_database;
};

void TestSqlExecutorMariadb::initTestCase()
{
    qRegisterMetaType<ExecutionResult>();
    if (!MariadbServer::isInstalled())
        QSKIP("MariaDB is not installed (Debian package mariadb-server; scripts/install-deps installs it)");
    m_server = std::make_unique<MariadbServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error() + QLatin1Char('\n') + m_server->log()));
    // The jobs' user: a password, and rights on the test databases (t_...) only.
    QVERIFY2(m_server->admin(QStringLiteral("CREATE USER 'cleaner'@'%' IDENTIFIED BY '%1'; "
                                            "GRANT ALL PRIVILEGES ON `t_%`.* TO 'cleaner'@'%'")
                                 .arg(cleanerPassword)),
             qPrintable(m_server->error()));
    qputenv(passwordVariable, cleanerPassword.toUtf8());
}

void TestSqlExecutorMariadb::init()
{
    m_clock.setNowMs(T0);
    m_executor = std::make_unique<SqlExecutor>(m_clock);
    QVERIFY2(m_server->createUniqueDatabase(&m_database), qPrintable(m_server->error()));
}

void TestSqlExecutorMariadb::cleanup()
{
    m_executor.reset();
    Keychain::install(nullptr);
    qputenv(passwordVariable, cleanerPassword.toUtf8());
}

SqlConnection TestSqlExecutorMariadb::connection(const QString &driver) const
{
    SqlConnection c;
    c.name = QStringLiteral("tokens-mariadb");
    c.driver = driver;
    c.host = m_server->host();
    c.port = m_server->port();
    c.user = QStringLiteral("cleaner");
    c.database = m_database;
    c.passwordSource = PasswordSource::Environment;
    c.passwordVariable = QString::fromLatin1(passwordVariable);
    return c;
}

void TestSqlExecutorMariadb::seedTokens(Probe &probe)
{
    probe.exec(QStringLiteral("CREATE TABLE tokens (id INT PRIMARY KEY, token VARCHAR(40) NOT NULL, "
                              "expires_at TIMESTAMP(3) NOT NULL, expires_ms BIGINT NOT NULL) ENGINE=InnoDB"));
    // started: an instant; started_local: wall-clock time in the session's zone, as NOW() gives it.
    probe.exec(QStringLiteral("CREATE TABLE cleanups (scheduled TIMESTAMP(3) NULL, started TIMESTAMP(3) NULL, "
                              "started_local DATETIME(3) NULL, scheduled_ms BIGINT, started_ms BIGINT) "
                              "ENGINE=InnoDB"));
    for (int i = 0; i < expiryOffsets.size(); ++i) {
        const std::int64_t ms = T0 + expiryOffsets.at(i);
        probe.exec(QStringLiteral("INSERT INTO tokens VALUES (%1, 'token-%1', %2, %3)")
                       .arg(i + 1)
                       .arg(fromUnixtime(ms))
                       .arg(ms));
    }
}

ExecutionRequest TestSqlExecutorMariadb::request(const SqlAction &action)
{
    ExecutionRequest request;
    request.token = ++m_token;
    request.jobId = QStringLiteral("cleanup");
    request.scheduledTime = T0 - 5000; // the run starts 5 s after its scheduled time
    request.action = action;
    return request;
}

ExecutionResult TestSqlExecutorMariadb::run(const SqlAction &action, std::optional<std::int64_t> timeoutMs)
{
    QSignalSpy finished(m_executor.get(), &Executor::finished);
    ExecutionRequest started = request(action);
    started.timeoutMs = timeoutMs;
    m_executor->start(started);
    if (!finished.wait(60'000) || finished.size() != 1)
        qFatal("the sql run did not finish");
    return finished.at(0).at(1).value<ExecutionResult>();
}

void TestSqlExecutorMariadb::countsAndTimestamps_data()
{
    QTest::addColumn<QString>("driver");
    QTest::newRow("QMARIADB") << QStringLiteral("QMARIADB"); // what --driver mariadb gives
    QTest::newRow("QMYSQL") << QStringLiteral("QMYSQL");
}

void TestSqlExecutorMariadb::countsAndTimestamps()
{
    QFETCH(QString, driver);
    Probe probe(connection(driver), cleanerPassword);
    seedTokens(probe);
    SqlAction action;
    action.connection = connection(driver);
    action.statements = {
        QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"),
        QStringLiteral("INSERT INTO cleanups VALUES (:scheduled_time, :now, :now, :scheduled_time_ms, :now_ms)"),
        QStringLiteral("UPDATE tokens SET token = CONCAT(token, '-kept')"),
        QStringLiteral("SELECT id FROM tokens"),
    };
    const ExecutionResult result = run(action);
    QVERIFY2(result.outcome == RunOutcome::Success, qPrintable(result.error));
    QCOMPARE(countsIn(result.output), (QList<int>{4, 1, 3, 3}));
    QVERIFY2(result.output.contains(QStringLiteral("statement 3: 3 row(s) affected"))
                 && result.output.contains(QStringLiteral("statement 4: 3 row(s) returned")),
             qPrintable(result.output));
    QCOMPARE(probe.ids(), validIds); // exactly the expired ones: :now is the instant T0, not 5:30 h off
    QCOMPARE(probe.column(QStringLiteral("SELECT token FROM tokens WHERE id = 5")).value(0).toString(),
             QStringLiteral("token-5-kept"));
    // The instants arrived as the instants they are, and the wall-clock column reads as NOW() would.
    QCOMPARE(probe.column(QStringLiteral("SELECT CAST(UNIX_TIMESTAMP(started) * 1000 AS SIGNED) FROM cleanups"))
                 .value(0).toLongLong(), T0);
    QCOMPARE(probe.column(QStringLiteral("SELECT CAST(UNIX_TIMESTAMP(scheduled) * 1000 AS SIGNED) FROM cleanups"))
                 .value(0).toLongLong(), T0 - 5000);
    QCOMPARE(probe.column(QStringLiteral("SELECT DATE_FORMAT(started_local, '%Y-%m-%d %H:%i:%s.%f') FROM cleanups"))
                 .value(0).toString(), QStringLiteral("2027-01-15 13:30:00.000000"));
    QCOMPARE(probe.column(QStringLiteral("SELECT started_ms FROM cleanups")).value(0).toLongLong(), T0);
}

void TestSqlExecutorMariadb::failingStatementRollsBack()
{
    Probe probe(connection(), cleanerPassword);
    seedTokens(probe);
    SqlAction action;
    action.connection = connection();
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"),
                         QStringLiteral("UPDATE no_such_table SET x = 1")};
    const ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.startsWith(QStringLiteral("statement 2 failed: ")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("no_such_table' doesn't exist [1146]")), qPrintable(result.error));
    QVERIFY2(result.output.contains(QStringLiteral("rolled back")), qPrintable(result.output));
    QCOMPARE(countsIn(result.output), QList<int>{4}); // the first statement ran, then was rolled back
    QCOMPARE(probe.ids(), allIds);
    QVERIFY(!result.error.contains(cleanerPassword) && !result.output.contains(cleanerPassword));

    // A prepared statement (placeholders bound) that fails while it runs: a duplicate key.
    action.statements[1] = QStringLiteral("INSERT INTO tokens VALUES (7, 'again', :now, :now_ms)");
    const ExecutionResult duplicate = run(action);
    QCOMPARE(duplicate.outcome, RunOutcome::Failed);
    QVERIFY2(duplicate.error.contains(QStringLiteral("Duplicate entry '7'"))
                 && duplicate.error.contains(QStringLiteral("[1062]")),
             qPrintable(duplicate.error));
    QCOMPARE(probe.ids(), allIds);
}

void TestSqlExecutorMariadb::statementTimeout_data()
{
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("sleeper");
    QTest::newRow("QMARIADB") << QStringLiteral("QMARIADB") << QStringLiteral("SELECT SLEEP(5)");
    QTest::newRow("QMARIADB prepared") << QStringLiteral("QMARIADB")
                                       << QStringLiteral("SELECT SLEEP(5) + :now_ms - :now_ms");
    QTest::newRow("QMYSQL") << QStringLiteral("QMYSQL") << QStringLiteral("SELECT SLEEP(5)");
}

void TestSqlExecutorMariadb::statementTimeout()
{
    QFETCH(QString, driver);
    QFETCH(QString, sleeper);
    Probe probe(connection(driver), cleanerPassword);
    seedTokens(probe);
    SqlAction action;
    action.connection = connection(driver);
    action.statementTimeoutMs = 1000;
    action.statements = {QStringLiteral("DELETE FROM tokens"), sleeper};
    QElapsedTimer elapsed;
    elapsed.start();
    const ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QVERIFY2(result.error.startsWith(QStringLiteral("statement 2 timed out after 1000 ms")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("max_statement_time exceeded")), qPrintable(result.error));
    QVERIFY2(elapsed.elapsed() < 4000, "SLEEP(5) was not cut short");
    QCOMPARE(probe.column(runningLike(QStringLiteral("SLEEP("))).value(0).toInt(), 0); // gone on the server
    QCOMPARE(probe.ids(), allIds);
}

void TestSqlExecutorMariadb::jobTimeoutKillsTheStatement()
{
    Probe probe(connection(), cleanerPassword);
    seedTokens(probe);
    SqlAction action;
    action.connection = connection();
    action.statementTimeoutMs.reset();
    action.statements = {QStringLiteral("DELETE FROM tokens"), QStringLiteral("SELECT SLEEP(60)")};
    const ExecutionResult result = run(action, 1000); // the job's timeout, not the statement's
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QVERIFY2(result.error.contains(QStringLiteral("rolled back")), qPrintable(result.error));
    // KILL QUERY ended it on the server (not after 60 s), and the worker rolled back and returned.
    QElapsedTimer gone;
    gone.start();
    QTRY_COMPARE_WITH_TIMEOUT(probe.column(runningLike(QStringLiteral("SLEEP(60)"))).value(0).toInt(), 0, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_executor->runningCount(), 0, 10'000);
    qInfo("the statement was gone %lld ms after the timeout was reported", gone.elapsed());
    QCOMPARE(probe.ids(), allIds);
}

void TestSqlExecutorMariadb::stopKillsTheStatement()
{
    Probe probe(connection(), cleanerPassword);
    seedTokens(probe);
    SqlAction action;
    action.connection = connection();
    action.statementTimeoutMs.reset();
    action.statements = {QStringLiteral("DELETE FROM tokens"), QStringLiteral("SELECT SLEEP(60)")};
    QSignalSpy finished(m_executor.get(), &Executor::finished);
    const ExecutionRequest running = request(action);
    m_executor->start(running);
    const QString sleeping = runningLike(QStringLiteral("SLEEP(60)"));
    QTRY_COMPARE_WITH_TIMEOUT(probe.column(sleeping).value(0).toInt(), 1, 10'000);
    m_executor->stop(running.token);
    QCOMPARE(finished.size(), 1); // reported at once
    const ExecutionResult stopped = finished.at(0).at(1).value<ExecutionResult>();
    QCOMPARE(stopped.outcome, RunOutcome::Interrupted);
    QVERIFY2(stopped.error.contains(QStringLiteral("rolled back")), qPrintable(stopped.error));
    // The server stopped the statement (not after 60 s) and the worker rolled back and returned.
    QElapsedTimer gone;
    gone.start();
    QTRY_COMPARE_WITH_TIMEOUT(probe.column(sleeping).value(0).toInt(), 0, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_executor->runningCount(), 0, 10'000);
    qInfo("the statement was gone %lld ms after stop()", gone.elapsed());
    QCOMPARE(finished.size(), 1); // the worker's late result is not reported again
    QCOMPARE(probe.ids(), allIds);
}

void TestSqlExecutorMariadb::connectFailuresSayWhy()
{
    SqlAction action;
    action.connection = connection();
    action.connection.port = 1; // nothing listens there
    action.statements = {QStringLiteral("SELECT 1")};
    ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    const QString where =
        QStringLiteral("cannot connect to the QMARIADB database \"%1\" on 127.0.0.1:1: ").arg(m_database);
    QVERIFY2(result.error.startsWith(where), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("Can't connect")), qPrintable(result.error)); // the client's words

    const QByteArray wrong = "Wr0ng-pw-91c2";
    qputenv(passwordVariable, wrong);
    action.connection = connection();
    result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains(QStringLiteral("Access denied for user 'cleaner'")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("[1045]")), qPrintable(result.error));
    QVERIFY(!result.error.contains(QString::fromLatin1(wrong)) && !result.error.contains(cleanerPassword));
    qputenv(passwordVariable, cleanerPassword.toUtf8());

    action.connection = connection();
    action.connection.database = QStringLiteral("t_no_such_database");
    result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains(QStringLiteral("Unknown database 't_no_such_database'")), qPrintable(result.error));

    auto tested = testSqlConnection(connection(), SystemPasswordProvider::instance());
    QVERIFY2(tested, tested ? "" : qPrintable(tested.error().message));
    QVERIFY2(tested.value().startsWith(QStringLiteral("Connected to the QMARIADB database")),
             qPrintable(tested.value()));
}

void TestSqlExecutorMariadb::keychainPasswordNeverInHistory()
{
    Probe probe(connection(), cleanerPassword);
    seedTokens(probe);
    auto keychain = std::make_shared<MemoryKeychain>();
    QVERIFY_OK(keychain->writePassword(QStringLiteral("tokens-mariadb"), cleanerPassword));
    Keychain::install(keychain);
    qunsetenv(passwordVariable); // the keychain it is

    SchedulerHarness harness;
    harness.setUpScheduler(T0);
    Scheduler &scheduler = harness.scheduler();
    QVERIFY(scheduler.start());
    Job job;
    job.id = QStringLiteral("delete-expired-tokens");
    job.trigger = std::make_shared<IntervalTrigger>(hour, T0 + hour);
    SqlAction action;
    action.connection = connection();
    action.connection.passwordSource = PasswordSource::Keychain;
    action.connection.passwordVariable.clear();
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :scheduled_time")};
    job.action = action;
    QVERIFY_OK(scheduler.addJob(job));

    QSignalSpy executed(&scheduler, &Scheduler::jobExecuted);
    QSignalSpy failedRuns(&scheduler, &Scheduler::jobError);
    harness.wake(T0 + hour);
    QVERIFY(executed.wait(30'000));
    QCOMPARE(executed.at(0).at(0).value<RunRecord>().outcome, RunOutcome::Success);
    QCOMPARE(countsIn(executed.at(0).at(0).value<RunRecord>().output), QList<int>{6});
    QCOMPARE(probe.ids(), QList<int>{7});

    // A changed password in the keychain: the next run fails with the server's words, and neither password is
    // anywhere in the history.
    const QString wrong = QStringLiteral("Wr0ng-pw-5d0e");
    QVERIFY_OK(keychain->writePassword(QStringLiteral("tokens-mariadb"), wrong));
    harness.wake(T0 + 2 * hour);
    QVERIFY(failedRuns.wait(30'000));
    const RunRecord failed = failedRuns.at(0).at(0).value<RunRecord>();
    QCOMPARE(failed.outcome, RunOutcome::Failed);
    QVERIFY2(failed.error.contains(QStringLiteral("Access denied for user 'cleaner'")), qPrintable(failed.error));
    QTRY_COMPARE(harness.store().runs(job.id, 10).value().size(), 2);
    QTRY_VERIFY(harness.store().runs(job.id, 10).value().value(0).isFinal());
    for (const RunRecord &stored : harness.store().runs(job.id, 10).value()) {
        for (const QString &text : {stored.output, stored.error}) {
            QVERIFY2(!text.contains(cleanerPassword) && !text.contains(wrong), qPrintable(text));
        }
    }
    const auto storedJob = harness.store().job(job.id);
    QVERIFY_OK(storedJob);
    QVERIFY(storedJob.value().has_value());
    const QByteArray json = QJsonDocument(storedJob.value()->toJson()).toJson();
    QVERIFY(!json.contains(cleanerPassword.toUtf8()) && !json.contains(wrong.toUtf8()));
    QVERIFY2(json.contains("\"keychain\""), json.constData());
}

QTEST_GUILESS_MAIN(TestSqlExecutorMariadb)
#include "testsqlexecutormariadb.moc"
