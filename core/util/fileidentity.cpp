// stat(2)'s st_dev and st_ino.
#include "fileidentity.h"

#include <QFile>

#include <sys/stat.h>

namespace punctual {

std::optional<FileIdentity> fileIdentity(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return std::nullopt;
    return FileIdentity{static_cast<quint64>(info.st_dev), static_cast<quint64>(info.st_ino)};
}

} // namespace punctual
