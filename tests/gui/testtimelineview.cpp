// View › Timeline over a real host and SQLite store (MainWindowHarness): the time axis, runs as bars of their outcome's
// colour, coming fire times, DST and excluded-day shading, hover, click and keys, the accessible tree, the View
// action, and a list of 100,000 jobs that asks only for the rows shown.
#include "models/jobfilterproxymodel.h"
#include "models/joblistmodel.h"
#include "models/runhistorymodel.h"
#include "models/runpresentation.h"
#include "settings/settings.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"
#include "support/testsupport.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinescale.h"
#include "timeline/timelineview.h"
#include "timeline/timelinewidget.h"
#include "triggers/crontrigger.h"
#include "widgets/runhistorypane.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QComboBox>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QWheelEvent>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t minute = 60'000;
constexpr std::int64_t hour = 60 * minute;
constexpr std::int64_t day = 24 * hour;
constexpr std::int64_t T0 = MainWindowHarness::startMs; // 2027-01-15T08:00:00Z

} // namespace

class TestTimelineView : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void scaleMapsTimeToXWithinZoomLimits();
    void viewActionTogglesAndIsRemembered();
    void runsAreBarsOfTheirOutcomeColourAndExtent();
    void overlappingRunsTakeLanesAndMarksDiffer();
    void newRunsComeFromEventsWithoutAsking();
    void ticksAreTheTriggersFireTimes();
    void pausedJobAndPausedSchedulerHaveNoTicks();
    void dstChangeDayIsShaded();
    void excludedDayIsShadedAndHasNoTicks();
    void hoverDescribesTheRunInPlainText();
    void clickSelectsTheJobAndTheRunInTheHistory();
    void keyboardMovesBetweenJobsAndRuns();
    void accessibleChildrenAreRowsRunsAndTicks();
    void hundredThousandJobsAskOnlyForTheRowsShown();

private:
    /// Shows the timeline (View › Timeline), its span [@p startMs, +@p spanMs), and waits for the runs asked for.
    TimelineView *showTimeline(std::int64_t startMs, std::int64_t spanMs);
    RunRecord insertRun(const QString &jobId, RunOutcome outcome, std::int64_t scheduled, std::optional<std::int64_t> start,
                        std::optional<std::int64_t> end, const QString &error = {});
    int rowOf(TimelineView *view, const QString &jobId) const;
    QList<TimelineItem> runsOf(TimelineView *view, const QString &jobId) const;
};

void TestTimelineView::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("testtimelineview"));
}

