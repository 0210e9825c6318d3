// The job editor dialog on the offscreen platform: typing into its real widgets validates with core, previews the
// next runs on a fake clock, and saves through a real Scheduler over a MemoryJobStore.
#include "dialogs/actioneditor.h"
#include "dialogs/jobeditordialog.h"
#include "executors/builtinfunctions.h"
#include "jobs/jobidslug.h"
#include "support/accessibilitywalk.h"
#include "support/testsupport.h"
#include "support/hostharness.h"
#include "time/isotime.h"
#include "time/zonerules.h"
#include "triggers/calendartrigger.h"
#include "triggers/crontrigger.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QScreen>
#include <QTest>
#include <QTranslator>
#include <QLayout>

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

// Thursday, 07:00 in New York and 13:00 in Berlin; three days before the US clocks go forward.
const std::int64_t T0 = iso("2026-03-05T12:00:00Z");

std::shared_ptr<const ZoneRules> zone(const char *id)
{
    return ZoneRules::forZone(id);
}

} // namespace

class TestJobEditorDialog : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void newDialogStartsEmptyAndCannotSave();
    void cronErrorNamesFieldAndPosition();
    void cronPreviewCrossesDstGap();
    void unknownZoneIsAnError();
    void intervalPageValidates();
    void datePageValidates();
    void calendarPageValidates();
    void invalidIdIsShownAtOnce();
    void duplicateIdShowsConflictAndStaysOpen();
    void tallPagesScrollAndButtonsStayOnScreen();
    void savesNewJobThroughScheduler();
    void emptyIdIsGenerated();
    void generatedIdIsASlugOfTheName();
    void previewShowsTheZoneAndTheTimeHere();
    void builtinFunctionsHaveLabels();
    void escapeAsksBeforeDiscardingEdits();
    void closingUnchangedDoesNotAsk();
    void tooltipsExplainInWords();
    void missingSqliteFileIsNoted();
    void everyInteractiveWidgetHasAnAccessibleName_data();
    void everyInteractiveWidgetHasAnAccessibleName();
    void cronTooltipIsPlainText();
    void editRoundTripKeepsJob_data();
    void editRoundTripKeepsJob();
    void editChangesNameAndTrigger();
    void editOfRemovedJobShowsMessage();
    void finishedDateJobCanBeRenamed();
    void functionKindListsRegisteredNames();
    void argumentsSplitLikeAShell_data();
    void argumentsSplitLikeAShell();
    void runPoliciesSaveAndReadBack();
    void editRunPoliciesReplacesChains();
    void newWidgetsHaveAccessibleNames();
    void fitsWithoutScrollBars_data();
    void fitsWithoutScrollBars();

private:
    template <typename T>
    T *child(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s named %s in the dialog", T::staticMetaObject.className(), name);
        return widget;
    }
    void openDialog();
    void type(const char *fieldName, const QString &text);
    void chooseZone(const QString &zoneId);
    void chooseTrigger(const char *radioName);
    /// Shows the action page of @p kind ("Command", "Function", "SQL statements", "HTTP requests").
    void chooseAction(const QString &kind);
    /// Presses Escape in the dialog; @p answer clicks that button of the question if one comes. Returns its text.
    QString pressEscape(const char *answer);
    QPushButton *saveButton() const;
    QStringList preview() const;
    bool triggerErrorShown() const;
    Job addJob(Job job) { return addOrDie(std::move(job)); } // the harness's, by the name this suite's tests use
    /// A command job @p id named @p name, every hour.
    Job addPlainJob(const QString &id, const QString &name);
    void chooseOverlap(OverlapPolicy policy);
    Job stored(const QString &id) const;
    /// Clicks Save and waits for the host's answer to the dialog's request.
    void clickSave();

    std::unique_ptr<JobEditorDialog> m_dialog;
};

void TestJobEditorDialog::initTestCase()
{
    // Preview texts are locale-dependent: pin one with a 24-hour clock.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    addSucceeding(QStringLiteral("warm_cache"));
    addSucceeding(QStringLiteral("cleanup"));
}

void TestJobEditorDialog::init()
{
    setUpScheduler(T0);
    QVERIFY(m_scheduler->start());
    setUpHost();
    openDialog();
}

void TestJobEditorDialog::cleanup()
{
    m_dialog.reset();
    tearDownHost();
    tearDownScheduler();
}

void TestJobEditorDialog::openDialog()
{
    m_dialog = std::make_unique<JobEditorDialog>(*m_client, m_clock, m_functions);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestJobEditorDialog::type(const char *fieldName, const QString &text)
{
    auto *edit = child<QLineEdit>(fieldName);
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text); // replaces the selection, as typing does
    QCOMPARE(edit->text(), text);
}

void TestJobEditorDialog::chooseZone(const QString &zoneId)
{
    auto *combo = child<QComboBox>("timeZoneCombo");
    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), zoneId);
    QCOMPARE(combo->currentText(), zoneId);
}

void TestJobEditorDialog::chooseTrigger(const char *radioName)
{
    auto *radio = child<QRadioButton>(radioName);
    QTest::mouseClick(radio, Qt::LeftButton);
    QVERIFY(radio->isChecked());
}

QPushButton *TestJobEditorDialog::saveButton() const
{
    return child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Save);
}

QStringList TestJobEditorDialog::preview() const
{
    QStringList texts;
    auto *list = child<QListWidget>("previewList");
    // The time in the job's zone; the time here after " · " (previewShowsTheZoneAndTheTimeHere) is left off.
    for (int row = 0; row < list->count(); ++row)
        texts << list->item(row)->text().section(QStringLiteral(" · "), 0, 0);
    return texts;
}

bool TestJobEditorDialog::triggerErrorShown() const
{
    return child<QLabel>("triggerError")->isVisible();
}

void TestJobEditorDialog::clickSave()
{
    QTest::mouseClick(saveButton(), Qt::LeftButton);
    syncClient(); // answered in order: the save's answer is in once the ping's is
}

Job TestJobEditorDialog::stored(const QString &id) const
{
    auto job = m_store->job(id);
    if (!job || !job.value())
        qFatal("job %s is not in the store", qPrintable(id));
    return *job.value();
}

// --- validation and preview -----------------------------------------------------------------------------------

void TestJobEditorDialog::newDialogStartsEmptyAndCannotSave()
{
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("New job"));
    QVERIFY(child<QRadioButton>("cronRadio")->isChecked());
    QCOMPARE(child<QComboBox>("timeZoneCombo")->currentText(), QString::fromLatin1(ZoneRules::systemZoneId()));
    QCOMPARE(child<QLineEdit>("idEdit")->placeholderText(), QStringLiteral("generated"));
    QVERIFY(!child<QLineEdit>("idEdit")->isReadOnly());
    // Nothing typed yet: Save is off, but no error shouts at an empty form.
    QVERIFY(!saveButton()->isEnabled());
    QVERIFY(!m_dialog->isInputValid());
    QVERIFY(!triggerErrorShown());
    QVERIFY(!child<QLabel>("idError")->isVisible());
    QVERIFY(!m_dialog->jobFromInput().ok());
    // Every option explains itself in its tooltip, in words (APScheduler's names are in docs/scheduling.md).
    const QList<std::pair<const char *, const char *>> tips = {
        {"misfireGraceSpin", "misfire_grace_time"}, {"coalesceCheck", "(APScheduler: coalesce)"},
        {"maxInstancesSpin", "max_instances"},      {"timeoutSpin", "(timeout)"},
        {"retriesSpin", "max_retries"},             {"retryDelaySpin", "retry_delay"},
        {"jitterSpin", "(APScheduler: jitter)"},
    };
    for (const auto &[name, option] : tips) {
        QVERIFY2(!child<QWidget>(name)->toolTip().isEmpty(), name);
        QVERIFY2(!child<QWidget>(name)->toolTip().contains(QLatin1String(option)), name);
    }
}

