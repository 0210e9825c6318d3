// sql jobs against a real SQLite file and a real PostgreSQL server: counts, placeholders, rollback, timeouts,
// cancellation, passwords, and one run through the real Scheduler.
#include "executors/passwordprovider.h"
#include "executors/sqlexecutor.h"
#include "executors/sqlrun.h"
#include "executors/sqltext.h"
#include "mock/fakeclock.h"
#include "support/postgresserver.h"
#include "support/schedulerharness.h"
#include "support/sqlprobe.h"
#include "time/clock.h"
#include "triggers/intervaltrigger.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;
using punctual::test::countsIn;
using punctual::test::PostgresServer;
using punctual::test::Probe;
using punctual::test::SchedulerHarness;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t hour = 3'600'000;

// Offsets from T0 of the seeded tokens: ids 1-4 are expired at T0, ids 5-7 are not (expiring exactly at T0 is
// not expired yet).
const QList<std::int64_t> expiryOffsets{-24 * hour, -hour, -1000, -1, 0, 1000, hour};
const QList<int> validIds{5, 6, 7};

QString sqliteText(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

} // namespace

class TestSqlExecutor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void splitsScriptsAndFindsPlaceholders();
    void jsonRoundTripAndNoPlainPassword();

    void sqliteDeletesExactlyExpiredRows();
    void sqliteTwoStatementsBindPlaceholders();
    void sqliteFailingStatementLeavesTableUntouched();
    void sqliteStatementTimeout();
    void sqliteJobTimeoutAndStopInterrupt();
    void sqliteMissingFileAndUnknownPlaceholder();
    void missingPasswordSourcesFailClearly();
    void runsThroughTheScheduler();
    void exampleDeletesDemoTokens();

    void postgresDeletesExactlyExpiredRows();
    void postgresFailingStatementLeavesTableUntouched();
    void postgresStatementTimeout();
    void postgresStopCancelsTheStatement();
    void postgresBadConnection();
    void postgresPasswordFromEnvironment();

private:
    SqlConnection sqliteConnection() const;
    SqlConnection postgresConnection() const;
    void seedTokens(Probe &probe, bool postgres);
    ExecutionRequest request(const SqlAction &action);
    ExecutionResult run(const SqlAction &action, std::optional<std::int64_t> timeoutMs = {});
    bool startPostgres();

    FakeClock m_clock{T0};
    std::unique_ptr<SqlExecutor> m_executor;
    std::uint64_t m_token = 0;
    QTemporaryDir m_dir;
    QString m_sqlitePath;
    std::unique_ptr<PostgresServer> m_postgres;
    QString m_postgresDatabase;
};

void TestSqlExecutor::initTestCase()
{
    qRegisterMetaType<ExecutionResult>();
    QVERIFY(m_dir.isValid());
}

void TestSqlExecutor::init()
{
    m_clock.setNowMs(T0);
    m_executor = std::make_unique<SqlExecutor>(m_clock);
    m_sqlitePath = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
    QFile::remove(m_sqlitePath);
    QFile file(m_sqlitePath);
    QVERIFY(file.open(QIODevice::WriteOnly)); // an empty file is an empty SQLite database
}

void TestSqlExecutor::cleanup()
{
    m_executor.reset();
}

SqlConnection TestSqlExecutor::sqliteConnection() const
{
    SqlConnection c;
    c.name = QStringLiteral("tokens-db");
    c.driver = QStringLiteral("QSQLITE");
    c.database = m_sqlitePath;
    return c;
}

SqlConnection TestSqlExecutor::postgresConnection() const
{
    SqlConnection c;
    c.name = QStringLiteral("tokens-pg");
    c.driver = QStringLiteral("QPSQL");
    c.host = m_postgres->host();
    c.port = m_postgres->port();
    c.user = m_postgres->user();
    c.database = m_postgresDatabase;
    return c;
}

bool TestSqlExecutor::startPostgres()
{
    if (!m_postgres) {
        m_postgres = std::make_unique<PostgresServer>();
        if (!m_postgres->start())
            qFatal("PostgreSQL: %s\n%s", qPrintable(m_postgres->error()), qPrintable(m_postgres->log()));
    }
    // A fresh database per test function.
    return m_postgres->createUniqueDatabase(&m_postgresDatabase);
}

