// The run history of the selected job: a table of runs and, beside it, the selected run's captured output.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableView;

namespace punctual {

class Clock;
class OutputView;
class RunHistoryModel;
class SchedulerClient;

class RunHistoryPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunHistoryPane)

public:
    RunHistoryPane(SchedulerClient &scheduler, const Clock &clock, QWidget *parent = nullptr);

    /// Shows the runs of @p jobId (empty: none), titled with @p jobName.
    void showJob(const QString &jobId, const QString &jobName);
    /// Shows why the job shown is paused under the title (object name pauseNoteLabel); hidden when empty.
    void setPauseNote(const QString &note);
    QString jobId() const;
    /// Selects run @p runId of the job shown, now or, while its history is still coming, once it has come (the
    /// timeline's click on a run). A run older than the history kept selects nothing.
    void selectRun(qint64 runId);

    RunHistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPlainTextEdit *outputView() const;
    /// The output with its find bar, wrap toggle and Save output….
    OutputView *output() const { return m_output; }
    QSplitter *splitter() const { return m_splitter; }

private:
    void showSelectedRun();

    RunHistoryModel *m_model;
    QLabel *m_title;
    QLabel *m_pauseNote = nullptr;
    QSplitter *m_splitter;
    QTableView *m_view;
    OutputView *m_output;
    bool m_followNewest = false; ///< a run being inserted at the top takes the selection
    qint64 m_runToSelect = 0;    ///< selectRun() waiting for the history to come
};

} // namespace punctual
