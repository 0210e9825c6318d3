// The few functions of the database client libraries (libsqlite3, libpq) that stopping a running statement
// needs, found at run time in the copy that Qt's QSQLITE or QPSQL plugin has loaded — so that core does not
// link them, and a process without sql jobs (the scheduler, the benchmarks) does not load them.
#pragma once

namespace punctual::sqlclient {

/// sqlite3_progress_handler(); false when libsqlite3 is not loaded (then no QSQLITE connection exists either).
bool setSqliteProgressHandler(void *sqlite3Handle, int instructions, int (*handler)(void *), void *argument);

/// PQgetCancel() for a PGconn; nullptr when libpq is not loaded or the connection has no cancel object.
void *postgresGetCancel(void *pgconn);
/// PQcancel(); false with the library's message in @p message (of @p size bytes) when the request failed.
bool postgresCancel(void *pgcancel, char *message, int size);
/// PQfreeCancel().
void postgresFreeCancel(void *pgcancel);

} // namespace punctual::sqlclient
