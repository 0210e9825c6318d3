// Starting a scheduler host (the user unit or a detached punctualctl run) and waiting for it to answer.
#include "hoststarter.h"

#include "configuredstore.h"
#include "control/hostlaunch.h"
#include "control/instancehost.h"
#include "control/instancelock.h"
#include "control/protocol.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <csignal>
#include <memory>

namespace punctual {

namespace {

constexpr qint64 maxLogBytes = 1024 * 1024;
constexpr int retryMs = 100;
constexpr int logTailLines = 5;

// The context of this file's texts (it has no QObject of its own).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HostStarter)
};

Error ioError(const QString &message)
{
    return Error{ErrorCode::Io, message};
}

// The log, made ready for appending (0600; the old one kept once as host.log.1 when it has grown big); its size.
Result<qint64> prepareLog(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return ioError(Text::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
    if (QFileInfo(path).size() > maxLogBytes) {
        QFile::remove(path + QStringLiteral(".1"));
        QFile::rename(path, path + QStringLiteral(".1"));
    }
    QFile log(path);
    if (!log.open(QIODevice::Append | QIODevice::Text))
        return ioError(Text::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), log.errorString()));
    log.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return log.size();
}

// The last lines the host wrote after @p offset, joined for an error message.
QString logTail(qint64 offset)
{
    QFile log(hostLogPath());
    if (!log.open(QIODevice::ReadOnly) || !log.seek(std::min(offset, log.size())))
        return {};
    QStringList lines = QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > logTailLines)
        lines = lines.mid(lines.size() - logTailLines);
    return lines.join(QLatin1Char('\n')).trimmed();
}

// Whether the process @p pid is still there (a zombie, ended and not yet reaped, is not).
bool processRuns(qint64 pid)
{
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype end = text.lastIndexOf(')'); // the name may hold spaces and parentheses
    return end < 0 || text.mid(end + 2, 1) != "Z";
}

Result<HostStart> startDetached(const QString &program, const QStringList &arguments)
{
    if (program.isEmpty())
        return ioError(Text::tr("cannot start the Punctual scheduler: punctualctl is neither next to this program "
                                "nor on PATH"));
    const QString logPath = hostLogPath();
    auto offset = prepareLog(logPath);
    if (!offset)
        return offset.error();
    {
        // Which start the lines that follow belong to.
        QFile log(logPath);
        if (log.open(QIODevice::Append | QIODevice::Text)) {
            log.write(QStringLiteral("--- %1 %2 %3\n")
                          .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), program,
                               arguments.join(QLatin1Char(' ')))
                          .toUtf8());
        }
    }
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(startedByVariable), startedByName(StartedBy::Detached));
    process.setProcessEnvironment(environment);
    // Holds no terminal and no folder of the caller's; Qt's startDetached() gives it a session of its own (setsid),
    // so that a hang-up or Ctrl+C meant for the caller does not reach it.
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(logPath, QIODevice::Append);
    process.setStandardErrorFile(logPath, QIODevice::Append);
    process.setWorkingDirectory(QDir::homePath());
    qint64 pid = -1;
    if (!process.startDetached(&pid))
        return ioError(Text::tr("cannot start %1: %2").arg(program, process.errorString()));
    return HostStart{HostStartMethod::Detached, pid, offset.value()};
}

} // namespace

QString hostStartMessage(HostStartMethod method)
{
    switch (method) {
    case HostStartMethod::AlreadyRunning:
        return Text::tr("The Punctual scheduler is running");
    case HostStartMethod::UserUnit:
        return Text::tr("Started the Punctual scheduler (systemd user unit)");
    case HostStartMethod::Detached:
        return Text::tr("Started the Punctual scheduler (background process)");
    }
    return {};
}

QString hostLogPath()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || QDir::isRelativePath(state)) // the spec: a relative value is to be ignored
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/punctual/host.log");
}

Result<HostStart> startHost(const StoreLocation &location)
{
    if (InstanceLock::runningInstancePid(location.resolvedPath()))
        return HostStart{HostStartMethod::AlreadyRunning};
    const auto configured = configuredStoreLocation();
    const HostLaunch launch =
        hostLaunchFor(location, configured ? std::optional(configured.value()) : std::nullopt);
    if (launch.method == HostLaunch::Method::UserUnit) {
        if (auto started = userunit::start(); !started)
            return started.error();
        return HostStart{HostStartMethod::UserUnit};
    }
    return startDetached(launch.program, launch.arguments);
}

