// The scheduler instances sharing the store (PostgreSQL): id, host, last heartbeat, alive or expired.
#pragma once

#include <QDialog>
#include <QTimer>

class QLabel;
class QTableWidget;

namespace punctual {

class Clock;
class Scheduler;

/**
 * Lists Scheduler::instances() (one small query, on open, on Refresh and every refreshMs while shown). For a store
 * only one scheduler uses (SQLite) it says so instead.
 */
class InstancesDialog final : public QDialog
{
    Q_OBJECT

public:
    static constexpr int refreshMs = 5000;

    enum Column
    {
        IdColumn,
        HostColumn,
        PidColumn,
        HeartbeatColumn,
        StateColumn,
        ColumnCount,
    };

    InstancesDialog(Scheduler &scheduler, const Clock &clock, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    /// Reads the instances again.
    void reload();

private:
    Scheduler &m_scheduler;
    const Clock &m_clock;
    QLabel *m_summary;
    QTableWidget *m_table;
    QTimer m_refresh;
};

} // namespace punctual
