// Exclusion calendars: days, ranges, weekdays and .ics files (libical), and a cron job walked through a year of
// them by the due planner and by the scheduler, checked against a list computed here day by day with QDate.
#include "calendars/exclusioncalendar.h"
#include "calendars/icsimport.h"
#include "scheduler/dueplanner.h"
#include "scheduler/runexplainer.h"
#include "time/civil.h"
#include "time/isotime.h"
#include "time/zonerules.h"
#include "triggers/crontrigger.h"

#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace punctual;
using namespace punctual::test;

namespace {

std::int64_t day(const QDate &date)
{
    return civil::daysFromCivil(date.year(), date.month(), date.day());
}

QDate dateOf(std::int64_t dayNumber)
{
    const civil::Date date = civil::civilFromDays(dayNumber);
    return QDate(date.year, date.month, date.day);
}

QString dataFile(const char *name)
{
    return QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/") + QLatin1String(name);
}

/// The days tests/data/holidays.ics excludes, from its events as written there (not read with libical).
QSet<QDate> holidaysIcsDays()
{
    QSet<QDate> days;
    for (int year = 2026; year <= 2100; ++year)
        days << QDate(year, 12, 25); // Christmas, yearly
    for (int week = 0; week < 5; ++week) {
        if (week != 2) // EXDATE 2027-01-20
            days << QDate(2027, 1, 6).addDays(7 * week); // five Wednesdays (COUNT=5)
    }
    for (int month = 2; month <= 6; ++month) { // the first Friday of February to June (UNTIL=20270605)
        QDate first(2027, month, 1);
        while (first.dayOfWeek() != Qt::Friday)
            first = first.addDays(1);
        if (first <= QDate(2027, 6, 5))
            days << first;
    }
    days << QDate(2027, 4, 12) << QDate(2027, 4, 13) << QDate(2027, 4, 14); // DTEND 04-15 is exclusive
    days << QDate(2027, 5, 1);                                               // no DTEND: one day
    for (QDate d(2027, 8, 7); d <= QDate(2027, 8, 22); d = d.addDays(1)) {
        if (d.dayOfWeek() >= Qt::Saturday)
            days << d; // weekly on SA,SU until 08-22
    }
    return days;
}

QSet<QDate> daysOf(const ExclusionCalendar &calendar, const QDate &from, const QDate &to)
{
    QSet<QDate> days;
    for (QDate d = from; d <= to; d = d.addDays(1)) {
        if (calendar.excludesDay(day(d)))
            days << d;
    }
    return days;
}

ExclusionCalendar holidays()
{
    auto read = readIcsFile(dataFile("holidays.ics"));
    if (!read)
        qFatal("holidays.ics: %s", qPrintable(read.error().message));
    ExclusionCalendar calendar;
    calendar.name = QStringLiteral("holidays");
    addIcsDays(calendar, read.value());
    return calendar;
}

ExclusionCalendar weekends()
{
    ExclusionCalendar calendar;
    calendar.name = QStringLiteral("weekends");
    calendar.weekdays = ExclusionCalendar::parseWeekdays(QStringLiteral("sat,sun")).value();
    return calendar;
}

std::int64_t berlin(const QDate &date, int hour)
{
    return QDateTime(date, QTime(hour, 0), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch();
}

const QDate walkFrom(2026, 12, 1);
const QDate walkTo(2027, 11, 30);

/// The brute-force answer: each day of the walk at 09:00 Berlin, excluded or run.
void expectedWalk(QSet<std::int64_t> &ran, QSet<std::int64_t> &excluded)
{
    const QSet<QDate> holidayDays = holidaysIcsDays();
    for (QDate d = walkFrom; d <= walkTo; d = d.addDays(1)) {
        const bool off = holidayDays.contains(d) || d.dayOfWeek() >= Qt::Saturday;
        (off ? excluded : ran) << berlin(d, 9);
    }
}

Job dailyAtNine()
{
    JobOptions options;
    options.exclude = {QStringLiteral("holidays"), QStringLiteral("weekends")};
    options.overlap = OverlapPolicy::Allow;
    // The walk does not wait for each run to begin on its thread; the clock may be a day on by then.
    options.misfireGraceMs.reset();
    return JobBuilder("daily").cron("0 9 * * *", "Europe/Berlin").function("ok").options(options);
}

} // namespace

class TestExclusionCalendar : public QObject
{
    Q_OBJECT

private slots:
    void parsesDaysRangesAndWeekdays();
    void refusesBadInput_data();
    void refusesBadInput();
    void roundTripsThroughJson();
    void readsIcsAllDayEvents();
    void refusesBadIcs_data();
    void refusesBadIcs();
    void judgesDaysInTheJobsZone();
    void allExcludedHasNoNextRun();
    void plannerWalksAYear();
    void plannerAfterDowntimeRecordsEachOnce();
    void schedulerWalksAYear();
    void explainsExcludedTimes();
};

void TestExclusionCalendar::parsesDaysRangesAndWeekdays()
{
    QCOMPARE(ExclusionCalendar::parseDay("2026-12-25").value(), day(QDate(2026, 12, 25)));
    QCOMPARE(ExclusionCalendar::dayText(day(QDate(2026, 12, 25))), QString("2026-12-25"));
    QCOMPARE(ExclusionCalendar::dayText(day(QDate(1, 1, 1))), QString("0001-01-01"));
    const DayRange range = ExclusionCalendar::parseRange("2026-12-24..2026-12-31").value();
    QCOMPARE(range.first, day(QDate(2026, 12, 24)));
    QCOMPARE(range.last, day(QDate(2026, 12, 31)));
    QCOMPARE(ExclusionCalendar::parseWeekdays("Sat,sun").value(), (1 << 6) | 1);
    QCOMPARE(ExclusionCalendar::parseWeekdays("7").value(), 1); // 7 is Sunday, as in cron
    QCOMPARE(ExclusionCalendar::weekdayNames((1 << 6) | 1 | (1 << 3)), QStringList({"sun", "wed", "sat"}));

    ExclusionCalendar calendar;
    calendar.addDate(day(QDate(2027, 1, 1)));
    calendar.addDate(day(QDate(2026, 12, 25)));
    calendar.addDate(day(QDate(2027, 1, 1))); // twice: once
    calendar.addRange(range);
    calendar.addRange({day(QDate(2027, 3, 3)), day(QDate(2027, 3, 3))}); // one day: a date
    calendar.weekdays = 1 << 3;                                           // Wednesdays
    QCOMPARE(calendar.dates.size(), 3);
    QCOMPARE(calendar.ranges.size(), 1);
    QVERIFY(calendar.excludesDay(day(QDate(2026, 12, 24))));
    QVERIFY(calendar.excludesDay(day(QDate(2026, 12, 31))));
    QVERIFY(!calendar.excludesDay(day(QDate(2026, 12, 22))));
    QVERIFY(calendar.excludesDay(day(QDate(2027, 1, 6)))); // a Wednesday
    QVERIFY(!calendar.excludesDay(day(QDate(2027, 1, 7))));
    QVERIFY(calendar.removeDate(day(QDate(2027, 1, 1))));
    QVERIFY(!calendar.excludesDay(day(QDate(2027, 1, 1))));
    QVERIFY(calendar.removeRange(range));
    QVERIFY(!calendar.excludesDay(day(QDate(2026, 12, 27))));
}

void TestExclusionCalendar::refusesBadInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("no date") << "day" << "2026-13-01" << "\"2026-13-01\" is not a date (YYYY-MM-DD, years 1 to 9999)";
    QTest::newRow("30 February") << "day" << "2027-02-30" << "\"2027-02-30\" is not a date (YYYY-MM-DD, years 1 to 9999)";
    QTest::newRow("year 0") << "day" << "0000-01-01" << "\"0000-01-01\" is not a date (YYYY-MM-DD, years 1 to 9999)";
    QTest::newRow("words") << "day" << "tomorrow" << "\"tomorrow\" is not a date (YYYY-MM-DD, years 1 to 9999)";
    QTest::newRow("backwards") << "range" << "2026-12-31..2026-12-24" << "the range \"2026-12-31..2026-12-24\" ends before it begins";
    QTest::newRow("one end") << "range" << "2026-12-31" << "\"2026-12-31\" is not a range of dates (FIRST..LAST)";
    QTest::newRow("weekday") << "weekdays" << "sat,sunday" << "\"sunday\" is not a weekday (sun, mon, tue, wed, thu, fri, sat or 0-7)";
    QTest::newRow("weekday 8") << "weekdays" << "8" << "\"8\" is not a weekday (sun, mon, tue, wed, thu, fri, sat or 0-7)";
    QTest::newRow("blank name") << "name" << " " << "a calendar name must not be blank";
    QTest::newRow("control") << "name" << "a\tb" << "the calendar name \"a\tb\" has a control character";
}

