// Opening an SQL store: checking what the file or database holds, connecting, and migrating its schema.
#include "sqljobstore.h"
#include "sqljobstoreparts.h"

#include "store/sqlcheckpointer.h"
#include "store/sqldialect.h"
#include "store/sqlschema.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
#include <QSysInfo>

namespace punctual {

using namespace sqlschema;
using namespace sqlstore;

namespace {

// access() tells root that everything is writable. A file or folder nobody may write (no write bit at all) was
// made read-only on purpose, so it is refused for root too rather than written behind the user's back.
bool isReadOnly(const QFileInfo &info)
{
    constexpr auto anyWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    return !info.isWritable() || !(info.permissions() & anyWrite);
}

} // namespace


QString SqlJobStore::defaultSqlitePath()
{
    // Not AppDataLocation: that appends the *running program's* organisation and application names, so the GUI
    // ("punctual") and punctualctl would pick different files, and a program that sets no names would pick its
    // executable's. One fixed folder under the generic data location is the same for every program.
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/punctual/jobs.db");
}

Result<std::unique_ptr<SqlJobStore>> SqlJobStore::openSqlite(const QString &path, OpenMode mode)
{
    if (path.isEmpty())
        return invalidInput(SqlStoreText::tr("no job store file given"));
    const QFileInfo info(path);
    const QString file = info.absoluteFilePath();
    const QString folder = info.absolutePath();

    const QFileInfo folderInfo(folder);
    if (!folderInfo.exists()) {
        if (mode == OpenMode::ExplicitPath) {
            return Error{ErrorCode::StoreFailure, SqlStoreText::tr("the folder %1 does not exist (for the job store %2)")
                                                      .arg(shown(folder), shown(file))};
        }
        if (!QDir().mkpath(folder)) {
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("cannot create the folder %1 for the job store").arg(shown(folder))};
        }
        // The store holds command lines and their output: keep its folder private.
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    } else if (!folderInfo.isDir()) {
        return Error{ErrorCode::StoreFailure,
                     SqlStoreText::tr("%1 is not a folder (for the job store %2)").arg(shown(folder), shown(file))};
    }

