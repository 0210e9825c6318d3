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
#include "time/clock.h"
#include "timeline/timelineview.h"
#include "timeline/timelinewidget.h"
#include "widgets/runhistorypane.h"
#include "widgets/storestatusbanner.h"

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

    connect(m_loader, &JobListLoader::loaded, this,
            [this](QList<JobSummary> jobs, QHash<QString, RunRecord> latestRuns) {
                m_model->setJobSummaries(std::move(jobs), std::move(latestRuns));
                updateEmptyState();
                updateStatus();
                updateActions();
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
    make(Command::DeleteAll, icon("action-delete-all"), tr("Delete &all…"), {}, tr("Delete every job"),
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
    make(Command::Settings, {}, tr("&Settings…"), QKeySequence::Preferences, tr("Change Punctual's settings"),
         [this] { emit settingsRequested(); });
    make(Command::Quit, {}, tr("&Quit"), QKeySequence::Quit, tr("Quit Punctual"), [this] {
        if (isSignalConnected(QMetaMethod::fromSignal(&MainWindow::quitRequested)))
            emit quitRequested();
        else
            close();
    });
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

    QMenu *job = menuBar()->addMenu(tr("&Job"));
    for (Command c : {Command::Add, Command::Edit, Command::RunNow, Command::Stop, Command::Pause,
                      Command::PauseWithNote, Command::Resume})
        job->addAction(m_actions[c]);
    job->addAction(m_actions[Command::Backfill]);
    job->addSeparator();
    job->addAction(m_actions[Command::Delete]);
    job->addAction(m_actions[Command::DeleteAll]);

    QMenu *view = menuBar()->addMenu(tr("&View"));
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
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);

    m_search = new QLineEdit(toolBar);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search jobs…"));
    m_search->setAccessibleName(tr("Search jobs")); // a placeholder is not read as the field's name
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    toolBar->addWidget(m_search);
    m_stateFilter = new QComboBox(toolBar);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    // The states the State column shows: a job running or waiting to retry is listed under that, not under its
    // stored state (Scheduled, Paused), so what is filtered is what is read.
    using Shown = JobListModel::ShownState;
    m_stateFilter->addItem(tr("All"));
    m_stateFilter->addItem(tr("Running"), static_cast<int>(Shown::Running));
    m_stateFilter->addItem(tr("Retrying"), static_cast<int>(Shown::Retrying));
    m_stateFilter->addItem(tr("Waiting"), static_cast<int>(Shown::Waiting));
    m_stateFilter->addItem(tr("Scheduled"), static_cast<int>(Shown::Scheduled));
    m_stateFilter->addItem(tr("Paused"), static_cast<int>(Shown::Paused));
    m_stateFilter->addItem(tr("Finished"), static_cast<int>(Shown::Finished));
    m_stateFilter->addItem(tr("On events"), static_cast<int>(Shown::OnEvents));
    toolBar->addWidget(m_stateFilter);

    auto applyFilter = [this] {
        JobFilter filter;
        filter.text = m_search->text();
        m_proxy->setFilter(filter);
        const QVariant state = m_stateFilter->currentData();
        m_proxy->setStateFilter(state.isValid() ? std::optional(static_cast<Shown>(state.toInt())) : std::nullopt);
        updateActions();
    };
    connect(m_search, &QLineEdit::textChanged, this, applyFilter);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, applyFilter);
}

QWidget *MainWindow::createCentralArea()
{
    m_view = new QTableView(this);
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
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    const int widths[] = {220, 300, 170, 120, 120, 90};
    for (int column = 0; column < JobListModel::ColumnCount; ++column)
        header->resizeSection(column, widths[column]);
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
    // View › Timeline: the third page; a click on a run selects its job here and the run in the history.
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
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_tableStack);
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
    layout->addLayout(bannerRow);
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
    if (!restoreGeometry(layout.geometry))
        resize(1100, 680);
    restoreState(layout.state);
    m_view->horizontalHeader()->restoreState(layout.columns);
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
    m_countLabel->setText(m_model->isLoaded() ? tr("%n job(s)", nullptr, m_model->rowCount()) : tr("Loading jobs…"));
    // A run waiting to retry is not running (its row says "Retrying ... at"): counted apart, when there is one.
    QString runs = tr("%n running", nullptr, m_services.scheduler.runningCount());
    if (const int retrying = m_services.scheduler.retryingCount(); retrying > 0)
        runs += QStringLiteral(", ") + tr("%n waiting to retry", nullptr, retrying);
    m_runningLabel->setText(runs);
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_model->isLoaded() && m_model->rowCount() == 0;
    m_tableStack->setCurrentIndex(empty ? 1 : 0);
    if (!empty && m_timelineAction->isChecked())
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
    connect(dialog, &JobEditorDialog::jobSaved, this, [this](const Job &job) { selectJob(job.id); });
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
        dialog->open();
    });
}

