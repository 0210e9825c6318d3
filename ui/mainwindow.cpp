// The main window: wires the job list, its actions, the history pane and the status bar to the scheduler.
#include "mainwindow.h"

#include "dialogs/calendarsdialog.h"
#include "dialogs/instancesdialog.h"
#include "dialogs/jobeditordialog.h"
#include "dialogs/jobtransfer.h"
#include "dialogs/backfilldialog.h"
#include "dialogs/runexplanationdialog.h"
#include "dialogs/sqlactioneditor.h"
#include "models/jobfilterproxymodel.h"
#include "models/joblistmodel.h"
#include "models/runhistorymodel.h"
#include "models/runpresentation.h"
#include "control/schedulerclient.h"
#include "settings/settings.h"
#include "stats/durationtrendcolumn.h"
#include "stats/jobstatisticsview.h"
#include "time/clock.h"
#include "timeline/timelineview.h"
#include "timeline/timelinewidget.h"
#include "widgets/runhistorypane.h"
#include "widgets/storestatusbanner.h"
#include "help/manualwindow.h"
#include "util/deletewording.h"
#include "widgets/jobtableview.h"
#include "widgets/nomatchstate.h"
#include "widgets/pausedbanner.h"
#include "widgets/searchfield.h"
#include "review/missedrunsbanner.h"

#include <QAction>
#include <QCloseEvent>
#include <QShowEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QScreen>
#include <QSet>
#include <QStyle>
#include <QGuiApplication>

