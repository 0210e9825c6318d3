// The scheduler instances sharing the store (PostgreSQL): id, host, last heartbeat, alive or expired.
#pragma once

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

class QLabel;
class QTableWidget;

namespace punctual {

class Clock;
class SchedulerClient;

/**
 * The scheduler hosts of the store: on SQLite the one this window is attached to (its pid, start and how it was
 * started: systemd unit, detached by the window, a terminal); on a shared PostgreSQL store every instance (the
 * host's "instances", asked on open, on Refresh and every refreshMs while shown), this one marked.
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
        StartedColumn,
        StartedByColumn,
        HeartbeatColumn,
        StateColumn,
        ColumnCount,
    };

    InstancesDialog(SchedulerClient &scheduler, const Clock &clock, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    /// Reads the instances again.
    void reload();

signals:
    /// The rows are shown (after each reload's answer).
    void loaded();

private:
    void showInstances(const QJsonArray &instances);
    /// The host this window is attached to, as a row (pid and start from its status).
    QJsonObject thisInstance() const;

    SchedulerClient &m_scheduler;
    const Clock &m_clock;
    QLabel *m_summary;
    QTableWidget *m_table;
    QTimer m_refresh;
};

} // namespace punctual
