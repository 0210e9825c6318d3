// Submissions, retries and the write-behind of finished runs.
#include "runtracker.h"

#include "desktop/desktopstate.h"
#include "executors/executorset.h"
#include "store/jobstore.h"
#include "time/clock.h"
#include "util/outputbytes.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace punctual {

namespace {

class TrackerText
{
    Q_DECLARE_TR_FUNCTIONS(Scheduler)
};

} // namespace

/// Run times of one job submitted together: they run one after another and count as one instance.
struct RunTracker::Submission
{
    std::uint64_t id = 0;
    Job job;
    QList<RunRecord> runs;
    int current = 0;
    std::optional<std::int64_t> misfireGraceMs;
    std::optional<PreviousRun> previous; ///< a chained submission: the run that started it
    std::uint64_t token = 0; ///< the execution going now; 0 while waiting to retry
    /// When the next attempt is due (the injected clock; the wake timer is armed for it); none unless waiting.
    std::optional<std::int64_t> retryAt;
    bool removeJobWhenDone = false;
    /// Set while it waits for its job's conditions (its rows recorded waiting); none otherwise.
    std::optional<ConditionWait> conditionWait;
    /// Set by stopJob() and replaceRuns(): why the runs left end so (none begins, nothing is retried); empty
    /// otherwise. stopOutcome is how they end: interrupted, or replaced (overlap replace).
    QString stopReason;
    RunOutcome stopOutcome = RunOutcome::Interrupted;
    /// The current run's output so far (outputSoFar()), decoded as it comes (a chunk may end inside a character).
    QString liveOutput;
    outputbytes::StreamDecoder liveDecoder; // as the record decodes: bytes that are not UTF-8 kept
};

