// The job editor's SQL page: a named connection, its password's source, the statements and their timeout.
#pragma once

#include "jobs/action.h"
#include "jobs/job.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace punctual {

class FieldMessage;

/**
 * Collects an SqlAction. The connection name offers the connections of the jobs the scheduler knows
 * (setKnownConnections()); picking one fills in its fields. The password never passes through the job: it is
 * either none, an environment variable of the scheduler named here, or kept in the system keychain under the
 * connection's name ("Set password…" writes it there, off the GUI thread). Where no keychain service runs, the
 * page says so and switches to the environment variable. Statements are one text, split at ';' (outside
 * strings and comments) into the statements run in one transaction. "Test connection" opens the connection
 * off the GUI thread and shows the outcome. Settings without a field (connect options) are kept from the
 * action given to setAction().
 *
 * Object names: sqlConnectionCombo, sqlDriverCombo, sqlHostEdit, sqlPortSpin, sqlDatabaseEdit,
 * sqlDatabaseBrowseButton, sqlUserEdit, sqlPasswordSourceCombo, sqlPasswordVariableEdit, sqlSetPasswordButton,
 * sqlPasswordMessage, sqlStatementsEdit, sqlStatementsError, sqlStatementTimeoutSpin, sqlTestButton,
 * sqlTestMessage.
 */
class SqlActionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlActionEditor)

public:
    explicit SqlActionEditor(QWidget *parent = nullptr);

    /// The connections offered for reuse (one per name).
    void setKnownConnections(const QList<SqlConnection> &connections);
    /// The named connections of @p jobs' sql actions, each name once (the first job's wins).
    static QList<SqlConnection> connectionsOf(const QList<Job> &jobs);

    void setAction(const SqlAction &action);
    /// The action as entered, or what is wrong (checked by core's rules for a job's sql action).
    Result<SqlAction> action() const;

    /// Stores @p password in the system keychain under the connection's name, off the GUI thread; the outcome
    /// is shown in sqlPasswordMessage ("Set password…" asks for it, then calls this).
    void storePassword(const QString &password);

signals:
    void edited();
    /// A storePassword() or a connection test ended (tests wait for these).
    void passwordStored(bool ok);
    void connectionTested(bool ok);

private:
    enum class Source
    {
        None,
        Keychain,
        Environment,
    };

    SqlConnection connectionFromFields() const;
    Result<QStringList> statementsFromText() const;
    void fillConnection(const SqlConnection &connection);
    void askForPassword();
    void testConnection();
    void browseDatabase();
    void updateFields();

    std::optional<SqlAction> m_original;
    QList<SqlConnection> m_known;

    QComboBox *m_connectionCombo = nullptr;
    QComboBox *m_driverCombo = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLineEdit *m_databaseEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QComboBox *m_sourceCombo = nullptr;
    QLineEdit *m_variableEdit = nullptr;
    QPushButton *m_setPasswordButton = nullptr;
    QFormLayout *m_form = nullptr;
    FieldMessage *m_databaseMessage = nullptr; ///< an SQLite file that does not exist yet
    FieldMessage *m_passwordMessage = nullptr;
    QPlainTextEdit *m_statementsEdit = nullptr;
    FieldMessage *m_statementsError = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QPushButton *m_testButton = nullptr;
    FieldMessage *m_testMessage = nullptr;
};

} // namespace punctual
