// Job › Backfill…: run a job for the fire times of a past range, after seeing which times those are.
#pragma once

#include "jobs/job.h"
#include "scheduler/backfillresult.h"

#include <QDialog>

#include <cstdint>
#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QListWidget;
class QPushButton;

namespace punctual {

class SchedulerClient;

/**
 * Asks for a range (local time; the last week by default) and, when the job is running, whether to run beside it.
 * Preview asks the host for the fire times (a dry run) and lists them; Backfill records the runs and closes the
 * dialog once the host answered. Nothing blocks: both are SchedulerClient requests with the dialog as context.
 */
class BackfillDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackfillDialog)

public:
    BackfillDialog(SchedulerClient &scheduler, const Job &job, std::int64_t nowMs, QWidget *parent = nullptr);

    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }
    QListWidget *timesList() const { return m_times; }
    QPushButton *previewButton() const { return m_preview; }
    QPushButton *backfillButton() const { return m_backfill; }
    QString statusText() const;

signals:
    /// The host answered a preview or a backfill (statusText() says what it did or why not).
    void answered();
    /// The runs were recorded (the dialog then closes).
    void backfilled(const punctual::BackfillResult &result);

private:
    void ask(bool dryRun);
    std::optional<OverlapPolicy> chosenOverlap() const;

    SchedulerClient &m_scheduler;
    QString m_jobId;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QComboBox *m_overlap;
    QListWidget *m_times;
    QLabel *m_status;
    QPushButton *m_preview;
    QPushButton *m_backfill;
};

} // namespace punctual
