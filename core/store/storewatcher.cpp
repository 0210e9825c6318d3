// StoreWatcher: inotify on the store's files, PRAGMA data_version to tell other connections' commits from ours.
#include "storewatcher.h"

#include "store/postgreschangelistener.h"
#include "store/sqldialect.h"
#include "store/storelocation.h"
#include "util/fileidentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <map>

Q_LOGGING_CATEGORY(lcStoreWatcher, "punctual.store.watcher")

namespace punctual {

namespace {

class WatcherText
{
    Q_DECLARE_TR_FUNCTIONS(StoreWatcher)
};

// SqlJobStore names its connections "punctual-store-N", N counting up from 1 in the order they were opened.
const QLatin1String storeConnectionPrefix("punctual-store-");

std::atomic<int> ownConnectionCounter{0};

QString canonical(const QString &path)
{
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return resolved.isEmpty() ? QFileInfo(path).absoluteFilePath() : resolved;
}

} // namespace

StoreWatcher::StoreWatcher(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(QFileInfo(databasePath).absoluteFilePath())
    , m_walPath(m_path + QStringLiteral("-wal"))
    , m_folder(QFileInfo(m_path).absolutePath())
{
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &StoreWatcher::look);
}

StoreWatcher::~StoreWatcher()
{
    stop();
}

void StoreWatcher::setOwnConnectionName(const QString &connectionName)
{
    m_judge = connectionName;
    m_ownConnection = false;
}

QString StoreWatcher::findStoreConnection(const QString &path)
{
    // Lowest number first: the first store opened on a file is the scheduler's; later ones (another thread's,
    // a short-lived loader's) are looked at only if it is not there, and a connection of another thread is never
    // usable from here (QSqlDatabase::database() refuses it).
    std::map<long, QString> candidates;
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (!name.startsWith(storeConnectionPrefix))
            continue;
        bool ok = false;
        const long number = name.mid(storeConnectionPrefix.size()).toLong(&ok);
        if (ok)
            candidates.emplace(number, name);
    }
    const QString wanted = canonical(path);
    for (const auto &[number, name] : candidates) {
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid() && db.isOpen() && canonical(db.databaseName()) == wanted)
            return name;
    }
    return {};
}

Result<void> StoreWatcher::openOwnConnection()
{
    const QString name = QStringLiteral("punctual-watch-%1").arg(++ownConnectionCounter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        // A watcher never creates the file it watches (it may be gone: removed under the host).
        db.setDatabaseName(sqliteExistingFileName(m_path));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000") + QLatin1String(sqliteUriOption));
        if (!db.open()) {
            const QString message = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error{ErrorCode::StoreFailure,
                         WatcherText::tr("cannot watch %1 for changes: %2").arg(m_path, message)};
        }
    }
    m_judge = name;
    m_ownConnection = true;
    return {};
}

Result<void> StoreWatcher::start()
{
    if (m_watcher || m_listener)
        return {};
    if (auto postgres = PostgresLocation::fromInstanceKey(m_path)) {
        m_listener = new PostgresChangeListener(*postgres, this);
        connect(m_listener, &PostgresChangeListener::changed, this, &StoreWatcher::changed);
        if (auto listening = m_listener->start(); !listening) {
            stop();
            return listening;
        }
        return {};
    }
    m_identity = fileIdentity(m_path);
    m_reportedMove = false;
    if (!m_identity)
        return Error{ErrorCode::StoreFailure, WatcherText::tr("cannot watch %1 for changes: no such file").arg(m_path)};
    if (m_judge.isEmpty())
        m_judge = findStoreConnection(m_path);
    if (m_judge.isEmpty()) {
        if (auto opened = openOwnConnection(); !opened)
            return opened;
        qCInfo(lcStoreWatcher) << "no store connection on" << m_path
                               << "in this thread: every other connection's commits count as changes";
    }
    auto version = dataVersion();
    if (!version) {
        stop();
        return version.error();
    }
    m_version = version.value();
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &StoreWatcher::onNotification);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &StoreWatcher::onFolderChanged);
    watchFiles();
    if (!m_watcher->files().contains(m_path)) {
        stop();
        return Error{ErrorCode::StoreFailure, WatcherText::tr("cannot watch %1 for changes").arg(m_path)};
    }
    qCDebug(lcStoreWatcher) << "watching" << m_path << "judged on" << m_judge;
    return {};
}

void StoreWatcher::stop()
{
    m_debounce.stop();
    delete m_listener;
    m_listener = nullptr;
    delete m_watcher;
    m_watcher = nullptr;
    if (m_ownConnection && !m_judge.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_judge, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_judge);
        m_judge.clear();
        m_ownConnection = false;
    }
}

