// SPDX-License-Identifier: MIT
#include "rollout/rehearsalroute.h"

#include "edit/meshedit.h"

#include <optional>
#include <vector>

namespace meshlane {

RehearsalRoute::RehearsalRoute(MeshPtr mesh, RolloutPlan plan)
    : m_mesh(std::move(mesh))
    , m_plan(std::move(plan))
{
}

Result<void> RehearsalRoute::prepare()
{
    if (m_plan.onHttpRoute())
        return prepareHttpRoute();
    const VirtualService *vs = m_mesh->findVirtualService(m_plan.virtualServiceNs, m_plan.virtualServiceName);
    if (!vs)
        return Result<void>::failure("no VirtualService " + m_plan.virtualServiceNs + '/'
                                     + m_plan.virtualServiceName);
    const int index = findHttpRoute(*vs, m_plan.http);
    if (index < 0)
        return Result<void>::failure("VirtualService " + m_plan.virtualServiceNs + '/' + m_plan.virtualServiceName
                                     + " has no http route " + m_plan.http);
    m_routeIndex = size_t(index);
    const HttpRoute &route = vs->http[m_routeIndex];
    bool hasCanary = false;
    for (const RouteDestination &destination : route.route) {
        if (destination.destination.subset == m_plan.stable && m_hostFqdn.empty()) {
            m_hostFqdn = destination.destination.fqdn;
            m_hostWritten = destination.destination.host;
        }
    }
    if (m_hostFqdn.empty())
        return Result<void>::failure("http route " + m_plan.http + " of " + m_plan.virtualServiceNs + '/'
                                     + m_plan.virtualServiceName + " has no destination with subset "
                                     + m_plan.stable);
    for (const RouteDestination &destination : route.route)
        hasCanary |= destination.destination.fqdn == m_hostFqdn && destination.destination.subset == m_plan.canary;
    if (!hasCanary) {
        Destination canary;
        canary.host = m_hostWritten;
        canary.subset = m_plan.canary;
        const Result<void> added = apply(
            addDestination(m_mesh, {m_plan.virtualServiceNs, m_plan.virtualServiceName, m_routeIndex}, canary, 0));
        if (!added)
            return added;
    }
    return setWeights(0);
}

Result<void> RehearsalRoute::setWeights(int canaryWeight)
{
    if (m_plan.onHttpRoute())
        return setBackendWeights(canaryWeight);
    const HttpRoute *route = weightedRoute();
    if (!route)
        return Result<void>::failure("the plan's route is gone from " + m_plan.virtualServiceNs + '/'
                                     + m_plan.virtualServiceName);
    std::vector<int> weights;
    m_weights.clear();
    for (const RouteDestination &destination : route->route) {
        const std::string &subset = destination.destination.subset;
        const bool ours = destination.destination.fqdn == m_hostFqdn;
        const int weight = ours && subset == m_plan.canary ? canaryWeight
            : ours && subset == m_plan.stable              ? 100 - canaryWeight
                                                           : 0;
        weights.push_back(weight);
        m_weights[subset.empty() ? destination.destination.host : subset] += weight;
    }
    if (route->route.size() == 1 && canaryWeight == 0)
        return {}; // nothing to write: the stable destination alone already has everything
    return apply(
        setRouteWeights(m_mesh, {m_plan.virtualServiceNs, m_plan.virtualServiceName, m_routeIndex}, weights));
}

Result<void> RehearsalRoute::setHeaderRoute(const RolloutStep &step)
{
    if (m_plan.onHttpRoute())
        return setHeaderRule(step);
    const VirtualService *vs = m_mesh->findVirtualService(m_plan.virtualServiceNs, m_plan.virtualServiceName);
    const int existing = findHttpRoute(*vs, step.headerRouteName);
    const RouteRef at{m_plan.virtualServiceNs, m_plan.virtualServiceName,
                      existing < 0 ? m_routeIndex : size_t(existing)};
    if (existing >= 0 && !m_headerRoutes.count(step.headerRouteName))
        return Result<void>::failure("the VirtualService already has a route named " + step.headerRouteName
                                     + " that the plan did not add");
    if (step.match.empty()) {
        if (existing < 0)
            return {};
        m_headerRoutes.erase(step.headerRouteName);
        if (size_t(existing) < m_routeIndex)
            --m_routeIndex;
        return apply(removeRoute(m_mesh, at));
    }
    MatchRule rule;
    rule.routeName = step.headerRouteName;
    rule.conditions = step.match;
    rule.destination.host = m_hostWritten;
    rule.destination.subset = m_plan.canary;
    if (existing >= 0)
        return apply(setMatchRoute(m_mesh, at, rule));
    m_headerRoutes.insert(step.headerRouteName);
    ++m_routeIndex; // the new route goes just before the weighted one
    return apply(addMatchRoute(m_mesh, at, rule));
}

Result<void> RehearsalRoute::setMirror(double percent)
{
    if (m_plan.onHttpRoute()) {
        if (percent <= 0 && !m_mirrorSet)
            return {};
        const Result<void> done =
            apply(percent <= 0 ? removeGatewayMirror(m_mesh, ruleRef(m_routeIndex), m_plan.canary)
                               : setGatewayMirror(m_mesh, ruleRef(m_routeIndex), m_plan.canary, std::nullopt, percent));
        if (done)
            m_mirrorSet = percent > 0;
        return done;
    }
    const RouteRef route{m_plan.virtualServiceNs, m_plan.virtualServiceName, m_routeIndex};
    if (percent <= 0) {
        if (!m_mirrorSet)
            return {};
        m_mirrorSet = false;
        return apply(meshlane::setMirror(m_mesh, route, std::nullopt));
    }
    Destination mirror;
    mirror.host = m_hostWritten;
    mirror.subset = m_plan.canary;
    m_mirrorSet = true;
    return apply(meshlane::setMirror(m_mesh, route, mirror, percent));
}

Result<void> RehearsalRoute::clearManagedRoutes()
{
    const std::set<std::string> names = m_headerRoutes;
    for (const std::string &name : names) {
        RolloutStep removal;
        removal.kind = RolloutStep::Kind::SetHeaderRoute;
        removal.headerRouteName = name;
        if (const Result<void> removed = setHeaderRoute(removal); !removed)
            return removed;
    }
    return setMirror(0);
}

bool RehearsalRoute::onPlanRoute(const SimulationCounts::Target &target) const
{
    return m_plan.onHttpRoute() ? m_backendNames.count(target.host) > 0 : target.host == m_hostFqdn;
}

bool RehearsalRoute::isCanary(const SimulationCounts::Target &target) const
{
    return m_plan.onHttpRoute() ? target.host == m_canaryFqdn
                                : target.host == m_hostFqdn && target.subset == m_plan.canary;
}

std::string RehearsalRoute::keyOf(const SimulationCounts::Target &target) const
{
    if (m_plan.onHttpRoute()) {
        const auto found = m_backendNames.find(target.host);
        return found != m_backendNames.end() ? found->second : target.host;
    }
    return target.subset.empty() ? target.host : target.subset;
}

Result<void> RehearsalRoute::apply(const Result<MeshChange> &change)
{
    if (!change)
        return Result<void>::failure(change.error());
    m_mesh = change->mesh;
    return {};
}

Result<void> RehearsalRoute::prepareHttpRoute()
{
    m_routeIndex = m_plan.rule;
    const RouteRule *rule = httpRouteRule();
    const std::string where =
        "HTTPRoute " + m_plan.httpRouteNs + '/' + m_plan.httpRouteName + " rule " + std::to_string(m_plan.rule);
    if (!rule)
        return Result<void>::failure("no " + where);
    bool stable = false, canary = false;
    for (const RouteBackendRef &backend : rule->backendRefs) {
        stable |= backend.isService() && backend.name == m_plan.stable;
        canary |= backend.isService() && backend.name == m_plan.canary;
    }
    if (!stable)
        return Result<void>::failure(where + " has no backendRef to Service " + m_plan.stable);
    const GatewayRuleRef ref = ruleRef(m_routeIndex);
    if (!canary) {
        if (const Result<void> added = apply(addBackendRef(m_mesh, ref, m_plan.canary, std::nullopt, 0)); !added)
            return added;
    }
    return setBackendWeights(0);
}

// Argo's Gateway API plugin: the header route is a rule named after it that
// copies the weighted rule's matches, adds the headers and sends to the
// canary Service alone. It goes just before the weighted rule; Gateway API's
// precedence (more header matches win for the same path) makes it win.
Result<void> RehearsalRoute::setHeaderRule(const RolloutStep &step)
{
    std::optional<size_t> existing;
    if (const GatewayApiRoute *route = httpRoute()) {
        for (size_t r = 0; r < route->rules.size(); ++r) {
            if (route->rules[r].name == step.headerRouteName)
                existing = r;
        }
    }
    if (existing && !m_headerRoutes.count(step.headerRouteName))
        return Result<void>::failure("the HTTPRoute already has a rule named " + step.headerRouteName
                                     + " that the plan did not add");
    if (step.match.empty()) {
        if (!existing)
            return {};
        m_headerRoutes.erase(step.headerRouteName);
        if (*existing < m_routeIndex)
            --m_routeIndex;
        return apply(removeGatewayRule(m_mesh, ruleRef(*existing)));
    }
    const GatewayRuleMatch match{m_routeIndex, step.match};
    if (existing)
        return apply(setGatewayRuleMatches(m_mesh, ruleRef(*existing), match));
    const Result<void> added = apply(
        addGatewayMatchRule(m_mesh, ruleRef(m_routeIndex), match, m_plan.canary, std::nullopt, step.headerRouteName));
    if (added) {
        m_headerRoutes.insert(step.headerRouteName);
        ++m_routeIndex; // the new rule went just before the weighted one
    }
    return added;
}

GatewayRuleRef RehearsalRoute::ruleRef(size_t rule) const
{
    return {"HTTPRoute", m_plan.httpRouteNs, m_plan.httpRouteName, rule};
}

const GatewayApiRoute *RehearsalRoute::httpRoute() const
{
    for (const auto &route : m_mesh->gatewayApiRoutes) {
        if (route->meta.kind == "HTTPRoute" && route->meta.ns == m_plan.httpRouteNs
            && route->meta.name == m_plan.httpRouteName)
            return route.get();
    }
    return nullptr;
}

const RouteRule *RehearsalRoute::httpRouteRule() const
{
    const GatewayApiRoute *route = httpRoute();
    return route && m_routeIndex < route->rules.size() ? &route->rules[m_routeIndex] : nullptr;
}

Result<void> RehearsalRoute::setBackendWeights(int canaryWeight)
{
    const RouteRule *rule = httpRouteRule();
    if (!rule)
        return Result<void>::failure("the plan's rule is gone from HTTPRoute " + m_plan.httpRouteNs + '/'
                                     + m_plan.httpRouteName);
    std::vector<int> weights;
    m_weights.clear();
    m_backendNames.clear();
    for (const RouteBackendRef &backend : rule->backendRefs) {
        const int weight = backend.name == m_plan.canary ? canaryWeight
            : backend.name == m_plan.stable              ? 100 - canaryWeight
                                                         : 0;
        weights.push_back(weight);
        m_weights[backend.name] += weight;
        m_backendNames[backend.fqdn()] = backend.name;
        if (backend.name == m_plan.canary)
            m_canaryFqdn = backend.fqdn();
    }
    if (rule->backendRefs.size() == 1 && canaryWeight == 0)
        return {};
    return apply(meshlane::setBackendWeights(m_mesh, ruleRef(m_routeIndex), weights));
}

const HttpRoute *RehearsalRoute::weightedRoute() const
{
    const VirtualService *vs = m_mesh->findVirtualService(m_plan.virtualServiceNs, m_plan.virtualServiceName);
    return vs && m_routeIndex < vs->http.size() ? &vs->http[m_routeIndex] : nullptr;
}

} // namespace meshlane
