// JSON parsing that keeps a U+FEFF at the start of a string.
#include "jsontext.h"

namespace punctual::jsontext {

QJsonDocument parse(const QByteArray &bytes, QJsonParseError *error)
{
    static const QByteArray byteOrderMark = QByteArrayLiteral("\xEF\xBB\xBF");
    const qsizetype start = bytes.startsWith(byteOrderMark) ? byteOrderMark.size() : 0;
    if (bytes.indexOf(byteOrderMark, start) < 0)
        return QJsonDocument::fromJson(bytes, error); // nearly always: no copy
    // Raw U+FEFF can only stand inside a string in valid JSON, where its escape means the same character; the
    // parser keeps an escaped one.
    QByteArray escaped = bytes.mid(start);
    escaped.replace(byteOrderMark, QByteArrayLiteral("\\ufeff"));
    return QJsonDocument::fromJson(bytes.left(start) + escaped, error);
}

} // namespace punctual::jsontext
