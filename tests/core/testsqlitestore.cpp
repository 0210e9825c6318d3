// SQLite job store specifics: file mode, WAL, folders, foreign/newer/read-only/locked files, unreadable rows.
#include "store/sqlclusterstore.h"
#include "store/sqljobstore.h"
#include "store/sqlstatements.h"
#include "support/jobbuilder.h"
#include "triggers/intervaltrigger.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <cstdlib>

using namespace punctual;
using punctual::test::JobBuilder;

namespace {

Job makeJob(const QString &id, std::optional<std::int64_t> nextRunTime)
{
    return JobBuilder(id).name("Job " + id).interval(60'000, 0).command("/bin/true").nextRunTime(nextRunTime);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

constexpr auto modeBits = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
    | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
    | QFileDevice::WriteOther | QFileDevice::ExeOther;

/// A plain connection of the test's own, to look at or tamper with a store behind its back.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(QString("raw-%1").arg(++s_counter))
    {
        m_db = QSqlDatabase::addDatabase("QSQLITE", m_name);
        m_db.setDatabaseName(path);
        if (!m_db.open())
            qFatal("cannot open %s", qPrintable(path));
    }
    ~RawDatabase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawDatabase)

    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }
    QString scalar(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0).toString();
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    QSqlDatabase m_db;
};

/// Run as `testsqlitestore --hold-lock PATH [MS]`: another process that takes SQLite's write lock on PATH, prints
/// "locked", then holds it for MS milliseconds or until its stdin closes.
int holdLock(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString path = QString::fromLocal8Bit(argv[2]);
    const int holdMs = argc > 3 ? std::atoi(argv[3]) : -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "lock");
        db.setDatabaseName(path);
        if (!db.open())
            return 2;
        QSqlQuery query(db);
        if (!query.exec("BEGIN EXCLUSIVE")) {
            std::fprintf(stderr, "BEGIN EXCLUSIVE: %s\n", qPrintable(query.lastError().text()));
            return 3;
        }
        std::fputs("locked\n", stdout);
        std::fflush(stdout);
        if (holdMs >= 0) {
            QThread::msleep(static_cast<unsigned long>(holdMs));
        } else {
            while (std::getchar() != EOF) {
            }
        }
        query.exec("ROLLBACK");
    }
    QSqlDatabase::removeDatabase("lock");
    return 0;
}

} // namespace

/// Takes a store back to schema version 4 (what version 5 added: the features column and two indexes).
void dropVersionFive(RawDatabase &raw)
{
    QVERIFY(raw.exec("DROP INDEX jobs_features"));
    QVERIFY(raw.exec("DROP INDEX runs_waiting"));
    QVERIFY(raw.exec("ALTER TABLE jobs DROP COLUMN features"));
}

class TestSqliteStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newFileIsPrivateWithWal();
    void defaultPathCreatesFolder();
    void explicitMissingFolderIsError();
    void pathIsFolder();
    void emptyFileBecomesStoreOnlyAtTheDefaultPath();
    void notADatabaseUntouched_data();
    void notADatabaseUntouched();
    void foreignDatabaseUntouched();
    void newerSchemaRefusedUntouched();
    void schemaOneIsMigrated();
    void schemaTwoAndThreeAreMigrated_data();
    void schemaTwoAndThreeAreMigrated();
    void versionFiveFindsJobsWithEventsThroughItsIndex();
    void readOnlyRefused_data();
    void readOnlyRefused();
    void lockedStoreReported();
    void shortLockIsWaitedFor();
    void unreadableRowSkippedAndKept();
    void secondConnectionInWorkerThread();
    void everyStatementPrepares();

private:
    std::unique_ptr<SqlJobStore> openStore(const QString &path);
    QString dbPath() const { return m_dir->filePath("jobs.db"); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_savedXdgDataHome;
};

std::unique_ptr<SqlJobStore> TestSqliteStore::openStore(const QString &path)
{
    auto store = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(store).value();
}

void TestSqliteStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_savedXdgDataHome = qgetenv("XDG_DATA_HOME");
}

