// The main window over a SchedulerHarness, as the app wires it: a SQLite store in a folder of the test's own.
#pragma once

#include "executors/builtinfunctions.h"
#include "mainwindow.h"
#include "store/storelocation.h"
#include "support/hostharness.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace punctual::test {

/**
 * A HostHarness whose store is a fresh SQLite file per set-up (in m_dir) and whose functions are the built-in ones,
 * with a MainWindow (m_window) given the host's client, the clock, the functions and a way to open the store
 * read-only, as the app gives them. The window runs nothing itself: the test's host (m_scheduler) does, and the
 * window follows it through the real socket, so a change made in the window reaches m_scheduler only when the
 * host has answered (QTRY_*, or syncClient()). A GUI suite inherits it (after QObject), calls setUpWindow() in
 * init() and tearDownWindow() in cleanup(); showing the window is left to the suite.
 */
class MainWindowHarness : public HostHarness
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
        m_storePath = path;
        setUpScheduler(startMs, StoreLocation::fromPath(path).open().value());
        QVERIFY(m_scheduler->start());
        setUpHost();
        MainWindow::Services services{*m_client, m_clock, m_functions,
                                      [path] { return StoreLocation::fromPath(path).openReadOnly(); },
                                      m_store->describe()};
        m_window = std::make_unique<MainWindow>(services);
    }
    void tearDownWindow()
    {
        m_window.reset();
        tearDownHost();
        tearDownScheduler();
    }

protected:
    QTemporaryDir m_dir;
    QString m_storePath; ///< the store file of the last set-up
    std::unique_ptr<MainWindow> m_window;

private:
    int m_storeNumber = 0;
};

} // namespace punctual::test
