// punctual-bench: shared helpers.
#include "common.h"
#include "executors/executorset.h"

#include "store/memoryjobstore.h"
#include "store/sqljobstore.h"
#include "time/clock.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QTimer>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <unistd.h>

namespace bench {

// --- JSON -----------------------------------------------------------------------------------------------------

namespace {

QByteArray formatDouble(double value, int decimals)
{
    if (!std::isfinite(value))
        return QByteArrayLiteral("null");
    if (decimals >= 0) {
        const double scale = std::pow(10.0, decimals);
        value = std::round(value * scale) / scale;
    }
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc())
        return QByteArrayLiteral("null");
    QByteArray text(buffer, static_cast<qsizetype>(end - buffer));
    // Python's json writes floats with a point or an exponent ("1.0", "1e-05"): keep them floats.
    if (!text.contains('.') && !text.contains('e') && !text.contains("inf") && !text.contains("nan"))
        text += ".0";
    return text;
}

QByteArray quoted(const QString &text)
{
    QByteArray out = "\"";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '"' || u == '\\') {
            out += '\\';
            out += static_cast<char>(u);
        } else if (u < 0x20 || u > 0x7e) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(u));
            out += escape;
        } else {
            out += static_cast<char>(u);
        }
    }
    return out + '"';
}

} // namespace

void JsonLine::number(const char *key, double value, int decimals)
{
    m_entries.emplace_back(key, formatDouble(value, decimals));
}

void JsonLine::number(const char *key, std::optional<double> value, int decimals)
{
    if (value)
        number(key, *value, decimals);
    else
        null(key);
}

void JsonLine::integer(const char *key, long long value)
{
    m_entries.emplace_back(key, QByteArray::number(value));
}

void JsonLine::boolean(const char *key, bool value)
{
    m_entries.emplace_back(key, value ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
}

void JsonLine::string(const char *key, const QString &value)
{
    m_entries.emplace_back(key, quoted(value));
}

void JsonLine::null(const char *key)
{
    m_entries.emplace_back(key, QByteArrayLiteral("null"));
}

void JsonLine::append(const JsonLine &other)
{
    m_entries.insert(m_entries.end(), other.m_entries.begin(), other.m_entries.end());
}

QByteArray JsonLine::text() const
{
    QByteArray out = "{";
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (i > 0)
            out += ", ";
        out += '"' + m_entries[i].first + "\": " + m_entries[i].second;
    }
    return out + '}';
}

// --- logging --------------------------------------------------------------------------------------------------

void log(const char *format, ...)
{
    std::va_list args;
    va_start(args, format);
    std::fputs("[bench] ", stderr);
    std::vfprintf(stderr, format, args);
    std::fputc('\n', stderr);
    std::fflush(stderr);
    va_end(args);
}

void die(const QString &message)
{
    log("error: %s", qPrintable(message));
    std::exit(1);
}

namespace {

std::atomic<int> warnings{0};
constexpr int echoedWarnings = 5;

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool verbose = qEnvironmentVariableIsSet("PUNCTUAL_BENCH_VERBOSE");
    if (type == QtDebugMsg || type == QtInfoMsg) {
        if (verbose)
            std::fprintf(stderr, "[%s] %s\n", context.category, qPrintable(message));
        return;
    }
    const int n = ++warnings;
    if (n <= echoedWarnings || verbose)
        std::fprintf(stderr, "[%s warning] %s\n", context.category, qPrintable(message));
    else if (n == echoedWarnings + 1)
        std::fputs("[punctual] ... further warnings counted, not printed\n", stderr);
}

} // namespace

void installMessageHandler()
{
    qInstallMessageHandler(messageHandler);
    // Info lines (one per missed run) would cost formatting and a write each: as APScheduler's counting
    // handler, keep them out of the figures unless asked for.
    if (!qEnvironmentVariableIsSet("PUNCTUAL_BENCH_VERBOSE"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
}

int warningCount()
{
    return warnings.load();
}

// --- clocks and process figures -------------------------------------------------------------------------------

double monotonicSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::int64_t wallMicros()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
}

double wallSeconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return std::nan("");
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return std::nan("");
}

