// SPDX-License-Identifier: MIT
#include "graph/edgesharemodel.h"

#include "model/virtualservice.h"

namespace meshlane {

std::vector<DestinationShare> defaultRouteShares(const Mesh &, const VirtualService &virtualService)
{
    std::vector<DestinationShare> shares;
    if (virtualService.http.empty())
        return shares;
    // Envoy takes the first route that matches; requests with nothing special
    // about them reach the first route that matches everything.
    size_t chosen = 0;
    for (size_t i = 0; i < virtualService.http.size(); ++i) {
        if (virtualService.http[i].matchesEverything()) {
            chosen = i;
            break;
        }
    }
    const HttpRoute &route = virtualService.http[chosen];
    const int64_t total = route.totalWeight();
    if (total <= 0)
        return shares; // all-zero weights are invalid: no traffic goes anywhere
    for (size_t i = 0; i < route.route.size(); ++i) {
        if (route.effectiveWeight(i) < 0)
            return shares; // negative weights are invalid too
    }
    for (size_t i = 0; i < route.route.size(); ++i)
        shares.push_back({int(chosen), int(i), double(route.effectiveWeight(i)) / double(total)});
    return shares;
}

} // namespace meshlane
