// Event triggers and the DST choice through the real punctualctl: --at-start, --after-resume [DELAY],
// --on-network-up, --no-events, --no-schedule, --dst; what show, list and history print; a host start running an
// at-start job; crontab @reboot; bad input exits 2 with one line, leaving the store as it was.
#include "cli/punctualctlstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestPunctualctlEvents : public QObject, public PunctualctlStore
{
    Q_OBJECT

private slots:
    void init();
    void eventsOnlyJob();
    void afterResumeTakesAnOptionalDelay();
    void modifyAddsAndRemovesEvents();
    void noScheduleOnModifyAndReschedule();
    void dstRoundTripsAndModifyKeepsTheExpression();
    void nextShowsEachDstPolicy();
    void hostStartRunsAtStartJobsOnce();
    void crontabRebootImportsAsAtStart();
    void badInput_data();
    void badInput();

private:
    void addJob(const QString &id, const QStringList &options) const { addCommandJob(id, options); }
};

void TestPunctualctlEvents::init()
{
    newStore();
}

void TestPunctualctlEvents::eventsOnlyJob()
{
    addJob("boot", {"--name", "Mount shares", "--at-start"});
    const QJsonObject job = showJob("boot");
    QCOMPARE(job.value("trigger").toObject().value("type").toString(), QStringLiteral("event"));
    QCOMPARE(job.value("trigger").toObject().value("description").toString(), QStringLiteral("Only on events"));
    QCOMPARE(job.value("events").toObject(), (QJsonObject{{"at_start", true}}));
    QCOMPARE(job.value("state").toString(), QStringLiteral("on-events"));
    QVERIFY(job.value("next_run_time").isNull());
    const PunctualctlResult show = ctl({"show", "boot"});
    QVERIFY2(show.out.contains(QLatin1String("schedule:            At start\n")), qPrintable(show.out));
    QVERIFY2(show.out.contains(QLatin1String("state:               on-events\n")), qPrintable(show.out));
    const PunctualctlResult list = ctl({"list"});
    QVERIFY2(list.out.contains(QLatin1String("on-events")) && list.out.contains(QLatin1String("At start\n")),
             qPrintable(list.out));
}

void TestPunctualctlEvents::afterResumeTakesAnOptionalDelay()
{
    addJob("bare", {"--every", "1h", "--after-resume"});                       // before "--"
    addJob("delay", {"--every", "1h", "--after-resume", "2m"});
    addJob("iso", {"--every", "1h", "--after-resume", "PT1M30S"});
    addJob("equals", {"--every", "1h", "--after-resume=45s"});
    addJob("then", {"--after-resume", "--on-network-up"});                      // before another option
    QCOMPARE(showJob("bare").value("events").toObject(), (QJsonObject{{"after_resume", 0}}));
    QCOMPARE(showJob("delay").value("events").toObject(), (QJsonObject{{"after_resume", 120}}));
    QCOMPARE(showJob("iso").value("events").toObject(), (QJsonObject{{"after_resume", 90}}));
    QCOMPARE(showJob("equals").value("events").toObject(), (QJsonObject{{"after_resume", 45}}));
    QCOMPARE(showJob("then").value("events").toObject(), (QJsonObject{{"after_resume", 0}, {"network_up", true}}));
    QCOMPARE(showJob("delay").value("state").toString(), QStringLiteral("scheduled"));
    const PunctualctlResult show = ctl({"show", "delay"});
    QVERIFY2(show.out.contains(QLatin1String("Every hour; also after wake-up (2m later)")), qPrintable(show.out));
    // modify ID --after-resume: the id comes first, a word that is not a duration is not taken as the delay.
    QCOMPARE(ctl({"modify", "delay", "--after-resume"}).exitCode, 0);
    QCOMPARE(showJob("delay").value("events").toObject(), (QJsonObject{{"after_resume", 0}}));
    QCOMPARE(ctl({"modify", "--after-resume", "delay"}).exitCode, 0);
    QCOMPARE(showJob("delay").value("events").toObject(), (QJsonObject{{"after_resume", 0}}));
}

void TestPunctualctlEvents::modifyAddsAndRemovesEvents()
{
    addJob("job", {"--every", "1h"});
    QVERIFY(!showJob("job").contains("events"));
    QCOMPARE(ctl({"modify", "job", "--on-network-up", "--at-start"}).exitCode, 0);
    QCOMPARE(showJob("job").value("events").toObject(), (QJsonObject{{"at_start", true}, {"network_up", true}}));
    // --no-events with an event given: only that one stays.
    QCOMPARE(ctl({"modify", "job", "--no-events", "--after-resume", "1m"}).exitCode, 0);
    QCOMPARE(showJob("job").value("events").toObject(), (QJsonObject{{"after_resume", 60}}));
    QCOMPARE(ctl({"modify", "job", "--no-events"}).exitCode, 0);
    QVERIFY(!showJob("job").contains("events"));
    QCOMPARE(showJob("job").value("trigger").toObject().value("type").toString(), QStringLiteral("interval"));
}

