// Crontab import: a realistic crontab (tests/data/crontab.sample) read into jobs, checked line by line, and their
// next run times checked against CronTrigger and against times worked out by hand from the cron rules.
#include "jobs/crontabimport.h"
#include "time/isotime.h"
#include "triggers/crontrigger.h"

#include <QTest>

using namespace punctual;

namespace {

std::int64_t utc(const char *text)
{
    return parseIso(QString::fromLatin1(text), *ZoneRules::forZone("UTC")).value();
}

const Job *jobNamed(const ImportContents &contents, const QString &name)
{
    for (const Job &job : contents.jobs)
        if (job.name == name)
            return &job;
    return nullptr;
}

QList<std::int64_t> nextTimes(const Trigger &trigger, std::int64_t from, int count)
{
    QList<std::int64_t> times;
    for (std::int64_t at = from; times.size() < count;) {
        const auto next = trigger.nextFireTime(at);
        if (!next)
            break;
        times.append(*next);
        at = *next;
    }
    return times;
}

} // namespace

class TestCrontabImport : public QObject
{
    Q_OBJECT

private:
    const std::int64_t m_now = utc("2026-03-07T12:00:00Z"); // a Saturday, the day before the US DST change
    ImportContents m_sample;

private slots:
    void initTestCase()
    {
        CrontabImport::Options options;
        options.zone = ZoneRules::forZone("UTC");
        options.homeDirectory = QStringLiteral("/home/shop");
        options.nowMs = m_now;
        auto read = CrontabImport::read(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/crontab.sample"), options);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        m_sample = std::move(read).value();
    }

    void takesEveryValidEntry()
    {
        QCOMPARE(m_sample.title, QStringLiteral("crontab.sample"));
        QCOMPARE(m_sample.jobs.size(), 23);
        QCOMPARE(m_sample.origins.size(), 23);
        QCOMPARE(m_sample.origins.first(), QStringLiteral("line 10"));
        QCOMPARE(m_sample.origins.last(), QStringLiteral("line 40"));
    }

    void reportsEachBadLineWithItsNumber()
    {
        QStringList where;
        for (const ImportProblem &problem : std::as_const(m_sample.problems))
            where << problem.where;
        QCOMPARE(where, (QStringList{"line 37", "line 38", "line 41", "line 42", "line 43", "line 44", "line 45",
                                     "line 46"}));
        auto message = [this](int i) { return m_sample.problems.at(i).message; };
        QVERIFY(message(0).contains(QLatin1String("Mars/Olympus_Mons")));
        QVERIFY(message(1).contains(QLatin1String("line 37")));
        QVERIFY(message(2).contains(QLatin1String("\"%\"")));
        // The cron parser's positioned messages.
        QCOMPARE(message(3), QStringLiteral("field \"minute\": 61 is out of range 0-59 (position 1)"));
        QVERIFY2(message(4).startsWith(QLatin1String("field \"hour\": 25 is out of range 0-23")), qPrintable(message(4)));
        QVERIFY2(message(5).startsWith(QLatin1String("field \"day-of-week\"")), qPrintable(message(5)));
        QVERIFY2(message(6).contains(QLatin1String("never fires")), qPrintable(message(6)));
        QVERIFY2(message(7).startsWith(QLatin1String("field \"day-of-week\"")), qPrintable(message(7)));
        QCOMPARE(m_sample.problems.at(3).text(), QStringLiteral("line 42: ") + message(3));
    }

    void rebootImportsAsAtStart()
    {
        const Job *workers = jobNamed(m_sample, QStringLiteral("start-workers"));
        QVERIFY(workers);
        QCOMPARE(workers->trigger->type(), TriggerType::Event);
        QVERIFY(workers->options.events.atStart);
        QVERIFY(!workers->options.events.afterResumeDelayMs);
        QVERIFY(!workers->options.events.networkUp);
        QCOMPARE(workers->state(), JobState::OnEvents);
        QCOMPARE(describeSchedule(*workers), QStringLiteral("At start"));
        QVERIFY(validateJob(*workers));
        // Case does not matter, and a command is still required.
        CrontabImport::Options options;
        const ImportContents upper = CrontabImport::parse(QStringLiteral("@REBOOT /bin/true\n@reboot\n"), options);
        QCOMPARE(upper.jobs.size(), 1);
        QVERIFY(upper.jobs.front().options.events.atStart);
        QCOMPARE(upper.problems.size(), 1);
        QVERIFY2(upper.problems.front().message.contains(QLatin1String("no command")),
                 qPrintable(upper.problems.front().message));
    }

    void notesMailto()
    {
        QCOMPARE(m_sample.notes.size(), 1);
        QCOMPARE(m_sample.notes.front().where, QStringLiteral("line 5"));
        QVERIFY(m_sample.notes.front().message.contains(QLatin1String("MAILTO")));
    }

    void appliesTheEnvironmentLines()
    {
        const Job *health = jobNamed(m_sample, QStringLiteral("healthcheck --quiet"));
        QVERIFY(health);
        const auto &command = std::get<CommandAction>(health->action);
        // SHELL=/bin/bash: the command runs with bash -c, as cron would.
        QCOMPARE(command.program, QStringLiteral("/bin/bash"));
        QCOMPARE(command.arguments, (QStringList{"-c", "/usr/local/bin/healthcheck --quiet"}));
        QCOMPARE(command.workingDirectory, QStringLiteral("/home/shop"));
        QCOMPARE(command.environment.value(QStringLiteral("PATH")), QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
        QCOMPARE(command.environment.value(QStringLiteral("APP_ENV")), QStringLiteral("production"));
        QCOMPARE(command.environment.value(QStringLiteral("GREETING")), QStringLiteral("  hello  "));
        QCOMPARE(command.environment.value(QStringLiteral("SHELL")), QStringLiteral("/bin/bash"));
        QVERIFY(!command.environment.contains(QStringLiteral("MAILTO")));
        QCOMPARE(health->trigger->jitterMs(), 0);

        // \% is a literal %; RANDOM_DELAY=10 is ten minutes of jitter for the entries below it.
        const Job *today = jobNamed(m_sample, QStringLiteral("date +%Y-%m-%d"));
        QVERIFY(today);
        QCOMPARE(std::get<CommandAction>(today->action).arguments.at(1),
                 QStringLiteral("date +%Y-%m-%d > /tmp/shop/today"));
        QCOMPARE(today->trigger->jitterMs(), 600'000);
        QCOMPARE(QString::fromLatin1(today->trigger->zone().id()), QStringLiteral("UTC"));
    }

    void namesAndIds()
    {
        QVERIFY(jobNamed(m_sample, QStringLiteral("delete-expired-tokens")));    // the log redirection is cut
        QVERIFY(jobNamed(m_sample, QStringLiteral("curl -fsS https://shop.example.com/warmup")));
        QVERIFY(jobNamed(m_sample, QStringLiteral("backup.sh --prune --keep 30")));
        QCOMPARE(CrontabImport::nameFromCommand(QStringLiteral("/a/b/c %1").arg(QString(80, QLatin1Char('x')))).size(),
                 48);
        QSet<QString> ids;
        for (const Job &job : std::as_const(m_sample.jobs)) {
            QVERIFY(job.id.startsWith(QLatin1String("cron-")));
            ids.insert(job.id);
        }
        QCOMPARE(ids.size(), m_sample.jobs.size());
        // The same crontab gives the same ids (a second import meets them as conflicts).
        CrontabImport::Options options;
        options.zone = ZoneRules::forZone("UTC");
        const ImportContents again = CrontabImport::parse(
            QStringLiteral("SHELL=/bin/bash\n*/5 * * * * /usr/local/bin/healthcheck --quiet\n"), options);
        QCOMPARE(again.jobs.size(), 1);
        QCOMPARE(again.jobs.front().id, jobNamed(m_sample, QStringLiteral("healthcheck --quiet"))->id);
        // Two identical lines still get two ids.
        const ImportContents twice = CrontabImport::parse(QStringLiteral("@daily true\n@daily true\n"), options);
        QCOMPARE(twice.jobs.size(), 2);
        QCOMPARE(twice.jobs.at(1).id, twice.jobs.at(0).id + QStringLiteral("-2"));
        QVERIFY(std::get<CommandAction>(twice.jobs.at(0).action).useShell); // default SHELL: /bin/sh -c
    }

    void nextRunTimesMatchCronTrigger()
    {
        // Every job's trigger, against a CronTrigger made from the same expression and zone.
        for (const Job &job : std::as_const(m_sample.jobs)) {
            if (job.options.events.atStart)
                continue; // @reboot: no schedule (rebootImportsAsAtStart)
            const auto *cron = dynamic_cast<const CronTrigger *>(job.trigger.get());
            QVERIFY(cron);
            auto reference = CronTrigger::create(cron->expression().text(), job.trigger->zonePtr());
            QVERIFY(reference.ok());
            QCOMPARE(nextTimes(*cron, m_now, 6), nextTimes(*reference.value(), m_now, 6));
            QCOMPARE(nextTimes(*cron, m_now, 6).size(), 6);
        }
    }

    void nextRunTimesWorkedOutByHand_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("expected");
        // From Saturday 2026-03-07 12:00 UTC.
        QTest::newRow("every 5 minutes") << "healthcheck --quiet"
                                         << QStringList{"2026-03-07T12:05:00Z", "2026-03-07T12:10:00Z"};
        QTest::newRow("weekdays 8-18 at :15 and :45")
            << "sync-inventory" << QStringList{"2026-03-09T08:15:00Z", "2026-03-09T08:45:00Z"};
        // Both day fields restricted: the 15th OR a Friday (Vixie rule).
        QTest::newRow("15th or Friday") << "payday-check"
                                        << QStringList{"2026-03-13T12:00:00Z", "2026-03-15T12:00:00Z",
                                                       "2026-03-20T12:00:00Z"};
        QTest::newRow("every second day") << "reindex --partial"
                                          << QStringList{"2026-03-09T04:20:00Z", "2026-03-11T04:20:00Z"};
        QTest::newRow("@monthly") << "invoice-archive" << QStringList{"2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"};
        QTest::newRow("@weekly") << "vacuum-db" << QStringList{"2026-03-08T00:00:00Z", "2026-03-15T00:00:00Z"};
        QTest::newRow("quarterly") << "quarterly-close" << QStringList{"2026-04-01T06:00:00Z", "2026-07-01T06:00:00Z"};
        // CRON_TZ=America/New_York: 02:30 on 8 March 2026 falls in the DST gap: a non-wild entry runs when the
        // gap ends (03:00 EDT = 07:00 UTC); the day after, 02:30 EDT = 06:30 UTC.
        QTest::newRow("New York 02:30 over DST")
            << "us-nightly-settlement" << QStringList{"2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"};
        QTest::newRow("New York weekdays 09:00")
            << "us-morning-digest" << QStringList{"2026-03-09T13:00:00Z", "2026-03-10T13:00:00Z"};
        QTest::newRow("New York winter Saturdays 17:00")
            << "winter-promo" << QStringList{"2026-03-07T22:00:00Z", "2026-03-14T21:00:00Z"};
        QTest::newRow("Berlin 07:00") << "eu-digest" << QStringList{"2026-03-08T06:00:00Z", "2026-03-09T06:00:00Z"};
    }

    void nextRunTimesWorkedOutByHand()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, expected);
        const Job *job = jobNamed(m_sample, name);
        QVERIFY2(job, qPrintable(name));
        QList<std::int64_t> want;
        for (const QString &text : std::as_const(expected))
            want.append(utc(text.toLatin1().constData()));
        QCOMPARE(nextTimes(*job->trigger, m_now, int(want.size())), want);
    }

