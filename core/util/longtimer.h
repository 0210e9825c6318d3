// A single-shot timer for any duration a job may have (up to 100 years), where QTimer stops at 24.8 days.
#pragma once

#include <QDeadlineTimer>
#include <QObject>

#include <cstdint>

class QTimer;

namespace punctual {

/**
 * Fires timeout() once, @p ms after start(), on the monotonic clock. QTimer takes an int of milliseconds (at most
 * 24.8 days), so a longer wait is made of steps of at most maxStepMs, re-armed until the deadline has passed.
 */
class LongTimer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LongTimer)

public:
    explicit LongTimer(QObject *parent = nullptr);

    /// The longest single step (QTimer's limit); tests lower it to see the steps.
    static void setMaxStepMs(std::int64_t ms);
    static std::int64_t maxStepMs();

    void start(std::int64_t ms);
    void stop();
    bool isActive() const;

signals:
    void timeout();

private:
    void armStep();

    QTimer *m_step;
    QDeadlineTimer m_deadline;
};

} // namespace punctual
