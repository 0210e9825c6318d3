// The job search field: Escape clears it, Down goes on to the list.
#include "searchfield.h"

#include <QKeyEvent>

namespace punctual {

SearchField::SearchField(QWidget *parent)
    : QLineEdit(parent)
{
}

void SearchField::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        if (event->key() == Qt::Key_Escape && !text().isEmpty()) {
            clear();
            event->accept();
            return;
        }
        if (event->key() == Qt::Key_Down) {
            emit downPressed();
            event->accept();
            return;
        }
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace punctual