void TestPunctualctlEvents::noScheduleOnModifyAndReschedule()
{
    addJob("job", {"--cron", "0 3 * * *", "--at-start"});
    QCOMPARE(ctl({"modify", "job", "--no-schedule"}).exitCode, 0);
    QJsonObject job = showJob("job");
    QCOMPARE(job.value("trigger").toObject().value("type").toString(), QStringLiteral("event"));
    QCOMPARE(job.value("state").toString(), QStringLiteral("on-events"));
    QCOMPARE(ctl({"reschedule", "job", "--every", "2h"}).exitCode, 0);
    QCOMPARE(showJob("job").value("state").toString(), QStringLiteral("scheduled"));
    QCOMPARE(ctl({"reschedule", "job", "--no-schedule"}).exitCode, 0);
    QVERIFY(showJob("job").value("next_run_time").isNull());
}

void TestPunctualctlEvents::dstRoundTripsAndModifyKeepsTheExpression()
{
    addJob("nightly", {"--cron", "30 2 * * *", "--tz", "Europe/Berlin", "--dst", "skip"});
    QJsonObject trigger = showJob("nightly").value("trigger").toObject();
    QCOMPARE(trigger.value("dst").toString(), QStringLiteral("skip"));
    QVERIFY2(trigger.value("description").toString().contains(QLatin1String("DST: skip")),
             qPrintable(trigger.value("description").toString()));
    QCOMPARE(ctl({"modify", "nightly", "--dst", "both"}).exitCode, 0);
    trigger = showJob("nightly").value("trigger").toObject();
    QCOMPARE(trigger.value("dst").toString(), QStringLiteral("both"));
    QCOMPARE(trigger.value("expression").toString(), QStringLiteral("30 2 * * *"));
    QCOMPARE(trigger.value("timezone").toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(ctl({"reschedule", "nightly", "--dst", "cron"}).exitCode, 0);
    QVERIFY(!showJob("nightly").value("trigger").toObject().contains("dst")); // the default is not written
    // A new --cron without --dst is the default again.
    QCOMPARE(ctl({"modify", "nightly", "--dst", "skip"}).exitCode, 0);
    QCOMPARE(ctl({"modify", "nightly", "--cron", "45 2 * * *"}).exitCode, 0);
    QVERIFY(!showJob("nightly").value("trigger").toObject().contains("dst"));
}

void TestPunctualctlEvents::nextShowsEachDstPolicy()
{
    // Berlin 2026: 02:30 does not exist on 29 March and happens twice on 25 October.
    const QStringList spring{"next", "--cron", "30 2 * * *", "--tz", "Europe/Berlin", "--from",
                             "2026-03-28T12:00:00+01:00", "--count", "2"};
    const QStringList autumn{"next", "--cron", "30 2 * * *", "--tz", "Europe/Berlin", "--from",
                             "2026-10-24T12:00:00+02:00", "--count", "3"};
    QCOMPARE(ctl(spring).out, QStringLiteral("2026-03-29T03:00:00+02:00\n2026-03-30T02:30:00+02:00\n"));
    QCOMPARE(ctl(spring + QStringList{"--dst", "skip"}).out,
             QStringLiteral("2026-03-30T02:30:00+02:00\n2026-03-31T02:30:00+02:00\n"));
    QCOMPARE(ctl(autumn).out,
             QStringLiteral("2026-10-25T02:30:00+02:00\n2026-10-26T02:30:00+01:00\n2026-10-27T02:30:00+01:00\n"));
    QCOMPARE(ctl(autumn + QStringList{"--dst", "both"}).out,
             QStringLiteral("2026-10-25T02:30:00+02:00\n2026-10-25T02:30:00+01:00\n2026-10-26T02:30:00+01:00\n"));
    const PunctualctlResult bad = ctl(spring + QStringList{"--dst", "never"});
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(bad.err, QStringLiteral("punctualctl: error: --dst must be cron, skip or both, not \"never\"\n"));
    QCOMPARE(ctl({"next", "--every", "1h", "--dst", "skip"}).exitCode, 2);
}

void TestPunctualctlEvents::hostStartRunsAtStartJobsOnce()
{
    const QString marker = m_dir->filePath("started");
    const PunctualctlResult added = ctl({"add", "--id", "boot", "--at-start", "--shell", "--",
                                        QStringLiteral("echo started >> '%1'").arg(marker)});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    addJob("later", {"--every", "1h", "--on-network-up"}); // not at start
    const PunctualctlResult run = ctl({"run", "--for", "1.5"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile file(marker);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("started\n"));
    const QJsonArray history = QJsonDocument::fromJson(ctl({"history", "boot", "--json"}).out.toUtf8()).array();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).toObject().value("reason").toString(), QStringLiteral("at-start"));
    QCOMPARE(history.at(0).toObject().value("outcome").toString(), QStringLiteral("success"));
    QVERIFY2(ctl({"history", "boot"}).out.contains(QLatin1String("[at-start]")), "history text names the reason");
    QCOMPARE(QJsonDocument::fromJson(ctl({"history", "later", "--json"}).out.toUtf8()).array().size(), 0);
    // A second host start runs it again; a paused start does not.
    QCOMPARE(ctl({"run", "--for", "1"}).exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(ctl({"history", "boot", "--json"}).out.toUtf8()).array().size(), 2);
    QCOMPARE(ctl({"run", "--for", "0.5", "--paused"}).exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(ctl({"history", "boot", "--json"}).out.toUtf8()).array().size(), 2);
}

