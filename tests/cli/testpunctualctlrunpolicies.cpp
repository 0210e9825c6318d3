// The run policies' options of the real punctualctl (--overlap, --queue-limit, --on-success/--on-failure/--on-finish,
// --no-chains, --pause-after-failures, pause --note): values round-trip through show --json and export, show and
// list print them, and bad input exits 2 with one line, leaving the store as it was.
#include "cli/punctualctlstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestPunctualctlRunPolicies : public QObject, public PunctualctlStore
{
    Q_OBJECT

private slots:
    void init();
    void overlapPoliciesRoundTrip_data();
    void overlapPoliciesRoundTrip();
    void queueLimitRoundTripsAndModifyKeepsIt();
    void chainsRoundTripAndModifyReplacesPerCondition();
    void pauseAfterFailuresRoundTripsAndNoneClears();
    void showAndListPrintPoliciesOnlyWhenNotDefault();
    void pauseNoteIsShownAndClearedOnResume();
    void pauseNoteOnSeveralJobsAndOnAPausedJob();
    void badInput_data();
    void badInput();

private:
    /// A command job every hour, with @p options.
    void addJob(const QString &id, const QStringList &options = {}) const
    {
        addCommandJob(id, QStringList{"--every", "1h"} + options);
    }
};

void TestPunctualctlRunPolicies::init()
{
    newStore();
}

void TestPunctualctlRunPolicies::overlapPoliciesRoundTrip_data()
{
    QTest::addColumn<QString>("policy");
    for (const char *policy : {"skip", "queue-one", "queue-all", "replace", "allow"})
        QTest::newRow(policy) << QString::fromLatin1(policy);
}