void TestSqlExecutor::seedTokens(Probe &probe, bool postgres)
{
    probe.exec(postgres ? QStringLiteral("CREATE TABLE tokens (id integer PRIMARY KEY, token text NOT NULL, "
                                         "expires_at timestamptz NOT NULL, expires_ms bigint NOT NULL)")
                        : QStringLiteral("CREATE TABLE tokens (id INTEGER PRIMARY KEY, token TEXT NOT NULL, "
                                         "expires_at TEXT NOT NULL, expires_ms INTEGER NOT NULL)"));
    probe.exec(QStringLiteral("CREATE TABLE cleanups (scheduled TEXT, started TEXT, scheduled_ms BIGINT, "
                              "started_ms BIGINT)"));
    for (int i = 0; i < expiryOffsets.size(); ++i) {
        const std::int64_t ms = T0 + expiryOffsets.at(i);
        const QString at = postgres ? QStringLiteral("to_timestamp(%1 / 1000.0)").arg(ms)
                                    : QStringLiteral("'%1'").arg(sqliteText(ms));
        probe.exec(QStringLiteral("INSERT INTO tokens VALUES (%1, 'token-%1', %2, %3)").arg(i + 1).arg(at).arg(ms));
    }
}

ExecutionRequest TestSqlExecutor::request(const SqlAction &action)
{
    ExecutionRequest request;
    request.token = ++m_token;
    request.jobId = QStringLiteral("cleanup");
    request.scheduledTime = T0 - 5000; // the run starts 5 s after its scheduled time
    request.action = action;
    return request;
}

