// SPDX-License-Identifier: MIT
#include "routing/l4filterchain.h"

#include "model/hostname.h"

#include <algorithm>
#include <optional>

namespace meshlane {

namespace {

// How specifically `pattern` names `sni`: the exact name beats every
// wildcard, a longer wildcard suffix beats a shorter one; -1: no match.
int serverNameRank(const std::string &pattern, const std::string &sni)
{
    if (!serverNameMatches(pattern, sni))
        return -1;
    return pattern.rfind("*.", 0) == 0 ? int(pattern.size()) : 1000000;
}

} // namespace

std::string L4FilterChain::describe() const
{
    std::string text;
    for (const std::string &name : serverNames)
        text += (text.empty() ? "sni " : ",") + name;
    std::string written;
    for (const std::string &subnet : subnets)
        written += (written.empty() ? "" : ",") + subnet;
    if (!written.empty())
        text += (text.empty() ? "" : ", ") + std::string("destination ") + written;
    return text.empty() ? std::string("any connection") : text;
}

std::vector<std::string> chainServerNames(const std::vector<std::string> &sniHosts)
{
    return std::find(sniHosts.begin(), sniHosts.end(), "*") != sniHosts.end() ? std::vector<std::string>() : sniHosts;
}

bool listsGateway(const std::vector<std::string> &gateways, const VirtualService &virtualService,
                  const std::string &ref)
{
    for (const std::string &gateway : gateways) {
        const std::string resolved = gateway == "mesh" || gateway.find('/') != std::string::npos
            ? gateway
            : virtualService.meta.ns + '/' + gateway;
        if (resolved == ref)
            return true;
    }
    return false;
}

std::string l4RuleLabel(const VirtualService &virtualService, const char *section, int index, int match)
{
    // Converted from a TCPRoute or TLSRoute: its tcp/tls list is the route's rules, in order.
    if (virtualService.meta.kind != "VirtualService")
        return virtualService.meta.kind + ' ' + virtualService.meta.ns + '/' + virtualService.meta.name + " rules["
            + std::to_string(index) + ']';
    std::string text = "VirtualService " + virtualService.meta.ns + '/' + virtualService.meta.name + ' ' + section + '['
        + std::to_string(index) + ']';
    if (match >= 0)
        text += " match[" + std::to_string(match) + ']';
    return text;
}

bool serverNameMatches(const std::string &pattern, const std::string &sni)
{
    if (sni.empty())
        return false;
    const std::string name = toLower(pattern);
    const std::string server = toLower(sni);
    if (name.rfind("*.", 0) == 0) {
        // "*.com" matches "example.com" and "a.example.com"; Envoy strips
        // labels from the left, so the suffix must start at a label.
        const std::string suffix = name.substr(1); // ".com"
        return server.size() > suffix.size() && server.compare(server.size() - suffix.size(), suffix.size(), suffix) == 0;
    }
    return name == server;
}

const L4FilterChain *selectFilterChain(const std::vector<L4FilterChain> &chains, const std::string &destinationIp,
                                       const std::string &sni)
{
    const std::optional<IpPrefix> address = IpPrefix::address(destinationIp);
    // Step 1: the destination address. The longest prefix containing it wins;
    // chains without prefixes only when no prefix contains it.
    int bestLength = -1;
    for (const L4FilterChain &chain : chains) {
        for (const IpPrefix &prefix : chain.prefixes) {
            if (address && prefix.contains(*address) && prefix.length() > bestLength)
                bestLength = prefix.length();
        }
    }
    std::vector<const L4FilterChain *> candidates;
    for (const L4FilterChain &chain : chains) {
        if (bestLength < 0) {
            if (chain.prefixes.empty())
                candidates.push_back(&chain);
            continue;
        }
        for (const IpPrefix &prefix : chain.prefixes) {
            if (prefix.length() == bestLength && prefix.contains(*address)) {
                candidates.push_back(&chain);
                break;
            }
        }
    }
    // Step 2: the server name, among what is left (Envoy does not go back).
    const L4FilterChain *best = nullptr;
    int bestRank = -1;
    for (const L4FilterChain *chain : candidates) {
        int rank = chain->serverNames.empty() ? 0 : -1;
        for (const std::string &name : chain->serverNames) {
            const int named = serverNameRank(name, sni);
            if (named >= 0 && named + 1 > rank)
                rank = named + 1;
        }
        if (rank > bestRank) {
            best = chain;
            bestRank = rank;
        }
    }
    return bestRank >= 0 ? best : nullptr;
}

} // namespace meshlane
