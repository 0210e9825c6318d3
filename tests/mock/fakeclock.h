// A clock tests set and advance by hand, so time-dependent code runs without sleeping.
#pragma once

#include "time/clock.h"

#include <atomic>
#include <cstdint>

/// Thread-safe (executors read it from worker threads while a test advances it).
class FakeClock final : public punctual::Clock
{
public:
    explicit FakeClock(std::int64_t nowMs = 0)
        : m_nowMs(nowMs)
    {
    }

    std::int64_t nowMs() const override { return m_nowMs.load(); }
    void setNowMs(std::int64_t ms) { m_nowMs.store(ms); }
    void advance(std::int64_t ms) { m_nowMs.fetch_add(ms); }

private:
    std::atomic<std::int64_t> m_nowMs;
};
