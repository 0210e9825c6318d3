// The "Only when" part of the job editor: conditions a due run waits for (a job's "requires").
#pragma once

#include "jobs/job.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QSpinBox;

namespace punctual {

/**
 * Check boxes for the conditions a due run waits for (On AC power, Network available, Unmetered network, Idle for
 * N minutes), how long it may wait (as long as the misfire grace time, for ever, or N minutes) and whether a run
 * going is stopped when a condition is lost (docs/desktop-triggers.md).
 *
 * Object names: acPowerCheck, networkCheck, unmeteredCheck, idleCheck, idleSpin, requireDeadlineCombo,
 * requireDeadlineSpin, stopIfLostCheck.
 */
class ConditionsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConditionsEditor)

public:
    explicit ConditionsEditor(QWidget *parent = nullptr);

    void setOptions(const JobOptions &options);
    /// Writes the conditions, the deadline and stop_if_lost into @p options (the rest is left alone).
    void applyTo(JobOptions &options) const;

signals:
    void edited();

private:
    void updateEnabled();

    JobOptions m_original;
    QCheckBox *m_acPowerCheck = nullptr;
    QCheckBox *m_networkCheck = nullptr;
    QCheckBox *m_unmeteredCheck = nullptr;
    QCheckBox *m_idleCheck = nullptr;
    QSpinBox *m_idleSpin = nullptr;
    QComboBox *m_deadlineCombo = nullptr;
    QSpinBox *m_deadlineSpin = nullptr;
    QCheckBox *m_stopIfLostCheck = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace punctual
