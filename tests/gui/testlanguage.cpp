// The interface language: the embedded translations load, Qt's own translations come with them, the default
// locale (and so the date and time formats) follows, and --lang is read from the command line.
#include "dialogs/settingsdialog.h"
#include "settings/language.h"
#include "settings/settings.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void availableLanguages();
    void germanAndChinese_data();
    void germanAndChinese();
    void dialogsAreTranslated();
    void unknownLanguageStaysEnglish();
    void languageFromArguments();
};

void TestLanguage::cleanup()
{
    language::apply(QStringLiteral("en"));
}

void TestLanguage::availableLanguages()
{
    const QStringList codes = language::available();
    QVERIFY2(codes.contains("de") && codes.contains("zh_CN") && codes.contains("en"), qPrintable(codes.join(' ')));
}

void TestLanguage::germanAndChinese_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("quit");       // Punctual's translation
    QTest::addColumn<QString>("every");      // a core text (schedule descriptions)
    QTest::addColumn<QString>("cancel");     // Qt's own (qtbase_*.qm)
    QTest::addColumn<QString>("month");      // the default locale's formats
    QTest::newRow("de") << "de" << "&Beenden" << "Alle 5 Minuten" << "Abbrechen" << "Dezember";
    QTest::newRow("zh_CN") << "zh_CN" << "退出(&Q)" << "每 5 分钟" << "取消" << "十二月";
}

void TestLanguage::germanAndChinese()
{
    QFETCH(QString, code);
    QFETCH(QString, quit);
    QFETCH(QString, every);
    QFETCH(QString, cancel);
    QFETCH(QString, month);
    QVERIFY(language::apply(code));
    QCOMPARE(QCoreApplication::translate("punctual::MainWindow", "&Quit"), quit);
    QCOMPARE(QCoreApplication::translate("IntervalTrigger", "Every %n minutes", nullptr, 5), every);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), cancel);
    QCOMPARE(QLocale().name(), QLocale(code).name());
    QCOMPARE(QLocale().monthName(12), month);

    // Applying another language replaces both translators.
    QVERIFY(language::apply("en"));
    QCOMPARE(QCoreApplication::translate("punctual::MainWindow", "&Quit"), QString("&Quit"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QString("Cancel"));
    QCOMPARE(QLocale().language(), QLocale::English);
}

void TestLanguage::dialogsAreTranslated()
{
    QVERIFY(language::apply("de"));
    QTemporaryDir dir;
    Settings settings(dir.filePath("settings.ini"));
    SettingsDialog dialog(settings, {"--minimized"});
    QCOMPARE(dialog.windowTitle(), QString("Einstellungen"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>("buttonBox");
    QVERIFY(buttons);
    QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), QString("Abbrechen"));
    // The language list names each language in itself.
    auto *languages = dialog.findChild<QComboBox *>("languageCombo");
    QVERIFY(languages);
    QCOMPARE(languages->itemText(languages->findData("de")), QString("Deutsch"));
    QVERIFY(languages->itemText(languages->findData("zh_CN")).startsWith(QString::fromUtf8("简体中文")));
}

void TestLanguage::unknownLanguageStaysEnglish()
{
    QVERIFY(!language::apply("fr"));
    QCOMPARE(QCoreApplication::translate("punctual::MainWindow", "&Quit"), QString("&Quit"));
    QCOMPARE(QLocale().language(), QLocale::French); // French formats all the same
}

void TestLanguage::languageFromArguments()
{
    QCOMPARE(language::fromArguments({"punctual"}), QString());
    QCOMPARE(language::fromArguments({"punctual", "--lang", "zh_CN"}), QString("zh_CN"));
    QCOMPARE(language::fromArguments({"punctual", "--minimized", "--lang=de"}), QString("de"));
    QCOMPARE(language::fromArguments({"punctual", "--lang", "de", "--lang", "zh_CN"}), QString("zh_CN"));
    QCOMPARE(language::fromArguments({"punctual", "--lang"}), QString()); // the parser reports the missing value
    QCOMPARE(language::fromArguments({"punctual", "--", "--lang", "de"}), QString());
}

QTEST_MAIN(TestLanguage)
#include "testlanguage.moc"
