// Runs the real punctualctl binary for end-to-end tests.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

struct PunctualctlResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs punctualctl with @p args to completion (stdin closed) and returns what it printed.
inline PunctualctlResult runPunctualctl(const QStringList &args, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral(PUNCTUALCTL_PATH), args);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAllStandardOutput()),
                QStringLiteral("timed out: ") + QString::fromUtf8(process.readAllStandardError())};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}
