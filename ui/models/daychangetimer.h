// A timer that tells when the local day changes, so views showing "today" and "tomorrow" can repaint.
#pragma once

#include <QDate>
#include <QObject>

class QTimer;

namespace punctual {

class Clock;

/**
 * Emits dayChanged() when the local date, by the injected clock, differs from the one it last saw. It wakes by a
 * precise single-shot timer a few milliseconds after the next local midnight and re-arms itself every time it
 * wakes. A wake that finds the same date (the wall clock was set back) emits nothing; a late wake (the machine
 * slept) emits once. It does not follow clock jumps or time-zone changes between wakes: the next wake catches
 * up with them.
 *
 * The timer is a child named "dayTimer", so tests can find it and fire it.
 */
class DayChangeTimer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DayChangeTimer)

public:
    /// Armed at once for the next midnight of @p clock's day; @p clock must outlive the timer.
    explicit DayChangeTimer(const Clock &clock, QObject *parent = nullptr);

    /// The local day seen at the last wake (or at construction).
    QDate today() const { return m_today; }

signals:
    /// The local date changed since the last wake; today() is the new one.
    void dayChanged();

private:
    void arm();
    void onTimeout();

    const Clock &m_clock;
    QTimer *m_timer;
    QDate m_today;
};

} // namespace punctual
