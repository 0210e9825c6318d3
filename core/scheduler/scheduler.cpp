// Scheduler life cycle, management API and due-job processing.
#include "scheduler.h"

#include "executors/executorset.h"
#include "scheduler/dueplanner.h"
#include "scheduler/waketimer.h"
#include "store/jobstore.h"
#include "time/clock.h"
#include "time/isotime.h"
#include "triggers/datetrigger.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcScheduler, "punctual.scheduler")

namespace punctual {

namespace {

// How many due jobs one pass takes from the store; more are handled in the next pass, right after.
constexpr int dueBatchLimit = 20000;
// After a store failure, try again this much later.
constexpr std::int64_t storeRetryMs = 5000;
// Clustered: due rows another instance is claiming right now are looked at again this much later (not at once,
// which would spin until its transaction commits).
constexpr std::int64_t claimRetryMs = 100;

Error notRunning()
{
    return {ErrorCode::InvalidInput, Scheduler::tr("the scheduler is shutting down")};
}

} // namespace

/// Run times of one job submitted together: they run one after another and count as one instance.
struct Scheduler::Submission
{
    std::uint64_t id = 0;
    Job job;
    QList<RunRecord> runs;
    int current = 0;
    std::optional<std::int64_t> misfireGraceMs;
    std::uint64_t token = 0; ///< the execution going now; 0 while waiting to retry
    /// When the next attempt is due (the injected clock; the wake timer is armed for it); none unless waiting.
    std::optional<std::int64_t> retryAt;
    bool removeJobWhenDone = false;
};

Scheduler::Scheduler(JobStore &store, const Clock &clock, std::unique_ptr<ExecutorSet> executors, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_cluster(store.cluster())
    , m_clock(clock)
    , m_executors(std::move(executors))
    , m_wakeTimer(WakeTimer::createDefault(clock))
    , m_random(QRandomGenerator::securelySeeded())
{
    qRegisterMetaType<Job>();
    qRegisterMetaType<RunRecord>();
    qRegisterMetaType<ExecutionResult>();
    for (Executor *executor : m_executors->executors())
        connect(executor, &Executor::finished, this, &Scheduler::onExecutionFinished);
    connect(m_wakeTimer.get(), &WakeTimer::woke, this, &Scheduler::processDue);
}

Scheduler::~Scheduler()
{
    for (Executor *executor : m_executors->executors())
        disconnect(executor, nullptr, this, nullptr);
    m_executors->stopAll();
    qDeleteAll(m_submissions);
    m_submissions.clear();
    flushFinishedRuns();
    leaveCluster();
}

void Scheduler::setWakeTimer(std::unique_ptr<WakeTimer> timer)
{
    m_wakeTimer = std::move(timer);
    connect(m_wakeTimer.get(), &WakeTimer::woke, this, &Scheduler::processDue);
}

void Scheduler::setHistoryLimit(int runsPerJob)
{
    m_historyLimit = std::max(1, runsPerJob);
}

// --- life cycle ---------------------------------------------------------------------------------------------

Result<void> Scheduler::start(bool startPaused)
{
    if (m_state != State::Stopped)
        return {};
    flushFinishedRuns();
    const std::int64_t now = m_clock.nowMs();
    if (m_cluster) {
        // Other instances' runs are theirs: only this id's leftovers and those of dead instances are taken over.
        if (auto joined = joinCluster(); !joined)
            return joined.error();
    } else {
        auto interrupted = m_store.interruptRunningRuns(now);
        if (!interrupted)
            return interrupted.error();
        if (interrupted.value() > 0)
            qCWarning(lcScheduler, "%d run(s) were still marked running from an earlier session: now interrupted",
                      interrupted.value());
    }
    if (auto pruned = m_store.pruneRuns(QString(), m_historyLimit); !pruned)
        qCWarning(lcScheduler, "pruning the run history failed: %s", qPrintable(pruned.error().message));
    m_state = startPaused ? State::Paused : State::Running;
    emit started();
    if (startPaused)
        emit paused();
    rearm();
    return {};
}

void Scheduler::shutdown(ShutdownMode mode)
{
    if (m_state == State::Stopped) {
        emit shutDown();
        return;
    }
    m_state = State::ShuttingDown;
    m_wakeTimer->disarm();
    // Runs waiting to be retried will not be: end their submissions now.
    const QList<Submission *> submissions = m_submissions.values();
    for (Submission *submission : submissions) {
        if (submission->token == 0 && submission->retryAt) {
            submission->retryAt.reset();
            startNextRun(submission->id);
        }
    }
    if (mode == ShutdownMode::StopRuns) {
        m_executors->stopAll();
    }
    checkShutdownDone();
}

void Scheduler::checkShutdownDone()
{
    if (m_state == State::ShuttingDown && m_submissions.isEmpty()) {
        flushFinishedRuns();
        leaveCluster();
        m_state = State::Stopped;
        emit shutDown();
    }
}

void Scheduler::pause()
{
    if (m_state != State::Running)
        return;
    m_state = State::Paused;
    m_wakeTimer->disarm();
    emit paused();
}

void Scheduler::resume()
{
    if (m_state != State::Paused)
        return;
    m_state = State::Running;
    emit resumed();
    rearm();
}

void Scheduler::refresh()
{
    if (m_state == State::Running)
        scheduleProcessing();
}

// --- timer --------------------------------------------------------------------------------------------------

void Scheduler::scheduleProcessing()
{
    if (m_processingQueued)
        return;
    m_processingQueued = true;
    QMetaObject::invokeMethod(this, &Scheduler::processDue, Qt::QueuedConnection);
}

void Scheduler::rearm()
{
    if (m_state != State::Running) {
        // Paused: nothing starts, retries included. Stopped: an unstarted scheduler (punctualctl run-now) still
        // makes the retries of the run it was asked for.
        const auto retry = m_state == State::Stopped ? earliestRetry() : std::nullopt;
        if (retry)
            m_wakeTimer->armAt(*retry);
        else
            m_wakeTimer->disarm();
        return;
    }
    if (m_processingQueued)
        return;
    const auto earliest = m_store.earliestNextRunTime();
    if (!earliest) {
        reportStoreError(earliest.error());
        m_wakeTimer->armAt(m_clock.nowMs() + storeRetryMs);
        return;
    }
    std::optional<std::int64_t> wakeAt = earliest.value();
    if (const auto retry = earliestRetry(); retry && (!wakeAt || *retry < *wakeAt))
        wakeAt = retry;
    if (!wakeAt)
        m_wakeTimer->disarm();
    else if (*wakeAt <= m_clock.nowMs())
        scheduleProcessing();
    else
        m_wakeTimer->armAt(*wakeAt);
}

void Scheduler::reportStoreError(const Error &error)
{
    qCWarning(lcScheduler, "store error: %s", qPrintable(error.message));
    emit storeError(error.message);
}

// --- processing due jobs ------------------------------------------------------------------------------------

void Scheduler::processDue()
{
    m_processingQueued = false;
    if (m_state == State::Stopped) { // only retries of runs made now (see rearm())
        startDueRetries(m_clock.nowMs());
        rearm();
        return;
    }
    if (m_state != State::Running)
        return;
    const std::int64_t now = m_clock.nowMs();
    startDueRetries(now);
    // Shared store: the due rows come back locked for this pass (the transaction commitDue() commits).
    auto due = m_store.claimDueJobs(now, dueBatchLimit);
    if (!due) {
        reportStoreError(due.error());
        m_wakeTimer->armAt(now + storeRetryMs);
        return;
    }
    // max_instances counts the runs other instances have going too.
    QHash<QString, int> elsewhere;
    if (m_cluster && !due.value().isEmpty()) {
        auto counted = m_cluster->runningElsewhere();
        if (!counted) {
            DueBatch nothing;
            if (auto ended = m_store.commitDue(nothing); !ended) // ends the claim
                qCWarning(lcScheduler, "ending a claim failed: %s", qPrintable(ended.error().message));
            reportStoreError(counted.error());
            m_wakeTimer->armAt(now + storeRetryMs);
            return;
        }
        elsewhere = std::move(counted).value();
    }

    struct Pending
    {
        qsizetype job;
        qsizetype firstRun;
        qsizetype runCount;
    };
    DueBatch batch;
    QList<Pending> pending;
    QStringList removeNow;
    batch.updatedJobs.reserve(due.value().size());
    for (Job &job : due.value()) {
        DuePlan plan = planDueJob(job, now, runningCount(job.id) + elsewhere.value(job.id), m_random);
        batch.runs += plan.missed;
        batch.runs += plan.skipped;
        const qsizetype firstRun = batch.runs.size();
        for (const std::int64_t runTime : std::as_const(plan.submit)) {
            RunRecord run;
            run.jobId = job.id;
            run.scheduledTime = runTime;
            batch.runs.append(run);
        }
        job.nextRunTime = plan.nextRunTime;
        if (!plan.nextRunTime && job.options.removeWhenDone && plan.submit.isEmpty())
            removeNow << job.id;
        batch.updatedJobs.append(job);
        if (!plan.submit.isEmpty())
            pending.append({batch.updatedJobs.size() - 1, firstRun, plan.submit.size()});
        m_finishedSincePrune[job.id] += static_cast<int>(plan.missed.size() + plan.skipped.size());
    }

    // Runs are recorded and next run times advanced in one transaction before anything starts: after a crash
    // a scheduled time is never run twice.
    if (auto committed = m_store.commitDue(batch); !committed) {
        reportStoreError(committed.error());
        m_wakeTimer->armAt(now + storeRetryMs);
        return;
    }

    for (const RunRecord &run : std::as_const(batch.runs)) {
        if (run.outcome == RunOutcome::Missed) {
            qCInfo(lcScheduler, "job %s: run of %s %s", qPrintable(run.jobId),
                   qPrintable(formatIso(run.scheduledTime, *ZoneRules::forZone("UTC"))), qPrintable(run.error));
            emit jobMissed(run);
        } else if (run.outcome == RunOutcome::Skipped) {
            emit jobMaxInstances(run);
        }
    }
    for (const Job &job : std::as_const(batch.updatedJobs))
        emit jobModified(job);
    for (const Pending &p : std::as_const(pending)) {
        const Job &job = batch.updatedJobs[p.job];
        submit(job, batch.runs.mid(p.firstRun, p.runCount), job.options.misfireGraceMs);
    }
    for (const QString &id : std::as_const(removeNow)) {
        if (m_store.removeJob(id))
            emit jobRemoved(id);
    }
    if (due.value().size() >= dueBatchLimit) {
        scheduleProcessing();
        return;
    }
    rearm();
    if (m_cluster && m_processingQueued && due.value().isEmpty()) {
        // Still due but nothing could be claimed: another instance holds those rows until it commits.
        m_processingQueued = false;
        m_wakeTimer->armAt(m_clock.nowMs() + claimRetryMs);
    }
}

// --- running ------------------------------------------------------------------------------------------------

void Scheduler::submit(const Job &job, QList<RunRecord> runs, std::optional<std::int64_t> misfireGraceMs)
{
    auto *submission = new Submission;
    submission->id = m_nextId++;
    submission->job = job;
    submission->runs = std::move(runs);
    submission->misfireGraceMs = misfireGraceMs;
    submission->removeJobWhenDone = job.options.removeWhenDone && !job.nextRunTime && !job.paused;
    m_submissions.insert(submission->id, submission);
    ++m_instances[job.id];
    startNextRun(submission->id);
}

void Scheduler::startNextRun(std::uint64_t submissionId)
{
    Submission *submission = m_submissions.value(submissionId);
    if (!submission)
        return;
    submission->token = 0;
    if (submission->current >= submission->runs.size()) {
        finishSubmission(submissionId);
        return;
    }
    RunRecord &run = submission->runs[submission->current];
    Executor *executor = m_executors->executorFor(submission->job.action);
    if (m_state == State::ShuttingDown || !executor) {
        // Not begun: the scheduler is stopping (or nothing can run this action).
        run.outcome = executor ? RunOutcome::Interrupted : RunOutcome::Failed;
        run.endTime = m_clock.nowMs();
        run.error = executor ? tr("the scheduler stopped before this run began")
                             : tr("this kind of action cannot be run here");
        recordFinal(run);
        ++submission->current;
        startNextRun(submissionId);
        return;
    }
    ExecutionRequest request;
    request.token = m_nextId++;
    request.jobId = run.jobId;
    request.runId = run.id;
    request.scheduledTime = run.scheduledTime;
    request.action = submission->job.action;
    request.timeoutMs = submission->job.options.timeoutMs;
    // A retry is late on purpose: the grace time applies to first attempts only.
    request.misfireGraceMs = run.attempt == 1 ? submission->misfireGraceMs : std::nullopt;
    submission->token = request.token;
    m_tokens.insert(request.token, submissionId);
    emit jobSubmitted(run);
    executor->start(request);
}

void Scheduler::onExecutionFinished(std::uint64_t token, const ExecutionResult &result)
{
    const std::uint64_t submissionId = m_tokens.take(token);
    Submission *submission = m_submissions.value(submissionId);
    if (!submission || submission->token != token)
        return;
    submission->token = 0;
    RunRecord &run = submission->runs[submission->current];
    run.outcome = result.outcome;
    run.startTime = result.startTime;
    run.endTime = result.endTime;
    run.exitCode = result.exitCode;
    run.output = result.output;
    run.error = result.error;
    run.lateMs = result.lateMs;
    recordFinal(run);

    const bool failed = run.outcome == RunOutcome::Failed || run.outcome == RunOutcome::TimedOut;
    if (failed && run.attempt <= submission->job.options.maxRetries && m_state != State::ShuttingDown) {
        RunRecord retry;
        retry.jobId = run.jobId;
        retry.scheduledTime = run.scheduledTime;
        retry.attempt = run.attempt + 1;
        if (auto inserted = m_store.insertRun(retry); !inserted) {
            reportStoreError(inserted.error());
        } else {
            // The wait is on the injected clock through the wake timer, like every other due time: it survives
            // suspend and clock changes, and a paused scheduler holds the retry until resume().
            submission->retryAt = m_clock.nowMs() + submission->job.options.retryDelayAfter(run.attempt);
            run = retry;
            rearm();
            return;
        }
    }
    ++submission->current;
    startNextRun(submissionId);
}

void Scheduler::recordFinal(RunRecord &run)
{
    // Write-behind: the rows of runs that end together (a burst ends thousands per event-loop turn) are rewritten
    // in one transaction at the end of the turn, or earlier when something reads or prunes the history. The run
    // was recorded before it started; a crash in between leaves it "running", i.e. interrupted at the next start.
    m_finishedRuns.append(run);
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &Scheduler::flushFinishedRuns, Qt::QueuedConnection);
    }
    emitOutcome(run);
}

