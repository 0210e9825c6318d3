// Shared pieces of punctualctl: exit codes, error output and the command table.
#pragma once

#include <QCommandLineParser>
#include <QStringList>

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
/// Writes text to stdout (UTF-8) as is.
void print(const QString &text);

/// Parses a subcommand's arguments (@p args starts with the program name); prints usage errors itself.
/// Returns false when the caller should exit with the code put in @p exitCode.
bool parseArguments(QCommandLineParser &parser, const QStringList &args, int &exitCode);

int runNext(const QStringList &args);

} // namespace punctual::cli
