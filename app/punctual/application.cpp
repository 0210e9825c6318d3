// The desktop application's wiring and shutdown.
#include "application.h"

#include "executors/builtinfunctions.h"
#include "mainwindow.h"
#include "scheduler/scheduler.h"
#include "store/jobstore.h"

#include <QApplication>
#include <QEvent>
#include <QMessageBox>

namespace punctual {

Application::Application(StoreLocation location, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
{
    registerBuiltinFunctions(m_functions);
}

Application::~Application()
{
    m_window.reset();
    m_scheduler.reset(); // before the store it uses
}

Result<void> Application::start()
{
    auto store = m_location.open();
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    m_scheduler = std::make_unique<Scheduler>(*m_store, m_clock, m_functions);
    if (auto started = m_scheduler->start(); !started)
        return started.error();

    // The list is read on a worker thread through a connection of its own.
    const StoreLocation location{m_location.resolvedPath(), true};
    MainWindow::Services services{*m_scheduler, m_clock, m_functions, [location] { return location.open(); },
                                  m_store->describe()};
    m_window = std::make_unique<MainWindow>(services);
    m_window->installEventFilter(this);
    return {};
}

void Application::showWindow(bool minimized)
{
    if (minimized) {
        m_window->showMinimized();
        return;
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

bool Application::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window.get() && event->type() == QEvent::Close && !m_quitting) {
        if (!quit()) {
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

bool Application::quit()
{
    const int running = m_scheduler->runningCount();
    if (running > 0
        && QMessageBox::question(m_window.get(), tr("Quit Punctual"),
                                 tr("%n job(s) are still running. Stop them and quit?", nullptr, running),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Yes)
        return false;
    m_quitting = true;
    connect(m_scheduler.get(), &Scheduler::shutDown, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    m_scheduler->shutdown(Scheduler::ShutdownMode::StopRuns);
    return true;
}

} // namespace punctual
