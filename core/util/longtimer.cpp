// LongTimer: long waits as a chain of QTimer steps.
#include "longtimer.h"

#include <QTimer>

#include <algorithm>
#include <atomic>
#include <limits>

namespace punctual {

namespace {
std::atomic<std::int64_t> stepLimit{std::numeric_limits<int>::max()};
} // namespace

LongTimer::LongTimer(QObject *parent)
    : QObject(parent)
    , m_step(new QTimer(this))
{
    m_step->setSingleShot(true);
    m_step->setTimerType(Qt::PreciseTimer);
    connect(m_step, &QTimer::timeout, this, [this] {
        if (m_deadline.hasExpired())
            emit timeout();
        else
            armStep(); // a step ended before the deadline: the wait was longer than one QTimer can hold
    });
}

void LongTimer::setMaxStepMs(std::int64_t ms)
{
    stepLimit = std::clamp<std::int64_t>(ms, 1, std::numeric_limits<int>::max());
}

std::int64_t LongTimer::maxStepMs()
{
    return stepLimit;
}

void LongTimer::start(std::int64_t ms)
{
    m_deadline = QDeadlineTimer(std::max<std::int64_t>(0, ms), Qt::PreciseTimer);
    armStep();
}

void LongTimer::stop()
{
    m_step->stop();
}

bool LongTimer::isActive() const
{
    return m_step->isActive();
}

void LongTimer::armStep()
{
    m_step->start(static_cast<int>(std::clamp<std::int64_t>(m_deadline.remainingTime(), 0, stepLimit.load())));
}

} // namespace punctual
