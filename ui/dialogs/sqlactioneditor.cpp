// The SQL page of the job editor: fields to SqlAction and back; keychain writes and connection tests off the GUI thread.
#include "sqlactioneditor.h"

#include "executors/passwordprovider.h"
#include "executors/sqlrun.h"
#include "executors/sqltext.h"
#include "compacttextedit.h"
#include "fieldmessage.h"
#include "util/postresult.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace punctual {

namespace {

bool isSqlite(const QString &driver)
{
    return driver == QLatin1String("QSQLITE");
}

} // namespace

SqlActionEditor::SqlActionEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sqlPage"));

    m_connectionCombo = new QComboBox(this);
    m_connectionCombo->setObjectName(QStringLiteral("sqlConnectionCombo"));
    m_connectionCombo->setAccessibleName(tr("Connection"));
    m_connectionCombo->setEditable(true);
    m_connectionCombo->lineEdit()->setAccessibleName(m_connectionCombo->accessibleName());
    m_connectionCombo->setInsertPolicy(QComboBox::NoInsert);
    m_connectionCombo->lineEdit()->setPlaceholderText(tr("e.g. app database"));
    m_connectionCombo->setToolTip(tr("A name for this connection; the keychain keeps its password under it. Pick a "
                                     "connection other jobs use to fill in its settings."));

    m_driverCombo = new QComboBox(this);
    m_driverCombo->setAccessibleName(tr("Driver"));
    m_driverCombo->setObjectName(QStringLiteral("sqlDriverCombo"));
    QStringList drivers = availableSqlDrivers();
    drivers.removeDuplicates();
    for (const QString &driver : std::as_const(drivers)) {
        QString label = driver;
        if (driver == QLatin1String("QSQLITE"))
            label = tr("SQLite (%1)").arg(driver);
        else if (driver == QLatin1String("QPSQL"))
            label = tr("PostgreSQL (%1)").arg(driver);
        else if (driver == QLatin1String("QMYSQL"))
            label = tr("MySQL (%1)").arg(driver);
        else if (driver == QLatin1String("QMARIADB"))
            label = tr("MariaDB (%1)").arg(driver);
        else if (driver == QLatin1String("QODBC"))
            label = tr("ODBC (%1)").arg(driver);
        m_driverCombo->addItem(label, driver);
    }
    m_driverCombo->setToolTip(tr("The database drivers installed on this computer"));

    m_hostEdit = new QLineEdit(this);
    m_hostEdit->setObjectName(QStringLiteral("sqlHostEdit"));
    m_hostEdit->setPlaceholderText(tr("localhost"));
    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(QStringLiteral("sqlPortSpin"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setSpecialValueText(tr("default"));
    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(m_hostEdit, 1);
    serverRow->addWidget(new QLabel(tr("Port:"), this));
    serverRow->addWidget(m_portSpin);

    m_databaseEdit = new QLineEdit(this);
    m_databaseEdit->setObjectName(QStringLiteral("sqlDatabaseEdit"));
    m_browseButton = new QPushButton(tr("Bro&wse…"), this);
    m_browseButton->setObjectName(QStringLiteral("sqlDatabaseBrowseButton"));
    m_browseButton->setToolTip(tr("Choose the SQLite database file"));
    connect(m_browseButton, &QPushButton::clicked, this, &SqlActionEditor::browseDatabase);
    auto *databaseRow = new QHBoxLayout;
    databaseRow->addWidget(m_databaseEdit, 1);
    databaseRow->addWidget(m_browseButton);
    m_databaseLabel = new QLabel(tr("&Database:"), this);
    m_databaseLabel->setBuddy(m_databaseEdit);
    m_databaseMessage = new FieldMessage(this);
    m_databaseMessage->setObjectName(QStringLiteral("sqlDatabaseMessage"));

    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(QStringLiteral("sqlUserEdit"));

    m_sourceCombo = new QComboBox(this);
    m_sourceCombo->setObjectName(QStringLiteral("sqlPasswordSourceCombo"));
    m_sourceCombo->addItem(tr("None"), static_cast<int>(Source::None));
    m_sourceCombo->addItem(tr("System keychain"), static_cast<int>(Source::Keychain));
    m_sourceCombo->addItem(tr("Environment variable"), static_cast<int>(Source::Environment));
    m_sourceCombo->setToolTip(tr("The password is never stored with the job: it is read from the system keychain "
                                 "or from an environment variable of the scheduler when the job runs"));
    m_variableEdit = new QLineEdit(this);
    m_variableEdit->setObjectName(QStringLiteral("sqlPasswordVariableEdit"));
    m_variableEdit->setPlaceholderText(tr("e.g. APP_DB_PASSWORD"));
    m_setPasswordButton = new QPushButton(tr("Set &password…"), this);
    m_setPasswordButton->setObjectName(QStringLiteral("sqlSetPasswordButton"));
    m_setPasswordButton->setToolTip(tr("Store this connection's password in the system keychain"));
    connect(m_setPasswordButton, &QPushButton::clicked, this, &SqlActionEditor::askForPassword);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_sourceCombo);
    passwordRow->addWidget(m_variableEdit, 1);
    passwordRow->addWidget(m_setPasswordButton);
    m_passwordMessage = new FieldMessage(this);
    m_passwordMessage->setObjectName(QStringLiteral("sqlPasswordMessage"));

    m_statementsEdit = new CompactTextEdit(3, this);
    m_statementsEdit->setObjectName(QStringLiteral("sqlStatementsEdit"));
    m_statementsEdit->setPlaceholderText(tr("DELETE FROM tokens WHERE expires_at < :now;"));
    m_statementsEdit->setToolTip(tr("Statements separated by ';', run in one transaction: if one fails, none of "
                                    "their changes is kept. :scheduled_time and :now are the run's scheduled and "
                                    "actual start time (:scheduled_time_ms and :now_ms in milliseconds since "
                                    "1970)."));
    m_statementsEdit->setTabChangesFocus(true);
    m_statementsError = new FieldMessage(this);
    m_statementsError->setObjectName(QStringLiteral("sqlStatementsError"));

    m_timeoutSpin = new QSpinBox(this);
    m_timeoutSpin->setObjectName(QStringLiteral("sqlStatementTimeoutSpin"));
    m_timeoutSpin->setRange(0, 24 * 3600);
    m_timeoutSpin->setSuffix(tr(" s"));
    m_timeoutSpin->setSpecialValueText(tr("no limit"));
    m_timeoutSpin->setToolTip(tr("A statement running longer than this is cancelled and the run rolled back"));

    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("sqlTestButton"));
    connect(m_testButton, &QPushButton::clicked, this, &SqlActionEditor::testConnection);
    m_testMessage = new FieldMessage(this);
    m_testMessage->setObjectName(QStringLiteral("sqlTestMessage"));
    auto *form = m_form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    // Connection and driver share a row: the page must fit a small screen beside the rest of the editor.
    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(m_connectionCombo, 1);
    connectionRow->addWidget(buddyLabel(tr("Dri&ver:"), m_driverCombo));
    connectionRow->addWidget(m_driverCombo);
    form->addRow(buddyLabel(tr("Co&nnection:"), m_connectionCombo), connectionRow);
    form->addRow(buddyLabel(tr("&Host:"), m_hostEdit), serverRow);
    form->addRow(m_databaseLabel, databaseRow);
    form->addRow(QString(), m_databaseMessage);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(buddyLabel(tr("Pass&word:"), m_sourceCombo), passwordRow);
    form->addRow(QString(), m_passwordMessage);
    form->addRow(tr("&Statements:"), m_statementsEdit);
    form->addRow(QString(), m_statementsError);
    // One row for the timeout and the test: the page must fit a small screen beside the rest of the editor.
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(m_timeoutSpin);
    timeoutRow->addStretch();
    timeoutRow->addWidget(m_testButton);
    form->addRow(buddyLabel(tr("Statement ti&meout:"), m_timeoutSpin), timeoutRow);
    form->addRow(QString(), m_testMessage);

    connect(m_connectionCombo, &QComboBox::activated, this, [this](int index) {
        if (index >= 0 && index < m_known.size())
            fillConnection(m_known.at(index));
    });
    auto changed = [this] {
        m_testMessage->clearMessage();
        updateFields();
        emit edited();
    };
    connect(m_connectionCombo, &QComboBox::currentTextChanged, this, changed);
    connect(m_driverCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_sourceCombo, &QComboBox::currentIndexChanged, this, [this, changed] {
        m_passwordMessage->clearMessage();
        changed();
    });
    for (QLineEdit *edit : {m_hostEdit, m_databaseEdit, m_userEdit, m_variableEdit})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_portSpin, &QSpinBox::valueChanged, this, changed);
    connect(m_statementsEdit, &QPlainTextEdit::textChanged, this, changed);
    connect(m_timeoutSpin, &QSpinBox::valueChanged, this, [this] { emit edited(); });

    setAction(SqlAction{});
    m_original.reset();
}

