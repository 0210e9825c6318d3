// The date-time pickers of the job editor ("Once at", "First run"): yyyy-MM-dd HH:mm:ss with a calendar popup,
// typed the way a person writes it.
#pragma once

#include <QDateTimeEdit>

namespace punctual {

/**
 * A QDateTimeEdit for a wall-clock time of the job's zone (Qt::UTC spec, so no system zone rules apply), that
 * takes "2026-03-06 08:00:30" typed in one go: QDateTimeEdit moves on by itself once a section is full, and a
 * separator typed right after that would skip the next section too (08:00:30 became 08:00:00); here that
 * separator is taken as already done.
 */
class DateTimeField final : public QDateTimeEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateTimeField)

public:
    explicit DateTimeField(QWidget *parent = nullptr);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    bool m_movedOn = false; ///< the last key filled a section and the cursor went on to the next
};

} // namespace punctual
