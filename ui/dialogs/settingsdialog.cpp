// The settings dialog: lays out the preferences, fills them from Settings and writes them back on OK.
#include "settingsdialog.h"

#include "fieldmessage.h"
#include "optionseditor.h"
#include "settings/language.h"
#include "settings/settings.h"
#include "store/storelocation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace punctual {

namespace {

QGroupBox *group(const QString &title, QWidget *parent)
{
    return new QGroupBox(title, parent);
}

QCheckBox *check(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *box = new QCheckBox(text, parent);
    box->setObjectName(objectName);
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(Settings &settings, StoreLocation hostStore, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_hostStore(std::move(hostStore))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    // Start-up and language.
    auto *general = group(tr("General"), this);
    // The scheduler, not the window: jobs run from login on whether or not the window is ever opened.
    m_startAtLoginCheck =
        check(QStringLiteral("startAtLoginCheck"), tr("Start the Punctual scheduler when I log in"), general);
    m_startAtLoginCheck->setToolTip(
        m_settings.loginLaunch(m_hostStore).method == HostLaunch::Method::UserUnit
            ? tr("Runs your jobs from login on, without the window: enables the systemd user service "
                 "punctual.service")
            : tr("Runs your jobs from login on, without the window: an autostart entry in ~/.config/autostart "
                 "starts punctualctl run"));
    m_languageCombo = new QComboBox(general);
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    m_languageCombo->addItem(tr("System default"), QString());
    for (const QString &code : language::available()) {
        const QLocale locale(code);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        if (locale.territory() != QLocale::AnyTerritory && code.size() > 2)
            name = tr("%1 (%2)", "language (territory)").arg(name, locale.nativeTerritoryName());
        m_languageCombo->addItem(name, code);
    }
    // Texts already on screen are not translated again: the window would be half in one language, half in another.
    auto *languageNote = new QLabel(tr("A new language applies the next time Punctual starts."), general);
    languageNote->setWordWrap(true);
    languageNote->setEnabled(false);
    auto *generalForm = new QFormLayout(general);
    generalForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    generalForm->addRow(m_startAtLoginCheck);
    // Appearance: applied to the running application once accepted (appearance::apply()). Beside the language, so
    // the dialog grows no taller (it must fit a 1024x768 screen in every language).
    m_appearanceCombo = new QComboBox(general);
    m_appearanceCombo->setObjectName(QStringLiteral("appearanceCombo"));
    m_appearanceCombo->setAccessibleName(tr("Appearance"));
    m_appearanceCombo->addItem(tr("Follow the system"), int(ColorScheme::System));
    m_appearanceCombo->addItem(tr("Light"), int(ColorScheme::Light));
    m_appearanceCombo->addItem(tr("Dark"), int(ColorScheme::Dark));
    m_appearanceCombo->setCurrentIndex(m_appearanceCombo->findData(int(m_settings.colorScheme())));
    auto *appearanceLabel = new QLabel(tr("A&ppearance:"), general);
    appearanceLabel->setBuddy(m_appearanceCombo);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageCombo);
    languageRow->addSpacing(12);
    languageRow->addWidget(appearanceLabel);
    languageRow->addWidget(m_appearanceCombo);
    languageRow->addStretch(1);
    generalForm->addRow(tr("&Language:"), languageRow);
    generalForm->addRow(QString(), languageNote);

    // Notifications.
    auto *notifications = group(tr("Tell me in the tray when a run"), this);
    m_notifyFailureCheck = check(QStringLiteral("notifyFailureCheck"), tr("&fails"), notifications);
    m_notifyMissedCheck = check(QStringLiteral("notifyMissedCheck"), tr("is &missed"), notifications);
    m_notifyTimeoutCheck = check(QStringLiteral("notifyTimeoutCheck"), tr("&times out"), notifications);
    m_notifyMissedCheck->setToolTip(tr("A run is missed when it could not start within the job's misfire grace "
                                       "time, for example while the computer was off or asleep"));
    auto *notificationRow = new QHBoxLayout(notifications);
    for (QCheckBox *box : {m_notifyFailureCheck, m_notifyMissedCheck, m_notifyTimeoutCheck})
        notificationRow->addWidget(box);
    notificationRow->addStretch();

    // History.
    auto *history = group(tr("Run history"), this);
    m_historyLimitSpin = new QSpinBox(history);
    m_historyLimitSpin->setObjectName(QStringLiteral("historyLimitSpin"));
    m_historyLimitSpin->setRange(1, Settings::maxHistoryLimit);
    m_historyLimitSpin->setAccelerated(true);
    m_historyLimitSpin->setSuffix(tr(" runs"));
    m_historyLimitSpin->setToolTip(tr("Older runs of a job are deleted from the store once it has more than this"));
    auto *historyForm = new QFormLayout(history);
    historyForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    historyForm->addRow(tr("&Keep per job the last:"), m_historyLimitSpin);

    // The job store: this machine's SQLite file, or a PostgreSQL store shared with other machines (docs/cluster.md).
    auto *storeGroup = group(tr("Job store"), this);
    m_storeEdit = new QLineEdit(storeGroup);
    m_storeEdit->setObjectName(QStringLiteral("storeEdit"));
    m_storeEdit->setClearButtonEnabled(true);
    m_storeEdit->setPlaceholderText(tr("this computer's own store (%1)").arg(StoreLocation{}.resolvedPath()));
    m_storeEdit->setToolTip(tr("Empty for this computer's own SQLite file; a file path for another SQLite store; or "
                               "postgresql://user@host:port/database to share jobs with other computers (the "
                               "password comes from PGPASSWORD or ~/.pgpass, never from here)"));
    m_storeMessage = new FieldMessage(storeGroup);
    m_storeMessage->setObjectName(QStringLiteral("storeMessage"));
    auto *storeNote = new QLabel(tr("A new job store is opened the next time Punctual starts; punctualctl uses it "
                                    "too when no --db or --store is given."),
                                 storeGroup);
    storeNote->setWordWrap(true);
    // A shared store's jobs run on the computers that choose to; the others only manage them.
    m_runJobsHereCheck = check(QStringLiteral("runJobsHereCheck"), tr("Run jobs on this computer"), storeGroup);
    m_runJobsHereCheck->setToolTip(tr("On a shared PostgreSQL store: run the shared jobs here too. Off, this "
                                      "computer only shows and changes them; the computers that run them do."));
    auto *storeForm = new QFormLayout(storeGroup);
    storeForm->addRow(tr("&Store:"), m_storeEdit);
    storeForm->addRow(QString(), m_storeMessage);
    storeForm->addRow(QString(), m_runJobsHereCheck);
    storeForm->addRow(QString(), storeNote);
    connect(m_storeEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        const auto parsed = StoreLocation::fromUserText(text);
        m_runJobsHereCheck->setEnabled(parsed && parsed->postgres.has_value());
        if (!parsed)
            m_storeMessage->showMessage(parsed.error().message);
        else if (!text.trimmed().isEmpty() && !parsed->postgres && !QFileInfo::exists(parsed->resolvedPath()))
            m_storeMessage->showMessage(tr("No such file: a new, empty store will be created here"),
                                        FieldMessage::Kind::Note);
        else
            m_storeMessage->clearMessage();
        m_buttonBox->button(QDialogButtonBox::Ok)->setEnabled(bool(parsed));
    });

