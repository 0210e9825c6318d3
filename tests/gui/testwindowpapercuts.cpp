// What a new user stumbled on in the main window (issue 18), each tried through the real widgets offscreen against an
// in-process host (MainWindowHarness): feedback after Run now / Save / Delete, undo of a delete with its history, the
// selection after a delete and in the history, column widths, plural wording and buttons that say what they do,
// the Failed filter and a search of commands, URLs and SQL, "No jobs match", the paused banner, the keyboard, unique
// menu mnemonics in every language, F1, accessible names, and the whole add → delete → undo flow from the keyboard.
#include "control/schedulerclient.h"
#include "dialogs/jobeditordialog.h"
#include "help/manualwindow.h"
#include "models/jobfilterproxymodel.h"
#include "models/joblistmodel.h"
#include "models/runhistorymodel.h"
#include "models/runpresentation.h"
#include "settings/language.h"
#include "settings/settings.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"
#include "tray/traycontroller.h"
#include "widgets/nomatchstate.h"
#include "widgets/pausedbanner.h"
#include "widgets/runhistorypane.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

using namespace punctual;
using namespace punctual::test;

namespace {

/// The mnemonic letters of @p menu's visible actions that clash: "S: Export &selected jobs…, &Settings…".
QStringList mnemonicClashes(const QMenu *menu)
{
    QHash<QChar, QStringList> byKey;
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QString text = action->text();
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text[i] != QLatin1Char('&'))
                continue;
            if (text[i + 1] == QLatin1Char('&')) { // "&&" is a literal ampersand
                ++i;
                continue;
            }
            byKey[text[i + 1].toLower()] << text;
            break;
        }
    }
    QStringList clashes;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (it.value().size() > 1)
            clashes << QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(", ")));
    }
    return clashes;
}

/// @p menu and every submenu in it.
QList<QMenu *> withSubmenus(QMenu *menu)
{
    QList<QMenu *> menus{menu};
    for (QAction *action : menu->actions()) {
        if (action->menu())
            menus << withSubmenus(action->menu());
    }
    return menus;
}

QString accessibleName(QObject *object)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(object);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

} // namespace

class TestWindowPapercuts : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void runNowSaveAndDeleteSaySo();
    void undoDeleteBringsJobsBackWithTheirHistory();
    void undoIsForTenMinutes();
    void afterADeleteTheNextRowIsSelected();
    void newestRunIsSelectedSoItsOutputShows();
    void scheduleTakesTheSpareWidthAndResultFits();
    void columnWidthsStayBetweenVisits();
    void defaultSizeFitsASmallScreen();
    void confirmationsNameTheJobsAndSayWhatTheyDo();
    void countsArePlurals();
    void failedFilterAndSearchOfCommandUrlAndSql();
    void noMatchSaysSoWithClear();
    void escapeClearsTheSearchAndDownGoesToTheList();
    void pausedSchedulerShowsABannerWithResume();
    void focusStartsInTheTableOnTheFirstRow();
    void homeAndEndGoToTheFirstAndLastJob();
    void tabIntoTheTableSelectsARow();
    void menuMnemonicsAreUniqueInEveryLanguage_data();
    void menuMnemonicsAreUniqueInEveryLanguage();
    void f1OpensTheManual();
    void everyControlHasAnAccessibleName();
    void keyboardOnlyAddRunPauseDeleteUndo();

private:
    void showWindow();
    Job addJob(const QString &id, const QString &name, const QString &cron = QStringLiteral("0 * * * *"),
               const QString &function = QStringLiteral("noop"));
    /// Runs @p id on the host and waits until the window has heard that it ended.
    void runToEnd(const QString &id);
    QString message() const { return m_window->statusBar()->currentMessage(); }
    QStringList listedIds() const;
    QString currentPage() const;

    QTimer m_errorWatch;
    QStringList m_errors;
    QString m_question;
    QString m_goAhead;
    bool m_realConfirmation = false;
};

void TestWindowPapercuts::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests-papercuts"));
    QCoreApplication::setApplicationName(QStringLiteral("punctual-tests-papercuts"));
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

void TestWindowPapercuts::init()
{
    Settings::setWindowLayout({}); // each test starts with the default layout
    setUpWindow();
    QVERIFY(m_window);
    m_errors.clear();
    m_window->resize(1100, 700); // the offscreen screen is 800×600: the toolbar would fold
    m_window->setConfirmation([this](const QString &, const QString &question, const QString &goAhead) {
        m_question = question;
        m_goAhead = goAhead;
        return true;
    });
}

