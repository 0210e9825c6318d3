// Program output as a terminal would show it, into a QTextDocument: ANSI SGR colours and bold as character
// formats (a palette readable on the view's light or dark base), every other escape sequence removed, and bytes
// that are not text (NUL and other controls, bytes that are not UTF-8: outputbytes.h) as a marked "<FF>".
#pragma once

#include <QColor>
#include <QString>
#include <QTextCharFormat>

class QTextCursor;

namespace punctual {

class TerminalText
{
public:
    /// @p darkBase: the view's base colour is dark (colours are lightened to stay readable).
    explicit TerminalText(bool darkBase = false);

    /// Appends @p chunk at @p cursor. An escape sequence cut at the chunk's end waits for the next chunk.
    void append(QTextCursor &cursor, QStringView chunk);
    /// Back to plain text, nothing pending (a new document).
    void reset();
    /// Bytes shown as a marker so far.
    qsizetype markedBytes() const { return m_markedBytes; }

    /// Whether @p c is shown as a marker (not text: a control other than tab, newline and escape, or a raw byte).
    static bool isBinary(QChar c);
    /// The share of @p text (0..1) that is not text, by isBinary().
    static double binaryShare(QStringView text);
    /// A hex dump of @p bytes: offset, 16 bytes in hex, the printable ones as ASCII.
    static QString hexDump(const QByteArray &bytes);
    /// The colour of ANSI colour @p index (0..15) on a dark or light base.
    static QColor ansiColor(int index, bool darkBase);

private:
    void applySgr(QStringView parameters);
    QColor extendedColor(const QList<int> &codes, qsizetype &i) const;
    QTextCharFormat currentFormat() const;
    void flushText(QTextCursor &cursor, QString &text);

    bool m_dark;
    QString m_pending; ///< an escape sequence cut by the end of a chunk
    bool m_pendingCr = false;
    QColor m_foreground, m_background;
    bool m_bold = false, m_italic = false, m_underline = false, m_inverse = false;
    qsizetype m_markedBytes = 0;
};

} // namespace punctual
