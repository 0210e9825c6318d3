// The main window: the job table with search and state filter, job actions, run history and status bar.
#pragma once

#include "jobs/job.h"
#include "scheduler/joblistloader.h"

#include <QHash>
#include <QMainWindow>

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
class RunHistoryPane;
class SchedulerClient;
class StoreStatusBanner;
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
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QSplitter *m_splitter = nullptr;
    RunHistoryPane *m_history = nullptr;
    QAction *m_whyAction = nullptr;
    StoreStatusBanner *m_storeBanner = nullptr;
    JobTransfer *m_transfer = nullptr;
    QLabel *m_schedulerLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_runningLabel = nullptr;
    QWidget *m_busy = nullptr;      ///< the busy bar and its label (status bar)
    QLabel *m_busyLabel = nullptr;
    Confirmation m_confirm;
    NoteQuestion m_askNote;
    JobOptions m_newJobOptions;
    QAction *m_timelineAction = nullptr;
    TimelineWidget *m_timeline = nullptr;
};

} // namespace punctual
