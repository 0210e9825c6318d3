// punctualctl watch: the host's event stream, as lines for people or as JSON for scripts.
#include "cli.h"

#include "control/eventstream.h"
#include "control/methods.h"
#include "control/protocol.h"
#include "time/isotime.h"
#include "time/zonerules.h"
#include "util/jsontext.h"
#include "util/signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>

namespace punctual::cli {

namespace {

/// One event as a line for people: local time, what happened, to what.
QString describeEvent(const QJsonObject &event)
{
    namespace events = control::events;
    const QString name = event.value(QStringLiteral("event")).toString();
    const auto is = [&name](const char *eventName) { return name == QLatin1String(eventName); };
    const QJsonObject job = event.value(QStringLiteral("job")).toObject();
    const QJsonObject run = event.value(QStringLiteral("run")).toObject();
    QString what;
    if (is(events::jobAdded) || is(events::jobChanged)) {
        const QJsonValue next = job.value(QStringLiteral("next_run_time"));
        what = job.value(QStringLiteral("paused")).toBool() ? tr("%1 (paused)").arg(job.value(QStringLiteral("id")).toString())
            : next.isString() ? tr("%1, next run %2").arg(job.value(QStringLiteral("id")).toString(), next.toString())
                              : job.value(QStringLiteral("id")).toString();
    } else if (is(events::jobRemoved)) {
        what = event.value(QStringLiteral("job_id")).toString();
    } else if (!run.isEmpty()) {
        what = tr("%1 run %2: %3")
                   .arg(run.value(QStringLiteral("job_id")).toString())
                   .arg(run.value(QStringLiteral("id")).toInteger())
                   .arg(run.value(QStringLiteral("outcome")).toString());
        if (run.value(QStringLiteral("exit_code")).isDouble())
            what += tr(" (exit code %1)").arg(run.value(QStringLiteral("exit_code")).toInt());
    } else if (is(events::activity)) {
        what = tr("%1: %n running", nullptr, event.value(QStringLiteral("running")).toInt())
                   .arg(event.value(QStringLiteral("job_id")).toString());
        const QJsonObject retry = event.value(QStringLiteral("retry")).toObject();
        if (!retry.isEmpty())
            what += tr(", retry %1 of %2 at %3")
                        .arg(retry.value(QStringLiteral("attempt")).toInt())
                        .arg(retry.value(QStringLiteral("attempts")).toInt())
                        .arg(retry.value(QStringLiteral("at")).toString());
    } else if (is(events::schedulerState)) {
        what = event.value(QStringLiteral("state")).toString();
    } else if (is(events::storeError)) {
        what = event.value(QStringLiteral("message")).toString();
    } else if (is(events::runOutput)) {
        what = tr("%1 run %2: %3")
                   .arg(event.value(QStringLiteral("job_id")).toString())
                   .arg(event.value(QStringLiteral("run_id")).toInteger())
                   .arg(event.value(QStringLiteral("text")).toString().trimmed());
    }
    const QString now = QDateTime::currentDateTime().toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
                            .toString(Qt::ISODate);
    return what.isEmpty() ? QStringLiteral("%1 %2\n").arg(now, name) : QStringLiteral("%1 %2 %3\n").arg(now, name, what);
}

} // namespace

int runWatch(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print the scheduler host's events as they happen (jobs added, changed and removed, runs started and "
           "finished, the scheduler paused or resumed) until interrupted. Needs a running host (punctualctl run)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per event (docs/control-protocol.md)."));
    const QCommandLineOption output(QStringLiteral("output"), tr("Also print the output of runs as it comes."));
    parser.addOptions({json, output});
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return fail(ExitUsage, tr("watch takes no arguments"));

    const QString storePath = storeLocation().resolvedPath();
    QLocalSocket socket;
    socket.connectToServer(control::instanceSocketPath(storePath));
    if (!socket.waitForConnected(2000))
        return fail(ExitFailure, tr("no Punctual scheduler runs on %1 (start one with punctualctl run)")
                                     .arg(storeLocation().describe()));
    const QJsonObject subscribe{{QStringLiteral("id"), 1},
                                {QStringLiteral("method"), control::methodName(control::Method::Subscribe)},
                                {QStringLiteral("params"), QJsonObject{{QStringLiteral("output"), parser.isSet(output)}}}};
    socket.write(QJsonDocument(subscribe).toJson(QJsonDocument::Compact) + '\n');

    int result = ExitOk;
    bool subscribed = false;
    QByteArray buffer;
    QObject::connect(&socket, &QLocalSocket::readyRead, &socket, [&] {
        buffer += socket.readAll();
        for (qsizetype newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
            const QByteArray line = buffer.left(newline);
            buffer.remove(0, newline + 1);
            const QJsonObject message = jsontext::parse(line).object();
            if (!subscribed) {
                if (!message.value(QStringLiteral("ok")).toBool()) {
                    printError(tr("punctualctl: error: %1")
                                   .arg(control::errorFromWire(message.value(QStringLiteral("error")).toObject()).message));
                    result = ExitFailure;
                    QCoreApplication::quit();
                    return;
                }
                subscribed = true;
                continue;
            }
            print(parser.isSet(json) ? QString::fromUtf8(line) + QLatin1Char('\n') : describeEvent(message));
        }
    });
    QObject::connect(&socket, &QLocalSocket::disconnected, &socket, [&] {
        printError(tr("punctualctl: the scheduler host has gone"));
        result = ExitFailure;
        QCoreApplication::quit();
    });
    SignalWatcher interrupt;
    QObject::connect(&interrupt, &SignalWatcher::terminationRequested, &socket, [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    return result;
}

} // namespace punctual::cli
