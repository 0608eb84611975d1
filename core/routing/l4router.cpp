// SPDX-License-Identifier: MIT
#include "routing/l4router.h"

#include "base/percenttext.h"
#include "base/translatedtext.h"
#include "model/hostname.h"
#include "routing/gatewayapil4routes.h"
#include "routing/gatewayroutes.h"
#include "routing/l4gatewaychains.h"

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

std::string labelsText(const Labels &labels)
{
    std::string text;
    for (const auto &[key, value] : labels)
        text += (text.empty() ? "" : ",") + key + '=' + value;
    return text.empty() ? std::string("none") : text;
}

void explain(std::vector<std::string> *why, const TranslatedText &line)
{
    if (why)
        why->push_back(line.text());
}

// Istio's static predicates for a sidecar (matchTCP / matchTLS): evaluated
// when the proxy's configuration is built, not per connection.
bool sidecarApplies(const L4Match &match, const VirtualService &virtualService, const HttpRequest &request,
                    uint32_t port, std::string *whyNot)
{
    if (!match.gateways.empty() && !listsGateway(match.gateways, virtualService, "mesh")) {
        *whyNot = MESHLANE_TR("meshlane::L4Router", "it names gateways %1, not mesh").arg(joined(match.gateways)).text();
        return false;
    }
    if (match.port && *match.port != port) {
        *whyNot = MESHLANE_TR("meshlane::L4Router", "port is %1 (wants %2)").arg(port).arg(*match.port).text();
        return false;
    }
    if (!labelsMatch(match.sourceLabels, request.sourceLabels)) {
        *whyNot = MESHLANE_TR("meshlane::L4Router", "source labels are %1 (wants %2)")
                      .arg(labelsText(request.sourceLabels))
                      .arg(labelsText(match.sourceLabels))
                      .text();
        return false;
    }
    if (!match.sourceNamespace.empty() && match.sourceNamespace != request.sourceNamespace) {
        *whyNot = MESHLANE_TR("meshlane::L4Router", "source namespace is %1 (wants %2)")
                      .arg(request.sourceNamespace)
                      .arg(match.sourceNamespace)
                      .text();
        return false;
    }
    return true;
}

} // namespace

L4Router::L4Router(const Mesh &mesh, const DestinationResolver &resolver)
    : m_mesh(mesh)
    , m_resolver(resolver)
    , m_gatewayApi(std::make_unique<GatewayApiL4Routes>(mesh))
{
}

L4Router::~L4Router() = default;

std::string L4Router::connectionText(const HttpRequest &request)
{
    const uint32_t port = request.port ? request.port : request.authorityPort();
    const std::string target = request.hostName() + (port ? ':' + std::to_string(port) : std::string());
    switch (request.protocol) {
    case ConnectionProtocol::Tcp:
        return MESHLANE_TR("meshlane::L4Router", "TCP connection to %1").arg(target).text();
    case ConnectionProtocol::Tls:
        return (request.sni.empty() ? MESHLANE_TR("meshlane::L4Router", "TLS connection without SNI to %1")
                                    : MESHLANE_TR("meshlane::L4Router", "TLS connection (SNI %2) to %1"))
            .arg(target)
            .arg(request.sni)
            .text();
    case ConnectionProtocol::Http:
        break;
    }
    return MESHLANE_TR("meshlane::L4Router", "HTTP request to %1").arg(target).text();
}

std::optional<PortProtocol> L4Router::listenerProtocol(const std::string &fqdn, uint32_t port) const
{
    if (const Service *service = m_mesh.findService(fqdn)) {
        for (const ServicePort &written : service->ports) {
            if (written.port == port)
                return portProtocolOf(written);
        }
        return std::nullopt;
    }
    for (const ServiceEntry *entry : m_mesh.serviceEntriesFor(fqdn)) {
        for (const ServiceEntryPort &written : entry->ports) {
            if (written.number == port)
                return portProtocolFromName(written.protocol);
        }
    }
    return std::nullopt;
}

bool L4Router::handlesSidecar(const HttpRequest &request, const std::string &fqdn, uint32_t port) const
{
    if (request.protocol != ConnectionProtocol::Http)
        return true;
    return listenerProtocol(fqdn, port) == PortProtocol::Tcp;
}

