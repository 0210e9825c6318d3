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
    return (job.name + separator + job.id + separator + scheduleDescription + separator + describeAction(job.action))
        .toCaseFolded();
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
