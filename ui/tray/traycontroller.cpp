// The system tray runner: keeps icon, tooltip and menu current from the job model and tells about failed runs.
#include "traycontroller.h"

#include "models/joblistmodel.h"
#include "models/runpresentation.h"
#include "review/missedrunstext.h"
#include "control/schedulerclient.h"
#include "time/clock.h"

#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QIcon>
#include <QMenu>
#include <QTimer>

#include <algorithm>

namespace punctual {

namespace {

QIcon stateIcon(TrayController::IconState state)
{
    switch (state) {
    case TrayController::IconState::Paused: return QIcon(QStringLiteral(":/icons/tray-paused.svg"));
    case TrayController::IconState::Failing: return QIcon(QStringLiteral(":/icons/tray-failing.svg"));
    case TrayController::IconState::StoreUnavailable:
        return QIcon(QStringLiteral(":/icons/tray-store-unavailable.svg"));
    case TrayController::IconState::PausedFailing: return QIcon(QStringLiteral(":/icons/tray-paused-failing.svg"));
    case TrayController::IconState::Normal: break;
    }
    return QIcon(QStringLiteral(":/icons/punctual.svg"));
}

bool isFailure(RunOutcome outcome)
{
    return outcome == RunOutcome::Failed || outcome == RunOutcome::TimedOut;
}

/// A job name as a menu item's text: "&" would otherwise mark a mnemonic.
QString menuText(QString text)
{
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

/// A long pause note cut for the tray (some trays cut long tooltips; the window has it whole).
QString elided(const QString &note)
{
    constexpr qsizetype most = 80;
    return note.size() <= most ? note : note.left(most - 1) + QStringLiteral("…");
}

} // namespace

TrayController::TrayController(SchedulerClient &scheduler, const JobListModel &jobs, const Clock &clock,
                               Settings &settings, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_jobs(jobs)
    , m_clock(clock)
    , m_settings(settings)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(std::make_unique<QMenu>())
{
    m_icon->setObjectName(QStringLiteral("trayIcon"));
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    for (int i = 0; i < upcomingCount; ++i) {
        auto *item = m_menu->addAction(QString());
        item->setObjectName(QStringLiteral("trayUpcomingAction"));
        item->setEnabled(false);
        m_upcomingActions << item;
    }
    for (int i = 0; i <= pausedNoteCount; ++i) { // and one for "and N more"
        auto *item = m_menu->addAction(QString());
        item->setObjectName(QStringLiteral("trayPausedNoteAction"));
        item->setEnabled(false);
        item->setVisible(false);
        m_pausedNoteActions << item;
    }
    m_menu->addSeparator();
    auto add = [this](Command command, const QString &name, const QString &text, auto slot) {
        QAction *action = m_menu->addAction(text);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        m_actions.insert(command, action);
    };
    add(Command::ShowWindow, QStringLiteral("trayShowAction"), tr("&Show Punctual"),
        [this] { emit showWindowRequested(); });
    add(Command::PauseAll, QStringLiteral("trayPauseAction"), tr("&Pause all"), [this] {
        if (m_scheduler.state() == Scheduler::State::Paused)
            m_scheduler.resumeScheduler(this, [](Result<QJsonValue>) {});
        else if (m_scheduler.state() == Scheduler::State::Running)
            m_scheduler.pauseScheduler(this, [](Result<QJsonValue>) {});
        update();
    });
    m_menu->addSeparator();
    add(Command::Quit, QStringLiteral("trayQuitAction"), tr("&Quit"), [this] { emit quitRequested(); });
    m_icon->setContextMenu(m_menu.get());

    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            emit toggleWindowRequested();
        if (reason == QSystemTrayIcon::Context) {
            m_contextClicked = true;
            QTimer::singleShot(0, this, [this] { m_contextClicked = false; });
        }
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
        // Qt's X11 tray reports any press on the icon while a message shows as a click on the message, before it
        // reports the press itself: a right-click for the menu would open the window too. Decided once the
        // press has been reported whole.
        QTimer::singleShot(0, this, [this] {
            if (m_contextClicked)
                return;
            if (m_messageJobId.isEmpty())
                emit showWindowRequested();
            else
                emit jobRequested(m_messageJobId);
        });
    });

