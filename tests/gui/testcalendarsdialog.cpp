// Scheduler › Calendars… (CalendarsDialog) and the job editor's "Exclude days of:" choice with its struck-through
// preview, against a real host (HostHarness: a scheduler on a fake clock served on a socket).
#include "calendars/exclusioncalendar.h"
#include "dialogs/calendarsdialog.h"
#include "dialogs/jobeditordialog.h"
#include "support/hostharness.h"
#include "support/jobbuilder.h"
#include "support/testsupport.h"
#include "time/isotime.h"
#include "time/zonerules.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

std::int64_t iso(const char *text)
{
    return parseIso(QString::fromLatin1(text), *ZoneRules::forZone("UTC")).value();
}

const std::int64_t T0 = iso("2026-12-20T12:00:00Z");

std::int64_t day(const char *text)
{
    return ExclusionCalendar::parseDay(QString::fromLatin1(text)).value();
}

} // namespace

class TestCalendarsDialog : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsAndEditsCalendars();
    void deleteRefusedWhileUsed();
    void editorChoosesCalendarsAndStrikesThroughPreview();

private:
    ExclusionCalendar storedCalendar(const QString &name) const;

    TimeZoneGuard m_zone{"UTC"};
};

void TestCalendarsDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    addSucceeding(QStringLiteral("ok"));
}

void TestCalendarsDialog::init()
{
    setUpScheduler(T0);
    QVERIFY(m_scheduler->start());
    setUpHost();
    ExclusionCalendar holidays;
    holidays.name = "holidays";
    holidays.addDate(day("2026-12-22"));
    QVERIFY_OK(m_scheduler->putCalendar(holidays, ConflictPolicy::Fail));
}

void TestCalendarsDialog::cleanup()
{
    tearDownHost();
    tearDownScheduler();
}

ExclusionCalendar TestCalendarsDialog::storedCalendar(const QString &name) const
{
    auto calendar = m_scheduler->calendar(name);
    if (!calendar)
        qFatal("%s", qPrintable(calendar.error().message));
    return calendar.value();
}

void TestCalendarsDialog::listsAndEditsCalendars()
{
    CalendarsDialog dialog(*m_client);
    QSignalSpy loaded(&dialog, &CalendarsDialog::loaded);
    dialog.show();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(dialog.calendarList()->count(), 1);
    QCOMPARE(dialog.calendarList()->item(0)->text(), QString("holidays"));
    QCOMPARE(dialog.daysList()->count(), 1);
    QCOMPARE(dialog.daysList()->item(0)->text(), QString("2026-12-22"));
    QCOMPARE(dialog.usedByText(), QString("Used by no job."));
    for (QWidget *widget : {static_cast<QWidget *>(dialog.calendarList()), static_cast<QWidget *>(dialog.daysList()),
                            static_cast<QWidget *>(dialog.fromEdit()), static_cast<QWidget *>(dialog.toEdit()),
                            static_cast<QWidget *>(dialog.weekdayCheck(6))})
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));

    // Saturdays and Sundays, by their boxes.
    QTest::mouseClick(dialog.weekdayCheck(6), Qt::LeftButton);
    QVERIFY(loaded.wait(5000));
    QTest::mouseClick(dialog.weekdayCheck(0), Qt::LeftButton);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(storedCalendar("holidays").weekdays, (1 << 6) | 1);
    QVERIFY(dialog.weekdayCheck(6)->isChecked());

    // A range from the two date fields, then one day removed again.
    dialog.fromEdit()->setDate(QDate(2027, 4, 12));
    dialog.toEdit()->setDate(QDate(2027, 4, 14));
    dialog.findChild<QPushButton *>("addDaysButton")->click();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(storedCalendar("holidays").ranges, QList<DayRange>({{day("2027-04-12"), day("2027-04-14")}}));
    QCOMPARE(dialog.daysList()->item(0)->text(), QString("2027-04-12 to 2027-04-14"));
    dialog.daysList()->item(1)->setSelected(true); // 2026-12-22
    dialog.findChild<QPushButton *>("removeDaysButton")->click();
    QVERIFY(loaded.wait(5000));
    QVERIFY(storedCalendar("holidays").dates.isEmpty());

    // Import .ics: its all-day events' days, a note for the timed one.
    dialog.importIcs(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/holidays.ics"));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(storedCalendar("holidays").dates.size(), 91);
    QVERIFY2(dialog.messageText().contains("1 event(s) with a time of day left out"), qPrintable(dialog.messageText()));
    // A file that is not one: said in the dialog, nothing changed.
    QSignalSpy failed(&dialog, &CalendarsDialog::failed);
    dialog.importIcs(QStringLiteral("/nonexistent/x.ics"));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(dialog.messageText().startsWith("cannot read /nonexistent/x.ics"), qPrintable(dialog.messageText()));

    // New, and a name that exists already.
    dialog.createCalendar("school");
    QVERIFY(loaded.wait(5000));
    QCOMPARE(dialog.calendarList()->count(), 2);
    QCOMPARE(dialog.calendarList()->currentItem()->text(), QString("school"));
    dialog.createCalendar("holidays");
    QVERIFY(failed.wait(5000));
    QCOMPARE(dialog.messageText(), QString("a calendar named \"holidays\" already exists"));
}

