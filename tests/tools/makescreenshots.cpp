// Takes the documentation's screenshots: a store with realistic jobs and runs, served as the host serves it (a
// ControlServer on a private socket; the window and the tray attach with a SchedulerClient), the real main window, the
// banner while the store is unavailable, the job editor with a cron preview, the history pane with a failed run and
// the tray menu, each grabbed from the X screen under Xvfb. Run through scripts/screenshots (xvfb-run with trayer as
// the tray host, xcb platform); writes PNGs into the folder given as argument. With --lang CODE the interface is in
// that language (as `punctual --lang`) and only the main window, the banner and the editor are taken, as
// main-window-CODE.png, window-store-unavailable-CODE.png and job-editor-cron-CODE.png; with QT_SCALE_FACTOR=2 the
// same three, named *-x2.png (main-window-x2.png, main-window-de-x2.png...).
#include "calendars/exclusioncalendar.h"
#include "control/controlserver.h"
#include "dialogs/calendarsdialog.h"
#include "control/schedulerclient.h"
#include "dialogs/jobeditordialog.h"
#include "executors/httpexecutorset.h"
#include "executors/builtinfunctions.h"
#include "executors/functionregistry.h"
#include "mainwindow.h"
#include "models/joblistmodel.h"
#include "models/runhistorymodel.h"
#include "scheduler/scheduler.h"
#include "settings/language.h"
#include "settings/settings.h"
#include "store/jobstore.h"
#include "store/storelocation.h"
#include "time/civil.h"
#include "time/clock.h"
#include "tray/traycontroller.h"
#include "triggers/calendartrigger.h"
#include "triggers/crontrigger.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"
#include "widgets/runhistorypane.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QLocalServer>
#include <QMenu>
#include <QPixmap>
#include <QRadioButton>
#include <QScreen>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace punctual;

