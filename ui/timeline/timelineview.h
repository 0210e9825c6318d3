// The timeline: a row per job of the job table (same order and filter), time across, runs as bars, coming fire
// times as ticks; mouse, keyboard and screen-reader access.
#pragma once

#include "jobs/runrecord.h"
#include "timelinemodel.h"
#include "timelinescale.h"

#include <QAbstractScrollArea>
#include <QPointer>
#include <QTimer>

#include <optional>

class QAbstractItemModel;
class QItemSelectionModel;

namespace punctual {

class Job;
class JobListModel;

/// One thing drawn in a row: a run (a bar, or a mark for one that never ran) or a coming fire time (a tick).
struct TimelineItem
{
    enum class Kind
    {
        Run,
        Tick,
    };
    Kind kind = Kind::Run;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0; ///< == startMs for marks and ticks; now for a run going
    RunRecord run;          ///< Kind::Run
    int lane = 0;           ///< overlapping runs of one job are stacked in lanes
    int lanes = 1;

    /// A run that did not run: drawn as a mark, not a bar.
    bool isMark() const;
    /// "r17" for run 17, "t1800000000000" for a fire time: stays the same while the view scrolls.
    QString key() const;
};

/**
 * The rows are those of @p rows (the job table's proxy: its search, filter and order), their jobs read from
 * @p jobs; only the rows shown are read, and only their runs asked for (TimelineModel). A click on a row selects
 * its job (jobChosen), on a run also that run (runChosen). Keys: Up/Down between jobs, Left/Right between the
 * runs and ticks of the job, Home/End the first and last job, PageUp/PageDown, + and - zoom, Enter chooses the run.
 */
class TimelineView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    TimelineView(JobListModel &jobs, QAbstractItemModel &rows, TimelineModel &data, QWidget *parent = nullptr);
    ~TimelineView() override;

    TimelineModel &data() const { return m_data; }
    const TimelineScale &scale() const { return m_scale; }
    /// Shows @p spanMs across (clamped to 1 hour .. 30 days), keeping the middle where it is.
    void setSpan(std::int64_t spanMs);
    void zoomIn();
    void zoomOut();
    /// Scrolls so that now is at a quarter of the width.
    void showNow();
    /// Shows the span starting at @p startMs.
    void setStart(std::int64_t startMs);
    /// The table's selection: selected jobs are highlighted, and its current row is the timeline's.
    void setSelectionModel(QItemSelectionModel *selection);

    int rowCount() const;
    int rowHeight() const { return m_rowHeight; }
    /// The first and last rows shown (last < first when none).
    int firstVisibleRow() const;
    int lastVisibleRow() const;
    QString jobIdAt(int row) const;
    QString jobNameAt(int row) const;
    /// The job of @p row, parsed when shown; nullptr for a row that does not exist.
    const Job *jobAt(int row) const;
    /// What @p row draws in the span shown, by start.
    QList<TimelineItem> items(int row) const;
    /// The rectangle (viewport coordinates) of @p row, and of @p item in it.
    QRect rowRect(int row) const;
    QRect itemRect(int row, const TimelineItem &item) const;
    /// The row at viewport point @p pos (-1: none), and the item there.
    int rowAt(const QPoint &pos) const;
    std::optional<TimelineItem> itemAt(const QPoint &pos) const;
    /// The plain-text tooltip at viewport point @p pos (empty: none).
    QString toolTipAt(const QPoint &pos) const;
    /// What a screen reader says for @p item of @p row: "Nightly backup: Success, Sat 5 Dec 02:30, took 4 min",
    /// "Next run Sun 6 Dec 02:30".
    QString itemName(int row, const TimelineItem &item) const;
    /// The job of @p row for a screen reader: its name, and "paused" or how many runs and fire times show.
    QString rowDescription(int row) const;

    int currentRow() const { return m_currentRow; }
    /// The current item of the current row (keyboard), if it is in the span shown.
    std::optional<TimelineItem> currentItem() const;
    /// Makes @p row current, with the item of @p key (TimelineItem::key(); empty: the one nearest now).
    void setCurrent(int row, const QString &key = {});

    /// Where the time axis begins (the name column is left of it), in viewport coordinates.
    int timeLeft() const { return m_nameWidth; }
    int headerHeight() const { return m_headerHeight; }

signals:
    /// The user chose the job @p jobId (a click on its row, or keys moving to it).
    void jobChosen(const QString &jobId);
    /// The user chose run @p runId of @p jobId (a click on it, or Enter).
    void runChosen(const QString &jobId, qint64 runId);
    /// The span shown changed (zoom or scroll).
    void spanChanged();
    /// The rows, the span or the current item changed (the accessible interface rebuilds its children).
    void contentChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void updateGeometryOfRows();
    void rowsChanged();
    void spanMoved();
    /// Asks for the runs of the rows shown (what the next paint needs).
    void fetchVisible();
    void moveCurrentItem(int step);
    void moveCurrentRow(int row);
    void ensureCurrentVisible();
    void announceCurrent();
    /// What one pass paints: backgrounds first, the grid over them, then what is on it, the header last.
    enum class Pass
    {
        Background,
        Content,
    };
    /// Background: the day and hour lines through the rows; Content: the header with its labels.
    void paintHeader(QPainter &painter, Pass pass) const;
    void paintRow(QPainter &painter, int row, Pass pass) const;
    void paintNowLine(QPainter &painter) const;
    std::int64_t nowMs() const { return m_data.nowMs(); }

    JobListModel &m_jobs;
    QAbstractItemModel &m_rows;
    TimelineModel &m_data;
    QPointer<QItemSelectionModel> m_selection;
    TimelineScale m_scale;
    QTimer m_nowTimer; ///< repaints the now-line while shown
    int m_rowHeight = 24;
    int m_headerHeight = 40;
    int m_nameWidth = 160;
    int m_currentRow = -1;
    QString m_currentKey;
    bool m_following = false; ///< the selection changes because of this view: do not follow it back
    QPoint m_pressPos;
    std::int64_t m_pressStartMs = 0;
    bool m_dragging = false;
};

} // namespace punctual
