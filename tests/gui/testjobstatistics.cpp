// Statistics in the window (offscreen, a real host): the Duration trend column (shown from View › Columns, remembered,
// painted from statistics asked only for the rows in view, renewed when a run ends), the details' Statistics text and
// chart, and the dark palette (applied live, complete, outcome colours readable on it, remembered).
#include "dialogs/settingsdialog.h"
#include "models/joblistmodel.h"
#include "models/runpresentation.h"
#include "settings/appearance.h"
#include "settings/settings.h"
#include "stats/durationtrendcolumn.h"
#include "stats/jobstatisticscache.h"
#include "stats/jobstatisticsview.h"
#include "stats/statisticstext.h"
#include "store/jobrowcodec.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"
#include "support/testsupport.h"
#include "widgets/runhistorypane.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

using namespace punctual;
using namespace punctual::test;

namespace {

/// WCAG's relative luminance and contrast ratio.
double luminance(const QColor &color)
{
    auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

constexpr RunOutcome allOutcomes[] = {
    RunOutcome::Running,     RunOutcome::Success,  RunOutcome::Failed,   RunOutcome::Missed,
    RunOutcome::Skipped,     RunOutcome::Interrupted, RunOutcome::TimedOut, RunOutcome::Queued,
    RunOutcome::Replaced,    RunOutcome::Excluded, RunOutcome::Waiting,  RunOutcome::ConditionTimeout,
};

} // namespace

class TestJobStatistics : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void trendColumnHiddenUntilShownAndRemembered();
    void sparklineAsksOnlyForRowsInView();
    void sparklineTooltipAndRenewalWhenARunEnds();
    void statisticsTextAndChart();
    void darkPaletteAppliedCompleteAndReadable();
    void appearanceRemembered();

private:
    DurationTrendColumn *trendColumn() const { return m_window->findChild<DurationTrendColumn *>(); }
    /// Writes a run of @p jobId straight into the host's store: started at @p start, taking @p ms.
    void addRun(const QString &jobId, std::int64_t start, std::int64_t ms, RunOutcome outcome);

    QTemporaryDir m_home;
};

void TestJobStatistics::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests-stats"));
    QCoreApplication::setApplicationName(QStringLiteral("testjobstatistics"));
}

void TestJobStatistics::init()
{
    Settings::setShowsDurationTrend(false);
    setUpWindow();
    QVERIFY(m_window);
}

void TestJobStatistics::cleanup()
{
    appearance::apply(ColorScheme::System);
    tearDownWindow();
}

void TestJobStatistics::addRun(const QString &jobId, std::int64_t start, std::int64_t ms, RunOutcome outcome)
{
    RunRecord run;
    run.jobId = jobId;
    run.scheduledTime = start;
    run.startTime = start;
    run.endTime = start + ms;
    run.outcome = outcome;
    QVERIFY_OK(m_store->insertRun(run));
}