void TestPunctualctlRunPolicies::overlapPoliciesRoundTrip()
{
    QFETCH(QString, policy);
    addJob("job", {"--overlap", policy});
    QCOMPARE(showJob("job").value("overlap").toString(), policy);
    QCOMPARE(exported("job").value("overlap").toString(), policy);

    // modify changes it, and only it.
    addJob("other", {"--overlap", policy, "--max-instances", "3"});
    const PunctualctlResult r = ctl({"modify", "other", "--overlap", "allow", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject modified = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(modified.value("overlap").toString(), QStringLiteral("allow"));
    QCOMPARE(modified.value("max_instances").toInt(), 3);
}

void TestPunctualctlRunPolicies::queueLimitRoundTripsAndModifyKeepsIt()
{
    addJob("queued", {"--overlap", "queue-all", "--queue-limit", "250"});
    QCOMPARE(showJob("queued").value("queue_limit").toInt(), 250);
    QCOMPARE(exported("queued").value("queue_limit").toInt(), 250);
    // A job already queue-all takes a new limit without --overlap.
    QCOMPARE(ctl({"modify", "queued", "--queue-limit", "10000"}).exitCode, 0);
    QCOMPARE(showJob("queued").value("queue_limit").toInt(), 10000);
    QCOMPARE(ctl({"modify", "queued", "--timeout", "5"}).exitCode, 0);
    QCOMPARE(showJob("queued").value("queue_limit").toInt(), 10000);
    QCOMPARE(showJob("queued").value("overlap").toString(), QStringLiteral("queue-all"));
    // Without it, the default.
    addJob("plain", {"--overlap", "queue-all"});
    QCOMPARE(showJob("plain").value("queue_limit").toInt(), 10);
}

void TestPunctualctlRunPolicies::chainsRoundTripAndModifyReplacesPerCondition()
{
    for (const char *id : {"a", "b", "c", "d"})
        addJob(QString::fromLatin1(id));
    addJob("main", {"--on-success", "a", "--on-success", "b", "--on-failure", "c", "--on-finish", "d",
                    "--on-success", "a"}); // given twice: once
    const QJsonObject expected{{"on_success", QJsonArray{"a", "b"}},
                               {"on_failure", QJsonArray{"c"}},
                               {"on_finish", QJsonArray{"d"}}};
    QCOMPARE(showJob("main").value("chains").toObject(), expected);
    QCOMPARE(exported("main").value("chains").toObject(), expected);

    // --on-success on modify replaces the on_success list; the others stay.
    QCOMPARE(ctl({"modify", "main", "--on-success", "d"}).exitCode, 0);
    const QJsonObject replaced{{"on_success", QJsonArray{"d"}},
                               {"on_failure", QJsonArray{"c"}},
                               {"on_finish", QJsonArray{"d"}}};
    QCOMPARE(showJob("main").value("chains").toObject(), replaced);
    // Another option leaves the chains alone.
    QCOMPARE(ctl({"modify", "main", "--retries", "2"}).exitCode, 0);
    QCOMPARE(showJob("main").value("chains").toObject(), replaced);
    // --no-chains with one given: only that one is left.
    QCOMPARE(ctl({"modify", "main", "--no-chains", "--on-failure", "a"}).exitCode, 0);
    QCOMPARE(showJob("main").value("chains").toObject(), QJsonObject({{"on_failure", QJsonArray{"a"}}}));
    QCOMPARE(ctl({"modify", "main", "--no-chains"}).exitCode, 0);
    QCOMPARE(showJob("main").value("chains").toObject(), QJsonObject());
}

void TestPunctualctlRunPolicies::pauseAfterFailuresRoundTripsAndNoneClears()
{
    addJob("fragile", {"--pause-after-failures", "3"});
    QCOMPARE(showJob("fragile").value("pause_after_failures").toInt(), 3);
    QCOMPARE(exported("fragile").value("pause_after_failures").toInt(), 3);
    QCOMPARE(ctl({"modify", "fragile", "--pause-after-failures", "1000"}).exitCode, 0);
    QCOMPARE(showJob("fragile").value("pause_after_failures").toInt(), 1000);
    QCOMPARE(ctl({"modify", "fragile", "--pause-after-failures", "none"}).exitCode, 0);
    QVERIFY(showJob("fragile").value("pause_after_failures").isNull());
    addJob("sturdy");
    QVERIFY(showJob("sturdy").value("pause_after_failures").isNull());
}

void TestPunctualctlRunPolicies::showAndListPrintPoliciesOnlyWhenNotDefault()
{
    addJob("after");
    addJob("policed", {"--overlap", "queue-all", "--queue-limit", "5", "--on-failure", "after",
                       "--pause-after-failures", "4"});
    addJob("plain");
    PunctualctlResult r = ctl({"show", "policed"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QRegularExpression("\noverlap: +queue-all \\(at most 5 waiting\\)\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression("\non failure: +after\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression("\npause after: +4 failures in a row\n")), qPrintable(r.out));
    r = ctl({"show", "plain"});
    QCOMPARE(r.exitCode, 0);
    for (const char *key : {"overlap:", "on success:", "on failure:", "on finish:", "pause after:"})
        QVERIFY2(!r.out.contains(QLatin1String(key)), qPrintable(r.out));
}

void TestPunctualctlRunPolicies::pauseNoteIsShownAndClearedOnResume()
{
    addJob("backup");
    const QString note = QStringLiteral("Disk swapped until Friday — Jürgen");
    PunctualctlResult r = ctl({"pause", "backup", "--note", note, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonObject job = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(job.value("paused").toBool(), true);
    QCOMPARE(job.value("pause_note").toString(), note);
    QCOMPARE(exported("backup").value("pause_note").toString(), note);

    r = ctl({"list"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("paused: " + note), qPrintable(r.out));
    r = ctl({"list", "--json"});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject().value("pause_note").toString(), note);
    r = ctl({"show", "backup"});
    QVERIFY2(r.out.contains(QRegularExpression("\nstate: +paused: " + QRegularExpression::escape(note) + "\n")),
             qPrintable(r.out));

    QCOMPARE(ctl({"resume", "backup"}).exitCode, 0);
    job = showJob("backup");
    QCOMPARE(job.value("paused").toBool(), false);
    QCOMPARE(job.value("pause_note").toString(), QString());
    // A pause without a note has none.
    QCOMPARE(ctl({"pause", "backup"}).exitCode, 0);
    QCOMPARE(showJob("backup").value("pause_note").toString(), QString());
}

void TestPunctualctlRunPolicies::pauseNoteOnSeveralJobsAndOnAPausedJob()
{
    addJob("a");
    addJob("b");
    PunctualctlResult r = ctl({"pause", "a", "b", "--note", "maintenance"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("a\nb\n"));
    QCOMPARE(showJob("a").value("pause_note").toString(), QStringLiteral("maintenance"));
    QCOMPARE(showJob("b").value("pause_note").toString(), QStringLiteral("maintenance"));
    // A job paused already takes a new note; a pause without one keeps it.
    QCOMPARE(ctl({"pause", "a", "--note", "still broken"}).exitCode, 0);
    QCOMPARE(showJob("a").value("pause_note").toString(), QStringLiteral("still broken"));
    QCOMPARE(ctl({"pause", "a"}).exitCode, 0);
    QCOMPARE(showJob("a").value("pause_note").toString(), QStringLiteral("still broken"));
    QCOMPARE(ctl({"resume", "a", "b"}).exitCode, 0);
    QCOMPARE(showJob("b").value("pause_note").toString(), QString());
}

void TestPunctualctlRunPolicies::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("messagePart");

    const QStringList add{"add", "--id", "new", "--every", "1h"};
    const QStringList command{"--", "/bin/true"};
    QTest::newRow("unknown policy") << add + QStringList{"--overlap", "queue"} + command
                                    << "--overlap must be skip, queue-one, queue-all, replace or allow, not \"queue\"";
    QTest::newRow("unknown policy on modify") << QStringList{"modify", "job", "--overlap", "SKIP"} << "not \"SKIP\"";
    QTest::newRow("queue limit zero") << add + QStringList{"--overlap", "queue-all", "--queue-limit", "0"} + command
                                      << "--queue-limit needs a whole number from 1 to 10000";
    QTest::newRow("queue limit too big")
        << add + QStringList{"--overlap", "queue-all", "--queue-limit", "10001"} + command << "from 1 to 10000";
    QTest::newRow("queue limit not a number")
        << add + QStringList{"--overlap", "queue-all", "--queue-limit", "ten"} + command << "from 1 to 10000";
    QTest::newRow("queue limit without queue-all") << add + QStringList{"--queue-limit", "5"} + command
                                                   << "--queue-limit applies to --overlap queue-all only";
    QTest::newRow("queue limit on a skip job") << QStringList{"modify", "job", "--queue-limit", "5"}
                                               << "applies to --overlap queue-all only";
    QTest::newRow("blank chained id") << add + QStringList{"--on-success", " "} + command << "--on-success:";
    QTest::newRow("unknown chained id") << add + QStringList{"--on-failure", "nothere"} + command
                                        << "the job to run on_failure, \"nothere\", does not exist";
    QTest::newRow("chain to itself") << QStringList{"modify", "job", "--on-finish", "job"}
                                     << "its chains make a cycle: job → job";
    QTest::newRow("pause after zero") << add + QStringList{"--pause-after-failures", "0"} + command
                                      << "--pause-after-failures needs a whole number from 1 to 1000 or \"none\"";
    QTest::newRow("pause after too many") << QStringList{"modify", "job", "--pause-after-failures", "1001"}
                                          << "from 1 to 1000";
    QTest::newRow("pause after fraction") << QStringList{"modify", "job", "--pause-after-failures", "2.5"}
                                          << "from 1 to 1000";
    QTest::newRow("note with a line break") << QStringList{"pause", "job", "--note", "one\ntwo"}
                                            << "a pause note must be one line";
    QTest::newRow("blank note") << QStringList{"pause", "job", "--note", "  "} << "--note needs a text";
    QTest::newRow("note too long") << QStringList{"pause", "job", "--note", QString(1001, QLatin1Char('x'))}
                                   << "at most 1000 characters";
}

void TestPunctualctlRunPolicies::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, messagePart);
    addJob("job");
    const QByteArray before = storeHash();
    const PunctualctlResult r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QLatin1String("punctualctl: error: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(messagePart), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(storeHash(), before);
    QCOMPARE(showJob("job").value("paused").toBool(), false);
}

QTEST_GUILESS_MAIN(TestPunctualctlRunPolicies)
#include "testpunctualctlrunpolicies.moc"