    void environmentLineForms()
    {
        CrontabImport::Options options;
        options.zone = ZoneRules::forZone("UTC");
        const ImportContents contents = CrontabImport::parse(
            QStringLiteral("  A = spaced value  \n\"B\"=\"x=y\"\nC=\nCRON_TZ=Asia/Tokyo\r\n0 9 * * * env # not a comment\n"
                           "SHELL=\nHOME=/srv\n@HOURLY run-it\n"),
            options);
        QCOMPARE(contents.problems.size(), 0);
        QCOMPARE(contents.jobs.size(), 2);
        const auto &first = std::get<CommandAction>(contents.jobs.at(0).action);
        QCOMPARE(first.program, QStringLiteral("env # not a comment"));
        QCOMPARE(first.environment.value(QStringLiteral("A")), QStringLiteral("spaced value"));
        QCOMPARE(first.environment.value(QStringLiteral("B")), QStringLiteral("x=y"));
        QVERIFY(first.environment.contains(QStringLiteral("C")));
        QCOMPARE(QString::fromLatin1(contents.jobs.at(0).trigger->zone().id()), QStringLiteral("Asia/Tokyo"));
        const auto &second = std::get<CommandAction>(contents.jobs.at(1).action);
        QVERIFY(second.useShell); // SHELL= falls back to /bin/sh
        QCOMPARE(second.workingDirectory, QStringLiteral("/srv"));
    }
};

QTEST_GUILESS_MAIN(TestCrontabImport)
#include "testcrontabimport.moc"
