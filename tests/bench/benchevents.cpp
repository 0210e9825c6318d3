// Host → window event latency: a real `punctualctl run` host in its own process runs many short jobs; this
// process is the window's side (SchedulerClient and JobListModel, as the window has them) and measures, for each
// run_started event, the time from the host publishing it (the event's "at") to the window's model showing the run
// as Running; and, apart, from the run's start_time (the due pass that recorded it) to then, which adds the time
// the host took to start the runs due before it in the same pass. Same machine, same wall clock. One JSON line.
//   benchevents [--jobs N] [--seconds S] [--punctualctl PATH]
// With --bulk N: N paused interval jobs are put in the store, the host started, the window's side loads the list as
// the window does, then resumes all N with one resume_jobs request and measures how long until the model has
// applied all N job_changed events, and the longest the window's thread went without an event-loop turn meanwhile
// (a 1 ms timer's largest gap).
#include "control/instancelock.h"
#include "jobs/job.h"
#include "store/sqljobstore.h"
#include "triggers/intervaltrigger.h"
#include "control/schedulerclient.h"
#include "models/joblistmodel.h"
#include "store/storelocation.h"
#include "time/clock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace punctual;

namespace {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<qsizetype>(std::min<double>(values.size() - 1, p / 100.0 * values.size()));
    return values.at(at);
}

double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').first().toDouble() : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption jobsOption(QStringLiteral("jobs"), QStringLiteral("Jobs, each every second."),
                                        QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("How long to measure."),
                                           QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption ctlOption(QStringLiteral("punctualctl"), QStringLiteral("The punctualctl to host with."),
                                       QStringLiteral("PATH"), QStringLiteral(PUNCTUALCTL_PATH));
    const QCommandLineOption bulkOption(QStringLiteral("bulk"), QStringLiteral("Resume N paused jobs in one request."),
                                        QStringLiteral("N"));
    parser.addOptions({jobsOption, secondsOption, ctlOption, bulkOption});
    parser.process(app);
    const int jobs = parser.value(jobsOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();

    QTemporaryDir dir;
    qputenv("XDG_RUNTIME_DIR", dir.path().toUtf8());
    qputenv("XDG_STATE_HOME", dir.filePath("state").toUtf8());
    const QString store = dir.filePath(QStringLiteral("jobs.db"));
    const QString ctl = parser.value(ctlOption);
    const int bulk = parser.value(bulkOption).toInt();
    if (bulk > 0) {
        // The store filled directly (no host yet): N paused jobs every hour.
        auto filled = SqlJobStore::openSqlite(store, SqlJobStore::OpenMode::ExplicitPath);
        if (!filled)
            return std::fprintf(stderr, "benchevents: %s\n", qPrintable(filled.error().message)), 1;
        QList<Job> paused;
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < bulk; ++i) {
            Job job;
            job.id = QStringLiteral("job-%1").arg(i, 6, 10, QLatin1Char('0'));
            job.name = job.id;
            job.trigger = std::make_shared<IntervalTrigger>(3'600'000, now);
            CommandAction action;
            action.program = QStringLiteral("/bin/true");
            job.action = action;
            job.paused = true;
            job.createdAt = now;
            paused << job;
        }
        if (auto added = filled.value()->addJobs(paused, ConflictPolicy::Fail); !added)
            return std::fprintf(stderr, "benchevents: %s\n", qPrintable(added.error().message)), 1;
    }
    for (int i = 0; i < (bulk > 0 ? 0 : jobs); ++i) {
        QProcess add;
        add.start(ctl, {"--db", store, "add", "--id", QStringLiteral("job%1").arg(i), "--every", "1s", "--",
                        "/bin/true"});
        add.waitForFinished(30000);
    }
    QProcess host;
    host.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    host.setStandardErrorFile(QProcess::nullDevice());
    host.start(ctl, {"--db", store, "run"});
    if (!QTest::qWaitFor([&] { return InstanceLock::runningInstancePid(store).has_value(); }, 15000)) {
        std::fprintf(stderr, "benchevents: the host did not start\n");
        return 1;
    }

    SystemClock clock;
    SchedulerClient client(StoreLocation::fromPath(store).resolvedPath());
    JobListModel model(client, clock);
    model.setJobs({}, {});
    QList<double> latencies;
    QList<double> sinceRecorded;
    // The model is connected first: when this runs, the row already says Running.
    QObject::connect(&client, &SchedulerClient::jobSubmitted, &client, [&](const RunRecord &run) {
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        if (client.lastEventTime() > 0)
            latencies.append(static_cast<double>(now - client.lastEventTime()));
        if (run.startTime)
            sinceRecorded.append(static_cast<double>(now - *run.startTime));
    });
    client.connectToHost();
    if (!QTest::qWaitFor([&] { return client.isConnected(); }, 10000)) {
        std::fprintf(stderr, "benchevents: no connection to the host within 10 s\n");
        return 1;
    }
    if (bulk > 0) {
        auto listed = StoreLocation::fromPath(store).openReadOnly();
        auto summaries = listed ? listed.value()->jobSummaries() : Result<QList<JobSummary>>(listed.error());
        if (!summaries)
            return std::fprintf(stderr, "benchevents: %s\n", qPrintable(summaries.error().message)), 1;
        model.setJobSummaries(summaries.value(), {});
        QStringList ids;
        for (int i = 0; i < bulk; ++i)
            ids << QStringLiteral("job-%1").arg(i, 6, 10, QLatin1Char('0'));
        int changed = 0;
        QObject::connect(&client, &SchedulerClient::jobModified, &client, [&changed] { ++changed; });
        QElapsedTimer gapTimer;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
            longestGap = std::max(longestGap, gapTimer.restart());
        });
        QElapsedTimer elapsed;
        elapsed.start();
        double answered = -1;
        client.resumeJobs(ids, &client, [&](Result<QJsonValue>) { answered = elapsed.nsecsElapsed() / 1e9; });
        gapTimer.start();
        ticker.start();
        const bool done = QTest::qWaitFor([&] { return changed >= bulk && answered >= 0; }, 120000);
        const double applied = elapsed.nsecsElapsed() / 1e9;
        if (!done) {
            std::fprintf(stderr, "benchevents: %d of %d job changes and %s after 120 s\n", changed, bulk,
                         answered >= 0 ? "the answer" : "no answer");
            return 1;
        }
        ticker.stop();
        bool allResumed = true;
        for (int row = 0; row < model.rowCount(); ++row)
            allResumed &= model.jobAt(row) && !model.jobAt(row)->paused;
        host.terminate();
        host.waitForFinished(30000);
        QJsonObject result{{"scenario", "bulk-resume-window"},
                           {"jobs", bulk},
                           {"answer_seconds", answered},
                           {"all_events_applied_seconds", applied},
                           {"events", changed},
                           {"all_rows_resumed", allResumed},
                           {"longest_gui_gap_ms", static_cast<double>(longestGap)},
                           {"load_average", loadAverage()}};
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    latencies.clear();
    sinceRecorded.clear();
    QTest::qWait(seconds * 1000);

    host.terminate();
    host.waitForFinished(30000);
    QJsonObject result{{"scenario", "event-latency"},
                       {"jobs", jobs},
                       {"seconds", seconds},
                       {"samples", latencies.size()},
                       {"p50_ms", percentile(latencies, 50)},
                       {"p99_ms", percentile(latencies, 99)},
                       {"max_ms", percentile(latencies, 100)},
                       {"since_recorded_p50_ms", percentile(sinceRecorded, 50)},
                       {"since_recorded_p99_ms", percentile(sinceRecorded, 99)},
                       {"load_average", loadAverage()}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
