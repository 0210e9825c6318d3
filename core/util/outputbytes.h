// Captured output as text without losing bytes that are not UTF-8: each such byte becomes one character of a
// private-use block (U+EF80..U+EFFF, the "OPTU-16" mapping), so the window can mark it or show a hex dump and the
// bytes can be written back out as the program wrote them, where QString::fromUtf8 would leave U+FFFD.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace punctual::outputbytes {

/// The first character standing for a raw byte: byte b (0x80..0xFF) is QChar(rawByteBase + b - 0x80).
inline constexpr char16_t rawByteBase = 0xEF80;

/// Whether @p c stands for a raw byte that was not UTF-8.
constexpr bool isRawByte(QChar c)
{
    return c.unicode() >= rawByteBase && c.unicode() < rawByteBase + 0x80;
}
/// The byte @p c stands for (isRawByte(c) must hold).
constexpr unsigned char rawByteOf(QChar c)
{
    return static_cast<unsigned char>(c.unicode() - rawByteBase + 0x80);
}

/// Decodes @p bytes: valid UTF-8 as text, every byte of an invalid or cut sequence as its raw-byte character.
QString decode(QByteArrayView bytes);
/// The bytes decode() was given: text as UTF-8, raw-byte characters as their bytes.
QByteArray encode(const QString &text);

/// decode() over a stream: a sequence split between two chunks is held back until its end comes.
class StreamDecoder
{
public:
    QString decode(QByteArrayView chunk);
    /// What is held back, as raw bytes (the stream ended inside a sequence).
    QString flush();

private:
    QByteArray m_pending;
};

} // namespace punctual::outputbytes
