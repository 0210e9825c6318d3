// StoreWatcher: another process's (or connection's) commit is noticed within 2 s, our own commits are not, bursts
// are coalesced, and a checkpoint that empties the -wal file does not blind it.
#include "store/sqljobstore.h"
#include "store/storewatcher.h"
#include "support/jobbuilder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace punctual;
using punctual::test::JobBuilder;

namespace {

constexpr std::int64_t T0 = 1767225600000; // 2026-01-01T00:00:00Z

Job makeJob(const QString &id)
{
    return JobBuilder(id)
        .name(id)
        .interval(3'600'000, T0)
        .command(QStringLiteral("/bin/true"))
        .nextRunTime(T0 + 3'600'000)
        .createdAt(T0);
}

// The other process: adds @p count jobs (one transaction each) and optionally truncates the -wal file afterwards.
int writer(const QString &path, const QString &prefix, int count, bool checkpoint)
{
    auto store = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        if (auto added = store.value()->addJob(makeJob(QStringLiteral("%1-%2").arg(prefix).arg(i)), ConflictPolicy::Fail); !added) {
            std::fprintf(stderr, "%s\n", qPrintable(added.error().message));
            return 1;
        }
    }
    if (checkpoint) {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "checkpoint");
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (!db.open() || !query.exec("PRAGMA wal_checkpoint(TRUNCATE)")) {
            std::fprintf(stderr, "checkpoint: %s\n", qPrintable(query.lastError().text()));
            return 1;
        }
    }
    return 0;
}

} // namespace

class TestStoreWatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ownCommitsAreNotChanges();
    void anotherProcessIsNoticedWithinTwoSeconds();
    void anotherConnectionIsNoticed();
    void burstsAreCoalesced();
    void checkpointsDoNotBlindIt();
    void folderChangesKeepTheWatches();
    void withoutAStoreConnection();
    void aReplacedFileIsToldWithinTwoSeconds();
    void aRemovedFileIsToldAndItsReturnToo();
    void aFileThatCameBackIsToldOnce();

private:
    /// Runs this test program as the writer process; returns when it has exited.
    void writeFromAnotherProcess(const QString &prefix, int count = 1, bool checkpoint = false);
    /// Waits until @p spy has at least one signal; fails unless that happens within @p ms of now.
    void expectChangeWithin(QSignalSpy &spy, int ms);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    std::unique_ptr<SqlJobStore> m_store;
};

void TestStoreWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("jobs.db");
    auto store = SqlJobStore::openSqlite(m_db, SqlJobStore::OpenMode::ExplicitPath);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(store).value();
}

void TestStoreWatcher::cleanup()
{
    m_store.reset();
}

void TestStoreWatcher::writeFromAnotherProcess(const QString &prefix, int count, bool checkpoint)
{
    QProcess process;
    QStringList args{"--write", m_db, prefix, QString::number(count)};
    if (checkpoint)
        args << "checkpoint";
    process.start(QCoreApplication::applicationFilePath(), args);
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void TestStoreWatcher::expectChangeWithin(QSignalSpy &spy, int ms)
{
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 1, ms);
    QVERIFY2(timer.elapsed() <= ms, qPrintable(QString::number(timer.elapsed())));
}

void TestStoreWatcher::ownCommitsAreNotChanges()
{
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QVERIFY(watcher.isWatching());
    QVERIFY2(watcher.usesStoreConnection(), qPrintable(watcher.judgeConnectionName()));
    QSignalSpy changed(&watcher, &StoreWatcher::changed);
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_store->addJob(makeJob(QStringLiteral("own-%1").arg(i)), ConflictPolicy::Fail));
    Job job = makeJob("own-0");
    job.paused = true;
    QVERIFY(m_store->updateJob(job));
    QVERIFY(m_store->removeJob("own-1"));
    QTest::qWait(1500);
    QCOMPARE(changed.size(), 0);
}

void TestStoreWatcher::anotherProcessIsNoticedWithinTwoSeconds()
{
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QSignalSpy changed(&watcher, &StoreWatcher::changed);
    writeFromAnotherProcess("theirs");
    expectChangeWithin(changed, 2000);
    QTest::qWait(500);
    QCOMPARE(changed.size(), 1);
    auto theirs = m_store->job("theirs-0");
    QVERIFY(theirs && theirs.value());

    // Again, and our own commits in between still do not count.
    QVERIFY(m_store->addJob(makeJob("mine"), ConflictPolicy::Fail));
    QTest::qWait(500);
    QCOMPARE(changed.size(), 1);
    writeFromAnotherProcess("again");
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 2000);
}

void TestStoreWatcher::anotherConnectionIsNoticed()
{
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QSignalSpy changed(&watcher, &StoreWatcher::changed);
    auto other = m_store->openAnother();
    QVERIFY(other);
    QVERIFY(other.value()->addJob(makeJob("other"), ConflictPolicy::Fail));
    expectChangeWithin(changed, 2000);
}

void TestStoreWatcher::burstsAreCoalesced()
{
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QSignalSpy changed(&watcher, &StoreWatcher::changed);
    writeFromAnotherProcess("burst", 40);
    expectChangeWithin(changed, 2000);
    QTest::qWait(StoreWatcher::maxDelayMs);
    QVERIFY2(changed.size() <= 3, qPrintable(QString::number(changed.size())));
    QCOMPARE(m_store->jobCount().value(), 40);
}