ExecutionResult TestSqlExecutor::run(const SqlAction &action, std::optional<std::int64_t> timeoutMs)
{
    QSignalSpy finished(m_executor.get(), &Executor::finished);
    ExecutionRequest started = request(action);
    started.timeoutMs = timeoutMs;
    m_executor->start(started);
    if (!finished.wait(60'000) || finished.size() != 1)
        qFatal("the sql run did not finish");
    return finished.at(0).at(1).value<ExecutionResult>();
}

// --- text and JSON ---------------------------------------------------------------------------------------

void TestSqlExecutor::splitsScriptsAndFindsPlaceholders()
{
    const QString script = QStringLiteral(
        "DELETE FROM tokens WHERE expires_at < :now; -- a comment; with :fake\n"
        "INSERT INTO log VALUES ('a;b', \"x;y\", :scheduled_time);\n"
        "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;;\n"
        "SELECT '1'::int /* ; :no */");
    const QStringList statements = splitSqlStatements(script);
    QCOMPARE(statements.size(), 4);
    QCOMPARE(statements.at(0), QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"));
    QVERIFY(statements.at(1).startsWith(QStringLiteral("-- a comment; with :fake\nINSERT INTO log")));
    QVERIFY(statements.at(2).endsWith(QStringLiteral("$body$ LANGUAGE sql")));
    QCOMPARE(sqlPlaceholders(statements.at(0)), QStringList{QStringLiteral("now")});
    QCOMPARE(sqlPlaceholders(statements.at(1)), QStringList{QStringLiteral("scheduled_time")});
    QVERIFY(sqlPlaceholders(statements.at(3)).isEmpty()); // ::int is a cast, the rest a comment
    QCOMPARE(sqlPlaceholders(QStringLiteral("SELECT :now, :now_ms, ':now', :now")),
             (QStringList{QStringLiteral("now"), QStringLiteral("now_ms")}));
}

void TestSqlExecutor::jsonRoundTripAndNoPlainPassword()
{
    SqlAction action;
    action.connection.name = QStringLiteral("reports");
    action.connection.driver = QStringLiteral("QPSQL");
    action.connection.host = QStringLiteral("db.example");
    action.connection.port = 5433;
    action.connection.database = QStringLiteral("app");
    action.connection.user = QStringLiteral("cleaner");
    action.connection.passwordSource = PasswordSource::Environment;
    action.connection.passwordVariable = QStringLiteral("PG_PW");
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"), QStringLiteral("VACUUM")};
    action.statementTimeoutMs = 1500;
    const QJsonObject json = actionToJson(action);
    QCOMPARE(json.value("type").toString(), QStringLiteral("sql"));
    QCOMPARE(json.value("statement_timeout").toDouble(), 1.5);
    QCOMPARE(json.value("connection").toObject().value("password").toString(), QStringLiteral("environment"));
    QCOMPARE(json.value("connection").toObject().value("password_variable").toString(), QStringLiteral("PG_PW"));
    auto back = actionFromJson(json);
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(std::get<SqlAction>(back.value()), action);

    action.statementTimeoutMs.reset();
    auto noLimit = actionFromJson(actionToJson(action));
    QVERIFY(noLimit);
    QCOMPARE(std::get<SqlAction>(noLimit.value()).statementTimeoutMs, std::nullopt);

    // A password itself is refused and never echoed back in the message.
    QJsonObject plain = json;
    QJsonObject connection = plain.value("connection").toObject();
    connection.insert("password", "hunter2");
    plain.insert("connection", connection);
    auto refused = actionFromJson(plain);
    QVERIFY(!refused);
    QVERIFY2(!refused.error().message.contains("hunter2"), qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains("keychain"), qPrintable(refused.error().message));
    connection.insert("password", "none");
    connection.insert("password_text", "hunter2");
    plain.insert("connection", connection);
    refused = actionFromJson(plain);
    QVERIFY(!refused);
    QVERIFY(!refused.error().message.contains("hunter2"));

    QJsonObject noStatements = json;
    noStatements.insert("statements", QJsonArray{"  "});
    QVERIFY(!actionFromJson(noStatements));
}

// --- SQLite ----------------------------------------------------------------------------------------------

void TestSqlExecutor::sqliteDeletesExactlyExpiredRows()
{
    Probe probe(sqliteConnection());
    seedTokens(probe, false);
    SqlAction action;
    action.connection = sqliteConnection();
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now")};
    const ExecutionResult result = run(action);
    QVERIFY2(result.outcome == RunOutcome::Success, qPrintable(result.error));
    QCOMPARE(countsIn(result.output), QList<int>{4});
    QVERIFY2(result.output.startsWith("statement 1: 4 row"), qPrintable(result.output));
    QCOMPARE(probe.ids(), validIds);
    QCOMPARE(result.startTime, std::optional<std::int64_t>(T0));
}

void TestSqlExecutor::sqliteTwoStatementsBindPlaceholders()
{
    Probe probe(sqliteConnection());
    seedTokens(probe, false);
    SqlAction action;
    action.connection = sqliteConnection();
    action.statements = {
        QStringLiteral("DELETE FROM tokens WHERE expires_ms < :now_ms - 1000"),
        QStringLiteral("INSERT INTO cleanups VALUES (:scheduled_time, :now, :scheduled_time_ms, :now_ms)"),
    };
    const ExecutionResult result = run(action);
    QVERIFY2(result.outcome == RunOutcome::Success, qPrintable(result.error));
    QCOMPARE(countsIn(result.output), (QList<int>{2, 1})); // -1 day and -1 h are over a second old
    QCOMPARE(probe.ids(), (QList<int>{3, 4, 5, 6, 7}));
    const QList<QVariant> scheduled = probe.column("SELECT scheduled FROM cleanups");
    QCOMPARE(scheduled, QList<QVariant>{sqliteText(T0 - 5000)});
    QCOMPARE(probe.column("SELECT started FROM cleanups"), QList<QVariant>{sqliteText(T0)});
    QCOMPARE(probe.column("SELECT scheduled_ms FROM cleanups").value(0).toLongLong(), T0 - 5000);
    QCOMPARE(probe.column("SELECT started_ms FROM cleanups").value(0).toLongLong(), T0);
    // SQLite's own date functions read the bound text.
    QCOMPARE(probe.column("SELECT unixepoch(started) FROM cleanups").value(0).toLongLong(), T0 / 1000);
}

void TestSqlExecutor::sqliteFailingStatementLeavesTableUntouched()
{
    Probe probe(sqliteConnection());
    seedTokens(probe, false);
    SqlAction action;
    action.connection = sqliteConnection();
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"),
                         QStringLiteral("INSERT INTO no_such_table VALUES (1)")};
    const ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains("statement 2 failed"), qPrintable(result.error));
    QVERIFY2(result.error.contains("no such table: no_such_table"), qPrintable(result.error));
    QVERIFY2(result.output.contains("rolled back"), qPrintable(result.output));
    QCOMPARE(countsIn(result.output), QList<int>{4}); // the first statement ran, then was rolled back
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));
}

