// The tray runner's logic on the offscreen platform (no tray there): tooltip and menu of the next runs, the icon's
// paused, failing and store-unavailable states, the menu's actions, and which finished runs are told about in tray messages.
// The tray is a client of an in-process host (HostHarness): the runs it tells about are the host's events.
// testtrayxvfb.cpp runs the same class, and the real app, in a real tray under Xvfb.
#include "models/joblistmodel.h"
#include "settings/settings.h"
#include "support/jobbuilder.h"
#include "support/hostharness.h"
#include "support/testsupport.h"
#include "tray/traycontroller.h"
#include "triggers/crontrigger.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace punctual;
using namespace punctual::test;

class TestTray : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void loadingAndEmpty();
    void tooltipNamesTheNextDueJob();
    void menuListsTheNextThreeRuns();
    void followsJobChanges();
    void pausedJobsNotesAreListed();
    void pauseAllResumeAll();
    void showQuitAndClick();
    void failingIcon();
    void storeUnavailableIconAndTooltip();
    void notificationKinds();
    void notificationsFilteredBySettings_data();
    void notificationsFilteredBySettings();
    void burstSharesOneMessage();
    void clickedMessageOpensTheJob();
    void stillRunningMessageOnlyOnce();

private:
    Job addJob(const QString &id, const QString &name, const QString &cron, bool paused = false);
    QStringList upcomingTexts() const;
    RunRecord run(const QString &jobId, RunOutcome outcome) const;

    TimeZoneGuard m_zone{"UTC"}; // times read the same everywhere
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<JobListModel> m_model;
    std::unique_ptr<TrayController> m_tray;
};

void TestTray::initTestCase()
{
    // English plurals ("1 job") come from the plural-only English translation (the locale's formats stay).
    static QTranslator english;
    QVERIFY(english.load(":/i18n/punctual_en.qm"));
    QCoreApplication::installTranslator(&english);
    addSucceeding("noop");
    addFailing("boom", "disk full");
}

void TestTray::init()
{
    static int counter = 0;
    m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++counter)));
    setUpScheduler(QDateTime(QDate(2027, 1, 15), QTime(15, 30), QTimeZone::utc()).toMSecsSinceEpoch());
    QVERIFY(m_scheduler->start());
    setUpHost(); // the tray follows the host through its client, as in the app
    m_model = std::make_unique<JobListModel>(*m_client, m_clock);
    m_tray = std::make_unique<TrayController>(*m_client, *m_model, m_clock, *m_settings);
}

void TestTray::cleanup()
{
    m_tray.reset();
    m_model.reset();
    tearDownHost();
    tearDownScheduler();
    m_settings.reset();
}

Job TestTray::addJob(const QString &id, const QString &name, const QString &cron, bool paused)
{
    return addOrDie(JobBuilder(id).name(name).cron(cron, "UTC").function(QStringLiteral("noop")).paused(paused));
}

QStringList TestTray::upcomingTexts() const
{
    QStringList texts;
    for (QAction *action : m_tray->menu()->actions()) {
        if (action->objectName() == "trayUpcomingAction" && action->isVisible()) {
            if (action->isEnabled())
                return {"enabled: " + action->text()};
            texts << action->text();
        }
    }
    return texts;
}

RunRecord TestTray::run(const QString &jobId, RunOutcome outcome) const
{
    RunRecord record;
    record.id = 1;
    record.jobId = jobId;
    record.scheduledTime = m_clock.nowMs() - 120'000;
    record.outcome = outcome;
    record.error = outcome == RunOutcome::Missed ? "started 2 min late; misfire grace time is 1 min" : "exit code 3";
    return record;
}

void TestTray::loadingAndEmpty()
{
    QCOMPARE(m_tray->toolTip(), QString("Punctual — loading jobs…"));
    QCOMPARE(upcomingTexts(), QStringList{"Loading jobs…"});
    m_model->setJobs({}, {});
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — no runs scheduled"));
    QCOMPARE(upcomingTexts(), QStringList{"No runs scheduled"});
    QCOMPARE(m_tray->iconState(), TrayController::IconState::Normal);
    QVERIFY(!m_tray->trayIcon()->icon().isNull());
}