void TestSqliteStore::cleanup()
{
    if (m_savedXdgDataHome.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", m_savedXdgDataHome);
    // Give back what readOnlyRefused() took away, so the folder can be removed.
    QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile::setPermissions(dbPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_dir.reset();
}

void TestSqliteStore::newFileIsPrivateWithWal()
{
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        QCOMPARE(store->path(), dbPath());
        QCOMPARE(store->describe(), "SQLite " + QDir::toNativeSeparators(dbPath()));
        QCOMPARE(QFile::permissions(dbPath()) & modeBits, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(store->addJob(makeJob("a", 1'000), ConflictPolicy::Fail));
        // SQLite gives its side files the database's mode.
        QVERIFY(QFile::exists(dbPath() + "-wal"));
        QCOMPARE(QFile::permissions(dbPath() + "-wal") & modeBits, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QCOMPARE(contents(dbPath()).at(18), char(2)); // file format: WAL
    RawDatabase raw(dbPath());
    QCOMPARE(raw.scalar("PRAGMA journal_mode"), QString("wal"));
    QCOMPARE(raw.scalar("SELECT value FROM punctual_meta WHERE key = 'schema_version'"),
             QString::number(SqlJobStore::schemaVersion));
    QCOMPARE(raw.scalar("SELECT value FROM punctual_meta WHERE key = 'application'"), QString("punctual"));
    QCOMPARE(raw.scalar("SELECT next_run_time FROM jobs WHERE id = 'a'"), QString("1000"));
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                        "('jobs_next_run_time', 'runs_job', 'runs_running')"),
             QString("3"));
}

void TestSqliteStore::defaultPathCreatesFolder()
{
    const QString xdg = m_dir->filePath("xdg");
    qputenv("XDG_DATA_HOME", QFile::encodeName(xdg));
    const QString expected = xdg + "/punctual/jobs.db";
    QCOMPARE(SqlJobStore::defaultSqlitePath(), expected);
    // The same file whatever the running program calls itself (the GUI and punctualctl share it).
    const QString oldName = QCoreApplication::applicationName();
    const QString oldOrganisation = QCoreApplication::organizationName();
    QCoreApplication::setApplicationName("punctualctl");
    QCoreApplication::setOrganizationName("punctual");
    QCOMPARE(SqlJobStore::defaultSqlitePath(), expected);
    QCoreApplication::setApplicationName(oldName);
    QCoreApplication::setOrganizationName(oldOrganisation);

    QVERIFY(!QFile::exists(xdg + "/punctual"));
    auto store = SqlJobStore::openSqlite(SqlJobStore::defaultSqlitePath(), SqlJobStore::OpenMode::DefaultStore);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    QVERIFY(QFileInfo(xdg + "/punctual").isDir());
    QVERIFY(QFile::exists(expected));
}

void TestSqliteStore::explicitMissingFolderIsError()
{
    const QString folder = m_dir->filePath("missing");
    const auto store = SqlJobStore::openSqlite(folder + "/jobs.db", SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreFailure);
    QVERIFY2(store.error().message.contains(QDir::toNativeSeparators(folder)), qPrintable(store.error().message));
    QVERIFY(!store.error().message.contains('\n'));
    QVERIFY(!QFile::exists(folder));
}

void TestSqliteStore::pathIsFolder()
{
    const auto store = SqlJobStore::openSqlite(m_dir->path(), SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreFailure);
    QVERIFY(store.error().message.contains(QDir::toNativeSeparators(m_dir->path())));
}

void TestSqliteStore::emptyFileBecomesStoreOnlyAtTheDefaultPath()
{
    // At the default path an empty file is this program's own creation, interrupted before SQLite ran: taken.
    write(dbPath(), {});
    {
        auto store = SqlJobStore::openSqlite(dbPath(), SqlJobStore::OpenMode::DefaultStore);
        QVERIFY(store);
        QVERIFY(store.value()->addJob(makeJob("a", 5), ConflictPolicy::Fail));
        QCOMPARE(store.value()->jobCount().value(), 1);
    }
    // An empty file the user named is not silently made a store (a mistyped path, a file being written): refused,
    // and left as it was.
    const QString named = m_dir->filePath(QStringLiteral("named.db"));
    write(named, {});
    const auto refused = SqlJobStore::openSqlite(named, SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::StoreFailure);
    QVERIFY2(refused.error().message.contains(QLatin1String("empty file")), qPrintable(refused.error().message));
    QCOMPARE(QFileInfo(named).size(), 0);
}

void TestSqliteStore::notADatabaseUntouched_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("text") << QByteArray("this is a shopping list, not a job store\nmilk\neggs\n");
    QTest::newRow("short") << QByteArray("abc");
    QTest::newRow("binary") << QByteArray(8192, '\x7f');
}

void TestSqliteStore::notADatabaseUntouched()
{
    QFETCH(QByteArray, data);
    write(dbPath(), data);
    const QStringList filesBefore = filesIn(m_dir->path());

    const auto store = SqlJobStore::openSqlite(dbPath(), SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreFailure);
    QVERIFY2(store.error().message.contains(QDir::toNativeSeparators(dbPath()) + " is not a Punctual job store "
                                            "(not an SQLite database)"),
             qPrintable(store.error().message));
    QCOMPARE(contents(dbPath()), data);
    QCOMPARE(filesIn(m_dir->path()), filesBefore);
}

void TestSqliteStore::foreignDatabaseUntouched()
{
    {
        RawDatabase raw(dbPath());
        QVERIFY(raw.exec("CREATE TABLE contacts (name TEXT, phone TEXT)"));
        QVERIFY(raw.exec("INSERT INTO contacts VALUES ('Ada', '123')"));
    }
    const QByteArray before = contents(dbPath());
    const QStringList filesBefore = filesIn(m_dir->path());

    const auto store = SqlJobStore::openSqlite(dbPath(), SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreFailure);
    QVERIFY2(store.error().message.contains(QDir::toNativeSeparators(dbPath()) + " is not a Punctual job store"),
             qPrintable(store.error().message));
    QCOMPARE(contents(dbPath()), before);
    QCOMPARE(filesIn(m_dir->path()), filesBefore);

    // A meta table of someone else's is not ours either.
    {
        RawDatabase raw(dbPath());
        QVERIFY(raw.exec("CREATE TABLE punctual_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        QVERIFY(raw.exec("INSERT INTO punctual_meta VALUES ('application', 'other'), ('schema_version', '1')"));
    }
    const QByteArray withMeta = contents(dbPath());
    const auto again = SqlJobStore::openSqlite(dbPath(), SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY(!again);
    QVERIFY(again.error().message.contains("is not a Punctual job store"));
    QCOMPARE(contents(dbPath()), withMeta);
}

void TestSqliteStore::newerSchemaRefusedUntouched()
{
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        QVERIFY(store->addJob(makeJob("a", 5), ConflictPolicy::Fail));
    }
    {
        RawDatabase raw(dbPath());
        QVERIFY(raw.exec("UPDATE punctual_meta SET value = '99' WHERE key = 'schema_version'"));
    }
    const QByteArray before = contents(dbPath());
    const QStringList filesBefore = filesIn(m_dir->path());

    const auto store = SqlJobStore::openSqlite(dbPath(), SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreFailure);
    QCOMPARE(store.error().message, QString("%1 was written by a newer Punctual (schema 99, this one reads up to %2)")
                                        .arg(QDir::toNativeSeparators(dbPath()))
                                        .arg(SqlJobStore::schemaVersion));
    QCOMPARE(contents(dbPath()), before);
    QCOMPARE(filesIn(m_dir->path()), filesBefore);
}

void TestSqliteStore::schemaOneIsMigrated()
{
    // A store written by a version 1 build: no runs.instance, no punctual_instances, and nothing of version 3.
    std::int64_t oldRunId = 0;
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        QVERIFY(store->addJob(makeJob("a", 5), ConflictPolicy::Fail));
        RunRecord run;
        run.jobId = "a";
        run.scheduledTime = 5;
        QVERIFY(store->insertRun(run));
        QVERIFY(!run.instance.isEmpty()); // stamped with this process
        oldRunId = run.id;
    }
    {
        RawDatabase raw(dbPath());
        dropVersionFive(raw);
        QVERIFY(raw.exec("DROP TABLE calendars"));
        QVERIFY(raw.exec("DROP TABLE punctual_backfilled"));
        QVERIFY(raw.exec("DROP INDEX runs_queued"));
        for (const char *column : {"reason", "caused_by", "time_count"})
            QVERIFY(raw.exec(QString("ALTER TABLE runs DROP COLUMN %1").arg(column)));
        QVERIFY(raw.exec("ALTER TABLE jobs DROP COLUMN pause_note"));
        QVERIFY(raw.exec("DROP TABLE punctual_instances"));
        QVERIFY(raw.exec("ALTER TABLE runs DROP COLUMN instance"));
        QVERIFY(raw.exec("UPDATE punctual_meta SET value = '1' WHERE key = 'schema_version'"));
    }
    auto store = openStore(dbPath());
    QVERIFY(store);
    auto runs = store->runs("a", -1);
    QVERIFY(runs);
    QCOMPARE(runs.value().size(), 1);
    QCOMPARE(runs.value().first().id, oldRunId);
    QCOMPARE(runs.value().first().instance, QString()); // older rows name no instance
    QCOMPARE(runs.value().first().reason, RunReason::Scheduled); // nor a reason: they were scheduled runs
    QCOMPARE(runs.value().first().count, 1);
    QCOMPARE(store->job("a").value()->pauseNote, QString());
    RunRecord fresh;
    fresh.jobId = "a";
    fresh.scheduledTime = 6;
    QVERIFY(store->insertRun(fresh));
    QCOMPARE(store->runs("a", 1).value().first().instance, fresh.instance);
    SqlClusterStore instances(store->session(), *store, PostgresLocation::defaultLeaseMs);
    QVERIFY(instances.heartbeat(1000)); // the instances table is there again
    QCOMPARE(instances.instances().value().size(), 1);
    QVERIFY(!store->cluster()); // but an SQLite store is no cluster member
    QVERIFY(store->calendars().value().isEmpty()); // and the calendars table of version 4
}

void TestSqliteStore::schemaTwoAndThreeAreMigrated_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("2") << 2;
    QTest::newRow("3") << 3;
    QTest::newRow("4") << 4;
}

void TestSqliteStore::schemaTwoAndThreeAreMigrated()
{
    // A store of version 2 or 3: no calendars table; its jobs and runs are kept, and calendars can be stored.
    QFETCH(int, version);
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        QVERIFY(store->addJob(makeJob("a", 5), ConflictPolicy::Fail));
    }
    {
        RawDatabase raw(dbPath());
        dropVersionFive(raw);
        if (version <= 3)
            QVERIFY(raw.exec("DROP TABLE calendars"));
        if (version == 2) {
            QVERIFY(raw.exec("DROP TABLE punctual_backfilled"));
            QVERIFY(raw.exec("DROP INDEX runs_queued"));
            for (const char *column : {"reason", "caused_by", "time_count"})
                QVERIFY(raw.exec(QString("ALTER TABLE runs DROP COLUMN %1").arg(column)));
            QVERIFY(raw.exec("ALTER TABLE jobs DROP COLUMN pause_note"));
        }
        QVERIFY(raw.exec(QString("UPDATE punctual_meta SET value = '%1' WHERE key = 'schema_version'").arg(version)));
    }
    auto store = openStore(dbPath());
    QVERIFY(store);
    QVERIFY(store->job("a").value().has_value());
    ExclusionCalendar calendar;
    calendar.name = "holidays";
    calendar.addDate(ExclusionCalendar::parseDay("2026-12-25").value());
    QVERIFY(store->putCalendar(calendar, ConflictPolicy::Fail, 1));
    QCOMPARE(store->calendar("holidays").value(), std::optional(calendar));
    RawDatabase raw(dbPath());
    QCOMPARE(raw.scalar("SELECT value FROM punctual_meta WHERE key = 'schema_version'"), QString("5"));
    // Version 5 marked the job by its texts: it has no events, conditions or password variable.
    QCOMPARE(raw.scalar("SELECT features FROM jobs WHERE id = 'a'"), QString("0"));
}

void TestSqliteStore::versionFiveFindsJobsWithEventsThroughItsIndex()
{
    // Rows written before version 5 are marked by the migration; rows written after, by every write.
    Job atStart = makeJob("at-start", 5);
    atStart.options.events.atStart = true;
    Job plain = makeJob("plain", 5);
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        QVERIFY(store->addJob(atStart, ConflictPolicy::Fail));
        QVERIFY(store->addJob(plain, ConflictPolicy::Fail));
    }
    {
        RawDatabase raw(dbPath());
        dropVersionFive(raw);
        QVERIFY(raw.exec("UPDATE punctual_meta SET value = '4' WHERE key = 'schema_version'"));
    }
    auto store = openStore(dbPath());
    QVERIFY(store);
    auto found = store->unpausedJobsWithEvents();
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->front().id, QStringLiteral("at-start"));
    // An edit that takes the events away clears the bit; one that adds them sets it.
    atStart.options.events.atStart = false;
    QVERIFY(store->updateJob(atStart));
    plain.options.events.atStart = true;
    QVERIFY(store->updateJob(plain));
    found = store->unpausedJobsWithEvents();
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->front().id, QStringLiteral("plain"));
    RawDatabase raw(dbPath());
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM jobs WHERE features <> 0"), QString("1"));
}