int threadCount()
{
    return static_cast<int>(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

// --- names and files ------------------------------------------------------------------------------------------

QString jobId(int i)
{
    return QStringLiteral("job%1").arg(i, 6, 10, QLatin1Char('0'));
}

QString defaultDbPath(const QString &scenario)
{
    return QDir::temp().filePath(QStringLiteral("punctualbench-%1-%2.sqlite").arg(scenario).arg(::getpid()));
}

void removeDb(const QString &path)
{
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

// --- harness --------------------------------------------------------------------------------------------------

Harness::Harness()
{
    m_functions.add(QStringLiteral("noop"), [](const punctual::FunctionContext &) {
        return punctual::FunctionResult::success();
    });
    m_functions.add(QStringLiteral("record"), [this](const punctual::FunctionContext &context) {
        const std::int64_t now = wallMicros();
        const int i = context.arguments.value(QLatin1String("i")).toInt(-1);
        if (i >= 0 && static_cast<std::size_t>(i) < m_slots) {
            std::int64_t expected = 0;
            if (m_times[static_cast<std::size_t>(i)].compare_exchange_strong(expected, now,
                                                                            std::memory_order_acq_rel))
                m_recorded.fetch_add(1, std::memory_order_acq_rel);
        }
        return punctual::FunctionResult::success();
    });
}

Harness &Harness::instance()
{
    static Harness harness;
    return harness;
}

void Harness::resetRecords(int count)
{
    m_slots = static_cast<std::size_t>(count);
    m_times = std::make_unique<std::atomic<std::int64_t>[]>(m_slots);
    for (std::size_t i = 0; i < m_slots; ++i)
        m_times[i].store(0, std::memory_order_relaxed);
    m_recorded.store(0, std::memory_order_release);
}

// --- stores, schedulers, jobs ---------------------------------------------------------------------------------

std::unique_ptr<JobStore> openSqlite(const QString &path)
{
    auto store = punctual::SqlJobStore::openSqlite(path, punctual::SqlJobStore::OpenMode::ExplicitPath);
    if (!store)
        die(store.error().message);
    return std::move(store).value();
}

std::unique_ptr<JobStore> openStore(const QString &kind, const QString &path, bool fresh)
{
    if (kind == QLatin1String("memory"))
        return std::make_unique<punctual::MemoryJobStore>();
    if (fresh)
        removeDb(path);
    return openSqlite(path);
}

std::unique_ptr<Scheduler> makeScheduler(JobStore &store)
{
    auto scheduler = std::make_unique<Scheduler>(
        store, punctual::SystemClock::instance(),
        punctual::ExecutorSet::standard(punctual::SystemClock::instance(), Harness::instance().functions(), 10)); // APScheduler's ThreadPoolExecutor(10)
    return scheduler;
}

Job noopIntervalJob(int i, std::int64_t nowMs)
{
    Job job;
    job.id = jobId(i);
    job.trigger = punctual::IntervalTrigger::startingAfter(hourMs, nowMs);
    job.action = punctual::FunctionAction{QStringLiteral("noop"), {}};
    job.options.misfireGraceMs = apsDefaultGraceMs;
    return job;
}

Job recordDateJob(int i, std::int64_t runAtMs, std::int64_t graceMs)
{
    Job job;
    job.id = jobId(i);
    job.trigger = std::make_shared<punctual::DateTrigger>(runAtMs);
    job.action = punctual::FunctionAction{QStringLiteral("record"), QJsonObject{{QStringLiteral("i"), i}}};
    job.options.misfireGraceMs = graceMs;
    return job;
}

void addOrDie(Scheduler &scheduler, Job job)
{
    auto added = scheduler.addJob(std::move(job));
    if (!added)
        die(added.error().message);
}

// --- event loop -----------------------------------------------------------------------------------------------

void runEventLoop(double seconds)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(static_cast<int>(std::lround(seconds * 1000.0)));
    loop.exec();
}

void runUntil(Scheduler &scheduler, const std::function<bool()> &done, double deadlineWall)
{
    if (done())
        return;
    QEventLoop loop;
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    QList<QMetaObject::Connection> connections{
        QObject::connect(&scheduler, &Scheduler::jobExecuted, &loop, check),
        QObject::connect(&scheduler, &Scheduler::jobError, &loop, check),
        QObject::connect(&scheduler, &Scheduler::jobMissed, &loop, check),
    };
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    const double wait = std::max(0.0, deadlineWall - wallSeconds());
    deadline.start(static_cast<int>(std::min(wait * 1000.0, 2.0e9)));
    loop.exec();
    for (const auto &connection : connections)
        QObject::disconnect(connection);
}

void shutdown(Scheduler &scheduler, Scheduler::ShutdownMode mode)
{
    if (scheduler.state() == Scheduler::State::Stopped)
        return;
    QEventLoop loop;
    bool down = false;
    QObject::connect(&scheduler, &Scheduler::shutDown, &loop, [&] {
        down = true;
        loop.quit();
    });
    scheduler.shutdown(mode);
    if (!down)
        loop.exec();
}

double calibrateAddSeconds(const QString &store, const QString &dbPath, int n)
{
    const int k = std::min(n, store == QLatin1String("memory") ? 200 : 100);
    const QString calibDb = dbPath + QStringLiteral(".calib");
    double perAdd = 0;
    {
        auto jobStore = openStore(store, calibDb, true);
        auto scheduler = makeScheduler(*jobStore);
        if (auto started = scheduler->start(true); !started)
            die(started.error().message);
        const std::int64_t far = punctual::SystemClock::instance().nowMs() + 24 * hourMs;
        const double t0 = monotonicSeconds();
        for (int i = 0; i < k; ++i)
            addOrDie(*scheduler, recordDateJob(i, far + i, apsDefaultGraceMs));
        perAdd = (monotonicSeconds() - t0) / k;
        shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);
    }
    if (store != QLatin1String("memory"))
        removeDb(calibDb);
    const double estimate = 1.3 * perAdd * n + 0.2;
    log("calibration: %.1f us per addJob on %s -> allowing %.2f s for %d adds", perAdd * 1e6, qPrintable(store),
        estimate, n);
    return estimate;
}

double prefillSqlite(const QString &path, int n)
{
    const double t0 = monotonicSeconds();
    removeDb(path);
    QList<Job> jobs;
    {
        punctual::MemoryJobStore memory;
        auto scheduler = makeScheduler(memory);
        if (auto started = scheduler->start(true); !started)
            die(started.error().message);
        const std::int64_t now = punctual::SystemClock::instance().nowMs();
        for (int i = 0; i < n; ++i)
            addOrDie(*scheduler, noopIntervalJob(i, now));
        auto all = scheduler->jobs();
        if (!all)
            die(all.error().message);
        jobs = std::move(all).value();
        shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);
    }
    auto store = openSqlite(path);
    const double t1 = monotonicSeconds();
    if (auto added = store->addJobs(jobs, punctual::ConflictPolicy::Fail); !added)
        die(added.error().message);
    const double imported = monotonicSeconds() - t1;
    log("prefilled %d jobs into the SQLite store in %.2f s (one addJobs() call: %.3f s)", n,
        monotonicSeconds() - t0, imported);
    return imported;
}

bool sqlitePrefillOk(const QString &path, int n)
{
    if (!QFile::exists(path))
        return false;
    auto store = punctual::SqlJobStore::openSqlite(path, punctual::SqlJobStore::OpenMode::ExplicitPath);
    if (!store) {
        log("existing db not reusable (%s)", qPrintable(store.error().message));
        return false;
    }
    const auto count = store.value()->jobCount();
    const auto earliest = store.value()->earliestNextRunTime();
    if (!count || !earliest || !earliest.value())
        return false;
    return count.value() == n && *earliest.value() > punctual::SystemClock::instance().nowMs() + 60'000;
}

bool prefillOrReuse(const Options &options)
{
    if (options.dbGiven && sqlitePrefillOk(options.dbPath, options.jobs)) {
        log("reusing pre-filled store %s", qPrintable(options.dbPath));
        return true;
    }
    prefillSqlite(options.dbPath, options.jobs);
    return false;
}

std::optional<double> percentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return std::nullopt;
    const auto k = std::max<long>(0, static_cast<long>(std::ceil(q / 100.0 * static_cast<double>(sorted.size()))) - 1);
    return sorted[static_cast<std::size_t>(k)];
}

} // namespace bench
