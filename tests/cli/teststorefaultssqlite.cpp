// A real `punctualctl --db FILE run` host whose SQLite file is swapped under it: replaced by another store (moved
// over it, or a restored copy renamed into place), deleted, or replaced by bytes that are no store. Within 2 s the host
// reopens the new store and runs its jobs, or says the store is unavailable and runs nothing; it never recreates a
// deleted file nor touches a foreign one, and resumes when a store is put back. The jobs append to a marks file, so
// what ran is seen apart from the store (docs/store-faults.md).
#include "instanceprocess.h"
#include "punctualctlprocess.h"
#include "storefaultchecks.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace punctual;
using namespace storefaults;

namespace {

/// The bound for noticing a file swapped under the host and acting on it.
constexpr std::int64_t swapBoundMs = 2000;

} // namespace

class TestStoreFaultsSqlite : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void replacedByAnotherStoreIsReopened();
    void deletedFileIsWaitedForNotRecreated();
    void foreignFileIsReportedAndLeftUntouched();
    void damagedStoreIsRetriedAtTheBackoffsPace();

private:
    /// Makes the store @p path (no host on it) with an every-second job @p id that appends "id time" to the marks file.
    bool makeStore(const QString &path, const QString &id);
    /// punctualctl --db FILE @p args, checked to be answered by the host (not by opening the file itself).
    PunctualctlResult viaHost(const QStringList &args);
    /// The job ids the host lists.
    QStringList listedIds();
    /// The host's status (`status --json`, which only ever asks the host), and its exit code in @p exitCode.
    QJsonObject status(int *exitCode);
    /// The times at which job @p id appended to the marks file.
    QList<std::int64_t> marks(const QString &id) const;
    /// Renames @p from over @p to as mv does (one atomic rename), at the returned time.
    static std::int64_t renameOver(const QString &from, const QString &to);
    /// The host's "available again" after line @p fromLine: when it was written, checked against @p swappedAt.
    void expectReopened(int fromLine, std::int64_t swappedAt, const char *what);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_marks;
    InstanceProcess m_host;
};

void TestStoreFaultsSqlite::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_CONFIG_HOME", m_dir->filePath("config").toUtf8());
    qputenv("XDG_STATE_HOME", m_dir->filePath("state").toUtf8());
    m_db = m_dir->filePath("jobs.db");
    m_marks = m_dir->filePath("marks");
}

void TestStoreFaultsSqlite::cleanup()
{
    m_host.stop();
    if (QTest::currentTestFailed())
        qInfo().noquote() << "the host's log:\n" << m_host.log();
}

bool TestStoreFaultsSqlite::makeStore(const QString &path, const QString &id)
{
    const QString command = QStringLiteral("echo %1 $(date +%s%3N) >> '%2'").arg(id, m_marks);
    const auto added = runPunctualctl({"--db", path, "add", "--id", id, "--every", "1s", "--shell", "--", command});
    if (added.exitCode != 0)
        qWarning("add %s to %s: %s", qPrintable(id), qPrintable(path), qPrintable(added.err));
    return added.exitCode == 0;
}

PunctualctlResult TestStoreFaultsSqlite::viaHost(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("QT_LOGGING_RULES");
    environment.insert("PUNCTUAL_DEBUG", "1");
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PUNCTUALCTL_PATH), QStringList{"--db", m_db} + args);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, "timed out"};
    }
    m_host.log(); // keeps its pipe drained
    PunctualctlResult result{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                             QString::fromUtf8(process.readAllStandardOutput()),
                             QString::fromUtf8(process.readAllStandardError())};
    const QString route = QStringLiteral("talking to the Punctual instance (pid %1)").arg(m_host.process()->processId());
    if (!result.err.contains(route)) {
        qWarning().noquote() << args << "was not answered by the host:" << result.err;
        result.exitCode = -2;
    }
    return result;
}

QStringList TestStoreFaultsSqlite::listedIds()
{
    const auto listed = viaHost({"list", "--json"});
    if (listed.exitCode != 0)
        return {QStringLiteral("(list failed: %1)").arg(listed.err.trimmed())};
    QStringList ids;
    for (const QJsonValue &job : QJsonDocument::fromJson(listed.out.toUtf8()).array())
        ids << job.toObject().value("id").toString();
    ids.sort();
    return ids;
}

