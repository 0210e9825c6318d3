// The main window end to end on the offscreen platform: add, edit, pause, resume, run now and delete through the
// real widgets, checking both the model and the SQLite store. The window is a client of an in-process host
// (MainWindowHarness): what it asks is done once the host has answered, so the store is checked with QTRY_*.
#include "dialogs/jobeditordialog.h"
#include "models/jobfilterproxymodel.h"
#include "models/joblistmodel.h"
#include "models/runhistorymodel.h"
#include "models/runpresentation.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"
#include "triggers/crontrigger.h"
#include "widgets/runhistorypane.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

using namespace punctual;
using namespace punctual::test;

class TestMainWindow : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStoreShowsEmptyState();
    void messageGivenBeforeShowIsNotDrawnOverTheLabels();
    void addEditPauseResumeRunNowDelete();
    void deleteSeveralAndAll();
    void searchAndStateFilter();
    void actionsFollowSelection();
    void editorOffersTheListedSqlConnections();
    void pauseWithNoteShowsTheNote();
    void editorOffersTheListedJobsToChain();
    void deletingARunningJobStopsIt();
    void retryingJobIsShownNotCounted();
    void runNowOnARunningJobSaysWhy();
    void reloadKeepsChangesMadeWhileLoading();

private:
    JobEditorDialog *openEditor(MainWindow::Command command);
    void save(JobEditorDialog *dialog);
    Job storedJob(const QString &id);
    Job addJob(const QString &id, const QString &name, const QString &cron);
    QString stateText(const QString &id) const;
    QString runningText() const;

    /// Closes the window's error boxes (a modal box would stop the test) and keeps their texts: each is a failure.
    QTimer m_errorWatch;
    QStringList m_errors;
    bool m_confirmAnswer = true;
    int m_confirmations = 0;
    QString m_question; ///< the last confirmation's question and go-ahead button
    QString m_goAhead;
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests"));
    m_errorWatch.setInterval(20);
    connect(&m_errorWatch, &QTimer::timeout, this, [this] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box && box->objectName() == QLatin1String("errorBox")) {
            m_errors << box->windowTitle() + QStringLiteral(": ") + box->text();
            box->reject();
        }
    });
    m_errorWatch.start();
}

void TestMainWindow::init()
{
    setUpWindow();
    QVERIFY(m_window);
    m_confirmations = 0;
    m_confirmAnswer = true;
    m_errors.clear();
    m_window->setConfirmation([this](const QString &, const QString &question, const QString &goAhead) {
        ++m_confirmations;
        m_question = question;
        m_goAhead = goAhead;
        return m_confirmAnswer;
    });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get())); // shortcuts need an active window
    QTRY_VERIFY(m_window->jobModel()->isLoaded());
}

void TestMainWindow::cleanup()
{
    const QStringList errors = std::exchange(m_errors, {});
    tearDownWindow();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
}

JobEditorDialog *TestMainWindow::openEditor(MainWindow::Command command)
{
    QAction *action = m_window->action(command);
    if (!action->isEnabled())
        return nullptr;
    action->trigger();
    JobEditorDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<JobEditorDialog *>()) && dialog->isVisible(); }, 5000))
        return nullptr;
    return dialog;
}

void TestMainWindow::save(JobEditorDialog *dialog)
{
    QPushButton *saveButton = dialog->findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Save);
    QTRY_VERIFY(saveButton->isEnabled());
    QSignalSpy destroyed(dialog, &QObject::destroyed);
    QTest::mouseClick(saveButton, Qt::LeftButton);
    QTRY_COMPARE(destroyed.size(), 1);
}

Job TestMainWindow::storedJob(const QString &id)
{
    auto job = m_store->job(id);
    if (!job || !job.value())
        qFatal("job %s is not in the store", qPrintable(id));
    return *job.value();
}

Job TestMainWindow::addJob(const QString &id, const QString &name, const QString &cron)
{
    Job added = addOrDie(JobBuilder(id).name(name).cron(cron, "UTC").function(QStringLiteral("noop")));
    syncClient(); // the window has the job_added event
    return added;
}

QString TestMainWindow::stateText(const QString &id) const
{
    JobListModel *model = m_window->jobModel();
    return model->index(model->rowOf(id), JobListModel::StateColumn).data().toString();
}

QString TestMainWindow::runningText() const
{
    return m_window->findChild<QLabel *>("runningLabel")->text();
}

