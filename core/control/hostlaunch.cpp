// The systemd user unit through systemctl, and the choice between it and a punctualctl process.
#include "hostlaunch.h"

#include "control/protocol.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <unistd.h>

namespace punctual {

namespace userunit {

namespace {

struct SystemctlAnswer
{
    bool ran = false; ///< started and exited normally (whatever its exit code)
    int exitCode = -1;
    QString out;
    QString err;
};

SystemctlAnswer systemctl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("systemctl"), QStringList{QStringLiteral("--user")} + arguments);
    process.closeWriteChannel();
    SystemctlAnswer answer;
    if (!process.waitForFinished(callTimeoutMs)) {
        answer.err = process.error() == QProcess::FailedToStart
                         ? QCoreApplication::translate("UserUnit", "systemctl cannot be run: %1")
                               .arg(process.errorString())
                         : QCoreApplication::translate("UserUnit", "systemctl did not answer in %1 s")
                               .arg(callTimeoutMs / 1000);
        process.kill();
        process.waitForFinished();
        return answer;
    }
    answer.ran = process.exitStatus() == QProcess::NormalExit;
    answer.exitCode = process.exitCode();
    answer.out = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
    answer.err = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    return answer;
}

Result<void> succeed(const QStringList &arguments)
{
    const SystemctlAnswer answer = systemctl(arguments);
    if (answer.ran && answer.exitCode == 0)
        return {};
    const QString said = answer.err.isEmpty() ? answer.out : answer.err;
    return Error{ErrorCode::Io,
                 QCoreApplication::translate("UserUnit", "systemctl --user %1 failed: %2")
                     .arg(arguments.join(QLatin1Char(' ')),
                          said.isEmpty() ? QCoreApplication::translate("UserUnit", "exit code %1").arg(answer.exitCode)
                                         : said.section(QLatin1Char('\n'), 0, 0))};
}

} // namespace

QString name()
{
    return QStringLiteral("punctual.service");
}

bool managerRuns()
{
    QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtimeDir.isEmpty())
        runtimeDir = QStringLiteral("/run/user/%1").arg(::getuid());
    return QFileInfo::exists(runtimeDir + QStringLiteral("/systemd/private"));
}

bool installed()
{
    const SystemctlAnswer answer =
        systemctl({QStringLiteral("show"), QStringLiteral("--property=LoadState"), QStringLiteral("--value"), name()});
    return answer.ran && answer.exitCode == 0 && answer.out == QLatin1String("loaded");
}

bool usable()
{
    return managerRuns() && installed();
}

Result<void> start()
{
    return succeed({QStringLiteral("start"), name()});
}

bool isEnabled()
{
    const SystemctlAnswer answer = systemctl({QStringLiteral("is-enabled"), QStringLiteral("--quiet"), name()});
    return answer.ran && answer.exitCode == 0;
}

Result<void> setEnabled(bool on)
{
    return succeed({on ? QStringLiteral("enable") : QStringLiteral("disable"), name()});
}

} // namespace userunit

QString punctualctlProgram()
{
    const QString here = QCoreApplication::applicationDirPath();
    for (const QString &candidate : {here + QStringLiteral("/punctualctl"),
                                     here + QStringLiteral("/../punctualctl/punctualctl")}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("punctualctl"));
}

QStringList storeArguments(const StoreLocation &location)
{
    if (const auto &pg = location.postgres) {
        return {QStringLiteral("--store"), QStringLiteral("%1?instance=%2&lease=%3")
                                                .arg(pg->url(), pg->instanceId)
                                                .arg(static_cast<double>(pg->leaseMs) / 1000.0)};
    }
    return {QStringLiteral("--db"), QFileInfo(location.resolvedPath()).absoluteFilePath()};
}

bool sameStore(const StoreLocation &a, const StoreLocation &b)
{
    if (a.postgres || b.postgres) {
        return a.postgres && b.postgres && a.postgres->url() == b.postgres->url()
               && a.postgres->instanceId == b.postgres->instanceId;
    }
    return control::canonicalStorePath(a.resolvedPath()) == control::canonicalStorePath(b.resolvedPath());
}

HostLaunch hostLaunchFor(const StoreLocation &location, const std::optional<StoreLocation> &configured)
{
    const bool configuredStore = configured && sameStore(location, *configured);
    if (configuredStore && userunit::usable())
        return {HostLaunch::Method::UserUnit, {}, {}};
    QStringList arguments = configuredStore ? QStringList() : storeArguments(location);
    arguments << QStringLiteral("run");
    return {HostLaunch::Method::Process, punctualctlProgram(), arguments};
}

} // namespace punctual
