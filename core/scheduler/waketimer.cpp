// Wake timers: timerfd on Linux (fires on the absolute wall-clock time and on clock changes), QTimer elsewhere.
#include "waketimer.h"

#include "time/clock.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <sys/timerfd.h>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcWakeTimer, "punctual.waketimer")

namespace punctual {

PollingWakeTimer::PollingWakeTimer(const Clock &clock, QObject *parent)
    : WakeTimer(parent)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &PollingWakeTimer::onTimeout);
}

PollingWakeTimer::~PollingWakeTimer() = default;

void PollingWakeTimer::armAt(std::int64_t utcMs)
{
    m_target = utcMs;
    m_armed = true;
    const std::int64_t wait = std::clamp<std::int64_t>(utcMs - m_clock.nowMs(), 0, maxStepMs);
    m_timer->start(static_cast<int>(wait));
}

void PollingWakeTimer::disarm()
{
    m_armed = false;
    m_timer->stop();
}

void PollingWakeTimer::onTimeout()
{
    if (!m_armed)
        return;
    // The monotonic QTimer cannot see the wall clock move: compare with it at every step.
    if (m_clock.nowMs() >= m_target) {
        m_armed = false;
        emit woke();
    } else {
        armAt(m_target);
    }
}

#ifdef Q_OS_LINUX

namespace {

/// CLOCK_REALTIME timerfd with TFD_TIMER_CANCEL_ON_SET: expires at the absolute wall-clock time (also right
/// after a resume from suspend, when that time has passed) and reports ECANCELED when the clock is set.
class TimerFdWakeTimer final : public WakeTimer
{
public:
    explicit TimerFdWakeTimer(int fd)
        : m_fd(fd)
        , m_notifier(new QSocketNotifier(fd, QSocketNotifier::Read, this))
    {
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { onReadable(); });
    }

    ~TimerFdWakeTimer() override { ::close(m_fd); }

    void armAt(std::int64_t utcMs) override
    {
        itimerspec spec{};
        // A zero it_value would disarm: an instant at or before the epoch is "now", so use 1 ns.
        spec.it_value.tv_sec = utcMs > 0 ? utcMs / 1000 : 0;
        spec.it_value.tv_nsec = utcMs > 0 ? (utcMs % 1000) * 1000000 : 1;
        if (::timerfd_settime(m_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, nullptr) != 0) {
            if (errno == ECANCELED) {
                // The clock changed since the last read: tell the scheduler, which re-arms.
                QTimer::singleShot(0, this, &WakeTimer::woke);
                return;
            }
            qCWarning(lcWakeTimer, "timerfd_settime failed: %s", std::strerror(errno));
        }
    }

    void disarm() override
    {
        const itimerspec spec{};
        ::timerfd_settime(m_fd, 0, &spec, nullptr);
    }

private:
    void onReadable()
    {
        std::uint64_t expirations = 0;
        const ssize_t n = ::read(m_fd, &expirations, sizeof expirations);
        if (n == sizeof expirations || (n < 0 && errno == ECANCELED)) {
            if (n < 0)
                qCInfo(lcWakeTimer, "the wall clock was set: re-checking due jobs");
            emit woke();
        }
    }

    int m_fd;
    QSocketNotifier *m_notifier;
};

} // namespace

#endif

std::unique_ptr<WakeTimer> WakeTimer::createDefault(const Clock &clock)
{
#ifdef Q_OS_LINUX
    const int fd = ::timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    if (fd >= 0)
        return std::make_unique<TimerFdWakeTimer>(fd);
    qCWarning(lcWakeTimer, "timerfd_create failed (%s): using a polling timer", std::strerror(errno));
#endif
    return std::make_unique<PollingWakeTimer>(clock);
}

} // namespace punctual
