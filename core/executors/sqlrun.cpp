// The worker side of an sql run: connect, BEGIN, bind and run each statement under its timeout, COMMIT.
#include "sqlrun.h"

#include "executors/passwordprovider.h"
#include "executors/sqlclientlibrary.h"
#include "executors/sqltext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>


#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <optional>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcSqlRun, "punctual.executor.sql")

class SqlText
{
    Q_DECLARE_TR_FUNCTIONS(SqlExecutor)
};

bool isDriver(const SqlConnection &connection, const char *name)
{
    return connection.driver.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
}

/// MariaDB or MySQL: Qt's one plugin answers to QMYSQL, QMARIADB and the old QMYSQL3.
bool isMysql(const SqlConnection &connection)
{
    return isDriver(connection, "QMYSQL") || isDriver(connection, "QMARIADB") || isDriver(connection, "QMYSQL3");
}

/// "PostgreSQL database \"app\" on db.example:5432", for messages.
QString describeConnection(const SqlConnection &c)
{
    if (isDriver(c, "QSQLITE"))
        return SqlText::tr("SQLite database %1").arg(c.database);
    QString where = c.host.isEmpty() ? QStringLiteral("localhost") : c.host;
    if (c.port != 0)
        where += QLatin1Char(':') + QString::number(c.port);
    return SqlText::tr("%1 database \"%2\" on %3").arg(c.driver, c.database, where);
}

/// The driver's own words: the server's message first, then Qt's summary when it adds something.
QString driverMessage(const QSqlError &error)
{
    const QString database = error.databaseText().trimmed();
    const QString driver = error.driverText().trimmed();
    QString text = database.isEmpty() ? driver : database;
    // The native code (SQLSTATE, SQLite's result code) unless the driver's text has it already.
    if (!error.nativeErrorCode().isEmpty() && !text.contains(error.nativeErrorCode()))
        text += QStringLiteral(" [%1]").arg(error.nativeErrorCode());
    return text.isEmpty() ? SqlText::tr("unknown database error") : text;
}

/// Connect options with a connect timeout added where the driver knows one, so a dead host fails in seconds.
QString connectOptions(const SqlConnection &c)
{
    QString options = c.options;
    auto add = [&options](const QString &option) {
        const QString key = option.section(QLatin1Char('='), 0, 0);
        if (options.contains(key))
            return;
        if (!options.isEmpty())
            options += QLatin1Char(';');
        options += option;
    };
    if (isDriver(c, "QPSQL"))
        add(QStringLiteral("connect_timeout=10"));
    else if (isMysql(c))
        add(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=10"));
    return options;
}

/// Adds and opens the connection @p name on this thread; the caller removes it.
Result<QSqlDatabase> openDatabase(const SqlConnection &c, const QString &password, const QString &name)
{
    if (!QSqlDatabase::isDriverAvailable(c.driver))
        return Error{ErrorCode::Io, SqlText::tr("the database driver %1 is not installed (installed: %2)")
                                        .arg(c.driver, QSqlDatabase::drivers().join(QStringLiteral(", ")))};
    // SQLite would create a missing file: a maintenance job must not run on a new empty database.
    if (isDriver(c, "QSQLITE") && c.database != QLatin1String(":memory:")
        && !c.database.startsWith(QLatin1String("file:")) && !QFileInfo(c.database).isFile())
        return Error{ErrorCode::Io, SqlText::tr("the SQLite database file %1 does not exist").arg(c.database)};
    QSqlDatabase db = QSqlDatabase::addDatabase(c.driver.toUpper(), name);
    db.setDatabaseName(c.database);
    if (!c.host.isEmpty())
        db.setHostName(c.host);
    if (c.port != 0)
        db.setPort(c.port);
    if (!c.user.isEmpty())
        db.setUserName(c.user);
    if (c.passwordSource != PasswordSource::None)
        db.setPassword(password);
    db.setConnectOptions(connectOptions(c));
    if (!db.open())
        return Error{ErrorCode::Io, SqlText::tr("cannot connect to the %1: %2")
                                        .arg(describeConnection(c), driverMessage(db.lastError()))};
    return db;
}

/// SQLite's side of timeouts and cancellation: a progress handler polled every few thousand VM steps.
struct SqliteWatch
{
    const std::atomic<bool> *cancelled = nullptr;
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    bool timedOut = false;

    static int check(void *data)
    {
        auto *watch = static_cast<SqliteWatch *>(data);
        if (watch->cancelled->load(std::memory_order_relaxed))
            return 1;
        if (std::chrono::steady_clock::now() >= watch->deadline) {
            watch->timedOut = true;
            return 1;
        }
        return 0;
    }
};

/// The driver's native connection (sqlite3*, PGconn*) as an opaque pointer, when its type is one of
/// @p typeNames (Qt names it by the struct or the typedef).
void *driverHandle(const QSqlDatabase &db, std::initializer_list<const char *> typeNames)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid()
        || std::none_of(typeNames.begin(), typeNames.end(), [&](const char *name) {
               return qstrcmp(handle.typeName(), name) == 0;
           }))
        return nullptr;
    return *static_cast<void *const *>(handle.data());
}

