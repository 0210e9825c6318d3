// punctualctl as a client of a real host process: `watch` prints the host's events (as lines and as JSON), and a
// managing host (`run --manage-only`) serves the jobs without running any.
#include "instanceprocess.h"
#include "punctualctlprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>


class TestPunctualctlHostClients : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The instance sockets live in the test's own folder.
        qputenv("XDG_RUNTIME_DIR", m_dir.path().toUtf8());
    }

    void watchPrintsTheHostsEvents()
    {
        const QString store = m_dir.filePath("watch.db");
        InstanceProcess host;
        QVERIFY2(host.start(store), qPrintable(host.log()));
        QProcess text;
        QProcess json;
        text.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", store, "watch"});
        json.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", store, "watch", "--json"});
        QVERIFY(text.waitForStarted() && json.waitForStarted());
        QTest::qWait(500); // both have subscribed

        QCOMPARE(runPunctualctl({"--db", store, "add", "--id", "tick", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
        QCOMPARE(runPunctualctl({"--db", store, "pause", "tick"}).exitCode, 0);
        QCOMPARE(runPunctualctl({"--db", store, "remove", "tick"}).exitCode, 0);

        QByteArray jsonLines;
        QVERIFY(QTest::qWaitFor([&] {
            jsonLines += json.readAllStandardOutput();
            return jsonLines.count('\n') >= 3;
        }, 10000));
        const QList<QByteArray> lines = jsonLines.trimmed().split('\n');
        QStringList names;
        qint64 lastRevision = 0;
        for (const QByteArray &line : lines) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            names << event.value("event").toString();
            QVERIFY2(event.value("revision").toInteger() > lastRevision, line.constData());
            lastRevision = event.value("revision").toInteger();
            QVERIFY(!event.value("at").toString().isEmpty());
        }
        QCOMPARE(names.mid(0, 3), (QStringList{"job_added", "job_changed", "job_removed"}));
        QVERIFY(QJsonDocument::fromJson(lines.at(1)).object().value("job").toObject().value("paused").toBool());

        QByteArray textLines;
        QVERIFY(QTest::qWaitFor([&] {
            textLines += text.readAllStandardOutput();
            return textLines.count('\n') >= 3;
        }, 10000));
        QVERIFY2(textLines.contains("job_added tick"), textLines.constData());
        QVERIFY2(textLines.contains("job_changed tick (paused)"), textLines.constData());
        QVERIFY2(textLines.contains("job_removed tick"), textLines.constData());

        // The host goes: watch says so and exits 1.
        host.process()->terminate();
        QVERIFY(json.waitForFinished(20000));
        QCOMPARE(json.exitCode(), 1);
        QVERIFY(json.readAllStandardError().contains("the scheduler host has gone"));
        text.waitForFinished(5000);
    }

    void watchWithoutAHostFails()
    {
        const auto result = runPunctualctl({"--db", m_dir.filePath("none.db"), "watch"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("no Punctual scheduler runs on"), qPrintable(result.err));
    }

    void managingHostRunsNothing()
    {
        const QString store = m_dir.filePath("managed.db");
        const QString marker = m_dir.filePath("ran.txt");
        QCOMPARE(runPunctualctl({"--db", store, "add", "--id", "often", "--every", "1s", "--", "/bin/sh", "-c",
                                 "echo ran >> " + marker})
                     .exitCode,
                 0);
        InstanceProcess host;
        QVERIFY2(host.start(store, {"--manage-only"}, "without running any here"), qPrintable(host.log()));

        // Jobs are read and changed through it...
        QCOMPARE(runPunctualctl({"--db", store, "add", "--id", "later", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
        QVERIFY(runPunctualctl({"--db", store, "list"}).out.contains("later"));
        QCOMPARE(runPunctualctl({"--db", store, "pause", "later"}).exitCode, 0);
        // ...nothing runs here, and run-now is refused with the reason.
        const auto runNow = runPunctualctl({"--db", store, "run-now", "often"});
        QCOMPARE(runNow.exitCode, 1);
        QVERIFY2(runNow.err.contains("runs no jobs of this store"), qPrintable(runNow.err));
        QTest::qWait(2500);
        QVERIFY(!QFile::exists(marker));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestPunctualctlHostClients)
#include "testpunctualctlhostclients.moc"
