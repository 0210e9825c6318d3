// Messages without secrets: passwords in URLs never reach an error, a log or the run history.
#pragma once

#include <QString>

namespace punctual {

/// @p message with every URL password ("scheme://user:secret@host") replaced by "***", and with the echo of the
/// raw input that QUrl::errorString() appends ("; source was ...") removed.
QString withoutUrlSecrets(QString message);

} // namespace punctual
