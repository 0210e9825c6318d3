// The system wall clock.
#include "clock.h"

#include <QDateTime>

namespace punctual {

std::int64_t SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

const SystemClock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace punctual