void TestExclusionCalendar::refusesBadInput()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(QString, error);
    Error got;
    if (kind == "day")
        got = ExclusionCalendar::parseDay(text).error();
    else if (kind == "range")
        got = ExclusionCalendar::parseRange(text).error();
    else if (kind == "weekdays")
        got = ExclusionCalendar::parseWeekdays(text).error();
    else
        got = validateCalendarName(text).error();
    QCOMPARE(got.code, ErrorCode::InvalidInput);
    QCOMPARE(got.message, error);
}

void TestExclusionCalendar::roundTripsThroughJson()
{
    ExclusionCalendar calendar = holidays();
    calendar.weekdays = weekends().weekdays;
    calendar.addRange(ExclusionCalendar::parseRange("2030-07-01..2030-07-14").value());
    const QJsonObject json = calendar.toJson();
    const auto back = ExclusionCalendar::fromJson("holidays", json);
    QVERIFY_OK(back);
    QCOMPARE(back.value(), calendar);
    QCOMPARE(json.value("weekdays").toArray(), QJsonArray({"sun", "sat"}));

    QJsonObject bad = json;
    bad.insert("dates", QJsonArray{"2026-02-30"});
    QCOMPARE(ExclusionCalendar::fromJson("h", bad).error().message,
             QString("calendar \"h\": \"2026-02-30\" is not a date (YYYY-MM-DD, years 1 to 9999)"));
}

