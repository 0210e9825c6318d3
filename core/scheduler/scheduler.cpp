// Scheduler life cycle, management API and due-job processing.
#include "scheduler.h"

#include "desktop/desktopstate.h"
#include "executors/executorset.h"
#include "scheduler/clustermembership.h"
#include "scheduler/dueplanner.h"
#include "scheduler/removedjobs.h"
#include "scheduler/missedrunsreview.h"
#include "scheduler/runtracker.h"
#include "scheduler/waketimer.h"
#include "store/jobstore.h"
#include "time/clock.h"
#include "time/isotime.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcScheduler, "punctual.scheduler")

namespace punctual {

namespace {

// How many due jobs one pass takes from the store; more are handled in the next pass, right after.
constexpr int dueBatchLimit = 20000;
// Clustered: due rows another instance is claiming right now are looked at again this much later (not at once,
// which would spin until its transaction commits).
constexpr std::int64_t claimRetryMs = 100;

} // namespace

Error Scheduler::shuttingDown()
{
    return {ErrorCode::InvalidInput, tr("the scheduler is shutting down")};
}

Error Scheduler::storeUnavailable() const
{
    return {ErrorCode::StoreUnavailable,
            tr("the job store is unavailable (%1); nothing started: the scheduler reconnects on its own")
                .arg(m_storeStatus.lastError)};
}

Scheduler::Scheduler(JobStore &store, const Clock &clock, std::unique_ptr<ExecutorSet> executors, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_executors(std::move(executors))
    , m_wakeTimer(WakeTimer::createDefault(clock))
    , m_ownDesktop(std::make_unique<ManualDesktopState>())
    , m_desktop(m_ownDesktop.get())
    , m_runs(new RunTracker(store, clock, *m_executors, this))
    , m_random(QRandomGenerator::securelySeeded())
{
    qRegisterMetaType<Job>();
    qRegisterMetaType<RunRecord>();
    qRegisterMetaType<ExecutionResult>();
    qRegisterMetaType<StoreStatus>();
    connect(m_runs, &RunTracker::jobSubmitted, this, &Scheduler::jobSubmitted);
    connect(m_runs, &RunTracker::jobExecuted, this, &Scheduler::jobExecuted);
    connect(m_runs, &RunTracker::jobError, this, &Scheduler::jobError);
    connect(m_runs, &RunTracker::jobMissed, this, &Scheduler::jobMissed);
    connect(m_runs, &RunTracker::jobMaxInstances, this, &Scheduler::jobMaxInstances);
    connect(m_runs, &RunTracker::jobRemoved, this, &Scheduler::jobRemoved);
    connect(m_runs, &RunTracker::runOutput, this, &Scheduler::runOutput);
    connect(m_runs, &RunTracker::retryScheduled, this, &Scheduler::rearm);
    // Queued: it may be emitted in the middle of a due pass, which re-arms at its end anyway.
    connect(m_runs, &RunTracker::conditionWaitsChanged, this, &Scheduler::rearm, Qt::QueuedConnection);
    connect(m_runs, &RunTracker::activityChanged, this, &Scheduler::jobActivityChanged);
    connect(m_runs, &RunTracker::idle, this, &Scheduler::checkShutdownDone);
    connect(m_runs, &RunTracker::runEnded, this, &Scheduler::onRunEnded);
    connect(m_runs, &RunTracker::storeFailed, this, &Scheduler::storeFailed);
    if (ClusterStore *cluster = store.cluster()) {
        m_membership = new ClusterMembership(*cluster, clock, this);
        connect(m_membership, &ClusterMembership::runsRecovered, this, &Scheduler::startRecoveredRuns);
        connect(m_membership, &ClusterMembership::storeFailed, this, &Scheduler::storeFailed);
    }
    connect(m_wakeTimer.get(), &WakeTimer::woke, this, &Scheduler::processDue);
    m_review = new MissedRunsReview(*this, clock);
    connect(m_review, &MissedRunsReview::reportsAdded, this, &Scheduler::missedRunsAdded);
    connect(m_review, &MissedRunsReview::reportsDismissed, this, &Scheduler::missedRunsDismissed);
    setDesktopState(nullptr);
}

Scheduler::~Scheduler()
{
    for (Executor *executor : m_executors->executors())
        disconnect(executor, nullptr, m_runs, nullptr);
    m_executors->stopAll();
    m_runs->abandonAll();
    m_runs->flush();
    leaveCluster();
}

void Scheduler::setWakeTimer(std::unique_ptr<WakeTimer> timer)
{
    m_wakeTimer = std::move(timer);
    connect(m_wakeTimer.get(), &WakeTimer::woke, this, &Scheduler::processDue);
}

void Scheduler::setDesktopState(DesktopState *state)
{
    if (m_desktop)
        disconnect(m_desktop, &DesktopState::changed, this, &Scheduler::onDesktopChanged);
    m_desktop = state ? state : m_ownDesktop.get();
    m_runs->setDesktopState(m_desktop);
    connect(m_desktop, &DesktopState::changed, this, &Scheduler::onDesktopChanged);
    connectDesktop(); // resume and network-up: event triggers
    if (m_review)
        m_review->setDesktopState(m_desktop); // a resume tells a sleep from a long pass
}

void Scheduler::onDesktopChanged()
{
    // At once, not at the next wake: a run waiting for AC power starts when the cable is plugged in, and a run
    // with stop_if_lost is stopped when it is pulled.
    if (m_state != State::Running || !m_storeStatus.available)
        return;
    m_runs->checkConditions(m_clock.nowMs());
    rearm(); // an idle time to wait for may have begun
}

void Scheduler::setHistoryLimit(int runsPerJob)
{
    m_historyLimit = std::max(1, runsPerJob);
    m_runs->setHistoryLimit(m_historyLimit);
}

// --- life cycle ---------------------------------------------------------------------------------------------

Result<void> Scheduler::start(bool startPaused)
{
    if (m_state != State::Stopped)
        return {};
    if (!m_storeStatus.available) {
        // Started before its store can be reached (a database server not up yet): the start-up work is done by the
        // first reconnect that succeeds; until then the scheduler runs with nothing to start.
        m_startWorkPending = true;
    } else if (auto ready = prepareStart(); !ready) {
        return ready;
    }
    m_state = startPaused ? State::Paused : State::Running;
    emit started();
    if (startPaused)
        emit paused();
    if (!m_startWorkPending)
        runAtStartJobs(); // else after the first reconnect
    rearm();
    return {};
}

Result<void> Scheduler::prepareStart()
{
    m_runs->flush();
    if (auto learned = learnPasswordVariables(); !learned)
        return learned.error();
    // What a dead session's runs left running (a command's background children) is ended before those runs are
    // recorded interrupted: "interrupted" must not be shown for a run whose processes still go on.
    if (const int ended = m_executors->endLeftovers(); ended > 0)
        qCWarning(lcScheduler, "%d process group(s) left running by an earlier session were ended", ended);
    const std::int64_t now = m_clock.nowMs();
    if (m_membership) {
        // Other instances' runs are theirs: only this id's leftovers and those of dead instances are taken over.
        if (auto joined = m_membership->join(); !joined)
            return joined.error();
    } else {
        auto interrupted = m_store.interruptRunningRuns(now);
        if (!interrupted)
            return interrupted.error();
        if (interrupted.value() > 0)
            qCWarning(lcScheduler, "%d run(s) were still marked running from an earlier session: now interrupted",
                      interrupted.value());
    }
    // No pass over the whole history here: each job's history is pruned when its first run in this session ends
    // (RunTracker::pruneIfDue()).
    return {};
}

void Scheduler::shutdown(ShutdownMode mode)
{
    if (m_state == State::Stopped) {
        emit shutDown();
        return;
    }
    m_state = State::ShuttingDown;
    m_runs->setStopping(true);
    m_wakeTimer->disarm();
    m_runs->dropWaitingRetries(); // runs waiting to be retried will not be
    m_runs->dropQueued();         // nor those waiting in a queue
    m_runs->dropConditionWaits(); // nor those waiting for their conditions
    if (mode == ShutdownMode::StopRuns) {
        m_executors->stopAll();
    }
    checkShutdownDone();
}

void Scheduler::checkShutdownDone()
{
    if (m_state == State::ShuttingDown && m_runs->instanceCount() == 0) {
        m_runs->flush();
        leaveCluster();
        m_state = State::Stopped;
        m_runs->setStopping(false);
        emit shutDown();
    }
}

void Scheduler::pause()
{
    if (m_state != State::Running)
        return;
    m_state = State::Paused;
    m_wakeTimer->disarm();
    m_runs->holdQueues(true); // nothing starts while paused, runs waiting in a queue included
    m_afterResumeDue.clear(); // a paused scheduler runs nothing on events, delayed wake-up runs included
    emit paused();
}

void Scheduler::resume()
{
    if (m_state != State::Paused)
        return;
    m_state = State::Running;
    emit resumed();
    m_runs->holdQueues(false);
    m_runs->checkConditions(m_clock.nowMs());
    rearm();
}

void Scheduler::refresh()
{
    if (!m_storeStatus.available) // the reconnect reads everything again
        return;
    m_calendars.reset(); // another process may have changed them
    // Another process changed the store: it may have added an sql job naming a password variable.
    if (auto learned = learnPasswordVariables(); !learned)
        reportStoreError(learned.error());
    if (m_state == State::Running)
        scheduleProcessing();
}

Result<void> Scheduler::learnPasswordVariables()
{
    auto names = m_store.passwordVariables();
    if (!names)
        return names.error();
    m_executors->hideVariables(names.value());
    return {};
}

void Scheduler::notePasswordVariable(const Job &job)
{
    if (QString name = passwordVariableOf(job.action); !name.isEmpty())
        m_executors->hideVariables({name});
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
    if (!m_storeStatus.available && m_state != State::ShuttingDown) {
        // Paused or not, the store is reconnected to: its state is shown, and a resume finds it ready.
        armReconnect();
        return;
    }
    if (m_state != State::Running) {
        // Paused: nothing starts, retries included. Stopped: an unstarted scheduler (punctualctl run-now) still
        // makes the retries of the run it was asked for.
        const auto retry = m_state == State::Stopped ? m_runs->earliestRetry() : std::nullopt;
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
        storeFailed(earliest.error());
        return;
    }
    std::optional<std::int64_t> wakeAt = earliest.value();
    if (const auto retry = m_runs->earliestRetry(); retry && (!wakeAt || *retry < *wakeAt))
        wakeAt = retry;
    if (const auto event = earliestEventRun(); event && (!wakeAt || *event < *wakeAt))
        wakeAt = event;
    if (const auto check = m_runs->earliestConditionCheck(); check && (!wakeAt || *check < *wakeAt))
        wakeAt = check;
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

// --- the store's availability -------------------------------------------------------------------------------

void Scheduler::storeFailed(const Error &error)
{
    // Reported once per outage: while unavailable, each heartbeat or flush failing again says nothing new.
    if (m_storeStatus.available)
        reportStoreError(error);
    storeLost(error);
}

void Scheduler::storeLost(const Error &error, bool retryNow)
{
    const std::int64_t now = m_clock.nowMs();
    if (m_storeStatus.available) {
        // A store that fails again soon after it came back (a full disk: reconnecting works, writing does not)
        // goes on with the pause it had reached, rather than flapping every half second.
        if (m_storeStatus.sinceMs == 0 || now - m_storeStatus.sinceMs >= storeStableMs)
            m_backoffStep = 0;
        m_storeStatus = StoreStatus{false, now, error.message, 0, now + (retryNow ? 0 : reconnectPause())};
        qCInfo(lcScheduler, "the job store is unavailable: %s; nothing starts until it is back",
               qPrintable(error.message));
        emit storeStatusChanged(m_storeStatus);
    } else {
        m_storeStatus.lastError = error.message;
        if (retryNow)
            m_storeStatus.nextRetryMs = now;
    }
    if (m_state != State::ShuttingDown)
        armReconnect();
}

bool Scheduler::retryStoreNow()
{
    if (m_storeStatus.available || m_state == State::ShuttingDown)
        return false;
    m_storeStatus.nextRetryMs = m_clock.nowMs();
    armReconnect();
    return true;
}

std::int64_t Scheduler::reconnectPause() const
{
    // Doubles with each failed try, up to the cap.
    std::int64_t pause = storeRetryFirstMs;
    for (int i = 0; i < m_backoffStep && pause < storeRetryCapMs; ++i)
        pause *= 2;
    return std::min(pause, storeRetryCapMs);
}

void Scheduler::armReconnect()
{
    const std::int64_t at = m_storeStatus.nextRetryMs.value_or(m_clock.nowMs());
    if (at <= m_clock.nowMs())
        scheduleProcessing();
    else
        m_wakeTimer->armAt(at);
}

bool Scheduler::tryReconnect()
{
    const std::int64_t startedAt = m_clock.nowMs();
    ++m_storeStatus.retries;
    // Reconnected, read, and the runs that ended meanwhile written: only then can a new run be recorded.
    Result<void> back = m_store.reconnect();
    if (back) {
        if (auto read = m_store.earliestNextRunTime(); !read)
            back = read.error();
    }
    if (back)
        back = m_runs->writeFinished();
    if (back)
        back = learnPasswordVariables();
    bool startWorkDone = false;
    if (back && m_startWorkPending) {
        back = prepareStart();
        if (back) {
            m_startWorkPending = false;
            startWorkDone = true;
        }
    }
    if (!back) {
        m_storeStatus.lastError = back.error().message;
        m_storeStatus.nextRetryMs = m_clock.nowMs() + reconnectPause();
        ++m_backoffStep;
        qCInfo(lcScheduler, "reconnect %d to the job store failed: %s", m_storeStatus.retries,
               qPrintable(back.error().message));
        emit storeStatusChanged(m_storeStatus);
        return false;
    }
    const std::int64_t downMs = startedAt - m_storeStatus.sinceMs;
    qCInfo(lcScheduler, "the job store is available again (unavailable for %lld ms, %d reconnect(s))",
           static_cast<long long>(downMs), m_storeStatus.retries);
    m_storeStatus.available = true;
    m_storeStatus.sinceMs = m_clock.nowMs();
    m_storeStatus.nextRetryMs.reset();
    if (m_membership)
        m_membership->regained(storeRetryCapMs);
    emit storeStatusChanged(m_storeStatus);
    if (startWorkDone)
        runAtStartJobs(); // the start() that could not reach the store
    return true;
}

// --- processing due jobs ------------------------------------------------------------------------------------

void Scheduler::processDue()
{
    m_processingQueued = false;
    if (!m_storeStatus.available) {
        if (m_state == State::ShuttingDown)
            return;
        if (m_storeStatus.nextRetryMs && *m_storeStatus.nextRetryMs > m_clock.nowMs()) {
            armReconnect(); // woken early (a refresh, a retry's time): nothing may start yet
            return;
        }
        if (!tryReconnect()) {
            armReconnect();
            return;
        }
        // Back: the due times that passed meanwhile go through the misfire and coalesce rules below.
    }
    if (m_state == State::Stopped) { // only retries of runs made now (see rearm())
        m_runs->startDueRetries(m_clock.nowMs());
        rearm();
        return;
    }
    if (m_state != State::Running)
        return;
    const std::int64_t now = m_clock.nowMs();
    m_runs->startDueRetries(now);
    startDueEventRuns(now);
    m_runs->checkConditions(now); // deadlines and idle times reached
    // Shared store: the due rows come back locked for this pass (the transaction commitDue() commits).
    auto due = m_store.claimDueJobs(now, dueBatchLimit);
    if (!due) {
        storeFailed(due.error());
        return;
    }
    if (!commitDuePass(due.value(), now))
        return; // the store is unavailable now: reconnects follow
    if (due.value().size() >= dueBatchLimit) {
        scheduleProcessing();
        return;
    }
    if (m_membership && due.value().isEmpty() && lookAgainAfterClaim(now))
        return;
    rearm();
}

bool Scheduler::lookAgainAfterClaim(std::int64_t now)
{
    // Nothing was claimed. If something is still due, another instance holds those rows until it commits: look
    // again a little later. rearm() would queue the next pass at once, and a queued pass cannot be called back,
    // so this is decided before it, not after (else: a busy loop of empty claims).
    const auto earliest = m_store.earliestNextRunTime();
    if (!earliest || !earliest.value() || *earliest.value() > now)
        return false;
    std::int64_t wakeAt = now + claimRetryMs;
    if (const auto retry = m_runs->earliestRetry(); retry && *retry < wakeAt)
        wakeAt = *retry;
    m_wakeTimer->armAt(wakeAt);
    return true;
}

bool Scheduler::commitDuePass(QList<Job> &due, std::int64_t now)
{
    // max_instances counts the runs other instances have going too.
    QHash<QString, int> elsewhere;
    if (m_membership && !due.isEmpty()) {
        auto counted = m_membership->store().runningElsewhere();
        if (!counted) {
            DueBatch nothing;
            if (auto ended = m_store.commitDue(nothing); !ended) // ends the claim
                qCWarning(lcScheduler, "ending a claim failed: %s", qPrintable(ended.error().message));
            storeFailed(counted.error());
            return false;
        }
        elsewhere = std::move(counted).value();
    }

    struct Pending
    {
        qsizetype job;
        qsizetype firstRun;
        qsizetype runCount;
    };
    struct Waiting
    {
        qsizetype job;
        qsizetype firstRun;
        qsizetype runCount;
        bool replace;
    };
    DueBatch batch;
    QList<Pending> pending;
    QList<Waiting> queued;
    QStringList removeNow;
    batch.updatedJobs.reserve(due.size());
    for (Job &job : due) {
        // A run waiting to retry is an instance: its scheduled run is not over (APScheduler has no retries; this
        // keeps max_instances 1 meaning "one scheduled run at a time").
        const DueLoad load{m_runs->instanceCount(job.id) + elsewhere.value(job.id), m_runs->queuedCount(job.id)};
        DuePlan plan = planDueJob(job, now, load, m_random, exclusionCalendars());
        m_review->notePlan(job, plan, now, exclusionCalendars());
        batch.runs += plan.excluded;
        batch.runs += plan.missed;
        batch.runs += plan.skipped;
        if (!plan.queued.isEmpty()) {
            queued.append({batch.updatedJobs.size(), batch.runs.size(), plan.queued.size(), plan.replaceRunning});
            batch.runs += plan.queued;
        }
        const qsizetype firstRun = batch.runs.size();
        for (const std::int64_t runTime : std::as_const(plan.submit)) {
            RunRecord run;
            run.jobId = job.id;
            run.scheduledTime = runTime;
            run.reason = plan.submitReason;
            // The first begins at once; the others wait their turn (their start is written when they begin):
            // other instances count only begun runs for max_instances.
            if (batch.runs.size() == firstRun)
                run.startTime = now;
            batch.runs.append(run);
        }
        job.nextRunTime = plan.nextRunTime;
        if (!plan.nextRunTime && job.options.removeWhenDone && !job.options.events.any() && plan.submit.isEmpty())
            removeNow << job.id;
        batch.updatedJobs.append(job);
        if (!plan.submit.isEmpty())
            pending.append({batch.updatedJobs.size() - 1, firstRun, plan.submit.size()});
        m_runs->countEnded(job.id,
                           static_cast<int>(plan.missed.size() + plan.skipped.size() + plan.excluded.size()));
    }

    // Runs are recorded and next run times advanced in one transaction before anything starts: after a crash
    // a scheduled time is never run twice.
    if (auto committed = m_store.commitDue(batch); !committed) {
        m_review->dropPass();
        storeFailed(committed.error());
        return false;
    }
    m_review->commitPass(); // before jobMissed: notices of a catch-up's runs are one for the episode

    for (const RunRecord &run : std::as_const(batch.runs)) {
        if (run.outcome == RunOutcome::Missed) {
            qCInfo(lcScheduler, "job %s: run of %s %s", qPrintable(run.jobId),
                   qPrintable(formatIso(run.scheduledTime, *ZoneRules::forZone("UTC"))), qPrintable(run.error));
            emit jobMissed(run);
        } else if (run.outcome == RunOutcome::Skipped) {
            emit jobMaxInstances(run);
        } else if (run.outcome == RunOutcome::Replaced) {
            emit jobError(run);
        }
    }
    for (const Job &job : std::as_const(batch.updatedJobs))
        emit jobModified(job);
    // Overlap queue-one, queue-all and replace: the runs recorded queued wait for the job's runs going to end.
    for (const Waiting &w : std::as_const(queued)) {
        const Job &job = batch.updatedJobs[w.job];
        if (w.replace)
            m_runs->replaceRuns(job.id, replacedByText(job, batch.runs[w.firstRun + w.runCount - 1].scheduledTime));
        for (qsizetype i = w.firstRun; i < w.firstRun + w.runCount; ++i)
            m_runs->enqueue(job, batch.runs[i], job.options.misfireGraceMs);
        m_runs->startQueued(job.id, elsewhere.value(job.id));
    }
    for (const Pending &p : std::as_const(pending)) {
        const Job &job = batch.updatedJobs[p.job];
        m_runs->submit(job, batch.runs.mid(p.firstRun, p.runCount), job.options.misfireGraceMs);
    }
    for (const QString &id : std::as_const(removeNow)) {
        if (m_store.removeJob(id))
            emit jobRemoved(id);
    }
    return true;
}

int Scheduler::runningCount() const
{
    return m_runs->runningCount();
}

int Scheduler::runningCount(const QString &jobId) const
{
    return m_runs->runningCount(jobId);
}

int Scheduler::retryingCount() const
{
    return m_runs->retryingCount();
}

std::optional<ConditionWait> Scheduler::conditionWait(const QString &jobId) const
{
    return m_runs->conditionWait(jobId);
}

int Scheduler::conditionWaitingCount() const
{
    return m_runs->conditionWaitingCount();
}

std::optional<RetryWait> Scheduler::retryWait(const QString &jobId) const
{
    return m_runs->retryWait(jobId);
}

QList<JobActivity> Scheduler::activity() const
{
    return m_runs->activity();
}

// --- management ---------------------------------------------------------------------------------------------

Result<void> Scheduler::prepareNewJob(Job &job, std::int64_t nowMs)
{
    if (job.id.isEmpty())
        job.id = generateJobId();
    if (auto valid = validateJob(job); !valid)
        return valid.error();
    if (job.name.isEmpty())
        job.name = job.id;
    if (!job.paused)
        job.pauseNote.clear();
    else if (auto valid = validatePauseNote(job.pauseNote); !valid)
        return invalidInput(tr("job \"%1\": %2").arg(job.id, valid.error().message));
    job.createdAt = nowMs;
    if (auto known = checkCalendars(job); !known)
        return known.error();
    auto first = planNewJob(job, nowMs, m_random, exclusionCalendars());
    if (!first)
        return first.error();
    job.nextRunTime = first.value();
    return {};
}

Result<Job> Scheduler::addJob(Job job, ConflictPolicy onConflict)
{
    if (m_state == State::ShuttingDown)
        return shuttingDown();
    if (auto prepared = prepareNewJob(job, m_clock.nowMs()); !prepared)
        return prepared.error();
    if (auto chains = checkChains(job); !chains)
        return chains.error();
    if (auto added = m_store.addJob(job, onConflict); !added)
        return added.error();
    notePasswordVariable(job);
    emit jobAdded(job);
    rearm();
    return job;
}

Result<QList<Job>> Scheduler::addJobs(QList<Job> jobs, ConflictPolicy onConflict)
{
    if (m_state == State::ShuttingDown)
        return shuttingDown();
    const std::int64_t now = m_clock.nowMs();
    for (Job &job : jobs) {
        if (auto prepared = prepareNewJob(job, now); !prepared)
            return prepared.error();
    }
    for (const Job &job : std::as_const(jobs)) {
        if (auto chains = checkChains(job, jobs); !chains)
            return chains.error();
    }
    if (auto added = m_store.addJobs(jobs, onConflict); !added)
        return added.error();
    for (const Job &job : std::as_const(jobs)) {
        notePasswordVariable(job);
        emit jobAdded(job);
    }
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
    notePasswordVariable(job);
    emit jobModified(job);
    rearm();
    return job;
}

Result<Job> Scheduler::pauseJob(const QString &id, const QString &note)
{
    if (auto valid = validatePauseNote(note); !valid)
        return valid.error();
    auto job = requireJob(id);
    if (!job)
        return job;
    if (job->paused) {
        // Paused already: only a new note changes it (a pause without one keeps the note it has).
        if (note.isEmpty() || note == job->pauseNote)
            return job;
        job->pauseNote = note;
        return storeModified(std::move(job).value());
    }
    job->paused = true;
    job->pauseNote = note;
    job->nextRunTime.reset();
    auto paused = storeModified(std::move(job).value());
    // A paused job makes no more attempts: a retry waiting for its time is not made (a run going now ends as it is).
    if (paused) {
        m_runs->dropWaitingRetries(id, tr("not retried: the job was paused"));
        m_runs->dropQueued(id, tr("not run: the job was paused while this run waited in the queue"));
        m_runs->dropConditionWaits(id, tr("not run: the job was paused while this run waited for its conditions"));
    }
    return paused;
}

Result<Job> Scheduler::resumeJob(const QString &id)
{
    auto job = requireJob(id);
    if (!job || !job->paused)
        return job;
    job->paused = false;
    job->pauseNote.clear();
    job->nextRunTime = resumedNextRunTime(job.value());
    return storeModified(std::move(job).value());
}

std::optional<std::int64_t> Scheduler::resumedNextRunTime(const Job &job)
{
    auto next = exclusionCalendars().firstIncluded(job, job.trigger->nextFireTime(m_clock.nowMs()));
    return next && isInstantInRange(*next) ? std::optional(job.trigger->applyJitter(*next, m_random)) : std::nullopt;
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
    if (changes.options) {
        const bool excludeChanged = job.options.exclude != changes.options->exclude;
        job.options = *changes.options;
        if (auto chains = checkChains(job); !chains)
            return chains.error();
        if (auto known = checkCalendars(job); !known)
            return known.error();
        if (excludeChanged && !changes.trigger && !job.paused)
            job.nextRunTime = nextRunTimeAfterCalendarChange(job);
    }
    if (changes.trigger) {
        job.trigger = changes.trigger;
        if (!job.paused) {
            auto next = planNewJob(job, m_clock.nowMs(), m_random, exclusionCalendars());
            if (!next)
                return next.error();
            job.nextRunTime = next.value();
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

Result<int> Scheduler::removeJob(const QString &id)
{
    m_runs->flush();
    // Kept for an undo (restoreJobs()): the job and its history as they are before they go.
    auto kept = m_store.job(id);
    const QList<Job> keptJobs = kept && kept.value() ? QList<Job>{*kept.value()} : QList<Job>{};
    auto histories = historiesForUndo(keptJobs);
    if (auto removed = m_store.removeJob(id); !removed)
        return removed.error();
    keepRemoved(keptJobs, std::move(histories));
    // Nothing of a removed job goes on unseen: its runs are stopped (they end, recorded, a moment later).
    const int stopped = m_runs->stopJob(id, tr("stopped: the job was removed"));
    m_runs->forgetJob(id);
    emit jobRemoved(id);
    rearm();
    return stopped;
}

Result<int> Scheduler::removeAllJobs()
{
    m_runs->flush();
    auto removed = m_store.removeAllJobs();
    if (!removed)
        return removed;
    for (const JobActivity &going : m_runs->activity())
        m_runs->stopJob(going.jobId, tr("stopped: the job was removed"));
    m_runs->forgetAllJobs();
    emit allJobsRemoved();
    rearm();
    return removed;
}

Result<void> Scheduler::readyToRunOutsideSchedule()
{
    // An unstarted scheduler (punctualctl run-now, backfill) runs it: its heartbeat keeps the run from being taken
    // over, and command runs must not inherit sql jobs' passwords.
    if (auto joined = joinCluster(); !joined)
        return joined.error();
    if (m_state == State::Stopped) {
        if (auto learned = learnPasswordVariables(); !learned)
            return learned.error();
    }
    return {};
}

Result<RunRecord> Scheduler::runJobNow(const QString &id)
{
    if (m_state == State::ShuttingDown)
        return shuttingDown();
    // A run starts only once it is recorded, and nothing can be recorded now.
    if (!m_storeStatus.available)
        return storeUnavailable();
    auto job = requireJob(id);
    if (!job)
        return job.error();
    if (auto ready = readyToRunOutsideSchedule(); !ready)
        return ready.error();
    RunRecord run;
    run.jobId = id;
    run.scheduledTime = m_clock.nowMs();
    run.reason = RunReason::RunNow;
    const RunNowAdmission admission = admitRunNow(job.value());
    // A request refused is not a scheduled run skipped: nothing is recorded, so the history and the job's last
    // result stay as they were, and the caller is told why.
    if (admission == RunNowAdmission::Busy)
        return Error{ErrorCode::Busy, busyMessage(job.value())};
    if (admission == RunNowAdmission::Start)
        run.startTime = run.scheduledTime;
    else
        run.outcome = RunOutcome::Queued;
    if (auto inserted = m_store.insertRun(run); !inserted)
        return inserted.error();
    startOrQueueRunNow(job.value(), run, admission);
    return run;
}

Scheduler::RunNowAdmission Scheduler::admitRunNow(const Job &job) const
{
    const OverlapPolicy overlap = job.options.overlap;
    const int waiting = m_runs->queuedCount(job.id);
    if (overlap == OverlapPolicy::Allow || (m_runs->instanceCount(job.id) < job.options.maxInstances && waiting == 0))
        return RunNowAdmission::Start;
    switch (overlap) {
    case OverlapPolicy::QueueOne: return waiting < 1 ? RunNowAdmission::Queue : RunNowAdmission::Busy;
    case OverlapPolicy::QueueAll:
        return waiting < job.options.queueLimit ? RunNowAdmission::Queue : RunNowAdmission::Busy;
    case OverlapPolicy::Replace: return RunNowAdmission::Replace;
    default: return RunNowAdmission::Busy;
    }
}

void Scheduler::startOrQueueRunNow(const Job &job, const RunRecord &run, RunNowAdmission admission)
{
    if (admission == RunNowAdmission::Start) {
        m_runs->submit(job, {run}, std::nullopt);
        return;
    }
    if (admission == RunNowAdmission::Replace)
        m_runs->replaceRuns(job.id, replacedByText(job, run.scheduledTime));
    m_runs->enqueue(job, run, std::nullopt);
    m_runs->startQueued(job.id);
}

QString Scheduler::busyMessage(const Job &job) const
{
    if (m_runs->queuedCount(job.id) > 0)
        return tr("\"%1\" is already running and its queue is full (%2 waiting); nothing started")
            .arg(job.name)
            .arg(m_runs->queuedCount(job.id));
    if (m_runs->conditionWait(job.id) && runningCount(job.id) == 0)
        return tr("\"%1\" has a run waiting for its conditions (max instances %2); nothing started")
            .arg(job.name)
            .arg(job.options.maxInstances);
    const QString message = runningCount(job.id) > 0
        ? tr("\"%1\" is already running (max instances %2); nothing started")
        : tr("\"%1\" is waiting to retry a failed run (max instances %2); nothing started");
    return message.arg(job.name).arg(job.options.maxInstances);
}

Result<int> Scheduler::stopJob(const QString &id)
{
    if (auto job = requireJob(id); !job)
        return job.error();
    const int stopped = m_runs->stopJob(id, tr("stopped by the user"));
    rearm(); // a retry it was waiting for is not made
    return stopped;
}

std::optional<QString> Scheduler::runOutputSoFar(std::int64_t runId) const
{
    return m_runs->outputSoFar(runId);
}

Result<QList<RunRecord>> Scheduler::history(const QString &jobId, int limit) const
{
    // The history includes the runs that ended this event-loop turn (written behind, see RunTracker).
    m_runs->flush();
    return m_store.runs(jobId, limit);
}

Result<QList<RunRecord>> Scheduler::runsInRange(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs,
                                                int limit) const
{
    m_runs->flush();
    return m_store.runsInRange(jobIds, sinceMs, untilMs, limit);
}

Result<QList<JobStatistics>> Scheduler::statistics(const QStringList &ids, int pointLimit) const
{
    m_runs->flush();
    auto byId = m_store.jobStatistics(ids, pointLimit);
    if (!byId)
        return byId.error();
    QList<JobStatistics> out;
    out.reserve(ids.size());
    for (const QString &id : ids)
        out.append(byId->value(id));
    return out;
}

// --- cluster ------------------------------------------------------------------------------------------------

QString Scheduler::instanceId() const
{
    return m_membership ? m_membership->store().instanceId() : QString();
}

Result<QList<InstanceInfo>> Scheduler::instances() const
{
    if (!m_membership)
        return QList<InstanceInfo>{};
    return m_membership->store().instances();
}

void Scheduler::clusterHeartbeat()
{
    if (m_membership)
        m_membership->heartbeat();
}

Result<void> Scheduler::joinCluster()
{
    if (!m_membership || m_membership->isJoined())
        return {};
    return m_membership->join();
}

void Scheduler::leaveCluster()
{
    // Only once nothing of ours is running: a row removed while runs go would let others take them over.
    if (m_membership && m_runs->instanceCount() == 0)
        m_membership->leave();
}

void Scheduler::startRecoveredRuns(const QList<RunRecord> &runs)
{
    for (const RunRecord &rerun : runs) {
        auto job = requireJob(rerun.jobId);
        if (!job || m_state == State::ShuttingDown) {
            // Not run after all: recorded so, not left running.
            RunRecord dropped = rerun;
            dropped.outcome = RunOutcome::Interrupted;
            dropped.endTime = m_clock.nowMs();
            dropped.error = tr("the scheduler stopped before this run began");
            m_runs->recordFinal(dropped);
            continue;
        }
        m_runs->submit(job.value(), {rerun}, std::nullopt);
    }
}

// --- missed-runs review -------------------------------------------------------------------------------------

QList<MissedRunsReport> Scheduler::missedRuns() const
{
    return m_review->reports();
}

QStringList Scheduler::dismissMissedRuns(const QStringList &jobIds)
{
    return m_review->dismiss(jobIds);
}

std::optional<int> Scheduler::missedRunsEpisode(const QString &jobId) const
{
    return m_review->episodeOf(jobId);
}

} // namespace punctual
