// The banner over the job list while the whole scheduler is paused: nothing starts, with Resume at hand.
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace punctual {

class SchedulerClient;

/**
 * Shown while the host's scheduler is paused (Scheduler › Pause scheduler, the tray's Pause all): "The scheduler
 * is paused: no job starts until you resume it. The next run times below wait." with a Resume button that asks
 * the host to resume. Hidden otherwise, and while no host is connected. Object name pausedBanner; the button
 * pausedBannerResumeButton.
 */
class PausedBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PausedBanner)

public:
    explicit PausedBanner(SchedulerClient &scheduler, QWidget *parent = nullptr);

    QToolButton *resumeButton() const { return m_resume; }

signals:
    /// Resume was clicked (the window resumes the scheduler, as Scheduler › Pause scheduler does).
    void resumeRequested();

private:
    void refresh();

    SchedulerClient &m_scheduler;
    QLabel *m_text;
    QToolButton *m_resume;
};

} // namespace punctual
