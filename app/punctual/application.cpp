// The desktop application's wiring: the host's client, the window, the tray, and how they end.
#include "application.h"

#include "control/controlclient.h"
#include "control/schedulerclient.h"
#include "dialogs/settingsdialog.h"
#include "executors/builtinfunctions.h"
#include "hoststarter.h"
#include "mainwindow.h"
#include "models/joblistmodel.h"
#include "review/missedrunsbanner.h"
#include "settings/appearance.h"
#include "settings/autostart.h"
#include "tray/traycontroller.h"

#include <QApplication>
#include <QEvent>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcApp, "punctual.app")

/// How long a second start waits for the host to raise the window already open.
constexpr int raiseTimeoutMs = 2000;
/// How long a host just started may take to answer before the window says it failed.
constexpr int hostStartTimeoutMs = 15000;

} // namespace

Application::Application(StoreLocation location, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_client(std::make_unique<SchedulerClient>(m_location.resolvedPath()))
{
    registerBuiltinFunctions(m_functions); // offered in the job editor (the host has the same ones)
}

Application::~Application()
{
    m_tray.reset();
    m_window.reset();
    m_client.reset();
}

Result<Application::Started> Application::start(bool raiseOther, const QString &showJobId)
{
    // A window open on this store already: it is asked (through the host) to show itself, and this one ends.
    {
        ControlClient probe;
        if (probe.connectToStore(m_location.resolvedPath())) {
            QJsonObject params{{QStringLiteral("show"), raiseOther}};
            if (!showJobId.isEmpty())
                params.insert(QStringLiteral("job_id"), showJobId);
            // Briefly: a host busy with a large import must not keep the window from appearing (at worst a second
            // window opens, attached to the same host).
            auto raised = probe.call(control::Method::Raise, params, raiseTimeoutMs);
            if (raised && raised->toObject().value(QStringLiteral("raised")).toBool())
                return Started::OtherInstance;
        }
    }

    // The list is read from the store read-only, on a worker thread, with a connection of its own.
    const StoreLocation location = m_location;
    MainWindow::Services services{*m_client, m_clock, m_functions, [location] { return location.openReadOnly(); },
                                  m_location.describe()};
    appearance::apply(m_settings.colorScheme()); // Settings › Appearance, before the first window shows
    m_window = std::make_unique<MainWindow>(services);
    m_window->setNewJobOptions(m_settings.defaultJobOptions());
    m_window->installEventFilter(this);
    connect(m_window.get(), &MainWindow::quitRequested, this, [this] { quit(); });
    connect(m_window.get(), &MainWindow::settingsRequested, this, &Application::openSettings);
    connect(m_window.get(), &MainWindow::stopSchedulerRequested, this, &Application::stopScheduler);
    connect(m_window.get(), &MainWindow::startSchedulerRequested, this, &Application::ensureHost);

    m_tray = std::make_unique<TrayController>(*m_client, *m_window->jobModel(), m_clock, m_settings);
    connect(m_tray.get(), &TrayController::showWindowRequested, this, [this] { showWindow(false); });
    connect(m_tray.get(), &TrayController::toggleWindowRequested, this, &Application::toggleWindow);
    connect(m_tray.get(), &TrayController::quitRequested, this, [this] { quit(); });
    connect(m_tray.get(), &TrayController::jobRequested, this, &Application::showJob);
    connect(m_tray.get(), &TrayController::missedRunsReviewRequested, this, [this] {
        showWindow(false);
        m_window->missedRunsBanner()->openReview();
    });
    // Shown even while no tray is there yet (a panel that starts after us at login): it appears when one does.
    m_tray->show();

    connect(m_client.get(), &SchedulerClient::raiseRequested, this, [this](const QString &jobId) {
        if (jobId.isEmpty())
            showWindow(false);
        else
            showJob(jobId);
    });
    connect(m_client.get(), &SchedulerClient::hostConnectedChanged, this, [this](bool connected) {
        if (!connected) {
            if (std::exchange(m_restartHost, false))
                ensureHost(); // the host was stopped to come back running (or managing) as the settings now say
            return;
        }
        qCInfo(lcApp, "attached to the scheduler host (pid %lld)",
               static_cast<long long>(m_client->hostStatus().value(QStringLiteral("pid")).toInteger()));
        // The window's history setting is the host's (it keeps the runs).
        if (m_client->historyLimit() != m_settings.historyLimit())
            m_client->setHistoryLimit(m_settings.historyLimit(), this, [](Result<QJsonValue>) {});
    });
    m_client->setWindow(true);
    m_client->connectToHost();
    ensureHost();
    return Started::Window;
}

void Application::ensureHost()
{
    if (m_startingHost || m_client->isConnected())
        return;
    // On a shared PostgreSQL store this computer runs the jobs only when asked to (Settings › Run jobs on this
    // computer); otherwise its host only manages them.
    const bool manageOnly = m_location.postgres && !m_settings.runsJobsHere();
    auto started = manageOnly ? startManagingHost(m_location) : startHost(m_location);
    if (!started) {
        showStatus(tr("The Punctual scheduler cannot be started: %1").arg(started.error().message));
        return;
    }
    if (started->method == HostStartMethod::AlreadyRunning)
        return; // the client connects (and reconnects) on its own
    m_startingHost = true;
    showStatus(hostStartMessage(started->method));
    waitForHost(m_location, started.value(), hostStartTimeoutMs, this, [this, method = started->method](Result<qint64> pid) {
        m_startingHost = false;
        if (!pid) {
            const QString message = tr("The Punctual scheduler did not start: %1").arg(pid.error().message);
            showStatus(message);
            if (m_window && m_window->isVisible())
                QMessageBox::warning(m_window.get(), tr("Punctual"), message);
            return;
        }
        qCInfo(lcApp, "started the scheduler host (pid %lld, %s)", static_cast<long long>(pid.value()),
               qPrintable(hostStartMessage(method)));
        m_client->reconnectNow();
    });
}

void Application::showStatus(const QString &message)
{
    qCInfo(lcApp, "%s", qPrintable(message));
    if (m_window)
        m_window->statusBar()->showMessage(message, 15000);
}

void Application::stopScheduler()
{
    m_client->shutdownHost(false, this, [this](Result<QJsonValue> answer) {
        showStatus(answer ? tr("The Punctual scheduler is stopping; no job runs until it is started again.")
                          : tr("Cannot stop the scheduler: %1").arg(answer.error().message));
    });
}

bool Application::hasTray() const
{
    return m_tray && m_tray->isVisible() && TrayController::isTrayAvailable();
}

void Application::showWindow(bool minimized)
{
    if (minimized) {
        // Start into the tray; without one the window would be out of reach, so it is shown minimized.
        if (!hasTray())
            m_window->showMinimized();
        return;
    }
    if (m_window->isMinimized())
        m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void Application::showJob(const QString &id)
{
    showWindow(false);
    if (m_window->selectJob(id))
        return;
    // Not listed yet (the window has just started, or the host is being reached): selected once the list is in.
    auto *once = new QObject(this);
    connect(m_window.get(), &MainWindow::listLoaded, once, [this, id, once] {
        m_window->selectJob(id);
        once->deleteLater();
    });
}

void Application::toggleWindow()
{
    if (m_window->isVisible() && !m_window->isMinimized())
        m_window->close(); // hides it (the tray keeps Punctual reachable); the window saves its layout
    else
        showWindow(false);
}

bool Application::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window.get() && event->type() == QEvent::Close && !m_quitting) {
        if (hasTray()) {
            // The window only hides into the tray.
            m_tray->showStillRunningMessage();
        } else {
            // Without a tray the window app ends; the scheduler host keeps running the jobs.
            QMetaObject::invokeMethod(this, [this] { quit(false); }, Qt::QueuedConnection);
        }
    }
    return QObject::eventFilter(watched, event);
}

