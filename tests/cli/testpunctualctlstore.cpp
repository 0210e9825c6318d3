// The store itself, with real files and the real punctualctl: damage is noticed before anything is written from
// the store or to it (export, the scheduler host), `check` names what is wrong, `backup` copies a store while its
// scheduler runs and writes, and replaces an old backup only with a complete, good one.
#include "control/instancelock.h"
#include "cli/punctualctlprocess.h"
#include "support/postgresserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int fixtureJobs = 2000;

/// Bytes and modification time of a file, to show that it was left exactly as it was.
struct FileState
{
    QByteArray bytes;
    qint64 mtimeNs = 0;

    static FileState of(const QString &path)
    {
        FileState state;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            state.bytes = file.readAll();
        struct stat info {};
        if (::stat(QFile::encodeName(path).constData(), &info) == 0)
            state.mtimeNs = qint64(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
        return state;
    }
    bool operator==(const FileState &other) const = default;
};

/// A job file of @p count command jobs, ids PREFIX-0 ... PREFIX-(count-1).
QByteArray jobFile(const QString &prefix, int count)
{
    QJsonArray jobs;
    for (int i = 0; i < count; ++i) {
        jobs.append(QJsonObject{
            {"id", QStringLiteral("%1-%2").arg(prefix).arg(i)},
            {"name", QStringLiteral("Job number %1").arg(i)},
            {"trigger", QJsonObject{{"type", "interval"}, {"interval_seconds", 3600 + i}, {"timezone", "UTC"}}},
            {"action", QJsonObject{{"type", "command"}, {"program", "/bin/true"}, {"arguments", QJsonArray{QString::number(i)}}}},
        });
    }
    return QJsonDocument(jobs).toJson(QJsonDocument::Compact);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class TestPunctualctlStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void exportRefusesADamagedStore_data();
    void exportRefusesADamagedStore();
    void schedulerHostRefusesADamagedStore_data();
    void schedulerHostRefusesADamagedStore();
    void windowAppShowsTheDamage();
    void checkFindsNothingInAHealthyStore();
    void checkNamesTheDamage();
    void checkNamesUnreadableRows();
    void checkNeverCreatesAStore();
    void checkReportsTheSchema();
    void readOnlyStoreIsChecked();
    void checkOnPostgreSQL();
    void backupWhileTheSchedulerWrites();
    void backupOnAFullDiskKeepsTheOldFile();
    void backupRefusesWhatIsNoFile();

private:
    PunctualctlResult ctl(QStringList args, int timeoutMs = 60000);
    /// Flips 200 bytes inside a leaf page of the jobs table (not the file header): the cell pointers of a page in
    /// the middle of the table. Returns the page number.
    int damageJobsPage() { return damagePage(tableLeaf, "/bin/true"); }
    /// The same in a leaf page of type @p pageType that holds @p marker.
    int damagePage(uchar pageType, const QByteArray &marker);
    /// The damaged page of a _data row: of the jobs table, or of an index on it (which main's export and
    /// scheduler passed over without notice).
    int damageChosenPage();
    void addDamageRows();

    static constexpr uchar tableLeaf = 0x0d;
    static constexpr uchar indexLeaf = 0x0a;
    int countJobs(const QString &path);
    /// Runs @p statements on the test's store directly.
    bool poke(const QStringList &statements);

    QTemporaryDir m_fixtureDir;
    QString m_fixture; ///< a store of fixtureJobs jobs, made once
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    std::unique_ptr<QProcess> m_instance;
};

void TestPunctualctlStore::initTestCase()
{
    QVERIFY(m_fixtureDir.isValid());
    m_fixture = m_fixtureDir.filePath(QStringLiteral("fixture.db"));
    const QString jobs = m_fixtureDir.filePath(QStringLiteral("jobs.json"));
    QVERIFY(writeFile(jobs, jobFile(QStringLiteral("job"), fixtureJobs)));
    const PunctualctlResult imported = runPunctualctl({"--db", m_fixture, "import", jobs});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    // Everything is in the database file itself (the last connection checkpointed and removed the WAL).
    QVERIFY(!QFileInfo::exists(m_fixture + QStringLiteral("-wal")));
}

void TestPunctualctlStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("jobs.db"));
    QVERIFY(QFile::copy(m_fixture, m_db));
}

