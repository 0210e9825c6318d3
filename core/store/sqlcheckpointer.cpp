// The background checkpointer of the SQL store (started by SqlSession::wrote()).
#include "sqlcheckpointer.h"

#include "store/sqldialect.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <chrono>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcCheckpoint, "punctual.store.checkpoint")

} // namespace

SqlCheckpointer::SqlCheckpointer(std::shared_ptr<const SqlDialect> dialect, QString path, QString connectionName,
                                 int busyTimeoutMs, std::optional<FileIdentity> expected)
    : m_dialect(std::move(dialect))
    , m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_busyTimeoutMs(busyTimeoutMs)
    , m_expected(expected)
    , m_thread([this] { run(); })
{
}

SqlCheckpointer::~SqlCheckpointer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void SqlCheckpointer::noteWrite()
{
    m_lastWriteNs.store(std::chrono::steady_clock::now().time_since_epoch().count(), std::memory_order_relaxed);
    // Only the first write after a checkpoint began takes the lock and wakes the thread.
    if (m_signalled.exchange(true, std::memory_order_acq_rel))
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

void SqlCheckpointer::run()
{
    {
        // A Qt connection belongs to the thread that opened it: this one is opened, used and closed here.
        QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect->driverName(), m_connectionName);
        // Never created here: the store's file may be gone by the time this thread opens it (removed or renamed by
        // the user: the host then waits for it to come back).
        db.setDatabaseName(sqliteExistingFileName(m_path));
        db.setConnectOptions(m_dialect->connectOptions(m_busyTimeoutMs) + QLatin1String(sqliteUriOption));
        bool open = db.open();
        if (!open)
            qCWarning(lcCheckpoint) << "cannot open" << m_path << "for checkpoints:" << db.lastError().text();
        if (open && m_expected && fileIdentity(m_path) != m_expected) {
            // Opened after the file was swapped: the log at the path is the old file's. The store reopens.
            qCWarning(lcCheckpoint) << m_path << "was replaced: no checkpoints from this connection";
            db.close();
            open = false;
        }
        for (const SqlSetupStatement &statement : m_dialect->sessionSetup(m_busyTimeoutMs)) {
            QSqlQuery setup(db);
            if (open && !setup.exec(statement.sql))
                qCWarning(lcCheckpoint) << statement.sql << "failed on" << m_path << ":" << setup.lastError().text();
        }
        const QString checkpoint = m_dialect->checkpointStatement();
        const QString forced = m_dialect->forcedCheckpointStatement();

        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_pending || m_stopping; });
            if (!m_pending)
                break; // stopping, nothing left to copy
            // Let a burst of writes finish first (gatherMs without one, maxGatherMs at most): one checkpoint covers
            // them all, and its fsyncs do not come between the commits of the burst.
            const auto first = std::chrono::steady_clock::now();
            while (!m_stopping) {
                m_wake.wait_for(lock, std::chrono::milliseconds(gatherMs), [this] { return m_stopping; });
                const auto now = std::chrono::steady_clock::now();
                const auto lastWrite = std::chrono::steady_clock::time_point(
                    std::chrono::steady_clock::duration(m_lastWriteNs.load(std::memory_order_relaxed)));
                if (now - lastWrite >= std::chrono::milliseconds(gatherMs)
                    || now - first >= std::chrono::milliseconds(maxGatherMs))
                    break;
            }
            m_pending = false;
            // A write from now on wakes the thread again; every earlier one is covered by this checkpoint.
            m_signalled.store(false, std::memory_order_release);
            lock.unlock();
            if (open) {
                QSqlQuery query(db);
                if (!query.exec(checkpoint))
                    qCDebug(lcCheckpoint) << "checkpoint of" << m_path << "failed:" << query.lastError().text();
                query.finish();
                if (!forced.isEmpty() && QFileInfo(m_path + QLatin1String("-wal")).size() > forceLogBytes) {
                    if (!query.exec(forced))
                        qCDebug(lcCheckpoint) << "forced checkpoint of" << m_path << "failed:" << query.lastError().text();
                    query.finish();
                }
                m_checkpoints.fetch_add(1, std::memory_order_relaxed);
            }
            lock.lock();
        }
        lock.unlock();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

} // namespace punctual
