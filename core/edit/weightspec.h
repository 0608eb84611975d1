// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "model/httproute.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// "SUBSET=W,..." for one route (http, tcp or tls): the command line's `set-weights --weights`
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
    static std::vector<size_t> destinationsNamed(const std::vector<RouteDestination> &route, const std::string &key);

    // The complete weights of the route, or why `spec` cannot give them.
    // `routeName` is only used in messages ("route 0", "tcp[1]").
    static Result<std::vector<int>> resolve(const std::vector<RouteDestination> &route, const std::string &routeName,
                                            const std::string &spec);
    // For http route `routeIndex`.
    static Result<std::vector<int>> resolve(const HttpRoute &route, size_t routeIndex, const std::string &spec)
    {
        return resolve(route.route, "route " + std::to_string(routeIndex), spec);
    }

    // "v1, v2" (subset, or host when there is none): for messages.
    static std::string destinationNames(const std::vector<RouteDestination> &route);
};

} // namespace meshlane
