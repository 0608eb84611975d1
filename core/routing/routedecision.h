// SPDX-License-Identifier: MIT
#pragma once

#include "base/translatedtext.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// Pods of one workload that serve a destination.
struct PodSet
{
    std::string ns;
    std::string name;
    std::string kind; // Deployment, StatefulSet, ... ; "WorkloadEntry" for ServiceEntry endpoints
    int replicas = 0;
};

// Where a destination leads: its pods, or why it fails. Shared by the
// destinations and the mirrors of a decision.
struct ResolvedTarget
{
    std::string host;   // FQDN
    std::string subset; // empty: the whole host
    std::optional<uint32_t> port;
    int status = 200;    // 503 when Envoy has no cluster or no endpoint for it
    TranslatedText problem; // why it is 503, in words
    std::vector<PodSet> pods;
    TranslatedText note;    // e.g. "external host via ServiceEntry default/movieweb"

    int podCount() const;
    std::string label() const { return subset.empty() ? host : host + " (" + subset + ')'; }
};

// "reviews.default.svc.cluster.local subset v2 port 9080 -> 2 pods (default/reviews-v2 x2)":
// the explanation's line for a destination or mirror.
std::string targetLine(const ResolvedTarget &target);

struct DestinationOutcome
{
    ResolvedTarget target;
    int64_t weight = 0;     // as Envoy uses it (a lone destination: 100)
    double probability = 0; // weight / total; 1 for a lone destination
};

struct MirrorOutcome
{
    ResolvedTarget target;
    uint32_t perMillion = 0; // Envoy's FractionalPercent numerator (MILLION denominator)
    double probability() const { return perMillion / 1e6; }
};

struct FaultOutcome
{
    uint32_t delayPerMillion = 0;
    int64_t delayMs = 0;
    uint32_t abortPerMillion = 0;
    int abortStatus = 0;        // HTTP status; 0 for a gRPC abort
    std::string abortGrpcStatus;

    double delayProbability() const { return delayPerMillion / 1e6; }
    double abortProbability() const { return abortPerMillion / 1e6; }
    // The status a client sees when the abort fires: gRPC aborts travel in
    // trailers of an HTTP 200.
    int abortHttpStatus() const { return abortStatus != 0 ? abortStatus : 200; }
};

// Which rule of which routing resource decided: one shape for VirtualService
// http/tcp/tls routes and the Gateway API's route rules, so the CLI, the
// request tester and the simulator name a rule the same way whatever wrote it.
struct RuleRef
{
    std::string kind;    // "VirtualService", "HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute"
    std::string ns;
    std::string name;
    std::string section; // "http", "tcp" or "tls": the protocol family of the rule list
    int index = -1;      // position in that list (VirtualService http[i], HTTPRoute rules[i])
    int match = -1;      // the match that matched; -1 when the rule has no match list
};

// Where a redirect sends the client, in parts (Location is their sum).
struct RedirectOutcome
{
    int status = 0;
    std::string scheme;
    std::string hostname;
    std::optional<uint32_t> port; // empty: the scheme's default, left out of Location
    std::string path;
};

// What a rewrite changes in the forwarded request; empty fields are unchanged.
struct RewriteOutcome
{
    std::string hostname;
    std::string path;
};

enum class RouteAction {
    Forward,        // to weighted destinations
    Redirect,       // 3xx with a Location
    DirectResponse, // a fixed status (and body)
    NoRoute,        // 404: no virtual host or no route matched (Envoy NR)
    Failure,        // the route exists but cannot forward (no destination, all weights 0)
};

// What a sidecar or gateway does with one request, and why. The deterministic
// part only: a Forward decision lists every destination with its probability
// instead of picking one (the Simulator samples from it).
struct RouteDecision
{
    std::string host;           // the FQDN routed (or the gateway authority's host)
    std::string gateway;        // "ns/name" when entered through a Gateway
    uint32_t port = 0;          // the listener port used
    std::string virtualService; // "ns/name"; empty: no VirtualService applied
    int httpRoute = -1;         // index in the VirtualService's http list, -1 if none
    std::string routeName;      // that route's name (may be empty)
    int matchBlock = -1;        // index of the match block that matched, -1 for none/no match list
    std::optional<RuleRef> rule; // the rule that routed; empty when none did
    RouteAction action = RouteAction::NoRoute;
    // Forward: the status of the most likely outcome (200 unless most of the
    // traffic lands on a broken destination); otherwise the status returned.
    int status = 404;
    std::string redirectLocation; // Redirect only
    std::optional<RedirectOutcome> redirect; // Redirect only
    std::optional<RewriteOutcome> rewrite;   // Forward with a rewrite
    std::vector<DestinationOutcome> destinations;
    std::vector<MirrorOutcome> mirrors;
    FaultOutcome fault;
    std::vector<std::string> explanation;

    // Probability of each status before faults (Forward: 200 vs 503 shares).
    std::map<int, double> statusShares() const;
    // What the client gets, faults included: an abort answers its share
    // with its own status before anything is routed (a 100 % abort of a
    // route that forwards is a 500, not a 200).
    std::map<int, double> outcomes() const;
    // Forward: the status most of the traffic gets (ties go to the failure).
    int forwardStatus() const;
};

} // namespace meshlane
