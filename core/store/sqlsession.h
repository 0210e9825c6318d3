// One connection of the SQL store: its prepared statements, write transactions and failure messages.
#pragma once

#include "store/sqlitestatement.h"
#include "store/sqlstatements.h"
#include "util/fileidentity.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <array>
#include <memory>
#include <optional>

class QSqlError;

namespace punctual {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

class SqlCheckpointer;
class SqlDialect;
struct PostgresLocation;
struct SqlSetupStatement;

namespace sqlstore {

/// The store's user-visible texts (one translation context for every part of the SQL store).
class SqlStoreText
{
    Q_DECLARE_TR_FUNCTIONS(SqlJobStore)
};

/// A path as messages show it.
inline QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace sqlstore

/**
 * A named Qt connection ("punctual-store-N", its own, so several stores, one per thread, can share a database) and
 * what every part of the store does on it: statements are prepared once and reused, database errors become one-line
 * StoreFailures that name the file, and a write transaction rolls back unless committed. Commits never checkpoint
 * the write-ahead log themselves (that costs milliseconds of fsync on the caller's thread): from the first write
 * on, a SqlCheckpointer thread does it in the background (wrote()). Used from the thread that opened it.
 */
class SqlSession final
{
public:
    /// A lock held by another writer is waited for this long, then reported as "locked by another process".
    static constexpr int busyTimeoutMs = 5000;

    /// A session on the database at @p path (SQLite: the file; PostgreSQL: its URL, for messages), whose run
    /// inserts name @p instanceId. Nothing is opened yet.
    SqlSession(std::shared_ptr<const SqlDialect> dialect, QString path, QString instanceId);
    ~SqlSession();
    Q_DISABLE_COPY_MOVE(SqlSession)

    /// How the connection may use the file.
    enum class Access
    {
        ReadWrite,
        ReadOnly, ///< a file that cannot be written: SQLite opens it read-only (SqlDialect::readOnlyConnectOption())
    };

    /// Opens the connection (to @p postgres when given, else to the SQLite file) and runs the dialect's session
    /// setup.
    Result<void> open(const PostgresLocation *postgres, Access access = Access::ReadWrite);
    /// Closes the connection (prepared statements and the checkpointer first); open() may follow, under the same
    /// connection name. What a reconnect after a lost connection, or a replaced file, does.
    void close();

    const SqlDialect &dialect() const { return *m_dialect; }
    const QString &path() const { return m_path; }
    const QString &connectionName() const { return m_connectionName; }
    const QString &instanceId() const { return m_instanceId; }
    const SqlStatements &statements() const { return m_statements; }
    QSqlDatabase &database() { return m_db; }

    /// @p which, prepared on first use and reused after.
    Result<QSqlQuery *> prepared(SqlStatement which)
    {
        if (QSqlQuery *query = m_prepared[static_cast<std::size_t>(which)].get())
            return query;
        return prepare(which);
    }
    /// Prepares @p which (once), lets @p bind bind its values, and executes it.
    template <typename Bind>
    Result<QSqlQuery *> execute(SqlStatement which, Bind &&bind)
    {
        auto query = prepared(which);
        if (!query)
            return query;
        bind(*query.value());
        if (auto ok = exec(*query.value()); !ok)
            return ok.error();
        return query;
    }
    Result<QSqlQuery *> execute(SqlStatement which)
    {
        return execute(which, [](QSqlQuery &) {});
    }
    /// Calls @p use with @p which prepared once: on SQLite as a SqliteStatement (straight through libsqlite3), else
    /// (or when libsqlite3's functions cannot be found) as a QSqlQuery. @p use is a generic lambda taking either
    /// (`auto &query`): one body for both. For the statements run once per job or run.
    template <typename Use>
    auto withStatement(SqlStatement which, Use &&use) -> decltype(use(std::declval<QSqlQuery &>()))
    {
        using Answer = decltype(use(std::declval<QSqlQuery &>()));
        auto direct = sqliteStatement(which);
        if (!direct)
            return Answer(direct.error());
        if (direct.value())
            return use(*direct.value());
        auto query = prepared(which);
        if (!query)
            return Answer(query.error());
        return use(*query.value());
    }
    /// Executes a prepared statement; a failure becomes an error that names the file.
    Result<void> exec(QSqlQuery &query);
    Result<void> exec(SqliteStatement &statement);
    /// Executes @p sql once, unprepared.
    Result<void> execDirect(const QString &sql);
    Result<void> runSetup(const QList<SqlSetupStatement> &statements);

