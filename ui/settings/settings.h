// The user's preferences, typed, over the application's one QSettings store (and the XDG autostart entry).
#pragma once

#include "control/hostlaunch.h"
#include "jobs/job.h"
#include "util/result.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>

namespace punctual {

/// The kinds of run the tray tells about (each can be switched off).
enum class NotificationKind
{
    Failure, ///< a run failed (non-zero exit, crash, function error)
    Missed,  ///< a run was missed (later than its misfire grace time)
    Timeout, ///< a run was killed after the job's timeout
};

/// How the window looks (Settings › Appearance; ui/settings/appearance.h applies it).
enum class ColorScheme
{
    System, ///< the platform's style and palette
    Light,  ///< Fusion, light
    Dark,   ///< Fusion with a dark palette
};

/// The main window's layout as Qt saves it: opaque states, given back to the widgets that made them.
struct WindowLayout
{
    QByteArray geometry;        ///< QWidget::saveGeometry()
    QByteArray state;           ///< QMainWindow::saveState(): tool bars
    QByteArray columns;         ///< the job table's header (QHeaderView::saveState())
    QByteArray splitter;        ///< job list above, run history below
    QByteArray historySplitter; ///< the run history pane's own splitter
};

/**
 * Every preference Punctual keeps, with its type and default, over one QSettings store (the application's:
 * organisation and application name, or a given file for tests). Nothing else in ui/ or app/ names a key.
 *
 * Keys: Startup is not a key but the systemd user unit's state or the XDG autostart entry itself (autostart.h), so
 * `systemctl --user disable punctual.service` or removing that file by hand is seen here; Notifications/failure, Notifications/missed, Notifications/timeout (bool, default true);
 * History/runsPerJob (int, default 100, Scheduler::setHistoryLimit); NewJobs/options (the JobOptions JSON of a
 * job, default APScheduler's defaults); Interface/language (a locale name such as "de" or "zh_CN"; empty: the
 * system's); Store/location (the job store, read at start-up by both apps: app/common/configuredstore.h);
 * Tray/closeMessageShown (bool: the "still running in the tray" message was shown once);
 * MainWindow/geometry, MainWindow/state, MainWindow/columns, MainWindow/splitter, MainWindow/historySplitter
 * (WindowLayout, see windowLayout()).
 */
class Settings final
{
public:
    static constexpr int defaultHistoryLimit = 100;
    static constexpr int maxHistoryLimit = 100'000;

    /// The application's store: ~/.config/punctual/punctual.conf (organisation and application "punctual").
    Settings();
    /// An INI file (tests).
    explicit Settings(const QString &iniFile);
    ~Settings();
    Q_DISABLE_COPY_MOVE(Settings)

    /// How the scheduler host of @p store starts at login: hostLaunchFor() against the store these settings choose
    /// (the systemd user unit, or an XDG autostart entry running punctualctl).
    HostLaunch loginLaunch(const StoreLocation &store) const;
    /// Whether the host of @p store starts at login (autostart::isEnabled()).
    bool startAtLogin(const StoreLocation &store) const;
    /// Makes the host of @p store start at login (autostart::enable()), or nothing (autostart::disable()).
    Result<void> setStartAtLogin(bool on, const StoreLocation &store);

    bool notifies(NotificationKind kind) const;
    void setNotifies(NotificationKind kind, bool on);

    /// Runs kept per job in the history (Scheduler::setHistoryLimit), 1 to maxHistoryLimit.
    int historyLimit() const;
    void setHistoryLimit(int runsPerJob);

    /// The options a new job starts with in the job editor.
    JobOptions defaultJobOptions() const;
    void setDefaultJobOptions(const JobOptions &options);

    /// The interface language ("" for the system's), applied at start-up (language::apply(); `punctual --lang`
    /// overrides it for one run).
    QString language() const;
    void setLanguage(const QString &code);

    /// The job store the window (and punctualctl) opens when none is given on the command line: "" for the
    /// default SQLite file, an SQLite path, or a store URL (StoreLocation::fromUserText()); applied at start-up.
    QString storeLocation() const;
    /// Store/runJobsHere (default false): on a shared PostgreSQL store, whether this computer runs the jobs too
    /// (a host of its own), or only manages them (a managing host: `punctualctl run --manage-only`). A SQLite
    /// store's jobs always run here.
    bool runsJobsHere() const;
    void setRunsJobsHere(bool runs);
    void setStoreLocation(const QString &text);

    /// Whether the "Punctual keeps running in the tray" message has been shown (it is shown once).
    bool trayMessageShown() const;
    void setTrayMessageShown(bool shown);

    /// The main window's layout saved at its last close (empty states when none was). Static: it lives in the
    /// store QCoreApplication's organisation and application names choose, as it always has; for the app that
    /// is the same file as Settings(), and tests that name another application keep theirs apart.
    static WindowLayout windowLayout();
    static void setWindowLayout(const WindowLayout &layout);

    /// Interface/colorScheme ("system", "light" or "dark"; default system): applied at start-up and when changed.
    ColorScheme colorScheme() const;
    void setColorScheme(ColorScheme scheme);
    /// MainWindow/durationTrend (default false): whether the job table shows its Duration trend column. Static and
    /// in the window's store, as windowLayout().
    static bool showsDurationTrend();
    static void setShowsDurationTrend(bool shown);

    /// Writes pending changes to disk.
    void sync();

    /// View › Timeline: whether the timeline shows in place of the job table, and the span it shows (ms; 0: not
    /// saved yet). Static and beside the window's layout, like windowLayout().
    static bool timelineShown();
    static void setTimelineShown(bool shown);
    static std::int64_t timelineSpanMs();
    static void setTimelineSpanMs(std::int64_t spanMs);
    /// Output/wrapLines (default false): whether the run output pane wraps long lines. Static, like
    /// windowLayout(): the pane keeps it without a Settings of its own.
    static bool outputWrapsLines();
    static void setOutputWrapsLines(bool wrap);

private:
    std::unique_ptr<QSettings> m_store;
};

} // namespace punctual
