// The main window: the job table with search and state filter, job actions, run history and status bar.
#pragma once

#include "jobs/job.h"
#include "scheduler/joblistloader.h"
#include "help/manualwindow.h"
#include "undo/deleteundo.h"
#include "widgets/jobtableview.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace punctual {

class Clock;
class FunctionRegistry;
class JobFilterProxyModel;
class JobListModel;
class JobTransfer;
class NoMatchState;
class PausedBanner;
class RunHistoryPane;
class SchedulerClient;
class SearchField;
class StoreStatusBanner;
class MissedRunsBanner;
class TimelineWidget;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// What the window works with; all of it outlives the window.
    struct Services
    {
        SchedulerClient &scheduler;               ///< the host's client: the window runs no jobs itself
        const Clock &clock;
        const FunctionRegistry &functions;
        JobListLoader::StoreFactory storeFactory; ///< opens the store again on a worker thread, for the list
        QString storeDescription;                 ///< shown in the status bar
    };

    enum class Command
    {
        Add,
        Edit,
        RunNow,
        Stop,
        Pause,
        PauseWithNote,
        Resume,
        TogglePause,
        Delete,
        DeleteAll,
        PauseScheduler,
        StopScheduler,
        StartScheduler,
        Refresh,
        Find,
        Settings,
        Quit,
        Backfill,
        UndoDelete, ///< Edit › Undo delete (Ctrl+Z): restore_jobs of the latest delete
        Manual,     ///< Help › User manual (F1)
    };

    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    QAction *action(Command command) const { return m_actions.value(command); }
    JobListModel *jobModel() const { return m_model; }
    JobFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *jobView() const { return m_view; }
    RunHistoryPane *historyPane() const { return m_history; }
    /// Why? in the history view's context menu: explains the current run's time (RunExplanationDialog).
    QAction *whyAction() const { return m_whyAction; }
    /// The banner shown at the top while the host cannot reach its store.
    StoreStatusBanner *storeBanner() const { return m_storeBanner; }
    /// The missed-runs banner (ui/review): its openReview() is what the tray's notice opens.
    MissedRunsBanner *missedRunsBanner() const { return m_missedRunsBanner; }
    /// File > Import / Export (jobtransfer.h).
    JobTransfer *jobTransfer() const { return m_transfer; }
    /// Ids of the selected jobs, in view order.
    QStringList selectedJobIds() const;
    /// The sql connections the listed jobs use, offered for reuse in the job editor.
    QList<SqlConnection> knownSqlConnections() const;
    /// The listed jobs as (id, name), for the editor's "Afterwards" chooser.
    QList<std::pair<QString, QString>> knownJobs() const;
    /// Selects the job @p id (for the tray and tests); false when it is not listed.
    bool selectJob(const QString &id);

    /// Asks before destructive actions, with @p goAhead as the button that goes ahead ("Stop and delete"; empty:
    /// Yes) next to Cancel; tests replace it (return true to go ahead).
    using Confirmation = std::function<bool(const QString &title, const QString &question, const QString &goAhead)>;
    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }

    /// Asks for the note of "Pause with note…", @p current filled in; nothing when cancelled. Tests replace it.
    using NoteQuestion = std::function<std::optional<QString>(const QString &current)>;
    void setNoteQuestion(NoteQuestion question) { m_askNote = std::move(question); }

    /// The options the job editor gives a new job (the user's defaults); JobOptions{} unless set.
    void setNewJobOptions(const JobOptions &options) { m_newJobOptions = options; }

    /// Loads the list from the store again (F5).
    void reload();

    /// The search field (Escape clears it, Down moves to the list).
    QLineEdit *searchField() const;
    /// The state filter beside it.
    QComboBox *stateFilter() const { return m_stateFilter; }
    /// Shown instead of the table when the search and filter leave no job.
    NoMatchState *noMatchState() const { return m_noMatch; }
    /// The banner over the list while the scheduler is paused.
    PausedBanner *pausedBanner() const { return m_pausedBanner; }
    /// Help › User manual, once opened (null before).
    ManualWindow *manualWindow() const { return m_manual; }
    /// The window's size when no saved geometry fits: 1100×680, or less on a smaller screen (a 1024×768 one).
    static QSize defaultSize(const QRect &availableGeometry);
    /// View › Timeline (checkable, remembered) and the timeline it shows in place of the job table.
    QAction *timelineAction() const { return m_timelineAction; }
    TimelineWidget *timeline() const { return m_timeline; }