void TestSqlExecutor::sqliteStatementTimeout()
{
    Probe probe(sqliteConnection());
    seedTokens(probe, false);
    SqlAction action;
    action.connection = sqliteConnection();
    action.statementTimeoutMs = 300;
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"),
                         QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                        "WHERE x < 5000000000) SELECT count(*) FROM c")};
    QElapsedTimer elapsed;
    elapsed.start();
    const ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QVERIFY2(result.error.startsWith("statement 2 timed out after 300 ms"), qPrintable(result.error));
    QVERIFY2(elapsed.elapsed() < 10'000, "the statement was not interrupted");
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));
}

void TestSqlExecutor::sqliteJobTimeoutAndStopInterrupt()
{
    Probe probe(sqliteConnection());
    seedTokens(probe, false);
    SqlAction action;
    action.connection = sqliteConnection();
    action.statementTimeoutMs.reset();
    action.statements = {QStringLiteral("DELETE FROM tokens"),
                         QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                        "WHERE x < 5000000000) SELECT count(*) FROM c")};
    // The job's timeout.
    const ExecutionResult timedOut = run(action, 300);
    QCOMPARE(timedOut.outcome, RunOutcome::TimedOut);
    QVERIFY2(timedOut.error.contains("rolled back"), qPrintable(timedOut.error));
    QTRY_COMPARE_WITH_TIMEOUT(m_executor->runningCount(), 0, 10'000); // the worker was interrupted and returned
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));

    // stop() while the statement runs.
    QSignalSpy started(m_executor.get(), &Executor::started);
    QSignalSpy finished(m_executor.get(), &Executor::finished);
    const ExecutionRequest running = request(action);
    m_executor->start(running);
    QVERIFY(started.wait(10'000));
    QTest::qWait(200); // let it reach the long statement
    m_executor->stop(running.token);
    QCOMPARE(finished.size(), 1); // reported at once
    QCOMPARE(finished.at(0).at(1).value<ExecutionResult>().outcome, RunOutcome::Interrupted);
    QTRY_COMPARE_WITH_TIMEOUT(m_executor->runningCount(), 0, 10'000);
    QCOMPARE(finished.size(), 1); // the worker's late result is not reported again
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));
}

void TestSqlExecutor::sqliteMissingFileAndUnknownPlaceholder()
{
    SqlAction action;
    action.connection = sqliteConnection();
    action.connection.database = m_dir.filePath("nowhere.sqlite");
    action.statements = {QStringLiteral("DELETE FROM tokens")};
    ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains("does not exist") && result.error.contains("nowhere.sqlite"),
             qPrintable(result.error));
    QVERIFY(!QFile::exists(action.connection.database)); // not created

    Probe probe(sqliteConnection());
    seedTokens(probe, false);
    action.connection = sqliteConnection();
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"),
                         QStringLiteral("DELETE FROM tokens WHERE expires_at < :expiry")};
    result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains(":expiry") && result.error.contains("statement 2"), qPrintable(result.error));
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));

    action.connection.driver = QStringLiteral("QNOSUCHDRIVER");
    result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains("QNOSUCHDRIVER is not installed"), qPrintable(result.error));
}

void TestSqlExecutor::missingPasswordSourcesFailClearly()
{
    SqlAction action;
    action.connection = sqliteConnection();
    action.connection.passwordSource = PasswordSource::Environment;
    action.connection.passwordVariable = QStringLiteral("PUNCTUAL_TEST_UNSET_PASSWORD");
    qunsetenv("PUNCTUAL_TEST_UNSET_PASSWORD");
    action.statements = {QStringLiteral("SELECT 1")};
    ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains("PUNCTUAL_TEST_UNSET_PASSWORD") && result.error.contains("not set"),
             qPrintable(result.error));

    // No keychain in this program: the message says so and names the alternative.
    Keychain::install(nullptr);
    action.connection.passwordSource = PasswordSource::Keychain;
    result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains("keychain") && result.error.contains("environment variable"),
             qPrintable(result.error));
}

