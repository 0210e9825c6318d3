// Reading SQL text without a parser: splitting a script into statements and finding its :named placeholders.
#pragma once

#include <QStringList>

namespace punctual {

/**
 * The statements of @p script, split at each ';' that is not inside a string ('...'), a quoted name ("..."
 * or `...`), a comment (-- to the end of the line, or a block comment) or a PostgreSQL dollar-quoted
 * body ($$...$$, $tag$...$tag$). Each is trimmed, without its ';'; empty ones are dropped.
 * A body with ';' inside BEGIN ... END (an SQLite trigger) is split too: enter such a statement on its own.
 */
QStringList splitSqlStatements(const QString &script);

/// The :name placeholders @p statement uses (outside strings, quoted names and comments; "::type" casts and
/// ":=" are not placeholders), each once, without the colon, in order of appearance.
QStringList sqlPlaceholders(const QString &statement);

} // namespace punctual
