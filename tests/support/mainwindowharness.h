// The main window over a SchedulerHarness, as the app wires it: a SQLite store in a folder of the test's own.
#pragma once

#include "executors/builtinfunctions.h"
#include "mainwindow.h"
#include "store/storelocation.h"
#include "support/schedulerharness.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace punctual::test {

/**
 * A SchedulerHarness whose store is a fresh SQLite file per set-up (in m_dir) and whose functions are the
 * built-in ones, with a MainWindow (m_window) given the scheduler, the clock, the functions and a way to open the
 * store again, as the app gives them. A GUI suite inherits it (after QObject), calls setUpWindow() in init() and
 * tearDownWindow() in cleanup(); showing the window is left to the suite.
 */
class MainWindowHarness : public SchedulerHarness
{
public:
    static constexpr std::int64_t startMs = 1'800'000'000'000; ///< 2027-01-15T08:00:00Z

    MainWindowHarness() { registerBuiltinFunctions(m_functions); }
    ~MainWindowHarness() { tearDownWindow(); } // the store closes before m_dir goes

    /// The clock at startMs, a new store file, the scheduler over it started, and the window (not shown yet);
    /// m_window stays null when the scheduler does not start (the test has failed then).
    void setUpWindow()
    {
        const QString path = m_dir.filePath(QStringLiteral("jobs-%1.db").arg(++m_storeNumber));
        setUpScheduler(startMs, StoreLocation::fromPath(path).open().value());
        QVERIFY(m_scheduler->start());
        MainWindow::Services services{*m_scheduler, m_clock, m_functions,
                                      [path] { return StoreLocation::fromPath(path).open(); }, m_store->describe()};
        m_window = std::make_unique<MainWindow>(services);
    }
    void tearDownWindow()
    {
        m_window.reset();
        tearDownScheduler();
    }

protected:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

private:
    int m_storeNumber = 0;
};

} // namespace punctual::test
