// The SQLite and PostgreSQL dialects of the SQL store.
#include "sqldialect.h"

#include "store/jobstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

namespace punctual {

QString SqlDialect::placeholder(const QString &column)
{
    return QLatin1Char(':') + column;
}

namespace {

class SqliteDialect final : public SqlDialect
{
public:
    QString engineName() const override { return QStringLiteral("SQLite"); }
    QString driverName() const override { return QStringLiteral("QSQLITE"); }

    QString connectOptions(int busyTimeoutMs) const override
    {
        // The driver installs SQLite's busy handler: a locked database is retried for this long, then SQLITE_BUSY.
        return QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    }

    QList<SqlSetupStatement> sessionSetup(int busyTimeoutMs) const override
    {
        return {
            // Read back to prove the connect option took effect.
            {QStringLiteral("PRAGMA busy_timeout"), QString::number(busyTimeoutMs)},
            // Off by default in SQLite; runs.job_id refers to jobs.id with ON DELETE CASCADE.
            {QStringLiteral("PRAGMA foreign_keys = ON"), {}},
            // In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses nothing (a
            // commit is in the WAL file when it returns); only an OS crash or power cut may lose the last commits,
            // and never corrupts the file. FULL would cost an fsync per added job.
            {QStringLiteral("PRAGMA synchronous = NORMAL"), {}},
        };
    }

    QList<SqlSetupStatement> storeSetup() const override
    {
        // WAL: readers (the UI, a second connection) never block the writer and a commit is one append.
        // It is a property of the file, so it is only set once the file is known to be ours.
        return {{QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("wal")}};
    }

    QList<SqlSetupStatement> writerSetup() const override
    {
        // A checkpoint inside a commit copies the WAL into the database and syncs both files: milliseconds on the
        // scheduler's thread, right when jobs are due. SqlCheckpointer does it on a thread of its own instead.
        return {{QStringLiteral("PRAGMA wal_autocheckpoint = 0"), QStringLiteral("0")}};
    }

    QString checkpointStatement() const override
    {
        // PASSIVE: copies what no reader still needs, never waits for (or blocks) a writer or a reader.
        return QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)");
    }

    QString forcedCheckpointStatement() const override { return QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"); }

    QString readOnlyConnectOption() const override { return QStringLiteral("QSQLITE_OPEN_READONLY"); }

    QString integrityCheck(IntegrityCheck depth) const override
    {
        // quick_check reads every page once (0.2 s for 100,000 jobs, docs/store-integrity.md); integrity_check
        // also looks every row up in every index (about twice that).
        return depth == IntegrityCheck::Quick ? QStringLiteral("PRAGMA quick_check")
                                              : QStringLiteral("PRAGMA integrity_check");
    }

    // A snapshot in one read transaction (SQLite >= 3.27): writers go on meanwhile in WAL mode. The target must be
    // missing or empty.
    QString copyInto() const override { return QStringLiteral("VACUUM INTO :file"); }

    QString listTables() const override
    {
        return QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                              "ESCAPE '\\'");
    }

    QString int64Type() const override { return QStringLiteral("INTEGER"); }
    QString textType() const override { return QStringLiteral("TEXT"); }
    // AUTOINCREMENT: ids are never reused, even after the newest runs are deleted.
    QString autoIncrementPrimaryKey() const override { return QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"); }

    // A deferred BEGIN would take the write lock at the first write and, in WAL mode, fail at once (no busy wait)
    // if another connection committed in between.
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }

    std::optional<std::int64_t> insertedId(QSqlQuery &query) const override
    {
        const QVariant id = query.lastInsertId();
        if (!id.isValid())
            return std::nullopt;
        return id.toLongLong();
    }

    // AUTOINCREMENT gives each new row one more than the largest id ever used, row by row, and the write lock is
    // held: the rows of one INSERT are numbered consecutively.
    bool consecutiveInsertIds() const override { return true; }

    SqlErrorKind classify(const QSqlError &error) const override
    {
        // QSQLITE reports SQLite's result code; the low byte is the primary code even if extended codes are on.
        bool numeric = false;
        const int code = error.nativeErrorCode().toInt(&numeric) & 0xff;
        if (numeric) {
            switch (code) {
            case 5:  // SQLITE_BUSY
            case 6:  // SQLITE_LOCKED
                return SqlErrorKind::Locked;
            case 8:  // SQLITE_READONLY
                return SqlErrorKind::ReadOnly;
            case 19: // SQLITE_CONSTRAINT
                return SqlErrorKind::Constraint;
            case 11: // SQLITE_CORRUPT
                return SqlErrorKind::Corrupt;
            case 13: // SQLITE_FULL
                return SqlErrorKind::DiskFull;
            case 26: // SQLITE_NOTADB
                return SqlErrorKind::NotADatabase;
            case 10: // SQLITE_IOERR: the file went away under the connection, a failing disk or network share
            case 14: // SQLITE_CANTOPEN
                return SqlErrorKind::Unreachable;
            default:
                break;
            }
        }
        // Errors raised while opening carry no code: fall back to SQLite's fixed English texts.
        const QString text = error.databaseText();
        if (text.contains(QLatin1String("database is locked")))
            return SqlErrorKind::Locked;
        if (text.contains(QLatin1String("readonly database")))
            return SqlErrorKind::ReadOnly;
        if (text.contains(QLatin1String("file is not a database")))
            return SqlErrorKind::NotADatabase;
        if (text.contains(QLatin1String("disk I/O error")) || text.contains(QLatin1String("unable to open database")))
            return SqlErrorKind::Unreachable;
        return SqlErrorKind::Other;
    }
};

/// PostgreSQL. Statements run in READ COMMITTED; every write is a short transaction, and a lock another instance
/// holds is waited for up to lock_timeout (then reported as locked, as SQLite's busy timeout is).
class PostgresDialect final : public SqlDialect
{
public:
    QString engineName() const override { return QStringLiteral("PostgreSQL"); }
    QString driverName() const override { return QStringLiteral("QPSQL"); }

