// SPDX-License-Identifier: MIT
#include "rollout/rehearsaltraffic.h"

namespace meshlane {

namespace {

// An HTTPRoute plan's host: the parent Service of a mesh route, else the
// route's first hostname (its name when it has none); empty without the route.
std::string httpRouteHost(const Mesh &mesh, const RolloutPlan &plan)
{
    for (const auto &route : mesh.gatewayApiRoutes) {
        if (route->meta.kind != "HTTPRoute" || route->meta.ns != plan.httpRouteNs
            || route->meta.name != plan.httpRouteName)
            continue;
        for (const RouteParentRef &parent : route->parentRefs) {
            if (parent.isService())
                return parent.name + '.' + parent.ns;
        }
        return route->hostnames.empty() ? route->meta.name : route->hostnames.front();
    }
    return {};
}

} // namespace

Result<HttpRequest> RehearsalTraffic::defaultRequest(const Mesh &mesh, const RolloutPlan &plan)
{
    HttpRequest request;
    if (plan.onHttpRoute()) {
        request.authority = httpRouteHost(mesh, plan);
        request.sourceNamespace = plan.httpRouteNs;
        if (request.authority.empty())
            return Result<HttpRequest>::failure("no HTTPRoute " + plan.httpRouteNs + '/' + plan.httpRouteName);
        return request;
    }
    const VirtualService *vs = mesh.findVirtualService(plan.virtualServiceNs, plan.virtualServiceName);
    if (!vs || vs->hosts.empty())
        return Result<HttpRequest>::failure("no VirtualService " + plan.virtualServiceNs + '/'
                                            + plan.virtualServiceName);
    request.authority = vs->hosts.front();
    request.sourceNamespace = plan.virtualServiceNs;
    return request;
}

Result<RehearsalTraffic> RehearsalTraffic::forPlan(const Mesh &mesh, const RolloutPlan &plan,
                                                   const std::optional<std::string> &trafficText)
{
    const Result<HttpRequest> defaults = defaultRequest(mesh, plan);
    if (!defaults)
        return Result<RehearsalTraffic>::failure(defaults.error());
    RehearsalTraffic traffic{TrafficMix::single(*defaults), {}};
    if (!trafficText)
        return traffic;
    Result<std::vector<BehaviourProfile>> profiles = BehaviourProfile::listFromYaml(*trafficText);
    if (!profiles)
        return Result<RehearsalTraffic>::failure(profiles.error());
    // TrafficMix does not know `behaviour:`; blanking it keeps its line numbers.
    Result<TrafficMix> mix = TrafficMix::fromYaml(BehaviourProfile::withoutBehaviour(*trafficText), *defaults);
    if (!mix)
        return Result<RehearsalTraffic>::failure(mix.error());
    traffic.mix = std::move(mix).value();
    traffic.profiles = std::move(profiles).value();
    return traffic;
}

} // namespace meshlane
