// The job table's Duration trend column: the last runs' durations as small bars, coloured by outcome.
#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace punctual {

class JobStatisticsCache;

/**
 * Paints a job's last durations (JobStatisticsCache, JobListModel::JobIdRole of the row) as bars, oldest on the
 * left, each as high as its duration against the longest shown and coloured by outcomeColor(); the newest run is
 * always at the right edge. Its tooltip says the same in words (trendSummary()). Painting asks the cache, so only
 * rows in view are ever fetched; new figures repaint @p view.
 */
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineDelegate)

public:
    SparklineDelegate(JobStatisticsCache &cache, QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    JobStatisticsCache &m_cache;
};

} // namespace punctual