/// Why a failed statement failed, beyond its message.
enum class FailureKind
{
    Error,
    TimedOut,
    Cancelled,
};

class StatementRunner
{
public:
    StatementRunner(QSqlDatabase db, const SqlAction &action, const QString &password, const SqlRunTimes &times,
                    SqlCancellation &cancellation)
        : m_db(std::move(db))
        , m_action(action)
        , m_times(times)
        , m_cancellation(cancellation)
    {
        m_watch.cancelled = &cancellation.flag();
        if (isDriver(action.connection, "QSQLITE"))
            m_sqlite = driverHandle(m_db, {"sqlite3*"});
        if (isDriver(action.connection, "QPSQL"))
            cancellation.setPostgresConnection(driverHandle(m_db, {"PGconn*", "pg_conn*"}));
        if (isMysql(action.connection))
            cancellation.setMysqlConnection(action.connection, password, mysqlThreadId());
        if (m_sqlite)
            sqlclient::setSqliteProgressHandler(m_sqlite, 1000, &SqliteWatch::check, &m_watch);
    }

    ~StatementRunner()
    {
        if (m_sqlite)
            sqlclient::setSqliteProgressHandler(m_sqlite, 0, nullptr, nullptr);
    }

    Q_DISABLE_COPY_MOVE(StatementRunner)

    SqlRunResult run()
    {
        SqlRunResult result;
        if (!m_db.transaction())
            return failed(result, SqlText::tr("cannot begin a transaction: %1").arg(driverMessage(m_db.lastError())));
        if (auto timeout = setServerTimeout(); !timeout) {
            m_db.rollback();
            return failed(result, timeout.error().message);
        }
        if (auto times = setSessionWallTimes(); !times) {
            m_db.rollback();
            return failed(result, times.error().message);
        }
        for (qsizetype i = 0; i < m_action.statements.size(); ++i) {
            const int number = int(i) + 1;
            if (m_cancellation.isCancelled())
                return rolledBack(result, RunOutcome::Interrupted,
                                  SqlText::tr("stopped before statement %1").arg(number));
            FailureKind kind = FailureKind::Error;
            QString message;
            if (!runStatement(number, m_action.statements.at(i), result.output, kind, message)) {
                const RunOutcome outcome = kind == FailureKind::TimedOut ? RunOutcome::TimedOut
                    : kind == FailureKind::Cancelled                     ? RunOutcome::Interrupted
                                                                         : RunOutcome::Failed;
                return rolledBack(result, outcome, message);
            }
        }
        if (!m_cancellation.beginCommit())
            return rolledBack(result, RunOutcome::Interrupted, SqlText::tr("stopped before the commit"));
        if (!m_db.commit())
            return rolledBack(result, RunOutcome::Failed,
                              SqlText::tr("the commit failed: %1").arg(driverMessage(m_db.lastError())));
        result.outcome = RunOutcome::Success;
        return result;
    }

private:
    static SqlRunResult &failed(SqlRunResult &result, const QString &error)
    {
        result.outcome = RunOutcome::Failed;
        result.error = error;
        return result;
    }

    SqlRunResult &rolledBack(SqlRunResult &result, RunOutcome outcome, const QString &error)
    {
        if (!m_db.rollback())
            qCWarning(lcSqlRun, "rollback failed: %s", qPrintable(driverMessage(m_db.lastError())));
        m_failedQuery.reset(); // its prepared statement can be freed now the transaction is over
        result.outcome = outcome;
        result.error = error;
        result.output += SqlText::tr("rolled back: no change was kept") + QLatin1Char('\n');
        return result;
    }

