// JobFilter: search words in name, id, schedule and action (any order, any case), and the state filter.
#include "jobs/jobfilter.h"
#include "triggers/crontrigger.h"
#include "triggers/intervaltrigger.h"

#include <QTest>

using namespace punctual;

namespace {

JobFilter filter(const QString &text, std::optional<JobState> state = {})
{
    return JobFilter{text, state};
}

} // namespace

class TestJobFilter : public QObject
{
    Q_OBJECT

private slots:
    void emptyMatchesAll();
    void words_data();
    void words();
    void state();
    void stateAndWords();
    void cachedDescription();
    void equality();

private:
    static Job backupJob();
};

Job TestJobFilter::backupJob()
{
    Job job;
    job.id = "nightly_backup";
    job.name = "Nightly Backup";
    job.trigger = CronTrigger::create("30 2 * * *", ZoneRules::forZone("UTC")).value();
    job.action = CommandAction{"/usr/local/bin/backup", {"--all", "--to=/mnt/Archive"}, {}, {}, false};
    job.nextRunTime = 1'800'000'000'000;
    return job;
}

void TestJobFilter::emptyMatchesAll()
{
    const Job job = backupJob();
    QVERIFY(JobFilter{}.isEmpty());
    QVERIFY(JobFilter{}.matches(job));
    QVERIFY(filter(" \t ").isEmpty());
    QVERIFY(filter(" \t ").matches(job));
    QVERIFY(!filter({}, JobState::Paused).isEmpty());
}

void TestJobFilter::words_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");

    QTest::newRow("name") << "nightly" << true;
    QTest::newRow("name, other case") << "BACKUP" << true;
    QTest::newRow("id") << "ly_ba" << true;
    QTest::newRow("schedule") << "02:30" << true;
    QTest::newRow("schedule words") << "every day" << true;
    QTest::newRow("action program") << "/usr/local" << true;
    QTest::newRow("action argument, other case") << "archive" << true;
    QTest::newRow("words in any order, from several fields") << "archive 02:30 nightly" << true;
    QTest::newRow("tabs and newlines separate words") << "nightly\tarchive\n" << true;
    QTest::newRow("one word missing") << "nightly restore" << false;
    QTest::newRow("absent") << "cache" << false;
    QTest::newRow("words are not joined across fields") << "backup--all" << false;
}

void TestJobFilter::words()
{
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(filter(text).matches(backupJob()), matches);
}

void TestJobFilter::state()
{
    Job job = backupJob();
    QVERIFY(filter({}, JobState::Scheduled).matches(job));
    QVERIFY(!filter({}, JobState::Paused).matches(job));
    QVERIFY(!filter({}, JobState::Finished).matches(job));

    job.paused = true;
    job.nextRunTime.reset();
    QVERIFY(filter({}, JobState::Paused).matches(job));
    QVERIFY(!filter({}, JobState::Scheduled).matches(job));

    job.paused = false;
    QVERIFY(filter({}, JobState::Finished).matches(job));
}

void TestJobFilter::stateAndWords()
{
    const Job job = backupJob();
    QVERIFY(filter("backup", JobState::Scheduled).matches(job));
    QVERIFY(!filter("backup", JobState::Paused).matches(job));
    QVERIFY(!filter("restore", JobState::Scheduled).matches(job));
}

void TestJobFilter::cachedDescription()
{
    Job job = backupJob();
    job.trigger = std::make_shared<IntervalTrigger>(15 * 60'000, 0);
    const QString text = JobFilter::searchText(job, job.trigger->description());
    QVERIFY(text.contains("nightly backup")); // folded
    QVERIFY(text.contains("every 15 minutes"));
    QVERIFY(text.contains("/mnt/archive"));

    auto matches = [&](const QString &words, const QString &searchText) {
        const JobFilter f = filter(words);
        return f.matchesSearchText(job, searchText, f.foldedWords());
    };
    QCOMPARE(filter("Nightly  ARCHIVE\t15").foldedWords(), QStringList({"nightly", "archive", "15"}));
    QVERIFY(matches("15 minutes", text));
    QVERIFY(matches("ARCHIVE nightly", text));
    QVERIFY(!matches("restore", text));
    QVERIFY(!matches("backup--all", text)); // not across fields
    // The given text is what is searched (a model passes its cached copy).
    QVERIFY(!matches("15 minutes", JobFilter::searchText(job, "At 02:30")));
    QVERIFY(matches("02:30", JobFilter::searchText(job, "At 02:30")));
    // The state still counts.
    const JobFilter paused = filter("nightly", JobState::Paused);
    QVERIFY(!paused.matchesSearchText(job, text, paused.foldedWords()));
    // Same answers as matches() for every case of words().
    for (const char *words : {"nightly", "BACKUP", "ly_ba", "02:30", "every day", "/usr/local", "archive",
                                 "archive 02:30 nightly", "nightly restore", "cache", "backup--all"}) {
        const Job original = backupJob();
        const JobFilter f = filter(words);
        QCOMPARE(f.matchesSearchText(original, JobFilter::searchText(original, original.trigger->description()),
                                     f.foldedWords()),
                 f.matches(original));
    }
}

void TestJobFilter::equality()
{
    QCOMPARE(filter("a", JobState::Paused), filter("a", JobState::Paused));
    QVERIFY(filter("a", JobState::Paused) != filter("a"));
    QVERIFY(filter("a") != filter("b"));
}

QTEST_GUILESS_MAIN(TestJobFilter)
#include "testjobfilter.moc"