void TestCalendarsDialog::deleteRefusedWhileUsed()
{
    JobOptions options;
    options.exclude = {"holidays"};
    addOrDie(JobBuilder("report").cron("0 9 * * *", "UTC").function("ok").options(options));
    CalendarsDialog dialog(*m_client);
    QSignalSpy loaded(&dialog, &CalendarsDialog::loaded);
    QSignalSpy failed(&dialog, &CalendarsDialog::failed);
    dialog.show();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(dialog.usedByText(), QString("Used by: report"));
    dialog.findChild<QPushButton *>("deleteCalendarButton")->click();
    QVERIFY(failed.wait(5000));
    QCOMPARE(dialog.messageText(), QString("calendar \"holidays\" is used by 1 job(s): report"));
    QVERIFY(m_scheduler->calendar("holidays").ok());

    QVERIFY_OK(m_scheduler->modifyJob("report", [] {
        JobChanges changes;
        changes.options = JobOptions{};
        return changes;
    }()));
    dialog.reload();
    QVERIFY(loaded.wait(5000));
    dialog.deleteSelected();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(dialog.calendarList()->count(), 0);
    QVERIFY(!m_scheduler->calendar("holidays").ok());
}

void TestCalendarsDialog::editorChoosesCalendarsAndStrikesThroughPreview()
{
    JobEditorDialog editor(*m_client, m_clock, m_functions);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *excludeList = editor.findChild<QListWidget *>("excludeList");
    QVERIFY(excludeList);
    QVERIFY(!excludeList->accessibleName().isEmpty());
    QTRY_COMPARE(excludeList->count(), 1); // the host's calendars, asked when the editor opens
    auto *cron = editor.findChild<QLineEdit *>("cronEdit");
    cron->setText("0 9 * * *");
    auto *program = editor.findChild<QLineEdit *>("programEdit");
    program->setText("/bin/true");
    auto *preview = editor.findChild<QListWidget *>("previewList");
    QTRY_COMPARE(preview->count(), 5);
    for (int row = 0; row < preview->count(); ++row)
        QVERIFY(!preview->item(row)->font().strikeOut());

    excludeList->item(0)->setCheckState(Qt::Checked);
    // Mon 21, Tue 22 (excluded), Wed 23 ... at 09:00: the second is struck through and names the calendar.
    QTRY_VERIFY(preview->item(1)->font().strikeOut());
    QCOMPARE(preview->item(1)->text(), QString("Tue 22 Dec 09:00 (holidays)"));
    QCOMPARE(preview->item(1)->data(Qt::UserRole).toString(), QString("holidays"));
    QVERIFY(preview->item(1)->toolTip().contains("excluded by calendar \"holidays\" (2026-12-22)"));
    QVERIFY(!preview->item(0)->font().strikeOut());
    QVERIFY(!preview->item(2)->font().strikeOut());

    editor.findChild<QLineEdit *>("idEdit")->setText("daily");
    auto *save = editor.findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Save);
    QTRY_VERIFY(save->isEnabled());
    save->click();
    QTRY_VERIFY(m_scheduler->job("daily").ok());
    const Job job = m_scheduler->job("daily").value();
    QCOMPARE(job.options.exclude, QStringList({"holidays"}));
    QCOMPARE(job.nextRunTime, std::optional(iso("2026-12-21T09:00:00Z")));

    // Editing it shows the choice checked.
    JobEditorDialog again(*m_client, m_clock, m_functions);
    again.setJob(job);
    auto *list = again.findChild<QListWidget *>("excludeList");
    QTRY_COMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->checkState(), Qt::Checked);
}

QTEST_MAIN(TestCalendarsDialog)
#include "testcalendarsdialog.moc"
