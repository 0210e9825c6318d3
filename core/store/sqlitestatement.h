// A statement run straight through libsqlite3 on the connection Qt's QSQLITE driver opened: for the store's
// statements that run once per job or run (the due pass's read and writes, a run's end, an added job).
#pragma once

#include <QHash>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <memory>

namespace punctual {

/**
 * The calls of QSqlQuery that the store makes, with the same meaning, on a statement prepared by libsqlite3 itself.
 * QSqlQuery costs about as much as SQLite's own work on these statements: every value passes through a QVariant
 * and is bound as UTF-16 (which SQLite converts to the file's UTF-8), each named placeholder is looked up by a new
 * string on every exec, and each row is cached as QVariants. Here values are bound as UTF-8 or integers by
 * indexes found once, and columns read as they are asked for. The functions are found at run time in the copy of
 * libsqlite3 the QSQLITE plugin loaded (as executors/sqlclientlibrary does), so core does not link libsqlite3.
 *
 * Errors are QSqlErrors as QSQLITE makes them (SQLite's result code as the native code), so SqlSession::failure()
 * and SqlDialect::classify() treat them alike. Used from the thread of its connection, and destroyed before the
 * connection is closed.
 */
class SqliteStatement final
{
public:
    /// @p sql prepared on @p handle (QSqlDriver::handle() of a QSQLITE connection, a sqlite3*). nullptr with no
    /// @p error when libsqlite3's functions cannot be found (the caller uses QSqlQuery); nullptr with @p error set
    /// when SQLite refused the statement.
    static std::unique_ptr<SqliteStatement> prepare(void *handle, const QString &sql, QSqlError *error);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /// As QSqlQuery::bindValue(): @p value stays bound until bound again. A null value (or a null QString) is NULL.
    void bindValue(const QString &placeholder, const QVariant &value);
    /// Runs the statement: true when it ran (a SELECT's first row, if any, comes with the first next()).
    bool exec();
    /// The next row of a SELECT; false at the end or on an error (lastError() tells them apart).
    bool next();
    /// Column @p column of the current row: qlonglong, double, QString, QByteArray, or a null QVariant.
    QVariant value(int column) const;
    /// Rows changed by the last exec() of an INSERT, UPDATE or DELETE.
    int numRowsAffected() const { return m_changes; }
    /// The rowid of the last row inserted on the connection.
    QVariant lastInsertId() const;
    QSqlError lastError() const { return m_error; }
    /// Ends the statement's read (its snapshot); the bindings stay.
    void finish();

private:
    struct Api;
    SqliteStatement(const Api &api, void *db, void *statement);
    void fail(int code, const char *what);

    const Api &m_api;
    void *m_db;
    void *m_statement;
    QHash<QString, int> m_indexes; ///< placeholder -> parameter index, read once from the prepared statement
    QSqlError m_error;
    int m_changes = 0;
    bool m_pendingRow = false; ///< exec() stepped onto a row that next() has not handed out yet
    bool m_done = true;
};

} // namespace punctual