void TestMainWindow::messageGivenBeforeShowIsNotDrawnOverTheLabels()
{
    // What the app does when it starts the host: a message before the window is shown (again, from the tray).
    m_window->hide();
    m_window->statusBar()->showMessage("Started the Punctual scheduler", 15000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->statusBar()->currentMessage(), QString("Started the Punctual scheduler"));
    const auto *label = m_window->findChild<QLabel *>("schedulerStateLabel");
    QVERIFY(label);
    QVERIFY(!label->isVisible()); // hidden while the message is shown, not painted under it
    m_window->statusBar()->clearMessage();
    QVERIFY(label->isVisible());
}

void TestMainWindow::emptyStoreShowsEmptyState()
{
    auto *stack = m_window->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
    QVERIFY(!m_window->action(MainWindow::Command::DeleteAll)->isEnabled());
    QPushButton *add = m_window->findChild<QPushButton *>("emptyAddButton");
    QVERIFY(add && add->isVisible());
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<JobEditorDialog *>());
    m_window->findChild<JobEditorDialog *>()->reject();
}

void TestMainWindow::addEditPauseResumeRunNowDelete()
{
    // Add, through the editor's real widgets.
    JobEditorDialog *dialog = openEditor(MainWindow::Command::Add);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>("nameEdit"), "Warm the cache");
    QTest::keyClicks(dialog->findChild<QLineEdit *>("idEdit"), "cache_warmup");
    QTest::mouseClick(dialog->findChild<QRadioButton *>("cronRadio"), Qt::LeftButton);
    QLineEdit *cron = dialog->findChild<QLineEdit *>("cronEdit");
    cron->clear();
    QTest::keyClicks(cron, "55 * * * *");
    QComboBox *zone = dialog->findChild<QComboBox *>("timeZoneCombo");
    zone->setCurrentText("Europe/Berlin");
    QLineEdit *program = dialog->findChild<QLineEdit *>("programEdit");
    QTest::keyClicks(program, "/bin/echo");
    QTest::keyClicks(dialog->findChild<QLineEdit *>("argumentsEdit"), "warm 'the cache'");
    save(dialog);

    QCOMPARE(m_window->jobModel()->rowCount(), 1);
    Job stored = storedJob("cache_warmup");
    QCOMPARE(stored.name, QStringLiteral("Warm the cache"));
    QCOMPARE(stored.trigger->toJson().value("expression").toString(), QStringLiteral("55 * * * *"));
    QCOMPARE(stored.trigger->zone().id(), QByteArray("Europe/Berlin"));
    const auto *command = std::get_if<CommandAction>(&stored.action);
    QVERIFY(command);
    QCOMPARE(command->program, QStringLiteral("/bin/echo"));
    QCOMPARE(command->arguments, (QStringList{"warm", "the cache"}));
    QTRY_COMPARE(m_window->selectedJobIds(), QStringList{"cache_warmup"}); // the new job is selected
    const QModelIndex nameIndex = m_window->jobModel()->index(0, JobListModel::NameColumn);
    QCOMPARE(nameIndex.data().toString(), QStringLiteral("Warm the cache"));

    // Edit: double-click opens the editor on the job; change its name and schedule.
    QTableView *view = m_window->jobView();
    const QRect cell = view->visualRect(m_window->proxyModel()->index(0, JobListModel::NameColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center()); // the press a double-click follows
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_VERIFY((dialog = m_window->findChild<JobEditorDialog *>()) && dialog->isVisible());
    QLineEdit *name = dialog->findChild<QLineEdit *>("nameEdit");
    QCOMPARE(name->text(), QStringLiteral("Warm the cache"));
    name->clear();
    QTest::keyClicks(name, "Warm every page");
    cron = dialog->findChild<QLineEdit *>("cronEdit");
    cron->clear();
    QTest::keyClicks(cron, "*/30 * * * *");
    save(dialog);
    stored = storedJob("cache_warmup");
    QCOMPARE(stored.name, QStringLiteral("Warm every page"));
    QCOMPARE(stored.trigger->toJson().value("expression").toString(), QStringLiteral("*/30 * * * *"));
    QCOMPARE(m_window->jobModel()->index(0, JobListModel::NameColumn).data().toString(),
             QStringLiteral("Warm every page"));

    // Pause, then resume.
    QVERIFY(m_window->action(MainWindow::Command::Pause)->isEnabled());
    QVERIFY(!m_window->action(MainWindow::Command::Resume)->isEnabled());
    m_window->action(MainWindow::Command::Pause)->trigger();
    QTRY_VERIFY(storedJob("cache_warmup").paused);
    QTRY_COMPARE(m_window->jobModel()->index(0, JobListModel::StateColumn).data().toString(), QStringLiteral("Paused"));
    QCOMPARE(m_window->jobModel()->index(0, JobListModel::NextRunColumn).data().toString(), QStringLiteral("—"));
    QTRY_VERIFY(m_window->action(MainWindow::Command::Resume)->isEnabled());
    // The offscreen platform has no window manager to hand activation back after the dialog closed.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->jobView()->setFocus();
    QTest::keyClick(m_window->jobView(), Qt::Key_P, Qt::ControlModifier); // Ctrl+P toggles back
    QTRY_VERIFY(!storedJob("cache_warmup").paused);
    QVERIFY(storedJob("cache_warmup").nextRunTime.has_value());
    QTRY_COMPARE(m_window->jobModel()->index(0, JobListModel::StateColumn).data().toString(),
                 QStringLiteral("Scheduled"));

    // Run now: the run appears in the history pane with its output, and in the store.
    m_window->action(MainWindow::Command::RunNow)->trigger();
    RunHistoryModel *history = m_window->historyPane()->model();
    QCOMPARE(history->jobId(), QStringLiteral("cache_warmup"));
    QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() == 1 && history->runAt(0)->outcome == RunOutcome::Success, 10000);
    QCOMPARE(history->runAt(0)->output, QStringLiteral("warm the cache\n"));
    const auto runs = m_store->runs("cache_warmup", 10).value();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.front().outcome, RunOutcome::Success);
    QTRY_VERIFY(m_window->jobModel()->index(0, JobListModel::LastResultColumn).data().toString().size() > 0);

    // Delete, confirmed.
    m_confirmAnswer = true;
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(m_confirmations, 1);
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 0);
    QVERIFY(!m_store->job("cache_warmup").value());
}