void TestJobEditorDialog::cronErrorNamesFieldAndPosition()
{
    type("programEdit", "/bin/true");
    type("cronEdit", "61 * * * *");
    QVERIFY(!saveButton()->isEnabled()); // at once, not after the typing pause
    QTRY_VERIFY(triggerErrorShown());
    QCOMPARE(child<QLabel>("triggerError")->text(),
             QStringLiteral("field \"minute\": 61 is out of range 0-59 (position 1)"));
    QCOMPARE(m_dialog->jobFromInput().error().message, child<QLabel>("triggerError")->text());
    QVERIFY(preview().isEmpty());

    type("cronEdit", "5 * * * * * *");
    QTRY_VERIFY(child<QLabel>("triggerError")->text().contains(QLatin1String("position")));
    QVERIFY(!saveButton()->isEnabled());

    type("cronEdit", "55 * * * *");
    QTRY_VERIFY(!triggerErrorShown());
    QVERIFY(saveButton()->isEnabled());
    QVERIFY(m_dialog->isInputValid());
    QCOMPARE(preview().size(), 5);
    QVERIFY(!child<QLabel>("triggerDescription")->text().isEmpty());
}

void TestJobEditorDialog::cronPreviewCrossesDstGap()
{
    type("programEdit", "/bin/true");
    chooseZone(QStringLiteral("America/New_York"));
    type("cronEdit", "30 2 * * *");
    // 02:30 does not exist on 8 March 2026 in New York: a non-wild expression runs when the gap ends.
    QTRY_COMPARE(preview(), (QStringList{"Fri 6 Mar 02:30", "Sat 7 Mar 02:30", "Sun 8 Mar 03:00", "Mon 9 Mar 02:30",
                                         "Tue 10 Mar 02:30"}));
    QVERIFY(child<QLabel>("triggerDescription")->text().contains(QLatin1String("02:30")));
    QVERIFY(!triggerErrorShown());
    QVERIFY(saveButton()->isEnabled());
    // Each entry's tooltip gives the exact instant with its offset.
    const QString gapEnd = child<QListWidget>("previewList")->item(2)->toolTip();
    QVERIFY(gapEnd.startsWith(QLatin1String("2026-03-08T03:00:00-04:00")));
}

void TestJobEditorDialog::unknownZoneIsAnError()
{
    type("programEdit", "/bin/true");
    type("cronEdit", "0 9 * * *");
    QTRY_VERIFY(saveButton()->isEnabled());
    chooseZone(QStringLiteral("Mars/Olympus_Mons"));
    QVERIFY(!saveButton()->isEnabled());
    QTRY_VERIFY(triggerErrorShown());
    QVERIFY(child<QLabel>("triggerError")->text().contains(QLatin1String("Mars/Olympus_Mons")));
    chooseZone(QStringLiteral("Europe/Berlin"));
    QTRY_VERIFY(!triggerErrorShown());
    QTRY_COMPARE(preview().value(0), QStringLiteral("Fri 6 Mar 09:00"));
}

void TestJobEditorDialog::intervalPageValidates()
{
    type("programEdit", "/bin/true");
    chooseZone(QStringLiteral("Europe/Berlin"));
    chooseTrigger("intervalRadio");
    QVERIFY(child<QLineEdit>("intervalEdit")->isVisible());
    QVERIFY(!child<QLineEdit>("cronEdit")->isVisible());

    type("intervalEdit", "15x");
    QVERIFY(!saveButton()->isEnabled());
    QTRY_VERIFY(triggerErrorShown());
    QVERIFY(!child<QLabel>("triggerError")->text().isEmpty());

    // Without a start the first run is one interval after now (APScheduler's rule); now is 13:00 in Berlin.
    type("intervalEdit", "1h30m");
    QTRY_VERIFY(!triggerErrorShown());
    QVERIFY(saveButton()->isEnabled());
    QTRY_COMPARE(preview(), (QStringList{"Thu 5 Mar 14:30", "Thu 5 Mar 16:00", "Thu 5 Mar 17:30", "Thu 5 Mar 19:00",
                                         "Thu 5 Mar 20:30"}));

    // "First run at:" is a date-time picker in the job's zone, typed section by section; off until checked.
    auto *start = child<QDateTimeEdit>("intervalStartEdit");
    QVERIFY(!start->isEnabled());
    QVERIFY(start->calendarPopup());
    child<QCheckBox>("intervalStartCheck")->setFocus();
    QTest::keyClick(child<QCheckBox>("intervalStartCheck"), Qt::Key_Space);
    QVERIFY(start->isEnabled());
    start->setFocus();
    start->setCurrentSectionIndex(0);
    start->selectAll();
    QTest::keyClicks(start, "2026-03-06 08:00:30");
    QCOMPARE(start->dateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), QStringLiteral("2026-03-06 08:00:30"));
    QTRY_VERIFY(!triggerErrorShown());
    QTRY_COMPARE(preview().value(0), QStringLiteral("Fri 6 Mar 08:00:30"));
    const auto withSeconds = m_dialog->jobFromInput();
    QVERIFY(withSeconds.ok());
    QCOMPARE(static_cast<const IntervalTrigger &>(*withSeconds->trigger).startMs(), iso("2026-03-06T07:00:30Z"));

    start->setDateTime(QDateTime(QDate(2026, 3, 6), QTime(8, 0), Qt::UTC));
    QTRY_VERIFY(!triggerErrorShown());
    QTRY_COMPARE(preview().value(0), QStringLiteral("Fri 6 Mar 08:00"));
    QCOMPARE(preview().value(1), QStringLiteral("Fri 6 Mar 09:30"));
    QVERIFY(saveButton()->isEnabled());
}

void TestJobEditorDialog::datePageValidates()
{
    type("programEdit", "/bin/true");
    chooseZone(QStringLiteral("America/New_York"));
    chooseTrigger("dateRadio");
    auto *edit = child<QDateTimeEdit>("dateTimeEdit");
    QVERIFY(edit->isVisible());

    // Typed section by section, as a person does: a time already past is refused.
    edit->setFocus();
    edit->setCurrentSectionIndex(0);
    edit->selectAll();
    QTest::keyClicks(edit, "2026-03-04 09:00:00");
    QCOMPARE(edit->dateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), QStringLiteral("2026-03-04 09:00:00"));
    QVERIFY(!saveButton()->isEnabled());
    QTRY_VERIFY(triggerErrorShown());
    QCOMPARE(child<QLabel>("triggerError")->text(), QStringLiteral("This time has already passed"));

    // A wall-clock time in the DST gap means the gap's end.
    edit->setDateTime(QDateTime(QDate(2026, 3, 8), QTime(2, 30), Qt::UTC));
    QTRY_VERIFY(!triggerErrorShown());
    QVERIFY(saveButton()->isEnabled());
    QTRY_COMPARE(preview(), QStringList{"Sun 8 Mar 03:00"});
    auto job = m_dialog->jobFromInput();
    QVERIFY(job.ok());
    QCOMPARE(static_cast<const DateTrigger &>(*job->trigger).runAtMs(), iso("2026-03-08T03:00:00-04:00"));
}