    /// Server-side statement timeouts, set inside the transaction where the server has one.
    Result<void> setServerTimeout()
    {
        if (!m_action.statementTimeoutMs)
            return {};
        const std::int64_t ms = *m_action.statementTimeoutMs;
        QSqlQuery query(m_db);
        if (isDriver(m_action.connection, "QPSQL")) {
            // SET LOCAL: for this transaction only, so a pooled connection is left as it was.
            if (!query.exec(QStringLiteral("SET LOCAL statement_timeout = %1").arg(ms)))
                return Error{ErrorCode::Io, SqlText::tr("cannot set the statement timeout: %1")
                                                .arg(driverMessage(query.lastError()))};
        } else if (isMysql(m_action.connection)) {
            // MariaDB: max_statement_time (seconds, any statement); MySQL: max_execution_time (ms, SELECT only).
            if (!query.exec(QStringLiteral("SET SESSION max_statement_time = %1").arg(double(ms) / 1000.0)))
                query.exec(QStringLiteral("SET SESSION max_execution_time = %1").arg(ms));
        }
        return {};
    }

    /// MariaDB/MySQL: this connection's id, which KILL QUERY names (0 when it cannot be read).
    qulonglong mysqlThreadId()
    {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("SELECT CONNECTION_ID()")) && query.next())
            return query.value(0).toULongLong();
        qCWarning(lcSqlRun, "cannot read the connection id, a running statement cannot be stopped: %s",
                  qPrintable(driverMessage(query.lastError())));
        return 0;
    }

    /// MariaDB/MySQL: the run's times as wall-clock times of the session's time zone, i.e. what NOW() gives.
    /// Qt sends a QDateTime's own wall-clock fields whatever its zone, and the server reads them in the
    /// session's zone: so :now means the right instant next to a TIMESTAMP column and reads like NOW() next
    /// to a DATETIME one, on a server that does not run in UTC too.
    Result<void> setSessionWallTimes()
    {
        if (!isMysql(m_action.connection))
            return {};
        const QStringList &statements = m_action.statements;
        const bool used = std::any_of(statements.cbegin(), statements.cend(), [](const QString &statement) {
            const QStringList names = sqlPlaceholders(statement);
            return names.contains(QLatin1String("now")) || names.contains(QLatin1String("scheduled_time"));
        });
        if (!used)
            return {};
        auto local = [](std::int64_t ms) {
            const QString utc =
                QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
            return QStringLiteral("DATE_FORMAT(CONVERT_TZ('%1', '+00:00', @@session.time_zone), "
                                  "'%Y-%m-%d %H:%i:%s.%f')").arg(utc);
        };
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT %1, %2").arg(local(m_times.scheduledTime), local(m_times.startTime)))
            || !query.next())
            return Error{ErrorCode::Io, SqlText::tr("cannot read the session's time zone: %1")
                                            .arg(driverMessage(query.lastError()))};
        auto wall = [&query](int column) -> std::optional<QDateTime> {
            const QString text = query.value(column).toString(); // YYYY-MM-DD HH:MM:SS.ffffff
            const QDate date = QDate::fromString(text.left(10), QStringLiteral("yyyy-MM-dd"));
            const QTime time = QTime::fromString(text.mid(11, 12), QStringLiteral("HH:mm:ss.zzz"));
            if (!date.isValid() || !time.isValid())
                return std::nullopt; // outside what the server converts: UTC it stays
            return QDateTime(date, time, Qt::UTC); // UTC only so that no zone of this machine moves the fields
        };
        m_wallScheduled = wall(0);
        m_wallNow = wall(1);
        return {};
    }

    bool runStatement(int number, const QString &statement, QString &output, FailureKind &kind, QString &message)
    {
        const QStringList names = sqlPlaceholders(statement);
        const QStringList known = knownSqlPlaceholders();
        for (const QString &name : names) {
            if (!known.contains(name)) {
                message = SqlText::tr("statement %1 uses the placeholder :%2, which is not bound (the known ones: "
                                      ":%3)").arg(number).arg(name, known.join(QStringLiteral(", :")));
                return false;
            }
        }
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!names.isEmpty() && !query.prepare(statement)) {
            message = SqlText::tr("statement %1 failed: %2").arg(number).arg(driverMessage(query.lastError()));
            return false;
        }
        for (const QString &name : names)
            query.bindValue(QLatin1Char(':') + name, placeholderValue(name));

        using namespace std::chrono;
        m_watch.timedOut = false;
        if (m_action.statementTimeoutMs)
            m_watch.deadline = steady_clock::now() + milliseconds(*m_action.statementTimeoutMs);
        QElapsedTimer elapsed;
        elapsed.start();
        const bool ok = names.isEmpty() ? query.exec(statement) : query.exec();
        qint64 rows = -1;
        bool returnsRows = false;
        if (ok && query.isSelect()) {
            returnsRows = true;
            for (rows = 0; query.next(); ++rows) {
            }
        } else if (ok) {
            rows = query.numRowsAffected();
        }
        m_watch.deadline = steady_clock::time_point::max();
        const qint64 ms = elapsed.elapsed();
        if (!ok) {
            const QSqlError error = query.lastError();
            // Kept until the rollback: freeing a prepared statement inside a failed transaction fails.
            m_failedQuery.emplace(std::move(query));
            kind = failureKind(error);
            if (kind == FailureKind::TimedOut && m_action.statementTimeoutMs) // else the server's own limit
                message = SqlText::tr("statement %1 timed out after %2 ms: %3")
                              .arg(number)
                              .arg(*m_action.statementTimeoutMs)
                              .arg(driverMessage(error));
            else if (kind == FailureKind::Cancelled)
                message = SqlText::tr("statement %1 was cancelled: %2").arg(number).arg(driverMessage(error));
            else
                message = SqlText::tr("statement %1 failed: %2").arg(number).arg(driverMessage(error));
            return false;
        }
        if (returnsRows)
            output += SqlText::tr("statement %1: %n row(s) returned (%2 ms)", nullptr, int(rows)).arg(number).arg(ms);
        else if (rows >= 0)
            output += SqlText::tr("statement %1: %n row(s) affected (%2 ms)", nullptr, int(rows)).arg(number).arg(ms);
        else
            output += SqlText::tr("statement %1: done (%2 ms)").arg(number).arg(ms);
        output += QLatin1Char('\n');
        return true;
    }

    FailureKind failureKind(const QSqlError &error) const
    {
        if (m_cancellation.isCancelled())
            return FailureKind::Cancelled;
        if (m_watch.timedOut)
            return FailureKind::TimedOut;
        const QString code = error.nativeErrorCode();
        // PostgreSQL 57014 query_canceled (not by us: the statement_timeout); MariaDB 1969, MySQL 3024.
        if (code == QLatin1String("57014") || code == QLatin1String("1969") || code == QLatin1String("3024"))
            return FailureKind::TimedOut;
        return FailureKind::Error;
    }

    /// Timestamps in the form the database compares natively; _ms variants as integers.
    QVariant placeholderValue(const QString &name) const
    {
        const bool scheduled = name.startsWith(QLatin1String("scheduled_time"));
        const std::int64_t ms = scheduled ? m_times.scheduledTime : m_times.startTime;
        if (name.endsWith(QLatin1String("_ms")))
            return QVariant::fromValue<qint64>(ms);
        const std::optional<QDateTime> &wall = scheduled ? m_wallScheduled : m_wallNow;
        if (wall)
            return *wall; // MariaDB/MySQL (setSessionWallTimes)
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        // SQLite has no timestamp type: its own date-time text (what datetime() and CURRENT_TIMESTAMP give).
        if (isDriver(m_action.connection, "QSQLITE"))
            return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        return utc;
    }

    QSqlDatabase m_db;
    const SqlAction &m_action;
    SqlRunTimes m_times;
    SqlCancellation &m_cancellation;
    SqliteWatch m_watch;
    void *m_sqlite = nullptr; // sqlite3*
    std::optional<QSqlQuery> m_failedQuery;
    std::optional<QDateTime> m_wallScheduled; // MariaDB/MySQL: the times in the session's zone
    std::optional<QDateTime> m_wallNow;
};

} // namespace

