// Filters the job table by search words and state, and sorts it with the model's own fast comparisons.
#pragma once

#include "jobs/jobfilter.h"
#include "models/joblistmodel.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace punctual {

/**
 * The view's model over a JobListModel: rows pass JobFilter::matches() (the model's cached schedule texts keep a
 * key press cheap on 100,000 jobs) and sort with JobListModel::lessThan(), never through QVariant. Dynamic
 * sorting and filtering are on, so a job whose next run moves, or whose state changes, moves to its new place.
 * The window filters by state with setStateFilter(), on what the State column shows (a job running or waiting to
 * retry is neither Scheduled nor Paused there); JobFilter::state, the job's stored state, is for other callers.
 */
class JobFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFilterProxyModel)

public:
    explicit JobFilterProxyModel(QObject *parent = nullptr);

    /// Must be a JobListModel (any other model shows no rows).
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    JobListModel *jobListModel() const { return m_jobs; }

    void setFilter(const JobFilter &filter);
    const JobFilter &filter() const { return m_filter; }
    /// Only rows whose State column shows @p state (JobListModel::shownState()); none: every state.
    void setStateFilter(std::optional<JobListModel::ShownState> state);
    std::optional<JobListModel::ShownState> stateFilter() const { return m_state; }
    /// Only jobs whose last run failed or timed out (the window's "Failed"); with a state filter, both must hold.
    void setFailedFilter(bool failedOnly);
    bool failedFilter() const { return m_failedOnly; }

    /// Lets the model prepare integer sort keys for @p column first (JobListModel::prepareSort()).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    JobListModel *m_jobs = nullptr;
    JobFilter m_filter;
    std::optional<JobListModel::ShownState> m_state;
    bool m_failedOnly = false;
};

} // namespace punctual
