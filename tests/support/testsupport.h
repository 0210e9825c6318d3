// What many suites need around QTest: QVERIFY_OK for Results, readable QCOMPARE failures, a pinned time zone.
#pragma once

#include "jobs/runrecord.h"
#include "util/result.h"

#include <QByteArray>
#include <QTest>

#include <ctime>

/// QVERIFY for a Result: on failure, prints the error's message.
#define QVERIFY_OK(expression)                                                                                   \
    do {                                                                                                         \
        const auto &result_ = (expression);                                                                     \
        QVERIFY2(result_.ok(), result_.ok() ? #expression : qPrintable(result_.error().message));                \
    } while (false)

// QCOMPARE prints these by name instead of "<unknown>".
namespace QTest {
template <>
inline char *toString(const punctual::RunOutcome &outcome)
{
    return qstrdup(qPrintable(punctual::RunRecord::outcomeName(outcome)));
}

template <>
inline char *toString(const punctual::ErrorCode &code)
{
    using punctual::ErrorCode;
    switch (code) {
    case ErrorCode::InvalidInput: return qstrdup("InvalidInput");
    case ErrorCode::NotFound: return qstrdup("NotFound");
    case ErrorCode::Conflict: return qstrdup("Conflict");
    case ErrorCode::StoreFailure: return qstrdup("StoreFailure");
    case ErrorCode::StoreUnavailable: return qstrdup("StoreUnavailable");
    case ErrorCode::Io: return qstrdup("Io");
    case ErrorCode::Internal: return qstrdup("Internal");
    case ErrorCode::Busy: return qstrdup("Busy");
    }
    return qstrdup(QByteArray::number(static_cast<int>(code)).constData());
}
} // namespace QTest

namespace punctual::test {

/**
 * Pins the TZ environment variable (and the C library's idea of local time) for its lifetime and restores the
 * previous value, or its absence, afterwards: texts of local times are then the same on every machine.
 */
class TimeZoneGuard
{
    Q_DISABLE_COPY_MOVE(TimeZoneGuard)

public:
    explicit TimeZoneGuard(const char *zone)
        : m_oldTz(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        ::tzset();
    }

    ~TimeZoneGuard()
    {
        if (m_oldTz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", m_oldTz);
        ::tzset();
    }

private:
    QByteArray m_oldTz; ///< null when TZ was not set
};

} // namespace punctual::test
