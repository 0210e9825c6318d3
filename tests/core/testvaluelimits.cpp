// Values that cannot be stored and read back are refused where they come in (DESIGN.md section 7, limits that
// round-trip): durations, whole numbers, dates in years 1-9999, ids and names, interval and cron arithmetic.
#include "jobs/crontabimport.h"
#include "jobs/job.h"
#include "scheduler/dueplanner.h"
#include "support/jobbuilder.h"
#include "support/testsupport.h"
#include "time/duration.h"
#include "time/isotime.h"
#include "triggers/calendartrigger.h"
#include "triggers/crontrigger.h"
#include "triggers/intervaltrigger.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z

QJsonObject jobJson(const QByteArray &extra)
{
    const QByteArray text = R"({"id":"j","trigger":{"type":"interval","version":1,"interval_seconds":60,)"
                            R"("start":"2027-01-15T08:00:00Z","timezone":"UTC"},)"
                            R"("action":{"type":"command","program":"/bin/true"})"
        + (extra.isEmpty() ? QByteArray() : "," + extra) + "}";
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class TestValueLimits : public QObject
{
    Q_OBJECT

private slots:
    void refusedOptions_data();
    void refusedOptions();
    void boundaryOptionsRoundTrip();
    void offsetsWithSeconds();
    void jitterStaysInRange();
    void calendarAnchorYears();
    void durationTexts();
    void datesInYears1To9999();
    void ids();
    void names();
    void intervalArithmetic();
    void cronStepNearIntMax();
    void nextRunPastYear9999FinishesTheJob();
    void crontabRandomDelay();
};

void TestValueLimits::refusedOptions_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("message");

    QTest::newRow("timeout 1e300") << QByteArray(R"("timeout":1e300)") << "timeout must be at most 100 years";
    QTest::newRow("timeout 1e-9") << QByteArray(R"("timeout":1e-9)") << "timeout must be at least 1 ms";
    QTest::newRow("timeout 0") << QByteArray(R"("timeout":0)") << "timeout must be a positive number";
    QTest::newRow("max_instances 1.5") << QByteArray(R"("max_instances":1.5)") << "max_instances must be a whole";
    QTest::newRow("max_retries 2.5") << QByteArray(R"("max_retries":2.5)") << "max_retries must be a whole";
    QTest::newRow("misfire_grace_time 1e300") << QByteArray(R"("misfire_grace_time":1e300)")
                                              << "misfire_grace_time must be at most 100 years";
    QTest::newRow("retry_delay 1e300") << QByteArray(R"("retry_delay":1e300)") << "retry_delay must be at most";
    QTest::newRow("retry_delay_max text") << QByteArray(R"("retry_delay_max":"10")")
                                          << "retry_delay_max must be a number of seconds or null";
    QTest::newRow("output_cap_bytes 1e300")
        << QByteArray(R"("action":{"type":"command","program":"/bin/true","output_cap_bytes":1e300})")
        << "output_cap_bytes must be a whole number";
    QTest::newRow("interval 9.223372e15")
        << QByteArray(R"("trigger":{"type":"interval","version":1,"interval_seconds":9.223372e15,)"
                      R"("start":"2027-01-15T08:00:00Z","timezone":"UTC"})")
        << "interval_seconds must be at most 100 years";

    // A value of the wrong JSON type is refused with the key's name, never read as the key's default.
    const QByteArray trigger = R"("trigger":{"type":"interval","interval_seconds":60,"start":"2027-01-15T08:00:00Z",)";
    const QByteArray command = R"("action":{"type":"command","program":"/bin/true",)";
    const QByteArray http = R"("action":{"type":"http","urls":["http://localhost/"],)";
    const QByteArray sql = R"("action":{"type":"sql","statements":["SELECT 1"],"connection":{"database":"x",)";
    QTest::newRow("id 5") << QByteArray(R"("id":5)") << R"("id" must be a string, not 5)";
    QTest::newRow("id null") << QByteArray(R"("id":null)") << R"("id" must be a string, not null)";
    QTest::newRow("name 5") << QByteArray(R"("name":5)") << R"("name" must be a string, not 5)";
    QTest::newRow("paused \"true\"") << QByteArray(R"("paused":"true")") << R"("paused" must be true or false)";
    QTest::newRow("coalesce \"false\"") << QByteArray(R"("coalesce":"false")") << R"("coalesce" must be true or)";
    QTest::newRow("recover 1") << QByteArray(R"("recover":1)") << R"("recover" must be true or false, not 1)";
    QTest::newRow("trigger string") << QByteArray(R"("trigger":"* * * * *")") << R"("trigger" must be an object)";
    QTest::newRow("action null") << QByteArray(R"("action":null)") << R"("action" must be an object)";
    QTest::newRow("timezone 5") << QByteArray(trigger + R"("timezone":5})") << R"("timezone" must be a string)";
    QTest::newRow("version 1.5") << QByteArray(trigger + R"("version":1.5})") << R"("version" must be a whole)";
    QTest::newRow("version \"1\"") << QByteArray(trigger + R"("version":"1"})") << R"("version" must be a number)";
    QTest::newRow("jitter \"5\"") << QByteArray(trigger + R"("jitter":"5"})") << R"("jitter" must be a number)";
    QTest::newRow("jitter 1e300") << QByteArray(trigger + R"("jitter":1e300})") << "jitter must be at most 100 years";
    QTest::newRow("jitter 1e-9") << QByteArray(trigger + R"("jitter":1e-9})") << "jitter must be at least 1 ms";
    QTest::newRow("arguments string") << QByteArray(command + R"("arguments":"--all"})")
                                      << R"("arguments" must be a list of strings)";
    QTest::newRow("arguments [1]") << QByteArray(command + R"("arguments":[1]})") << R"("arguments" must be a list)";
    QTest::newRow("environment {A:1}") << QByteArray(command + R"("environment":{"A":1}})")
                                       << R"("environment" must be an object of strings)";
    QTest::newRow("shell \"true\"") << QByteArray(command + R"("shell":"true"})") << R"("shell" must be true or)";
    QTest::newRow("output_cap_bytes string") << QByteArray(command + R"("output_cap_bytes":"4096"})")
                                             << "output_cap_bytes must be a whole number";
    QTest::newRow("function arguments []") << QByteArray(R"("action":{"type":"function","name":"f","arguments":[]})")
                                           << R"("arguments" must be an object)";
    QTest::newRow("urls string") << QByteArray(R"("action":{"type":"http","urls":"http://localhost/"})")
                                 << R"("urls" must be a list of strings)";
    QTest::newRow("concurrency 1.5") << QByteArray(http + R"("concurrency":1.5})") << "concurrency must be between";
    QTest::newRow("request_timeout string") << QByteArray(http + R"("request_timeout":"30"})")
                                            << R"("request_timeout" must be a number)";
    QTest::newRow("headers {X:5}") << QByteArray(http + R"("headers":{"X":5}})") << R"("headers" must be an object)";
    QTest::newRow("follow_redirects 0") << QByteArray(http + R"("follow_redirects":0})") << R"("follow_redirects")";
    QTest::newRow("port 1.5") << QByteArray(sql + R"("port":1.5}})") << "port 1.5 is out of range";
    QTest::newRow("port 2^32+5432") << QByteArray(sql + R"("port":4294972728}})") << "is out of range";
    QTest::newRow("port string") << QByteArray(sql + R"("port":"5432"}})") << R"("port" must be a number)";
    QTest::newRow("host {}") << QByteArray(sql + R"("host":{}}})") << R"("host" must be a string)";
    QTest::newRow("statements string") << QByteArray(R"("action":{"type":"sql","statements":"SELECT 1",)"
                                                     R"("connection":{"database":"x"}})")
                                       << R"("statements" must be a list of strings)";
}

void TestValueLimits::refusedOptions()
{
    QFETCH(QByteArray, extra);
    QFETCH(QString, message);
    QJsonObject json = jobJson({});
    const QJsonObject overrides = QJsonDocument::fromJson("{" + extra + "}").object();
    QVERIFY(!overrides.isEmpty());
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        json.insert(it.key(), it.value());
    const auto job = Job::fromJson(json, false);
    QVERIFY2(!job, "accepted");
    QCOMPARE(job.error().code, ErrorCode::InvalidInput);
    QVERIFY2(job.error().message.contains(message), qPrintable(job.error().message));
}

void TestValueLimits::boundaryOptionsRoundTrip()
{
    // The extremes that are accepted come back equal from the stored form.
    const auto job = Job::fromJson(jobJson(R"("timeout":0.001,"misfire_grace_time":3155760000,"max_instances":1000,)"
                                           R"("retry_delay":0,"retry_delay_max":null,"max_retries":100)"),
                                   false);
    QVERIFY_OK(job);
    QCOMPARE(job->options.timeoutMs, std::optional<std::int64_t>(1));
    QCOMPARE(job->options.misfireGraceMs, std::optional<std::int64_t>(maxDurationMs));
    const auto again = Job::fromJson(job->toJson(), false);
    QVERIFY_OK(again);
    QCOMPARE(again->options, job->options);
}

void TestValueLimits::offsetsWithSeconds()
{
    // Africa/Monrovia kept local mean time (-00:44:30) until 1972: written as -00:44 it would read back 30 s off.
    const auto monrovia = ZoneRules::forZone("Africa/Monrovia");
    QVERIFY(monrovia);
    const std::int64_t newYear1960 = -315619200000;
    QCOMPARE(formatIso(newYear1960, *monrovia), QStringLiteral("1959-12-31T23:15:30-00:44:30"));
    QCOMPARE(parseIso(QStringLiteral("1959-12-31T23:15:30-00:44:30"), *monrovia).value(), newYear1960);
    QCOMPARE(parseIso(QStringLiteral("1959-12-31T23:15:30-004430"), *monrovia).value(), newYear1960);
    QVERIFY(!parseIso(QStringLiteral("1959-12-31T23:15:30-00:44:60"), *monrovia));
    // The first instant stored, in a zone whose 1900 offset has seconds: the job is read back (it was skipped as
    // unreadable, "0001-01-01T12:37:12-11:22" being before year 1 in UTC).
    QJsonObject json = jobJson({});
    json.insert(QStringLiteral("paused"), true);
    json.insert(QStringLiteral("trigger"), QJsonObject{{QStringLiteral("type"), QStringLiteral("cron")},
                                                       {QStringLiteral("expression"), QStringLiteral("0 0 * * *")},
                                                       {QStringLiteral("timezone"), QStringLiteral("Pacific/Pago_Pago")},
                                                       {QStringLiteral("start"), QStringLiteral("0001-01-02T00:00:00Z")}});
    const auto job = Job::fromJson(json, false);
    QVERIFY_OK(job);
    const auto again = Job::fromJson(job->toJson(), false);
    QVERIFY_OK(again);
    QCOMPARE(again->trigger->toJson(), job->trigger->toJson());
}

void TestValueLimits::jitterStaysInRange()
{
    // A fire time near the end of year 9999 with a long jitter: the next run time is still one that can be stored.
    auto trigger = CronTrigger::create(QStringLiteral("* * * * *"), ZoneRules::forZone("UTC")).value();
    trigger->setJitterMs(maxDurationMs);
    QRandomGenerator random(7);
    for (int i = 0; i < 100; ++i)
        QVERIFY(trigger->applyJitter(maxInstantMs - 1000, random) <= maxInstantMs);
    QCOMPARE(trigger->applyJitter(maxInstantMs, random), maxInstantMs);
    QVERIFY(trigger->applyJitter(T0, random) >= T0); // elsewhere, jitter as before
}

void TestValueLimits::calendarAnchorYears()
{
    // Dates are in the years 1 to 9999: there is no year 0, not even as a calendar trigger's anchor.
    QJsonObject calendar{{QStringLiteral("type"), QStringLiteral("calendar")}, {QStringLiteral("unit"), QStringLiteral("day")},
                         {QStringLiteral("every"), 1},                           {QStringLiteral("anchor"), QStringLiteral("0000-01-01")},
                         {QStringLiteral("time"), QStringLiteral("12:00:00")},   {QStringLiteral("timezone"), QStringLiteral("UTC")}};
    QVERIFY(!Trigger::fromJson(calendar));
    calendar.insert(QStringLiteral("anchor"), QStringLiteral("0001-01-01"));
    QVERIFY_OK(Trigger::fromJson(calendar));
    QVERIFY(!CalendarTrigger::parse(QStringLiteral("every day from 0000-12-31"), ZoneRules::forZone("UTC"), T0));
}

void TestValueLimits::durationTexts()
{
    QCOMPARE(parseDuration(QStringLiteral("100w")).value(), 100 * 7 * 86'400'000LL);
    QVERIFY(!parseDuration(QStringLiteral("3650000d"))); // 10,000 years
    QVERIFY(parseDuration(QStringLiteral("3650000d")).error().message.contains(QLatin1String("100 years")));
    QVERIFY(!parseDuration(QStringLiteral("0.0001s")));
    QVERIFY(parseDuration(QStringLiteral("0.0001s")).error().message.contains(QLatin1String("at least 1 ms")));
    QCOMPARE(parseSecondsMs(QStringLiteral("0.001"), false).value(), 1);
    QVERIFY(!parseSecondsMs(QStringLiteral("1e300"), false));
    QVERIFY(!parseSecondsMs(QStringLiteral("0.0000001"), false));
    QCOMPARE(parseSecondsMs(QStringLiteral("none"), true).value(), -1);
    QCOMPARE(parseSecondsMs(QStringLiteral("0"), true).value(), 0);
}

void TestValueLimits::datesInYears1To9999()
{
    const auto utc = ZoneRules::forZone("UTC");
    QVERIFY_OK(parseIso(QStringLiteral("9999-12-30T12:00:00Z"), *utc));
    QVERIFY_OK(parseIso(QStringLiteral("0001-01-02T00:00:00Z"), *utc));
    // Year 10000 in UTC; year 0 in UTC.
    const auto late = parseIso(QStringLiteral("9999-12-31T23:30:00-05:00"), *utc);
    QVERIFY(!late);
    QVERIFY2(late.error().message.contains(QLatin1String("years 1 and 9999")), qPrintable(late.error().message));
    QVERIFY(!parseIso(QStringLiteral("0000-01-01T00:00:00+01:00"), *utc));
    // Every accepted instant prints in every zone as a year from 1 to 9999.
    for (const char *zone : {"Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"}) {
        const auto rules = ZoneRules::forZone(zone);
        QVERIFY2(rules, zone);
        QVERIFY(formatIso(maxInstantMs, *rules).startsWith(QLatin1String("9999-")));
        QVERIFY(formatIso(minInstantMs, *rules).startsWith(QLatin1String("0001-")));
    }
}

void TestValueLimits::ids()
{
    QVERIFY_OK(validateJobId(QStringLiteral("backup-😀")));            // one character, not "control characters"
    QVERIFY_OK(validateJobId(QString(200, QChar(0x4E2D))));            // 200 CJK characters
    QVERIFY_OK(validateJobId(QString::fromUcs4(U"😀").repeated(200))); // 200 characters, 400 UTF-16 units
    QVERIFY(!validateJobId(QString::fromUcs4(U"😀").repeated(201)));
    QVERIFY(!validateJobId(QStringLiteral("   ")));
    QVERIFY(validateJobId(QStringLiteral(" \t")).error().message.contains(QLatin1String("control")));
    QVERIFY(validateJobId(QStringLiteral("  ")).error().message.contains(QLatin1String("blank")));
    QVERIFY(!validateJobId(QStringLiteral("a\nb")));
    QVERIFY(!validateJobId(QStringLiteral("a\u2028b"))); // Qt calls line and paragraph separators printable
    QVERIFY(!validateJobId(QStringLiteral("a\u2029b")));
}

void TestValueLimits::names()
{
    QVERIFY_OK(validateJobName(QStringLiteral("Nightly backup — 02:30 😀")));
    QVERIFY(!validateJobName(QStringLiteral("ok\nj2  2027-01-01  forged row")));
    QVERIFY(!validateJobName(QStringLiteral("carriage\rreturn")));
    QVERIFY(!validateJobName(QString(QChar(0x2028))));
    // SQLite drops a leading U+FEFF of a text bound as UTF-16, and stores an unpaired surrogate merged with the next
    // character: neither name would come back as given.
    QVERIFY(!validateJobName(QStringLiteral("\uFEFFname")));
    QVERIFY_OK(validateJobName(QStringLiteral("na\uFEFFme")));
    QVERIFY(!validateJobName(QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b")));
    QVERIFY(!validateJobName(QString(QChar(0xDC00))));
    QJsonObject json = jobJson({});
    json.insert(QStringLiteral("name"), QStringLiteral("two\nlines"));
    const auto job = Job::fromJson(json, false);
    QVERIFY(!job);
    QVERIFY2(job.error().message.contains(QLatin1String("one line")), qPrintable(job.error().message));
    // The store's check refuses it too, whatever door it came through.
    Job built = JobBuilder(QStringLiteral("n")).interval(60'000, T0, "UTC").command(QStringLiteral("/bin/true"));
    built.name = QStringLiteral("a\nb");
    QVERIFY(!validateJob(built));
}

void TestValueLimits::intervalArithmetic()
{
    // The longest interval near the end of the range: no overflow, no fire time past year 9999.
    const IntervalTrigger longest(maxDurationMs, maxInstantMs - maxDurationMs / 2);
    QCOMPARE(longest.nextFireTime(maxInstantMs - maxDurationMs), std::optional<std::int64_t>(maxInstantMs - maxDurationMs / 2));
    QVERIFY(!longest.nextFireTime(maxInstantMs - maxDurationMs / 2));
    const IntervalTrigger everySecond(1000, minInstantMs);
    QCOMPARE(everySecond.nextFireTime(T0), std::optional<std::int64_t>(T0 + 1000));
}

void TestValueLimits::cronStepNearIntMax()
{
    // "59/2147483647": second 59 only, not every second after a wrap-around.
    const auto trigger = CronTrigger::create(QStringLiteral("59/2147483647 * * * * *"), ZoneRules::forZone("UTC"));
    QVERIFY2(trigger.ok(), "refused");
    const std::int64_t next = *trigger.value()->nextFireTime(T0);
    QCOMPARE(next, T0 + 59'000);
    QCOMPARE(*trigger.value()->nextFireTime(next), T0 + 119'000);
}

void TestValueLimits::nextRunPastYear9999FinishesTheJob()
{
    // A yearly interval whose next fire would be in year 10000: the job is finished, not stored with it.
    const std::int64_t lastRun = maxInstantMs - 1000;
    Job job = JobBuilder(QStringLiteral("y")).interval(maxDurationMs / 100, lastRun, "UTC").command(QStringLiteral("/bin/true"));
    job.nextRunTime = lastRun;
    QRandomGenerator random(1);
    const DuePlan plan = planDueJob(job, lastRun, 0, random);
    QCOMPARE(plan.submit, QList<std::int64_t>{lastRun});
    QVERIFY(!plan.nextRunTime);
    QVERIFY(!planNewJob(job, lastRun + 10, random)); // never fires after now
}

void TestValueLimits::crontabRandomDelay()
{
    CrontabImport::Options options;
    options.zone = ZoneRules::forZone("UTC");
    const ImportContents big = CrontabImport::parse(QStringLiteral("RANDOM_DELAY=35791394\n* * * * * /bin/true\n"),
                                                    options);
    QCOMPARE(big.problems.size(), qsizetype(1));
    QVERIFY2(big.problems.first().message.contains(QLatin1String("0 to 1440")), qPrintable(big.problems.first().text()));
    const ImportContents day = CrontabImport::parse(QStringLiteral("RANDOM_DELAY=1440\n* * * * * /bin/true\n"), options);
    QVERIFY(day.problems.isEmpty());
    QCOMPARE(day.jobs.first().trigger->jitterMs(), 1440LL * 60'000);
}

QTEST_GUILESS_MAIN(TestValueLimits)
#include "testvaluelimits.moc"