void TestPunctualctlStore::cleanup()
{
    if (m_instance && m_instance->state() != QProcess::NotRunning) {
        m_instance->terminate();
        if (!m_instance->waitForFinished(15000)) {
            m_instance->kill();
            m_instance->waitForFinished();
        }
    }
    m_instance.reset();
}

PunctualctlResult TestPunctualctlStore::ctl(QStringList args, int timeoutMs)
{
    args.prepend(m_db);
    args.prepend(QStringLiteral("--db"));
    return runPunctualctl(args, timeoutMs);
}

void TestPunctualctlStore::addDamageRows()
{
    QTest::addColumn<bool>("index");
    QTest::newRow("jobs table page") << false;
    QTest::newRow("jobs index page") << true;
}

int TestPunctualctlStore::damageChosenPage()
{
    QFETCH(bool, index);
    // Index rows hold job ids (jobs' primary key, and (next_run_time, id)); table rows hold the actions too.
    return index ? damagePage(indexLeaf, "job-") : damageJobsPage();
}

int TestPunctualctlStore::damagePage(uchar pageType, const QByteArray &marker)
{
    QFile file(m_db);
    if (!file.open(QIODevice::ReadWrite))
        return -1;
    const QByteArray bytes = file.readAll();
    const int pageSize = (uchar(bytes[16]) << 8 | uchar(bytes[17])) == 1 ? 65536
                                                                          : (uchar(bytes[16]) << 8 | uchar(bytes[17]));
    // Leaf pages of that type holding the marker: only the jobs table has actions in it (no runs yet).
    QList<int> leaves;
    for (qsizetype start = pageSize; start + pageSize <= bytes.size(); start += pageSize) {
        if (uchar(bytes[start]) == pageType && bytes.mid(start, pageSize).contains(marker))
            leaves.append(int(start / pageSize) + 1);
    }
    if (leaves.size() < 5)
        return -1;
    const int page = leaves[leaves.size() / 2];
    const qint64 at = qint64(page - 1) * pageSize + 8; // after the 8-byte leaf header: its cell pointers
    QByteArray flipped = bytes.mid(at, 200);
    for (char &byte : flipped)
        byte = char(~uchar(byte));
    if (!file.seek(at) || file.write(flipped) != flipped.size())
        return -1;
    return page;
}

bool TestPunctualctlStore::poke(const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
        db.setDatabaseName(m_db);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning() << statement << query.lastError().text();
                ok = false;
            }
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("poke"));
    return ok;
}

int TestPunctualctlStore::countJobs(const QString &path)
{
    const PunctualctlResult listed = runPunctualctl({"--db", path, "list", "--json"});
    if (listed.exitCode != 0)
        return -1;
    return int(QJsonDocument::fromJson(listed.out.toUtf8()).array().size());
}

void TestPunctualctlStore::exportRefusesADamagedStore_data()
{
    addDamageRows();
}

void TestPunctualctlStore::exportRefusesADamagedStore()
{
    const int page = damageChosenPage();
    QVERIFY(page > 1);
    const FileState store = FileState::of(m_db);

    // An old export stays as it was; a new one is not made.
    const QString old = m_dir->filePath(QStringLiteral("old.json"));
    QVERIFY(writeFile(old, "[]\n"));
    const FileState oldExport = FileState::of(old);
    const QString fresh = m_dir->filePath(QStringLiteral("fresh.json"));
    for (const QString &target : {old, fresh}) {
        const PunctualctlResult r = ctl({"export", "--output", target});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("punctualctl: error: store is damaged: On tree page %1 ").arg(page)),
                 qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.out.isEmpty());
    }
    QVERIFY(FileState::of(old) == oldExport);
    QVERIFY(!QFileInfo::exists(fresh));
    // Nor to standard output.
    const PunctualctlResult toStdout = ctl({"export"});
    QCOMPARE(toStdout.exitCode, 1);
    QVERIFY(toStdout.out.isEmpty());
    QVERIFY(FileState::of(m_db) == store);
}

void TestPunctualctlStore::schedulerHostRefusesADamagedStore_data()
{
    addDamageRows();
}