    // Everything shown follows the model (which follows the scheduler) and the scheduler's state.
    connect(&m_jobs, &QAbstractItemModel::modelReset, this, &TrayController::scheduleUpdate);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(&m_jobs, signal, this, &TrayController::scheduleUpdate);
    connect(&m_jobs, &QAbstractItemModel::dataChanged, this, &TrayController::scheduleUpdate);
    connect(&m_scheduler, &SchedulerClient::stateChanged, this, &TrayController::scheduleUpdate);
    connect(&m_scheduler, &SchedulerClient::storeStatusChanged, this, &TrayController::scheduleUpdate);
    connect(&m_scheduler, &SchedulerClient::hostConnectedChanged, this, &TrayController::scheduleUpdate);

    // The host tells the desktop's notification service itself when it can; the tray's messages are the fallback.
    const auto unlessHostNotifies = [this](const RunRecord &run) {
        if (!m_scheduler.hostStatus().value(QStringLiteral("desktop_notifications")).toBool(false))
            onRunEnded(run);
    };
    connect(&m_scheduler, &SchedulerClient::jobError, this, unlessHostNotifies);
    connect(&m_scheduler, &SchedulerClient::jobMissed, this, unlessHostNotifies);
    m_notifyTimer.setSingleShot(true);
    m_notifyTimer.setInterval(notifyDelayMs);
    connect(&m_notifyTimer, &QTimer::timeout, this, &TrayController::postNotifications);
    // A missed-runs episode: one message, whose click opens the Review dialog (the window is shown too).
    connect(&m_scheduler, &SchedulerClient::missedRunsAdded, this, [this](const auto &reports, bool newEpisode) {
        if (!m_scheduler.hostStatus().value(QStringLiteral("desktop_notifications")).toBool(false))
            onMissedRunsAdded(reports, newEpisode);
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_messageIsReview)
            emit missedRunsReviewRequested();
    });

    update();
}

TrayController::~TrayController()
{
    m_icon->setContextMenu(nullptr);
}

bool TrayController::isTrayAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::show()
{
    m_icon->show();
}

bool TrayController::isVisible() const
{
    return m_icon->isVisible();
}

QAction *TrayController::action(Command command) const
{
    return m_actions.value(command);
}

QString TrayController::toolTip() const
{
    return m_icon->toolTip();
}

// --- keeping current ----------------------------------------------------------------------------------------

void TrayController::scheduleUpdate()
{
    // A burst of model signals (a reload, many runs ending) costs one pass over the rows.
    if (m_updateQueued)
        return;
    m_updateQueued = true;
    QTimer::singleShot(0, this, [this] {
        if (m_updateQueued)
            update();
    });
}

void TrayController::update()
{
    m_updateQueued = false;
    // One pass over the rows: the earliest upcomingCount next run times, and jobs whose last run failed.
    QList<UpcomingRun> upcoming;
    int failing = 0;
    QStringList pausedNotes;
    int morePausedNotes = 0;
    const auto later = [](const UpcomingRun &a, const UpcomingRun &b) { return a.time < b.time; };
    const int rows = m_jobs.rowCount();
    for (int row = 0; row < rows; ++row) {
        const JobSummary *job = m_jobs.summaryAt(row); // never parses: this runs over every row
        if (!job)
            continue;
        if (const RunRecord *last = m_jobs.lastRunAt(row); last && isFailure(last->outcome))
            ++failing;
        if (job->paused && !job->pauseNote.isEmpty()) {
            if (pausedNotes.size() < pausedNoteCount)
                pausedNotes << tr("%1 — paused: %2", "job name, the note given when it was paused")
                                   .arg(job->name.isEmpty() ? job->id : job->name, elided(job->pauseNote));
            else
                ++morePausedNotes;
        }
        if (job->paused || !job->nextRunTime)
            continue;
        if (upcoming.size() == upcomingCount && *job->nextRunTime >= upcoming.back().time)
            continue;
        UpcomingRun run{job->id, job->name.isEmpty() ? job->id : job->name, *job->nextRunTime};
        upcoming.insert(std::upper_bound(upcoming.begin(), upcoming.end(), run, later), run);
        if (upcoming.size() > upcomingCount)
            upcoming.removeLast();
    }
    m_upcoming = upcoming;
    m_failingJobs = failing;
    if (morePausedNotes > 0)
        pausedNotes << tr("and %n more paused with a note", nullptr, morePausedNotes);
    m_pausedNoteLines = pausedNotes;

    const Scheduler::State state = m_scheduler.state();
    // The client says available while not connected: there is no news of the store then.
    const StoreStatus &store = m_scheduler.storeStatus();
    const bool storeDown = m_scheduler.isConnected() && !store.available;
    const bool paused = state == Scheduler::State::Paused;
    const IconState iconState = storeDown                          ? IconState::StoreUnavailable
        : paused && failing > 0                                   ? IconState::PausedFailing
        : paused                                                  ? IconState::Paused
        : failing > 0                                             ? IconState::Failing
                                                                  : IconState::Normal;
    if (iconState != m_iconState || m_icon->icon().isNull()) {
        m_iconState = iconState;
        m_icon->setIcon(stateIcon(iconState));
    }

    QStringList lines;
    if (storeDown) {
        // Instead of the next run: it does not start until the store is back.
        const std::int64_t now = m_clock.nowMs();
        const QString since = shortDateTime(store.sinceOr(now), now);
        // Some trays cut long tooltips: the error's start is enough there (the window has it whole).
        const int errorChars = 120;
        QString error = firstLine(store.lastError);
        if (error.size() > errorChars)
            error = error.left(errorChars - 1) + QStringLiteral("…");
        lines << (error.isEmpty() ? tr("Punctual — job store unavailable since %1").arg(since)
                                  : tr("Punctual — job store unavailable since %1 (%2)").arg(since, error));
        lines << tr("No job runs until it is back; Punctual reconnects on its own");
    } else if (!m_jobs.isLoaded())
        lines << tr("Punctual — loading jobs…");
    else if (m_upcoming.isEmpty())
        lines << tr("Punctual — no runs scheduled");
    else
        lines << tr("Punctual — next: %1").arg(runLine(m_upcoming.front()));
    if (state == Scheduler::State::Paused)
        lines << tr("Paused: no job runs until you resume");
    if (failing > 0)
        lines << tr("The last run of %n jobs failed", nullptr, failing);
    if (const int waiting = m_scheduler.conditionWaitingCount(); waiting > 0)
        lines << tr("%n jobs waiting for their conditions (power, network, idle)", nullptr, waiting);
    lines << m_pausedNoteLines;
    m_icon->setToolTip(lines.join(QLatin1Char('\n')));
    updateMenu();
}

