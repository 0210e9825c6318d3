// Scheduler › Calendars…: the exclusion calendars of the store, edited through the host.
#pragma once

#include "calendars/exclusioncalendar.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;

namespace punctual {

class FieldMessage;
class SchedulerClient;

/**
 * The calendars (left) and, for the selected one, what it excludes (right): weekday boxes, its dates and ranges
 * (a day or a range added from two date fields, the selected ones removed), Import .ics…, and the jobs using it.
 * Every edit is sent to the host at once (put_calendar, replace) and the answer shown; New asks for a name and
 * Delete is refused while jobs use the calendar (the host's message, naming them, shows in the dialog).
 *
 * Object names: calendarList, newCalendarButton, deleteCalendarButton, weekday0Check (Sunday) … weekday6Check,
 * daysList, fromDateEdit, toDateEdit, addDaysButton, removeDaysButton, importIcsButton, usedByLabel, messageLabel.
 */
class CalendarsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit CalendarsDialog(SchedulerClient &scheduler, QWidget *parent = nullptr);

    /// Reads the calendars again (after the host's answer: loaded()).
    void reload();
    /// Adds a calendar named @p name with no days (New…).
    void createCalendar(const QString &name);
    /// Deletes the selected calendar.
    void deleteSelected();
    /// Adds the days from the date fields to the selected calendar (one day, or a range).
    void addDays();
    /// Removes the days and ranges selected in the list.
    void removeSelectedDays();
    /// Adds the all-day events of the .ics file @p path (Import .ics… after its file dialog).
    void importIcs(const QString &path);
    /// Selects the calendar @p name; false when there is none.
    bool selectCalendar(const QString &name);

    QListWidget *calendarList() const { return m_calendarList; }
    QListWidget *daysList() const { return m_daysList; }
    QCheckBox *weekdayCheck(int weekday) const { return m_weekdays[weekday]; }
    QDateEdit *fromEdit() const { return m_fromEdit; }
    QDateEdit *toEdit() const { return m_toEdit; }
    QString usedByText() const;
    QString messageText() const;

signals:
    /// The calendars are shown (after each answer of the host).
    void loaded();
    /// A change was refused or failed; the message shows why.
    void failed(const QString &message);

private:
    void showCalendars(const QList<CalendarInfo> &calendars);
    void showSelected();
    void save(const ExclusionCalendar &calendar);
    const CalendarInfo *selected() const;
    void showError(const QString &message);

    SchedulerClient &m_scheduler;
    QList<CalendarInfo> m_calendars;
    QString m_selectedName;
    QListWidget *m_calendarList = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QCheckBox *m_weekdays[7] = {};
    QListWidget *m_daysList = nullptr;
    QDateEdit *m_fromEdit = nullptr;
    QDateEdit *m_toEdit = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QLabel *m_usedBy = nullptr;
    FieldMessage *m_message = nullptr;
    QWidget *m_details = nullptr;
};

} // namespace punctual
