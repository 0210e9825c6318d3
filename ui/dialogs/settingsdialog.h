// The settings dialog: start at login, notifications, history retention, options of new jobs, language.
#pragma once

#include "store/storelocation.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace punctual {

class FieldMessage;
class OptionsEditor;
class Settings;

/**
 * Shows the Settings and writes them back on OK. "Start the Punctual scheduler when I log in" makes the scheduler
 * host of the given store start at login, or not (Settings::setStartAtLogin(): the systemd user unit, else an XDG
 * autostart entry); when that fails the error is shown and the dialog stays open. The language (language::available()) applies at the next
 * start; the dialog says so. Whoever opens it applies the new values (history limit, new-job options)
 * on accepted().
 *
 * Object names: startAtLoginCheck, notifyFailureCheck, notifyMissedCheck, notifyTimeoutCheck, historyLimitSpin,
 * the OptionsEditor's fields (misfireGraceSpin, misfireNoLimitCheck, coalesceCheck, maxInstancesSpin, ...),
 * languageCombo, appearanceCombo, messageLabel, buttonBox. Appearance (ColorScheme) applies when the dialog is accepted.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    /// @p settings must outlive the dialog; @p hostStore is the store whose scheduler starts at login (the window's).
    SettingsDialog(Settings &settings, StoreLocation hostStore, QWidget *parent = nullptr);
    ~SettingsDialog() override;

public slots:
    /// Writes the settings; closes unless the autostart entry cannot be written or removed.
    void accept() override;

private:
    Settings &m_settings;
    StoreLocation m_hostStore;
    bool m_wasStartingAtLogin = false;
    QCheckBox *m_startAtLoginCheck = nullptr;
    QCheckBox *m_notifyFailureCheck = nullptr;
    QCheckBox *m_notifyMissedCheck = nullptr;
    QCheckBox *m_notifyTimeoutCheck = nullptr;
    QSpinBox *m_historyLimitSpin = nullptr;
    OptionsEditor *m_optionsEditor = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QComboBox *m_appearanceCombo = nullptr;
    QLineEdit *m_storeEdit = nullptr;
    FieldMessage *m_storeMessage = nullptr;
    QCheckBox *m_runJobsHereCheck = nullptr;
    FieldMessage *m_message = nullptr;
    QDialogButtonBox *m_buttonBox = nullptr;
};

} // namespace punctual
