// SPDX-License-Identifier: MIT
#include "edit/editcontext.h"

#include "base/regex.h"
#include "model/hostname.h"

namespace meshlane {

namespace {

const char *kindKey(StringMatch::Kind kind)
{
    switch (kind) {
    case StringMatch::Kind::Prefix: return "prefix";
    case StringMatch::Kind::Regex: return "regex";
    default: return "exact";
    }
}

// The `match:` list for a rule: one block, all conditions ANDed. Fails when
// a condition is unusable.
Result<YAML::Node> matchList(const MatchRule &rule)
{
    if (rule.conditions.empty())
        return Result<YAML::Node>::failure("a match rule needs at least one condition");
    YAML::Node block(YAML::NodeType::Map);
    for (const MatchCondition &condition : rule.conditions) {
        if (condition.kind == StringMatch::Kind::Present)
            return Result<YAML::Node>::failure("a match condition is exact, prefix or regex");
        if (condition.kind == StringMatch::Kind::Regex) {
            const auto regex = compileRegex(condition.value);
            if (!regex)
                return Result<YAML::Node>::failure("invalid regex '" + condition.value + "': " + regex.error());
        }
        YAML::Node match(YAML::NodeType::Map);
        match[kindKey(condition.kind)] = YamlWriter::stringNode(condition.value);
        switch (condition.field) {
        case MatchCondition::Field::Uri:
            block["uri"] = match;
            break;
        case MatchCondition::Field::Header:
        case MatchCondition::Field::QueryParam: {
            if (condition.name.empty())
                return Result<YAML::Node>::failure("a header or query parameter condition needs a name");
            const bool header = condition.field == MatchCondition::Field::Header;
            // Envoy compares header names case-insensitively and Istio wants them lower-case.
            const std::string name = header ? toLower(condition.name) : condition.name;
            block[header ? "headers" : "queryParams"][YamlWriter::stringNode(name)] = match;
            break;
        }
        }
    }
    YAML::Node list(YAML::NodeType::Sequence);
    list.push_back(block);
    return list;
}

// The rule's destination, with the VirtualService's first host when it names
// none and the port of a same-host destination already written in `route`.
Result<YAML::Node> destinationNode(const MatchRule &rule, const VirtualService &vs, const HttpRoute *route)
{
    Destination destination = rule.destination;
    if (destination.host.empty() && !vs.hosts.empty())
        destination.host = vs.hosts.front();
    if (destination.host.empty())
        return Result<YAML::Node>::failure("the match rule needs a destination host");
    const std::string fqdn = expandHost(destination.host, vs.meta.ns);
    for (const HttpRoute &other : vs.http) {
        for (const RouteDestination &existing : other.route) {
            if (!destination.port && existing.destination.fqdn == fqdn && existing.destination.port
                && (&other == route || !route))
                destination.port = existing.destination.port;
        }
    }
    return EditContext::destinationNode(destination);
}

std::string where(const RouteRef &ref)
{
    return ref.ns + '/' + ref.name;
}

} // namespace

Result<MeshChange> addMatchRoute(const MeshPtr &mesh, const RouteRef &at, const MatchRule &rule)
{
    EditContext context(mesh);
    if (!context.openVirtualService(at.ns, at.name))
        return context.finish({});
    const VirtualService &vs = context.virtualService();
    if (at.index > vs.http.size()) {
        context.fail("position " + std::to_string(at.index) + " is past the " + std::to_string(vs.http.size())
                     + " http routes");
        return context.finish({});
    }
    const Result<YAML::Node> match = matchList(rule);
    const Result<YAML::Node> destination = match ? destinationNode(rule, vs, nullptr) : match;
    if (!destination) {
        context.fail(destination.error());
        return context.finish({});
    }
    YAML::Node route(YAML::NodeType::Map);
    if (!rule.routeName.empty())
        route["name"] = YamlWriter::stringNode(rule.routeName);
    route["match"] = *match;
    route["route"].push_back(YAML::Node(YAML::NodeType::Map));
    route["route"][0]["destination"] = *destination;

    const YAML::Node spec = context.spec();
    YamlPatcher &patcher = context.patcher();
    const YAML::Node http = context.ok() ? patcher.enter(spec, "http") : YAML::Node();
    if (context.ok() && http.IsSequence()) {
        patcher.insertItem(http, at.index < vs.http.size() ? context.rawIndex(http, at.index) : http.size(), route);
    } else if (context.ok()) {
        YAML::Node list(YAML::NodeType::Sequence);
        list.push_back(route);
        patcher.setValue(spec, "http", list);
    }
    return context.finish("Add match route to " + where(at) + " at " + std::to_string(at.index));
}

Result<MeshChange> setMatchRoute(const MeshPtr &mesh, const RouteRef &ref, const MatchRule &rule)
{
    EditContext context(mesh);
    if (!context.openVirtualService(ref.ns, ref.name))
        return context.finish({});
    const HttpRoute *route = context.typedRoute(ref.index);
    if (!route)
        return context.finish({});
    const Result<YAML::Node> match = matchList(rule);
    const Result<YAML::Node> destination = match ? destinationNode(rule, context.virtualService(), route) : match;
    if (!destination) {
        context.fail(destination.error());
        return context.finish({});
    }
    const YAML::Node routeNode = context.httpRoute(ref.index);
    YamlPatcher &patcher = context.patcher();
    if (!rule.routeName.empty())
        patcher.setValue(routeNode, "name", YamlWriter::stringNode(rule.routeName),
                         routeNode["match"].IsDefined() ? "match" : "route");
    patcher.setValue(routeNode, "match", *match, "route");
    const YAML::Node list = context.ok() ? patcher.enter(routeNode, "route") : YAML::Node();
    if (context.ok() && list.IsSequence() && list.size() == 1 && route->route.size() == 1) {
        // Keep the entry (and its comments); only the destination changes.
        const YAML::Node entry = patcher.enter(list, 0);
        if (context.ok())
            patcher.setValue(entry, "destination", *destination);
    } else if (context.ok()) {
        YAML::Node entries(YAML::NodeType::Sequence);
        entries.push_back(YAML::Node(YAML::NodeType::Map));
        entries[0]["destination"] = *destination;
        patcher.setValue(routeNode, "route", entries);
    }
    return context.finish("Edit match of " + where(ref) + " route " + std::to_string(ref.index));
}

Result<MeshChange> removeRoute(const MeshPtr &mesh, const RouteRef &ref)
{
    EditContext context(mesh);
    if (!context.openVirtualService(ref.ns, ref.name))
        return context.finish({});
    if (!context.typedRoute(ref.index))
        return context.finish({});
    if (context.virtualService().http.size() == 1) {
        context.fail("the last http route cannot be removed");
        return context.finish({});
    }
    const YAML::Node http = context.httpList();
    if (context.ok())
        context.patcher().removeItem(http, context.rawIndex(http, ref.index));
    return context.finish("Remove " + where(ref) + " route " + std::to_string(ref.index));
}

Result<MeshChange> moveRoute(const MeshPtr &mesh, const RouteRef &from, size_t to)
{
    EditContext context(mesh);
    if (!context.openVirtualService(from.ns, from.name))
        return context.finish({});
    if (!context.typedRoute(from.index) || !context.typedRoute(to))
        return context.finish({});
    const YAML::Node http = context.httpList();
    if (context.ok())
        context.patcher().moveItem(http, context.rawIndex(http, from.index), context.rawIndex(http, to));
    return context.finish("Move " + where(from) + " route " + std::to_string(from.index) + " to "
                          + std::to_string(to));
}

} // namespace meshlane
