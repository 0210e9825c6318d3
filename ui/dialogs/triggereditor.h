// The "When" part of the job editor: trigger type, its fields, time zone and jitter, with a live preview.
#pragma once

#include "calendars/exclusioncalendar.h"
#include "util/result.h"

#include <QWidget>

#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTimer;
class QVBoxLayout;

namespace punctual {

class Clock;
class FieldMessage;
class Trigger;
class ZoneRules;
enum class TriggerType;

/**
 * Collects a trigger: cron expression, interval ("1h30m", optional start), one date and time, or a calendar
 * spec ("every 2 weeks at 09:30"), all in one selected time zone, plus jitter. Parsing and the next-time maths
 * are core's; this widget only shows their answers: the trigger's description, the parser's error next to the
 * fields, and the next runs from the clock's now. The display follows the input after a short pause in typing;
 * trigger() always reads the input as it is.
 */
class TriggerEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriggerEditor)

public:
    /// How many next runs the preview lists.
    static constexpr int previewCount = 5;

    explicit TriggerEditor(const Clock &clock, QWidget *parent = nullptr);
    ~TriggerEditor() override;

    /// Fills every field from @p trigger (edit mode). Its settings the editor has no field for (a cron start or
    /// end, an interval or calendar end) are kept as long as the type stays the same, and an unchanged trigger
    /// is accepted even when it will not fire again (a date job that has run).
    void setTrigger(std::shared_ptr<const Trigger> trigger);
    /// The trigger as entered (the one given to setTrigger() when nothing was changed), or the first problem.
    Result<std::shared_ptr<const Trigger>> trigger() const;

    /// Updates description, error and preview now instead of after the typing pause.
    void refresh();
    /// Puts @p widget under the fields, beside the Next runs column (which is taller than the fields): the
    /// editor's "Also run" and "Exclude days of" rows take no height of their own there.
    void addBelowFields(QWidget *widget);
    /// Whether the job has event triggers: "No schedule" is valid only then (the job editor's "Also run").
    void setHasEvents(bool hasEvents);

    /// The job's exclusion calendars (@p names of @p calendars): the preview shows fire times on the days they
    /// exclude struck through, naming the calendar.
    void setExclusions(const ExclusionCalendars &calendars, const QStringList &names);

signals:
    /// Any input changed (at once, not after the typing pause).
    void edited();

private:
    struct Built;

    QWidget *createCronPage();
    QWidget *createIntervalPage();
    QWidget *createDatePage();
    QWidget *createCalendarPage();
    QWidget *createEventsOnlyPage();
    void createZoneCombo();
    void connectEdits();

    TriggerType selectedType() const;
    QWidget *mainField(TriggerType type) const;
    void selectType(TriggerType type);
    Built build() const;
    void buildCron(Built &built, const std::shared_ptr<const ZoneRules> &zone) const;
    void buildInterval(Built &built, const std::shared_ptr<const ZoneRules> &zone, std::int64_t nowMs) const;
    void buildDate(Built &built, const std::shared_ptr<const ZoneRules> &zone) const;
    void buildCalendar(Built &built, const std::shared_ptr<const ZoneRules> &zone, std::int64_t nowMs) const;
    void showPreview(const Trigger &trigger);
    void fitPreviewWidth(int widestText);
    void markExcluded(QListWidgetItem *item, const Trigger &trigger, std::int64_t fireMs) const;
    /// The dstNote label: what the zone's next DST change does to a cron trigger's times (empty otherwise).
    void showDstNote(const Trigger *trigger);
    QString formatRunTime(std::int64_t utcMs, const ZoneRules &zone, std::int64_t nowMs,
                          const ZoneRules *dayOf = nullptr) const;
    /// Shows @p utcMs as the wall-clock time of @p zone in @p edit (Once at, First run).
    static void setDateTimeInZone(QDateTimeEdit *edit, std::int64_t utcMs, const ZoneRules &zone);
    /// The instant the wall-clock time in @p edit means in @p zone (a time in a DST gap: the gap's end).
    static Result<std::int64_t> instantInZone(const QDateTimeEdit *edit, const ZoneRules &zone);

    const Clock &m_clock;
    std::shared_ptr<const Trigger> m_original;
    QTimer *m_refreshTimer = nullptr;

    QButtonGroup *m_typeGroup = nullptr;
    QRadioButton *m_cronRadio = nullptr;
    QRadioButton *m_intervalRadio = nullptr;
    QRadioButton *m_dateRadio = nullptr;
    QRadioButton *m_calendarRadio = nullptr;
    QRadioButton *m_eventsOnlyRadio = nullptr;
    QComboBox *m_dstCombo = nullptr;
    QLabel *m_dstNote = nullptr;
    bool m_hasEvents = false;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_cronEdit = nullptr;
    QLineEdit *m_intervalEdit = nullptr;
    QCheckBox *m_intervalStartCheck = nullptr; ///< "First run at:": off means one interval after saving
    QDateTimeEdit *m_intervalStartEdit = nullptr;
    QDateTimeEdit *m_dateTimeEdit = nullptr;
    QLineEdit *m_calendarEdit = nullptr;
    QComboBox *m_zoneCombo = nullptr;
    QSpinBox *m_jitterSpin = nullptr;
    QLabel *m_description = nullptr;
    FieldMessage *m_error = nullptr;
    QLabel *m_previewTitle = nullptr; ///< "Next runs (ZONE):"
    QListWidget *m_preview = nullptr;
    QVBoxLayout *m_fields = nullptr; ///< the left column: the page, zone, delay, description, error
    int m_previewWidth = 0;          ///< the preview's width without calendar names
    int m_excludeExtra = 0;          ///< room for the longest calendar name after a time
    ExclusionCalendars m_exclusions; ///< setExclusions()
    QStringList m_excludeNames;
};

} // namespace punctual