void TestPunctualctlStore::schedulerHostRefusesADamagedStore()
{
    QVERIFY(damageChosenPage() > 1);
    const FileState store = FileState::of(m_db);
    const PunctualctlResult r = ctl({"run", "--for", "30"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("punctualctl: error: store is damaged: On tree page")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("scheduler running on")), qPrintable(r.err));
    QVERIFY(FileState::of(m_db) == store);
    QVERIFY(!QFileInfo::exists(m_db + QStringLiteral("-wal")));
}

void TestPunctualctlStore::windowAppShowsTheDamage()
{
    // The window app starts a host (punctualctl run, the same InstanceHost) for the store; the host refuses the
    // damaged store, and the window says why with the host's own words.
    QVERIFY(damagePage(indexLeaf, "job-") > 1);
    const FileState store = FileState::of(m_db);
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    environment.insert("XDG_CONFIG_HOME", m_dir->filePath("config")); // its own settings
    // and its own instance lock socket, which the kill below leaves behind
    const QString runtime = m_dir->filePath("runtime");
    QVERIFY(QDir().mkpath(runtime));
    QVERIFY(QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    environment.insert("XDG_RUNTIME_DIR", runtime);
    environment.insert("XDG_STATE_HOME", m_dir->filePath("state")); // the host's log
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(PUNCTUAL_PATH), {"--db", m_db});
    QVERIFY(app.waitForStarted());
    QString err;
    QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(app.readAllStandardError()))
                                 .contains(QLatin1String("store is damaged: On tree page")),
                             20000);
    QVERIFY2(err.contains(QLatin1String("The Punctual scheduler did not start")), qPrintable(err));
    // The window stays open to say so (nothing is scheduled: no host holds the store).
    QCOMPARE(app.state(), QProcess::Running);
    QCOMPARE(punctual::InstanceLock::runningInstancePid(m_db), std::optional<qint64>());
    app.kill();
    app.waitForFinished();
    QVERIFY(FileState::of(m_db) == store);
}

void TestPunctualctlStore::checkFindsNothingInAHealthyStore()
{
    const FileState store = FileState::of(m_db);
    const PunctualctlResult r = ctl({"check"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("integrity: ok\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("schema: 5 (current)\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("jobs: 2000 row(s), all readable\n")), qPrintable(r.out));
    QVERIFY(r.out.endsWith(QLatin1String("healthy\n")));

    const PunctualctlResult json = ctl({"check", "--json"});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value("healthy").toBool(), true);
    QCOMPARE(o.value("integrity").toObject().value("checked").toBool(), true);
    QCOMPARE(o.value("integrity").toObject().value("problems").toArray().size(), 0);
    QCOMPARE(o.value("schema").toObject().value("stored").toInt(), 5);
    QCOMPARE(o.value("schema").toObject().value("current").toInt(), 5);
    QCOMPARE(o.value("jobs").toObject().value("rows").toInt(), fixtureJobs);
    QCOMPARE(o.value("jobs").toObject().value("unreadable").toArray().size(), 0);
    // Looking changed nothing, and left no -wal or -shm file behind.
    QVERIFY(FileState::of(m_db) == store);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("jobs.db")});
    QCOMPARE(ctl({"check", "extra"}).exitCode, 2);
}

void TestPunctualctlStore::checkNamesTheDamage()
{
    const int page = damageJobsPage();
    QVERIFY(page > 1);
    const FileState store = FileState::of(m_db);
    const PunctualctlResult r = ctl({"check"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("\n  On tree page %1 cell ").arg(page)), qPrintable(r.out));
    QVERIFY(r.out.endsWith(QLatin1String("problems found\n")));

    const PunctualctlResult json = ctl({"check", "--json"});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value("healthy").toBool(), false);
    const QJsonArray problems = o.value("integrity").toObject().value("problems").toArray();
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.first().toString().startsWith(QStringLiteral("On tree page %1 ").arg(page)),
             qPrintable(problems.first().toString()));
    QVERIFY(FileState::of(m_db) == store);
}

