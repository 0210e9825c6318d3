// Failed, timed-out and missed runs as desktop notices (org.freedesktop.Notifications over D-Bus).
#include "desktopnotifier.h"

#include "scheduler/scheduler.h"
#include "time/clock.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDateTime>
#include <QLocale>
#include <QTranslator>

#include <algorithm>
#include <climits>

namespace punctual {

namespace {

const QString notificationsInterface = QStringLiteral("org.freedesktop.Notifications");
/// The desktop file the server may use for the notices' app (icon, settings per app).
const QString desktopEntry = QStringLiteral("org.punctual.Punctual");
/// The icon the packages install (hicolor theme).
const QString iconName = QStringLiteral("punctual");
/// The Desktop Notifications Specification's action key for a click on the notice itself.
const QString defaultAction = QStringLiteral("default");

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype newline = trimmed.indexOf(QLatin1Char('\n'));
    return newline < 0 ? trimmed : trimmed.left(newline) + QStringLiteral(" …");
}

/// A run's scheduled time as the notice shows it: the time of day, with the date when it is not today.
QString shortTime(const QLocale &locale, std::int64_t ms, std::int64_t nowMs)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    if (when.date() == QDateTime::fromMSecsSinceEpoch(nowMs).date())
        return locale.toString(when.time(), QLocale::ShortFormat);
    return locale.toString(when, QLocale::ShortFormat);
}

QDBusMessage notificationsCall(const QString &method)
{
    return QDBusMessage::createMethodCall(DesktopNotifier::service, DesktopNotifier::path, notificationsInterface,
                                          method);
}

} // namespace

DesktopNotifier::DesktopNotifier(Scheduler &scheduler, const Clock &clock, QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_bus(std::move(bus))
{
    m_storeOutageTimer.setSingleShot(true);
    connect(&m_storeOutageTimer, &QTimer::timeout, this, &DesktopNotifier::checkStoreOutage);
}

DesktopNotifier::~DesktopNotifier() = default;

bool DesktopNotifier::setLanguage(const QString &code)
{
    m_locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    m_translator = std::make_unique<QTranslator>();
    if (m_translator->load(m_locale, QStringLiteral("punctual"), QStringLiteral("_"), QStringLiteral(":/notifier-i18n")))
        return true;
    m_translator.reset();
    // The source texts are English; an unknown code gives the C locale, which is not a language we have.
    return m_locale.language() == QLocale::English || (code.isEmpty() && m_locale.language() == QLocale::C);
}

QString DesktopNotifier::text(const char *source) const
{
    // The notices' own translator, not the application's: the host's log and protocol answers stay English.
    const QString translated = m_translator ? m_translator->translate(metaObject()->className(), source) : QString();
    return translated.isEmpty() ? QString::fromUtf8(source) : translated;
}

void DesktopNotifier::start()
{
    if (m_started)
        return;
    m_started = true;
    connect(&m_scheduler, &Scheduler::jobError, this, &DesktopNotifier::onRunEnded);
    connect(&m_scheduler, &Scheduler::jobMissed, this, &DesktopNotifier::onRunEnded);
    connect(&m_scheduler, &Scheduler::storeStatusChanged, this, &DesktopNotifier::onStoreStatusChanged);
    connect(&m_scheduler, &Scheduler::jobPausedAfterFailures, this, &DesktopNotifier::onPausedAfterFailures);
    connect(&m_scheduler, &Scheduler::missedRunsAdded, this, &DesktopNotifier::onMissedRunsAdded);
    checkStoreOutage(); // a host that started before its store could be reached
    if (!m_bus.isConnected()) {
        setAvailable(false, tr("there is no D-Bus session bus (%1)").arg(m_bus.lastError().message()));
        return;
    }
    // Signals of every application's notices arrive here; only our own notices' ids are acted on.
    m_bus.connect(service, path, notificationsInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(service, path, notificationsInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint, uint)));
    // A notification server that starts after the host (a desktop session that begins later), restarts or quits.
    auto *watcher = new QDBusServiceWatcher(service, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceRegistered, this, &DesktopNotifier::askCapabilities);
    connect(watcher, &QDBusServiceWatcher::serviceUnregistered, this, &DesktopNotifier::onServiceGone);
    askCapabilities();
}