RunTracker::RunTracker(JobStore &store, const Clock &clock, ExecutorSet &executors, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_executors(executors)
{
    for (Executor *executor : m_executors.executors()) {
        connect(executor, &Executor::finished, this, &RunTracker::onExecutionFinished);
        connect(executor, &Executor::outputArrived, this, &RunTracker::onOutputArrived);
    }
}

RunTracker::~RunTracker()
{
    abandonAll();
}

void RunTracker::abandonAll()
{
    qDeleteAll(m_submissions);
    m_submissions.clear();
    m_tokens.clear();
    m_instances.clear();
    m_waiting.clear();
    m_waitingTotal = 0;
    m_conditionWaiting.clear();
    m_conditionWaitingTotal = 0;
}

void RunTracker::submit(const Job &job, QList<RunRecord> runs, std::optional<std::int64_t> misfireGraceMs,
                        std::optional<PreviousRun> previous)
{
    auto *submission = new Submission;
    submission->id = m_nextId++;
    submission->job = job;
    submission->runs = std::move(runs);
    submission->misfireGraceMs = misfireGraceMs;
    submission->previous = std::move(previous);
    // A job with event triggers will run again (on its events): never "done".
    submission->removeJobWhenDone = job.options.removeWhenDone && !job.nextRunTime && !job.paused && !job.options.events.any();
    m_submissions.insert(submission->id, submission);
    ++m_instances[job.id];
    emit activityChanged(job.id);
    if (m_desktop && !m_stopping && conditionsApply(job, submission->runs)) {
        const std::int64_t now = m_clock.nowMs();
        const RunConditions unmet = unmetConditions(job.options.conditions, *m_desktop, now);
        if (!unmet.isEmpty()) {
            // Waits: an instance (max_instances, overlap), recorded waiting, not begun. The deadline counts from its
            // scheduled time, as the misfire grace time does.
            const auto allowed = job.options.conditionDeadlineMs();
            const auto deadline = allowed ? std::optional(submission->runs.first().scheduledTime + *allowed)
                                          : std::nullopt;
            for (RunRecord &run : submission->runs) {
                run.outcome = RunOutcome::Waiting;
                run.startTime.reset();
                run.error = waitingForText(unmet);
            }
            if (auto marked = m_store.updateRuns(submission->runs); !marked)
                emit storeFailed(marked.error());
            setConditionWait(*submission, ConditionWait{conditionNames(unmet), deadline});
            emit conditionWaitsChanged();
            return;
        }
    }
    startNextRun(submission->id);
}

void RunTracker::startNextRun(std::uint64_t submissionId)
{
    Submission *submission = m_submissions.value(submissionId);
    if (!submission)
        return;
    submission->token = 0;
    if (!submission->stopReason.isEmpty())
        interruptRest(*submission, submission->stopReason, submission->stopOutcome);
    if (submission->current >= submission->runs.size()) {
        finishSubmission(submissionId);
        return;
    }
    RunRecord &run = submission->runs[submission->current];
    Executor *executor = m_executors.executorFor(submission->job.action);
    if (m_stopping || !executor) {
        // Not begun: the scheduler is stopping (or nothing can run this action).
        run.outcome = executor ? RunOutcome::Interrupted : RunOutcome::Failed;
        run.endTime = m_clock.nowMs();
        run.error = executor ? TrackerText::tr("the scheduler stopped before this run began")
                             : TrackerText::tr("this kind of action cannot be run here");
        recordFinal(run);
        ++submission->current;
        startNextRun(submissionId);
        return;
    }
    if (!run.startTime) {
        // Begins now (it was queued behind another run time, or waited for a retry): recorded at once, so other
        // instances sharing the store count it for max_instances; a run still waiting is not counted.
        run.startTime = m_clock.nowMs();
        run.outcome = RunOutcome::Running; // a queued row (a backfill's, an overlap queue's) runs now
        // A row pruned meanwhile (a long wait behind many skipped rows) is not a store failure.
        if (auto marked = m_store.updateRun(run); !marked && marked.error().code != ErrorCode::NotFound)
            emit storeFailed(marked.error());
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
    request.hiddenVariables = m_executors.hiddenVariables();
    request.previous = submission->previous;
    submission->token = request.token;
    submission->liveOutput.clear();
    submission->liveDecoder = outputbytes::StreamDecoder();
    m_tokens.insert(request.token, submissionId);
    emit jobSubmitted(run);
    executor->start(request);
}

void RunTracker::onExecutionFinished(std::uint64_t token, const ExecutionResult &result)
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
    const bool stopped = !submission->stopReason.isEmpty();
    // A replaced run that was cancelled may report a failure of its own (a function seeing its cancel flag).
    const bool replaced = stopped && submission->stopOutcome == RunOutcome::Replaced
                          && run.outcome != RunOutcome::Success;
    if ((stopped && run.outcome == RunOutcome::Interrupted) || replaced) {
        run.outcome = submission->stopOutcome;
        run.error = submission->stopReason;
    }
    recordFinal(run);

    const bool failed = run.outcome == RunOutcome::Failed || run.outcome == RunOutcome::TimedOut;
    if (failed && run.attempt <= submission->job.options.maxRetries && !m_stopping && !stopped
        && scheduleRetry(*submission, run))
        return;
    if (failed || run.outcome == RunOutcome::Success) {
        const Job job = submission->job; // the handler may start runs that change m_submissions
        const RunRecord ended = run;
        emit runEnded(job, ended);
        submission = m_submissions.value(submissionId);
        if (!submission)
            return;
    }
    ++submission->current;
    startNextRun(submissionId);
}

void RunTracker::onOutputArrived(std::uint64_t token, const QByteArray &chunk)
{
    Submission *submission = m_submissions.value(m_tokens.value(token));
    if (!submission || submission->token != token)
        return;
    const QString text = submission->liveDecoder.decode(chunk);
    if (text.isEmpty())
        return;
    QString &soFar = submission->liveOutput;
    soFar += text;
    if (soFar.size() > 2 * liveOutputCapChars) // trimmed now and then, not at every chunk
        soFar.remove(0, soFar.size() - liveOutputCapChars);
    emit runOutput(submission->runs[submission->current], text);
}

std::optional<QString> RunTracker::outputSoFar(std::int64_t runId) const
{
    for (const Submission *submission : m_submissions) {
        if (submission->token != 0 && submission->runs[submission->current].id == runId)
            return submission->liveOutput.right(liveOutputCapChars);
    }
    return std::nullopt;
}

bool RunTracker::scheduleRetry(Submission &submission, RunRecord &run)
{
    RunRecord retry;
    retry.jobId = run.jobId;
    retry.scheduledTime = run.scheduledTime;
    retry.attempt = run.attempt + 1;
    retry.reason = RunReason::Retry;
    if (auto inserted = m_store.insertRun(retry); !inserted) {
        emit storeFailed(inserted.error());
        return false;
    }
    // The wait is on the injected clock through the wake timer, like every other due time: it survives suspend
    // and clock changes, and a paused scheduler holds the retry until it resumes.
    run = retry;
    setRetryAt(submission, m_clock.nowMs() + submission.job.options.retryDelayAfter(retry.attempt - 1));
    emit retryScheduled();
    return true;
}

void RunTracker::recordFinal(RunRecord &run)
{
    // Write-behind: the rows of runs that end together (a burst ends thousands per event-loop turn) are rewritten
    // in one transaction at the end of the turn.
    m_finishedRuns.append(run);
    queueFlush();
    emitOutcome(run);
}

void RunTracker::queueFlush()
{
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &RunTracker::flush, Qt::QueuedConnection);
    }
}

