// The window's and the tray's view of the scheduler host: asynchronous requests and the host's event stream.
#pragma once

#include "control/methods.h"
#include "jobs/job.h"
#include "jobs/jobchanges.h"
#include "jobs/jobstatistics.h"
#include "jobs/runrecord.h"
#include "scheduler/missedrunsreport.h"
#include "scheduler/runactivity.h"
#include "scheduler/scheduler.h"
#include "util/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QLocalSocket;

namespace punctual {

/**
 * A client of the host that schedules a store (`punctualctl run`, the systemd unit): the window and the tray use it
 * instead of a Scheduler of their own (DESIGN.md 2b, docs/control-protocol.md).
 *
 * - Requests never block: each call sends one request and hands its answer (or an Io error when the host is not
 *   reachable, or goes away before it answers) to a callback, delivered only while its @p context object lives.
 *   Answers come in the order the requests were sent.
 * - On connecting it subscribes to the host's events; the answer's snapshot (state, runs going, retries waiting)
 *   fills the cached state below, and each later event updates it and is re-emitted as the Scheduler signal of the
 *   same name, so models written for a Scheduler follow the host unchanged. Events not newer than the snapshot's
 *   revision are dropped.
 * - When the connection is lost (the host stopped or crashed) it says so (hostConnectedChanged(false)) and tries
 *   again with a growing pause (0.25 s up to 5 s); nothing wakes while connected and idle.
 */
class SchedulerClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchedulerClient)

