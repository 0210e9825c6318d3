// punctualctl: scripts Punctual from the command line (DESIGN.md section 7).
#include "cli.h"

#include <QCoreApplication>

#include <functional>
#include <map>

using namespace punctual;

namespace {

QString usage()
{
    return QCoreApplication::translate("punctualctl",
                                       "Usage: punctualctl [--db PATH | --store URL] COMMAND [OPTIONS]\n"
                                       "\n"
                                       "Commands:\n"
                                       "  next      print the next fire times of a cron, interval or calendar "
                                       "schedule\n"
                                       "\n"
                                       "Run \"punctualctl COMMAND --help\" for a command's options.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("punctualctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PUNCTUAL_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("punctual"));

    const std::map<QString, std::function<int(const QStringList &)>> commands{
        {QStringLiteral("next"), cli::runNext},
    };

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")
        || args[1] == QLatin1String("help")) {
        cli::print(usage());
        return args.size() < 2 ? cli::ExitUsage : cli::ExitOk;
    }
    if (args[1] == QLatin1String("--version") || args[1] == QLatin1String("-v")) {
        cli::print(QStringLiteral("punctualctl %1\n").arg(QCoreApplication::applicationVersion()));
        return cli::ExitOk;
    }
    const QString name = args[1];
    const auto command = commands.find(name);
    if (command == commands.end())
        return cli::fail(cli::ExitUsage,
                         QCoreApplication::translate("punctualctl", "unknown command \"%1\" (see punctualctl --help)")
                             .arg(name));
    args.removeAt(1);
    args[0] = QStringLiteral("punctualctl %1").arg(name);
    return command->second(args);
}