void TestJobEditorDialog::calendarPageValidates()
{
    type("programEdit", "/bin/true");
    chooseZone(QStringLiteral("Europe/Berlin"));
    chooseTrigger("calendarRadio");
    type("calendarEdit", "every 2 fortnights");
    QVERIFY(!saveButton()->isEnabled());
    QTRY_VERIFY(triggerErrorShown());
    QCOMPARE(child<QLabel>("triggerError")->text(),
             QStringLiteral("calendar: \"fortnights\" is not a unit (day, week, month, year) (position 9)"));

    // Europe's clocks go forward on 29 March: the wall-clock time is kept.
    type("calendarEdit", "every 2 weeks at 09:30 from 2026-03-09");
    QTRY_VERIFY(!triggerErrorShown());
    QVERIFY(saveButton()->isEnabled());
    QTRY_COMPARE(preview(), (QStringList{"Mon 9 Mar 09:30", "Mon 23 Mar 09:30", "Mon 6 Apr 09:30", "Mon 20 Apr 09:30",
                                         "Mon 4 May 09:30"}));
    QVERIFY(child<QLabel>("triggerDescription")->text().contains(QLatin1String("Monday")));
}

// --- saving ---------------------------------------------------------------------------------------------------

void TestJobEditorDialog::invalidIdIsShownAtOnce()
{
    type("programEdit", "/bin/true");
    type("cronEdit", "0 * * * *");
    type("idEdit", QString(201, QLatin1Char('x')));
    QVERIFY(child<QLabel>("idError")->isVisible());
    QVERIFY(child<QLabel>("idError")->text().contains(QLatin1String("200")));
    QVERIFY(!saveButton()->isEnabled());
    type("idEdit", "hourly");
    QVERIFY(!child<QLabel>("idError")->isVisible());
    QVERIFY(saveButton()->isEnabled());
}

void TestJobEditorDialog::duplicateIdShowsConflictAndStaysOpen()
{
    Job existing;
    existing.id = QStringLiteral("nightly");
    existing.trigger = std::shared_ptr<const Trigger>(CronTrigger::create("0 3 * * *", zone("UTC")).value());
    existing.action = FunctionAction{QStringLiteral("cleanup"), {}};
    addJob(existing);

    QSignalSpy saved(m_dialog.get(), &JobEditorDialog::jobSaved);
    type("idEdit", "nightly");
    type("cronEdit", "15 3 * * *");
    type("programEdit", "/bin/true");
    QVERIFY(saveButton()->isEnabled());
    clickSave();

    auto *idError = child<QLabel>("idError");
    QVERIFY(idError->isVisible());
    QCOMPARE(idError->text(), QStringLiteral("a job with id \"nightly\" already exists"));
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QCOMPARE(saved.size(), 0);
    QVERIFY(!saveButton()->isEnabled()); // until the id changes
    QCOMPARE(stored("nightly").trigger->toJson().value("expression").toString(), QStringLiteral("0 3 * * *"));

    // Editing another field keeps the conflict in view; changing the id clears it.
    type("nameEdit", "Nightly, again");
    QVERIFY(idError->isVisible());
    type("idEdit", "nightly2");
    QVERIFY(!idError->isVisible());
    QVERIFY(saveButton()->isEnabled());
    clickSave();
    QCOMPARE(saved.size(), 1);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(stored("nightly2").name, QStringLiteral("Nightly, again"));
}