void RunTracker::flush()
{
    if (auto written = writeFinished(); !written) {
        emit storeFailed(written.error());
        return;
    }
    removeFinishedJobs();
}

void RunTracker::removeFinishedJobs()
{
    if (m_doneToRemove.isEmpty())
        return;
    QStringList ids = std::exchange(m_doneToRemove, {});
    ids.removeDuplicates();
    auto stored = m_store.jobsById(ids);
    QStringList gone;
    QStringList kept;
    for (const QString &id : std::as_const(ids)) {
        // Only if it is still the finished job that ran (it may have been rescheduled meanwhile, or run again).
        const auto job = stored ? stored.value().constFind(id) : QHash<QString, Job>::const_iterator();
        const bool finished = stored && job != stored.value().cend() && !job->nextRunTime && !job->paused;
        (finished && !m_instances.contains(id) ? gone : kept) << id;
    }
    if (!gone.isEmpty() && !m_store.removeJobs(gone)) {
        // One of them went meanwhile (another client): each on its own.
        QStringList removed;
        for (const QString &id : std::as_const(gone)) {
            if (m_store.removeJob(id))
                removed << id;
        }
        gone = removed;
    }
    for (const QString &id : std::as_const(gone)) {
        dropQueued(id, TrackerText::tr("stopped: the job was removed"));
        emit jobRemoved(id);
    }
    for (const QString &id : std::as_const(kept))
        startQueued(id);
}

Result<void> RunTracker::writeFinished()
{
    m_flushQueued = false;
    if (m_finishedRuns.isEmpty())
        return {};
    if (auto updated = m_store.updateRuns(m_finishedRuns); !updated) {
        // Kept: written once the store is back (a run's end is never lost to an outage while this process lives).
        return updated.error();
    }
    m_finishedRuns.clear();
    return {};
}

void RunTracker::emitOutcome(const RunRecord &run)
{
    switch (run.outcome) {
    case RunOutcome::Success: emit jobExecuted(run); break;
    case RunOutcome::Missed: emit jobMissed(run); break;
    case RunOutcome::Skipped: emit jobMaxInstances(run); break;
    case RunOutcome::Running: break;
    default: emit jobError(run); break;
    }
}

void RunTracker::finishSubmission(std::uint64_t submissionId)
{
    Submission *submission = m_submissions.take(submissionId);
    if (!submission)
        return;
    const QString jobId = submission->job.id;
    if (submission->retryAt)
        setRetryAt(*submission, std::nullopt);
    if (--m_instances[jobId] <= 0)
        m_instances.remove(jobId);
    emit activityChanged(jobId);
    pruneIfDue(jobId, static_cast<int>(submission->runs.size()));
    const bool removeWhenDone = submission->removeJobWhenDone;
    delete submission;
    if (removeWhenDone) {
        // Removed at the end of the turn with the others that ended in it (a burst of one-off jobs: one read and
        // one transaction, not three statements each); its queued runs wait for that.
        m_doneToRemove.append(jobId);
        queueFlush();
    } else {
        startQueued(jobId); // an instance ended: the first run waiting may start
    }
    if (m_submissions.isEmpty())
        emit idle();
}

