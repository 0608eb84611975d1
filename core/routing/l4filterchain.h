// SPDX-License-Identifier: MIT
#pragma once

#include "base/ipprefix.h"
#include "model/virtualservice.h"

#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// One Envoy filter chain of a TCP or TLS listener, as Istio builds it from a
// tcp or tls rule: what it matches per connection (destination prefixes,
// server names) and the rule whose tcp_proxy it runs. A chain without a rule
// proxies to `defaultHost` (the Service itself, or an auto-passthrough SNI).
struct L4FilterChain
{
    std::vector<IpPrefix> prefixes;       // empty: any destination address
    std::vector<std::string> subnets;     // the prefixes as written, for the explanation
    std::vector<std::string> serverNames; // empty: any (or no) SNI
    const VirtualService *virtualService = nullptr;
    const L4Route *rule = nullptr;
    const char *section = "tcp"; // or "tls": the list `rule` is in
    int index = -1; // in the VirtualService's tcp or tls list
    int match = -1; // the match that built the chain; -1 for a rule without matches
    std::string defaultHost; // FQDN
    std::string defaultSubset;
    std::optional<uint32_t> defaultPort;

    std::string describe() const; // "sni a.example.com", "destination 10.0.0.0/8", "any connection"
};

// Envoy's filter chain choice: the most specific destination prefix, then the
// most specific server name (exact, then the longest "*.suffix", then chains
// without server names); among equals the first. Null when none matches.
// `destinationIp` may be empty (unknown: only prefix-less chains can match)
// and so may `sni` (the client sent none).
const L4FilterChain *selectFilterChain(const std::vector<L4FilterChain> &chains, const std::string &destinationIp,
                                       const std::string &sni);

// Istio drops the server names of a match that lists "*": it takes any SNI.
std::vector<std::string> chainServerNames(const std::vector<std::string> &sniHosts);

// True when `gateways` (a match's or a VirtualService's) names `ref`: "mesh"
// for sidecars, "ns/name" for a Gateway; a bare name is in the rule's namespace.
bool listsGateway(const std::vector<std::string> &gateways, const VirtualService &virtualService,
                  const std::string &ref);

// "VirtualService ns/name tcp[1] match[0]", or "TCPRoute ns/name rules[1]" for
// a rule converted from the Gateway API: how explanations name a rule.
std::string l4RuleLabel(const VirtualService &virtualService, const char *section, int index, int match);

// Envoy's server-name match: "a.b.com" matches "a.b.com", "*.b.com", "*.com".
bool serverNameMatches(const std::string &pattern, const std::string &sni);

} // namespace meshlane
