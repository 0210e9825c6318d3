// punctualctl add/modify --sql end to end: the real binary adds an sql job, run-now deletes the expired rows of
// a real SQLite file (and of a real MariaDB server) and prints the counts; bad options are refused with exit 2
// and a clear message; a password never reaches the history or the store.
#include "punctualctlprocess.h"
#include "support/mariadbserver.h"
#include "support/sqlprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestPunctualctlSql : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addRunAndModify();
    void refusesBadOptions();
    void passwordStdinWithoutKeychainService();
    void mariadbJobWithEnvironmentPassword();

private:
    /// punctualctl on this suite's store; with @p input on its standard input and @p environment added to its
    /// environment (then without a keychain service).
    PunctualctlResult ctl(QStringList args, const QByteArray &input = {},
                          const QProcessEnvironment &environment = {});
    QList<int> remainingIds();

    QTemporaryDir m_dir;
    QString m_store;
    QString m_tokens;
};

void TestPunctualctlSql::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath("store.db");
    m_tokens = m_dir.filePath("tokens.db");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "seed");
        db.setDatabaseName(m_tokens);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec("CREATE TABLE tokens (id INTEGER PRIMARY KEY, expires_at TEXT NOT NULL)"));
        // Expired: 1 and 2; 3 expires in a day.
        QVERIFY(query.exec("INSERT INTO tokens VALUES (1, datetime('now', '-1 day')), (2, datetime('now', "
                           "'-1 minute')), (3, datetime('now', '+1 day'))"));
    }
    QSqlDatabase::removeDatabase("seed");
}

PunctualctlResult TestPunctualctlSql::ctl(QStringList args, const QByteArray &input,
                                          const QProcessEnvironment &added)
{
    args.prepend(m_store);
    args.prepend("--db");
    if (input.isEmpty() && added.isEmpty())
        return runPunctualctl(args);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/punctual-test-bus"); // no keychain
    environment.insert(added);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PUNCTUALCTL_PATH), args);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000))
        return {-1, {}, "timed out"};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QList<int> TestPunctualctlSql::remainingIds()
{
    QList<int> ids;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "check");
        db.setDatabaseName(m_tokens);
        if (!db.open())
            qFatal("%s", qPrintable(db.lastError().text()));
        QSqlQuery query("SELECT id FROM tokens ORDER BY id", db);
        while (query.next())
            ids << query.value(0).toInt();
    }
    QSqlDatabase::removeDatabase("check");
    return ids;
}

void TestPunctualctlSql::addRunAndModify()
{
    auto added = ctl({"add", "--id", "tokens", "--every", "1h", "--sql", "--driver", "sqlite", "--connection",
                      "tokens-db", "--database", m_tokens, "--statement",
                      "DELETE FROM tokens WHERE expires_at < :now", "--statement-timeout", "5"});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QCOMPARE(added.out, QStringLiteral("tokens\n"));

    auto shown = ctl({"show", "tokens", "--json"});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject action = QJsonDocument::fromJson(shown.out.toUtf8()).object().value("action").toObject();
    QCOMPARE(action.value("type").toString(), QStringLiteral("sql"));
    QCOMPARE(action.value("statement_timeout").toDouble(), 5.0);
    const QJsonObject connection = action.value("connection").toObject();
    QCOMPARE(connection.value("driver").toString(), QStringLiteral("QSQLITE"));
    QCOMPARE(connection.value("name").toString(), QStringLiteral("tokens-db"));
    QCOMPARE(connection.value("password").toString(), QStringLiteral("none"));

    auto ran = ctl({"run-now", "tokens"});
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    QVERIFY2(ran.out.startsWith("statement 1: 2 row"), qPrintable(ran.out));
    QCOMPARE(remainingIds(), QList<int>{3});

    // modify: new statements (all replaced), an environment password; the connection stays.
    auto modified = ctl({"modify", "tokens", "--statement", "DELETE FROM tokens WHERE id < 0", "--statement",
                         "SELECT count(*) FROM tokens", "--statement-timeout", "none", "--json"});
    QVERIFY2(modified.exitCode == 0, qPrintable(modified.err));
    const QJsonObject changed = QJsonDocument::fromJson(modified.out.toUtf8()).object().value("action").toObject();
    QCOMPARE(changed.value("statements").toArray().size(), 2);
    QVERIFY(changed.value("statement_timeout").isNull());
    QCOMPARE(changed.value("connection").toObject().value("database").toString(), m_tokens);
    ran = ctl({"run-now", "tokens"});
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    QVERIFY2(ran.out.contains("statement 1: 0 row(s) affected") && ran.out.contains("statement 2: 1 row(s) returned"),
             qPrintable(ran.out));

    // A failing statement fails run-now with the driver's message; nothing changed.
    modified = ctl({"modify", "tokens", "--statement", "DELETE FROM tokens", "--statement", "DELETE FROM nope"});
    QCOMPARE(modified.exitCode, 0);
    ran = ctl({"run-now", "tokens"});
    QCOMPARE(ran.exitCode, 1);
    QVERIFY2(ran.err.contains("statement 2 failed: no such table: nope"), qPrintable(ran.err));
    QCOMPARE(remainingIds(), QList<int>{3});
}

