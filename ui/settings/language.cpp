// Installs the translators for the chosen interface language and sets the default locale.
#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace punctual::language {

namespace {

const QString resourceFolder = QStringLiteral(":/i18n");

// The translators this process installed, replaced by the next apply().
std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

// Loads @p name for @p locale (trying each of its UI languages, e.g. zh_CN, then zh) from @p folder.
std::unique_ptr<QTranslator> load(const QLocale &locale, const QString &name, const QString &folder)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), folder))
        return nullptr;
    QCoreApplication::installTranslator(translator.get());
    return translator;
}

bool isEnglish(const QLocale &locale)
{
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}

} // namespace

QStringList available()
{
    QStringList codes{QStringLiteral("en")};
    const QStringList files = QDir(resourceFolder).entryList({QStringLiteral("punctual_*.qm")}, QDir::Files);
    for (const QString &file : files)
        codes << file.mid(9, file.size() - 9 - 3); // "punctual_" CODE ".qm"
    codes.removeDuplicates(); // English has a plural-only translation of its own
    codes.sort();
    return codes;
}

QLocale localeFor(const QString &code)
{
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

bool apply(const QString &code)
{
    for (auto *translator : {&appTranslator(), &qtTranslator()}) {
        if (*translator)
            QCoreApplication::removeTranslator(translator->get());
        translator->reset();
    }
    const QLocale locale = localeFor(code);
    QLocale::setDefault(locale);
    appTranslator() = load(locale, QStringLiteral("punctual"), resourceFolder);
    // A language without a translation shows the English texts: with their plurals ("1 job", "2 jobs"), which the
    // plural-only English translation gives.
    if (!appTranslator())
        appTranslator() = load(QLocale(QLocale::English), QStringLiteral("punctual"), resourceFolder);
    qtTranslator() = load(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // A language without a translation (fr) keeps the English texts, with its own formats; English needs none.
    return (appTranslator() != nullptr && !appTranslator()->language().startsWith(QLatin1String("en")))
        || isEnglish(locale);
}

QString fromArguments(const QStringList &arguments)
{
    QString code;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if ((argument == QLatin1String("--lang") || argument == QLatin1String("-lang")) && i + 1 < arguments.size())
            code = arguments.at(++i);
        else if (argument.startsWith(QLatin1String("--lang=")))
            code = argument.mid(7);
    }
    return code;
}

} // namespace punctual::language