void DesktopNotifier::askCapabilities()
{
    // Asking also starts a server that the bus activates on demand.
    auto *call = new QDBusPendingCallWatcher(m_bus.asyncCall(notificationsCall(QStringLiteral("GetCapabilities")),
                                                             callTimeoutMs),
                                             this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QStringList> reply = *call;
        if (reply.isError()) {
            m_capabilities.clear();
            setAvailable(false, tr("nobody provides %1 on the session bus (%2)").arg(service, reply.error().message()));
            return;
        }
        m_capabilities = reply.value();
        setAvailable(true);
    });
}

void DesktopNotifier::onServiceGone()
{
    // Some servers quit when idle and are activated again by the next call: still available if the bus can.
    auto *call = new QDBusPendingCallWatcher(
        m_bus.interface()->asyncCall(QStringLiteral("ListActivatableNames")), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QStringList> reply = *call;
        m_noticeOfJob.clear();
        m_jobOfNotice.clear();
        m_storeNotice = 0;
        if (!reply.isError() && reply.value().contains(service))
            return;
        m_capabilities.clear();
        setAvailable(false, tr("the notification service left the session bus"));
    });
}

void DesktopNotifier::setAvailable(bool available, const QString &whyNot)
{
    const bool changed = available != m_available || !m_known;
    m_known = true;
    m_available = available;
    if (!available && !m_toldAbsent) {
        m_toldAbsent = true;
        emit logMessage(tr("desktop notifications are off: %1; the window's tray tells about failed runs instead")
                            .arg(whyNot));
    } else if (available && changed) {
        m_toldAbsent = false;
        emit logMessage(m_capabilities.contains(QStringLiteral("actions"))
                            ? tr("failed, timed-out and missed runs are shown as desktop notifications (with "
                                 "\"Show log\" and \"Run again\")")
                            : tr("failed, timed-out and missed runs are shown as desktop notifications"));
    }
    if (changed)
        emit availabilityChanged(available);
    if (available && changed)
        checkStoreOutage(); // a server that came during a long outage is told about it
}

void DesktopNotifier::onRunEnded(const RunRecord &run)
{
    if (!m_available || !m_outcomes.contains(run.outcome) || inNoticedEpisode(run))
        return;
    const std::int64_t now = m_clock.nowMs();
    const auto last = m_lastNoticeMs.constFind(run.jobId);
    if (last != m_lastNoticeMs.cend() && now - *last < minimumIntervalMs)
        return;
    m_lastNoticeMs.insert(run.jobId, now);
    send(run);
}

void DesktopNotifier::send(const RunRecord &run)
{
    const QString name = jobName(run.jobId);
    const QString due = shortTime(m_locale, run.scheduledTime, m_clock.nowMs());
    QString summary;
    QString body;
    switch (run.outcome) {
    case RunOutcome::Missed:
        summary = text(QT_TR_NOOP("“%1” missed its run")).arg(name);
        body = run.error.isEmpty() ? text(QT_TR_NOOP("The run due %1 was not started.")).arg(due)
                                   : text(QT_TR_NOOP("The run due %1 was not started: %2")).arg(due, firstLine(run.error));
        break;
    case RunOutcome::TimedOut:
        summary = text(QT_TR_NOOP("“%1” timed out")).arg(name);
        body = text(QT_TR_NOOP("The run due %1 was stopped after the job's timeout.")).arg(due);
        break;
    default:
        summary = text(QT_TR_NOOP("“%1” failed")).arg(name);
        if (run.exitCode)
            body = text(QT_TR_NOOP("The run due %1 ended with exit code %2.")).arg(due).arg(*run.exitCode);
        else if (!run.error.isEmpty())
            body = text(QT_TR_NOOP("The run due %1 failed: %2")).arg(due, firstLine(run.error));
        else
            body = text(QT_TR_NOOP("The run due %1 failed.")).arg(due);
        break;
    }
    notifyAboutJob(run.jobId, summary, body, true);
}

void DesktopNotifier::onPausedAfterFailures(const Job &job, int failures)
{
    if (!m_available)
        return;
    const QString name = job.name.isEmpty() ? job.id : job.name;
    const QString summary = text(QT_TR_NOOP("“%1” was paused")).arg(name);
    const QString body = failures == 1
        ? text(QT_TR_NOOP("Its run failed, and it is set to pause after a failure. It runs again once you resume it."))
        : text(QT_TR_NOOP("Its last %1 runs failed, and it is set to pause after that many. It runs again once you "
                          "resume it."))
              .arg(failures);
    notifyAboutJob(job.id, summary, body, false);
}