void TestSqlExecutor::runsThroughTheScheduler()
{
    Probe probe(sqliteConnection());
    seedTokens(probe, false);
    SchedulerHarness harness;
    harness.setUpScheduler(T0);
    Scheduler &scheduler = harness.scheduler();
    const ManualWakeTimer &timer = harness.timer();
    QVERIFY(scheduler.start());

    Job job;
    job.id = QStringLiteral("delete-expired-tokens");
    job.trigger = std::make_shared<IntervalTrigger>(hour, T0 + hour);
    SqlAction action;
    action.connection = sqliteConnection();
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :scheduled_time"),
                         QStringLiteral("INSERT INTO cleanups (scheduled_ms, started_ms) VALUES "
                                        "(:scheduled_time_ms, :now_ms)")};
    job.action = action;
    QVERIFY(scheduler.addJob(job));
    QCOMPARE(timer.armedAt(), std::optional<std::int64_t>(T0 + hour));

    QSignalSpy executed(&scheduler, &Scheduler::jobExecuted);
    harness.wake(T0 + hour + 2000); // the wake-up comes 2 s late
    QVERIFY(executed.wait(30'000));
    const RunRecord run = executed.at(0).at(0).value<RunRecord>();
    QCOMPARE(run.outcome, RunOutcome::Success);
    QCOMPARE(run.scheduledTime, T0 + hour);
    QCOMPARE(countsIn(run.output), (QList<int>{6, 1})); // everything but the token expiring at T0 + 1 h
    QCOMPARE(probe.ids(), QList<int>{7});
    QCOMPARE(probe.column("SELECT scheduled_ms FROM cleanups").value(0).toLongLong(), T0 + hour);
    QCOMPARE(probe.column("SELECT started_ms FROM cleanups").value(0).toLongLong(), T0 + hour + 2000);
    // The run row is rewritten shortly after (the scheduler batches those writes).
    QTRY_COMPARE(harness.store().runs(job.id, 10).value().value(0).outcome, RunOutcome::Success);
    const auto stored = harness.store().runs(job.id, 10).value();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().output, run.output);
    QCOMPARE(timer.armedAt(), std::optional<std::int64_t>(T0 + 2 * hour));
}

void TestSqlExecutor::exampleDeletesDemoTokens()
{
    // The example job and its demo table, as a user tries them (README): the demo's times are the real clock's.
    const QString examples = QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/../../resources/examples/");
    QFile sqlFile(examples + "tokens-demo.sql");
    QVERIFY(sqlFile.open(QIODevice::ReadOnly));
    {
        Probe probe(sqliteConnection());
        for (const QString &statement : splitSqlStatements(QString::fromUtf8(sqlFile.readAll())))
            probe.exec(statement);
        QCOMPARE(probe.ids().size(), 6);
    }
    QFile jobFile(examples + "delete-expired-tokens.json");
    QVERIFY(jobFile.open(QIODevice::ReadOnly));
    const QJsonObject example = QJsonDocument::fromJson(jobFile.readAll()).object();
    QCOMPARE(example.value("title").toString(), QStringLiteral("Delete expired tokens every hour"));
    auto job = Job::fromJson(example.value("jobs").toArray().first().toObject(), false);
    QVERIFY2(job, job ? "" : qPrintable(job.error().message));
    QVERIFY(job->paused); // its database is a placeholder: the user points it at a file, then resumes it
    SqlAction action = std::get<SqlAction>(job->action);
    QCOMPARE(action.connection.database, QStringLiteral("/path/to/tokens-demo.db"));
    action.connection.database = m_sqlitePath;

    m_executor = std::make_unique<SqlExecutor>(SystemClock::instance());
    const ExecutionResult result = run(action);
    QVERIFY2(result.outcome == RunOutcome::Success, qPrintable(result.error));
    QCOMPARE(countsIn(result.output), QList<int>{3});
    Probe probe(sqliteConnection());
    QCOMPARE(probe.column("SELECT user_name FROM tokens ORDER BY id"),
             (QList<QVariant>{QStringLiteral("dora"), QStringLiteral("emil"), QStringLiteral("fatou")}));
}

