// Job files: export jobs as a JSON array of the job JSON (DESIGN.md section 7) and read such files back for import.
#pragma once

#include "jobs/job.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace punctual {

/// One entry of an import that cannot be taken.
struct ImportProblem
{
    QString where;   ///< "jobs[3]" in a job file, "line 12" in a crontab
    QString message; ///< what is wrong, e.g. `job "x": unknown action type "shell"`

    /// "where: message"
    QString text() const { return where + QStringLiteral(": ") + message; }
};

/// A job file or crontab as read: the jobs that can be taken and the entries that cannot.
struct ImportContents
{
    QString title;                 ///< the file's "title", else the first job's name (examples are listed by it)
    QList<Job> jobs;               ///< valid jobs, ids filled in (generated where the file gives none)
    QStringList origins;           ///< where each of jobs came from ("jobs[2]", "line 14"), in the same order
    QList<ImportProblem> problems; ///< entries left out, each with where and why
    QList<ImportProblem> notes;    ///< taken, but with a caveat the user should read (e.g. MAILTO is ignored)
};

/// The jobs an import adds once the store's ids are known.
struct ImportPlan
{
    QList<Job> jobs;       ///< to add (with replace when the policy is Replace)
    QStringList conflicts; ///< ids already in the store (Fail: the import must not go ahead; Skip: left out)
    QStringList replaced;  ///< ids whose stored job is replaced (Replace)
};

/**
 * The job file format: a JSON array of job objects (Job::toJson()), or an object {"title": ..., "jobs": [...]}.
 * Export writes the array. On import "next_run_time", "state" and the trigger's "description" are informational:
 * next run times are computed from now by the scheduler, as for any new job.
 */
class JobFile
{
public:
    /// The export form: an indented JSON array of Job::toJson(), in the order given.
    static QByteArray toJson(const QList<Job> &jobs);
    /// Writes toJson() to @p path atomically (QSaveFile); an Io error names the file.
    static Result<void> write(const QString &path, const QList<Job> &jobs);

    /**
     * Reads every job of a job file. A text that is not a JSON array (or an object with a "jobs" array) is an
     * error; a bad job is a problem with its index ("jobs[3]") and the others are still read. Also problems: a key
     * the format does not have, an id given twice, and a job that would never run after @p nowMs (planNewJob(): a
     * date in the past beyond its grace time, a first run after year 9999). Each problem's message is one line.
     */
    static Result<ImportContents> parse(const QByteArray &bytes, std::int64_t nowMs);
    /// parse() of a file; an Io error names the file.
    static Result<ImportContents> read(const QString &path, std::int64_t nowMs);
};

/// Splits @p jobs by @p existingIds under @p policy.
ImportPlan planImport(QList<Job> jobs, const QSet<QString> &existingIds, ConflictPolicy policy);

/// The error a Fail import reports for its conflicts: names the first ids (ErrorCode::Conflict).
Error conflictError(const QStringList &conflicts);

} // namespace punctual