void SqlActionEditor::setKnownConnections(const QList<SqlConnection> &connections)
{
    const QString text = m_connectionCombo->currentText();
    m_known = connections;
    const QSignalBlocker blocker(m_connectionCombo);
    m_connectionCombo->clear();
    for (const SqlConnection &connection : std::as_const(m_known)) {
        const QString where = isSqlite(connection.driver) ? QFileInfo(connection.database).fileName()
                                                          : connection.database;
        m_connectionCombo->addItem(connection.name);
        m_connectionCombo->setItemData(m_connectionCombo->count() - 1,
                                       tr("%1, %2").arg(connection.driver, where), Qt::ToolTipRole);
    }
    m_connectionCombo->setEditText(text);
}

QList<SqlConnection> SqlActionEditor::connectionsOf(const QList<Job> &jobs)
{
    QList<SqlConnection> connections;
    QStringList names;
    for (const Job &job : jobs) {
        const auto *sql = std::get_if<SqlAction>(&job.action);
        if (!sql || sql->connection.name.isEmpty() || names.contains(sql->connection.name))
            continue;
        names << sql->connection.name;
        connections << sql->connection;
    }
    return connections;
}

void SqlActionEditor::setAction(const SqlAction &action)
{
    m_original = action;
    fillConnection(action.connection);
    m_statementsEdit->setPlainText(action.statements.join(QStringLiteral(";\n")));
    m_timeoutSpin->setValue(action.statementTimeoutMs ? std::max(1, roundToSeconds(*action.statementTimeoutMs)) : 0);
    updateFields();
}