void TestTray::tooltipNamesTheNextDueJob()
{
    addJob("tokens", "Delete expired tokens", "0 * * * *");
    addJob("cache", "Warm the cache", "55 * * * *");
    m_model->setJobs(m_scheduler->jobs().value(), {});
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Warm the cache at 15:55"));

    // A job due on another day says which.
    QVERIFY(m_scheduler->removeJob("cache"));
    QVERIFY(m_scheduler->removeJob("tokens"));
    addJob("backup", "Nightly backup", "30 2 * * *");
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Nightly backup, tomorrow 02:30"));
}

void TestTray::menuListsTheNextThreeRuns()
{
    addJob("backup", "Nightly backup", "30 2 * * *");
    addJob("tokens", "Delete expired tokens", "0 * * * *");
    addJob("report", "Report", "0 9 * * *", true); // paused: no next run
    addJob("cache", "Warm the cache", "55 * * * *");
    addJob("rent", "Rent & bills", "0 9 1 * *");
    m_model->setJobs(m_scheduler->jobs().value(), {});
    QTRY_COMPARE(upcomingTexts(), (QStringList{"Warm the cache\t15:55", "Delete expired tokens\t16:00",
                                               "Nightly backup\ttomorrow 02:30"}));
    const QList<TrayController::UpcomingRun> runs = m_tray->upcomingRuns();
    QCOMPARE(runs.size(), TrayController::upcomingCount);
    QCOMPARE(runs[0].jobId, QString("cache"));
    QCOMPARE(runs[2].jobId, QString("backup"));
    // Then Show, Pause all and Quit.
    QStringList names;
    for (QAction *action : m_tray->menu()->actions())
        if (!action->isSeparator() && action->isVisible() && action->objectName() != "trayUpcomingAction")
            names << action->objectName(); // a job paused without a note is not listed
    QCOMPARE(names, (QStringList{"trayShowAction", "trayPauseAction", "trayQuitAction"}));

    // "&" in a name is not a mnemonic.
    QVERIFY(m_scheduler->removeJob("cache"));
    QVERIFY(m_scheduler->removeJob("tokens"));
    QVERIFY(m_scheduler->removeJob("backup"));
    QTRY_COMPARE(upcomingTexts(), QStringList{"Rent && bills\tMon 1 Feb 09:00"});
}

void TestTray::followsJobChanges()
{
    m_model->setJobs({}, {});
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — no runs scheduled"));
    addJob("tokens", "Delete expired tokens", "0 * * * *");
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Delete expired tokens at 16:00"));
    addJob("cache", "Warm the cache", "55 * * * *");
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Warm the cache at 15:55"));
    QVERIFY(m_scheduler->pauseJob("cache"));
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Delete expired tokens at 16:00"));
    QVERIFY(m_scheduler->resumeJob("cache"));
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Warm the cache at 15:55"));
    JobChanges rename;
    rename.name = "Warm the shop's cache";
    QVERIFY(m_scheduler->modifyJob("cache", rename));
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Warm the shop's cache at 15:55"));
    QVERIFY(m_scheduler->removeAllJobs());
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — no runs scheduled"));
}

void TestTray::pausedJobsNotesAreListed()
{
    addJob("cache", "Warm the cache", "55 * * * *");
    addJob("report", "Report & mail", "0 9 * * *");
    m_model->setJobs(m_scheduler->jobs().value(), {});
    const auto noteTexts = [this] {
        QStringList texts;
        for (QAction *action : m_tray->menu()->actions()) {
            if (action->objectName() == "trayPausedNoteAction" && action->isVisible()) {
                if (action->isEnabled())
                    return QStringList{"enabled: " + action->text()};
                texts << action->text();
            }
        }
        return texts;
    };
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Warm the cache at 15:55"));
    QCOMPARE(noteTexts(), QStringList());

    QVERIFY(m_scheduler->pauseJob("report", "mail server moves on Monday"));
    QTRY_COMPARE(noteTexts(), QStringList{"Report && mail — paused: mail server moves on Monday"});
    QCOMPARE(m_tray->toolTip(),
             QString("Punctual — next: Warm the cache at 15:55\nReport & mail — paused: mail server moves on Monday"));
    // A pause without a note is not listed; a long note is cut.
    QVERIFY(m_scheduler->pauseJob("cache"));
    QTRY_COMPARE(m_tray->toolTip(),
                 QString("Punctual — no runs scheduled\nReport & mail — paused: mail server moves on Monday"));
    QVERIFY(m_scheduler->pauseJob("report", QString(200, QLatin1Char('x'))));
    QTRY_COMPARE(noteTexts(), QStringList{"Report && mail — paused: " + QString(79, QLatin1Char('x')) + "…"});
    // Resuming clears the note: nothing is listed.
    QVERIFY(m_scheduler->resumeJob("report"));
    QTRY_COMPARE(noteTexts(), QStringList());
    QCOMPARE(m_tray->toolTip(), QString("Punctual — next: Report & mail, tomorrow 09:00"));
    // Beyond pausedNoteCount: "and N more".
    for (int i = 0; i < TrayController::pausedNoteCount + 2; ++i) {
        const QString id = QStringLiteral("job%1").arg(i);
        addJob(id, id, "0 9 * * *");
        QVERIFY(m_scheduler->pauseJob(id, "why"));
    }
    QTRY_COMPARE(noteTexts().size(), TrayController::pausedNoteCount + 1);
    QCOMPARE(noteTexts().last(), QString("and 2 more paused with a note"));
}

