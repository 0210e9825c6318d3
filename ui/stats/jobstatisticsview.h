// The details' Statistics: a job's success rate and durations in words, and its durations over time as a chart.
#pragma once

#include "jobs/jobstatistics.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace punctual {

class RunHistoryModel;
class SchedulerClient;

/**
 * Statistics of the job the run history shows (it follows @p history: RunHistoryModel::loaded), over its kept
 * history: a summary in words (statisticsDescription()) and a Qt Charts scatter chart of each run's duration at its
 * start (local time), one series per outcome (succeeded, failed, timed out) in its outcomeColor(), named in the
 * legend. Fetched from the host ("stats", the newest maxStatisticsPoints durations) when the job changes and again
 * when one of its runs ends.
 */
class JobStatisticsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobStatisticsView)

public:
    JobStatisticsView(SchedulerClient &scheduler, RunHistoryModel &history, QWidget *parent = nullptr);

    /// Shows the statistics of @p jobId (empty: none); the figures come with the host's answer (updated()).
    void showJob(const QString &jobId);
    QString jobId() const { return m_jobId; }
    /// The figures shown (zero counts before the first answer).
    const JobStatistics &statistics() const { return m_stats; }
    QLabel *summaryLabel() const { return m_summary; }
    QChartView *chartView() const { return m_chartView; }
    QChart *chart() const;

signals:
    /// New figures are shown.
    void updated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fetch();
    void show(const JobStatistics &stats);
    void fillChart();

    SchedulerClient &m_scheduler;
    QString m_jobId;
    JobStatistics m_stats;
    quint64 m_serial = 0; ///< answers to earlier requests are dropped
    QLabel *m_summary;
    QChartView *m_chartView;
};

} // namespace punctual
