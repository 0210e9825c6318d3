// The window's banner while the host has missed-runs reports: how many runs were missed and why, Review… and Dismiss.
#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;

namespace punctual {

class Clock;
class MissedRunsDialog;
class SchedulerClient;

/**
 * A frame above the job table, shown while SchedulerClient::missedRuns() has reports (hidden once all are
 * dismissed, here or by another client): "7 runs were missed while the computer was asleep (3 jobs)", with
 * Review… (opens MissedRunsDialog) and Dismiss (dismisses all).
 *
 * Object names: missedRunsBanner, missedRunsText, missedRunsReviewButton, missedRunsDismissButton.
 */
class MissedRunsBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MissedRunsBanner)

public:
    MissedRunsBanner(SchedulerClient &scheduler, const Clock &clock, QWidget *parent = nullptr);
    ~MissedRunsBanner() override;

    /// The banner's sentence (empty while hidden).
    QString message() const;
    /// Opens (or raises) the Review dialog; it is shown even with nothing to review (it then says so).
    void openReview();
    /// The Review dialog while it is open.
    MissedRunsDialog *reviewDialog() const;

private:
    void refresh();

    SchedulerClient &m_scheduler;
    const Clock &m_clock;
    QLabel *m_text;
    QPushButton *m_review;
    QPushButton *m_dismiss;
    QPointer<MissedRunsDialog> m_dialog;
};

} // namespace punctual
