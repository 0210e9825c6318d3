// punctualctl status: the scheduler host of the store, and whether it can reach its store.
#include "cli.h"

#include "control/controlclient.h"
#include "control/methods.h"
#include "control/protocol.h"
#include "scheduler/dueplanner.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace punctual::cli {

namespace {

// "unavailable since 2026-12-06T15:46:11+01:00 (2 min 3 s), 5 reconnects, the next at ..." and the error.
QString storeHealthLines(const StoreStatus &health, std::int64_t nowMs)
{
    QString text;
    if (health.available) {
        text = tr("Store health: available");
        if (health.sinceMs > 0)
            text += tr(" again since %1 (the last outage took %n reconnect(s))", nullptr, health.retries)
                        .arg(localTime(health.sinceMs));
        text += QLatin1Char('\n');
        if (!health.lastError.isEmpty())
            text += tr("Last error:   %1\n").arg(health.lastError);
        return text;
    }
    text = tr("Store health: UNAVAILABLE since %1 (%2); no job starts until it is back\n")
               .arg(localTime(health.sinceMs), formatLateness(std::max<std::int64_t>(0, nowMs - health.sinceMs)));
    text += tr("Reconnects:   %n so far", nullptr, health.retries);
    if (health.nextRetryMs)
        text += tr(", the next at %1").arg(localTime(*health.nextRetryMs));
    text += QLatin1Char('\n');
    text += tr("Last error:   %1\n").arg(health.lastError);
    return text;
}

/// The status as one line of JSON, for scripts.
void printJsonLine(const QJsonObject &json)
{
    print(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

} // namespace

int runStatus(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show the scheduler host of the store: its state, how it was started, its jobs, and whether it can reach "
           "its store (since when, the last error, the reconnects tried). Exits 0 when a host runs and reaches its "
           "store, 1 when it cannot reach it, 3 when no host runs on the store."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the host's status as JSON."));
    parser.addOption(json);
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return fail(ExitUsage, tr("status takes no arguments"));

    const StoreLocation location = storeLocation();
    ControlClient client;
    if (auto connected = client.connectToStore(location.resolvedPath()); !connected) {
        if (connected.error().code != ErrorCode::NotFound)
            return fail(connected.error());
        if (parser.isSet(json)) {
            printJsonLine({{QStringLiteral("running"), false}, {QStringLiteral("store"), location.describe()}});
        } else {
            print(tr("No scheduler host runs on %1 (start one: punctualctl run, or the window)\n")
                      .arg(location.describe()));
        }
        return ExitNoSuchJob;
    }
    auto answer = client.call(control::Method::Status);
    if (!answer)
        return fail(answer.error());
    const QJsonObject status = answer.value().toObject();
    const StoreStatus health = control::storeStatusFromWire(status.value(QStringLiteral("store_health")).toObject());
    if (parser.isSet(json)) {
        QJsonObject out = status;
        out.insert(QStringLiteral("running"), true);
        printJsonLine(out);
        return health.available ? ExitOk : ExitFailure;
    }
    QString text;
    text += tr("Scheduler:    %1 (pid %2, Punctual %3)\n")
                .arg(status.value(QStringLiteral("state")).toString())
                .arg(status.value(QStringLiteral("pid")).toInteger())
                .arg(status.value(QStringLiteral("version")).toString());
    if (const auto started = control::instantFromWire(status.value(QStringLiteral("started_at")).toString()))
        text += tr("Started:      %1 by %2\n")
                    .arg(localTime(*started), status.value(QStringLiteral("started_by")).toString());
    if (!status.value(QStringLiteral("runs_jobs")).toBool(true))
        text += tr("Runs jobs:    no (manages them only)\n");
    text += tr("Store:        %1\n").arg(status.value(QStringLiteral("store")).toString());
    text += storeHealthLines(health, QDateTime::currentMSecsSinceEpoch());
    const QJsonValue jobs = status.value(QStringLiteral("jobs"));
    text += tr("Jobs:         %1 (%2 running, %3 waiting to retry)\n")
                .arg(jobs.isDouble() ? QString::number(jobs.toInteger()) : tr("unknown while the store is away"))
                .arg(status.value(QStringLiteral("running")).toInt())
                .arg(status.value(QStringLiteral("retrying")).toInt());
    print(text);
    return health.available ? ExitOk : ExitFailure;
}

} // namespace punctual::cli
