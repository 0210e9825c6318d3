// One connection of the SQL store: opening it, preparing statements once, and wording database errors.
#include "sqlsession.h"

#include "store/sqlcheckpointer.h"
#include "store/jobstore.h"
#include "store/sqldialect.h"
#include "store/storelocation.h"

#include <QFile>
#include <QSqlDriver>
#include <QSqlError>

#include <atomic>

namespace punctual {

Q_LOGGING_CATEGORY(lcStore, "punctual.store")

using namespace sqlstore;

namespace {

/// Numbers the store's connections ("punctual-store-N", which StoreWatcher looks for), process-wide.
std::atomic<int> connectionCounter{0};

QtMessageHandler previousHandler = nullptr;

void quietStatementCleanup(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("Unable to free statement")))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

SqlSession::SqlSession(std::shared_ptr<const SqlDialect> dialect, QString path, QString instanceId)
    : m_dialect(std::move(dialect))
    , m_path(std::move(path))
    , m_instanceId(std::move(instanceId))
    , m_connectionName(QStringLiteral("punctual-store-%1").arg(++connectionCounter))
    , m_statements(*m_dialect, m_instanceId)
{
}

SqlSession::~SqlSession()
{
    close();
}

void SqlSession::close()
{
    // Its last checkpoint first, while the database is still open here too.
    m_checkpointer.reset();
    // Every query and handle must be gone before the connection is removed. On a connection the server dropped,
    // QPSQL warns for every prepared statement it cannot deallocate (the server has freed them already): not a
    // problem worth a line each in the host's log.
    const QtMessageHandler previous = qInstallMessageHandler(quietStatementCleanup);
    previousHandler = previous;
    for (auto &statement : m_prepared)
        statement.reset();
    for (auto &statement : m_sqlitePrepared)
        statement.reset();
    m_sqliteDirect = false;
    qInstallMessageHandler(previous);
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

Result<void> SqlSession::open(const PostgresLocation *postgres, Access access)
{
    m_db = QSqlDatabase::addDatabase(m_dialect->driverName(), m_connectionName);
    if (!m_db.isValid()) {
        return Error{ErrorCode::StoreFailure, SqlStoreText::tr("the Qt %1 driver is not available (for %2)")
                                                  .arg(m_dialect->driverName(), shown(m_path))};
    }
    if (postgres) {
        // No password here: libpq reads PGPASSWORD or ~/.pgpass itself.
        m_db.setHostName(postgres->host);
        m_db.setPort(postgres->port);
        m_db.setUserName(postgres->user);
        m_db.setDatabaseName(postgres->database);
    } else {
        m_db.setDatabaseName(m_path);
    }
    QString options = m_dialect->connectOptions(busyTimeoutMs);
    if (access == Access::ReadOnly && !m_dialect->readOnlyConnectOption().isEmpty())
        options += QLatin1Char(';') + m_dialect->readOnlyConnectOption();
    m_db.setConnectOptions(options);
    if (!m_db.open())
        return failure(m_db.lastError());
    if (auto ok = runSetup(m_dialect->sessionSetup(busyTimeoutMs)); !ok)
        return ok;
    // Statements run once per job or run go straight through libsqlite3 (withStatement()); an environment variable
    // turns that off, to compare the two.
    m_sqliteDirect = m_db.driverName() == QLatin1String("QSQLITE") && !qEnvironmentVariableIsSet("PUNCTUAL_SQLITE_VIA_QT");
    return {};
}

Error SqlSession::notConnected() const
{
    return {ErrorCode::StoreUnavailable,
            SqlStoreText::tr("the job store %1 is not connected (reconnecting)").arg(shown(m_path))};
}

Result<QSqlQuery *> SqlSession::prepare(SqlStatement which)
{
    if (!m_db.isOpen())
        return notConnected();
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(m_statements.sql(which)))
        return failure(query->lastError());
    auto &slot = m_prepared[static_cast<std::size_t>(which)];
    slot = std::move(query);
    return slot.get();
}

Result<SqliteStatement *> SqlSession::sqliteStatement(SqlStatement which)
{
    if (!m_sqliteDirect)
        return nullptr;
    auto &slot = m_sqlitePrepared[static_cast<std::size_t>(which)];
    if (slot)
        return slot.get();
    if (!m_db.isOpen())
        return notConnected();
    const QVariant handle = m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    QSqlError error;
    slot = SqliteStatement::prepare(*static_cast<void *const *>(handle.data()), m_statements.sql(which), &error);
    if (!slot) {
        if (error.type() != QSqlError::NoError)
            return failure(error);
        m_sqliteDirect = false; // libsqlite3's functions are not there: QSqlQuery from now on
        return nullptr;
    }
    return slot.get();
}

Result<void> SqlSession::exec(QSqlQuery &query)
{
    if (!query.exec())
        return failure(query.lastError());
    return {};
}

Result<void> SqlSession::exec(SqliteStatement &statement)
{
    if (!statement.exec())
        return failure(statement.lastError());
    return {};
}

Result<void> SqlSession::execDirect(const QString &sql)
{
    if (!m_db.isOpen())
        return notConnected();
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return failure(query.lastError());
    return {};
}

Result<void> SqlSession::runSetup(const QList<SqlSetupStatement> &statements)
{
    for (const SqlSetupStatement &statement : statements) {
        QSqlQuery query(m_db);
        if (!query.exec(statement.sql))
            return failure(query.lastError());
        if (!statement.expected.isEmpty()) {
            const QString answer = query.next() ? query.value(0).toString() : QString();
            if (answer.compare(statement.expected, Qt::CaseInsensitive) != 0) {
                qCWarning(lcStore) << statement.sql << "on" << m_path << "gave" << answer << "instead of"
                                   << statement.expected;
            }
        }
    }
    return {};
}

Result<void> SqlSession::transactionControl(SqlStatement which)
{
    if (!m_dialect->preparesTransactionControl())
        return execDirect(m_statements.sql(which));
    auto query = prepared(which);
    if (!query)
        return query.error();
    return exec(*query.value());
}

Error SqlSession::failure(const QSqlError &error) const
{
    const QString file = shown(m_path);
    switch (m_dialect->classify(error)) {
    case SqlErrorKind::Locked:
        return {ErrorCode::StoreFailure, SqlStoreText::tr("%1 is locked by another process (waited %2 s)")
                                             .arg(file)
                                             .arg(busyTimeoutMs / 1000)};
    case SqlErrorKind::ReadOnly:
        return {ErrorCode::StoreFailure, SqlStoreText::tr("%1 is read-only").arg(file)};
    case SqlErrorKind::NotADatabase:
        return {ErrorCode::StoreFailure, SqlStoreText::tr("%1 is not a Punctual job store (not an %2 database)")
                                             .arg(file, m_dialect->engineName())};
    case SqlErrorKind::Corrupt:
        return StoreError::damaged(error.databaseText(), file);
    case SqlErrorKind::Unreachable: {
        const QString text = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
        return {ErrorCode::StoreUnavailable,
                SqlStoreText::tr("cannot reach the job store %1: %2").arg(file, text.simplified())};
    }
    case SqlErrorKind::DiskFull:
    case SqlErrorKind::Constraint:
    case SqlErrorKind::Other:
        break;
    }
    const QString text = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    qCWarning(lcStore) << "store error on" << m_path << ":" << error.text();
    return {ErrorCode::StoreFailure, SqlStoreText::tr("job store %1: %2").arg(file, text)};
}

void SqlSession::rememberFiles()
{
    if (m_dialect->checkpointStatement().isEmpty())
        return; // not a file (PostgreSQL)
    m_databaseFile = fileIdentity(m_path);
    m_walFile = fileIdentity(m_path + QStringLiteral("-wal"));
    m_shmFile = fileIdentity(m_path + QStringLiteral("-shm"));
}

void SqlSession::checkpointMovedFile()
{
    if (!m_databaseFile || !m_db.isOpen() || fileIdentity(m_path) == m_databaseFile)
        return;
    // The connection's descriptors still name the old file and its log: the copy lands where it belongs.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        qCWarning(lcStore) << "cannot keep the last commits of the moved store file" << m_path << ":"
                           << query.lastError().text();
}

bool SqlSession::dropStaleCompanions()
{
    const auto now = fileIdentity(m_path);
    if (!m_databaseFile || !now || *now == *m_databaseFile)
        return false; // the same file (moved away and back), or none yet: its log is its own
    for (const auto &[suffix, remembered] : {std::pair(QStringLiteral("-wal"), m_walFile),
                                             std::pair(QStringLiteral("-shm"), m_shmFile)}) {
        const QString companion = m_path + suffix;
        if (remembered && fileIdentity(companion) == remembered) {
            if (QFile::remove(companion))
                qCInfo(lcStore) << "removed" << companion << "left by the file that" << m_path << "replaced";
            else
                qCWarning(lcStore) << "cannot remove" << companion << "left by the replaced store file";
        }
    }
    return true;
}

void SqlSession::wrote()
{
    // SQLite makes the -wal and -shm files at the first transaction after the open: noted once they are there.
    if (m_databaseFile && !m_walFile)
        rememberFiles();
    if (!m_checkpointer) {
        if (m_dialect->checkpointStatement().isEmpty())
            return;
        // Not "punctual-store-N": that prefix names the connections stores (and StoreWatcher) use on their thread.
        const QString name = QStringLiteral("punctual-checkpoint-%1").arg(++connectionCounter);
        m_checkpointer = std::make_unique<SqlCheckpointer>(m_dialect, m_path, name, busyTimeoutMs, m_databaseFile);
        if (auto ok = runSetup(m_dialect->writerSetup()); !ok)
            qCWarning(lcStore) << "cannot hand checkpoints of" << m_path << "over:" << ok.error().message;
    }
    m_checkpointer->noteWrite();
}

} // namespace punctual
