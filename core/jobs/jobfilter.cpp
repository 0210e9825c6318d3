// Job list filtering: every search word in name, id, schedule or action; the state exact.
#include "jobfilter.h"

#include <algorithm>

namespace punctual {

namespace {

bool isBlank(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

/// Calls @p onWord with each white-space separated word of @p text until it returns false; no allocation, as
/// a filter runs once per job.
template <typename F>
bool allWords(const QString &text, F onWord)
{
    const QChar *const end = text.cend();
    const QChar *it = text.cbegin();
    while (it != end) {
        while (it != end && it->isSpace())
            ++it;
        const QChar *start = it;
        while (it != end && !it->isSpace())
            ++it;
        if (it != start && !onWord(QStringView(start, it)))
            return false;
    }
    return true;
}

} // namespace

bool JobFilter::isEmpty() const
{
    return !state && isBlank(text);
}

bool JobFilter::matches(const Job &job) const
{
    if (state && job.state() != *state)
        return false;
    if (isBlank(text))
        return true; // no texts to build
    return matchesSearchText(job, searchText(job, job.trigger ? job.trigger->description() : QString()),
                             foldedWords());
}

QString JobFilter::searchText(const Job &job, const QString &scheduleDescription)
{
    const QChar separator = QLatin1Char('\n');
    return (job.name + separator + job.id + separator + scheduleDescription + separator + describeAction(job.action)
            + separator + actionSearchText(job.action))
        .toCaseFolded();
}

QString JobFilter::actionSearchText(const Action &action)
{
    // What describeAction() leaves out: a shell command's words are in it, but not a SQL job's statements nor
    // the URLs of a request to several. Line breaks become spaces: a word never matches across two lines.
    QString text;
    if (const auto *command = std::get_if<CommandAction>(&action))
        text = (QStringList{command->program} + command->arguments).join(QLatin1Char(' '));
    else if (const auto *sql = std::get_if<SqlAction>(&action))
        text = sql->statements.join(QLatin1Char(' '));
    else if (const auto *http = std::get_if<HttpAction>(&action))
        text = http->urls.join(QLatin1Char(' '));
    else
        text = std::get<FunctionAction>(action).name;
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

QStringList JobFilter::foldedWords() const
{
    QStringList words;
    allWords(text, [&words](QStringView word) {
        words.append(word.toString().toCaseFolded());
        return true;
    });
    return words;
}

bool JobFilter::matchesSearchText(const Job &job, QStringView searchText, const QStringList &foldedWords) const
{
    if (state && job.state() != *state)
        return false;
    return std::all_of(foldedWords.cbegin(), foldedWords.cend(),
                       [searchText](const QString &word) { return searchText.contains(word); });
}

} // namespace punctual
