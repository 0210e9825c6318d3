// The translations are complete and well-formed: every tr() string of core/, ui/, app/punctual/ and app/common/ is in
// translations/punctual_de.ts and punctual_zh_CN.ts and translated (lupdate is run into a copy, so a new string
// that nobody translated fails here), and each translation keeps its source's placeholders, plural forms and
// accelerator. Fix a failure with scripts/update-translations, then translate the unfinished entries.
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList forms; ///< one translation, or the numerus forms
    QString type;      ///< "" (finished), "unfinished", "vanished", "obsolete"
    bool numerus = false;

    QString where() const { return QStringLiteral("%1: \"%2\"").arg(context, source); }
};

QString sourceRoot()
{
    return QDir::cleanPath(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/../.."));
}

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message"))
                messages << message;
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.forms << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            message.forms << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2 (line %3)").arg(path, xml.errorString()).arg(xml.lineNumber());
    return messages;
}

// %1..%99 and %n, with or without the L (localized number) flag: the arguments a text takes.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found << match.captured(1);
    return found;
}

// The accelerator letter of a menu or label text: "&File" has one, "a && b" and "&&" have none.
bool hasAccelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!text[i + 1].isSpace())
            return true;
    }
    return false;
}

QString listed(const QStringList &problems)
{
    QStringList shown = problems.mid(0, 30);
    if (problems.size() > shown.size())
        shown << QStringLiteral("... and %1 more").arg(problems.size() - shown.size());
    return QStringLiteral("%1 problem(s):\n  %2").arg(problems.size()).arg(shown.join(QStringLiteral("\n  ")));
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyStringIsTranslated_data();
    void everyStringIsTranslated();
    void translationsKeepTheirForm_data();
    void translationsKeepTheirForm();

private:
    QTemporaryDir m_updated;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_updated.isValid());
    // lupdate into copies of the .ts files, with the arguments the developers' command uses.
    const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    QVERIFY2(QFileInfo(lupdate).isExecutable(), qPrintable(lupdate + QStringLiteral(" is missing (qt6-l10n-tools)")));
    QProcess update;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LUPDATE"), lupdate);
    update.setProcessEnvironment(environment);
    update.setProcessChannelMode(QProcess::MergedChannels);
    update.start(QStringLiteral("bash"), {sourceRoot() + QStringLiteral("/scripts/update-translations"),
                                          QStringLiteral("--into"), m_updated.path()});
    QVERIFY(update.waitForFinished(120'000));
    QVERIFY2(update.exitStatus() == QProcess::NormalExit && update.exitCode() == 0, update.readAll().constData());
}

void TestTranslations::everyStringIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << "de";
    QTest::newRow("zh_CN") << "zh_CN";
}

void TestTranslations::everyStringIsTranslated()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages =
        readTs(m_updated.filePath(QStringLiteral("punctual_%1.ts").arg(language)), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    QStringList untranslated;
    for (const Message &message : messages) {
        // Strings gone from the code (vanished, obsolete) are not shown; -no-obsolete drops them anyway.
        if (message.type == QLatin1String("unfinished"))
            untranslated << message.where();
        else if (message.type.isEmpty() && message.forms.join(QString()).trimmed().isEmpty())
            untranslated << message.where() + QStringLiteral(" (empty)");
    }
    QVERIFY2(untranslated.isEmpty(),
             qPrintable(QStringLiteral("translations/punctual_%1.ts lacks translations (run "
                                       "scripts/update-translations, then translate): %2")
                            .arg(language, listed(untranslated))));
}

void TestTranslations::translationsKeepTheirForm_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("de") << "de" << 2;    // one, other
    QTest::newRow("zh_CN") << "zh_CN" << 1; // no plural
}

void TestTranslations::translationsKeepTheirForm()
{
    QFETCH(QString, language);
    QFETCH(int, pluralForms);
    QString error;
    const QList<Message> messages =
        readTs(sourceRoot() + QStringLiteral("/translations/punctual_%1.ts").arg(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message &message : messages) {
        if (!message.type.isEmpty())
            continue;
        if (message.numerus && message.forms.size() != pluralForms)
            problems << QStringLiteral("%1 has %2 plural form(s), not %3")
                            .arg(message.where())
                            .arg(message.forms.size())
                            .arg(pluralForms);
        const QSet<QString> wanted = placeholders(message.source);
        for (const QString &form : message.forms) {
            // A singular form may spell out the number ("Jede Stunde" for %n = 1): %n is optional there.
            QSet<QString> have = placeholders(form);
            if (message.numerus && message.forms.size() > 1 && form == message.forms.first())
                have << QStringLiteral("n");
            if (have != wanted)
                problems << QStringLiteral("%1 -> \"%2\": placeholders differ").arg(message.where(), form);
            if (hasAccelerator(message.source) != hasAccelerator(form))
                problems << QStringLiteral("%1 -> \"%2\": accelerator (&) differs").arg(message.where(), form);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(listed(problems)));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "testtranslations.moc"
