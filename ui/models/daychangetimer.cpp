// The day change timer: one precise single-shot to just after the next local midnight, re-armed on every wake.
#include "daychangetimer.h"

#include "runpresentation.h"
#include "time/clock.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace punctual {

DayChangeTimer::DayChangeTimer(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("dayTimer"));
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer); // a coarse timer may be 5% late: over a day, more than an hour
    connect(m_timer, &QTimer::timeout, this, &DayChangeTimer::onTimeout);
    arm();
}

void DayChangeTimer::arm()
{
    const std::int64_t now = m_clock.nowMs();
    m_today = QDateTime::fromMSecsSinceEpoch(now).date();
    // A few ms after midnight, so the clock surely reads the new day when it fires.
    const std::int64_t wait = nextLocalMidnight(now) - now + 5;
    m_timer->start(static_cast<int>(std::clamp<std::int64_t>(wait, 0, std::numeric_limits<int>::max())));
}

void DayChangeTimer::onTimeout()
{
    const QDate shown = m_today;
    arm();
    // Early (the wall clock was set back) or late (the machine slept): only a new day counts.
    if (m_today != shown)
        emit dayChanged();
}

} // namespace punctual
