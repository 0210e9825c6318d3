// punctual-bench: shared helpers (options, the JSON line, clocks, RSS, stores, jobs, event-loop waits).
#pragma once

#include "executors/functionregistry.h"
#include "jobs/job.h"
#include "scheduler/scheduler.h"
#include "store/jobstore.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace bench {

using punctual::Job;
using punctual::JobStore;
using punctual::Scheduler;

// The constants of ../shared/bench/apscheduler_bench.py, same names and values.
inline constexpr double latencyLeadS = 1.0;
inline constexpr double latencySpreadS = 5.0;
inline constexpr double latencyTailS = 10.0;
inline constexpr double burstLeadS = 1.0;
inline constexpr std::int64_t burstGraceMs = 3600 * 1000;
inline constexpr double burstTimeoutS = 900.0;
inline constexpr double idleSettleS = 1.0;
inline constexpr double idleWindowS = 10.0;
/// APScheduler's library default misfire_grace_time (1 s); Punctual's own default is 60 s.
inline constexpr std::int64_t apsDefaultGraceMs = 1000;
inline constexpr std::int64_t hourMs = 3600 * 1000;

struct Options
{
    QString scenario;
    int jobs = 0;
    QString store; ///< "memory", "sqlite" or "none"
    QString dbPath;
    bool dbGiven = false;
    long long runs = 0; ///< history's --runs (0: its default)
};

/// One JSON object whose keys keep the order they were added in (QJsonObject would sort them).
class JsonLine
{
public:
    /// @p decimals: rounded as Python's round(x, decimals); negative: not rounded.
    void number(const char *key, double value, int decimals = 6);
    void number(const char *key, std::optional<double> value, int decimals = 6);
    void integer(const char *key, long long value);
    void boolean(const char *key, bool value);
    void string(const char *key, const QString &value);
    void null(const char *key);
    void append(const JsonLine &other);
    QByteArray text() const;

private:
    std::vector<std::pair<QByteArray, QByteArray>> m_entries;
};

using Figures = JsonLine;

/// "[bench] ..." on stderr.
void log(const char *format, ...) __attribute__((format(printf, 1, 2)));
[[noreturn]] void die(const QString &message);

/// Seconds on a monotonic clock (intervals), wall-clock seconds and microseconds (time.time()).
double monotonicSeconds();
double wallSeconds();
std::int64_t wallMicros();
double rssMb();
/// Live threads of the process (entries of /proc/self/task).
int threadCount();

QString jobId(int i);
QString defaultDbPath(const QString &scenario);
void removeDb(const QString &path);

/// What every scheduler of the benchmark shares: the function registry with "noop" and "record".
class Harness
{
public:
    Harness();
    static Harness &instance();

    punctual::FunctionRegistry &functions() { return m_functions; }

    /// "record" stores each job's own start time (wall µs) in slot {"i": n} of a fresh table of @p count.
    void resetRecords(int count);
    int recordedCount() const { return m_recorded.load(std::memory_order_acquire); }
    /// Start time of job @p i in wall µs, 0 when it did not run.
    std::int64_t recordedAt(int i) const { return m_times[static_cast<std::size_t>(i)].load(std::memory_order_acquire); }

private:
    punctual::FunctionRegistry m_functions;
    std::unique_ptr<std::atomic<std::int64_t>[]> m_times;
    std::size_t m_slots = 0;
    std::atomic<int> m_recorded{0};
};

/// Counts Qt warnings and worse (echoing the first few), drops debug/info unless PUNCTUAL_BENCH_VERBOSE is set.
void installMessageHandler();
int warningCount();

/// A memory store, or the SQLite store on @p path (deleted first when @p fresh).
std::unique_ptr<JobStore> openStore(const QString &kind, const QString &path, bool fresh);
std::unique_ptr<JobStore> openSqlite(const QString &path);

/// A scheduler with the benchmark's defaults: the real wake timer, executors and a 10-thread function pool.
std::unique_ptr<Scheduler> makeScheduler(JobStore &store);

/// APScheduler's add_job(noop, "interval", hours=1, id=...) with its library-default job options.
Job noopIntervalJob(int i, std::int64_t nowMs);
/// add_job(record, "date", run_date=T, args=(i,)).
Job recordDateJob(int i, std::int64_t runAtMs, std::int64_t graceMs);

void addOrDie(Scheduler &scheduler, Job job);

/// Runs the event loop for @p seconds (one timer: the thread sleeps once).
void runEventLoop(double seconds);
/// Runs the event loop until @p done() is true (checked whenever @p scheduler reports an outcome) or the wall
/// clock passes @p deadlineWall.
void runUntil(Scheduler &scheduler, const std::function<bool()> &done, double deadlineWall);
/// Shuts the scheduler down and runs the event loop until it has.
void shutdown(Scheduler &scheduler, Scheduler::ShutdownMode mode);

/// Estimated seconds for @p n adds of date jobs on @p store kind (timed on a throw-away store, +30 % + 0.2 s).
double calibrateAddSeconds(const QString &store, const QString &dbPath, int n);

/// The pre-filled SQLite file of startup and idle: n interval-1h no-op jobs made by the scheduler (on a memory
/// store), written by one addJobs() call. Returns the seconds of that call (the bulk import).
double prefillSqlite(const QString &path, int n);
/// The file holds exactly n jobs, none due within a minute.
bool sqlitePrefillOk(const QString &path, int n);

/// The scenario's pre-filled SQLite file (as prefillSqlite()): the --db file as it is when it already holds
/// options.jobs such jobs (sqlitePrefillOk()), else made anew. Returns whether it was reused.
bool prefillOrReuse(const Options &options);

/// Nearest-rank percentile of sorted values.
std::optional<double> percentile(const std::vector<double> &sorted, double q);

} // namespace bench
