// SPDX-License-Identifier: MIT
#pragma once

#include "model/httproute.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// "SUBSET=W,..." for one http route: the command line's `set-weights --weights`
// and the workbench's `--set-weights` read it the same way.
//
// A key names a destination by subset, by "host:subset" (host as written or
// expanded), or by host for a destination without a subset. Weights given for
// some destinations only re-balance the others (WeightBalancer::complete), so
// the result always sums to 100.
class WeightSpec
{
public:
    // The destinations `key` can mean (several when it is ambiguous).
    static std::vector<size_t> destinationsNamed(const HttpRoute &route, const std::string &key);

    // The complete weights of the route, or std::nullopt with `error` saying
    // what is wrong with `spec`. `routeIndex` is only used in messages.
    static std::optional<std::vector<int>> resolve(const HttpRoute &route, size_t routeIndex, const std::string &spec,
                                                   std::string *error);

    // "v1, v2" (subset, or host when there is none): for messages.
    static std::string destinationNames(const HttpRoute &route);
};

} // namespace meshlane