void TestTray::pauseAllResumeAll()
{
    addJob("cache", "Warm the cache", "55 * * * *");
    m_model->setJobs(m_scheduler->jobs().value(), {});
    QAction *pause = m_tray->action(TrayController::Command::PauseAll);
    QCOMPARE(pause->text(), QString("&Pause all"));
    // Asked of the host; the tray shows it once the host says so.
    pause->trigger();
    QTRY_COMPARE(m_scheduler->state(), Scheduler::State::Paused);
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Paused);
    QCOMPARE(m_client->state(), Scheduler::State::Paused);
    QTRY_COMPARE(pause->text(), QString("&Resume all"));
    QTRY_COMPARE(m_tray->toolTip(),
                 QString("Punctual — next: Warm the cache at 15:55\nPaused: no job runs until you resume"));
    // The menu lists no run times while nothing starts.
    QCOMPARE(upcomingTexts(), QStringList{"Scheduler paused"});
    pause->trigger();
    QTRY_COMPARE(m_scheduler->state(), Scheduler::State::Running);
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Normal);
    QTRY_COMPARE(pause->text(), QString("&Pause all"));

    // Pausing elsewhere (the window, punctualctl) shows too.
    m_scheduler->pause();
    QTRY_COMPARE(pause->text(), QString("&Resume all"));
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Paused);
    m_scheduler->resume();
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Normal);
}

void TestTray::showQuitAndClick()
{
    QSignalSpy show(m_tray.get(), &TrayController::showWindowRequested);
    QSignalSpy toggle(m_tray.get(), &TrayController::toggleWindowRequested);
    QSignalSpy quit(m_tray.get(), &TrayController::quitRequested);
    m_tray->action(TrayController::Command::ShowWindow)->trigger();
    QCOMPARE(show.size(), 1);
    emit m_tray->trayIcon()->activated(QSystemTrayIcon::Trigger);
    QCOMPARE(toggle.size(), 1);
    emit m_tray->trayIcon()->activated(QSystemTrayIcon::Context);
    QCOMPARE(toggle.size(), 1);
    m_tray->action(TrayController::Command::Quit)->trigger();
    QCOMPARE(quit.size(), 1);
    syncClient();
    QCOMPARE(m_scheduler->state(), Scheduler::State::Running); // quitting is the app's business
}

void TestTray::failingIcon()
{
    Job job;
    job.id = "cache";
    job.name = "Warm the cache";
    job.trigger = std::shared_ptr<const Trigger>(CronTrigger::create("55 * * * *", ZoneRules::forZone("UTC")).value());
    job.action = FunctionAction{QStringLiteral("boom"), {}};
    QVERIFY(m_scheduler->addJob(job));
    m_model->setJobs(m_scheduler->jobs().value(), {});
    QSignalSpy posted(m_tray.get(), &TrayController::notificationPosted);
    QVERIFY(m_scheduler->runJobNow("cache"));
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Failing);
    QVERIFY(m_tray->toolTip().endsWith("\nThe last run of 1 job failed"));
    QTRY_COMPARE(posted.size(), 1);
    QCOMPARE(posted[0][0].toString(), QString("“Warm the cache” failed"));
    QVERIFY(posted[0][1].toString().startsWith("disk full\n"));
    QCOMPARE(posted[0][2].toString(), QString("cache"));

    // A good run clears it; paused keeps the failure's badge beside its own.
    JobChanges fix;
    fix.action = FunctionAction{QStringLiteral("noop"), {}};
    QVERIFY(m_scheduler->modifyJob("cache", fix));
    m_scheduler->pause();
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::PausedFailing);
    const auto iconImage = [](const QIcon &icon) { return icon.pixmap(22, 22).toImage(); };
    QCOMPARE(iconImage(m_tray->trayIcon()->icon()), iconImage(QIcon(":/icons/tray-paused-failing.svg")));
    QVERIFY(iconImage(m_tray->trayIcon()->icon()) != iconImage(QIcon(":/icons/tray-paused.svg")));
    m_scheduler->resume();
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Failing);
    QVERIFY(m_scheduler->runJobNow("cache"));
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Normal);
}