bool L4Router::handlesGateway(const HttpRequest &request) const
{
    if (request.protocol != ConnectionProtocol::Http)
        return true;
    const Gateway *gateway = m_mesh.findGateway(request.gateway);
    const uint32_t port = request.port ? request.port : request.authorityPort();
    if (port == 0)
        return false;
    if (!gateway) {
        // A Gateway API Gateway: its HTTP listeners on the port win.
        const auto k8s = std::find_if(m_mesh.k8sGateways.begin(), m_mesh.k8sGateways.end(),
                                      [&](const auto &candidate) { return candidate->ref() == request.gateway; });
        if (k8s == m_mesh.k8sGateways.end())
            return false;
        const auto &listeners = (*k8s)->listeners;
        return std::none_of(listeners.begin(), listeners.end(),
                            [&](const GatewayListener &listener) { return listener.port == port && listener.isHttp(); })
            && !m_gatewayApi->listeners(request.gateway, port).empty();
    }
    bool connectionServer = false;
    for (const GatewayServer &server : gateway->servers) {
        if (server.portNumber != port)
            continue;
        if (isHttpServer(server))
            return false;
        connectionServer = true;
    }
    return connectionServer;
}

void L4Router::routeFromSidecar(const HttpRequest &request, const VirtualService *virtualService,
                                RouteDecision &decision, std::vector<std::string> *why) const
{
    const uint32_t port = decision.port;
    const std::optional<PortProtocol> listener = listenerProtocol(decision.host, port);
    if (!listener) {
        if (!m_mesh.findService(decision.host) && m_mesh.serviceEntriesFor(decision.host).empty()) {
            decision.action = RouteAction::NoRoute;
            decision.status = 404;
            explain(why, MESHLANE_TR("meshlane::L4Router",
                                     "no Service or ServiceEntry is named %1, so the sidecar has no listener for it: "
                                     "the connection leaves unrouted through PassthroughCluster (ALLOW_ANY) or is "
                                     "closed (REGISTRY_ONLY); reported as 404")
                             .arg(decision.host));
            return;
        }
        explain(why, MESHLANE_TR("meshlane::L4Router", "%1 has no port %2, so the sidecar has no listener for it")
                         .arg(decision.host)
                         .arg(port));
        passthrough(request, decision, why);
        return;
    }
    explain(why, MESHLANE_TR("meshlane::L4Router", "port %1 of %2 is %3")
                     .arg(port)
                     .arg(decision.host)
                     .arg(portProtocolName(*listener)));
    if (*listener == PortProtocol::Udp) {
        explain(why, MESHLANE_TR("meshlane::L4Router", "Istio builds no listener for UDP ports"));
        passthrough(request, decision, why);
        return;
    }
    if (*listener == PortProtocol::Http) {
        decision.action = RouteAction::NoRoute;
        decision.status = 404;
        explain(why, MESHLANE_TR("meshlane::L4Router",
                                 "the sidecar's HTTP connection manager cannot parse a TCP or TLS stream and closes "
                                 "the connection (reported as 404); name the port tcp-* or tls-* for tcp or tls routes"));
        return;
    }
    if (request.protocol == ConnectionProtocol::Http)
        explain(why, MESHLANE_TR("meshlane::L4Router",
                                 "the sidecar proxies the request as an opaque TCP stream: tcp routes apply, not http "
                                 "routes"));
    const bool tlsPort = *listener == PortProtocol::Tls;
    std::vector<L4FilterChain> chains;
    const std::vector<const VirtualService *> rules =
        sidecarRules(request, virtualService, decision.host, tlsPort, why);
    if (!rules.empty()) {
        chains = tlsPort ? sidecarTlsChains(request, rules, port, why) : sidecarTcpChains(request, rules, port, why);
    } else {
        chains.push_back(L4FilterChain());
        explain(why, MESHLANE_TR("meshlane::L4Router", "no VirtualService applies"));
    }
    const std::string sni = request.protocol == ConnectionProtocol::Tls ? request.sni : std::string();
    const L4FilterChain *chain = selectFilterChain(chains, request.destinationIp, sni);
    if (!chain) {
        explain(why, MESHLANE_TR("meshlane::L4Router", "no filter chain matches the connection's SNI and address"));
        passthrough(request, decision, why);
        return;
    }
    forward(*chain, port, decision, why);
}

