// Start at login: the user unit enabled, or the XDG autostart entry written from the packaged template.
#include "autostart.h"

#include "control/instancehost.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace punctual::autostart {

namespace {

const QString templateResource = QStringLiteral(":/autostart/punctual-autostart.desktop.in");

QString quoteArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool needsQuotes = argument.isEmpty();
    for (QChar c : argument)
        needsQuotes |= reserved.contains(c);
    QString text;
    if (!needsQuotes) {
        text = argument;
    } else {
        // Inside double quotes, " ` $ and \ are escaped with a backslash...
        text = QStringLiteral("\"");
        for (QChar c : argument) {
            if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
                text += QLatin1Char('\\');
            text += c;
        }
        text += QLatin1Char('"');
    }
    // ...then the string value's own escapes apply (a literal backslash is "\\\\" in the file), and % is doubled
    // (field codes).
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    text.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return text;
}

Result<void> removeEntry()
{
    QFile file(entryPath());
    if (!file.exists() || file.remove())
        return {};
    return Error{ErrorCode::Io, QCoreApplication::translate("Autostart", "cannot remove %1: %2")
                                    .arg(QDir::toNativeSeparators(file.fileName()), file.errorString())};
}

} // namespace

QString entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::ConfigLocation)
        + QStringLiteral("/autostart/punctual.desktop");
}

QStringList entryCommand(const HostLaunch &launch)
{
    // The Exec key runs one program: env sets how the host was started ("detached": without systemd).
    return QStringList{QStringLiteral("env"),
                       QStringLiteral("%1=%2").arg(QLatin1String(startedByVariable),
                                                   startedByName(StartedBy::Detached)),
                       launch.program}
           + launch.arguments;
}

QString execLine(const QString &program, const QStringList &arguments)
{
    QStringList parts{quoteArgument(program)};
    for (const QString &argument : arguments)
        parts << quoteArgument(argument);
    return parts.join(QLatin1Char(' '));
}

QString entryText(const QString &program, const QStringList &arguments)
{
    QFile file(templateResource);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the autostart template %s is not compiled in", qPrintable(templateResource));
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QStringLiteral("@EXEC@"), execLine(program, arguments));
    return text;
}

bool isEnabled(const HostLaunch &launch)
{
    if (launch.method == HostLaunch::Method::UserUnit)
        return userunit::isEnabled();
    return QFileInfo::exists(entryPath());
}

Result<void> enable(const HostLaunch &launch)
{
    if (launch.method == HostLaunch::Method::UserUnit) {
        if (auto enabled = userunit::setEnabled(true); !enabled)
            return enabled;
        return removeEntry(); // one start at login, not two (an entry written before systemd was there)
    }
    if (launch.program.isEmpty())
        return Error{ErrorCode::Io, QCoreApplication::translate("Autostart", "punctualctl is neither next to this "
                                                                             "program nor on PATH")};
    const QString path = entryPath();
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::Io, QCoreApplication::translate("Autostart", "cannot create the folder %1")
                                        .arg(QDir::toNativeSeparators(folder))};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{ErrorCode::Io, QCoreApplication::translate("Autostart", "cannot write %1: %2")
                                        .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    const QStringList command = entryCommand(launch);
    file.write(entryText(command.front(), command.mid(1)).toUtf8());
    if (!file.commit()) {
        return Error{ErrorCode::Io, QCoreApplication::translate("Autostart", "cannot write %1: %2")
                                        .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    return {};
}

Result<void> disable()
{
    if (auto removed = removeEntry(); !removed)
        return removed;
    if (userunit::managerRuns() && userunit::isEnabled())
        return userunit::setEnabled(false);
    return {};
}

} // namespace punctual::autostart
