// A wake timer the test fires by hand, so scheduling is tested on a fake clock without sleeping.
#pragma once

#include "scheduler/waketimer.h"

#include <optional>

/// Remembers the instant it is armed for; woke() is emitted only when the test calls fire().
class ManualWakeTimer final : public punctual::WakeTimer
{
public:
    void armAt(std::int64_t utcMs) override { m_armedAt = utcMs; }
    void disarm() override { m_armedAt.reset(); }

    /// The instant the scheduler asked to be woken at, if any.
    std::optional<std::int64_t> armedAt() const { return m_armedAt; }
    /// What the real timer does when its time has come (or the clock jumped).
    void fire()
    {
        m_armedAt.reset();
        emit woke();
    }

private:
    std::optional<std::int64_t> m_armedAt;
};
