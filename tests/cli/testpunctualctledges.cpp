// punctualctl at the edges, with real processes and real files: values that cannot round-trip are refused at
// the door (exit 2, nothing stored), writes that fail say so (exit 1, the old file kept), shell lines keep "/".
#include "punctualctlprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

class TestPunctualctlEdges : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void refusedAtTheDoor_data();
    void refusedAtTheDoor();
    void unicodeIdsRoundTrip();
    void shellLineWithSlashIsKept();
    void failedWriteToStandardOutputExitsOne();
    void closedPipeIsNotAnError();
    void exportOnFullDiskKeepsTheOldFile();
    void nextStreamsItsLines();
    void onlyRegularFilesAreStores();
    void lookingNeverCreatesAStore();

private:
    PunctualctlResult ctl(QStringList args);
    QStringList storedIds();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestPunctualctlEdges::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("jobs.db"));
}

PunctualctlResult TestPunctualctlEdges::ctl(QStringList args)
{
    args.prepend(m_db);
    args.prepend(QStringLiteral("--db"));
    return runPunctualctl(args);
}

QStringList TestPunctualctlEdges::storedIds()
{
    const PunctualctlResult r = ctl({QStringLiteral("list"), QStringLiteral("--json")});
    QStringList ids;
    for (const QJsonValue &job : QJsonDocument::fromJson(r.out.toUtf8()).array())
        ids << job.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

void TestPunctualctlEdges::refusedAtTheDoor_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    const QStringList tail{QStringLiteral("--"), QStringLiteral("/bin/true")};
    QTest::newRow("every 10,000 years") << (QStringList{"add", "--id", "x", "--every", "3650000d"} + tail)
                                        << "100 years";
    QTest::newRow("at year 10000 in UTC")
        << (QStringList{"add", "--id", "x", "--at", "9999-12-31T23:30:00-05:00", "--tz", "UTC"} + tail)
        << "years 1 and 9999";
    QTest::newRow("start in year 0") << (QStringList{"add", "--id", "x", "--every", "1h", "--start",
                                                     "0000-01-01T00:00:00+01:00"}
                                         + tail)
                                     << "years 1 and 9999";
    QTest::newRow("timeout 1e300") << (QStringList{"add", "--id", "x", "--every", "1h", "--timeout", "1e300"} + tail)
                                   << "100 years";
    QTest::newRow("blank id") << (QStringList{"add", "--id", "   ", "--every", "1h"} + tail) << "blank";
    QTest::newRow("name on two lines") << (QStringList{"add", "--id", "x", "--name", "a\nforged", "--every", "1h"}
                                           + tail)
                                       << "one line";
}

void TestPunctualctlEdges::refusedAtTheDoor()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const PunctualctlResult r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
    QVERIFY(storedIds().isEmpty());
}

void TestPunctualctlEdges::unicodeIdsRoundTrip()
{
    const QString id = QStringLiteral("backup-😀-夜");
    const PunctualctlResult added = ctl({"add", "--id", id, "--every", "1h", "--", "/bin/true"});
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(storedIds(), QStringList{id});
    const PunctualctlResult shown = ctl({"show", id, "--json"});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8()).object().value(QStringLiteral("id")).toString(), id);
}

void TestPunctualctlEdges::shellLineWithSlashIsKept()
{
    const QString line = QStringLiteral("echo a/b | tr / -");
    QCOMPARE(ctl({"add", "--id", "s", "--every", "1h", "--shell", "--", line}).exitCode, 0);
    const PunctualctlResult shown = ctl({"show", "s", "--json"});
    const QJsonObject action = QJsonDocument::fromJson(shown.out.toUtf8()).object().value("action").toObject();
    QCOMPARE(action.value(QStringLiteral("program")).toString(), line);
    const PunctualctlResult ran = ctl({"run-now", "s"});
    QCOMPARE(ran.exitCode, 0);
    const PunctualctlResult history = ctl({"history", "s", "--json"});
    const QJsonObject run = QJsonDocument::fromJson(history.out.toUtf8()).array().first().toObject();
    QCOMPARE(run.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(run.value(QStringLiteral("output")).toString(), QStringLiteral("a-b\n"));
}

void TestPunctualctlEdges::failedWriteToStandardOutputExitsOne()
{
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    QCOMPARE(ctl({"add", "--id", "a", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    for (const QStringList &command : {QStringList{"list"}, QStringList{"export"}, QStringList{"show", "a"},
                                       QStringList{"next", "--every", "1s", "--count", "3"}}) {
        QProcess process;
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        process.start(QStringLiteral(PUNCTUALCTL_PATH), QStringList{"--db", m_db} + command);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("cannot write to standard output: No space left on device")),
                 qPrintable(command.join(' ') + ": " + err));
    }
}

void TestPunctualctlEdges::closedPipeIsNotAnError()
{
    // `punctualctl next ... | head -1`: the reader leaves early; the writer ends by SIGPIPE or quietly.
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("'%1' next --every 1s --count 1000000 | head -n 1")
                     .arg(QStringLiteral(PUNCTUALCTL_PATH))});
    QVERIFY(shell.waitForFinished(60000));
    QCOMPARE(shell.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()).count(QLatin1Char('\n')), 1);
    const QString err = QString::fromUtf8(shell.readAllStandardError());
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void TestPunctualctlEdges::exportOnFullDiskKeepsTheOldFile()
{
    // A real, tiny tmpfs: the export does not fit, and the good backup already there must survive.
    const QString mountPoint = m_dir->filePath(QStringLiteral("small"));
    QVERIFY(QDir().mkpath(mountPoint));
    if (::geteuid() != 0
        || ::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=64k") != 0)
        QSKIP("mounting a tmpfs needs root");
    const auto unmount = qScopeGuard([&] { ::umount(QFile::encodeName(mountPoint).constData()); });
    for (int i = 0; i < 200; ++i)
        QCOMPARE(ctl({"add", "--id", QStringLiteral("job-%1").arg(i), "--name", QString(100, QLatin1Char('n')),
                      "--every", "1h", "--", "/bin/true"})
                     .exitCode,
                 0);
    const QString backup = mountPoint + QStringLiteral("/backup.json");
    {
        QFile file(backup);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("[]\n") == 3);
    }
    const PunctualctlResult r = ctl({"export", "--output", backup});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("No space left on device")), qPrintable(r.err));
    QFile file(backup);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("[]\n"));
    QCOMPARE(QDir(mountPoint).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("backup.json")});
}

