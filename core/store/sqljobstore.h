// The SQL job store: jobs and run history in a database through QSqlDatabase (SQLite, or PostgreSQL shared).
#pragma once

#include "store/jobrowcodec.h"
#include "store/jobstore.h"
#include "store/sqlbatchwriter.h"
#include "store/sqlschema.h"
#include "store/sqlsession.h"
#include "store/storelocation.h"

#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace punctual {

class SqlClusterStore;

/**
 * Stores jobs in three tables (punctual_meta, jobs, runs; DESIGN.md section 6) over a SqlSession of its own (one
 * named connection, so several stores, one per thread, can share a database). Its parts: the session (connection,
 * prepared statements, transactions, errors), the statements' SQL (SqlStatements), rows to jobs and back
 * (JobRowCodec, RunRowCodec), the due pass's batched writes (SqlBatchWriter) and, for PostgreSQL, the cluster side
 * (SqlClusterStore).
 *
 * Opening checks, before anything is written, that the file is a Punctual store this build can read and write;
 * every refusal is a one-line StoreFailure that names the file and leaves it exactly as it was. A lock held by
 * another writer is waited for up to busyTimeoutMs, then reported as "locked by another process". A job row whose
 * JSON this build cannot read (written by a newer version) is logged and skipped by jobs() and dueJobs(), never
 * deleted; job(id) reports it. Opened ReadOnly (punctualctl check and backup), nothing is created, migrated or written.
 */
class SqlJobStore final : public JobStore
{
public:
    /// The schema this build writes; it reads every older one (migrating it) and refuses newer ones.
    static constexpr int schemaVersion = sqlschema::currentVersion;
    static constexpr int busyTimeoutMs = SqlSession::busyTimeoutMs;

    /// Whose choice the path is, which decides what a missing folder means.
    enum class OpenMode
    {
        DefaultStore, ///< the default path: its folder is created
        ExplicitPath, ///< a path the user gave (--db): a missing folder is an error naming it
        ReadOnly,     ///< an existing store, only looked at: a missing file is an error; nothing is created,
                      ///< migrated or written; an older or newer schema is opened as it is (schemaVersionFound())
    };

    /// The user's store: <GenericDataLocation>/punctual/jobs.db (~/.local/share/punctual/jobs.db on Linux).
    static QString defaultSqlitePath();
    /// Opens (creating it, mode 0600, when missing) the SQLite store at @p path and brings its schema up to date.
    static Result<std::unique_ptr<SqlJobStore>> openSqlite(const QString &path, OpenMode mode);
    /// Opens the PostgreSQL store at @p location (its database must exist) and brings its schema up to date. The
    /// store is then a cluster member (cluster()): location.instanceId is stamped on the runs it inserts.
    static Result<std::unique_ptr<SqlJobStore>> openPostgres(const PostgresLocation &location,
                                                             OpenMode mode = OpenMode::ExplicitPath);
    /// openPostgres() for a scheduler host that waits for its database: when the server cannot be reached
    /// (StoreUnavailable) the store is returned unconnected, that error in @p unreachable, and reconnect() connects
    /// it (checking and migrating the schema then). Other errors are returned as openPostgres() returns them.
    static Result<std::unique_ptr<SqlJobStore>> openPostgresOrLater(const PostgresLocation &location,
                                                                   std::optional<Error> &unreachable);
    /// A second store on the same database with its own connection, e.g. for a worker thread. Call it from the
    /// thread that will use the new store: a Qt connection belongs to the thread that opened it.
    Result<std::unique_ptr<SqlJobStore>> openAnother() const;

    ~SqlJobStore() override;
    Q_DISABLE_COPY_MOVE(SqlJobStore)

    /// The database file (SQLite) or URL without password (PostgreSQL).
    QString path() const { return m_session->path(); }
    /// The name of the Qt connection this store uses (on the thread that opened it).
    QString connectionName() const { return m_session->connectionName(); }
    /// The connection this store works on (its cluster side shares it).
    SqlSession &session() { return *m_session; }

    QString describe() const override;

    /// The schema version the database held when it was opened (before any migration).
    int schemaVersionFound() const { return m_schemaVersionFound; }
    /// Runs the dialect's integrity check (SqlDialect::integrityCheck()): every problem it names, one line each
    /// (empty: none, or an engine with no check). A page so damaged that the check itself stops is one more problem.
    Result<QStringList> integrityProblems(IntegrityCheck depth);
    Result<void> checkIntegrity(IntegrityCheck depth) override;
    /// Closes the connection and opens the database again (SQLite: the file now at path(), which must exist and be
    /// a Punctual store; it is quick-checked; nothing is created). Errors: StoreUnavailable (server unreachable, file
    /// gone), or what opening says about what is there.
    Result<void> reconnect() override;
    /// jobs(), and in @p unreadable every row it skips, named with the reason (punctualctl check).
    Result<QList<Job>> jobs(QList<UnreadableJob> &unreadable);
    /// Writes a consistent copy of the database into @p file (missing or empty), while other connections go on
    /// writing (SQLite's VACUUM INTO). Errors name @p file; a full disk is the system's "No space left on device".
    /// @p shownAs: how errors name the file (default: @p file).
    Result<void> copyInto(const QString &file, const QString &shownAs = {});

    Result<void> addJob(const Job &job, ConflictPolicy onConflict) override;
    Result<void> addJobs(const QList<Job> &jobs, ConflictPolicy onConflict) override;
    Result<void> updateJob(const Job &job) override;
    Result<void> removeJob(const QString &id) override;
    Result<int> removeAllJobs() override;
    Result<void> removeJobs(const QStringList &ids) override;
    Result<void> updateJobStates(const QList<Job> &jobs) override;