void StoreWatcher::watchFiles()
{
    // Removed and added again: a file that was deleted or replaced is then watched under its new identity.
    const QStringList watched = m_watcher->files();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    QStringList wanted{m_path};
    if (QFileInfo::exists(m_walPath))
        wanted << m_walPath;
    const QStringList failed = m_watcher->addPaths(wanted);
    for (const QString &path : failed)
        qCDebug(lcStoreWatcher) << "cannot watch" << path;
    watchFolderIfNeeded();
}

void StoreWatcher::watchFolderIfNeeded()
{
    // The folder only while a file is missing from the watches (no -wal yet, one deleted) or was replaced: then
    // one appearing is noticed. With both watched, their own events (written, unlinked, renamed away or over) tell
    // everything, and an idle host is not woken by every file that others create next to the store (/tmp).
    if (!m_watcher)
        return;
    const QStringList files = m_watcher->files();
    const bool needed = m_reportedMove || !files.contains(m_path) || !files.contains(m_walPath);
    const bool watching = m_watcher->directories().contains(m_folder);
    if (needed && !watching && !m_watcher->addPath(m_folder))
        qCWarning(lcStoreWatcher) << "cannot watch the folder" << m_folder << "(a new -wal file may be missed)";
    else if (!needed && watching)
        m_watcher->removePath(m_folder);
}

bool StoreWatcher::watchesFolder() const
{
    return m_watcher && m_watcher->directories().contains(m_folder);
}

void StoreWatcher::onNotification()
{
    if (!m_watcher)
        return;
    // A deleted or renamed file drops out of the watch list; the folder's notification brings it back.
    watchFolderIfNeeded();
    if (!m_debounce.isActive())
        m_firstNotification.start();
    const qint64 left = maxDelayMs - m_firstNotification.elapsed();
    m_debounce.start(static_cast<int>(std::clamp<qint64>(left, 0, debounceMs)));
}

bool StoreWatcher::fileMoved()
{
    if (!m_identity)
        return false;
    const auto now = fileIdentity(m_path);
    if (!m_reportedMove) {
        if (now == m_identity)
            return false;
        m_reportedMove = true;
        m_reportedFile = now;
        m_debounce.stop();
        watchFolderIfNeeded(); // for the file's return
        qCWarning(lcStoreWatcher) << m_path << (now ? "was replaced by another file" : "was removed");
        if (now)
            emit fileReplaced();
        else
            emit fileRemoved();
        return true;
    }
    // Reported already (the store reconnects, and start() begins anew once it has): a file at the path again,
    // another or the same one moved back, is worth a reconnect at once. Once per file: a reconnect that opens a file
    // and refuses it (damaged, not ours) touches the folder itself (-wal, -shm), which must not bring the next
    // reconnect at once (a busy loop); the backoff paces those.
    m_debounce.stop();
    const bool another = now != m_reportedFile;
    m_reportedFile = now;
    if (now && another)
        emit fileReplaced();
    return true;
}

void StoreWatcher::onFolderChanged()
{
    if (!m_watcher)
        return;
    if (fileMoved())
        return;
    watchFiles();
    onNotification(); // the -wal file may have been written before it was watched again
}

void StoreWatcher::look()
{
    if (fileMoved())
        return;
    auto version = dataVersion();
    if (!version) {
        if (!m_reportedFailure)
            qCWarning(lcStoreWatcher) << "cannot tell whether" << m_path << "changed:" << version.error().message;
        m_reportedFailure = true;
        return;
    }
    m_reportedFailure = false;
    const bool foreign = m_version && *m_version != version.value();
    m_version = version.value();
    if (foreign) {
        qCDebug(lcStoreWatcher) << m_path << "was changed by another connection";
        emit changed();
    }
}

Result<std::int64_t> StoreWatcher::dataVersion()
{
    QSqlDatabase db = QSqlDatabase::database(m_judge, false);
    if ((!db.isValid() || !db.isOpen()) && !m_ownConnection) {
        // The store was closed: go on with a connection of our own (its first look only sets the baseline).
        db = QSqlDatabase();
        qCInfo(lcStoreWatcher) << "the store connection" << m_judge << "is gone: watching with an own connection";
        m_version.reset();
        if (auto opened = openOwnConnection(); !opened)
            return opened.error();
        db = QSqlDatabase::database(m_judge, false);
    }
    if (!db.isValid() || !db.isOpen())
        return Error{ErrorCode::StoreFailure, WatcherText::tr("the connection to %1 is closed").arg(m_path)};
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return Error{ErrorCode::StoreFailure, query.lastError().text()};
    const std::int64_t version = query.value(0).toLongLong();
    query.finish();
    return version;
}

} // namespace punctual
