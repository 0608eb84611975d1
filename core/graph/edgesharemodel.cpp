// SPDX-License-Identifier: MIT
#include "graph/edgesharemodel.h"

#include "model/virtualservice.h"

namespace meshlane {

int shareRouteIndex(const VirtualService &virtualService, const std::string &section, int index)
{
    if (section == "tcp")
        return int(virtualService.http.size()) + index;
    if (section == "tls")
        return int(virtualService.http.size() + virtualService.tcp.size()) + index;
    return index;
}

namespace {

template<class Route>
std::vector<DestinationShare> sharesOf(const Route &route, int key)
{
    std::vector<DestinationShare> shares;
    const int64_t total = route.totalWeight();
    if (total <= 0)
        return shares; // all-zero weights are invalid: no traffic goes anywhere
    for (size_t i = 0; i < route.route.size(); ++i) {
        if (route.effectiveWeight(i) < 0)
            return shares; // negative weights are invalid too
    }
    for (size_t i = 0; i < route.route.size(); ++i)
        shares.push_back({key, int(i), double(route.effectiveWeight(i)) / double(total)});
    return shares;
}

} // namespace

std::vector<DestinationShare> defaultRouteShares(const Mesh &, const VirtualService &virtualService)
{
    if (virtualService.http.empty()) {
        // Connections: the first tcp rule without matches takes what the
        // ones before it do not; tls rules always match by SNI, so the first.
        const std::vector<L4Route> &routes = virtualService.tcp.empty() ? virtualService.tls : virtualService.tcp;
        if (routes.empty())
            return {};
        size_t chosen = 0;
        for (size_t i = 0; i < routes.size(); ++i) {
            if (routes[i].match.empty()) {
                chosen = i;
                break;
            }
        }
        const char *section = virtualService.tcp.empty() ? "tls" : "tcp";
        return sharesOf(routes[chosen], shareRouteIndex(virtualService, section, int(chosen)));
    }
    // Envoy takes the first route that matches; requests with nothing special
    // about them reach the first route that matches everything.
    size_t chosen = 0;
    for (size_t i = 0; i < virtualService.http.size(); ++i) {
        if (virtualService.http[i].matchesEverything()) {
            chosen = i;
            break;
        }
    }
    return sharesOf(virtualService.http[chosen], int(chosen));
}

} // namespace meshlane