void TrayController::updateMenu()
{
    const std::int64_t now = m_clock.nowMs();
    // While everything is paused no run comes: the times would mislead.
    const bool allPaused = m_scheduler.isConnected() && m_scheduler.state() == Scheduler::State::Paused;
    for (int i = 0; i < upcomingCount; ++i) {
        QAction *item = m_upcomingActions[i];
        if (allPaused) {
            item->setText(tr("Scheduler paused"));
            item->setVisible(i == 0);
        } else if (i < m_upcoming.size()) {
            const UpcomingRun &run = m_upcoming[i];
            // The time goes into the shortcut column, so the times line up at the right.
            item->setText(QStringLiteral("%1\t%2").arg(menuText(run.jobName), shortDateTime(run.time, now)));
            item->setVisible(true);
        } else if (i == 0) {
            item->setText(m_jobs.isLoaded() ? tr("No runs scheduled") : tr("Loading jobs…"));
            item->setVisible(true);
        } else {
            item->setVisible(false);
        }
    }
    for (int i = 0; i < m_pausedNoteActions.size(); ++i) {
        QAction *item = m_pausedNoteActions[i];
        item->setVisible(i < m_pausedNoteLines.size());
        if (i < m_pausedNoteLines.size())
            item->setText(menuText(m_pausedNoteLines[i]));
    }
    const Scheduler::State state = m_scheduler.state();
    QAction *pause = m_actions[Command::PauseAll];
    pause->setText(state == Scheduler::State::Paused ? tr("&Resume all") : tr("&Pause all"));
    pause->setEnabled(state == Scheduler::State::Paused || state == Scheduler::State::Running);
}

QString TrayController::runLine(const UpcomingRun &run) const
{
    const std::int64_t now = m_clock.nowMs();
    const QString when = shortDateTime(run.time, now);
    const bool today = QDateTime::fromMSecsSinceEpoch(run.time).date() == QDateTime::fromMSecsSinceEpoch(now).date();
    return today ? tr("%1 at %2", "job name, time of day").arg(run.jobName, when)
                 : tr("%1, %2", "job name, day and time").arg(run.jobName, when);
}

QString TrayController::jobName(const QString &jobId) const
{
    const int row = m_jobs.rowOf(jobId);
    const JobSummary *job = row >= 0 ? m_jobs.summaryAt(row) : nullptr;
    return job && !job->name.isEmpty() ? job->name : jobId;
}

// --- notifications ------------------------------------------------------------------------------------------

