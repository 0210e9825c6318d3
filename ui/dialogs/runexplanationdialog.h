// "Why?" for a run of the history: the host's explanation of that run time, in a small dialog.
#pragma once

#include "scheduler/runexplainer.h"

#include <QDialog>

#include <cstdint>
#include <optional>

class QLabel;

namespace punctual {

class SchedulerClient;

/**
 * Asks the host what happened at @p atMs for job @p jobId (SchedulerClient::explain(), never blocking) and shows
 * the answer's paragraph; until it comes, "Asking the scheduler…". Not modal; deletes itself when closed.
 */
class RunExplanationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunExplanationDialog)

public:
    RunExplanationDialog(SchedulerClient &scheduler, const QString &jobId, const QString &jobTitle, std::int64_t atMs,
                         QWidget *parent = nullptr);

    /// The explanation once it came (none while asking, or after an error).
    const std::optional<RunExplanation> &explanation() const { return m_explanation; }
    QString text() const;

signals:
    /// The host answered (explanation() is set) or the request failed (text() says why).
    void answered();

private:
    QLabel *m_text;
    std::optional<RunExplanation> m_explanation;
};

} // namespace punctual
