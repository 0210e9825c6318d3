// One sql action run on the calling thread: its own connection, one transaction, per-statement counts.
#pragma once

#include "jobs/action.h"
#include "jobs/runrecord.h"
#include "util/result.h"

#include <QMutex>

#include <atomic>
#include <cstdint>
#include <memory>

namespace punctual {

class PasswordProvider;

/**
 * How another thread stops a run: after cancel() no further statement starts and the transaction is rolled
 * back; interruptStatement() also stops the statement going now (PostgreSQL: a cancel request through libpq;
 * MariaDB and MySQL: KILL QUERY over a second connection; SQLite: the connection's progress handler sees the
 * flag at once). Once the run has begun to commit it can no longer be stopped. Thread-safe; shared by the
 * run's worker and its executor.
 */
class SqlCancellation
{
public:
    SqlCancellation();
    ~SqlCancellation();
    Q_DISABLE_COPY_MOVE(SqlCancellation)

    /// Marks the run cancelled; false when too late (the commit had begun): the run then ends on its own,
    /// committed or failed. Never blocks.
    bool cancel();
    /// After cancel(): stops the statement going now. May block briefly (a PostgreSQL cancel request or a
    /// MariaDB KILL QUERY is a connection to the server): not on the GUI thread.
    void interruptStatement();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

    // The run's side.
    /// Remembers how to cancel a statement on this PostgreSQL connection (a PGconn*).
    void setPostgresConnection(void *connection);
    /// Remembers how to kill the statement going on the MariaDB/MySQL connection @p threadId (its
    /// CONNECTION_ID()): a second connection with the same settings and @p password sends KILL QUERY.
    void setMysqlConnection(const SqlConnection &connection, const QString &password, qulonglong threadId);
    /// Called once before COMMIT: false when cancelled (roll back instead), else cancel() fails from now on.
    bool beginCommit();
    /// The flag a progress handler polls.
    const std::atomic<bool> &flag() const { return m_cancelled; }

private:
    struct MysqlKill;

    mutable QMutex m_mutex;
    std::atomic<bool> m_cancelled{false};
    bool m_committing = false; // guarded by m_mutex
    void *m_postgresCancel = nullptr; // PGcancel*, guarded by m_mutex
    std::unique_ptr<MysqlKill> m_mysqlKill; // guarded by m_mutex
};

/// What one run did.
struct SqlRunResult
{
    RunOutcome outcome = RunOutcome::Failed; ///< Success, Failed, TimedOut (statement timeout) or Interrupted
    QString output;                          ///< one line per statement that ran, with its row count and time
    QString error;
};

/// The values bound to a run's placeholders.
struct SqlRunTimes
{
    std::int64_t scheduledTime = 0; ///< :scheduled_time, :scheduled_time_ms
    std::int64_t startTime = 0;     ///< :now, :now_ms
};

/// The placeholders a statement may use; any other :name is an error.
QStringList knownSqlPlaceholders();

/**
 * Runs @p action's statements in one transaction on a new connection of this thread (named @p connectionName,
 * removed before it returns). A statement that fails, times out or is cancelled rolls everything back.
 */
SqlRunResult runSqlAction(const SqlAction &action, const QString &password, const SqlRunTimes &times,
                          SqlCancellation &cancellation, const QString &connectionName);

/// The QSqlDatabase drivers installed here (QSQLITE, QPSQL, ...), for editors that offer them.
QStringList availableSqlDrivers();

/// Opens @p connection (password from @p passwords) and closes it again: "connected to ..." or the error.
/// Blocks: call it off the GUI thread.
Result<QString> testSqlConnection(const SqlConnection &connection, const PasswordProvider &passwords);

} // namespace punctual