    // Options of new jobs.
    auto *newJobs = group(tr("New jobs start with"), this);
    m_optionsEditor = new OptionsEditor(newJobs);
    auto *newJobsLayout = new QVBoxLayout(newJobs);
    newJobsLayout->addWidget(m_optionsEditor);

    m_message = new FieldMessage(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_buttonBox = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttonBox->setObjectName(QStringLiteral("buttonBox"));
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    for (QWidget *part : {static_cast<QWidget *>(general), static_cast<QWidget *>(notifications),
                          static_cast<QWidget *>(history), static_cast<QWidget *>(storeGroup),
                          static_cast<QWidget *>(newJobs)})
        layout->addWidget(part);
    layout->addStretch(1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttonBox);
    alignFormLabels(this);

    // The current values.
    m_wasStartingAtLogin = m_settings.startAtLogin(m_hostStore);
    m_startAtLoginCheck->setChecked(m_wasStartingAtLogin);
    m_notifyFailureCheck->setChecked(m_settings.notifies(NotificationKind::Failure));
    m_notifyMissedCheck->setChecked(m_settings.notifies(NotificationKind::Missed));
    m_notifyTimeoutCheck->setChecked(m_settings.notifies(NotificationKind::Timeout));
    m_historyLimitSpin->setValue(m_settings.historyLimit());
    m_optionsEditor->setOptions(m_settings.defaultJobOptions());
    m_runJobsHereCheck->setChecked(m_settings.runsJobsHere());
    m_storeEdit->setText(m_settings.storeLocation());
    const auto shown = StoreLocation::fromUserText(m_storeEdit->text());
    m_runJobsHereCheck->setEnabled(shown && shown->postgres.has_value());
    const int language = m_languageCombo->findData(m_settings.language());
    if (language >= 0) {
        m_languageCombo->setCurrentIndex(language);
    } else {
        // A code set elsewhere (punctual --lang is not stored; a hand-edited file) is kept as it is.
        m_languageCombo->addItem(m_settings.language(), m_settings.language());
        m_languageCombo->setCurrentIndex(m_languageCombo->count() - 1);
    }
    connect(m_startAtLoginCheck, &QCheckBox::toggled, m_message, &FieldMessage::clearMessage);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::accept()
{
    // Enabled again even when it is: an entry's store or program path may have changed since.
    if (m_startAtLoginCheck->isChecked() || m_wasStartingAtLogin) {
        if (auto written = m_settings.setStartAtLogin(m_startAtLoginCheck->isChecked(), m_hostStore); !written) {
            m_message->showMessage(tr("Cannot change the start at login: %1").arg(written.error().message));
            return;
        }
    }
    m_settings.setNotifies(NotificationKind::Failure, m_notifyFailureCheck->isChecked());
    m_settings.setNotifies(NotificationKind::Missed, m_notifyMissedCheck->isChecked());
    m_settings.setNotifies(NotificationKind::Timeout, m_notifyTimeoutCheck->isChecked());
    m_settings.setHistoryLimit(m_historyLimitSpin->value());
    m_settings.setDefaultJobOptions(m_optionsEditor->options());
    m_settings.setLanguage(m_languageCombo->currentData().toString());
    m_settings.setColorScheme(static_cast<ColorScheme>(m_appearanceCombo->currentData().toInt()));
    m_settings.setStoreLocation(m_storeEdit->text());
    m_settings.setRunsJobsHere(m_runJobsHereCheck->isChecked());
    m_settings.sync();
    QDialog::accept();
}

} // namespace punctual