void TestWindowPapercuts::showWindow()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // Loaded, and no second load on its way (it would select the first row again).
    auto *loader = m_window->findChild<JobListLoader *>();
    QTRY_VERIFY(m_window->jobModel()->isLoaded() && !loader->isLoading());
}

void TestWindowPapercuts::cleanup()
{
    language::apply(QStringLiteral("en"));
    const QStringList errors = std::exchange(m_errors, {});
    tearDownWindow();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
}

Job TestWindowPapercuts::addJob(const QString &id, const QString &name, const QString &cron, const QString &function)
{
    Job added = addOrDie(JobBuilder(id).name(name).cron(cron, "UTC").function(function));
    syncClient();
    return added;
}

void TestWindowPapercuts::runToEnd(const QString &id)
{
    QSignalSpy succeeded(m_client.get(), &SchedulerClient::jobExecuted);
    QSignalSpy failed(m_client.get(), &SchedulerClient::jobError);
    QVERIFY(m_scheduler->runJobNow(id));
    QTRY_VERIFY(succeeded.size() + failed.size() > 0);
}

QStringList TestWindowPapercuts::listedIds() const
{
    QStringList ids;
    for (int row = 0; row < m_window->proxyModel()->rowCount(); ++row)
        ids << m_window->proxyModel()->index(row, 0).data(JobListModel::JobIdRole).toString();
    return ids;
}

QString TestWindowPapercuts::currentPage() const
{
    return m_window->findChild<QStackedWidget *>()->currentWidget()->objectName();
}

// --- 1. feedback ---------------------------------------------------------------------------------------------

void TestWindowPapercuts::runNowSaveAndDeleteSaySo()
{
    showWindow();
    addJob("backup", "Nightly backup");
    addJob("a", "A", "5 * * * *");
    addJob("b", "B", "10 * * * *");

    // Save, in the real editor.
    QVERIFY(m_window->selectJob("backup"));
    m_window->action(MainWindow::Command::Edit)->trigger();
    JobEditorDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<JobEditorDialog *>()) && dialog->isVisible());
    QPushButton *save = dialog->findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Save);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(message(), QString("Saved “Nightly backup”"));

    m_window->statusBar()->clearMessage();
    QVERIFY(m_window->selectJob("backup"));
    m_window->action(MainWindow::Command::RunNow)->trigger();
    QTRY_COMPARE(message(), QString("Started “Nightly backup”"));

    m_window->jobView()->selectAll();
    m_window->action(MainWindow::Command::Delete)->trigger();
    QTRY_COMPARE(message(), QString("Deleted 3 jobs · Undo (Ctrl+Z)"));
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 0);
}

// --- 2. undo ----------------------------------------------------------------------------------------------------

