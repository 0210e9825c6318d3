// The missed-runs banner: follows the client's reports, opens the Review dialog.
#include "missedrunsbanner.h"

#include "control/schedulerclient.h"
#include "review/missedrunsdialog.h"
#include "review/missedrunstext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace punctual {

MissedRunsBanner::MissedRunsBanner(SchedulerClient &scheduler, const Clock &clock, QWidget *parent)
    : QFrame(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_text(new QLabel(this))
    , m_review(new QPushButton(this))
    , m_dismiss(new QPushButton(this))
{
    setObjectName(QStringLiteral("missedRunsBanner"));
    setAccessibleName(tr("Missed runs"));
    // Explicit colours, text included: readable on light and dark themes alike.
    setStyleSheet(QStringLiteral("#missedRunsBanner { background: #e3eefc; border: 1px solid #5b8fd6; "
                                 "border-radius: 4px; }"
                                 "#missedRunsBanner QLabel { color: #10294d; background: transparent; }"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation, nullptr, this).pixmap(iconSize, iconSize));

    m_text->setObjectName(QStringLiteral("missedRunsText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_review->setObjectName(QStringLiteral("missedRunsReviewButton"));
    m_review->setText(tr("Review…")); // no mnemonic: Alt+R is Run now's
    m_review->setAccessibleName(tr("Review missed runs"));
    m_review->setToolTip(tr("See per job which runs were missed and what its policy did about them"));
    connect(m_review, &QPushButton::clicked, this, &MissedRunsBanner::openReview);

    m_dismiss->setObjectName(QStringLiteral("missedRunsDismissButton"));
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setAccessibleName(tr("Dismiss the missed runs"));
    m_dismiss->setToolTip(tr("Hide this message for all jobs; the run history keeps what happened"));
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        m_scheduler.dismissMissedRuns({}, this, [](Result<QJsonValue>) {}); // the host's event hides the banner
    });

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 8, 6);
    row->addWidget(icon, 0, Qt::AlignVCenter);
    row->addWidget(m_text, 1);
    row->addWidget(m_review);
    row->addWidget(m_dismiss);

    connect(&m_scheduler, &SchedulerClient::missedRunsChanged, this, &MissedRunsBanner::refresh);
    refresh();
}

MissedRunsBanner::~MissedRunsBanner() = default;

QString MissedRunsBanner::message() const
{
    return isHidden() ? QString() : m_text->text();
}

void MissedRunsBanner::refresh()
{
    const QList<MissedRunsReport> reports = m_scheduler.missedRuns();
    if (reports.isEmpty()) {
        hide();
        return;
    }
    const QString text = missedRunsSummary(reports);
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
}

MissedRunsDialog *MissedRunsBanner::reviewDialog() const
{
    return m_dialog;
}

void MissedRunsBanner::openReview()
{
    if (!m_dialog) {
        m_dialog = new MissedRunsDialog(m_scheduler, m_clock, window());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

} // namespace punctual
