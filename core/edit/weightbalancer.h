// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// The weight sliders' arithmetic. Every result holds integers that are never
// negative and sum to exactly 100, so what the user sees is what gets written.
//
// The re-balance rule (dragging destination i to v):
//  1. Weights that do not already sum to 100 are first scaled to 100
//     (Istio weights are relative: 1/3 means 25/75).
//  2. Locked destinations keep their weight. The dragged one may move between
//     0 and 100 minus the locked weights; a value outside is clamped. With no
//     unlocked other destination it takes exactly what the locks leave.
//  3. The unlocked others share what is left in proportion to their current
//     weights (a destination at 0 stays at 0); when they are all at 0, they
//     share it evenly.
//  4. Shares are rounded by largest remainder: each gets the floor of its exact
//     share, and the points still missing go one each to the largest fractional
//     parts (ties: the earlier destination).
//
// Why proportional: it keeps the relative split among the destinations the user
// is not touching (moving v3 in a 60/30/10 split keeps v1:v2 at 2:1), which is
// what a canary step means. Largest remainder is the rounding that keeps the sum
// exact while moving each share by less than one point.
class WeightBalancer
{
public:
    static constexpr int Total = 100;

    // `amount` split in proportion to `basis` (evenly when the basis is all 0),
    // rounded by largest remainder. Negative basis entries count as 0.
    static std::vector<int> shareProportionally(int amount, const std::vector<int64_t> &basis);

    // Step 1 of the rule: weights scaled to sum to 100. An empty or all-zero
    // list becomes an even split.
    static std::vector<int> normalized(const std::vector<int64_t> &weights);

    // Steps 1-4. `locked` may be shorter than `weights` (missing = unlocked).
    // The dragged destination's own lock is ignored: the user is moving it.
    static std::vector<int> drag(const std::vector<int64_t> &weights, const std::vector<bool> &locked, size_t index,
                                 int value);

    // "Distribute evenly": the unlocked destinations share what the locked ones
    // leave, floor(rest / n) each, the remainder one point each to the first ones.
    // With nothing locked that is floor(100 / n) each (100/3 -> 34, 33, 33).
    static std::vector<int> distributeEvenly(const std::vector<int64_t> &weights,
                                             const std::vector<bool> &locked = {});

    // For the command line, where some weights are given and the rest follow:
    // given values are kept as they are and the others share 100 minus their sum
    // by steps 3-4. Fails when a given value is negative, the given values
    // exceed 100, or every weight is given and they do not sum to 100.
    static Result<std::vector<int>> complete(const std::vector<int64_t> &weights,
                                            const std::vector<std::optional<int>> &given);
};

} // namespace meshlane