    Result<std::optional<Job>> job(const QString &id) override;
    Result<QList<Job>> jobs() override;
    Result<QHash<QString, Job>> jobsById(const QStringList &ids) override;
    Result<QList<JobSummary>> jobSummaries() override;
    /// Reads only the ids (and next run times) of the rows whose options name events.
    Result<int> jobCount() override;
    Result<QSet<QString>> passwordVariables() override;
    Result<QList<Job>> unpausedJobsWithEvents() override;
    Result<QList<Job>> dueJobs(std::int64_t nowMs, int limit) override;
    Result<std::optional<std::int64_t>> earliestNextRunTime() override;
    Result<QList<Job>> claimDueJobs(std::int64_t nowMs, int limit) override;
    /// The SqlClusterStore this store owns on a PostgreSQL database; nullptr for SQLite.
    ClusterStore *cluster() override;

    Result<void> commitDue(DueBatch &batch) override;
    Result<void> insertRun(RunRecord &run) override;
    Result<void> insertRuns(QList<RunRecord> &runs) override;
    Result<void> insertBackfillRuns(const QString &jobId, QList<RunRecord> &runs) override;
    Result<void> updateRun(const RunRecord &run) override;
    Result<int> updateRuns(const QList<RunRecord> &runs) override;
    Result<QList<RunRecord>> runs(const QString &jobId, int limit) override;
    Result<QHash<QString, RunRecord>> latestRuns() override;
    Result<int> interruptRunningRuns(std::int64_t nowMs) override;
    Result<int> pruneRuns(const QString &jobId, int keepPerJob) override;

    Result<QList<ExclusionCalendar>> calendars() override;
    Result<std::optional<ExclusionCalendar>> calendar(const QString &name) override;
    Result<void> putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict, std::int64_t nowMs) override;
    Result<void> removeCalendar(const QString &name) override;
    Result<QList<RunRecord>> runsInRange(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs,
                                         int limit) override;

    Result<QHash<QString, JobStatistics>> jobStatistics(const QStringList &ids, int pointLimit) override;

private:
    /// Gives freshly written @p runs their ids (@p ids, in order) and this store's instance.
    void assignIds(QList<RunRecord> &runs, const QList<std::int64_t> &ids) const;
    SqlJobStore(std::unique_ptr<SqlSession> session, std::optional<PostgresLocation> postgres, OpenMode mode);
    /// A PostgreSQL store on @p location, not connected yet (ReadOnly, or else ExplicitPath).
    static std::unique_ptr<SqlJobStore> unconnectedPostgres(const PostgresLocation &location, OpenMode mode);

    /// Opens the connection, checks what the database holds, migrates it (unless ReadOnly); the file is known to
    /// be readable.
    Result<void> connect(bool created, SqlSession::Access access = SqlSession::Access::ReadWrite);
    /// The version punctual_meta names (0: an empty database); an error when the database is not a Punctual store.
    Result<int> storedSchemaVersion();
    Error newerSchema(int version) const;
    Result<void> migrate(int fromVersion);

    /// Inserts or updates a job's row; @p texts: its parts' JSON made already (else made here).
    Result<void> writeJob(SqlStatement which, const Job &job, const JobTexts *texts = nullptr);
    Result<void> deleteJob(const QString &id);
    /// Jobs were changed and committed: tells other instances' listeners (PostgreSQL NOTIFY; nothing on SQLite).
    void jobsChanged();
    /// Reads job rows; @p codec: one whose parsed triggers, actions and options are kept between calls. A row that
    /// cannot be read goes into @p unreadable when given, else it is logged (once) and skipped.
    /// @p Query: QSqlQuery or SqliteStatement (SqlSession::withStatement()).
    template <typename Query>
    Result<QList<Job>> readJobs(Query &query, int limit, JobRowCodec &codec,
                                QList<UnreadableJob> *unreadable = nullptr);
    /// dueJobs() with SelectDueJobs, or claimDueJobs() with SelectDueJobsLocked.
    Result<QList<Job>> selectDueJobs(SqlStatement which, std::int64_t nowMs, int limit);
    /// Binds ids [@p begin, @p end) of @p ids to a statement's `:id_#` list (a short group repeats its last id).
    static void bindIdGroup(QSqlQuery &query, const QStringList &ids, qsizetype begin, qsizetype end);
    /// Runs a statement that changes rows; returns how many, noting the write when there were any.
    Result<int> change(SqlStatement which, const std::function<void(QSqlQuery &)> &bind);

    std::unique_ptr<SqlSession> m_session;
    std::optional<PostgresLocation> m_postgres; ///< set for a PostgreSQL store
    OpenMode m_mode;
    SqlSession::Access m_access = SqlSession::Access::ReadWrite; ///< as connect() last opened it
    int m_schemaVersionFound = 0;
    SqlBatchWriter m_writer;
    /// Writes jobs' texts and reads due jobs: dueJobs() reads the same recurring jobs pass after pass, so their
    /// parsed parts are kept (bounded).
    JobRowCodec m_codec;
    QSet<QString> m_unreadableIds; ///< rows already reported as unreadable (reported once, skipped after)
    /// The transaction claimDueJobs() opened on a shared store; commitDue() commits it.
    std::unique_ptr<SqlSession::WriteTransaction> m_claim;
    std::unique_ptr<SqlClusterStore> m_cluster; ///< PostgreSQL only
};

} // namespace punctual
