// Error and output helpers and store access shared by every punctualctl command.
#include "cli.h"

#include "configuredstore.h"
#include "store/jobstore.h"
#include "time/isotime.h"
#include "time/zonerules.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace punctual::cli {

namespace {

StoreLocation &location()
{
    static StoreLocation value;
    return value;
}

} // namespace

QString localTime(std::optional<std::int64_t> ms)
{
    static const auto zone = ZoneRules::system();
    return ms ? formatIso(*ms, *zone) : QStringLiteral("-");
}

QString tr(const char *text, const char *disambiguation, int n)
{
    return QCoreApplication::translate("punctualctl", text, disambiguation, n);
}

int fail(int code, const QString &message)
{
    printError(QStringLiteral("punctualctl: error: %1").arg(message));
    return code;
}

int fail(const Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidInput: return fail(ExitUsage, error.message);
    case ErrorCode::NotFound: return fail(ExitNoSuchJob, error.message);
    case ErrorCode::Conflict: return fail(ExitIdExists, error.message);
    default: return fail(ExitFailure, error.message);
    }
}

void print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    const std::size_t written = std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    if (std::fflush(stdout) != 0 || written != static_cast<std::size_t>(bytes.size()))
        noteOutputFailure(errno);
}

namespace {
int outputError = 0; ///< errno of the first failed write to standard output
} // namespace

void noteOutputFailure(int error)
{
    if (outputError == 0)
        outputError = error == 0 ? EIO : error;
}

int finishOutput(int exitCode)
{
    if (std::fflush(stdout) != 0)
        noteOutputFailure(errno);
    // A reader that went away (EPIPE: `punctualctl list | head`) is not an error of ours.
    if (outputError == 0 || outputError == EPIPE)
        return exitCode;
    printError(QStringLiteral("punctualctl: error: cannot write to standard output: %1")
                   .arg(QString::fromLocal8Bit(std::strerror(outputError))));
    return exitCode == ExitOk ? ExitFailure : exitCode;
}

void printError(const QString &line)
{
    const QByteArray bytes = (line + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

bool parseArguments(QCommandLineParser &parser, const QStringList &args, int &exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        exitCode = fail(ExitUsage, parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        print(parser.helpText());
        exitCode = ExitOk;
        return false;
    }
    return true;
}

Result<StoreLocation> takeStoreLocation(QStringList &args)
{
    StoreLocation result;
    bool given = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString arg = args[i];
        if (arg == QLatin1String("--"))
            break;
        QString name, value;
        bool withValue = false;
        for (const char *option : {"--db", "--store"}) {
            const QLatin1String o(option);
            if (arg == o) {
                if (i + 1 >= args.size())
                    return invalidInput(tr("%1 needs a value").arg(o));
                name = o;
                value = args[i + 1];
                withValue = true;
            } else if (arg.startsWith(o + QLatin1Char('='))) {
                name = o;
                value = arg.mid(o.size() + 1);
            }
        }
        if (name.isEmpty())
            continue;
        args.remove(i, withValue ? 2 : 1);
        --i;
        given = true;
        if (value.isEmpty())
            return invalidInput(tr("%1 needs a value").arg(name));
        if (name == QLatin1String("--store")) {
            auto parsed = StoreLocation::fromUrl(value);
            if (!parsed)
                return parsed.error();
            result = parsed.value();
            continue;
        }
        result.sqlitePath = value;
        result.explicitPath = true;
    }
    // Neither given: the store the window uses (its settings' choice, else the default file).
    if (!given)
        return configuredStoreLocation();
    return result;
}

const StoreLocation &storeLocation()
{
    return location();
}

void setStoreLocation(const StoreLocation &value)
{
    location() = value;
}

Result<std::unique_ptr<JobStore>> openStore()
{
    return storeLocation().open();
}

} // namespace punctual::cli
