// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace meshlane {

// The one result type of an operation that can fail: its value, or a sentence
// saying why not ("line 4: share must be a number from 0 to 1000000"). Callers test ok()
// (or the result itself) before reading value(). Result<void> carries only
// the failure.
template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {} // NOLINT: a value converts to a success
    static Result failure(std::string why) { return Result(std::move(why), 0); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const std::string &error() const { return m_error; }

private:
    Result(std::string why, int) : m_error(std::move(why)) {}

    std::optional<T> m_value;
    std::string m_error;
};

template<>
class Result<void>
{
public:
    Result() = default;
    static Result failure(std::string why)
    {
        Result result;
        result.m_error = std::move(why);
        result.m_failed = true;
        return result;
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const std::string &error() const { return m_error; }

private:
    std::string m_error;
    bool m_failed = false;
};

} // namespace meshlane
