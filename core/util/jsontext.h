// Reading JSON text without Qt's one loss: QJsonDocument::fromJson() drops a U+FEFF (byte order mark) that begins a
// string, so "\uFEFF/bin/p" written raw would come back as "/bin/p" from a job file, a store row or the socket.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace punctual::jsontext {

/// QJsonDocument::fromJson(), except that every U+FEFF inside the text is kept (one before the document is still a
/// byte order mark). An error offset counts 5 bytes more for each U+FEFF before it.
QJsonDocument parse(const QByteArray &bytes, QJsonParseError *error = nullptr);

} // namespace punctual::jsontext
