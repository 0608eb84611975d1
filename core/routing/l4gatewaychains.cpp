// SPDX-License-Identifier: MIT
#include "routing/l4gatewaychains.h"

#include "base/translatedtext.h"
#include "model/hostname.h"
#include "model/portprotocol.h"
#include "routing/gatewayroutes.h"

#include <algorithm>
#include <set>

namespace meshlane {

namespace {

std::string refOf(const ResourceMeta &meta) { return meta.ns + '/' + meta.name; }

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const std::string &item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

void explain(std::vector<std::string> *why, const TranslatedText &line)
{
    if (why)
        why->push_back(line.text());
}

// At gateways Istio checks only `port` and `gateways` (l4SingleMatch).
bool gatewayApplies(const L4Match &match, const VirtualService &virtualService, const std::string &ref, uint32_t port,
                    std::string *whyNot)
{
    if (match.port && *match.port != port) {
        *whyNot = MESHLANE_TR("meshlane::L4GatewayChains", "port is %1 (wants %2)").arg(port).arg(*match.port).text();
        return false;
    }
    if (!match.gateways.empty() && !listsGateway(match.gateways, virtualService, ref)) {
        *whyNot = MESHLANE_TR("meshlane::L4GatewayChains", "it names gateways %1, not %2")
                      .arg(joined(match.gateways))
                      .arg(ref)
                      .text();
        return false;
    }
    return true;
}

bool isPassthrough(const GatewayServer &server)
{
    const std::string mode = toLower(server.tlsMode);
    return portProtocolFromName(server.protocol) == PortProtocol::Tls
        && (mode.empty() || mode == "passthrough" || mode == "auto_passthrough");
}

// "outbound_.9000_.v1_.tcp-echo.default.svc.cluster.local" -> port, subset, host.
bool parseAutoPassthroughSni(const std::string &sni, uint32_t *port, std::string *subset, std::string *host)
{
    const std::string prefix = "outbound_.";
    if (sni.rfind(prefix, 0) != 0)
        return false;
    const size_t portEnd = sni.find("_.", prefix.size());
    if (portEnd == std::string::npos)
        return false;
    const size_t subsetEnd = sni.find("_.", portEnd + 2);
    if (subsetEnd == std::string::npos)
        return false;
    const std::string number = sni.substr(prefix.size(), portEnd - prefix.size());
    if (number.empty() || number.size() > 5 || !std::all_of(number.begin(), number.end(), ::isdigit))
        return false;
    *port = uint32_t(std::stoul(number));
    *subset = sni.substr(portEnd + 2, subsetEnd - portEnd - 2);
    if (*subset == "_")
        subset->clear();
    *host = toLower(sni.substr(subsetEnd + 2));
    return *port > 0 && *port <= 65535 && !host->empty();
}

// The first of `rules` with a route whose matches apply at this gateway
// port (l4MultiMatch: a rule without matches applies), into `chain`.
bool firstApplying(const std::vector<L4Route> &rules, const VirtualService &virtualService, const std::string &ref,
                   uint32_t port, L4FilterChain &chain, std::vector<std::string> *why)
{
    for (size_t i = 0; i < rules.size(); ++i) {
        const L4Route &rule = rules[i];
        int matched = rule.match.empty() ? -1 : -2;
        for (size_t j = 0; matched == -2 && j < rule.match.size(); ++j) {
            std::string whyNot;
            if (gatewayApplies(rule.match[j], virtualService, ref, port, &whyNot))
                matched = int(j);
            else
                explain(why, MESHLANE_TR("meshlane::L4GatewayChains", "%1 does not apply to this gateway: %2")
                                 .arg(l4RuleLabel(virtualService, chain.section, int(i), int(j)))
                                 .arg(whyNot));
        }
        if (matched == -2 || rule.route.empty())
            continue;
        chain.rule = &rule;
        chain.index = int(i);
        chain.match = matched;
        return true;
    }
    return false;
}

} // namespace

L4GatewayChains::L4GatewayChains(const Mesh &mesh)
    : m_mesh(mesh)
{
}

std::vector<const VirtualService *> L4GatewayChains::boundTo(const std::string &gatewayRef) const
{
    std::vector<const VirtualService *> bound;
    for (const auto &virtualService : m_mesh.virtualServices) {
        const std::vector<std::string> refs = virtualService->gatewayRefs();
        if (std::find(refs.begin(), refs.end(), gatewayRef) != refs.end())
            bound.push_back(virtualService.get());
    }
    return bound;
}

std::vector<L4FilterChain> L4GatewayChains::chains(const Gateway &gateway, uint32_t port, const std::string &sni,
                                                   std::vector<std::string> *why) const
{
    const std::vector<const VirtualService *> bound = boundTo(refOf(gateway.meta));
    std::vector<BoundServer> servers;
    for (const GatewayServer &server : gateway.servers) {
        if (server.portNumber == port)
            servers.push_back(BoundServer{&server, &gateway, bound});
    }
    return chains(servers, port, sni, why);
}

std::vector<L4FilterChain> L4GatewayChains::chains(const std::vector<BoundServer> &servers, uint32_t port,
                                                   const std::string &sni, std::vector<std::string> *why) const
{
    std::vector<L4FilterChain> chains;
    std::set<std::string> usedServerNames;
    bool plainServer = false;
    for (const BoundServer &bound : servers) {
        const GatewayServer &server = *bound.server;
        const Gateway &gateway = *bound.gateway;
        const std::string ref = refOf(gateway.meta);
        if (isHttpServer(server)) {
            explain(why, MESHLANE_TR("meshlane::L4GatewayChains", "the %1 server on port %2 routes HTTP, not connections")
                             .arg(server.protocol)
                             .arg(port));
            continue;
        }
        if (toLower(server.tlsMode) == "auto_passthrough") {
            // Routed by the SNI Istio's clients set; VirtualServices are not consulted.
            uint32_t targetPort = 0;
            L4FilterChain chain;
            if (parseAutoPassthroughSni(sni, &targetPort, &chain.defaultSubset, &chain.defaultHost)) {
                for (const std::string &written : server.hosts) {
                    const size_t slash = written.find('/');
                    const std::string pattern = slash == std::string::npos ? written : written.substr(slash + 1);
                    if (hostMatchesPattern(pattern, chain.defaultHost) && m_mesh.findService(chain.defaultHost)) {
                        chain.serverNames = {sni};
                        chain.defaultPort = targetPort;
                        chains.push_back(chain);
                        break;
                    }
                }
            }
            explain(why, MESHLANE_TR("meshlane::L4GatewayChains",
                                     "the TLS server on port %1 is AUTO_PASSTHROUGH: it forwards by SNI "
                                     "outbound_.<port>_.<subset>_.<host> and ignores VirtualServices")
                             .arg(port));
            continue;
        }
        if (isPassthrough(server)) {
            for (const VirtualService *virtualService : bound.virtualServices) {
                if (!serverBindsVirtualService(server, gateway, *virtualService))
                    continue;
                for (size_t i = 0; i < virtualService->tls.size(); ++i) {
                    const L4Route &rule = virtualService->tls[i];
                    for (size_t j = 0; !rule.route.empty() && j < rule.match.size(); ++j) {
                        const L4Match &match = rule.match[j];
                        std::string whyNot;
                        if (!gatewayApplies(match, *virtualService, ref, port, &whyNot)) {
                            explain(why, MESHLANE_TR("meshlane::L4GatewayChains", "%1 does not apply to this gateway: %2")
                                             .arg(l4RuleLabel(*virtualService, "tls", int(i), int(j)))
                                             .arg(whyNot));
                            continue;
                        }
                        // CheckDuplicates: a match with an SNI host already served here is skipped whole.
                        if (std::any_of(match.sniHosts.begin(), match.sniHosts.end(),
                                        [&](const std::string &host) { return usedServerNames.count(host) > 0; })) {
                            explain(why, MESHLANE_TR("meshlane::L4GatewayChains",
                                                     "%1 is skipped: an earlier rule on port %2 already serves SNI %3")
                                             .arg(l4RuleLabel(*virtualService, "tls", int(i), int(j)))
                                             .arg(port)
                                             .arg(joined(match.sniHosts)));
                            continue;
                        }
                        usedServerNames.insert(match.sniHosts.begin(), match.sniHosts.end());
                        L4FilterChain chain;
                        chain.virtualService = virtualService;
                        chain.rule = &rule;
                        chain.section = "tls";
                        chain.index = int(i);
                        chain.match = int(j);
                        chain.serverNames = chainServerNames(match.sniHosts);
                        chains.push_back(chain);
                    }
                }
            }
            continue;
        }
        // TCP, or TLS terminated at the gateway: one chain, the first tcp rule that applies.
        const bool terminating = portProtocolFromName(server.protocol) == PortProtocol::Tls;
        if (!terminating && plainServer) {
            explain(why, MESHLANE_TR("meshlane::L4GatewayChains",
                                     "a second TCP server on port %1 conflicts with the first; Istio skips it")
                             .arg(port));
            continue;
        }
        plainServer = plainServer || !terminating;
        bool found = false;
        for (size_t v = 0; !found && v < bound.virtualServices.size(); ++v) {
            const VirtualService &virtualService = *bound.virtualServices[v];
            if (!serverBindsVirtualService(server, gateway, virtualService))
                continue;
            L4FilterChain chain;
            chain.virtualService = &virtualService;
            found = firstApplying(virtualService.tcp, virtualService, ref, port, chain, why);
            // A TLSRoute on a listener that terminates TLS: Istio falls back to its tls rules.
            if (!found && terminating && virtualService.meta.kind == "TLSRoute") {
                chain.section = "tls";
                found = firstApplying(virtualService.tls, virtualService, ref, port, chain, why);
            }
            if (!found)
                continue;
            if (terminating) {
                for (const std::string &written : server.hosts) {
                    const size_t slash = written.find('/');
                    chain.serverNames.push_back(slash == std::string::npos ? written : written.substr(slash + 1));
                }
                chain.serverNames = chainServerNames(chain.serverNames);
            }
            chains.push_back(chain);
        }
        if (!found)
            explain(why, MESHLANE_TR("meshlane::L4GatewayChains",
                                     "no tcp route of a VirtualService bound to Gateway %1 applies to the %2 server "
                                     "on port %3, so that server gets no filter chain")
                             .arg(ref)
                             .arg(server.protocol)
                             .arg(port));
    }
    return chains;
}

} // namespace meshlane
