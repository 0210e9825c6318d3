// The job editor dialog: adds a job or edits one through the Scheduler API, validating as the user types.
#pragma once

#include "jobs/job.h"
#include "control/schedulerclient.h" // Q_DECLARE_METATYPE(Job) (scheduler.h): it must precede jobSaved's meta type

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLineEdit;
class QScrollArea;

namespace punctual {

class ActionEditor;
class ChainsEditor;
class ExcludeEditor;
class EventsEditor;
class ConditionsEditor;
class Clock;
class FieldMessage;
class FunctionRegistry;
class OptionsEditor;
class TriggerEditor;

/**
 * "New job" (as constructed) or "Edit job" (after setJob()): name and id, when it runs (TriggerEditor), what it
 * runs (ActionEditor), what happens when things go wrong (OptionsEditor) and what runs afterwards
 * (ChainsEditor). It only collects input: parsing, validation and next-time maths come from core, saving goes
 * through the Scheduler. Save stays disabled while any input is invalid; each error is shown next to its field. Save adds the job (new) or modifies it (edit:
 * name, action, options, and the trigger only when it changed, since a new trigger reschedules from now); the
 * dialog closes only when the scheduler accepted it, otherwise its error is shown (a taken id next to the id)
 * and the dialog stays open.
 *
 * Object names of the fields are part of the API (tests and the main window use them): nameEdit, idEdit,
 * idError, cronRadio, intervalRadio, dateRadio, calendarRadio, cronEdit, intervalEdit, intervalStartEdit,
 * dateTimeEdit, calendarEdit, timeZoneCombo, jitterSpin, triggerDescription, triggerError, previewList,
 * actionKindCombo, programEdit, programError, argumentsEdit, workingDirectoryEdit, shellCheck, functionCombo,
 * functionWarning, misfireGraceSpin, misfireNoLimitCheck, coalesceCheck, maxInstancesSpin, timeoutSpin,
 * retriesSpin, retryDelaySpin, overlapCombo, queueLimitSpin, pauseAfterFailuresCheck, pauseAfterFailuresSpin,
 * chainsList, chainConditionCombo, chainJobCombo, chainAddButton, chainRemoveButton, messageLabel, buttonBox;
 * event triggers ("Also run"): eventsOnlyRadio, dstCombo, dstNote, atStartCheck, afterResumeCheck,
 * afterResumeDelayEdit, networkUpCheck, eventsError.
 * conditions: acPowerCheck, networkCheck, unmeteredCheck, idleCheck, idleSpin, requireDeadlineCombo,
 * requireDeadlineSpin, stopIfLostCheck.
 */
class JobEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobEditorDialog)

public:
    /// A dialog for a new job. The references must outlive the dialog.
    JobEditorDialog(SchedulerClient &scheduler, const Clock &clock, const FunctionRegistry &functions,
                    QWidget *parent = nullptr);
    ~JobEditorDialog() override;

    /// Switches to editing @p job: every field is filled from it and the id becomes read-only.
    void setJob(const Job &job);
    /// The sql connections other jobs use, offered on the SQL page (SqlActionEditor::connectionsOf()). The
    /// caller has the jobs at hand (the window's list): the dialog does not read the store on the GUI thread.
    void setKnownSqlConnections(const QList<SqlConnection> &connections);
    /// The jobs the "Afterwards" section offers by name, as (id, name): the window's list (no store read here).
    void setKnownJobs(const QList<std::pair<QString, QString>> &jobs);
    /// The options a new job starts with (the user's defaults from the settings); call before setJob().
    void setDefaultOptions(const JobOptions &options);
    /// True after setJob().
    bool isEditing() const { return m_original.has_value(); }

    /// The job as entered (in edit mode: the edited job with its id and state), or the first problem. An empty
    /// id in a new job means one is generated when it is saved.
    Result<Job> jobFromInput() const;
    bool isInputValid() const;

    /// The id an empty id field stands for: a slug of the name, unique among the known jobs (setKnownJobs()).
    QString generatedId() const;
    /// Whether any field differs from what the dialog opened with (or setJob() filled in).
    bool hasChanges() const;

public slots:
    /// Saves through the scheduler; closes only on success.
    void accept() override;
    /// Cancel, Escape and the close button: asks before discarding edits ("Discard changes" / "Keep editing").
    void reject() override;

protected:
    void showEvent(QShowEvent *event) override;
    /// The form's layout changed (a hint line came, a wider preview): the dialog grows to keep it in view.
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    /// The scheduler accepted the job; @p job is as stored (generated id, next run time).
    void jobSaved(const punctual::Job &job);

private:
    void updateValidity();
    void showSaveError(const Error &error);
    void setTabOrderByName();
    /// Sized to show the whole form, or as much as the screen allows.
    void fitToScreen();
    /// The size fitToScreen() would give, from the form's size hint now.
    QSize sizeForForm() const;
    /// Every field's value in one string (what hasChanges() compares).
    QString inputFingerprint() const;

    SchedulerClient &m_scheduler;
    std::optional<Job> m_original;
    QString m_idConflict; ///< the scheduler's "id exists" message, until the id is changed

    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_idEdit = nullptr;
    FieldMessage *m_idError = nullptr;
    TriggerEditor *m_triggerEditor = nullptr;
    EventsEditor *m_eventsEditor = nullptr;
    ActionEditor *m_actionEditor = nullptr;
    OptionsEditor *m_optionsEditor = nullptr;
    ChainsEditor *m_chainsEditor = nullptr;
    ExcludeEditor *m_excludeEditor = nullptr; ///< "Exclude days of:", under When
    ConditionsEditor *m_conditionsEditor = nullptr;
    QList<std::pair<QString, QString>> m_knownJobs;
    FieldMessage *m_message = nullptr;
    QDialogButtonBox *m_buttonBox = nullptr;
    QScrollArea *m_scrollArea = nullptr;
    QString m_openedWith; ///< inputFingerprint() when shown or filled by setJob()
    bool m_shown = false;
    bool m_growPending = false; ///< a grow to the form's new size is queued
};

} // namespace punctual