void Scheduler::flushFinishedRuns()
{
    m_flushQueued = false;
    if (m_finishedRuns.isEmpty())
        return;
    const QList<RunRecord> runs = std::exchange(m_finishedRuns, {});
    if (auto updated = m_store.updateRuns(runs); !updated)
        reportStoreError(updated.error());
}

void Scheduler::emitOutcome(const RunRecord &run)
{
    switch (run.outcome) {
    case RunOutcome::Success: emit jobExecuted(run); break;
    case RunOutcome::Missed: emit jobMissed(run); break;
    case RunOutcome::Skipped: emit jobMaxInstances(run); break;
    case RunOutcome::Running: break;
    default: emit jobError(run); break;
    }
}

void Scheduler::finishSubmission(std::uint64_t submissionId)
{
    Submission *submission = m_submissions.take(submissionId);
    if (!submission)
        return;
    const QString jobId = submission->job.id;
    if (--m_instances[jobId] <= 0)
        m_instances.remove(jobId);
    int &finished = m_finishedSincePrune[jobId];
    finished += static_cast<int>(submission->runs.size());
    if (finished >= std::max(10, m_historyLimit / 4)) {
        finished = 0;
        flushFinishedRuns();
        if (auto pruned = m_store.pruneRuns(jobId, m_historyLimit); !pruned)
            reportStoreError(pruned.error());
    }
    if (submission->removeJobWhenDone) {
        flushFinishedRuns();
        // Only if it is still the finished job that ran (it may have been rescheduled meanwhile).
        const auto stored = m_store.job(jobId);
        if (stored && stored.value() && !stored.value()->nextRunTime && !stored.value()->paused
            && m_store.removeJob(jobId))
            emit jobRemoved(jobId);
    }
    delete submission;
    checkShutdownDone();
}

