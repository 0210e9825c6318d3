// Help › User manual (F1): the manual compiled in, with a find bar.
#include "manualwindow.h"

#include <QAction>
#include <QFile>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace punctual {

namespace {

/// Enter and Shift+Enter in the find field find the next and previous match; Escape closes the bar.
class FindKeys final : public QObject
{
public:
    FindKeys(ManualWindow *window, QWidget *bar) : QObject(bar), m_window(window), m_bar(bar) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return QObject::eventFilter(watched, event);
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            m_window->find(m_window->findEdit()->text(), key->modifiers() & Qt::ShiftModifier);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_bar->hide();
            m_window->browser()->setFocus();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    ManualWindow *m_window;
    QWidget *m_bar;
};

} // namespace

ManualWindow::ManualWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_browser(new QTextBrowser(this))
    , m_findBar(new QWidget(this))
    , m_find(new QLineEdit(m_findBar))
    , m_findStatus(new QLabel(m_findBar))
{
    setObjectName(QStringLiteral("manualWindow"));
    setWindowTitle(tr("Punctual User Manual"));
    resize(760, 640);

    m_browser->setObjectName(QStringLiteral("manualBrowser"));
    m_browser->setAccessibleName(tr("User manual"));
    m_browser->setOpenExternalLinks(true);
    // The other docs pages are compiled in beside it: a link to one opens here, Alt+Left comes back.
    if (QFile::exists(QStringLiteral(":/manual/manual.md")))
        m_browser->setSource(QUrl(QStringLiteral("qrc:/manual/manual.md")), QTextDocument::MarkdownResource);
    else
        m_browser->setPlainText(tr("The manual is missing from this build."));

    m_find->setObjectName(QStringLiteral("manualFindEdit"));
    m_find->setAccessibleName(tr("Find in the manual"));
    m_find->setPlaceholderText(tr("Find in the manual"));
    m_find->setClearButtonEnabled(true);
    m_find->installEventFilter(new FindKeys(this, m_findBar));
    m_findStatus->setObjectName(QStringLiteral("manualFindStatus"));
    auto *next = new QToolButton(m_findBar);
    next->setText(tr("Next"));
    next->setAccessibleName(tr("Find the next match"));
    connect(next, &QToolButton::clicked, this, [this] { find(m_find->text()); });
    auto *previous = new QToolButton(m_findBar);
    previous->setText(tr("Previous"));
    previous->setAccessibleName(tr("Find the previous match"));
    connect(previous, &QToolButton::clicked, this, [this] { find(m_find->text(), true); });
    connect(m_find, &QLineEdit::textEdited, this, [this](const QString &text) {
        // As-you-type from where the last match began, so a longer word keeps its place.
        QTextCursor cursor = m_browser->textCursor();
        cursor.setPosition(cursor.selectionStart());
        m_browser->setTextCursor(cursor);
        find(text);
    });
    auto *barLayout = new QHBoxLayout(m_findBar);
    barLayout->setContentsMargins(6, 4, 6, 4);
    barLayout->addWidget(new QLabel(tr("Find:"), m_findBar));
    barLayout->addWidget(m_find, 1);
    barLayout->addWidget(previous);
    barLayout->addWidget(next);
    barLayout->addWidget(m_findStatus);
    m_findBar->hide();

    auto *findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WindowShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_findBar->show();
        m_find->setFocus();
        m_find->selectAll();
    });
    addAction(findAction);
    auto *closeAction = new QAction(tr("Close"), this);
    closeAction->setShortcut(QKeySequence::Close);
    closeAction->setShortcutContext(Qt::WindowShortcut);
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    addAction(closeAction);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_findBar);
}

bool ManualWindow::find(const QString &text, bool backwards)
{
    if (text.isEmpty()) {
        m_findStatus->clear();
        return false;
    }
    const QTextDocument::FindFlags flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_browser->find(text, flags)) {
        m_findStatus->clear();
        return true;
    }
    // Wrap around once: from the other end.
    QTextCursor cursor = m_browser->textCursor();
    cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_browser->setTextCursor(cursor);
    const bool found = m_browser->find(text, flags);
    m_findStatus->setText(found ? tr("Wrapped around") : tr("Not found"));
    return found;
}

} // namespace punctual
