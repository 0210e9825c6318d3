// The output view: terminal-like rendering (terminaltext.h), hex dump for binary, find bar, wrap, save.
#include "outputview.h"

#include "settings/settings.h"
#include "util/outputbytes.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace punctual {

namespace {

QToolButton *toolButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QChar(0x2026)));
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    return button;
}

} // namespace

OutputView::OutputView(QWidget *parent)
    : QWidget(parent)
    , m_notice(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_findBar(new QWidget(this))
    , m_findField(new QLineEdit(m_findBar))
    , m_previous(toolButton(tr("Previous"), QStringLiteral("findPrevious"), m_findBar))
    , m_next(toolButton(tr("Next"), QStringLiteral("findNext"), m_findBar))
    , m_matches(new QLabel(m_findBar))
    , m_wrap(toolButton(tr("Wrap lines"), QStringLiteral("wrapLines"), this))
    , m_save(toolButton(tr("Save output…"), QStringLiteral("saveOutput"), this))
    , m_find(toolButton(tr("Find…"), QStringLiteral("findInOutput"), this))
{
    m_text->setObjectName(QStringLiteral("runOutput"));
    m_text->setAccessibleName(tr("Run output"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Select a run to see its output"));
    m_text->installEventFilter(this);

    m_notice->setObjectName(QStringLiteral("outputNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();

    m_wrap->setCheckable(true);
    m_wrap->setToolTip(tr("Break long lines at the pane's edge"));
    m_wrap->setChecked(Settings::outputWrapsLines());
    m_save->setToolTip(tr("Write this output to a file, as the job wrote it"));
    m_find->setToolTip(tr("Find text in this output (Ctrl+F)"));

    m_findField->setObjectName(QStringLiteral("findInOutputField"));
    m_findField->setAccessibleName(tr("Find in output"));
    m_findField->setPlaceholderText(tr("Find in output"));
    m_findField->setClearButtonEnabled(true);
    m_findField->installEventFilter(this);
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_next->setToolTip(tr("Next match (Enter)"));
    m_matches->setObjectName(QStringLiteral("findMatches"));
    auto *closeFind = toolButton(tr("Close"), QStringLiteral("closeFind"), m_findBar);
    closeFind->setToolTip(tr("Close the find bar (Escape)"));

    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    findLayout->addWidget(m_findField, 1);
    findLayout->addWidget(m_previous);
    findLayout->addWidget(m_next);
    findLayout->addWidget(m_matches);
    findLayout->addWidget(closeFind);
    m_findBar->hide();

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addStretch(1);
    tools->addWidget(m_find);
    tools->addWidget(m_wrap);
    tools->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(tools);
    layout->addWidget(m_notice);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_findBar);

    const auto applyWrap = [this](bool wrap) {
        m_text->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    };
    applyWrap(m_wrap->isChecked());
    connect(m_wrap, &QToolButton::toggled, this, [applyWrap](bool wrap) {
        applyWrap(wrap);
        Settings::setOutputWrapsLines(wrap);
    });
    connect(m_save, &QToolButton::clicked, this, &OutputView::saveWithDialog);
    connect(m_find, &QToolButton::clicked, this, &OutputView::showFind);
    connect(m_next, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(m_previous, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(closeFind, &QToolButton::clicked, this, [this] {
        m_findBar->hide();
        m_text->setExtraSelections({});
        m_text->setFocus();
    });
    connect(m_findField, &QLineEdit::textChanged, this, [this] {
        updateMatches();
        QTextCursor start = m_text->textCursor();
        start.setPosition(start.selectionStart());
        m_text->setTextCursor(start);
        findNext(false);
    });
    clear();
}

bool OutputView::darkBase() const
{
    return m_text->palette().color(QPalette::Base).lightness() < 128;
}

void OutputView::clear()
{
    m_raw.clear();
    m_text->clear();
    m_terminal = TerminalText(darkBase());
    m_hexDump = false;
    m_notice->hide();
    m_save->setEnabled(false);
    updateMatches();
}

void OutputView::setOutput(const QString &text)
{
    m_save->setEnabled(true);
    const bool hexDump = TerminalText::binaryShare(text) > hexDumpShare;
    if (text == m_raw && hexDump == m_hexDump && !m_text->document()->isEmpty())
        return;
    if (!hexDump && !m_hexDump && !m_raw.isEmpty() && text.startsWith(m_raw)) {
        // Output of a run going now grows at its end: appended, so a reader scrolled up keeps the place.
        QTextCursor end(m_text->document());
        end.movePosition(QTextCursor::End);
        m_terminal.append(end, QStringView(text).sliced(m_raw.size()));
        m_raw = text;
    } else {
        m_raw = text;
        m_hexDump = hexDump;
        render();
        m_text->moveCursor(QTextCursor::End); // the tail is what matters...
        m_text->moveCursor(QTextCursor::StartOfBlock); // ...read from the left, not from a long line's end
    }
    if (m_hexDump) {
        m_notice->setText(tr("Binary output, shown as a hex dump."));
    } else if (m_terminal.markedBytes() > 0) {
        m_notice->setText(tr("Bytes that are not text, shown as <XX> in hex: %n", "",
                             int(std::min<qsizetype>(m_terminal.markedBytes(), INT_MAX))));
    }
    m_notice->setVisible(m_hexDump || m_terminal.markedBytes() > 0);
    if (m_findBar->isVisible())
        updateMatches();
}

void OutputView::render()
{
    m_text->clear();
    m_terminal = TerminalText(darkBase());
    QTextCursor cursor(m_text->document());
    if (m_hexDump)
        cursor.insertText(TerminalText::hexDump(outputbytes::encode(m_raw)));
    else
        m_terminal.append(cursor, m_raw);
}

void OutputView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_raw.isEmpty())
        render(); // light or dark: the colours follow
}

bool OutputView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool find = key->matches(QKeySequence::Find);
    const bool inField = watched == m_findField;
    const bool enter = inField && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter);
    const bool escape = inField && key->key() == Qt::Key_Escape;
    if (!find && !enter && !escape)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept(); // ours while the output has focus, before any window shortcut on the same keys
        return true;
    }
    if (find) {
        showFind();
    } else if (enter) {
        findNext(key->modifiers() & Qt::ShiftModifier);
    } else {
        m_findBar->hide();
        m_text->setExtraSelections({});
        m_text->setFocus();
    }
    return true;
}

void OutputView::showFind()
{
    m_findBar->show();
    const QString selected = m_text->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_findField->setText(selected);
    m_findField->setFocus(Qt::ShortcutFocusReason);
    m_findField->selectAll();
    updateMatches();
}

void OutputView::findNext(bool backwards)
{
    const QString needle = m_findField->text();
    if (needle.isEmpty())
        return;
    const QTextDocument::FindFlags flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (!m_text->find(needle, flags)) { // wrap around
        QTextCursor from(m_text->document());
        if (backwards)
            from.movePosition(QTextCursor::End);
        m_text->setTextCursor(from);
        m_text->find(needle, flags);
    }
    updateMatches();
}

void OutputView::updateMatches()
{
    const QString needle = m_findField->text();
    QList<QTextEdit::ExtraSelection> highlights;
    int count = 0, current = 0;
    if (!needle.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(darkBase() ? QColor(0x6A5A00) : QColor(0xFFF0A0));
        const QTextCursor selected = m_text->textCursor();
        for (QTextCursor found = m_text->document()->find(needle); !found.isNull();
             found = m_text->document()->find(needle, found)) {
            ++count;
            if (found.selectionStart() == selected.selectionStart() && found.selectionEnd() == selected.selectionEnd())
                current = count;
            if (highlights.size() < 10'000)
                highlights.append({found, format});
        }
    }
    m_text->setExtraSelections(highlights);
    if (needle.isEmpty())
        m_matches->clear();
    else if (count == 0)
        m_matches->setText(tr("No matches"));
    else if (current > 0)
        m_matches->setText(tr("Match %1 of %n", "", count).arg(current));
    else
        m_matches->setText(tr("Matches: %n", "", count));
    m_matches->setAccessibleName(m_matches->text());
    m_previous->setEnabled(count > 0);
    m_next->setEnabled(count > 0);
}

void OutputView::saveWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = m_suggestedName.isEmpty() ? QStringLiteral("output.txt") : m_suggestedName;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Output"), QDir(folder).filePath(name),
                                                      tr("Text files (*.txt *.log);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}

bool OutputView::saveTo(const QString &path)
{
    QSaveFile file(path);
    QString error;
    if (!file.open(QIODevice::WriteOnly))
        error = file.errorString();
    else if (file.write(outputbytes::encode(m_raw)) < 0 || !file.commit())
        error = file.errorString();
    if (error.isEmpty())
        return true;
    QMessageBox::warning(this, tr("Save Output"),
                         tr("The output could not be saved to %1: %2").arg(QDir::toNativeSeparators(path), error));
    return false;
}

} // namespace punctual
