// Reads a user crontab (cronie's crontab(5)) into command jobs with cron triggers.
#pragma once

#include "jobs/jobfile.h"
#include "time/zonerules.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace punctual {

/**
 * Turns the lines of a user crontab into jobs, the way cronie reads them:
 * - `MIN HOUR DOM MON DOW command` (exactly five time fields; the rest of the line is the command) and the macros
 *   `@yearly` `@annually` `@monthly` `@weekly` `@daily` `@midnight` `@hourly`; `@reboot` is reported (no trigger
 *   fires at boot). The time fields go to CronExpression, so its positioned error is the line's problem.
 * - comments (`#` first) and blank lines are skipped; a `#` later on a line is part of the command, as in cron.
 * - `NAME=value` / `NAME = "value"` lines apply to the entries below them: `CRON_TZ` is the zone of their triggers,
 *   `SHELL` the shell that runs their commands (default /bin/sh), `HOME` their working folder (default: the home
 *   folder), `RANDOM_DELAY` (minutes) their jitter; `MAILTO`/`MAILFROM` are noted and ignored (no mail is sent);
 *   every other name is set in their environment.
 * - a `%` in the command (cron's standard-input marker) is reported: command jobs have no standard input. `\%`
 *   is a literal `%`, as in cron.
 * Ids are stable ("cron-" and a hash of schedule, zone, shell and command), so importing the same crontab again
 * meets the same ids (a conflict, or --replace); names come from the command, shortened.
 */
class CrontabImport
{
public:
    struct Options
    {
        std::shared_ptr<const ZoneRules> zone; ///< zone of entries before any CRON_TZ; nullptr: the system zone
        QString homeDirectory;                 ///< working folder unless HOME is set; empty: QDir::homePath()
        std::optional<std::int64_t> nowMs;     ///< when set, an entry that never fires after it is a problem
    };

    /// Every line of @p text: jobs for the entries taken, a problem ("line N: ...") for each one that is not.
    static ImportContents parse(const QString &text, const Options &options);
    /// parse() of a file; an Io error names the file. The title is the file's name.
    static Result<ImportContents> read(const QString &path, const Options &options);

    /// A job name from a command: its program's file name and arguments, output redirections cut, shortened.
    static QString nameFromCommand(const QString &command);
};

} // namespace punctual
