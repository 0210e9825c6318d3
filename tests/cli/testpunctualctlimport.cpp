// punctualctl export and import as real processes: JSON round trip into a fresh store, crontab import with line
// errors, --replace, --skip-existing, conflicts (exit 4), invalid entries (exit 2), and import through an instance.
#include "cli/punctualctlprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

} // namespace

class TestPunctualctlImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    PunctualctlResult ctl(const QString &db, QStringList args)
    {
        args.prepend(db);
        args.prepend(QStringLiteral("--db"));
        return runPunctualctl(args);
    }
    void writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    QJsonArray listJson(const QString &db)
    {
        const PunctualctlResult list = ctl(db, {QStringLiteral("list"), QStringLiteral("--json")});
        return jsonArray(list.out);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void exportImportRoundTrip()
    {
        const QString source = path(QStringLiteral("source.db"));
        QCOMPARE(ctl(source, {"add", "--id", "backup", "--name", "Nightly backup", "--cron", "30 2 * * *", "--tz",
                              "Europe/Berlin", "--max-instances", "2", "--timeout", "600", "--", "/usr/bin/backup",
                              "--all"})
                     .exitCode,
                 0);
        QCOMPARE(ctl(source, {"add", "--id", "tick", "--every", "15m", "--", "/bin/true"}).exitCode, 0);
        QCOMPARE(ctl(source, {"add", "--id", "paused", "--cron", "@daily", "--paused", "--", "/bin/echo", "hi"})
                     .exitCode,
                 0);

        const PunctualctlResult exported = ctl(source, {"export", "--output", path("jobs.json")});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(exported.out.contains(QLatin1String("3 job(s) exported")));
        const PunctualctlResult toStdout = ctl(source, {"export", "backup"});
        QCOMPARE(toStdout.exitCode, 0);
        QCOMPARE(jsonArray(toStdout.out).size(), 1);
        QCOMPARE(ctl(source, {"export", "nope"}).exitCode, 3);

        const QString target = path(QStringLiteral("target.db"));
        const PunctualctlResult dry = ctl(target, {"import", path("jobs.json"), "--dry-run"});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.contains(QLatin1String("would add backup")));
        QCOMPARE(listJson(target).size(), 0);

        const PunctualctlResult imported = ctl(target, {"import", path("jobs.json")});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains(QLatin1String("3 job(s) imported")), qPrintable(imported.out));
        QVERIFY(imported.out.contains(QLatin1String("added backup (jobs[")));

        // Everything but next_run_time (recomputed) and the creation time equals the source's jobs.
        auto byId = [](const QJsonArray &array) {
            QMap<QString, QJsonObject> map;
            for (const QJsonValue &value : array) {
                QJsonObject job = value.toObject();
                job.remove(QStringLiteral("next_run_time"));
                map.insert(job.value(QStringLiteral("id")).toString(), job);
            }
            return map;
        };
        QCOMPARE(byId(listJson(target)), byId(listJson(source)));
        QCOMPARE(byId(listJson(target)).value("paused").value("paused").toBool(), true);

        // Again: the ids exist now. Nothing is added, exit 4, the ids are named.
        const PunctualctlResult again = ctl(target, {"import", path("jobs.json")});
        QCOMPARE(again.exitCode, 4);
        QVERIFY2(again.err.contains(QLatin1String("\"backup\"")), qPrintable(again.err));
        QVERIFY(again.err.startsWith(QLatin1String("punctualctl: error: ")));

        // --skip-existing adds nothing new; --replace replaces with the file's version.
        const PunctualctlResult skipped = ctl(target, {"import", path("jobs.json"), "--skip-existing"});
        QCOMPARE(skipped.exitCode, 0);
        QVERIFY(skipped.out.contains(QLatin1String("0 job(s) imported (0 replaced, 3 skipped)")));
        QCOMPARE(ctl(target, {"modify", "backup", "--name", "Changed"}).exitCode, 0);
        const PunctualctlResult replaced = ctl(target, {"import", path("jobs.json"), "--replace"});
        QCOMPARE(replaced.exitCode, 0);
        QVERIFY2(replaced.out.contains(QLatin1String("replaced backup")), qPrintable(replaced.out));
        QCOMPARE(byId(listJson(target)).value("backup").value("name").toString(), QStringLiteral("Nightly backup"));
        QCOMPARE(ctl(target, {"import", path("jobs.json"), "--replace", "--skip-existing"}).exitCode, 2);
    }

    void invalidEntriesAddNothing()
    {
        writeFile(QStringLiteral("mixed.json"), R"([
            {"id": "good", "trigger": {"type": "cron", "version": 1, "expression": "0 * * * *"},
             "action": {"type": "command", "program": "/bin/true"}},
            {"id": "bad", "trigger": {"type": "cron", "version": 1, "expression": "0 * * *"},
             "action": {"type": "command", "program": "/bin/true"}},
            {"id": "worse", "trigger": {"type": "cron", "version": 1, "expression": "*/5 * * * *"},
             "action": {"type": "rocket"}}
        ])");
        const QString db = path(QStringLiteral("mixed.db"));
        const PunctualctlResult refused = ctl(db, {"import", path("mixed.json")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("mixed.json: jobs[1]: ")), qPrintable(refused.err));
        QVERIFY(refused.err.contains(QLatin1String("mixed.json: jobs[2]: ")));
        QVERIFY(refused.err.contains(QLatin1String("rocket")));
        QVERIFY(refused.err.contains(QLatin1String("nothing imported")));
        QCOMPARE(listJson(db).size(), 0);

        const PunctualctlResult partial = ctl(db, {"import", path("mixed.json"), "--skip-invalid"});
        QCOMPARE(partial.exitCode, 0);
        QVERIFY(partial.out.contains(QLatin1String("1 job(s) imported")));
        QCOMPARE(listJson(db).size(), 1);

        writeFile(QStringLiteral("broken.json"), "[{\"id\": 1,,}]");
        const PunctualctlResult broken = ctl(db, {"import", path("broken.json")});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(broken.err.contains(QLatin1String("line 1, column")), qPrintable(broken.err));
        QCOMPARE(ctl(db, {"import", path("missing.json")}).exitCode, 1);
    }

    void crontabWithLineErrors()
    {
        const QString crontab = QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/crontab.sample");
        const QString db = path(QStringLiteral("cron.db"));
        const PunctualctlResult refused = ctl(db, {"import", "--crontab", crontab, "--tz", "UTC"});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(!refused.err.contains(QLatin1String("@reboot")), qPrintable(refused.err)); // imported as at-start
        for (const char *line : {"line 42: field \"minute\": 61 is out of range 0-59 (position 1)",
                                 "line 41: ", "line 37: CRON_TZ", "line 46: field \"day-of-week\""})
            QVERIFY2(refused.err.contains(QLatin1String(line)), line);
        QVERIFY(refused.err.contains(QLatin1String("note: ") + crontab + QLatin1String(": line 5: MAILTO")));
        QCOMPARE(listJson(db).size(), 0);

        const PunctualctlResult imported = ctl(db, {"import", "--crontab", crontab, "--tz", "UTC", "--skip-invalid"});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains(QLatin1String("23 job(s) imported")), qPrintable(imported.out));
        QVERIFY(imported.out.contains(QLatin1String("(line 31): us-nightly-settlement")));
        const QJsonArray jobs = listJson(db);
        QCOMPARE(jobs.size(), 23);
        bool sawBerlin = false;
        for (const QJsonValue &value : jobs) {
            const QJsonObject job = value.toObject();
            QCOMPARE(job.value("action").toObject().value("program").toString(), QStringLiteral("/bin/bash"));
            if (job.value("name").toString() == QLatin1String("eu-digest")) {
                sawBerlin = true;
                QCOMPARE(job.value("trigger").toObject().value("timezone").toString(), QStringLiteral("Europe/Berlin"));
                // 07:00 Berlin time plus up to RANDOM_DELAY=10 minutes of jitter.
                const QString next = job.value("next_run_time").toString();
                QVERIFY2(next.contains(QLatin1String("T07:")) && (next.endsWith(QLatin1String("+01:00"))
                                                                 || next.endsWith(QLatin1String("+02:00"))),
                         qPrintable(next));
            }
        }
        QVERIFY(sawBerlin);

        // The same crontab again: the same ids, so a conflict; --replace takes it.
        QCOMPARE(ctl(db, {"import", "--crontab", crontab, "--skip-invalid"}).exitCode, 4);
        QCOMPARE(ctl(db, {"import", "--crontab", crontab, "--skip-invalid", "--replace"}).exitCode, 0);
        QCOMPARE(listJson(db).size(), 23);
        QCOMPARE(ctl(db, {"import", "--tz", "UTC", path("x.json")}).exitCode, 2);
        QCOMPARE(ctl(db, {"import", "--crontab", crontab, "--tz", "Nowhere/Land"}).exitCode, 2);
    }

    void importGoesThroughTheInstance()
    {
        const QString db = path(QStringLiteral("instance.db"));
        QProcess instance;
        instance.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", db, "run"});
        QVERIFY(instance.waitForStarted());
        QString log;
        QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromUtf8(instance.readAllStandardError())).contains("scheduler running on"),
                                 15000);

        QProcess ctlProcess;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PUNCTUAL_DEBUG"), QStringLiteral("1"));
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        ctlProcess.setProcessEnvironment(environment);
        ctlProcess.start(QStringLiteral(PUNCTUALCTL_PATH),
                         {"--db", db, "import", "--crontab", QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/crontab.sample"),
                          "--skip-invalid"});
        QVERIFY(ctlProcess.waitForFinished(60000));
        const QString err = QString::fromUtf8(ctlProcess.readAllStandardError());
        QCOMPARE(ctlProcess.exitCode(), 0);
        QVERIFY2(err.contains(QLatin1String("talking to the Punctual instance")), qPrintable(err));
        QVERIFY(QString::fromUtf8(ctlProcess.readAllStandardOutput()).contains(QLatin1String("23 job(s) imported")));
        QCOMPARE(listJson(db).size(), 23);
        // A conflict through the instance is exit 4 too.
        QCOMPARE(ctl(db, {"import", "--crontab", QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/crontab.sample"),
                          "--skip-invalid"})
                     .exitCode,
                 4);

        instance.terminate();
        QVERIFY(instance.waitForFinished(15000));
    }
};

QTEST_GUILESS_MAIN(TestPunctualctlImport)
#include "testpunctualctlimport.moc"