void RunTracker::pruneIfDue(const QString &jobId, int endedRuns)
{
    int &ended = m_endedSincePrune[jobId];
    ended += endedRuns;
    if (ended >= std::max(10, m_historyLimit / 4)) {
        m_prunedJobs.insert(jobId);
        ended = 0;
        flush();
        if (auto pruned = m_store.pruneRuns(jobId, m_historyLimit); !pruned)
            emit storeFailed(pruned.error());
        return;
    }
    // The first run of a job to end in this session also prunes its history, whatever the count: runs an earlier
    // session ended after its last pruning, or a limit lowered since, are trimmed job by job through the runs_job
    // index, instead of by a pass over the whole history at start (35 s with 10 million runs). Later, a few
    // hundred at a time: a burst of 10,000 one-off jobs must not wait for 10,000 deletes.
    if (m_prunedJobs.contains(jobId))
        return;
    m_prunedJobs.insert(jobId);
    m_firstPrunes.append(jobId);
    if (m_firstPrunes.size() == 1)
        QTimer::singleShot(firstPruneDelayMs, this, &RunTracker::pruneFirstOnes);
}

void RunTracker::pruneFirstOnes()
{
    if (m_firstPrunes.isEmpty())
        return;
    flush();
    const qsizetype count = std::min<qsizetype>(m_firstPrunes.size(), firstPrunesPerTurn);
    for (qsizetype i = 0; i < count; ++i) {
        if (auto pruned = m_store.pruneRuns(m_firstPrunes[i], m_historyLimit); !pruned) {
            emit storeFailed(pruned.error());
            break; // the rest are tried again when their jobs next end a run
        }
    }
    m_firstPrunes.remove(0, count);
    if (!m_firstPrunes.isEmpty())
        QTimer::singleShot(0, this, &RunTracker::pruneFirstOnes);
}

std::optional<std::int64_t> RunTracker::earliestRetry() const
{
    std::optional<std::int64_t> earliest;
    for (const Submission *submission : m_submissions) {
        if (submission->retryAt && (!earliest || *submission->retryAt < *earliest))
            earliest = submission->retryAt;
    }
    return earliest;
}

void RunTracker::startDueRetries(std::int64_t nowMs)
{
    QList<std::uint64_t> due;
    for (const Submission *submission : std::as_const(m_submissions)) {
        if (submission->retryAt && *submission->retryAt <= nowMs)
            due.append(submission->id);
    }
    std::sort(due.begin(), due.end()); // oldest submission first
    for (const std::uint64_t id : std::as_const(due)) {
        if (Submission *submission = m_submissions.value(id)) {
            setRetryAt(*submission, std::nullopt);
            startNextRun(id);
        }
    }
}

void RunTracker::dropWaitingRetries(const QString &jobId, const QString &reason)
{
    dropWaitingRetries(jobId, reason, RunOutcome::Interrupted);
}

void RunTracker::dropWaitingRetries(const QString &jobId, const QString &reason, RunOutcome outcome)
{
    const QString why = reason.isEmpty() ? TrackerText::tr("the scheduler stopped before this run began") : reason;
    const QList<Submission *> submissions = m_submissions.values();
    for (Submission *submission : submissions) {
        if (submission->token != 0 || !submission->retryAt || (!jobId.isEmpty() && submission->job.id != jobId))
            continue;
        setRetryAt(*submission, std::nullopt);
        // The waiting attempt and the run times submitted with it (recorded running) are all ended, none left
        // "running" in the history.
        interruptRest(*submission, why, outcome);
        startNextRun(submission->id); // nothing left: the submission ends
    }
}

int RunTracker::stopJob(const QString &jobId, const QString &reason)
{
    // The waiting runs first: none may start in a place a stopped run leaves.
    const int dropped = dropQueued(jobId, reason);
    return dropped + stopRuns(jobId, reason, RunOutcome::Interrupted);
}