void TestPunctualctlEdges::nextStreamsItsLines()
{
    const PunctualctlResult r = runPunctualctl({"next", "--every", "1s", "--from", "2027-01-01T00:00:00Z", "--tz",
                                                "UTC", "--count", "100000"});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 100000);
    QCOMPARE(lines.first(), QStringLiteral("2027-01-01T00:00:01+00:00"));
    QCOMPARE(lines.last(), QStringLiteral("2027-01-02T03:46:40+00:00"));
}

void TestPunctualctlEdges::onlyRegularFilesAreStores()
{
    // A FIFO: a one-line error at once (opening it would wait forever for a writer).
    const QString fifo = m_dir->filePath(QStringLiteral("pipe.db"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const PunctualctlResult onFifo = runPunctualctl({"--db", fifo, "list"}, 20000);
    QCOMPARE(onFifo.exitCode, 1);
    QVERIFY2(onFifo.err.contains(QLatin1String("not a regular file")), qPrintable(onFifo.err));
    QCOMPARE(onFifo.err.count(QLatin1Char('\n')), 1);
    const PunctualctlResult onDevice = runPunctualctl({"--db", "/dev/null", "add", "--every", "1h", "--", "/bin/true"});
    QCOMPARE(onDevice.exitCode, 1);
    QVERIFY2(onDevice.err.contains(QLatin1String("not a regular file")), qPrintable(onDevice.err));

    // An empty file the user named is not silently made a store, and is left as it was.
    const QString empty = m_dir->filePath(QStringLiteral("empty.db"));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const PunctualctlResult onEmpty = runPunctualctl({"--db", empty, "add", "--every", "1h", "--", "/bin/true"});
    QCOMPARE(onEmpty.exitCode, 1);
    QVERIFY2(onEmpty.err.contains(QLatin1String("empty file")), qPrintable(onEmpty.err));
    QCOMPARE(QFileInfo(empty).size(), 0);
}

void TestPunctualctlEdges::lookingNeverCreatesAStore()
{
    // A mistyped --db: list, show, history and export say so and create nothing.
    const QString typo = m_dir->filePath(QStringLiteral("jbos.db"));
    for (const QStringList &command : {QStringList{"list"}, QStringList{"show", "a"}, QStringList{"history"},
                                       QStringList{"export"}}) {
        const PunctualctlResult r = runPunctualctl(QStringList{"--db", typo} + command);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("there is no job store at")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(typo));
    }
    // The default store not made yet: nothing to list, and still nothing made.
    const QByteArray oldData = qgetenv("XDG_DATA_HOME");
    const auto restore = qScopeGuard([&] { qputenv("XDG_DATA_HOME", oldData); });
    const QString data = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    qputenv("XDG_DATA_HOME", QFile::encodeName(data));
    const PunctualctlResult listed = runPunctualctl({"list"});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(QDir(data).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    const PunctualctlResult shown = runPunctualctl({"show", "a"});
    QCOMPARE(shown.exitCode, 3);
    QVERIFY(QDir(data).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    // A command that adds makes it.
    QCOMPARE(runPunctualctl({"add", "--id", "a", "--every", "1h", "--", "/bin/true"}).exitCode, 0);
    QVERIFY(QFileInfo::exists(data + QStringLiteral("/punctual/jobs.db")));
}

QTEST_GUILESS_MAIN(TestPunctualctlEdges)
#include "testpunctualctledges.moc"
