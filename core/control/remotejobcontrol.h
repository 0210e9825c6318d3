// Job control through the running instance's control server.
#pragma once

#include "control/controlclient.h"
#include "control/jobcontrol.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace punctual {

/// Each call is one request to the instance (docs/control-protocol.md); its errors keep their ErrorCode.
class RemoteJobControl final : public JobControl
{
public:
    explicit RemoteJobControl(std::unique_ptr<ControlClient> client);
    ~RemoteJobControl() override;

    ControlClient &client() { return *m_client; }
    /// The instance's process id, when known.
    std::optional<qint64> instancePid() const { return m_client->peerPid(); }

    bool isRemote() const override { return true; }
    Result<Job> addJob(Job job, ConflictPolicy onConflict) override;
    Result<QList<Job>> addJobs(QList<Job> jobs, ConflictPolicy onConflict) override;
    Result<Job> job(const QString &id) override;
    Result<QList<Job>> jobs() override;
    Result<Job> pauseJob(const QString &id, const QString &note = {}) override;
    Result<Job> resumeJob(const QString &id) override;
    Result<Job> modifyJob(const QString &id, const JobChanges &changes) override;
    Result<Job> rescheduleJob(const QString &id, std::shared_ptr<const Trigger> trigger) override;
    Result<int> removeJob(const QString &id) override;
    Result<int> stopJob(const QString &id) override;
    Result<BackfillResult> backfill(const QString &id, std::int64_t fromMs, std::int64_t toMs,
                                    std::optional<OverlapPolicy> overlap, bool dryRun) override;
    Result<QStringList> pauseJobs(const QStringList &ids, const QString &note = {}) override;
    Result<QStringList> resumeJobs(const QStringList &ids) override;
    Result<int> removeJobs(const QStringList &ids) override;
    Result<int> removeAllJobs() override;
    Result<RunRecord> runJobNow(const QString &id) override;
    Result<QList<RunRecord>> history(const QString &jobId, int limit) override;
    Result<RunExplanation> explain(const QString &jobId, std::int64_t atMs) override;
    Result<QList<CalendarInfo>> calendars() override;
    Result<CalendarInfo> calendar(const QString &name) override;
    Result<CalendarInfo> putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict) override;
    Result<void> removeCalendar(const QString &name) override;
    Result<QList<JobActivity>> activity(const QString &jobId) override;
    Result<QList<JobStatistics>> statistics(const QStringList &ids, int points) override;

    /// Runs of @p jobId with an id of at least @p minRunId, newest first (following a run started by runJobNow()).
    Result<QList<RunRecord>> runsSince(const QString &jobId, std::int64_t minRunId);

private:
    /// A call whose result is one job.
    Result<Job> jobCall(control::Method method, const QJsonObject &params);
    /// A call whose result is a list of jobs or runs.
    template <typename T>
    Result<QList<T>> listCall(control::Method method, const QJsonObject &params = {});
    /// pause_jobs or resume_jobs: the ids that changed.
    /// A bulk call; @p note (pause_jobs) is sent when not empty.
    Result<QStringList> changedCall(control::Method method, const QStringList &ids, const QString &note = {});
    /// Sends one piece of a large import for the instance to stage (add_jobs with "more").
    Result<void> stageJobs(const QJsonArray &jobs);

    std::unique_ptr<ControlClient> m_client;
};

} // namespace punctual
