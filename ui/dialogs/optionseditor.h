// The "If things go wrong" part of the job editor: misfire grace, coalesce, overlap policy and max instances,
// timeout, retries, pause after failures.
#pragma once

#include "jobs/job.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace punctual {

/**
 * Collects JobOptions, each worded as the question a user asks ("Missed while off or asleep", "If still
 * running") with APScheduler's option name in its tooltip. Every combination of values is valid. Settings
 * without a field here (remove_when_done) and sub-second values nobody touched are kept from setOptions().
 */
class OptionsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OptionsEditor)

public:
    explicit OptionsEditor(QWidget *parent = nullptr);

    void setOptions(const JobOptions &options);
    JobOptions options() const;

signals:
    void edited();

private:
    void updateEnabled();

    JobOptions m_original;

    QSpinBox *m_misfireGraceSpin = nullptr;
    QCheckBox *m_misfireNoLimitCheck = nullptr;
    QCheckBox *m_coalesceCheck = nullptr;
    QComboBox *m_overlapCombo = nullptr;
    QSpinBox *m_queueLimitSpin = nullptr;
    QSpinBox *m_maxInstancesSpin = nullptr;
    QList<QLabel *> m_instancesWords; ///< "at most", "at a time": shown with the spin box
    QCheckBox *m_pauseAfterCheck = nullptr;
    QSpinBox *m_pauseAfterSpin = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QSpinBox *m_retriesSpin = nullptr;
    QSpinBox *m_retryDelaySpin = nullptr;
    QDoubleSpinBox *m_retryBackoffSpin = nullptr;
    QSpinBox *m_retryDelayMaxSpin = nullptr;
};

} // namespace punctual