public:
    template <typename T>
    using Reply = std::function<void(Result<T>)>;

    /// A client of the host of the store at @p storePath (StoreLocation::resolvedPath(): the instance lock's key).
    explicit SchedulerClient(QString storePath, QObject *parent = nullptr);
    /// A client of the server listening on @p socketPath (tests: a recorded stream).
    static std::unique_ptr<SchedulerClient> forSocket(QString socketPath, QObject *parent = nullptr);
    ~SchedulerClient() override;

    /// Starts connecting (and keeps reconnecting whenever the connection is lost, until disconnectFromHost()).
    void connectToHost();
    void disconnectFromHost();
    /// Tries to connect now instead of after the current pause (a host was just started).
    void reconnectNow();
    /// Subscribes as a window: the host forwards "raise" (a second punctual start) to it (raiseRequested()).
    void setWindow(bool window) { m_window = window; }
    /// Connected and subscribed: the cached state is the host's.
    bool isConnected() const { return m_subscribed; }
    /// The socket this client connects to.
    QString socketPath() const { return m_socketPath; }

    // The host's state as of the last event (Stopped while not connected).
    Scheduler::State state() const { return m_state; }
    int runningCount() const;
    int runningCount(const QString &jobId) const;
    int retryingCount() const;
    std::optional<RetryWait> retryWait(const QString &jobId) const;
    /// Jobs with a run waiting for its conditions, and what the run of @p jobId waits for.
    int conditionWaitingCount() const;
    std::optional<ConditionWait> conditionWait(const QString &jobId) const;
    QList<JobActivity> activity() const;
    int historyLimit() const { return m_historyLimit; }
    /// Whether the host can reach its store (available while not connected: there is nothing to say then).
    const StoreStatus &storeStatus() const { return m_storeStatus; }
    bool isClustered() const { return m_clustered; }
    QString instanceId() const { return m_instanceId; }
    /// The host's "status" answer at subscription: pid, store, version, started_by...
    QJsonObject hostStatus() const { return m_hostStatus; }
    /// The revision of the last event applied.
    qint64 revision() const { return m_revision; }
    /// When the host published the last event applied (its "at", UTC ms; 0 before the first).
    std::int64_t lastEventTime() const { return m_lastEventTime; }

    /// Sends one request; @p done gets its result (after @p context is gone: nothing).
    void call(control::Method method, const QJsonObject &params, QObject *context, Reply<QJsonValue> done);

    void addJob(const Job &job, ConflictPolicy onConflict, QObject *context, Reply<Job> done);
    /// An import: every job, or none (add_jobs in pieces on this connection, added in one transaction).
    void addJobs(const QList<Job> &jobs, ConflictPolicy onConflict, QObject *context, Reply<QList<Job>> done);
    void job(const QString &id, QObject *context, Reply<Job> done);
    void modifyJob(const QString &id, const JobChanges &changes, QObject *context, Reply<Job> done);
    /// Pause, resume, remove or run now every job in @p ids in one request; the host's answer as it is.
    void pauseJobs(const QStringList &ids, QObject *context, Reply<QJsonValue> done)
    {
        pauseJobs(ids, {}, context, std::move(done));
    }
    /// Pauses them with @p note saying why (a job paused already takes the note).
    void pauseJobs(const QStringList &ids, const QString &note, QObject *context, Reply<QJsonValue> done);
    void resumeJobs(const QStringList &ids, QObject *context, Reply<QJsonValue> done);
    void removeJobs(const QStringList &ids, QObject *context, Reply<QJsonValue> done);
    void runJobsNow(const QStringList &ids, QObject *context, Reply<QJsonValue> done);
    /// Ends the job's runs going now; how many were stopped.
    void stopJob(const QString &id, QObject *context, Reply<int> done);
    void removeAllJobs(QObject *context, Reply<int> done);
    void history(const QString &jobId, int limit, QObject *context, Reply<QList<RunRecord>> done);
    /// What happened, or will happen, at @p atMs for the job and why ("explain"; the text in the host's language).
    void explain(const QString &jobId, std::int64_t atMs, QObject *context, Reply<RunExplanation> done);
    /// Backfills the job for the fire times in [@p fromMs, @p toMs] ("backfill"; with @p dryRun only the times).
    void backfill(const QString &jobId, std::int64_t fromMs, std::int64_t toMs, std::optional<OverlapPolicy> overlap,
                  bool dryRun, QObject *context, Reply<BackfillResult> done);
    /// The output captured so far of a run going now ("run_output").
    void runOutputSoFar(qint64 runId, QObject *context, Reply<QString> done);
    void instances(QObject *context, Reply<QJsonArray> done);
    void pauseScheduler(QObject *context, Reply<QJsonValue> done);
    void resumeScheduler(QObject *context, Reply<QJsonValue> done);
    /// Stops the host (its runs finish first unless @p stopRuns).
    void shutdownHost(bool stopRuns, QObject *context, Reply<QJsonValue> done);
    void setHistoryLimit(int runsPerJob, QObject *context, Reply<QJsonValue> done);
    /// Asks the host to reconnect to its store now, not after its pause ("reconnect_store").
    void reconnectStore(QObject *context, Reply<QJsonValue> done);
    /// The exclusion calendars, each with the jobs that use it ("calendars").
    void calendars(QObject *context, Reply<QList<CalendarInfo>> done);
    /// Stores a calendar ("put_calendar"); the answer is the calendar as stored.
    void putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict, QObject *context,
                     Reply<CalendarInfo> done);
    /// Removes a calendar ("remove_calendar"): refused while jobs use it, naming them.
    void removeCalendar(const QString &name, QObject *context, Reply<QJsonValue> done);
    /// The statistics of the jobs @p ids ("stats"), in their order, each with its newest @p points durations.
    void statistics(const QStringList &ids, int points, QObject *context, Reply<QList<JobStatistics>> done);

    // --- the missed-runs review (docs/window.md#missed-runs-review) ---
    /// The host's pending missed-runs reports (read at subscription, then kept by its events), by job name.
    QList<MissedRunsReport> missedRuns() const;
    /// Dismisses the reports of @p jobIds, or all of them when @p jobIds is empty ("dismiss_missed").
    void dismissMissedRuns(const QStringList &jobIds, QObject *context, Reply<QJsonValue> done);
    /// The episode of @p jobId's pending report; none without one.
    std::optional<int> missedRunsEpisode(const QString &jobId) const;
    /// The runs of the jobs @p jobIds that overlap [@p sinceMs, @p untilMs], newest first, without their output
    /// ("history" with since, until and job_ids; the timeline).
    void runsInRange(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs, QObject *context,
                     Reply<QList<RunRecord>> done);

    /// Applies one line of the host's stream (a response or an event), as the socket does for each line read:
    /// offscreen model tests feed recorded streams through it.
    void applyLine(const QByteArray &line);

    /// Puts back jobs removed a moment ago with their run history ("restore_jobs"; Scheduler::restoreJobs()); the
    /// answer's "restored" lists their ids.
    void restoreJobs(const QStringList &ids, QObject *context, Reply<QJsonValue> done);