void TestStoreWatcher::checkpointsDoNotBlindIt()
{
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QSignalSpy changed(&watcher, &StoreWatcher::changed);
    writeFromAnotherProcess("before", 3, true);
    QCOMPARE(QFileInfo(m_db + "-wal").size(), 0); // truncated by the checkpoint
    expectChangeWithin(changed, 2000);
    changed.clear();
    QTest::qWait(300);
    changed.clear();
    writeFromAnotherProcess("after");
    expectChangeWithin(changed, 2000);
}

void TestStoreWatcher::folderChangesKeepTheWatches()
{
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QSignalSpy changed(&watcher, &StoreWatcher::changed);
    // The store and its -wal file are watched: not their folder, so files others make there wake nothing (issue 19).
    QVERIFY(QFileInfo::exists(m_db + "-wal"));
    QVERIFY(!watcher.watchesFolder());
    // Files coming and going next to the store are no change of the store.
    QFile other(m_dir->filePath("notes.txt"));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("x");
    other.close();
    QVERIFY(QFile::remove(other.fileName()));
    QTest::qWait(600);
    QCOMPARE(changed.size(), 0);
    writeFromAnotherProcess("later");
    expectChangeWithin(changed, 2000);
}

void TestStoreWatcher::aReplacedFileIsToldWithinTwoSeconds()
{
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QSignalSpy replaced(&watcher, &StoreWatcher::fileReplaced);
    QSignalSpy removed(&watcher, &StoreWatcher::fileRemoved);
    const QString other = m_dir->filePath("restored.db");
    {
        auto restored = SqlJobStore::openSqlite(other, SqlJobStore::OpenMode::ExplicitPath);
        QVERIFY(restored);
    }
    // Moved over the path in one step, as mv and sync tools do.
    QCOMPARE(std::rename(QFile::encodeName(other).constData(), QFile::encodeName(m_db).constData()), 0);
    expectChangeWithin(replaced, 2000);
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(removed.size(), 0);
}

void TestStoreWatcher::aRemovedFileIsToldAndItsReturnToo()
{
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QSignalSpy replaced(&watcher, &StoreWatcher::fileReplaced);
    QSignalSpy removed(&watcher, &StoreWatcher::fileRemoved);
    const QString away = m_dir->filePath("away.db");
    QVERIFY(QFile::rename(m_db, away));
    expectChangeWithin(removed, 2000);
    QCOMPARE(replaced.size(), 0);
    QVERIFY(!QFile::exists(m_db)); // told, not re-created
    QVERIFY(watcher.watchesFolder()); // for its return
    // The same file moved back: worth a reconnect at once.
    QVERIFY(QFile::rename(away, m_db));
    expectChangeWithin(replaced, 2000);
    QCOMPARE(removed.size(), 1);
}

void TestStoreWatcher::aFileThatCameBackIsToldOnce()
{
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QSignalSpy replaced(&watcher, &StoreWatcher::fileReplaced);
    QSignalSpy removed(&watcher, &StoreWatcher::fileRemoved);
    QVERIFY(QFile::remove(m_db));
    expectChangeWithin(removed, 2000);
    const auto makeStoreFile = [this](const QString &name) {
        const QString path = m_dir->filePath(name);
        auto made = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
        return made ? path : QString();
    };
    const QString first = makeStoreFile("first.db");
    QVERIFY(!first.isEmpty());
    QCOMPARE(std::rename(QFile::encodeName(first).constData(), QFile::encodeName(m_db).constData()), 0);
    expectChangeWithin(replaced, 2000);
    // The folder changes again, the file at the path does not (a reconnect that opens and refuses it makes its -wal
    // and -shm): no further signal, which would bring the next reconnect at once, again and again.
    for (int i = 0; i < 5; ++i) {
        QFile sibling(m_db + QStringLiteral("-wal"));
        QVERIFY(sibling.open(QIODevice::WriteOnly));
        sibling.close();
        QVERIFY(QFile::remove(m_db + QStringLiteral("-wal")));
        // Each change its own notification (one read of the folder's events folds those that came together).
        QTest::qWait(100);
    }
    // Another file put there is told: the signals come in order, so any for the folder changes came before.
    const QString second = makeStoreFile("second.db");
    QVERIFY(!second.isEmpty());
    QCOMPARE(std::rename(QFile::encodeName(second).constData(), QFile::encodeName(m_db).constData()), 0);
    QTRY_VERIFY_WITH_TIMEOUT(replaced.size() >= 2, 2000);
    QCOMPARE(replaced.size(), 2);
    QCOMPARE(removed.size(), 1);
}

void TestStoreWatcher::withoutAStoreConnection()
{
    // With no store open in this process, the watcher judges on a connection of its own.
    m_store.reset();
    StoreWatcher watcher(m_db);
    QVERIFY(watcher.start());
    QVERIFY(!watcher.usesStoreConnection());
    QSignalSpy changed(&watcher, &StoreWatcher::changed);
    QTest::qWait(300);
    QCOMPARE(changed.size(), 0);
    writeFromAnotherProcess("solo");
    expectChangeWithin(changed, 2000);
    const QString own = watcher.judgeConnectionName();
    QVERIFY(!own.isEmpty());
    watcher.stop();
    QVERIFY(!QSqlDatabase::contains(own));

    // A file that is not there cannot be watched.
    StoreWatcher missing(m_dir->filePath("missing.db"));
    QVERIFY(!missing.start());
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc >= 5 && QByteArray(argv[1]) == "--write") {
        return writer(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), QByteArray(argv[4]).toInt(),
                      argc >= 6 && QByteArray(argv[5]) == "checkpoint");
    }
    TestStoreWatcher test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "teststorewatcher.moc"
