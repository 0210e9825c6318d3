// Secrets stay secret: no URL password in any message; passwords refused at the door (ODBC PWD=, URL user-info);
// header values that would forge further headers refused; sql jobs' password variables kept from command jobs.
#include "jobs/action.h"
#include "store/sqljobstore.h"
#include "store/storelocation.h"
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"
#include "util/redact.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

Result<Action> actionFrom(const QByteArray &json)
{
    return actionFromJson(QJsonDocument::fromJson(json).object());
}

constexpr std::int64_t T0 = 1'700'000'000'000;

/// An sql job reading its password from @p variable (it never runs in these tests).
Job sqlJobReading(const QString &id, const QString &variable)
{
    SqlAction sql;
    sql.connection.name = id;
    sql.connection.driver = QStringLiteral("QPSQL");
    sql.connection.database = QStringLiteral("jobs");
    sql.connection.passwordSource = PasswordSource::Environment;
    sql.connection.passwordVariable = variable;
    sql.statements = {QStringLiteral("DELETE FROM tokens")};
    return JobBuilder(id).action(sql).date(T0).paused().build();
}

/// Sets an environment variable of this process for one test.
class EnvironmentGuard
{
public:
    EnvironmentGuard(const char *name, const QByteArray &value)
        : m_name(name)
    {
        qputenv(name, value);
    }
    ~EnvironmentGuard() { qunsetenv(m_name); }

private:
    const char *m_name;
};

} // namespace

class TestSecrets : public QObject, private SchedulerHarness
{
    Q_OBJECT

private slots:
    void urlPasswordsAreRedacted_data();
    void urlPasswordsAreRedacted();
    void malformedStoreUrlIsNotEchoed();
    void odbcPasswordsAreRefused_data();
    void odbcPasswordsAreRefused();
    void headersWithLineBreaksAreRefused_data();
    void headersWithLineBreaksAreRefused();
    void storesNamePasswordVariables();
    void commandJobsDoNotInheritPasswordVariables();
};

void TestSecrets::urlPasswordsAreRedacted_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("http") << "Error transferring https://bob:hunter2@example.org/x - server replied: Not Found"
                          << "Error transferring https://bob:***@example.org/x - server replied: Not Found";
    QTest::newRow("qurl echo") << "Expected ']' to match '[' in hostname; source was \"postgresql://bob:hunter2@[db\""
                               << "Expected ']' to match '[' in hostname";
    QTest::newRow("no password") << "https://bob@example.org/ failed" << "https://bob@example.org/ failed";
    QTest::newRow("two urls") << "a://u:p@h b://v:q@i" << "a://u:***@h b://v:***@i";
}

void TestSecrets::urlPasswordsAreRedacted()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    QCOMPARE(withoutUrlSecrets(message), expected);
}

void TestSecrets::malformedStoreUrlIsNotEchoed()
{
    const auto location = StoreLocation::fromUrl(QStringLiteral("postgresql://bob:hunter2@[db.example/jobs"));
    QVERIFY(!location);
    QVERIFY2(!location.error().message.contains(QLatin1String("hunter2")), qPrintable(location.error().message));
    QVERIFY2(location.error().message.contains(QLatin1String("is not a PostgreSQL store URL")),
             qPrintable(location.error().message));
}