void TestJobStatistics::trendColumnHiddenUntilShownAndRemembered()
{
    QHeaderView *header = m_window->jobView()->horizontalHeader();
    QVERIFY(header->isSectionHidden(JobListModel::TrendColumn));
    QCOMPARE(m_window->jobModel()->headerData(JobListModel::TrendColumn, Qt::Horizontal).toString(),
             QStringLiteral("Duration trend"));
    QAction *toggle = trendColumn()->action();
    QVERIFY(!toggle->isChecked());
    // In View › Columns and in the header's own context menu.
    auto *columns = m_window->findChild<QMenu *>(QStringLiteral("columnsMenu"));
    QVERIFY(columns && columns->actions().contains(toggle));
    QCOMPARE(header->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(header->actions().contains(toggle));

    toggle->trigger();
    QVERIFY(!header->isSectionHidden(JobListModel::TrendColumn));
    QVERIFY(header->sectionSize(JobListModel::TrendColumn) >= 2 * sparklinePoints);
    QVERIFY(Settings::showsDurationTrend());

    // A new window (the next start) shows it again.
    tearDownWindow();
    setUpWindow();
    QVERIFY(!m_window->jobView()->horizontalHeader()->isSectionHidden(JobListModel::TrendColumn));
    QVERIFY(trendColumn()->action()->isChecked());
    trendColumn()->action()->trigger();
    QVERIFY(m_window->jobView()->horizontalHeader()->isSectionHidden(JobListModel::TrendColumn));
    QVERIFY(!Settings::showsDurationTrend());
}

void TestJobStatistics::sparklineAsksOnlyForRowsInView()
{
    // One stored job, so the window shows its table (not the empty state) once loaded.
    QVERIFY_OK(m_scheduler->addJob(JobBuilder("stored").name("Stored").interval(3'600'000, MainWindowHarness::startMs).function("noop")));
    m_window->resize(1100, 680); // the default size
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 1);
    // 100,000 rows (summaries, as the loader gives them); the host knows none of them: it answers zero counts.
    const Job job = JobBuilder("template").name("t").interval(3'600'000, MainWindowHarness::startMs);
    JobRowCodec codec;
    const JobTexts texts = codec.texts(job);
    QList<JobSummary> summaries;
    summaries.reserve(100'000);
    for (int i = 0; i < 100'000; ++i)
        summaries.append({QStringLiteral("job-%1").arg(i, 6, 10, QLatin1Char('0')), QStringLiteral("Job %1").arg(i),
                          texts, false, MainWindowHarness::startMs + i * 1000LL, 0, {}});
    m_window->jobModel()->setJobSummaries(std::move(summaries), {});
    QCOMPARE(m_window->jobModel()->rowCount(), 100'000);

    JobStatisticsCache *cache = trendColumn()->cache();
    QCOMPARE(cache->requestCount(), 0); // hidden: nothing painted, nothing asked
    trendColumn()->setShown(true);
    QTableView *view = m_window->jobView();
    // Shown beside the last result, in view in a window of the default width.
    QHeaderView *header = view->horizontalHeader();
    QCOMPARE(header->visualIndex(JobListModel::TrendColumn), header->visualIndex(JobListModel::LastResultColumn) + 1);
    QVERIFY(header->sectionViewportPosition(JobListModel::TrendColumn) + header->sectionSize(JobListModel::TrendColumn)
            <= view->viewport()->width());
    QTRY_VERIFY(cache->requestCount() > 0);
    syncClient();
    const int rowHeight = view->verticalHeader()->defaultSectionSize();
    const int inView = view->viewport()->height() / rowHeight + 1;
    QVERIFY2(cache->requestedIdCount() <= inView,
             qPrintable(QString("%1 ids asked, %2 rows in view").arg(cache->requestedIdCount()).arg(inView)));
    QVERIFY(cache->requestedIdCount() >= inView - 1);
    QCOMPARE(cache->requestCount(), 1); // one batch for all rows painted in one pass
    qInfo("100,000 rows: %d rows in view, %d ids asked in %d request(s)", inView, cache->requestedIdCount(),
          cache->requestCount());
    const QString firstRow = view->model()->index(0, 0).data(JobListModel::JobIdRole).toString();
    QTRY_VERIFY(cache->statistics(firstRow) != nullptr);

    // Painting again asks nothing more; scrolling to the end asks only for the rows that come into view.
    const int askedBefore = cache->requestedIdCount();
    view->viewport()->repaint();
    QCoreApplication::processEvents();
    QCOMPARE(cache->requestedIdCount(), askedBefore);
    view->scrollToBottom();
    QTRY_VERIFY(cache->requestedIdCount() > askedBefore);
    syncClient();
    QVERIFY2(cache->requestedIdCount() <= 2 * inView, qPrintable(QString::number(cache->requestedIdCount())));
    qInfo("after scrolling to the end: %d ids asked in %d requests", cache->requestedIdCount(), cache->requestCount());
}

void TestJobStatistics::sparklineTooltipAndRenewalWhenARunEnds()
{
    Job job = JobBuilder("quick").name("Quick").interval(3'600'000, MainWindowHarness::startMs).function("noop");
    QVERIFY_OK(m_scheduler->addJob(job));
    addRun("quick", MainWindowHarness::startMs - 60'000, 400, RunOutcome::Success);
    addRun("quick", MainWindowHarness::startMs - 30'000, 2'100, RunOutcome::Failed);
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 1);
    trendColumn()->setShown(true);
    JobStatisticsCache *cache = trendColumn()->cache();
    QTRY_VERIFY(cache->statistics("quick") != nullptr);
    QCOMPARE(cache->statistics("quick")->ended(), 2);
    QCOMPARE(trendSummary(*cache->statistics("quick")),
             QStringLiteral("Last 2 runs: 50 % succeeded, median 0.4 s, p95 2.1 s"));

    // The cell's tooltip says it in words (plain text).
    QTableView *view = m_window->jobView();
    const QRect cell = view->visualRect(view->model()->index(0, JobListModel::TrendColumn));
    QHelpEvent help(QEvent::ToolTip, cell.center(), view->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("Last 2 runs: 50 % succeeded, median 0.4 s, p95 2.1 s"));
    // A screen reader hears the same words for the cell.
    QCOMPARE(view->model()->index(0, JobListModel::TrendColumn).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Last 2 runs: 50 % succeeded, median 0.4 s, p95 2.1 s"));

    // A run that ends makes the row ask again (once painted), without asking for anything else.
    const int requests = cache->requestCount();
    QSignalSpy changed(cache, &JobStatisticsCache::statisticsChanged);
    QVERIFY(m_scheduler->runJobNow("quick"));
    QTRY_VERIFY(changed.size() >= 2); // stale (the row repaints and asks again), then renewed by the answer
    QVERIFY(cache->requestCount() > requests);
    QCOMPARE(cache->statistics("quick")->ended(), 3);
    QCOMPARE(cache->requestedIdCount(), cache->requestCount()); // one id a request: only this job's row
}

void TestJobStatistics::statisticsTextAndChart()
{
    Job job = JobBuilder("nightly").name("Nightly").interval(3'600'000, MainWindowHarness::startMs).function("noop");
    QVERIFY_OK(m_scheduler->addJob(job));
    const std::int64_t t = MainWindowHarness::startMs - 10 * 3'600'000LL;
    addRun("nightly", t, 1'000, RunOutcome::Success);
    addRun("nightly", t + 3'600'000, 3'000, RunOutcome::Success);
    addRun("nightly", t + 7'200'000, 9'000, RunOutcome::Failed);
    addRun("nightly", t + 10'800'000, 60'000, RunOutcome::TimedOut);
    addRun("nightly", t + 14'400'000, 2'000, RunOutcome::Success);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *statistics = m_window->findChild<JobStatisticsView *>();
    QVERIFY(statistics);
    QCOMPARE(statistics->parentWidget(), static_cast<QWidget *>(m_window->historyPane()->splitter())); // beside the run output
    QCOMPARE(statistics->summaryLabel()->text(), QStringLiteral("Select a job to see its statistics."));

    QTRY_VERIFY(m_window->selectJob("nightly"));
    QTRY_VERIFY(statistics->jobId() == "nightly" && statistics->statistics().ended() == 5);
    QCOMPARE(statistics->summaryLabel()->text(),
             QStringLiteral("3 of 5 runs that ended succeeded (60 %).\nFailed: 1, timed out: 1, interrupted: 0.\n"
                            "Median duration 3.0 s; 95 % of runs took at most 1 min."));
    QCOMPARE(statistics->summaryLabel()->textFormat(), Qt::PlainText);

    // One series per outcome with a duration, named in words, in its outcome colour; x the start, y seconds.
    const QList<QAbstractSeries *> series = statistics->chart()->series();
    QCOMPARE(series.size(), 3);
    const std::tuple<RunOutcome, QString, QList<QPointF>> expected[] = {
        {RunOutcome::Success, "Success",
         {{double(t), 1.0}, {double(t + 3'600'000), 3.0}, {double(t + 14'400'000), 2.0}}},
        {RunOutcome::Failed, "Failed", {{double(t + 7'200'000), 9.0}}},
        {RunOutcome::TimedOut, "Timed out", {{double(t + 10'800'000), 60.0}}},
    };
    for (int i = 0; i < 3; ++i) {
        auto *scatter = qobject_cast<QScatterSeries *>(series[i]);
        QVERIFY(scatter);
        const auto &[outcome, name, points] = expected[i];
        QCOMPARE(scatter->name(), name);
        QCOMPARE(scatter->color(), outcomeColor(outcome, statistics->palette()));
        QCOMPARE(scatter->points(), points);
    }
    // Failed and timed out share their colour; their marker shapes differ.
    QVERIFY(qobject_cast<QScatterSeries *>(series[1])->markerShape()
            != qobject_cast<QScatterSeries *>(series[2])->markerShape());
    auto *seconds = qobject_cast<QValueAxis *>(statistics->chart()->axes(Qt::Vertical).value(0));
    QVERIFY(seconds);
    QCOMPARE(seconds->min(), 0.0); // durations from zero up
    QVERIFY(seconds->max() >= 60.0);
    auto *time = qobject_cast<QDateTimeAxis *>(statistics->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(time);
    QVERIFY(time->min().toMSecsSinceEpoch() <= t && time->max().toMSecsSinceEpoch() >= t + 14'400'000);
    QCOMPARE(time->min().timeSpec(), Qt::LocalTime);
    // Named for screen readers, with the figures as its description.
    QVERIFY(!statistics->chartView()->accessibleName().isEmpty());
    QCOMPARE(statistics->chartView()->accessibleDescription(),
             QStringLiteral("Last 5 runs: 60 % succeeded, median 3.0 s, p95 1 min"));
}

void TestJobStatistics::darkPaletteAppliedCompleteAndReadable()
{
    const QPalette dark = appearance::darkPalette();
    // Every role of every group is set.
    for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        for (int role = 0; role < QPalette::NColorRoles; ++role) {
            if (role == QPalette::NoRole)
                continue;
            QVERIFY2(dark.isBrushSet(group, QPalette::ColorRole(role)),
                     qPrintable(QString("group %1 role %2").arg(int(group)).arg(role)));
        }
    }
    // Outcome colours (bars, chart points) and text stay readable on the dark and on the light palette.
    const QPalette light = QApplication::style()->standardPalette();
    for (const QPalette &palette : {dark, light}) {
        for (RunOutcome outcome : allOutcomes) {
            for (auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase}) {
                const double ratio = contrast(outcomeColor(outcome, palette), palette.color(role));
                QVERIFY2(ratio >= 3.0, qPrintable(QString("%1 on role %2: %3:1")
                                                      .arg(RunRecord::outcomeName(outcome))
                                                      .arg(int(role))
                                                      .arg(ratio, 0, 'f', 2)));
            }
        }
    }
    QVERIFY(contrast(dark.color(QPalette::Text), dark.color(QPalette::Base)) >= 7.0);
    QVERIFY(contrast(dark.color(QPalette::Disabled, QPalette::Text), dark.color(QPalette::Disabled, QPalette::Base))
            >= 3.0);
    QVERIFY(contrast(dark.color(QPalette::HighlightedText), dark.color(QPalette::Highlight)) >= 4.5);
    QVERIFY(contrast(dark.color(QPalette::Link), dark.color(QPalette::Base)) >= 4.5);

    // Applied live: the open window and its chart take it.
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *statistics = m_window->findChild<JobStatisticsView *>();
    const QString styleBefore = QApplication::style()->name();
    appearance::apply(ColorScheme::Dark);
    QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
    QTRY_COMPARE(m_window->palette().color(QPalette::Window), dark.color(QPalette::Window));
    QTRY_COMPARE(m_window->jobView()->palette().color(QPalette::Base), dark.color(QPalette::Base));
    QCOMPARE(statistics->chart()->theme(), QChart::ChartThemeDark);
    appearance::apply(ColorScheme::Light);
    QTRY_VERIFY(m_window->palette().color(QPalette::Window).lightnessF() > 0.5);
    QCOMPARE(statistics->chart()->theme(), QChart::ChartThemeLight);
    appearance::apply(ColorScheme::System);
    QCOMPARE(QApplication::style()->name(), styleBefore);
}

void TestJobStatistics::appearanceRemembered()
{
    const QString file = m_home.filePath("appearance.ini");
    {
        Settings settings(file);
        QCOMPARE(settings.colorScheme(), ColorScheme::System);
        SettingsDialog dialog(settings, StoreLocation::fromPath(m_home.filePath("x.db")));
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("appearanceCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3);
        QCOMPARE(combo->currentText(), QStringLiteral("Follow the system"));
        combo->setCurrentIndex(combo->findData(int(ColorScheme::Dark)));
        dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    Settings again(file);
    QCOMPARE(again.colorScheme(), ColorScheme::Dark);
    SettingsDialog dialog(again, StoreLocation::fromPath(m_home.filePath("x.db")));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("appearanceCombo"))->currentText(), QStringLiteral("Dark"));
    again.setColorScheme(ColorScheme::Light);
    QCOMPARE(Settings(file).colorScheme(), ColorScheme::Light);
}

QTEST_MAIN(TestJobStatistics)
#include "testjobstatistics.moc"
