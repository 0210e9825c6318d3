// ANSI escape handling for the output view (see terminaltext.h).
#include "terminaltext.h"

#include "util/outputbytes.h"

#include <QTextCursor>

#include <array>

namespace punctual {

namespace {

constexpr QChar escape = QChar(0x1B);

/// The end of the escape sequence at @p at (one past it), or -1 when @p text ends inside it.
qsizetype escapeEnd(QStringView text, qsizetype at)
{
    if (at + 1 >= text.size())
        return -1;
    const char16_t kind = text[at + 1].unicode();
    if (kind == u'[') { // CSI: parameters and intermediates, then a final byte 0x40..0x7E
        for (qsizetype i = at + 2; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            if (c >= 0x40 && c <= 0x7E)
                return i + 1;
            if (c < 0x20 || c > 0x3F) // not a CSI after all: drop the introducer only
                return i;
        }
        return -1;
    }
    if (kind == u']' || kind == u'P' || kind == u'X' || kind == u'^' || kind == u'_') { // strings: to BEL or ESC \.
        for (qsizetype i = at + 2; i < text.size(); ++i) {
            if (text[i] == QChar(0x07))
                return i + 1;
            if (text[i] == escape) {
                if (i + 1 >= text.size())
                    return -1;
                if (text[i + 1] == QLatin1Char('\\'))
                    return i + 2;
            }
        }
        return -1;
    }
    if (kind >= 0x20 && kind <= 0x2F) // nF: intermediates, then one final byte ("ESC ( B")
        return at + 3 <= text.size() ? at + 3 : -1;
    return at + 2; // two characters: "ESC 7", "ESC M", ...
}

} // namespace

TerminalText::TerminalText(bool darkBase)
    : m_dark(darkBase)
{
}

void TerminalText::reset()
{
    m_pending.clear();
    m_pendingCr = false;
    m_foreground = m_background = QColor();
    m_bold = m_italic = m_underline = m_inverse = false;
    m_markedBytes = 0;
}

bool TerminalText::isBinary(QChar c)
{
    const char16_t u = c.unicode();
    if (outputbytes::isRawByte(c))
        return true;
    return (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r' && u != 0x1B && u != 0x07 && u != 0x08) || u == 0x7F;
}

double TerminalText::binaryShare(QStringView text)
{
    if (text.isEmpty())
        return 0;
    qsizetype binary = 0;
    for (const QChar c : text)
        binary += isBinary(c) ? 1 : 0;
    return double(binary) / double(text.size());
}

QString TerminalText::hexDump(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size() * 5);
    for (qsizetype row = 0; row < bytes.size(); row += 16) {
        out += QStringLiteral("%1  ").arg(row, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = row; i < row + 16; ++i) {
            if (i < bytes.size()) {
                const auto byte = static_cast<unsigned char>(bytes[i]);
                out += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                ascii += byte >= 0x20 && byte < 0x7F ? QLatin1Char(char(byte)) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == row + 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1String(" |") + ascii + QLatin1String("|\n");
    }
    return out;
}

QColor TerminalText::ansiColor(int index, bool darkBase)
{
    // Black and white are greys on the base they would vanish on; yellow and cyan are darker on a light base.
    static constexpr std::array<QRgb, 16> onLight = {
        0x000000, 0xB21818, 0x0A7D0A, 0x8A6D00, 0x1F4FD1, 0xA020A0, 0x0A7F8A, 0x707070,
        0x555555, 0xD42020, 0x1D9A1D, 0x9A7B00, 0x3366FF, 0xC030C0, 0x10909A, 0x8A8A8A,
    };
    static constexpr std::array<QRgb, 16> onDark = {
        0x8A8A8A, 0xFF6B6B, 0x5FD75F, 0xE5C07B, 0x7AA2F7, 0xD787D7, 0x56C8D8, 0xD0D0D0,
        0xA8A8A8, 0xFF8787, 0x87FF87, 0xFFFF87, 0x9ABFFF, 0xFF87FF, 0x87FFFF, 0xFFFFFF,
    };
    return QColor::fromRgb((darkBase ? onDark : onLight)[std::size_t(std::clamp(index, 0, 15))]);
}

QColor TerminalText::extendedColor(const QList<int> &codes, qsizetype &i) const
{
    // 38;5;N (256 colours) or 38;2;R;G;B; i is at the 38/48 and ends at the last code used.
    if (i + 2 < codes.size() && codes[i + 1] == 5) {
        const int n = codes[i + 2];
        i += 2;
        if (n < 16)
            return ansiColor(n, m_dark);
        if (n < 232) {
            const int c = n - 16;
            const auto level = [](int v) { return v == 0 ? 0 : 55 + v * 40; };
            return QColor(level(c / 36), level(c / 6 % 6), level(c % 6));
        }
        const int grey = 8 + (n - 232) * 10;
        return QColor(grey, grey, grey);
    }
    if (i + 4 < codes.size() && codes[i + 1] == 2) {
        const QColor color(std::clamp(codes[i + 2], 0, 255), std::clamp(codes[i + 3], 0, 255),
                           std::clamp(codes[i + 4], 0, 255));
        i += 4;
        return color;
    }
    i = codes.size();
    return {};
}

void TerminalText::applySgr(QStringView parameters)
{
    QList<int> codes;
    for (const QStringView part : parameters.split(QLatin1Char(';')))
        codes.append(part.isEmpty() ? 0 : part.toInt());
    if (codes.isEmpty())
        codes.append(0);
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const int code = codes[i];
        if (code == 0) {
            m_foreground = m_background = QColor();
            m_bold = m_italic = m_underline = m_inverse = false;
        } else if (code == 1) {
            m_bold = true;
        } else if (code == 3) {
            m_italic = true;
        } else if (code == 4) {
            m_underline = true;
        } else if (code == 7) {
            m_inverse = true;
        } else if (code == 22) {
            m_bold = false;
        } else if (code == 23) {
            m_italic = false;
        } else if (code == 24) {
            m_underline = false;
        } else if (code == 27) {
            m_inverse = false;
        } else if (code >= 30 && code <= 37) {
            m_foreground = ansiColor(code - 30, m_dark);
        } else if (code == 38) {
            m_foreground = extendedColor(codes, i);
        } else if (code == 39) {
            m_foreground = QColor();
        } else if (code >= 40 && code <= 47) {
            m_background = ansiColor(code - 40, !m_dark);
        } else if (code == 48) {
            m_background = extendedColor(codes, i);
        } else if (code == 49) {
            m_background = QColor();
        } else if (code >= 90 && code <= 97) {
            m_foreground = ansiColor(code - 90 + 8, m_dark);
        } else if (code >= 100 && code <= 107) {
            m_background = ansiColor(code - 100 + 8, !m_dark);
        }
    }
}

QTextCharFormat TerminalText::currentFormat() const
{
    QTextCharFormat format;
    QColor foreground = m_foreground, background = m_background;
    if (m_inverse) {
        std::swap(foreground, background);
        if (!background.isValid())
            background = m_dark ? QColor(0xD0D0D0) : QColor(0x303030);
    }
    // Text on a coloured background: black or white, whichever reads.
    if (background.isValid() && !foreground.isValid())
        foreground = background.lightness() > 140 ? QColor(Qt::black) : QColor(Qt::white);
    if (foreground.isValid())
        format.setForeground(foreground);
    if (background.isValid())
        format.setBackground(background);
    if (m_bold)
        format.setFontWeight(QFont::Bold);
    if (m_italic)
        format.setFontItalic(true);
    if (m_underline)
        format.setFontUnderline(true);
    return format;
}

void TerminalText::flushText(QTextCursor &cursor, QString &text)
{
    if (!text.isEmpty())
        cursor.insertText(text, currentFormat());
    text.clear();
}

void TerminalText::append(QTextCursor &cursor, QStringView chunk)
{
    QString input = m_pending + chunk.toString();
    m_pending.clear();
    QString text;
    QTextCharFormat marker;
    marker.setForeground(m_dark ? QColor(0xFFB86C) : QColor(0x9A3A00));
    marker.setBackground(m_dark ? QColor(0x4A3020) : QColor(0xFFE8D0));
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QChar c = input[i];
        if (m_pendingCr) { // "\r\n" is a line end; a lone "\r" (a progress line redrawn) starts a new line
            m_pendingCr = false;
            if (c != QLatin1Char('\n'))
                text += QLatin1Char('\n');
        }
        if (c == escape) {
            const qsizetype end = escapeEnd(input, i);
            if (end < 0) {
                m_pending = input.mid(i);
                break;
            }
            if (input[i + 1] == QLatin1Char('[') && input[end - 1] == QLatin1Char('m')) {
                flushText(cursor, text);
                applySgr(QStringView(input).sliced(i + 2, end - i - 3));
            }
            i = end - 1;
        } else if (c == QLatin1Char('\r')) {
            m_pendingCr = true;
        } else if (c == QChar(0x07) || c == QChar(0x08)) {
            // bell and backspace: nothing to show
        } else if (isBinary(c)) {
            flushText(cursor, text);
            const int byte = outputbytes::isRawByte(c) ? outputbytes::rawByteOf(c) : c.unicode();
            cursor.insertText(QStringLiteral("<%1>").arg(byte, 2, 16, QLatin1Char('0')).toUpper(), marker);
            ++m_markedBytes;
        } else {
            text += c;
        }
    }
    flushText(cursor, text);
}

} // namespace punctual
