// Wires the desktop application: a client of the scheduler host (started when none runs), the window and the tray.
#pragma once

#include "executors/functionregistry.h"
#include "settings/settings.h"
#include "store/storelocation.h"
#include "time/clock.h"

#include <QObject>

#include <memory>

namespace punctual {

class MainWindow;
class SchedulerClient;
class TrayController;

/**
 * The window app `punctual` on one store. It runs no jobs: the scheduler host (`punctualctl run`, or the systemd
 * user unit punctual.service) does (DESIGN.md 2b). start() connects to the host that holds the store; when none
 * does, it starts one (startHost(): the unit where it can, else a detached `punctualctl run`) and says so in the
 * status bar. The window and the tray follow the host through a SchedulerClient (requests and the host's events);
 * a lost host is reconnected to when it comes back.
 *
 * One window per store: a second `punctual` start asks the host to raise the window that is open (the host
 * forwards "raise" to the window subscribed to it) and ends. Closing the window hides it into the tray, or ends
 * the app without a tray: scheduling goes on in the host either way. Quit asks whether to keep the jobs running in
 * the background (the default) or to stop the scheduler too; Scheduler › Stop scheduler stops it.
 */
class Application final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    enum class Started
    {
        Window,        ///< this process shows the window; showWindow() next
        OtherInstance, ///< a window on this store is open already (and was asked to show itself): exit 0
    };

    explicit Application(StoreLocation location, QObject *parent = nullptr);
    ~Application() override;

    /// Reaches the store's host, or starts one; the error says why neither can be done. When a window on the store
    /// is open already, it is asked to show itself (unless not @p raiseOther: `punctual --minimized` at login
    /// leaves it as it is); with @p showJobId, that window selects the job.
    Result<Started> start(bool raiseOther = true, const QString &showJobId = {});
    /// Shows the window (raised, when it exists already). @p minimized: stay in the tray (or, without a tray,
    /// show the window minimized).
    void showWindow(bool minimized);
    /// Shows the window with job @p id selected (a notification's "Show log").
    void showJob(const QString &id);
    /// Quits the app; with @p ask, first asks whether the scheduler keeps running the jobs (it does unless the
    /// user chooses to stop it too). False when the user cancelled.
    bool quit(bool ask = true);

    /// The host's client (tests).
    SchedulerClient &client() const { return *m_client; }

protected:
    /// Closing the window hides it into the tray; without a tray it ends the window app (not the scheduler).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Starts a host for the store unless one holds it, and tells the status bar.
    void ensureHost();
    void stopScheduler();
    void toggleWindow();
    void openSettings();
    void applySettings();
    bool hasTray() const;
    void showStatus(const QString &message);

    StoreLocation m_location;
    SystemClock m_clock;
    FunctionRegistry m_functions;
    Settings m_settings;
    std::unique_ptr<SchedulerClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayController> m_tray;
    bool m_quitting = false;
    bool m_startingHost = false;
    bool m_restartHost = false; ///< start a host again once the one attached has gone (settings changed)
};

} // namespace punctual
