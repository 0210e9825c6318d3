// The window's banner while the scheduler host cannot reach its job store: since when, that nothing runs, the
// reconnects and the last error.
#pragma once

#include "scheduler/storestatus.h"

#include <QFrame>
#include <QTimer>

#include <cstdint>
#include <optional>

class QLabel;
class QToolButton;

namespace punctual {

class Clock;
class SchedulerClient;

/**
 * A coloured frame at the top of the main window, shown while the host is connected and reports its store
 * unavailable (SchedulerClient::storeStatus()), hidden otherwise: a warning icon, "The job store has been unavailable
 * since 14:02 — no jobs run until it is back", the reconnects ("2 attempts failed, next in 16 s") and the last error's
 * first line; the whole error in its tooltip and, when it has more lines, under "Details".
 *
 * The "next in N s" countdown is the only thing that wakes it: a 1 s timer that runs only while the banner is visible
 * and the next reconnect is at least a second away (SchedulerClient's events say when the host tried again).
 *
 * Accessible as an alert named "Job store unavailable" whose description is the banner's text.
 * Object names: storeStatusBanner, storeStatusText, storeStatusDetails (the full error), storeStatusDetailsButton,
 * storeRetryNowButton ("Retry now": the host's next reconnect at once), storeCountdownTimer.
 */
class StoreStatusBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreStatusBanner)

public:
    /// Follows @p scheduler's store status on @p clock (the clock the host's times are compared with); both outlive it.
    StoreStatusBanner(SchedulerClient &scheduler, const Clock &clock, QWidget *parent = nullptr);
    ~StoreStatusBanner() override;

    /// The banner's text as a screen reader reads it (empty while hidden).
    QString message() const;
    /// The countdown's timer (tests: it runs only while the banner is visible).
    const QTimer &countdown() const { return m_countdown; }

signals:
    /// The store is reachable again after an outage seen while connected, which lasted @p downMs.
    void availableAgain(std::int64_t downMs);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void statusChanged(const StoreStatus &status);
    void hostConnectionChanged(bool connected);
    /// Shows or hides the banner as the client's status is, and writes its texts.
    void refresh();
    /// The sentence about the reconnects, as of now.
    QString reconnectText(const StoreStatus &status, std::int64_t now) const;
    void updateCountdown();

    SchedulerClient &m_scheduler;
    const Clock &m_clock;
    QLabel *m_text;
    QLabel *m_details;
    QToolButton *m_detailsButton;
    QToolButton *m_retryButton; ///< "Retry now": the host reconnects at once (reconnect_store)
    QTimer m_countdown;
    std::optional<std::int64_t> m_downSince; ///< when the outage being shown began (host's clock)
};

} // namespace punctual