void TestJobEditorDialog::savesNewJobThroughScheduler()
{
    QSignalSpy saved(m_dialog.get(), &JobEditorDialog::jobSaved);
    type("nameEdit", "Warm the cache");
    type("idEdit", "cache_warmup");
    type("cronEdit", "55 * * * *");
    chooseZone(QStringLiteral("Europe/Berlin"));
    child<QSpinBox>("jitterSpin")->setValue(5);
    type("programEdit", "/usr/local/bin/warm");
    type("argumentsEdit", "--all 'two words' \"it's\"");
    type("workingDirectoryEdit", "/var/tmp");
    QTest::mouseClick(child<QCheckBox>("misfireNoLimitCheck"), Qt::LeftButton);
    QVERIFY(!child<QSpinBox>("misfireGraceSpin")->isEnabled());
    QTest::mouseClick(child<QCheckBox>("coalesceCheck"), Qt::LeftButton);
    child<QSpinBox>("maxInstancesSpin")->setValue(3);
    child<QSpinBox>("timeoutSpin")->setValue(120);
    QVERIFY(!child<QSpinBox>("retryDelaySpin")->isEnabled());
    child<QSpinBox>("retriesSpin")->setValue(2);
    QVERIFY(child<QSpinBox>("retryDelaySpin")->isEnabled());
    child<QSpinBox>("retryDelaySpin")->setValue(10);
    // The program does not exist here: a note, not an error (the store may be shared with a machine that has it).
    QTRY_VERIFY(child<QLabel>("programError")->isVisible());
    QTRY_COMPARE(preview().value(0), QStringLiteral("Thu 5 Mar 13:55"));

    QVERIFY(saveButton()->isEnabled());
    // The host saves it: until it answers the dialog stays, with Save off (a second click sends nothing).
    QTest::mouseClick(saveButton(), Qt::LeftButton);
    QVERIFY(m_dialog->isVisible());
    QVERIFY(!saveButton()->isEnabled());
    QCOMPARE(saved.size(), 0);
    syncClient();
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(saved.size(), 1);
    QCOMPARE(m_scheduler->jobs().value().size(), 1);

    const Job job = stored(QStringLiteral("cache_warmup"));
    QCOMPARE(saved.at(0).at(0).value<Job>().toJson(), job.toJson());
    QCOMPARE(job.name, QStringLiteral("Warm the cache"));
    const QJsonObject trigger = job.trigger->toJson();
    QCOMPARE(trigger.value("type").toString(), QStringLiteral("cron"));
    QCOMPARE(trigger.value("expression").toString(), QStringLiteral("55 * * * *"));
    QCOMPARE(trigger.value("timezone").toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(trigger.value("jitter").toDouble(), 5.0);
    QVERIFY(job.nextRunTime);
    QVERIFY(*job.nextRunTime >= iso("2026-03-05T12:55:00Z") && *job.nextRunTime <= iso("2026-03-05T12:55:05Z"));
    const auto *command = std::get_if<CommandAction>(&job.action);
    QVERIFY(command);
    QCOMPARE(command->program, QStringLiteral("/usr/local/bin/warm"));
    QCOMPARE(command->arguments, (QStringList{"--all", "two words", "it's"}));
    QCOMPARE(command->workingDirectory, QStringLiteral("/var/tmp"));
    QVERIFY(!command->useShell);
    QVERIFY(!job.options.misfireGraceMs);
    QVERIFY(job.options.coalesce == CoalescePolicy::All);
    QCOMPARE(job.options.maxInstances, 3);
    QCOMPARE(job.options.timeoutMs, std::optional<std::int64_t>(120'000));
    QCOMPARE(job.options.maxRetries, 2);
    QCOMPARE(job.options.retryDelayMs, std::int64_t{10'000});
}

void TestJobEditorDialog::emptyIdIsGenerated()
{
    type("calendarEdit", QString()); // untouched pages do not matter
    type("cronEdit", "@daily");
    type("programEdit", "/bin/true");
    QSignalSpy saved(m_dialog.get(), &JobEditorDialog::jobSaved);
    clickSave();
    QCOMPARE(saved.size(), 1);
    const Job job = saved.at(0).at(0).value<Job>();
    QCOMPARE(job.id, QStringLiteral("job")); // no name: a short readable id, not 32 hex digits
    QCOMPARE(stored(job.id).name, job.id); // an empty name is the id, as the scheduler decides
}

void TestJobEditorDialog::generatedIdIsASlugOfTheName()
{
    // A slug of the name, unique against the jobs the window lists; the id field shows it before saving.
    addPlainJob(QStringLiteral("nightly-backup"), QStringLiteral("Old backup"));
    m_dialog->setKnownJobs({{QStringLiteral("nightly-backup"), QStringLiteral("Old backup")}});
    type("nameEdit", QStringLiteral("Nightly backup"));
    QCOMPARE(child<QLineEdit>("idEdit")->placeholderText(), QStringLiteral("nightly-backup-2"));
    type("cronEdit", "@daily");
    type("programEdit", "/bin/true");
    QSignalSpy saved(m_dialog.get(), &JobEditorDialog::jobSaved);
    clickSave();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<Job>().id, QStringLiteral("nightly-backup-2"));
    QCOMPARE(stored(QStringLiteral("nightly-backup-2")).name, QStringLiteral("Nightly backup"));

    QCOMPARE(jobIdFromName(QStringLiteral("Café Größe: täglich!"), {}), QStringLiteral("cafe-grosse-taglich"));
    QCOMPARE(jobIdFromName(QStringLiteral("每日备份"), {}), QStringLiteral("job"));
    QCOMPARE(jobIdFromName(QStringLiteral("每日备份"), {QStringLiteral("job"), QStringLiteral("job-2")}),
             QStringLiteral("job-3"));
    QCOMPARE(jobIdFromName(QStringLiteral("Backup 数据库 2"), {}), QStringLiteral("backup-2"));
    QVERIFY(validateJobId(jobIdFromName(QString(300, QLatin1Char('x')), {})).ok());
}

void TestJobEditorDialog::editRoundTripKeepsJob_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("radio");
    QTest::newRow("cron") << "cron" << "cronRadio";
    QTest::newRow("interval") << "interval" << "intervalRadio";
    QTest::newRow("date") << "date" << "dateRadio";
    QTest::newRow("calendar") << "calendar" << "calendarRadio";
}

void TestJobEditorDialog::editRoundTripKeepsJob()
{
    QFETCH(QString, kind);
    QFETCH(QString, radio);

    // Settings the dialog has no field for, and sub-second values, must survive an untouched Save as well.
    std::unique_ptr<Trigger> trigger;
    if (kind == QLatin1String("cron")) {
        auto cron = CronTrigger::create("0 3 * * 1-5", zone("Europe/Berlin")).value();
        cron->setStartMs(T0 - 86'400'000);
        cron->setEndMs(T0 + 365LL * 86'400'000);
        trigger = std::move(cron);
    } else if (kind == QLatin1String("interval")) {
        trigger = std::make_unique<IntervalTrigger>(5'400'000, T0 + 600'000, T0 + 30LL * 86'400'000);
        trigger->setZone(zone("UTC"));
    } else if (kind == QLatin1String("date")) {
        trigger = std::make_unique<DateTrigger>(T0 + 7'200'000);
        trigger->setZone(zone("Asia/Tokyo"));
    } else {
        auto calendar = CalendarTrigger::parse("every 3 months at 06:15:30 from 2026-01-31", zone("Europe/Berlin"), T0)
                            .value();
        calendar->setEndMs(T0 + 400LL * 86'400'000);
        trigger = std::move(calendar);
    }
    trigger->setJitterMs(1'500);

    Job job;
    job.id = QStringLiteral("round-trip");
    job.name = QStringLiteral("Round trip");
    job.trigger = std::move(trigger);
    CommandAction command;
    command.program = QStringLiteral("/usr/bin/backup");
    command.arguments = {"--all", "two words", "say \"hi\"", "it's", "", "$HOME", "back\\slash"};
    command.workingDirectory = QStringLiteral("/var/tmp");
    command.environment = {{"LANG", "C"}};
    command.useShell = true;
    command.outputCapBytes = 4096;
    job.action = command;
    job.options.maxInstances = 2;
    job.options.coalesce = CoalescePolicy::All;
    job.options.misfireGraceMs = 1'500;
    job.options.timeoutMs = 90'500;
    job.options.maxRetries = 1;
    job.options.retryDelayMs = 2'500;
    job.options.removeWhenDone = true;
    const Job before = addJob(job);

    // Let the next run time pass unprocessed: a rescheduled job would get a later one, an untouched one keeps it.
    m_clock.setNowMs(*before.nextRunTime + 1'000);
    m_dialog->setJob(before);
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Edit job"));
    QCOMPARE(child<QLineEdit>("idEdit")->text(), QStringLiteral("round-trip"));
    QVERIFY(child<QLineEdit>("idEdit")->isReadOnly());
    QCOMPARE(child<QLineEdit>("nameEdit")->text(), QStringLiteral("Round trip"));
    QVERIFY(child<QRadioButton>(radio.toLatin1().constData())->isChecked());
    QCOMPARE(child<QComboBox>("timeZoneCombo")->currentText(), QString::fromLatin1(before.trigger->zone().id()));
    QCOMPARE(child<QSpinBox>("jitterSpin")->value(), 2);
    QCOMPARE(child<QLineEdit>("programEdit")->text(), QStringLiteral("/usr/bin/backup"));
    QVERIFY(child<QCheckBox>("shellCheck")->isChecked());
    QVERIFY(child<QCheckBox>("misfireNoLimitCheck")->isChecked() == false);
    QVERIFY(!child<QCheckBox>("coalesceCheck")->isChecked());
    QCOMPARE(child<QSpinBox>("timeoutSpin")->value(), 91);

    auto input = m_dialog->jobFromInput();
    QVERIFY2(input.ok(), input.ok() ? "" : qPrintable(input.error().message));
    QCOMPARE(input->trigger.get(), before.trigger.get()); // unchanged: the very same trigger
    QVERIFY(input->action == before.action);
    QVERIFY(input->options == before.options);

    QSignalSpy saved(m_dialog.get(), &JobEditorDialog::jobSaved);
    QVERIFY(saveButton()->isEnabled());
    clickSave();
    QCOMPARE(saved.size(), 1);
    // The host's answer is the job as the change left it: the host's scheduler goes on and runs the overdue job
    // (its next run is then a later one) while the answer travels, so the store is looked at for the rest.
    const Job answered = saved.at(0).at(0).value<Job>();
    QCOMPARE(answered.toJson(), before.toJson());
    QCOMPARE(answered.nextRunTime, before.nextRunTime);
    const Job after = stored(QStringLiteral("round-trip"));
    QVERIFY(after.action == before.action);
    QVERIFY(after.options == before.options);
    QCOMPARE(after.createdAt, before.createdAt);
}

void TestJobEditorDialog::editChangesNameAndTrigger()
{
    Job job;
    job.id = QStringLiteral("backup");
    job.name = QStringLiteral("Nightly backup");
    job.trigger = std::shared_ptr<const Trigger>(CronTrigger::create("30 2 * * *", zone("Europe/Berlin")).value());
    job.action = CommandAction{QStringLiteral("/usr/bin/backup"), {"--all"}, {}, {}, false, 1 << 20};
    const Job before = addJob(job);
    QCOMPARE(*before.nextRunTime, iso("2026-03-06T01:30:00Z"));

    m_clock.setNowMs(T0 + 3'600'000);
    m_dialog->setJob(before);
    QCOMPARE(child<QLineEdit>("cronEdit")->text(), QStringLiteral("30 2 * * *"));
    QCOMPARE(child<QLineEdit>("argumentsEdit")->text(), QStringLiteral("--all"));
    type("nameEdit", "Morning backup");
    type("cronEdit", "15 7 * * 1-5");
    QTRY_COMPARE(preview().value(0), QStringLiteral("Fri 6 Mar 07:15"));
    child<QSpinBox>("retriesSpin")->setValue(3);

    QSignalSpy saved(m_dialog.get(), &JobEditorDialog::jobSaved);
    QSignalSpy modified(m_client.get(), &SchedulerClient::jobModified);
    clickSave();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(modified.size(), 1);
    QVERIFY(!m_dialog->isVisible());
    const Job after = stored(QStringLiteral("backup"));
    QCOMPARE(after.name, QStringLiteral("Morning backup"));
    QCOMPARE(after.trigger->toJson().value("expression").toString(), QStringLiteral("15 7 * * 1-5"));
    QCOMPARE(after.trigger->zone().id(), QByteArray("Europe/Berlin"));
    QCOMPARE(*after.nextRunTime, iso("2026-03-06T06:15:00Z")); // rescheduled from now
    QCOMPARE(after.options.maxRetries, 3);
    QVERIFY(after.action == before.action);
    QCOMPARE(after.createdAt, before.createdAt);
    QCOMPARE(saved.at(0).at(0).value<Job>().toJson(), after.toJson());
}

void TestJobEditorDialog::editOfRemovedJobShowsMessage()
{
    Job job;
    job.id = QStringLiteral("gone");
    job.trigger = std::shared_ptr<const Trigger>(CronTrigger::create("@hourly", zone("UTC")).value());
    job.action = FunctionAction{QStringLiteral("cleanup"), {}};
    m_dialog->setJob(addJob(job));
    QVERIFY(m_scheduler->removeJob(QStringLiteral("gone")));

    type("nameEdit", "Still here?");
    clickSave();
    auto *message = child<QLabel>("messageLabel");
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QLatin1String("\"gone\"")));
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    type("nameEdit", "Edited again");
    QVERIFY(!message->isVisible()); // a new edit clears the old answer
}

void TestJobEditorDialog::finishedDateJobCanBeRenamed()
{
    Job job;
    job.id = QStringLiteral("once");
    job.trigger = std::make_shared<DateTrigger>(T0 + 60'000);
    job.action = FunctionAction{QStringLiteral("cleanup"), {}};
    addJob(job);
    m_clock.setNowMs(T0 + 3'600'000);
    Job current = stored(QStringLiteral("once"));
    m_dialog->setJob(current);
    // The untouched time has passed, and that is fine; a new past time is not.
    QTRY_VERIFY(!triggerErrorShown());
    QVERIFY(saveButton()->isEnabled());
    type("nameEdit", "Once, renamed");
    clickSave();
    QCOMPARE(stored(QStringLiteral("once")).name, QStringLiteral("Once, renamed"));
}

void TestJobEditorDialog::functionKindListsRegisteredNames()
{
    type("cronEdit", "*/5 * * * *");
    auto *kind = child<QComboBox>("actionKindCombo");
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(kind->currentText(), QStringLiteral("Function"));
    auto *functions = child<QComboBox>("functionCombo");
    QVERIFY(functions->isVisible());
    QVERIFY(!child<QLineEdit>("programEdit")->isVisible());
    QStringList names;
    for (int i = 0; i < functions->count(); ++i)
        names << functions->itemData(i).toString();
    QCOMPARE(names, (QStringList{"cleanup", "warm_cache"}));
    QVERIFY(!saveButton()->isEnabled()); // no function chosen yet

    // A name nobody registered is allowed, with a warning.
    functions->lineEdit()->selectAll();
    QTest::keyClicks(functions->lineEdit(), "not_yet");
    auto *warning = child<QLabel>("functionWarning");
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QLatin1String("not_yet")));
    QVERIFY(saveButton()->isEnabled());
    functions->setCurrentIndex(1);
    QVERIFY(!warning->isVisible());

    clickSave();
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    const QList<Job> jobs = m_scheduler->jobs().value();
    QCOMPARE(jobs.size(), 1);
    const auto *function = std::get_if<FunctionAction>(&jobs.front().action);
    QVERIFY(function);
    QCOMPARE(function->name, QStringLiteral("warm_cache"));
}

void TestJobEditorDialog::argumentsSplitLikeAShell_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << "--all -v" << QStringList{"--all", "-v"};
    QTest::newRow("single quotes") << "warm 'the cache'" << QStringList{"warm", "the cache"};
    QTest::newRow("double quotes") << "\"a b\" \"say \\\"hi\\\"\"" << QStringList{"a b", "say \"hi\""};
    QTest::newRow("backslash") << "a\\ b c\\\\d" << QStringList{"a b", "c\\d"};
    QTest::newRow("empty words") << "'' \"\"" << QStringList{"", ""};
    QTest::newRow("no expansion") << "$HOME *.txt" << QStringList{"$HOME", "*.txt"};
    QTest::newRow("glued") << "--name='x y'z" << QStringList{"--name=x yz"};
    QTest::newRow("spaces") << "   " << QStringList{};
}

void TestJobEditorDialog::argumentsSplitLikeAShell()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    auto split = ActionEditor::splitArguments(line);
    QVERIFY(split.ok());
    QCOMPARE(split.value(), words);
    // Joining quotes only where needed and splits back to the same words.
    QCOMPARE(ActionEditor::splitArguments(ActionEditor::joinArguments(words)).value(), words);

    QVERIFY(!ActionEditor::splitArguments(QStringLiteral("'open")).ok());
    QCOMPARE(ActionEditor::splitArguments(QStringLiteral("a \"b")).error().message,
             QStringLiteral("Arguments: the quote \" at position 3 is not closed"));
    QCOMPARE(ActionEditor::joinArguments({"--all", "it's"}), QStringLiteral("--all 'it'\\''s'"));
}

void TestJobEditorDialog::tallPagesScrollAndButtonsStayOnScreen()
{
    // An http job with every option: the form is taller than a small screen, so it scrolls inside the dialog.
    Job job;
    job.id = QStringLiteral("warm");
    job.trigger = std::shared_ptr<const Trigger>(CronTrigger::create("55 * * * *", zone("UTC")).value());
    HttpAction http;
    http.urls = {QStringLiteral("http://localhost:8080/"), QStringLiteral("http://localhost:8080/offers")};
    job.action = http;
    addJob(job);
    m_dialog.reset();
    m_dialog = std::make_unique<JobEditorDialog>(*m_client, m_clock, m_functions);
    m_dialog->setJob(stored(QStringLiteral("warm")));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    const QRect available = m_dialog->screen()->availableGeometry();
    QVERIFY2(m_dialog->height() <= available.height(),
             qPrintable(QStringLiteral("%1 > %2").arg(m_dialog->height()).arg(available.height())));
    auto *scroll = child<QScrollArea>("editorScrollArea");
    auto *buttons = child<QDialogButtonBox>("buttonBox");
    QVERIFY(!scroll->isAncestorOf(buttons)); // Save and Cancel never scroll away
    QVERIFY(m_dialog->rect().contains(buttons->geometry()));
    if (scroll->widget()->sizeHint().height() > scroll->viewport()->height())
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
    QVERIFY(scroll->isAncestorOf(child<QWidget>("httpUrlsEdit")));
}

// --- run policies: overlap, chains, pause after failures ------------------------------------------------------

Job TestJobEditorDialog::addPlainJob(const QString &id, const QString &name)
{
    Job job;
    job.id = id;
    job.name = name;
    job.trigger = std::shared_ptr<const Trigger>(CronTrigger::create("0 * * * *", zone("UTC")).value());
    job.action = CommandAction{QStringLiteral("/bin/true"), {}, {}, {}, false, 1 << 20};
    return addJob(job);
}

void TestJobEditorDialog::chooseOverlap(OverlapPolicy policy)
{
    auto *combo = child<QComboBox>("overlapCombo");
    const int index = combo->findData(static_cast<int>(policy));
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

void TestJobEditorDialog::runPoliciesSaveAndReadBack()
{
    addPlainJob(QStringLiteral("report"), QStringLiteral("Report mail"));
    addPlainJob(QStringLiteral("alert"), QStringLiteral("Page the admin"));
    m_dialog->setKnownJobs({{"alert", "Page the admin"}, {"report", "Report mail"}});
    type("idEdit", "nightly");
    type("cronEdit", "0 2 * * *");
    type("programEdit", "/bin/true");

    // The queue's length is asked only for a queue.
    auto *queueSpin = child<QSpinBox>("queueLimitSpin");
    QCOMPARE(child<QComboBox>("overlapCombo")->currentData().toInt(), static_cast<int>(OverlapPolicy::Skip));
    QVERIFY(!queueSpin->isEnabled());
    chooseOverlap(OverlapPolicy::QueueAll);
    QVERIFY(queueSpin->isEnabled());
    queueSpin->setValue(25);

    auto *pauseCheck = child<QCheckBox>("pauseAfterFailuresCheck");
    auto *pauseSpin = child<QSpinBox>("pauseAfterFailuresSpin");
    QVERIFY(!pauseCheck->isChecked());
    QVERIFY(!pauseSpin->isEnabled());
    QTest::mouseClick(pauseCheck, Qt::LeftButton);
    QVERIFY(pauseSpin->isEnabled());
    pauseSpin->setValue(4);

    // Afterwards: a job chosen by name, and one typed as an id.
    auto *condition = child<QComboBox>("chainConditionCombo");
    auto *jobCombo = child<QComboBox>("chainJobCombo");
    auto *add = child<QPushButton>("chainAddButton");
    QCOMPARE(jobCombo->count(), 2);
    QVERIFY(!add->isEnabled());
    condition->setCurrentIndex(condition->findData(static_cast<int>(ChainCondition::OnSuccess)));
    jobCombo->setCurrentIndex(jobCombo->findData(QStringLiteral("report")));
    QCOMPARE(jobCombo->currentText(), QStringLiteral("Report mail (report)"));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    condition->setCurrentIndex(condition->findData(static_cast<int>(ChainCondition::OnFailure)));
    jobCombo->lineEdit()->selectAll();
    QTest::keyClicks(jobCombo->lineEdit(), QStringLiteral("alert"));
    QTest::keyClick(jobCombo->lineEdit(), Qt::Key_Return);
    auto *list = child<QListWidget>("chainsList");
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("When it succeeds: Report mail (report)"));
    QCOMPARE(list->item(1)->text(), QStringLiteral("When it fails: Page the admin (alert)"));
    QVERIFY(jobCombo->currentText().isEmpty()); // ready for the next

    QVERIFY(saveButton()->isEnabled());
    clickSave();
    QVERIFY(!m_dialog->isVisible());
    const Job job = stored(QStringLiteral("nightly"));
    QVERIFY(job.options.overlap == OverlapPolicy::QueueAll);
    QCOMPARE(job.options.queueLimit, 25);
    QCOMPARE(job.options.pauseAfterFailures, std::optional<int>(4));
    QCOMPARE(job.options.chains, (QList<JobChain>{{ChainCondition::OnSuccess, QStringLiteral("report")},
                                                  {ChainCondition::OnFailure, QStringLiteral("alert")}}));
}

void TestJobEditorDialog::editRunPoliciesReplacesChains()
{
    addPlainJob(QStringLiteral("a"), QStringLiteral("Job A"));
    addPlainJob(QStringLiteral("b"), QStringLiteral("Job B"));
    Job job;
    job.id = QStringLiteral("main");
    job.trigger = std::shared_ptr<const Trigger>(CronTrigger::create("0 3 * * *", zone("UTC")).value());
    job.action = CommandAction{QStringLiteral("/bin/true"), {}, {}, {}, false, 1 << 20};
    job.options.overlap = OverlapPolicy::Replace;
    job.options.pauseAfterFailures = 7;
    job.options.chains = {{ChainCondition::OnFinish, QStringLiteral("a")}, {ChainCondition::OnSuccess, "b"}};
    const Job before = addJob(job);

    m_dialog->setKnownJobs({{"a", "Job A"}, {"b", "Job B"}, {"main", "main"}});
    m_dialog->setJob(before);
    QCOMPARE(child<QComboBox>("overlapCombo")->currentData().toInt(), static_cast<int>(OverlapPolicy::Replace));
    QVERIFY(!child<QSpinBox>("maxInstancesSpin")->isEnabled()); // replace: nothing else runs at a time
    QVERIFY(child<QCheckBox>("pauseAfterFailuresCheck")->isChecked());
    QCOMPARE(child<QSpinBox>("pauseAfterFailuresSpin")->value(), 7);
    auto *jobCombo = child<QComboBox>("chainJobCombo");
    QCOMPARE(jobCombo->findData(QStringLiteral("main")), -1); // a job is not offered to follow itself
    auto *list = child<QListWidget>("chainsList");
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Either way: Job A (a)"));

    // Remove the first; switch the policy back; no pause after failures.
    QVERIFY(!child<QPushButton>("chainRemoveButton")->isEnabled());
    list->item(0)->setSelected(true);
    QTest::mouseClick(child<QPushButton>("chainRemoveButton"), Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    chooseOverlap(OverlapPolicy::QueueOne);
    QTest::mouseClick(child<QCheckBox>("pauseAfterFailuresCheck"), Qt::LeftButton);
    clickSave();
    QVERIFY(!m_dialog->isVisible());
    const Job after = stored(QStringLiteral("main"));
    QVERIFY(after.options.overlap == OverlapPolicy::QueueOne);
    QVERIFY(!after.options.pauseAfterFailures);
    QCOMPARE(after.options.chains, (QList<JobChain>{{ChainCondition::OnSuccess, QStringLiteral("b")}}));
    QCOMPARE(*after.nextRunTime, *before.nextRunTime); // options only: not rescheduled
}

void TestJobEditorDialog::newWidgetsHaveAccessibleNames()
{
    for (const char *name : {"overlapCombo", "queueLimitSpin", "maxInstancesSpin", "pauseAfterFailuresCheck",
                             "pauseAfterFailuresSpin", "chainsList", "chainConditionCombo", "chainJobCombo",
                             "chainAddButton", "chainRemoveButton"})
        QVERIFY2(!child<QWidget>(name)->accessibleName().isEmpty(), name);
}

void TestJobEditorDialog::fitsWithoutScrollBars_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("action");
    // Every trigger page and every action page, in each language (the action pages by their index).
    const std::pair<const char *, const char *> pages[] = {
        {"cronRadio", "0"}, {"intervalRadio", "1"}, {"dateRadio", "2"}, {"calendarRadio", "3"}, {"eventsOnlyRadio", "0"},
    };
    for (const char *language : {"", "de", "zh_CN"}) {
        for (const auto &[trigger, action] : pages)
            QTest::addRow("%s %s %s", *language ? language : "en", trigger, action)
                << QString::fromLatin1(language) << QString::fromLatin1(trigger) << QString::fromLatin1(action);
    }
}

void TestJobEditorDialog::fitsWithoutScrollBars()
{
    // Each page of a new job at its default size needs at most 0.92 of a 1280x1024 screen (fitToScreen()'s
    // share), so nothing scrolls there; where the screen is that large, the scroll bar says so too. The Next runs
    // list shows all its times in every language.
    QFETCH(QString, language);
    QFETCH(QString, trigger);
    QFETCH(QString, action);
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/punctual_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
    }
    openDialog();
    chooseTrigger(trigger.toLatin1().constData());
    child<QComboBox>("actionKindCombo")->setCurrentIndex(action.toInt());
    if (trigger == QLatin1String("cronRadio")) // another zone: each time comes with the time here
        chooseZone(QStringLiteral("Asia/Shanghai"));
    type("cronEdit", "30 2 * * *");
    type("intervalEdit", "1h");
    type("calendarEdit", "every 2 weeks at 09:30");
    QCoreApplication::processEvents();
    QCoreApplication::removeTranslator(&translator);
    auto *scroll = child<QScrollArea>("editorScrollArea");
    const QMargins margins = m_dialog->layout()->contentsMargins();
    const int needed = scroll->widget()->sizeHint().height() + margins.top() + margins.bottom()
        + 2 * m_dialog->layout()->spacing() + child<QWidget>("messageLabel")->sizeHint().height()
        + child<QWidget>("buttonBox")->sizeHint().height();
    QVERIFY2(needed <= int(1024 * 0.92), qPrintable(QStringLiteral("needs %1 px").arg(needed)));
    QVERIFY2(scroll->widget()->sizeHint().width() <= int(1280 * 0.92) - 40,
             qPrintable(QStringLiteral("form %1 px wide").arg(scroll->widget()->sizeHint().width())));
    if (m_dialog->screen()->availableGeometry().height() >= 1024)
        QCOMPARE(scroll->verticalScrollBar()->maximum(), 0);
    auto *preview = child<QListWidget>("previewList");
    if (trigger != QLatin1String("eventsOnlyRadio") && trigger != QLatin1String("dateRadio")) {
        QTRY_COMPARE(preview->count(), 5);
        for (int row = 0; row < preview->count(); ++row) {
            const QRect rect = preview->visualItemRect(preview->item(row));
            QVERIFY2(rect.bottom() < preview->viewport()->height(),
                     qPrintable(QStringLiteral("row %1 ends at %2 of %3").arg(row).arg(rect.bottom())
                                    .arg(preview->viewport()->height())));
            QVERIFY2(preview->fontMetrics().horizontalAdvance(preview->item(row)->text()) <= preview->viewport()->width(),
                     qPrintable(preview->item(row)->text()));
        }
    }
}