void TestPunctualctlSql::refusesBadOptions()
{
    auto r = ctl({"add", "--every", "1h", "--sql", "--database", m_tokens});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("needs at least one statement"), qPrintable(r.err));

    r = ctl({"add", "--every", "1h", "--sql", "--driver", "postgresql", "--database", "app", "--statement", "SELECT 1",
             "--password-env", "PW", "--password-keychain", "--connection", "app"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("not both"), qPrintable(r.err));

    r = ctl({"add", "--every", "1h", "--sql", "--driver", "oracle9", "--database", "x", "--statement", "SELECT 1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("unknown database kind \"oracle9\""), qPrintable(r.err));

    r = ctl({"add", "--every", "1h", "--sql", "--driver", "postgresql", "--database", "app", "--statement",
             "SELECT 1", "--password-keychain"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("needs a name"), qPrintable(r.err));

    r = ctl({"add", "--every", "1h", "--sql", "--database", m_tokens, "--statement", "SELECT 1", "--", "/bin/true"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("not a command"), qPrintable(r.err));

    auto command = ctl({"add", "--id", "cmd", "--every", "1h", "--", "/bin/true"});
    QCOMPARE(command.exitCode, 0);
    r = ctl({"modify", "cmd", "--statement", "SELECT 1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("does not run SQL"), qPrintable(r.err));
}

void TestPunctualctlSql::passwordStdinWithoutKeychainService()
{
    auto r = ctl({"add", "--every", "1h", "--sql", "--driver", "postgresql", "--database", "app", "--connection",
                  "app", "--statement", "SELECT 1", "--password-stdin"},
                 "S3cret\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("keychain") && r.err.contains("environment variable"), qPrintable(r.err));
    QVERIFY(!r.err.contains("S3cret"));
    QVERIFY(!ctl({"list"}).out.contains("app"));
}

void TestPunctualctlSql::mariadbJobWithEnvironmentPassword()
{
    using punctual::test::MariadbServer;
    if (!MariadbServer::isInstalled())
        QSKIP("MariaDB is not installed (Debian package mariadb-server; scripts/install-deps installs it)");
    MariadbServer server;
    QVERIFY2(server.start(), qPrintable(server.error() + '\n' + server.log()));
    QString database;
    QVERIFY2(server.createUniqueDatabase(&database), qPrintable(server.error()));
    const QString password = "Cli-pw-3e8b";
    // Expired: 1 and 2 (the server's NOW() is in its own zone, +05:30; the column holds instants).
    const QString setUp = QString("CREATE USER 'cleaner'@'%' IDENTIFIED BY '%1'; "
                                  "GRANT ALL PRIVILEGES ON `%2`.* TO 'cleaner'@'%'; "
                                  "CREATE TABLE `%2`.tokens (id INT PRIMARY KEY, expires_at TIMESTAMP NOT NULL); "
                                  "INSERT INTO `%2`.tokens VALUES (1, NOW() - INTERVAL 1 DAY), "
                                  "(2, NOW() - INTERVAL 1 MINUTE), (3, NOW() + INTERVAL 1 DAY)")
                              .arg(password, database);
    QVERIFY2(server.admin(setUp), qPrintable(server.error()));

    auto added = ctl({"add", "--id", "mariadb-tokens", "--every", "1h", "--sql", "--driver", "mariadb",
                      "--connection", "tokens-mariadb", "--host", server.host(), "--port",
                      QString::number(server.port()), "--user", "cleaner", "--database", database,
                      "--password-env", "PUNCTUAL_TEST_CLI_MARIADB_PW", "--statement",
                      "DELETE FROM tokens WHERE expires_at < :now", "--statement-timeout", "5"});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    auto shown = ctl({"show", "mariadb-tokens", "--json"});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject connection =
        QJsonDocument::fromJson(shown.out.toUtf8()).object().value("action").toObject().value("connection").toObject();
    QCOMPARE(connection.value("driver").toString(), QStringLiteral("QMARIADB"));
    QCOMPARE(connection.value("password").toString(), QStringLiteral("environment"));

    // A wrong password: the server's words, not the password.
    QProcessEnvironment environment;
    environment.insert("PUNCTUAL_TEST_CLI_MARIADB_PW", "Wr0ng-cli-pw");
    auto ran = ctl({"run-now", "mariadb-tokens"}, {}, environment);
    QCOMPARE(ran.exitCode, 1);
    QVERIFY2(ran.err.contains("Access denied for user 'cleaner'"), qPrintable(ran.err));
    QVERIFY(!ran.err.contains("Wr0ng-cli-pw") && !ran.out.contains("Wr0ng-cli-pw"));

    environment.insert("PUNCTUAL_TEST_CLI_MARIADB_PW", password);
    ran = ctl({"run-now", "mariadb-tokens"}, {}, environment);
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    QVERIFY2(ran.out.startsWith("statement 1: 2 row(s) affected"), qPrintable(ran.out));
    {
        punctual::SqlConnection probed;
        probed.driver = "QMARIADB";
        probed.host = server.host();
        probed.port = server.port();
        probed.user = "cleaner";
        probed.database = database;
        punctual::test::Probe probe(probed, password);
        QCOMPARE(probe.ids(), QList<int>{3});
    }

    // Neither password is in the history or anywhere in the store's files.
    auto history = ctl({"history", "mariadb-tokens", "--json"});
    QCOMPARE(history.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(history.out.toUtf8()).array().size(), 2);
    QVERIFY2(history.out.contains("Access denied"), qPrintable(history.out));
    QVERIFY(!history.out.contains(password) && !history.out.contains("Wr0ng-cli-pw"));
    for (const QString &file : {m_store, m_store + "-wal"}) {
        QFile stored(file);
        if (!stored.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = stored.readAll();
        QVERIFY2(!bytes.contains(password.toUtf8()) && !bytes.contains("Wr0ng-cli-pw"), qPrintable(file));
    }
}

QTEST_GUILESS_MAIN(TestPunctualctlSql)
#include "testpunctualctlsql.moc"
