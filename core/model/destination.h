// SPDX-License-Identifier: MIT
#pragma once

#include "model/sourcelocation.h"

#include <cstdint>
#include <optional>
#include <string>

namespace meshlane {

// Istio Destination: a host, an optional subset and an optional port.
struct Destination
{
    std::string host; // as written
    std::string fqdn; // short names expanded against the rule's namespace
    std::string subset;
    std::optional<uint32_t> port;
    SourceLocation location;
    // Of the `host:` / `subset:` values (the destination's own location when
    // absent), so a finding points at the word to change.
    SourceLocation hostLocation;
    SourceLocation subsetLocation;
    // A Gateway API backendRef that does not resolve (InvalidKind,
    // BackendNotFound, RefNotPermitted): its share of requests is answered
    // with 500, its share of connections closed.
    std::string unresolvedReason;

    std::string label() const { return subset.empty() ? host : host + ':' + subset; }
};

// One entry of `route:` — a destination and its relative weight.
struct RouteDestination
{
    Destination destination;
    std::optional<int64_t> weight; // absent as written; see effectiveWeight()
    SourceLocation weightLocation;
    SourceLocation location;
};

// One entry of `mirrors:` (Istio 1.22+).
struct MirrorPolicy
{
    Destination destination;
    std::optional<double> percentage; // absent = 100 %
    SourceLocation location;
};

} // namespace meshlane
