// The run history of one job, newest first, kept current from the scheduler's run signals.
#pragma once

#include "jobs/runrecord.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

#include <array>

namespace punctual {

class Clock;
class SchedulerClient;

/**
 * The runs of the job chosen with setJobId(), newest (highest run id) first, at most Scheduler::historyLimit()
 * of them, as the scheduler keeps. A run that starts is inserted at the top as running; when it ends, its own
 * row (same run id) changes; missed and skipped runs come in at their place. Removing the job empties the model.
 * Times are local: "14:55:00" today, with the date otherwise; the start with milliseconds ("14:55:00.002").
 * A DayChangeTimer repaints the times when "today" changes.
 */
class RunHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunHistoryModel)

public:
    enum Column
    {
        OutcomeColumn,
        ReasonColumn, ///< why it ran: "Scheduled", "Catch-up", "Run now", "Retry", "Chained (after run 12)", "Backfill"
        ScheduledColumn,
        StartedColumn,
        DurationColumn,
        ExitCodeColumn,
        InstanceColumn, ///< the scheduler instance that ran it (several share a PostgreSQL store)
        MessageColumn,
        ColumnCount,
    };

    enum Role
    {
        RunIdRole = Qt::UserRole, ///< qint64: the run's id, in every column
    };

    /// The model uses @p scheduler and @p clock without owning them; they must outlive it.
    explicit RunHistoryModel(SchedulerClient &scheduler, const Clock &clock, QObject *parent = nullptr);
    ~RunHistoryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Shows the history of job @p id (asked of the host even if it is the same job; the rows come with its answer,
    /// then loaded()); an empty id empties the model. A failing request empties it too and emits loadFailed().
    void setJobId(const QString &id);
    QString jobId() const { return m_jobId; }

    /// The run of @p row (with its output), or nullptr.
    const RunRecord *runAt(int row) const;
    /// The row of run @p runId, or -1.
    int rowOfRun(std::int64_t runId) const;

signals:
    void loadFailed(const QString &message);
    /// The history asked for by setJobId() came.
    void loaded();

private:
    void onRun(const RunRecord &run);
    /// Appends output of a run going now to its row (the host streams it).
    void onRunOutput(qint64 runId, const QString &jobId, const QString &text);
    void onJobRemoved(const QString &id);
    void clear();
    /// Where a run with @p runId is, or would go (rows are by id, descending).
    qsizetype positionOf(std::int64_t runId) const;
    void onDayChanged();
    QVariant displayData(const RunRecord &run, int column) const;
    QVariant toolTipData(const RunRecord &run, int column) const;
    static QString reasonText(const RunRecord &run);
    const QIcon &icon(RunOutcome outcome) const;

    SchedulerClient &m_scheduler;
    int m_loadSerial = 0; ///< answers to older setJobId() requests are dropped
    const Clock &m_clock;
    QString m_jobId;
    QList<RunRecord> m_runs; ///< newest first
    mutable std::array<QIcon, static_cast<std::size_t>(RunOutcome::ConditionTimeout) + 1> m_icons; ///< one per outcome
};

} // namespace punctual
