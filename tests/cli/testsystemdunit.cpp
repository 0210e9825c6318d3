// The packaged systemd user unit (packaging/systemd/punctual.service) as systemd reads it: `systemd-analyze --user
// verify` on a copy whose ExecStart is the built punctualctl (the installed one is verified by scripts/package-check),
// with its man page reachable for Documentation=. No running systemd is needed; a private XDG_RUNTIME_DIR stands in.
#include "cli/punctualctlprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

class TestSystemdUnit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unitSaysWhatItRuns();
    void systemdAcceptsTheUnit();
    void verifyCatchesMistakes();
    void hostTellsTheUnitWhatItWaitsFor();

private:
    struct Verdict
    {
        int exitCode = -1;
        QString err;
    };
    /// The packaged unit with @p edit applied, written as a unit file in the temporary folder.
    QString writeUnit(const std::function<void(QString &)> &edit);
    Verdict verify(const QString &unitFile);

    QTemporaryDir m_dir;
    QString m_unit;
    QString m_analyze;
};

void TestSystemdUnit::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile unit(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/../../packaging/systemd/punctual.service"));
    QVERIFY2(unit.open(QIODevice::ReadOnly), qPrintable(unit.fileName()));
    m_unit = QString::fromUtf8(unit.readAll());
    m_analyze = QStandardPaths::findExecutable("systemd-analyze");
    QVERIFY2(!m_analyze.isEmpty(), "systemd-analyze is not installed (Debian: systemd; scripts/install-deps)");
    QVERIFY2(!QStandardPaths::findExecutable("man").isEmpty(), "man is not installed (Debian: man-db)");
    // Documentation=man:punctualctl(1) is checked with man: the page from the sources, in a man path of its own.
    QVERIFY(QDir().mkpath(m_dir.filePath("man/man1")));
    QVERIFY(QFile::copy(PUNCTUAL_TEST_DATA_DIR "/../../packaging/man/punctualctl.1",
                        m_dir.filePath("man/man1/punctualctl.1")));
    QVERIFY(QDir().mkpath(m_dir.filePath("runtime")));
    QVERIFY(QFile::setPermissions(m_dir.filePath("runtime"),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

QString TestSystemdUnit::writeUnit(const std::function<void(QString &)> &edit)
{
    static int count = 0;
    QString text = m_unit;
    text.replace("ExecStart=/usr/bin/punctualctl ", QStringLiteral("ExecStart=" PUNCTUALCTL_PATH " "));
    edit(text);
    // The file name is the unit's name: each copy in a folder of its own.
    const QString folder = m_dir.filePath(QString::number(++count));
    QDir().mkpath(folder);
    QFile file(folder + "/punctual.service");
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    return file.fileName();
}

TestSystemdUnit::Verdict TestSystemdUnit::verify(const QString &unitFile)
{
    QProcess analyze;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("XDG_RUNTIME_DIR", m_dir.filePath("runtime"));
    environment.insert("MANPATH", m_dir.filePath("man"));
    analyze.setProcessEnvironment(environment);
    analyze.start(m_analyze, {"--user", "verify", "--man=yes", unitFile});
    if (!analyze.waitForFinished(60000))
        return {-1, "systemd-analyze did not finish"};
    return {analyze.exitStatus() == QProcess::NormalExit ? analyze.exitCode() : -1,
            QString::fromUtf8(analyze.readAllStandardError()).trimmed()};
}

void TestSystemdUnit::unitSaysWhatItRuns()
{
    const QStringList lines = m_unit.split('\n');
    for (const char *line : {"ExecStart=/usr/bin/punctualctl run", "Environment=PUNCTUAL_STARTED_BY=unit",
                             "Restart=on-failure", "WantedBy=default.target", "Documentation=man:punctualctl(1)",
                             "KillMode=mixed"})
        QVERIFY2(lines.contains(line), line);
}

void TestSystemdUnit::systemdAcceptsTheUnit()
{
    const Verdict verdict = verify(writeUnit([](QString &) {}));
    QCOMPARE(verdict.err, QString()); // warnings (an unknown key, a bad value ignored) do not change the exit code
    QCOMPARE(verdict.exitCode, 0);
}

void TestSystemdUnit::verifyCatchesMistakes()
{
    // What this test would miss otherwise: a program that is not there fails; a misspelt key or value warns.
    const Verdict missing = verify(writeUnit([this](QString &text) {
        text.replace(PUNCTUALCTL_PATH, m_dir.filePath("no-such-punctualctl"));
    }));
    QVERIFY(missing.exitCode != 0);
    QVERIFY2(missing.err.contains("no-such-punctualctl"), qPrintable(missing.err));

    const Verdict misspelt = verify(writeUnit([](QString &text) {
        text.replace("Restart=on-failure", "Restart=sometimes");
        text.replace("KillMode=mixed", "KilMode=mixed");
    }));
    QVERIFY2(misspelt.err.contains("sometimes"), qPrintable(misspelt.err));
    QVERIFY2(misspelt.err.contains("KilMode"), qPrintable(misspelt.err));

    const Verdict undocumented = verify(writeUnit([](QString &text) {
        text.replace("man:punctualctl(1)", "man:punctualctl-no-such-page(1)");
    }));
    QVERIFY(undocumented.exitCode != 0);
    QVERIFY2(undocumented.err.contains("punctualctl-no-such-page"), qPrintable(undocumented.err));
}


// The unit's status line (NotifyAccess=main): a host waiting for its store says so through $NOTIFY_SOCKET, as
// systemd reads it. A datagram socket of the test's own stands in for systemd's.
void TestSystemdUnit::hostTellsTheUnitWhatItWaitsFor()
{
    QVERIFY(m_unit.contains("NotifyAccess=main"));
    const QByteArray path = QFile::encodeName(m_dir.filePath("notify.sock"));
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), static_cast<std::size_t>(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);

    QProcess host;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("NOTIFY_SOCKET", QString::fromLocal8Bit(path));
    environment.insert("XDG_RUNTIME_DIR", m_dir.filePath("runtime"));
    environment.insert("HOME", m_dir.path());
    environment.insert("PUNCTUAL_DESKTOP_NOTIFICATIONS", "0");
    host.setProcessEnvironment(environment);
    // Port 1: nothing listens there, so the store cannot be reached; the wait is bounded for the test.
    host.start(PUNCTUALCTL_PATH, {"--store", "postgresql://nobody@127.0.0.1:1/none", "run", "--store-timeout", "3s"});
    QVERIFY(host.waitForStarted());
    pollfd wait{fd, POLLIN, 0};
    QCOMPARE(::poll(&wait, 1, 10000), 1);
    char message[4096];
    const ssize_t size = ::recv(fd, message, sizeof(message), 0);
    ::close(fd);
    QVERIFY(size > 0);
    const QString text = QString::fromUtf8(message, static_cast<qsizetype>(size));
    QVERIFY2(text.startsWith("STATUS=Waiting for the job store: cannot reach the job store"), qPrintable(text));
    QVERIFY2(text.contains("127.0.0.1:1"), qPrintable(text));
    // It waited, then gave up as --store-timeout says: exit 1, naming the option.
    QVERIFY(host.waitForFinished(30000));
    QCOMPARE(host.exitCode(), 1);
    QVERIFY(QString::fromUtf8(host.readAllStandardError()).contains("--store-timeout"));
}

QTEST_GUILESS_MAIN(TestSystemdUnit)
#include "testsystemdunit.moc"