void TestTimelineView::init()
{
    Settings::setTimelineShown(false);
    Settings::setTimelineSpanMs(0);
    setUpWindow();
    QVERIFY(m_window);
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestTimelineView::cleanup()
{
    tearDownWindow();
}

TimelineView *TestTimelineView::showTimeline(std::int64_t startMs, std::int64_t spanMs)
{
    m_window->reload();
    if (!QTest::qWaitFor([this] { return m_window->jobModel()->isLoaded(); }, 5000))
        return nullptr;
    if (!m_window->timelineAction()->isChecked())
        m_window->timelineAction()->trigger();
    TimelineView *view = m_window->timeline()->view();
    view->setSpan(spanMs);
    view->setStart(startMs);
    view->viewport()->repaint(); // asks for the runs of the rows shown
    if (!QTest::qWaitFor([view] { return view->data().requestCount() > 0 && view->data().isIdle(); }, 5000))
        return nullptr;
    syncClient();
    view->viewport()->repaint();
    return view;
}

RunRecord TestTimelineView::insertRun(const QString &jobId, RunOutcome outcome, std::int64_t scheduled,
                                      std::optional<std::int64_t> start, std::optional<std::int64_t> end,
                                      const QString &error)
{
    RunRecord run;
    run.jobId = jobId;
    run.outcome = outcome;
    run.scheduledTime = scheduled;
    run.startTime = start;
    run.endTime = end;
    run.error = error;
    if (outcome == RunOutcome::Failed)
        run.exitCode = 1;
    if (auto inserted = m_store->insertRun(run); !inserted)
        qFatal("insertRun: %s", qPrintable(inserted.error().message));
    return run;
}

int TestTimelineView::rowOf(TimelineView *view, const QString &jobId) const
{
    for (int row = 0; row < view->rowCount(); ++row) {
        if (view->jobIdAt(row) == jobId)
            return row;
    }
    return -1;
}

QList<TimelineItem> TestTimelineView::runsOf(TimelineView *view, const QString &jobId) const
{
    QList<TimelineItem> runs;
    for (const TimelineItem &item : view->items(rowOf(view, jobId))) {
        if (item.kind == TimelineItem::Kind::Run)
            runs.append(item);
    }
    return runs;
}

void TestTimelineView::scaleMapsTimeToXWithinZoomLimits()
{
    TimelineScale scale(T0, day, 960);
    QCOMPARE(scale.xOf(T0), 0.0);
    QCOMPARE(scale.xOf(T0 + 12 * hour), 480.0);
    QCOMPARE(scale.msAt(240), T0 + 6 * hour);
    QCOMPARE(scale.msAt(scale.xOf(T0 + 1234567)), T0 + 1234567);

    // Zooming keeps the instant under the pointer where it is.
    const std::int64_t anchored = scale.msAt(300);
    scale.zoom(0.5, 300);
    QCOMPARE(scale.spanMs(), 12 * hour);
    QCOMPARE(scale.msAt(300), anchored);

    // 1 hour to 30 days, whatever is asked for.
    scale.setSpan(minute, 0);
    QCOMPARE(scale.spanMs(), TimelineScale::minSpanMs);
    QCOMPARE(TimelineScale::minSpanMs, hour);
    for (int i = 0; i < 20; ++i)
        scale.zoom(2.0, 0);
    QCOMPARE(scale.spanMs(), TimelineScale::maxSpanMs);
    QCOMPARE(TimelineScale::maxSpanMs, 30 * day);

    scale.setStart(T0);
    scale.scrollBy(-480);
    QCOMPARE(scale.startMs(), T0 - 15 * day);
    // Labels at least 60 px apart: a day over 960 px gets a label every 1 or 3 hours, 30 days one a day or a week.
    QCOMPARE(TimelineScale(T0, day, 960).labelStepMs(60), 3 * hour);
    QCOMPARE(TimelineScale(T0, 30 * day, 960).labelStepMs(60), 7 * day);
    QCOMPARE(TimelineScale::namedSpans().size(), 6);
    QCOMPARE(TimelineScale::namedSpans().first().spanMs, hour);
    QCOMPARE(TimelineScale::namedSpans().last().spanMs, 30 * day);
}

void TestTimelineView::viewActionTogglesAndIsRemembered()
{
    addOrDie(JobBuilder("a").name("Alpha").interval(hour, T0).function("ok"));
    m_window->reload();
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 1);
    auto *stack = m_window->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QAction *action = m_window->timelineAction();
    QVERIFY(action->isCheckable());
    QVERIFY(!action->isChecked());
    QCOMPARE(stack->currentWidget(), m_window->jobView());

    action->trigger();
    QCOMPARE(stack->currentWidget(), m_window->timeline());
    QVERIFY(m_window->timeline()->view()->hasFocus());
    QVERIFY(Settings::timelineShown());
    m_window->timeline()->view()->setSpan(3 * day);

    // A new window opens as the last one was left: timeline shown, same span.
    tearDownWindow();
    setUpWindow();
    addOrDie(JobBuilder("a").name("Alpha").interval(hour, T0).function("ok")); // a new store: not empty
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 1);
    stack = m_window->findChild<QStackedWidget *>();
    QVERIFY(m_window->timelineAction()->isChecked());
    QCOMPARE(stack->currentWidget(), m_window->timeline());
    QCOMPARE(m_window->timeline()->view()->scale().spanMs(), 3 * day);
    QCOMPARE(m_window->timeline()->zoomBox()->currentText(), QStringLiteral("3 days"));

    // Unchecked: the table again, and remembered so.
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(!m_window->timelineAction()->isChecked());
    QCOMPARE(stack->currentWidget(), m_window->jobView());
    QVERIFY(!Settings::timelineShown());
}