std::optional<std::int64_t> Scheduler::earliestRetry() const
{
    std::optional<std::int64_t> earliest;
    for (const Submission *submission : m_submissions) {
        if (submission->retryAt && (!earliest || *submission->retryAt < *earliest))
            earliest = submission->retryAt;
    }
    return earliest;
}

void Scheduler::startDueRetries(std::int64_t nowMs)
{
    QList<std::uint64_t> due;
    for (const Submission *submission : std::as_const(m_submissions)) {
        if (submission->retryAt && *submission->retryAt <= nowMs)
            due.append(submission->id);
    }
    std::sort(due.begin(), due.end()); // oldest submission first
    for (const std::uint64_t id : std::as_const(due)) {
        if (Submission *submission = m_submissions.value(id)) {
            submission->retryAt.reset();
            startNextRun(id);
        }
    }
}

int Scheduler::runningCount() const
{
    return static_cast<int>(m_submissions.size());
}

int Scheduler::runningCount(const QString &jobId) const
{
    return m_instances.value(jobId, 0);
}

// --- management ---------------------------------------------------------------------------------------------

std::optional<std::int64_t> Scheduler::firstRunTime(const Job &job, std::int64_t nowMs) const
{
    if (const auto *date = dynamic_cast<const DateTrigger *>(job.trigger.get())) {
        // A one-off time just passed still runs (within the grace time), as in APScheduler.
        const std::int64_t late = nowMs - date->runAtMs();
        if (late >= 0 && (!job.options.misfireGraceMs || late <= *job.options.misfireGraceMs))
            return date->runAtMs();
    }
    auto next = job.trigger->nextFireTime(nowMs);
    if (next)
        next = job.trigger->applyJitter(*next, const_cast<QRandomGenerator &>(m_random));
    return next;
}

