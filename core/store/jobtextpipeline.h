// The JSON texts of many jobs' rows, made on a helper thread while the caller inserts the rows.
#pragma once

#include "store/jobrowcodec.h"

#include <QList>

#include <atomic>
#include <thread>
#include <vector>

namespace punctual {

/**
 * Makes the texts of many jobs (JobRowCodec::texts()), in order, on a helper thread while the caller inserts rows
 * (2 cores: an import about twice as fast). Triggers, actions and options are immutable values, only read here;
 * the jobs must outlive the pipeline.
 */
class JobTextPipeline
{
public:
    /// Below this many jobs a thread is not worth starting.
    static constexpr qsizetype minimumJobs = 2048;

    explicit JobTextPipeline(const QList<Job> &jobs);
    ~JobTextPipeline();
    Q_DISABLE_COPY_MOVE(JobTextPipeline)

    /// The texts of job @p i, waiting (asleep) until they are made.
    const JobTexts &at(qsizetype i);

private:
    static constexpr qsizetype publishEvery = 64;

    void run();

    const QList<Job> &m_jobs;
    std::vector<JobTexts> m_texts;
    std::atomic<qsizetype> m_ready{0};
    std::atomic<bool> m_stop{false};
    std::thread m_thread; // last: starts once everything above is ready
};

} // namespace punctual
