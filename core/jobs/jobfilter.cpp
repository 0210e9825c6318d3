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
    return matches(job, job.trigger ? job.trigger->description() : QString(), describeAction(job.action));
}

bool JobFilter::matches(const Job &job, const QString &scheduleDescription, const QString &actionDescription) const
{
    if (state && job.state() != *state)
        return false;
    return allWords(text, [&](QStringView word) {
        return job.name.contains(word, Qt::CaseInsensitive) || job.id.contains(word, Qt::CaseInsensitive)
            || scheduleDescription.contains(word, Qt::CaseInsensitive)
            || actionDescription.contains(word, Qt::CaseInsensitive);
    });
}

} // namespace punctual