int RunTracker::replaceRuns(const QString &jobId, const QString &reason)
{
    // A run still waiting (for earlier replaced runs to end) is replaced as well: the newest run is the one to make.
    endQueued(m_queue.takeAll(jobId), RunOutcome::Replaced, reason);
    return stopRuns(jobId, reason, RunOutcome::Replaced);
}

int RunTracker::stopRuns(const QString &jobId, const QString &reason, RunOutcome outcome)
{
    int ended = 0;
    QList<std::pair<Executor *, std::uint64_t>> going;
    for (Submission *submission : std::as_const(m_submissions)) {
        if (submission->job.id != jobId)
            continue;
        // Replacing leaves a run already being stopped alone (its process group is on its way out); a user's stop
        // takes over any earlier reason.
        if (outcome == RunOutcome::Replaced && !submission->stopReason.isEmpty())
            continue;
        ++ended;
        submission->stopReason = reason;
        submission->stopOutcome = outcome;
        if (submission->token != 0) {
            if (Executor *executor = m_executors.executorFor(submission->job.action))
                going.append({executor, submission->token});
        }
    }
    dropWaitingRetries(jobId, reason, outcome);
    dropConditionWaits(jobId, reason, outcome);
    // Last: an executor may report the stopped run at once, which may end (and delete) its submission.
    for (const auto &[executor, token] : std::as_const(going))
        executor->stop(token);
    return ended;
}

void RunTracker::interruptRest(Submission &submission, const QString &why, RunOutcome outcome)
{
    for (; submission.current < submission.runs.size(); ++submission.current) {
        RunRecord &run = submission.runs[submission.current];
        run.outcome = outcome;
        run.endTime = m_clock.nowMs();
        run.error = why;
        recordFinal(run);
    }
}

// --- conditions that wait ---------------------------------------------------------------------------------

bool RunTracker::conditionsApply(const Job &job, const QList<RunRecord> &runs)
{
    // A user's run-now, a retry (late on purpose) and a backfill run when asked; the schedule's runs wait.
    if (job.options.conditions.isEmpty() || runs.isEmpty())
        return false;
    const RunReason reason = runs.first().reason;
    return reason == RunReason::Scheduled || reason == RunReason::CatchUp || reason == RunReason::Chained;
}

void RunTracker::checkConditions(std::int64_t nowMs)
{
    if (!m_desktop)
        return;
    QList<std::uint64_t> waiting;
    for (const Submission *submission : std::as_const(m_submissions)) {
        if (submission->conditionWait)
            waiting.append(submission->id);
    }
    std::sort(waiting.begin(), waiting.end()); // oldest first
    bool changed = false;
    for (const std::uint64_t id : std::as_const(waiting)) {
        Submission *submission = m_submissions.value(id);
        if (!submission || !submission->conditionWait)
            continue;
        const RunConditions unmet = unmetConditions(submission->job.options.conditions, *m_desktop, nowMs);
        if (unmet.isEmpty()) {
            if (m_queuesHeld || m_stopping)
                continue; // the scheduler is paused: it starts when it resumes
            setConditionWait(*submission, std::nullopt);
            for (qsizetype i = submission->current; i < submission->runs.size(); ++i) {
                RunRecord &run = submission->runs[i];
                run.outcome = RunOutcome::Running;
                run.startTime.reset(); // stamped and written when it begins
                run.error.clear();
            }
            // The wait was allowed by its deadline: the misfire grace time is not applied again when it begins.
            submission->misfireGraceMs.reset();
            changed = true;
            startNextRun(id);
            continue;
        }
        const auto &deadline = submission->conditionWait->deadline;
        if (deadline && *deadline <= nowMs) {
            setConditionWait(*submission, std::nullopt);
            interruptRest(*submission, TrackerText::tr("not run: still %1 at its deadline").arg(waitingForText(unmet)),
                          RunOutcome::ConditionTimeout);
            changed = true;
            startNextRun(id); // nothing left: the submission ends
            continue;
        }
        const QStringList names = conditionNames(unmet);
        if (names != submission->conditionWait->conditions) {
            ConditionWait wait = *submission->conditionWait;
            wait.conditions = names;
            setConditionWait(*submission, wait);
        }
    }
    stopRunsWithLostConditions(nowMs);
    if (changed)
        emit conditionWaitsChanged();
}

