// The main window end to end on the offscreen platform: add, edit, pause, resume, run now and delete through the
// real widgets, checking both the model and the SQLite store.
#include "dialogs/jobeditordialog.h"
#include "models/jobfilterproxymodel.h"
#include "models/joblistmodel.h"
#include "models/runhistorymodel.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"
#include "triggers/crontrigger.h"
#include "widgets/runhistorypane.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

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
    void addEditPauseResumeRunNowDelete();
    void deleteSeveralAndAll();
    void searchAndStateFilter();
    void actionsFollowSelection();
    void editorOffersTheListedSqlConnections();

private:
    JobEditorDialog *openEditor(MainWindow::Command command);
    void save(JobEditorDialog *dialog);
    Job storedJob(const QString &id);
    Job addJob(const QString &id, const QString &name, const QString &cron);

    bool m_confirmAnswer = true;
    int m_confirmations = 0;
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests"));
}

void TestMainWindow::init()
{
    setUpWindow();
    QVERIFY(m_window);
    m_confirmations = 0;
    m_window->setConfirmation([this](const QString &, const QString &) {
        ++m_confirmations;
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
    tearDownWindow();
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
    return addOrDie(JobBuilder(id).name(name).cron(cron, "UTC").function(QStringLiteral("noop")));
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
    QVERIFY(storedJob("cache_warmup").paused);
    QCOMPARE(m_window->jobModel()->index(0, JobListModel::StateColumn).data().toString(), QStringLiteral("Paused"));
    QCOMPARE(m_window->jobModel()->index(0, JobListModel::NextRunColumn).data().toString(), QStringLiteral("—"));
    QVERIFY(m_window->action(MainWindow::Command::Resume)->isEnabled());
    // The offscreen platform has no window manager to hand activation back after the dialog closed.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->jobView()->setFocus();
    QTest::keyClick(m_window->jobView(), Qt::Key_P, Qt::ControlModifier); // Ctrl+P toggles back
    QVERIFY(!storedJob("cache_warmup").paused);
    QVERIFY(storedJob("cache_warmup").nextRunTime.has_value());
    QCOMPARE(m_window->jobModel()->index(0, JobListModel::StateColumn).data().toString(),
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
    QCOMPARE(m_window->jobModel()->rowCount(), 0);
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

    m_confirmAnswer = false; // cancelled: nothing happens
    m_window->action(MainWindow::Command::Delete)->trigger();
    QCOMPARE(m_store->jobCount().value(), 3);

    m_window->jobView()->clearSelection();
    QVERIFY(m_window->selectJob("a"));
    m_window->jobView()->selectionModel()->select(
        m_window->proxyModel()->mapFromSource(m_window->jobModel()->index(m_window->jobModel()->rowOf("b"), 0)),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_confirmAnswer = true;
    m_window->action(MainWindow::Command::Delete)->trigger();
    QCOMPARE(m_store->jobCount().value(), 1);
    QCOMPARE(m_window->jobModel()->rowCount(), 1);

    m_window->action(MainWindow::Command::DeleteAll)->trigger();
    QCOMPARE(m_store->jobCount().value(), 0);
    QCOMPARE(m_window->jobModel()->rowCount(), 0);
    QCOMPARE(m_window->findChild<QStackedWidget *>()->currentWidget()->objectName(), QStringLiteral("emptyState"));
}

void TestMainWindow::searchAndStateFilter()
{
    addJob("tokens", "Delete expired tokens", "0 * * * *");
    addJob("cache", "Warm the cache", "55 * * * *");
    addJob("backup", "Nightly backup", "30 2 * * *");
    QVERIFY(m_scheduler->pauseJob("backup"));
    QLineEdit *search = m_window->findChild<QLineEdit *>("searchEdit");
    QTest::keyClicks(search, "cache");
    QCOMPARE(m_window->proxyModel()->rowCount(), 1);
    search->clear();
    QCOMPARE(m_window->proxyModel()->rowCount(), 3);
    QComboBox *state = m_window->findChild<QComboBox *>("stateFilter");
    state->setCurrentIndex(state->findData(static_cast<int>(JobState::Paused)));
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
    m_window->action(MainWindow::Command::Pause)->trigger();
    QVERIFY(storedJob("a").paused && storedJob("b").paused);
    QVERIFY(!m_window->action(MainWindow::Command::Pause)->isEnabled());
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

QTEST_MAIN(TestMainWindow)
#include "testmainwindow.moc"