Result<void> Scheduler::prepareNewJob(Job &job, std::int64_t nowMs)
{
    if (job.id.isEmpty())
        job.id = generateJobId();
    if (auto valid = validateJob(job); !valid)
        return valid.error();
    if (job.name.isEmpty())
        job.name = job.id;
    job.createdAt = nowMs;
    job.nextRunTime = job.paused ? std::nullopt : firstRunTime(job, nowMs);
    if (!job.paused && !job.nextRunTime) {
        if (const auto *date = dynamic_cast<const DateTrigger *>(job.trigger.get()))
            return invalidInput(tr("the run time %1 has already passed").arg(formatIso(date->runAtMs(), date->zone())));
        return invalidInput(tr("the trigger \"%1\" never fires after now").arg(job.trigger->description()));
    }
    return {};
}

Result<Job> Scheduler::addJob(Job job, ConflictPolicy onConflict)
{
    if (m_state == State::ShuttingDown)
        return notRunning();
    if (auto prepared = prepareNewJob(job, m_clock.nowMs()); !prepared)
        return prepared.error();
    if (auto added = m_store.addJob(job, onConflict); !added)
        return added.error();
    emit jobAdded(job);
    rearm();
    return job;
}

Result<QList<Job>> Scheduler::addJobs(QList<Job> jobs, ConflictPolicy onConflict)
{
    if (m_state == State::ShuttingDown)
        return notRunning();
    const std::int64_t now = m_clock.nowMs();
    for (Job &job : jobs) {
        if (auto prepared = prepareNewJob(job, now); !prepared)
            return prepared.error();
    }
    if (auto added = m_store.addJobs(jobs, onConflict); !added)
        return added.error();
    for (const Job &job : std::as_const(jobs))
        emit jobAdded(job);
    rearm();
    return jobs;
}