namespace {

struct DemoJob
{
    const char *id;
    const char *name;
    const char *nameZh; // the same job as a Chinese user would name it
    const char *schedule; // "cron:EXPR", "every:MS", "calendar:SPEC"
    const char *zone;
    QStringList command;
    bool paused = false;
};

std::shared_ptr<const Trigger> makeTrigger(const QString &schedule, const char *zoneId, std::int64_t now)
{
    auto zone = ZoneRules::forZone(zoneId);
    const QString kind = schedule.section(QLatin1Char(':'), 0, 0);
    const QString text = schedule.section(QLatin1Char(':'), 1);
    if (kind == QLatin1String("cron"))
        return std::shared_ptr<const Trigger>(CronTrigger::create(text, zone).value());
    if (kind == QLatin1String("calendar"))
        return std::shared_ptr<const Trigger>(CalendarTrigger::parse(text, zone, now).value());
    auto interval = IntervalTrigger::startingAfter(text.toLongLong(), now - 120'000);
    interval->setZone(zone);
    return std::shared_ptr<const Trigger>(std::move(interval));
}

// Waits (running the event loop) until @p done, or dies: a screenshot of a half-built state is worse than none.
template <typename Predicate>
void waitFor(Predicate done, const char *what)
{
    if (!QTest::qWaitFor(done, 20000))
        qFatal("timed out waiting for %s", what);
}

void wait(Scheduler &scheduler)
{
    waitFor([&] { return scheduler.runningCount() == 0; }, "runs to end");
}

/// Selects job @p id in @p window and waits for its history (the host answers it).
void selectJob(MainWindow &window, const QString &id)
{
    window.selectJob(id);
    RunHistoryModel *model = window.historyPane()->model();
    waitFor([&] { return model->jobId() == id && model->rowCount() > 0; }, "the run history");
}

void grab(const QString &path)
{
    QApplication::processEvents();
    QTest::qWait(400);
    QApplication::primaryScreen()->grabWindow(0).save(path);
    qInfo("wrote %s", qPrintable(path));
}

/// The window while the host cannot reach its store (docs/host.md): the file moved away as a user might, the host
/// told so as its watcher tells it, a few reconnects failed; then the file back and the store with it.
void grabStoreUnavailable(Scheduler &scheduler, const QString &path, const QString &shot)
{
    const QString away = path + QStringLiteral(".away");
    if (!QFile::rename(path, away))
        qFatal("cannot move %s away", qPrintable(path));
    scheduler.storeLost({ErrorCode::StoreUnavailable,
                         QStringLiteral("the job store file %1 was removed or renamed").arg(path)});
    waitFor([&] { return scheduler.storeStatus().retries >= 3; }, "three failed reconnects");
    grab(shot);
    if (!QFile::rename(away, path))
        qFatal("cannot move %s back", qPrintable(path));
    waitFor([&] { return scheduler.isStoreAvailable(); }, "the store back");
}

/// The "delete expired tokens" job for real: an SQLite table with tokens, three of them expired.
SqlAction tokensAction(const QString &folder)
{
    const QString file = folder + QStringLiteral("/app.db");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("demo"));
        db.setDatabaseName(file);
        if (!db.open())
            qFatal("demo database: %s", qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        query.exec(QStringLiteral("CREATE TABLE tokens (token TEXT PRIMARY KEY, expires_at TEXT NOT NULL)"));
        for (const char *row : {"('a1', '2020-01-01 00:00:00')", "('b2', '2021-06-01 12:00:00')",
                                "('c3', '2024-02-29 08:00:00')", "('d4', '2099-01-01 00:00:00')"})
            query.exec(QStringLiteral("INSERT INTO tokens VALUES ") + QLatin1String(row));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("demo"));
    SqlAction sql;
    sql.connection.name = QStringLiteral("app database");
    sql.connection.driver = QStringLiteral("QSQLITE");
    sql.connection.database = file;
    sql.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now")};
    return sql;
}

/// The "warm the cache" job for real: pages on a port nothing listens on, so its runs fail and say which URL.
HttpAction cacheAction()
{
    HttpAction http;
    http.urls = {QStringLiteral("http://127.0.0.1:9/"), QStringLiteral("http://127.0.0.1:9/offers"),
                 QStringLiteral("http://127.0.0.1:9/bestsellers")};
    http.concurrency = 2;
    http.requestTimeoutMs = 10'000;
    return http;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("punctual-screenshots"));
    QApplication::setOrganizationName(QStringLiteral("punctual-screenshots"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/punctual.svg")));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    const QString lang = language::fromArguments(QApplication::arguments());
    if (!lang.isEmpty() && !language::apply(lang))
        qFatal("no translation for %s", qPrintable(lang));
    // At twice the scale (QT_SCALE_FACTOR=2, scripts/screenshots) the subset is taken too, named *-x2.png.
    const bool doubled = qEnvironmentVariable("QT_SCALE_FACTOR") == QLatin1String("2");
    const bool subset = !lang.isEmpty() || doubled;
    const QString suffix = (lang.isEmpty() ? QString() : QLatin1Char('-') + lang)
        + (doubled ? QStringLiteral("-x2") : QString());
    const bool chinese = lang.startsWith(QLatin1String("zh"));
    QDir().mkpath(out);
    QSettings().clear();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.db"));
    const StoreLocation location = StoreLocation::fromPath(path);
    auto store = location.open().value();
    SystemClock clock;
    FunctionRegistry functions;
    registerBuiltinFunctions(functions);
    Scheduler scheduler(*store, clock, standardExecutorsWithHttp(clock, functions));
    const std::int64_t now = clock.nowMs();

    const QString sh = QStringLiteral("/bin/sh");
    const QList<DemoJob> jobs{
        {"tokens", "Delete expired tokens", "删除过期令牌", "cron:0 * * * *", "Europe/Berlin",
         {sh, "-c", "echo 'DELETE 42'"}},
        {"cache", "Warm the cache", "预热缓存", "cron:55 * * * *", "Europe/Berlin",
         {sh, "-c", "echo 'GET https://shop.example/ ...'; echo 'GET https://shop.example/offers ...'; "
                    "echo 'curl: (7) Failed to connect to shop.example port 443 after 2004 ms: "
                    "Connection refused' >&2; exit 7"}},
        {"backup", "Nightly backup", "夜间备份", "cron:30 2 * * *", "Europe/Berlin",
         {"/usr/bin/rsync", "-a", "/home/me/", "/mnt/backup/me/"}},
        {"report", "Report mail", "邮件报告", "cron:0 9 * * MON-FRI", "Europe/Berlin", {"/usr/local/bin/report", "--mail"}, true},
        {"logs", "Rotate logs", "轮换日志", "cron:@daily", "Europe/Berlin", {"/usr/sbin/logrotate", "/home/me/.logrotate"}},
        {"photos", "Sync photos", "同步照片", "every:900000", "Europe/Berlin", {"/usr/bin/rclone", "sync", "photos:", "/srv/photos"}},
        {"tls", "Renew TLS certificates", "续期 TLS 证书", "cron:0 3 * * 1", "Europe/Berlin", {"/usr/bin/certbot", "renew"}},
        {"vacuum", "Vacuum database", "清理数据库", "cron:0 4 * * SUN", "Europe/Berlin", {"/usr/bin/vacuumdb", "--all"}},
        {"disk", "Check disk space", "检查磁盘空间", "every:600000", "Europe/Berlin", {sh, "-c", "df -h /"}},
        {"mirrors", "Pull git mirrors", "拉取 Git 镜像", "every:7200000", "Europe/Berlin", {"/usr/local/bin/pull-mirrors"}},
        {"search", "Refresh search index", "刷新搜索索引", "cron:*/20 8-18 * * MON-FRI", "Europe/Berlin", {"/usr/local/bin/reindex"}},
        {"plants", "Water the plants", "给植物浇水", "calendar:every 3 days at 08:00", "Europe/Berlin",
         {"/usr/bin/notify-send", "Water the plants"}},
        {"rent", "Pay the rent", "交房租", "calendar:monthly at 09:00", "Europe/Berlin", {"/usr/bin/notify-send", "Rent"}},
        {"tax", "Quarterly tax export", "季度税务导出", "cron:0 6 1 1,4,7,10 *", "Europe/Berlin", {"/usr/local/bin/tax-export"}},
        {"invoices", "Month-end invoice run", "月末开票", "cron:0 18 L * *", "Europe/Berlin", {"/usr/local/bin/invoices"}},
        {"patch", "Patch Tuesday check", "补丁星期二检查", "cron:0 10 * * 2#2", "Europe/Berlin", {"/usr/local/bin/patch-check"}},
        {"downloads", "Clean Downloads folder", "清理下载文件夹", "cron:0 12 * * SAT", "Europe/Berlin",
         {"/usr/bin/find", "/home/me/Downloads", "-mtime", "+30", "-delete"}},
        {"apt", "Update package lists", "更新软件包列表", "every:21600000", "Europe/Berlin", {"/usr/bin/apt-get", "update"}},
        {"docker", "Prune container images", "清理容器镜像", "cron:0 5 * * 6", "Europe/Berlin", {"/usr/bin/docker", "image", "prune"}},
        {"calendar", "Export calendar", "导出日历", "cron:15 7 * * *", "Europe/Berlin", {"/usr/local/bin/export-ics"}},
        {"cdn", "Warm CDN (Asia)", "预热 CDN（亚洲）", "cron:0 */4 * * *", "Asia/Tokyo", {"/usr/local/bin/warm", "--region", "ap"}},
        {"mailbox", "Archive mailbox", "归档邮箱", "cron:0 1 1 * *", "Europe/Berlin", {"/usr/local/bin/archive-mail"}},
        {"uptime", "Monitor uptime", "监控在线状态", "every:60000", "Europe/Berlin", {"/usr/bin/curl", "-fsS", "https://status.example"}},
        {"vm", "Snapshot VM", "虚拟机快照", "cron:0 0 * * *", "America/New_York", {"/usr/local/bin/snapshot", "web-1"}},
        {"digest", "Send weekly digest", "发送每周摘要", "cron:0 8 * * MON", "Europe/Berlin", {"/usr/local/bin/digest"}},
        {"thumbs", "Rebuild thumbnails", "重建缩略图", "every:1800000", "Europe/Berlin", {"/usr/local/bin/thumbs"}, true},
        {"compress", "Compress old logs", "压缩旧日志", "cron:0 3 * * *", "Europe/Berlin", {"/usr/local/bin/compress-logs"}},
        {"rates", "Fetch exchange rates", "获取汇率", "cron:5 16 * * MON-FRI", "Europe/London", {"/usr/local/bin/rates"}},
        {"birthday", "Birthday reminder", "生日提醒", "calendar:yearly at 08:30 from 2027-03-14", "Europe/Berlin",
         {"/usr/bin/notify-send", "Birthday"}},
    };
    for (const DemoJob &demo : jobs) {
        Job job;
        job.id = QString::fromLatin1(demo.id);
        job.name = QString::fromUtf8(chinese ? demo.nameZh : demo.name);
        job.trigger = makeTrigger(QString::fromLatin1(demo.schedule), demo.zone, now);
        CommandAction command;
        command.program = demo.command.front();
        command.arguments = demo.command.mid(1);
        job.action = command;
        if (job.id == QLatin1String("tokens"))
            job.action = tokensAction(dir.path());
        else if (job.id == QLatin1String("cache"))
            job.action = cacheAction();
        job.paused = demo.paused;
        if (auto added = scheduler.addJob(job); !added)
            qFatal("%s: %s", demo.id, qPrintable(added.error().message));
    }
    // A little history: two good runs of the token job, a failing cache warm-up, a quick disk check.
    for (const char *id : {"tokens", "cache", "disk", "cache", "tokens", "cache"}) {
        (void)scheduler.runJobNow(QString::fromLatin1(id));
        wait(scheduler);
        QTest::qWait(30);
    }
    (void)scheduler.start();

    // The window is a client of the scheduler host: this process is the host, on a socket of its own.
    QLocalServer server;
    server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!server.listen(dir.filePath(QStringLiteral("host"))))
        qFatal("cannot listen: %s", qPrintable(server.errorString()));
    ControlServer control(scheduler, *store, &server);
    auto client = SchedulerClient::forSocket(server.fullServerName());
    client->connectToHost();
    waitFor([&] { return client->isConnected(); }, "the window's connection to the host");

    MainWindow::Services services{*client, clock, functions, [location] { return location.openReadOnly(); },
                                  store->describe()};
    MainWindow window(services);
    window.resize(QApplication::primaryScreen()->size());
    window.move(0, 0);
    window.show();
    waitFor([&] { return window.jobModel()->isLoaded(); }, "the job list");
    selectJob(window, QStringLiteral("tokens"));
    QTableView *history = window.historyPane()->view();
    if (subset) {
        // The main window with a failed run's output, the way the English one shows a good run.
        selectJob(window, QStringLiteral("cache"));
        history->selectRow(0);
    }
    grab(out + QStringLiteral("/main-window%1.png").arg(suffix));
    grabStoreUnavailable(scheduler, path, out + QStringLiteral("/window-store-unavailable%1.png").arg(suffix));

    if (!subset) {
        selectJob(window, QStringLiteral("cache"));
        history->selectRow(0);
        grab(out + QStringLiteral("/history-failed-run.png"));
    }

    window.selectJob(QStringLiteral("cache"));
    window.action(MainWindow::Command::Edit)->trigger();
    JobEditorDialog *editor = nullptr;
    waitFor([&] { return (editor = window.findChild<JobEditorDialog *>()) && editor->isVisible(); }, "the editor");
    editor->move(window.geometry().center() - editor->rect().center());
    grab(out + QStringLiteral("/job-editor-cron%1.png").arg(suffix));
    if (subset) {
        editor->done(QDialog::Rejected); // closed without the discard question
        return 0;
    }
    auto *cron = editor->findChild<QLineEdit *>(QStringLiteral("cronEdit"));
    cron->setText(QStringLiteral("61 * * * *"));
    grab(out + QStringLiteral("/job-editor-error.png"));
    editor->done(QDialog::Rejected); // closed without the discard question
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    // The SQL page (the cron shot above shows the HTTP page: the cache job warms pages).
    for (const char *id : {"tokens"}) {
        window.selectJob(QString::fromLatin1(id));
        window.action(MainWindow::Command::Edit)->trigger();
        JobEditorDialog *page = nullptr;
        waitFor([&] { return (page = window.findChild<JobEditorDialog *>()) && page->isVisible(); }, "the editor");
        page->move(window.geometry().center() - page->rect().center());
        grab(out + QStringLiteral("/job-editor-sql.png"));
        page->done(QDialog::Rejected);
        // It deletes itself on close: let it go now, so findChild() finds only the next one.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // Exclusion calendars (docs/desktop-triggers.md): Scheduler › Calendars…, and the editor's preview of a
    // job using one, tomorrow struck through.
    {
        const QDate today = QDate::currentDate();
        const auto dayNumber = [](const QDate &d) { return civil::daysFromCivil(d.year(), d.month(), d.day()); };
        ExclusionCalendar holidays;
        holidays.name = QStringLiteral("holidays");
        holidays.addDate(dayNumber(today.addDays(1)));
        holidays.addRange({dayNumber(QDate(today.year(), 12, 24)), dayNumber(QDate(today.year(), 12, 26))});
        holidays.addDate(dayNumber(QDate(today.year() + 1, 1, 1)));
        holidays.addDate(dayNumber(QDate(today.year() + 1, 5, 1)));
        ExclusionCalendar weekends;
        weekends.name = QStringLiteral("weekends");
        weekends.weekdays = (1 << 6) | 1;
        for (const ExclusionCalendar &calendar : {holidays, weekends}) {
            if (auto put = scheduler.putCalendar(calendar, ConflictPolicy::Replace); !put)
                qFatal("%s", qPrintable(put.error().message));
        }
        JobChanges changes;
        changes.options = scheduler.job(QStringLiteral("backup")).value().options;
        changes.options->exclude = {QStringLiteral("holidays")};
        if (auto modified = scheduler.modifyJob(QStringLiteral("backup"), changes); !modified)
            qFatal("%s", qPrintable(modified.error().message));
        auto *calendars = new CalendarsDialog(*client, &window);
        calendars->setAttribute(Qt::WA_DeleteOnClose);
        calendars->show();
        waitFor([&] { return calendars->calendarList()->count() == 2; }, "the calendars");
        calendars->selectCalendar(QStringLiteral("holidays"));
        calendars->move(window.geometry().center() - calendars->rect().center());
        QTest::qWait(200);
        grab(out + QStringLiteral("/desktop-calendars-dialog.png"));
        calendars->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

        window.selectJob(QStringLiteral("backup"));
        window.action(MainWindow::Command::Edit)->trigger();
        JobEditorDialog *editor = nullptr;
        waitFor([&] { return (editor = window.findChild<JobEditorDialog *>()) && editor->isVisible(); }, "the editor");
        auto *preview = editor->findChild<QListWidget *>(QStringLiteral("previewList"));
        waitFor([&] {
            for (int row = 0; row < preview->count(); ++row) {
                if (preview->item(row)->font().strikeOut())
                    return true;
            }
            return false;
        }, "the struck-through day");
        editor->move(window.geometry().center() - editor->rect().center());
        QTest::qWait(200);
        grab(out + QStringLiteral("/desktop-calendars-preview.png"));
        editor->done(QDialog::Rejected); // closed without the discard question
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // Event triggers and the DST choice (docs/desktop-triggers.md): the nightly backup also at start and 2 minutes
    // after a wake-up, skipping 02:30 on the night the clocks go forward (the note under the next runs says so).
    {
        window.selectJob(QStringLiteral("backup"));
        window.action(MainWindow::Command::Edit)->trigger();
        JobEditorDialog *page = nullptr;
        waitFor([&] { return (page = window.findChild<JobEditorDialog *>()) && page->isVisible(); }, "the editor");
        page->move(window.geometry().center() - page->rect().center());
        auto *dst = page->findChild<QComboBox *>(QStringLiteral("dstCombo"));
        dst->setCurrentIndex(dst->findData(static_cast<int>(DstPolicy::Skip)));
        page->findChild<QCheckBox *>(QStringLiteral("atStartCheck"))->setChecked(true);
        page->findChild<QCheckBox *>(QStringLiteral("afterResumeCheck"))->setChecked(true);
        page->findChild<QLineEdit *>(QStringLiteral("afterResumeDelayEdit"))->setText(QStringLiteral("2m"));
        QTest::qWait(400); // the preview follows after the typing pause
        grab(out + QStringLiteral("/desktop-events-editor.png"));
        page->done(QDialog::Rejected);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // The tray menu (scripts/screenshots runs trayer as the tray host along the top of the screen): the window
    // below the panel, the menu popped up at the icon, the top right corner of the screen grabbed.
    waitFor([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, "a system tray (trayer)");
    const QRect screen = QApplication::primaryScreen()->geometry();
    window.setGeometry(screen.adjusted(0, 28, 0, 0)); // trayer's panel is 28 px high
    window.selectJob(QStringLiteral("tokens"));
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    TrayController tray(*client, *window.jobModel(), clock, settings);
    tray.show();
    waitFor([&] { return !tray.trayIcon()->geometry().isEmpty(); }, "the tray icon");
    QTest::qWait(300);
    QMenu *menu = tray.menu();
    menu->popup(tray.trayIcon()->geometry().bottomLeft() + QPoint(0, 2));
    waitFor([&] { return menu->isVisible(); }, "the tray menu");
    menu->setActiveAction(tray.action(TrayController::Command::ShowWindow));
    QApplication::processEvents();
    QTest::qWait(400);
    const QRect menuRect = menu->geometry();
    const QRect area(QPoint(std::max(0, screen.right() - 640), 0),
                     QPoint(screen.right(), std::min(screen.bottom(), menuRect.bottom() + 80)));
    QApplication::primaryScreen()->grabWindow(0, area.x(), area.y(), area.width(), area.height())
        .save(out + QStringLiteral("/tray-menu.png"));
    qInfo("wrote %s", qPrintable(out + QStringLiteral("/tray-menu.png")));
    menu->hide();
    return 0;
}