void TestSecrets::odbcPasswordsAreRefused_data()
{
    QTest::addColumn<QByteArray>("connection");
    QTest::newRow("PWD=") << QByteArray(R"({"driver":"QODBC","database":"DRIVER={PostgreSQL};SERVER=db;UID=bob;PWD=hunter2"})");
    QTest::newRow("Password= first") << QByteArray(R"({"driver":"QODBC","database":"Password=hunter2;DSN=x"})");
    QTest::newRow("pwd with spaces") << QByteArray(R"({"driver":"QODBC","database":"DSN=x; pwd = hunter2"})");
    QTest::newRow("url user-info") << QByteArray(R"({"driver":"QPSQL","database":"postgresql://bob:hunter2@db/x"})");
}

void TestSecrets::odbcPasswordsAreRefused()
{
    QFETCH(QByteArray, connection);
    const auto action = actionFrom(R"({"type":"sql","statements":["select 1"],"connection":)" + connection + "}");
    QVERIFY(!action);
    QCOMPARE(action.error().code, ErrorCode::InvalidInput);
    QVERIFY2(!action.error().message.contains(QLatin1String("hunter2")), qPrintable(action.error().message));
    QVERIFY2(action.error().message.contains(QLatin1String("password")), qPrintable(action.error().message));
    // A DSN without a password is fine.
    const auto withoutPassword = actionFrom(
        R"({"type":"sql","statements":["select 1"],"connection":{"driver":"QODBC","database":"DSN=x;UID=bob"}})");
    QVERIFY_OK(withoutPassword);
}

void TestSecrets::headersWithLineBreaksAreRefused_data()
{
    QTest::addColumn<QByteArray>("headers");
    // JSON escapes (\\n, \\r, \\u0000) written out, so the parsed header holds the real characters.
    QTest::newRow("LF in value") << QByteArray("{\"X-A\":\"1\\nX-Injected: yes\"}");
    QTest::newRow("CR LF in value") << QByteArray("{\"X-A\":\"1\\r\\nX-Injected: yes\"}");
    QTest::newRow("NUL in value") << QByteArray("{\"X-A\":\"1\\u0000\"}");
    QTest::newRow("LF in name") << QByteArray("{\"X-A\\nX-B\":\"1\"}");
}

void TestSecrets::headersWithLineBreaksAreRefused()
{
    QFETCH(QByteArray, headers);
    const auto action = actionFrom(R"({"type":"http","urls":["http://127.0.0.1/"],"headers":)" + headers + "}");
    QVERIFY(!action);
    QVERIFY2(action.error().message.contains(QLatin1String("CR, LF or NUL")), qPrintable(action.error().message));
    const auto oneLine = actionFrom(R"({"type":"http","urls":["http://127.0.0.1/"],"headers":{"X-A":"1"}})");
    QVERIFY_OK(oneLine); // (a raw string inside a macro argument confuses moc's preprocessor)
}

QTEST_GUILESS_MAIN(TestSecrets)
void TestSecrets::storesNamePasswordVariables()
{
    QTemporaryDir dir;
    auto opened = SqlJobStore::openSqlite(dir.filePath(QStringLiteral("jobs.db")), SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY_OK(opened);
    std::unique_ptr<JobStore> sqlite = std::move(opened).value();
    std::unique_ptr<JobStore> memory = std::make_unique<MemoryJobStore>();
    for (JobStore *store : {sqlite.get(), memory.get()}) {
        QVERIFY_OK(store->addJob(sqlJobReading(QStringLiteral("purge"), QStringLiteral("DB_PW")), ConflictPolicy::Fail));
        Job keychain = sqlJobReading(QStringLiteral("keychain"), QString());
        std::get<SqlAction>(keychain.action).connection.passwordSource = PasswordSource::Keychain;
        QVERIFY_OK(store->addJob(keychain, ConflictPolicy::Fail));
        // A command that merely mentions the key is not an sql job.
        QVERIFY_OK(store->addJob(JobBuilder(QStringLiteral("echo")).command(QStringLiteral("/bin/echo"),
                                                                            {QStringLiteral("password_variable")})
                                     .date(T0)
                                     .build(),
                                 ConflictPolicy::Fail));
        auto names = store->passwordVariables();
        QVERIFY_OK(names);
        QCOMPARE(names.value(), QSet<QString>{QStringLiteral("DB_PW")});
    }
}

void TestSecrets::commandJobsDoNotInheritPasswordVariables()
{
    // A real scheduler on a real SQLite store runs a real `env`: the variable an sql job (stored before the
    // scheduler started, or added to it later) names for its password is not in any command job's environment.
    const EnvironmentGuard stored("PUNCTUAL_TEST_STORED_PW", "hunter2");
    const EnvironmentGuard added("PUNCTUAL_TEST_ADDED_PW", "swordfish");
    const EnvironmentGuard plain("PUNCTUAL_TEST_PLAIN", "visible");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.db"));
    {
        auto store = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
        QVERIFY_OK(store);
        QVERIFY_OK(store.value()->addJob(sqlJobReading(QStringLiteral("purge"), QStringLiteral("PUNCTUAL_TEST_STORED_PW")),
                                         ConflictPolicy::Fail));
    }
    auto store = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY_OK(store);
    setUpScheduler(T0, std::move(store).value());
    Scheduler &scheduler = *m_scheduler;
    QVERIFY_OK(scheduler.start());
    QVERIFY_OK(scheduler.addJob(sqlJobReading(QStringLiteral("report"), QStringLiteral("PUNCTUAL_TEST_ADDED_PW"))));
    Job env = JobBuilder(QStringLiteral("env")).command(QStringLiteral("/usr/bin/env")).date(T0).paused().build();
    // A value the job sets itself is its own to see.
    Job own = JobBuilder(QStringLiteral("own")).command(QStringLiteral("/usr/bin/env")).date(T0).paused().build();
    std::get<CommandAction>(own.action).environment.insert(QStringLiteral("PUNCTUAL_TEST_ADDED_PW"),
                                                           QStringLiteral("mine"));
    QVERIFY_OK(scheduler.addJob(env));
    QVERIFY_OK(scheduler.addJob(own));
    QVERIFY_OK(scheduler.runJobNow(QStringLiteral("env")));
    QVERIFY_OK(scheduler.runJobNow(QStringLiteral("own")));
    QTRY_COMPARE(scheduler.runningCount(), 0);

    auto envRuns = scheduler.history(QStringLiteral("env"), 1);
    QVERIFY_OK(envRuns);
    QCOMPARE(envRuns->size(), 1);
    const QString output = envRuns->first().output;
    QCOMPARE(envRuns->first().outcome, RunOutcome::Success);
    QVERIFY2(output.contains(QLatin1String("PUNCTUAL_TEST_PLAIN=visible")), qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("hunter2")), qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("swordfish")), qPrintable(output));
    QVERIFY(!output.contains(QLatin1String("PUNCTUAL_TEST_STORED_PW")));

    auto ownRuns = scheduler.history(QStringLiteral("own"), 1);
    QVERIFY_OK(ownRuns);
    QVERIFY(ownRuns->first().output.contains(QLatin1String("PUNCTUAL_TEST_ADDED_PW=mine")));
    tearDownScheduler();
}

#include "testsecrets.moc"