    QString connectOptions(int) const override
    {
        // A server that does not answer fails the open instead of hanging the caller.
        // Keepalives: a connection whose server vanished from the network (no reset ever comes) is found dead within
        // about 20 s instead of the kernel's two hours, and the scheduler reconnects.
        return QStringLiteral("connect_timeout=10;keepalives=1;keepalives_idle=10;keepalives_interval=5;"
                              "keepalives_count=2");
    }

    QList<SqlSetupStatement> sessionSetup(int busyTimeoutMs) const override
    {
        return {
            {QStringLiteral("SET lock_timeout = %1").arg(busyTimeoutMs), {}},
            // CREATE TABLE ... notices are noise in a program's log.
            {QStringLiteral("SET client_min_messages = warning"), {}},
        };
    }

    QList<SqlSetupStatement> storeSetup() const override { return {}; }

    QString listTables() const override
    {
        return QStringLiteral("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()");
    }

    QString int64Type() const override { return QStringLiteral("BIGINT"); }
    // Byte order, as SQLite compares: job ids sort the same on both engines (and whatever the server's locale).
    QString textType() const override { return QStringLiteral("TEXT COLLATE \"C\""); }
    // A sequence never hands out a value twice: run ids are never reused.
    QString autoIncrementPrimaryKey() const override
    {
        return QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    }

    QString beginWrite() const override { return QStringLiteral("BEGIN"); }
    bool preparesTransactionControl() const override { return false; }

    QString returning(const QString &idColumn) const override { return QStringLiteral(" RETURNING ") + idColumn; }

    std::optional<std::int64_t> insertedId(QSqlQuery &query) const override
    {
        if (!query.next())
            return std::nullopt;
        return query.value(0).toLongLong();
    }

    bool sharedByInstances() const override { return true; }
    QString lockRowsSkipLocked() const override { return QStringLiteral(" FOR UPDATE SKIP LOCKED"); }
    // Any constant key: only Punctual's migrations take it.
    QString migrationLock() const override { return QStringLiteral("SELECT pg_advisory_xact_lock(7405190311)"); }
    bool notifiesChanges() const override { return true; }

    SqlErrorKind classify(const QSqlError &error) const override
    {
        // QPSQL reports the SQLSTATE.
        const QString state = error.nativeErrorCode();
        if (state.startsWith(QLatin1String("23")))
            return SqlErrorKind::Constraint;
        if (state == QLatin1String("55P03") || state == QLatin1String("40P01") || state == QLatin1String("40001"))
            return SqlErrorKind::Locked;
        if (state == QLatin1String("25006"))
            return SqlErrorKind::ReadOnly;
        if (state == QLatin1String("XX001") || state == QLatin1String("XX002"))
            return SqlErrorKind::Corrupt;
        // Class 08 (connection exception), 57P01-57P03 (the server shuts down, or cannot take connections yet).
        if (state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01")
            || state == QLatin1String("57P02") || state == QLatin1String("57P03"))
            return SqlErrorKind::Unreachable;
        if (error.type() == QSqlError::ConnectionError)
            return SqlErrorKind::Unreachable;
        // A connection that died between statements has no SQLSTATE: libpq's fixed English texts say it.
        const QString text = error.databaseText() + error.driverText();
        for (const char *lost : {"no connection to the server", "server closed the connection",
                                 "terminating connection", "could not connect to server", "connection to server",
                                 "could not send data to server", "could not receive data from server"}) {
            if (text.contains(QLatin1String(lost)))
                return SqlErrorKind::Unreachable;
        }
        return SqlErrorKind::Other;
    }
};

} // namespace

QString sqliteExistingFileName(const QString &path)
{
    QUrl uri = QUrl::fromLocalFile(path);
    uri.setQuery(QStringLiteral("mode=rw"));
    return uri.toString(QUrl::FullyEncoded);
}

std::unique_ptr<SqlDialect> SqlDialect::sqlite()
{
    return std::make_unique<SqliteDialect>();
}

std::unique_ptr<SqlDialect> SqlDialect::postgresql()
{
    return std::make_unique<PostgresDialect>();
}

} // namespace punctual