void TestTray::storeUnavailableIconAndTooltip()
{
    addJob("cache", "Warm the cache", "55 * * * *");
    m_model->setJobs(m_scheduler->jobs().value(), {});
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Warm the cache at 15:55"));
    const auto iconImage = [](const QIcon &icon) { return icon.pixmap(22, 22).toImage(); };
    const QImage normal = iconImage(m_tray->trayIcon()->icon());
    m_scheduler->pause();
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Paused);

    // The host loses its store: that wins over paused (nothing runs either way, and this one needs fixing).
    m_scheduler->storeLost(Error{ErrorCode::StoreUnavailable,
                                 "cannot reach the job store postgresql://db/jobs: connection refused\nsecond line"});
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::StoreUnavailable);
    QCOMPARE(m_tray->toolTip(),
             QString("Punctual — job store unavailable since 15:30 (cannot reach the job store postgresql://db/jobs: "
                     "connection refused)\nNo job runs until it is back; Punctual reconnects on its own\n"
                     "Paused: no job runs until you resume"));
    const QImage unavailable = iconImage(m_tray->trayIcon()->icon());
    QCOMPARE(unavailable, iconImage(QIcon(":/icons/tray-store-unavailable.svg")));
    QVERIFY(unavailable != normal);
    QVERIFY(unavailable != iconImage(QIcon(":/icons/tray-failing.svg")));

    // Back (the scheduler's next reconnect succeeds): as before.
    m_scheduler->resume();
    wake(m_scheduler->storeStatus().nextRetryMs.value());
    QVERIFY(m_scheduler->isStoreAvailable());
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Normal);
    QTRY_COMPARE(m_tray->toolTip(), QString("Punctual — next: Warm the cache at 15:55"));
    QCOMPARE(iconImage(m_tray->trayIcon()->icon()), normal);

    // Lost again with a long error: cut in the tooltip (some trays cut it anyway; the window has it whole).
    m_scheduler->storeLost(Error{ErrorCode::StoreUnavailable, QString(300, 'x')});
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::StoreUnavailable);
    QVERIFY2(m_tray->toolTip().contains("(" + QString(119, 'x') + "…)\n"), qPrintable(m_tray->toolTip()));

    // Then the host goes away: nothing is known of the store, the icon is not left saying it is gone.
    m_control.reset();
    m_server.reset();
    QTRY_VERIFY(!m_client->isConnected());
    QTRY_COMPARE(m_tray->iconState(), TrayController::IconState::Normal);
}

void TestTray::notificationKinds()
{
    QCOMPARE(TrayController::notificationKind(RunOutcome::Failed), std::optional(NotificationKind::Failure));
    QCOMPARE(TrayController::notificationKind(RunOutcome::Missed), std::optional(NotificationKind::Missed));
    QCOMPARE(TrayController::notificationKind(RunOutcome::TimedOut), std::optional(NotificationKind::Timeout));
    for (RunOutcome quiet : {RunOutcome::Success, RunOutcome::Skipped, RunOutcome::Interrupted, RunOutcome::Running})
        QVERIFY(!TrayController::notificationKind(quiet));
}

void TestTray::notificationsFilteredBySettings_data()
{
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("title");
    QTest::newRow("failed") << int(RunOutcome::Failed) << int(NotificationKind::Failure)
                            << "“Warm the cache” failed";
    QTest::newRow("missed") << int(RunOutcome::Missed) << int(NotificationKind::Missed)
                            << "“Warm the cache” missed its run";
    QTest::newRow("timed out") << int(RunOutcome::TimedOut) << int(NotificationKind::Timeout)
                               << "“Warm the cache” timed out";
}

