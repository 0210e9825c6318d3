// The job editor's "Exclude days of:" choice: the exclusion calendars a job skips the days of.
#pragma once

#include "calendars/exclusioncalendar.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace punctual {

/**
 * A checkable list of the store's calendars (setCalendars()); the checked ones are the job's exclude list. A name
 * the job has but the store does not (removed meanwhile) is listed too, checked, so saving says what is wrong.
 *
 * Object names: excludeList, excludeEmptyLabel.
 */
class ExcludeEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExcludeEditor)

public:
    explicit ExcludeEditor(QWidget *parent = nullptr);

    void setCalendars(const QList<ExclusionCalendar> &calendars);
    void setExclude(const QStringList &names);
    /// The checked calendars' names, in the list's order.
    QStringList exclude() const;
    /// The calendars as last set (for the preview).
    const ExclusionCalendars &calendars() const { return m_calendars; }
    QListWidget *list() const { return m_list; }

signals:
    void edited();

private:
    void refill();

    ExclusionCalendars m_calendars;
    QStringList m_names;    ///< the store's calendars, by name
    QStringList m_selected; ///< the job's exclude list
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace punctual
