// A small scanner over SQL text that knows strings, quoted names, comments and dollar quotes, nothing more.
#include "sqltext.h"

namespace punctual {

namespace {

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

/// Where the quoted or commented part starting at @p i ends (the index after it); @p i itself when none starts
/// there. Unclosed parts run to the end of the text.
qsizetype skipQuotedOrComment(const QString &text, qsizetype i)
{
    const qsizetype size = text.size();
    const QChar c = text[i];
    const QChar next = i + 1 < size ? text[i + 1] : QChar();
    if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
        // A doubled quote inside stands for itself: it simply closes and reopens.
        const qsizetype close = text.indexOf(c, i + 1);
        return close < 0 ? size : close + 1;
    }
    if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), i + 2);
        return end < 0 ? size : end + 1;
    }
    if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
        const qsizetype end = text.indexOf(QLatin1String("*/"), i + 2);
        return end < 0 ? size : end + 2;
    }
    if (c == QLatin1Char('$') && (i == 0 || !isNameChar(text[i - 1]))) {
        // $$ or $tag$ opens a dollar-quoted body closed by the same tag ($1 is a positional parameter).
        qsizetype j = i + 1;
        while (j < size && isNameChar(text[j]) && !(j == i + 1 && text[j].isDigit()))
            ++j;
        if (j < size && text[j] == QLatin1Char('$')) {
            const QString tag = text.mid(i, j - i + 1);
            const qsizetype close = text.indexOf(tag, j + 1);
            return close < 0 ? size : close + tag.size();
        }
    }
    return i;
}

} // namespace

QStringList splitSqlStatements(const QString &script)
{
    QStringList statements;
    qsizetype begin = 0;
    qsizetype i = 0;
    const qsizetype size = script.size();
    auto take = [&](qsizetype end) {
        const QString statement = script.mid(begin, end - begin).trimmed();
        if (!statement.isEmpty())
            statements << statement;
    };
    while (i < size) {
        const qsizetype skipped = skipQuotedOrComment(script, i);
        if (skipped != i) {
            i = skipped;
            continue;
        }
        if (script[i] == QLatin1Char(';')) {
            take(i);
            begin = i + 1;
        }
        ++i;
    }
    take(size);
    return statements;
}

QStringList sqlPlaceholders(const QString &statement)
{
    QStringList names;
    qsizetype i = 0;
    const qsizetype size = statement.size();
    while (i < size) {
        const qsizetype skipped = skipQuotedOrComment(statement, i);
        if (skipped != i) {
            i = skipped;
            continue;
        }
        if (statement[i] != QLatin1Char(':')) {
            ++i;
            continue;
        }
        if (i + 1 < size && statement[i + 1] == QLatin1Char(':')) { // a ::type cast
            i += 2;
            while (i < size && isNameChar(statement[i]))
                ++i;
            continue;
        }
        qsizetype end = i + 1;
        if (end < size && isNameStart(statement[end])) {
            while (end < size && isNameChar(statement[end]))
                ++end;
            const QString name = statement.mid(i + 1, end - i - 1);
            if (!names.contains(name))
                names << name;
        }
        i = end;
    }
    return names;
}

} // namespace punctual
