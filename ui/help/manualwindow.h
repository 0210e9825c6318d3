// Help › User manual (F1): docs/manual.md, compiled in, shown in a window of its own with a find bar.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTextBrowser;

namespace punctual {

/**
 * The user manual (":/manual/manual.md", docs/manual.md) as formatted text in a QTextBrowser (markdown). The docs
 * pages it links to are compiled in beside it and open in the same browser (Alt+Left goes back); web links open in
 * the system's browser. Ctrl+F shows a find bar: Enter finds the next match, Shift+Enter the previous one, Escape
 * hides it. Object names manualWindow, manualBrowser, manualFindEdit.
 */
class ManualWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManualWindow)

public:
    explicit ManualWindow(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }
    QLineEdit *findEdit() const { return m_find; }
    /// Finds @p text after the cursor (before it when @p backwards), wrapping around; false when it is nowhere.
    bool find(const QString &text, bool backwards = false);

private:
    QTextBrowser *m_browser;
    QWidget *m_findBar;
    QLineEdit *m_find;
    QLabel *m_findStatus;
};

} // namespace punctual
