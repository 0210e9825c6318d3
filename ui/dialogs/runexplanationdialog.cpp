// The Why? dialog: one request to the host, its paragraph shown as selectable text.
#include "runexplanationdialog.h"

#include "control/schedulerclient.h"
#include "models/runpresentation.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace punctual {

RunExplanationDialog::RunExplanationDialog(SchedulerClient &scheduler, const QString &jobId, const QString &jobTitle,
                                           std::int64_t atMs, QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(tr("Asking the scheduler…"), this))
{
    setObjectName(QStringLiteral("runExplanationDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Why? %1 at %2").arg(jobTitle, longDateTime(atMs)));
    setAccessibleName(tr("Why the job ran or did not run"));

    m_text->setObjectName(QStringLiteral("explanationText"));
    m_text->setAccessibleName(tr("Explanation"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);

    // The dialog is the request's context: closed before the answer, the answer is dropped.
    scheduler.explain(jobId, atMs, this, [this](Result<RunExplanation> answer) {
        if (answer) {
            m_explanation = answer.value();
            m_text->setText(answer->text);
        } else {
            m_text->setText(tr("The scheduler could not explain it: %1").arg(answer.error().message));
        }
        emit answered();
    });
}

QString RunExplanationDialog::text() const
{
    return m_text->text();
}

} // namespace punctual
