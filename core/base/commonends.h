// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>

namespace meshlane {

// How much two texts begin and end with in common, the two ends never
// overlapping: what turning `before` into `after` leaves alone, the span
// between being the edit. Any text with size() and [] (std::string, QString).
struct CommonEnds
{
    size_t prefix = 0;
    size_t suffix = 0;
};

template<typename Text>
CommonEnds commonEnds(const Text &before, const Text &after)
{
    const size_t shorter = size_t(std::min(before.size(), after.size()));
    CommonEnds ends;
    while (ends.prefix < shorter && before[ends.prefix] == after[ends.prefix])
        ++ends.prefix;
    while (ends.suffix < shorter - ends.prefix
           && before[before.size() - 1 - ends.suffix] == after[after.size() - 1 - ends.suffix])
        ++ends.suffix;
    return ends;
}

} // namespace meshlane