std::vector<const VirtualService *> L4Router::sidecarRules(const HttpRequest &request, const VirtualService *written,
                                                          const std::string &fqdn, bool tlsPort,
                                                          std::vector<std::string> *why) const
{
    std::vector<const VirtualService *> rules;
    const auto take = [&](const VirtualService *rule) {
        rules.push_back(rule);
        if (tlsPort && !rule->tcp.empty())
            explain(why, MESHLANE_TR("meshlane::L4Router", "its tcp routes do not apply to a TLS port"));
        if (!tlsPort && !rule->tls.empty())
            explain(why, MESHLANE_TR("meshlane::L4Router", "its tls routes apply only to ports declared TLS or HTTPS"));
    };
    if (written) {
        explain(why, MESHLANE_TR("meshlane::L4Router", "VirtualService %1 applies to %2 for sidecars")
                         .arg(refOf(written->meta))
                         .arg(fqdn));
        take(written);
    }
    std::string serviceName;
    std::string serviceNamespace;
    splitServiceFqdn(fqdn, &serviceName, &serviceNamespace);
    for (const VirtualService *route : m_gatewayApi->meshRoutesFor(fqdn)) {
        // GAMMA: a producer route (the Service's namespace) serves every
        // caller, a consumer route only callers in its own namespace.
        if (route->meta.ns != serviceNamespace && route->meta.ns != request.sourceNamespace) {
            explain(why, MESHLANE_TR("meshlane::L4Router",
                                     "%1 %2 is a consumer route of namespace %3: it applies only to callers there")
                             .arg(route->meta.kind)
                             .arg(refOf(route->meta))
                             .arg(route->meta.ns));
            continue;
        }
        explain(why, MESHLANE_TR("meshlane::L4Router", "%1 %2 (parentRef Service %3) applies to %3 for sidecars")
                         .arg(route->meta.kind)
                         .arg(refOf(route->meta))
                         .arg(fqdn));
        take(route);
    }
    return rules;
}

std::vector<L4FilterChain> L4Router::sidecarTcpChains(const HttpRequest &request,
                                                      const std::vector<const VirtualService *> &rules, uint32_t port,
                                                      std::vector<std::string> *why) const
{
    std::vector<L4FilterChain> chains;
    for (const VirtualService *applying : rules) {
        const VirtualService &virtualService = *applying;
        for (size_t i = 0; i < virtualService.tcp.size(); ++i) {
            const L4Route &rule = virtualService.tcp[i];
            if (rule.route.empty())
                continue;
            L4FilterChain chain;
            chain.virtualService = &virtualService;
            chain.rule = &rule;
            chain.index = int(i);
            if (rule.match.empty()) {
                chains.push_back(chain); // match-all: first match wins, later rules are never reached
                return chains;
            }
            for (size_t j = 0; j < rule.match.size(); ++j) {
                const L4Match &match = rule.match[j];
                std::string whyNot;
                if (!sidecarApplies(match, virtualService, request, port, &whyNot)) {
                    explain(why, MESHLANE_TR("meshlane::L4Router", "%1 does not apply to this sidecar: %2")
                                     .arg(l4RuleLabel(virtualService, "tcp", int(i), int(j)))
                                     .arg(whyNot));
                    continue;
                }
                if (match.destinationSubnets.empty()) {
                    L4FilterChain catchAll = chain;
                    catchAll.match = int(j);
                    catchAll.prefixes.clear();
                    catchAll.subnets.clear();
                    chains.push_back(catchAll);
                    return chains;
                }
                // Istio gathers the subnets of every applying match of a rule into one chain.
                if (chain.match < 0)
                    chain.match = int(j);
                for (const std::string &subnet : match.destinationSubnets) {
                    if (const std::optional<IpPrefix> prefix = IpPrefix::parse(subnet)) {
                        chain.prefixes.push_back(*prefix);
                        chain.subnets.push_back(subnet);
                    }
                }
            }
            if (!chain.prefixes.empty())
                chains.push_back(chain);
        }
    }
    chains.push_back(L4FilterChain()); // no rule takes every connection: the Service's own chain does
    return chains;
}

