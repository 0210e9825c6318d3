// The clock every time-dependent part of core asks, so tests can move time without sleeping.
#pragma once

#include <cstdint>

namespace punctual {

class Clock
{
public:
    virtual ~Clock() = default;
    /// Wall-clock now, UTC milliseconds since the epoch.
    virtual std::int64_t nowMs() const = 0;
};

/// The real wall clock.
class SystemClock final : public Clock
{
public:
    std::int64_t nowMs() const override;
    /// One shared instance for code that is not given a clock.
    static const SystemClock &instance();
};

} // namespace punctual