namespace punctual {

namespace {

QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

} // namespace

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_model(new JobListModel(services.scheduler, services.clock, this))
    , m_proxy(new JobFilterProxyModel(this))
    , m_loader(new JobListLoader(services.storeFactory, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Punctual"));
    m_proxy->setSourceModel(m_model);
    m_confirm = [this](const QString &title, const QString &question, const QString &goAhead) {
        QMessageBox box(QMessageBox::Question, title, question, QMessageBox::Cancel, this);
        QAbstractButton *yes = goAhead.isEmpty() ? box.addButton(QMessageBox::Yes)
                                                 : box.addButton(goAhead, QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == yes;
    };

    m_askNote = [this](const QString &current) -> std::optional<QString> {
        bool ok = false;
        const QString note = QInputDialog::getText(this, tr("Pause with note"),
                                                   tr("Why are the jobs paused? The note is shown in the job list "
                                                      "and the tray until they are resumed."),
                                                   QLineEdit::Normal, current, &ok);
        return ok ? std::optional<QString>(note) : std::nullopt;
    };

    createActions();
    createMenus();
    setCentralWidget(createCentralArea());
    createStatusBar();
    restoreSettings();
    // Statistics (issue 18): the job table's Duration trend column, shown from View › Columns or the header's menu.
    auto *trendColumn = new DurationTrendColumn(services.scheduler, m_view, this);
    findChild<QMenu *>(QStringLiteral("columnsMenu"))->addAction(trendColumn->action());

    connect(m_loader, &JobListLoader::loaded, this,
            [this](QList<JobSummary> jobs, QHash<QString, RunRecord> latestRuns) {
                m_model->setJobSummaries(std::move(jobs), std::move(latestRuns));
                updateEmptyState();
                updateStatus();
                updateActions();
                // Something is always selected, so Enter edits and the history shows: the jobs an undo brought
                // back, else the first row.
                if (!m_selectAfterLoad.isEmpty())
                    selectWhenListed(std::exchange(m_selectAfterLoad, {}));
                m_view->selectFirstRowIfNone();
                emit listLoaded();
            });
    connect(m_loader, &JobListLoader::failed, this, [this](const QString &message) {
        m_model->loadFailed();
        // While the host cannot reach the store its banner says so, and the list is read again once the store is
        // back (store_reloaded): no box to click away on every reconnect.
        if (!m_services.scheduler.storeStatus().available) {
            statusBar()->showMessage(message, 10000);
            return;
        }
        showError(tr("Cannot list the jobs"), message);
    });

    auto rowsChanged = [this] {
        updateEmptyState();
        updateStatus();
        updateActions();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, rowsChanged);
    // "No jobs match" follows what the filter leaves.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &MainWindow::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    SchedulerClient &scheduler = m_services.scheduler;
    connect(&scheduler, &SchedulerClient::stateChanged, this, &MainWindow::updateStatus);
    // "N running" follows the runs themselves: a run of a job deleted meanwhile has no row to change.
    connect(&scheduler, &SchedulerClient::jobActivityChanged, this, &MainWindow::updateStatus);
    connect(&scheduler, &SchedulerClient::storeError, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Store error: %1").arg(message), 10000);
    });
    // The banner says the store is gone (and updates itself); the status bar says since when, and that it is back.
    connect(&scheduler, &SchedulerClient::storeStatusChanged, this, &MainWindow::updateStatus);
    connect(m_storeBanner, &StoreStatusBanner::availableAgain, this, [this](std::int64_t downMs) {
        statusBar()->showMessage(tr("Job store available again (was unavailable for %1)").arg(shortDuration(downMs)),
                                 10000);
    });
    // The list is read again whenever the host (re)connects or read its store again; between, events keep it.
    connect(&scheduler, &SchedulerClient::hostConnectedChanged, this, &MainWindow::hostConnectionChanged);
    connect(&scheduler, &SchedulerClient::storeReloaded, this, &MainWindow::reload);
    if (scheduler.isConnected())
        reload();
    updateActions();
    updateStatus();
    // Focus starts in the list (its first row selected once loaded), so Enter edits and arrows move.
    m_view->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::hostConnectionChanged(bool connected)
{
    if (connected) {
        reload();
    } else {
        statusBar()->showMessage(tr("Lost the connection to the Punctual scheduler; reconnecting…"), 10000);
        updateActions();
        updateStatus();
    }
}

void MainWindow::showBusyAfterDelay(const QString &doing, QObject *request)
{
    // Quick answers show nothing; a slow one shows what is going on until it comes (the window never waits).
    QTimer::singleShot(500, request, [this, doing, request] {
        m_busyLabel->setText(doing);
        m_busy->show();
        connect(request, &QObject::destroyed, this, [this] { m_busy->hide(); });
    });
}

void MainWindow::reload()
{
    // The selection survives (F5, a reconnect): the same jobs are selected once the list is in again.
    if (m_selectAfterLoad.isEmpty() && m_model->isLoaded())
        m_selectAfterLoad = selectedJobIds();
    m_model->beginLoad(); // what is signalled while the snapshot is read is applied on top of it
    m_loader->load();
}

// --- building ----------------------------------------------------------------------------------------------

void MainWindow::createActions()
{
    auto make = [this](Command command, const QIcon &icon, const QString &text, const QKeySequence &shortcut,
                       const QString &tip, auto slot) {
        auto *action = new QAction(icon, text, this);
        action->setShortcut(shortcut);
        action->setToolTip(shortcut.isEmpty() ? tip
                                              : QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(
                                                                                       QKeySequence::NativeText)));
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        m_actions.insert(command, action);
        addAction(action); // shortcuts work wherever focus is
        return action;
    };
    make(Command::Add, icon("action-add"), tr("&Add job…"), QKeySequence::New, tr("Add a job"), &MainWindow::addJob);
    make(Command::Edit, icon("action-edit"), tr("&Edit…"), QKeySequence(Qt::Key_Return), tr("Edit the selected job"),
         &MainWindow::editJob);
    make(Command::RunNow, icon("action-run"), tr("&Run now"), QKeySequence(Qt::CTRL | Qt::Key_R),
         tr("Run the selected jobs now, outside their schedule"), &MainWindow::runNow);
    make(Command::Stop, icon("action-stop"), tr("S&top"), QKeySequence(Qt::CTRL | Qt::Key_Period),
         tr("Stop the selected jobs' runs going now"), &MainWindow::stopSelected);
    make(Command::Pause, icon("action-pause"), tr("&Pause"), {}, tr("Pause the selected jobs (Ctrl+P)"),
         [this] { setPaused(true); });
    make(Command::PauseWithNote, {}, tr("Pause with &note…"), {},
         tr("Pause the selected jobs and say why (a paused job takes the new note)"), &MainWindow::pauseWithNote);
    make(Command::Resume, icon("action-resume"), tr("Res&ume"), {}, tr("Resume the selected jobs (Ctrl+P)"),
         [this] { setPaused(false); });
    make(Command::TogglePause, {}, tr("Pause or resume"), QKeySequence(Qt::CTRL | Qt::Key_P),
         tr("Pause the selected jobs, or resume them when all are paused"), &MainWindow::togglePause);
    make(Command::Backfill, {}, tr("&Backfill…"), {},
         tr("Run the selected job for the fire times of a past range"), &MainWindow::backfillSelected);
    make(Command::Delete, icon("action-delete"), tr("&Delete…"), QKeySequence::Delete,
         tr("Delete the selected jobs and their history"), &MainWindow::deleteSelected);
    make(Command::DeleteAll, icon("action-delete-all"), tr("Delete a&ll…"), {}, tr("Delete every job"),
         &MainWindow::deleteAll);
    make(Command::PauseScheduler, {}, tr("Pause &scheduler"), {},
         tr("Start no runs until resumed (runs due meanwhile follow the misfire rules)"), &MainWindow::toggleScheduler);
    make(Command::StopScheduler, icon("action-stop"), tr("S&top scheduler…"), {},
         tr("Stop the Punctual scheduler: no job runs until it is started again"), [this] {
             const QString question = tr("Stop the Punctual scheduler? No job runs until it is started again "
                                         "(opening this window starts it). Runs going now may finish.");
             if (m_confirm(tr("Stop scheduler"), question, tr("Stop scheduler")))
                 emit stopSchedulerRequested();
         });
    make(Command::StartScheduler, {}, tr("St&art scheduler"), {},
         tr("Start the Punctual scheduler, which runs the jobs"), [this] { emit startSchedulerRequested(); });
    make(Command::Refresh, icon("action-refresh"), tr("Re&fresh"), QKeySequence::Refresh,
         tr("Read the job list from the store again"), &MainWindow::reload);
    make(Command::Find, {}, tr("&Find…"), QKeySequence::Find, tr("Search jobs"), [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    make(Command::Settings, {}, tr("Se&ttings…"), QKeySequence::Preferences, tr("Change Punctual's settings"),
         [this] { emit settingsRequested(); });
    make(Command::Quit, {}, tr("&Quit"), QKeySequence::Quit, tr("Quit Punctual"), [this] {
        if (isSignalConnected(QMetaMethod::fromSignal(&MainWindow::quitRequested)))
            emit quitRequested();
        else
            close();
    });
    make(Command::UndoDelete, {}, tr("&Undo delete"), QKeySequence::Undo,
         tr("Bring back the jobs deleted last, with their run history (for 10 minutes)"), &MainWindow::undoDelete);
    make(Command::Manual, {}, tr("User &manual"), QKeySequence::HelpContents, tr("Open the user manual"),
         &MainWindow::showManual);
    m_actions[Command::UndoDelete]->setEnabled(false);
    m_actions[Command::PauseScheduler]->setCheckable(true);
    // Return edits only from the table (added there below), where it is the expected key; elsewhere the key
    // belongs to the focused widget.
    QAction *edit = m_actions[Command::Edit];
    removeAction(edit);
    edit->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    edit->setShortcutContext(Qt::WidgetShortcut);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions[Command::Refresh]);
    file->addSeparator();
    m_transfer = new JobTransfer(m_services.scheduler, m_services.clock, *m_model, this);
    m_transfer->addMenuActions(file, [this] { return selectedJobIds(); });
    file->addSeparator();
    file->addAction(m_actions[Command::Settings]);
    file->addSeparator();
    file->addAction(m_actions[Command::Quit]);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->setObjectName(QStringLiteral("editMenu"));
    editMenu->addAction(m_actions[Command::UndoDelete]);
    connect(editMenu, &QMenu::aboutToShow, this, &MainWindow::updateUndoAction);

    QMenu *job = menuBar()->addMenu(tr("&Job"));
    for (Command c : {Command::Add, Command::Edit, Command::RunNow, Command::Stop, Command::Pause,
                      Command::PauseWithNote, Command::Resume})
        job->addAction(m_actions[c]);
    job->addAction(m_actions[Command::Backfill]);
    job->addSeparator();
    job->addAction(m_actions[Command::Delete]);
    job->addAction(m_actions[Command::DeleteAll]);

    QMenu *view = menuBar()->addMenu(tr("&View", "menu bar"));
    view->addAction(m_actions[Command::Find]);
    // View › Timeline (ui/timeline/): the timeline in place of the table; the history below follows either.
    m_timelineAction = view->addAction(tr("&Timeline"));
    m_timelineAction->setObjectName(QStringLiteral("timelineAction"));
    m_timelineAction->setCheckable(true);
    m_timelineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_timelineAction->setToolTip(tr("Show the jobs' runs and coming fire times on a timeline instead of the table"));
    connect(m_timelineAction, &QAction::toggled, this, [this](bool shown) {
        Settings::setTimelineShown(shown);
        updateEmptyState();
        (shown ? static_cast<QWidget *>(m_timeline) : m_view)->setFocus();
    });
    view->addMenu(tr("&Columns"))->setObjectName(QStringLiteral("columnsMenu"));

    QMenu *scheduler = menuBar()->addMenu(tr("&Scheduler"));
    scheduler->addAction(m_actions[Command::PauseScheduler]);
    scheduler->addAction(m_actions[Command::StopScheduler]);
    scheduler->addAction(m_actions[Command::StartScheduler]);
    scheduler->addSeparator();
    // The scheduler hosts: this computer's, and on a PostgreSQL store every instance sharing it.
    scheduler->addAction(tr("&Instances…"), this, [this] {
        auto *dialog = new InstancesDialog(m_services.scheduler, m_services.clock, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    // Exclusion calendars: the days jobs that use them skip (docs/desktop-triggers.md).
    scheduler->addAction(tr("&Calendars…"), this, [this] {
        auto *dialog = new CalendarsDialog(m_services.scheduler, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_actions[Command::Manual]);
    help->addAction(tr("&About Punctual"), this, [this] {
        QMessageBox::about(this, tr("About Punctual"),
                           tr("<b>Punctual %1</b><p>Runs your jobs on time: date, interval, cron and calendar "
                              "schedules, kept in a job store that survives restarts.</p>"
                              "<p>Free software under the MIT licence.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    QToolBar *toolBar = addToolBar(tr("Jobs"));
    toolBar->setObjectName(QStringLiteral("jobToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (Command c : {Command::Add, Command::Edit, Command::RunNow, Command::Stop, Command::Pause, Command::Resume,
                      Command::Delete})
        toolBar->addAction(m_actions[c]);

    // The search and the state filter sit in a row over the list (createCentralArea()): in the toolbar they were
    // folded away on a 1024 px screen.
    m_search = new SearchField(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search jobs…"));
    m_search->setAccessibleName(tr("Search jobs")); // a placeholder is not read as the field's name
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    // Screen readers on Linux name a combo box by its value ("All"): the label says what it chooses.
    auto *stateLabel = new QLabel(tr("Show:"), this);
    stateLabel->setObjectName(QStringLiteral("stateFilterLabel"));
    m_stateFilter = new QComboBox(this);
    stateLabel->setBuddy(m_stateFilter);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->setAccessibleName(tr("Show jobs by state"));
    m_stateFilter->setToolTip(tr("Show only the jobs in this state"));
    // The states the State column shows: a job running or waiting to retry is listed under that, not under its
    // stored state (Scheduled, Paused), so what is filtered is what is read.
    using Shown = JobListModel::ShownState;
    m_stateFilter->addItem(tr("All"));
    m_stateFilter->addItem(tr("Failed"), QStringLiteral("failed")); // the last run failed or timed out
    m_stateFilter->addItem(tr("Running"), static_cast<int>(Shown::Running));
    m_stateFilter->addItem(tr("Retrying"), static_cast<int>(Shown::Retrying));
    m_stateFilter->addItem(tr("Waiting"), static_cast<int>(Shown::Waiting));
    m_stateFilter->addItem(tr("Scheduled"), static_cast<int>(Shown::Scheduled));
    m_stateFilter->addItem(tr("Paused"), static_cast<int>(Shown::Paused));
    m_stateFilter->addItem(tr("Finished"), static_cast<int>(Shown::Finished));
    m_stateFilter->addItem(tr("On events"), static_cast<int>(Shown::OnEvents));

    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    // Down in the search field goes on to the jobs found, the first one selected.
    connect(m_search, &SearchField::downPressed, this, [this] {
        if (m_proxy->rowCount() == 0)
            return;
        m_view->setFocus(Qt::OtherFocusReason);
        m_view->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
}

void MainWindow::applyFilter()
{
    using Shown = JobListModel::ShownState;
    JobFilter filter;
    filter.text = m_search->text();
    m_proxy->setFilter(filter);
    const QVariant state = m_stateFilter->currentData();
    const bool failed = state.typeId() == QMetaType::QString;
    m_proxy->setFailedFilter(failed);
    m_proxy->setStateFilter(state.isValid() && !failed ? std::optional(static_cast<Shown>(state.toInt()))
                                                       : std::nullopt);
    updateEmptyState();
    updateActions();
}

QLineEdit *MainWindow::searchField() const
{
    return m_search;
}

QWidget *MainWindow::createCentralArea()
{
    m_view = new JobTableView(this);
    m_view->setObjectName(QStringLiteral("jobView"));
    m_view->setAccessibleName(tr("Jobs"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(JobListModel::NextRunColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep 100,000 rows cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionsMovable(true);
    setDefaultColumnWidths();
    for (Command c : {Command::Edit, Command::RunNow, Command::Stop, Command::Pause, Command::PauseWithNote,
                      Command::Resume, Command::Delete})
        m_view->addAction(m_actions[c]);
    connect(m_view, &QTableView::doubleClicked, this, &MainWindow::editJob);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateHistory();
    });
    // The job shown may be paused (with a note) or resumed while selected.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateHistory);

    // Shown instead of the table while the store has no job at all.
    auto *empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("emptyState"));
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(2);
    auto *emptyText = new QLabel(tr("<h2>No jobs yet</h2><p>Add a job to run a command, SQL statements or web "
                                    "requests on a schedule, or start from an example.</p>"),
                                 empty);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(emptyText);
    auto *addButton = new QPushButton(icon("action-add"), tr("Add job…"), empty);
    addButton->setObjectName(QStringLiteral("emptyAddButton"));
    connect(addButton, &QPushButton::clicked, this, &MainWindow::addJob);
    // The ready examples (delete expired tokens, warm the cache), as in File › Import example.
    auto *exampleButton = new QToolButton(empty);
    exampleButton->setObjectName(QStringLiteral("emptyExampleButton"));
    exampleButton->setText(tr("Import an example"));
    exampleButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    exampleButton->setPopupMode(QToolButton::InstantPopup);
    exampleButton->setMenu(m_transfer->createExamplesMenu(exampleButton));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(addButton);
    buttonRow->addWidget(exampleButton);
    buttonRow->addStretch();
    emptyLayout->addLayout(buttonRow);
    emptyLayout->addStretch(3);

    m_tableStack = new QStackedWidget(this);
    m_tableStack->addWidget(m_view);
    m_tableStack->addWidget(empty);
    // Page 2: the search and filter leave no job.
    m_noMatch = new NoMatchState(this);
    connect(m_noMatch, &NoMatchState::clearRequested, this, [this] {
        m_search->clear();
        m_stateFilter->setCurrentIndex(0);
        m_search->setFocus();
    });
    m_tableStack->addWidget(m_noMatch);
    // View › Timeline: the fourth page; a click on a run selects its job here and the run in the history.
    m_timeline = new TimelineWidget(m_services.scheduler, m_services.clock, *m_model, *m_proxy,
                                    m_view->selectionModel(), this);
    m_tableStack->addWidget(m_timeline);
    connect(m_timeline->view(), &TimelineView::jobChosen, this, [this](const QString &id) { selectJob(id); });
    connect(m_timeline->view(), &TimelineView::runChosen, this, [this](const QString &jobId, qint64 runId) {
        selectJob(jobId);
        m_history->selectRun(runId);
    });
    m_timelineAction->setChecked(Settings::timelineShown());

    m_history = new RunHistoryPane(m_services.scheduler, m_services.clock, this);
    // A history row's context menu: Why? asks the host what happened at that run's time.
    m_whyAction = new QAction(tr("Why?"), m_history->view());
    m_whyAction->setObjectName(QStringLiteral("whyAction"));
    m_whyAction->setToolTip(tr("Why this run ran, or did not run"));
    m_history->view()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_history->view(), &QWidget::customContextMenuRequested, this, &MainWindow::showHistoryMenu);
    connect(m_whyAction, &QAction::triggered, this, &MainWindow::explainCurrentRun);
    // The history's Result column fits its longest word ("Timed out", "Interrupted"), whatever the rows shown when
    // the columns were fitted to their contents.
    auto fitResultColumn = [this] {
        QHeaderView *header = m_history->view()->horizontalHeader();
        int width = 0;
        for (RunOutcome outcome : {RunOutcome::Success, RunOutcome::Failed, RunOutcome::TimedOut,
                                   RunOutcome::Interrupted, RunOutcome::Missed, RunOutcome::Skipped})
            width = std::max(width, m_history->view()->fontMetrics().horizontalAdvance(outcomeName(outcome)));
        width += 24 + m_history->view()->style()->pixelMetric(QStyle::PM_SmallIconSize);
        if (header->sectionSize(RunHistoryModel::OutcomeColumn) < width)
            header->resizeSection(RunHistoryModel::OutcomeColumn, width);
    };
    connect(m_history->model(), &RunHistoryModel::loaded, this, fitResultColumn);
    connect(m_history->model(), &QAbstractItemModel::rowsInserted, this, fitResultColumn);
    fitResultColumn();
    // Statistics (issue 18): the shown job's success rate and duration chart, beside the run output.
    m_history->splitter()->addWidget(new JobStatisticsView(m_services.scheduler, *m_history->model(), m_history));
    m_history->splitter()->setStretchFactor(2, 2);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    // The list with its search and state filter over it.
    auto *listArea = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listArea);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(4);
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(6, 4, 6, 0);
    m_search->setMaximumWidth(360);
    filterRow->addWidget(m_search, 1);
    auto *stateLabel = findChild<QLabel *>(QStringLiteral("stateFilterLabel"));
    filterRow->addSpacing(8);
    filterRow->addWidget(stateLabel);
    filterRow->addWidget(m_stateFilter);
    filterRow->addStretch(1);
    listLayout->addLayout(filterRow);
    listLayout->addWidget(m_tableStack, 1);
    m_splitter->addWidget(listArea);
    m_splitter->addWidget(m_history);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    // The store's outage above everything: while it lasts, nothing in the list below runs.
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_storeBanner = new StoreStatusBanner(m_services.scheduler, m_services.clock, central);
    auto *bannerRow = new QHBoxLayout;
    bannerRow->setContentsMargins(6, 6, 6, 6);
    bannerRow->addWidget(m_storeBanner);
    m_pausedBanner = new PausedBanner(m_services.scheduler, central);
    connect(m_pausedBanner, &PausedBanner::resumeRequested, this, &MainWindow::toggleScheduler);
    bannerRow->addWidget(m_pausedBanner);
    layout->addLayout(bannerRow);
    // Runs missed while the computer slept or the host was down: above the table until dismissed.
    m_missedRunsBanner = new MissedRunsBanner(m_services.scheduler, m_services.clock, central);
    auto *missedRow = new QHBoxLayout;
    missedRow->setContentsMargins(6, 0, 6, 6);
    missedRow->addWidget(m_missedRunsBanner);
    layout->addLayout(missedRow);
    layout->addWidget(m_splitter, 1);
    return central;
}

void MainWindow::createStatusBar()
{
    m_schedulerLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    m_runningLabel = new QLabel(this);
    m_schedulerLabel->setObjectName(QStringLiteral("schedulerStateLabel"));
    m_countLabel->setObjectName(QStringLiteral("jobCountLabel"));
    m_runningLabel->setObjectName(QStringLiteral("runningLabel"));
    statusBar()->addWidget(m_schedulerLabel);
    statusBar()->addWidget(m_countLabel);
    statusBar()->addWidget(m_runningLabel);
    m_busy = new QWidget(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    auto *busyLayout = new QHBoxLayout(m_busy);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    m_busyLabel = new QLabel(m_busy);
    auto *bar = new QProgressBar(m_busy);
    bar->setRange(0, 0); // busy: how long the host takes is not known
    bar->setMaximumWidth(120);
    bar->setAccessibleName(tr("Working"));
    busyLayout->addWidget(m_busyLabel);
    busyLayout->addWidget(bar);
    m_busy->hide();
    statusBar()->addWidget(m_busy);
    auto *store = new QLabel(tr("Store: %1").arg(m_services.storeDescription), this);
    store->setObjectName(QStringLiteral("storeLabel"));
    statusBar()->addPermanentWidget(store);
}

// --- settings -----------------------------------------------------------------------------------------------

void MainWindow::restoreSettings()
{
    const WindowLayout layout = Settings::windowLayout();
    if (!restoreGeometry(layout.geometry)) {
        const QScreen *screen = QGuiApplication::primaryScreen();
        resize(screen ? defaultSize(screen->availableGeometry()) : QSize(1100, 680));
    }
    restoreState(layout.state);
    QHeaderView *header = m_view->horizontalHeader();
    if (!header->restoreState(layout.columns))
        setDefaultColumnWidths();
    // Whatever was saved (by an older version too): Schedule takes the spare width, the others keep theirs.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(JobListModel::ScheduleColumn, QHeaderView::Stretch);
    m_splitter->restoreState(layout.splitter);
    m_history->splitter()->restoreState(layout.historySplitter);
}

void MainWindow::saveSettings() const
{
    WindowLayout layout;
    layout.geometry = saveGeometry();
    layout.state = saveState();
    layout.columns = m_view->horizontalHeader()->saveState();
    layout.splitter = m_splitter->saveState();
    layout.historySplitter = m_history->splitter()->saveState();
    Settings::setWindowLayout(layout);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // QStatusBar hides its normal widgets for a message only if they are visible then: a message given before the
    // window was shown ("Started the Punctual scheduler") would be drawn over them. Given again now (cleared first:
    // the same text again is ignored), it hides them.
    if (const QString message = statusBar()->currentMessage(); !message.isEmpty()) {
        statusBar()->clearMessage();
        statusBar()->showMessage(message, 10000);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

// --- state --------------------------------------------------------------------------------------------------

QStringList MainWindow::selectedJobIds() const
{
    QStringList ids;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows))
        ids << m_proxy->data(index, JobListModel::JobIdRole).toString();
    return ids;
}

bool MainWindow::selectJob(const QString &id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void MainWindow::updateActions()
{
    const QStringList ids = selectedJobIds();
    bool anyActive = false;
    bool anyPaused = false;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        const JobSummary *job = row >= 0 ? m_model->summaryAt(row) : nullptr;
        if (!job)
            continue;
        anyPaused |= job->paused;
        anyActive |= !job->paused;
    }
    m_actions[Command::Edit]->setEnabled(ids.size() == 1);
    // Changes go through the host: without it, nothing can be done (the list stays to look at).
    const bool connected = m_services.scheduler.isConnected();
    bool anyGoing = false;
    for (const QString &id : ids)
        anyGoing |= m_services.scheduler.runningCount(id) > 0 || m_services.scheduler.retryWait(id).has_value();
    m_actions[Command::Add]->setEnabled(connected);
    m_actions[Command::RunNow]->setEnabled(connected && !ids.isEmpty());
    m_actions[Command::Backfill]->setEnabled(connected && ids.size() == 1);
    m_actions[Command::Stop]->setEnabled(connected && anyGoing);
    m_actions[Command::PauseScheduler]->setEnabled(connected);
    m_actions[Command::StopScheduler]->setEnabled(connected);
    m_actions[Command::StartScheduler]->setEnabled(!connected);
    anyActive &= connected;
    anyPaused &= connected;
    m_actions[Command::Pause]->setEnabled(anyActive);
    m_actions[Command::Resume]->setEnabled(anyPaused);
    m_actions[Command::TogglePause]->setEnabled(connected && !ids.isEmpty());
    m_actions[Command::PauseWithNote]->setEnabled(connected && !ids.isEmpty());
    m_actions[Command::Delete]->setEnabled(connected && !ids.isEmpty());
    m_actions[Command::DeleteAll]->setEnabled(connected && m_model->rowCount() > 0);
}

void MainWindow::updateStatus()
{
    const Scheduler::State state = m_services.scheduler.state();
    QString text;
    if (!m_services.scheduler.isConnected()) {
        m_schedulerLabel->setText(tr("Not connected to the scheduler"));
        m_runningLabel->clear();
        return;
    }
    switch (state) {
    case Scheduler::State::Running: text = tr("Scheduler running"); break;
    case Scheduler::State::Paused: text = tr("Scheduler paused"); break;
    case Scheduler::State::ShuttingDown: text = tr("Scheduler stopping"); break;
    case Scheduler::State::Stopped: text = tr("Scheduler stopped"); break;
    }
    if (!m_services.scheduler.hostStatus().value(QStringLiteral("runs_jobs")).toBool(true))
        text = tr("Managing shared jobs (they run on other computers)");
    // Nothing runs while the store is away, whatever the scheduler's state: that comes first.
    if (const StoreStatus &store = m_services.scheduler.storeStatus(); !store.available) {
        const std::int64_t now = m_services.clock.nowMs();
        text = tr("Store unavailable since %1").arg(shortDateTime(store.sinceOr(now), now));
    }
    m_schedulerLabel->setText(text);
    m_actions[Command::PauseScheduler]->setChecked(state == Scheduler::State::Paused);
    m_countLabel->setText(m_model->isLoaded() ? tr("%n jobs", nullptr, m_model->rowCount()) : tr("Loading jobs…"));
    // A run waiting to retry is not running (its row says "Retrying ... at"): counted apart, when there is one.
    QString runs = tr("%n running", nullptr, m_services.scheduler.runningCount());
    if (const int retrying = m_services.scheduler.retryingCount(); retrying > 0)
        runs += QStringLiteral(", ") + tr("%n waiting to retry", nullptr, retrying);
    m_runningLabel->setText(runs);
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_model->isLoaded() && m_model->rowCount() == 0;
    const bool noMatch = !empty && m_model->isLoaded() && m_proxy->rowCount() == 0;
    if (noMatch)
        m_noMatch->setFilter(m_search->text(), m_stateFilter->currentIndex() > 0 ? m_stateFilter->currentText()
                                                                                 : QString());
    // The search field keeps the focus while the page changes under it.
    m_tableStack->setCurrentIndex(empty ? 1 : noMatch ? 2 : 0);
    if (!empty && !noMatch && m_timelineAction->isChecked())
        m_tableStack->setCurrentWidget(m_timeline);
}

void MainWindow::updateHistory()
{
    const QStringList ids = selectedJobIds();
    if (ids.size() != 1) {
        m_history->showJob({}, {});
        m_history->setPauseNote({});
        return;
    }
    const int row = m_model->rowOf(ids.front());
    const JobSummary *job = row >= 0 ? m_model->summaryAt(row) : nullptr;
    m_history->showJob(ids.front(), job ? job->name : ids.front());
    m_history->setPauseNote(job && job->paused ? job->pauseNote : QString());
}

void MainWindow::showHistoryMenu(const QPoint &position)
{
    // The row clicked becomes the current one, so Why? is about the run the menu was opened on.
    QTableView *view = m_history->view();
    const QModelIndex index = view->indexAt(position);
    if (!index.isValid())
        return;
    view->selectRow(index.row());
    auto *menu = new QMenu(view);
    menu->setObjectName(QStringLiteral("historyMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_whyAction);
    menu->popup(view->viewport()->mapToGlobal(position));
}

void MainWindow::explainCurrentRun()
{
    const QModelIndex current = m_history->view()->currentIndex();
    const RunRecord *run = current.isValid() ? m_history->model()->runAt(current.row()) : nullptr;
    if (!run)
        return;
    const int row = m_model->rowOf(run->jobId);
    const JobSummary *job = row >= 0 ? m_model->summaryAt(row) : nullptr;
    auto *dialog = new RunExplanationDialog(m_services.scheduler, run->jobId, job ? job->name : run->jobId,
                                            run->scheduledTime, this);
    dialog->show();
}

void MainWindow::backfillSelected()
{
    const QStringList ids = selectedJobIds();
    if (ids.size() != 1)
        return;
    // The job's trigger and options come from the host (the list keeps only what it shows).
    m_services.scheduler.job(ids.first(), this, [this](Result<Job> job) {
        if (!job) {
            showError(tr("Cannot backfill the job"), job.error().message);
            return;
        }
        auto *dialog = new BackfillDialog(m_services.scheduler, job.value(), m_services.clock.nowMs(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &BackfillDialog::backfilled, this, [this](const BackfillResult &result) {
            statusBar()->showMessage(tr("%n run(s) backfilled", nullptr, static_cast<int>(result.runs.size())), 10000);
        });
        dialog->open();
    });
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("errorBox"));
    statusBar()->showMessage(message, 10000);
    if (isVisible())
        box.exec();
}

// --- actions ------------------------------------------------------------------------------------------------

void MainWindow::addJob()
{
    auto *dialog = new JobEditorDialog(m_services.scheduler, m_services.clock, m_services.functions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKnownSqlConnections(knownSqlConnections());
    dialog->setKnownJobs(knownJobs());
    dialog->setDefaultOptions(m_newJobOptions);
    connect(dialog, &JobEditorDialog::jobSaved, this, [this](const Job &job) {
        statusBar()->showMessage(tr("Saved “%1”").arg(job.name), 10000);
        if (!selectJob(job.id))
            selectWhenListed({job.id}); // its row comes with the host's event
    });
    dialog->open();
}

QList<SqlConnection> MainWindow::knownSqlConnections() const
{
    // From the list already in memory: reading every job from the store here would block the window.
    QList<Job> sqlJobs;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Job *job = m_model->jobAt(row);
        if (job && std::holds_alternative<SqlAction>(job->action))
            sqlJobs << *job;
    }
    return SqlActionEditor::connectionsOf(sqlJobs);
}

QList<std::pair<QString, QString>> MainWindow::knownJobs() const
{
    QList<std::pair<QString, QString>> jobs;
    jobs.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const JobSummary *job = m_model->summaryAt(row))
            jobs.append({job->id, job->name});
    }
    std::sort(jobs.begin(), jobs.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.second, b.second) < 0;
    });
    return jobs;
}

void MainWindow::editJob()
{
    const QStringList ids = selectedJobIds();
    if (ids.size() != 1)
        return;
    // The job as the host has it now (the row may be a moment behind).
    m_services.scheduler.job(ids.front(), this, [this](Result<Job> job) {
        if (!job) {
            showError(tr("Cannot edit the job"), job.error().message);
            return;
        }
        auto *dialog = new JobEditorDialog(m_services.scheduler, m_services.clock, m_services.functions, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setKnownSqlConnections(knownSqlConnections());
        dialog->setKnownJobs(knownJobs());
        dialog->setJob(job.value());
        connect(dialog, &JobEditorDialog::jobSaved, this, [this](const Job &saved) {
            statusBar()->showMessage(tr("Saved “%1”").arg(saved.name), 10000);
        });
        dialog->open();
    });
}

void MainWindow::runNow()
{
    const QStringList ids = selectedJobIds();
    if (ids.isEmpty())
        return;
    auto *request = new QObject(this);
    showBusyAfterDelay(tr("Starting %n jobs…", nullptr, static_cast<int>(ids.size())), request);
    QStringList names;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        const JobSummary *job = row >= 0 ? m_model->summaryAt(row) : nullptr;
        names << (job ? job->name : id);
    }
    m_services.scheduler.runJobsNow(ids, this, [this, request, names](Result<QJsonValue> answer) {
        delete request;
        if (!answer) {
            showError(tr("Cannot run the job"), answer.error().message);
            return;
        }
        // Jobs already running (max instances) started nothing and recorded nothing: said where it is seen.
        const QJsonArray busy = answer.value().toObject().value(QStringLiteral("busy")).toArray();
        const int started = static_cast<int>(answer.value().toObject().value(QStringLiteral("started")).toArray().size());
        if (!busy.isEmpty())
            statusBar()->showMessage(busy.first().toObject().value(QStringLiteral("message")).toString(), 10000);
        else if (names.size() == 1)
            statusBar()->showMessage(tr("Started “%1”").arg(names.front()), 10000);
        else
            statusBar()->showMessage(tr("Started %n jobs", nullptr, started), 10000);
    });
}

void MainWindow::stopSelected()
{
    for (const QString &id : selectedJobIds()) {
        if (m_services.scheduler.runningCount(id) == 0 && !m_services.scheduler.retryWait(id))
            continue;
        m_services.scheduler.stopJob(id, this, [this](Result<int> stopped) {
            if (!stopped)
                showError(tr("Cannot stop the job"), stopped.error().message);
        });
    }
}

void MainWindow::pauseWithNote()
{
    const QStringList ids = selectedJobIds();
    if (ids.isEmpty())
        return;
    // One job's note is offered for editing; several start empty.
    QString current;
    if (ids.size() == 1) {
        const int row = m_model->rowOf(ids.front());
        if (const JobSummary *job = row >= 0 ? m_model->summaryAt(row) : nullptr)
            current = job->pauseNote;
    }
    const std::optional<QString> note = m_askNote(current);
    if (!note)
        return;
    if (auto valid = validatePauseNote(note->trimmed()); !valid) {
        showError(tr("Cannot pause the job"), valid.error().message);
        return;
    }
    setPaused(true, note->trimmed());
}

void MainWindow::setPaused(bool paused, const QString &note)
{
    const QStringList ids = selectedJobIds();
    if (ids.isEmpty())
        return;
    auto *request = new QObject(this);
    const int count = static_cast<int>(ids.size());
    showBusyAfterDelay(paused ? tr("Pausing %n jobs…", nullptr, count) : tr("Resuming %n jobs…", nullptr, count),
                       request);
    auto done = [this, request, paused](Result<QJsonValue> answer) {
        delete request;
        if (!answer)
            showError(paused ? tr("Cannot pause the job") : tr("Cannot resume the job"), answer.error().message);
        updateActions();
    };
    if (paused)
        m_services.scheduler.pauseJobs(ids, note, this, done);
    else
        m_services.scheduler.resumeJobs(ids, this, done);
}

void MainWindow::togglePause()
{
    // Resume only when every selected job is paused, as a toggle is expected to.
    setPaused(m_actions[Command::Pause]->isEnabled());
}

void MainWindow::deleteSelected()
{
    const QStringList ids = selectedJobIds();
    if (ids.isEmpty())
        return;
    // Deleting a job stops its runs (Scheduler::removeJob()): said before, so nothing is stopped by surprise.
    int going = 0;
    bool retrying = false;
    QStringList names;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        const auto shown = m_model->shownState(row);
        going += shown == JobListModel::ShownState::Running || shown == JobListModel::ShownState::Retrying ? 1 : 0;
        retrying |= shown == JobListModel::ShownState::Retrying;
        const JobSummary *job = row >= 0 ? m_model->summaryAt(row) : nullptr;
        names << (job ? job->name : id);
    }
    if (!m_confirm(tr("Delete jobs"), DeleteWording::question(names, going, retrying),
                   DeleteWording::goAhead(names, going)))
        return;
    // What is selected afterwards: the row after the last one deleted, else the one before the first.
    QString next;
    {
        QSet<int> deletedRows;
        for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
            deletedRows.insert(index.row());
        const int last = *std::max_element(deletedRows.cbegin(), deletedRows.cend());
        const int first = *std::min_element(deletedRows.cbegin(), deletedRows.cend());
        for (int row = last + 1; row < m_proxy->rowCount() && next.isEmpty(); ++row)
            if (!deletedRows.contains(row))
                next = m_proxy->index(row, 0).data(JobListModel::JobIdRole).toString();
        for (int row = first - 1; row >= 0 && next.isEmpty(); --row)
            if (!deletedRows.contains(row))
                next = m_proxy->index(row, 0).data(JobListModel::JobIdRole).toString();
    }
    auto *request = new QObject(this);
    showBusyAfterDelay(tr("Deleting %n jobs…", nullptr, static_cast<int>(ids.size())), request);
    m_services.scheduler.removeJobs(ids, this, [this, request, ids, names, next](Result<QJsonValue> answer) {
        delete request;
        if (!answer) {
            showError(tr("Cannot delete the job"), answer.error().message);
            return;
        }
        m_deleteUndo.push({ids, names, m_services.clock.nowMs()});
        updateUndoAction();
        statusBar()->showMessage(
            DeleteWording::deleted(names, m_actions[Command::UndoDelete]->shortcut().toString(QKeySequence::NativeText)),
            10000);
        if (!next.isEmpty())
            selectJob(next);
    });
}

void MainWindow::deleteAll()
{
    const int count = m_model->rowCount();
    const int going = static_cast<int>(m_services.scheduler.activity().size());
    QString question = tr("Delete all %n jobs and their whole run history? This cannot be undone.", nullptr, count);
    if (going > 0)
        question += QLatin1Char(' ') + tr("%n of them are running or waiting to retry and will be stopped.", nullptr, going);
    if (count == 0
        || !m_confirm(tr("Delete all jobs"), question,
                      going > 0 ? tr("Stop and delete") : tr("Delete all %n jobs", nullptr, count)))
        return;
    auto *request = new QObject(this);
    showBusyAfterDelay(tr("Deleting %n jobs…", nullptr, count), request);
    m_services.scheduler.removeAllJobs(this, [this, request](Result<int> removed) {
        delete request;
        if (!removed)
            showError(tr("Cannot delete the jobs"), removed.error().message);
    });
}

void MainWindow::toggleScheduler()
{
    SchedulerClient &scheduler = m_services.scheduler;
    auto done = [this](Result<QJsonValue> answer) {
        if (!answer)
            showError(tr("Cannot pause the scheduler"), answer.error().message);
        updateStatus(); // the checkmark follows the host's state, whatever was clicked
    };
    if (scheduler.state() == Scheduler::State::Paused)
        scheduler.resumeScheduler(this, done);
    else
        scheduler.pauseScheduler(this, done);
}

// --- issue 18: undo, manual, columns, size ----------------------------------------------------------------------

void MainWindow::undoDelete()
{
    const std::optional<DeleteUndo::Batch> batch = m_deleteUndo.latest(m_services.clock.nowMs());
    updateUndoAction();
    if (!batch) {
        statusBar()->showMessage(tr("Nothing to undo: a delete can be undone for 10 minutes"), 10000);
        return;
    }
    m_actions[Command::UndoDelete]->setEnabled(false); // until the host has answered
    m_services.scheduler.restoreJobs(batch->ids, this, [this, batch](Result<QJsonValue> answer) {
        // Undone or not, this delete is done with: the host no longer has it, or has it back.
        m_deleteUndo.dropLatest();
        updateUndoAction();
        if (!answer) {
            showError(tr("Cannot undo the delete"), answer.error().message);
            return;
        }
        statusBar()->showMessage(DeleteWording::restored(batch->names), 10000);
        // The rows came back with the host's events; read again so their last runs show too.
        m_selectAfterLoad = batch->ids;
        reload();
    });
}

void MainWindow::updateUndoAction()
{
    const std::optional<DeleteUndo::Batch> batch = m_deleteUndo.latest(m_services.clock.nowMs());
    QAction *undo = m_actions[Command::UndoDelete];
    undo->setEnabled(batch.has_value() && m_services.scheduler.isConnected());
    undo->setText(!batch ? tr("&Undo delete")
                  : batch->names.size() == 1
                      ? tr("&Undo delete of “%1”").arg(batch->names.front())
                      : tr("&Undo delete of %n jobs", nullptr, static_cast<int>(batch->names.size())));
}

void MainWindow::showManual()
{
    if (!m_manual) {
        m_manual = new ManualWindow(this);
        m_manual->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_manual->show();
    m_manual->raise();
    m_manual->activateWindow();
}

void MainWindow::selectWhenListed(const QStringList &ids)
{
    bool first = true;
    for (const QString &id : ids) {
        const int sourceRow = m_model->rowOf(id);
        const QModelIndex index = sourceRow >= 0 ? m_proxy->mapFromSource(m_model->index(sourceRow, 0)) : QModelIndex();
        if (!index.isValid())
            continue;
        m_view->selectionModel()->setCurrentIndex(
            index, (first ? QItemSelectionModel::ClearAndSelect : QItemSelectionModel::Select)
                       | QItemSelectionModel::Rows);
        if (first)
            m_view->scrollTo(index);
        first = false;
    }
}

void MainWindow::setDefaultColumnWidths()
{
    // From the texts the columns hold, in this font and language: a next run is "tomorrow 02:30" or a date.
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 24 + m_view->style()->pixelMetric(QStyle::PM_SmallIconSize); // icon, margins, sort arrow
    auto fit = [&](std::initializer_list<QString> texts) {
        int width = 0;
        for (const QString &text : texts)
            width = std::max(width, metrics.horizontalAdvance(text));
        return width + padding;
    };
    const std::int64_t now = m_services.clock.nowMs();
    QHeaderView *header = m_view->horizontalHeader();
    header->resizeSection(JobListModel::NameColumn, fit({QStringLiteral("Nightly backup of the photos")}));
    header->resizeSection(JobListModel::NextRunColumn,
                          fit({shortDateTime(now + 24 * 3600 * 1000, now), shortDateTime(now + 9 * 24 * 3600 * 1000, now),
                               m_model->headerData(JobListModel::NextRunColumn, Qt::Horizontal).toString()}));
    header->resizeSection(JobListModel::LastRunColumn, header->sectionSize(JobListModel::NextRunColumn));
    header->resizeSection(JobListModel::LastResultColumn,
                          fit({outcomeName(RunOutcome::TimedOut), outcomeName(RunOutcome::Interrupted),
                               QStringLiteral("12 min 30 s")}));
    header->resizeSection(JobListModel::StateColumn, fit({tr("Scheduled"), tr("Paused"), tr("Running")}));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(JobListModel::ScheduleColumn, QHeaderView::Stretch);
}

QSize MainWindow::defaultSize(const QRect &availableGeometry)
{
    // Room for the frame and a panel: a 1024×768 screen shows the whole window, State and the filter included.
    const QSize preferred(1100, 680);
    const QSize room = availableGeometry.size() - QSize(40, 60);
    return preferred.boundedTo(room).expandedTo(QSize(640, 400));
}

} // namespace punctual