void TestPunctualctlStore::checkNamesUnreadableRows()
{
    // Rows a newer Punctual (or a stray tool) wrote: the store is intact, the rows are not this build's jobs.
    QVERIFY(poke({QStringLiteral("UPDATE jobs SET trigger = '{\"type\":\"lunar\"}' WHERE id = 'job-7'"),
                  QStringLiteral("UPDATE jobs SET action = 'not json' WHERE id = 'job-100'")}));

    const PunctualctlResult r = ctl({"check"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QLatin1String("integrity: ok\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("jobs: 2000 row(s), 2 cannot be read\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("  job \"job-7\" cannot be read: trigger: unknown trigger type \"lunar\"\n")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("  job \"job-100\" cannot be read: action:")), qPrintable(r.out));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // named once, in the report, not also logged

    const QJsonObject o = QJsonDocument::fromJson(ctl({"check", "--json"}).out.toUtf8()).object();
    const QJsonArray unreadable = o.value("jobs").toObject().value("unreadable").toArray();
    QCOMPARE(unreadable.size(), 2);
    QStringList ids;
    for (const QJsonValue &row : unreadable) {
        ids << row.toObject().value("id").toString();
        QVERIFY(!row.toObject().value("reason").toString().isEmpty());
    }
    ids.sort();
    QCOMPARE(ids, (QStringList{"job-100", "job-7"}));
}

void TestPunctualctlStore::checkNeverCreatesAStore()
{
    const QString typo = m_dir->filePath(QStringLiteral("jbos.db"));
    const PunctualctlResult r = runPunctualctl({"--db", typo, "check"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("there is no job store at")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(typo));
    // The default store not made yet: nothing to check, and still nothing made.
    const QByteArray oldData = qgetenv("XDG_DATA_HOME");
    const auto restore = qScopeGuard([&] { qputenv("XDG_DATA_HOME", oldData); });
    const QString data = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    qputenv("XDG_DATA_HOME", QFile::encodeName(data));
    const PunctualctlResult fresh = runPunctualctl({"check"});
    QCOMPARE(fresh.exitCode, 0);
    QVERIFY2(fresh.out.contains(QLatin1String("nothing to check")), qPrintable(fresh.out));
    const PunctualctlResult json = runPunctualctl({"check", "--json"});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value("exists").toBool(true), false);
    QVERIFY(QDir(data).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

void TestPunctualctlStore::checkReportsTheSchema()
{
    // A store of schema 1 (as testsqlitestore's schemaOneIsMigrated makes one) is fine, and is not migrated by
    // looking at it.
    QVERIFY(poke({QStringLiteral("DROP TABLE punctual_instances"),
                  QStringLiteral("ALTER TABLE runs DROP COLUMN instance"),
                  QStringLiteral("UPDATE punctual_meta SET value = '1' WHERE key = 'schema_version'")}));
    const FileState older = FileState::of(m_db);
    const PunctualctlResult r = ctl({"check"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QLatin1String("schema: 1 (this Punctual: 5;")), qPrintable(r.out));
    QVERIFY(FileState::of(m_db) == older);
    // Damaged, it is not migrated either: the migration would write on top of the damage.
    QVERIFY(damageJobsPage() > 1);
    const FileState damaged = FileState::of(m_db);
    const PunctualctlResult listed = ctl({"list"});
    QCOMPARE(listed.exitCode, 1);
    QVERIFY2(listed.err.contains(QLatin1String("store is damaged: On tree page")), qPrintable(listed.err));
    QVERIFY(FileState::of(m_db) == damaged);

    // A newer schema is reported, its rows left alone.
    QVERIFY(QFile::remove(m_db));
    QVERIFY(QFile::copy(m_fixture, m_db));
    QVERIFY(poke({QStringLiteral("UPDATE punctual_meta SET value = '99' WHERE key = 'schema_version'")}));
    const FileState newer = FileState::of(m_db);
    const PunctualctlResult n = ctl({"check"});
    QCOMPARE(n.exitCode, 1);
    QVERIFY2(n.out.contains(QLatin1String("schema: 99, newer than this Punctual reads (up to 5)")), qPrintable(n.out));
    QVERIFY2(n.out.contains(QLatin1String("jobs: not read: written by a newer Punctual")), qPrintable(n.out));
    QVERIFY(FileState::of(m_db) == newer);
}

void TestPunctualctlStore::readOnlyStoreIsChecked()
{
    // A store nobody may write (no write bit, which even root's check respects) is read as it is.
    QVERIFY(QFile::setPermissions(m_db, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    const FileState store = FileState::of(m_db);
    const PunctualctlResult r = ctl({"check"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(FileState::of(m_db) == store);
    const QString backup = m_dir->filePath(QStringLiteral("copy.db"));
    const PunctualctlResult copied = ctl({"backup", backup});
    QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
    QCOMPARE(countJobs(backup), fixtureJobs);
    QVERIFY(FileState::of(m_db) == store);
}

void TestPunctualctlStore::checkOnPostgreSQL()
{
    punctual::test::PostgresServer server;
    QVERIFY2(server.start(), qPrintable(server.error() + '\n' + server.log()));
    const QString url = server.url();
    // An empty database is not made a store by looking at it.
    const PunctualctlResult empty = runPunctualctl({"--store", url, "check"});
    QCOMPARE(empty.exitCode, 1);
    QVERIFY2(empty.err.contains(QLatin1String("is not a Punctual job store")), qPrintable(empty.err));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg"));
        db.setHostName(QUrl(url).host());
        db.setPort(QUrl(url).port());
        db.setUserName(QUrl(url).userName());
        db.setDatabaseName(server.database());
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QVERIFY(db.tables().isEmpty());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pg"));

    const QString jobs = m_dir->filePath(QStringLiteral("jobs.json"));
    QVERIFY(writeFile(jobs, jobFile(QStringLiteral("pg"), 20)));
    QCOMPARE(runPunctualctl({"--store", url, "import", jobs}).exitCode, 0);
    const PunctualctlResult r = runPunctualctl({"--store", url, "check"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QLatin1String("integrity: not checked here")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("jobs: 20 row(s), all readable\n")), qPrintable(r.out));
    const QJsonObject o = QJsonDocument::fromJson(runPunctualctl({"--store", url, "check", "--json"}).out.toUtf8())
                              .object();
    QCOMPARE(o.value("integrity").toObject().value("checked").toBool(), false);
    QCOMPARE(o.value("healthy").toBool(), true);
}

void TestPunctualctlStore::backupWhileTheSchedulerWrites()
{
    // Its log (a line per added job) goes to a file: a pipe nobody reads while the test waits would stall it.
    const QString log = m_dir->filePath(QStringLiteral("run.log"));
    m_instance = std::make_unique<QProcess>();
    m_instance->setStandardErrorFile(log);
    m_instance->start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "run"});
    QVERIFY(m_instance->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(FileState::of(log).bytes.contains("scheduler running on"), 15000);

    // Batches of 200 jobs, each one transaction of the running scheduler, added while the backups are taken.
    constexpr int batches = 12;
    constexpr int batchSize = 200;
    QString script = QStringLiteral("set -e\n");
    for (int b = 0; b < batches; ++b) {
        const QString file = m_dir->filePath(QStringLiteral("batch%1.json").arg(b));
        QVERIFY(writeFile(file, jobFile(QStringLiteral("batch%1").arg(b), batchSize)));
        script += QStringLiteral("'%1' --db '%2' import '%3' >/dev/null\n").arg(PUNCTUALCTL_PATH, m_db, file);
    }
    QProcess adder;
    adder.setProcessChannelMode(QProcess::ForwardedChannels);
    adder.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    QVERIFY(adder.waitForStarted());

    QList<int> counts;
    int n = 0;
    do {
        const QString backup = m_dir->filePath(QStringLiteral("backup.db"));
        const PunctualctlResult r = ctl({"backup", backup});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The copy opens as a store, is whole, and holds the jobs of whole transactions only.
        const int jobs = countJobs(backup);
        QVERIFY2((jobs - fixtureJobs) % batchSize == 0 && jobs >= fixtureJobs, qPrintable(QString::number(jobs)));
        QCOMPARE(r.out, QStringLiteral("%1 job(s) backed up to %2\n").arg(jobs).arg(backup));
        QCOMPARE(runPunctualctl({"--db", backup, "check"}).exitCode, 0);
        QCOMPARE(QFileInfo(backup).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        counts << jobs;
        ++n;
        adder.waitForFinished(0); // notices its end
    } while (adder.state() != QProcess::NotRunning || n < 2);
    QCOMPARE(adder.exitCode(), 0);
    // check reads the store directly while the scheduler holds it.
    const PunctualctlResult checked = ctl({"check"});
    QVERIFY2(checked.exitCode == 0, qPrintable(checked.out + checked.err));
    QVERIFY2(checked.out.contains(QStringLiteral("jobs: %1 row(s)").arg(fixtureJobs + batches * batchSize)),
             qPrintable(checked.out));
    const PunctualctlResult last = ctl({"backup", m_dir->filePath(QStringLiteral("backup.db"))});
    QCOMPARE(last.exitCode, 0);
    QCOMPARE(countJobs(m_dir->filePath(QStringLiteral("backup.db"))), fixtureJobs + batches * batchSize);
    qInfo() << "job counts of the backups taken while jobs were added:" << counts;
    // No temporary copies are left behind.
    const QStringList hidden =
        QDir(m_dir->path()).entryList({QStringLiteral(".backup.db*")}, QDir::Files | QDir::Hidden);
    QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(' ')));
}

void TestPunctualctlStore::backupOnAFullDiskKeepsTheOldFile()
{
    // A real, tiny tmpfs: the copy of a 1 MB store does not fit, and the backup already there must survive.
    const QString mountPoint = m_dir->filePath(QStringLiteral("small"));
    QVERIFY(QDir().mkpath(mountPoint));
    if (::geteuid() != 0
        || ::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=64k") != 0)
        QSKIP("mounting a tmpfs needs root");
    const auto unmount = qScopeGuard([&] { ::umount(QFile::encodeName(mountPoint).constData()); });
    const QString backup = mountPoint + QStringLiteral("/backup.db");
    QVERIFY(writeFile(backup, "the previous backup"));
    const FileState old = FileState::of(backup);

    const PunctualctlResult r = ctl({"backup", backup});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("punctualctl: error: cannot write %1: No space left on device\n").arg(backup));
    QVERIFY(FileState::of(backup) == old);
    QCOMPARE(QDir(mountPoint).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("backup.db")});
}

void TestPunctualctlStore::backupRefusesWhatIsNoFile()
{
    // A FIFO: refused at once (opening it would wait for a reader).
    const QString fifo = m_dir->filePath(QStringLiteral("pipe"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const PunctualctlResult onFifo = ctl({"backup", fifo}, 20000);
    QCOMPARE(onFifo.exitCode, 1);
    QVERIFY2(onFifo.err.contains(QLatin1String("not a regular file")), qPrintable(onFifo.err));
    QCOMPARE(onFifo.err.count(QLatin1Char('\n')), 1);
    const PunctualctlResult onDevice = ctl({"backup", "/dev/null"});
    QCOMPARE(onDevice.exitCode, 1);
    QVERIFY2(onDevice.err.contains(QLatin1String("not a regular file")), qPrintable(onDevice.err));
    // Nor over the store itself, nor a damaged store over a good backup.
    const FileState store = FileState::of(m_db);
    const PunctualctlResult onItself = ctl({"backup", m_db});
    QCOMPARE(onItself.exitCode, 1);
    QVERIFY2(onItself.err.contains(QLatin1String("is the job store itself")), qPrintable(onItself.err));
    QVERIFY(FileState::of(m_db) == store);
    const QString good = m_dir->filePath(QStringLiteral("good.db"));
    QCOMPARE(ctl({"backup", good}).exitCode, 0);
    const FileState goodBackup = FileState::of(good);
    QVERIFY(damageJobsPage() > 1);
    const PunctualctlResult damaged = ctl({"backup", good});
    QCOMPARE(damaged.exitCode, 1);
    QVERIFY2(damaged.err.contains(QLatin1String("store is damaged: On tree page")), qPrintable(damaged.err));
    QVERIFY(FileState::of(good) == goodBackup);
    // A PostgreSQL store: pg_dump does that (refused before any connection is tried).
    const PunctualctlResult postgres =
        runPunctualctl({"--store", "postgresql://nobody@127.0.0.1:1/none", "backup", good}, 20000);
    QCOMPARE(postgres.exitCode, 1);
    QVERIFY2(postgres.err.contains(QLatin1String("pg_dump")), qPrintable(postgres.err));
    QCOMPARE(postgres.err.count(QLatin1Char('\n')), 1);
    // Usage.
    QCOMPARE(ctl({"backup"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestPunctualctlStore)
#include "testpunctualctlstore.moc"
