// Settings and the settings dialog on the offscreen platform: typed round trip and defaults, the XDG autostart
// entry written and removed under a temporary XDG_CONFIG_HOME, and the dialog writing what it shows.
#include "configuredstore.h"
#include "dialogs/settingsdialog.h"
#include "settings/autostart.h"
#include "settings/settings.h"
#include "store/storelocation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
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
    void autostartArguments();
    void execLineQuoting();
    void templateIsThePackagedOne();
    void dialogShowsAndWritesSettings();
    void dialogKeepsOpenWhenAutostartFails();
    void storeChosenInTheDialogIsTheConfiguredOne();
    void windowLayoutKeepsItsKeys();

private:
    QString readEntry() const;

    QTemporaryDir m_home;
    QString m_iniFile;
};

void TestSettings::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Nothing of the user's: the autostart folder and every QSettings file live in the temporary folder.
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath("data").toUtf8());
    QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::ConfigLocation), m_home.filePath("config"));
}

void TestSettings::init()
{
    static int counter = 0;
    m_iniFile = m_home.filePath(QStringLiteral("settings-%1.ini").arg(++counter));
    QFile::remove(autostart::entryPath());
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
    QVERIFY(!settings.startAtLogin());
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
    const QString path = autostart::entryPath();
    QCOMPARE(path, m_home.filePath("config/autostart/punctual.desktop"));
    QVERIFY(!QFile::exists(m_home.filePath("config/autostart")));
    Settings settings(m_iniFile);
    QVERIFY(settings.setStartAtLogin(true, {"--minimized", "--db", "/srv/jobs/my jobs.db"}));
    QVERIFY(settings.startAtLogin());
    const QString text = readEntry();
    QVERIFY2(text.startsWith("[Desktop Entry]\n"), qPrintable(text));
    QVERIFY2(text.contains("\nType=Application\n"), qPrintable(text));
    const QString exec = autostart::execLine(QCoreApplication::applicationFilePath(),
                                             {"--minimized", "--db", "/srv/jobs/my jobs.db"});
    QVERIFY2(text.contains("\nExec=" + exec + "\n"), qPrintable(text));
    QVERIFY2(exec.endsWith(" --minimized --db \"/srv/jobs/my jobs.db\""), qPrintable(exec));
    QVERIFY(!text.contains("@EXEC@"));

    // Written again (another store), then removed; removing twice is fine.
    QVERIFY(settings.setStartAtLogin(true, {"--minimized"}));
    QVERIFY(readEntry().contains(" --minimized\n"));
    QVERIFY(settings.setStartAtLogin(false, {}));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!settings.startAtLogin());
    QVERIFY(settings.setStartAtLogin(false, {}));
}

void TestSettings::autostartArguments()
{
    QCOMPARE(autostart::arguments(StoreLocation{}), QStringList{"--minimized"});
    const QString db = m_home.filePath("jobs.db");
    QCOMPARE(autostart::arguments(StoreLocation::fromPath(db)), (QStringList{"--minimized", "--db", db}));
    // A relative path is made absolute: the login session starts elsewhere.
    QDir::setCurrent(m_home.path());
    QCOMPARE(autostart::arguments(StoreLocation::fromPath("relative.db")),
             (QStringList{"--minimized", "--db", m_home.filePath("relative.db")}));
    // The default store named explicitly is still the default.
    const QString defaultPath = StoreLocation{}.resolvedPath();
    QCOMPARE(autostart::arguments(StoreLocation::fromPath(defaultPath)), QStringList{"--minimized"});
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
    expected.replace("@EXEC@", "/usr/bin/punctual --minimized");
    QCOMPARE(autostart::entryText("/usr/bin/punctual", {"--minimized"}), expected);
}

void TestSettings::dialogShowsAndWritesSettings()
{
    Settings settings(m_iniFile);
    settings.setNotifies(NotificationKind::Missed, false);
    settings.setHistoryLimit(42);
    SettingsDialog dialog(settings, {"--minimized", "--db", "/tmp/x.db"});
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
    QVERIFY(reread.startAtLogin());
    QVERIFY(readEntry().contains(" --minimized --db /tmp/x.db\n"));
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
    SettingsDialog again(settings, {"--minimized"});
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
    SettingsDialog dialog(settings, {"--minimized"});
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
    SettingsDialog dialog(settings, {});
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
