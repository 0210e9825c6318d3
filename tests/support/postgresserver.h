// A throw-away PostgreSQL server for tests: Debian's own binaries (package `postgresql`), a fresh cluster in a
// temporary folder, listening on 127.0.0.1 on a free port, stopped and deleted when the object goes away. A test may
// stop it (as a restart does: fast, every session ended) and start it again on the same data and port, or end the
// sessions of a database (pg_terminate_backend) through query().
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
#include <optional>

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
        if (!startAgain())
            return false;
        return createDatabase(database());
    }

    /// Starts the server stopped by stop() again, on the same data folder and port (its databases kept); returns
    /// once it accepts connections. False with error() when it does not start.
    bool startAgain()
    {
        if (m_running)
            return true;
        // fsync off and a short checkpoint: a test server, deleted afterwards.
        const QString options = QStringLiteral("-h 127.0.0.1 -p %1 -k %2 -F -c max_connections=200")
                                    .arg(m_port)
                                    .arg(m_dir.path());
        if (!runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-o"), options,
                                                QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                                                QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                                                QStringLiteral("start")}))
            return false;
        m_running = true;
        return true;
    }

    /// How stop() ends the server (pg_ctl stop -m): Fast ends every session (clients see their connections
    /// terminated, as in a database restart) and shuts down cleanly; Immediate kills the server without a shutdown.
    enum class StopMode
    {
        Fast,
        Immediate,
    };

    /// Stops the server and returns once it is down; the data folder stays (startAgain() brings it back) and is
    /// deleted with the object. Tests that only need it gone use the default: no clean shutdown.
    bool stop(StopMode mode = StopMode::Immediate)
    {
        if (!m_running)
            return true;
        m_running = false;
        return runTool(QStringLiteral("pg_ctl"),
                       {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                        mode == StopMode::Fast ? QStringLiteral("fast") : QStringLiteral("immediate"),
                        QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("stop")});
    }

    bool isRunning() const { return m_running; }

    /// Runs @p sql on database @p db (default: database()) with psql as the server's superuser; the rows it
    /// returns as psql's unaligned output (one line a row, columns split by '|'), or nothing with error() on failure.
    /// E.g. ending every other session of a database: `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
    /// WHERE datname = 'db' AND pid <> pg_backend_pid()`.
    std::optional<QString> query(const QString &sql, const QString &db = {})
    {
        QString output;
        if (!runTool(QStringLiteral("psql"),
                     {QStringLiteral("-h"), host(), QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"),
                      user(), QStringLiteral("-d"), db.isEmpty() ? database() : db, QStringLiteral("-X"),
                      QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-q"), QStringLiteral("-v"),
                      QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql},
                     &output))
            return std::nullopt;
        return output.trimmed();
    }

    /// Ends every session of database @p db but psql's own (pg_terminate_backend): how many it ended, or -1.
    int terminateSessions(const QString &db)
    {
        const QString sql = QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                           "WHERE datname = '%1' AND pid <> pg_backend_pid()")
                                .arg(db);
        const auto ended = query(sql, db);
        return ended ? ended->toInt() : -1;
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

    bool runTool(const QString &tool, const QStringList &arguments, QString *output = nullptr)
    {
        QProcess process;
        // psql's rows on stdout apart from its notices.
        process.setProcessChannelMode(output ? QProcess::SeparateChannels : QProcess::MergedChannels);
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
            return fail(QStringLiteral("%1 failed: %2")
                            .arg(tool, QString::fromLocal8Bit(process.readAllStandardOutput()
                                                              + process.readAllStandardError())
                                           .trimmed()));
        }
        if (output)
            *output = QString::fromLocal8Bit(process.readAllStandardOutput());
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
