// wal-commit (not in apscheduler_bench.py): the physical limit of `add` — one job row inserted and committed per
// transaction straight through libsqlite3's C API, on the store's own schema and pragmas (WAL,
// synchronous = NORMAL), with no Qt, no scheduler and no validation. `add` does the same plus all of Punctual's
// work; the ratio of the two says how much of an add is SQLite's own commit. The same with synchronous = FULL
// (an fsync per commit, as APScheduler's SQLAlchemy store has with SQLite's defaults) shows what the disk costs.
//
// libsqlite3 is opened at run time (as core's sqlclientlibrary does), so punctual-bench does not load it unless
// this scenario runs.
#include "scenarios.h"

#include "time/clock.h"

#include <QFile>

#include <dlfcn.h>

#include <algorithm>
#include <type_traits>

namespace bench {

namespace {

// The few libsqlite3 functions used, by their C signatures (sqlite3.h's types reduced to void*).
struct Sqlite3
{
    int (*open)(const char *, void **) = nullptr;
    int (*close)(void *) = nullptr;
    int (*exec)(void *, const char *, void *, void *, char **) = nullptr;
    int (*prepare)(void *, const char *, int, void **, const char **) = nullptr;
    int (*bindText)(void *, int, const char *, int, void (*)(void *)) = nullptr;
    int (*bindInt64)(void *, int, long long) = nullptr;
    int (*step)(void *) = nullptr;
    int (*reset)(void *) = nullptr;
    int (*finalize)(void *) = nullptr;
    const char *(*errmsg)(void *) = nullptr;

    bool load()
    {
        void *library = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL);
        if (!library)
            return false;
        const auto find = [library](auto &function, const char *name) {
            function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library, name));
            return function != nullptr;
        };
        return find(open, "sqlite3_open") && find(close, "sqlite3_close") && find(exec, "sqlite3_exec")
            && find(prepare, "sqlite3_prepare_v2") && find(bindText, "sqlite3_bind_text")
            && find(bindInt64, "sqlite3_bind_int64") && find(step, "sqlite3_step") && find(reset, "sqlite3_reset")
            && find(finalize, "sqlite3_finalize") && find(errmsg, "sqlite3_errmsg");
    }
};

constexpr int sqliteOk = 0;
constexpr int sqliteDone = 101;

struct JobRowTexts
{
    QByteArray name, trigger, action, options;
};

/// The texts one `add` writes, read back from a store the real scheduler filled with one job.
JobRowTexts realRowTexts(const Sqlite3 &sqlite, const QString &path)
{
    {
        auto store = openStore(QStringLiteral("sqlite"), path, true);
        auto scheduler = makeScheduler(*store);
        if (auto started = scheduler->start(true); !started)
            die(started.error().message);
        addOrDie(*scheduler, noopIntervalJob(0, punctual::SystemClock::instance().nowMs()));
        shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);
    }
    void *db = nullptr;
    if (sqlite.open(QFile::encodeName(path).constData(), &db) != sqliteOk)
        die(QStringLiteral("cannot open %1").arg(path));
    JobRowTexts texts;
    auto callback = +[](void *out, int, char **values, char **) -> int {
        auto *row = static_cast<JobRowTexts *>(out);
        row->name = values[0];
        row->trigger = values[1];
        row->action = values[2];
        row->options = values[3];
        return 0;
    };
    char *error = nullptr;
    if (sqlite.exec(db, "SELECT name, trigger, action, options FROM jobs", reinterpret_cast<void *>(callback),
                    &texts, &error)
        != sqliteOk)
        die(QString::fromUtf8(error));
    sqlite.exec(db, "DELETE FROM jobs", nullptr, nullptr, nullptr);
    sqlite.close(db);
    return texts;
}

/// Seconds per committed one-row transaction (an INSERT in autocommit, as `add` does), @p n of them, with
/// `PRAGMA synchronous = @p synchronous`.
double secondsPerCommit(const Sqlite3 &sqlite, const QString &path, const JobRowTexts &texts, const char *synchronous,
                        int n, int firstIndex)
{
    void *db = nullptr;
    if (sqlite.open(QFile::encodeName(path).constData(), &db) != sqliteOk)
        die(QStringLiteral("cannot open %1").arg(path));
    const QByteArray pragmas = QByteArray("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                                          "PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = ")
        + synchronous;
    char *error = nullptr;
    if (sqlite.exec(db, pragmas.constData(), nullptr, nullptr, &error) != sqliteOk)
        die(QString::fromUtf8(error));
    void *insert = nullptr;
    const char *sql = "INSERT INTO jobs (id, name, trigger, action, options, paused, next_run_time, created_at, "
                      "updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)";
    if (sqlite.prepare(db, sql, -1, &insert, nullptr) != sqliteOk)
        die(QString::fromUtf8(sqlite.errmsg(db)));
    const auto transient = reinterpret_cast<void (*)(void *)>(-1); // SQLITE_TRANSIENT
    const std::int64_t now = punctual::SystemClock::instance().nowMs();
    const double t0 = monotonicSeconds();
    for (int i = firstIndex; i < firstIndex + n; ++i) {
        const QByteArray id = jobId(i).toUtf8();
        sqlite.bindText(insert, 1, id.constData(), static_cast<int>(id.size()), transient);
        sqlite.bindText(insert, 2, texts.name.constData(), static_cast<int>(texts.name.size()), transient);
        sqlite.bindText(insert, 3, texts.trigger.constData(), static_cast<int>(texts.trigger.size()), transient);
        sqlite.bindText(insert, 4, texts.action.constData(), static_cast<int>(texts.action.size()), transient);
        sqlite.bindText(insert, 5, texts.options.constData(), static_cast<int>(texts.options.size()), transient);
        sqlite.bindInt64(insert, 6, now + hourMs);
        sqlite.bindInt64(insert, 7, now);
        sqlite.bindInt64(insert, 8, now);
        if (sqlite.step(insert) != sqliteDone)
            die(QString::fromUtf8(sqlite.errmsg(db)));
        sqlite.reset(insert);
    }
    const double elapsed = monotonicSeconds() - t0;
    sqlite.finalize(insert);
    sqlite.close(db);
    return elapsed / n;
}

} // namespace

Figures scenarioWalCommit(const Options &options)
{
    Sqlite3 sqlite;
    if (!sqlite.load())
        die(QStringLiteral("libsqlite3.so.0 not found"));
    const int n = options.jobs;
    const JobRowTexts texts = realRowTexts(sqlite, options.dbPath);
    const double normal = secondsPerCommit(sqlite, options.dbPath, texts, "NORMAL", n, 0);
    // An fsync each: a few hundred are enough to see the disk, and thousands would take minutes.
    const int synced = std::min(n, 300);
    const double full = secondsPerCommit(sqlite, options.dbPath, texts, "FULL", synced, n);
    if (!options.dbGiven)
        removeDb(options.dbPath);

    Figures figures;
    // synchronous = NORMAL in WAL mode, as the store: the commit is a write() into the -wal file, no fsync.
    figures.number("commit_seconds", normal * n);
    figures.number("commits_per_second", 1.0 / normal, 1);
    figures.number("us_per_commit", normal * 1e6, 2);
    // synchronous = FULL: the same with an fsync per commit (the disk's limit).
    figures.number("us_per_commit_fsync", full * 1e6, 1);
    figures.number("commits_per_second_fsync", 1.0 / full, 1);
    return figures;
}

} // namespace bench
