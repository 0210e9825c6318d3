// What `punctualctl check` finds in a store, and the quick check a command runs before it relies on a store.
#pragma once

#include "store/jobstore.h"
#include "store/sqlschema.h"
#include "store/storelocation.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace punctual {

/// A store looked at without being changed: the database's own check, the schema version, the rows it cannot read.
struct StoreHealth
{
    QString store;                 ///< JobStore::describe()
    bool integrityChecked = false; ///< false where the engine has no check of its own (PostgreSQL)
    QStringList damage;            ///< what the integrity check (or a read it stopped) names; empty: none
    int schemaVersion = 0;         ///< the version the store holds
    int currentSchemaVersion = sqlschema::currentVersion;
    bool rowsChecked = false;      ///< false when the schema is newer, or damage stopped the reading
    QString rowsNotRead;           ///< why the rows were not read (when rowsChecked is false)
    int jobRows = 0;               ///< readable and unreadable
    QList<UnreadableJob> unreadableJobs;

    /// An older schema is fine (the next scheduler migrates it); a newer one this build cannot judge.
    bool schemaReadable() const { return schemaVersion <= currentSchemaVersion; }
    bool healthy() const { return damage.isEmpty() && schemaReadable() && unreadableJobs.isEmpty() && rowsChecked; }
};

/// Looks at the store at @p location without writing to it (SqlJobStore::OpenMode::ReadOnly; a running scheduler
/// goes on meanwhile): PRAGMA integrity_check (@p depth), the schema version and every job row. Errors: a store that
/// is missing or cannot be opened (a damaged schema page is StoreError::damaged()).
Result<StoreHealth> inspectStore(const StoreLocation &location, IntegrityCheck depth = IntegrityCheck::Full);

/// The quick check of the store at @p location, before a command relies on what it reads (export): the store's
/// StoreError::damaged() when it finds damage; ok with nothing to check (PostgreSQL; no SQLite file yet).
Result<void> checkStoreIntact(const StoreLocation &location);

} // namespace punctual
