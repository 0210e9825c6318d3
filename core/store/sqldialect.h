// What differs between SQL engines (types, upsert, indexes, session settings, error kinds), behind one interface.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>

class QSqlError;
class QSqlQuery;

namespace punctual {

enum class IntegrityCheck; // store/jobstore.h

/// A secondary SQLite connection's database name for @p path (a `file:` URI with mode=rw) and, appended to its connect
/// options, sqliteUriOption: QSQLITE then opens the file only if it exists. Such connections (the checkpointer, the
/// store watcher) may open after the file was removed under the host, and must not leave an empty file in its place.
QString sqliteExistingFileName(const QString &path);
inline constexpr char sqliteUriOption[] = ";QSQLITE_OPEN_URI";

/// What a database error means to the store, whichever engine reported it.
enum class SqlErrorKind
{
    Other,
    Locked,       ///< another connection held a lock past the busy timeout
    ReadOnly,     ///< the database cannot be written
    Constraint,   ///< a primary key, unique, not-null or foreign key constraint failed
    NotADatabase, ///< the file is not a database of this engine
    Corrupt,      ///< the database is damaged
    DiskFull,     ///< the disk (or the database's size limit) is full
    Unreachable,  ///< the connection is lost or cannot be made (server down or restarted, network, I/O error)
};

/// A statement run once on a connection; when @p expected is set, its first column must read so (else a warning).
struct SqlSetupStatement
{
    QString sql;
    QString expected;
};

/**
 * The engine-specific SQL of SqlJobStore. The store's statements (sqlstatements.cpp) and schema (sqlschema.cpp) are
 * portable SQL (tables, indexes, ORDER BY, LIMIT, window functions, ON CONFLICT) with the few parts that differ
 * named in braces and answered here, so adding an engine (PostgreSQL: QPSQL, identity ids, lock_timeout instead of
 * pragmas, RETURNING id) is one subclass and one factory.
 */
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    /// SQLite through Qt's QSQLITE driver (WAL, synchronous=NORMAL, foreign keys, busy timeout).
    static std::unique_ptr<SqlDialect> sqlite();
    /// PostgreSQL through Qt's QPSQL driver (lock_timeout, BIGINT identity ids, RETURNING, row locks, NOTIFY).
    static std::unique_ptr<SqlDialect> postgresql();

    /// "SQLite": for describe() and messages.
    virtual QString engineName() const = 0;
    /// The Qt driver name ("QSQLITE").
    virtual QString driverName() const = 0;
    /// QSqlDatabase::setConnectOptions() for a connection that waits up to @p busyTimeoutMs for a lock.
    virtual QString connectOptions(int busyTimeoutMs) const = 0;
    /// Run on every new connection before anything else (SQLite: pragmas that last for the connection).
    virtual QList<SqlSetupStatement> sessionSetup(int busyTimeoutMs) const = 0;
    /// Run once a database is known to be ours, outside a transaction (SQLite: switch the file to WAL).
    virtual QList<SqlSetupStatement> storeSetup() const = 0;
    /// Run on a writing connection once a background checkpointer (checkpointStatement()) has taken the engine's
    /// own checkpoints over (SQLite: no automatic checkpoint inside a commit).
    virtual QList<SqlSetupStatement> writerSetup() const { return {}; }
    /// What a background thread runs, on its own connection, to copy the write-ahead log back into the database
    /// without blocking writers (SQLite: a passive WAL checkpoint). Empty: the engine needs no such thing.
    virtual QString checkpointStatement() const { return {}; }
    /// The checkpoint run instead when the log has grown past SqlCheckpointer::forceLogBytes because passive ones
    /// cannot keep up with a writer that never pauses (SQLite: TRUNCATE, which waits for the writer's current
    /// transaction and holds the next one until the log is copied, then empties the log file). Empty: none.
    virtual QString forcedCheckpointStatement() const { return {}; }
    /// Added to connectOptions() for a connection that must not write, on a file that cannot be written (SQLite).
    virtual QString readOnlyConnectOption() const { return {}; }
    /// The statement that checks the database's pages, one problem per row, or one row "ok" (SQLite's quick_check
    /// or integrity_check). Empty: the engine has none worth running here.
    virtual QString integrityCheck(IntegrityCheck depth) const
    {
        Q_UNUSED(depth)
        return {};
    }
    /// A statement that writes a consistent copy of the whole database into the new file bound as :file, in one
    /// read transaction while others write (SQLite: VACUUM INTO). Empty: the engine has its own tools (pg_dump).
    virtual QString copyInto() const { return {}; }
    /// One query that lists the names of the tables in the database (first column).
    virtual QString listTables() const = 0;

    /// Column types: a 64-bit integer, unbounded text, and an auto-numbered 64-bit primary key (whole clause).
    virtual QString int64Type() const = 0;
    virtual QString textType() const = 0;
    virtual QString autoIncrementPrimaryKey() const = 0;

    /// Starts a transaction that writes: it takes the write lock at once (waiting up to the busy timeout), so
    /// it never fails half-way for a lock a reader upgraded too late.
    virtual QString beginWrite() const = 0;
    /// Whether BEGIN, COMMIT and ROLLBACK can be prepared statements (PostgreSQL's PREPARE takes only queries).
    virtual bool preparesTransactionControl() const { return true; }

    /// Appended to an INSERT so that insertedId() can read the new row's @p idColumn (PostgreSQL: RETURNING id).
    virtual QString returning(const QString &idColumn) const
    {
        Q_UNUSED(idColumn)
        return {};
    }
    virtual std::optional<std::int64_t> insertedId(QSqlQuery &query) const = 0;
    /// Whether the rows of one multi-row INSERT (in a write transaction) get consecutive ids in their order, so
    /// insertedId() (the last one's) tells all of them. Otherwise rows are inserted one statement each.
    virtual bool consecutiveInsertIds() const { return false; }

    /// Whether several scheduler instances (processes, machines) may share one database of this engine: due jobs
    /// are then claimed under row locks and instances keep heartbeat rows.
    virtual bool sharedByInstances() const { return false; }
    /// Appended to a SELECT whose rows the transaction is about to change, so that concurrent transactions of other
    /// instances pass over them instead of waiting (PostgreSQL: FOR UPDATE SKIP LOCKED). Empty where the write lock
    /// is taken for the whole database at BEGIN (SQLite).
    virtual QString lockRowsSkipLocked() const { return {}; }
    /// Run right after BEGIN in a schema migration so that instances starting together migrate one after another
    /// (PostgreSQL: a transaction-scoped advisory lock). Empty where BEGIN already serializes writers.
    virtual QString migrationLock() const { return {}; }
    /// Whether other connections' listeners (subscribeToNotification(changeChannel())) can be told that jobs
    /// changed (SqlStatement::NotifyChange, PostgreSQL's pg_notify).
    virtual bool notifiesChanges() const { return false; }
    /// The notification channel NotifyChange uses.
    static QString changeChannel() { return QStringLiteral("punctual_changes"); }

    /// What an error means (by the engine's error code).
    virtual SqlErrorKind classify(const QSqlError &error) const = 0;

    /// The named placeholder of a column, as the statements write it: ":next_run_time". Qt binds by name whether
    /// or not the driver itself supports named placeholders (it rewrites them for those that do not).
    static QString placeholder(const QString &column);
};

} // namespace punctual