    bool created = false;
    if (info.exists()) {
        if (info.isDir())
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("%1 is a folder, not a Punctual job store").arg(shown(file))};
        QFile existing(file);
        if (!existing.open(QIODevice::ReadOnly)) {
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("cannot read %1: %2").arg(shown(file), existing.errorString())};
        }
        // SQLite notices a foreign file only at its first query: look at the header before handing the file over
        // at all. An empty file is an empty database.
        if (existing.size() > 0 && existing.read(16) != QByteArray("SQLite format 3\0", 16)) {
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("%1 is not a Punctual job store (not an SQLite database)").arg(shown(file))};
        }
        existing.close();
        if (isReadOnly(info))
            return Error{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is read-only").arg(shown(file))};
        // WAL keeps two files next to the database, so its folder must be writable too.
        if (isReadOnly(QFileInfo(folder))) {
            return Error{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is read-only (its folder %2 cannot be written)")
                                                      .arg(shown(file), shown(folder))};
        }
    } else {
        if (isReadOnly(QFileInfo(folder))) {
            return Error{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is read-only (its folder %2 cannot be written)")
                                                      .arg(shown(file), shown(folder))};
        }
        // Created by us with 0600 before SQLite sees it (SQLite would use 0644): jobs hold command lines.
        QFile fresh(file);
        if (!fresh.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("cannot create %1: %2").arg(shown(file), fresh.errorString())};
        }
        fresh.close();
        created = true;
    }

    // One scheduler per SQLite file (InstanceLock): its runs are stamped with this host and process.
    const QString instance = QStringLiteral("%1-%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
    std::unique_ptr<SqlJobStore> store(new SqlJobStore(SqlDialect::sqlite(), file, instance));
    if (auto connected = store->connect(created); !connected) {
        store.reset();
        if (created) {
            // Leave no trace of a store that never came to be.
            for (const char *suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(file + QLatin1String(suffix));
        }
        return connected.error();
    }
    return store;
}

Result<std::unique_ptr<SqlJobStore>> SqlJobStore::openPostgres(const PostgresLocation &location)
{
    std::unique_ptr<SqlJobStore> store(new SqlJobStore(SqlDialect::postgresql(), location.url(), location.instanceId));
    store->m_postgres = location;
    store->m_leaseMs = location.leaseMs;
    if (auto connected = store->connect(false); !connected)
        return connected.error();
    return store;
}

Result<std::unique_ptr<SqlJobStore>> SqlJobStore::openAnother() const
{
    if (m_postgres)
        return openPostgres(*m_postgres);
    return openSqlite(m_path, OpenMode::ExplicitPath);
}

Result<void> SqlJobStore::connect(bool created)
{
    m_db = QSqlDatabase::addDatabase(m_dialect->driverName(), m_connectionName);
    if (!m_db.isValid()) {
        return Error{ErrorCode::StoreFailure, SqlStoreText::tr("the Qt %1 driver is not available (for %2)")
                                                  .arg(m_dialect->driverName(), shown(m_path))};
    }
    if (m_postgres) {
        // No password here: libpq reads PGPASSWORD or ~/.pgpass itself.
        m_db.setHostName(m_postgres->host);
        m_db.setPort(m_postgres->port);
        m_db.setUserName(m_postgres->user);
        m_db.setDatabaseName(m_postgres->database);
    } else {
        m_db.setDatabaseName(m_path);
    }
    m_db.setConnectOptions(m_dialect->connectOptions(busyTimeoutMs));
    if (!m_db.open())
        return failure(m_db.lastError());
    if (auto ok = runSetup(m_dialect->sessionSetup(busyTimeoutMs)); !ok)
        return ok;

    // Only reads until the database is known to be ours and not newer than this build.
    auto version = storedSchemaVersion();
    if (!version)
        return version.error();
    if (version.value() < schemaVersion) {
        if (auto migrated = migrate(version.value()); !migrated)
            return migrated;
    }
    if (auto ok = runSetup(m_dialect->storeSetup()); !ok)
        return ok;
    qCDebug(lcStore) << (created ? "created" : "opened") << describe() << "as connection" << m_connectionName;
    return {};
}

Result<void> SqlJobStore::runSetup(const QList<SqlSetupStatement> &statements)
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

Result<int> SqlJobStore::storedSchemaVersion()
{
    const Error notOurs{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is not a Punctual job store").arg(shown(m_path))};
    QSqlQuery tables(m_db);
    tables.setForwardOnly(true);
    if (!tables.exec(m_dialect->listTables()))
        return failure(tables.lastError());
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    tables.finish();
    if (names.isEmpty())
        return 0; // a new, empty database
    if (!names.contains(metaTable))
        return notOurs;

    QSqlQuery meta(m_db);
    meta.setForwardOnly(true);
    if (!meta.exec(QStringLiteral("SELECT %1, %2 FROM %3").arg(metaKey, metaValue, metaTable)))
        return failure(meta.lastError());
    QHash<QString, QString> values;
    while (meta.next())
        values.insert(meta.value(0).toString(), meta.value(1).toString());
    meta.finish();
    bool numeric = false;
    const int version = values.value(metaSchemaVersion).toInt(&numeric);
    if (values.value(metaApplication) != applicationTag || !numeric || version < 1)
        return notOurs;
    if (version > schemaVersion) {
        return Error{ErrorCode::StoreFailure,
                     SqlStoreText::tr("%1 was written by a newer Punctual (schema %2, this one reads up to %3)")
                         .arg(shown(m_path))
                         .arg(version)
                         .arg(schemaVersion)};
    }
    return version;
}

Result<void> SqlJobStore::migrate(int fromVersion)
{
    WriteTransaction transaction(*this);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    if (const QString lock = m_dialect->migrationLock(); !lock.isEmpty()) {
        if (auto ok = execDirect(lock); !ok)
            return ok;
    }
    // Read again under the write lock: another process may have created or upgraded the schema meanwhile.
    auto current = storedSchemaVersion();
    if (!current)
        return current.error();
    for (const Migration &migration : migrations()) {
        if (migration.version <= current.value())
            continue;
        for (const QString &sql : migration.statements(*m_dialect)) {
            if (auto ok = execDirect(sql); !ok)
                return ok; // rolled back
        }
    }
    const QString setMeta = m_dialect->upsert(metaTable, {metaKey, metaValue}, metaKey);
    for (const auto &[key, value] : {std::pair<QString, QString>{metaApplication, applicationTag},
                                     std::pair<QString, QString>{metaSchemaVersion, QString::number(schemaVersion)}}) {
        QSqlQuery query(m_db);
        query.prepare(setMeta);
        query.bindValue(SqlDialect::placeholder(metaKey), key);
        query.bindValue(SqlDialect::placeholder(metaValue), value);
        if (auto ok = exec(query); !ok)
            return ok;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    qCDebug(lcStore) << "schema of" << m_path << "brought from version" << fromVersion << "to" << schemaVersion;
    return {};
}

} // namespace punctual
