// SPDX-License-Identifier: MIT
// Gateway API (gateway.networking.k8s.io) parsers. Hand-written manifests read
// offline never went through the API server, so the CRD defaults it would
// fill in (weight 1, PathPrefix /, redirect 302, Same namespace...) are
// applied here, and values its validation would refuse are schema errors.
#include "load/resourceparsers.h"
#include "model/hostname.h"

#include <set>

namespace meshlane {

namespace {

constexpr const char *kGroup = "gateway.networking.k8s.io";

void schemaError(FieldReader &reader, const char *key, const std::string &message)
{
    CompactNode at = childOf(reader.node(), key);
    reader.context().report(Severity::Error, codes::SchemaError, isPresent(at) ? at : reader.node(),
                            reader.path() + (reader.path().empty() ? "" : ".") + key + ": " + message);
}

std::string oneOf(FieldReader &reader, const char *key, const std::string &fallback,
                  std::initializer_list<const char *> allowed)
{
    const std::optional<std::string> value = reader.string(key);
    if (!value)
        return fallback;
    for (const char *candidate : allowed) {
        if (*value == candidate)
            return *value;
    }
    std::string list;
    for (const char *candidate : allowed)
        list += (list.empty() ? "" : ", ") + std::string(candidate);
    schemaError(reader, key, "unsupported value \"" + *value + "\" (one of " + list + ")");
    return fallback;
}

std::optional<uint32_t> portOf(FieldReader &reader, const char *key)
{
    const std::optional<int64_t> port = reader.integer(key);
    if (!port)
        return std::nullopt;
    if (*port < 1 || *port > 65535) {
        schemaError(reader, key, "port must be 1-65535");
        return std::nullopt;
    }
    return uint32_t(*port);
}

RouteParentRef parseParentRef(FieldReader &reader, const std::string &routeNamespace)
{
    RouteParentRef ref;
    ref.location = reader.location();
    ref.group = reader.string("group").value_or(kGroup);
    ref.kind = reader.string("kind").value_or("Gateway");
    ref.ns = reader.string("namespace").value_or(routeNamespace);
    ref.name = reader.string("name").value_or("");
    if (ref.name.empty())
        schemaError(reader, "name", "parentRef needs a name");
    ref.sectionName = reader.string("sectionName").value_or("");
    ref.port = portOf(reader, "port");
    reader.finish();
    return ref;
}

RouteBackendRef parseBackendObject(FieldReader &reader, const std::string &routeNamespace)
{
    RouteBackendRef ref;
    ref.location = reader.location();
    ref.weightLocation = ref.location;
    ref.group = reader.string("group").value_or("");
    ref.kind = reader.string("kind").value_or("Service");
    ref.namespaceWritten = reader.has("namespace");
    ref.ns = reader.string("namespace").value_or(routeNamespace);
    ref.name = reader.string("name").value_or("");
    if (ref.name.empty())
        schemaError(reader, "name", "backendRef needs a name");
    ref.port = portOf(reader, "port");
    return ref;
}

HeaderModifier parseHeaderModifier(FieldReader &reader)
{
    HeaderModifier modifier;
    for (const char *key : {"set", "add"}) {
        for (FieldReader &entry : reader.mapList(key)) {
            const std::string name = toLower(entry.string("name").value_or(""));
            const std::string value = entry.string("value").value_or("");
            entry.finish();
            (std::string(key) == "set" ? modifier.set : modifier.add).emplace_back(name, value);
        }
    }
    for (const std::string &name : reader.stringList("remove"))
        modifier.remove.push_back(toLower(name));
    reader.finish();
    return modifier;
}

std::optional<PathModifier> parsePathModifier(FieldReader &owner)
{
    std::optional<FieldReader> reader = owner.map("path");
    if (!reader)
        return std::nullopt;
    PathModifier path;
    path.type = oneOf(*reader, "type", "", {"ReplaceFullPath", "ReplacePrefixMatch"});
    if (path.type == "ReplaceFullPath")
        path.value = reader->string("replaceFullPath").value_or("");
    else if (path.type == "ReplacePrefixMatch")
        path.value = reader->string("replacePrefixMatch").value_or("");
    if (path.type.empty())
        schemaError(*reader, "type", "path modifier needs a type");
    reader->ignore("replaceFullPath");
    reader->ignore("replacePrefixMatch");
    reader->finish();
    return path;
}

RouteFilter parseFilter(FieldReader &reader, const std::string &routeNamespace)
{
    RouteFilter filter;
    filter.location = reader.location();
    filter.type = reader.string("type").value_or("");
    if (filter.type.empty())
        schemaError(reader, "type", "filter needs a type");
    if (auto modifier = reader.map("requestHeaderModifier"))
        filter.headers = parseHeaderModifier(*modifier);
    if (auto modifier = reader.map("responseHeaderModifier"))
        filter.headers = parseHeaderModifier(*modifier);
    if (auto redirect = reader.map("requestRedirect")) {
        filter.scheme = oneOf(*redirect, "scheme", "", {"http", "https"});
        filter.hostname = toLower(redirect->string("hostname").value_or(""));
        filter.port = portOf(*redirect, "port");
        filter.path = parsePathModifier(*redirect);
        if (auto code = redirect->integer("statusCode")) {
            if (*code == 301 || *code == 302 || *code == 303 || *code == 307 || *code == 308)
                filter.statusCode = int(*code);
            else
                schemaError(*redirect, "statusCode", "unsupported redirect status " + std::to_string(*code));
        }
        redirect->finish();
    }
    if (auto rewrite = reader.map("urlRewrite")) {
        filter.hostname = toLower(rewrite->string("hostname").value_or(""));
        filter.path = parsePathModifier(*rewrite);
        rewrite->finish();
    }
    if (auto mirror = reader.map("requestMirror")) {
        if (auto backend = mirror->map("backendRef")) {
            filter.mirror = parseBackendObject(*backend, routeNamespace);
            backend->finish();
        }
        if (auto percent = mirror->number("percent")) {
            if (*percent < 0 || *percent > 100)
                schemaError(*mirror, "percent", "percent must be 0-100");
            filter.mirrorPercent = *percent;
        }
        if (auto fraction = mirror->map("fraction")) {
            const double numerator = double(fraction->integer("numerator").value_or(0));
            const double denominator = double(fraction->integer("denominator").value_or(100));
            if (denominator < 1 || numerator < 0 || numerator > denominator)
                schemaError(*fraction, "numerator", "fraction must satisfy 0 <= numerator <= denominator, denominator >= 1");
            else if (filter.mirrorPercent)
                schemaError(*mirror, "fraction", "percent and fraction cannot both be set");
            else
                filter.mirrorPercent = 100.0 * numerator / denominator;
            fraction->finish();
        }
        mirror->finish();
    }
    for (const char *known : {"extensionRef", "cors", "externalAuth"})
        reader.ignore(known);
    reader.finish();
    return filter;
}

StringMatch typedMatch(FieldReader &reader, const char *defaultType)
{
    StringMatch match;
    match.location = reader.location();
    const std::string type = oneOf(reader, "type", defaultType, {"Exact", "PathPrefix", "RegularExpression"});
    match.value = reader.string("value").value_or(std::string(defaultType) == "PathPrefix" ? "/" : "");
    match.kind = type == "PathPrefix" ? StringMatch::Kind::PathPrefix
        : type == "RegularExpression" ? StringMatch::Kind::Regex
                                      : StringMatch::Kind::Exact;
    return match;
}

std::vector<NamedStringMatch> namedMatches(FieldReader &reader, const char *key, bool lowerNames)
{
    std::vector<NamedStringMatch> list;
    std::set<std::string> seen;
    for (FieldReader &entry : reader.mapList(key)) {
        NamedStringMatch named;
        named.name = entry.string("name").value_or("");
        if (lowerNames)
            named.name = toLower(named.name);
        named.match = typedMatch(entry, "Exact");
        if (named.match.kind == StringMatch::Kind::PathPrefix)
            schemaError(entry, "type", "PathPrefix is for paths only");
        entry.finish();
        // The spec: of entries with equivalent names only the first counts.
        if (seen.insert(named.name).second)
            list.push_back(std::move(named));
    }
    return list;
}

RouteMatch parseMatch(FieldReader &reader, bool grpc)
{
    RouteMatch match;
    match.location = reader.location();
    match.headers = namedMatches(reader, "headers", true);
    if (grpc) {
        if (auto method = reader.map("method")) {
            const std::string type = oneOf(*method, "type", "Exact", {"Exact", "RegularExpression"});
            match.grpcRegex = type == "RegularExpression";
            match.grpcService = method->string("service").value_or("");
            match.grpcMethod = method->string("method").value_or("");
            if (match.grpcService.empty() && match.grpcMethod.empty())
                schemaError(*method, "service", "a method match needs service or method");
            method->finish();
        }
    } else {
        if (auto path = reader.map("path")) {
            match.path = typedMatch(*path, "PathPrefix");
            if (match.path->kind != StringMatch::Kind::Regex && match.path->value.rfind('/', 0) != 0)
                schemaError(*path, "value", "path must start with '/'");
            path->finish();
        } else {
            match.path = StringMatch{StringMatch::Kind::PathPrefix, "/", match.location};
        }
        match.queryParams = namedMatches(reader, "queryParams", false);
        match.method = oneOf(reader, "method", "",
                             {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"});
    }
    reader.finish();
    return match;
}

RouteRule parseRule(FieldReader &reader, const GatewayApiRoute &route)
{
    RouteRule rule;
    rule.location = reader.location();
    rule.name = reader.string("name").value_or("");
    const bool grpc = route.isGrpc();
    if (route.isHttpLike()) {
        for (FieldReader &entry : reader.mapList("matches"))
            rule.matches.push_back(parseMatch(entry, grpc));
        if (rule.matches.empty() && !grpc)
            rule.matches.push_back(RouteMatch{StringMatch{StringMatch::Kind::PathPrefix, "/", rule.location}, {}, {}, {},
                                              false, {}, {}, rule.location});
        for (FieldReader &entry : reader.mapList("filters"))
            rule.filters.push_back(parseFilter(entry, route.meta.ns));
        if (auto timeouts = reader.map("timeouts")) {
            rule.requestTimeout = timeouts->string("request").value_or("");
            rule.backendRequestTimeout = timeouts->string("backendRequest").value_or("");
            for (const std::string *text : {&rule.requestTimeout, &rule.backendRequestTimeout}) {
                if (!text->empty() && parseGatewayDurationMs(*text) < 0)
                    schemaError(*timeouts, text == &rule.requestTimeout ? "request" : "backendRequest",
                                "invalid duration \"" + *text + "\"");
            }
            timeouts->finish();
        }
    }
    rule.backendRefsLocation = reader.locationOf("backendRefs");
    for (FieldReader &entry : reader.mapList("backendRefs")) {
        RouteBackendRef ref = parseBackendObject(entry, route.meta.ns);
        if (auto weight = entry.integer("weight")) {
            ref.weightLocation = entry.locationOf("weight");
            if (*weight < 0 || *weight > 1000000)
                schemaError(entry, "weight", "weight must be 0-1000000");
            else
                ref.weight = *weight;
        }
        for (FieldReader &filter : entry.mapList("filters"))
            ref.filterTypes.push_back(parseFilter(filter, route.meta.ns).type);
        if (ref.isService() && !ref.port)
            schemaError(entry, "port", "a Service backendRef must have a port");
        entry.finish();
        rule.backendRefs.push_back(std::move(ref));
    }
    for (const char *known : {"retry", "sessionPersistence"})
        reader.ignore(known);
    reader.finish();
    return rule;
}

} // namespace

bool isGatewayApi(const std::string &apiVersion)
{
    return apiVersion.rfind("gateway.networking.k8s.io/", 0) == 0;
}

bool isGatewayApiKind(const std::string &kind)
{
    return kind == "GatewayClass" || kind == "Gateway" || kind == "HTTPRoute" || kind == "GRPCRoute"
        || kind == "TCPRoute" || kind == "TLSRoute" || kind == "ReferenceGrant";
}

std::shared_ptr<GatewayClass> parseGatewayClass(FieldReader &document, ResourceMeta meta)
{
    auto gatewayClass = std::make_shared<GatewayClass>();
    gatewayClass->meta = std::move(meta);
    if (std::optional<FieldReader> spec = document.map("spec")) {
        gatewayClass->controllerName = spec->string("controllerName").value_or("");
        for (const char *known : {"parametersRef", "description"})
            spec->ignore(known);
        spec->finish();
    }
    return gatewayClass;
}

std::shared_ptr<K8sGateway> parseK8sGateway(FieldReader &document, ResourceMeta meta)
{
    auto gateway = std::make_shared<K8sGateway>();
    gateway->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return gateway;
    gateway->classLocation = spec->locationOf("gatewayClassName");
    gateway->gatewayClassName = spec->string("gatewayClassName").value_or("");
    if (gateway->gatewayClassName.empty())
        schemaError(*spec, "gatewayClassName", "a Gateway needs a gatewayClassName");
    std::set<std::string> names;
    for (FieldReader &entry : spec->mapList("listeners")) {
        GatewayListener listener;
        listener.location = entry.location();
        listener.name = entry.string("name").value_or("");
        if (!names.insert(listener.name).second)
            schemaError(entry, "name", "listener name \"" + listener.name + "\" is not unique");
        listener.hostname = toLower(entry.string("hostname").value_or(""));
        listener.port = portOf(entry, "port").value_or(0);
        listener.protocol = entry.string("protocol").value_or("");
        if (auto tls = entry.map("tls")) {
            listener.tlsMode = oneOf(*tls, "mode", "Terminate", {"Terminate", "Passthrough"});
            for (const char *known : {"certificateRefs", "options", "frontendValidation"})
                tls->ignore(known);
            tls->finish();
        }
        if (auto allowed = entry.map("allowedRoutes")) {
            if (auto namespaces = allowed->map("namespaces")) {
                const std::string from = oneOf(*namespaces, "from", "Same", {"Same", "All", "Selector"});
                listener.from = from == "All" ? GatewayListener::From::All
                    : from == "Selector"      ? GatewayListener::From::Selector
                                              : GatewayListener::From::Same;
                if (auto selector = namespaces->map("selector")) {
                    listener.selectorWritten = true;
                    listener.namespaceSelector = selector->stringMap("matchLabels");
                    selector->ignore("matchExpressions");
                    selector->finish();
                }
                namespaces->finish();
            }
            for (FieldReader &kind : allowed->mapList("kinds")) {
                const std::string group = kind.string("group").value_or(kGroup);
                const std::string name = kind.string("kind").value_or("");
                kind.finish();
                listener.kinds.push_back(group == kGroup ? name : group + '/' + name);
            }
            allowed->finish();
        }
        entry.finish();
        gateway->listeners.push_back(std::move(listener));
    }
    if (gateway->listeners.empty())
        schemaError(*spec, "listeners", "a Gateway needs at least one listener");
    for (FieldReader &address : spec->mapList("addresses")) {
        if (address.string("type").value_or("IPAddress") == "Hostname")
            gateway->addresses.push_back(address.string("value").value_or(""));
        address.ignore("value");
        address.finish();
    }
    for (const char *known : {"infrastructure", "tls", "allowedListeners", "defaultScope", "backendTLS"})
        spec->ignore(known);
    spec->finish();
    return gateway;
}

std::shared_ptr<GatewayApiRoute> parseGatewayApiRoute(FieldReader &document, ResourceMeta meta)
{
    auto route = std::make_shared<GatewayApiRoute>();
    route->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return route;
    for (FieldReader &entry : spec->mapList("parentRefs"))
        route->parentRefs.push_back(parseParentRef(entry, route->meta.ns));
    for (const std::string &host : spec->stringList("hostnames"))
        route->hostnames.push_back(toLower(host));
    for (FieldReader &entry : spec->mapList("rules"))
        route->rules.push_back(parseRule(entry, *route));
    if (route->rules.empty() && route->meta.kind == "HTTPRoute") {
        // The CRD default: one rule matching everything, with no backend (500).
        RouteRule rule;
        rule.location = spec->location();
        rule.matches.push_back(RouteMatch{StringMatch{StringMatch::Kind::PathPrefix, "/", rule.location}, {}, {}, {},
                                          false, {}, {}, rule.location});
        route->rules.push_back(std::move(rule));
    }
    spec->finish();
    return route;
}

std::shared_ptr<ReferenceGrant> parseReferenceGrant(FieldReader &document, ResourceMeta meta)
{
    auto grant = std::make_shared<ReferenceGrant>();
    grant->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return grant;
    for (FieldReader &entry : spec->mapList("from")) {
        grant->from.push_back({entry.string("group").value_or(""), entry.string("kind").value_or(""),
                               entry.string("namespace").value_or("")});
        entry.finish();
    }
    for (FieldReader &entry : spec->mapList("to")) {
        grant->to.push_back({entry.string("group").value_or(""), entry.string("kind").value_or(""),
                             entry.string("name").value_or("")});
        entry.finish();
    }
    if (grant->from.empty() || grant->to.empty())
        schemaError(*spec, grant->from.empty() ? "from" : "to", "a ReferenceGrant needs from and to entries");
    spec->finish();
    return grant;
}

} // namespace meshlane
