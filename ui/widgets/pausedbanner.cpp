// The banner over the job list while the whole scheduler is paused.
#include "pausedbanner.h"

#include "control/schedulerclient.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace punctual {

PausedBanner::PausedBanner(SchedulerClient &scheduler, QWidget *parent)
    : QFrame(parent)
    , m_scheduler(scheduler)
    , m_text(new QLabel(this))
    , m_resume(new QToolButton(this))
{
    setObjectName(QStringLiteral("pausedBanner"));
    setAccessibleName(tr("Scheduler paused"));
    // Explicit colours, text included, as the store banner: readable on light and dark themes alike.
    setStyleSheet(QStringLiteral("#pausedBanner { background: #fdf0d5; border: 1px solid #e8a200; "
                                 "border-radius: 4px; }"
                                 "#pausedBanner QLabel { color: #3a2c00; background: transparent; }"));
    m_text->setObjectName(QStringLiteral("pausedBannerText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setText(tr("The scheduler is paused: no job starts until you resume it. The next run times below wait."));
    setAccessibleDescription(m_text->text());
    m_resume->setObjectName(QStringLiteral("pausedBannerResumeButton"));
    m_resume->setText(tr("Resume"));
    m_resume->setAccessibleName(tr("Resume the scheduler"));
    m_resume->setToolTip(tr("Resume the scheduler: runs due meanwhile follow the misfire rules"));
    connect(m_resume, &QToolButton::clicked, this, &PausedBanner::resumeRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 8, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_resume);

    connect(&m_scheduler, &SchedulerClient::stateChanged, this, &PausedBanner::refresh);
    connect(&m_scheduler, &SchedulerClient::hostConnectedChanged, this, &PausedBanner::refresh);
    refresh();
}

void PausedBanner::refresh()
{
    setVisible(m_scheduler.isConnected() && m_scheduler.state() == Scheduler::State::Paused);
}

} // namespace punctual
