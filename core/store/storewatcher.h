// Notices commits that another process made to an SQLite store file, without polling and without idle wake-ups.
#pragma once

#include "util/fileidentity.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <optional>

class QFileSystemWatcher;

namespace punctual {

class PostgresChangeListener;

/**
 * Watches an SQLite store (the database file, its -wal file and their folder) with QFileSystemWatcher (inotify on
 * Linux): nothing runs while nobody writes. A burst of notifications is coalesced (debounceMs after the last one,
 * at most maxDelayMs after the first), then SQLite's `PRAGMA data_version` tells whether another connection
 * committed since the last look; only then changed() is emitted.
 *
 * data_version changes for the connection it is asked on when a *different* connection commits. It is asked on
 * the store's own connection (the QSqlDatabase connection "punctual-store-N" of this thread on the same file,
 * found at start(), or the one named by setOwnConnectionName()), so the scheduler's own commits never count and
 * every other process's (or other connection's) do. Without such a connection the watcher opens one of its own (it
 * only reads): then commits of every other connection, this process's stores included, count as changes.
 *
 * The -wal file may appear and disappear (it is removed when the last connection closes, and a file replaced or
 * deleted loses its inotify watch): while one is missing or was replaced the folder is watched too, and a change
 * there re-adds the watches and triggers a look. Not otherwise: other files coming and going there wake nothing.
 * Use it on the thread of the store's connection; start it after the store is open.
 *
 * Given a shared PostgreSQL store's instance key (StoreLocation::resolvedPath(), the instance lock's path) it
 * listens for the NOTIFY other instances send instead (PostgresChangeListener).
 */
class StoreWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWatcher)

public:
    /// Quiet time after the last notification before the look.
    static constexpr int debounceMs = 200;
    /// A steady stream of notifications still gets a look this often.
    static constexpr int maxDelayMs = 1000;

    explicit StoreWatcher(const QString &databasePath, QObject *parent = nullptr);
    ~StoreWatcher() override;

    /// The connection whose commits are our own (the store's); call before start(). Default: found at start().
    void setOwnConnectionName(const QString &connectionName);
    /// Starts watching; an error when the file cannot be watched or its data_version cannot be read.
    Result<void> start();
    void stop();
    bool isWatching() const { return m_watcher != nullptr || m_listener != nullptr; }

    /// The file watched (absolute).
    QString databasePath() const { return m_path; }
    /// The connection data_version is asked on (the store's, or the watcher's own).
    QString judgeConnectionName() const { return m_judge; }
    /// True when that connection is the store's (our own commits are told apart); false with a connection of its own.
    bool usesStoreConnection() const { return !m_ownConnection; }
    /// The folder is watched too (a file of the store is missing or was replaced; tests).
    bool watchesFolder() const;

signals:
    /// Another connection (another process) committed to the store: reload what you show, refresh the scheduler.
    void changed();
    /// The path watched is now another file than the one watched from start() on (a restored copy moved over it, a
    /// sync tool swapping it): the store's connection still reads the old one and must be opened again. After
    /// fileRemoved(), a file back at the path (the same one moved back, too) is told so as well.
    void fileReplaced();
    /// Nothing is at the path watched any more (deleted or renamed away).
    void fileRemoved();

private:
    void onNotification();
    void onFolderChanged();
    void watchFiles();
    void watchFolderIfNeeded();
    void look();
    Result<std::int64_t> dataVersion();
    Result<void> openOwnConnection();
    static QString findStoreConnection(const QString &path);
    /// Compares the file at the path with the one watched since start(); true (and a signal) when it is another
    /// or none.
    bool fileMoved();

    QString m_path;
    QString m_walPath;
    QString m_folder;
    QString m_judge;          ///< connection name data_version is asked on
    bool m_ownConnection = false;
    QFileSystemWatcher *m_watcher = nullptr;
    PostgresChangeListener *m_listener = nullptr; ///< for a PostgreSQL store
    QTimer m_debounce;
    QElapsedTimer m_firstNotification;
    std::optional<std::int64_t> m_version;
    bool m_reportedFailure = false;
    /// Device and inode of the file watched (SQLite), from start(); what fileMoved() compares with.
    std::optional<FileIdentity> m_identity;
    bool m_reportedMove = false; ///< fileReplaced() or fileRemoved() was emitted: once until start() again
    std::optional<FileIdentity> m_reportedFile; ///< the file at the path when last signalled (none: removed)
};

} // namespace punctual
