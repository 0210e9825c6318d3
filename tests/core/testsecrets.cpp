// Secrets stay secret: no URL password in any message; passwords refused at the door (ODBC PWD=, URL user-info);
// header values that would forge further headers refused.
#include "jobs/action.h"
#include "store/storelocation.h"
#include "support/testsupport.h"
#include "util/redact.h"

#include <QJsonDocument>
#include <QTest>

using namespace punctual;

namespace {

Result<Action> actionFrom(const QByteArray &json)
{
    return actionFromJson(QJsonDocument::fromJson(json).object());
}

} // namespace

class TestSecrets : public QObject
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
#include "testsecrets.moc"
