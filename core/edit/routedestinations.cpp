// SPDX-License-Identifier: MIT
#include "edit/editcontext.h"
#include "edit/weightbalancer.h"
#include "model/hostname.h"

namespace meshlane {

namespace {

std::vector<int64_t> effectiveWeights(const std::vector<RouteDestination> &route)
{
    std::vector<int64_t> weights;
    for (size_t j = 0; j < route.size(); ++j)
        weights.push_back(effectiveWeight(route, j));
    return weights;
}

std::string describeWeights(const std::vector<RouteDestination> &route, const std::vector<int> &weights,
                            const Destination *added = nullptr)
{
    std::string text;
    for (size_t j = 0; j < weights.size(); ++j) {
        const Destination &destination = j < route.size() ? route[j].destination : *added;
        text += (j ? ", " : "") + (destination.subset.empty() ? destination.host : destination.subset) + ' '
            + std::to_string(weights[j]);
    }
    return text;
}

std::string routeName(const RouteRef &ref)
{
    // http routes keep their established wording ("route 1"); the others name their list.
    const std::string route = ref.section == "http" ? " route " + std::to_string(ref.index)
                                                    : ' ' + ref.section + '[' + std::to_string(ref.index) + ']';
    return ref.ns + '/' + ref.name + route;
}

Result<MeshChange> verified(Result<MeshChange> result, const RouteRef &ref, const std::vector<int> &weights)
{
    if (!result.ok() || result->edits.empty())
        return result;
    const std::string problem = EditContext::checkWeights(*result->mesh, ref, weights);
    if (!problem.empty())
        return Result<MeshChange>::failure(problem);
    return result;
}

} // namespace

Result<MeshChange> setRouteWeights(const MeshPtr &mesh, const RouteRef &ref, const std::vector<int> &weights)
{
    EditContext context(mesh);
    if (!context.openVirtualService(ref.ns, ref.name))
        return context.finish({});
    const std::vector<RouteDestination> *route = context.destinationsOf(ref);
    if (!route)
        return context.finish({});
    if (weights.size() != route->size()) {
        context.fail("route has " + std::to_string(route->size()) + " destinations, "
                     + std::to_string(weights.size()) + " weights given");
        return context.finish({});
    }
    int total = 0;
    for (const int weight : weights) {
        if (weight < 0) {
            context.fail("weights cannot be negative");
            return context.finish({});
        }
        total += weight;
    }
    if (total == 0) {
        context.fail("at least one weight must be above 0 (Istio rejects an all-zero route)");
        return context.finish({});
    }
    context.writeWeights(context.routeNode(ref), *route, weights, weights.size());
    return verified(context.finish("Set weights of " + routeName(ref) + ": " + describeWeights(*route, weights)), ref,
                    weights);
}

Result<MeshChange> addDestination(const MeshPtr &mesh, const RouteRef &ref, Destination destination, int weight)
{
    EditContext context(mesh);
    if (!context.openVirtualService(ref.ns, ref.name))
        return context.finish({});
    const std::vector<RouteDestination> *route = context.destinationsOf(ref);
    if (!route)
        return context.finish({});
    const VirtualService &vs = context.virtualService();
    if (weight < 0 || weight > WeightBalancer::Total) {
        context.fail("weight " + std::to_string(weight) + " is outside 0..100");
        return context.finish({});
    }
    if (destination.host.empty())
        destination.host = !route->empty() ? route->front().destination.host
                                                 : (vs.hosts.empty() ? std::string() : vs.hosts.front());
    if (destination.host.empty()) {
        context.fail("the new destination needs a host");
        return context.finish({});
    }
    destination.fqdn = expandHost(destination.host, vs.meta.ns);
    for (const RouteDestination &existing : *route) {
        if (existing.destination.fqdn != destination.fqdn)
            continue;
        if (existing.destination.subset == destination.subset) {
            context.fail("the route already sends traffic to " + destination.label());
            return context.finish({});
        }
        if (!destination.port && existing.destination.port)
            destination.port = existing.destination.port;
    }

    std::vector<int64_t> current = effectiveWeights(*route);
    current.push_back(0);
    const std::vector<int> weights = WeightBalancer::drag(current, {}, current.size() - 1, weight);

    const YAML::Node routeNode = context.routeNode(ref);
    context.writeWeights(routeNode, *route, weights, weights.size());
    YAML::Node entry(YAML::NodeType::Map);
    entry["destination"] = EditContext::destinationNode(destination);
    entry["weight"] = YamlWriter::integerNode(weights.back());
    if (context.ok()) {
        const YAML::Node list = context.patcher().enter(routeNode, "route");
        if (context.ok() && list.IsSequence())
            context.patcher().insertItem(list, list.size(), entry);
        else if (context.ok())
            context.fail("route " + std::to_string(ref.index) + " has no destination list to add to");
    }
    return verified(context.finish("Add " + destination.label() + " to " + routeName(ref)), ref, weights);
}

Result<MeshChange> removeDestination(const MeshPtr &mesh, const RouteRef &ref, size_t index)
{
    EditContext context(mesh);
    if (!context.openVirtualService(ref.ns, ref.name))
        return context.finish({});
    const std::vector<RouteDestination> *route = context.destinationsOf(ref);
    if (!route)
        return context.finish({});
    if (index >= route->size()) {
        context.fail("route has no destination " + std::to_string(index));
        return context.finish({});
    }
    if (route->size() == 1) {
        context.fail("a route needs at least one destination");
        return context.finish({});
    }
    std::vector<int> weights = WeightBalancer::drag(effectiveWeights(*route), {}, index, 0);
    const Destination removed = (*route)[index].destination;
    const YAML::Node routeNode = context.routeNode(ref);
    std::vector<int> written = weights;
    written[index] = -1; // deleted with its entry

    context.writeWeights(routeNode, *route, written, route->size() - 1);
    if (context.ok()) {
        const YAML::Node list = context.patcher().enter(routeNode, "route");
        if (context.ok())
            context.patcher().removeItem(list, context.rawIndex(list, index));
    }
    weights.erase(weights.begin() + std::ptrdiff_t(index));
    return verified(context.finish("Remove " + removed.label() + " from " + routeName(ref)), ref, weights);
}

} // namespace meshlane
