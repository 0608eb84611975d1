// SPDX-License-Identifier: MIT
// Gateway API backendRefs (weights, add, remove), through the same
// patch-and-re-read path as every other edit (EditContext): only the changed
// lines move.
#include "edit/editcontext.h"
#include "edit/meshedit.h"
#include "yaml/yamlwriter.h"

#include <algorithm>

namespace meshlane {

namespace {

const GatewayApiRoute *findRoute(const Mesh &mesh, const GatewayRuleRef &ref)
{
    return EditContext::findGatewayRoute(mesh, ref);
}

// Opens the route's file and finds the rule's backendRefs list; null node (and
// a failed context) when something is missing.
YAML::Node openBackendList(EditContext &context, const GatewayRuleRef &ref, const GatewayApiRoute *&route)
{
    route = findRoute(context.mesh(), ref);
    if (!route) {
        context.fail("no " + ref.kind + ' ' + ref.ns + '/' + ref.name);
        return {};
    }
    if (ref.rule >= route->rules.size()) {
        context.fail(ref.kind + ' ' + ref.ns + '/' + ref.name + " has " + std::to_string(route->rules.size())
                     + " rules, numbered from 0");
        return {};
    }
    if (!context.openResource(route->meta))
        return {};
    YamlPatcher &patcher = context.patcher();
    const YAML::Node rules = patcher.enter(context.spec(), "rules");
    const YAML::Node rule = context.ok() ? patcher.enter(rules, context.rawIndex(rules, ref.rule)) : YAML::Node();
    return context.ok() ? patcher.enter(rule, "backendRefs") : YAML::Node();
}

std::string label(const GatewayRuleRef &ref)
{
    return ref.kind + ' ' + ref.ns + '/' + ref.name + " rules[" + std::to_string(ref.rule) + ']';
}

} // namespace

std::optional<HttpRoute> backendWeightsRoute(const Mesh &mesh, const GatewayRuleRef &ref)
{
    const GatewayApiRoute *route = findRoute(mesh, ref);
    if (!route || ref.rule >= route->rules.size())
        return std::nullopt;
    HttpRoute http;
    for (const RouteBackendRef &backend : route->rules[ref.rule].backendRefs) {
        RouteDestination destination;
        destination.destination.host = backend.name;
        destination.destination.fqdn = backend.fqdn();
        destination.destination.port = backend.port;
        destination.weight = backend.weight;
        http.route.push_back(std::move(destination));
    }
    return http;
}

Result<MeshChange> setBackendWeights(const MeshPtr &mesh, const GatewayRuleRef &ref, const std::vector<int> &weights)
{
    EditContext context(mesh);
    const GatewayApiRoute *route = findRoute(*mesh, ref);
    if (!route) {
        context.fail("no " + ref.kind + ' ' + ref.ns + '/' + ref.name);
        return context.finish({});
    }
    if (ref.rule >= route->rules.size()) {
        context.fail(ref.kind + ' ' + ref.ns + '/' + ref.name + " has " + std::to_string(route->rules.size())
                     + " rules, numbered from 0");
        return context.finish({});
    }
    const RouteRule &rule = route->rules[ref.rule];
    if (weights.size() != rule.backendRefs.size()) {
        context.fail("rule has " + std::to_string(rule.backendRefs.size()) + " backendRefs, "
                     + std::to_string(weights.size()) + " weights given");
        return context.finish({});
    }
    if (std::any_of(weights.begin(), weights.end(), [](int weight) { return weight < 0; })) {
        context.fail("weights cannot be negative");
        return context.finish({});
    }
    if (std::all_of(weights.begin(), weights.end(), [](int weight) { return weight == 0; })) {
        context.fail(route->isHttpLike()
                         ? "at least one weight must be above 0 (an all-zero rule answers every request with 500)"
                         : "at least one weight must be above 0 (an all-zero rule refuses every connection)");
        return context.finish({});
    }
    if (!context.openResource(route->meta))
        return context.finish({});
    YamlPatcher &patcher = context.patcher();
    const YAML::Node rules = patcher.enter(context.spec(), "rules");
    const YAML::Node ruleNode = context.ok() ? patcher.enter(rules, context.rawIndex(rules, ref.rule)) : YAML::Node();
    const YAML::Node list = context.ok() ? patcher.enter(ruleNode, "backendRefs") : YAML::Node();
    std::string changes;
    for (size_t j = 0; context.ok() && j < weights.size(); ++j) {
        const RouteBackendRef &backend = rule.backendRefs[j];
        const bool written = backend.weightLocation.line != backend.location.line
            || backend.weightLocation.column != backend.location.column;
        if (backend.weight == weights[j] && (written || weights[j] == 1))
            continue;
        const YAML::Node entry = patcher.enter(list, context.rawIndex(list, j));
        patcher.setValue(entry, "weight", YamlWriter::integerNode(weights[j]));
        changes += (changes.empty() ? "" : ", ") + backend.name + ' ' + std::to_string(weights[j]);
    }
    Result<MeshChange> result =
        context.finish("Set weights of " + label(ref) + (changes.empty() ? "" : ": " + changes));
    if (!result.ok() || result->edits.empty())
        return result;
    // Read back: the text must say what was meant.
    const std::optional<HttpRoute> after = backendWeightsRoute(*result->mesh, ref);
    for (size_t j = 0; after && j < weights.size(); ++j) {
        if (j >= after->route.size() || after->route[j].weight != weights[j])
            return Result<MeshChange>::failure("the edited text does not read back as intended (backendRef "
                                               + std::to_string(j) + ')');
    }
    return result;
}

Result<MeshChange> addBackendRef(const MeshPtr &mesh, const GatewayRuleRef &ref, const std::string &service,
                                 std::optional<uint32_t> port, int weight)
{
    EditContext context(mesh);
    if (weight < 0) {
        context.fail("weights cannot be negative");
        return context.finish({});
    }
    const GatewayApiRoute *route = nullptr;
    const YAML::Node list = openBackendList(context, ref, route);
    if (!context.ok())
        return context.finish({});
    const Service *target = mesh->findService(service + '.' + route->meta.ns + ".svc.cluster.local");
    if (!target) {
        context.fail("no Service " + route->meta.ns + '/' + service);
        return context.finish({});
    }
    for (const RouteBackendRef &existing : route->rules[ref.rule].backendRefs) {
        if (existing.isService() && existing.name == service && existing.ns == route->meta.ns) {
            context.fail("the rule already sends traffic to " + service);
            return context.finish({});
        }
    }
    if (!port && !target->ports.empty())
        port = target->ports.front().port;
    if (!port) {
        context.fail("Service " + service + " declares no port; give one");
        return context.finish({});
    }
    if (!list.IsSequence()) {
        context.fail(label(ref) + " has no backendRefs list to add to");
        return context.finish({});
    }
    YAML::Node entry(YAML::NodeType::Map);
    entry["name"] = YamlWriter::stringNode(service);
    entry["port"] = YamlWriter::integerNode(*port);
    entry["weight"] = YamlWriter::integerNode(weight);
    context.patcher().insertItem(list, list.size(), entry);
    return context.finish("Add " + service + " to " + label(ref));
}

Result<MeshChange> removeBackendRef(const MeshPtr &mesh, const GatewayRuleRef &ref, size_t index)
{
    EditContext context(mesh);
    const GatewayApiRoute *route = nullptr;
    const YAML::Node list = openBackendList(context, ref, route);
    if (!context.ok())
        return context.finish({});
    const std::vector<RouteBackendRef> &backends = route->rules[ref.rule].backendRefs;
    if (index >= backends.size()) {
        context.fail(label(ref) + " has no backendRef " + std::to_string(index));
        return context.finish({});
    }
    if (backends.size() == 1) {
        context.fail("a rule needs at least one backendRef (without one it answers 500)");
        return context.finish({});
    }
    context.patcher().removeItem(list, context.rawIndex(list, index));
    return context.finish("Remove " + backends[index].name + " from " + label(ref));
}

} // namespace meshlane