void DesktopNotifier::notifyAboutJob(const QString &jobId, const QString &summary, QString body, bool runAgain)
{
    // A server with "body-markup" reads the body as a subset of HTML: a job's "<" or "&" stays text.
    if (m_capabilities.contains(QStringLiteral("body-markup")))
        body = body.toHtmlEscaped();

    QStringList actions;
    if (m_capabilities.contains(QStringLiteral("actions"))) {
        if (m_showLog)
            actions << defaultAction << text(QT_TR_NOOP("Show log")) << showLogAction << text(QT_TR_NOOP("Show log"));
        if (runAgain)
            actions << runAgainAction << text(QT_TR_NOOP("Run again"));
    }
    const QVariantMap hints{
        {QStringLiteral("desktop-entry"), desktopEntry},
        {QStringLiteral("urgency"), QVariant::fromValue<uchar>(1)}, // normal: it goes away on its own
    };
    QDBusMessage call = notificationsCall(QStringLiteral("Notify"));
    call << QStringLiteral("Punctual") << m_noticeOfJob.value(jobId, 0u) << iconName << summary << body << actions
         << hints << -1;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, callTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, jobId](QDBusPendingCallWatcher *watcher) {
                watcher->deleteLater();
                const QDBusPendingReply<uint> reply = *watcher;
                if (reply.isError()) {
                    emit logMessage(tr("job %1: the desktop notice could not be shown: %2")
                                        .arg(jobId, reply.error().message()));
                    return;
                }
                const uint id = reply.value();
                if (const uint earlier = m_noticeOfJob.value(jobId, 0u); earlier != 0 && earlier != id)
                    m_jobOfNotice.remove(earlier);
                m_noticeOfJob.insert(jobId, id);
                m_jobOfNotice.insert(id, jobId);
                emit notified(jobId, id);
            });
}

QString DesktopNotifier::jobName(const QString &jobId) const
{
    auto job = m_scheduler.job(jobId);
    return job && !job->name.isEmpty() ? job->name : jobId;
}

// --- the store's outages -------------------------------------------------------------------------------------

void DesktopNotifier::onStoreStatusChanged(const StoreStatus &status)
{
    if (!status.available) {
        checkStoreOutage();
        return;
    }
    m_storeOutageTimer.stop();
    // Back: said only when the desktop was told it was gone (a short outage is in the host's log alone).
    if (const auto downSince = std::exchange(m_storeNoticeFor, std::nullopt); downSince && m_available)
        sendStoreNotice(status, *downSince);
}

void DesktopNotifier::checkStoreOutage()
{
    const StoreStatus &status = m_scheduler.storeStatus();
    if (status.available || (m_storeNoticeFor && *m_storeNoticeFor == status.sinceMs))
        return;
    const std::int64_t down = m_clock.nowMs() - status.sinceMs;
    if (down <= storeOutageNoticeMs) {
        // Measured on the clock when it goes off (a reconnect failing meanwhile looks again too).
        m_storeOutageTimer.start(static_cast<int>(storeOutageNoticeMs - down + 1));
        return;
    }
    m_storeOutageTimer.stop();
    if (!m_available)
        return; // setAvailable() looks again when a server comes
    m_storeNoticeFor = status.sinceMs;
    sendStoreNotice(status, status.sinceMs);
}

void DesktopNotifier::sendStoreNotice(const StoreStatus &status, std::int64_t downSinceMs)
{
    const std::int64_t now = m_clock.nowMs();
    const QString since = shortTime(m_locale, downSinceMs, now);
    QString summary;
    QString body;
    if (!status.available) {
        summary = text(QT_TR_NOOP("Punctual cannot reach its job store"));
        body = text(QT_TR_NOOP("No job runs until it is back (unavailable since %1); Punctual reconnects on its own. "
                               "Last error: %2"))
                   .arg(since, firstLine(status.lastError));
    } else {
        summary = text(QT_TR_NOOP("Punctual's job store is back"));
        body = text(QT_TR_NOOP("It was unavailable from %1 to %2; jobs run again."))
                   .arg(since, shortTime(m_locale, status.sinceOr(now), now));
    }
    if (m_capabilities.contains(QStringLiteral("body-markup")))
        body = body.toHtmlEscaped();
    const QVariantMap hints{
        {QStringLiteral("desktop-entry"), desktopEntry},
        // Unavailable: critical, it stays until dismissed or replaced (nothing runs meanwhile). Back: normal.
        {QStringLiteral("urgency"), QVariant::fromValue<uchar>(status.available ? 1 : 2)},
    };
    QDBusMessage call = notificationsCall(QStringLiteral("Notify"));
    call << QStringLiteral("Punctual") << m_storeNotice << iconName << summary << body << QStringList() << hints << -1;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, callTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, available = status.available](QDBusPendingCallWatcher *watcher) {
                watcher->deleteLater();
                const QDBusPendingReply<uint> reply = *watcher;
                if (reply.isError()) {
                    emit logMessage(tr("the desktop notice about the job store could not be shown: %1")
                                        .arg(reply.error().message()));
                    return;
                }
                // The outage's notice is replaced by the "back" one; that one is not replaced by anything.
                m_storeNotice = available ? 0u : reply.value();
                emit storeNotified(available, reply.value());
            });
}

