// What the job list needs of a stored job, read without parsing its JSON: the window's snapshot of 100,000 jobs.
#pragma once

#include "jobs/job.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>

namespace punctual {

/// The JSON texts of a job's trigger, action and options, as its row stores them.
struct JobTexts
{
    QString trigger;
    QString action;
    QString options;
};

/**
 * A stored job as its row holds it: the plain columns as values, the trigger, action and options as their JSON
 * texts, unparsed. Equal texts of one read share one string. JobRowCodec::parse() makes the Job when one is
 * needed (the list parses only what it shows or is asked for).
 */
struct JobSummary
{
    QString id;
    QString name;
    JobTexts texts;
    bool paused = false;
    std::optional<std::int64_t> nextRunTime; ///< UTC ms; none when paused or finished
    std::int64_t createdAt = 0;
    QString pauseNote;

    JobState state() const
    {
        if (paused)
            return JobState::Paused;
        if (nextRunTime)
            return JobState::Scheduled;
        // A job with events has the key "events" in its options JSON (written only then); a quote inside a JSON
        // string is escaped, so the text can only come from the key.
        return texts.options.contains(QLatin1String("\"events\":")) ? JobState::OnEvents : JobState::Finished;
    }
};

} // namespace punctual

Q_DECLARE_METATYPE(punctual::JobSummary)
