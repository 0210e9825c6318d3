// The Scheduler's signals as numbered events.
#include "eventstream.h"

#include "control/protocol.h"

#include "time/clock.h"

#include <QJsonArray>

namespace punctual {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

QString schedulerStateName(Scheduler::State state)
{
    switch (state) {
    case Scheduler::State::Stopped: return QStringLiteral("stopped");
    case Scheduler::State::Running: return QStringLiteral("running");
    case Scheduler::State::Paused: return QStringLiteral("paused");
    case Scheduler::State::ShuttingDown: return QStringLiteral("shutting_down");
    }
    return {};
}

std::optional<Scheduler::State> schedulerStateFromName(const QString &name)
{
    for (auto state : {Scheduler::State::Stopped, Scheduler::State::Running, Scheduler::State::Paused,
                       Scheduler::State::ShuttingDown}) {
        if (schedulerStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

EventStream::EventStream(Scheduler &scheduler, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
{
    using namespace control;
    const auto withJob = [this](const char *name) {
        return [this, name](const Job &job) { publish(name, {{QStringLiteral("job"), jobToWire(job)}}); };
    };
    const auto withRun = [this](const char *name) {
        return [this, name](const RunRecord &run) { publish(name, {{QStringLiteral("run"), runToWire(run)}}); };
    };
    connect(&scheduler, &Scheduler::jobAdded, this, withJob(events::jobAdded));
    connect(&scheduler, &Scheduler::jobModified, this, withJob(events::jobChanged));
    connect(&scheduler, &Scheduler::jobRemoved, this,
            [this](const QString &id) { publish(events::jobRemoved, {{QStringLiteral("job_id"), id}}); });
    connect(&scheduler, &Scheduler::allJobsRemoved, this, [this] { publish(events::jobsRemovedAll); });
    connect(&scheduler, &Scheduler::jobSubmitted, this, withRun(events::runStarted));
    connect(&scheduler, &Scheduler::jobExecuted, this, withRun(events::runFinished));
    connect(&scheduler, &Scheduler::jobError, this, withRun(events::runFinished));
    connect(&scheduler, &Scheduler::jobMissed, this, withRun(events::runMissed));
    connect(&scheduler, &Scheduler::jobMaxInstances, this, withRun(events::runSkipped));
    connect(&scheduler, &Scheduler::jobActivityChanged, this, [this](const QString &id) {
        JobActivity now{id, m_scheduler.runningCount(id), m_scheduler.retryWait(id), m_scheduler.conditionWait(id)};
        publish(events::activity, activityToWire(now));
    });
    const auto state = [this] {
        publish(events::schedulerState, {{QStringLiteral("state"), schedulerStateName(m_scheduler.state())}});
    };
    connect(&scheduler, &Scheduler::started, this, state);
    connect(&scheduler, &Scheduler::paused, this, state);
    connect(&scheduler, &Scheduler::resumed, this, state);
    connect(&scheduler, &Scheduler::shutDown, this, state);
    connect(&scheduler, &Scheduler::runOutput, this, [this](const RunRecord &run, const QString &chunk) {
        publish(events::runOutput, {{QStringLiteral("run_id"), static_cast<double>(run.id)},
                                    {QStringLiteral("job_id"), run.jobId},
                                    {QStringLiteral("text"), chunk}});
    });
    connect(&scheduler, &Scheduler::storeError, this,
            [this](const QString &message) { publish(events::storeError, {{QStringLiteral("message"), message}}); });
    connect(&scheduler, &Scheduler::storeStatusChanged, this,
            [this](const StoreStatus &status) { publish(events::storeStatus, control::storeStatusToWire(status)); });
    connect(&scheduler, &Scheduler::missedRunsAdded, this,
            [this](const QList<MissedRunsReport> &reports, bool newEpisode) {
                QJsonArray list;
                for (const MissedRunsReport &report : reports)
                    list.append(report.toJson());
                publish(events::missedRunsAdded,
                        {{QStringLiteral("reports"), list}, {QStringLiteral("new_episode"), newEpisode}});
            });
    connect(&scheduler, &Scheduler::missedRunsDismissed, this, [this](const QStringList &ids) {
        publish(events::missedRunsDismissed, {{QStringLiteral("job_ids"), QJsonArray::fromStringList(ids)}});
    });
}

void EventStream::publish(const char *name, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), key(name));
    fields.insert(QStringLiteral("revision"), static_cast<double>(++m_revision));
    // When the host published it (its scheduler's clock): how late a client hears of it shows.
    fields.insert(QStringLiteral("at"), control::instantToWire(m_scheduler.clock().nowMs()));
    emit published(fields, qstrcmp(name, control::events::runOutput) == 0);
}

} // namespace punctual
