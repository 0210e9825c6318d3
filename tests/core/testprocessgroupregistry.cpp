// ProcessGroupRegistry with real processes: the file while groups run, ending an earlier session's groups (leader
// alive or gone, SIGTERM ignored), and leaving alone a group whose number now belongs to someone else.
#include "executors/processgroupregistry.h"
#include "support/processes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;
using namespace punctual::test;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 10000;

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void writeJson(const QString &path, const QJsonObject &object)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(object).toJson());
}

} // namespace

class TestProcessGroupRegistry : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fileIsPerHostAndStore();
    void recordsTheGroupsGoingNow();
    void endsALeftoverGroupAndItsChildren();
    void endsAGroupWhoseLeaderIsGone();
    void killsAGroupThatIgnoresSigterm();
    void leavesAReusedNumberAlone();
    void ignoresTheListOfAnotherBoot();
    void keepsItsOwnGroups();

private:
    /// Starts `sh -c SCRIPT` as a detached group leader and waits until the script wrote @p pidCount pids to
    /// m_pids (the script's first line should be `echo $$ > PIDS`); returns them, leader first.
    QList<qint64> startGroup(const QString &script, int pidCount);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
    QString m_pidFile;
    QList<qint64> m_started;
};

void TestProcessGroupRegistry::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath("state/processes.json");
    m_pidFile = m_dir->filePath("pids");
    m_started.clear();
}

void TestProcessGroupRegistry::cleanup()
{
    killAll(m_started);
    m_dir.reset();
}

QList<qint64> TestProcessGroupRegistry::startGroup(const QString &script, int pidCount)
{
    QFile::remove(m_pidFile);
    const qint64 leader = startDetachedGroup(script);
    if (leader <= 0)
        return {};
    m_started.append(leader);
    if (!QTest::qWaitFor([&] { return readPids(m_pidFile).size() == pidCount; }, waitMs))
        return {};
    const QList<qint64> pids = readPids(m_pidFile);
    m_started.append(pids);
    if (pids.value(0) != leader)
        qWarning() << "the script's first pid" << pids.value(0) << "is not the leader" << leader;
    return pids;
}

void TestProcessGroupRegistry::fileIsPerHostAndStore()
{
    const QByteArray oldState = qgetenv("XDG_STATE_HOME");
    qputenv("XDG_STATE_HOME", m_dir->path().toUtf8());
    const QString a = ProcessGroupRegistry::fileFor("/home/u/jobs.db");
    const QString b = ProcessGroupRegistry::fileFor("/postgresql/u@db:5432/jobs/laptop");
    qputenv("XDG_STATE_HOME", oldState);
    QVERIFY2(a.startsWith(m_dir->path() + "/punctual/processes/"), qPrintable(a));
    QVERIFY(a != b);
    qputenv("XDG_STATE_HOME", m_dir->path().toUtf8());
    QCOMPARE(ProcessGroupRegistry::fileFor("/home/u/jobs.db"), a); // the same store finds the same file again
    qputenv("XDG_STATE_HOME", oldState);
    // One file per host: a home folder shared by several machines keeps their lists apart.
    QVERIFY2(QFileInfo(a).fileName().startsWith(QSysInfo::machineHostName().left(8)), qPrintable(a));
}

void TestProcessGroupRegistry::recordsTheGroupsGoingNow()
{
    const QList<qint64> pids = startGroup("echo $$ > " + m_pidFile + "; exec sleep 300", 1);
    QCOMPARE(pids.size(), 1);
    ProcessGroupRegistry registry(m_file);
    registry.add(pids[0], "backup", 42);
    QCOMPARE(registry.groups().size(), 1);
    QCOMPARE(registry.groups()[0].startTicks, ProcessGroupRegistry::processStartTicks(pids[0]));
    QVERIFY(registry.groups()[0].startTicks > 0);

    // The file says what runs, for the next session: it is the only trace left after a crash.
    const QJsonObject root = readJson(m_file);
    const QJsonObject group = root.value("groups").toArray().at(0).toObject();
    QCOMPARE(group.value("pgid").toInteger(), pids[0]);
    QCOMPARE(group.value("job_id").toString(), QStringLiteral("backup"));
    QCOMPARE(group.value("run_id").toInteger(), 42);
    QCOMPARE(static_cast<quint64>(group.value("start_ticks").toInteger()), registry.groups()[0].startTicks);
    QVERIFY(!root.value("boot_id").toString().isEmpty());
    QVERIFY((QFileInfo(QFileInfo(m_file).absolutePath()).permissions() & QFileDevice::ReadOther) == 0);

    // Our own groups are not leftovers; once none runs, the file goes.
    QVERIFY(registry.leftovers().isEmpty());
    registry.remove(pids[0]);
    QVERIFY(!QFile::exists(m_file));
}

void TestProcessGroupRegistry::endsALeftoverGroupAndItsChildren()
{
    // A job as a crash leaves it: a shell with two background children, all in the run's group.
    const QString script = "echo $$ > " + m_pidFile + "; sleep 300 & echo $! >> " + m_pidFile + "; sleep 300 & echo $! >> "
        + m_pidFile + "; wait";
    const QList<qint64> pids = startGroup(script, 3);
    QCOMPARE(pids.size(), 3);
    ProcessGroupRegistry(m_file).add(pids[0], "job", 1); // the dead session's registry, as far as the file goes

    ProcessGroupRegistry next(m_file);
    QCOMPARE(next.leftovers().size(), 1);
    QCOMPARE(next.leftovers()[0].jobId, QStringLiteral("job"));
    QCOMPARE(next.endLeftovers(), 1);
    // endLeftovers() returns only once they are gone.
    for (const qint64 pid : pids)
        QVERIFY2(processGone(pid), qPrintable(QString::number(pid)));
    QVERIFY(!QFile::exists(m_file));
    QCOMPARE(next.endLeftovers(), 0);
}

