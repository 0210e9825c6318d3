// The job editor's SQL page on the offscreen platform: fields to action and back, statement checks, reuse of
// connections other jobs use, a real connection test on an SQLite file, and the real keychain's "no service".
#include "dialogs/actioneditor.h"
#include "executors/executorset.h"
#include "dialogs/jobeditordialog.h"
#include "dialogs/sqlactioneditor.h"
#include "executors/functionregistry.h"
#include "keychain/systemkeychain.h"
#include "mock/fakeclock.h"
#include "scheduler/scheduler.h"
#include "store/memoryjobstore.h"
#include "triggers/intervaltrigger.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;

namespace {

SqlAction postgresAction()
{
    SqlAction action;
    action.connection.name = QStringLiteral("reports");
    action.connection.driver = QStringLiteral("QPSQL");
    action.connection.host = QStringLiteral("db.example");
    action.connection.port = 5433;
    action.connection.database = QStringLiteral("app");
    action.connection.user = QStringLiteral("cleaner");
    action.connection.passwordSource = PasswordSource::Environment;
    action.connection.passwordVariable = QStringLiteral("APP_DB_PASSWORD");
    action.statements = {QStringLiteral("DELETE FROM tokens WHERE expires_at < :now"),
                         QStringLiteral("INSERT INTO log VALUES ('a;b', :scheduled_time)")};
    action.statementTimeoutMs = 30'000;
    return action;
}

template <typename T>
T *field(QWidget *root, const char *name)
{
    auto *widget = root->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no field %s", name);
    return widget;
}

QString errorOf(const Result<SqlAction> &result)
{
    return result ? QString() : result.error().message;
}

} // namespace

class TestSqlActionEditor : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsAnAction();
    void sqliteHidesServerFieldsAndChecksStatements();
    void offersConnectionsOfOtherJobs();
    void actionEditorHasAnSqlKind();
    void testsTheConnectionOffTheGuiThread();
    void noKeychainServiceOffersEnvironmentVariable();
};

void TestSqlActionEditor::roundTripsAnAction()
{
    SqlActionEditor editor;
    editor.setAction(postgresAction());
    QCOMPARE(field<QComboBox>(&editor, "sqlConnectionCombo")->currentText(), QStringLiteral("reports"));
    QCOMPARE(field<QSpinBox>(&editor, "sqlPortSpin")->value(), 5433);
    QCOMPARE(field<QLineEdit>(&editor, "sqlPasswordVariableEdit")->text(), QStringLiteral("APP_DB_PASSWORD"));
    auto action = editor.action();
    QVERIFY2(action, qPrintable(errorOf(action)));
    QCOMPARE(action.value(), postgresAction());

    // "No limit" and edits through the fields.
    field<QSpinBox>(&editor, "sqlStatementTimeoutSpin")->setValue(0);
    field<QPlainTextEdit>(&editor, "sqlStatementsEdit")->setPlainText("VACUUM;  ;\n");
    action = editor.action();
    QVERIFY2(action, qPrintable(errorOf(action)));
    QCOMPARE(action->statementTimeoutMs, std::nullopt);
    QCOMPARE(action->statements, QStringList{"VACUUM"});

    // An environment variable must be named.
    field<QLineEdit>(&editor, "sqlPasswordVariableEdit")->clear();
    QVERIFY(!editor.action());
    QVERIFY(errorOf(editor.action()).contains("environment variable"));
}

void TestSqlActionEditor::sqliteHidesServerFieldsAndChecksStatements()
{
    SqlActionEditor editor;
    editor.show();
    auto *driver = field<QComboBox>(&editor, "sqlDriverCombo");
    QCOMPARE(driver->currentData().toString(), QStringLiteral("QSQLITE")); // the default
    QVERIFY(!field<QLineEdit>(&editor, "sqlHostEdit")->isEnabled());
    QVERIFY(field<QPushButton>(&editor, "sqlDatabaseBrowseButton")->isVisible());
    QVERIFY(!editor.action()); // nothing entered yet
    QVERIFY(errorOf(editor.action()).contains("database file"));

    field<QLineEdit>(&editor, "sqlDatabaseEdit")->setText("/srv/app/app.db");
    QSignalSpy edited(&editor, &SqlActionEditor::edited);
    auto *statements = field<QPlainTextEdit>(&editor, "sqlStatementsEdit");
    statements->setPlainText("DELETE FROM tokens WHERE expires_at < :expiry");
    QVERIFY(edited.size() > 0);
    auto *statementsError = field<QLabel>(&editor, "sqlStatementsError");
    QVERIFY(statementsError->isVisible());
    QVERIFY2(statementsError->text().contains(":expiry"), qPrintable(statementsError->text()));
    QVERIFY(!editor.action());

    statements->setPlainText("DELETE FROM tokens WHERE expires_at < :now; -- hourly\nDELETE FROM sessions "
                             "WHERE ended_ms < :now_ms - 86400000;");
    QVERIFY(!statementsError->isVisible());
    auto action = editor.action();
    QVERIFY2(action, qPrintable(errorOf(action)));
    QCOMPARE(action->statements.size(), 2);
    QCOMPARE(action->connection.passwordSource, PasswordSource::None);
    QCOMPARE(action->connection.database, QStringLiteral("/srv/app/app.db"));

    const int postgres = driver->findData(QStringLiteral("QPSQL"));
    QVERIFY(postgres >= 0);
    driver->setCurrentIndex(postgres);
    QVERIFY(field<QLineEdit>(&editor, "sqlHostEdit")->isEnabled());
    QVERIFY(!field<QPushButton>(&editor, "sqlDatabaseBrowseButton")->isVisible());
}

