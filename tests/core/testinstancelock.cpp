// One instance per user and store: a second lock fails while the first lives (in this process and in another), a
// socket left by a killed process is taken over, and every spelling of a store's path names the same lock.
#include "control/controlclient.h"
#include "control/instancelock.h"
#include "control/protocol.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace punctual;

class TestInstanceLock : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void secondLockFailsWhileTheFirstLives();
    void socketIsPrivate();
    void everySpellingOfAPathIsOneStore();
    void staleSocketIsTakenOver();
    void anotherProcessHoldsItUntilKilled();
    void runtimeFolderIsNeverShared();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestInstanceLock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("jobs.db");
}

void TestInstanceLock::secondLockFailsWhileTheFirstLives()
{
    auto first = InstanceLock::acquire(m_db);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QVERIFY(first.value()->server()->isListening());
    QCOMPARE(first.value()->storePath(), control::canonicalStorePath(m_db));

    auto second = InstanceLock::acquire(m_db);
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::Conflict);
    QCOMPARE(second.error().message, QStringLiteral("Punctual is already running on %1 (pid %2)")
                                         .arg(control::canonicalStorePath(m_db))
                                         .arg(QCoreApplication::applicationPid()));
    QCOMPARE(InstanceLock::runningInstancePid(m_db), std::optional<qint64>(QCoreApplication::applicationPid()));

    // Another store is another lock.
    auto other = InstanceLock::acquire(m_dir->filePath("other.db"));
    QVERIFY(other);
    QVERIFY(other.value()->socketPath() != first.value()->socketPath());

    // Released: the socket file is gone and the lock can be taken again.
    const QString socket = first.value()->socketPath();
    first.value().reset();
    QVERIFY(!QFile::exists(socket));
    QCOMPARE(InstanceLock::runningInstancePid(m_db), std::nullopt);
    auto again = InstanceLock::acquire(m_db);
    QVERIFY(again);
}

void TestInstanceLock::socketIsPrivate()
{
    auto lock = InstanceLock::acquire(m_db);
    QVERIFY(lock);
    const QString socket = lock.value()->socketPath();
    QVERIFY(QFileInfo(socket).fileName().startsWith(QStringLiteral("punctual-%1-").arg(::getuid())));
    QCOMPARE(QFileInfo(socket).fileName(), control::instanceName(m_db));
    QCOMPARE(lock.value()->server()->socketOptions(), QLocalServer::UserAccessOption);
    const QFile::Permissions permissions = QFileInfo(socket).permissions();
    QVERIFY(permissions & QFile::ReadOwner);
    QVERIFY(!(permissions & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
}

void TestInstanceLock::everySpellingOfAPathIsOneStore()
{
    QVERIFY(QDir(m_dir->path()).mkpath("sub"));
    QVERIFY(QFile::link(m_dir->path(), m_dir->filePath("link")));
    const QString name = control::instanceName(m_db);
    QCOMPARE(control::instanceName(m_dir->path() + "/./jobs.db"), name);
    QCOMPARE(control::instanceName(m_dir->path() + "/sub/../jobs.db"), name);
    QCOMPARE(control::instanceName(m_dir->filePath("link/jobs.db")), name); // before the file exists
    QFile file(m_db);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(control::instanceName(m_dir->filePath("link/jobs.db")), name); // and after
    const QString relative = QDir::current().relativeFilePath(m_db);
    QCOMPARE(control::instanceName(relative), name);
    QVERIFY(control::instanceName(m_dir->filePath("sub/jobs.db")) != name);

    auto lock = InstanceLock::acquire(m_dir->filePath("link/jobs.db"));
    QVERIFY(lock);
    auto second = InstanceLock::acquire(relative);
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::Conflict);
}

void TestInstanceLock::staleSocketIsTakenOver()
{
    // A socket file that nobody listens on, as a crashed instance leaves it.
    const QString path = control::instanceSocketPath(m_db);
    QLocalServer::removeServer(path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    QVERIFY(static_cast<std::size_t>(encoded.size()) < sizeof address.sun_path);
    std::memcpy(address.sun_path, encoded.constData(), static_cast<std::size_t>(encoded.size()) + 1);
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    ::close(fd);
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(InstanceLock::runningInstancePid(m_db), std::nullopt);

    auto lock = InstanceLock::acquire(m_db);
    QVERIFY2(lock, qPrintable(lock ? QString() : lock.error().message));
    QLocalSocket client;
    client.connectToServer(path);
    QVERIFY(client.waitForConnected(2000));
    QTRY_VERIFY(lock.value()->server()->hasPendingConnections() || lock.value()->server()->waitForNewConnection(10));
}

void TestInstanceLock::anotherProcessHoldsItUntilKilled()
{
    QProcess holder;
    holder.start(QCoreApplication::applicationFilePath(), {"--hold", m_db});
    QVERIFY(holder.waitForStarted());
    QVERIFY(holder.waitForReadyRead(10000));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("holding"));

    auto refused = InstanceLock::acquire(m_db);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.endsWith(QStringLiteral("(pid %1)").arg(holder.processId())),
             qPrintable(refused.error().message));

    // Killed without a chance to clean up: its socket file stays, and the next instance takes it over.
    holder.kill();
    QVERIFY(holder.waitForFinished());
    QVERIFY(QFileInfo::exists(control::instanceSocketPath(m_db)));
    auto taken = InstanceLock::acquire(m_db);
    QVERIFY2(taken, qPrintable(taken ? QString() : taken.error().message));
    QCOMPARE(InstanceLock::runningInstancePid(m_db), std::optional<qint64>(QCoreApplication::applicationPid()));
}

