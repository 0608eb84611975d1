// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace meshlane {

// An optional value kept on the heap: the std::optional<T> calls the model
// makes, in the size of a pointer. For the parts of a struct that most
// objects go without (an HttpRoute's redirect, fault, retries, rewrite...):
// as std::optionals they made every route 1.6 KB, and a 10,000-service mesh
// has that many routes. Copies copy the value, as std::optional does.
template<typename T>
class Boxed
{
public:
    Boxed() = default;
    Boxed(std::nullopt_t) {}
    Boxed(const T &value)
        : m_value(std::make_unique<T>(value))
    {
    }
    Boxed(T &&value)
        : m_value(std::make_unique<T>(std::move(value)))
    {
    }
    Boxed(std::optional<T> value)
        : m_value(value ? std::make_unique<T>(std::move(*value)) : nullptr)
    {
    }
    Boxed(const Boxed &other)
        : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr)
    {
    }
    Boxed(Boxed &&) noexcept = default;
    Boxed &operator=(const Boxed &other)
    {
        if (this != &other)
            m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
        return *this;
    }
    Boxed &operator=(Boxed &&) noexcept = default;
    Boxed &operator=(std::nullopt_t)
    {
        m_value.reset();
        return *this;
    }

    template<typename... Args>
    T &emplace(Args &&...args)
    {
        m_value = std::make_unique<T>(std::forward<Args>(args)...);
        return *m_value;
    }
    void reset() { m_value.reset(); }

    bool has_value() const { return m_value != nullptr; }
    explicit operator bool() const { return has_value(); }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T *operator->() { return m_value.get(); }
    const T *operator->() const { return m_value.get(); }

private:
    std::unique_ptr<T> m_value;
};

} // namespace meshlane
