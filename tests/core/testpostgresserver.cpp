// The test fixture every PostgreSQL test relies on: a private server starts, accepts QPSQL connections, stops; it
// restarts on the same port with its data, and ends other sessions when asked (the store-fault tests use both).
#include "support/postgresserver.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using punctual::test::PostgresServer;

class TestPostgresServer : public QObject
{
    Q_OBJECT

private slots:
    void startsConnectsAndStops()
    {
        PostgresServer server;
        QVERIFY2(server.start(), qPrintable(server.error() + QLatin1Char('\n') + server.log()));
        QVERIFY(server.port() > 0);
        QString second;
        QVERIFY2(server.createUniqueDatabase(&second), qPrintable(server.error()));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("probe"));
            db.setHostName(server.host());
            db.setPort(server.port());
            db.setUserName(server.user());
            db.setDatabaseName(second);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT current_database(), 40 + 2")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), second);
            QCOMPARE(query.value(1).toInt(), 42);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        server.stop();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("after"));
        db.setHostName(server.host());
        db.setPort(server.port());
        db.setUserName(server.user());
        db.setDatabaseName(server.database());
        QVERIFY(!db.open()); // the server is gone
    }

    void restartsOnTheSamePortWithItsData()
    {
        PostgresServer server;
        QVERIFY2(server.start(), qPrintable(server.error() + QLatin1Char('\n') + server.log()));
        const int port = server.port();
        QVERIFY2(server.query(QStringLiteral("CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)")),
                 qPrintable(server.error()));
        QVERIFY2(server.stop(PostgresServer::StopMode::Fast), qPrintable(server.error()));
        QVERIFY(!server.isRunning());
        QVERIFY(!server.query(QStringLiteral("SELECT 1"))); // down
        QVERIFY2(server.startAgain(), qPrintable(server.error() + QLatin1Char('\n') + server.log()));
        QCOMPARE(server.port(), port);
        QCOMPARE(server.query(QStringLiteral("SELECT v FROM kept")).value_or(QString()), QStringLiteral("7"));
    }

    void terminatesTheSessionsOfADatabase()
    {
        PostgresServer server;
        QVERIFY2(server.start(), qPrintable(server.error() + QLatin1Char('\n') + server.log()));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("victim"));
            db.setHostName(server.host());
            db.setPort(server.port());
            db.setUserName(server.user());
            db.setDatabaseName(server.database());
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery before(db);
            QVERIFY(before.exec(QStringLiteral("SELECT 1")));
            QCOMPARE(server.terminateSessions(server.database()), 1);
            QSqlQuery after(db);
            QVERIFY(!after.exec(QStringLiteral("SELECT 1"))); // its connection was ended under it
        }
        QSqlDatabase::removeDatabase(QStringLiteral("victim"));
    }
};

QTEST_GUILESS_MAIN(TestPostgresServer)
#include "testpostgresserver.moc"
