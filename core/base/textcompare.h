// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

namespace meshlane {

// Byte comparisons for the short strings routing compares (header names,
// values, path prefixes). Inline loops: for a few bytes, std::string_view's
// == goes through an out-of-line memcmp call that costs more than the compare.
inline bool sameText(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

inline bool startsWithText(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        if (text[i] != prefix[i])
            return false;
    }
    return true;
}

} // namespace meshlane