void TestMainWindow::deleteSeveralAndAll()
{
    addJob("a", "Alpha", "0 * * * *");
    addJob("b", "Beta", "5 * * * *");
    addJob("c", "Gamma", "10 * * * *");
    QCOMPARE(m_window->jobModel()->rowCount(), 3);
    m_window->jobView()->selectAll();
    QCOMPARE(m_window->selectedJobIds().size(), 3);

    m_confirmAnswer = false; // cancelled: nothing happens (nothing is asked of the host)
    m_window->action(MainWindow::Command::Delete)->trigger();
    syncClient();
    QCOMPARE(m_store->jobCount().value(), 3);
    QCOMPARE(m_window->jobModel()->rowCount(), 3);

    m_window->jobView()->clearSelection();
    QVERIFY(m_window->selectJob("a"));
    m_window->jobView()->selectionModel()->select(
        m_window->proxyModel()->mapFromSource(m_window->jobModel()->index(m_window->jobModel()->rowOf("b"), 0)),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_confirmAnswer = true;
    m_window->action(MainWindow::Command::Delete)->trigger();
    QTRY_COMPARE(m_store->jobCount().value(), 1);
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 1);
    QCOMPARE(m_window->jobModel()->jobAt(0)->id, QStringLiteral("c"));

    m_window->action(MainWindow::Command::DeleteAll)->trigger();
    QTRY_COMPARE(m_store->jobCount().value(), 0);
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 0);
    QTRY_COMPARE(m_window->findChild<QStackedWidget *>()->currentWidget()->objectName(), QStringLiteral("emptyState"));
}

void TestMainWindow::searchAndStateFilter()
{
    addJob("tokens", "Delete expired tokens", "0 * * * *");
    addJob("cache", "Warm the cache", "55 * * * *");
    addJob("backup", "Nightly backup", "30 2 * * *");
    QVERIFY(m_scheduler->pauseJob("backup"));
    syncClient();
    QLineEdit *search = m_window->findChild<QLineEdit *>("searchEdit");
    QTest::keyClicks(search, "cache");
    QCOMPARE(m_window->proxyModel()->rowCount(), 1);
    search->clear();
    QCOMPARE(m_window->proxyModel()->rowCount(), 3);
    QComboBox *state = m_window->findChild<QComboBox *>("stateFilter");
    state->setCurrentIndex(state->findData(static_cast<int>(JobListModel::ShownState::Paused)));
    QCOMPARE(m_window->proxyModel()->rowCount(), 1);
    QCOMPARE(m_window->proxyModel()->index(0, 0).data(JobListModel::JobIdRole).toString(), QStringLiteral("backup"));
}

