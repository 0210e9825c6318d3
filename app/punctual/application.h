// Wires the desktop application: store, scheduler and main window (the tray runner joins them later).
#pragma once

#include "executors/functionregistry.h"
#include "store/storelocation.h"
#include "time/clock.h"

#include <QObject>

#include <memory>

namespace punctual {

class JobStore;
class MainWindow;
class Scheduler;

class Application final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    explicit Application(StoreLocation location, QObject *parent = nullptr);
    ~Application() override;

    /// Opens the store and starts scheduling; the error says why it cannot (the store is left as it was).
    Result<void> start();
    /// Shows the window (raised, when it exists already).
    void showWindow(bool minimized);
    /// Asks about running jobs, stops the scheduler and quits the event loop once it has stopped; false when the
    /// user chose to stay.
    bool quit();

protected:
    /// Closing the window quits (until the tray runner keeps Punctual alive without it).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    StoreLocation m_location;
    SystemClock m_clock;
    FunctionRegistry m_functions;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<MainWindow> m_window;
    bool m_quitting = false;
};

} // namespace punctual