void SqlActionEditor::fillConnection(const SqlConnection &c)
{
    m_connectionCombo->setEditText(c.name);
    int driver = m_driverCombo->findData(c.driver);
    if (driver < 0) { // a driver not installed here: keep it, the job may run elsewhere
        m_driverCombo->addItem(tr("%1 (not installed here)").arg(c.driver), c.driver);
        driver = m_driverCombo->count() - 1;
    }
    m_driverCombo->setCurrentIndex(driver);
    m_hostEdit->setText(c.host);
    m_portSpin->setValue(c.port);
    m_databaseEdit->setText(c.database);
    m_userEdit->setText(c.user);
    const Source source = c.passwordSource == PasswordSource::Keychain ? Source::Keychain
        : c.passwordSource == PasswordSource::Environment              ? Source::Environment
                                                                       : Source::None;
    m_sourceCombo->setCurrentIndex(m_sourceCombo->findData(static_cast<int>(source)));
    m_variableEdit->setText(c.passwordVariable);
    updateFields();
}

SqlConnection SqlActionEditor::connectionFromFields() const
{
    SqlConnection c;
    if (m_original)
        c.options = m_original->connection.options;
    c.name = m_connectionCombo->currentText().trimmed();
    c.driver = m_driverCombo->currentData().toString();
    const bool server = !isSqlite(c.driver);
    c.host = server ? m_hostEdit->text().trimmed() : QString();
    c.port = server ? m_portSpin->value() : 0;
    c.database = m_databaseEdit->text().trimmed();
    c.user = server ? m_userEdit->text().trimmed() : QString();
    switch (static_cast<Source>(m_sourceCombo->currentData().toInt())) {
    case Source::Keychain:
        c.passwordSource = PasswordSource::Keychain;
        break;
    case Source::Environment:
        c.passwordSource = PasswordSource::Environment;
        c.passwordVariable = m_variableEdit->text().trimmed();
        break;
    case Source::None:
        break;
    }
    if (!server)
        c.passwordSource = PasswordSource::None;
    return c;
}

