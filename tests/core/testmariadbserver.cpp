// The test fixture every MariaDB test relies on: a private server starts, accepts QMYSQL and QMARIADB
// connections on its loopback port, keeps its non-UTC session time zone, stops.
#include "support/mariadbserver.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using punctual::test::MariadbServer;

class TestMariadbServer : public QObject
{
    Q_OBJECT

private slots:
    void startsConnectsAndStops()
    {
        if (!MariadbServer::isInstalled())
            QSKIP("MariaDB is not installed (Debian package mariadb-server; scripts/install-deps installs it)");
        // Qt 6.4's MySQL plugin answers to both names.
        QVERIFY2(QSqlDatabase::drivers().contains(QStringLiteral("QMYSQL")), "Debian package libqt6sql6-mysql");
        QVERIFY(QSqlDatabase::drivers().contains(QStringLiteral("QMARIADB")));

        MariadbServer server;
        QVERIFY2(server.start(), qPrintable(server.error() + QLatin1Char('\n') + server.log()));
        QVERIFY(server.port() > 0);
        QString second;
        QVERIFY2(server.createUniqueDatabase(&second), qPrintable(server.error()));
        for (const QString &driver : {QStringLiteral("QMYSQL"), QStringLiteral("QMARIADB")}) {
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(driver, QStringLiteral("probe"));
                db.setHostName(server.host());
                db.setPort(server.port());
                db.setUserName(server.user());
                db.setDatabaseName(second);
                QVERIFY2(db.open(), qPrintable(db.lastError().text()));
                QSqlQuery query(db);
                QVERIFY(query.exec(QStringLiteral("SELECT DATABASE(), 40 + 2, @@session.time_zone, VERSION()")));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toString(), second);
                QCOMPARE(query.value(1).toInt(), 42);
                QCOMPARE(query.value(2).toString(), MariadbServer::timeZone());
                QVERIFY2(query.value(3).toString().contains(QStringLiteral("MariaDB")),
                         qPrintable(query.value(3).toString()));
            }
            QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        }
        server.stop();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("after"));
        db.setHostName(server.host());
        db.setPort(server.port());
        db.setUserName(server.user());
        db.setDatabaseName(server.database());
        QVERIFY(!db.open()); // the server is gone
    }
};

QTEST_GUILESS_MAIN(TestMariadbServer)
#include "testmariadbserver.moc"