void MainWindow::runNow()
{
    const QStringList ids = selectedJobIds();
    if (ids.isEmpty())
        return;
    auto *request = new QObject(this);
    showBusyAfterDelay(tr("Starting %n job(s)…", nullptr, static_cast<int>(ids.size())), request);
    m_services.scheduler.runJobsNow(ids, this, [this, request](Result<QJsonValue> answer) {
        delete request;
        if (!answer) {
            showError(tr("Cannot run the job"), answer.error().message);
            return;
        }
        // Jobs already running (max instances) started nothing and recorded nothing: said where it is seen.
        const QJsonArray busy = answer.value().toObject().value(QStringLiteral("busy")).toArray();
        if (!busy.isEmpty())
            statusBar()->showMessage(busy.first().toObject().value(QStringLiteral("message")).toString(), 10000);
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
    showBusyAfterDelay(paused ? tr("Pausing %n job(s)…", nullptr, count) : tr("Resuming %n job(s)…", nullptr, count),
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
    for (const QString &id : ids) {
        const auto shown = m_model->shownState(m_model->rowOf(id));
        going += shown == JobListModel::ShownState::Running || shown == JobListModel::ShownState::Retrying ? 1 : 0;
    }
    QString question;
    if (ids.size() == 1) {
        const int row = m_model->rowOf(ids.front());
        const JobSummary *job = row >= 0 ? m_model->summaryAt(row) : nullptr;
        const QString name = job ? job->name : ids.front();
        if (m_model->shownState(row) == JobListModel::ShownState::Running)
            question = tr("“%1” is running. Stop it and delete the job?").arg(name);
        else if (m_model->shownState(row) == JobListModel::ShownState::Retrying)
            question = tr("“%1” is waiting to retry a failed run. Stop it and delete the job?").arg(name);
        else
            question = tr("Delete the job “%1” and its run history?").arg(name);
    } else if (going > 0) {
        question = tr("Delete %n job(s) and their run history?", nullptr, static_cast<int>(ids.size())) + QLatin1Char(' ')
            + tr("%n of them are running or waiting to retry and will be stopped.", nullptr, going);
    } else {
        question = tr("Delete %n job(s) and their run history?", nullptr, static_cast<int>(ids.size()));
    }
    if (!m_confirm(tr("Delete jobs"), question, going > 0 ? tr("Stop and delete") : QString()))
        return;
    auto *request = new QObject(this);
    showBusyAfterDelay(tr("Deleting %n job(s)…", nullptr, static_cast<int>(ids.size())), request);
    m_services.scheduler.removeJobs(ids, this, [this, request](Result<QJsonValue> answer) {
        delete request;
        if (!answer)
            showError(tr("Cannot delete the job"), answer.error().message);
    });
}

void MainWindow::deleteAll()
{
    const int count = m_model->rowCount();
    const int going = static_cast<int>(m_services.scheduler.activity().size());
    QString question = tr("Delete all %n job(s) and their whole run history? This cannot be undone.", nullptr, count);
    if (going > 0)
        question += QLatin1Char(' ') + tr("%n of them are running or waiting to retry and will be stopped.", nullptr, going);
    if (count == 0 || !m_confirm(tr("Delete all jobs"), question, going > 0 ? tr("Stop and delete") : QString()))
        return;
    auto *request = new QObject(this);
    showBusyAfterDelay(tr("Deleting %n job(s)…", nullptr, count), request);
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

} // namespace punctual