void TestWindowPapercuts::undoDeleteBringsJobsBackWithTheirHistory()
{
    addSucceeding("hello", "hello from the run");
    showWindow();
    addJob("backup", "Nightly backup", "0 * * * *", "hello");
    addJob("other", "Other", "30 * * * *");
    runToEnd("backup");
    runToEnd("backup");
    QCOMPARE(m_store->runs("backup", 10).value().size(), 2);
    QAction *undo = m_window->action(MainWindow::Command::UndoDelete);
    QVERIFY(!undo->isEnabled()); // nothing deleted yet

    QVERIFY(m_window->selectJob("backup"));
    m_window->action(MainWindow::Command::Delete)->trigger();
    QTRY_VERIFY(!m_store->job("backup").value());
    QVERIFY(m_store->runs("backup", 10).value().isEmpty());
    QTRY_VERIFY(undo->isEnabled());
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(undo->text(), QString("&Undo delete of “Nightly backup”"));

    // Ctrl+Z, as a user presses it in the list.
    m_clock.advance(60'000);
    m_window->jobView()->setFocus();
    QTest::keyClick(m_window->jobView(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(m_store->job("backup").value().has_value());
    const QList<RunRecord> runs = m_store->runs("backup", 10).value();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.first().outcome, RunOutcome::Success);
    QCOMPARE(runs.first().output, QString("hello from the run"));
    QTRY_COMPARE(message(), QString("Restored “Nightly backup”"));
    // Listed again with its last run, selected, its history shown.
    QTRY_COMPARE(m_window->selectedJobIds(), QStringList{"backup"});
    const int row = m_window->jobModel()->rowOf("backup");
    QVERIFY(m_window->jobModel()->lastRunAt(row));
    QTRY_COMPARE(m_window->historyPane()->model()->rowCount(), 2);
    QVERIFY(!undo->isEnabled()); // that delete is undone: nothing older to undo
}

void TestWindowPapercuts::undoIsForTenMinutes()
{
    showWindow();
    addJob("old", "Old");
    addJob("new", "New", "30 * * * *");
    QVERIFY(m_window->selectJob("old"));
    m_window->action(MainWindow::Command::Delete)->trigger();
    QTRY_VERIFY(m_window->action(MainWindow::Command::UndoDelete)->isEnabled());
    m_clock.advance(6 * 60'000);
    QVERIFY(m_window->selectJob("new"));
    m_window->action(MainWindow::Command::Delete)->trigger();
    QTRY_COMPARE(message(), QString("Deleted “New” · Undo (Ctrl+Z)")); // the host has answered
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 0);
    m_clock.advance(5 * 60'000); // "old" was deleted 11 minutes ago, "new" 5

    // The latest delete first; the one before is too old by then.
    m_window->action(MainWindow::Command::UndoDelete)->trigger();
    QTRY_VERIFY(m_store->job("new").value().has_value());
    QVERIFY(!m_store->job("old").value().has_value());
    QTRY_VERIFY(!m_window->action(MainWindow::Command::UndoDelete)->isEnabled());
    QVERIFY(!m_store->job("old").value().has_value());
}

// --- 3. selection -----------------------------------------------------------------------------------------------

void TestWindowPapercuts::afterADeleteTheNextRowIsSelected()
{
    showWindow();
    addJob("a", "A", "10 * * * *"); // listed by next run: a, b, c, d
    addJob("b", "B", "20 * * * *");
    addJob("c", "C", "30 * * * *");
    addJob("d", "D", "40 * * * *");
    QTRY_COMPARE(listedIds(), (QStringList{"a", "b", "c", "d"}));
    QVERIFY(m_window->selectJob("b"));
    m_window->action(MainWindow::Command::Delete)->trigger();
    QTRY_COMPARE(listedIds(), (QStringList{"a", "c", "d"}));
    QTRY_COMPARE(m_window->selectedJobIds(), QStringList{"c"});
    QVERIFY(m_window->selectJob("d")); // the last row: the one before it
    m_window->action(MainWindow::Command::Delete)->trigger();
    QTRY_COMPARE(listedIds(), (QStringList{"a", "c"}));
    QTRY_COMPARE(m_window->selectedJobIds(), QStringList{"c"});
}

void TestWindowPapercuts::newestRunIsSelectedSoItsOutputShows()
{
    addSucceeding("hello", "the newest output");
    addJob("a", "A", "10 * * * *", "hello");
    addJob("b", "B", "20 * * * *");
    runToEnd("a");
    runToEnd("a");
    showWindow();
    // The first row is selected from the start, and with it the newest run: its output shows, not "Select a run".
    QTRY_COMPARE(m_window->selectedJobIds(), QStringList{"a"});
    QTableView *history = m_window->historyPane()->view();
    QTRY_COMPARE(history->model()->rowCount(), 2);
    QTRY_COMPARE(history->currentIndex().row(), 0);
    QTRY_COMPARE(m_window->historyPane()->outputView()->toPlainText(), QString("the newest output"));
    // Another job, and back.
    QVERIFY(m_window->selectJob("b"));
    QTRY_COMPARE(history->model()->rowCount(), 0);
    QVERIFY(m_window->selectJob("a"));
    QTRY_COMPARE(history->currentIndex().row(), 0);
    QTRY_COMPARE(m_window->historyPane()->outputView()->toPlainText(), QString("the newest output"));
}

// --- 4. columns and size -------------------------------------------------------------------------------------

void TestWindowPapercuts::scheduleTakesTheSpareWidthAndResultFits()
{
    addJob("a", "A");
    m_window->resize(1400, 700);
    showWindow();
    QHeaderView *header = m_window->jobView()->horizontalHeader();
    const int state = header->sectionSize(JobListModel::StateColumn);
    QCOMPARE(header->sectionResizeMode(JobListModel::ScheduleColumn), QHeaderView::Stretch);
    QVERIFY2(header->sectionSize(JobListModel::ScheduleColumn) > 300,
             qPrintable(QString::number(header->sectionSize(JobListModel::ScheduleColumn))));
    m_window->resize(1600, 700);
    QTRY_VERIFY(header->sectionSize(JobListModel::ScheduleColumn) > 450); // the spare width goes to Schedule...
    QCOMPARE(header->sectionSize(JobListModel::StateColumn), state);     // ...not to State
    // Every column is on screen, State's right edge included.
    QVERIFY(header->sectionViewportPosition(JobListModel::StateColumn) + state <= header->viewport()->width());

    // The history's Result column fits "Timed out" and "Interrupted" (not "T…").
    QHeaderView *history = m_window->historyPane()->view()->horizontalHeader();
    const QFontMetrics metrics = m_window->historyPane()->view()->fontMetrics();
    for (RunOutcome outcome : {RunOutcome::TimedOut, RunOutcome::Interrupted, RunOutcome::Failed})
        QVERIFY(history->sectionSize(RunHistoryModel::OutcomeColumn)
                > metrics.horizontalAdvance(outcomeName(outcome)) + 16);
}

void TestWindowPapercuts::columnWidthsStayBetweenVisits()
{
    addJob("a", "A");
    m_window->resize(1200, 700);
    showWindow();
    QHeaderView *header = m_window->jobView()->horizontalHeader();
    header->resizeSection(JobListModel::NameColumn, 333);
    header->resizeSection(JobListModel::NextRunColumn, 177);
    QList<int> widths;
    for (int column = 0; column < JobListModel::ColumnCount; ++column)
        widths << header->sectionSize(column);
    m_window->close(); // saves the layout

    // The next visit: a new window, the same widths (Schedule still the one that stretches).
    tearDownWindow();
    setUpWindow();
    QVERIFY(m_window);
    showWindow();
    header = m_window->jobView()->horizontalHeader();
    QCOMPARE(m_window->size(), QSize(1200, 700));
    for (int column = 0; column < JobListModel::ColumnCount; ++column)
        QCOMPARE(header->sectionSize(column), widths[column]);
    QCOMPARE(header->sectionResizeMode(JobListModel::ScheduleColumn), QHeaderView::Stretch);
}

void TestWindowPapercuts::defaultSizeFitsASmallScreen()
{
    // A 1024×768 screen with a 32 px panel: the window and its frame fit in what is left.
    const QRect available(0, 0, 1024, 736);
    const QSize size = MainWindow::defaultSize(available);
    QVERIFY(size.width() <= 1024 - 20 && size.height() <= 736 - 40);
    QCOMPARE(MainWindow::defaultSize(QRect(0, 0, 1920, 1080)), QSize(1100, 680));
    // And the window can be that small: nothing in it insists on more.
    showWindow();
    QVERIFY2(m_window->minimumSizeHint().width() <= size.width(),
             qPrintable(QString::number(m_window->minimumSizeHint().width())));
}

// --- 5. wording ----------------------------------------------------------------------------------------------

void TestWindowPapercuts::confirmationsNameTheJobsAndSayWhatTheyDo()
{
    showWindow();
    addJob("backup", "Nightly backup");
    QVERIFY(m_window->selectJob("backup"));
    m_window->action(MainWindow::Command::Delete)->trigger();
    QCOMPARE(m_goAhead, QString("Delete “Nightly backup”"));
    QVERIFY(m_question.startsWith("Delete the job “Nightly backup” and its run history?"));
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 0);

    for (int i = 1; i <= 12; ++i)
        addJob(QStringLiteral("job%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("Job %1").arg(i),
               QStringLiteral("%1 * * * *").arg(i));
    QTRY_COMPARE(m_window->proxyModel()->rowCount(), 12);
    m_window->jobView()->selectAll();
    m_window->action(MainWindow::Command::Delete)->trigger();
    QCOMPARE(m_goAhead, QString("Delete 12 jobs"));
    // The first ten by name, then how many more.
    QVERIFY2(m_question.contains("“Job 1”, “Job 2”, “Job 3”, “Job 4”, “Job 5”, “Job 6”, “Job 7”, “Job 8”, “Job 9”, "
                                 "“Job 10” and 2 more"),
             qPrintable(m_question));
    QVERIFY(m_question.startsWith("Delete 12 jobs and their run history?"));
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 0);

    addJob("x", "X");
    addJob("y", "Y", "30 * * * *");
    m_window->jobView()->selectAll();
    m_window->action(MainWindow::Command::Delete)->trigger();
    QVERIFY2(m_question.contains("“Y” and “X”"), qPrintable(m_question)); // in the list's order: Y runs first
}

void TestWindowPapercuts::countsArePlurals()
{
    // English plurals come from the plural-only English translation: "1 job", "2 jobs", never "job(s)".
    QVERIFY(language::apply(QStringLiteral("en")));
    tearDownWindow();
    setUpWindow();
    showWindow();
    auto *count = m_window->findChild<QLabel *>("jobCountLabel");
    addJob("a", "A");
    QTRY_COMPARE(count->text(), QString("1 job"));
    addJob("b", "B", "30 * * * *");
    QTRY_COMPARE(count->text(), QString("2 jobs"));
    // No "(s)" or "(ies)" left in what the window, its menus and its tray say.
    const QStringList sources{"%n jobs", "Deleted %n jobs", "Delete %n jobs"};
    for (const QString &source : sources) {
        const QString one = QCoreApplication::translate("punctual::MainWindow", source.toUtf8(), nullptr, 1);
        QVERIFY2(!one.contains("(s)"), qPrintable(one));
    }
    QCOMPARE(QCoreApplication::translate("DeleteWording", "Deleted %n jobs", nullptr, 1),
             QString("Deleted 1 job"));
}

// --- 6. finding ----------------------------------------------------------------------------------------------

void TestWindowPapercuts::failedFilterAndSearchOfCommandUrlAndSql()
{
    addFailing("boom", "it broke");
    addJob("broken", "Broken", "0 * * * *", "boom");
    addJob("fine", "Fine", "10 * * * *");
    Job command = JobBuilder("cmd").name("Tidy").cron("20 * * * *", "UTC").command("/usr/bin/rsync", {"--delete-after"});
    addOrDie(command);
    Job web;
    web.id = "web";
    web.name = "Ping";
    web.trigger = command.trigger;
    HttpAction http;
    http.urls = {"https://status.example.org/health"};
    web.action = http;
    addOrDie(web);
    Job sql;
    sql.id = "sql";
    sql.name = "Purge";
    sql.trigger = command.trigger;
    SqlAction statements;
    statements.connection.driver = "QSQLITE";
    statements.connection.database = "/tmp/x.db";
    statements.statements = {"DELETE FROM sessions WHERE expires < now()"};
    sql.action = statements;
    addOrDie(sql);
    syncClient();
    runToEnd("broken");
    showWindow();

    QComboBox *state = m_window->stateFilter();
    for (const QString &wanted : {QString("Failed"), QString("Running"), QString("Waiting")})
        QVERIFY2(state->findText(wanted) >= 0, qPrintable(wanted));
    state->setCurrentIndex(state->findText("Failed"));
    QTRY_COMPARE(listedIds(), QStringList{"broken"});
    state->setCurrentIndex(0);

    QLineEdit *search = m_window->searchField();
    auto found = [&](const QString &text) {
        search->setText(text);
        QStringList ids = listedIds();
        ids.sort();
        return ids;
    };
    QCOMPARE(found("delete-after"), QStringList{"cmd"});  // an argument of the command
    QCOMPARE(found("status.example"), QStringList{"web"}); // the URL
    QCOMPARE(found("sessions expires"), QStringList{"sql"}); // the SQL statement's words
    QCOMPARE(m_window->jobModel()->index(m_window->jobModel()->rowOf("sql"), 0).data(JobListModel::SearchTextRole)
                 .toString(),
             QString("DELETE FROM sessions WHERE expires < now()"));
}

void TestWindowPapercuts::noMatchSaysSoWithClear()
{
    showWindow();
    QCOMPARE(currentPage(), QString("emptyState")); // an empty store still says "No jobs yet"
    addJob("a", "Backup");
    QTRY_COMPARE(currentPage(), QString("jobView"));
    QLineEdit *search = m_window->searchField();
    search->setFocus();
    QTest::keyClicks(search, "xyz");
    QTRY_COMPARE(currentPage(), QString("noMatchState"));
    QCOMPARE(m_window->noMatchState()->text(), QString("No jobs match “xyz”"));
    QVERIFY(search->hasFocus()); // typing goes on
    QTest::mouseClick(m_window->noMatchState()->clearButton(), Qt::LeftButton);
    QCOMPARE(search->text(), QString());
    QTRY_COMPARE(currentPage(), QString("jobView"));
    m_window->stateFilter()->setCurrentIndex(m_window->stateFilter()->findText("Paused"));
    QTRY_COMPARE(currentPage(), QString("noMatchState"));
    QCOMPARE(m_window->noMatchState()->text(), QString("No jobs are “Paused”"));
}

void TestWindowPapercuts::escapeClearsTheSearchAndDownGoesToTheList()
{
    addJob("a", "Backup", "10 * * * *");
    addJob("b", "Backup photos", "20 * * * *");
    addJob("c", "Other", "30 * * * *");
    showWindow();
    QLineEdit *search = m_window->searchField();
    search->setFocus();
    QTest::keyClicks(search, "photos");
    QTRY_COMPARE(listedIds(), QStringList{"b"});
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QTRY_COMPARE(listedIds().size(), 3);

    QTest::keyClicks(search, "backup");
    QTRY_COMPARE(listedIds(), (QStringList{"a", "b"}));
    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(m_window->jobView()->hasFocus());
    QCOMPARE(m_window->selectedJobIds(), QStringList{"a"});
    QTest::keyClick(m_window->jobView(), Qt::Key_Down);
    QCOMPARE(m_window->selectedJobIds(), QStringList{"b"});
}

// --- 7. paused ------------------------------------------------------------------------------------------------

void TestWindowPapercuts::pausedSchedulerShowsABannerWithResume()
{
    addJob("a", "A");
    showWindow();
    PausedBanner *banner = m_window->pausedBanner();
    QVERIFY(!banner->isVisible());
    m_window->action(MainWindow::Command::PauseScheduler)->trigger();
    QTRY_COMPARE(m_scheduler->state(), Scheduler::State::Paused);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(accessibleName(banner->resumeButton()), QString("Resume the scheduler"));
    QTest::mouseClick(banner->resumeButton(), Qt::LeftButton);
    QTRY_COMPARE(m_scheduler->state(), Scheduler::State::Running);
    QTRY_VERIFY(!banner->isVisible());
}

// --- 8. keyboard ------------------------------------------------------------------------------------------------

void TestWindowPapercuts::focusStartsInTheTableOnTheFirstRow()
{
    addJob("a", "A", "10 * * * *");
    addJob("b", "B", "20 * * * *");
    showWindow();
    QTRY_VERIFY(m_window->jobView()->hasFocus());
    QTRY_COMPARE(m_window->selectedJobIds(), QStringList{"a"});
    QCOMPARE(m_window->jobView()->currentIndex().row(), 0);
    // So Enter edits it.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    JobEditorDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<JobEditorDialog *>()) && dialog->isVisible());
    QTRY_COMPARE(dialog->findChild<QLineEdit *>("nameEdit")->text(), QString("A"));
    dialog->reject();
}

void TestWindowPapercuts::homeAndEndGoToTheFirstAndLastJob()
{
    for (int i = 1; i <= 5; ++i)
        addJob(QStringLiteral("j%1").arg(i), QStringLiteral("J%1").arg(i), QStringLiteral("%1 * * * *").arg(i * 5));
    showWindow();
    QTableView *view = m_window->jobView();
    QTRY_COMPARE(m_window->selectedJobIds(), QStringList{"j1"});
    view->setCurrentIndex(m_window->proxyModel()->index(2, JobListModel::ScheduleColumn));
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(m_window->selectedJobIds(), QStringList{"j5"});
    QCOMPARE(view->currentIndex().column(), int(JobListModel::ScheduleColumn)); // the column stays
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(m_window->selectedJobIds(), QStringList{"j1"});
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(m_window->selectedJobIds(), QStringList{"j5"});
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(m_window->selectedJobIds(), QStringList{"j1"});
}

void TestWindowPapercuts::tabIntoTheTableSelectsARow()
{
    addJob("a", "A", "10 * * * *");
    addJob("b", "B", "20 * * * *");
    showWindow();
    QTableView *view = m_window->jobView();
    view->clearSelection();
    QVERIFY(m_window->selectedJobIds().isEmpty());
    m_window->stateFilter()->setFocus();
    for (int i = 0; i < 10 && !view->hasFocus(); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(view->hasFocus());
    QCOMPARE(m_window->selectedJobIds().size(), 1); // the current row, selected: Enter and Delete act on it
}

// --- 9. menus and the manual ----------------------------------------------------------------------------------

void TestWindowPapercuts::menuMnemonicsAreUniqueInEveryLanguage_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("en") << "en";
    QTest::newRow("de") << "de";
    QTest::newRow("zh_CN") << "zh_CN";
}

void TestWindowPapercuts::menuMnemonicsAreUniqueInEveryLanguage()
{
    QFETCH(QString, code);
    QVERIFY(language::apply(code));
    tearDownWindow(); // its texts were made in English
    setUpWindow();
    showWindow();
    addJob("a", "A");
    QTRY_VERIFY(!m_window->selectedJobIds().isEmpty());

    QList<QMenu *> menus;
    // The menu bar itself: its menus' own mnemonics.
    QMenu bar;
    for (QAction *action : m_window->menuBar()->actions())
        bar.addAction(action);
    menus << &bar;
    for (QAction *action : m_window->menuBar()->actions())
        menus << withSubmenus(action->menu());
    // The job table's context menu is its actions.
    QMenu tableMenu;
    tableMenu.addActions(m_window->jobView()->actions());
    menus << &tableMenu;
    // The history's context menu (Why?).
    QMenu historyMenu;
    historyMenu.addAction(m_window->whyAction());
    menus << &historyMenu;
    // The tray menu.
    Settings settings(m_dir.filePath("tray.ini"));
    TrayController tray(*m_client, *m_window->jobModel(), m_clock, settings);
    menus << tray.menu();

    QStringList clashes;
    for (QMenu *menu : std::as_const(menus)) {
        for (const QString &clash : mnemonicClashes(menu))
            clashes << QStringLiteral("%1 [%2]").arg(clash, menu->title().isEmpty() ? menu->objectName() : menu->title());
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join('\n')));
    QVERIFY(m_window->menuBar()->actions().size() >= 6); // File, Edit, Job, View, Scheduler, Help
}

void TestWindowPapercuts::f1OpensTheManual()
{
    showWindow();
    QVERIFY(!m_window->manualWindow());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
    QTRY_VERIFY(m_window->manualWindow() && m_window->manualWindow()->isVisible());
    ManualWindow *manual = m_window->manualWindow();
    const QString text = manual->browser()->toPlainText();
    QVERIFY2(text.contains("Punctual User Manual") && text.contains("Getting started") && text.contains("punctualctl"),
             qPrintable(text.left(200)));
    // Markdown, formatted: headings, not "#" signs.
    QVERIFY(!text.contains("## "));
    // Ctrl+F finds in it.
    QVERIFY(QTest::qWaitForWindowExposed(manual));
    manual->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(manual));
    QTest::keyClick(manual->browser(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(manual->findEdit()->isVisible() && manual->findEdit()->hasFocus());
    QTest::keyClicks(manual->findEdit(), "Undo a delete");
    QCOMPARE(manual->browser()->textCursor().selectedText(), QString("Undo a delete"));
    // A link to another docs page opens it in the same browser.
    manual->browser()->setSource(QUrl("scheduling.md"));
    QTRY_VERIFY(manual->browser()->toPlainText().contains("Overlap policies"));
}

// --- 11. accessibility ---------------------------------------------------------------------------------------

void TestWindowPapercuts::everyControlHasAnAccessibleName()
{
    addJob("a", "A");
    showWindow();
    QCOMPARE(accessibleName(m_window->searchField()), QString("Search jobs"));
    // A combo box's name on Linux is its value ("All"): a screen reader reads its label, through the relation.
    QCOMPARE(m_window->stateFilter()->accessibleName(), QString("Show jobs by state"));
    QAccessibleInterface *filter = QAccessible::queryAccessibleInterface(m_window->stateFilter());
    const auto labels = filter->relations(QAccessible::Label);
    QCOMPARE(labels.size(), 1);
    QCOMPARE(labels.first().first->text(QAccessible::Name), QString("Show:"));
    QCOMPARE(accessibleName(m_window->jobView()), QString("Jobs"));
    QCOMPARE(accessibleName(m_window->historyPane()->view()), QString("Run history"));
    QCOMPARE(accessibleName(m_window->historyPane()->outputView()), QString("Run output"));
    // Every button and combo box shown, toolbar buttons included; tooltips plain text.
    QStringList unnamed;
    const auto widgets = m_window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible())
            continue;
        if (qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
            || qobject_cast<QLineEdit *>(widget)) {
            if (accessibleName(widget).trimmed().isEmpty())
                unnamed << QStringLiteral("%1 %2").arg(widget->metaObject()->className(), widget->objectName());
        }
        if (Qt::mightBeRichText(widget->toolTip()))
            unnamed << QStringLiteral("rich tooltip: %1").arg(widget->toolTip());
    }
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (Qt::mightBeRichText(action->toolTip()))
            unnamed << QStringLiteral("rich tooltip: %1").arg(action->toolTip());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join('\n')));
}