void TestJobEditorDialog::chooseAction(const QString &kind)
{
    auto *combo = child<QComboBox>("actionKindCombo");
    const int index = combo->findText(kind);
    QVERIFY2(index >= 0, qPrintable(kind));
    combo->setCurrentIndex(index);
}

QString TestJobEditorDialog::pressEscape(const char *answer)
{
    QString question;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        question = box->text();
        if (auto *button = box->findChild<QPushButton *>(QLatin1String(answer)))
            button->click();
    });
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCoreApplication::processEvents();
    return question;
}

void TestJobEditorDialog::previewShowsTheZoneAndTheTimeHere()
{
    // The preview names the zone its times are in; another zone's times get this computer's beside them.
    const test::TimeZoneGuard here("America/New_York");
    openDialog();
    type("programEdit", "/bin/true");
    chooseZone(QStringLiteral("Europe/Berlin"));
    type("cronEdit", "30 2 * * *");
    auto *list = child<QListWidget>("previewList");
    const auto first = [list] { return list->count() > 0 ? list->item(0)->text() : QString(); };
    // 02:30 in Berlin is 20:30 the evening before in New York (before the US clocks change on 8 March).
    QTRY_COMPARE(first(), QStringLiteral("Fri 6 Mar 02:30 · Thu 5 Mar 20:30 here"));
    QCOMPARE(child<QLabel>("previewTitle")->text(), QStringLiteral("Next runs (Europe/Berlin):"));
    QCOMPARE(list->count(), 5);
    for (int row = 0; row < list->count(); ++row) // the whole entry is in view, not cut off
        QVERIFY2(list->visualItemRect(list->item(row)).right() <= list->viewport()->width()
                     && list->fontMetrics().horizontalAdvance(list->item(row)->text()) < list->viewport()->width(),
                 qPrintable(list->item(row)->text()));
    // Where the zone keeps this computer's clock, a time is given once.
    chooseZone(QStringLiteral("America/New_York"));
    type("cronEdit", "0 9 * * *");
    QTRY_COMPARE(first(), QStringLiteral("Thu 5 Mar 09:00"));
    QCOMPARE(child<QLabel>("previewTitle")->text(), QStringLiteral("Next runs (America/New_York):"));
    // The same day there and here: the time alone.
    chooseZone(QStringLiteral("America/Chicago"));
    QTRY_COMPARE(first(), QStringLiteral("Thu 5 Mar 09:00 · 10:00 here"));
}