void TestProcessGroupRegistry::endsAGroupWhoseLeaderIsGone()
{
    const QString script = "echo $$ > " + m_pidFile + "; sleep 300 & echo $! >> " + m_pidFile + "; wait";
    const QList<qint64> pids = startGroup(script, 2);
    QCOMPARE(pids.size(), 2);
    ProcessGroupRegistry(m_file).add(pids[0], "job", 1);
    // What the parent death signal does when the scheduler dies: the leader gets SIGKILL, its child lives on.
    ::kill(static_cast<pid_t>(pids[0]), SIGKILL);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pids[0]), waitMs);
    QVERIFY(!processGone(pids[1]));

    QCOMPARE(ProcessGroupRegistry(m_file).endLeftovers(), 1);
    QVERIFY(processGone(pids[1]));
}

void TestProcessGroupRegistry::killsAGroupThatIgnoresSigterm()
{
    // An ignored signal stays ignored across fork and exec: the sleep ignores SIGTERM too.
    const QString script = "trap '' TERM; echo $$ > " + m_pidFile + "; sleep 300 & echo $! >> " + m_pidFile + "; wait";
    const QList<qint64> pids = startGroup(script, 2);
    QCOMPARE(pids.size(), 2);
    ProcessGroupRegistry(m_file).add(pids[0], "stubborn", 7);

    QElapsedTimer elapsed;
    elapsed.start();
    QCOMPARE(ProcessGroupRegistry(m_file).endLeftovers(300ms), 1);
    QVERIFY(processGone(pids[0]));
    QVERIFY(processGone(pids[1]));
    // SIGKILL came after the grace time, not at once.
    QVERIFY2(elapsed.elapsed() >= 250, qPrintable(QString::number(elapsed.elapsed())));
}

void TestProcessGroupRegistry::leavesAReusedNumberAlone()
{
    // A live group whose leader started at another time than the one recorded: the recorded run's pid was given
    // to this process after the run ended. It is someone else's and must survive.
    const QList<qint64> pids = startGroup("echo $$ > " + m_pidFile + "; exec sleep 300", 1);
    QCOMPARE(pids.size(), 1);
    ProcessGroupRegistry(m_file).add(pids[0], "job", 1);
    QJsonObject root = readJson(m_file);
    QJsonArray groups = root.value("groups").toArray();
    QJsonObject group = groups.at(0).toObject();
    group.insert("start_ticks", group.value("start_ticks").toInteger() - 1);
    groups.replace(0, group);
    root.insert("groups", groups);
    writeJson(m_file, root);

    ProcessGroupRegistry next(m_file);
    QCOMPARE(next.leftovers().size(), 1);
    QCOMPARE(next.endLeftovers(), 0);
    QVERIFY(!processGone(pids[0]));
    QVERIFY(!QFile::exists(m_file)); // forgotten: it will not be looked at again
}

void TestProcessGroupRegistry::ignoresTheListOfAnotherBoot()
{
    const QList<qint64> pids = startGroup("echo $$ > " + m_pidFile + "; exec sleep 300", 1);
    QCOMPARE(pids.size(), 1);
    ProcessGroupRegistry(m_file).add(pids[0], "job", 1);
    QJsonObject root = readJson(m_file);
    root.insert("boot_id", "00000000-0000-0000-0000-000000000000");
    writeJson(m_file, root);

    ProcessGroupRegistry next(m_file);
    QVERIFY(next.leftovers().isEmpty());
    QCOMPARE(next.endLeftovers(), 0);
    QVERIFY(!processGone(pids[0]));
    QVERIFY(!QFile::exists(m_file));
}

void TestProcessGroupRegistry::keepsItsOwnGroups()
{
    // A registry that records a group before it ended the leftovers (a run started before Scheduler::start())
    // neither loses the leftovers from the file nor ends its own group with them.
    const QList<qint64> old = startGroup("echo $$ > " + m_pidFile + "; exec sleep 300", 1);
    QCOMPARE(old.size(), 1);
    ProcessGroupRegistry(m_file).add(old[0], "old", 1);
    const QList<qint64> own = startGroup("echo $$ > " + m_pidFile + "; exec sleep 300", 1);
    QCOMPARE(own.size(), 1);

    ProcessGroupRegistry registry(m_file);
    registry.add(own[0], "own", 2);
    // Recording a group of its own before the leftovers were ended keeps them in the file.
    QCOMPARE(readJson(m_file).value("groups").toArray().size(), 2);
    QCOMPARE(registry.leftovers().size(), 1);
    QCOMPARE(registry.leftovers()[0].jobId, QStringLiteral("old"));

    QCOMPARE(registry.endLeftovers(), 1);
    QVERIFY(processGone(old[0]));
    QVERIFY(!processGone(own[0]));
    const QJsonArray groups = readJson(m_file).value("groups").toArray();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0).toObject().value("job_id").toString(), QStringLiteral("own"));
}

QTEST_GUILESS_MAIN(TestProcessGroupRegistry)
#include "testprocessgroupregistry.moc"
