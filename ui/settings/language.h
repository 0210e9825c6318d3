// The interface language: Punctual's own translations (embedded) and Qt's, and the locale for dates and times.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace punctual::language {

/// The languages the interface is available in: "en" (the source texts) and every embedded translation
/// (":/i18n/punctual_CODE.qm", built from translations/punctual_CODE.ts), e.g. {"de", "en", "zh_CN"}.
QStringList available();

/// The locale for @p code (a name such as "de" or "zh_CN"); the system's for an empty code.
QLocale localeFor(const QString &code);

/**
 * Makes @p code the interface language of this process (empty: the system's, from LANGUAGE/LC_ALL/LC_MESSAGES/
 * LANG): installs Punctual's translation and Qt's own (qtbase_*.qm from QLibraryInfo's translations folder, for
 * the standard dialogs and buttons) on the application, and makes its locale the default QLocale, so dates and
 * times are shown in its format. Call it before any window is made (text already shown is not translated
 * again). Calling it again replaces the translators installed before. Returns false when there is no Punctual
 * translation for a code other than English (the interface then stays English, with that locale's formats).
 */
bool apply(const QString &code);

/// The language named in @p arguments as "--lang CODE" or "--lang=CODE" (the last one), or "" when none is.
/// Read before QCommandLineParser runs, so that its own --help text is in that language.
QString fromArguments(const QStringList &arguments);

} // namespace punctual::language
