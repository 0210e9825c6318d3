// The SQL job store: jobs and run history in a database through QSqlDatabase (SQLite today, PostgreSQL next).
#pragma once

#include "store/jobstore.h"
#include "store/storelocation.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <array>
#include <memory>

namespace punctual {

class SqlCheckpointer;
class SqlDialect;
struct SqlSetupStatement;

/**
 * Stores jobs in three tables (punctual_meta, jobs, runs; DESIGN.md section 6) with one named connection of its
 * own, so several stores (one per thread) can share a database. Statements are prepared once and reused.
 *
 * Opening checks, before anything is written, that the file is a Punctual store this build can read and write;
 * every refusal is a one-line StoreFailure that names the file and leaves it exactly as it was. A lock held by another writer is waited for up
 * to busyTimeoutMs, then reported as "locked by another process". A job row whose JSON this build cannot read
 * (written by a newer version) is logged and skipped by jobs() and dueJobs(), never deleted; job(id) reports it.
 *
 * Commits never checkpoint the write-ahead log themselves (that costs milliseconds of fsync on the caller's
 * thread): from the first write on, a SqlCheckpointer thread does it in the background.
 */
class SqlJobStore final : public JobStore, public ClusterStore
{
public:
    /// The schema this build writes; it reads every older one (migrating it) and refuses newer ones.
    static constexpr int schemaVersion = 2;
    static constexpr int busyTimeoutMs = 5000;

    /// Whose choice the path is, which decides what a missing folder means.
    enum class OpenMode
    {
        DefaultStore, ///< the default path: its folder is created
        ExplicitPath, ///< a path the user gave (--db): a missing folder is an error naming it
    };

    /// The user's store: <GenericDataLocation>/punctual/jobs.db (~/.local/share/punctual/jobs.db on Linux).
    static QString defaultSqlitePath();
    /// Opens (creating it, mode 0600, when missing) the SQLite store at @p path and brings its schema up to date.
    static Result<std::unique_ptr<SqlJobStore>> openSqlite(const QString &path, OpenMode mode);
    /// Opens the PostgreSQL store at @p location (its database must exist) and brings its schema up to date. The
    /// store is then a cluster member (cluster()): location.instanceId is stamped on the runs it inserts.
    static Result<std::unique_ptr<SqlJobStore>> openPostgres(const PostgresLocation &location);
    /// A second store on the same database with its own connection, e.g. for a worker thread. Call it from the
    /// thread that will use the new store: a Qt connection belongs to the thread that opened it.
    Result<std::unique_ptr<SqlJobStore>> openAnother() const;

    ~SqlJobStore() override;
    Q_DISABLE_COPY_MOVE(SqlJobStore)

    /// The database file (SQLite) or URL without password (PostgreSQL).
    QString path() const { return m_path; }
    /// The name of the Qt connection this store uses (on the thread that opened it).
    QString connectionName() const { return m_connectionName; }

    QString describe() const override;

    Result<void> addJob(const Job &job, ConflictPolicy onConflict) override;
    Result<void> addJobs(const QList<Job> &jobs, ConflictPolicy onConflict) override;
    Result<void> updateJob(const Job &job) override;
    Result<void> removeJob(const QString &id) override;
    Result<int> removeAllJobs() override;

    Result<std::optional<Job>> job(const QString &id) override;
    Result<QList<Job>> jobs() override;
    Result<int> jobCount() override;
    Result<QList<Job>> dueJobs(std::int64_t nowMs, int limit) override;
    Result<std::optional<std::int64_t>> earliestNextRunTime() override;
    Result<QList<Job>> claimDueJobs(std::int64_t nowMs, int limit) override;
    ClusterStore *cluster() override;

    Result<void> commitDue(DueBatch &batch) override;
    Result<void> insertRun(RunRecord &run) override;
    Result<void> updateRun(const RunRecord &run) override;
    Result<int> updateRuns(const QList<RunRecord> &runs) override;
    Result<QList<RunRecord>> runs(const QString &jobId, int limit) override;
    Result<QHash<QString, RunRecord>> latestRuns() override;
    Result<int> interruptRunningRuns(std::int64_t nowMs) override;
    Result<int> pruneRuns(const QString &jobId, int keepPerJob) override;

