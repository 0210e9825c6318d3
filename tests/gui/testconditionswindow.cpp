// Conditions that wait in the window: the job editor's "Only when" group, and a run waiting for AC power shown in
// the job list ("Waiting for AC power", its tooltip, the state filter), through a real host and client.
#include "desktop/desktopstate.h"
#include "dialogs/jobeditordialog.h"
#include "models/jobfilterproxymodel.h"
#include "models/joblistmodel.h"
#include "support/hostharness.h"
#include "support/jobbuilder.h"
#include "support/testsupport.h"
#include "triggers/crontrigger.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t minute = 60'000;

} // namespace

class TestConditionsWindow : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void editorGroupWritesTheOptions();
    void editorGroupShowsAJobsConditions();
    void editorFieldsHaveAccessibleNames();
    void listShowsWaitingForACPower();

private:
    template <typename T>
    T *child(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void openDialog();

    TimeZoneGuard m_zone{"Europe/Berlin"};
    ManualDesktopState m_desktop;
    std::unique_ptr<JobEditorDialog> m_dialog;
};

void TestConditionsWindow::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    addSucceeding("ok");
}

void TestConditionsWindow::init()
{
    setUpScheduler(T0);
    m_desktop.setOnBattery(false);
    m_scheduler->setDesktopState(&m_desktop);
    QVERIFY(m_scheduler->start());
    setUpHost();
}

void TestConditionsWindow::cleanup()
{
    m_dialog.reset();
    stopRuns();
    tearDownHost();
    tearDownScheduler();
}

void TestConditionsWindow::openDialog()
{
    m_dialog = std::make_unique<JobEditorDialog>(*m_client, m_clock, m_functions);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestConditionsWindow::editorGroupWritesTheOptions()
{
    openDialog();
    child<QLineEdit>("cronEdit")->setText("0 3 * * *");
    child<QLineEdit>("programEdit")->setText("/bin/true");
    // Nothing checked: nothing to wait for, so the deadline and stop-if-lost have no say.
    QVERIFY(!child<QComboBox>("requireDeadlineCombo")->isEnabled());
    QVERIFY(!child<QCheckBox>("stopIfLostCheck")->isEnabled());
    auto plain = m_dialog->jobFromInput();
    QVERIFY_OK(plain);
    QVERIFY(plain->options.conditions.isEmpty());
    QVERIFY(!plain->options.requireDeadlineMs);

    QTest::mouseClick(child<QCheckBox>("acPowerCheck"), Qt::LeftButton);
    QTest::mouseClick(child<QCheckBox>("unmeteredCheck"), Qt::LeftButton);
    QVERIFY(!child<QSpinBox>("idleSpin")->isEnabled());
    QTest::mouseClick(child<QCheckBox>("idleCheck"), Qt::LeftButton);
    QVERIFY(child<QSpinBox>("idleSpin")->isEnabled());
    child<QSpinBox>("idleSpin")->setValue(15);
    auto *deadline = child<QComboBox>("requireDeadlineCombo");
    QVERIFY(deadline->isEnabled());
    QVERIFY(!child<QSpinBox>("requireDeadlineSpin")->isEnabled());
    deadline->setCurrentIndex(2); // at most N minutes
    QVERIFY(child<QSpinBox>("requireDeadlineSpin")->isEnabled());
    child<QSpinBox>("requireDeadlineSpin")->setValue(90);
    QTest::mouseClick(child<QCheckBox>("stopIfLostCheck"), Qt::LeftButton);

    auto job = m_dialog->jobFromInput();
    QVERIFY_OK(job);
    QCOMPARE(conditionNames(job->options.conditions), (QStringList{"ac-power", "unmetered", "idle:15m"}));
    QCOMPARE(job->options.requireDeadlineMs, (std::optional<std::optional<std::int64_t>>(90 * minute)));
    QCOMPARE(job->options.stopIfLost, true);
    deadline->setCurrentIndex(1); // for ever
    const auto noDeadline = m_dialog->jobFromInput()->options.requireDeadlineMs;
    QVERIFY(noDeadline.has_value() && !noDeadline->has_value());
}

void TestConditionsWindow::editorGroupShowsAJobsConditions()
{
    Job job = JobBuilder("nightly").cron("0 3 * * *", "UTC").command("/bin/true");
    job.options.conditions = parseConditions({"network", "idle:90s"}).value();
    job.options.requireDeadlineMs = std::optional<std::int64_t>();
    const Job stored = addOrDie(job);
    openDialog();
    m_dialog->setJob(stored);
    QVERIFY(child<QCheckBox>("networkCheck")->isChecked());
    QVERIFY(!child<QCheckBox>("acPowerCheck")->isChecked());
    QVERIFY(child<QCheckBox>("idleCheck")->isChecked());
    QCOMPARE(child<QSpinBox>("idleSpin")->value(), 2); // 90 s shown as 2 min ...
    QCOMPARE(child<QComboBox>("requireDeadlineCombo")->currentIndex(), 1);
    QVERIFY(!child<QCheckBox>("stopIfLostCheck")->isChecked());
    auto back = m_dialog->jobFromInput();
    QVERIFY_OK(back);
    QVERIFY(back->options == stored.options); // ... and kept exact when nobody touched it
}

void TestConditionsWindow::editorFieldsHaveAccessibleNames()
{
    openDialog();
    for (const char *name : {"acPowerCheck", "networkCheck", "unmeteredCheck", "idleCheck", "idleSpin",
                             "requireDeadlineCombo", "requireDeadlineSpin", "stopIfLostCheck"})
        QVERIFY2(!child<QWidget>(name)->accessibleName().isEmpty(), name);
}

void TestConditionsWindow::listShowsWaitingForACPower()
{
    m_desktop.setOnBattery(true);
    Job job = JobBuilder("backup").name("Backup").date(T0 + minute).function("ok");
    job.options.conditions = parseConditions({"ac-power"}).value();
    job.options.requireDeadlineMs = std::optional<std::int64_t>(30 * minute);
    addOrDie(job);
    addOrDie(JobBuilder("other").name("Other").date(T0 + 60 * minute).function("ok"));
    syncClient();
    JobListModel model(*m_client, m_clock);
    model.setJobSummaries(m_store->jobSummaries().value(), m_store->latestRuns().value());
    JobFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    const int row = model.rowOf("backup");
    const auto state = [&model, row](int role = Qt::DisplayRole) {
        return model.data(model.index(row, JobListModel::StateColumn), role).toString();
    };
    QCOMPARE(state(), "Scheduled");

    wake(T0 + minute);
    QTRY_COMPARE(state(), "Waiting for AC power");
    QCOMPARE(model.shownState(row), JobListModel::ShownState::Waiting);
    QVERIFY2(state(Qt::ToolTipRole).startsWith("A due run waits until its conditions hold: waiting for AC power."),
             qPrintable(state(Qt::ToolTipRole)));
    QVERIFY2(state(Qt::ToolTipRole).contains("in 30 min"), qPrintable(state(Qt::ToolTipRole)));
    QCOMPARE(m_client->conditionWaitingCount(), 1);
    proxy.setStateFilter(JobListModel::ShownState::Waiting);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(JobListModel::JobIdRole).toString(), "backup");

    m_desktop.setOnBattery(false);
    QTRY_COMPARE(model.shownState(row), JobListModel::ShownState::Finished);
    QCOMPARE(m_client->conditionWaitingCount(), 0);
}

QTEST_MAIN(TestConditionsWindow)
#include "testconditionswindow.moc"
