// SPDX-License-Identifier: MIT
#include "routing/gatewayapil4routes.h"

#include "routing/backenddestination.h"
#include "routing/gatewayapiattachment.h"

#include <algorithm>
#include <tuple>

namespace meshlane {

namespace {

bool isL4Listener(const GatewayListener &listener) { return listener.protocol == "TCP" || listener.protocol == "TLS"; }

// The Istio Gateway server Istio's buildListener makes of a listener.
GatewayServer serverOf(const GatewayListener &listener)
{
    GatewayServer server;
    server.portNumber = listener.port;
    server.protocol = listener.protocol;
    server.name = listener.name;
    server.location = listener.location;
    server.hosts = {"*/" + (listener.hostname.empty() ? std::string("*") : listener.hostname)};
    if (listener.protocol == "TLS")
        server.tlsMode = listener.tlsMode == "Passthrough" ? "PASSTHROUGH" : "SIMPLE";
    return server;
}

// Istio's buildTCPDestination: weight-0 backends are dropped, a lone one
// takes everything; with no weight above 0 the connection goes to a cluster
// that does not exist, so it is refused.
std::vector<RouteDestination> destinationsOf(const Mesh &mesh, const GatewayApiRoute &route, const RouteRule &rule,
                                             bool enforceGrant)
{
    std::vector<RouteDestination> destinations = weightedDestinations(mesh, route, rule, enforceGrant);
    if (destinations.empty()) {
        RouteDestination refused;
        refused.destination.host = refused.destination.fqdn = "internal.cluster.local";
        refused.destination.subset = "zero-weight";
        refused.destination.port = 65535;
        refused.destination.location = refused.location = rule.backendRefsLocation;
        refused.destination.unresolvedReason = "no backendRef has a weight above 0";
        destinations.push_back(std::move(refused));
    }
    return destinations;
}

std::shared_ptr<VirtualService> convert(const Mesh &mesh, const GatewayApiRoute &route, std::vector<std::string> hosts,
                                        const std::string &gateway, bool enforceGrant, std::optional<uint32_t> port,
                                        const std::vector<std::string> &sniHosts)
{
    auto generated = std::make_shared<VirtualService>();
    generated->meta = route.meta;
    generated->hosts = hosts;
    generated->hostFqdns = std::move(hosts);
    generated->gateways = {gateway};
    const bool tls = route.meta.kind == "TLSRoute";
    for (const RouteRule &rule : route.rules) {
        L4Route converted;
        converted.location = rule.location;
        converted.route = destinationsOf(mesh, route, rule, enforceGrant);
        if (tls || port) {
            L4Match match;
            match.location = rule.location;
            match.port = port;
            if (tls)
                match.sniHosts = sniHosts;
            converted.match.push_back(std::move(match));
        }
        (tls ? generated->tls : generated->tcp).push_back(std::move(converted));
    }
    return generated;
}

// compatibleRoutesForHost: of several SNI hosts, a mesh parent keeps those its host matches.
std::vector<std::string> compatibleSniHosts(const std::vector<std::string> &sniHosts, const std::string &fqdn)
{
    if (sniHosts.size() <= 1)
        return sniHosts;
    std::vector<std::string> kept;
    for (const std::string &sni : sniHosts) {
        if (hostMatchesPattern(sni, fqdn))
            kept.push_back(sni);
    }
    return kept;
}

} // namespace

GatewayApiL4Routes::GatewayApiL4Routes(const Mesh &mesh)
{
    for (const auto &gateway : mesh.k8sGateways) {
        std::vector<Listener> &listeners = m_listeners[gateway->ref()];
        for (const GatewayListener &listener : gateway->listeners) {
            if (!isL4Listener(listener))
                continue;
            Listener entry;
            entry.gateway = gateway.get();
            entry.listener = &listener;
            entry.generated.meta = gateway->meta;
            entry.generated.meta.kind = "Gateway";
            entry.generated.servers = {serverOf(listener)};
            if (listener.protocol == "TLS" && listener.tlsMode.empty())
                entry.problem = "it is TLS without a tls section, so Istio builds no server for it";
            listeners.push_back(std::move(entry));
        }
    }
    // Oldest route first, as Istio orders the VirtualServices of a gateway or host.
    std::vector<const GatewayApiRoute *> routes;
    for (const auto &route : mesh.gatewayApiRoutes) {
        // Istio converts nothing of a route with a hard error.
        if (!route->isHttpLike() && hardError(*route).empty())
            routes.push_back(route.get());
    }
    std::stable_sort(routes.begin(), routes.end(), [](const GatewayApiRoute *a, const GatewayApiRoute *b) {
        return std::tie(a->meta.creationTimestamp, a->meta.ns, a->meta.name)
            < std::tie(b->meta.creationTimestamp, b->meta.ns, b->meta.name);
    });
    for (const GatewayApiRoute *route : routes) {
        const bool tls = route->meta.kind == "TLSRoute";
        for (const ParentAttachment &attachment : attachRoute(mesh, *route)) {
            if (!attachment.accepted())
                continue;
            if (attachment.service) {
                const std::string fqdn = attachment.service->fqdn();
                std::vector<std::string> sniHosts;
                if (tls)
                    sniHosts = compatibleSniHosts(
                        route->hostnames.empty() ? std::vector<std::string>{fqdn} : route->hostnames, fqdn);
                m_mesh[fqdn].push_back(convert(mesh, *route, {fqdn}, "mesh", false, attachment.parent->port, sniHosts));
                continue;
            }
            std::vector<Listener> &listeners = m_listeners[attachment.gateway->ref()];
            for (const ListenerAttachment &attached : attachment.listeners) {
                const auto listener = std::find_if(listeners.begin(), listeners.end(), [&](const Listener &entry) {
                    return entry.listener == attached.listener;
                });
                // Two parentRefs naming one listener attach the route to it once.
                if (listener == listeners.end()
                    || std::any_of(listener->virtualServices.begin(), listener->virtualServices.end(),
                                   [&](const auto &bound) { return bound->meta.id() == route->meta.id(); }))
                    continue;
                // TLS: the route's hostnames narrowed to the listener's
                // (constrainTLSRoutesToListenerHost); TCP routes take any host.
                const std::vector<std::string> hosts = tls ? attached.hostnames : std::vector<std::string>{"*"};
                listener->virtualServices.push_back(
                    convert(mesh, *route, hosts, attachment.gateway->ref(), true, std::nullopt, attached.hostnames));
            }
        }
    }
}

std::vector<const GatewayApiL4Routes::Listener *> GatewayApiL4Routes::listeners(const std::string &ref,
                                                                                uint32_t port) const
{
    std::vector<const Listener *> found;
    for (const Listener *listener : listeners(ref)) {
        if (listener->listener->port == port)
            found.push_back(listener);
    }
    return found;
}

std::vector<const GatewayApiL4Routes::Listener *> GatewayApiL4Routes::listeners(const std::string &ref) const
{
    std::vector<const Listener *> found;
    if (const auto it = m_listeners.find(ref); it != m_listeners.end()) {
        for (const Listener &listener : it->second)
            found.push_back(&listener);
    }
    return found;
}

std::vector<const VirtualService *> GatewayApiL4Routes::meshRoutesFor(const std::string &fqdn) const
{
    std::vector<const VirtualService *> found;
    if (const auto it = m_mesh.find(fqdn); it != m_mesh.end()) {
        for (const auto &virtualService : it->second)
            found.push_back(virtualService.get());
    }
    return found;
}

} // namespace meshlane