void TestJobEditorDialog::builtinFunctionsHaveLabels()
{
    // Built-in functions are listed by what they do; the registered name is what is saved.
    FunctionRegistry functions;
    registerBuiltinFunctions(functions);
    m_dialog.reset();
    m_dialog = std::make_unique<JobEditorDialog>(*m_client, m_clock, functions);
    m_dialog->show();
    type("cronEdit", "*/5 * * * *");
    chooseAction(QStringLiteral("Function"));
    auto *list = child<QComboBox>("functionCombo");
    QStringList labels;
    for (int i = 0; i < list->count(); ++i)
        labels << list->itemText(i);
    QCOMPARE(labels, (QStringList{"Do nothing (noop)", "Wait N seconds (sleep)"}));
    QCOMPARE(list->itemData(1).toString(), QStringLiteral("sleep"));
    list->setCurrentIndex(1);
    QVERIFY(!child<QLabel>("functionWarning")->isVisible()); // a known function, by its label
    auto job = m_dialog->jobFromInput();
    QVERIFY(job.ok());
    QCOMPARE(std::get<FunctionAction>(job->action).name, QStringLiteral("sleep"));
    // Typing the registered name works too; an edited job shows its function's label.
    list->setEditText(QStringLiteral("noop"));
    QCOMPARE(std::get<FunctionAction>(m_dialog->jobFromInput()->action).name, QStringLiteral("noop"));
    Job stored = m_dialog->jobFromInput().value();
    stored.id = QStringLiteral("f");
    m_dialog->setJob(stored);
    QCOMPARE(list->currentText(), QStringLiteral("Do nothing (noop)"));
}

