// The job table's optional Duration trend column: its statistics cache, its delegate, and the switch that shows it.
#pragma once

#include <QObject>

class QAction;
class QTableView;

namespace punctual {

class JobStatisticsCache;
class SchedulerClient;
class SparklineDelegate;

/**
 * Puts a SparklineDelegate on @p view's JobListModel::TrendColumn, fed by a JobStatisticsCache of its own, and a
 * checkable action (object name durationTrendAction, in View › Columns and the header's context menu) that shows or
 * hides the column. Hidden by default; the choice is remembered (Settings::showsDurationTrend()) and applied here.
 */
class DurationTrendColumn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DurationTrendColumn)

public:
    DurationTrendColumn(SchedulerClient &scheduler, QTableView *view, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    JobStatisticsCache *cache() const { return m_cache; }
    /// Shows or hides the column, and remembers it.
    void setShown(bool shown);

private:
    QTableView *m_view;
    JobStatisticsCache *m_cache;
    QAction *m_action;
};

} // namespace punctual
