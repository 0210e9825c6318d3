// The job editor's event triggers and DST choice on the offscreen platform: the "Also run" group, "No schedule",
// the DST combo and the preview's note on the next DST change; saved through a real Scheduler over a MemoryJobStore.
#include "dialogs/jobeditordialog.h"
#include "models/jobfilterproxymodel.h"
#include "models/joblistmodel.h"
#include "models/runhistorymodel.h"
#include "support/hostharness.h"
#include "time/isotime.h"
#include "time/zonerules.h"
#include "triggers/crontrigger.h"
#include "triggers/eventtrigger.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

std::int64_t iso(const char *text)
{
    auto ms = parseIso(QString::fromLatin1(text), *ZoneRules::forZone("UTC"));
    if (!ms)
        qFatal("bad ISO text %s", text);
    return ms.value();
}

// Three days before the US clocks go forward (2026-03-08) and some months before they go back (2026-11-01).
const std::int64_t T0 = iso("2026-03-05T12:00:00Z");

} // namespace

class TestEditorEvents : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void alsoRunGroupSavesEvents();
    void noScheduleNeedsAnEvent();
    void badDelayIsShownAndBlocksSave();
    void editRoundTripOfAnEventsOnlyJob();
    void dstComboAndNextChangeNote();
    void dstNoteForRepeatedTimes();
    void editShowsTheStoredDstChoice();
    void windowNamesEventReasonsAndState();

private:
    template <typename T>
    T *child(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s named %s in the dialog", T::staticMetaObject.className(), name);
        return widget;
    }
    void openDialog()
    {
        m_dialog = std::make_unique<JobEditorDialog>(*m_client, m_clock, m_functions);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }
    void type(const char *fieldName, const QString &text)
    {
        auto *edit = child<QLineEdit>(fieldName);
        edit->setFocus();
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        else
            QTest::keyClicks(edit, text);
        QCOMPARE(edit->text(), text);
    }
    /// Clicks the button on its indicator (a check box's row is wider than its text: its middle is no hit).
    void click(const char *name)
    {
        auto *button = child<QAbstractButton>(name);
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2));
    }
    void chooseZone(const QString &zoneId)
    {
        auto *combo = child<QComboBox>("timeZoneCombo");
        combo->lineEdit()->selectAll();
        QTest::keyClicks(combo->lineEdit(), zoneId);
        QCOMPARE(combo->currentText(), zoneId);
    }
    void chooseDst(DstPolicy policy)
    {
        auto *combo = child<QComboBox>("dstCombo");
        combo->setCurrentIndex(combo->findData(static_cast<int>(policy)));
    }
    QPushButton *saveButton() const { return child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Save); }
    QStringList preview() const
    {
        QStringList texts;
        auto *list = child<QListWidget>("previewList");
        for (int row = 0; row < list->count(); ++row) // the time in the job's zone, without " · TIME here"
            texts << list->item(row)->text().section(QStringLiteral(" · "), 0, 0);
        return texts;
    }
    void clickSave()
    {
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        syncClient();
    }
    Job stored(const QString &id) const
    {
        auto job = m_store->job(id);
        if (!job || !job.value())
            qFatal("job %s is not in the store", qPrintable(id));
        return *job.value();
    }

    std::unique_ptr<JobEditorDialog> m_dialog;
};

void TestEditorEvents::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); // a 24-hour clock in the texts
}

void TestEditorEvents::init()
{
    setUpScheduler(T0);
    QVERIFY(m_scheduler->start());
    setUpHost();
    openDialog();
}

void TestEditorEvents::cleanup()
{
    m_dialog.reset();
    tearDownHost();
    tearDownScheduler();
}