void TestMainWindow::actionsFollowSelection()
{
    addJob("a", "Alpha", "0 * * * *");
    addJob("b", "Beta", "5 * * * *");
    m_window->jobView()->clearSelection();
    for (auto command : {MainWindow::Command::Edit, MainWindow::Command::RunNow, MainWindow::Command::Pause,
                         MainWindow::Command::Resume, MainWindow::Command::Delete})
        QVERIFY(!m_window->action(command)->isEnabled());
    QVERIFY(m_window->action(MainWindow::Command::DeleteAll)->isEnabled());
    m_window->jobView()->selectAll();
    QVERIFY(!m_window->action(MainWindow::Command::Edit)->isEnabled()); // one job at a time
    QVERIFY(m_window->action(MainWindow::Command::Pause)->isEnabled());
    QVERIFY(!m_window->action(MainWindow::Command::Resume)->isEnabled());
    m_window->action(MainWindow::Command::Pause)->trigger(); // one pause_jobs request for both
    QTRY_VERIFY(storedJob("a").paused && storedJob("b").paused);
    QTRY_VERIFY(!m_window->action(MainWindow::Command::Pause)->isEnabled());
    QVERIFY(m_window->action(MainWindow::Command::Resume)->isEnabled());
    QVERIFY(m_window->findChild<QLabel *>("jobCountLabel")->text().contains("2"));
}

void TestMainWindow::editorOffersTheListedSqlConnections()
{
    Job job;
    job.id = QStringLiteral("tokens");
    job.trigger = std::shared_ptr<const Trigger>(CronTrigger::create("0 * * * *", ZoneRules::forZone("UTC")).value());
    SqlAction sql;
    sql.connection.name = QStringLiteral("app database");
    sql.connection.database = m_dir.filePath(QStringLiteral("app.db"));
    sql.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now")};
    job.action = sql;
    QVERIFY(m_scheduler->addJob(job));
    addJob("other", "Other", "5 * * * *"); // not an sql job: offers nothing
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 2);

    // A new job's editor offers the connection the listed job uses (taken from the window's list).
    JobEditorDialog *dialog = openEditor(MainWindow::Command::Add);
    QVERIFY(dialog);
    auto *connections = dialog->findChild<QComboBox *>(QStringLiteral("sqlConnectionCombo"));
    QVERIFY(connections);
    QCOMPARE(connections->count(), 1);
    QCOMPARE(connections->itemText(0), QStringLiteral("app database"));
    dialog->reject();
}

void TestMainWindow::pauseWithNoteShowsTheNote()
{
    addJob("backup", "Nightly backup", "30 2 * * *");
    addJob("report", "Report", "0 9 * * *");
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 2);
    QVERIFY(m_window->selectJob("backup"));
    QString offered = QStringLiteral("not asked");
    std::optional<QString> answer = QStringLiteral("  Disk swapped until Friday  ");
    m_window->setNoteQuestion([&](const QString &current) {
        offered = current;
        return answer;
    });
    QAction *pauseWithNote = m_window->action(MainWindow::Command::PauseWithNote);
    QVERIFY(pauseWithNote->isEnabled());
    pauseWithNote->trigger();
    QCOMPARE(offered, QString());
    QTRY_COMPARE(storedJob("backup").pauseNote, QStringLiteral("Disk swapped until Friday")); // trimmed
    QVERIFY(storedJob("backup").paused);
    QVERIFY(!storedJob("report").paused);

    // The State column says Paused; its tooltip and the history pane give the note.
    const int row = m_window->jobModel()->rowOf("backup");
    const QModelIndex state = m_window->jobModel()->index(row, JobListModel::StateColumn);
    QTRY_COMPARE(state.data().toString(), QStringLiteral("Paused"));
    QCOMPARE(state.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Paused: Disk swapped until Friday\nNo run until it is resumed."));
    auto *noteLabel = m_window->historyPane()->findChild<QLabel *>("pauseNoteLabel");
    QVERIFY(noteLabel);
    QTRY_VERIFY(noteLabel->isVisible());
    QCOMPARE(noteLabel->text(), QStringLiteral("Paused: Disk swapped until Friday"));

    // Asked again, the note is offered for editing; a new one replaces it; Cancel changes nothing.
    answer = QStringLiteral("Disk back on Monday");
    pauseWithNote->trigger();
    QCOMPARE(offered, QStringLiteral("Disk swapped until Friday"));
    QTRY_COMPARE(storedJob("backup").pauseNote, QStringLiteral("Disk back on Monday"));
    QTRY_COMPARE(noteLabel->text(), QStringLiteral("Paused: Disk back on Monday"));
    answer.reset();
    pauseWithNote->trigger();
    syncClient();
    QCOMPARE(storedJob("backup").pauseNote, QStringLiteral("Disk back on Monday"));

    // A note of two lines is refused with a message, nothing changes.
    answer = QStringLiteral("one\ntwo");
    pauseWithNote->trigger();
    QTRY_COMPARE(m_errors.size(), 1);
    m_errors.clear();
    QCOMPARE(storedJob("backup").pauseNote, QStringLiteral("Disk back on Monday"));

    // Resume clears it everywhere.
    m_window->action(MainWindow::Command::Resume)->trigger();
    QTRY_VERIFY(!storedJob("backup").paused);
    QCOMPARE(storedJob("backup").pauseNote, QString());
    QTRY_VERIFY(!noteLabel->isVisible());
    QTRY_COMPARE(state.data().toString(), QStringLiteral("Scheduled"));
}