void TestWindowPapercuts::keyboardOnlyAddRunPauseDeleteUndo()
{
    // Only key presses on whatever has the focus, as a keyboard user works; the host is checked after each step.
    // The window's own question box (a new window: init() put a test's answer in place of it).
    tearDownWindow();
    setUpWindow();
    m_window->resize(1100, 700);
    showWindow();
    auto key = [](Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, k, modifiers);
    };
    auto focusName = [] { return QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString(); };

    // Ctrl+N: the editor, its name field first.
    key(Qt::Key_N, Qt::ControlModifier);
    JobEditorDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<JobEditorDialog *>()) && dialog->isVisible());
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTRY_COMPARE(focusName(), QString("nameEdit"));
    QTest::keyClicks(QApplication::focusWidget(), "Nightly backup");
    // Tab on to the schedule (cron by default), then to the command's program.
    for (int i = 0; i < 40 && focusName() != QLatin1String("cronEdit"); ++i)
        key(Qt::Key_Tab);
    QCOMPARE(focusName(), QString("cronEdit"));
    QTest::keyClicks(QApplication::focusWidget(), "30 2 * * *");
    for (int i = 0; i < 40 && focusName() != QLatin1String("programEdit"); ++i)
        key(Qt::Key_Tab);
    QCOMPARE(focusName(), QString("programEdit"));
    QTest::keyClicks(QApplication::focusWidget(), "/bin/true");
    key(Qt::Key_Return); // Enter saves
    QTRY_VERIFY(!m_window->findChild<JobEditorDialog *>());
    QTRY_COMPARE(m_store->jobs().value().size(), 1);
    const QString id = m_store->jobs().value().first().id;
    QTRY_COMPARE(m_window->selectedJobIds(), QStringList{id});
    // The offscreen platform has no window manager to hand activation back once the dialog is gone.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY(m_window->jobView()->hasFocus());

    // Ctrl+R: a run on the host.
    key(Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(m_store->runs(id, 10).value().size(), 1);
    // Ctrl+P: paused.
    key(Qt::Key_P, Qt::ControlModifier);
    QTRY_VERIFY(m_store->job(id).value()->paused);
    QTRY_VERIFY(m_store->runs(id, 10).value().first().isFinal());

    // Delete: the question, answered by Tab to its button and Space.
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() == QLatin1String("errorBox"))
            return;
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return;
        if (auto *button = qobject_cast<QPushButton *>(focus); button && button->text().startsWith("Delete")) {
            answer.stop();
            QTest::keyClick(focus, Qt::Key_Space);
        } else {
            QTest::keyClick(focus, Qt::Key_Tab);
        }
    });
    answer.start();
    key(Qt::Key_Delete);
    QTRY_VERIFY(!m_store->job(id).value().has_value());
    answer.stop();

    // Ctrl+Z: back, paused as it was, with its run.
    QTRY_VERIFY(m_window->action(MainWindow::Command::UndoDelete)->isEnabled());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    key(Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(m_store->job(id).value().has_value());
    QVERIFY(m_store->job(id).value()->paused);
    QCOMPARE(m_store->runs(id, 10).value().size(), 1);
    QTRY_COMPARE(m_window->selectedJobIds(), QStringList{id});
}

QTEST_MAIN(TestWindowPapercuts)
#include "testwindowpapercuts.moc"
