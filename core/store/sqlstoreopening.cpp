// Opening an SQL store: checking what the file or database holds, connecting, and migrating its schema.
#include "sqljobstore.h"

#include "store/sqlclusterstore.h"
#include "store/sqldialect.h"

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

const QByteArray sqliteHeader("SQLite format 3\0", 16);

Error notSqlite(const QString &file)
{
    return {ErrorCode::StoreFailure,
            SqlStoreText::tr("%1 is not a Punctual job store (not an SQLite database)").arg(shown(file))};
}

// What an existing file at a store's path must be before SQLite is handed it: a regular file (opening a FIFO would
// wait forever for a writer) that can be read and, unless empty, starts with SQLite's header (SQLite notices a
// foreign file only at its first query).
Result<void> checkExistingFile(const QFileInfo &info)
{
    const QString file = info.absoluteFilePath();
    if (info.isDir())
        return Error{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is a folder, not a Punctual job store").arg(shown(file))};
    if (!info.isFile())
        return Error{ErrorCode::StoreFailure,
                     SqlStoreText::tr("%1 is not a regular file (a FIFO, device or socket cannot be a job store)")
                         .arg(shown(file))};
    QFile existing(file);
    if (!existing.open(QIODevice::ReadOnly))
        return Error{ErrorCode::StoreFailure, SqlStoreText::tr("cannot read %1: %2").arg(shown(file), existing.errorString())};
    if (existing.size() > 0 && existing.read(16) != sqliteHeader)
        return notSqlite(file);
    return {};
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

    // Looking never makes a store.
    if (mode == OpenMode::ReadOnly && !info.exists())
        return Error{ErrorCode::StoreFailure,
                     SqlStoreText::tr("there is no job store at %1 (nothing was created)").arg(shown(file))};

    const QFileInfo folderInfo(folder);
    if (!folderInfo.exists()) {
        if (mode != OpenMode::DefaultStore) {
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
    SqlSession::Access access = SqlSession::Access::ReadWrite;
    if (info.exists()) {
        // An empty file the user named is not taken over as a store (it may be a mistyped path or a file about
        // to be written); at the default path it is this program's own creation, interrupted before SQLite ran.
        if (info.isFile() && info.size() == 0 && mode != OpenMode::DefaultStore)
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("%1 is an empty file, not a Punctual job store (remove it to make a new "
                                          "store there)")
                             .arg(shown(file))};
        if (auto usable = checkExistingFile(info); !usable)
            return usable.error();
        if (mode == OpenMode::ReadOnly) {
            // A file or folder that cannot be written is read as it is (without it, SQLite's WAL needs to write
            // its -shm file; with it, the -wal and -shm files are removed again when the connection closes).
            if (isReadOnly(info) || isReadOnly(QFileInfo(folder)))
                access = SqlSession::Access::ReadOnly;
        } else if (isReadOnly(info))
            return Error{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is read-only").arg(shown(file))};
        // WAL keeps two files next to the database, so its folder must be writable too.
        if (mode != OpenMode::ReadOnly && isReadOnly(QFileInfo(folder))) {
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
    std::unique_ptr<SqlJobStore> store(
        new SqlJobStore(std::make_unique<SqlSession>(SqlDialect::sqlite(), file, instance), std::nullopt, mode));
    if (auto connected = store->connect(created, access); !connected) {
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

std::unique_ptr<SqlJobStore> SqlJobStore::unconnectedPostgres(const PostgresLocation &location, OpenMode mode)
{
    return std::unique_ptr<SqlJobStore>(new SqlJobStore(
        std::make_unique<SqlSession>(SqlDialect::postgresql(), location.url(), location.instanceId), location,
        mode == OpenMode::ReadOnly ? OpenMode::ReadOnly : OpenMode::ExplicitPath));
}

Result<std::unique_ptr<SqlJobStore>> SqlJobStore::openPostgres(const PostgresLocation &location, OpenMode mode)
{
    auto store = unconnectedPostgres(location, mode);
    if (auto connected = store->connect(false); !connected)
        return connected.error();
    return store;
}

Result<std::unique_ptr<SqlJobStore>> SqlJobStore::openPostgresOrLater(const PostgresLocation &location,
                                                                    std::optional<Error> &unreachable)
{
    unreachable.reset();
    auto store = unconnectedPostgres(location, OpenMode::ExplicitPath);
    if (auto connected = store->connect(false); !connected) {
        if (connected.error().code != ErrorCode::StoreUnavailable)
            return connected.error();
        store->m_session->close();
        unreachable = connected.error();
    }
    return store;
}

Result<std::unique_ptr<SqlJobStore>> SqlJobStore::openAnother() const
{
    const OpenMode mode = m_mode == OpenMode::ReadOnly ? OpenMode::ReadOnly : OpenMode::ExplicitPath;
    if (m_postgres)
        return openPostgres(*m_postgres, mode);
    return openSqlite(path(), mode);
}

Result<void> SqlJobStore::reconnect()
{
    // A pass's claim on the lost connection is gone with it (the server rolled it back).
    m_claim.reset();
    m_session->checkpointMovedFile();
    m_session->close();
    if (!m_postgres) {
        m_session->dropStaleCompanions();
        // The file at the path, whatever it is now (a restored copy, or nothing): never a new store made here.
        const QFileInfo info(path());
        if (!info.exists())
            return Error{ErrorCode::StoreUnavailable,
                         SqlStoreText::tr("the job store file %1 is gone (removed or renamed); waiting for it to come "
                                          "back")
                             .arg(shown(path()))};
        // An empty file is one being written, not yet a store: never made into one here.
        if (info.isFile() && info.size() == 0)
            return notSqlite(path());
        if (auto usable = checkExistingFile(info); !usable)
            return usable;
    }
    m_unreadableIds.clear();
    if (auto connected = connect(false, m_access); !connected) {
        m_session->close();
        return connected;
    }
    // A file put in place of ours is checked as the host checks its store at start: damage is not built upon.
    if (!m_postgres && m_mode != OpenMode::ReadOnly) {
        if (auto intact = checkIntegrity(IntegrityCheck::Quick); !intact) {
            m_session->close();
            return intact;
        }
    }
    return {};
}

Result<void> SqlJobStore::connect(bool created, SqlSession::Access access)
{
    m_access = access;
    if (auto ok = m_session->open(m_postgres ? &*m_postgres : nullptr, access); !ok)
        return ok;
    // Only reads until the database is known to be ours and not newer than this build.
    auto version = storedSchemaVersion();
    if (!version)
        return version.error();
    m_schemaVersionFound = version.value();
    if (m_mode == OpenMode::ReadOnly) {
        // Looked at as it is: nothing is migrated or set up, and a newer schema is for the caller to report.
        if (version.value() == 0)
            return Error{ErrorCode::StoreFailure,
                         SqlStoreText::tr("%1 is not a Punctual job store (it has no tables)").arg(shown(path()))};
        return {};
    }
    if (version.value() > schemaVersion)
        return newerSchema(version.value());
    if (version.value() < schemaVersion) {
        // A migration writes: damage is not built upon. (Stores at the current schema are checked by their
        // scheduler, InstanceHost::open(), not at every open.)
        if (version.value() > 0) {
            if (auto intact = checkIntegrity(IntegrityCheck::Quick); !intact)
                return intact;
        }
        if (auto migrated = migrate(version.value()); !migrated)
            return migrated;
    }
    if (auto ok = m_session->runSetup(m_session->dialect().storeSetup()); !ok)
        return ok;
    m_session->rememberFiles();
    qCDebug(lcStore) << (created ? "created" : "opened") << describe() << "as connection" << connectionName();
    return {};
}

Result<int> SqlJobStore::storedSchemaVersion()
{
    const Error notOurs{ErrorCode::StoreFailure, SqlStoreText::tr("%1 is not a Punctual job store").arg(shown(path()))};
    // Read once each, unprepared: the tables may not be there yet.
    QSqlQuery tables(m_session->database());
    tables.setForwardOnly(true);
    if (!tables.exec(m_session->dialect().listTables()))
        return m_session->failure(tables.lastError());
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    tables.finish();
    if (names.isEmpty())
        return 0; // a new, empty database
    if (!names.contains(metaTable))
        return notOurs;

    QSqlQuery meta(m_session->database());
    meta.setForwardOnly(true);
    if (!meta.exec(m_session->statements().sql(SqlStatement::SelectMeta)))
        return m_session->failure(meta.lastError());
    QHash<QString, QString> values;
    while (meta.next())
        values.insert(meta.value(0).toString(), meta.value(1).toString());
    meta.finish();
    bool numeric = false;
    const int version = values.value(metaSchemaVersion).toInt(&numeric);
    if (values.value(metaApplication) != applicationTag || !numeric || version < 1)
        return notOurs;
    return version;
}

Error SqlJobStore::newerSchema(int version) const
{
    return Error{ErrorCode::StoreFailure,
                 SqlStoreText::tr("%1 was written by a newer Punctual (schema %2, this one reads up to %3)")
                     .arg(shown(path()))
                     .arg(version)
                     .arg(schemaVersion)};
}

Result<void> SqlJobStore::migrate(int fromVersion)
{
    SqlSession::WriteTransaction transaction(*m_session);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    if (const QString lock = m_session->dialect().migrationLock(); !lock.isEmpty()) {
        if (auto ok = m_session->execDirect(lock); !ok)
            return ok;
    }
    // Read again under the write lock: another process may have created or upgraded the schema meanwhile.
    auto current = storedSchemaVersion();
    if (!current)
        return current.error();
    if (current.value() > schemaVersion)
        return newerSchema(current.value());
    for (const Migration &migration : migrations()) {
        if (migration.version <= current.value())
            continue;
        for (const char *sql : migration.statements) {
            if (auto ok = m_session->execDirect(m_session->statements().render(QLatin1String(sql))); !ok)
                return ok; // rolled back
        }
    }
    const QString setMeta = m_session->statements().sql(SqlStatement::SetMeta);
    for (const auto &[key, value] : {std::pair<QString, QString>{metaApplication, applicationTag},
                                     std::pair<QString, QString>{metaSchemaVersion, QString::number(schemaVersion)}}) {
        QSqlQuery query(m_session->database());
        query.prepare(setMeta);
        query.bindValue(keyParam, key);
        query.bindValue(valueParam, value);
        if (auto ok = m_session->exec(query); !ok)
            return ok;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    qCDebug(lcStore) << "schema of" << path() << "brought from version" << fromVersion << "to" << schemaVersion;
    return {};
}

} // namespace punctual