void DesktopNotifier::onActionInvoked(uint notificationId, const QString &actionKey)
{
    const QString jobId = m_jobOfNotice.value(notificationId);
    if (jobId.isEmpty())
        return; // another application's notice
    if (actionKey == runAgainAction) {
        if (auto run = m_scheduler.runJobNow(jobId); !run)
            emit logMessage(tr("job %1: not run again: %2").arg(jobId, run.error().message));
    } else if ((actionKey == showLogAction || actionKey == defaultAction) && m_showLog) {
        m_showLog(jobId);
    }
}

void DesktopNotifier::onNotificationClosed(uint notificationId, uint)
{
    forgetNotice(notificationId);
}

void DesktopNotifier::forgetNotice(uint notificationId)
{
    if (notificationId == m_storeNotice)
        m_storeNotice = 0;
    const QString jobId = m_jobOfNotice.take(notificationId);
    if (!jobId.isEmpty() && m_noticeOfJob.value(jobId) == notificationId)
        m_noticeOfJob.remove(jobId);
}

// --- missed-runs episodes ------------------------------------------------------------------------------------

QString DesktopNotifier::plural(const char *source, std::int64_t n, const char *englishOne) const
{
    const int count = static_cast<int>(std::min<std::int64_t>(n, INT_MAX));
    QString translated = m_translator ? m_translator->translate(metaObject()->className(), source, nullptr, count)
                                      : QString();
    if (translated.isEmpty()) // English: no translation file, the singular is given
        translated = QString::fromUtf8(count == 1 && englishOne ? englishOne : source);
    return translated.replace(QStringLiteral("%n"), m_locale.toString(n));
}

void DesktopNotifier::onMissedRunsAdded(const QList<MissedRunsReport> &reports, bool newEpisode)
{
    if (!newEpisode || reports.isEmpty() || !m_available || !m_outcomes.contains(RunOutcome::Missed))
        return;
    const int episode = reports.front().episode;
    QStringList names;
    std::int64_t total = 0;
    bool asleep = false;
    bool notRunning = false;
    for (const MissedRunsReport &report : m_scheduler.missedRuns()) {
        if (report.episode != episode)
            continue;
        names << report.jobName;
        total += report.times.total;
        (report.cause == MissedCause::Asleep ? asleep : notRunning) = true;
    }
    if (names.isEmpty() || (names.size() == 1 && total == 1))
        return; // one run time of one job: its own notice, as any missed run, says more
    m_noticedEpisode = episode;
    QString summary;
    if (asleep && notRunning)
        summary = plural(QT_TR_N_NOOP("%n runs were missed while the computer was asleep or Punctual was not running"),
                         total, "%n run was missed while the computer was asleep or Punctual was not running");
    else if (asleep)
        summary = plural(QT_TR_N_NOOP("%n runs were missed while the computer was asleep"), total,
                         "%n run was missed while the computer was asleep");
    else
        summary = plural(QT_TR_N_NOOP("%n runs were missed while Punctual was not running"), total,
                         "%n run was missed while Punctual was not running");
    const int shown = 3;
    const QString jobs = names.size() <= shown
        ? names.join(QStringLiteral(", "))
        : plural(QT_TR_N_NOOP("%1 and %n more"), names.size() - shown)
              .arg(names.mid(0, shown).join(QStringLiteral(", ")));
    const QString body = plural(QT_TR_N_NOOP("%n jobs: %1. Open Punctual to review what each job did."), names.size(),
                                "%n job: %1. Open Punctual to review what it did.")
                             .arg(jobs);
    // "Show log" opens the window, where the review's banner is.
    notifyAboutJob(reports.front().jobId, summary, body, false);
}

bool DesktopNotifier::inNoticedEpisode(const RunRecord &run) const
{
    if (m_noticedEpisode == 0 || run.outcome != RunOutcome::Missed || run.reason != RunReason::CatchUp)
        return false;
    return m_scheduler.missedRunsEpisode(run.jobId) == m_noticedEpisode;
}

} // namespace punctual