signals:
    /// Connected and subscribed (the cached state is fresh: lists should be read again), or the connection was
    /// lost (the cached state is cleared).
    void hostConnectedChanged(bool connected);
    /// The host read its store again (another process wrote to it): lists should be read again.
    void storeReloaded();
    /// The host's scheduler state changed (state()).
    void stateChanged();
    /// Another `punctual` start on this store asked the open window to show itself (setWindow()), with job
    /// @p jobId selected when not empty (a notice's "Show log").
    void raiseRequested(const QString &jobId);

    // The host's Scheduler signals, as events (see Scheduler).
    void started();
    void paused();
    void resumed();
    void shutDown();
    void jobAdded(const punctual::Job &job);
    void jobModified(const punctual::Job &job);
    void jobRemoved(const QString &jobId);
    void allJobsRemoved();
    void jobSubmitted(const punctual::RunRecord &run);
    void jobExecuted(const punctual::RunRecord &run);
    void jobError(const punctual::RunRecord &run);
    void jobMissed(const punctual::RunRecord &run);
    void jobMaxInstances(const punctual::RunRecord &run);
    void jobActivityChanged(const QString &jobId);
    void storeError(const QString &message);
    /// storeStatus() changed: the host lost its store, failed a reconnect, or has it back (also on (dis)connect).
    void storeStatusChanged(const punctual::StoreStatus &status);
    /// Output of a run going now, as it comes (subscribed with output).
    void runOutput(qint64 runId, const QString &jobId, const QString &text);
    /// missedRuns() changed (reports added, grown or dismissed; read at (re)connection; cleared when disconnected).
    void missedRunsChanged();
    /// The host added missed-runs reports (or they grew); @p newEpisode: a new downtime or sleep to tell about.
    void missedRunsAdded(const QList<punctual::MissedRunsReport> &reports, bool newEpisode);

private:
    struct Pending
    {
        QPointer<QObject> context;
        bool hasContext = false;
        Reply<QJsonValue> done;
    };

    void openSocket();
    void onConnected();
    void onDisconnected();
    void readLines();
    void applyResponse(const QJsonObject &response);
    void applyEvent(const QJsonObject &event);
    void applySnapshot(const QJsonObject &snapshot);
    void setActivity(const JobActivity &activity);
    void failPending(const Error &error);
    void sendRequest(control::Method method, const QJsonObject &params, Pending pending);
    /// An answer given without asking the host (not connected, or refused before sending).
    void answerLater(QObject *context, std::function<void()> deliver);
    void subscribe();

    QString m_socketPath;
    QLocalSocket *m_socket = nullptr;
    QTimer m_reconnect;
    int m_reconnectDelayMs = 250;
    bool m_wanted = false;
    bool m_window = false;
    bool m_readQueued = false; ///< the rest of a burst is applied on the next turn of the event loop
    bool m_subscribed = false;
    QByteArray m_buffer;
    qsizetype m_bufferStart = 0; ///< where the first line not applied yet begins in m_buffer
    bool m_reading = false;      ///< in readLines()
    bool m_readAgain = false;    ///< readLines() was called again meanwhile: it runs once the first one returns
    qint64 m_nextId = 1;
    QHash<qint64, Pending> m_pending;

    Scheduler::State m_state = Scheduler::State::Stopped;
    StoreStatus m_storeStatus;
    QHash<QString, JobActivity> m_activity;
    int m_historyLimit = 100;
    bool m_clustered = false;
    QString m_instanceId;
    QJsonObject m_hostStatus;
    qint64 m_revision = 0;
    std::int64_t m_lastEventTime = 0;
    /// Reads the host's missed-runs reports (after subscribing) into m_missedRuns.
    void fetchMissedRuns();
    void applyMissedRunsEvent(const QString &name, const QJsonObject &event);
    QHash<QString, MissedRunsReport> m_missedRuns; ///< job id -> its pending report
};

} // namespace punctual