void TestMainWindow::editorOffersTheListedJobsToChain()
{
    addJob("backup", "Nightly backup", "30 2 * * *");
    addJob("report", "Report", "0 9 * * *");
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 2);
    QVERIFY(m_window->selectJob("backup"));
    JobEditorDialog *dialog = openEditor(MainWindow::Command::Edit);
    QVERIFY(dialog);
    auto *jobs = dialog->findChild<QComboBox *>(QStringLiteral("chainJobCombo"));
    QVERIFY(jobs);
    QCOMPARE(jobs->count(), 1); // the job edited is not offered
    QCOMPARE(jobs->itemText(0), QStringLiteral("Report (report)"));
    dialog->reject();
}

void TestMainWindow::deletingARunningJobStopsIt()
{
    addBlocking("block");
    addOrDie(JobBuilder("slow").name("Slow report").cron("0 * * * *", "UTC").function("block"));
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 1);
    QVERIFY(m_window->selectJob("slow"));
    m_window->action(MainWindow::Command::RunNow)->trigger();
    QTRY_COMPARE(runningText(), QStringLiteral("1 running"));
    QCOMPARE(stateText("slow"), QStringLiteral("Running"));

    // Asked in so many words; cancelled: nothing happens.
    m_confirmAnswer = false;
    m_window->action(MainWindow::Command::Delete)->trigger();
    QVERIFY(m_question.startsWith(QStringLiteral("“Slow report” is running. Stop it and delete the job?\n")));
    QCOMPARE(m_goAhead, QStringLiteral("Stop and delete"));
    QVERIFY(m_store->job("slow").value());
    QCOMPARE(m_scheduler->runningCount("slow"), 1);

    // Stop and delete: the run is stopped, and the status bar follows without a reload.
    m_confirmAnswer = true;
    QSignalSpy errors(m_client.get(), &SchedulerClient::jobError);
    m_window->action(MainWindow::Command::Delete)->trigger();
    QTRY_VERIFY(!m_store->job("slow").value());
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 0);
    QTRY_COMPARE(runningText(), QStringLiteral("0 running"));
    QTRY_COMPARE(m_scheduler->runningCount(), 0);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.front().front().value<RunRecord>().outcome, RunOutcome::Interrupted);

    // A job with nothing going is asked about as before.
    addJob("idle", "Idle", "0 * * * *");
    QTRY_VERIFY(m_window->selectJob("idle"));
    m_window->action(MainWindow::Command::Delete)->trigger();
    QVERIFY(m_question.startsWith(QStringLiteral("Delete the job “Idle” and its run history?\n")));
    QCOMPARE(m_goAhead, QStringLiteral("Delete “Idle”"));
}

