// Job id slugs (see jobidslug.h).
#include "jobidslug.h"

namespace punctual {

namespace {

constexpr qsizetype maxSlugLength = 48;

QString slugOf(const QString &name)
{
    // Decomposed, so "é" is "e" and a combining accent, which is dropped; "ß" and the like become their letters.
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString slug;
    bool dash = false;
    for (const QChar c : decomposed) {
        const char16_t u = c.toLower().unicode();
        QString letters;
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
            letters = QChar(u);
        else if (u == 0xDF)
            letters = QStringLiteral("ss");
        if (!letters.isEmpty()) {
            if (dash && !slug.isEmpty())
                slug += QLatin1Char('-');
            dash = false;
            slug += letters;
        } else if (c.category() != QChar::Mark_NonSpacing) {
            dash = true;
        }
        if (slug.size() >= maxSlugLength)
            break;
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("job") : slug;
}

} // namespace

QString jobIdFromName(const QString &name, const QSet<QString> &taken)
{
    const QString base = slugOf(name);
    if (!taken.contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace punctual