std::vector<L4FilterChain> L4Router::sidecarTlsChains(const HttpRequest &request,
                                                      const std::vector<const VirtualService *> &rules, uint32_t port,
                                                      std::vector<std::string> *why) const
{
    std::vector<L4FilterChain> chains;
    std::set<std::string> seen;
    for (const VirtualService *applying : rules) {
        const VirtualService &virtualService = *applying;
        for (size_t i = 0; i < virtualService.tls.size(); ++i) {
            const L4Route &rule = virtualService.tls[i];
            if (rule.route.empty())
                continue;
            for (size_t j = 0; j < rule.match.size(); ++j) {
                const L4Match &match = rule.match[j];
                std::string whyNot;
                if (!sidecarApplies(match, virtualService, request, port, &whyNot)) {
                    explain(why, MESHLANE_TR("meshlane::L4Router", "%1 does not apply to this sidecar: %2")
                                     .arg(l4RuleLabel(virtualService, "tls", int(i), int(j)))
                                     .arg(whyNot));
                    continue;
                }
                // Istio keeps the first match per (SNI hosts, subnets) pair.
                if (!seen.insert(joined(match.sniHosts) + '|' + joined(match.destinationSubnets)).second)
                    continue;
                L4FilterChain chain;
                chain.virtualService = &virtualService;
                chain.rule = &rule;
                chain.section = "tls";
                chain.index = int(i);
                chain.match = int(j);
                chain.serverNames = chainServerNames(match.sniHosts);
                for (const std::string &subnet : match.destinationSubnets) {
                    if (const std::optional<IpPrefix> prefix = IpPrefix::parse(subnet)) {
                        chain.prefixes.push_back(*prefix);
                        chain.subnets.push_back(subnet);
                    }
                }
                chains.push_back(chain);
            }
        }
    }
    if (chains.empty()) {
        // No tls rule applies: Istio treats the port as opaque TCP to the Service.
        explain(why, MESHLANE_TR("meshlane::L4Router", "no tls route applies: the port is proxied as opaque TCP"));
        chains.push_back(L4FilterChain());
    }
    return chains;
}

void L4Router::routeThroughGateway(const HttpRequest &request, RouteDecision &decision,
                                   std::vector<std::string> *why) const
{
    decision.gateway = request.gateway;
    decision.host = request.hostName();
    explain(why, MESHLANE_TR("meshlane::L4Router", "%1 enters through Gateway %2")
                     .arg(connectionText(request))
                     .arg(request.gateway));
    if (request.protocol == ConnectionProtocol::Http)
        explain(why, MESHLANE_TR("meshlane::L4Router",
                                 "the gateway has only TCP or TLS servers on that port: it proxies the request as a "
                                 "TCP stream, so tcp and tls routes apply, not http routes"));
    decision.action = RouteAction::NoRoute;
    decision.status = 404;
    const Gateway *gateway = m_mesh.findGateway(request.gateway);
    if (!gateway && !m_gatewayApi->listeners(request.gateway).empty()) {
        routeThroughK8sGateway(request, decision, why);
        return;
    }
    if (!gateway) {
        explain(why, MESHLANE_TR("meshlane::L4Router", "there is no Gateway %1").arg(request.gateway));
        return;
    }
    uint32_t port = request.port ? request.port : request.authorityPort();
    if (port == 0) {
        // No port given: the first server that takes this kind of connection.
        for (const GatewayServer &server : gateway->servers) {
            const bool tls = portProtocolFromName(server.protocol) == PortProtocol::Tls;
            if (!isHttpServer(server) && tls == (request.protocol == ConnectionProtocol::Tls)) {
                port = server.portNumber;
                break;
            }
        }
    }
    decision.port = port;
    const std::string sni = request.protocol == ConnectionProtocol::Tls ? request.sni : std::string();
    choose(L4GatewayChains(m_mesh).chains(*gateway, port, sni, why), sni, port, decision, why);
}

