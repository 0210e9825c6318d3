// Tells the desktop about failed, timed-out and missed runs through its notification service (D-Bus), for the
// scheduler host, which may run without a window or a tray.
#pragma once

#include "jobs/job.h"
#include "jobs/runrecord.h"
#include "scheduler/missedrunsreport.h"
#include "scheduler/storestatus.h"

#include <QDBusConnection>
#include <QHash>
#include <QLocale>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

class QTranslator;

namespace punctual {

class Clock;
class Scheduler;

/**
 * Sends a notice to `org.freedesktop.Notifications` on the session bus (the Desktop Notifications Specification)
 * when one of @p scheduler's runs fails, times out or is missed (not when it is interrupted: that is a stop asked
 * for, by the user or by the host's own shutdown). At most one notice per job per minimumIntervalMs, measured on
 * the injected clock; a later notice of a job replaces its earlier one (replaces_id) while that is still shown.
 *
 * When the server's capabilities include "actions", each notice offers "Show log" (the showLog callback: the
 * host starts the window on that job) and "Run again" (Scheduler::runJobNow(); an error, such as a run still
 * going, is only logged). Clicking the notice itself ("default") is "Show log" too.
 *
 * The store's outages too (Scheduler::storeStatusChanged): once it has been unavailable for more than
 * storeOutageNoticeMs on the injected clock (a single-shot timer measures it; a reconnect failing later checks again),
 * one critical notice "Punctual cannot reach its job store" with the last error; when it is back after such a notice,
 * one "Punctual's job store is back" in its place. Shorter outages are only in the host's log.
 *
 * Without a session bus, or with nobody owning (or able to be activated as) the service, the notifier says so once
 * through logMessage() and stays silent; isAvailable() is then false, so the window's tray shows its own balloons
 * (the control protocol's "status" reports it as "desktop_notifications"). A server that appears later is used
 * from then on.
 */
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    static constexpr std::int64_t minimumIntervalMs = 60'000;
    /// How long the store must have been unavailable before the desktop is told (more than this).
    static constexpr std::int64_t storeOutageNoticeMs = 60'000;
    /// How long a D-Bus call to the server may take before it counts as failed.
    static constexpr int callTimeoutMs = 5'000;
    static inline const QString service = QStringLiteral("org.freedesktop.Notifications");
    static inline const QString path = QStringLiteral("/org/freedesktop/Notifications");
    /// Action keys, as the server sends them back in ActionInvoked.
    static inline const QString showLogAction = QStringLiteral("show-log");
    static inline const QString runAgainAction = QStringLiteral("run-again");

    /// Watches @p scheduler's runs on @p bus (QDBusConnection::sessionBus() for the host). @p scheduler and
    /// @p clock (not owned) must outlive the notifier. Nothing is sent before start().
    DesktopNotifier(Scheduler &scheduler, const Clock &clock, QDBusConnection bus = QDBusConnection::sessionBus(),
                    QObject *parent = nullptr);
    ~DesktopNotifier() override;

    /// Looks for the notification service (asynchronously: availabilityChanged() tells the answer) and listens to
    /// the scheduler from now on.
    void start();
    /// Asks the window to show @p jobId's run history ("Show log"); without one, that action is not offered.
    void setShowLog(std::function<void(const QString &jobId)> showLog) { m_showLog = std::move(showLog); }
    /// The outcomes told about (default: failed, timed out, missed; the user can switch each off in the window's
    /// settings). Others are ignored.
    void setNotifiedOutcomes(QSet<RunOutcome> outcomes) { m_outcomes = std::move(outcomes); }
    /// The notices' language: @p code ("de", "zh_CN"; "" for the system's) for their texts (Punctual's translation,
    /// embedded in this library) and dates. Only the notices: the host's log stays English. False when there is
    /// no translation for that language (the notices are then English, with that locale's times).
    bool setLanguage(const QString &code);

