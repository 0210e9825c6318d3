// Where the job store is: the default SQLite file, a --db PATH or a --store URL (shared by punctual and punctualctl).
#pragma once

#include "util/result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace punctual {

class JobStore;

/// A PostgreSQL store shared by scheduler instances: postgresql://user@host:port/db?instance=NAME&lease=SECONDS.
/// It holds no password: libpq finds one in PGPASSWORD or ~/.pgpass, so none is ever written anywhere.
struct PostgresLocation
{
    static constexpr std::int64_t defaultLeaseMs = 30'000;

    QString user;
    QString host;
    int port = 5432;
    QString database;
    QString instanceId;       ///< this process's id in the cluster (configured, or host-pid-random)
    bool configuredInstance = false;
    std::int64_t leaseMs = defaultLeaseMs; ///< how long after its last heartbeat this instance counts as dead

    /// The URL without password or parameters: for messages and describe().
    QString url() const;
    /// What identifies this instance of this store on this machine (the instance lock's key, which StoreWatcher
    /// reads back): "/postgresql/USER@HOST:PORT/DB/INSTANCE". Several instances may run on one machine.
    QString instanceKey() const;
    /// Reads instanceKey() back (instance id and lease aside, what the key has); nullopt for anything else.
    static std::optional<PostgresLocation> fromInstanceKey(const QString &key);
    /// A fresh instance id: host name, process id and a random part.
    static QString generateInstanceId();
};

struct StoreLocation
{
    QString sqlitePath;        ///< empty: the default store
    bool explicitPath = false; ///< given by the user: a missing folder is an error, not created
    std::optional<PostgresLocation> postgres; ///< set: a shared PostgreSQL store instead of an SQLite file

    /// --db PATH.
    static StoreLocation fromPath(const QString &path);
    /// --store URL: "sqlite:PATH" (or "sqlite://PATH"), or "postgresql://user@host:port/db" (also "postgres://")
    /// with optional parameters instance=NAME (this instance's id) and lease=SECONDS (default 30).
    static Result<StoreLocation> fromUrl(const QString &url);

    /// What a user types where a store is asked for (the settings dialog): empty for the default store, a URL as
    /// for fromUrl(), or else an SQLite file's path.
    static Result<StoreLocation> fromUserText(const QString &text);
    /// The store the user chose in the window's settings: @p text as the apps read it from @p settingsFile (which
    /// core does not read: see app/common/configuredstore.h), as fromUserText() reads it; an error names the file.
    static Result<StoreLocation> fromSettings(const QString &text, const QString &settingsFile);

    /// The file this location means (the default store's path when none was given); for PostgreSQL the instance
    /// key (PostgresLocation::instanceKey()).
    QString resolvedPath() const;
    /// Opens the store (creating the default one, with its folder, on first use).
    Result<std::unique_ptr<JobStore>> open() const;
    /// open() for the scheduler host: a PostgreSQL server that cannot be reached yet gives a store not connected
    /// yet (its error in @p unreachable), for the host to reconnect while it waits (SqlJobStore::openPostgresOrLater()).
    Result<std::unique_ptr<JobStore>> openForHost(std::optional<Error> &unreachable) const;
    /// Opens the existing store only to read it (SqlJobStore::OpenMode::ReadOnly: nothing is created, migrated or
    /// written): the window's list and punctualctl check read a store a host schedules this way.
    Result<std::unique_ptr<JobStore>> openReadOnly() const;
    /// "SQLite PATH" or the PostgreSQL URL without its password, for status bars.
    QString describe() const;
};

} // namespace punctual
