// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// One `match` block of a tcp or tls route (Istio's L4MatchAttributes and
// TLSMatchAttributes). `port`, `sourceLabels`, `sourceNamespace` and
// `gateways` select which proxies get the rule; `destinationSubnets` and
// `sniHosts` are matched by Envoy per connection.
struct L4Match
{
    std::optional<uint32_t> port;
    std::vector<std::string> destinationSubnets; // "10.0.0.0/8" or a bare address
    Labels sourceLabels;
    std::string sourceNamespace;
    std::vector<std::string> gateways;
    std::vector<std::string> sniHosts; // tls only, as written (never expanded)
    SourceLocation location;
    SourceLocation destinationSubnetsLocation;
    SourceLocation sniHostsLocation;

    std::string describe() const; // "sni a.example.com, port 443"
    // The match as istioctl compares matches for IST0131: every field, lists in order.
    std::string identity() const;
};

// A field of an http route written into a tcp or tls route (fault, mirror,
// retries...): Istio rejects it, Meshlane keeps it for the analyzer to name.
struct MisplacedField
{
    std::string key;
    SourceLocation location;
};

} // namespace meshlane
