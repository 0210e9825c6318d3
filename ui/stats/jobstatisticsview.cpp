// JobStatisticsView: the selected job's statistics in words and as a chart of durations over time.
#include "jobstatisticsview.h"

#include "control/schedulerclient.h"
#include "models/runhistorymodel.h"
#include "models/runpresentation.h"
#include "stats/statisticstext.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLegend>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace punctual {

namespace {

/// The outcomes that have a duration, each a series of its own (JobStatistics::hasDuration()).
constexpr RunOutcome chartedOutcomes[] = {RunOutcome::Success, RunOutcome::Failed, RunOutcome::TimedOut};

} // namespace

JobStatisticsView::JobStatisticsView(SchedulerClient &scheduler, RunHistoryModel &history, QWidget *parent)
    : QWidget(parent)
    , m_scheduler(scheduler)
    , m_summary(new QLabel(this))
    , m_chartView(new QChartView(new QChart, this))
{
    setObjectName(QStringLiteral("jobStatisticsView"));
    m_summary->setObjectName(QStringLiteral("statisticsSummary"));
    m_summary->setAccessibleName(tr("Statistics"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_chartView->setObjectName(QStringLiteral("durationChart"));
    m_chartView->setAccessibleName(tr("Durations over time"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    // Room for three time labels, the axis titles and the legend's words (narrower, Qt Charts elides them all).
    m_chartView->setMinimumSize(320, 180);
    QChart *chart = m_chartView->chart();
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_chartView, 1);

    connect(&history, &RunHistoryModel::loaded, this, [this, &history] { showJob(history.jobId()); });
    for (auto signal : {&SchedulerClient::jobExecuted, &SchedulerClient::jobError, &SchedulerClient::jobMissed,
                        &SchedulerClient::jobMaxInstances})
        connect(&scheduler, signal, this, [this](const RunRecord &run) {
            if (run.jobId == m_jobId)
                fetch();
        });
    show(JobStatistics{});
}

QChart *JobStatisticsView::chart() const
{
    return m_chartView->chart();
}

void JobStatisticsView::showJob(const QString &jobId)
{
    if (jobId != m_jobId) {
        m_jobId = jobId;
        JobStatistics none;
        none.jobId = jobId;
        show(none);
    }
    fetch();
}

void JobStatisticsView::fetch()
{
    const quint64 serial = ++m_serial;
    if (m_jobId.isEmpty())
        return;
    m_scheduler.statistics({m_jobId}, maxStatisticsPoints, this,
                           [this, serial](Result<QList<JobStatistics>> answer) {
        if (serial != m_serial || !answer || answer->isEmpty())
            return;
        show(answer->front());
    });
}

void JobStatisticsView::show(const JobStatistics &stats)
{
    m_stats = stats;
    m_summary->setText(m_jobId.isEmpty() ? tr("Select a job to see its statistics.")
                                         : statisticsDescription(stats));
    fillChart();
    m_chartView->setAccessibleDescription(m_jobId.isEmpty() ? QString() : trendSummary(stats));
    emit updated();
}

void JobStatisticsView::fillChart()
{
    QChart *chart = m_chartView->chart();
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().brush(QPalette::Base));
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);

    auto *time = new QDateTimeAxis;
    time->setTitleText(tr("Start (local time)"));
    time->setFormat(QStringLiteral("dd.MM. HH:mm"));
    time->setTickCount(3);
    auto *duration = new QValueAxis;
    duration->setTitleText(tr("Duration (s)"));
    duration->setLabelFormat(QStringLiteral("%.4g")); // "1000", not "1e+03"
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(duration, Qt::AlignLeft);

    std::int64_t first = 0, last = 0;
    double longest = 0;
    if (!m_stats.durations.isEmpty()) {
        first = m_stats.durations.front().startTime;
        last = m_stats.durations.back().startTime;
    }
    for (RunOutcome outcome : chartedOutcomes) {
        auto *series = new QScatterSeries;
        series->setName(outcomeName(outcome));
        series->setColor(outcomeColor(outcome, palette()));
        series->setBorderColor(outcomeColor(outcome, palette()));
        series->setMarkerSize(7);
        // Failed and timed out share a colour: their shapes tell them apart (and colour is never alone).
        series->setMarkerShape(outcome == RunOutcome::Success  ? QScatterSeries::MarkerShapeCircle
                               : outcome == RunOutcome::Failed ? QScatterSeries::MarkerShapeRectangle
                                                               : QScatterSeries::MarkerShapeTriangle);
        for (const RunDuration &run : std::as_const(m_stats.durations)) {
            if (run.outcome != outcome)
                continue;
            series->append(double(run.startTime), double(run.durationMs) / 1000.0);
            longest = std::max(longest, double(run.durationMs) / 1000.0);
        }
        chart->addSeries(series);
        series->attachAxis(time);
        series->attachAxis(duration);
    }
    // A single run, or runs in one instant, still get a readable span of time and height.
    const std::int64_t margin = std::max<std::int64_t>((last - first) / 20, 60'000);
    time->setRange(QDateTime::fromMSecsSinceEpoch(first - margin), QDateTime::fromMSecsSinceEpoch(last + margin));
    // After the series are attached (attaching fits the axis to them): durations from zero up.
    duration->setRange(0, longest > 0 ? longest * 1.05 : 1.0);
    duration->applyNiceNumbers();
}

void JobStatisticsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        fillChart(); // outcome colours and the theme follow the palette (light or dark)
}

} // namespace punctual
