// The job table's view: whole rows for the keyboard (Home/End go to the first/last job, Tab selects a row).
#pragma once

#include <QTableView>

namespace punctual {

/**
 * A QTableView for a list of rows: Home and End (with or without Ctrl) move to the first and last row, keeping the
 * column, instead of the first and last column; focus coming in by Tab, Backtab or a shortcut with no row selected
 * selects the current row (the first one when none is current), so Enter, Delete and Ctrl+R act on what is seen.
 */
class JobTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTableView)

public:
    explicit JobTableView(QWidget *parent = nullptr);

    /// Makes the first row current and selected when no row is (nothing when the table is empty).
    void selectFirstRowIfNone();

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    QItemSelectionModel::SelectionFlags selectionCommand(const QModelIndex &index,
                                                         const QEvent *event = nullptr) const override;
    void focusInEvent(QFocusEvent *event) override;
};

} // namespace punctual