void TestPunctualctlEvents::crontabRebootImportsAsAtStart()
{
    const QString crontab = m_dir->filePath("crontab");
    QFile file(crontab);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("@reboot /usr/local/bin/start-workers\n0 3 * * * /usr/local/bin/nightly\n");
    file.close();
    const PunctualctlResult imported = ctl({"import", "--crontab", crontab, "--tz", "UTC"});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(imported.out.contains(QLatin1String("2 job(s) imported")), qPrintable(imported.out));
    const QJsonArray jobs = QJsonDocument::fromJson(ctl({"list", "--json"}).out.toUtf8()).array();
    QCOMPARE(jobs.size(), 2);
    int atStart = 0;
    for (const QJsonValue &value : jobs) {
        const QJsonObject job = value.toObject();
        if (job.value("name").toString() != QLatin1String("start-workers"))
            continue;
        ++atStart;
        QCOMPARE(job.value("events").toObject(), (QJsonObject{{"at_start", true}}));
        QCOMPARE(job.value("trigger").toObject().value("type").toString(), QStringLiteral("event"));
        QCOMPARE(job.value("state").toString(), QStringLiteral("on-events"));
    }
    QCOMPARE(atStart, 1);
}

void TestPunctualctlEvents::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("messagePart");
    const QStringList add{"add", "--id", "new"};
    const QStringList command{"--", "/bin/true"};
    QTest::newRow("bad delay") << add + QStringList{"--after-resume", "2x"} + command << "--after-resume:";
    QTest::newRow("bad delay, equals") << add + QStringList{"--after-resume=soon"} + command << "--after-resume:";
    QTest::newRow("negative delay") << QStringList{"modify", "job", "--after-resume=-5m"} << "--after-resume:";
    QTest::newRow("no schedule, no event") << add + command << "give a schedule";
    QTest::newRow("--no-events alone on add") << add + QStringList{"--no-events"} + command << "give a schedule";
    QTest::newRow("bad dst") << add + QStringList{"--cron", "0 3 * * *", "--dst", "sometimes"} + command
                             << "--dst must be cron, skip or both, not \"sometimes\"";
    QTest::newRow("dst with every") << add + QStringList{"--every", "1h", "--dst", "skip"} + command
                                    << "--dst applies to --cron schedules only";
    QTest::newRow("dst alone on an interval job") << QStringList{"modify", "job", "--dst", "skip"}
                                                  << "--dst applies to --cron schedules only";
    QTest::newRow("dst alone on reschedule") << QStringList{"reschedule", "job", "--dst", "both"}
                                             << "--dst applies to --cron schedules only";
    QTest::newRow("dst alone on add") << add + QStringList{"--dst", "skip", "--at-start"} + command
                                      << "--dst applies to --cron schedules only";
    QTest::newRow("no schedule and a schedule") << add + QStringList{"--no-schedule", "--every", "1h"} + command
                                                << "give only one of";
    QTest::newRow("no schedule with --tz") << add + QStringList{"--no-schedule", "--at-start", "--tz", "UTC"} + command
                                           << "--tz belongs to a schedule";
    QTest::newRow("no schedule without events") << QStringList{"modify", "job", "--no-schedule"}
                                                << "has no schedule and no event";
    QTest::newRow("events-only job loses its events") << QStringList{"modify", "events", "--no-events"}
                                                      << "has no schedule and no event";
}

void TestPunctualctlEvents::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, messagePart);
    addJob("job", {"--every", "1h"});
    addJob("events", {"--at-start"});
    const QByteArray before = storeHash();
    const PunctualctlResult r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QLatin1String("punctualctl: error: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(messagePart), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(storeHash(), before);
}

QTEST_GUILESS_MAIN(TestPunctualctlEvents)
#include "testpunctualctlevents.moc"