    // ClusterStore (PostgreSQL only; see cluster()).
    QString instanceId() const override { return m_instanceId; }
    std::int64_t leaseMs() const override { return m_leaseMs; }
    Result<void> heartbeat(std::int64_t nowMs) override;
    Result<void> leave() override;
    Result<QList<InstanceInfo>> instances() override;
    Result<QList<RunRecord>> recoverRuns(std::int64_t nowMs, bool includeOwn, int *interrupted) override;
    Result<QHash<QString, int>> runningElsewhere() override;

private:
    /// Every statement the store runs after opening, each prepared on first use and then reused.
    enum Statement
    {
        Begin,
        Commit,
        Rollback,
        InsertJob,
        UpsertJob,
        UpdateJob,
        UpdateJobState,
        UpdateJobStates,
        DeleteJob,
        DeleteAllJobs,
        SelectJob,
        SelectJobs,
        CountJobs,
        SelectDueJobs,
        SelectEarliest,
        InsertRun,
        InsertRunningRun,
        InsertRunningRuns,
        UpdateRun,
        SelectRunsOfJob,
        SelectAllRuns,
        SelectLatestRuns,
        InterruptRuns,
        PruneRunsOfJob,
        PruneAllRuns,
        DeleteAllRuns,
        SelectDueJobsLocked,
        NotifyChange,
        UpsertInstance,
        DeleteInstance,
        SelectInstances,
        SelectAbandonedRuns,
        InterruptRun,
        CountRunningElsewhere,
        DeleteDeadInstances,
        StatementCount,
    };
    class JobReader;
    class WriteTransaction;
    struct JobTexts;
    class TextCache;
    class TextPipeline;

    SqlJobStore(std::shared_ptr<const SqlDialect> dialect, QString path, QString instanceId);

    /// Opens the connection, checks what the database holds, migrates it; the file is known to be readable.
    Result<void> connect(bool created);
    Result<int> storedSchemaVersion();
    Result<void> migrate(int fromVersion);
    Result<void> runSetup(const QList<SqlSetupStatement> &statements);

    QString statementSql(Statement which) const;
    Result<QSqlQuery *> prepared(Statement which);
    /// Executes a prepared statement; failures become errors that name the file.
    Result<void> exec(QSqlQuery &query);
    Result<void> execDirect(const QString &sql);
    /// Runs Begin, Commit or Rollback (prepared once where the engine can prepare them).
    Result<void> transactionControl(Statement which);
    Error failure(const QSqlError &error) const;

    /// Inserts or updates a job's row; @p texts: its parts' JSON made already (else made here).
    Result<void> writeJob(Statement which, const Job &job, const JobTexts *texts = nullptr);
    Result<void> deleteJob(const QString &id);
    Result<void> writeRun(RunRecord &run);
    /// commitDue()'s parts: jobs' next run times and paused states, and new runs (ids into @p ids, in order).
    Result<void> writeStates(const QList<Job> &jobs);
    Result<void> writeRuns(const QList<RunRecord> &runs, QList<std::int64_t> &ids);
    /// Something was committed: hands the WAL checkpoint to the background checkpointer (started on first use).
    void wrote();
    /// Jobs were changed and committed: tells other instances' listeners (PostgreSQL NOTIFY; nothing on SQLite).
    void jobsChanged();
    /// The instance id as an SQL string literal (ids hold no quotes; doubled anyway): run inserts use it as a
    /// constant, so the hot insert binds nothing more than before.
    QString instanceLiteral() const;
    /// Reads job rows; @p reader: one whose parsed triggers, actions and options are kept between calls.
    Result<QList<Job>> readJobs(QSqlQuery &query, int limit, JobReader *reader = nullptr);
    /// dueJobs() with SelectDueJobs, or claimDueJobs() with SelectDueJobsLocked.
    Result<QList<Job>> selectDueJobs(Statement which, std::int64_t nowMs, int limit);

    std::shared_ptr<const SqlDialect> m_dialect;
    QString m_path;
    QString m_instanceId;
    std::int64_t m_leaseMs = PostgresLocation::defaultLeaseMs;
    std::optional<PostgresLocation> m_postgres; ///< set for a PostgreSQL store
    /// The transaction claimDueJobs() opened on a shared store; commitDue() commits it.
    std::unique_ptr<WriteTransaction> m_claim;
    std::int64_t m_startedAt = 0; ///< first heartbeat
    QString m_connectionName;
    QSqlDatabase m_db;
    std::array<std::unique_ptr<QSqlQuery>, StatementCount> m_statements;
    std::unique_ptr<SqlCheckpointer> m_checkpointer;
    QSet<QString> m_unreadableIds; ///< rows already reported as unreadable (reported once, skipped after)
    std::unique_ptr<TextCache> m_texts;
    /// dueJobs() reads the same recurring jobs pass after pass: their parsed parts are kept (bounded).
    std::unique_ptr<JobReader> m_dueReader;
};

} // namespace punctual
