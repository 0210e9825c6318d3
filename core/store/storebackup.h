// A consistent copy of an SQLite store, taken while its scheduler may be running and writing (punctualctl backup).
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QString>

namespace punctual {

struct BackupResult
{
    QString file; ///< where the copy went (a symbolic link's target)
    int jobs = 0; ///< job rows in the copy
};

/// Copies the SQLite store at @p location into @p target: the store is quick-checked, copied in one read
/// transaction (VACUUM INTO) to a new 0600 file in @p target's folder, synced, quick-checked and counted there, and
/// only then renamed over @p target, so an existing @p target is replaced by a complete, good copy or not at all.
/// Refused: a PostgreSQL store (pg_dump does that), a target that is a folder, FIFO, device or socket, or the store
/// itself. Errors are one line naming the file, with the system's reason where it gives one.
Result<BackupResult> backupStore(const StoreLocation &location, const QString &target);

} // namespace punctual