// --- PostgreSQL ------------------------------------------------------------------------------------------

void TestSqlExecutor::postgresDeletesExactlyExpiredRows()
{
    QVERIFY(startPostgres());
    Probe probe(postgresConnection());
    seedTokens(probe, true);
    SqlAction action;
    action.connection = postgresConnection();
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"),
                         QStringLiteral("INSERT INTO cleanups VALUES (:scheduled_time, :now, :scheduled_time_ms, "
                                        ":now_ms)")};
    const ExecutionResult result = run(action);
    QVERIFY2(result.outcome == RunOutcome::Success, qPrintable(result.error));
    QCOMPARE(countsIn(result.output), (QList<int>{4, 1}));
    QCOMPARE(probe.ids(), validIds);
    // The timestamps arrived as the instants they are.
    QCOMPARE(probe.column("SELECT (extract(epoch FROM started::timestamptz) * 1000)::bigint FROM cleanups")
                 .value(0).toLongLong(), T0);
    QCOMPARE(probe.column("SELECT (extract(epoch FROM scheduled::timestamptz) * 1000)::bigint FROM cleanups")
                 .value(0).toLongLong(), T0 - 5000);
    QCOMPARE(probe.column("SELECT started_ms FROM cleanups").value(0).toLongLong(), T0);
}

void TestSqlExecutor::postgresFailingStatementLeavesTableUntouched()
{
    QVERIFY(startPostgres());
    Probe probe(postgresConnection());
    seedTokens(probe, true);
    SqlAction action;
    action.connection = postgresConnection();
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"),
                         QStringLiteral("UPDATE no_such_table SET x = 1")};
    const ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains("statement 2 failed"), qPrintable(result.error));
    QVERIFY2(result.error.contains("relation \"no_such_table\" does not exist"), qPrintable(result.error));
    QVERIFY2(result.error.contains("42P01"), qPrintable(result.error)); // the SQLSTATE
    QCOMPARE(countsIn(result.output), QList<int>{4});
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));

    // A prepared statement (placeholders bound) that fails while it runs.
    action.statements[1] = QStringLiteral("UPDATE tokens SET expires_ms = 1 / (:now_ms::bigint - :now_ms::bigint)");
    const ExecutionResult divided = run(action);
    QCOMPARE(divided.outcome, RunOutcome::Failed);
    QVERIFY2(divided.error.contains("division by zero") && divided.error.contains("22012"),
             qPrintable(divided.error));
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));
}

void TestSqlExecutor::postgresStatementTimeout()
{
    QVERIFY(startPostgres());
    Probe probe(postgresConnection());
    seedTokens(probe, true);
    SqlAction action;
    action.connection = postgresConnection();
    action.statementTimeoutMs = 1000;
    action.statements = {QStringLiteral("DELETE FROM tokens"), QStringLiteral("SELECT pg_sleep(10)")};
    QElapsedTimer elapsed;
    elapsed.start();
    const ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QVERIFY2(result.error.startsWith("statement 2 timed out after 1000 ms"), qPrintable(result.error));
    QVERIFY2(result.error.contains("statement timeout"), qPrintable(result.error)); // the server's words
    QVERIFY2(elapsed.elapsed() < 8000, "pg_sleep(10) was not cut short");
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));
}

void TestSqlExecutor::postgresStopCancelsTheStatement()
{
    QVERIFY(startPostgres());
    Probe probe(postgresConnection());
    seedTokens(probe, true);
    SqlAction action;
    action.connection = postgresConnection();
    action.statementTimeoutMs.reset();
    action.statements = {QStringLiteral("DELETE FROM tokens"), QStringLiteral("SELECT pg_sleep(60)")};
    QSignalSpy finished(m_executor.get(), &Executor::finished);
    const ExecutionRequest running = request(action);
    m_executor->start(running);
    const QString sleeping = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND "
                                            "query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()");
    QTRY_COMPARE_WITH_TIMEOUT(probe.column(sleeping).value(0).toInt(), 1, 10'000);
    m_executor->stop(running.token);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).value<ExecutionResult>().outcome, RunOutcome::Interrupted);
    // The server stopped the statement (not after 60 s) and the worker rolled back and returned.
    QTRY_COMPARE_WITH_TIMEOUT(probe.column(sleeping).value(0).toInt(), 0, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_executor->runningCount(), 0, 10'000);
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));
}

