// SPDX-License-Identifier: MIT
#include "graph/expectedrouteshares.h"

#include "simulation/expectedsplit.h"
#include "simulation/plainrequest.h"

#include <map>

namespace meshlane {

namespace {

// The split of one decision per destination index: ExpectedSplit merges
// destinations by host and subset, so a target listed twice (KIA1105) shares
// its probability in proportion to the weights.
void addDecisionShares(const VirtualService &virtualService, const RouteDecision &decision, double weight,
                       std::map<std::pair<int, int>, double> &shares)
{
    const bool connection = decision.rule && decision.rule->section != "http";
    const int route = connection ? shareRouteIndex(virtualService, decision.rule->section, decision.rule->index)
                                 : decision.httpRoute;
    const ExpectedSplit split = ExpectedSplit::of(decision);
    std::map<std::pair<std::string, std::string>, double> listed;
    for (const DestinationOutcome &destination : decision.destinations)
        listed[{destination.target.host, destination.target.subset}] += destination.probability;
    for (size_t i = 0; i < decision.destinations.size(); ++i) {
        const ResolvedTarget &target = decision.destinations[i].target;
        const double sum = listed[{target.host, target.subset}];
        if (sum <= 0)
            continue;
        const double share = split.destinationProbability(target.host, target.subset)
            * decision.destinations[i].probability / sum;
        shares[{route, int(i)}] += share * weight;
    }
}

// True when `virtualService` has routes in the table the proxy handling
// `request` uses, i.e. a NoRoute answer means its routes all missed.
bool servesRequest(const Router &router, const HttpRequest &request, const std::string &ref)
{
    const RouteTable *table = nullptr;
    if (request.gateway.empty()) {
        table = router.meshTable(router.resolveHost(request.authority, request.sourceNamespace), request.sourceNamespace);
    } else {
        const GatewayRoutes::Lookup lookup =
            router.gatewayRoutes().find(request.gateway, request.hostName(), request.authorityPort());
        table = lookup.virtualHost ? lookup.virtualHost->table.get() : nullptr;
    }
    if (!table)
        return false;
    for (const CompiledRoute &route : table->routes()) {
        if (route.virtualService && route.virtualService->meta.ns + '/' + route.virtualService->meta.name == ref)
            return true;
    }
    return false;
}

} // namespace

EdgeShareModel expectedRouteShares(RouterPtr router)
{
    return [router = std::move(router)](const Mesh &mesh, const VirtualService &virtualService) {
        const std::string ref = virtualService.meta.ns + '/' + virtualService.meta.name;
        std::vector<RouteDecision> decided;
        bool unmatched = false;
        for (size_t i = 0; i < virtualService.hostFqdns.size(); ++i) {
            const HttpRequest request = plainRequest(virtualService, i);
            RouteDecision decision = router->route(request, Router::Explain::No);
            if (decision.virtualService == ref)
                decided.push_back(std::move(decision));
            else if (decision.action == RouteAction::NoRoute && servesRequest(*router, request, ref))
                unmatched = true;
        }
        if (decided.empty())
            return unmatched ? defaultRouteShares(mesh, virtualService) : std::vector<DestinationShare>();
        std::map<std::pair<int, int>, double> shares;
        for (const RouteDecision &decision : decided) {
            if (decision.action == RouteAction::Forward)
                addDecisionShares(virtualService, decision, 1.0 / double(decided.size()), shares);
        }
        std::vector<DestinationShare> result;
        for (const auto &[key, share] : shares)
            result.push_back({key.first, key.second, share});
        return result;
    };
}

} // namespace meshlane
