// The SQL job store: jobs and runs over its session (opening: sqlstoreopening.cpp; the SQL: sqlstatements.cpp).
#include "sqljobstore.h"

#include "store/jobtextpipeline.h"
#include "store/runrowcodec.h"
#include "store/sqlclusterstore.h"
#include "store/sqldialect.h"
#include "store/sqlvalues.h"
#include "store/storeconflict.h"
#include "time/clock.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>

#include <algorithm>
#include <cerrno>

namespace punctual {

using namespace sqlschema;
using namespace sqlstore;

namespace {

SqlStatement addStatement(ConflictPolicy onConflict)
{
    return replacesStored(onConflict) ? SqlStatement::UpsertJob : SqlStatement::InsertJob;
}

} // namespace

SqlJobStore::SqlJobStore(std::unique_ptr<SqlSession> session, std::optional<PostgresLocation> postgres,
                         OpenMode mode)
    : m_session(std::move(session))
    , m_postgres(std::move(postgres))
    , m_mode(mode)
    , m_writer(*m_session)
{
    if (m_session->dialect().sharedByInstances()) {
        const std::int64_t leaseMs = m_postgres ? m_postgres->leaseMs : PostgresLocation::defaultLeaseMs;
        m_cluster = std::make_unique<SqlClusterStore>(*m_session, *this, leaseMs);
    }
}

SqlJobStore::~SqlJobStore()
{
    // A claim still open (a pass that never committed) is rolled back while the session is there.
    m_claim.reset();
}

QString SqlJobStore::describe() const
{
    return QStringLiteral("%1 %2").arg(m_session->dialect().engineName(), shown(m_session->path()));
}

ClusterStore *SqlJobStore::cluster()
{
    return m_cluster.get();
}

void SqlJobStore::jobsChanged()
{
    if (!m_session->dialect().notifiesChanges())
        return;
    auto query = m_session->execute(SqlStatement::NotifyChange,
                                    [&](QSqlQuery &q) { q.bindValue(senderParam, m_session->instanceId()); });
    if (!query) {
        qCWarning(lcStore) << "cannot tell other instances of a change:" << query.error().message;
        return;
    }
    query.value()->finish();
}

Result<int> SqlJobStore::change(SqlStatement which, const std::function<void(QSqlQuery &)> &bind)
{
    auto query = m_session->execute(which, bind);
    if (!query)
        return query.error();
    const int count = query.value()->numRowsAffected();
    if (count > 0)
        m_session->wrote();
    return count;
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs

Result<void> SqlJobStore::writeJob(SqlStatement which, const Job &job, const JobTexts *texts)
{
    if (auto valid = validateJob(job); !valid)
        return valid;
    const JobTexts &jobTexts = texts ? *texts : m_codec.texts(job);
    return m_session->withStatement(which, [&](auto &query) -> Result<void> {
        JobRowCodec::bind(query, job, jobTexts, SystemClock::instance().nowMs());
        if (!query.exec()) {
            const QSqlError error = query.lastError();
            if (which == SqlStatement::InsertJob && m_session->dialect().classify(error) == SqlErrorKind::Constraint)
                return StoreError::jobExists(job.id);
            return m_session->failure(error);
        }
        if (which == SqlStatement::UpdateJob && query.numRowsAffected() == 0)
            return StoreError::jobNotFound(job.id);
        m_unreadableIds.remove(job.id);
        return {};
    });
}

Result<void> SqlJobStore::deleteJob(const QString &id)
{
    auto query = m_session->execute(SqlStatement::DeleteJob,
                                    [&](QSqlQuery &q) { q.bindValue(jobParam(jobcol::Id), id); });
    if (!query)
        return query.error();
    if (query.value()->numRowsAffected() == 0)
        return StoreError::jobNotFound(id);
    m_unreadableIds.remove(id);
    return {};
}

Result<void> SqlJobStore::addJob(const Job &job, ConflictPolicy onConflict)
{
    // One statement is one transaction already.
    auto written = writeJob(addStatement(onConflict), job);
    if (written) {
        m_session->wrote();
        jobsChanged();
    }
    return written;
}

Result<void> SqlJobStore::addJobs(const QList<Job> &jobs, ConflictPolicy onConflict)
{
    SqlSession::WriteTransaction transaction(*m_session);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    const SqlStatement which = addStatement(onConflict);
    if (jobs.size() < JobTextPipeline::minimumJobs) {
        for (const Job &job : jobs) {
            if (auto ok = writeJob(which, job); !ok)
                return ok;
        }
    } else {
        // An import: the JSON of each job's parts (half the work) is made on a helper thread ahead of the inserts.
        JobTextPipeline texts(jobs);
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            if (auto ok = writeJob(which, jobs[i], &texts.at(i)); !ok)
                return ok;
        }
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    m_session->wrote();
    jobsChanged();
    return {};
}

Result<void> SqlJobStore::updateJob(const Job &job)
{
    auto written = writeJob(SqlStatement::UpdateJob, job);
    if (written) {
        m_session->wrote();
        jobsChanged();
    }
    return written;
}

Result<void> SqlJobStore::removeJob(const QString &id)
{
    // Its runs go with it (ON DELETE CASCADE), in the same statement.
    auto removed = deleteJob(id);
    if (removed) {
        m_session->wrote();
        jobsChanged();
    }
    return removed;
}

Result<int> SqlJobStore::removeAllJobs()
{
    SqlSession::WriteTransaction transaction(*m_session);
    if (auto ok = transaction.begin(); !ok)
        return ok.error();
    if (auto runs = m_session->execute(SqlStatement::DeleteAllRuns); !runs)
        return runs.error();
    auto jobs = m_session->execute(SqlStatement::DeleteAllJobs);
    if (!jobs)
        return jobs.error();
    const int count = jobs.value()->numRowsAffected();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    m_session->wrote();
    jobsChanged();
    m_unreadableIds.clear();
    return count;
}

void SqlJobStore::bindIdGroup(QSqlQuery &query, const QStringList &ids, qsizetype begin, qsizetype end)
{
    // IN () does not mind an id twice.
    for (int i = 0; i < statesPerStatement; ++i)
        query.bindValue(numbered(jobParam(jobcol::Id), i), ids[std::min(begin + i, end - 1)]);
}

Result<void> SqlJobStore::removeJobs(const QStringList &ids)
{
    if (ids.isEmpty())
        return {};
    std::optional<qsizetype> shortGroup; // the first group of ids of which some were not stored
    {
        SqlSession::WriteTransaction transaction(*m_session);
        if (auto ok = transaction.begin(); !ok)
            return ok;
        // Their runs go with them (ON DELETE CASCADE); a group of ids per statement.
        for (qsizetype begin = 0; begin < ids.size() && !shortGroup; begin += statesPerStatement) {
            const qsizetype end = std::min(ids.size(), begin + statesPerStatement);
            auto query = m_session->execute(SqlStatement::DeleteJobs,
                                            [&](QSqlQuery &q) { bindIdGroup(q, ids, begin, end); });
            if (!query)
                return query.error();
            if (query.value()->numRowsAffected() != end - begin)
                shortGroup = begin;
        }
        if (!shortGroup) {
            if (auto ok = transaction.commit(); !ok)
                return ok;
        }
    } // not committed: rolled back
    if (shortGroup) {
        // Name the first id of that group that is not stored.
        const QStringList group = ids.mid(*shortGroup, statesPerStatement);
        auto stored = jobsById(group);
        if (!stored)
            return stored.error();
        for (const QString &id : group) {
            if (!stored.value().contains(id))
                return StoreError::jobNotFound(id);
        }
        return StoreError::jobNotFound(group.front()); // gone meanwhile
    }
    for (const QString &id : ids)
        m_unreadableIds.remove(id);
    m_session->wrote();
    jobsChanged();
    return {};
}

Result<void> SqlJobStore::updateJobStates(const QList<Job> &jobs)
{
    if (jobs.isEmpty())
        return {};
    SqlSession::WriteTransaction transaction(*m_session);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    if (auto ok = m_writer.writeStates(jobs); !ok)
        return ok;
    if (auto ok = transaction.commit(); !ok)
        return ok;
    m_session->wrote();
    jobsChanged();
    return {};
}

Result<std::optional<Job>> SqlJobStore::job(const QString &id)
{
    auto statement = m_session->execute(SqlStatement::SelectJob,
                                        [&](QSqlQuery &q) { q.bindValue(jobParam(jobcol::Id), id); });
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    if (!query.next()) {
        query.finish();
        return std::optional<Job>{};
    }
    auto job = JobRowCodec().read(query);
    query.finish();
    if (!job) {
        return Error{ErrorCode::StoreFailure, SqlStoreText::tr("job \"%1\" in %2 cannot be read: %3")
                                                  .arg(id, shown(m_session->path()), job.error().message)};
    }
    return std::optional<Job>{std::move(job).value()};
}

template <typename Query>
Result<QList<Job>> SqlJobStore::readJobs(Query &query, int limit, JobRowCodec &codec,
                                         QList<UnreadableJob> *unreadable)
{
    QList<Job> out;
    while ((limit < 0 || out.size() < limit) && query.next()) {
        auto job = codec.read(query);
        if (job) {
            out.append(std::move(job).value());
            continue;
        }
        // Kept, not deleted: a newer Punctual wrote it and will read it again.
        const QString id = query.value(jobcol::Id).toString();
        if (unreadable) {
            unreadable->append({id, job.error().message});
        } else if (!m_unreadableIds.contains(id)) {
            m_unreadableIds.insert(id);
            qCWarning(lcStore).noquote() << "skipping job" << id << "in" << m_session->path()
                                         << "that this version cannot read:" << job.error().message;
        }
    }
    // A step that failed ends the loop like the last row did: a damaged page must not pass for the end of the jobs.
    const QSqlError error = query.lastError();
    // Ends the statement's read snapshot (a WAL reader left open would pin old pages).
    query.finish();
    if (error.type() != QSqlError::NoError)
        return m_session->failure(error);
    return out;
}

Result<QList<Job>> SqlJobStore::jobs()
{
    auto query = m_session->execute(SqlStatement::SelectJobs);
    if (!query)
        return query.error();
    JobRowCodec codec;
    return readJobs(*query.value(), -1, codec);
}

Result<QHash<QString, Job>> SqlJobStore::jobsById(const QStringList &ids)
{
    QHash<QString, Job> found;
    found.reserve(ids.size());
    JobRowCodec codec;
    for (qsizetype begin = 0; begin < ids.size(); begin += statesPerStatement) {
        const qsizetype end = std::min(ids.size(), begin + statesPerStatement);
        auto query = m_session->execute(SqlStatement::SelectJobsById,
                                        [&](QSqlQuery &q) { bindIdGroup(q, ids, begin, end); });
        if (!query)
            return query.error();
        auto jobs = readJobs(*query.value(), -1, codec);
        if (!jobs)
            return jobs.error();
        for (Job &job : jobs.value())
            found.insert(job.id, std::move(job));
    }
    return found;
}

Result<QList<Job>> SqlJobStore::jobs(QList<UnreadableJob> &unreadable)
{
    auto query = m_session->execute(SqlStatement::SelectJobs);
    if (!query)
        return query.error();
    JobRowCodec codec;
    return readJobs(*query.value(), -1, codec, &unreadable);
}

Result<QList<JobSummary>> SqlJobStore::jobSummaries()
{
    static_assert(jobcol::UpdatedAt == jobcol::Count - 1); // the one column SelectJobSummaries leaves out
    auto statement = m_session->execute(SqlStatement::SelectJobSummaries);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    JobRowCodec codec;
    QList<JobSummary> out;
    while (query.next())
        out.append(codec.readSummary(query));
    const QSqlError error = query.lastError(); // a failed step must not pass for the end of the jobs
    query.finish();
    if (error.type() != QSqlError::NoError)
        return m_session->failure(error);
    // jobs() order: by next run time, jobs without one last, then by id.
    std::sort(out.begin(), out.end(), [](const JobSummary &a, const JobSummary &b) {
        if (a.nextRunTime.has_value() != b.nextRunTime.has_value())
            return a.nextRunTime.has_value();
        if (a.nextRunTime != b.nextRunTime)
            return *a.nextRunTime < *b.nextRunTime;
        return a.id < b.id;
    });
    return out;
}

Result<int> SqlJobStore::jobCount()
{
    auto statement = m_session->execute(SqlStatement::CountJobs);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    const int count = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

Result<QSet<QString>> SqlJobStore::passwordVariables()
{
    auto statement = m_session->execute(SqlStatement::SelectPasswordActions);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    QSet<QString> names;
    while (query.next()) {
        // A row that does not decode is reported by list and export; here it just names no variable.
        const QJsonObject json = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        if (auto action = actionFromJson(json); action) {
            if (QString name = passwordVariableOf(action.value()); !name.isEmpty())
                names.insert(name);
        }
    }
    query.finish();
    return names;
}

Result<QList<Job>> SqlJobStore::unpausedJobsWithEvents()
{
    auto query = m_session->execute(SqlStatement::SelectJobsWithEvents);
    if (!query)
        return query.error();
    JobRowCodec codec;
    auto jobs = readJobs(*query.value(), -1, codec);
    if (!jobs)
        return jobs.error();
    // The migration marked rows by their text: keep the jobs whose events are real.
    jobs.value().removeIf([](const Job &job) { return !job.options.events.any(); });
    return jobs;
}

Result<QList<Job>> SqlJobStore::dueJobs(std::int64_t nowMs, int limit)
{
    return selectDueJobs(SqlStatement::SelectDueJobs, nowMs, limit);
}

Result<QList<Job>> SqlJobStore::claimDueJobs(std::int64_t nowMs, int limit)
{
    if (!m_cluster || limit == 0)
        return dueJobs(nowMs, limit);
    // A claim left open by a pass that never committed is given up first.
    m_claim.reset();
    auto claim = std::make_unique<SqlSession::WriteTransaction>(*m_session);
    if (auto ok = claim->begin(); !ok)
        return ok.error();
    // The rows come back locked until commitDue() commits (or the claim is dropped); rows another instance has
    // locked are passed over, and a row another instance advanced meanwhile is re-checked and left out.
    auto due = selectDueJobs(SqlStatement::SelectDueJobsLocked, nowMs, limit);
    if (!due)
        return due.error(); // rolled back
    m_claim = std::move(claim);
    return due;
}

Result<QList<Job>> SqlJobStore::selectDueJobs(SqlStatement which, std::int64_t nowMs, int limit)
{
    if (limit == 0)
        return QList<Job>{};
    if (m_codec.full())
        m_codec.forgetParsed();
    return m_session->withStatement(which, [&](auto &query) -> Result<QList<Job>> {
        query.bindValue(nowParam, static_cast<qlonglong>(nowMs));
        // Unreadable rows come back too and are skipped: ask for that many more.
        query.bindValue(limitParam, limit < 0 ? noLimit : static_cast<qlonglong>(limit) + m_unreadableIds.size());
        if (auto ok = m_session->exec(query); !ok)
            return ok.error();
        return readJobs(query, limit, m_codec);
    });
}

Result<std::optional<std::int64_t>> SqlJobStore::earliestNextRunTime()
{
    // A row dueJobs() cannot read must not hold the timer in the past for ever: skip the known ones.
    auto statement = m_session->execute(SqlStatement::SelectEarliest, [&](QSqlQuery &q) {
        q.bindValue(limitParam, static_cast<qlonglong>(m_unreadableIds.size()) + 1);
    });
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    std::optional<std::int64_t> earliest;
    while (!earliest && query.next()) {
        if (!m_unreadableIds.contains(query.value(0).toString()))
            earliest = query.value(1).toLongLong();
    }
    query.finish();
    return earliest;
}

// ---------------------------------------------------------------------------------------------------------------
// Runs

Result<void> SqlJobStore::commitDue(DueBatch &batch)
{
    // On a shared store the pass's transaction was opened (and its jobs locked) by claimDueJobs().
    std::unique_ptr<SqlSession::WriteTransaction> claim = std::move(m_claim);
    std::unique_ptr<SqlSession::WriteTransaction> own;
    if (!claim || !claim->isOpen()) {
        own = std::make_unique<SqlSession::WriteTransaction>(*m_session);
        if (auto ok = own->begin(); !ok)
            return ok;
    }
    SqlSession::WriteTransaction &transaction = own ? *own : *claim;
    if (auto ok = m_writer.writeStates(batch.updatedJobs); !ok)
        return ok;
    // Ids go into the batch only once the transaction is committed.
    QList<std::int64_t> ids;
    if (auto ok = m_writer.writeRuns(batch.runs, ids); !ok)
        return ok;
    for (const QString &id : std::as_const(batch.removedJobIds)) {
        if (auto ok = deleteJob(id); !ok)
            return ok;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    m_session->wrote();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        batch.runs[i].id = ids[i];
        batch.runs[i].instance = m_session->instanceId();
    }
    return {};
}

Result<void> SqlJobStore::insertRun(RunRecord &run)
{
    RunRecord written = run;
    if (auto ok = m_writer.writeRun(written); !ok)
        return ok;
    m_session->wrote();
    run.id = written.id;
    run.instance = written.instance;
    return {};
}

void SqlJobStore::assignIds(QList<RunRecord> &runs, const QList<std::int64_t> &ids) const
{
    for (qsizetype i = 0; i < ids.size(); ++i) {
        runs[i].id = ids[i];
        runs[i].instance = m_session->instanceId();
    }
}

Result<void> SqlJobStore::insertRuns(QList<RunRecord> &runs)
{
    if (runs.isEmpty())
        return {};
    SqlSession::WriteTransaction transaction(*m_session);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    QList<std::int64_t> ids;
    if (auto ok = m_writer.writeRuns(runs, ids); !ok)
        return ok;
    if (auto ok = transaction.commit(); !ok)
        return ok;
    m_session->wrote();
    assignIds(runs, ids);
    return {};
}

Result<void> SqlJobStore::insertBackfillRuns(const QString &jobId, QList<RunRecord> &runs)
{
    SqlSession::WriteTransaction transaction(*m_session);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    auto stored = job(jobId);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return StoreError::jobNotFound(jobId);
    QList<RunRecord> fresh;
    for (const RunRecord &run : std::as_const(runs)) {
        auto marked = m_session->execute(SqlStatement::InsertBackfilled, [&](QSqlQuery &q) {
            q.bindValue(runParam(runcol::JobId), jobId);
            q.bindValue(runParam(runcol::ScheduledTime), static_cast<qlonglong>(run.scheduledTime));
        });
        if (!marked)
            return marked.error();
        if (marked.value()->numRowsAffected() > 0)
            fresh.append(run);
    }
    QList<std::int64_t> ids;
    if (auto ok = m_writer.writeRuns(fresh, ids); !ok)
        return ok;
    if (auto ok = transaction.commit(); !ok)
        return ok;
    m_session->wrote();
    assignIds(fresh, ids);
    runs = std::move(fresh);
    return {};
}

Result<void> SqlJobStore::updateRun(const RunRecord &run)
{
    auto changed = m_session->withStatement(SqlStatement::UpdateRun, [&](auto &query) -> Result<int> {
        RunRowCodec::bind(query, run);
        if (auto ok = m_session->exec(query); !ok)
            return ok.error();
        return query.numRowsAffected();
    });
    if (!changed)
        return changed.error();
    if (changed.value() == 0)
        return StoreError::runNotFound(run.id, run.jobId);
    m_session->wrote();
    return {};
}

Result<int> SqlJobStore::updateRuns(const QList<RunRecord> &runs)
{
    if (runs.isEmpty())
        return 0;
    if (runs.size() == 1) {
        // One statement is one transaction already.
        if (auto updated = updateRun(runs.first()); !updated)
            return updated.error().code == ErrorCode::NotFound ? Result<int>(0) : Result<int>(updated.error());
        return 1;
    }
    SqlSession::WriteTransaction transaction(*m_session);
    if (auto ok = transaction.begin(); !ok)
        return ok.error();
    auto changed = m_session->withStatement(SqlStatement::UpdateRun, [&](auto &query) -> Result<int> {
        int written = 0;
        for (const RunRecord &run : runs) {
            RunRowCodec::bind(query, run);
            if (auto ok = m_session->exec(query); !ok)
                return ok.error();
            written += query.numRowsAffected() > 0 ? 1 : 0;
        }
        return written;
    });
    if (!changed)
        return changed.error();
    const int written = changed.value();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    m_session->wrote();
    return written;
}

Result<QList<RunRecord>> SqlJobStore::runs(const QString &jobId, int limit)
{
    if (limit == 0)
        return QList<RunRecord>{};
    const SqlStatement which = jobId.isEmpty() ? SqlStatement::SelectAllRuns : SqlStatement::SelectRunsOfJob;
    auto statement = m_session->execute(which, [&](QSqlQuery &q) {
        if (!jobId.isEmpty())
            q.bindValue(runParam(runcol::JobId), jobId);
        q.bindValue(limitParam, limit < 0 ? noLimit : static_cast<qlonglong>(limit));
    });
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    QList<RunRecord> out;
    while (query.next()) {
        if (auto run = RunRowCodec::read(query))
            out.append(std::move(*run));
    }
    query.finish();
    return out;
}

Result<QHash<QString, RunRecord>> SqlJobStore::latestRuns()
{
    auto statement = m_session->execute(SqlStatement::SelectLatestRuns);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    QHash<QString, RunRecord> out;
    while (query.next()) {
        if (auto run = RunRowCodec::read(query))
            out.insert(run->jobId, std::move(*run));
    }
    query.finish();
    return out;
}

Result<int> SqlJobStore::interruptRunningRuns(std::int64_t nowMs)
{
    auto running = change(SqlStatement::InterruptRuns, [&](QSqlQuery &q) {
        q.bindValue(runParam(runcol::Outcome), RunRecord::outcomeName(RunOutcome::Interrupted));
        q.bindValue(runParam(runcol::EndTime), static_cast<qlonglong>(nowMs));
        q.bindValue(runParam(runcol::Error), StoreError::interruptedMessage());
    });
    if (!running)
        return running;
    auto queued = change(SqlStatement::InterruptQueuedRuns, [&](QSqlQuery &q) {
        q.bindValue(runParam(runcol::EndTime), static_cast<qlonglong>(nowMs));
        q.bindValue(runParam(runcol::Error), StoreError::interruptedQueuedMessage());
    });
    if (!queued)
        return queued;
    auto waiting = change(SqlStatement::InterruptWaitingRuns, [&](QSqlQuery &q) {
        q.bindValue(runParam(runcol::EndTime), static_cast<qlonglong>(nowMs));
        q.bindValue(runParam(runcol::Error), StoreError::interruptedWaitingMessage());
    });
    if (!waiting)
        return waiting;
    return running.value() + queued.value() + waiting.value();
}

Result<int> SqlJobStore::pruneRuns(const QString &jobId, int keepPerJob)
{
    const SqlStatement which = jobId.isEmpty() ? SqlStatement::PruneAllRuns : SqlStatement::PruneRunsOfJob;
    return change(which, [&](QSqlQuery &q) {
        q.bindValue(keepParam, static_cast<qlonglong>(std::max(keepPerJob, 0)));
        if (!jobId.isEmpty()) {
            q.bindValue(runParam(runcol::JobId), jobId);
            q.bindValue(keptJobParam, jobId);
        }
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Integrity and copies

Result<QStringList> SqlJobStore::integrityProblems(IntegrityCheck depth)
{
    const QString sql = m_session->dialect().integrityCheck(depth);
    if (sql.isEmpty())
        return QStringList{};
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(m_session->database());
    query.setForwardOnly(true);
    QStringList problems;
    if (query.exec(sql)) {
        // SQLite: one row "ok", or up to 100 rows naming problems; the first begins "*** in database main ***\n".
        while (query.next()) {
            const QStringList lines = query.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (const QString &line : lines) {
                if (!line.startsWith(QLatin1String("*** in database")))
                    problems.append(line.trimmed());
            }
        }
    }
    const QSqlError error = query.lastError();
    query.finish();
    if (error.type() != QSqlError::NoError) {
        // A page so damaged that the check itself stops there is what it looks for, not a failure to look.
        const SqlErrorKind kind = m_session->dialect().classify(error);
        if (kind != SqlErrorKind::Corrupt && kind != SqlErrorKind::NotADatabase)
            return m_session->failure(error);
        problems.append(error.databaseText());
    }
    if (problems == QStringList{QStringLiteral("ok")})
        problems.clear();
    qCDebug(lcStore).noquote() << sql << "on" << path() << "took" << timer.elapsed() << "ms and found"
                               << problems.size() << "problem(s)";
    return problems;
}

Result<void> SqlJobStore::checkIntegrity(IntegrityCheck depth)
{
    auto problems = integrityProblems(depth);
    if (!problems)
        return problems.error();
    if (!problems->isEmpty())
        return StoreError::damaged(problems->constFirst(), shown(path()));
    return {};
}

Result<void> SqlJobStore::copyInto(const QString &file, const QString &shownAs)
{
    const QString named = shown(shownAs.isEmpty() ? file : shownAs);
    const QString sql = m_session->dialect().copyInto();
    if (sql.isEmpty()) {
        return Error{ErrorCode::StoreFailure, SqlStoreText::tr("%1 cannot be copied by Punctual (use the database's "
                                                               "own tools)")
                                                  .arg(describe())};
    }
    QSqlQuery query(m_session->database());
    if (query.prepare(sql)) {
        query.bindValue(QStringLiteral(":file"), file);
        if (query.exec())
            return {};
    }
    const QSqlError error = query.lastError();
    switch (m_session->dialect().classify(error)) {
    case SqlErrorKind::DiskFull:
        // The system's words for it, as every other write of punctualctl says it.
        return Error{ErrorCode::Io, SqlStoreText::tr("cannot write %1: %2").arg(named, qt_error_string(ENOSPC))};
    case SqlErrorKind::Corrupt:
    case SqlErrorKind::Locked:
        return m_session->failure(error);
    default:
        return Error{ErrorCode::Io, SqlStoreText::tr("cannot write %1: %2").arg(named, error.databaseText())};
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Exclusion calendars

namespace {

Result<ExclusionCalendar> readCalendarRow(const QSqlQuery &query)
{
    const QString name = query.value(0).toString();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(query.value(1).toString().toUtf8(), &error);
    if (!document.isObject())
        return Error{ErrorCode::StoreFailure,
                     SqlStoreText::tr("calendar \"%1\" cannot be read: %2").arg(name, error.errorString())};
    auto calendar = ExclusionCalendar::fromJson(name, document.object());
    if (!calendar)
        return Error{ErrorCode::StoreFailure, calendar.error().message};
    return calendar;
}

} // namespace

Result<QList<ExclusionCalendar>> SqlJobStore::calendars()
{
    auto statement = m_session->execute(SqlStatement::SelectCalendars);
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    QList<ExclusionCalendar> list;
    while (query.next()) {
        auto calendar = readCalendarRow(query);
        if (!calendar) {
            query.finish();
            return calendar.error();
        }
        list.append(std::move(calendar).value());
    }
    query.finish();
    // By name as QString compares (the memory store's order), whatever the database's collation.
    std::sort(list.begin(), list.end(),
              [](const ExclusionCalendar &a, const ExclusionCalendar &b) { return a.name < b.name; });
    return list;
}

Result<std::optional<ExclusionCalendar>> SqlJobStore::calendar(const QString &name)
{
    auto statement = m_session->execute(SqlStatement::SelectCalendar,
                                        [&](QSqlQuery &q) { q.bindValue(QStringLiteral(":name"), name); });
    if (!statement)
        return statement.error();
    QSqlQuery &query = *statement.value();
    if (!query.next()) {
        query.finish();
        return std::optional<ExclusionCalendar>();
    }
    auto calendar = readCalendarRow(query);
    query.finish();
    if (!calendar)
        return calendar.error();
    return std::optional(std::move(calendar).value());
}

Result<void> SqlJobStore::putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict,
                                      std::int64_t nowMs)
{
    const bool replace = onConflict == ConflictPolicy::Replace;
    if (!replace) {
        auto existing = this->calendar(calendar.name);
        if (!existing)
            return existing.error();
        if (existing.value())
            return StoreError::calendarExists(calendar.name);
    }
    const QString definition = QString::fromUtf8(QJsonDocument(calendar.toJson()).toJson(QJsonDocument::Compact));
    auto written = change(replace ? SqlStatement::UpsertCalendar : SqlStatement::InsertCalendar, [&](QSqlQuery &q) {
        q.bindValue(QStringLiteral(":name"), calendar.name);
        q.bindValue(QStringLiteral(":definition"), definition);
        q.bindValue(QStringLiteral(":updated_at"), static_cast<qlonglong>(nowMs));
    });
    if (!written) // a name stored meanwhile by another process: the primary key refuses it
        return written.error();
    jobsChanged();
    return {};
}

Result<void> SqlJobStore::removeCalendar(const QString &name)
{
    auto removed = change(SqlStatement::DeleteCalendar,
                          [&](QSqlQuery &q) { q.bindValue(QStringLiteral(":name"), name); });
    if (!removed)
        return removed.error();
    if (removed.value() == 0)
        return StoreError::calendarNotFound(name);
    jobsChanged();
    return {};
}

Result<QList<RunRecord>> SqlJobStore::runsInRange(const QStringList &jobIds, std::int64_t sinceMs,
                                                  std::int64_t untilMs, int limit)
{
    QList<RunRecord> out;
    if (limit == 0)
        return out;
    // One indexed read per job (runs_job): a timeline asks for the few dozen rows it shows.
    const QStringList ids = jobIds.isEmpty() ? QStringList{QString()} : jobIds;
    for (const QString &id : ids) {
        const SqlStatement which = id.isEmpty() ? SqlStatement::SelectRunsInRange : SqlStatement::SelectRunsOfJobInRange;
        auto statement = m_session->execute(which, [&](QSqlQuery &q) {
            if (!id.isEmpty())
                q.bindValue(runParam(runcol::JobId), id);
            q.bindValue(QStringLiteral(":since"), static_cast<qlonglong>(sinceMs));
            q.bindValue(QStringLiteral(":until"), static_cast<qlonglong>(untilMs));
            q.bindValue(limitParam, limit < 0 ? noLimit : static_cast<qlonglong>(limit));
        });
        if (!statement)
            return statement.error();
        QSqlQuery &query = *statement.value();
        while (query.next()) {
            if (auto run = RunRowCodec::read(query))
                out.append(std::move(*run));
        }
        query.finish();
    }
    if (ids.size() > 1)
        std::sort(out.begin(), out.end(), [](const RunRecord &a, const RunRecord &b) { return a.id > b.id; });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace punctual
