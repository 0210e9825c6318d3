// The "Also run" part of the job editor: checkboxes for the event triggers, and the wake-up delay.
#include "eventseditor.h"

#include "fieldmessage.h"
#include "time/duration.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace punctual {

EventsEditor::EventsEditor(QWidget *parent)
    : QWidget(parent)
{
    m_atStartCheck = new QCheckBox(tr("at &start"), this);
    m_atStartCheck->setObjectName(QStringLiteral("atStartCheck"));
    m_atStartCheck->setToolTip(tr("Runs once each time the scheduler starts, as cron's @reboot does (not when it "
                                  "is resumed from a pause)"));
    m_afterResumeCheck = new QCheckBox(tr("after &wake-up,"), this);
    m_afterResumeCheck->setObjectName(QStringLiteral("afterResumeCheck"));
    m_afterResumeCheck->setToolTip(tr("Runs when the computer wakes from sleep or hibernation"));
    auto *afterWords = new QLabel(tr("after"), this);
    m_afterResumeDelayEdit = new QLineEdit(this);
    m_afterResumeDelayEdit->setObjectName(QStringLiteral("afterResumeDelayEdit"));
    m_afterResumeDelayEdit->setPlaceholderText(tr("at once"));
    m_afterResumeDelayEdit->setToolTip(tr("How long after the wake-up: 30s, 2m, 1h30m (empty: at once). Another "
                                          "wake-up before it has passed starts the wait again."));
    m_afterResumeDelayEdit->setMaximumWidth(m_afterResumeDelayEdit->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 10);
    afterWords->setBuddy(m_afterResumeDelayEdit);
    m_afterResumeDelayEdit->setAccessibleName(tr("Delay after the wake-up"));
    m_networkUpCheck = new QCheckBox(tr("when the network comes up"), this);
    m_networkUpCheck->setObjectName(QStringLiteral("networkUpCheck"));
    m_networkUpCheck->setToolTip(tr("Runs when the network becomes reachable after it was not (at most once in 30 "
                                    "seconds)"));
    m_error = new FieldMessage(this);
    m_error->setObjectName(QStringLiteral("eventsError"));

    // Two short lines under the trigger's fields, beside Next runs (TriggerEditor::addBelowFields()): the editor
    // must fit a 1024 px screen in width as well as in height (JobEditorDialog::fitToScreen()).
    auto *title = new QLabel(tr("Also run:"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_atStartCheck);
    row->addSpacing(8);
    row->addWidget(m_afterResumeCheck);
    row->addWidget(afterWords);
    row->addWidget(m_afterResumeDelayEdit);
    row->addStretch();
    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(title, row);
    layout->addRow(QString(), m_networkUpCheck);
    layout->addRow(QString(), m_error);

    for (QCheckBox *check : {m_atStartCheck, m_afterResumeCheck, m_networkUpCheck})
        connect(check, &QCheckBox::toggled, this, [this] {
            update();
            emit edited();
        });
    connect(m_afterResumeDelayEdit, &QLineEdit::textChanged, this, [this] {
        update();
        emit edited();
    });
    update();
}

void EventsEditor::setEvents(const JobEvents &events)
{
    m_atStartCheck->setChecked(events.atStart);
    m_afterResumeCheck->setChecked(events.afterResumeDelayMs.has_value());
    m_afterResumeDelayEdit->setText(events.afterResumeDelayMs && *events.afterResumeDelayMs > 0
                                        ? formatDuration(*events.afterResumeDelayMs)
                                        : QString());
    m_networkUpCheck->setChecked(events.networkUp);
    update();
}

Result<JobEvents> EventsEditor::events() const
{
    JobEvents events;
    events.atStart = m_atStartCheck->isChecked();
    events.networkUp = m_networkUpCheck->isChecked();
    if (m_afterResumeCheck->isChecked()) {
        const QString text = m_afterResumeDelayEdit->text().trimmed();
        auto delay = text.isEmpty() ? Result<std::int64_t>(std::int64_t{0}) : parseDuration(text, true);
        if (!delay)
            return invalidInput(tr("Wake-up delay: %1").arg(delay.error().message));
        events.afterResumeDelayMs = delay.value();
    }
    return events;
}

bool EventsEditor::anyChecked() const
{
    return m_atStartCheck->isChecked() || m_afterResumeCheck->isChecked() || m_networkUpCheck->isChecked();
}

void EventsEditor::update()
{
    m_afterResumeDelayEdit->setEnabled(m_afterResumeCheck->isChecked());
    const auto read = events();
    markField(m_afterResumeDelayEdit, !read);
    if (read)
        m_error->clearMessage();
    else
        m_error->showMessage(read.error().message);
}

} // namespace punctual
