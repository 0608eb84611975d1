// SPDX-License-Identifier: MIT
#include "load/allocationbudget.h"

#include <cstdlib>
#include <new>

// Sanitizer builds (MESHLANE_NO_ALLOCATION_BUDGET) keep their own operator
// new: there a budget counts nothing and is never exceeded.
#ifndef MESHLANE_NO_ALLOCATION_BUDGET
namespace {

// Per thread, so parsing on worker threads never limits other threads.
thread_local bool t_active = false;
thread_local bool t_exceeded = false;
thread_local size_t t_remaining = 0;

void *allocate(std::size_t size)
{
    if (t_active) {
        if (size > t_remaining) {
            t_exceeded = true;
            t_remaining = 0;
            throw std::bad_alloc();
        }
        t_remaining -= size;
    }
    if (void *memory = std::malloc(size ? size : 1))
        return memory;
    throw std::bad_alloc();
}

} // namespace

// The replaceable global allocation functions ([new.delete]); the aligned
// forms keep the library's defaults, which are not used by the parser.
void *operator new(std::size_t size) { return allocate(size); }
void *operator new[](std::size_t size) { return allocate(size); }
void *operator new(std::size_t size, const std::nothrow_t &) noexcept
{
    try {
        return allocate(size);
    } catch (const std::bad_alloc &) {
        return nullptr;
    }
}
void *operator new[](std::size_t size, const std::nothrow_t &tag) noexcept { return operator new(size, tag); }
void operator delete(void *memory) noexcept { std::free(memory); }
void operator delete[](void *memory) noexcept { std::free(memory); }
void operator delete(void *memory, std::size_t) noexcept { std::free(memory); }
void operator delete[](void *memory, std::size_t) noexcept { std::free(memory); }
void operator delete(void *memory, const std::nothrow_t &) noexcept { std::free(memory); }
void operator delete[](void *memory, const std::nothrow_t &) noexcept { std::free(memory); }
#else
namespace {
thread_local bool t_active = false;
thread_local bool t_exceeded = false; // never set: nothing is counted
thread_local size_t t_remaining = 0;
} // namespace
#endif

namespace meshlane {

AllocationBudget::AllocationBudget(size_t bytes)
    : m_wasActive(t_active)
    , m_previousRemaining(t_remaining)
{
    t_active = true;
    t_exceeded = false;
    t_remaining = m_wasActive && m_previousRemaining < bytes ? m_previousRemaining : bytes;
}

AllocationBudget::~AllocationBudget()
{
    t_active = m_wasActive;
    t_remaining = m_previousRemaining;
}

bool AllocationBudget::exceeded() const
{
    return t_exceeded;
}

} // namespace meshlane
