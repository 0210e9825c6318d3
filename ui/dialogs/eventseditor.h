// The "Also run" part of the job editor: the desktop events that run the job besides its schedule.
#pragma once

#include "jobs/jobevents.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;

namespace punctual {

class FieldMessage;

/**
 * Collects JobEvents: "When the scheduler starts", "After the computer wakes up, after [delay]", "When the network
 * comes up". The delay is a duration as the interval field takes it ("2m", "1h30m"; empty: at once). Object names:
 * atStartCheck, afterResumeCheck, afterResumeDelayEdit, networkUpCheck, eventsError.
 */
class EventsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsEditor)

public:
    explicit EventsEditor(QWidget *parent = nullptr);

    void setEvents(const JobEvents &events);
    /// The events as entered, or why the delay cannot be read.
    Result<JobEvents> events() const;
    /// Whether any event is checked (whatever the delay says).
    bool anyChecked() const;

signals:
    void edited();

private:
    void update();

    QCheckBox *m_atStartCheck = nullptr;
    QCheckBox *m_afterResumeCheck = nullptr;
    QLineEdit *m_afterResumeDelayEdit = nullptr;
    QCheckBox *m_networkUpCheck = nullptr;
    FieldMessage *m_error = nullptr;
};

} // namespace punctual
