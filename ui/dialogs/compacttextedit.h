// A multi-line text field that asks for a few lines of room, not QPlainTextEdit's 192 px: the job editor's pages
// must fit a 1024 px screen (JobEditorDialog::fitToScreen()), and it still grows when the dialog is made taller.
#pragma once

#include <QPlainTextEdit>

namespace punctual {

class CompactTextEdit final : public QPlainTextEdit
{
public:
    CompactTextEdit(int lines, QWidget *parent)
        : QPlainTextEdit(parent)
        , m_lines(lines)
    {
    }

    QSize sizeHint() const override
    {
        const int frame = 2 * frameWidth() + int(2 * document()->documentMargin());
        return {QPlainTextEdit::sizeHint().width(), fontMetrics().lineSpacing() * m_lines + frame};
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

private:
    int m_lines;
};

} // namespace punctual
