// The Review dialog: built from the client's reports, rebuilt when they change.
#include "missedrunsdialog.h"

#include "control/schedulerclient.h"
#include "models/runpresentation.h"
#include "review/missedrunstext.h"
#include "time/clock.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace punctual {

namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

MissedRunsDialog::MissedRunsDialog(SchedulerClient &scheduler, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_intro(new QLabel(this))
    , m_list(new QWidget)
    , m_listLayout(new QVBoxLayout(m_list))
    , m_dismissAll(new QPushButton(tr("Dismiss &all"), this))
{
    setObjectName(QStringLiteral("missedRunsDialog"));
    setWindowTitle(tr("Missed runs"));
    m_intro->setWordWrap(true);
    m_intro->setObjectName(QStringLiteral("missedRunsIntro"));

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("missedRunsList"));
    scroll->setAccessibleName(tr("Missed runs by job"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_list);
    m_listLayout->setContentsMargins(0, 0, 0, 0);

    m_dismissAll->setObjectName(QStringLiteral("missedRunsDismissAllButton"));
    m_dismissAll->setAccessibleName(tr("Dismiss all missed runs"));
    m_dismissAll->setToolTip(tr("Hide the review for every job; the run history keeps what happened"));
    connect(m_dismissAll, &QPushButton::clicked, this,
            [this] { m_scheduler.dismissMissedRuns({}, this, [](Result<QJsonValue>) {}); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_dismissAll, QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(600, 520);

    connect(&m_scheduler, &SchedulerClient::missedRunsChanged, this, &MissedRunsDialog::rebuild);
    rebuild();
}

MissedRunsDialog::~MissedRunsDialog() = default;

QStringList MissedRunsDialog::jobIds() const
{
    QStringList ids;
    for (const QGroupBox *box : m_list->findChildren<QGroupBox *>(QStringLiteral("missedRunsJob")))
        ids << box->property("jobId").toString();
    return ids;
}

void MissedRunsDialog::rebuild()
{
    const QList<MissedRunsReport> reports = m_scheduler.missedRuns();
    if (reports.isEmpty() && m_hadReports) {
        close(); // the last one was dismissed, here or elsewhere
        return;
    }
    m_hadReports = !reports.isEmpty();
    while (QLayoutItem *item = m_listLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_intro->setText(reports.isEmpty() ? tr("No missed runs to review.")
                                       : missedRunsSummary(reports) + QLatin1Char('\n')
                                             + tr("What each job's policy did about them:"));
    m_dismissAll->setEnabled(!reports.isEmpty());
    const std::int64_t now = m_clock.nowMs();
    for (const MissedRunsReport &report : reports)
        m_listLayout->addWidget(jobBox(report, now));
    m_listLayout->addStretch(1);
}

QWidget *MissedRunsDialog::jobBox(const MissedRunsReport &report, std::int64_t nowMs)
{
    auto *box = new QGroupBox(report.jobName, m_list);
    box->setObjectName(QStringLiteral("missedRunsJob"));
    box->setProperty("jobId", report.jobId);
    box->setAccessibleName(report.jobName);

    auto *cause = wrappedLabel(missedCauseText(report, nowMs), box);
    auto *times = wrappedLabel(missedTimesText(report, nowMs), box);
    times->setObjectName(QStringLiteral("missedRunsTimes"));
    times->setToolTip(missedTimesFullText(report, nowMs));
    QStringList decisions;
    for (const QString &line : missedDecisionTexts(report, nowMs))
        decisions << QStringLiteral("• ") + line;
    auto *decided = wrappedLabel(decisions.join(QLatin1Char('\n')), box);
    decided->setObjectName(QStringLiteral("missedRunsDecisions"));
    auto *status = wrappedLabel(m_status.value(report.jobId), box);
    status->setObjectName(QStringLiteral("missedRunsJobStatus"));
    status->setVisible(!status->text().isEmpty());

    auto *runNowButton = new QPushButton(tr("Run now"), box);
    runNowButton->setObjectName(QStringLiteral("missedRunsRunNowButton"));
    runNowButton->setProperty("jobId", report.jobId);
    runNowButton->setAccessibleName(tr("Run “%1” now").arg(report.jobName));
    connect(runNowButton, &QPushButton::clicked, this, [this, id = report.jobId] { runNow(id); });
    auto *dismiss = new QPushButton(tr("Dismiss"), box);
    dismiss->setObjectName(QStringLiteral("missedRunsDismissJobButton"));
    dismiss->setProperty("jobId", report.jobId);
    dismiss->setAccessibleName(tr("Dismiss “%1”").arg(report.jobName));
    connect(dismiss, &QPushButton::clicked, this,
            [this, id = report.jobId] { m_scheduler.dismissMissedRuns({id}, this, [](Result<QJsonValue>) {}); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(status, 1);
    buttons->addStretch(status->isHidden() ? 1 : 0);
    buttons->addWidget(runNowButton);
    buttons->addWidget(dismiss);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(cause);
    layout->addWidget(times);
    layout->addWidget(decided);
    layout->addLayout(buttons);
    return box;
}

void MissedRunsDialog::runNow(const QString &jobId)
{
    setStatus(jobId, tr("Starting…"));
    m_scheduler.runJobsNow({jobId}, this, [this, jobId](Result<QJsonValue> answer) {
        if (!answer) {
            setStatus(jobId, answer.error().message);
            return;
        }
        const QJsonArray busy = answer.value().toObject().value(QStringLiteral("busy")).toArray();
        setStatus(jobId, busy.isEmpty() ? tr("Started at %1").arg(shortDateTime(m_clock.nowMs(), m_clock.nowMs()))
                                        : busy.first().toObject().value(QStringLiteral("message")).toString());
    });
}

void MissedRunsDialog::setStatus(const QString &jobId, const QString &text)
{
    m_status.insert(jobId, text);
    for (QGroupBox *box : m_list->findChildren<QGroupBox *>(QStringLiteral("missedRunsJob"))) {
        if (box->property("jobId").toString() != jobId)
            continue;
        auto *status = box->findChild<QLabel *>(QStringLiteral("missedRunsJobStatus"));
        status->setText(text);
        status->setVisible(!text.isEmpty());
    }
}

} // namespace punctual