Result<HostStart> startManagingHost(const StoreLocation &location)
{
    if (InstanceLock::runningInstancePid(location.resolvedPath()))
        return HostStart{HostStartMethod::AlreadyRunning};
    QStringList arguments = storeArguments(location);
    arguments << QStringLiteral("run") << QStringLiteral("--manage-only");
    return startDetached(punctualctlProgram(), arguments);
}

void waitForHost(const StoreLocation &location, const HostStart &start, int timeoutMs, QObject *context,
                 HostReadyCallback done)
{
    struct Wait
    {
        QString socketPath;
        HostStart start;
        int timeoutMs = 0;
        HostReadyCallback done;
        QElapsedTimer elapsed;
        QPointer<QLocalSocket> socket;
        QByteArray answer;
        bool endedSeen = false; ///< the detached process was found ended by an earlier try
    };
    auto wait = std::make_shared<Wait>();
    wait->socketPath = control::instanceSocketPath(location.resolvedPath());
    wait->start = start;
    wait->timeoutMs = timeoutMs;
    wait->done = std::move(done);
    wait->elapsed.start();

    // The timer owns the attempts; it goes with @p context, and deletes itself once done has been called.
    auto *timer = new QTimer(context);
    timer->setInterval(retryMs);
    auto finish = [wait, timer](Result<qint64> result) {
        timer->stop();
        if (wait->socket)
            wait->socket->deleteLater();
        timer->deleteLater();
        if (auto done = std::exchange(wait->done, nullptr))
            done(std::move(result));
    };
    auto failure = [wait](const QString &what) {
        QString message = what;
        if (wait->start.method == HostStartMethod::Detached) {
            const QString tail = logTail(wait->start.logOffset);
            message += tail.isEmpty()
                           ? Text::tr(" (it wrote nothing to %1)").arg(QDir::toNativeSeparators(hostLogPath()))
                           : QStringLiteral(":\n") + tail;
        } else if (wait->start.method == HostStartMethod::UserUnit) {
            message += Text::tr(" (see journalctl --user -u punctual.service)");
        }
        return Error{ErrorCode::Io, message};
    };
    auto attempt = [wait, timer, finish, failure] {
        if (!wait->done)
            return;
        if (wait->start.method == HostStartMethod::Detached && !processRuns(wait->start.pid)) {
            // It may have ended because another host took the store first (two starts at once): that one is asked
            // once more before the end counts as a failure.
            if (wait->endedSeen) {
                finish(failure(Text::tr("the Punctual scheduler ended before it answered")));
                return;
            }
            wait->endedSeen = true;
        }
        if (wait->elapsed.hasExpired(wait->timeoutMs)) {
            const double seconds = wait->timeoutMs / 1000.0;
            finish(failure(Text::tr("the Punctual scheduler did not answer within %1 s").arg(seconds)));
            return;
        }
        if (wait->socket)
            return; // the last attempt is still going
        auto *socket = new QLocalSocket(timer);
        wait->socket = socket;
        wait->answer.clear();
        QObject::connect(socket, &QLocalSocket::connected, socket, [socket] {
            socket->write(QByteArrayLiteral("{\"id\":1,\"method\":\"ping\"}\n"));
        });
        QObject::connect(socket, &QLocalSocket::readyRead, socket, [wait, socket, finish] {
            wait->answer += socket->readAll();
            const qsizetype newline = wait->answer.indexOf('\n');
            if (newline < 0)
                return;
            const QJsonObject response = QJsonDocument::fromJson(wait->answer.left(newline)).object();
            const qint64 pid = static_cast<qint64>(
                response.value(QStringLiteral("result")).toObject().value(QStringLiteral("pid")).toDouble(-1));
            socket->disconnectFromServer();
            if (response.value(QStringLiteral("ok")).toBool() && pid > 0)
                finish(pid);
        });
        // Not there yet (no socket, nobody listening), or gone: the next tick tries again.
        QObject::connect(socket, &QLocalSocket::errorOccurred, socket, [socket] { socket->deleteLater(); });
        QObject::connect(socket, &QLocalSocket::disconnected, socket, [socket] { socket->deleteLater(); });
        socket->connectToServer(wait->socketPath);
    };
    QObject::connect(timer, &QTimer::timeout, timer, attempt);
    timer->start();
    QTimer::singleShot(0, timer, attempt);
}

} // namespace punctual