Result<Job> Scheduler::requireJob(const QString &id) const
{
    auto found = m_store.job(id);
    if (!found)
        return found.error();
    if (!found.value())
        return Error{ErrorCode::NotFound, tr("no job with id \"%1\"").arg(id)};
    return *found.value();
}

Result<Job> Scheduler::job(const QString &id) const
{
    return requireJob(id);
}

Result<QList<Job>> Scheduler::jobs() const
{
    return m_store.jobs();
}

Result<Job> Scheduler::storeModified(Job job)
{
    if (auto updated = m_store.updateJob(job); !updated)
        return updated.error();
    emit jobModified(job);
    rearm();
    return job;
}

Result<Job> Scheduler::pauseJob(const QString &id)
{
    auto job = requireJob(id);
    if (!job || job->paused)
        return job;
    job->paused = true;
    job->nextRunTime.reset();
    return storeModified(std::move(job).value());
}

Result<Job> Scheduler::resumeJob(const QString &id)
{
    auto job = requireJob(id);
    if (!job || !job->paused)
        return job;
    job->paused = false;
    auto next = job->trigger->nextFireTime(m_clock.nowMs());
    job->nextRunTime = next ? std::optional(job->trigger->applyJitter(*next, m_random)) : std::nullopt;
    return storeModified(std::move(job).value());
}

