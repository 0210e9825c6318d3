// The job table's view: whole rows for the keyboard.
#include "jobtableview.h"

#include <QFocusEvent>
#include <QKeyEvent>
#include <QItemSelectionModel>

namespace punctual {

JobTableView::JobTableView(QWidget *parent)
    : QTableView(parent)
{
}

void JobTableView::selectFirstRowIfNone()
{
    if (!model() || !selectionModel() || model()->rowCount() == 0 || selectionModel()->hasSelection())
        return;
    QModelIndex current = currentIndex();
    if (!current.isValid())
        current = model()->index(0, 0);
    selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(current);
}

QModelIndex JobTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    // A table of jobs is read by rows: Home and End are the first and last job, as in a file manager's list.
    if ((cursorAction == MoveHome || cursorAction == MoveEnd) && model() && model()->rowCount() > 0) {
        const int column = currentIndex().isValid() ? currentIndex().column() : 0;
        const int row = cursorAction == MoveHome ? 0 : model()->rowCount() - 1;
        return model()->index(row, column);
    }
    return QTableView::moveCursor(cursorAction, modifiers);
}

QItemSelectionModel::SelectionFlags JobTableView::selectionCommand(const QModelIndex &index, const QEvent *event) const
{
    // Ctrl+Home and Ctrl+End move the current row without selecting it in a QTableView (Ctrl is for picking rows
    // one by one): here they go to the first and last job, as Home and End do.
    if (event && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<const QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Home || key->key() == Qt::Key_End) && key->modifiers() == Qt::ControlModifier)
            return QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows;
    }
    return QTableView::selectionCommand(index, event);
}

void JobTableView::focusInEvent(QFocusEvent *event)
{
    QTableView::focusInEvent(event);
    // A click selects what it hits by itself; focus from the keyboard selects the row the cursor is on.
    if (event->reason() != Qt::MouseFocusReason)
        selectFirstRowIfNone();
}

} // namespace punctual
