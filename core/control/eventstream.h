// The host's changes as a numbered stream of events, pushed to subscribed control clients (the window, the tray,
// punctualctl watch).
#pragma once

#include "scheduler/scheduler.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <optional>

namespace punctual {

namespace control::events {
// Event names on the wire (docs/control-protocol.md, "Events").
inline constexpr char jobAdded[] = "job_added";           ///< "job": the job
inline constexpr char jobChanged[] = "job_changed";       ///< "job": the job as it is now
inline constexpr char jobRemoved[] = "job_removed";       ///< "job_id"
inline constexpr char jobsRemovedAll[] = "jobs_removed_all";
inline constexpr char runStarted[] = "run_started";       ///< "run" (outcome running)
inline constexpr char runFinished[] = "run_finished";     ///< "run" with its outcome
inline constexpr char runMissed[] = "run_missed";         ///< "run" (outcome missed)
inline constexpr char runSkipped[] = "run_skipped";       ///< "run" (outcome skipped: max instances)
inline constexpr char activity[] = "activity";            ///< "job_id", "running", "retry" (as the activity method)
inline constexpr char schedulerState[] = "scheduler_state"; ///< "state" (as status)
inline constexpr char storeReloaded[] = "store_reloaded";   ///< the host read the store again: take a new snapshot
inline constexpr char storeError[] = "store_error";         ///< "message"
inline constexpr char storeStatus[] = "store_status";       ///< storeStatusToWire()'s fields: reachable or not
inline constexpr char runOutput[] = "run_output";           ///< "run_id", "job_id", "text" (subscribers with output)
inline constexpr char raiseWindow[] = "raise_window";       ///< to windows only: show yourself (not numbered: the
                                                            ///< revision is the current one, so it is never stale)
inline constexpr char missedRunsAdded[] = "missed_runs_added"; ///< "reports" (as missed_runs: those added or
                                                            ///< grown, each whole), "new_episode"
inline constexpr char missedRunsDismissed[] = "missed_runs_dismissed"; ///< "job_ids": the reports dismissed
} // namespace control::events

/**
 * Turns the Scheduler's signals into events: JSON objects {"event": NAME, "revision": N, "at": ISO time, ...}. Revisions count up
 * from 1 in the order the host made the changes, so a client that took a snapshot at revision R applies only events
 * with a higher revision. ControlServer sends each event to its subscribed connections. Lives on the scheduler's
 * thread.
 */
class EventStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStream)

public:
    explicit EventStream(Scheduler &scheduler, QObject *parent = nullptr);

    /// The revision of the last event published (0 before the first).
    qint64 revision() const { return m_revision; }
    /// Publishes an event (the name from control::events, the fields besides "event" and "revision").
    void publish(const char *name, QJsonObject fields = {});

signals:
    /// One event, with its "event" and "revision" keys. @p outputOnly: a run_output event (only for subscribers
    /// that asked for output).
    void published(const QJsonObject &event, bool outputOnly);

private:
    Scheduler &m_scheduler;
    qint64 m_revision = 0;
};

/// The scheduler's state on the wire: "running", "paused", "stopped", "shutting_down".
QString schedulerStateName(Scheduler::State state);
/// The state named @p name; nothing for a name the protocol does not know.
std::optional<Scheduler::State> schedulerStateFromName(const QString &name);

} // namespace punctual