void TestSqlExecutor::postgresBadConnection()
{
    QVERIFY(startPostgres());
    SqlAction action;
    action.connection = postgresConnection();
    action.connection.port = 1; // nothing listens there
    action.statements = {QStringLiteral("SELECT 1")};
    ExecutionResult result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.startsWith("cannot connect to the QPSQL database"), qPrintable(result.error));
    QVERIFY2(result.error.contains("127.0.0.1:1"), qPrintable(result.error));
    QVERIFY2(result.error.contains("refused"), qPrintable(result.error)); // libpq's own words

    action.connection = postgresConnection();
    action.connection.database = QStringLiteral("no_such_database");
    result = run(action);
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains("database \"no_such_database\" does not exist"), qPrintable(result.error));

    auto tested = testSqlConnection(postgresConnection(), SystemPasswordProvider::instance());
    QVERIFY2(tested, tested ? "" : qPrintable(tested.error().message));
    QVERIFY(tested.value().startsWith("Connected to the QPSQL database"));
}

void TestSqlExecutor::postgresPasswordFromEnvironment()
{
    QVERIFY(startPostgres());
    Probe probe(postgresConnection());
    seedTokens(probe, true);
    // A role that must give its password (SCRAM): the server was created trusting every local connection, so
    // the rule for this role goes first in pg_hba.conf.
    probe.exec(QStringLiteral("SET password_encryption = 'scram-sha-256'"));
    probe.exec(QStringLiteral("CREATE ROLE cleaner LOGIN PASSWORD 'S3cret-pw'"));
    probe.exec(QStringLiteral("GRANT SELECT, DELETE ON tokens TO cleaner"));
    const QString hbaFile = probe.column("SHOW hba_file").value(0).toString();
    QFile hba(hbaFile);
    QVERIFY(hba.open(QIODevice::ReadOnly));
    const QByteArray rules = hba.readAll();
    hba.close();
    if (!rules.startsWith("host all cleaner")) {
        QVERIFY(hba.open(QIODevice::WriteOnly | QIODevice::Truncate));
        hba.write("host all cleaner 127.0.0.1/32 scram-sha-256\n" + rules);
        hba.close();
        probe.exec(QStringLiteral("SELECT pg_reload_conf()"));
    }

    SqlAction action;
    action.connection = postgresConnection();
    action.connection.user = QStringLiteral("cleaner");
    action.connection.passwordSource = PasswordSource::Environment;
    action.connection.passwordVariable = QStringLiteral("PUNCTUAL_TEST_PG_PASSWORD");
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now")};

    qputenv("PUNCTUAL_TEST_PG_PASSWORD", "wrong");
    // pg_reload_conf() signals the server: wait until the rule applies.
    ExecutionResult result;
    QTRY_VERIFY_WITH_TIMEOUT((result = run(action)).outcome == RunOutcome::Failed
                                 && result.error.contains("password authentication failed"),
                             10'000);
    QVERIFY2(result.error.contains("cleaner"), qPrintable(result.error));
    QCOMPARE(probe.ids(), (QList<int>{1, 2, 3, 4, 5, 6, 7}));

    qputenv("PUNCTUAL_TEST_PG_PASSWORD", "S3cret-pw");
    result = run(action);
    qunsetenv("PUNCTUAL_TEST_PG_PASSWORD");
    QVERIFY2(result.outcome == RunOutcome::Success, qPrintable(result.error));
    QCOMPARE(countsIn(result.output), QList<int>{4});
    QCOMPARE(probe.ids(), validIds);

    result = run(action); // the variable is gone now
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains("PUNCTUAL_TEST_PG_PASSWORD"), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestSqlExecutor)
#include "testsqlexecutor.moc"
