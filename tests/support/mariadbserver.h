// A throw-away MariaDB server for tests: Debian's own binaries (package `mariadb-server`), a fresh data folder in
// a temporary folder, listening on 127.0.0.1 on a free port and on a private socket, killed and deleted when the
// object goes away. Never touches the system's server (--no-defaults: no /etc/mysql option files).
// As root the server runs as root (--user=root): mariadbd refuses root otherwise.
#pragma once

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>

namespace punctual::test {

class MariadbServer
{
public:
    MariadbServer() = default;
    MariadbServer(const MariadbServer &) = delete;
    MariadbServer &operator=(const MariadbServer &) = delete;
    ~MariadbServer() { stop(); }

    /// The server's session time zone: not UTC on purpose, as on many servers, so that tests see whether a
    /// timestamp means the right instant.
    static QString timeZone() { return QStringLiteral("+05:30"); }

    /// The full path of one of MariaDB's programs, or empty when it is not installed.
    static QString program(const QString &name)
    {
        return QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"),
                                                     QStringLiteral("/usr/local/sbin"),
                                                     QStringLiteral("/usr/local/bin")});
    }
    /// Whether the server, its installer and its client are all here (Debian package mariadb-server).
    static bool isInstalled()
    {
        return !program(QStringLiteral("mariadbd")).isEmpty()
            && !program(QStringLiteral("mariadb-install-db")).isEmpty()
            && !program(QStringLiteral("mariadb")).isEmpty();
    }

    /// Creates the data folder, starts the server, adds the user user() (no password, every privilege, may
    /// grant) and the database database(); false with error() on failure.
    bool start()
    {
        if (!isInstalled())
            return fail(
                QStringLiteral("MariaDB is not installed (Debian package mariadb-server; scripts/install-deps)"));
        if (!m_dir.isValid())
            return fail(QStringLiteral("cannot create a temporary folder"));
        m_port = freePort();
        if (m_port == 0)
            return fail(QStringLiteral("no free loopback port"));
        // Small InnoDB files (the defaults take 100 MB) and no native AIO (io_uring may be refused in containers).
        const QStringList innodb{QStringLiteral("--innodb-log-file-size=4M"),
                                 QStringLiteral("--innodb-buffer-pool-size=16M"),
                                 QStringLiteral("--innodb-data-file-path=ibdata1:10M:autoextend"),
                                 QStringLiteral("--innodb-use-native-aio=0")};
        QStringList install{QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + dataDir(),
                            QStringLiteral("--auth-root-authentication-method=normal"),
                            QStringLiteral("--skip-test-db")};
        install << innodb << asRoot();
        if (!runTool(QStringLiteral("mariadb-install-db"), install))
            return false;

        // --no-defaults must come first; a test server, deleted afterwards: no durable flushes.
        QStringList server{QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + dataDir(),
                           QStringLiteral("--socket=") + socket(), QStringLiteral("--port=") + QString::number(m_port),
                           QStringLiteral("--skip-networking=0"), QStringLiteral("--bind-address=127.0.0.1"),
                           QStringLiteral("--pid-file=") + m_dir.filePath(QStringLiteral("mariadbd.pid")),
                           QStringLiteral("--default-time-zone=") + timeZone(),
                           QStringLiteral("--innodb-flush-log-at-trx-commit=0"),
                           QStringLiteral("--max-connections=200")};
        server << innodb << asRoot();
        m_server.setProcessChannelMode(QProcess::MergedChannels); // its log goes to stderr without --log-error
        m_server.setWorkingDirectory(m_dir.path());
        m_server.setChildProcessModifier([] {
            // In the child, before exec: die with the test, even when it aborts (a failed QVERIFY in a helper,
            // qFatal), so that no server outlives it.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        });
        m_server.start(program(QStringLiteral("mariadbd")), server);
        if (!m_server.waitForStarted(30'000))
            return fail(QStringLiteral("mariadbd did not start: ") + m_server.errorString());
        // Ready when it says so in its log (it opens the socket and the port just before).
        while (!m_log.contains("ready for connections")) {
            if (m_server.state() != QProcess::Running || !m_server.waitForReadyRead(60'000)) {
                m_log += m_server.readAll();
                return fail(QStringLiteral("mariadbd did not become ready"));
            }
            m_log += m_server.readAll();
        }
        return admin(QStringLiteral("CREATE USER '%1'@'%' IDENTIFIED BY ''; "
                                    "GRANT ALL PRIVILEGES ON *.* TO '%1'@'%' WITH GRANT OPTION; "
                                    "CREATE USER '%1'@'localhost' IDENTIFIED BY ''; "
                                    "GRANT ALL PRIVILEGES ON *.* TO '%1'@'localhost' WITH GRANT OPTION")
                             .arg(user()))
            && createDatabase(database());
    }

    /// Kills the server at once (tests do not need a clean shutdown); the folder is deleted with the object.
    void stop()
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        m_server.kill();
        m_server.waitForFinished(30'000);
    }

    /// A further empty database on the same server (e.g. one per test).
    bool createDatabase(const QString &name) { return admin(QStringLiteral("CREATE DATABASE `%1`").arg(name)); }

    /// A database name that is new on this server.
    bool createUniqueDatabase(QString *name)
    {
        *name = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        return createDatabase(*name);
    }

    /// Runs @p sql (one or more statements) as the server's root user over the private socket.
    bool admin(const QString &sql)
    {
        return runTool(QStringLiteral("mariadb"),
                       {QStringLiteral("--no-defaults"), QStringLiteral("--socket=") + socket(),
                        QStringLiteral("--user=root"), QStringLiteral("--batch"), QStringLiteral("--execute=") + sql});
    }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString socket() const { return m_dir.filePath(QStringLiteral("mariadbd.sock")); }
    QString user() const { return QStringLiteral("punctual"); }
    QString database() const { return QStringLiteral("punctual"); }
    QString error() const { return m_error; }
    /// What the server wrote so far.
    QString log()
    {
        m_log += m_server.readAll();
        return QString::fromLocal8Bit(m_log);
    }

private:
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    /// mariadbd runs as root only when told so.
    static QStringList asRoot()
    {
        return ::geteuid() == 0 ? QStringList{QStringLiteral("--user=root")} : QStringList{};
    }

    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    static int freePort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 0;
        return probe.serverPort();
    }

    bool runTool(const QString &tool, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_dir.path());
        process.start(program(tool), arguments);
        if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            return fail(QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(process.readAll()).trimmed()));
        }
        return true;
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/punctual-mariadb-XXXXXX")};
    QProcess m_server;
    QByteArray m_log;
    QString m_error;
    int m_port = 0;
};

} // namespace punctual::test
