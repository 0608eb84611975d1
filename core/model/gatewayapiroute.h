// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"
#include "model/stringmatch.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace meshlane {

// parentRefs[]: a Gateway API Gateway (listener by sectionName / port) or a
// Service (mesh routing, GAMMA). Defaults applied: group
// gateway.networking.k8s.io, kind Gateway, the route's namespace.
struct RouteParentRef
{
    std::string group;
    std::string kind;
    std::string ns;
    std::string name;
    std::string sectionName;
    std::optional<uint32_t> port;
    SourceLocation location;

    bool isGateway() const { return group == "gateway.networking.k8s.io" && kind == "Gateway"; }
    bool isService() const { return (group.empty() || group == "core") && kind == "Service"; }
    std::string ref() const { return ns + '/' + name; }
};

// A backendRef (or a mirror's backendRef). Defaults: group "" (core), kind
// Service, the route's namespace, weight 1.
struct RouteBackendRef
{
    std::string group;
    std::string kind;
    std::string ns;
    std::string name;
    bool namespaceWritten = false;
    std::optional<uint32_t> port;
    int64_t weight = 1;
    SourceLocation weightLocation; // of `weight:`; the ref's own location when absent
    SourceLocation location;
    std::vector<std::string> filterTypes; // backend-level filters, by type

    bool isService() const { return (group.empty() || group == "core") && kind == "Service"; }
    std::string fqdn() const { return name + '.' + ns + ".svc.cluster.local"; }
};

struct HeaderModifier
{
    std::vector<std::pair<std::string, std::string>> set;
    std::vector<std::pair<std::string, std::string>> add;
    std::vector<std::string> remove;
};

// HTTPPathModifier: ReplaceFullPath or ReplacePrefixMatch.
struct PathModifier
{
    std::string type;
    std::string value;
};

struct RouteFilter
{
    std::string type; // RequestHeaderModifier, ResponseHeaderModifier, RequestRedirect, URLRewrite, RequestMirror, ...
    HeaderModifier headers; // the two header modifiers
    // RequestRedirect
    std::string scheme;
    std::string hostname; // also URLRewrite's
    std::optional<uint32_t> port;
    std::optional<PathModifier> path; // also URLRewrite's
    int statusCode = 302;
    // RequestMirror
    RouteBackendRef mirror;
    std::optional<double> mirrorPercent; // percent, or fraction as a percent; absent: 100
    SourceLocation location;
};

// One entry of matches[]. HTTPRoute: path (defaulted to PathPrefix /),
// headers, queryParams, method. GRPCRoute: method {service, method}, headers.
struct RouteMatch
{
    std::optional<StringMatch> path; // Exact, PathPrefix or Regex
    std::vector<NamedStringMatch> headers; // names lower-case
    std::vector<NamedStringMatch> queryParams;
    std::string method;
    // GRPCRoute method match
    bool grpcRegex = false;
    std::string grpcService;
    std::string grpcMethod;
    SourceLocation location;
};

struct RouteRule
{
    std::string name;
    std::vector<RouteMatch> matches; // HTTPRoute: never empty after defaults
    std::vector<RouteFilter> filters;
    std::vector<RouteBackendRef> backendRefs;
    std::string requestTimeout;
    std::string backendRequestTimeout;
    SourceLocation location;
    SourceLocation backendRefsLocation;
};

// HTTPRoute, GRPCRoute, TCPRoute or TLSRoute (gateway.networking.k8s.io):
// one shape, told apart by meta.kind. TCP/TLS rules have no matches (a
// TLSRoute matches its hostnames by SNI) and no filters.
struct GatewayApiRoute
{
    ResourceMeta meta;
    std::vector<RouteParentRef> parentRefs;
    std::vector<std::string> hostnames; // lower-case
    std::vector<RouteRule> rules;

    bool isGrpc() const { return meta.kind == "GRPCRoute"; }
    bool isHttpLike() const { return meta.kind == "HTTPRoute" || meta.kind == "GRPCRoute"; }
};

// A Gateway API Duration (GEP-2257: "1h", "500ms", "1m30s") in milliseconds,
// -1 when it is not one.
int64_t parseGatewayDurationMs(const std::string &text);

} // namespace meshlane
