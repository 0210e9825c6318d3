// The Review dialog of the missed-runs review: per job the times missed and what its policy decided, Run now and
// Dismiss per job, Dismiss all.
#pragma once

#include "scheduler/missedrunsreport.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace punctual {

class Clock;
class SchedulerClient;

/**
 * Lists SchedulerClient::missedRuns(), one group per job (titled with its name): why and when ("Missed while the
 * computer was asleep, from 01:00 to 07:58."), the times due (local time, the first five and "and N more"; all
 * listed ones in the tooltip) and what its policy decided, a line each. Run now goes through
 * SchedulerClient::runJobsNow(); Dismiss and Dismiss all through dismissMissedRuns(). It follows the client: a report
 * dismissed elsewhere leaves, and the dialog closes once the last one it showed is gone.
 *
 * Object names: missedRunsDialog, missedRunsJob (each group; property "jobId"), missedRunsRunNowButton and
 * missedRunsDismissJobButton (property "jobId"), missedRunsJobStatus, missedRunsDismissAllButton.
 */
class MissedRunsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MissedRunsDialog)

public:
    MissedRunsDialog(SchedulerClient &scheduler, const Clock &clock, QWidget *parent = nullptr);
    ~MissedRunsDialog() override;

    /// The ids of the jobs listed, in order.
    QStringList jobIds() const;

private:
    void rebuild();
    QWidget *jobBox(const MissedRunsReport &report, std::int64_t nowMs);
    void runNow(const QString &jobId);
    void setStatus(const QString &jobId, const QString &text);

    SchedulerClient &m_scheduler;
    const Clock &m_clock;
    QLabel *m_intro;
    QWidget *m_list;
    QVBoxLayout *m_listLayout;
    QPushButton *m_dismissAll;
    QHash<QString, QString> m_status; ///< job id -> what its Run now did
    bool m_hadReports = false;
};

} // namespace punctual
