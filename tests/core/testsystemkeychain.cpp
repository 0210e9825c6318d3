// The real system keychain through QtKeychain: with no keychain service the error says so and names the
// environment variable; under a private D-Bus session with gnome-keyring a password is written, read back by
// an sql run's password provider, and deleted.
#include "executors/passwordprovider.h"
#include "keychain/systemkeychain.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;

namespace {

// Set in the child this test starts under dbus-run-session: only then does the round trip run.
constexpr char childVariable[] = "PUNCTUAL_KEYCHAIN_TEST_CHILD";

} // namespace

class TestSystemKeychain : public QObject
{
    Q_OBJECT

private slots:
    void noKeychainServiceSaysSo();
    void roundTripUnderGnomeKeyring();
    void roundTripChild();
};

void TestSystemKeychain::noKeychainServiceSaysSo()
{
    if (qEnvironmentVariableIsSet(childVariable))
        QSKIP("runs in the parent only");
    // This process has no session bus (as on this build machine; pointed nowhere to make sure).
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/punctual-test-bus");
    SystemKeychain keychain(10'000);
    auto read = keychain.readPassword(QStringLiteral("reports"));
    QVERIFY(!read);
    QVERIFY2(read.error().message.contains("environment variable"), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains("keychain"), qPrintable(read.error().message));
    auto written = keychain.writePassword(QStringLiteral("reports"), QStringLiteral("pw"));
    QVERIFY(!written);
    QVERIFY2(written.error().message.contains("environment variable"), qPrintable(written.error().message));
}

void TestSystemKeychain::roundTripUnderGnomeKeyring()
{
    if (qEnvironmentVariableIsSet(childVariable))
        QSKIP("runs in the parent only");
    const QString dbus = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    const QString keyring = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (dbus.isEmpty() || keyring.isEmpty())
        QSKIP("needs dbus-run-session and gnome-keyring-daemon (Debian: dbus, gnome-keyring)");
    // A private bus and a keyring in a temporary home: the user's own keyring is never touched.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    environment.insert(QString::fromLatin1(childVariable), QStringLiteral("1"));
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    const QString script = QStringLiteral("printf test-unlock | gnome-keyring-daemon --unlock --components=secrets "
                                          ">/dev/null && exec \"$0\" roundTripChild");
    child.start(dbus, {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                       QCoreApplication::applicationFilePath()});
    QVERIFY(child.waitForFinished(120'000));
    const QString log = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(log));
    QVERIFY2(log.contains("PASS   : TestSystemKeychain::roundTripChild()"), qPrintable(log));
}

void TestSystemKeychain::roundTripChild()
{
    if (!qEnvironmentVariableIsSet(childVariable))
        QSKIP("runs in the child under dbus-run-session only");
    Keychain::install(std::make_shared<SystemKeychain>(30'000));
    const std::shared_ptr<Keychain> keychain = Keychain::installed();
    QVERIFY(keychain->writePassword(QStringLiteral("reports"), QStringLiteral("S3cret pw")));

    SqlConnection connection;
    connection.name = QStringLiteral("reports");
    connection.passwordSource = PasswordSource::Keychain;
    auto password = SystemPasswordProvider::instance().password(connection);
    QVERIFY2(password, password ? "" : qPrintable(password.error().message));
    QCOMPARE(password.value(), QStringLiteral("S3cret pw"));

    QVERIFY(keychain->deletePassword(QStringLiteral("reports")));
    auto gone = SystemPasswordProvider::instance().password(connection);
    QVERIFY(!gone);
    QVERIFY2(gone.error().message.contains("holds no password for connection \"reports\""),
             qPrintable(gone.error().message));
    Keychain::install(nullptr);
}

QTEST_GUILESS_MAIN(TestSystemKeychain)
#include "testsystemkeychain.moc"
