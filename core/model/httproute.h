// SPDX-License-Identifier: MIT
#pragma once

#include "base/boxed.h"
#include "model/deprecatedfield.h"
#include "model/destination.h"
#include "model/httpmatchrequest.h"
#include "model/l4match.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

struct FaultDelay
{
    std::optional<double> percentage; // absent: affects 0 % of requests
    int64_t delayMs = 0;              // fixedDelay
    SourceLocation location;
};

struct FaultAbort
{
    std::optional<double> percentage; // absent: affects 0 % of requests
    int httpStatus = 0;
    std::string grpcStatus;
    SourceLocation location;
};

struct HttpFault
{
    std::optional<FaultDelay> delay;
    std::optional<FaultAbort> abort;
    SourceLocation location;
};

struct HttpRedirect
{
    std::string uri;
    std::string authority;
    std::string scheme;
    std::optional<uint32_t> port;
    int redirectCode = 301;
    SourceLocation location;
    // Gateway API RequestRedirect semantics (port from the scheme, default
    // ports left out, hostname without the request's port).
    bool gatewayApi = false;
    std::optional<std::string> replacePrefixMatch; // with GatewayApiOrigin::matchedPrefix
};

struct HttpDirectResponse
{
    int status = 0;
    std::string body;
    SourceLocation location;
};

struct HttpRewrite
{
    std::string uri;
    std::string authority;
    SourceLocation location;
    std::optional<std::string> replacePrefixMatch; // Gateway API URLRewrite ReplacePrefixMatch
};

// Set on the http routes the router derives from Gateway API rules: like
// Istio, each (rule, match) of an HTTPRoute / GRPCRoute becomes one http
// route of a generated VirtualService; this says which one it came from.
struct GatewayApiOrigin
{
    std::string kind; // HTTPRoute or GRPCRoute
    std::string ns;
    std::string name;
    int rule = -1;
    int match = -1;            // -1: the rule has no match list (GRPCRoute)
    std::string matchedPrefix; // the PathPrefix matched, for ReplacePrefixMatch
};

struct HttpRetry
{
    int attempts = 0;
    std::string perTryTimeout;
    std::string retryOn;
    SourceLocation location;
};

struct Delegate
{
    std::string name;
    std::string ns;
    SourceLocation location;
};

// The weight Envoy uses for destination `index` of a route list (http, tcp or
// tls alike): a lone destination gets everything (100), otherwise the weight
// as written, absent counting as 0.
int64_t effectiveWeight(const std::vector<RouteDestination> &route, size_t index);

// One element of a VirtualService's ordered `http:` list.
struct HttpRoute
{
    std::string name;
    std::vector<HttpMatchRequest> match; // empty: matches every request
    std::vector<RouteDestination> route;
    // Boxed: what most routes go without costs a pointer, not its size.
    Boxed<HttpRedirect> redirect;
    Boxed<HttpDirectResponse> directResponse;
    Boxed<Delegate> delegate;
    Boxed<HttpRewrite> rewrite;
    std::optional<std::string> timeout;
    Boxed<HttpRetry> retries;
    Boxed<HttpFault> fault;

    Boxed<Destination> mirror;
    std::optional<double> mirrorPercentage; // mirrorPercentage.value, 0..100
    SourceLocation mirrorPercentageLocation;
    std::optional<int64_t> legacyMirrorPercent; // deprecated `mirror_percent`
    SourceLocation legacyMirrorPercentLocation;
    // "fault.delay.percent" (when not 0), "mirrorPercent", "mirror_percent".
    std::vector<DeprecatedField> deprecatedFields;
    std::vector<MirrorPolicy> mirrors;

    bool hasHeaderOperations = false; // `headers:` request/response manipulation
    SourceLocation location;
    Boxed<GatewayApiOrigin> origin; // only on routes derived from the Gateway API

    bool matchesEverything() const;
    // Sum of weights as Istio computes it: a lone destination gets everything.
    int64_t totalWeight() const;
    // The weight Envoy uses for destination i (absent weights count as 0 when there
    // are several destinations, 100 for a single one).
    int64_t effectiveWeight(size_t index) const;
};

// One element of a VirtualService's ordered `tcp:` or `tls:` list.
struct L4Route
{
    std::vector<L4Match> match; // tcp: empty matches every connection; tls: at least one is required
    std::vector<RouteDestination> route;
    std::vector<MisplacedField> misplaced; // http-only fields written here
    SourceLocation location;

    // As for http routes: a lone destination takes every connection whatever
    // its weight; otherwise the weight as written (absent: 0).
    int64_t effectiveWeight(size_t index) const;
    int64_t totalWeight() const;
};

} // namespace meshlane
