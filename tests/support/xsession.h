// A private X server (Xvfb on a display it picks itself), optionally with `trayer` as the system tray, and
// `xwininfo` look-ups of the windows on it: for tests of real windows and real processes.
#pragma once

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

namespace punctual::test {

/// The X server (and tray host) of a test, started before QApplication so it can use the xcb platform.
struct XSession
{
    QString display;        ///< ":N"
    QString error;          ///< why the session could not be made
    QTemporaryDir runtime;  ///< XDG_RUNTIME_DIR, HOME and config of everything the test starts
    std::unique_ptr<QProcess> xvfb;
    std::unique_ptr<QProcess> trayer;

    /// Nothing of the user's for this process and what it starts: HOME, settings, data, state (a host's log) and the
    /// runtime folder (instance sockets) all in `runtime`. Call before QApplication.
    void useOwnHome()
    {
        const QString home = runtime.path();
        qputenv("HOME", home.toUtf8());
        qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/config")).toUtf8());
        qputenv("XDG_DATA_HOME", (home + QStringLiteral("/data")).toUtf8());
        qputenv("XDG_STATE_HOME", (home + QStringLiteral("/state")).toUtf8());
        qputenv("XDG_RUNTIME_DIR", home.toUtf8());
    }

    /// Starts Xvfb and, when @p withTray, trayer; sets DISPLAY. Needs every program in @p programs installed.
    void start(bool withTray, const QStringList &programs)
    {
        for (const QString &program : programs) {
            if (QStandardPaths::findExecutable(program).isEmpty()) {
                error = QStringLiteral("%1 is not installed: these tests need %2 (scripts/install-deps installs "
                                       "them)")
                            .arg(program, programs.join(QStringLiteral(", ")));
                return;
            }
        }
        // -displayfd: Xvfb picks a free display number and writes it once it accepts connections.
        xvfb = std::make_unique<QProcess>();
        xvfb->setProcessChannelMode(QProcess::SeparateChannels);
        xvfb->start(QStringLiteral("Xvfb"), {QStringLiteral("-displayfd"), QStringLiteral("1"),
                                             QStringLiteral("-screen"), QStringLiteral("0"),
                                             QStringLiteral("1024x768x24"), QStringLiteral("-nolisten"),
                                             QStringLiteral("tcp")});
        QElapsedTimer timer;
        timer.start();
        QByteArray number;
        while (!number.contains('\n') && timer.elapsed() < 15000 && xvfb->state() != QProcess::NotRunning) {
            xvfb->waitForReadyRead(200);
            number += xvfb->readAllStandardOutput();
        }
        if (!number.contains('\n')) {
            error = QStringLiteral("Xvfb did not start: %1").arg(QString::fromLocal8Bit(xvfb->readAllStandardError()));
            return;
        }
        display = QLatin1Char(':') + QString::fromLatin1(number.trimmed());
        const QString socket = QStringLiteral("/tmp/.X11-unix/X") + display.mid(1);
        while (!QFileInfo::exists(socket) && timer.elapsed() < 15000)
            QThread::msleep(50);
        if (!QFileInfo::exists(socket)) {
            error = QStringLiteral("Xvfb %1 has no socket %2").arg(display, socket);
            return;
        }
        qputenv("DISPLAY", display.toUtf8());
        if (!withTray)
            return;
        trayer = std::make_unique<QProcess>();
        trayer->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        trayer->start(QStringLiteral("trayer"), {QStringLiteral("--edge"), QStringLiteral("top"),
                                                 QStringLiteral("--align"), QStringLiteral("right"),
                                                 QStringLiteral("--widthtype"), QStringLiteral("request"),
                                                 QStringLiteral("--height"), QStringLiteral("24"),
                                                 QStringLiteral("--SetDockType"), QStringLiteral("true")});
        if (!trayer->waitForStarted(10000))
            error = QStringLiteral("trayer did not start: %1").arg(trayer->errorString());
    }

    ~XSession()
    {
        for (auto *process : {trayer.get(), xvfb.get()}) {
            if (process && process->state() != QProcess::NotRunning) {
                process->terminate();
                if (!process->waitForFinished(5000))
                    process->kill();
                process->waitForFinished(2000);
            }
        }
    }
};

struct XWindow
{
    QString id;
    int depth = 0; ///< nesting below the root
    QString wmClass;
    int width = 0;
    int height = 0;
};

/// `xwininfo -root -tree` as a list of windows in tree order.
inline QList<XWindow> windowTree()
{
    QProcess xwininfo;
    xwininfo.start(QStringLiteral("xwininfo"), {QStringLiteral("-root"), QStringLiteral("-tree")});
    if (!xwininfo.waitForFinished(10000))
        return {};
    static const QRegularExpression line(QStringLiteral("^(\\s+)(0x[0-9a-f]+) .*?: \\((.*)\\)\\s+(\\d+)x(\\d+)[+-]"));
    QList<XWindow> windows;
    const QStringList lines = QString::fromLocal8Bit(xwininfo.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString &text : lines) {
        const auto match = line.match(text);
        if (!match.hasMatch())
            continue;
        windows.append({match.captured(2), static_cast<int>(match.captured(1).size()), match.captured(3),
                        match.captured(4).toInt(), match.captured(5).toInt()});
    }
    return windows;
}

inline bool isViewable(const QString &windowId)
{
    QProcess xwininfo;
    xwininfo.start(QStringLiteral("xwininfo"), {QStringLiteral("-id"), windowId});
    return xwininfo.waitForFinished(10000) && xwininfo.readAllStandardOutput().contains("Map State: IsViewable");
}

/// The mapped top-level windows of @p wmClass bigger than an icon: shown main windows.
inline QStringList viewableMainWindowsOf(const QString &wmClass)
{
    QStringList ids;
    const QList<XWindow> windows = windowTree();
    const int topDepth = windows.isEmpty() ? 0 : windows.front().depth;
    for (const XWindow &window : windows) {
        if (window.depth == topDepth && window.wmClass == wmClass && window.width > 200 && window.height > 200
            && isViewable(window.id))
            ids << window.id;
    }
    return ids;
}

} // namespace punctual::test
