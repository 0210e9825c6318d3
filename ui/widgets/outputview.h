// A run's captured output: colours of ANSI codes, bytes that are not text marked (or a hex dump when most are),
// Find (Ctrl+F while it has focus; next, previous, a match count), a remembered Wrap lines toggle and Save output….
#pragma once

#include "terminaltext.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace punctual {

class OutputView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputView)

public:
    /// Above this share of bytes that are not text, the output shows as a hex dump.
    static constexpr double hexDumpShare = 0.25;

    explicit OutputView(QWidget *parent = nullptr);

    /// Shows @p text (as captured: outputbytes.h). Text that grows at its end is appended, so a reader scrolled up
    /// keeps the place; other text replaces what is shown and scrolls to the start of its last line.
    void setOutput(const QString &text);
    /// Shows nothing (the placeholder).
    void clear();
    /// The name Save output… suggests (without a folder: the user's documents folder is used).
    void setSuggestedFileName(const QString &name) { m_suggestedName = name; }

    /// Writes the output as the program wrote it (bytes, escape codes kept) to @p path; false and a message
    /// box saying why when it cannot.
    bool saveTo(const QString &path);

    QPlainTextEdit *textView() const { return m_text; }
    QLineEdit *findField() const { return m_findField; }
    QLabel *matchLabel() const { return m_matches; }
    QToolButton *wrapButton() const { return m_wrap; }
    QToolButton *saveButton() const { return m_save; }
    /// Whether the output shows as a hex dump.
    bool showsHexDump() const { return m_hexDump; }

    void showFind();
    void findNext(bool backwards = false);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render();
    void updateMatches();
    void saveWithDialog();
    bool darkBase() const;

    QLabel *m_notice;
    QPlainTextEdit *m_text;
    QWidget *m_findBar;
    QLineEdit *m_findField;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_matches;
    QToolButton *m_wrap;
    QToolButton *m_save;
    QToolButton *m_find;
    TerminalText m_terminal;
    QString m_raw; ///< the output as given (setOutput)
    bool m_hexDump = false;
    QString m_suggestedName;
};

} // namespace punctual
