// Value-or-error return type for fallible calls, so failures are typed and never silent.
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace punctual {

/// What went wrong, in kinds a caller can act on (and the CLI maps to exit codes).
enum class ErrorCode
{
    InvalidInput,
    NotFound,
    Conflict,
    StoreFailure,
    StoreUnavailable, ///< the store cannot be reached now (connection lost, server down, file gone): try again later
    Io,
    Internal,
    Busy, ///< refused for now, e.g. a run-now while max_instances runs of the job are going
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T value() && { return std::get<0>(std::move(m_data)); } // by value: safe in range-for over a temporary
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error invalidInput(QString message)
{
    return {ErrorCode::InvalidInput, std::move(message)};
}

} // namespace punctual