bool Application::quit(bool ask)
{
    if (m_quitting)
        return true;
    if (ask && m_client->isConnected()) {
        QWidget *parent = m_window->isVisible() ? m_window.get() : nullptr;
        QMessageBox box(QMessageBox::Question, tr("Quit Punctual"),
                        tr("Keep jobs running in the background?"), QMessageBox::NoButton, parent);
        box.setInformativeText(tr("The Punctual scheduler runs your jobs on time while the window is closed. "
                                  "Stopping it stops every job until Punctual is opened again."));
        QPushButton *keep = box.addButton(tr("Keep running"), QMessageBox::AcceptRole);
        QPushButton *stop = box.addButton(tr("Stop scheduler"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() == stop) {
            m_quitting = true;
            // Quit once the host has taken the request (or could not be reached).
            m_client->shutdownHost(false, this, [](Result<QJsonValue>) { QCoreApplication::quit(); });
            m_tray->trayIcon()->hide();
            m_window->close();
            return true;
        }
        if (box.clickedButton() != keep)
            return false;
    }
    m_quitting = true;
    m_tray->trayIcon()->hide();
    m_window->close();
    QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    return true;
}

void Application::openSettings()
{
    if (auto *open = m_window->findChild<SettingsDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(m_settings, m_location, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &Application::applySettings);
    dialog->open();
}

void Application::applySettings()
{
    m_client->setHistoryLimit(m_settings.historyLimit(), this, [this](Result<QJsonValue> answer) {
        if (!answer)
            showStatus(tr("The history setting did not reach the scheduler: %1").arg(answer.error().message));
    });
    m_window->setNewJobOptions(m_settings.defaultJobOptions());
    appearance::apply(m_settings.colorScheme()); // live: every open window repaints
    // Run jobs on this computer changed for a shared store: the host is started again the other way.
    const bool runsHere = m_client->hostStatus().value(QStringLiteral("runs_jobs")).toBool(true);
    if (m_location.postgres && m_client->isConnected() && runsHere != m_settings.runsJobsHere()) {
        m_restartHost = true;
        m_client->shutdownHost(false, this, [this](Result<QJsonValue> answer) {
            if (!answer) {
                m_restartHost = false;
                showStatus(tr("Cannot stop the scheduler: %1").arg(answer.error().message));
            }
        });
    }
}

} // namespace punctual
