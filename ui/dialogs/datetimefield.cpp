// DateTimeField: a separator right after an automatic move to the next section is not a second move.
#include "datetimefield.h"

#include <QKeyEvent>

namespace punctual {

DateTimeField::DateTimeField(QWidget *parent)
    : QDateTimeEdit(parent)
{
    setTimeSpec(Qt::UTC);
    setCalendarPopup(true);
    setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void DateTimeField::keyPressEvent(QKeyEvent *event)
{
    const QString text = event->text();
    const bool separator = text.size() == 1 && !text.at(0).isDigit() && text.at(0).isPrint();
    if (separator && std::exchange(m_movedOn, false)) {
        event->accept(); // the section moved on already when the one before was full
        return;
    }
    const int section = currentSectionIndex();
    QDateTimeEdit::keyPressEvent(event);
    m_movedOn = text.size() == 1 && text.at(0).isDigit() && currentSectionIndex() == section + 1;
}

void DateTimeField::focusInEvent(QFocusEvent *event)
{
    m_movedOn = false;
    QDateTimeEdit::focusInEvent(event);
}

} // namespace punctual