void TestExclusionCalendar::readsIcsAllDayEvents()
{
    const auto read = readIcsFile(dataFile("holidays.ics"));
    QVERIFY_OK(read);
    QCOMPARE(read->events, 6);
    QCOMPARE(read->timedIgnored, 1); // the board meeting has a time of day
    QCOMPARE(read->ranges.size(), 1); // Easter break: three days
    const ExclusionCalendar calendar = holidays();
    QCOMPARE(daysOf(calendar, QDate(2026, 1, 1), QDate(2101, 12, 31)), holidaysIcsDays());
    QVERIFY(!calendar.excludesDay(day(QDate(2101, 12, 25)))); // expanded through 2100 only
    QVERIFY(!calendar.excludesDay(day(QDate(2027, 3, 10))));  // the timed event's day
}

void TestExclusionCalendar::refusesBadIcs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("not ics") << QByteArray("hello\n") << "x.ics: not an iCalendar file (no BEGIN:VCALENDAR)";
    QTest::newRow("no events") << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
                               << "x.ics: no events (VEVENT) in it";
    QTest::newRow("no start") << QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Nothing\r\nEND:VEVENT\r\n"
                                            "END:VCALENDAR\r\n")
                              << "x.ics: event \"Nothing\" has no DTSTART";
}

void TestExclusionCalendar::refusesBadIcs()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const auto read = readIcsDays(text, "x.ics");
    QVERIFY(!read);
    QCOMPARE(read.error().message, error);

    const auto missing = readIcsFile("/nonexistent/holidays.ics");
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.startsWith("cannot read /nonexistent/holidays.ics: "),
             qPrintable(missing.error().message));
    const auto badRule = readIcsFile(dataFile("badrule.ics"));
    QVERIFY(!badRule);
    QVERIFY2(badRule.error().message.startsWith("badrule.ics: event \"Broken rule\": "),
             qPrintable(badRule.error().message));
}