Result<Job> Scheduler::modifyJob(const QString &id, const JobChanges &changes)
{
    auto found = requireJob(id);
    if (!found)
        return found;
    Job job = std::move(found).value();
    if (changes.name)
        job.name = changes.name->isEmpty() ? job.id : *changes.name;
    if (changes.action)
        job.action = *changes.action;
    if (changes.options)
        job.options = *changes.options;
    if (changes.trigger) {
        job.trigger = changes.trigger;
        if (!job.paused) {
            job.nextRunTime = firstRunTime(job, m_clock.nowMs());
            if (!job.nextRunTime)
                return invalidInput(tr("the trigger \"%1\" never fires after now").arg(job.trigger->description()));
        }
    }
    return storeModified(std::move(job));
}

Result<Job> Scheduler::rescheduleJob(const QString &id, std::shared_ptr<const Trigger> trigger)
{
    JobChanges changes;
    changes.trigger = std::move(trigger);
    return modifyJob(id, changes);
}

Result<void> Scheduler::removeJob(const QString &id)
{
    flushFinishedRuns();
    if (auto removed = m_store.removeJob(id); !removed)
        return removed.error();
    m_finishedSincePrune.remove(id);
    emit jobRemoved(id);
    rearm();
    return {};
}

Result<int> Scheduler::removeAllJobs()
{
    flushFinishedRuns();
    auto removed = m_store.removeAllJobs();
    if (!removed)
        return removed;
    m_finishedSincePrune.clear();
    emit allJobsRemoved();
    rearm();
    return removed;
}

Result<RunRecord> Scheduler::runJobNow(const QString &id)
{
    if (m_state == State::ShuttingDown)
        return notRunning();
    auto job = requireJob(id);
    if (!job)
        return job.error();
    if (m_cluster && !m_joined) {
        // An unstarted scheduler (punctualctl run-now) runs it: its heartbeat keeps the run from being taken over.
        if (auto joined = joinCluster(); !joined)
            return joined.error();
    }
    RunRecord run;
    run.jobId = id;
    run.scheduledTime = m_clock.nowMs();
    const int running = runningCount(id);
    if (running >= job->options.maxInstances) {
        run.outcome = RunOutcome::Skipped;
        run.endTime = run.scheduledTime;
        run.error = tr("skipped: %n run(s) of this job still going (max instances)", nullptr, running);
    }
    if (auto inserted = m_store.insertRun(run); !inserted)
        return inserted.error();
    if (run.outcome == RunOutcome::Skipped)
        emit jobMaxInstances(run);
    else
        submit(job.value(), {run}, std::nullopt);
    return run;
}

