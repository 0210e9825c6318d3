// punctualctl calendar and --exclude with the real binary on a real SQLite store, with and without a host: every
// command, each bad input with its exit code and one line, and a job whose next run skips an excluded day.
#include "cli/instanceprocess.h"
#include "cli/punctualctlprocess.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/") + QLatin1String(name);
}

/// The one line of an error: "punctualctl: error: ..." and nothing else.
bool oneErrorLine(const PunctualctlResult &r)
{
    return r.err.startsWith(QLatin1String("punctualctl: error: ")) && r.err.count(QLatin1Char('\n')) == 1
        && r.out.isEmpty();
}

} // namespace

class TestPunctualctlCalendar : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void addListShowRemove();
    void icsImport();
    void jobExcludesDays();
    void throughTheHost();
    void badInput_data();
    void badInput();

private:
    PunctualctlResult ctl(QStringList args);
    void everyCommand(const QString &where);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestPunctualctlCalendar::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("jobs.db"));
}

PunctualctlResult TestPunctualctlCalendar::ctl(QStringList args)
{
    args.prepend(m_db);
    args.prepend(QStringLiteral("--db"));
    return runPunctualctl(args);
}

void TestPunctualctlCalendar::everyCommand(const QString &where)
{
    PunctualctlResult r = ctl({"calendar", "add", "holidays", "--date", "2026-12-25,2026-12-26", "--range",
                               "2027-04-12..2027-04-14", "--weekday", "sat,sun", "--date", "2027-01-01"});
    QVERIFY2(r.exitCode == 0, qPrintable(where + r.err));
    QCOMPARE(r.out, QString("calendar \"holidays\": 3 dates, 1 range, weekdays sun,sat\n"));
    r = ctl({"calendar", "add", "holidays", "--date", "2027-05-01"});
    QCOMPARE(r.exitCode, 4); // exists
    QVERIFY2(oneErrorLine(r), qPrintable(r.err));
    QCOMPARE(r.err, QString("punctualctl: error: a calendar named \"holidays\" already exists\n"));

    r = ctl({"calendar", "list"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString("holidays  3 dates, 1 range, weekdays sun,sat\n"));
    r = ctl({"calendar", "show", "holidays"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString("name:      holidays\n"
                            "weekdays:  sun,sat\n"
                            "range:     2027-04-12..2027-04-14\n"
                            "date:      2026-12-25\n"
                            "date:      2026-12-26\n"
                            "date:      2027-01-01\n"
                            "used by:   no job\n"));
    r = ctl({"calendar", "show", "holidays", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value("name").toString(), QString("holidays"));
    QCOMPARE(json.value("dates").toArray().size(), 3);
    QCOMPARE(json.value("ranges").toArray().first().toObject().value("to").toString(), QString("2027-04-14"));
    QCOMPARE(json.value("weekdays").toArray(), QJsonArray({"sun", "sat"}));

    r = ctl({"calendar", "add", "bridge-days", "--date", "2027-05-14", "2027-05-28"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString("calendar \"bridge-days\": 2 dates, 0 ranges\n"));
    r = ctl({"calendar", "remove", "bridge-days"});
    QCOMPARE(r.exitCode, 0);
    // --replace replaces the whole calendar.
    r = ctl({"calendar", "add", "holidays", "--date", "2027-05-01", "--replace"});
    QCOMPARE(r.exitCode, 0);
    r = ctl({"calendar", "list", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value("dates").toArray(), QJsonArray({"2027-05-01"}));
    QCOMPARE(list.first().toObject().value("weekdays").toArray(), QJsonArray());

    // A job uses it: the calendar is not removed, and the refusal names the job.
    r = ctl({"add", "--id", "report", "--cron", "0 9 * * *", "--tz", "Europe/Berlin", "--exclude", "holidays", "--",
             "/bin/true"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({"calendar", "remove", "holidays"});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QString("punctualctl: error: calendar \"holidays\" is used by 1 job(s): report\n"));
    r = ctl({"calendar", "show", "holidays"});
    QVERIFY(r.out.endsWith("used by:   report\n"));
    r = ctl({"modify", "report", "--no-exclude"});
    QCOMPARE(r.exitCode, 0);
    r = ctl({"calendar", "remove", "holidays"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    r = ctl({"calendar", "list"});
    QCOMPARE(r.out, QString());
    r = ctl({"calendar", "show", "holidays"});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QString("punctualctl: error: no calendar named \"holidays\"\n"));
}

void TestPunctualctlCalendar::addListShowRemove()
{
    everyCommand(QStringLiteral("without a host: "));
}

void TestPunctualctlCalendar::throughTheHost()
{
    InstanceProcess host;
    QVERIFY2(host.start(m_db), qPrintable(host.log()));
    everyCommand(QStringLiteral("through the host: "));
    // The bad inputs are refused the same way through the host.
    PunctualctlResult r = ctl({"add", "--cron", "0 9 * * *", "--exclude", "nope", "--", "/bin/true"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no calendar named \"nope\""), qPrintable(r.err));
    QVERIFY(oneErrorLine(r));
}

void TestPunctualctlCalendar::icsImport()
{
    PunctualctlResult r = ctl({"calendar", "add", "holidays", "--ics", dataFile("holidays.ics")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Christmas 2026-2100 (75), four offsite Wednesdays, five first Fridays, May Day, six summer weekend days.
    QCOMPARE(r.out, QString("calendar \"holidays\": 91 dates, 1 range\n"));
    QCOMPARE(r.err, QString("punctualctl: warning: %1: 1 event(s) with a time of day left out (only all-day events "
                            "exclude days)\n")
                        .arg(dataFile("holidays.ics")));
    r = ctl({"calendar", "show", "holidays"});
    QVERIFY(r.out.contains("range:     2027-04-12..2027-04-14\n"));
    QVERIFY(r.out.contains("date:      2100-12-25\n"));
    QVERIFY(!r.out.contains("2027-01-20")); // EXDATE
    QVERIFY(!r.out.contains("2027-03-10")); // the timed event
}

void TestPunctualctlCalendar::jobExcludesDays()
{
    // Tomorrow and the day after are excluded: a daily job's next run is the day after those.
    const QDate tomorrow = QDate::currentDate().addDays(1);
    PunctualctlResult r = ctl({"calendar", "add", "off", "--range",
                               tomorrow.toString(Qt::ISODate) + ".." + tomorrow.addDays(1).toString(Qt::ISODate)});
    QCOMPARE(r.exitCode, 0);
    r = ctl({"add", "--id", "daily", "--cron", "0 12 * * *", "--exclude", "off", "--", "/bin/true"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({"show", "daily", "--json"});
    const QJsonObject job = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(job.value("exclude").toArray(), QJsonArray({"off"}));
    const QDateTime next = QDateTime::fromString(job.value("next_run_time").toString(), Qt::ISODate);
    QVERIFY2(next.toLocalTime().date() == tomorrow.addDays(2) || next.toLocalTime().date() == QDate::currentDate(),
             qPrintable(job.value("next_run_time").toString()));
    r = ctl({"show", "daily"});
    QVERIFY2(r.out.contains("excluded days:       calendars off\n"), qPrintable(r.out));

    // Every day excluded: no next run, and show says why.
    r = ctl({"calendar", "add", "always", "--weekday", "0,1,2,3,4,5,6"});
    QCOMPARE(r.exitCode, 0);
    r = ctl({"modify", "daily", "--exclude", "always"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({"show", "daily"});
    QVERIFY2(r.out.contains("why no next run:     calendars always exclude every day it fires on"), qPrintable(r.out));
    r = ctl({"show", "daily", "--json"});
    QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).object().value("next_run_time").isNull());
}

void TestPunctualctlCalendar::badInput_data()
{
    QFile notIcs(QDir::temp().filePath("punctual-not-ics-test.ics"));
    QVERIFY(notIcs.open(QIODevice::WriteOnly));
    notIcs.write("just text\n");
    notIcs.close();
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");
    QTest::newRow("bad date") << QStringList{"calendar", "add", "h", "--date", "2026-02-30"} << 2
                              << "--date: \"2026-02-30\" is not a date (YYYY-MM-DD, years 1 to 9999)";
    QTest::newRow("backwards range") << QStringList{"calendar", "add", "h", "--range", "2027-01-05..2027-01-01"} << 2
                                     << "--range: the range \"2027-01-05..2027-01-01\" ends before it begins";
    QTest::newRow("bad weekday") << QStringList{"calendar", "add", "h", "--weekday", "funday"} << 2
                                 << "--weekday: \"funday\" is not a weekday (sun, mon, tue, wed, thu, fri, sat or 0-7)";
    QTest::newRow("no days") << QStringList{"calendar", "add", "h"} << 2
                             << "give the days to exclude: --date, --range, --weekday or --ics";
    QTest::newRow("unreadable ics") << QStringList{"calendar", "add", "h", "--ics", "/nonexistent/h.ics"} << 2
                                    << "cannot read /nonexistent/h.ics: No such file or directory";
    QTest::newRow("not ics") << QStringList{"calendar", "add", "h", "--ics", notIcs.fileName()} << 2
                             << "punctual-not-ics-test.ics: not an iCalendar file (no BEGIN:VCALENDAR)";
    QTest::newRow("unknown calendar show") << QStringList{"calendar", "show", "nope"} << 2
                                           << "no calendar named \"nope\"";
    QTest::newRow("unknown calendar remove") << QStringList{"calendar", "remove", "nope"} << 2
                                             << "no calendar named \"nope\"";
    QTest::newRow("unknown calendar add") << QStringList{"add", "--id", "j", "--every", "1h", "--exclude", "nope",
                                                         "--", "/bin/true"}
                                          << 2 << "job \"j\": no calendar named \"nope\" (exclude)";
    QTest::newRow("blank exclude") << QStringList{"add", "--every", "1h", "--exclude", " ", "--", "/bin/true"} << 2
                                   << "--exclude: a calendar name must not be blank";
    QTest::newRow("dates after --date") << QStringList{"calendar", "add", "h", "--date", "2026-12-25", "2026-13-01"}
                                        << 2 << "--date: \"2026-13-01\" is not a date (YYYY-MM-DD, years 1 to 9999)";
    QTest::newRow("two names") << QStringList{"calendar", "add", "h", "g", "--weekday", "sat"} << 2
                               << "give one calendar name";
    QTest::newRow("no subcommand") << QStringList{"calendar"} << 2
                                   << "give a calendar command: add, list, show or remove (punctualctl calendar add "
                                      "--help)";
}

void TestPunctualctlCalendar::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    QCOMPARE(ctl({"calendar", "add", "other", "--weekday", "sun"}).exitCode, 0); // the store exists
    const PunctualctlResult r = ctl(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(oneErrorLine(r), qPrintable(r.err));
    QCOMPARE(r.err, "punctualctl: error: " + error + "\n");
}

QTEST_GUILESS_MAIN(TestPunctualctlCalendar)
#include "testpunctualctlcalendar.moc"
