// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace meshlane {

// Caps the bytes the current thread may allocate with operator new while an
// instance lives; past the cap, operator new throws std::bad_alloc.
//
// Why: yaml-cpp 0.7 has inputs on which it allocates without bound (found by
// fuzzing; see textchecks::SyntaxTraps for the shapes we know). Parsing a
// file under a budget turns any such input, known or not, into a clean error
// for that one file instead of exhausting the machine. The count is of bytes
// requested, not live, so a budget must allow for the parser's churn.
//
// Why a replacement of the global operator new: yaml-cpp allocates through
// std::allocator, so only the global allocation functions see its requests.
// The cost for everyone else is one thread-local test per allocation, and a
// budget only counts on the thread that holds it, so the GUI thread is never
// limited. Sanitizer builds compile it out (MESHLANE_NO_ALLOCATION_BUDGET).
class AllocationBudget
{
public:
    explicit AllocationBudget(size_t bytes);
    // What one yaml-cpp parse of `textBytes` of YAML may request: yaml-cpp
    // asks 80-160 bytes per input byte over a parse (measured on the samples
    // and on 1.3 MB generated files), so this is generous for real manifests
    // and fatal for a runaway parse.
    static size_t forYamlParse(size_t textBytes) { return (size_t(256) << 20) + textBytes * 200; }
    ~AllocationBudget();

    AllocationBudget(const AllocationBudget &) = delete;
    AllocationBudget &operator=(const AllocationBudget &) = delete;

    bool exceeded() const;

private:
    bool m_wasActive;
    size_t m_previousRemaining;
};

} // namespace meshlane
