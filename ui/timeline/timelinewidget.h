// View › Timeline: the timeline with its zoom control and buttons to move through time, shown in place of the
// job table (MainWindow puts it there).
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QItemSelectionModel;

namespace punctual {

class Clock;
class JobListModel;
class SchedulerClient;
class TimelineModel;
class TimelineView;

class TimelineWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineWidget)

public:
    /// Rows from @p rows (the table's proxy over @p jobs); runs asked of @p scheduler; now from @p clock.
    TimelineWidget(SchedulerClient &scheduler, const Clock &clock, JobListModel &jobs, QAbstractItemModel &rows,
                   QItemSelectionModel *selection, QWidget *parent = nullptr);
    ~TimelineWidget() override;

    TimelineView *view() const { return m_view; }
    TimelineModel *model() const { return m_model; }
    QComboBox *zoomBox() const { return m_zoom; }

private:
    void showSpanInBox();

    TimelineModel *m_model;
    TimelineView *m_view;
    QComboBox *m_zoom;
};

} // namespace punctual
