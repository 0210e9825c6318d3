// Where the job store is: the default SQLite file, a --db PATH or a --store URL (shared by punctual and punctualctl).
#pragma once

#include "util/result.h"

#include <QString>

#include <memory>

namespace punctual {

class JobStore;

struct StoreLocation
{
    QString sqlitePath;        ///< empty: the default store
    bool explicitPath = false; ///< given by the user: a missing folder is an error, not created

    /// --db PATH.
    static StoreLocation fromPath(const QString &path);
    /// --store URL: "sqlite:PATH" (or "sqlite://PATH"); PostgreSQL URLs are recognised but not supported yet.
    static Result<StoreLocation> fromUrl(const QString &url);

    /// The file this location means (the default store's path when none was given).
    QString resolvedPath() const;
    /// Opens the store (creating the default one, with its folder, on first use).
    Result<std::unique_ptr<JobStore>> open() const;
};

} // namespace punctual
