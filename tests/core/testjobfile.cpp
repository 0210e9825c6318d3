// Job files: export/import round trip of every action and trigger kind, entries reported by index, all-or-none
// import through the Scheduler (SQLite store), conflicts, replace and skip.
#include "jobs/jobfile.h"
#include "store/sqljobstore.h"
#include "support/jobbuilder.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"
#include "time/isotime.h"
#include "triggers/calendartrigger.h"
#include "triggers/crontrigger.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

const std::int64_t T0 = 1'788'000'000'000; // 2026-08-29

Job makeJob(const QString &id, std::shared_ptr<const Trigger> trigger, Action action)
{
    return JobBuilder(id).name(QStringLiteral("Job ") + id).trigger(std::move(trigger)).action(std::move(action));
}

QList<Job> everyKind()
{
    const auto berlin = ZoneRules::forZone("Europe/Berlin");
    QList<Job> jobs;

    CommandAction command;
    command.program = QStringLiteral("/usr/bin/backup");
    command.arguments = {QStringLiteral("--all"), QStringLiteral("two words")};
    command.workingDirectory = QStringLiteral("/srv");
    command.environment = {{QStringLiteral("MODE"), QStringLiteral("full")}};
    command.outputCapBytes = 4096;
    auto cron = CronTrigger::create(QStringLiteral("30 2 * * 1-5"), berlin).value();
    cron->setJitterMs(5000);
    Job first = makeJob(QStringLiteral("cron-command"), std::move(cron), command);
    first.options.maxInstances = 3;
    first.options.coalesce = CoalescePolicy::All;
    first.options.misfireGraceMs.reset();
    first.options.timeoutMs = 90'000;
    first.options.maxRetries = 2;
    first.options.retryDelayMs = 15'000;
    jobs << first;

    CommandAction shell;
    shell.program = QStringLiteral("echo $HOME | tee /tmp/x");
    shell.useShell = true;
    jobs << makeJob(QStringLiteral("interval-shell"),
                    std::make_shared<IntervalTrigger>(3'600'000, T0 + 60'000, T0 + 86'400'000), shell);

    FunctionAction function{QStringLiteral("cleanup"), QJsonObject{{QStringLiteral("days"), 30}}};
    Job date = makeJob(QStringLiteral("date-function"), std::make_shared<DateTrigger>(T0 + 3'600'000), function);
    date.options.removeWhenDone = true;
    jobs << date;

    SqlAction sql;
    sql.connection.name = QStringLiteral("shop");
    sql.connection.driver = QStringLiteral("QPSQL");
    sql.connection.host = QStringLiteral("db.example.com");
    sql.connection.port = 5432;
    sql.connection.database = QStringLiteral("shop");
    sql.connection.user = QStringLiteral("cleaner");
    sql.connection.passwordSource = PasswordSource::Environment;
    sql.connection.passwordVariable = QStringLiteral("SHOP_DB_PASSWORD");
    sql.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now")};
    sql.statementTimeoutMs = 20'000;
    jobs << makeJob(QStringLiteral("calendar-sql"),
                    CalendarTrigger::parse(QStringLiteral("every 2 weeks at 09:30 from 2026-09-01"), berlin, T0).value(),
                    sql);

    HttpAction http;
    http.urls = {QStringLiteral("https://shop.example.com/"), QStringLiteral("https://shop.example.com/top")};
    http.method = QStringLiteral("HEAD");
    http.headers = {{QStringLiteral("X-Warmup"), QStringLiteral("1")}};
    http.concurrency = 2;
    http.requestTimeoutMs = 5000;
    Job paused = makeJob(QStringLiteral("cron-http"), CronTrigger::create(QStringLiteral("55 * * * *")).value(), http);
    paused.paused = true;
    jobs << paused;
    return jobs;
}

} // namespace

class TestJobFile : public QObject, public SchedulerHarness
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_storeNumber = 0;

    QSet<QString> storedIds() const
    {
        QSet<QString> ids;
        for (const Job &job : m_scheduler->jobs().value())
            ids.insert(job.id);
        return ids;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        tearDownScheduler();
        auto store = SqlJobStore::openSqlite(m_dir.filePath(QStringLiteral("jobs%1.db").arg(++m_storeNumber)),
                                             SqlJobStore::OpenMode::ExplicitPath);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        setUpScheduler(T0, std::move(store).value());
    }

    void cleanup()
    {
        tearDownScheduler();
    }

    void intervalWithoutStartRunsFromNow()
    {
        // Written by hand, without "start": the first run is one interval after now (add --every's rule).
        const QByteArray text = R"([{"id":"hand","trigger":{"type":"interval","interval_seconds":600},)"
                                R"("action":{"type":"command","program":"/bin/true"}}])";
        auto read = JobFile::parse(text, T0 + 250);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
        QCOMPARE(read->problems.size(), qsizetype(0));
        QCOMPARE(read->jobs.size(), qsizetype(1));
        const Job &job = read->jobs.first();
        QCOMPARE(job.trigger->nextFireTime(T0 + 250), std::optional<std::int64_t>(T0 + 601'000));
        // A bad interval still says what is wrong with it.
        const QByteArray bad = R"([{"id":"bad","trigger":{"type":"interval","interval_seconds":-5},)"
                               R"("action":{"type":"command","program":"/bin/true"}}])";
        auto refused = JobFile::parse(bad, T0);
        QVERIFY(refused.ok());
        QCOMPARE(refused->problems.size(), qsizetype(1));
        QVERIFY2(refused->problems.first().message.contains(QLatin1String("interval_seconds")),
                 qPrintable(refused->problems.first().text()));
    }

    void roundTripOfEveryKind()
    {
        const QList<Job> jobs = everyKind();
        auto added = m_scheduler->addJobs(jobs);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        const QString path = m_dir.filePath(QStringLiteral("export.json"));
        QVERIFY(JobFile::write(path, m_scheduler->jobs().value()).ok());

        // The file is a JSON array of the job JSON, next run times included (informational).
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        QVERIFY(document.isArray());
        QCOMPARE(document.array().size(), jobs.size());
        QVERIFY(document.array().at(0).toObject().contains(QStringLiteral("next_run_time")));

        auto read = JobFile::read(path, T0);
        QVERIFY(read.ok());
        QCOMPARE(read->problems.size(), 0);
        QCOMPARE(read->jobs.size(), jobs.size());
        for (const Job &original : jobs) {
            const auto found = std::find_if(read->jobs.cbegin(), read->jobs.cend(),
                                            [&](const Job &job) { return job.id == original.id; });
            QVERIFY2(found != read->jobs.cend(), qPrintable(original.id));
            QCOMPARE(found->name, original.name);
            QVERIFY2(found->action == original.action, qPrintable(original.id));
            QVERIFY(found->options == original.options);
            QCOMPARE(found->paused, original.paused);
            QCOMPARE(found->trigger->toJson(), original.trigger->toJson());
            QVERIFY(!found->nextRunTime); // recomputed by the scheduler, never taken from the file
        }

        // Into a fresh store: the same jobs, next run times computed from now.
        init();
        auto imported = m_scheduler->addJobs(read->jobs);
        QVERIFY(imported.ok());
        const QList<Job> stored = m_scheduler->jobs().value();
        QCOMPARE(stored.size(), jobs.size());
        for (const Job &job : stored) {
            if (job.paused) {
                QVERIFY(!job.nextRunTime);
                continue;
            }
            const auto fire = job.trigger->nextFireTime(T0);
            QVERIFY(fire && job.nextRunTime);
            QVERIFY(*job.nextRunTime >= *fire && *job.nextRunTime <= *fire + job.trigger->jitterMs());
        }
    }

    void titleAndJobsObject()
    {
        const QByteArray text = R"({"title": "Shop examples", "jobs": [
            {"name": "Warm", "trigger": {"type": "cron", "version": 1, "expression": "55 * * * *", "timezone": "UTC"},
             "action": {"type": "http", "urls": ["https://example.com/"]}}]})";
        auto read = JobFile::parse(text, T0);
        QVERIFY(read.ok());
        QCOMPARE(read->title, QStringLiteral("Shop examples"));
        QCOMPARE(read->jobs.size(), 1);
        QCOMPARE(read->jobs.front().id.size(), 32); // generated
        // An array is titled by its first job's name.
        auto array = JobFile::parse(JobFile::toJson(everyKind()), T0);
        QVERIFY(array.ok());
        QCOMPARE(array->title, QStringLiteral("Job cron-command"));
    }

    void invalidEntriesAreReportedByIndex()
    {
        QJsonArray array;
        for (const Job &job : everyKind())
            array.append(job.toJson());
        QJsonObject badAction = array.at(1).toObject();
        badAction.insert(QStringLiteral("id"), QStringLiteral("bad-action"));
        badAction.insert(QStringLiteral("action"), QJsonObject{{QStringLiteral("type"), QStringLiteral("teleport")}});
        array.append(badAction);                                   // jobs[5]
        array.append(QStringLiteral("not a job"));                  // jobs[6]
        array.append(array.at(0));                                  // jobs[7]: id of jobs[0] again
        QJsonObject badCron = array.at(0).toObject();
        badCron.insert(QStringLiteral("id"), QStringLiteral("bad-cron"));
        QJsonObject trigger = badCron.value(QStringLiteral("trigger")).toObject();
        trigger.insert(QStringLiteral("expression"), QStringLiteral("61 * * * *"));
        badCron.insert(QStringLiteral("trigger"), trigger);
        array.append(badCron);                                      // jobs[8]
        QJsonObject past = array.at(2).toObject();                   // a date an hour before now
        past.insert(QStringLiteral("id"), QStringLiteral("past"));
        past.insert(QStringLiteral("trigger"), DateTrigger(T0 - 3'600'000).toJson());
        array.append(past);                                         // jobs[9]

        auto read = JobFile::parse(QJsonDocument(array).toJson(), T0);
        QVERIFY(read.ok());
        QCOMPARE(read->jobs.size(), 5);
        QStringList where;
        for (const ImportProblem &problem : std::as_const(read->problems))
            where << problem.where;
        QCOMPARE(where, (QStringList{"jobs[5]", "jobs[6]", "jobs[7]", "jobs[8]", "jobs[9]"}));
        QVERIFY(read->problems.at(0).message.contains(QLatin1String("teleport")));
        QVERIFY(read->problems.at(2).message.contains(QLatin1String("jobs[0]")));
        QVERIFY2(read->problems.at(3).message.contains(QLatin1String("\"minute\": 61")),
                 qPrintable(read->problems.at(3).message));
        QVERIFY2(read->problems.at(4).message.contains(QLatin1String("has already passed")),
                 qPrintable(read->problems.at(4).message));

        // Not a job file at all: one error with where.
        auto broken = JobFile::parse("[{\"id\": \"x\",\n \"name\" 1}]", T0);
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().code, ErrorCode::InvalidInput);
        QVERIFY2(broken.error().message.contains(QLatin1String("line 2")), qPrintable(broken.error().message));
        QVERIFY(!JobFile::parse("{\"id\": 1}", T0).ok());
        QCOMPARE(JobFile::read(m_dir.filePath(QStringLiteral("missing.json")), T0).error().code, ErrorCode::Io);
    }

    void unknownKeysAreRefused()
    {
        // A misspelt key would be dropped without a word: the entry is refused and the key named, at any depth.
        const QJsonObject good = everyKind().at(3).toJson(); // an sql job: all four levels of keys
        const auto withKey = [&good](const QStringList &path) {
            QJsonObject job = good;
            if (path.size() == 1) {
                job.insert(path.front(), 1);
                return job;
            }
            QJsonObject action = job.value(path.at(0)).toObject();
            if (path.size() == 2) {
                action.insert(path.at(1), 1);
            } else {
                QJsonObject connection = action.value(path.at(1)).toObject();
                connection.insert(path.at(2), 1);
                action.insert(path.at(1), connection);
            }
            job.insert(path.at(0), action);
            return job;
        };
        const QList<QStringList> unknown{{"max_instance"}, {""}, {"jitter"}, {"trigger", "jiter"},
                                         {"action", "cwd"}, {"action", "connection", "port_number"}};
        QJsonArray array{good};
        for (const QStringList &path : unknown)
            array.append(withKey(path));
        // What export writes for people is not read, and is no unknown key.
        QJsonObject informational = good;
        informational.insert(QStringLiteral("id"), QStringLiteral("informational"));
        informational.insert(QStringLiteral("state"), QStringLiteral("bogus"));
        informational.insert(QStringLiteral("next_run_time"), 5);
        array.append(informational);

        auto read = JobFile::parse(QJsonDocument(array).toJson(), T0);
        QVERIFY(read.ok());
        QCOMPARE(read->jobs.size(), qsizetype(2));
        QCOMPARE(read->problems.size(), unknown.size());
        for (qsizetype i = 0; i < unknown.size(); ++i) {
            const ImportProblem &problem = read->problems.at(i);
            QCOMPARE(problem.where, QStringLiteral("jobs[%1]").arg(i + 1));
            const QString key = QStringLiteral("unknown key \"%1\"").arg(unknown.at(i).join(QLatin1Char('.')));
            QVERIFY2(problem.message.contains(key), qPrintable(problem.text()));
        }
    }

    void problemsAreOneLine()
    {
        // A value quoted in a message (here a zone with a line break) cannot split the message into two lines.
        const QByteArray text = R"([{"id":"z","trigger":{"type":"cron","expression":"0 0 * * *","timezone":"Mars\nBase"},)"
                                R"("action":{"type":"command","program":"/bin/true"}}])";
        auto read = JobFile::parse(text, T0);
        QVERIFY(read.ok());
        QCOMPARE(read->problems.size(), qsizetype(1));
        const QString message = read->problems.first().message;
        QVERIFY2(!message.contains(QLatin1Char('\n')) && message.contains(QLatin1String("Mars\\nBase")),
                 qPrintable(message));
    }

    void firstRunPastYear9999IsAProblemOfTheFile()
    {
        // The next 1 January after June 9999 is in year 10000: the file is refused there, not the add after it.
        const QByteArray text = R"([{"id":"y","trigger":{"type":"cron","expression":"0 0 1 1 *","timezone":"UTC",)"
                                R"("start":"9999-06-01T00:00:00Z"},"action":{"type":"command","program":"/bin/true"}},)"
                                R"({"id":"p","paused":true,"trigger":{"type":"cron","expression":"0 0 1 1 *",)"
                                R"("timezone":"UTC","start":"9999-06-01T00:00:00Z"},)"
                                R"("action":{"type":"command","program":"/bin/true"}}])";
        auto read = JobFile::parse(text, T0);
        QVERIFY(read.ok());
        QCOMPARE(read->problems.size(), qsizetype(1));
        QVERIFY2(read->problems.first().message.contains(QLatin1String("never fires after now")),
                 qPrintable(read->problems.first().text()));
        QCOMPARE(read->jobs.size(), qsizetype(1)); // paused: kept, it has no next run time to store
        QVERIFY_OK(m_scheduler->addJobs(read->jobs));
    }

    void byteOrderMarksAreKept()
    {
        // Qt's JSON reader drops a U+FEFF that begins a string; a program "\uFEFF/bin/p" is not "/bin/p".
        const QByteArray text = "[{\"id\":\"bom\",\"trigger\":{\"type\":\"cron\",\"expression\":\"0 0 * * *\"},"
                                "\"action\":{\"type\":\"command\",\"program\":\"\xEF\xBB\xBF/bin/p\","
                                "\"arguments\":[\"\xEF\xBB\xBF\"]}}]";
        auto read = JobFile::parse(text, T0);
        QVERIFY(read.ok());
        QCOMPARE(read->jobs.size(), qsizetype(1));
        const auto &command = std::get<CommandAction>(read->jobs.first().action);
        QCOMPARE(command.program, QStringLiteral("\uFEFF/bin/p"));
        QCOMPARE(command.arguments, QStringList{QStringLiteral("\uFEFF")});
        // Through the store (its rows hold JSON texts) and the export.
        QVERIFY_OK(m_scheduler->addJobs(read->jobs));
        const QList<Job> stored = m_scheduler->jobs().value();
        QCOMPARE(stored.size(), qsizetype(1));
        QVERIFY(stored.first().action == read->jobs.first().action);
        auto again = JobFile::parse(JobFile::toJson(stored), T0);
        QVERIFY(again.ok() && again->jobs.size() == 1);
        QVERIFY(again->jobs.first().action == read->jobs.first().action);
        // A raw one at the very start of the file is a byte order mark, as before.
        QVERIFY(JobFile::parse("\xEF\xBB\xBF" + JobFile::toJson(stored), T0).ok());
    }

    void largeFilesAreReadAsSmallOnes()
    {
        // A large array is split and read on several threads: the jobs and problems must be those the one-thread
        // reading gives, which reads the same entries wrapped in {"jobs": [...]}.
        const QList<Job> kinds = everyKind();
        QJsonArray array;
        for (int i = 0; i < 3000; ++i) {
            QJsonObject json = kinds.at(i % kinds.size()).toJson();
            json.insert(QStringLiteral("id"), QStringLiteral("job-%1").arg(i));
            array.append(json);
        }
        // Quotes, backslashes and brackets inside strings: the split must not take them for the entry's end.
        QJsonObject quoted = array.at(100).toObject();
        quoted.insert(QStringLiteral("name"), QStringLiteral("quote \" backslash \\ both \\\" brackets }]{[ \\"));
        array.replace(100, quoted);
        QJsonObject badAction = array.at(1500).toObject();
        badAction.insert(QStringLiteral("action"), QJsonObject{{QStringLiteral("type"), QStringLiteral("teleport")}});
        array.replace(1500, badAction);
        array.replace(1700, array.at(20));                          // an id used twice
        QJsonObject pastTwice = array.at(2).toObject();              // the id of jobs[2], and a date long past
        pastTwice.insert(QStringLiteral("trigger"), DateTrigger(T0 - 86'400'000).toJson());
        array.replace(2100, pastTwice);
        QJsonObject past = pastTwice;
        past.insert(QStringLiteral("id"), QStringLiteral("past"));
        array.replace(2200, past);
        QJsonObject unknown = array.at(2300).toObject();
        unknown.insert(QStringLiteral("max_instance"), 2);
        array.replace(2300, unknown);

        const QByteArray text = QJsonDocument(array).toJson();
        QVERIFY(text.size() > 256 * 1024);
        auto large = JobFile::parse(text, T0);
        auto wrapped = JobFile::parse(QJsonDocument(QJsonObject{{QStringLiteral("jobs"), array}}).toJson(), T0);
        QVERIFY_OK(large);
        QVERIFY_OK(wrapped);
        QCOMPARE(large->jobs.size(), 2995);
        QCOMPARE(large->jobs.size(), wrapped->jobs.size());
        for (qsizetype i = 0; i < large->jobs.size(); ++i)
            QCOMPARE(large->jobs.at(i).toJson(), wrapped->jobs.at(i).toJson());
        QCOMPARE(large->origins, wrapped->origins);
        QCOMPARE(large->jobs.at(100).name, QStringLiteral("quote \" backslash \\ both \\\" brackets }]{[ \\"));
        QStringList problems;
        for (const ImportProblem &problem : std::as_const(large->problems))
            problems << problem.text();
        QStringList wrappedProblems;
        for (const ImportProblem &problem : std::as_const(wrapped->problems))
            wrappedProblems << problem.text();
        QCOMPARE(problems, wrappedProblems);
        QCOMPARE(problems.size(), 5);
        QVERIFY2(problems.at(2).startsWith(QLatin1String("jobs[2100]: the id \"job-2\" is used by jobs[2]")),
                 qPrintable(problems.at(2)));
        QVERIFY2(problems.at(3).contains(QLatin1String("has already passed")), qPrintable(problems.at(3)));

        // A syntax error inside one entry: the error of the whole text, with its line.
        QByteArray broken = text;
        const qsizetype at = broken.indexOf("\"job-2500\"");
        broken.insert(at, "{");
        auto error = JobFile::parse(broken, T0);
        QVERIFY(!error.ok());
        const qsizetype line = broken.left(at).count('\n') + 1;
        QVERIFY2(error.error().message.contains(QStringLiteral("line %1,").arg(line)), qPrintable(error.error().message));
        // An entry that is no object: read by the one thread, told by index.
        array.replace(2600, QStringLiteral("not a job"));
        auto mixed = JobFile::parse(QJsonDocument(array).toJson(), T0);
        QVERIFY_OK(mixed);
        QCOMPARE(mixed->problems.size(), 6);
        QCOMPARE(mixed->problems.at(5).where, QStringLiteral("jobs[2600]"));
    }

    void nothingIsAddedOnError()
    {
        QList<Job> jobs = everyKind();
        jobs[3].trigger = std::make_shared<DateTrigger>(T0 - 86'400'000); // passed long ago: the scheduler refuses
        QSignalSpy added(m_scheduler.get(), &Scheduler::jobAdded);
        auto result = m_scheduler->addJobs(jobs);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QCOMPARE(m_scheduler->jobs().value().size(), 0);
        QCOMPARE(added.size(), 0);
    }

    void conflictsFailReplaceOrSkip()
    {
        QList<Job> jobs = everyKind();
        QVERIFY(m_scheduler->addJob(jobs.at(0)).ok());
        QVERIFY(m_scheduler->addJob(jobs.at(2)).ok());
        Job renamed = jobs.at(0);
        renamed.name = QStringLiteral("Renamed");
        jobs[0] = renamed;

        const ImportPlan fail = planImport(jobs, storedIds(), ConflictPolicy::Fail);
        QCOMPARE(fail.conflicts, (QStringList{"cron-command", "date-function"}));
        const Error error = conflictError(fail.conflicts);
        QCOMPARE(error.code, ErrorCode::Conflict);
        QVERIFY(error.message.contains(QLatin1String("\"cron-command\", \"date-function\"")));
        // Adding them anyway is refused by the store as a whole.
        QVERIFY(!m_scheduler->addJobs(jobs).ok());
        QCOMPARE(m_scheduler->jobs().value().size(), 2);

        const ImportPlan skip = planImport(jobs, storedIds(), ConflictPolicy::Skip);
        QCOMPARE(skip.jobs.size(), 3);
        QCOMPARE(skip.conflicts.size(), 2);
        QVERIFY(m_scheduler->addJobs(skip.jobs).ok());
        QCOMPARE(m_scheduler->job(QStringLiteral("cron-command"))->name, QStringLiteral("Job cron-command"));

        const ImportPlan replace = planImport(jobs, storedIds(), ConflictPolicy::Replace);
        QCOMPARE(replace.jobs.size(), 5);
        QCOMPARE(replace.replaced.size(), 5);
        QVERIFY(m_scheduler->addJobs(replace.jobs, ConflictPolicy::Replace).ok());
        QCOMPARE(m_scheduler->jobs().value().size(), 5);
        QCOMPARE(m_scheduler->job(QStringLiteral("cron-command"))->name, QStringLiteral("Renamed"));
    }
};

QTEST_GUILESS_MAIN(TestJobFile)
#include "testjobfile.moc"
