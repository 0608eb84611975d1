// SPDX-License-Identifier: MIT
#include "analysis/namesuggestion.h"

#include <algorithm>

namespace meshlane {

size_t editDistance(std::string_view a, std::string_view b)
{
    // Three rolling rows: the transposition step looks two rows back.
    std::vector<size_t> twoBack(b.size() + 1);
    std::vector<size_t> previous(b.size() + 1);
    std::vector<size_t> current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], twoBack[j - 2] + 1);
        }
        std::swap(twoBack, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string closestName(const std::string &target, const std::vector<std::string> &candidates)
{
    const size_t limit = std::clamp<size_t>(target.size() / 3, 1, 3);
    std::string best;
    size_t bestDistance = limit + 1;
    for (const std::string &candidate : candidates) {
        if (candidate == target)
            continue;
        // Lengths alone bound the distance from below: skip hopeless candidates cheaply.
        const size_t lengthGap = candidate.size() > target.size() ? candidate.size() - target.size()
                                                                  : target.size() - candidate.size();
        if (lengthGap >= bestDistance)
            continue;
        const size_t distance = editDistance(target, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

} // namespace meshlane