void TestInstanceLock::runtimeFolderIsNeverShared()
{
    if (QFileInfo::exists(QStringLiteral("/run/user/%1").arg(::getuid())))
        QSKIP("this user has a session runtime folder, which is taken before the fallback");
    const QByteArray oldRuntime = qgetenv("XDG_RUNTIME_DIR");
    const QByteArray oldHome = qgetenv("HOME");
    const auto restore = qScopeGuard([&] {
        qputenv("XDG_RUNTIME_DIR", oldRuntime);
        qputenv("HOME", oldHome);
    });
    QTemporaryDir shared;
    QVERIFY(QFile::setPermissions(shared.path(), QFileDevice::Permissions(0x7777))); // like /tmp: anyone's
    QTemporaryDir home;
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(shared.path()));
    qputenv("HOME", QFile::encodeName(home.path()));
    const QString store = home.filePath(QStringLiteral("jobs.db"));

    // A shared runtime folder is passed over for a private one under the user's home, never the temporary folder.
    const QString socket = control::instanceSocketPath(store);
    QCOMPARE(QFileInfo(socket).path(), home.path() + QStringLiteral("/.local/state/punctual/run"));
    QCOMPARE(QFileInfo(QFileInfo(socket).path()).permissions() & QFileDevice::Permissions(0x0077), QFileDevice::Permissions());
    {
        auto lock = InstanceLock::acquire(store);
        QVERIFY2(lock, lock ? "" : qPrintable(lock.error().message));
    }

    // No private folder can be had: a clear error naming the fix, and nothing made in the temporary folder.
    QTemporaryDir noHome;
    QFile blocker(noHome.filePath(QStringLiteral(".local")));
    QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder would go
    blocker.close();
    qputenv("HOME", QFile::encodeName(noHome.path()));
    const auto refused = InstanceLock::acquire(store);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("XDG_RUNTIME_DIR")), qPrintable(refused.error().message));
    QVERIFY(QDir::temp().entryList({control::instanceName(store) + QStringLiteral("*")}).isEmpty());
}

int main(int argc, char *argv[])
{
    if (argc == 3 && QByteArray(argv[1]) == "--hold") {
        // The other process of anotherProcessHoldsItUntilKilled(): hold the lock until killed.
        QCoreApplication app(argc, argv);
        auto lock = InstanceLock::acquire(QString::fromLocal8Bit(argv[2]));
        std::puts(lock ? "holding" : qPrintable(lock.error().message));
        std::fflush(stdout);
        return QCoreApplication::exec();
    }
    QCoreApplication app(argc, argv);
    TestInstanceLock test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "testinstancelock.moc"