QJsonObject TestStoreFaultsSqlite::status(int *exitCode)
{
    const auto answered = runPunctualctl({"--db", m_db, "status", "--json"});
    m_host.log(); // keeps its pipe drained
    const QJsonObject status = QJsonDocument::fromJson(answered.out.toUtf8()).object();
    *exitCode = status.value("running").toBool() ? answered.exitCode : -2;
    return status;
}

QList<std::int64_t> TestStoreFaultsSqlite::marks(const QString &id) const
{
    QList<std::int64_t> times;
    QFile file(m_marks);
    if (!file.open(QIODevice::ReadOnly))
        return times;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 2 && parts[0] == id.toUtf8())
            times << parts[1].toLongLong();
    }
    return times;
}

std::int64_t TestStoreFaultsSqlite::renameOver(const QString &from, const QString &to)
{
    const std::int64_t at = nowMs();
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        qWarning("rename %s over %s failed", qPrintable(from), qPrintable(to));
    return at;
}

void TestStoreFaultsSqlite::expectReopened(int fromLine, std::int64_t swappedAt, const char *what)
{
    QTRY_VERIFY_WITH_TIMEOUT(loggedAt(m_host.log(), "the job store is available again", fromLine).has_value(),
                             static_cast<int>(swapBoundMs) + 10'000);
    const auto lost = loggedAt(m_host.log(), "the job store is unavailable: ", fromLine);
    const auto regained = loggedAt(m_host.log(), "the job store is available again", fromLine);
    // (A store moved back into a path it was gone from: unavailable since the removal, before fromLine.)
    qInfo("%s: the host noticed %s and reopened the store %lld ms after the swap", what,
          lost ? qPrintable(QString("%1 ms after the swap").arg(*lost - swappedAt)) : "before",
          static_cast<long long>(*regained - swappedAt));
    QVERIFY2(*regained - swappedAt <= swapBoundMs,
             qPrintable(QString("%1: reopened %2 ms after the swap").arg(what).arg(*regained - swappedAt)));
}

// Another store moved over the host's file, then a backup restored as cp to a temporary name and a rename: each time
// the host drops the file it had open and schedules the one now at the path, nothing of the old one is mixed in
// (SQLite's -wal next to the path belongs to the file it replaced), and what it lists and runs is the new file's.
void TestStoreFaultsSqlite::replacedByAnotherStoreIsReopened()
{
    QVERIFY(makeStore(m_db, "old"));
    QVERIFY2(m_host.start(m_db), qPrintable(m_host.log()));
    QTRY_VERIFY_WITH_TIMEOUT(marks("old").size() >= 2, 15'000);
    QCOMPARE(listedIds(), QStringList{"old"});

    // 1. mv OTHER FILE: a store made apart.
    const QString other = m_dir->filePath("other.db");
    QVERIFY(makeStore(other, "new"));
    int from = lineCount(m_host.log());
    const std::int64_t moved = renameOver(other, m_db);
    expectReopened(from, moved, "moved over");
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(m_host.log().contains("was replaced by another file"), qPrintable(m_host.log()));
    QCOMPARE(listedIds(), QStringList{"new"});
    QTRY_VERIFY_WITH_TIMEOUT(marks("new").size() >= 2, 15'000);
    qInfo("moved over: the new store's job first ran %lld ms after the swap",
          static_cast<long long>(marks("new").first() - moved));
    // Its first run time came about a second after it was made (--every 1s), when it is due past the reopening.
    QVERIFY(marks("new").first() - moved <= swapBoundMs + 1000 + slackMs);

    // 2. A backup restored: taken now, the store changed after it, then copied back under a temporary name and renamed
    // into place.
    const QString backup = m_dir->filePath("backup.db");
    const auto backedUp = runPunctualctl({"--db", m_db, "backup", backup});
    QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err));
    const QString command = QStringLiteral("echo later $(date +%s%3N) >> '%1'").arg(m_marks);
    QCOMPARE(viaHost({"add", "--id", "later", "--every", "1s", "--shell", "--", command}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(marks("later").size() >= 1, 15'000);
    const QString temporary = m_db + ".restoring";
    QVERIFY(QFile::copy(backup, temporary));
    from = lineCount(m_host.log());
    const std::int64_t restored = renameOver(temporary, m_db);
    expectReopened(from, restored, "restored copy");
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(listedIds(), QStringList{"new"});
    const int newRuns = static_cast<int>(marks("new").size());
    QTRY_VERIFY_WITH_TIMEOUT(marks("new").size() >= newRuns + 2, 15'000);
    // What the replaced files scheduled stopped with them (a run already started may end just after).
    const auto regained = loggedAt(m_host.log(), "the job store is available again", from);
    for (const std::int64_t at : marks("old"))
        QVERIFY2(at < moved + swapBoundMs, "a job of the first file ran after it was replaced");
    for (const std::int64_t at : marks("later"))
        QVERIFY2(at < *regained, "a job added after the backup ran after the backup was restored");

    // The file now at the path is the restored store, whole: nothing of the files it replaced was written into it.
    m_host.stop();
    const auto checked = runPunctualctl({"--db", m_db, "check"});
    QVERIFY2(checked.exitCode == 0, qPrintable(checked.out + checked.err));
    const auto listed = runPunctualctl({"--db", m_db, "list", "--json"});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray jobs = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.first().toObject().value("id").toString(), QString("new"));
}

// The file deleted under the host: within 2 s it is unavailable, the status naming the file as gone; nothing runs;
// the host lives on and does not make a new file. A store moved back to the path is opened again, and runs.
void TestStoreFaultsSqlite::deletedFileIsWaitedForNotRecreated()
{
    QVERIFY(makeStore(m_db, "job"));
    QVERIFY2(m_host.start(m_db), qPrintable(m_host.log()));
    QTRY_VERIFY_WITH_TIMEOUT(marks("job").size() >= 2, 15'000);
    const QString backup = m_dir->filePath("backup.db");
    QCOMPARE(runPunctualctl({"--db", m_db, "backup", backup}).exitCode, 0);

    const std::int64_t removed = nowMs();
    QVERIFY(QFile::remove(m_db));
    int exitCode = -1;
    QJsonObject health;
    QTRY_VERIFY_WITH_TIMEOUT((health = status(&exitCode).value("store_health").toObject(),
                              exitCode == 1 && !health.value("available").toBool(true)),
                             static_cast<int>(swapBoundMs) + 10'000);
    const auto since = QDateTime::fromString(health.value("since").toString(), Qt::ISODateWithMs);
    QVERIFY(since.isValid());
    qInfo("deleted: unavailable %lld ms after the delete: %s", static_cast<long long>(since.toMSecsSinceEpoch() - removed),
          qPrintable(health.value("last_error").toString()));
    QVERIFY(since.toMSecsSinceEpoch() - removed <= swapBoundMs);
    const QString lastError = health.value("last_error").toString();
    QVERIFY2(lastError.contains(m_db) && (lastError.contains("gone") || lastError.contains("removed")),
             qPrintable(lastError));

    // Several reconnects later (0.5, 1, 2 s): still alive, nothing ran, no file made.
    const auto lastRunBefore = marks("job").last();
    QTRY_VERIFY_WITH_TIMEOUT(status(&exitCode).value("store_health").toObject().value("retries").toInt() >= 3, 15'000);
    QCOMPARE(exitCode, 1);
    QVERIFY(m_host.isRunning());
    QVERIFY2(!QFileInfo::exists(m_db), "the host made a new file where the store was deleted");
    QCOMPARE(marks("job").last(), lastRunBefore);
    QVERIFY(lastRunBefore < removed + swapBoundMs);

    // A store moved back to the path.
    const int from = lineCount(m_host.log());
    const std::int64_t back = renameOver(backup, m_db);
    expectReopened(from, back, "moved back");
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(&exitCode).value("store_health").toObject().value("available").toBool(), true);
    QCOMPARE(exitCode, 0);
    QCOMPARE(listedIds(), QStringList{"job"});
    QTRY_VERIFY_WITH_TIMEOUT(marks("job").last() > back, 15'000);
    qInfo("moved back: the job ran again %lld ms after", static_cast<long long>(marks("job").last() - back));
}

// Bytes that are no SQLite database put in place of the store: unavailable with a message saying so, and the file is
// left as it is, byte for byte, through several reconnects.
void TestStoreFaultsSqlite::foreignFileIsReportedAndLeftUntouched()
{
    QVERIFY(makeStore(m_db, "job"));
    QVERIFY2(m_host.start(m_db), qPrintable(m_host.log()));
    QTRY_VERIFY_WITH_TIMEOUT(marks("job").size() >= 2, 15'000);

    QByteArray garbage(64 * 1024, '\0');
    QRandomGenerator random(42);
    random.fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / 4);
    const QString foreign = m_dir->filePath("foreign.bin");
    {
        QFile file(foreign);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    const std::int64_t replaced = renameOver(foreign, m_db);
    int exitCode = -1;
    QJsonObject health;
    QTRY_VERIFY_WITH_TIMEOUT((health = status(&exitCode).value("store_health").toObject(),
                              exitCode == 1 && health.value("last_error").toString().contains("not an SQLite database")),
                             static_cast<int>(swapBoundMs) + 10'000);
    const auto since = QDateTime::fromString(health.value("since").toString(), Qt::ISODateWithMs);
    qInfo("foreign file: unavailable %lld ms after it was put in place: %s",
          static_cast<long long>(since.toMSecsSinceEpoch() - replaced), qPrintable(health.value("last_error").toString()));
    QVERIFY(since.toMSecsSinceEpoch() - replaced <= swapBoundMs);
    QVERIFY2(health.value("last_error").toString().contains(m_db), qPrintable(health.value("last_error").toString()));

    const auto lastRunBefore = marks("job").last();
    QTRY_VERIFY_WITH_TIMEOUT(status(&exitCode).value("store_health").toObject().value("retries").toInt() >= 3, 15'000);
    QVERIFY(m_host.isRunning());
    QCOMPARE(marks("job").last(), lastRunBefore);
    QFile file(m_db);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.readAll() == garbage, "the foreign file was changed");
}

// A Punctual store with a damaged page put in place: it opens, fails the quick check, and is refused ("damaged").
// Opening it touches the folder (-wal, -shm), which the watcher sees: the reconnects must still follow the backoff
// (0.5, 1, 2 s...), not start one another at once.
void TestStoreFaultsSqlite::damagedStoreIsRetriedAtTheBackoffsPace()
{
    QVERIFY(makeStore(m_db, "job"));
    QVERIFY2(m_host.start(m_db), qPrintable(m_host.log()));
    QTRY_VERIFY_WITH_TIMEOUT(marks("job").size() >= 1, 15'000);

    const QString damaged = m_dir->filePath("damaged.db");
    QVERIFY(makeStore(damaged, "other"));
    {
        // The last page (an index) overwritten: the schema on page 1 still reads, the quick check does not pass.
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() >= 8 * 4096);
        QVERIFY(file.seek(file.size() - 4096));
        QCOMPARE(file.write(QByteArray(4096, '\xff')), 4096);
    }
    const std::int64_t replaced = renameOver(damaged, m_db);
    int exitCode = -1;
    QJsonObject health;
    QTRY_VERIFY_WITH_TIMEOUT((health = status(&exitCode).value("store_health").toObject(),
                              exitCode == 1 && health.value("retries").toInt() >= 3),
                             static_cast<int>(swapBoundMs) + 10'000);
    const std::int64_t seenAt = nowMs();
    qInfo("damaged store: %d reconnects %lld ms after the swap: %s", health.value("retries").toInt(),
          static_cast<long long>(seenAt - replaced), qPrintable(health.value("last_error").toString()));
    QVERIFY2(health.value("last_error").toString().contains("damaged"), qPrintable(health.value("last_error").toString()));
    // Tries at 0, 0.5, 1.5, 3.5 s after the swap: a fourth or fifth at most, whatever the machine's load.
    QVERIFY2(health.value("retries").toInt() <= 5, qPrintable(QString::number(health.value("retries").toInt())));
    QVERIFY(m_host.isRunning());
    QVERIFY(marks("other").isEmpty());
}

QTEST_GUILESS_MAIN(TestStoreFaultsSqlite)
#include "teststorefaultssqlite.moc"