void TestJobEditorDialog::escapeAsksBeforeDiscardingEdits()
{
    Job job;
    job.id = QStringLiteral("backup");
    job.name = QStringLiteral("Nightly backup");
    job.trigger = std::shared_ptr<const Trigger>(CronTrigger::create("30 2 * * *", zone("Europe/Berlin")).value());
    job.action = CommandAction{QStringLiteral("/usr/bin/backup"), {}, {}, {}, false, 1 << 20};
    m_dialog->setJob(addJob(job));
    QVERIFY(!m_dialog->hasChanges());
    type("cronEdit", "45 2 * * *");
    QVERIFY(m_dialog->hasChanges());

    // Keep editing: the dialog stays, with the edit.
    QCOMPARE(pressEscape("keepEditingButton"), QStringLiteral("Discard changes to “Nightly backup”?"));
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(child<QLineEdit>("cronEdit")->text(), QStringLiteral("45 2 * * *"));
    // Cancel asks as well; the buttons say what they do.
    QString buttons;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *button : box->buttons())
            buttons += button->text() + QLatin1Char('|');
        box->findChild<QPushButton *>(QStringLiteral("discardButton"))->click();
    });
    QTest::mouseClick(child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QVERIFY2(buttons.contains(QLatin1String("Discard changes|")) && buttons.contains(QLatin1String("Keep editing|")),
             qPrintable(buttons));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QCOMPARE(stored(QStringLiteral("backup")).trigger->toJson(), job.trigger->toJson()); // nothing saved

    // A new job with a name typed: the close button asks too.
    openDialog();
    type("nameEdit", QStringLiteral("Report"));
    QString asked;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        asked = box->text();
        box->findChild<QPushButton *>(QStringLiteral("keepEditingButton"))->click();
    });
    m_dialog->close();
    QCOMPARE(asked, QStringLiteral("Discard changes to “Report”?"));
    QVERIFY(m_dialog->isVisible());
}

