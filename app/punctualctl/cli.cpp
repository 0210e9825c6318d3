// Error and output helpers shared by every punctualctl command.
#include "cli.h"

#include <QCoreApplication>

#include <cstdio>

namespace punctual::cli {

int fail(int code, const QString &message)
{
    const QByteArray line = QStringLiteral("punctualctl: error: %1\n").arg(message).toUtf8();
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
    std::fflush(stderr);
    return code;
}

void print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
}

bool parseArguments(QCommandLineParser &parser, const QStringList &args, int &exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("punctualctl", "Show this help."));
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

} // namespace punctual::cli