void TestTray::notificationsFilteredBySettings()
{
    QFETCH(int, outcome);
    QFETCH(int, kind);
    QFETCH(QString, title);
    addJob("cache", "Warm the cache", "55 * * * *");
    m_model->setJobs(m_scheduler->jobs().value(), {});
    QSignalSpy posted(m_tray.get(), &TrayController::notificationPosted);
    auto emitRun = [&](RunOutcome o) {
        const RunRecord record = run("cache", o);
        if (o == RunOutcome::Missed)
            emit m_scheduler->jobMissed(record);
        else
            emit m_scheduler->jobError(record);
    };

    // On (the default): told.
    emitRun(RunOutcome(outcome));
    QTRY_COMPARE(posted.size(), 1);
    QCOMPARE(posted[0][0].toString(), title);
    QCOMPARE(posted[0][2].toString(), QString("cache"));

    // Switched off: not told; the other kinds still are.
    m_settings->setNotifies(NotificationKind(kind), false);
    emitRun(RunOutcome(outcome));
    QTest::qWait(TrayController::notifyDelayMs * 2);
    QCOMPARE(posted.size(), 1);
    for (RunOutcome other : {RunOutcome::Failed, RunOutcome::Missed, RunOutcome::TimedOut}) {
        if (other == RunOutcome(outcome))
            continue;
        const qsizetype before = posted.size();
        emitRun(other);
        QTRY_COMPARE(posted.size(), before + 1);
    }
    QCOMPARE(posted.size(), 3);
    // Interrupted runs (Punctual stopping) are never told.
    emitRun(RunOutcome::Interrupted);
    QTest::qWait(TrayController::notifyDelayMs * 2);
    QCOMPARE(posted.size(), 3);
}

void TestTray::burstSharesOneMessage()
{
    addJob("cache", "Warm the cache", "55 * * * *");
    addJob("tokens", "Delete expired tokens", "0 * * * *");
    m_model->setJobs(m_scheduler->jobs().value(), {});
    QSignalSpy posted(m_tray.get(), &TrayController::notificationPosted);
    emit m_scheduler->jobMissed(run("tokens", RunOutcome::Missed));
    emit m_scheduler->jobError(run("cache", RunOutcome::Failed));
    emit m_scheduler->jobMissed(run("tokens", RunOutcome::Missed));
    QTRY_COMPARE(posted.size(), 1);
    QCOMPARE(posted[0][0].toString(), QString("3 runs failed, were missed or timed out"));
    QVERIFY(posted[0][1].toString().startsWith("Delete expired tokens, Warm the cache\n"));
    QCOMPARE(posted[0][2].toString(), QString("tokens"));
    QTest::qWait(TrayController::notifyDelayMs * 2);
    QCOMPARE(posted.size(), 1);
}

void TestTray::clickedMessageOpensTheJob()
{
    addJob("cache", "Warm the cache", "55 * * * *");
    m_model->setJobs(m_scheduler->jobs().value(), {});
    QSignalSpy posted(m_tray.get(), &TrayController::notificationPosted);
    QSignalSpy requested(m_tray.get(), &TrayController::jobRequested);
    emit m_scheduler->jobError(run("cache", RunOutcome::TimedOut));
    QTRY_COMPARE(posted.size(), 1);
    emit m_tray->trayIcon()->messageClicked();
    QTRY_COMPARE(requested.size(), 1);
    QCOMPARE(requested[0][0].toString(), QString("cache"));

    // A right-click on the icon while the message shows: Qt's X11 tray reports a message click, then the context
    // click. The menu opens; the window does not.
    emit m_tray->trayIcon()->messageClicked();
    emit m_tray->trayIcon()->activated(QSystemTrayIcon::Context);
    QTest::qWait(50);
    QCOMPARE(requested.size(), 1);
}

void TestTray::stillRunningMessageOnlyOnce()
{
    m_tray->show();
    QVERIFY(m_tray->isVisible());
    QVERIFY(!m_settings->trayMessageShown());
    QVERIFY(m_tray->showStillRunningMessage());
    QVERIFY(m_settings->trayMessageShown());
    QVERIFY(!m_tray->showStillRunningMessage());
    // Remembered: another start does not say it again.
    TrayController again(*m_client, *m_model, m_clock, *m_settings);
    again.show();
    QVERIFY(!again.showStillRunningMessage());
    // Clicking that message shows the window (no job).
    QSignalSpy show(m_tray.get(), &TrayController::showWindowRequested);
    emit m_tray->trayIcon()->messageClicked();
    QTRY_COMPARE(show.size(), 1);
}

QTEST_MAIN(TestTray)
#include "testtray.moc"