    /// A database error as the store reports it (one line naming the file; locks, read-only and damage named).
    Error failure(const QSqlError &error) const;
    /// The error of a call made while the connection is closed (between close() and a successful open()).
    Error notConnected() const;

    /// Something was committed: hands the WAL checkpoint to the background checkpointer (started on first use).
    void wrote();

    /// SQLite: notes which files the open connection uses (the database, its -wal and -shm, these as soon as they
    /// exist: wrote() looks again), so that a reconnect can tell a file replaced under it (dropStaleCompanions()).
    void rememberFiles();
    /// SQLite, the connection closed: when another file is now at path() than the one remembered, the -wal and
    /// -shm files the old one left (SQLite cannot checkpoint into a file that moved) are removed, if they are still
    /// those it used: paired with the new file they would be replayed into it. A -wal that came with the new file
    /// is another file and stays. Returns whether the path now holds another file.
    bool dropStaleCompanions();
    /// SQLite, before close(): when the file at path() is no longer the one this connection opened (renamed away,
    /// replaced), the commits still in its -wal are copied into it through the open connection, so that the file,
    /// wherever it is now, keeps them. Nothing otherwise.
    void checkpointMovedFile();

    class WriteTransaction;

private:
    Result<QSqlQuery *> prepare(SqlStatement which);
    /// @p which prepared by libsqlite3 (once); nullptr when the connection is not SQLite's or its functions
    /// cannot be found.
    Result<SqliteStatement *> sqliteStatement(SqlStatement which);
    /// Runs Begin, Commit or Rollback (prepared once where the engine can prepare them).
    Result<void> transactionControl(SqlStatement which);

    std::shared_ptr<const SqlDialect> m_dialect;
    QString m_path;
    QString m_instanceId;
    QString m_connectionName;
    SqlStatements m_statements;
    QSqlDatabase m_db;
    std::array<std::unique_ptr<QSqlQuery>, sqlStatementCount> m_prepared;
    std::array<std::unique_ptr<SqliteStatement>, sqlStatementCount> m_sqlitePrepared;
    bool m_sqliteDirect = false; ///< open() found a QSQLITE connection whose libsqlite3 functions can be used
    std::unique_ptr<SqlCheckpointer> m_checkpointer;
    std::optional<FileIdentity> m_databaseFile; ///< rememberFiles()
    std::optional<FileIdentity> m_walFile;
    std::optional<FileIdentity> m_shmFile;
};

/// A write transaction that rolls back unless committed: every multi-statement change goes through one.
class SqlSession::WriteTransaction
{
public:
    explicit WriteTransaction(SqlSession &session) : m_session(session) {}
    ~WriteTransaction()
    {
        if (m_open)
            rollback();
    }
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    Result<void> begin()
    {
        if (auto ok = m_session.transactionControl(SqlStatement::Begin); !ok)
            return ok;
        m_open = true;
        return {};
    }

    bool isOpen() const { return m_open; }

    Result<void> commit()
    {
        if (auto ok = m_session.transactionControl(SqlStatement::Commit); !ok)
            return ok; // still open: the destructor rolls back
        m_open = false;
        return {};
    }

private:
    void rollback()
    {
        m_open = false;
        if (!m_session.transactionControl(SqlStatement::Rollback))
            qCWarning(lcStore) << "rollback failed on" << m_session.path();
    }

    SqlSession &m_session;
    bool m_open = false;
};

} // namespace punctual
