// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

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

// A fix for a host no Service or ServiceEntry has, written in namespace `ns`:
// "did you mean host reviews?", the full name of "reviews.prod", or general advice.
std::string suggestHost(const Mesh &mesh, const std::string &written, const std::string &ns);

// A fix for a missing Gateway `nsSlashName` referenced from namespace `fromNs`.
std::string suggestGateway(const Mesh &mesh, const std::string &nsSlashName, const std::string &fromNs);

} // namespace meshlane