void L4Router::routeThroughK8sGateway(const HttpRequest &request, RouteDecision &decision,
                                      std::vector<std::string> *why) const
{
    const bool tls = request.protocol == ConnectionProtocol::Tls;
    uint32_t port = request.port ? request.port : request.authorityPort();
    if (port == 0) {
        // No port given: the first listener that takes this kind of connection.
        for (const GatewayApiL4Routes::Listener *listener : m_gatewayApi->listeners(request.gateway)) {
            if ((listener->listener->protocol == "TLS") == tls) {
                port = listener->listener->port;
                break;
            }
        }
    }
    decision.port = port;
    std::vector<L4GatewayChains::BoundServer> servers;
    for (const GatewayApiL4Routes::Listener *listener : m_gatewayApi->listeners(request.gateway, port)) {
        const std::string name = listener->listener->name;
        if (!listener->problem.empty()) {
            explain(why, MESHLANE_TR("meshlane::L4Router", "listener %1 is left out: %2")
                             .arg(name)
                             .arg(listener->problem));
            continue;
        }
        L4GatewayChains::BoundServer server{&listener->generated.servers.front(), &listener->generated, {}};
        std::vector<std::string> attached;
        for (const auto &virtualService : listener->virtualServices) {
            server.virtualServices.push_back(virtualService.get());
            attached.push_back(virtualService->meta.kind + ' ' + refOf(virtualService->meta));
        }
        explain(why, (attached.empty() ? MESHLANE_TR("meshlane::L4Router", "listener %1 (%2, port %3) has no routes")
                                       : MESHLANE_TR("meshlane::L4Router",
                                                     "listener %1 (%2, port %3) has routes %4, oldest first"))
                         .arg(name)
                         .arg(listener->listener->protocol
                              + (listener->listener->tlsMode.empty() ? std::string()
                                                                     : ' ' + listener->listener->tlsMode))
                         .arg(port)
                         .arg(joined(attached)));
        servers.push_back(std::move(server));
    }
    const std::string sni = tls ? request.sni : std::string();
    choose(L4GatewayChains(m_mesh).chains(servers, port, sni, why), sni, port, decision, why);
}

void L4Router::choose(const std::vector<L4FilterChain> &chains, const std::string &sni, uint32_t port,
                      RouteDecision &decision, std::vector<std::string> *why) const
{
    if (chains.empty()) {
        explain(why, MESHLANE_TR("meshlane::L4Router",
                                 "Gateway %1 has no filter chain for TCP or TLS on port %2, so Istio builds no "
                                 "listener there: the connection is refused (reported as 404)")
                         .arg(decision.gateway)
                         .arg(port));
        return;
    }
    const L4FilterChain *chain = selectFilterChain(chains, std::string(), sni);
    if (!chain) {
        explain(why, (sni.empty() ? MESHLANE_TR("meshlane::L4Router",
                                                "no filter chain of port %1 takes a connection without SNI: gateways "
                                                "have no default chain, so Envoy closes it (reported as 404)")
                                  : MESHLANE_TR("meshlane::L4Router",
                                                "no filter chain of port %1 matches SNI %2: gateways have no default "
                                                "chain, so Envoy closes the connection (reported as 404)"))
                         .arg(port)
                         .arg(sni));
        return;
    }
    forward(*chain, port, decision, why);
}