Result<QList<RunRecord>> Scheduler::history(const QString &jobId, int limit) const
{
    // The history includes the runs that ended this event-loop turn (written behind, see recordFinal()).
    const_cast<Scheduler *>(this)->flushFinishedRuns();
    return m_store.runs(jobId, limit);
}

// --- cluster ------------------------------------------------------------------------------------------------

QString Scheduler::instanceId() const
{
    return m_cluster ? m_cluster->instanceId() : QString();
}

Result<QList<InstanceInfo>> Scheduler::instances() const
{
    if (!m_cluster)
        return QList<InstanceInfo>{};
    return m_cluster->instances();
}

Result<void> Scheduler::joinCluster()
{
    if (auto beat = m_cluster->heartbeat(m_clock.nowMs()); !beat)
        return beat;
    m_joined = true;
    recoverAbandonedRuns(true);
    if (!m_heartbeatTimer) {
        // The one timer a clustered scheduler has besides its wake timer: the heartbeat is what tells the others
        // it is alive, so it cannot wait for a due job.
        m_heartbeatTimer = new QTimer(this);
        connect(m_heartbeatTimer, &QTimer::timeout, this, &Scheduler::clusterHeartbeat);
    }
    m_heartbeatTimer->start(static_cast<int>(std::clamp<std::int64_t>(m_cluster->leaseMs() / 4, 250, 60'000)));
    qCInfo(lcScheduler, "joined the cluster as %s (lease %lld ms)", qPrintable(m_cluster->instanceId()),
           static_cast<long long>(m_cluster->leaseMs()));
    return {};
}

void Scheduler::leaveCluster()
{
    if (!m_cluster || !m_joined)
        return;
    // Only once nothing of ours is running: a row removed while runs go would let others take them over.
    if (!m_submissions.isEmpty())
        return;
    if (m_heartbeatTimer)
        m_heartbeatTimer->stop();
    m_joined = false;
    if (auto left = m_cluster->leave(); !left)
        qCWarning(lcScheduler, "could not remove this instance's heartbeat row: %s", qPrintable(left.error().message));
}

void Scheduler::clusterHeartbeat()
{
    if (!m_cluster || !m_joined)
        return;
    if (auto beat = m_cluster->heartbeat(m_clock.nowMs()); !beat) {
        reportStoreError(beat.error());
        return;
    }
    recoverAbandonedRuns(false);
}

void Scheduler::recoverAbandonedRuns(bool includeOwn)
{
    int interrupted = 0;
    auto reruns = m_cluster->recoverRuns(m_clock.nowMs(), includeOwn, &interrupted);
    if (!reruns) {
        reportStoreError(reruns.error());
        return;
    }
    if (interrupted > 0)
        qCWarning(lcScheduler, "%d abandoned run(s) are now interrupted; %lld of them run again here", interrupted,
                  static_cast<long long>(reruns.value().size()));
    for (const RunRecord &rerun : std::as_const(reruns.value())) {
        auto job = requireJob(rerun.jobId);
        if (!job || m_state == State::ShuttingDown) {
            // Not run after all: recorded so, not left running.
            RunRecord dropped = rerun;
            dropped.outcome = RunOutcome::Interrupted;
            dropped.endTime = m_clock.nowMs();
            dropped.error = tr("the scheduler stopped before this run began");
            recordFinal(dropped);
            continue;
        }
        submit(job.value(), {rerun}, std::nullopt);
    }
}

} // namespace punctual