void TestJobEditorDialog::closingUnchangedDoesNotAsk()
{
    // Nothing changed: Escape closes at once, for a new job and for an edited one.
    QCOMPARE(pressEscape("discardButton"), QString());
    QVERIFY(!m_dialog->isVisible());
    const Job job = addPlainJob(QStringLiteral("p"), QStringLiteral("Plain"));
    openDialog();
    m_dialog->setKnownJobs({{QStringLiteral("p"), QStringLiteral("Plain")}});
    m_dialog->setJob(job);
    type("cronEdit", "5 * * * *");
    type("cronEdit", "0 * * * *"); // back as it was
    QVERIFY(!m_dialog->hasChanges());
    QCOMPARE(pressEscape("discardButton"), QString());
    QVERIFY(!m_dialog->isVisible());
}

void TestJobEditorDialog::tooltipsExplainInWords()
{
    // Tooltips explain in words; the APScheduler and JSON names are in docs/scheduling.md.
    const QRegularExpression jargon(QStringLiteral("APScheduler|\\([a-z]+_[a-z_]+[^)]*\\)|\\(timeout\\)"));
    for (const char *action : {"Command", "Function", "SQL statements", "HTTP requests"}) {
        chooseAction(QString::fromLatin1(action));
        for (const QWidget *widget : m_dialog->findChildren<QWidget *>()) {
            const QString tip = widget->toolTip();
            QVERIFY2(!jargon.match(tip).hasMatch(), qPrintable(widget->objectName() + QStringLiteral(": ") + tip));
        }
    }
}

void TestJobEditorDialog::missingSqliteFileIsNoted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    chooseAction(QStringLiteral("SQL statements"));
    auto *note = child<QLabel>("sqlDatabaseMessage");
    type("sqlDatabaseEdit", dir.filePath(QStringLiteral("missing.db")));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("No such file: SQLite will create an empty database"));
    QFile existing(dir.filePath(QStringLiteral("app.db")));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.close();
    type("sqlDatabaseEdit", existing.fileName());
    QVERIFY(!note->isVisible());
}

void TestJobEditorDialog::everyInteractiveWidgetHasAnAccessibleName_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("action");
    QTest::newRow("cron, command") << "cronRadio" << "Command";
    QTest::newRow("interval, function") << "intervalRadio" << "Function";
    QTest::newRow("date, sql") << "dateRadio" << "SQL statements";
    QTest::newRow("calendar, http") << "calendarRadio" << "HTTP requests";
    QTest::newRow("no schedule, command") << "eventsOnlyRadio" << "Command";
}

void TestJobEditorDialog::everyInteractiveWidgetHasAnAccessibleName()
{
    // What a screen reader gets (QAccessible): every widget a person can use has a name, combo boxes by their
    // label rather than their value. The sections that are always shown ("If things go wrong", "Only when",
    // "Also run", "Afterwards") are walked on every row.
    QFETCH(QString, trigger);
    QFETCH(QString, action);
    m_dialog->setKnownJobs({{QStringLiteral("other"), QStringLiteral("Other job")}});
    chooseTrigger(trigger.toLatin1().constData());
    chooseAction(action);
    child<QCheckBox>("idleCheck")->setChecked(true); // the conditions' deadline row shows
    QCoreApplication::processEvents();
    const QStringList unnamed = test::unnamedInteractive(m_dialog.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestJobEditorDialog::cronTooltipIsPlainText()
{
    // Screen readers get tooltips as they are: no markup in the cron field's, nor in any other of the editor.
    QVERIFY(!Qt::mightBeRichText(child<QLineEdit>("cronEdit")->toolTip()));
    for (const QWidget *widget : m_dialog->findChildren<QWidget *>()) {
        QVERIFY2(!Qt::mightBeRichText(widget->toolTip()), qPrintable(widget->objectName()));
        QVERIFY2(!Qt::mightBeRichText(widget->accessibleDescription()), qPrintable(widget->objectName()));
    }
    QAccessibleInterface *cron = QAccessible::queryAccessibleInterface(child<QLineEdit>("cronEdit"));
    QVERIFY(cron);
    QVERIFY(!cron->text(QAccessible::Description).contains(QLatin1Char('<')));
}

QTEST_MAIN(TestJobEditorDialog)
#include "testjobeditordialog.moc"
