// The desktop application's wiring and shutdown.
#include "application.h"

#include "control/controlclient.h"
#include "control/controlserver.h"
#include "dialogs/settingsdialog.h"
#include "executors/builtinfunctions.h"
#include "mainwindow.h"
#include "models/joblistmodel.h"
#include "scheduler/scheduler.h"
#include "settings/autostart.h"
#include "store/jobstore.h"
#include "store/storewatcher.h"
#include "tray/traycontroller.h"

#include <QApplication>
#include <QEvent>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageBox>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcApp, "punctual.app")

} // namespace

Application::Application(StoreLocation location, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_host(m_location, m_clock, m_functions)
{
    registerBuiltinFunctions(m_functions);
}

Application::~Application()
{
    // Nothing may reach the window while it goes (the control server's raise, the store watcher), and nothing the
    // scheduler while it goes; m_host then ends the scheduler, the store and last the lock that guards it.
    m_tray.reset();
    m_host.stopServing();
    m_window.reset();
}

Result<Application::Started> Application::start(bool raiseOther)
{
    if (auto locked = m_host.lock(); !locked) {
        if (locked.error().code == ErrorCode::Conflict)
            return reachRunningInstance(locked.error(), raiseOther);
        return locked.error();
    }
    if (auto opened = m_host.open(); !opened)
        return opened.error();
    Scheduler &scheduler = m_host.scheduler();
    scheduler.setHistoryLimit(m_settings.historyLimit());
    if (auto started = scheduler.start(); !started)
        return started.error();

    // The list is read on a worker thread through a connection of its own (to the file this instance opened).
    StoreLocation location = m_location;
    if (!location.postgres) {
        location.sqlitePath = m_location.resolvedPath();
        location.explicitPath = true;
    }
    MainWindow::Services services{scheduler, m_clock, m_functions, [location] { return location.open(); },
                                  m_host.store().describe()};
    m_window = std::make_unique<MainWindow>(services);
    m_window->setNewJobOptions(m_settings.defaultJobOptions());
    m_window->installEventFilter(this);
    connect(m_window.get(), &MainWindow::quitRequested, this, [this] { quit(); });
    connect(m_window.get(), &MainWindow::settingsRequested, this, &Application::openSettings);

    // punctualctl and a second punctual reach this scheduler; commits other processes make to the store are seen.
    const auto watching = m_host.serve();
    connect(m_host.controlServer(), &ControlServer::raiseRequested, this, [this] { showWindow(false); });
    connect(m_host.storeWatcher(), &StoreWatcher::changed, this, [this] {
        m_host.scheduler().refresh();
        m_window->reload();
    });
    if (!watching)
        qCWarning(lcApp, "changes made to the store by other processes will not be noticed: %s",
                  qPrintable(watching.error().message));

    m_tray = std::make_unique<TrayController>(scheduler, *m_window->jobModel(), m_clock, m_settings);
    connect(m_tray.get(), &TrayController::showWindowRequested, this, [this] { showWindow(false); });
    connect(m_tray.get(), &TrayController::toggleWindowRequested, this, &Application::toggleWindow);
    connect(m_tray.get(), &TrayController::quitRequested, this, [this] { quit(); });
    connect(m_tray.get(), &TrayController::jobRequested, this, [this](const QString &jobId) {
        showWindow(false);
        m_window->selectJob(jobId);
    });
    // Shown even while no tray is there yet (a panel that starts after us at login): it appears when one does.
    m_tray->show();
    return Started::Running;
}

Result<Application::Started> Application::reachRunningInstance(const Error &lockError, bool raise)
{
    ControlClient client;
    if (auto connected = client.connectToStore(m_location.resolvedPath()); !connected)
        return Error{lockError.code, QStringLiteral("%1; %2").arg(lockError.message, connected.error().message)};
    if (!raise)
        return Started::OtherInstance;
    auto raised = client.call(control::Method::Raise, {}, 10'000);
    if (!raised)
        return Error{lockError.code, QStringLiteral("%1; %2").arg(lockError.message, raised.error().message)};
    if (!raised->toObject().value(QStringLiteral("raised")).toBool()) {
        // A headless instance (punctualctl run) has no window to show.
        return Error{lockError.code, tr("%1, without a window (punctualctl run); stop it to open the window here")
                                         .arg(lockError.message)};
    }
    return Started::OtherInstance;
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

void Application::toggleWindow()
{
    if (m_window->isVisible() && !m_window->isMinimized())
        m_window->close(); // hides it (the tray keeps Punctual going); the window saves its layout
    else
        showWindow(false);
}

bool Application::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window.get() && event->type() == QEvent::Close && !m_quitting) {
        if (hasTray()) {
            // The window only hides: Punctual keeps scheduling in the tray.
            m_tray->showStillRunningMessage();
            return QObject::eventFilter(watched, event);
        }
        const bool quitting = QMessageBox::question(m_window.get(), tr("Quit Punctual"),
                                                    tr("There is no system tray to keep Punctual in. Quit Punctual? "
                                                       "Your jobs only run while it is running."),
                                                    QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                == QMessageBox::Yes
            && quit();
        if (!quitting) {
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

bool Application::quit(bool ask)
{
    if (m_quitting)
        return true;
    const int running = m_host.scheduler().runningCount();
    QWidget *parent = m_window->isVisible() ? m_window.get() : nullptr;
    if (ask && running > 0
        && QMessageBox::question(parent, tr("Quit Punctual"),
                                 tr("%n job(s) are still running. Stop them and quit?", nullptr, running),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Yes)
        return false;
    m_quitting = true;
    m_tray->trayIcon()->hide();
    m_window->close();
    connect(&m_host.scheduler(), &Scheduler::shutDown, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    m_host.scheduler().shutdown(Scheduler::ShutdownMode::StopRuns);
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
    m_host.scheduler().setHistoryLimit(m_settings.historyLimit());
    m_window->setNewJobOptions(m_settings.defaultJobOptions());
}

} // namespace punctual
