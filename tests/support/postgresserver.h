// A throw-away PostgreSQL server for tests: Debian's own binaries (package `postgresql`), a fresh cluster in a
// temporary folder, listening on 127.0.0.1 on a free port, stopped and deleted when the object goes away.
// Never touches the system's cluster. As root the server runs as the `postgres` user (PostgreSQL refuses root).
#pragma once

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>

namespace punctual::test {

class PostgresServer
{
public:
    PostgresServer() = default;
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;
    ~PostgresServer() { stop(); }

    /// Debian's PostgreSQL binaries (/usr/lib/postgresql/<newest>/bin), or empty when the package is missing.
    static QString binDir()
    {
        QDir root(QStringLiteral("/usr/lib/postgresql"));
        QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
            return a.toInt() < b.toInt();
        });
        for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
            const QString bin = root.filePath(*it + QStringLiteral("/bin"));
            if (QFile::exists(bin + QStringLiteral("/initdb")))
                return bin;
        }
        return {};
    }

    /// Creates the cluster and starts the server; false with error() on failure.
    bool start()
    {
        m_bin = binDir();
        if (m_bin.isEmpty())
            return fail(QStringLiteral("PostgreSQL is not installed (Debian package postgresql; scripts/install-deps)"));
        if (!m_dir.isValid())
            return fail(QStringLiteral("cannot create a temporary folder"));
        if (::geteuid() == 0) {
            const passwd *pw = ::getpwnam("postgres");
            if (!pw)
                return fail(QStringLiteral("running as root needs the 'postgres' user to run the server"));
            m_uid = pw->pw_uid;
            m_gid = pw->pw_gid;
            if (::chown(QFile::encodeName(m_dir.path()).constData(), m_uid, m_gid) != 0)
                return fail(QStringLiteral("cannot hand the temporary folder to the postgres user"));
        }
        m_port = freePort();
        if (m_port == 0)
            return fail(QStringLiteral("no free loopback port"));
        const QString data = dataDir();
        if (!runTool(QStringLiteral("initdb"), {QStringLiteral("-D"), data, QStringLiteral("-U"), user(),
                                                QStringLiteral("-A"), QStringLiteral("trust"),
                                                QStringLiteral("-E"), QStringLiteral("UTF8"),
                                                QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")}))
            return false;
        // fsync off and a short checkpoint: a test server, deleted afterwards.
        const QString options = QStringLiteral("-h 127.0.0.1 -p %1 -k %2 -F -c max_connections=200")
                                    .arg(m_port)
                                    .arg(m_dir.path());
        if (!runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), data, QStringLiteral("-o"), options,
                                                QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                                                QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                                                QStringLiteral("start")}))
            return false;
        m_running = true;
        return createDatabase(database());
    }

    /// Stops the server at once (tests do not need a clean shutdown); the folder is deleted with the object.
    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                                           QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
    }

    /// A further empty database on the same server (e.g. one per test).
    bool createDatabase(const QString &name)
    {
        return runTool(QStringLiteral("createdb"), {QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                                                    QStringLiteral("-p"), QString::number(m_port),
                                                    QStringLiteral("-U"), user(), name});
    }

    /// A database name that is new on this server.
    bool createUniqueDatabase(QString *name)
    {
        *name = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        return createDatabase(*name);
    }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("punctual"); }
    QString database() const { return QStringLiteral("punctual"); }
    /// `postgresql://punctual@127.0.0.1:PORT/DB`, the form `--store` takes.
    QString url(const QString &db = {}) const
    {
        return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user(), host()).arg(m_port).arg(db.isEmpty() ? database() : db);
    }
    QString error() const { return m_error; }
    QString log() const
    {
        QFile file(m_dir.filePath(QStringLiteral("server.log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private:
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

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
        if (m_uid != 0) {
            const uid_t uid = m_uid;
            const gid_t gid = m_gid;
            process.setChildProcessModifier([uid, gid] {
                // In the child, before exec: become the postgres user (it may not run as root).
                if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                    ::_exit(126);
            });
        }
        process.start(m_bin + QLatin1Char('/') + tool, arguments);
        if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            return fail(QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(process.readAll()).trimmed()));
        }
        return true;
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/punctual-pg-XXXXXX")};
    QString m_bin;
    QString m_error;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    int m_port = 0;
    bool m_running = false;
};

} // namespace punctual::test
