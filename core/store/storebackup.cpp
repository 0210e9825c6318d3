// punctualctl backup: VACUUM INTO a temporary file next to the target, check it, rename it into place.
#include "storebackup.h"

#include "store/sqljobstore.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

namespace punctual {

using sqlstore::shown;
using sqlstore::SqlStoreText;

namespace {

Error cannotWrite(const QString &file, const QString &reason)
{
    return Error{ErrorCode::Io, SqlStoreText::tr("cannot write %1: %2").arg(shown(file), reason)};
}

/// Flushes @p path (a file, or a folder after a rename) to the disk; the system's reason when it cannot.
Result<void> syncToDisk(const QString &path, const QString &shownAs)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        return cannotWrite(shownAs, qt_error_string(error));
    }
    ::close(fd);
    return {};
}

/// The store's own files: a backup must never be written over them.
bool isPartOfStore(const QString &canonicalTarget, const QString &storePath)
{
    const QString store = QFileInfo(storePath).canonicalFilePath();
    if (canonicalTarget.isEmpty() || store.isEmpty())
        return false;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        if (canonicalTarget == store + QLatin1String(suffix))
            return true;
    }
    return false;
}

} // namespace

Result<BackupResult> backupStore(const StoreLocation &location, const QString &target)
{
    if (location.postgres) {
        return Error{ErrorCode::StoreFailure,
                     SqlStoreText::tr("%1 is a PostgreSQL store: back it up with pg_dump (punctualctl backup copies "
                                      "SQLite stores)")
                         .arg(location.postgres->url())};
    }
    if (target.isEmpty())
        return invalidInput(SqlStoreText::tr("no backup file given"));

    // Through a symbolic link to the file it names (the link stays a link).
    QFileInfo info(target);
    if (info.isSymLink())
        info = QFileInfo(info.symLinkTarget());
    const QString file = info.absoluteFilePath();
    if (info.exists()) {
        if (info.isDir())
            return Error{ErrorCode::Io, SqlStoreText::tr("%1 is a folder").arg(shown(file))};
        // Checked before anything opens it: opening a FIFO waits for a reader, a device takes anything.
        if (!info.isFile()) {
            return Error{ErrorCode::Io, SqlStoreText::tr("%1 is not a regular file (a FIFO, device or socket cannot "
                                                         "hold a backup)")
                                            .arg(shown(file))};
        }
        if (isPartOfStore(info.canonicalFilePath(), location.resolvedPath()))
            return Error{ErrorCode::Io,
                         SqlStoreText::tr("%1 is the job store itself, not a place for its backup").arg(shown(file))};
    }
    const QString folder = info.absolutePath();
    if (!QFileInfo(folder).isDir())
        return Error{ErrorCode::Io, SqlStoreText::tr("the folder %1 does not exist").arg(shown(folder))};

    auto opened = SqlJobStore::openSqlite(location.resolvedPath(), SqlJobStore::OpenMode::ReadOnly);
    if (!opened)
        return opened.error();
    // A copy of a damaged store would not say so (VACUUM rebuilds every page) and would replace a good backup.
    if (auto intact = opened.value()->checkIntegrity(IntegrityCheck::Quick); !intact)
        return intact.error();

    // In the target's folder, so that the rename below is one atomic step on one file system. QTemporaryFile makes
    // it 0600 (the store holds command lines) and removes it unless it was renamed into place.
    QTemporaryFile copy(folder + QStringLiteral("/.") + info.fileName() + QStringLiteral(".XXXXXX"));
    if (!copy.open())
        return cannotWrite(file, copy.errorString());
    copy.close();
    const QString copyPath = copy.fileName();
    auto removeLeftovers = qScopeGuard([&] {
        for (const char *suffix : {"-journal", "-wal", "-shm"})
            QFile::remove(copyPath + QLatin1String(suffix));
    });

    if (auto copied = opened.value()->copyInto(copyPath, file); !copied)
        return copied.error();
    opened.value().reset();
    if (auto synced = syncToDisk(copyPath, file); !synced)
        return synced.error();

    BackupResult result{file, 0};
    {
        auto check = SqlJobStore::openSqlite(copyPath, SqlJobStore::OpenMode::ReadOnly);
        if (!check)
            return cannotWrite(file, check.error().message);
        if (auto intact = check.value()->checkIntegrity(IntegrityCheck::Quick); !intact)
            return cannotWrite(file, intact.error().message);
        auto count = check.value()->jobCount();
        if (!count)
            return cannotWrite(file, count.error().message);
        result.jobs = count.value();
    }

    if (std::rename(QFile::encodeName(copyPath).constData(), QFile::encodeName(file).constData()) != 0)
        return cannotWrite(file, qt_error_string(errno));
    copy.setAutoRemove(false);
    // The rename itself is on the disk once the folder is: else a crash could bring the old backup back.
    if (auto synced = syncToDisk(folder, folder); !synced)
        return synced.error();
    return result;
}

} // namespace punctual