void TestExclusionCalendar::judgesDaysInTheJobsZone()
{
    // 23:30 UTC on 24 December is already the 25th in Berlin: a job in Berlin is excluded, one in UTC is not.
    ExclusionCalendar christmas;
    christmas.name = "christmas";
    christmas.addDate(day(QDate(2026, 12, 25)));
    const ExclusionCalendars calendars({christmas});
    JobOptions options;
    options.exclude = {"christmas", "not stored"};
    const std::int64_t at = QDateTime(QDate(2026, 12, 24), QTime(23, 30), QTimeZone::utc()).toMSecsSinceEpoch();
    const Job inBerlin = JobBuilder("b").cron("30 * * * *", "Europe/Berlin").options(options);
    const Job inUtc = JobBuilder("u").cron("30 * * * *", "UTC").options(options);
    const auto exclusion = calendars.excludes(inBerlin, at);
    QVERIFY(exclusion);
    QCOMPARE(exclusion->calendar, QString("christmas"));
    QCOMPARE(exclusionText(*exclusion), QString("excluded by calendar \"christmas\" (2026-12-25)"));
    QVERIFY(!calendars.excludes(inUtc, at));
    // The next run time jumps the whole day: from 00:30 on the 25th (Berlin) to 00:30 on the 26th.
    const auto next = calendars.firstIncluded(inBerlin, at);
    QCOMPARE(next, std::optional(berlin(QDate(2026, 12, 26), 0) + 30 * 60'000));
}

void TestExclusionCalendar::allExcludedHasNoNextRun()
{
    ExclusionCalendar every;
    every.name = "every";
    every.weekdays = 0x7f;
    ExclusionCalendar saturdays;
    saturdays.name = "saturdays";
    saturdays.weekdays = 1 << 6;
    const ExclusionCalendars calendars({every, saturdays});
    QRandomGenerator random(1);
    const std::int64_t now = berlin(QDate(2026, 12, 1), 0);

    JobOptions options;
    options.exclude = {"every"};
    const Job daily = JobBuilder("d").cron("0 9 * * *", "Europe/Berlin").options(options).createdAt(now);
    bool allExcluded = false;
    QCOMPARE(calendars.firstIncluded(daily, berlin(QDate(2026, 12, 1), 9), &allExcluded), std::nullopt);
    QVERIFY(allExcluded);
    const auto planned = planNewJob(daily, now, random, calendars);
    QVERIFY_OK(planned);
    QCOMPARE(planned.value(), std::nullopt); // added, with no next run (show says why)

    // A job that fires only on Saturdays, with Saturdays excluded: never runs either (a bounded search).
    options.exclude = {"saturdays"};
    const Job saturdayJob = JobBuilder("s").cron("0 9 * * sat", "Europe/Berlin").options(options).createdAt(now);
    Job due = saturdayJob;
    due.nextRunTime = berlin(QDate(2026, 12, 5), 9);
    const DuePlan plan = planDueJob(due, *due.nextRunTime, 0, random, calendars);
    QVERIFY(plan.submit.isEmpty());
    QCOMPARE(plan.nextRunTime, std::nullopt);
    QVERIFY(plan.allExcluded);
    QCOMPARE(plan.excluded.size(), 1); // no next pass comes: recorded now
}

void TestExclusionCalendar::plannerWalksAYear()
{
    const ExclusionCalendars calendars({holidays(), weekends()});
    QRandomGenerator random(7);
    Job job = dailyAtNine();
    job.createdAt = berlin(walkFrom, 0);
    job.nextRunTime = planNewJob(job, job.createdAt, random, calendars).value();
    QSet<std::int64_t> ran;
    QSet<std::int64_t> excluded;
    const std::int64_t end = berlin(walkTo.addDays(10), 0);
    int passes = 0;
    while (job.nextRunTime && *job.nextRunTime < end) {
        const DuePlan plan = planDueJob(job, *job.nextRunTime + 200, 0, random, calendars);
        for (const std::int64_t t : plan.submit) {
            QVERIFY2(!ran.contains(t), "run twice");
            ran << t;
        }
        for (const RunRecord &run : plan.excluded) {
            QVERIFY2(!excluded.contains(run.scheduledTime), "recorded excluded twice");
            QCOMPARE(run.outcome, RunOutcome::Excluded);
            QCOMPARE(run.reason, RunReason::Scheduled);
            QVERIFY(run.error.startsWith("excluded by calendar \""));
            excluded << run.scheduledTime;
        }
        QVERIFY(plan.missed.isEmpty());
        job.nextRunTime = plan.nextRunTime;
        ++passes;
    }
    QSet<std::int64_t> expectedRan;
    QSet<std::int64_t> expectedExcluded;
    expectedWalk(expectedRan, expectedExcluded);
    const std::int64_t last = berlin(walkTo, 23);
    ran.removeIf([&](std::int64_t t) { return t > last; });
    excluded.removeIf([&](std::int64_t t) { return t > last; });
    QCOMPARE(ran, expectedRan);
    QCOMPARE(excluded, expectedExcluded);
    QCOMPARE(passes, static_cast<int>(expectedRan.size()) + 7); // one pass per run: the timer never woke for an excluded day
}

void TestExclusionCalendar::plannerAfterDowntimeRecordsEachOnce()
{
    // The scheduler is down from 23 December to 29 December 10:00: the days between are walked over in one pass.
    const ExclusionCalendars calendars({holidays(), weekends()});
    QRandomGenerator random(3);
    Job job = dailyAtNine();
    job.options.coalesce = CoalescePolicy::All;
    job.options.misfireGraceMs.reset();
    job.createdAt = berlin(QDate(2026, 12, 1), 0);
    job.nextRunTime = berlin(QDate(2026, 12, 23), 9); // a Wednesday
    const DuePlan plan = planDueJob(job, berlin(QDate(2026, 12, 29), 10), 0, random, calendars);
    QCOMPARE(plan.submit, QList<std::int64_t>({berlin(QDate(2026, 12, 23), 9), berlin(QDate(2026, 12, 24), 9),
                                               berlin(QDate(2026, 12, 28), 9), berlin(QDate(2026, 12, 29), 9)}));
    QList<std::int64_t> excluded;
    for (const RunRecord &run : plan.excluded)
        excluded << run.scheduledTime;
    QCOMPARE(excluded, QList<std::int64_t>({berlin(QDate(2026, 12, 25), 9), berlin(QDate(2026, 12, 26), 9),
                                            berlin(QDate(2026, 12, 27), 9)}));
    QCOMPARE(plan.excluded.first().error, QString("excluded by calendar \"holidays\" (2026-12-25)"));
    QCOMPARE(plan.excluded.last().error, QString("excluded by calendar \"weekends\" (2026-12-27)"));
    QCOMPARE(plan.nextRunTime, std::optional(berlin(QDate(2026, 12, 30), 9)));
}

void TestExclusionCalendar::schedulerWalksAYear()
{
    SchedulerHarness harness;
    harness.setUpScheduler(berlin(walkFrom, 0));
    harness.addSucceeding("ok");
    Scheduler &scheduler = harness.scheduler();
    scheduler.setHistoryLimit(1000); // the whole year stays in the history
    QVERIFY_OK(scheduler.putCalendar(holidays(), ConflictPolicy::Fail));
    QVERIFY_OK(scheduler.putCalendar(weekends(), ConflictPolicy::Fail));
    QVERIFY_OK(scheduler.start());
    const Job added = harness.addOrDie(dailyAtNine());
    QCOMPARE(added.nextRunTime, std::optional(berlin(QDate(2026, 12, 1), 9)));
    const std::int64_t end = berlin(walkTo.addDays(10), 0);
    int wakes = 0;
    while (harness.timer().armedAt() && *harness.timer().armedAt() < end) {
        harness.wake(*harness.timer().armedAt() + 200);
        ++wakes;
    }
    QTRY_COMPARE(scheduler.runningCount(), 0);
    QSet<std::int64_t> ran;
    QSet<std::int64_t> excluded;
    for (const RunRecord &run : harness.store().runs("daily", -1).value()) {
        if (run.scheduledTime > berlin(walkTo, 23))
            continue;
        QVERIFY2(run.outcome == RunOutcome::Success || run.outcome == RunOutcome::Excluded,
                 qPrintable(RunRecord::outcomeName(run.outcome)));
        QSet<std::int64_t> &set = run.outcome == RunOutcome::Success ? ran : excluded;
        QVERIFY(!set.contains(run.scheduledTime));
        set << run.scheduledTime;
    }
    QSet<std::int64_t> expectedRan;
    QSet<std::int64_t> expectedExcluded;
    expectedWalk(expectedRan, expectedExcluded);
    QCOMPARE(ran, expectedRan);
    QCOMPARE(excluded, expectedExcluded);
    QCOMPARE(wakes, static_cast<int>(expectedRan.size()) + 7);

    // A calendar changed: the next run time moves past its new day, and clients hear of it (jobModified).
    QSignalSpy modified(&scheduler, &Scheduler::jobModified);
    const std::int64_t next = *scheduler.job("daily")->nextRunTime;
    ExclusionCalendar more = holidays();
    more.addDate(day(QDateTime::fromMSecsSinceEpoch(next, QTimeZone("Europe/Berlin")).date()));
    const auto changed = scheduler.putCalendar(more, ConflictPolicy::Replace);
    QVERIFY_OK(changed);
    QCOMPARE(changed->size(), 1);
    QCOMPARE(modified.size(), 1);
    QVERIFY(*scheduler.job("daily")->nextRunTime > next);
    // A calendar in use is not removed; the refusal names the job.
    const auto refused = scheduler.removeCalendar("holidays");
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QCOMPARE(refused.error().message, QString("calendar \"holidays\" is used by 1 job(s): daily"));
    // A job naming a calendar that is not stored is refused.
    JobOptions unknown;
    unknown.exclude = {"nope"};
    const auto refusedJob = scheduler.addJob(JobBuilder("x").cron("0 9 * * *", "UTC").function("ok").options(unknown));
    QVERIFY(!refusedJob);
    QCOMPARE(refusedJob.error().message, QString("job \"x\": no calendar named \"nope\" (exclude)"));
    harness.tearDownScheduler();
}

void TestExclusionCalendar::explainsExcludedTimes()
{
    const ExclusionCalendars calendars({holidays(), weekends()});
    Job job = dailyAtNine();
    job.createdAt = berlin(walkFrom, 0);
    job.nextRunTime = berlin(QDate(2026, 12, 28), 9);
    const std::int64_t now = berlin(QDate(2026, 12, 20), 12);
    const RunExplanation future = explainRun(job, {}, berlin(QDate(2026, 12, 25), 9), now, 100, calendars);
    QCOMPARE(future.kind, ExplanationKind::Excluded);
    QVERIFY2(future.text.contains("\"holidays\" excludes (2026-12-25)"), qPrintable(future.text));
    RunRecord recorded;
    recorded.id = 5;
    recorded.jobId = "daily";
    recorded.scheduledTime = berlin(QDate(2026, 12, 19), 9);
    recorded.outcome = RunOutcome::Excluded;
    recorded.error = "excluded by calendar \"weekends\" (2026-12-19)";
    const RunExplanation past = explainRun(job, {recorded}, recorded.scheduledTime, now, 100, calendars);
    QCOMPARE(past.kind, ExplanationKind::Excluded);
    QCOMPARE(past.text, QString("The run time 2026-12-19T09:00:00+01:00 did not run (run 5): excluded by calendar "
                                "\"weekends\" (2026-12-19)."));
}

QTEST_GUILESS_MAIN(TestExclusionCalendar)
#include "testexclusioncalendar.moc"