void RunTracker::stopRunsWithLostConditions(std::int64_t nowMs)
{
    QList<std::pair<Executor *, std::uint64_t>> going;
    for (Submission *submission : std::as_const(m_submissions)) {
        if (submission->token == 0 || !submission->job.options.stopIfLost || !submission->stopReason.isEmpty()
            || !conditionsApply(submission->job, submission->runs))
            continue;
        const RunConditions unmet = unmetConditions(submission->job.options.conditions, *m_desktop, nowMs);
        if (unmet.isEmpty())
            continue;
        // As stopJob() does: the process group is ended, the run recorded interrupted, the runs behind it not begun.
        submission->stopReason = TrackerText::tr("stopped: %1").arg(unmet.first().lostText());
        submission->stopOutcome = RunOutcome::Interrupted;
        if (Executor *executor = m_executors.executorFor(submission->job.action))
            going.append({executor, submission->token});
    }
    for (const auto &[executor, token] : std::as_const(going))
        executor->stop(token);
}

std::optional<std::int64_t> RunTracker::earliestConditionCheck() const
{
    if (!m_desktop || m_conditionWaitingTotal == 0)
        return std::nullopt;
    const std::int64_t now = m_clock.nowMs();
    std::optional<std::int64_t> earliest;
    const auto consider = [&earliest](std::optional<std::int64_t> at) {
        if (at && (!earliest || *at < *earliest))
            earliest = at;
    };
    for (const Submission *submission : m_submissions) {
        if (!submission->conditionWait)
            continue;
        consider(submission->conditionWait->deadline);
        // idle:D holds D after the session became idle: no change of the desktop state tells when.
        consider(idleHoldsAt(unmetConditions(submission->job.options.conditions, *m_desktop, now), *m_desktop));
    }
    return earliest;
}

int RunTracker::dropConditionWaits(const QString &jobId, const QString &reason)
{
    int count = 0;
    for (const Submission *submission : std::as_const(m_submissions)) {
        if (submission->conditionWait && (jobId.isEmpty() || submission->job.id == jobId))
            ++count;
    }
    dropConditionWaits(jobId, reason, RunOutcome::Interrupted);
    return count;
}

void RunTracker::dropConditionWaits(const QString &jobId, const QString &reason, RunOutcome outcome)
{
    const QString why =
        reason.isEmpty() ? TrackerText::tr("the scheduler stopped while this run waited for its conditions") : reason;
    bool changed = false;
    QList<std::uint64_t> ids = m_submissions.keys();
    std::sort(ids.begin(), ids.end());
    for (const std::uint64_t id : std::as_const(ids)) {
        // Looked up again: ending one may end (and delete) others through the queue it frees.
        Submission *submission = m_submissions.value(id);
        if (!submission || !submission->conditionWait || (!jobId.isEmpty() && submission->job.id != jobId))
            continue;
        setConditionWait(*submission, std::nullopt);
        interruptRest(*submission, why, outcome);
        changed = true;
        startNextRun(submission->id); // nothing left: the submission ends
    }
    if (changed)
        emit conditionWaitsChanged();
}

void RunTracker::setConditionWait(Submission &submission, std::optional<ConditionWait> wait)
{
    if (submission.conditionWait.has_value() != wait.has_value()) {
        const int change = wait ? 1 : -1;
        m_conditionWaitingTotal += change;
        if ((m_conditionWaiting[submission.job.id] += change) <= 0)
            m_conditionWaiting.remove(submission.job.id);
    }
    submission.conditionWait = std::move(wait);
    emit activityChanged(submission.job.id);
}

std::optional<ConditionWait> RunTracker::conditionWait(const QString &jobId) const
{
    if (!m_conditionWaiting.contains(jobId))
        return std::nullopt;
    const Submission *oldest = nullptr;
    for (const Submission *submission : m_submissions) {
        if (submission->job.id == jobId && submission->conditionWait && (!oldest || submission->id < oldest->id))
            oldest = submission;
    }
    return oldest ? oldest->conditionWait : std::nullopt;
}