Result<SqlAction> SqlActionEditor::action() const
{
    SqlAction action;
    action.connection = connectionFromFields();
    if (action.connection.database.isEmpty())
        return invalidInput(isSqlite(action.connection.driver) ? tr("Choose the SQLite database file")
                                                               : tr("Enter the database name"));
    auto statements = statementsFromText();
    if (!statements)
        return statements.error();
    action.statements = std::move(statements).value();
    if (m_timeoutSpin->value() > 0)
        action.statementTimeoutMs = secondsToMs(m_timeoutSpin->value(),
                                                m_original ? m_original->statementTimeoutMs : std::nullopt);
    else
        action.statementTimeoutMs.reset();
    // The rules a job file's sql action is checked by, so the editor never saves what a run would refuse.
    auto checked = actionFromJson(actionToJson(action));
    if (!checked)
        return checked.error();
    return std::get<SqlAction>(checked.value());
}

Result<QStringList> SqlActionEditor::statementsFromText() const
{
    const QStringList statements = splitSqlStatements(m_statementsEdit->toPlainText());
    if (statements.isEmpty())
        return invalidInput(tr("Enter at least one SQL statement"));
    const QStringList known = knownSqlPlaceholders();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        for (const QString &name : sqlPlaceholders(statements.at(i))) {
            if (!known.contains(name))
                return invalidInput(tr("Statement %1 uses :%2, which is not bound (use :%3)")
                                        .arg(i + 1)
                                        .arg(name, known.join(QStringLiteral(", :"))));
        }
    }
    return statements;
}

void SqlActionEditor::askForPassword()
{
    const QString name = m_connectionCombo->currentText().trimmed();
    if (name.isEmpty()) {
        m_passwordMessage->showMessage(tr("Name the connection first: the keychain keeps the password under its "
                                          "name"));
        return;
    }
    bool ok = false;
    const QString password = QInputDialog::getText(this, tr("Set password"),
                                                   tr("Password of connection \"%1\":").arg(name),
                                                   QLineEdit::Password, QString(), &ok);
    if (ok)
        storePassword(password);
}

void SqlActionEditor::storePassword(const QString &password)
{
    const QString name = m_connectionCombo->currentText().trimmed();
    const std::shared_ptr<Keychain> keychain = Keychain::installed();
    if (name.isEmpty() || !keychain) {
        m_passwordMessage->showMessage(name.isEmpty() ? tr("Name the connection first: the keychain keeps the "
                                                           "password under its name")
                                                      : tr("This program has no keychain support: use an "
                                                           "environment variable for the password"));
        emit passwordStored(false);
        return;
    }
    m_setPasswordButton->setEnabled(false);
    m_passwordMessage->showMessage(tr("Storing the password in the system keychain…"), FieldMessage::Kind::Note);
    postResult(
        this, [keychain, name, password] { return keychain->writePassword(name, password); },
        [this, name](Result<void> stored) {
            m_setPasswordButton->setEnabled(true);
            if (stored) {
                m_passwordMessage->showMessage(tr("The password of \"%1\" is in the system keychain.").arg(name),
                                               FieldMessage::Kind::Note);
            } else {
                // No keychain service (no desktop session, no Secret Service): offer the environment variable.
                m_passwordMessage->showMessage(
                    tr("The password could not be stored: %1\nThe job can read it from an environment variable of "
                       "the scheduler instead: enter the variable's name.")
                        .arg(stored.error().message));
                const QSignalBlocker blocker(m_sourceCombo);
                m_sourceCombo->setCurrentIndex(m_sourceCombo->findData(static_cast<int>(Source::Environment)));
                updateFields();
                m_variableEdit->setFocus();
                emit edited();
            }
            emit passwordStored(stored.ok());
        });
}

