// The job search field: Escape clears it, Down goes on to the list.
#pragma once

#include <QLineEdit>

namespace punctual {

/**
 * A QLineEdit for searching a list below it. Escape clears the text (an empty field lets Escape through, to the
 * window); Down asks to move to the list (downPressed()), as in a browser's address bar.
 */
class SearchField final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchField)

public:
    explicit SearchField(QWidget *parent = nullptr);

signals:
    /// Down was pressed: the list should take the focus, its first row selected.
    void downPressed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace punctual