signals:
    /// File > Settings… was chosen; the app opens the settings dialog.
    void settingsRequested();
    /// File > Quit was chosen (the app quits; closing the window may only hide it). Without a receiver the
    /// window closes instead.
    void quitRequested();
    /// The list finished loading (after start or reload).
    void listLoaded();
    /// Scheduler › Stop scheduler was chosen and confirmed (the app asks the host to stop).
    void stopSchedulerRequested();
    /// Scheduler › Start scheduler was chosen (no host is connected; the app starts one).
    void startSchedulerRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createCentralArea();
    void createStatusBar();
    void restoreSettings();
    void saveSettings() const;

    void updateActions();
    void updateStatus();
    void updateEmptyState();
    void updateHistory();
    /// The history view's context menu at @p position (viewport coordinates): Why? for the row there.
    void showHistoryMenu(const QPoint &position);
    void explainCurrentRun();
    /// Job › Backfill… for the selected job (BackfillDialog).
    void backfillSelected();
    void showError(const QString &title, const QString &message);

    void addJob();
    void editJob();
    void runNow();
    /// Pauses (with @p note saying why, when not empty) or resumes the selected jobs.
    void setPaused(bool paused, const QString &note = {});
    void pauseWithNote();
    void togglePause();
    void deleteSelected();
    void deleteAll();
    void stopSelected();
    void toggleScheduler();
    /// Edit › Undo delete: asks the host to restore the latest delete's jobs (restore_jobs).
    void undoDelete();
    void updateUndoAction();
    void showManual();
    /// The job table's default column widths from the font (Schedule stretches over what is left).
    void setDefaultColumnWidths();
    /// Applies the search text and state filter to the proxy.
    void applyFilter();
    /// Selects @p ids (the first current) once the list has them, e.g. after it is loaded again.
    void selectWhenListed(const QStringList &ids);
    /// Sends a request about the selected jobs; when it takes longer than half a second, a busy bar with
    /// @p doing shows in the status bar until the answer comes.
    void showBusyAfterDelay(const QString &doing, QObject *request);
    void hostConnectionChanged(bool connected);

    Services m_services;
    JobListModel *m_model;
    JobFilterProxyModel *m_proxy;
    JobListLoader *m_loader;
    QHash<Command, QAction *> m_actions;
    QStackedWidget *m_tableStack = nullptr;
    JobTableView *m_view = nullptr;
    SearchField *m_search = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QSplitter *m_splitter = nullptr;
    RunHistoryPane *m_history = nullptr;
    QAction *m_whyAction = nullptr;
    StoreStatusBanner *m_storeBanner = nullptr;
    MissedRunsBanner *m_missedRunsBanner = nullptr;
    JobTransfer *m_transfer = nullptr;
    QLabel *m_schedulerLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_runningLabel = nullptr;
    QWidget *m_busy = nullptr;      ///< the busy bar and its label (status bar)
    QLabel *m_busyLabel = nullptr;
    Confirmation m_confirm;
    NoteQuestion m_askNote;
    JobOptions m_newJobOptions;
    // Issue 18 (window): feedback, undo, finding, paused banner, manual.
    DeleteUndo m_deleteUndo;
    NoMatchState *m_noMatch = nullptr;
    PausedBanner *m_pausedBanner = nullptr;
    QPointer<ManualWindow> m_manual;
    QStringList m_selectAfterLoad; ///< jobs to select once the list has them (after an undo)
    QAction *m_timelineAction = nullptr;
    TimelineWidget *m_timeline = nullptr;
};

} // namespace punctual