void TestSqliteStore::readOnlyRefused_data()
{
    QTest::addColumn<bool>("existing");
    QTest::addColumn<bool>("readOnlyFile");
    QTest::addColumn<bool>("readOnlyFolder");
    QTest::newRow("read-only file") << true << true << false;
    QTest::newRow("existing file in read-only folder") << true << false << true;
    QTest::newRow("new file in read-only folder") << false << false << true;
}

void TestSqliteStore::readOnlyRefused()
{
    // As root, access() calls everything writable; the store still refuses a file or folder without any write
    // permission bit (see isReadOnly() in sqljobstore.cpp), so these rows test the real check as any user.
    QFETCH(bool, existing);
    QFETCH(bool, readOnlyFile);
    QFETCH(bool, readOnlyFolder);
    if (existing) {
        auto store = openStore(dbPath());
        QVERIFY(store);
        QVERIFY(store->addJob(makeJob("a", 5), ConflictPolicy::Fail));
    }
    const QByteArray before = contents(dbPath());
    const QStringList filesBefore = filesIn(m_dir->path());
    if (readOnlyFile)
        QVERIFY(QFile::setPermissions(dbPath(), QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    if (readOnlyFolder) {
        QVERIFY(QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner
                                                         | QFileDevice::ReadGroup | QFileDevice::ExeGroup));
    }

    const auto store = SqlJobStore::openSqlite(dbPath(), SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreFailure);
    QVERIFY2(store.error().message.startsWith(QDir::toNativeSeparators(dbPath()) + " is read-only"),
             qPrintable(store.error().message));
    QCOMPARE(QFile::exists(dbPath()), existing);
    QCOMPARE(contents(dbPath()), before);
    QCOMPARE(filesIn(m_dir->path()), filesBefore);
}

void TestSqliteStore::lockedStoreReported()
{
    auto store = openStore(dbPath());
    QVERIFY(store);
    QVERIFY(store->addJob(makeJob("a", 5), ConflictPolicy::Fail));

    QProcess holder;
    holder.start(QCoreApplication::applicationFilePath(), {"--hold-lock", dbPath()});
    QVERIFY(holder.waitForStarted());
    QVERIFY2(holder.waitForReadyRead(10'000), qPrintable(holder.readAllStandardError()));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));

    // WAL: readers are not blocked by a writer, and opening only reads.
    QCOMPARE(store->jobs().value().size(), 1);
    QElapsedTimer opening;
    opening.start();
    auto another = openStore(dbPath());
    QVERIFY(another);
    QVERIFY(opening.elapsed() < 2'000);

    QElapsedTimer waited;
    waited.start();
    const auto blocked = store->addJob(makeJob("b", 6), ConflictPolicy::Fail);
    const qint64 elapsed = waited.elapsed();
    QVERIFY(!blocked);
    QCOMPARE(blocked.error().code, ErrorCode::StoreFailure);
    QVERIFY2(blocked.error().message.startsWith(QDir::toNativeSeparators(dbPath()) + " is locked by another process"),
             qPrintable(blocked.error().message));
    QVERIFY2(elapsed >= SqlJobStore::busyTimeoutMs - 500 && elapsed < SqlJobStore::busyTimeoutMs + 5'000,
             qPrintable(QString("waited %1 ms").arg(elapsed)));
    const auto bulk = another->addJobs({makeJob("c", 7)}, ConflictPolicy::Fail);
    QVERIFY(!bulk);
    QVERIFY(bulk.error().message.contains("is locked by another process"));

    holder.closeWriteChannel();
    QVERIFY(holder.waitForFinished(10'000));
    QCOMPARE(holder.exitCode(), 0);
    QVERIFY(store->addJob(makeJob("b", 6), ConflictPolicy::Fail));
    QCOMPARE(another->jobCount().value(), 2);
}

void TestSqliteStore::shortLockIsWaitedFor()
{
    auto store = openStore(dbPath());
    QVERIFY(store);
    QProcess holder;
    holder.start(QCoreApplication::applicationFilePath(), {"--hold-lock", dbPath(), "1000"});
    QVERIFY(holder.waitForReadyRead(10'000));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));

    QElapsedTimer waited;
    waited.start();
    const auto added = store->addJob(makeJob("a", 5), ConflictPolicy::Fail);
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));
    QVERIFY(waited.elapsed() >= 500);
    QVERIFY(holder.waitForFinished(10'000));
}

void TestSqliteStore::unreadableRowSkippedAndKept()
{
    auto store = openStore(dbPath());
    QVERIFY(store);
    QVERIFY(store->addJobs({makeJob("a", 100), makeJob("b", 50), makeJob("c", 200)}, ConflictPolicy::Fail));
    const QString newerTrigger = R"({"type":"cron","version":99,"timezone":"UTC"})";
    {
        RawDatabase raw(dbPath());
        QVERIFY(raw.exec(QString("UPDATE jobs SET trigger = '%1' WHERE id = 'b'").arg(newerTrigger)));
        QVERIFY(raw.exec("UPDATE jobs SET action = 'not json' WHERE id = 'c'"));
    }

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("skipping job b .*trigger"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("skipping job c .*action"));
    QStringList ids;
    for (const Job &job : store->jobs().value())
        ids << job.id;
    QCOMPARE(ids, QStringList{"a"});
    // Reported once; after that skipped quietly, and not allowed to hold the timer in the past.
    const auto due = store->dueJobs(1'000, 1).value();
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().id, QString("a"));
    QCOMPARE(store->earliestNextRunTime().value(), std::optional<std::int64_t>(100));
    QCOMPARE(store->jobCount().value(), 3);

    const auto b = store->job("b");
    QVERIFY(!b);
    QCOMPARE(b.error().code, ErrorCode::StoreFailure);
    QVERIFY2(b.error().message.contains("\"b\""), qPrintable(b.error().message));

    store.reset();
    {
        RawDatabase raw(dbPath());
        QCOMPARE(raw.scalar("SELECT trigger FROM jobs WHERE id = 'b'"), newerTrigger);
        QCOMPARE(raw.scalar("SELECT action FROM jobs WHERE id = 'c'"), QString("not json"));
    }

    // Rewriting the row makes it readable again.
    store = openStore(dbPath());
    QVERIFY(store);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("skipping job b "));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("skipping job c "));
    QCOMPARE(store->dueJobs(1'000, -1).value().size(), 1);
    QVERIFY(store->updateJob(makeJob("b", 50)));
    QCOMPARE(store->earliestNextRunTime().value(), std::optional<std::int64_t>(50));
    QCOMPARE(store->dueJobs(1'000, -1).value().size(), 2);
}

void TestSqliteStore::secondConnectionInWorkerThread()
{
    auto store = openStore(dbPath());
    QVERIFY(store);
    QVERIFY(store->addJob(makeJob("main", 5), ConflictPolicy::Fail));

    QString workerError;
    int workerSaw = -1;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        auto another = store->openAnother();
        if (!another) {
            workerError = another.error().message;
            return;
        }
        if (auto added = another.value()->addJob(makeJob("worker", 6), ConflictPolicy::Fail); !added)
            workerError = added.error().message;
        workerSaw = another.value()->jobCount().value();
    }));
    worker->start();
    QVERIFY(worker->wait(30'000));
    QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
    QCOMPARE(workerSaw, 2);
    QCOMPARE(store->jobCount().value(), 2);
    QVERIFY(store->job("worker").value().has_value());
}

void TestSqliteStore::everyStatementPrepares()
{
    // Statements are prepared on first use: the rare ones (cluster, pruning) would otherwise first meet the engine
    // in the field.
    auto store = openStore(dbPath());
    QVERIFY(store);
    SqlSession &session = store->session();
    for (std::size_t i = 0; i < sqlStatementCount; ++i) {
        const auto which = static_cast<SqlStatement>(i);
        if (which == SqlStatement::NotifyChange && !session.dialect().notifiesChanges())
            continue;
        const auto prepared = session.prepared(which);
        QVERIFY2(prepared, qPrintable(QString("%1: %2").arg(i).arg(prepared ? QString() : prepared.error().message)));
    }
    // Running and interrupted runs are named by literals in the SQL (so the partial index is used): RunRecord's
    // names of those outcomes.
    const SqlStatements &sql = session.statements();
    QVERIFY(sql.sql(SqlStatement::InterruptRuns).contains("'" + RunRecord::outcomeName(RunOutcome::Running) + "'"));
    QVERIFY(sql.sql(SqlStatement::InterruptRun).contains("'" + RunRecord::outcomeName(RunOutcome::Interrupted) + "'"));
}

int main(int argc, char *argv[])
{
    if (argc >= 3 && qstrcmp(argv[1], "--hold-lock") == 0)
        return holdLock(argc, argv);
    QCoreApplication app(argc, argv);
    TestSqliteStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "testsqlitestore.moc"