// --- queues (overlap policies) --------------------------------------------------------------------------------

void RunTracker::enqueue(const Job &job, const RunRecord &run, std::optional<std::int64_t> misfireGraceMs)
{
    m_queue.push({job, run, misfireGraceMs});
}

int RunTracker::replacedGoing(const QString &jobId) const
{
    int count = 0;
    for (const Submission *submission : m_submissions) {
        if (submission->job.id == jobId && submission->stopOutcome == RunOutcome::Replaced)
            ++count;
    }
    return count;
}

void RunTracker::startQueued(const QString &jobId, int elsewhere)
{
    if (m_queuesHeld || m_stopping)
        return;
    // Re-checked per run: a run that ends at once (nothing can run its action) makes room again inside submit().
    while (const RunQueue::Entry *next = m_queue.first(jobId)) {
        // Replace: the new run waits until every replaced run has ended (their process groups are gone).
        if (replacedGoing(jobId) > 0)
            return;
        if (next->job.options.overlap != OverlapPolicy::Allow
            && instanceCount(jobId) + elsewhere >= next->job.options.maxInstances)
            return;
        RunQueue::Entry entry = *m_queue.takeFirst(jobId);
        // Begins now: startNextRun() stamps its start and writes the row running; the executor checks the grace.
        entry.run.outcome = RunOutcome::Running;
        entry.run.startTime.reset();
        entry.run.endTime.reset();
        entry.run.error.clear();
        submit(entry.job, {entry.run}, entry.misfireGraceMs);
    }
}

void RunTracker::holdQueues(bool held)
{
    m_queuesHeld = held;
    if (held)
        return;
    for (const QString &jobId : m_queue.jobIds())
        startQueued(jobId);
}

int RunTracker::dropQueued(const QString &jobId, const QString &reason)
{
    QList<RunQueue::Entry> entries = m_queue.takeAll(jobId);
    const int count = static_cast<int>(entries.size());
    endQueued(std::move(entries), RunOutcome::Interrupted,
              reason.isEmpty() ? TrackerText::tr("the scheduler stopped while this run waited in the queue") : reason);
    return count;
}

void RunTracker::endQueued(QList<RunQueue::Entry> entries, RunOutcome outcome, const QString &why)
{
    for (RunQueue::Entry &entry : entries) {
        RunRecord &run = entry.run;
        run.outcome = outcome;
        run.endTime = m_clock.nowMs();
        run.error = why;
        m_endedSincePrune[run.jobId] += 1;
        recordFinal(run);
    }
}

void RunTracker::setRetryAt(Submission &submission, std::optional<std::int64_t> at)
{
    if (submission.retryAt.has_value() != at.has_value()) {
        const int change = at ? 1 : -1;
        m_waitingTotal += change;
        if ((m_waiting[submission.job.id] += change) <= 0)
            m_waiting.remove(submission.job.id);
    }
    submission.retryAt = at;
    emit activityChanged(submission.job.id);
}

std::optional<RetryWait> RunTracker::retryWait(const QString &jobId) const
{
    if (!m_waiting.contains(jobId))
        return std::nullopt;
    std::optional<RetryWait> earliest;
    for (const Submission *submission : m_submissions) {
        if (submission->job.id != jobId || !submission->retryAt || (earliest && earliest->at <= *submission->retryAt))
            continue;
        earliest = RetryWait{submission->runs[submission->current].attempt, submission->job.options.maxRetries + 1,
                             *submission->retryAt};
    }
    return earliest;
}

QList<JobActivity> RunTracker::activity() const
{
    QList<JobActivity> jobs;
    jobs.reserve(m_instances.size());
    for (auto it = m_instances.cbegin(); it != m_instances.cend(); ++it)
        jobs.append({it.key(), runningCount(it.key()), retryWait(it.key()), conditionWait(it.key())});
    std::sort(jobs.begin(), jobs.end(), [](const JobActivity &a, const JobActivity &b) { return a.jobId < b.jobId; });
    return jobs;
}

} // namespace punctual
