// Wakes the scheduler at a wall-clock instant, and also when the wall clock jumps or the machine resumes.
#pragma once

#include <QObject>

#include <cstdint>
#include <memory>

class QTimer;

namespace punctual {

class Clock;

/**
 * One alarm at an absolute UTC instant. woke() is emitted when that instant has come, and also (where the
 * platform can tell) when the wall clock was set or the machine resumed, so the scheduler re-checks due jobs.
 * Arming again replaces the previous alarm.
 */
class WakeTimer : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void armAt(std::int64_t utcMs) = 0;
    virtual void disarm() = 0;

    /// The best timer for this platform: a CLOCK_REALTIME timerfd on Linux (no periodic wake-ups at all),
    /// otherwise a QTimer capped at one second so jumps and sleep are noticed within two.
    static std::unique_ptr<WakeTimer> createDefault(const Clock &clock);

signals:
    void woke();
};

/// Portable fallback: a precise single-shot QTimer, re-armed at most one second ahead.
class PollingWakeTimer final : public WakeTimer
{
    Q_OBJECT

public:
    explicit PollingWakeTimer(const Clock &clock, QObject *parent = nullptr);
    ~PollingWakeTimer() override;

    void armAt(std::int64_t utcMs) override;
    void disarm() override;

    static constexpr std::int64_t maxStepMs = 1000;

private:
    void onTimeout();

    const Clock &m_clock;
    QTimer *m_timer;
    std::int64_t m_target = 0;
    bool m_armed = false;
};

} // namespace punctual
