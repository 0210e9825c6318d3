// The job table's filter and sort proxy.
#include "jobfilterproxymodel.h"

#include "joblistmodel.h"

namespace punctual {

JobFilterProxyModel::JobFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(JobListModel::SortRole); // what a sort falls back to if the model is not a JobListModel
}

void JobFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_jobs)
        disconnect(m_jobs, nullptr, this, nullptr);
    m_jobs = qobject_cast<JobListModel *>(sourceModel);
    if (m_jobs) {
        // Connected before the base class connects its own handler, so this runs first: after a reset the proxy
        // sorts all rows again, and finds the keys ready.
        connect(m_jobs, &QAbstractItemModel::modelReset, this, [this] {
            if (sortColumn() >= 0)
                m_jobs->prepareSort(sortColumn());
        });
    }
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void JobFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_jobs && column >= 0)
        m_jobs->prepareSort(column);
    QSortFilterProxyModel::sort(column, order);
}

void JobFilterProxyModel::setFilter(const JobFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

void JobFilterProxyModel::setStateFilter(std::optional<JobListModel::ShownState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

void JobFilterProxyModel::setFailedFilter(bool failedOnly)
{
    if (failedOnly == m_failedOnly)
        return;
    m_failedOnly = failedOnly;
    invalidateFilter();
}

bool JobFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_jobs)
        return false;
    if (m_failedOnly) {
        const RunRecord *last = m_jobs->lastRunAt(sourceRow);
        if (!last || (last->outcome != RunOutcome::Failed && last->outcome != RunOutcome::TimedOut))
            return false;
    }
    return m_jobs->matches(sourceRow, m_filter, m_state);
}

bool JobFilterProxyModel::lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const
{
    if (!m_jobs)
        return QSortFilterProxyModel::lessThan(sourceLeft, sourceRight);
    return m_jobs->lessThan(sourceLeft.row(), sourceRight.row(), sourceLeft.column());
}

} // namespace punctual