void TestSqlActionEditor::offersConnectionsOfOtherJobs()
{
    FakeClock clock(1'800'000'000'000);
    MemoryJobStore store;
    FunctionRegistry functions;
    Scheduler scheduler(store, clock, ExecutorSet::standard(clock, functions));
    for (const QString &id : {QStringLiteral("a"), QStringLiteral("b")}) {
        Job job;
        job.id = id;
        job.trigger = std::make_shared<IntervalTrigger>(3'600'000, clock.nowMs() + 3'600'000);
        job.action = postgresAction(); // the same connection twice: offered once
        QVERIFY(scheduler.addJob(job));
    }
    Job command;
    command.id = QStringLiteral("c");
    command.trigger = std::make_shared<IntervalTrigger>(3'600'000, clock.nowMs() + 3'600'000);
    command.action = CommandAction{QStringLiteral("/bin/true"), {}, {}, {}, false, 1 << 20};
    QVERIFY(scheduler.addJob(command));

    // The dialog saves through a client of the host; this test saves nothing, so one not attached to any will do.
    auto client = SchedulerClient::forSocket(QStringLiteral("no-host"));
    JobEditorDialog dialog(*client, clock, functions);
    dialog.setKnownSqlConnections(SqlActionEditor::connectionsOf(scheduler.jobs().value()));
    auto *kind = field<QComboBox>(&dialog, "actionKindCombo");
    kind->setCurrentIndex(kind->findText("SQL statements"));
    auto *connection = field<QComboBox>(&dialog, "sqlConnectionCombo");
    QCOMPARE(connection->count(), 1);
    QCOMPARE(connection->itemText(0), QStringLiteral("reports"));
    // Picking it fills in the connection.
    connection->activated(0);
    QCOMPARE(field<QLineEdit>(&dialog, "sqlHostEdit")->text(), QStringLiteral("db.example"));
    QCOMPARE(field<QLineEdit>(&dialog, "sqlDatabaseEdit")->text(), QStringLiteral("app"));
    QCOMPARE(field<QComboBox>(&dialog, "sqlDriverCombo")->currentData().toString(), QStringLiteral("QPSQL"));
}

void TestSqlActionEditor::actionEditorHasAnSqlKind()
{
    FunctionRegistry functions;
    ActionEditor editor(functions);
    editor.show();
    editor.setAction(postgresAction());
    QCOMPARE(field<QComboBox>(&editor, "actionKindCombo")->currentText(), QStringLiteral("SQL statements"));
    QVERIFY(field<SqlActionEditor>(&editor, "sqlPage")->isVisible());
    QVERIFY(!field<QWidget>(&editor, "commandPage")->isVisible());
    auto action = editor.action();
    QVERIFY(action);
    QCOMPARE(std::get<SqlAction>(action.value()), postgresAction());
}

void TestSqlActionEditor::testsTheConnectionOffTheGuiThread()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("app.db");
    QFile empty(file);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();

    SqlActionEditor editor;
    field<QLineEdit>(&editor, "sqlDatabaseEdit")->setText(file);
    QSignalSpy tested(&editor, &SqlActionEditor::connectionTested);
    field<QPushButton>(&editor, "sqlTestButton")->click();
    auto *message = field<QLabel>(&editor, "sqlTestMessage");
    QVERIFY(tested.wait(10'000));
    QCOMPARE(tested.at(0).at(0).toBool(), true);
    QVERIFY2(message->text().contains("Connected to the SQLite database"), qPrintable(message->text()));

    field<QLineEdit>(&editor, "sqlDatabaseEdit")->setText(dir.filePath("missing.db"));
    QVERIFY(message->text().isEmpty()); // an edit clears the old outcome
    field<QPushButton>(&editor, "sqlTestButton")->click();
    QVERIFY(tested.wait(10'000));
    QCOMPARE(tested.at(1).at(0).toBool(), false);
    QVERIFY2(message->text().contains("does not exist"), qPrintable(message->text()));
}

void TestSqlActionEditor::noKeychainServiceOffersEnvironmentVariable()
{
    // The real keychain, with no D-Bus session to find a keychain service on (as on this machine).
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/punctual-test-bus");
    const auto keychain = SystemKeychain::installForProcess();
    SqlActionEditor editor;
    editor.show();
    SqlAction action = postgresAction();
    action.connection.passwordSource = PasswordSource::Keychain;
    action.connection.passwordVariable.clear();
    editor.setAction(action);
    QVERIFY(field<QPushButton>(&editor, "sqlSetPasswordButton")->isVisible());
    QSignalSpy stored(&editor, &SqlActionEditor::passwordStored);
    editor.storePassword(QStringLiteral("S3cret"));
    QVERIFY(stored.wait(20'000));
    QCOMPARE(stored.at(0).at(0).toBool(), false);
    const QString message = field<QLabel>(&editor, "sqlPasswordMessage")->text();
    QVERIFY2(message.contains("could not be stored") && message.contains("environment variable"), qPrintable(message));
    // The page switched to the environment variable, waiting for its name.
    QCOMPARE(field<QComboBox>(&editor, "sqlPasswordSourceCombo")->currentText(), QStringLiteral("Environment variable"));
    QVERIFY(field<QLineEdit>(&editor, "sqlPasswordVariableEdit")->isVisible());
    QVERIFY(!editor.action());
    field<QLineEdit>(&editor, "sqlPasswordVariableEdit")->setText("APP_DB_PASSWORD");
    auto fixed = editor.action();
    QVERIFY2(fixed, qPrintable(errorOf(fixed)));
    QCOMPARE(fixed->connection.passwordSource, PasswordSource::Environment);
}

QTEST_MAIN(TestSqlActionEditor)
#include "testsqlactioneditor.moc"
