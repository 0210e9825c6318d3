// Shared pieces of punctualctl: exit codes, error output, store access and the command table.
#pragma once

#include "jobs/runrecord.h"
#include "store/storelocation.h"
#include "util/result.h"

#include <QCommandLineParser>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>

namespace punctual {
class JobStore;
}

namespace punctual::cli {

/// Exit codes of DESIGN.md section 7.
enum ExitCode
{
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitNoSuchJob = 3,
    ExitIdExists = 4,
};

/// Prints "punctualctl: error: MESSAGE" on stderr and returns @p code.
int fail(int code, const QString &message);
/// The exit code for a typed error, after printing it.
int fail(const Error &error);
/// Writes @p text to standard output; a failed write is remembered for finishOutput().
void print(const QString &text);
/// Remembers the first failed write to standard output (@p error: its errno).
void noteOutputFailure(int error);
/// The exit code to return after a command: 1 (with a message) when standard output could not be written, unless
/// the reader closed the pipe; else @p exitCode.
int finishOutput(int exitCode);

/// Writes one line to stderr (for logs of `punctualctl run`).
void printError(const QString &line);
/// An instant in the system's time zone as ISO-8601 with its offset ("2026-12-06T15:46:11.402+01:00"); "-" for none.
QString localTime(std::optional<std::int64_t> ms);
/// Translates punctualctl's own texts (context "punctualctl"); @p n picks the plural form.
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1);

/// Parses a subcommand's arguments (@p args starts with the program name); prints usage errors itself.
/// Returns false when the caller should exit with the code put in @p exitCode.
bool parseArguments(QCommandLineParser &parser, const QStringList &args, int &exitCode);

/// Takes --db/--store (and their values) out of @p args; an error for a bad or unsupported URL.
Result<StoreLocation> takeStoreLocation(QStringList &args);
/// The location given to this run of punctualctl (set by main before the command runs).
const StoreLocation &storeLocation();
void setStoreLocation(const StoreLocation &location);
/// Opens the store at storeLocation().
Result<std::unique_ptr<JobStore>> openStore();

int runNext(const QStringList &args);
int runAdd(const QStringList &args);
int runModify(const QStringList &args);
int runReschedule(const QStringList &args);
int runPause(const QStringList &args);
int runResume(const QStringList &args);
int runRemove(const QStringList &args);
int runRemoveAll(const QStringList &args);
int runStop(const QStringList &args);
int runShow(const QStringList &args);
int runList(const QStringList &args);
int runHistory(const QStringList &args);
int runExplain(const QStringList &args);
int runStats(const QStringList &args);
int runRunNow(const QStringList &args);
int runScheduler(const QStringList &args);
int runExport(const QStringList &args);
int runImport(const QStringList &args);
int runCheck(const QStringList &args);
int runBackup(const QStringList &args);
int runWatch(const QStringList &args);
int runStatus(const QStringList &args);
int runBackfill(const QStringList &args);
int runCalendar(const QStringList &args);

/// "success in 0.3 s (exit code 0)", "missed by 3 h 2 min ...": one run in words, for logs and outcomes.
QString runSummary(const RunRecord &run);

} // namespace punctual::cli
