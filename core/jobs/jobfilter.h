// What the job list is narrowed to: search words and a state, a plain value the window and the proxy share.
#pragma once

#include "jobs/job.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace punctual {

/**
 * A job list filter. Every word of @c text (split at white space) must occur, case-insensitively and in any
 * order, in at least one of the job's name, id, schedule (the trigger's description) or action
 * (describeAction(), and actionSearchText(): the command with its arguments, the SQL statements, the URLs); @c state, when set, must equal the job's state. An empty filter matches every job.
 *
 * matches() builds what it searches each time. A list that filters many jobs on every key press keeps each job's
 * searchText() and the filter's foldedWords() instead, and asks matchesSearchText().
 */
struct JobFilter
{
    QString text;
    std::optional<JobState> state;

    bool operator==(const JobFilter &) const = default;

    /// True when the filter lets every job through (no words, no state).
    bool isEmpty() const;
    bool matches(const Job &job) const;

    /// Everything a word is looked for in, case-folded: name, id, schedule and action, one per line (a word
    /// holds no line break, so it never matches across two of them).
    static QString searchText(const Job &job, const QString &scheduleDescription);
    /// The action's own words, as typed: a command's program and arguments, a SQL job's statements, a request's
    /// URLs, a function's name (one line; part of searchText()).
    static QString actionSearchText(const Action &action);
    /// The words of @c text, case-folded.
    QStringList foldedWords() const;
    /// As matches(), given the job's searchText() and this filter's foldedWords(): a case-sensitive search of
    /// folded texts, several times faster than a case-insensitive one.
    bool matchesSearchText(const Job &job, QStringView searchText, const QStringList &foldedWords) const;
};

} // namespace punctual
