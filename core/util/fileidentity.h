// Which file a path names now (device and inode): tells a file replaced or removed under an open connection.
#pragma once

#include <QString>

#include <optional>

namespace punctual {

struct FileIdentity
{
    quint64 device = 0;
    quint64 inode = 0;

    friend bool operator==(const FileIdentity &, const FileIdentity &) = default;
};

/// The identity of the file at @p path (symbolic links followed); nothing when there is none.
std::optional<FileIdentity> fileIdentity(const QString &path);

} // namespace punctual
