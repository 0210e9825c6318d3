// The test fixture every PostgreSQL test relies on: a private server starts, accepts QPSQL connections, stops.
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
};

QTEST_GUILESS_MAIN(TestPostgresServer)
#include "testpostgresserver.moc"
