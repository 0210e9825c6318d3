// Wires the desktop application: instance lock, store, scheduler, control server, store watcher, window and tray.
#pragma once

#include "control/instancehost.h"
#include "executors/functionregistry.h"
#include "settings/settings.h"
#include "store/storelocation.h"
#include "time/clock.h"

#include <QObject>

#include <memory>

namespace punctual {

class MainWindow;
class TrayController;

/**
 * The window app `punctual` on one store. start() first takes the store's InstanceLock (InstanceHost): when
 * another instance holds it, that one is asked to raise its window (control protocol "raise") and this one ends.
 * Otherwise it opens the store, starts the scheduler and serves the control protocol (punctualctl, a second
 * punctual) on the lock's socket, watches the store for other processes' commits (StoreWatcher:
 * Scheduler::refresh() and MainWindow::reload()), and puts Punctual in the system tray (TrayController).
 *
 * With a system tray, closing the window only hides it (Punctual keeps scheduling; a tray message says so the
 * first time) and Quit is in the tray menu and the File menu. Without one, closing the window asks whether to quit.
 */
class Application final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    enum class Started
    {
        Running,     ///< this process schedules the store; showWindow() next
        OtherInstance, ///< another instance holds the store (and was asked to show its window): exit 0
    };

    explicit Application(StoreLocation location, QObject *parent = nullptr);
    ~Application() override;

    /// Takes the store's instance lock, opens the store and starts scheduling; the error says why it cannot (the
    /// store is left as it was). When another instance holds the store, it is asked to raise its window (unless
    /// not @p raiseOther: `punctual --minimized` at login leaves a running one as it is).
    Result<Started> start(bool raiseOther = true);
    /// Shows the window (raised, when it exists already). @p minimized: stay in the tray (or, without a tray,
    /// show the window minimized).
    void showWindow(bool minimized);
    /// Asks about running jobs (unless not @p ask: SIGTERM at logout), stops the scheduler and quits the event
    /// loop once it has stopped; false when the user chose to stay.
    bool quit(bool ask = true);

protected:
    /// Closing the window hides it into the tray, or asks whether to quit when there is no tray.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Result<Started> reachRunningInstance(const Error &lockError, bool raise);
    void toggleWindow();
    void openSettings();
    void applySettings();
    bool hasTray() const;

    StoreLocation m_location;
    SystemClock m_clock;
    FunctionRegistry m_functions;
    Settings m_settings;
    InstanceHost m_host;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayController> m_tray;
    bool m_quitting = false;
};

} // namespace punctual