std::optional<NotificationKind> TrayController::notificationKind(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Failed: return NotificationKind::Failure;
    case RunOutcome::Missed: return NotificationKind::Missed;
    case RunOutcome::TimedOut: return NotificationKind::Timeout;
    default: return std::nullopt; // interrupted: the user stopped Punctual; skipped and success: nothing wrong
    }
}

void TrayController::onRunEnded(const RunRecord &run)
{
    const auto kind = notificationKind(run.outcome);
    if (!kind || !m_settings.notifies(*kind) || inNoticedEpisode(run))
        return;
    m_pendingRuns << run;
    if (!m_notifyTimer.isActive())
        m_notifyTimer.start();
}

void TrayController::postNotifications()
{
    const QList<RunRecord> runs = std::exchange(m_pendingRuns, {});
    if (runs.isEmpty())
        return;
    QString title;
    QString message;
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Warning;
    const RunRecord &first = runs.front();
    if (runs.size() == 1) {
        const QString name = jobName(first.jobId);
        const QString scheduled = shortDateTime(first.scheduledTime, m_clock.nowMs());
        switch (first.outcome) {
        case RunOutcome::Missed:
            title = tr("“%1” missed its run").arg(name);
            message = tr("The run due %1 was not started: %2").arg(scheduled, firstLine(first.error));
            break;
        case RunOutcome::TimedOut:
            title = tr("“%1” timed out").arg(name);
            message = tr("The run due %1 was stopped after the job's timeout.").arg(scheduled);
            break;
        default:
            icon = QSystemTrayIcon::Critical;
            title = tr("“%1” failed").arg(name);
            message = first.error.isEmpty() ? outcomeText(first) : firstLine(first.error);
            break;
        }
    } else {
        title = tr("%n run(s) failed, were missed or timed out", nullptr, static_cast<int>(runs.size()));
        QStringList names;
        for (const RunRecord &run : runs) {
            const QString name = jobName(run.jobId);
            if (!names.contains(name))
                names << name;
        }
        const int shown = 3;
        message = names.size() <= shown
            ? names.join(QStringLiteral(", "))
            : tr("%1 and %n more", nullptr, static_cast<int>(names.size() - shown))
                  .arg(names.mid(0, shown).join(QStringLiteral(", ")));
    }
    message += QLatin1Char('\n') + tr("Click to see the run history.");
    m_messageJobId = first.jobId;
    m_messageIsReview = false;
    if (m_icon->isVisible())
        m_icon->showMessage(title, message, icon, messageTimeoutMs);
    emit notificationPosted(title, message, first.jobId);
}

bool TrayController::showStillRunningMessage()
{
    if (m_settings.trayMessageShown() || !m_icon->isVisible())
        return false;
    m_settings.setTrayMessageShown(true);
    m_messageJobId.clear();
    m_messageIsReview = false;
    m_icon->showMessage(tr("Punctual is still running"),
                        tr("Your jobs keep running on schedule. Click the icon to open the window; choose Quit in "
                           "its menu to stop Punctual."),
                        QSystemTrayIcon::Information, messageTimeoutMs);
    return true;
}

// --- missed-runs episodes -----------------------------------------------------------------------------------

void TrayController::onMissedRunsAdded(const QList<MissedRunsReport> &reports, bool newEpisode)
{
    if (!newEpisode || reports.isEmpty() || !m_settings.notifies(NotificationKind::Missed))
        return;
    const int episode = reports.front().episode;
    QList<MissedRunsReport> ofEpisode;
    for (const MissedRunsReport &report : m_scheduler.missedRuns()) {
        if (report.episode == episode)
            ofEpisode << report;
    }
    if (ofEpisode.isEmpty() || (ofEpisode.size() == 1 && ofEpisode.front().times.total == 1))
        return; // one run time of one job: its own message, as any missed run, says more
    m_noticedEpisode = episode;
    const QString title = missedRunsTitle(ofEpisode);
    const QString message = missedRunsTrayMessage(ofEpisode);
    m_messageJobId.clear();
    m_messageIsReview = true;
    if (m_icon->isVisible())
        m_icon->showMessage(title, message, QSystemTrayIcon::Information, messageTimeoutMs);
    emit notificationPosted(title, message, QString());
}

bool TrayController::inNoticedEpisode(const RunRecord &run) const
{
    if (m_noticedEpisode == 0 || run.outcome != RunOutcome::Missed || run.reason != RunReason::CatchUp)
        return false;
    return m_scheduler.missedRunsEpisode(run.jobId) == m_noticedEpisode;
}

} // namespace punctual