void TestEditorEvents::alsoRunGroupSavesEvents()
{
    for (const char *name : {"atStartCheck", "afterResumeCheck", "networkUpCheck"})
        QVERIFY2(!child<QCheckBox>(name)->isChecked(), name);
    QVERIFY(!child<QLineEdit>("afterResumeDelayEdit")->isEnabled()); // only with its box checked
    type("idEdit", "sync");
    type("cronEdit", "0 * * * *");
    type("programEdit", "/bin/true");
    click("atStartCheck");
    click("afterResumeCheck");
    QVERIFY(child<QLineEdit>("afterResumeDelayEdit")->isEnabled());
    type("afterResumeDelayEdit", "2m");
    click("networkUpCheck");
    QTRY_VERIFY(saveButton()->isEnabled());
    clickSave();
    QTRY_VERIFY(!m_dialog->isVisible());
    const Job job = stored("sync");
    QVERIFY(job.options.events.atStart);
    QCOMPARE(job.options.events.afterResumeDelayMs, std::optional<std::int64_t>(120'000));
    QVERIFY(job.options.events.networkUp);
    QCOMPARE(job.trigger->type(), TriggerType::Cron);
    QCOMPARE(job.state(), JobState::Scheduled);
}

void TestEditorEvents::noScheduleNeedsAnEvent()
{
    type("idEdit", "boot");
    type("programEdit", "/bin/true");
    click("eventsOnlyRadio");
    QVERIFY(child<QRadioButton>("eventsOnlyRadio")->isChecked());
    // No event checked: "No schedule" would never run.
    QVERIFY(!saveButton()->isEnabled());
    QTRY_VERIFY(child<QLabel>("triggerError")->isVisible());
    QVERIFY2(child<QLabel>("triggerError")->text().contains(QLatin1String("check at least one event")),
             qPrintable(child<QLabel>("triggerError")->text()));
    click("atStartCheck");
    QTRY_VERIFY(saveButton()->isEnabled());
    QVERIFY(!child<QLabel>("triggerError")->isVisible());
    QTRY_COMPARE(preview(), QStringList{"Only on events"});
    QCOMPARE(child<QLabel>("triggerDescription")->text(), QStringLiteral("Only on events"));
    clickSave();
    QTRY_VERIFY(!m_dialog->isVisible());
    const Job job = stored("boot");
    QCOMPARE(job.trigger->type(), TriggerType::Event);
    QCOMPARE(job.state(), JobState::OnEvents);
    QVERIFY(job.options.events.atStart);
}

void TestEditorEvents::badDelayIsShownAndBlocksSave()
{
    type("cronEdit", "0 * * * *");
    type("programEdit", "/bin/true");
    QTRY_VERIFY(saveButton()->isEnabled());
    click("afterResumeCheck");
    type("afterResumeDelayEdit", "2x");
    QVERIFY(!saveButton()->isEnabled());
    QVERIFY(child<QLabel>("eventsError")->isVisible());
    QVERIFY2(child<QLabel>("eventsError")->text().startsWith(QLatin1String("Wake-up delay:")),
             qPrintable(child<QLabel>("eventsError")->text()));
    type("afterResumeDelayEdit", "90s");
    QVERIFY(saveButton()->isEnabled());
    QVERIFY(!child<QLabel>("eventsError")->isVisible());
}

void TestEditorEvents::editRoundTripOfAnEventsOnlyJob()
{
    Job job;
    job.id = QStringLiteral("wake");
    job.name = QStringLiteral("After wake-up");
    job.trigger = std::make_shared<EventTrigger>();
    CommandAction command;
    command.program = QStringLiteral("/bin/true");
    job.action = command;
    job.options.events.afterResumeDelayMs = 90'000;
    const Job before = addOrDie(job);
    m_dialog->setJob(before);
    QVERIFY(child<QRadioButton>("eventsOnlyRadio")->isChecked());
    QVERIFY(child<QCheckBox>("afterResumeCheck")->isChecked());
    QVERIFY(!child<QCheckBox>("atStartCheck")->isChecked());
    QCOMPARE(child<QLineEdit>("afterResumeDelayEdit")->text(), QStringLiteral("1m30s"));
    QVERIFY(saveButton()->isEnabled());
    auto fromInput = m_dialog->jobFromInput();
    QVERIFY(fromInput);
    QCOMPARE(fromInput->options.events, before.options.events);
    QCOMPARE(fromInput->trigger->toJson(), before.trigger->toJson());
    // Unchecking the only event leaves a job that would never run: Save goes off.
    click("afterResumeCheck");
    QVERIFY(!saveButton()->isEnabled());
}

void TestEditorEvents::dstComboAndNextChangeNote()
{
    type("idEdit", "nightly");
    type("programEdit", "/bin/true");
    chooseZone(QStringLiteral("America/New_York"));
    QCOMPARE(child<QComboBox>("dstCombo")->currentData().toInt(), static_cast<int>(DstPolicy::Cron));
    type("cronEdit", "30 2 * * *");
    auto *note = child<QLabel>("dstNote");
    QTRY_VERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("DST: 02:30 does not exist on 8 Mar: runs at 03:00"));
    QCOMPARE(preview(), (QStringList{"Fri 6 Mar 02:30", "Sat 7 Mar 02:30", "Sun 8 Mar 03:00", "Mon 9 Mar 02:30",
                                     "Tue 10 Mar 02:30"}));
    chooseDst(DstPolicy::Skip);
    QTRY_COMPARE(note->text(), QStringLiteral("DST: 02:30 does not exist on 8 Mar: skipped"));
    QCOMPARE(preview(), (QStringList{"Fri 6 Mar 02:30", "Sat 7 Mar 02:30", "Mon 9 Mar 02:30", "Tue 10 Mar 02:30",
                                     "Wed 11 Mar 02:30"}));
    QVERIFY(child<QLabel>("triggerDescription")->text().contains(QLatin1String("DST: skip")));
    // A schedule the change does not touch: no note.
    type("cronEdit", "0 9 * * *");
    QTRY_VERIFY(!note->isVisible());
    type("cronEdit", "30 2 * * *");
    QTRY_VERIFY(note->isVisible());
    clickSave();
    QTRY_VERIFY(!m_dialog->isVisible());
    const auto &cron = static_cast<const CronTrigger &>(*stored("nightly").trigger);
    QCOMPARE(cron.dstPolicy(), DstPolicy::Skip);
}

void TestEditorEvents::dstNoteForRepeatedTimes()
{
    m_clock.setNowMs(iso("2026-10-22T12:00:00Z"));
    type("programEdit", "/bin/true");
    chooseZone(QStringLiteral("Europe/Berlin"));
    type("cronEdit", "30 2 * * *");
    auto *note = child<QLabel>("dstNote");
    QTRY_COMPARE(note->text(), QStringLiteral("DST: 02:30 happens twice on 25 Oct: runs once"));
    chooseDst(DstPolicy::Both);
    QTRY_COMPARE(note->text(), QStringLiteral("DST: 02:30 happens twice on 25 Oct: runs twice"));
    QTRY_VERIFY(preview().contains(QStringLiteral("Sun 25 Oct 02:30")));
    QCOMPARE(preview().count(QStringLiteral("Sun 25 Oct 02:30")), 2);
    // Not a cron schedule: no DST combo on its page, no note.
    click("intervalRadio");
    type("intervalEdit", "1h");
    QTRY_VERIFY(!note->isVisible());
}

void TestEditorEvents::editShowsTheStoredDstChoice()
{
    auto cron = CronTrigger::create(QStringLiteral("0 3 * * *"), ZoneRules::forZone("Europe/Berlin")).value();
    cron->setDstPolicy(DstPolicy::Both);
    Job job;
    job.id = QStringLiteral("both");
    job.trigger = std::shared_ptr<const Trigger>(std::move(cron));
    CommandAction command;
    command.program = QStringLiteral("/bin/true");
    job.action = command;
    const Job before = addOrDie(job);
    m_dialog->setJob(before);
    QCOMPARE(child<QComboBox>("dstCombo")->currentData().toInt(), static_cast<int>(DstPolicy::Both));
    auto fromInput = m_dialog->jobFromInput();
    QVERIFY(fromInput);
    QCOMPARE(fromInput->trigger->toJson(), before.trigger->toJson()); // unchanged: not rescheduled
}

void TestEditorEvents::windowNamesEventReasonsAndState()
{
    // The job list: state and schedule of a job with no schedule, and of one with both.
    Job boot;
    boot.id = QStringLiteral("boot");
    boot.trigger = std::make_shared<EventTrigger>();
    CommandAction command;
    command.program = QStringLiteral("/bin/true");
    boot.action = command;
    boot.options.events.atStart = true;
    addOrDie(boot);
    Job both = boot;
    both.id = QStringLiteral("both");
    both.trigger = std::shared_ptr<const Trigger>(CronTrigger::create(QStringLiteral("0 3 * * *"), ZoneRules::forZone("UTC")).value());
    both.options.events = {};
    both.options.events.networkUp = true;
    addOrDie(both);
    // Read as the window reads a store (unparsed rows), and as parsed jobs.
    for (const bool summaries : {true, false}) {
        JobListModel model(*m_client, m_clock);
        if (summaries)
            model.setJobSummaries(m_store->jobSummaries().value(), {});
        else
            model.setJobs(m_scheduler->jobs().value(), {});
        QCOMPARE(model.rowCount(), 2);
        QHash<QString, std::pair<QString, QString>> shown; // id -> (state, schedule)
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString id = model.index(row, 0).data(JobListModel::JobIdRole).toString();
            shown.insert(id, {model.index(row, JobListModel::StateColumn).data().toString(),
                              model.index(row, JobListModel::ScheduleColumn).data().toString()});
        }
        // The window's state filter has "On events".
        JobFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setStateFilter(JobListModel::ShownState::OnEvents);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(JobListModel::JobIdRole).toString(), QStringLiteral("boot"));
        QCOMPARE(shown.value("boot").first, QStringLiteral("On events"));
        QCOMPARE(shown.value("boot").second, QStringLiteral("At start"));
        QCOMPARE(shown.value("both").first, QStringLiteral("Scheduled"));
        QVERIFY2(shown.value("both").second.endsWith(QLatin1String("; also when the network comes up")),
                 qPrintable(shown.value("both").second));
    }
    // The history's Reason column, for runs recorded with each event's reason.
    for (const RunReason reason : {RunReason::AtStart, RunReason::AfterResume, RunReason::NetworkUp}) {
        RunRecord run;
        run.jobId = QStringLiteral("boot");
        run.scheduledTime = run.startTime.emplace(T0);
        run.endTime = T0 + 1'000;
        run.outcome = RunOutcome::Success;
        run.reason = reason;
        QVERIFY(m_store->insertRun(run));
    }
    RunHistoryModel history(*m_client, m_clock);
    QSignalSpy loaded(&history, &RunHistoryModel::loaded);
    history.setJobId(QStringLiteral("boot"));
    QVERIFY(loaded.wait(5000));
    QStringList reasons;
    for (int row = 0; row < history.rowCount(); ++row)
        reasons << history.index(row, RunHistoryModel::ReasonColumn).data().toString();
    reasons.sort();
    QCOMPARE(reasons, (QStringList{"After wake-up", "At start", "Network up"}));
}

QTEST_MAIN(TestEditorEvents)
#include "testeditorevents.moc"
