// Run-time look-up of libsqlite3's and libpq's functions (see sqlclientlibrary.h).
#include "sqlclientlibrary.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <dlfcn.h>

namespace punctual::sqlclient {

namespace {

/// The function @p name of the library @p soname if a plugin already loaded it (RTLD_NOLOAD: never loads it).
template<typename Function>
Function find(const char *soname, const char *name)
{
    // Looked up once per call site: the handle stays valid while the library is loaded, and the driver plugin
    // that loaded it is never unloaded by QSqlDatabase.
    void *library = ::dlopen(soname, RTLD_NOW | RTLD_NOLOAD);
    if (!library)
        return nullptr;
    auto *function = reinterpret_cast<Function>(::dlsym(library, name));
    ::dlclose(library); // drops only the reference RTLD_NOLOAD added
    return function;
}

constexpr const char *sqliteLibrary = "libsqlite3.so.0";
constexpr const char *postgresLibrary = "libpq.so.5";

} // namespace

bool setSqliteProgressHandler(void *sqlite3Handle, int instructions, int (*handler)(void *), void *argument)
{
    static const auto function = find<decltype(&::sqlite3_progress_handler)>(sqliteLibrary, "sqlite3_progress_handler");
    if (!function || !sqlite3Handle)
        return false;
    function(static_cast<sqlite3 *>(sqlite3Handle), instructions, handler, argument);
    return true;
}

void *postgresGetCancel(void *pgconn)
{
    static const auto function = find<decltype(&::PQgetCancel)>(postgresLibrary, "PQgetCancel");
    return function && pgconn ? function(static_cast<PGconn *>(pgconn)) : nullptr;
}

bool postgresCancel(void *pgcancel, char *message, int size)
{
    static const auto function = find<decltype(&::PQcancel)>(postgresLibrary, "PQcancel");
    return function && pgcancel && function(static_cast<PGcancel *>(pgcancel), message, size) != 0;
}

void postgresFreeCancel(void *pgcancel)
{
    static const auto function = find<decltype(&::PQfreeCancel)>(postgresLibrary, "PQfreeCancel");
    if (function && pgcancel)
        function(static_cast<PGcancel *>(pgcancel));
}

} // namespace punctual::sqlclient
