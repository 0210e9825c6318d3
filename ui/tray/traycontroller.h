// The system tray runner: icon, tooltip and menu of the next runs, pause all, and notifications of failed runs.
#pragma once

#include "jobs/runrecord.h"
#include "scheduler/missedrunsreport.h"
#include "settings/settings.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QSystemTrayIcon>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>

class QAction;
class QMenu;

namespace punctual {

class Clock;
class JobListModel;
class SchedulerClient;

/**
 * Everything Punctual does in the system tray, in one class that only asks for the window (signals); the app
 * decides what showing, toggling and quitting mean.
 *
 * - The icon is the application's (":/icons/punctual.svg"), ":/icons/tray-paused.svg" while the scheduler is
 *   paused, and ":/icons/tray-failing.svg" while the latest run of any job failed or timed out; both at once is
 *   ":/icons/tray-paused-failing.svg" (the pause badge keeps the failure's). While the host cannot reach its job store it is ":/icons/tray-store-unavailable.svg"
 *   (that wins over both: nothing runs, whatever else is so) and the tooltip begins "Punctual — job store
 *   unavailable since 14:02 (the last error)".
 * - The tooltip names the next due job ("Punctual — next: Warm the cache at 15:55") and the menu lists the next
 *   upcomingCount runs as disabled items, then Show Punctual, Pause all / Resume all (Scheduler::pause/resume)
 *   and Quit. Both come from the JobListModel (which follows the scheduler's signals): they are recomputed when
 *   the model or the scheduler's state changes, once per event loop turn, never on a timer.
 * - Clicking the icon asks to toggle the window. While the scheduler is paused the menu says "Scheduler paused"
 *   instead of listing next runs (none starts).
 * - A right-click on the icon while a message shows opens the menu only: the tray reports such a click as a click
 *   on the message too (Qt's X11 tray does), and that would open the window.
 * - A run that fails, is missed or times out (Scheduler::jobError, jobMissed) is told in a tray message, for each
 *   kind switched on in Settings. Runs ending within notifyDelayMs of each other share one message. Clicking a
 *   message asks for the window on that job (jobRequested()).
 *
 * - Jobs paused with a note (punctualctl pause --note, Job › Pause with note…) are listed after the runs, up to
 *   pausedNoteCount, as disabled "Name — paused: note" items, and the tooltip ends with the same lines.
 *
 * Object names of the menu actions: trayShowAction, trayPauseAction, trayQuitAction; the disabled run items:
 * trayUpcomingAction; the paused jobs' notes: trayPausedNoteAction.
 */
class TrayController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayController)

public:
    static constexpr int upcomingCount = 3;
    /// At most this many paused jobs' notes are listed (the window has them all).
    static constexpr int pausedNoteCount = 3;
    /// Runs ending within this time of the first of them are told in one message.
    static constexpr int notifyDelayMs = 250;
    /// How long a tray message stays.
    static constexpr int messageTimeoutMs = 10'000;

    enum class IconState
    {
        Normal,
        Paused,  ///< the scheduler is paused
        Failing, ///< the latest run of at least one job failed or timed out
        StoreUnavailable, ///< the host cannot reach its job store: nothing runs
        PausedFailing,    ///< paused, and the latest run of at least one job failed: both badges
    };
    Q_ENUM(IconState)

    enum class Command
    {
        ShowWindow,
        PauseAll, ///< "Pause all" or "Resume all", as the scheduler's state is
        Quit,
    };

    /// A run to come, as the menu lists it.
    struct UpcomingRun
    {
        QString jobId;
        QString jobName;
        std::int64_t time = 0; ///< UTC ms
    };

    /// Uses @p scheduler, @p jobs (the window's model), @p clock and @p settings without owning them; all must
    /// outlive the controller. The icon is not shown until show().
    TrayController(SchedulerClient &scheduler, const JobListModel &jobs, const Clock &clock, Settings &settings,
                   QObject *parent = nullptr);
    ~TrayController() override;

    /// QSystemTrayIcon::isSystemTrayAvailable().
    static bool isTrayAvailable();
    /// Shows the icon in the tray.
    void show();
    /// True while the icon is shown.
    bool isVisible() const;

    QSystemTrayIcon *trayIcon() const { return m_icon; }
    QMenu *menu() const { return m_menu.get(); }
    QAction *action(Command command) const;

    IconState iconState() const { return m_iconState; }
    /// The icon's tooltip as it is now.
    QString toolTip() const;
    /// The next upcomingCount runs (fewer when fewer jobs are scheduled), earliest first.
    QList<UpcomingRun> upcomingRuns() const { return m_upcoming; }
    /// The lines of paused jobs' notes ("Backup — paused: disk swapped"), at most pausedNoteCount, plus
    /// "and 2 more paused with a note" when there are more.
    QStringList pausedNoteLines() const { return m_pausedNoteLines; }
    /// Recomputes the tooltip, menu and icon now (they otherwise follow changes at the next event loop turn).
    void update();

    /// The notification kind of a run that ended with @p outcome, or none for outcomes not told about.
    static std::optional<NotificationKind> notificationKind(RunOutcome outcome);

    /// Says once (ever: remembered in Settings) that Punctual keeps scheduling in the tray with the window closed.
    /// True when the message was shown now.
    bool showStillRunningMessage();

signals:
    void showWindowRequested();
    void toggleWindowRequested();
    /// A notification was clicked: show the window on the job @p jobId.
    void jobRequested(const QString &jobId);
    void quitRequested();
    /// A message about finished runs was posted (shown when the icon is visible); @p jobId is the job a click
    /// opens.
    void notificationPosted(const QString &title, const QString &message, const QString &jobId);
    /// The message of a missed-runs episode was clicked: open the window's Review dialog.
    void missedRunsReviewRequested();

private:
    void scheduleUpdate();
    void updateMenu();
    void onRunEnded(const RunRecord &run);
    void postNotifications();
    QString jobName(const QString &jobId) const;
    QString runLine(const UpcomingRun &run) const;

    SchedulerClient &m_scheduler;
    const JobListModel &m_jobs;
    const Clock &m_clock;
    Settings &m_settings;
    QSystemTrayIcon *m_icon;
    std::unique_ptr<QMenu> m_menu; ///< a widget: it has no QObject parent
    QList<QAction *> m_upcomingActions;
    QList<QAction *> m_pausedNoteActions;
    QStringList m_pausedNoteLines;
    QHash<Command, QAction *> m_actions;
    QList<UpcomingRun> m_upcoming;
    int m_failingJobs = 0;
    IconState m_iconState = IconState::Normal;
    bool m_updateQueued = false;
    QList<RunRecord> m_pendingRuns; ///< ended runs waiting for their message
    QTimer m_notifyTimer;
    QString m_messageJobId; ///< the job the last message is about
    bool m_contextClicked = false; ///< the icon was right-clicked in this turn of the event loop
    // --- missed-runs episodes: one message each (ui/review, docs/window.md#missed-runs-review) ---
    void onMissedRunsAdded(const QList<MissedRunsReport> &reports, bool newEpisode);
    /// A catch-up's missed run of a job whose episode had its own message.
    bool inNoticedEpisode(const RunRecord &run) const;
    int m_noticedEpisode = 0;
    bool m_messageIsReview = false; ///< the last message is an episode's: a click opens the Review dialog
};

} // namespace punctual
