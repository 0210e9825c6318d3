// The Backfill dialog: a range, a preview of its fire times (a dry run), and the backfill itself.
#include "backfilldialog.h"

#include "control/schedulerclient.h"
#include "models/runpresentation.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace punctual {

namespace {

constexpr std::int64_t weekMs = 7 * 86'400'000LL;

} // namespace

BackfillDialog::BackfillDialog(SchedulerClient &scheduler, const Job &job, std::int64_t nowMs, QWidget *parent)
    : QDialog(parent)
    , m_scheduler(scheduler)
    , m_jobId(job.id)
    , m_from(new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(nowMs - weekMs), this))
    , m_to(new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(nowMs), this))
    , m_overlap(new QComboBox(this))
    , m_times(new QListWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("backfillDialog"));
    setWindowTitle(tr("Backfill %1").arg(job.name.isEmpty() ? job.id : job.name));
    setAccessibleName(tr("Backfill a job"));

    auto *intro = new QLabel(tr("Runs the job once for each time its schedule would have fired in the range, in "
                                "order, one after another. Times backfilled before are not run again."),
                             this);
    intro->setWordWrap(true);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_from->setObjectName(QStringLiteral("backfillFrom"));
    m_from->setAccessibleName(tr("From"));
    m_to->setObjectName(QStringLiteral("backfillTo"));
    m_to->setAccessibleName(tr("To"));
    m_to->setMaximumDateTime(QDateTime::fromMSecsSinceEpoch(nowMs));

    m_overlap->setObjectName(QStringLiteral("backfillOverlap"));
    m_overlap->setAccessibleName(tr("If the job is running"));
    m_overlap->addItem(tr("Refuse"), QVariant::fromValue(static_cast<int>(OverlapPolicy::Skip)));
    m_overlap->addItem(tr("Run beside it"), QVariant::fromValue(static_cast<int>(OverlapPolicy::Allow)));
    m_overlap->setCurrentIndex(job.options.overlap == OverlapPolicy::Allow ? 1 : 0);

    m_times->setObjectName(QStringLiteral("backfillTimes"));
    m_times->setAccessibleName(tr("Fire times in the range"));
    m_status->setObjectName(QStringLiteral("backfillStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setText(tr("Preview shows the times the range holds."));

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("If the job is &running:"), m_overlap);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_preview = buttons->addButton(tr("&Preview"), QDialogButtonBox::ActionRole);
    m_preview->setObjectName(QStringLiteral("backfillPreview"));
    m_backfill = buttons->addButton(tr("&Backfill"), QDialogButtonBox::AcceptRole);
    m_backfill->setObjectName(QStringLiteral("backfillRun"));
    m_backfill->setDefault(true);
    connect(m_preview, &QPushButton::clicked, this, [this] { ask(true); });
    connect(m_backfill, &QPushButton::clicked, this, [this] { ask(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_times, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(sizeHint().width(), sizeHint().height() + fontMetrics().height() * 6);
}

QString BackfillDialog::statusText() const
{
    return m_status->text();
}

std::optional<OverlapPolicy> BackfillDialog::chosenOverlap() const
{
    return static_cast<OverlapPolicy>(m_overlap->currentData().toInt());
}

void BackfillDialog::ask(bool dryRun)
{
    const std::int64_t from = m_from->dateTime().toMSecsSinceEpoch();
    const std::int64_t to = m_to->dateTime().toMSecsSinceEpoch();
    m_preview->setEnabled(false);
    m_backfill->setEnabled(false);
    m_status->setText(tr("Asking the scheduler…"));
    // The dialog is the request's context: closed before the answer, the answer is dropped.
    m_scheduler.backfill(m_jobId, from, to, chosenOverlap(), dryRun, this,
                         [this, dryRun](Result<BackfillResult> answer) {
                             m_preview->setEnabled(true);
                             m_backfill->setEnabled(true);
                             if (!answer) {
                                 m_status->setText(answer.error().message);
                                 emit answered();
                                 return;
                             }
                             m_times->clear();
                             for (const std::int64_t at : std::as_const(answer->times))
                                 m_times->addItem(longDateTime(at));
                             const int times = static_cast<int>(answer->times.size());
                             if (dryRun) {
                                 m_status->setText(tr("%n fire time(s) in the range.", nullptr, times));
                                 emit answered();
                                 return;
                             }
                             m_status->setText(tr("%n run(s) backfilled.", nullptr, static_cast<int>(answer->runs.size())));
                             emit answered();
                             emit backfilled(answer.value());
                             accept();
                         });
}

} // namespace punctual
