// Settings and the settings dialog on the offscreen platform: typed round trip and defaults; start at login as the
// XDG autostart entry of the scheduler host, written and removed under a temporary XDG_CONFIG_HOME, or as the systemd
// user unit enabled and disabled (systemctl stood in by a script: no systemd user instance runs here); and the
// dialog writing what it shows.
#include "configurednotices.h"
#include "configuredstore.h"
#include "dialogs/settingsdialog.h"
#include "settings/autostart.h"
#include "settings/settings.h"
#include "store/storelocation.h"
#include "support/testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void defaults();
    void roundTrip();
    void historyLimitIsClamped();
    void autostartEntryWrittenAndRemoved();
    void loginLaunchFollowsTheConfiguredStore();
    void userUnitWhereSystemdRuns();
    void execLineQuoting();
    void templateIsThePackagedOne();
    void dialogShowsAndWritesSettings();
    void dialogKeepsOpenWhenAutostartFails();
    void storeChosenInTheDialogIsTheConfiguredOne();
    void noticeChoicesAreTheConfiguredOnes();
    void windowLayoutKeepsItsKeys();

private:
    QString readEntry() const;
    /// A stand-in for systemctl first on PATH that keeps punctual.service's enabled state in a file, and the user
    /// instance's socket file: the unit is usable. Undone by init().
    void pretendSystemdRuns();
    QString systemctlCalls() const;
    QString execOf(const QStringList &arguments) const;

    QTemporaryDir m_home;
    QString m_iniFile;
    QByteArray m_path; ///< PATH with the built punctualctl first
};

void TestSettings::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Nothing of the user's: the autostart folder and every QSettings file live in the temporary folder; no systemd
    // user instance (its socket would be in XDG_RUNTIME_DIR).
    qputenv("HOME", m_home.path().toUtf8());
    QVERIFY(QDir(m_home.path()).mkpath("runtime"));
    qputenv("XDG_RUNTIME_DIR", m_home.filePath("runtime").toUtf8());
    // The test program has no punctualctl next to it: the built one is found on PATH.
    m_path = QFileInfo(PUNCTUALCTL_PATH).absolutePath().toUtf8() + ':' + qgetenv("PATH");
    qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath("data").toUtf8());
    QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::ConfigLocation), m_home.filePath("config"));
}

void TestSettings::init()
{
    static int counter = 0;
    m_iniFile = m_home.filePath(QStringLiteral("settings-%1.ini").arg(++counter));
    QFile::remove(autostart::entryPath());
    QFile::remove(m_home.filePath("runtime/systemd/private"));
    qputenv("PATH", m_path);
}

void TestSettings::pretendSystemdRuns()
{
    QVERIFY(QDir().mkpath(m_home.filePath("runtime/systemd")));
    QFile socket(m_home.filePath("runtime/systemd/private"));
    QVERIFY(socket.open(QIODevice::WriteOnly));
    const char *scriptTemplate = R"(#!/bin/sh
echo "$*" >> "%1"
case "$*" in
    "--user show --property=LoadState --value punctual.service") echo loaded ;;
    "--user is-enabled --quiet punctual.service") test -e "%2" ;;
    "--user enable punctual.service") touch "%2" ;;
    "--user disable punctual.service") rm -f "%2" ;;
    *) exit 1 ;;
esac
)";
    const QString script = QString::fromUtf8(scriptTemplate)
                               .arg(m_home.filePath("systemctl.log"), m_home.filePath("unit-enabled"));
    QVERIFY(QDir().mkpath(m_home.filePath("bin")));
    QFile systemctl(m_home.filePath("bin/systemctl"));
    QVERIFY(systemctl.open(QIODevice::WriteOnly));
    systemctl.write(script.toUtf8());
    systemctl.close();
    QVERIFY(systemctl.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    qputenv("PATH", m_home.filePath("bin").toUtf8() + ':' + m_path);
}

QString TestSettings::systemctlCalls() const
{
    QFile log(m_home.filePath("systemctl.log"));
    return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
}

QString TestSettings::execOf(const QStringList &arguments) const
{
    return autostart::execLine("env", QStringList{"PUNCTUAL_STARTED_BY=detached",
                                                  QFileInfo(PUNCTUALCTL_PATH).canonicalFilePath()}
                                          + arguments);
}

