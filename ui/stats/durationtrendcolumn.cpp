// DurationTrendColumn: the Duration trend column's parts, and its remembered visibility.
#include "durationtrendcolumn.h"

#include "models/joblistmodel.h"
#include "settings/settings.h"
#include "stats/jobstatisticscache.h"
#include "stats/sparklinedelegate.h"
#include "stats/statisticstext.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QHeaderView>
#include <QTableView>

namespace punctual {

DurationTrendColumn::DurationTrendColumn(SchedulerClient &scheduler, QTableView *view, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_cache(new JobStatisticsCache(scheduler, sparklinePoints, this))
    , m_action(new QAction(tr("Duration &trend"), this))
{
    setObjectName(QStringLiteral("durationTrendColumn"));
    view->setItemDelegateForColumn(JobListModel::TrendColumn, new SparklineDelegate(*m_cache, view));
    m_action->setObjectName(QStringLiteral("durationTrendAction"));
    m_action->setCheckable(true);
    m_action->setToolTip(tr("Show the last runs' durations as small bars in the job table"));
    QHeaderView *header = view->horizontalHeader();
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    header->addAction(m_action);
    header->resizeSection(JobListModel::TrendColumn, 2 * sparklinePoints + 24);
    // Screen readers hear the tooltip's words for the cell (painted bars have no text of their own).
    QAbstractItemModel *shown = view->model();
    if (auto *proxy = qobject_cast<QAbstractProxyModel *>(shown))
        shown = proxy->sourceModel();
    if (auto *model = qobject_cast<JobListModel *>(shown))
        model->setTrendText([cache = m_cache](const QString &jobId) {
            const JobStatistics *stats = cache->statistics(jobId);
            return stats ? trendSummary(*stats) : QString();
        });
    setShown(Settings::showsDurationTrend());
    connect(m_action, &QAction::toggled, this, &DurationTrendColumn::setShown);
}

void DurationTrendColumn::setShown(bool shown)
{
    QHeaderView *header = m_view->horizontalHeader();
    // Shown at the end it would start beyond the right edge of a window of the default size: beside the last
    // result instead (once; where the user drags it afterwards is kept with the header's state).
    if (shown && header->isSectionHidden(JobListModel::TrendColumn)
        && header->visualIndex(JobListModel::TrendColumn) == header->count() - 1)
        header->moveSection(header->visualIndex(JobListModel::TrendColumn),
                            header->visualIndex(JobListModel::LastResultColumn) + 1);
    header->setSectionHidden(JobListModel::TrendColumn, !shown);
    if (shown && header->sectionSize(JobListModel::TrendColumn) < 2 * sparklinePoints)
        header->resizeSection(JobListModel::TrendColumn, 2 * sparklinePoints + 24);
    m_action->setChecked(shown);
    if (Settings::showsDurationTrend() != shown)
        Settings::setShowsDurationTrend(shown);
}

} // namespace punctual
