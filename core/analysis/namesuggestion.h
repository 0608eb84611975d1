// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meshlane {

// Optimal string alignment distance: Levenshtein plus swapping two adjacent
// characters as one edit, the commonest typo ("reveiws").
size_t editDistance(std::string_view a, std::string_view b);

// The candidate a typo of `target` most plausibly came from, or "" when none is
// close enough: at most a third of the target's length, between 1 and 3 edits.
// Ties go to the earliest candidate, so callers list their preferred ones first.
// Candidates equal to `target` are skipped (they are not a correction).
std::string closestName(const std::string &target, const std::vector<std::string> &candidates);

} // namespace meshlane