void TestTimelineView::runsAreBarsOfTheirOutcomeColourAndExtent()
{
    addOrDie(JobBuilder("backup").name("Backup").interval(day, T0 + 20 * hour).function("ok"));
    const RunRecord success = insertRun("backup", RunOutcome::Success, T0 - 5 * hour, T0 - 5 * hour, T0 - 4 * hour);
    const RunRecord failed =
        insertRun("backup", RunOutcome::Failed, T0 - 3 * hour, T0 - 3 * hour + 1000, T0 - 2 * hour, "disk full\nmore");
    const RunRecord missed = insertRun("backup", RunOutcome::Missed, T0 - 90 * minute, {}, {});
    const RunRecord running = insertRun("backup", RunOutcome::Running, T0 - 30 * minute, T0 - 30 * minute, {});
    // Two days ago: outside the span shown, not drawn.
    insertRun("backup", RunOutcome::Success, T0 - 2 * day, T0 - 2 * day, T0 - 2 * day + hour);

    TimelineView *view = showTimeline(T0 - 6 * hour, 12 * hour);
    QVERIFY(view);
    const QList<TimelineItem> runs = runsOf(view, "backup");
    QCOMPARE(runs.size(), 4);
    QCOMPARE(runs[0].run.id, success.id);
    QCOMPARE(runs[0].startMs, T0 - 5 * hour);
    QCOMPARE(runs[0].endMs, T0 - 4 * hour);
    QCOMPARE(runs[1].run.id, failed.id);
    QCOMPARE(runs[2].run.id, missed.id);
    QVERIFY(runs[2].isMark());
    QCOMPARE(runs[2].startMs, T0 - 90 * minute);
    QCOMPARE(runs[3].run.id, running.id);
    QCOMPARE(runs[3].endMs, T0); // a run going reaches to now...
    m_clock.advance(10 * minute);
    QCOMPARE(runsOf(view, "backup")[3].endMs, T0 + 10 * minute); // ...and grows with the clock

    // Bars are where their times are, in their outcome's colour.
    const int row = rowOf(view, "backup");
    const QRect bar = view->itemRect(row, runs[0]);
    QCOMPARE(bar.left(), view->timeLeft() + qFloor(view->scale().xOf(T0 - 5 * hour)));
    QVERIFY(qAbs(bar.width() - view->scale().width() / 12) <= 2); // one hour of twelve
    const QImage image = view->viewport()->grab().toImage();
    const auto colourAt = [&image](const QRect &rect) { return image.pixelColor(rect.center()); };
    QCOMPARE(colourAt(bar), outcomeColor(RunOutcome::Success, view->palette()));
    QCOMPARE(colourAt(view->itemRect(row, runs[1])), outcomeColor(RunOutcome::Failed, view->palette()));
    // The mark of the missed run is a ring of its colour, not a bar.
    const QRect mark = view->itemRect(row, runs[2]);
    QVERIFY(mark.width() < bar.width());
    bool ringDrawn = false;
    for (int x = mark.left(); x <= mark.right(); ++x)
        ringDrawn |= image.pixelColor(x, mark.center().y()) == outcomeColor(RunOutcome::Missed, view->palette());
    QVERIFY(ringDrawn);

    // The now-line is where the clock says, below the rows too; it moves when the clock does.
    const auto nowLineAt = [view](std::int64_t ms) {
        const QImage shot = view->viewport()->grab().toImage();
        const int x = view->timeLeft() + qRound(view->scale().xOf(ms));
        const int y = view->viewport()->height() - 5;
        for (int dx = -1; dx <= 1; ++dx) {
            if (shot.pixelColor(x + dx, y) == outcomeColor(RunOutcome::Failed, view->palette()))
                return true;
        }
        return false;
    };
    QVERIFY(nowLineAt(T0 + 10 * minute));
    m_clock.advance(2 * hour);
    QVERIFY(nowLineAt(T0 + 130 * minute));
    QVERIFY(!nowLineAt(T0 + 10 * minute));
}

void TestTimelineView::overlappingRunsTakeLanesAndMarksDiffer()
{
    addOrDie(JobBuilder("import").name("Import").interval(day, T0 + 20 * hour).function("ok"));
    const RunRecord longRun = insertRun("import", RunOutcome::Success, T0 - 5 * hour, T0 - 5 * hour, T0 - 2 * hour);
    const RunRecord overlapping =
        insertRun("import", RunOutcome::Failed, T0 - 4 * hour, T0 - 4 * hour, T0 - 3 * hour, "bad date");
    const RunRecord after = insertRun("import", RunOutcome::Success, T0 - hour, T0 - hour, T0 - 30 * minute);
    insertRun("import", RunOutcome::Skipped, T0 - 150 * minute, {}, {}, "max instances");
    insertRun("import", RunOutcome::Excluded, T0 - 90 * minute, {}, {});
    insertRun("import", RunOutcome::ConditionTimeout, T0 - 80 * minute, {}, {});
    TimelineView *view = showTimeline(T0 - 6 * hour, 12 * hour);
    QVERIFY(view);
    const int row = rowOf(view, "import");
    QHash<qint64, TimelineItem> byId;
    for (const TimelineItem &item : runsOf(view, "import"))
        byId.insert(item.run.id, item);
    QCOMPARE(byId.size(), 6);
    // The overlapping run goes below, in a second lane; the next one fits the first lane again.
    QCOMPARE(byId[longRun.id].lane, 0);
    QCOMPARE(byId[overlapping.id].lane, 1);
    QCOMPARE(byId[after.id].lane, 0);
    QCOMPARE(byId[longRun.id].lanes, 2);
    QVERIFY(view->itemRect(row, byId[overlapping.id]).top() > view->itemRect(row, byId[longRun.id]).bottom());
    QVERIFY(view->itemName(row, byId[overlapping.id]).endsWith(", overlaps an earlier run"));
    QVERIFY(view->toolTipAt(view->itemRect(row, byId[overlapping.id]).center()).endsWith("Overlaps an earlier run of the job"));
    // Runs that never ran are marks, each of its outcome's colour, none a bar.
    int marks = 0;
    for (const TimelineItem &item : std::as_const(byId)) {
        if (!item.isMark())
            continue;
        ++marks;
        QCOMPARE(item.startMs, item.run.scheduledTime);
        QCOMPARE(item.endMs, item.startMs);
    }
    QCOMPARE(marks, 3);
}

