// Job › Backfill… in the main window (MainWindowHarness: a real host on a fake clock, a SQLite store): the action,
// a preview that records nothing, the backfill itself, and a refusal shown in the dialog.
#include "dialogs/backfilldialog.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"
#include "support/testsupport.h"

#include <QAction>
#include <QDateTimeEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t hour = 3'600'000;

} // namespace

class TestBackfillDialog : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { tearDownWindow(); }
    void previewThenBackfill();
    void refusalIsShownInTheDialog();

private:
    BackfillDialog *openDialog();

    TimeZoneGuard m_zone{"UTC"};
};

void TestBackfillDialog::init()
{
    setUpWindow();
    QVERIFY(m_window);
    addOrDie(JobBuilder("hourly").name("Hourly report").cron("0 * * * *", "UTC").function("ok"));
    addSucceeding("ok");
    m_window->show();
    QVERIFY(QTest::qWaitFor([&] { return m_window->selectJob("hourly"); }, 5000));
}

BackfillDialog *TestBackfillDialog::openDialog()
{
    QAction *action = m_window->action(MainWindow::Command::Backfill);
    if (!QTest::qWaitFor([&] { return action->isEnabled(); }, 5000))
        return nullptr;
    action->trigger();
    BackfillDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<BackfillDialog *>()) != nullptr; }, 5000))
        return nullptr;
    return dialog;
}

void TestBackfillDialog::previewThenBackfill()
{
    BackfillDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->fromEdit()->accessibleName().isEmpty());
    dialog->fromEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(startMs - 3 * hour, Qt::UTC));
    dialog->toEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(startMs - hour, Qt::UTC));

    QSignalSpy answered(dialog, &BackfillDialog::answered);
    dialog->previewButton()->click();
    QVERIFY(answered.wait(5000));
    QCOMPARE(dialog->timesList()->count(), 3);
    QVERIFY2(dialog->statusText().contains("3 fire time"), qPrintable(dialog->statusText()));
    QVERIFY(m_scheduler->history("hourly", -1).value().isEmpty()); // a preview runs nothing

    QSignalSpy backfilled(dialog, &BackfillDialog::backfilled);
    dialog->backfillButton()->click();
    QVERIFY(backfilled.wait(5000));
    QTRY_COMPARE(m_scheduler->history("hourly", -1).value().size(), 3);
    for (const RunRecord &run : m_scheduler->history("hourly", -1).value())
        QCOMPARE(run.reason, RunReason::Backfill);
}

void TestBackfillDialog::refusalIsShownInTheDialog()
{
    BackfillDialog *dialog = openDialog();
    QVERIFY(dialog);
    // From after To: the host's one-line reason, and the dialog stays open.
    dialog->fromEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(startMs - hour, Qt::UTC));
    dialog->toEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(startMs - 3 * hour, Qt::UTC));
    QSignalSpy answered(dialog, &BackfillDialog::answered);
    dialog->backfillButton()->click();
    QVERIFY(answered.wait(5000));
    QVERIFY2(dialog->statusText().startsWith("the range starts"), qPrintable(dialog->statusText()));
    QVERIFY(dialog->isVisible());
    QVERIFY(m_scheduler->history("hourly", -1).value().isEmpty());
}

QTEST_MAIN(TestBackfillDialog)
#include "testbackfilldialog.moc"
