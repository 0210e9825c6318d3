// SparklineDelegate: bars of the last durations, and their tooltip in words.
#include "sparklinedelegate.h"

#include "models/joblistmodel.h"
#include "models/runpresentation.h"
#include "stats/jobstatisticscache.h"
#include "stats/statisticstext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace punctual {

SparklineDelegate::SparklineDelegate(JobStatisticsCache &cache, QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_cache(cache)
{
    connect(&cache, &JobStatisticsCache::statisticsChanged, view, [view] { view->viewport()->update(); });
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and selection

    const JobStatistics *stats = m_cache.statistics(index.data(JobListModel::JobIdRole).toString());
    if (!stats || stats->durations.isEmpty())
        return;
    const QRect area = option.rect.adjusted(4, 3, -4, -3);
    if (area.width() < 4 || area.height() < 2)
        return;
    std::int64_t longest = 1;
    for (const RunDuration &run : stats->durations)
        longest = std::max(longest, run.durationMs);
    // Slots for sparklinePoints bars, filled from the right: one glance compares the newest runs of every row.
    const qsizetype shown = std::min<qsizetype>(stats->durations.size(), sparklinePoints);
    const double slot = double(area.width()) / sparklinePoints;
    const double barWidth = std::max(1.0, slot - (slot >= 3 ? 1.0 : 0.0));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (qsizetype i = 0; i < shown; ++i) {
        const RunDuration &run = stats->durations[stats->durations.size() - shown + i];
        const double height = std::max(2.0, double(area.height()) * double(run.durationMs) / double(longest));
        const double x = area.right() + 1 - (shown - i) * slot;
        painter->fillRect(QRectF(x, area.bottom() + 1 - height, barWidth, height),
                          outcomeColor(run.outcome, option.palette));
    }
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 2 * sparklinePoints + 8)); // two pixels a bar
    return size;
}

bool SparklineDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                  const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const JobStatistics *stats = m_cache.statistics(index.data(JobListModel::JobIdRole).toString());
    if (!stats) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), trendSummary(*stats), view, option.rect);
    return true;
}

} // namespace punctual