void TestTimelineView::newRunsComeFromEventsWithoutAsking()
{
    addSucceeding("quick", "done", 2 * minute);
    addOrDie(JobBuilder("quick").name("Quick").interval(day, T0 + 20 * hour).function("quick"));
    TimelineView *view = showTimeline(T0 - 6 * hour, 12 * hour);
    QVERIFY(view);
    QVERIFY(runsOf(view, "quick").isEmpty());
    const int requests = view->data().requestCount();

    QVERIFY(m_scheduler->runJobNow("quick"));
    QTRY_COMPARE(runsOf(view, "quick").size(), 1);
    QTRY_COMPARE(runsOf(view, "quick").first().run.outcome, RunOutcome::Success);
    QCOMPARE(runsOf(view, "quick").first().endMs - runsOf(view, "quick").first().startMs, 2 * minute);
    QCOMPARE(view->data().requestCount(), requests);
}

void TestTimelineView::ticksAreTheTriggersFireTimes()
{
    Job job = addOrDie(JobBuilder("q").name("Quarterly").cron("*/15 * * * *", "UTC").function("ok"));
    TimelineView *view = showTimeline(T0 - 2 * hour, 6 * hour);
    QVERIFY(view);
    QList<std::int64_t> ticks;
    for (const TimelineItem &item : view->items(rowOf(view, "q"))) {
        if (item.kind == TimelineItem::Kind::Tick)
            ticks.append(item.startMs);
    }
    // From now (not from the span's start: the past has runs, not ticks) to the span's end.
    QList<std::int64_t> expected;
    for (auto fire = job.nextRunTime; fire && *fire <= T0 + 4 * hour; fire = job.trigger->nextFireTime(*fire))
        expected.append(*fire);
    QCOMPARE(expected.first(), T0 + 15 * minute);
    QCOMPARE(expected.size(), 16);
    QCOMPARE(ticks, expected);

    // Zoomed out to 30 days, a row draws at most maxTicks.
    view->setSpan(30 * day);
    int shown = 0;
    for (const TimelineItem &item : view->items(rowOf(view, "q")))
        shown += item.kind == TimelineItem::Kind::Tick;
    QCOMPARE(shown, TimelineModel::maxTicks);
}

void TestTimelineView::pausedJobAndPausedSchedulerHaveNoTicks()
{
    addOrDie(JobBuilder("on").name("On").cron("0 * * * *", "UTC").function("ok"));
    addOrDie(JobBuilder("off").name("Off").cron("0 * * * *", "UTC").function("ok").paused());
    TimelineView *view = showTimeline(T0 - hour, 6 * hour);
    QVERIFY(view);
    QCOMPARE(view->items(rowOf(view, "on")).size(), 5); // 09:00 to 13:00
    QVERIFY(view->items(rowOf(view, "off")).isEmpty());
    QVERIFY(view->toolTipAt(QPoint(view->viewport()->width() - 10, view->rowRect(rowOf(view, "off")).center().y()))
                .contains("paused"));

    m_scheduler->pause();
    QTRY_VERIFY(view->data().schedulerPaused());
    QVERIFY(view->items(rowOf(view, "on")).isEmpty());
    QCOMPARE(view->toolTipAt(QPoint(view->viewport()->width() - 10, view->rowRect(rowOf(view, "on")).center().y())),
             QStringLiteral("The scheduler is paused: no runs are coming"));
    m_scheduler->resume();
    QTRY_COMPARE(view->items(rowOf(view, "on")).size(), 5);
}