void TestMainWindow::retryingJobIsShownNotCounted()
{
    addFailing("fail", "boom");
    Job job = JobBuilder("flaky").name("Flaky").cron("0 * * * *", "UTC").function("fail");
    job.options.maxRetries = 2;
    job.options.retryDelayMs = 300'000;
    addOrDie(job);
    addJob("other", "Other", "0 * * * *");
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 2);
    QVERIFY(m_window->selectJob("flaky"));
    m_window->action(MainWindow::Command::RunNow)->trigger();

    // The whole wait: "Retrying (2 of 3) at <local time>", not running, not counted in "N running".
    const QString at = shortDateTime(startMs + 300'000, startMs);
    QTRY_COMPARE(stateText("flaky"), QStringLiteral("Retrying (2 of 3) at %1").arg(at));
    QTRY_COMPARE(runningText(), QStringLiteral("0 running, 1 waiting to retry"));

    // The state filter lists it under what it shows.
    QComboBox *state = m_window->findChild<QComboBox *>("stateFilter");
    auto listed = [this] {
        QStringList ids;
        for (int row = 0; row < m_window->proxyModel()->rowCount(); ++row)
            ids << m_window->proxyModel()->index(row, 0).data(JobListModel::JobIdRole).toString();
        return ids;
    };
    state->setCurrentIndex(state->findData(static_cast<int>(JobListModel::ShownState::Retrying)));
    QCOMPARE(listed(), QStringList{"flaky"});
    state->setCurrentIndex(state->findData(static_cast<int>(JobListModel::ShownState::Scheduled)));
    QCOMPARE(listed(), QStringList{"other"});
    state->setCurrentIndex(state->findData(static_cast<int>(JobListModel::ShownState::Running)));
    QCOMPARE(listed(), QStringList());
    state->setCurrentIndex(0);

    // Deleting it says it waits, and ends the wait.
    QVERIFY(m_window->selectJob("flaky"));
    m_window->action(MainWindow::Command::Delete)->trigger();
    QVERIFY(m_question.startsWith(QStringLiteral("“Flaky” is waiting to retry a failed run. Stop it and delete the job?")));
    QCOMPARE(m_goAhead, QStringLiteral("Stop and delete"));
    QTRY_COMPARE(runningText(), QStringLiteral("0 running"));
    QTRY_VERIFY(!m_scheduler->retryWait("flaky"));
    QTRY_VERIFY(!m_store->job("flaky").value());
}

void TestMainWindow::runNowOnARunningJobSaysWhy()
{
    addBlocking("block");
    addOrDie(JobBuilder("slow").name("Slow report").cron("0 * * * *", "UTC").function("block"));
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 1);
    QVERIFY(m_window->selectJob("slow"));
    m_window->action(MainWindow::Command::RunNow)->trigger();
    QTRY_COMPARE(runningText(), QStringLiteral("1 running"));
    JobListModel *model = m_window->jobModel();
    const QModelIndex result = model->index(model->rowOf("slow"), JobListModel::LastResultColumn);
    QCOMPARE(result.data().toString(), QString()); // not run to the end yet

    m_window->action(MainWindow::Command::RunNow)->trigger();
    QTRY_COMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("\"Slow report\" is already running (max instances 1); nothing started"));
    syncClient();
    QCOMPARE(result.data().toString(), QString()); // no "skipped" over the run going
    QCOMPARE(m_store->runs("slow", 10).value().size(), 1);

    m_gate.release();
    QTRY_COMPARE(runningText(), QStringLiteral("0 running"));
    QTRY_VERIFY(!result.data().toString().isEmpty());
    QCOMPARE(model->lastRunAt(model->rowOf("slow"))->outcome, RunOutcome::Success);
}

void TestMainWindow::reloadKeepsChangesMadeWhileLoading()
{
    addJob("a", "Alpha", "0 * * * *");
    addJob("gone", "Gone", "5 * * * *");
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 2);
    QSignalSpy loaded(m_window.get(), &MainWindow::listLoaded);
    m_window->reload();
    // The snapshot is read; its delivery waits in this thread's event queue while these are made on the host (their
    // events wait in the socket). Which the window takes in first is the event loop's business: either way the list
    // ends with the changes (the model's side of it, events before the snapshot, is testjoblistmodel's).
    QThreadPool::globalInstance()->waitForDone();
    JobChanges rename;
    rename.name = "Renamed";
    QVERIFY(m_scheduler->modifyJob("a", rename));
    QVERIFY(m_scheduler->removeJob("gone"));
    addOrDie(JobBuilder("new").name("New").cron("10 * * * *", "UTC").function(QStringLiteral("noop")));
    QCOMPARE(loaded.size(), 0);

    QTRY_COMPARE(loaded.size(), 1);
    syncClient();
    JobListModel *model = m_window->jobModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->jobAt(model->rowOf("a"))->name, QStringLiteral("Renamed"));
    QCOMPARE(model->rowOf("gone"), -1);
    QVERIFY(model->rowOf("new") >= 0);
}

QTEST_MAIN(TestMainWindow)
#include "testmainwindow.moc"