/// What KILL QUERY needs: the client library has no cancel request like libpq's, so a second connection with
/// the run's settings (the same user may kill its own statements without further privileges) names the
/// run's connection id.
struct SqlCancellation::MysqlKill
{
    SqlConnection connection;
    QString password;
    qulonglong threadId = 0;

    void send() const
    {
        const QString name = QStringLiteral("punctual-sql-kill-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            auto db = openDatabase(connection, password, name);
            if (!db) {
                qCWarning(lcSqlRun, "cannot stop the statement: %s", qPrintable(db.error().message));
            } else {
                QSqlQuery query(db.value());
                // "Unknown thread id" when the run ended meanwhile: nothing left to stop.
                if (!query.exec(QStringLiteral("KILL QUERY %1").arg(threadId)))
                    qCWarning(lcSqlRun, "KILL QUERY %llu failed: %s", threadId,
                              qPrintable(driverMessage(query.lastError())));
                db.value().close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
};

SqlCancellation::SqlCancellation() = default; // here, where MysqlKill is complete

SqlCancellation::~SqlCancellation()
{
    if (m_postgresCancel)
        sqlclient::postgresFreeCancel(m_postgresCancel);
}

bool SqlCancellation::cancel()
{
    const QMutexLocker locker(&m_mutex);
    if (m_committing)
        return false;
    m_cancelled.store(true, std::memory_order_relaxed);
    return true;
}

void SqlCancellation::interruptStatement()
{
    void *postgres = nullptr;
    std::optional<MysqlKill> mysql;
    {
        const QMutexLocker locker(&m_mutex);
        if (m_committing || !m_cancelled.load(std::memory_order_relaxed))
            return;
        // Freed only with this object: the request may still use it after the run closed its connection
        // (a request for a finished backend is ignored by the server).
        postgres = m_postgresCancel;
        if (m_mysqlKill)
            mysql = *m_mysqlKill;
    }
    if (mysql) {
        // After cancel() the run starts no further statement and cannot commit: whatever this kills is
        // the statement going now (or nothing, when the run has already ended).
        mysql->send();
        return;
    }
    if (!postgres)
        return; // SQLite's progress handler polls the flag itself
    char message[256] = {};
    if (!sqlclient::postgresCancel(postgres, message, int(sizeof message)))
        qCWarning(lcSqlRun, "PostgreSQL cancel request failed: %s", message);
}

void SqlCancellation::setPostgresConnection(void *connection)
{
    if (!connection)
        return;
    void *cancel = sqlclient::postgresGetCancel(connection);
    const QMutexLocker locker(&m_mutex);
    if (m_postgresCancel)
        sqlclient::postgresFreeCancel(m_postgresCancel);
    m_postgresCancel = cancel;
}

void SqlCancellation::setMysqlConnection(const SqlConnection &connection, const QString &password,
                                         qulonglong threadId)
{
    if (threadId == 0)
        return;
    auto kill = std::make_unique<MysqlKill>(MysqlKill{connection, password, threadId});
    const QMutexLocker locker(&m_mutex);
    m_mysqlKill = std::move(kill);
}

bool SqlCancellation::beginCommit()
{
    const QMutexLocker locker(&m_mutex);
    if (m_cancelled.load(std::memory_order_relaxed))
        return false;
    m_committing = true;
    return true;
}

QStringList knownSqlPlaceholders()
{
    return {QStringLiteral("scheduled_time"), QStringLiteral("now"), QStringLiteral("scheduled_time_ms"),
            QStringLiteral("now_ms")};
}

SqlRunResult runSqlAction(const SqlAction &action, const QString &password, const SqlRunTimes &times,
                          SqlCancellation &cancellation, const QString &connectionName)
{
    SqlRunResult result;
    {
        auto db = openDatabase(action.connection, password, connectionName);
        if (!db) {
            result.error = db.error().message;
        } else {
            StatementRunner runner(db.value(), action, password, times, cancellation);
            result = runner.run();
            db.value().close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

QStringList availableSqlDrivers()
{
    return QSqlDatabase::drivers();
}

Result<QString> testSqlConnection(const SqlConnection &connection, const PasswordProvider &passwords)
{
    auto password = passwords.password(connection);
    if (!password)
        return password.error();
    const QString name = QStringLiteral("punctual-sql-test-") + QUuid::createUuid().toString(QUuid::Id128);
    Result<QString> outcome = QString();
    {
        auto db = openDatabase(connection, password.value(), name);
        if (db) {
            outcome = SqlText::tr("Connected to the %1.").arg(describeConnection(connection));
            db.value().close();
        } else {
            outcome = db.error();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

} // namespace punctual