void SqlActionEditor::testConnection()
{
    const SqlConnection connection = connectionFromFields();
    if (connection.database.isEmpty()) {
        m_testMessage->showMessage(tr("Enter the database first"));
        emit connectionTested(false);
        return;
    }
    m_testButton->setEnabled(false);
    m_testMessage->showMessage(tr("Connecting…"), FieldMessage::Kind::Note);
    postResult(
        this, [connection] { return testSqlConnection(connection, SystemPasswordProvider::instance()); },
        [this](Result<QString> tested) {
            m_testButton->setEnabled(true);
            if (tested)
                m_testMessage->showMessage(tested.value(), FieldMessage::Kind::Note);
            else
                m_testMessage->showMessage(tested.error().message);
            emit connectionTested(tested.ok());
        });
}

void SqlActionEditor::browseDatabase()
{
    const QString current = m_databaseEdit->text().trimmed();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the SQLite database"),
                                                      current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
                                                      tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!file.isEmpty())
        m_databaseEdit->setText(file);
}

void SqlActionEditor::updateFields()
{
    const bool sqlite = isSqlite(m_driverCombo->currentData().toString());
    for (QWidget *widget : {static_cast<QWidget *>(m_hostEdit), static_cast<QWidget *>(m_portSpin),
                            static_cast<QWidget *>(m_userEdit), static_cast<QWidget *>(m_sourceCombo)})
        widget->setEnabled(!sqlite);
    m_browseButton->setVisible(sqlite);
    // A file database has no server, user or password: their rows go while SQLite is chosen.
    for (QWidget *field : {static_cast<QWidget *>(m_hostEdit), static_cast<QWidget *>(m_userEdit),
                           static_cast<QWidget *>(m_sourceCombo)})
        for (int row = 0; row < m_form->rowCount(); ++row) {
            QLayoutItem *item = m_form->itemAt(row, QFormLayout::FieldRole);
            if (item && (item->widget() == field || (item->layout() && item->layout()->indexOf(field) >= 0)))
                m_form->setRowVisible(row, !sqlite);
        }
    m_databaseLabel->setText(sqlite ? tr("&Database file:") : tr("&Database:"));
    m_databaseEdit->setPlaceholderText(sqlite ? tr("e.g. /srv/app/app.db") : tr("e.g. app"));
    // Opening a file that is not there makes an empty database: the statements would find no tables.
    const QString file = m_databaseEdit->text().trimmed();
    if (sqlite && !file.isEmpty() && file != QLatin1String(":memory:") && !QFileInfo::exists(file))
        m_databaseMessage->showMessage(tr("No such file: SQLite will create an empty database"),
                                       FieldMessage::Kind::Note);
    else
        m_databaseMessage->clearMessage();
    const auto source = static_cast<Source>(m_sourceCombo->currentData().toInt());
    m_variableEdit->setVisible(!sqlite && source == Source::Environment);
    m_setPasswordButton->setVisible(!sqlite && source == Source::Keychain);

    // An empty text only keeps Save disabled; a placeholder that will not be bound is shown at once.
    auto statements = statementsFromText();
    if (!statements && !m_statementsEdit->toPlainText().trimmed().isEmpty())
        m_statementsError->showMessage(statements.error().message);
    else
        m_statementsError->clearMessage();
}

} // namespace punctual
