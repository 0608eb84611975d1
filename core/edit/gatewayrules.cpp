// SPDX-License-Identifier: MIT
// HTTPRoute rules a rollout adds and takes away again (a header route that
// narrows the weighted rule, a RequestMirror filter on it), through the same
// patch-and-re-read path as every other edit (EditContext). Each operation
// reads the patched file back and is refused unless the rule says what was
// meant.
#include "edit/editcontext.h"

#include "base/regex.h"
#include "model/hostname.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

namespace meshlane {

namespace {

std::string label(const GatewayRuleRef &ref)
{
    return ref.kind + ' ' + ref.ns + '/' + ref.name + " rules[" + std::to_string(ref.rule) + ']';
}

// One condition as a Gateway API HTTPHeaderMatch / HTTPQueryParamMatch.
struct WrittenCondition
{
    bool header = true;
    std::string name;
    std::string type; // Exact or RegularExpression
    std::string value;
};

Result<std::vector<WrittenCondition>> writtenConditions(const std::vector<MatchCondition> &conditions)
{
    using Failure = Result<std::vector<WrittenCondition>>;
    if (conditions.empty())
        return Failure::failure("a match rule needs at least one condition");
    std::vector<WrittenCondition> out;
    for (const MatchCondition &condition : conditions) {
        if (condition.field == MatchCondition::Field::Uri)
            return Failure::failure("a path condition cannot be added: a Gateway API match has one path, and the "
                                    "new rule keeps the path of the rule it narrows; use a header or query "
                                    "parameter");
        if (condition.name.empty())
            return Failure::failure("a header or query parameter condition needs a name");
        WrittenCondition written;
        written.header = condition.field == MatchCondition::Field::Header;
        // Header names are case-insensitive (and read lower-case); query parameter names are not.
        written.name = written.header ? toLower(condition.name) : condition.name;
        switch (condition.kind) {
        case StringMatch::Kind::Exact:
            written.type = "Exact";
            written.value = condition.value;
            break;
        case StringMatch::Kind::Regex:
            if (const auto regex = compileRegex(condition.value); !regex)
                return Failure::failure("invalid regex '" + condition.value + "': " + regex.error());
            written.type = "RegularExpression";
            written.value = condition.value;
            break;
        case StringMatch::Kind::Prefix:
            // Gateway API has no prefix type for headers or query parameters.
            written.type = "RegularExpression";
            written.value = RE2::QuoteMeta(condition.value) + ".*";
            break;
        default:
            return Failure::failure("Gateway API matches a header or query parameter exactly or by regular "
                                    "expression; a presence match is not one of them");
        }
        out.push_back(std::move(written));
    }
    return out;
}

YAML::Node conditionNode(const WrittenCondition &condition)
{
    YAML::Node node(YAML::NodeType::Map);
    node["name"] = YamlWriter::stringNode(condition.name);
    node["type"] = YamlWriter::stringNode(condition.type);
    node["value"] = YamlWriter::stringNode(condition.value);
    return node;
}

// The base rule's matches (raw, as written) with the conditions added to each.
Result<YAML::Node> narrowedMatches(const RouteRule &base, const YAML::Node &baseNode,
                                   const std::vector<WrittenCondition> &conditions)
{
    YAML::Node list(YAML::NodeType::Sequence);
    const YAML::Node written = baseNode["matches"];
    std::vector<YAML::Node> copies;
    if (written && written.IsSequence()) {
        for (const YAML::Node &match : written) {
            if (match.IsMap())
                copies.push_back(YAML::Clone(match));
        }
    }
    if (copies.empty())
        copies.push_back(YAML::Node(YAML::NodeType::Map)); // every path (the default PathPrefix /)
    for (size_t m = 0; m < copies.size(); ++m) {
        YAML::Node &match = copies[m];
        for (const WrittenCondition &condition : conditions) {
            // Of two entries with the same name only the first counts: adding
            // one the base already has would silently not narrow anything.
            if (m < base.matches.size()) {
                const auto &existing = condition.header ? base.matches[m].headers : base.matches[m].queryParams;
                for (const NamedStringMatch &named : existing) {
                    if (named.name == condition.name)
                        return Result<YAML::Node>::failure(std::string("the rule already matches ")
                                                           + (condition.header ? "header " : "query parameter ")
                                                           + condition.name
                                                           + "; a second condition on it would be ignored");
                }
            }
            const char *key = condition.header ? "headers" : "queryParams";
            if (!match[key] || !match[key].IsSequence())
                match[key] = YAML::Node(YAML::NodeType::Sequence);
            match[key].push_back(conditionNode(condition));
        }
        list.push_back(match);
    }
    return list;
}

bool validRuleName(const std::string &name)
{
    // Gateway API SectionName: a DNS-1123 subdomain.
    static const RE2 pattern(R"([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)");
    return name.size() <= 253 && RE2::FullMatch(name, pattern);
}

// Opens an HTTPRoute's file; the typed route, or null with the context failed.
const GatewayApiRoute *openRoute(EditContext &context, const GatewayRuleRef &ref, size_t rules, bool httpOnly)
{
    const GatewayApiRoute *route = EditContext::findGatewayRoute(context.mesh(), ref);
    if (!route) {
        context.fail("no " + ref.kind + ' ' + ref.ns + '/' + ref.name);
        return nullptr;
    }
    if (httpOnly ? route->meta.kind != "HTTPRoute" : !route->isHttpLike()) {
        context.fail(std::string(httpOnly ? "match rules and mirrors are" : "rule removal is") + " for "
                     + (httpOnly ? "HTTPRoutes" : "HTTPRoutes and GRPCRoutes") + ", not " + route->meta.kind);
        return nullptr;
    }
    if (ref.rule >= route->rules.size() + rules) {
        context.fail(ref.kind + ' ' + ref.ns + '/' + ref.name + " has " + std::to_string(route->rules.size())
                     + " rules, numbered from 0");
        return nullptr;
    }
    return context.openResource(route->meta) ? route : nullptr;
}

// The port for a backendRef (or mirror) to `service` beside rule `rule`'s backends.
std::optional<uint32_t> portFor(const Mesh &mesh, const GatewayApiRoute &route, const RouteRule &rule,
                                const std::string &service)
{
    for (const RouteBackendRef &backend : rule.backendRefs) {
        if (backend.isService() && backend.name == service && backend.ns == route.meta.ns && backend.port)
            return backend.port;
    }
    for (const RouteBackendRef &backend : rule.backendRefs) {
        if (backend.isService() && backend.port)
            return backend.port;
    }
    const Service *target = mesh.findService(service + '.' + route.meta.ns + ".svc.cluster.local");
    if (target && !target->ports.empty())
        return target->ports.front().port;
    return std::nullopt;
}

bool mirrorsTo(const RouteFilter &filter, const GatewayApiRoute &route, const std::string &service)
{
    return filter.type == "RequestMirror" && filter.mirror.isService() && filter.mirror.name == service
        && filter.mirror.ns == route.meta.ns;
}

// True when `conditions` appear in every match of `rule` as written.
bool hasConditions(const RouteRule &rule, size_t matches, const std::vector<WrittenCondition> &conditions)
{
    if (rule.matches.size() != matches)
        return false;
    for (const RouteMatch &match : rule.matches) {
        for (const WrittenCondition &condition : conditions) {
            const auto &list = condition.header ? match.headers : match.queryParams;
            const StringMatch::Kind kind =
                condition.type == "Exact" ? StringMatch::Kind::Exact : StringMatch::Kind::Regex;
            bool found = false;
            for (const NamedStringMatch &named : list)
                found |=
                    named.name == condition.name && named.match.kind == kind && named.match.value == condition.value;
            if (!found)
                return false;
        }
    }
    return true;
}

const RouteRule *ruleOf(const Mesh &mesh, const GatewayRuleRef &ref)
{
    const GatewayApiRoute *route = EditContext::findGatewayRoute(mesh, ref);
    return route && ref.rule < route->rules.size() ? &route->rules[ref.rule] : nullptr;
}

Result<MeshChange> notAsIntended(const std::string &what)
{
    return Result<MeshChange>::failure("the edited text does not read back as intended (" + what + ')');
}

} // namespace

Result<MeshChange> addGatewayMatchRule(const MeshPtr &mesh, const GatewayRuleRef &at, const GatewayRuleMatch &match,
                                       const std::string &service, std::optional<uint32_t> port,
                                       const std::string &name)
{
    EditContext context(mesh);
    const GatewayApiRoute *route = openRoute(context, at, 1, true);
    if (!route)
        return context.finish({});
    if (match.base >= route->rules.size())
        return context.refuse("no rule " + std::to_string(match.base) + " to copy the matches of");
    const RouteRule &base = route->rules[match.base];
    if (!name.empty() && !validRuleName(name))
        return context.refuse("rule name '" + name + "' is not a DNS-1123 subdomain (lower-case letters, digits, '-', '.')");
    for (const RouteRule &rule : route->rules) {
        if (!name.empty() && rule.name == name)
            return context.refuse("the route already has a rule named " + name);
    }
    if (!context.mesh().findService(service + '.' + route->meta.ns + ".svc.cluster.local"))
        return context.refuse("no Service " + route->meta.ns + '/' + service);
    if (!port)
        port = portFor(context.mesh(), *route, base, service);
    if (!port)
        return context.refuse("Service " + service + " declares no port; give one");
    const Result<std::vector<WrittenCondition>> conditions = writtenConditions(match.conditions);
    if (!conditions)
        return context.refuse(conditions.error());

    YamlPatcher &patcher = context.patcher();
    const YAML::Node rules = patcher.enter(context.spec(), "rules");
    if (!context.ok() || !rules.IsSequence())
        return context.refuse(route->meta.kind + ' ' + route->meta.ns + '/' + route->meta.name + " has no rules list");
    const YAML::Node baseNode = rules[context.rawIndex(rules, match.base)];
    const Result<YAML::Node> matches = narrowedMatches(base, baseNode, *conditions);
    if (!matches)
        return context.refuse(matches.error());

    YAML::Node rule(YAML::NodeType::Map);
    if (!name.empty())
        rule["name"] = YamlWriter::stringNode(name);
    rule["matches"] = *matches;
    YAML::Node filters(YAML::NodeType::Sequence);
    const YAML::Node baseFilters = baseNode["filters"];
    size_t typed = 0;
    for (size_t i = 0; baseFilters && baseFilters.IsSequence() && i < baseFilters.size(); ++i) {
        if (!baseFilters[i].IsMap())
            continue;
        if (typed < base.filters.size() && !mirrorsTo(base.filters[typed], *route, service))
            filters.push_back(YAML::Clone(baseFilters[i]));
        ++typed;
    }
    if (filters.size() > 0)
        rule["filters"] = filters;
    YAML::Node backend(YAML::NodeType::Map);
    backend["name"] = YamlWriter::stringNode(service);
    backend["port"] = YamlWriter::integerNode(*port);
    rule["backendRefs"].push_back(backend);
    patcher.insertItem(rules, at.rule < route->rules.size() ? context.rawIndex(rules, at.rule) : rules.size(), rule);

    Result<MeshChange> result = context.finish("Add " + (name.empty() ? std::string("a rule") : "rule " + name)
                                               + " sending matching requests of " + label(at) + " to " + service);
    if (!result)
        return result;
    const RouteRule *added = ruleOf(*result->mesh, at);
    if (!added || added->name != name || added->backendRefs.size() != 1 || added->backendRefs[0].name != service
        || !hasConditions(*added, std::max<size_t>(base.matches.size(), 1), *conditions))
        return notAsIntended("the new rule " + std::to_string(at.rule));
    return result;
}

Result<MeshChange> setGatewayRuleMatches(const MeshPtr &mesh, const GatewayRuleRef &ref, const GatewayRuleMatch &match)
{
    EditContext context(mesh);
    const GatewayApiRoute *route = openRoute(context, ref, 0, true);
    if (!route)
        return context.finish({});
    if (match.base >= route->rules.size() || match.base == ref.rule)
        return context.refuse("rule " + std::to_string(match.base) + " is not another rule of the route to copy the matches of");
    const Result<std::vector<WrittenCondition>> conditions = writtenConditions(match.conditions);
    if (!conditions)
        return context.refuse(conditions.error());
    const RouteRule &base = route->rules[match.base];
    YamlPatcher &patcher = context.patcher();
    const YAML::Node rules = patcher.enter(context.spec(), "rules");
    const YAML::Node ruleNode = context.ok() ? patcher.enter(rules, context.rawIndex(rules, ref.rule)) : YAML::Node();
    if (!context.ok())
        return context.finish({});
    const Result<YAML::Node> matches = narrowedMatches(base, rules[context.rawIndex(rules, match.base)], *conditions);
    if (!matches)
        return context.refuse(matches.error());
    patcher.setValue(ruleNode, "matches", *matches, ruleNode["filters"] ? "filters" : "backendRefs");
    Result<MeshChange> result = context.finish("Edit matches of " + label(ref));
    if (!result || result->edits.empty())
        return result;
    const RouteRule *edited = ruleOf(*result->mesh, ref);
    if (!edited || !hasConditions(*edited, std::max<size_t>(base.matches.size(), 1), *conditions))
        return notAsIntended("the matches of rule " + std::to_string(ref.rule));
    return result;
}

Result<MeshChange> removeGatewayRule(const MeshPtr &mesh, const GatewayRuleRef &ref)
{
    EditContext context(mesh);
    const GatewayApiRoute *route = openRoute(context, ref, 0, false);
    if (!route)
        return context.finish({});
    if (route->rules.size() == 1)
        return context.refuse("the last rule cannot be removed (a route without rules matches nothing)");
    const YAML::Node rules = context.patcher().enter(context.spec(), "rules");
    if (context.ok())
        context.patcher().removeItem(rules, context.rawIndex(rules, ref.rule));
    const std::string &name = route->rules[ref.rule].name;
    return context.finish("Remove " + label(ref) + (name.empty() ? std::string() : " (" + name + ')'));
}

Result<MeshChange> setGatewayMirror(const MeshPtr &mesh, const GatewayRuleRef &ref, const std::string &service,
                                    std::optional<uint32_t> port, std::optional<double> percent)
{
    EditContext context(mesh);
    const GatewayApiRoute *route = openRoute(context, ref, 0, true);
    if (!route)
        return context.finish({});
    if (percent && !(*percent >= 0.0 && *percent <= 100.0))
        return context.refuse("mirror percent must be between 0 and 100");
    if (!context.mesh().findService(service + '.' + route->meta.ns + ".svc.cluster.local"))
        return context.refuse("no Service " + route->meta.ns + '/' + service);
    const RouteRule &rule = route->rules[ref.rule];
    std::optional<size_t> existing;
    for (size_t j = 0; j < rule.filters.size(); ++j) {
        if (!mirrorsTo(rule.filters[j], *route, service))
            continue;
        if (existing)
            return context.refuse(label(ref) + " already has several mirrors to " + service + "; remove them first");
        existing = j;
    }
    if (!port && existing)
        port = rule.filters[*existing].mirror.port;
    if (!port)
        port = portFor(context.mesh(), *route, rule, service);
    if (!port)
        return context.refuse("Service " + service + " declares no port; give one");

    // A whole percent reads best; Gateway API v1.2's fraction carries the rest.
    const long hundredths = percent ? std::lround(*percent * 100) : 0;
    const double expected = percent ? double(hundredths) / 100 : 100.0;
    YAML::Node amount(YAML::NodeType::Map);
    if (percent && hundredths % 100 == 0) {
        amount["percent"] = YamlWriter::integerNode(hundredths / 100);
    } else if (percent) {
        amount["fraction"]["numerator"] = YamlWriter::integerNode(hundredths);
        amount["fraction"]["denominator"] = YamlWriter::integerNode(10000);
    }
    const YAML::Node &amountOf = amount; // const: looking a key up must not add it

    YamlPatcher &patcher = context.patcher();
    const YAML::Node rules = patcher.enter(context.spec(), "rules");
    const YAML::Node ruleNode = context.ok() ? patcher.enter(rules, context.rawIndex(rules, ref.rule)) : YAML::Node();
    const YAML::Node filters = context.ok() ? patcher.enter(ruleNode, "filters") : YAML::Node();
    if (!context.ok())
        return context.finish({});
    if (existing) {
        // Only what differs moves: the backendRef's other fields and the filter's layout stay.
        const RouteFilter &filter = rule.filters[*existing];
        const YAML::Node entry = patcher.enter(filters, context.rawIndex(filters, *existing));
        const YAML::Node mirror = context.ok() ? patcher.enter(entry, "requestMirror") : YAML::Node();
        if (context.ok() && filter.mirror.port != port) {
            const YAML::Node backend = patcher.enter(mirror, "backendRef");
            if (context.ok())
                patcher.setValue(backend, "port", YamlWriter::integerNode(*port));
        }
        const bool same = filter.mirrorPercent.has_value() == percent.has_value()
            && std::abs(filter.mirrorPercent.value_or(100.0) - expected) < 1e-9;
        for (const char *key : {"percent", "fraction"}) {
            if (!context.ok() || same)
                break;
            if (amountOf[key])
                patcher.setValue(mirror, key, amountOf[key]);
            else
                patcher.removeKey(mirror, key);
        }
    } else {
        YAML::Node mirror(YAML::NodeType::Map);
        YAML::Node backend(YAML::NodeType::Map);
        backend["name"] = YamlWriter::stringNode(service);
        backend["port"] = YamlWriter::integerNode(*port);
        mirror["backendRef"] = backend;
        for (const char *key : {"percent", "fraction"}) {
            if (amountOf[key])
                mirror[key] = amountOf[key];
        }
        YAML::Node filter(YAML::NodeType::Map);
        filter["type"] = YamlWriter::stringNode("RequestMirror");
        filter["requestMirror"] = mirror;
        if (filters.IsSequence()) {
            patcher.insertItem(filters, filters.size(), filter);
        } else {
            YAML::Node list(YAML::NodeType::Sequence);
            list.push_back(filter);
            patcher.setValue(ruleNode, "filters", list, "backendRefs");
        }
    }
    const std::string percentText = percent
        ? YamlWriter::scalar(YamlWriter::numberNode(double(hundredths) / 100)) + " %"
        : std::string("every request");
    Result<MeshChange> result = context.finish("Mirror " + label(ref) + " to " + service + " (" + percentText + ')');
    if (!result || result->edits.empty())
        return result;
    const RouteRule *edited = ruleOf(*result->mesh, ref);
    size_t mirrors = 0;
    for (size_t j = 0; edited && j < edited->filters.size(); ++j) {
        const RouteFilter &filter = edited->filters[j];
        if (!mirrorsTo(filter, *route, service))
            continue;
        if (filter.mirror.port != port || std::abs(filter.mirrorPercent.value_or(100.0) - expected) > 1e-9)
            return notAsIntended("the mirror of rule " + std::to_string(ref.rule));
        ++mirrors;
    }
    if (mirrors != 1)
        return notAsIntended("the mirror of rule " + std::to_string(ref.rule));
    return result;
}

Result<MeshChange> removeGatewayMirror(const MeshPtr &mesh, const GatewayRuleRef &ref, const std::string &service)
{
    EditContext context(mesh);
    const GatewayApiRoute *route = openRoute(context, ref, 0, true);
    if (!route)
        return context.finish({});
    const RouteRule &rule = route->rules[ref.rule];
    std::vector<size_t> gone;
    for (size_t j = 0; j < rule.filters.size(); ++j) {
        if (mirrorsTo(rule.filters[j], *route, service))
            gone.push_back(j);
    }
    if (gone.empty())
        return context.finish("Stop mirroring " + label(ref) + " to " + service);
    YamlPatcher &patcher = context.patcher();
    const YAML::Node rules = patcher.enter(context.spec(), "rules");
    const YAML::Node ruleNode = context.ok() ? patcher.enter(rules, context.rawIndex(rules, ref.rule)) : YAML::Node();
    const YAML::Node filters = context.ok() ? patcher.enter(ruleNode, "filters") : YAML::Node();
    if (!context.ok())
        return context.finish({});
    size_t maps = 0;
    for (const YAML::Node &item : filters)
        maps += item.IsMap() ? 1 : 0;
    if (gone.size() == filters.size() && maps == filters.size()) {
        patcher.removeKey(ruleNode, "filters");
    } else {
        // Every removal is computed against the original text, so the indices stay valid.
        for (const size_t j : gone)
            patcher.removeItem(filters, context.rawIndex(filters, j));
    }
    return context.finish("Stop mirroring " + label(ref) + " to " + service);
}

} // namespace meshlane