void TestTimelineView::dstChangeDayIsShaded()
{
    TimeZoneGuard berlin("Europe/Berlin");
    addOrDie(JobBuilder("b").name("Berlin").cron("30 2 * * *", "Europe/Berlin").function("ok"));
    // 2027-03-28: clocks go forward at 01:00 UTC (02:00 -> 03:00 local).
    const std::int64_t change = QDateTime(QDate(2027, 3, 28), QTime(1, 0), Qt::UTC).toMSecsSinceEpoch();
    TimelineView *view = showTimeline(change - 2 * day, 4 * day);
    QVERIFY(view);
    const Job *job = view->jobAt(rowOf(view, "b"));
    QVERIFY(job);
    const QList<TimelineShade> shades = view->data().shades(*job, view->scale().startMs(), view->scale().endMs());
    QCOMPARE(shades.size(), 1);
    QCOMPARE(shades[0].kind, TimelineShade::Kind::DstChange);
    QCOMPARE(shades[0].atMs, change);
    QCOMPARE(shades[0].offsetChangeSec, 3600);
    // The whole local day: 23 hours long.
    QCOMPARE(shades[0].startMs, QDateTime(QDate(2027, 3, 27), QTime(23, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(shades[0].endMs - shades[0].startMs, 23 * hour);
    // A day with no change has none; the autumn change goes back.
    const std::int64_t october = QDateTime(QDate(2027, 10, 31), QTime(1, 0), Qt::UTC).toMSecsSinceEpoch();
    QVERIFY(view->data().shades(*job, change + day, change + 10 * day).isEmpty());
    QCOMPARE(view->data().shades(*job, october - hour, october + hour).value(0).offsetChangeSec, -3600);

    // Drawn: the shaded day differs from the day before; its tooltip says what happens.
    const int y = view->rowRect(rowOf(view, "b")).top() + 2;
    const int xChangeDay = view->timeLeft() + qRound(view->scale().xOf(change + 6 * hour));
    const int xDayBefore = view->timeLeft() + qRound(view->scale().xOf(change - day + 6 * hour));
    const QImage image = view->viewport()->grab().toImage();
    QVERIFY(image.pixelColor(xChangeDay, y) != image.pixelColor(xDayBefore, y));
    const QString tip = view->toolTipAt(QPoint(xChangeDay, y));
    QVERIFY2(tip.startsWith("Clocks go forward by 1 h at "), qPrintable(tip));
    QVERIFY(tip.contains("Europe/Berlin"));
}

void TestTimelineView::excludedDayIsShadedAndHasNoTicks()
{
    ExclusionCalendar holidays;
    holidays.name = "holidays";
    const std::int64_t excludedDay = ExclusionCalendar::parseDay("2027-01-16").value();
    holidays.addDate(excludedDay);
    QVERIFY(m_scheduler->putCalendar(holidays, ConflictPolicy::Fail));
    JobOptions options;
    options.exclude = {"holidays"};
    addOrDie(JobBuilder("h").name("Hourly").cron("0 * * * *", "UTC").function("ok").options(options));
    const std::int64_t dayStart = QDateTime(QDate(2027, 1, 16), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    TimelineView *view = showTimeline(dayStart - day, 3 * day);
    QVERIFY(view);
    QTRY_VERIFY(!view->data().shades(*view->jobAt(rowOf(view, "h")), dayStart, dayStart + day).isEmpty());
    const QList<TimelineShade> shades = view->data().shades(*view->jobAt(rowOf(view, "h")), view->scale().startMs(),
                                                            view->scale().endMs());
    QCOMPARE(shades.size(), 1);
    QCOMPARE(shades[0].kind, TimelineShade::Kind::ExcludedDay);
    QCOMPARE(shades[0].startMs, dayStart);
    QCOMPARE(shades[0].endMs, dayStart + day);
    QCOMPARE(shades[0].calendar, QStringLiteral("holidays"));
    // Hourly ticks from now to the end of the span, none on the 16th.
    int onExcludedDay = 0;
    int ticks = 0;
    for (const TimelineItem &item : view->items(rowOf(view, "h"))) {
        ++ticks;
        onExcludedDay += item.startMs >= dayStart && item.startMs < dayStart + day;
    }
    QCOMPARE(onExcludedDay, 0);
    QCOMPARE(ticks, 15 + 24 + 1); // 09:00-23:00 on the 15th (after now), all of the 17th, midnight ending it
    const int x = view->timeLeft() + qRound(view->scale().xOf(dayStart + 12 * hour));
    QCOMPARE(view->toolTipAt(QPoint(x, view->rowRect(rowOf(view, "h")).center().y())),
             QStringLiteral("Excluded by the calendar \"holidays\": runs on this day are skipped"));
}

void TestTimelineView::hoverDescribesTheRunInPlainText()
{
    addOrDie(JobBuilder("backup").name("Backup").interval(day, T0 + 20 * hour).function("ok"));
    insertRun("backup", RunOutcome::Failed, T0 - 3 * hour, T0 - 3 * hour + 1000, T0 - 2 * hour + 1000,
              "disk full\nat line 3");
    TimelineView *view = showTimeline(T0 - 6 * hour, 30 * hour);
    QVERIFY(view);
    const int row = rowOf(view, "backup");
    const TimelineItem run = runsOf(view, "backup").value(0);
    const QString tip = view->toolTipAt(view->itemRect(row, run).center());
    const QStringList lines = tip.split('\n');
    QCOMPARE(lines.value(0), QStringLiteral("Backup"));
    QCOMPARE(lines.value(1), QStringLiteral("Failed"));
    QCOMPARE(lines.value(2), "Scheduled: " + shortDateTime(T0 - 3 * hour, T0, TimePrecision::Seconds));
    QCOMPARE(lines.value(3), "Started: " + shortDateTime(T0 - 3 * hour + 1000, T0, TimePrecision::Seconds));
    QCOMPARE(lines.value(4), QStringLiteral("Took 1 h"));
    QCOMPARE(lines.value(5), QStringLiteral("Exit code 1"));
    QCOMPARE(lines.value(6), QStringLiteral("disk full")); // the error's first line only
    QVERIFY(!tip.contains('<'));
    // A tick says when the next run is.
    TimelineItem tick;
    for (const TimelineItem &item : view->items(row)) {
        if (item.kind == TimelineItem::Kind::Tick)
            tick = item;
    }
    QCOMPARE(tick.startMs, T0 + 20 * hour);
    QCOMPARE(view->toolTipAt(view->itemRect(row, tick).center()),
             "Backup\nNext run " + shortDateTime(T0 + 20 * hour, T0));
}

void TestTimelineView::clickSelectsTheJobAndTheRunInTheHistory()
{
    addOrDie(JobBuilder("a").name("Alpha").interval(day, T0 + 20 * hour).function("ok"));
    addOrDie(JobBuilder("b").name("Beta").interval(day, T0 + 21 * hour).function("ok"));
    insertRun("b", RunOutcome::Success, T0 - 5 * hour, T0 - 5 * hour, T0 - 4 * hour);
    const RunRecord older = insertRun("b", RunOutcome::Failed, T0 - 3 * hour, T0 - 3 * hour, T0 - 2 * hour, "no");
    insertRun("b", RunOutcome::Success, T0 - 90 * minute, T0 - 90 * minute, T0 - hour);
    TimelineView *view = showTimeline(T0 - 6 * hour, 12 * hour);
    QVERIFY(view);

    // A click on Alpha's row (no run there) selects Alpha.
    const QRect alphaRow = view->rowRect(rowOf(view, "a"));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(view->timeLeft() + 5, alphaRow.center().y()));
    QCOMPARE(m_window->selectedJobIds(), QStringList{"a"});
    QTRY_COMPARE(m_window->historyPane()->jobId(), QStringLiteral("a"));

    // A click on Beta's failed run (not the newest) selects Beta and that run in the history.
    const TimelineItem failed = runsOf(view, "b").value(1);
    QCOMPARE(failed.run.id, older.id);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->itemRect(rowOf(view, "b"), failed).center());
    QCOMPARE(m_window->selectedJobIds(), QStringList{"b"});
    RunHistoryPane *history = m_window->historyPane();
    QTRY_COMPARE(history->model()->rowCount(), 3);
    QTRY_COMPARE(history->view()->currentIndex().data(RunHistoryModel::RunIdRole).toLongLong(), older.id);
    QCOMPARE(view->currentRow(), rowOf(view, "b"));
    QCOMPARE(view->currentItem()->run.id, older.id);

    // Dragging moves time instead of clicking.
    const std::int64_t start = view->scale().startMs();
    const QPoint from(view->timeLeft() + 200, alphaRow.center().y());
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(from + QPoint(100, 0)), view->viewport()->mapToGlobal(from + QPoint(100, 0)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, from + QPoint(100, 0));
    QCOMPARE(view->scale().startMs(), start + static_cast<std::int64_t>(-100 * view->scale().msPerPixel()));
    QCOMPARE(m_window->selectedJobIds(), QStringList{"b"});
}

void TestTimelineView::keyboardMovesBetweenJobsAndRuns()
{
    addOrDie(JobBuilder("a").name("Alpha").interval(day, T0 + 20 * hour).function("ok"));
    addOrDie(JobBuilder("b").name("Beta").interval(day, T0 + 21 * hour).function("ok"));
    addOrDie(JobBuilder("c").name("Gamma").interval(day, T0 + 22 * hour).function("ok"));
    const RunRecord first = insertRun("b", RunOutcome::Success, T0 - 5 * hour, T0 - 5 * hour, T0 - 4 * hour);
    const RunRecord second = insertRun("b", RunOutcome::Failed, T0 - 3 * hour, T0 - 3 * hour, T0 - 2 * hour, "no");
    TimelineView *view = showTimeline(T0 - 6 * hour, 30 * hour);
    QVERIFY(view);
    view->setFocus();
    QVERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(view->currentRow(), 0);
    QCOMPARE(m_window->selectedJobIds(), QStringList{view->jobIdAt(0)});

    // Down to Beta: the job is selected (the history follows).
    const int beta = rowOf(view, "b");
    while (view->currentRow() < beta)
        QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(m_window->selectedJobIds(), QStringList{"b"});
    QTRY_COMPARE(m_window->historyPane()->jobId(), QStringLiteral("b"));

    // Left from nothing: the last run before now; again: the one before; Right: back, then the coming tick.
    QTest::keyClick(view, Qt::Key_Left);
    QCOMPARE(view->currentItem()->run.id, second.id);
    QTest::keyClick(view, Qt::Key_Left);
    QCOMPARE(view->currentItem()->run.id, first.id);
    QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(view->currentItem()->kind, TimelineItem::Kind::Tick);
    QCOMPARE(view->currentItem()->startMs, T0 + 21 * hour);
    QTest::keyClick(view, Qt::Key_Left);

    // Enter selects the current run in the history.
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE(m_window->historyPane()->view()->currentIndex().data(RunHistoryModel::RunIdRole).toLongLong(),
                 second.id);
    // End: the last job.
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(view->currentRow(), view->rowCount() - 1);
    QCOMPARE(m_window->selectedJobIds(), QStringList{view->jobIdAt(view->rowCount() - 1)});

    // + and - zoom.
    const std::int64_t span = view->scale().spanMs();
    QTest::keyClick(view, Qt::Key_Plus);
    QCOMPARE(view->scale().spanMs(), span / 2);
    QTest::keyClick(view, Qt::Key_Minus);
    QTest::keyClick(view, Qt::Key_Minus);
    QCOMPARE(view->scale().spanMs(), span * 2);
    // Ctrl+wheel zooms around the pointer: the time under it stays.
    const QPoint pointer(view->timeLeft() + 300, view->rowRect(0).center().y());
    const std::int64_t under = view->scale().msAt(300);
    QWheelEvent wheel(pointer, view->viewport()->mapToGlobal(pointer), {}, QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QCOMPARE(view->scale().spanMs(), static_cast<std::int64_t>(span * 2 * 0.8));
    QVERIFY(qAbs(view->scale().msAt(300) - under) < view->scale().msPerPixel());
    // The table's selection made elsewhere moves the timeline's current row.
    QVERIFY(m_window->selectJob("a"));
    QCOMPARE(view->currentRow(), rowOf(view, "a"));
}

void TestTimelineView::accessibleChildrenAreRowsRunsAndTicks()
{
    addOrDie(JobBuilder("backup").name("Nightly backup").interval(day, T0 + 20 * hour).function("ok"));
    addOrDie(JobBuilder("idle").name("Idle").cron("0 3 * * *", "UTC").function("ok").paused());
    insertRun("backup", RunOutcome::Success, T0 - 5 * hour, T0 - 5 * hour, T0 - 5 * hour + 4 * minute);
    insertRun("backup", RunOutcome::Missed, T0 - 2 * hour, {}, {});
    TimelineView *view = showTimeline(T0 - 6 * hour, 30 * hour);
    QVERIFY(view);

    QAccessibleInterface *timeline = QAccessible::queryAccessibleInterface(view);
    QVERIFY(timeline);
    QCOMPARE(timeline->text(QAccessible::Name), QStringLiteral("Timeline"));
    QCOMPARE(timeline->childCount(), 2);
    QAccessibleInterface *backup = timeline->child(rowOf(view, "backup"));
    QVERIFY(backup);
    QCOMPARE(backup->text(QAccessible::Name), QStringLiteral("Nightly backup"));
    QCOMPARE(backup->role(), QAccessible::Row);
    QCOMPARE(backup->parent(), timeline);
    QCOMPARE(timeline->indexOfChild(backup), rowOf(view, "backup"));
    QCOMPARE(backup->childCount(), 3);
    QStringList names;
    for (int i = 0; i < backup->childCount(); ++i) {
        names << backup->child(i)->text(QAccessible::Name);
        QCOMPARE(backup->child(i)->parent(), backup);
        QVERIFY(!backup->child(i)->rect().isEmpty());
    }
    QCOMPARE(names, (QStringList{
                        "Nightly backup: Success, " + shortDateTime(T0 - 5 * hour, T0) + ", took 4 min",
                        "Nightly backup: Missed, " + shortDateTime(T0 - 2 * hour, T0),
                        "Next run " + shortDateTime(T0 + 20 * hour, T0),
                    }));
    QAccessibleInterface *idle = timeline->child(rowOf(view, "idle"));
    QCOMPARE(idle->text(QAccessible::Name), QStringLiteral("Idle"));
    QCOMPARE(idle->text(QAccessible::Description), QStringLiteral("Paused"));
    QCOMPARE(idle->childCount(), 0);

    // Pressing a run chooses it, as a click does.
    QSignalSpy chosen(view, &TimelineView::runChosen);
    QAccessibleActionInterface *press = backup->child(0)->actionInterface();
    QVERIFY(press);
    press->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(chosen.size(), 1);
    // The keyboard's current item is the focused child.
    view->setFocus();
    view->setCurrent(rowOf(view, "backup"), runsOf(view, "backup").value(1).key());
    QAccessibleInterface *focused = QAccessible::queryAccessibleInterface(view)->focusChild();
    QVERIFY(focused);
    QCOMPARE(focused->text(QAccessible::Name), "Nightly backup: Missed, " + shortDateTime(T0 - 2 * hour, T0));
}

void TestTimelineView::hundredThousandJobsAskOnlyForTheRowsShown()
{
    addOrDie(JobBuilder("j").name("Job").cron("0 * * * *", "UTC").function("ok"));
    const JobSummary one = m_store->jobSummaries().value().first();
    QList<JobSummary> summaries;
    summaries.reserve(100'000);
    for (int i = 0; i < 100'000; ++i) {
        JobSummary summary = one;
        summary.id = QStringLiteral("job-%1").arg(i, 6, 10, QLatin1Char('0'));
        summary.name = QStringLiteral("Job %1").arg(i);
        summaries.append(summary);
    }
    JobListModel jobs(*m_client, m_clock);
    JobFilterProxyModel rows;
    rows.setSourceModel(&jobs);
    jobs.setJobSummaries(summaries, {});
    rows.sort(JobListModel::NameColumn);
    TimelineModel data(*m_client, m_clock);
    TimelineView view(jobs, rows, data);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.viewport()->repaint();
    const int shown = view.lastVisibleRow() - view.firstVisibleRow() + 1;
    QVERIFY(shown > 10 && shown < 40);
    QTRY_VERIFY(data.isIdle());
    QCOMPARE(data.fetchedJobCount(), shown);
    QCOMPARE(data.requestCount(), 1);
    QCOMPARE(view.items(view.firstVisibleRow()).size(), 18); // hourly, from now (a quarter in) to the end

    // To the end of the list: the rows shown there, once; painting again asks for nothing more.
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    view.viewport()->repaint();
    view.viewport()->repaint();
    QTRY_VERIFY(data.isIdle());
    QCOMPARE(view.rowCount(), 100'001); // and the harness's own job
    QCOMPARE(view.lastVisibleRow(), 100'000);
    QVERIFY(data.fetchedJobCount() <= 2 * shown);
    QCOMPARE(data.requestCount(), 2);
    QCOMPARE(view.jobNameAt(100'000), QStringLiteral("Job 99999"));
    qInfo("%d rows: %d shown, %lld job ids asked for in %d requests", view.rowCount(), shown,
          static_cast<long long>(data.fetchedJobCount()), data.requestCount());
}

QTEST_MAIN(TestTimelineView)
#include "testtimelineview.moc"