    /// A notification service answered and has not gone away: the host shows notices itself.
    bool isAvailable() const { return m_available; }
    /// The service's capabilities (GetCapabilities), empty while none is available.
    QStringList capabilities() const { return m_capabilities; }
    /// Armed while the store is unavailable and not yet told about: goes off when the outage is long enough.
    const QTimer &storeOutageTimer() const { return m_storeOutageTimer; }

signals:
    /// isAvailable() changed (or was first learnt, false included, after start()).
    void availabilityChanged(bool available);
    /// A line for the host's log (the service's absence, an action that could not be done).
    void logMessage(const QString &message);
    /// A notice about @p jobId went out and the server gave it @p notificationId.
    void notified(const QString &jobId, uint notificationId);
    /// A notice about the store went out: it is unavailable (@p available false) or back.
    void storeNotified(bool available, uint notificationId);

private slots:
    // Old-style slots: QDBusConnection::connect() for D-Bus signals takes them by name.
    void onActionInvoked(uint notificationId, const QString &actionKey);
    void onNotificationClosed(uint notificationId, uint reason);

private:
    void askCapabilities();
    void onServiceGone();
    void setAvailable(bool available, const QString &whyNot = {});
    void onRunEnded(const RunRecord &run);
    void send(const RunRecord &run);
    /// A job paused by its pause_after_failures option (with "Show log").
    void onPausedAfterFailures(const Job &job, int failures);
    /// Shows a notice about @p jobId (replacing its earlier one), with "Show log" and, when @p runAgain, "Run again".
    void notifyAboutJob(const QString &jobId, const QString &summary, QString body, bool runAgain);
    QString jobName(const QString &jobId) const;
    void onStoreStatusChanged(const StoreStatus &status);
    /// Tells about the outage going on once it is long enough, else arms m_storeOutageTimer for when it will be.
    void checkStoreOutage();
    void sendStoreNotice(const StoreStatus &status, std::int64_t downSinceMs);
    /// @p source (a QT_TR_NOOP text of this class) in the notices' language.
    QString text(const char *source) const;
    void forgetNotice(uint notificationId);
    // --- missed-runs episodes: one notice for a catch-up, not one per run (docs/window.md#missed-runs-review) ---
    /// New reports: one notice for a new episode of more than one run time.
    void onMissedRunsAdded(const QList<MissedRunsReport> &reports, bool newEpisode);
    /// Whether @p run is a catch-up's missed run already told about by its episode's notice.
    bool inNoticedEpisode(const RunRecord &run) const;
    /// @p source (a QT_TR_N_NOOP text of this class with %n) for @p n in the notices' language; untranslated (English)
    /// @p englishOne, when given, for one.
    QString plural(const char *source, std::int64_t n, const char *englishOne = nullptr) const;

    Scheduler &m_scheduler;
    const Clock &m_clock;
    QDBusConnection m_bus;
    std::function<void(const QString &)> m_showLog;
    std::unique_ptr<QTranslator> m_translator; ///< none: English
    QLocale m_locale;
    QSet<RunOutcome> m_outcomes{RunOutcome::Failed, RunOutcome::TimedOut, RunOutcome::Missed};
    bool m_started = false;
    bool m_available = false;
    bool m_known = false;      ///< availability learnt at least once (availabilityChanged() emitted)
    bool m_toldAbsent = false; ///< the log was told once that notices are off
    QStringList m_capabilities;
    QHash<QString, std::int64_t> m_lastNoticeMs; ///< job id -> when its last notice went out
    QHash<QString, uint> m_noticeOfJob;          ///< job id -> its notice still shown
    QHash<uint, QString> m_jobOfNotice;          ///< the reverse, for ActionInvoked
    QTimer m_storeOutageTimer;                   ///< single shot: when the outage going on becomes long enough
    std::optional<std::int64_t> m_storeNoticeFor; ///< the outage (its start) the desktop was told about
    uint m_storeNotice = 0;                      ///< that notice, while shown: the "back" notice replaces it
    int m_noticedEpisode = 0;                    ///< the last missed-runs episode told in one notice
};

} // namespace punctual