QString TestSettings::readEntry() const
{
    QFile file(autostart::entryPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void TestSettings::defaults()
{
    Settings settings(m_iniFile);
    QVERIFY(!settings.startAtLogin(StoreLocation{}));
    QVERIFY(settings.notifies(NotificationKind::Failure));
    QVERIFY(settings.notifies(NotificationKind::Missed));
    QVERIFY(settings.notifies(NotificationKind::Timeout));
    QCOMPARE(settings.historyLimit(), 100);
    QCOMPARE(settings.defaultJobOptions(), JobOptions{});
    QCOMPARE(settings.language(), QString());
    QVERIFY(!settings.trayMessageShown());
}

void TestSettings::roundTrip()
{
    JobOptions options;
    options.misfireGraceMs.reset();
    options.coalesce = CoalescePolicy::All;
    options.maxInstances = 3;
    options.timeoutMs = 90'000;
    options.maxRetries = 2;
    options.retryDelayMs = 5'000;
    {
        Settings settings(m_iniFile);
        settings.setNotifies(NotificationKind::Failure, false);
        settings.setNotifies(NotificationKind::Timeout, false);
        settings.setHistoryLimit(250);
        settings.setDefaultJobOptions(options);
        settings.setLanguage("de");
        settings.setTrayMessageShown(true);
        settings.sync();
    }
    Settings settings(m_iniFile);
    QVERIFY(!settings.notifies(NotificationKind::Failure));
    QVERIFY(settings.notifies(NotificationKind::Missed));
    QVERIFY(!settings.notifies(NotificationKind::Timeout));
    QCOMPARE(settings.historyLimit(), 250);
    QCOMPARE(settings.defaultJobOptions(), options);
    QCOMPARE(settings.language(), QString("de"));
    QVERIFY(settings.trayMessageShown());
}

void TestSettings::historyLimitIsClamped()
{
    Settings settings(m_iniFile);
    settings.setHistoryLimit(0);
    QCOMPARE(settings.historyLimit(), 1);
    settings.setHistoryLimit(10'000'000);
    QCOMPARE(settings.historyLimit(), Settings::maxHistoryLimit);
}

void TestSettings::autostartEntryWrittenAndRemoved()
{
    // No systemd user instance: the entry runs the scheduler host, `punctualctl [--db PATH] run`, and says it was
    // started detached.
    const QString path = autostart::entryPath();
    QCOMPARE(path, m_home.filePath("config/autostart/punctual.desktop"));
    QVERIFY(!QFile::exists(m_home.filePath("config/autostart")));
    Settings settings(m_iniFile);
    const StoreLocation store = StoreLocation::fromPath("/srv/jobs/my jobs.db");
    QCOMPARE(settings.loginLaunch(store).method, HostLaunch::Method::Process);
    QVERIFY_OK(settings.setStartAtLogin(true, store));
    QVERIFY(settings.startAtLogin(store));
    const QString text = readEntry();
    QVERIFY2(text.startsWith("[Desktop Entry]\n"), qPrintable(text));
    QVERIFY2(text.contains("\nType=Application\n"), qPrintable(text));
    const QString exec = execOf({"--db", "/srv/jobs/my jobs.db", "run"});
    QVERIFY2(text.contains("\nExec=" + exec + "\n"), qPrintable(text));
    QVERIFY2(exec.startsWith("env PUNCTUAL_STARTED_BY=detached /"), qPrintable(exec));
    QVERIFY2(exec.endsWith("/punctualctl --db \"/srv/jobs/my jobs.db\" run"), qPrintable(exec));
    QVERIFY(!text.contains("@EXEC@"));

    // Written again (the store the settings choose: no store arguments), then removed; removing twice is fine.
    QVERIFY_OK(settings.setStartAtLogin(true, StoreLocation{}));
    QVERIFY2(readEntry().contains("\nExec=" + execOf({"run"}) + "\n"), qPrintable(readEntry()));
    QVERIFY_OK(settings.setStartAtLogin(false, StoreLocation{}));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!settings.startAtLogin(StoreLocation{}));
    QVERIFY_OK(settings.setStartAtLogin(false, StoreLocation{}));
    QVERIFY(systemctlCalls().isEmpty()); // no systemd instance: systemctl is never asked

    // Without a punctualctl to run, nothing is written and the error says why.
    qputenv("PATH", "/nonexistent");
    auto none = settings.setStartAtLogin(true, store);
    QVERIFY(!none);
    QVERIFY2(none.error().message.contains("punctualctl is neither next to this program nor on PATH"),
             qPrintable(none.error().message));
    QVERIFY(!QFile::exists(path));
}

void TestSettings::loginLaunchFollowsTheConfiguredStore()
{
    // The store the settings choose needs no arguments (punctualctl run opens it); any other is named, absolutely.
    Settings settings(m_iniFile);
    const QString chosen = m_home.filePath("chosen.db");
    settings.setStoreLocation(chosen);
    QCOMPARE(settings.loginLaunch(StoreLocation::fromPath(chosen)).arguments, QStringList{"run"});
    QDir::setCurrent(m_home.path());
    QCOMPARE(settings.loginLaunch(StoreLocation::fromPath("relative.db")).arguments,
             (QStringList{"--db", m_home.filePath("relative.db"), "run"}));
    QCOMPARE(settings.loginLaunch(StoreLocation{}).arguments,
             (QStringList{"--db", StoreLocation{}.resolvedPath(), "run"}));
    QCOMPARE(settings.loginLaunch(StoreLocation{}).program, QFileInfo(PUNCTUALCTL_PATH).canonicalFilePath());
    // Where systemd runs the unit, it hosts the chosen store only.
    pretendSystemdRuns();
    QCOMPARE(settings.loginLaunch(StoreLocation::fromPath(chosen)).method, HostLaunch::Method::UserUnit);
    QCOMPARE(settings.loginLaunch(StoreLocation{}).method, HostLaunch::Method::Process);
}

void TestSettings::userUnitWhereSystemdRuns()
{
    pretendSystemdRuns();
    Settings settings(m_iniFile);
    // An entry from before (the window at login) gives way to the unit: one start at login, not two.
    QVERIFY(QDir().mkpath(QFileInfo(autostart::entryPath()).absolutePath()));
    QFile old(autostart::entryPath());
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.close();

    SettingsDialog dialog(settings, StoreLocation{});
    auto *check = dialog.findChild<QCheckBox *>("startAtLoginCheck");
    QVERIFY(!check->isChecked()); // the unit is not enabled: the entry does not count where the unit is used
    QVERIFY2(check->toolTip().contains("punctual.service"), qPrintable(check->toolTip()));
    check->setChecked(true);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY2(systemctlCalls().contains("--user enable punctual.service\n"), qPrintable(systemctlCalls()));
    QVERIFY(!QFile::exists(autostart::entryPath()));
    QVERIFY(settings.startAtLogin(StoreLocation{}));

    // The box shows what systemd says; unticking disables the unit.
    SettingsDialog again(settings, StoreLocation{});
    auto *box = again.findChild<QCheckBox *>("startAtLoginCheck");
    QVERIFY(box->isChecked());
    box->setChecked(false);
    again.accept();
    QVERIFY2(systemctlCalls().contains("--user disable punctual.service\n"), qPrintable(systemctlCalls()));
    QVERIFY(!settings.startAtLogin(StoreLocation{}));
    QVERIFY(!QFile::exists(autostart::entryPath()));
}

void TestSettings::execLineQuoting()
{
    QCOMPARE(autostart::execLine("/usr/bin/punctual", {"--minimized"}), QString("/usr/bin/punctual --minimized"));
    // Desktop Entry spec: reserved characters need quotes; inside them " ` $ \ get a backslash, and the string
    // escapes double every backslash afterwards; % is doubled (field codes).
    QCOMPARE(autostart::execLine("/opt/my apps/punctual", {"--db", "/a/100%.db"}),
             QString("\"/opt/my apps/punctual\" --db /a/100%%.db"));
    QCOMPARE(autostart::execLine("/p", {"a$b", "c\\d", "say \"hi\""}),
             QString("/p \"a\\\\$b\" \"c\\\\\\\\d\" \"say \\\\\"hi\\\\\"\""));
    QCOMPARE(autostart::execLine("/p", {""}), QString("/p \"\""));
}

void TestSettings::templateIsThePackagedOne()
{
    // One source of truth: the app's entry is the packaging template with the command line filled in.
    QFile packaged(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/../../packaging/autostart/punctual-autostart.desktop.in"));
    QVERIFY2(packaged.open(QIODevice::ReadOnly), qPrintable(packaged.fileName()));
    QString expected = QString::fromUtf8(packaged.readAll());
    expected.replace("@EXEC@", "env PUNCTUAL_STARTED_BY=detached /usr/bin/punctualctl run");
    QCOMPARE(autostart::entryText("env", {"PUNCTUAL_STARTED_BY=detached", "/usr/bin/punctualctl", "run"}), expected);
}

void TestSettings::dialogShowsAndWritesSettings()
{
    Settings settings(m_iniFile);
    settings.setNotifies(NotificationKind::Missed, false);
    settings.setHistoryLimit(42);
    const StoreLocation store = StoreLocation::fromPath("/tmp/x.db");
    SettingsDialog dialog(settings, store);
    auto *startAtLogin = dialog.findChild<QCheckBox *>("startAtLoginCheck");
    auto *failure = dialog.findChild<QCheckBox *>("notifyFailureCheck");
    auto *missed = dialog.findChild<QCheckBox *>("notifyMissedCheck");
    auto *timeout = dialog.findChild<QCheckBox *>("notifyTimeoutCheck");
    auto *history = dialog.findChild<QSpinBox *>("historyLimitSpin");
    auto *grace = dialog.findChild<QSpinBox *>("misfireGraceSpin");
    auto *coalesce = dialog.findChild<QCheckBox *>("coalesceCheck");
    auto *instances = dialog.findChild<QSpinBox *>("maxInstancesSpin");
    auto *language = dialog.findChild<QComboBox *>("languageCombo");
    for (QObject *field : std::initializer_list<QObject *>{startAtLogin, failure, missed, timeout, history, grace,
                                                           coalesce, instances, language})
        QVERIFY(field);
    QVERIFY(!startAtLogin->isChecked());
    QVERIFY(failure->isChecked());
    QVERIFY(!missed->isChecked());
    QVERIFY(timeout->isChecked());
    QCOMPARE(history->value(), 42);
    QCOMPARE(grace->value(), 60);
    QVERIFY(coalesce->isChecked());
    QCOMPARE(instances->value(), 1);
    QCOMPARE(language->currentData().toString(), QString());

    startAtLogin->setChecked(true);
    failure->setChecked(false);
    missed->setChecked(true);
    history->setValue(500);
    grace->setValue(300);
    coalesce->setChecked(false);
    instances->setValue(4);
    language->setCurrentIndex(language->findData("de"));
    QVERIFY(language->currentIndex() > 0);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(accepted.size(), 1);

    Settings reread(m_iniFile);
    QVERIFY(reread.startAtLogin(store));
    QVERIFY2(readEntry().contains("/punctualctl --db /tmp/x.db run\n"), qPrintable(readEntry()));
    QVERIFY(!reread.notifies(NotificationKind::Failure));
    QVERIFY(reread.notifies(NotificationKind::Missed));
    QVERIFY(reread.notifies(NotificationKind::Timeout));
    QCOMPARE(reread.historyLimit(), 500);
    const JobOptions options = reread.defaultJobOptions();
    QCOMPARE(options.misfireGraceMs, std::optional<std::int64_t>(300'000));
    QCOMPARE(options.coalesce, CoalescePolicy::All);
    QCOMPARE(options.maxInstances, 4);
    QCOMPARE(reread.language(), QString("de"));

    // Unticking removes the entry.
    SettingsDialog again(settings, store);
    auto *check = again.findChild<QCheckBox *>("startAtLoginCheck");
    QVERIFY(check->isChecked());
    check->setChecked(false);
    again.accept();
    QVERIFY(!QFile::exists(autostart::entryPath()));
}

void TestSettings::dialogKeepsOpenWhenAutostartFails()
{
    // A file where the autostart folder should be: the entry cannot be written.
    const QString folder = m_home.filePath("config/autostart");
    QDir(folder).removeRecursively();
    {
        QFile blocker(folder);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
    }
    Settings settings(m_iniFile);
    SettingsDialog dialog(settings, StoreLocation{});
    dialog.show();
    dialog.findChild<QCheckBox *>("startAtLoginCheck")->setChecked(true);
    dialog.findChild<QSpinBox *>("historyLimitSpin")->setValue(7);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.size(), 0);
    QVERIFY(dialog.isVisible());
    auto *message = dialog.findChild<QLabel *>("messageLabel");
    QVERIFY2(message->text().contains("Cannot change the start at login"), qPrintable(message->text()));
    QCOMPARE(settings.historyLimit(), 100); // nothing written
    QFile::remove(folder);
}

void TestSettings::storeChosenInTheDialogIsTheConfiguredOne()
{
    // The application's own settings file (what punctual and punctualctl read at start), under XDG_CONFIG_HOME.
    QSettings(QSettings::NativeFormat, QSettings::UserScope, "punctual", "punctual").clear();
    {
        auto configured = configuredStoreLocation();
        QVERIFY(configured);
        QVERIFY(configured.value().sqlitePath.isEmpty()); // nothing chosen: the default file
        QVERIFY(!configured.value().postgres);
    }
    Settings settings; // the application's store, as the window uses it
    SettingsDialog dialog(settings, StoreLocation{});
    auto *store = dialog.findChild<QLineEdit *>("storeEdit");
    QVERIFY(store);
    QVERIFY(store->text().isEmpty());
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Ok);

    // A URL that cannot be a store is shown beside the field and cannot be saved.
    store->setText("postgresql://user:secret@db.example:5432/jobs");
    QVERIFY(!ok->isEnabled());
    const QString message = dialog.findChild<QLabel *>("storeMessage")->text();
    QVERIFY2(!message.isEmpty() && !message.contains("secret"), qPrintable(message));

    store->setText("postgresql://jobs@db.example:5433/punctual");
    QVERIFY(ok->isEnabled());
    ok->click();
    QCOMPARE(settings.storeLocation(), QString("postgresql://jobs@db.example:5433/punctual"));
    settings.sync();
    auto configured = configuredStoreLocation();
    QVERIFY2(configured, qPrintable(configured ? QString() : configured.error().message));
    QVERIFY(configured.value().postgres);
    QCOMPARE(configured.value().postgres->port, 5433);

    // A path is an SQLite file; clearing the field goes back to the default store.
    QCOMPARE(StoreLocation::fromUserText(m_home.filePath("other.db")).value().sqlitePath, m_home.filePath("other.db"));
    settings.setStoreLocation(QString());
    settings.sync();
    QVERIFY(configuredStoreLocation().value().sqlitePath.isEmpty());
}

void TestSettings::noticeChoicesAreTheConfiguredOnes()
{
    // What punctualctl run reads for its desktop notices is what the window's settings wrote.
    QSettings(QSettings::NativeFormat, QSettings::UserScope, "punctual", "punctual").clear();
    ConfiguredNotices notices = configuredNotices();
    QCOMPARE(notices.outcomes, (QSet<RunOutcome>{RunOutcome::Failed, RunOutcome::Missed, RunOutcome::TimedOut}));
    QVERIFY(notices.language.isEmpty());
    Settings settings;
    settings.setNotifies(NotificationKind::Missed, false);
    settings.setLanguage("de");
    settings.sync();
    notices = configuredNotices();
    QCOMPARE(notices.outcomes, (QSet<RunOutcome>{RunOutcome::Failed, RunOutcome::TimedOut}));
    QCOMPARE(notices.language, QString("de"));
    settings.setNotifies(NotificationKind::Failure, false);
    settings.setNotifies(NotificationKind::Timeout, false);
    settings.sync();
    QVERIFY(configuredNotices().outcomes.isEmpty());
}

void TestSettings::windowLayoutKeepsItsKeys()
{
    // Where the window kept its layout before Settings had it: the store of QCoreApplication's names (under
    // XDG_CONFIG_HOME here), group MainWindow, so a layout saved by an older version is still restored.
    QSettings raw;
    raw.remove("MainWindow");
    const WindowLayout none = Settings::windowLayout();
    QVERIFY(none.geometry.isEmpty() && none.state.isEmpty() && none.columns.isEmpty() && none.splitter.isEmpty()
            && none.historySplitter.isEmpty());

    WindowLayout layout;
    layout.geometry = "geometry bytes";
    layout.state = "state bytes";
    layout.columns = "columns bytes";
    layout.splitter = "splitter bytes";
    layout.historySplitter = "history splitter bytes";
    Settings::setWindowLayout(layout);
    raw.sync();
    QCOMPARE(raw.value("MainWindow/geometry").toByteArray(), layout.geometry);
    QCOMPARE(raw.value("MainWindow/state").toByteArray(), layout.state);
    QCOMPARE(raw.value("MainWindow/columns").toByteArray(), layout.columns);
    QCOMPARE(raw.value("MainWindow/splitter").toByteArray(), layout.splitter);
    QCOMPARE(raw.value("MainWindow/historySplitter").toByteArray(), layout.historySplitter);

    raw.setValue("MainWindow/columns", QByteArray("older columns"));
    raw.sync();
    const WindowLayout read = Settings::windowLayout();
    QCOMPARE(read.geometry, layout.geometry);
    QCOMPARE(read.state, layout.state);
    QCOMPARE(read.columns, QByteArray("older columns"));
    QCOMPARE(read.splitter, layout.splitter);
    QCOMPARE(read.historySplitter, layout.historySplitter);
    raw.remove("MainWindow");
}

QTEST_MAIN(TestSettings)
#include "testsettings.moc"