void L4Router::forward(const L4FilterChain &chain, uint32_t listenerPort, RouteDecision &decision,
                       std::vector<std::string> *why) const
{
    decision.action = RouteAction::Forward;
    if (!chain.rule) {
        ResolvedTarget target;
        if (chain.defaultHost.empty()) {
            target = m_resolver.resolveHost(decision.host);
            explain(why, MESHLANE_TR("meshlane::L4Router",
                                     "the sidecar proxies the connection straight to the host, all its endpoints"));
        } else {
            Destination destination;
            destination.host = destination.fqdn = chain.defaultHost;
            destination.subset = chain.defaultSubset;
            destination.port = chain.defaultPort;
            target = m_resolver.resolve(destination);
        }
        m_resolver.finish(target, listenerPort);
        explain(why, TranslatedText("-> 100 %: " + targetLine(target)));
        decision.status = target.status;
        decision.destinations.push_back({std::move(target), 100, 1.0});
        return;
    }
    const VirtualService &virtualService = *chain.virtualService;
    if (virtualService.meta.kind == "VirtualService") {
        decision.virtualService = refOf(virtualService.meta);
        decision.matchBlock = chain.match;
        decision.rule = RuleRef{"VirtualService", virtualService.meta.ns, virtualService.meta.name, chain.section,
                                chain.index, chain.match};
    } else {
        // A converted TCPRoute or TLSRoute: named by its route, as HTTPRoutes are.
        decision.rule = RuleRef{virtualService.meta.kind, virtualService.meta.ns, virtualService.meta.name, "rules",
                                chain.index, -1};
    }
    const std::string label = l4RuleLabel(virtualService, chain.section, chain.index, chain.match);
    if (chain.match < 0)
        explain(why, MESHLANE_TR("meshlane::L4Router", "%1 has no match conditions, so it takes the connection")
                         .arg(label));
    else
        explain(why, MESHLANE_TR("meshlane::L4Router", "%1 takes the connection (filter chain: %2; match: %3)")
                         .arg(label)
                         .arg(chain.describe())
                         .arg(chain.rule->match[size_t(chain.match)].describe()));
    int64_t total = 0;
    for (size_t k = 0; k < chain.rule->route.size(); ++k) {
        DestinationOutcome outcome;
        const Destination &destination = chain.rule->route[k].destination;
        outcome.target = m_resolver.resolve(destination);
        if (!destination.unresolvedReason.empty()) {
            // A Gateway API backend that does not resolve: Istio keeps its
            // share, sent to a cluster that does not exist, so Envoy closes it.
            outcome.target.status = 503;
            outcome.target.pods.clear();
            outcome.target.problem = MESHLANE_TR("meshlane::L4Router",
                                                 "backendRef %1 does not resolve (%2): Envoy has no cluster for its "
                                                 "share and closes those connections (reported as 503)")
                                         .arg(destination.host)
                                         .arg(destination.unresolvedReason);
        }
        outcome.weight = std::max<int64_t>(chain.rule->effectiveWeight(k), 0);
        total += outcome.weight;
        decision.destinations.push_back(std::move(outcome));
    }
    if (total <= 0) {
        decision.action = RouteAction::Failure;
        decision.status = 503;
        decision.destinations.clear();
        explain(why, MESHLANE_TR("meshlane::L4Router",
                                 "every destination has weight 0: Envoy has no cluster to proxy to and closes the "
                                 "connection (reported as 503)"));
        return;
    }
    for (DestinationOutcome &outcome : decision.destinations) {
        outcome.probability = double(outcome.weight) / double(total);
        m_resolver.finish(outcome.target, listenerPort);
        explain(why, MESHLANE_TR("meshlane::L4Router", "-> %1 (weight %2): %3")
                         .arg(percentText(outcome.probability))
                         .arg(outcome.weight)
                         .arg(targetLine(outcome.target)));
    }
    decision.status = decision.forwardStatus();
}

void L4Router::passthrough(const HttpRequest &request, RouteDecision &decision, std::vector<std::string> *why) const
{
    ResolvedTarget target;
    target.host = "PassthroughCluster";
    const std::string original = request.destinationIp.empty() ? decision.host : request.destinationIp;
    target.note = MESHLANE_TR("meshlane::L4Router", "the original destination %1:%2, unrouted")
                      .arg(original)
                      .arg(decision.port);
    explain(why, MESHLANE_TR("meshlane::L4Router",
                             "the listener's default chain sends it to PassthroughCluster: the original destination, "
                             "unrouted (outboundTrafficPolicy ALLOW_ANY; REGISTRY_ONLY would close it)"));
    decision.action = RouteAction::Forward;
    decision.status = 200;
    decision.destinations.push_back({std::move(target), 100, 1.0});
}

} // namespace meshlane
