// The JSON texts of many jobs' rows, made on a helper thread while the caller inserts the rows.
#include "jobtextpipeline.h"

namespace punctual {

JobTextPipeline::JobTextPipeline(const QList<Job> &jobs)
    : m_jobs(jobs)
    , m_texts(static_cast<std::size_t>(jobs.size()))
    , m_thread([this] { run(); })
{
}

JobTextPipeline::~JobTextPipeline()
{
    m_stop.store(true, std::memory_order_relaxed);
    m_thread.join();
}

const JobTexts &JobTextPipeline::at(qsizetype i)
{
    qsizetype ready = m_ready.load(std::memory_order_acquire);
    while (ready <= i) {
        m_ready.wait(ready, std::memory_order_acquire);
        ready = m_ready.load(std::memory_order_acquire);
    }
    return m_texts[static_cast<std::size_t>(i)];
}

void JobTextPipeline::run()
{
    JobRowCodec codec;
    const qsizetype count = m_jobs.size();
    for (qsizetype i = 0; i < count && !m_stop.load(std::memory_order_relaxed); ++i) {
        m_texts[static_cast<std::size_t>(i)] = codec.texts(m_jobs.at(i));
        if ((i + 1) % publishEvery == 0 || i + 1 == count) {
            m_ready.store(i + 1, std::memory_order_release);
            m_ready.notify_one();
        }
    }
}

} // namespace punctual
