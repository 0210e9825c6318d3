// UTF-8 decoding that keeps invalid bytes (see outputbytes.h).
#include "outputbytes.h"

namespace punctual::outputbytes {

namespace {

/// The length of the valid UTF-8 sequence at @p at, 0 when it is invalid, -1 when it is cut short by the end
/// (valid so far).
int sequenceLength(QByteArrayView bytes, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return static_cast<unsigned char>(bytes[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80)
        return 1;
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // the second byte's range (RFC 3629: no overlongs, no surrogates)
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    for (int i = 1; i < length; ++i) {
        if (at + i >= bytes.size())
            return -1;
        const unsigned char next = byte(at + i);
        if (i == 1 ? (next < low || next > high) : (next < 0x80 || next > 0xBF))
            return 0;
    }
    return length;
}

/// Decodes @p bytes up to a sequence cut by the end, whose start it returns (bytes.size() when none).
qsizetype decodeInto(QByteArrayView bytes, QString &out)
{
    qsizetype at = 0;
    qsizetype validFrom = 0;
    const auto flushValid = [&] {
        if (at > validFrom)
            out += QString::fromUtf8(bytes.sliced(validFrom, at - validFrom));
    };
    while (at < bytes.size()) {
        const int length = sequenceLength(bytes, at);
        if (length > 0) {
            at += length;
            continue;
        }
        flushValid();
        if (length < 0)
            return at;
        out += QChar(char16_t(rawByteBase + static_cast<unsigned char>(bytes[at]) - 0x80));
        ++at;
        validFrom = at;
    }
    flushValid();
    return at;
}

} // namespace

QString decode(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    const qsizetype cut = decodeInto(bytes, out);
    for (qsizetype i = cut; i < bytes.size(); ++i)
        out += QChar(char16_t(rawByteBase + static_cast<unsigned char>(bytes[i]) - 0x80));
    return out;
}

QByteArray encode(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isRawByte(text[i]))
            continue;
        out += QStringView(text).sliced(from, i - from).toUtf8();
        out += static_cast<char>(rawByteOf(text[i]));
        from = i + 1;
    }
    out += QStringView(text).sliced(from).toUtf8();
    return out;
}

QString StreamDecoder::decode(QByteArrayView chunk)
{
    m_pending += chunk;
    QString out;
    const qsizetype cut = decodeInto(m_pending, out);
    m_pending.remove(0, cut);
    return out;
}

QString StreamDecoder::flush()
{
    return outputbytes::decode(std::exchange(m_pending, {}));
}

} // namespace punctual::outputbytes
