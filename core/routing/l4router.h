// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"
#include "model/portprotocol.h"
#include "routing/destinationresolver.h"
#include "routing/httprequest.h"
#include "routing/l4filterchain.h"
#include "routing/routedecision.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

class GatewayApiL4Routes;

// Decides what Envoy does with a TCP or TLS connection, from the filter
// chains Istio builds out of `tcp` and `tls` routes: on a sidecar per
// destination Service port (first matching tcp rule; tls rules by SNI), on a
// gateway per TCP / TLS server (first matching tcp rule; passthrough tls rules
// by SNI). TCPRoutes and TLSRoutes take part as the VirtualServices Istio
// converts them to. The Router hands it every connection, and the HTTP
// requests a proxy cannot parse as HTTP because the port is declared TCP or
// TLS. Immutable; decides from the Mesh on each call (L4 rules are few).
class L4Router
{
public:
    L4Router(const Mesh &mesh, const DestinationResolver &resolver);
    ~L4Router();

    // The protocol of a sidecar's listener for `fqdn`:`port` (Service port
    // name / appProtocol, ServiceEntry protocol); nullopt when the host is
    // unknown or has no such port, so the sidecar has no listener for it.
    std::optional<PortProtocol> listenerProtocol(const std::string &fqdn, uint32_t port) const;
    // True when a sidecar routes `request` for `fqdn`:`port` as a connection:
    // TCP or TLS was asked for, or the port is declared TCP or TLS ("tcp-*",
    // "tls-*", "mongo"...). HTTPS ports keep http routing for HTTP requests.
    bool handlesSidecar(const HttpRequest &request, const std::string &fqdn, uint32_t port) const;
    // True when a gateway routes `request` as a connection: TCP or TLS was
    // asked for, or its port has TCP / TLS servers (Gateway API: listeners)
    // and no HTTP one.
    bool handlesGateway(const HttpRequest &request) const;

    // `decision.host` and `decision.port` are set by the caller (the Router
    // resolves the host); `virtualService` is the written one sidecars apply
    // to it, if any. Mesh TCPRoutes and TLSRoutes of the host are added here.
    void routeFromSidecar(const HttpRequest &request, const VirtualService *virtualService, RouteDecision &decision,
                          std::vector<std::string> *why) const;
    void routeThroughGateway(const HttpRequest &request, RouteDecision &decision, std::vector<std::string> *why) const;

    // "TLS connection (SNI a.example.com) to a.example.com:443": the explanation's first words.
    static std::string connectionText(const HttpRequest &request);

private:
    // What applies to the sidecar's listener for `fqdn`: the written rule,
    // then the Gateway API mesh routes the caller's namespace sees, oldest first.
    std::vector<const VirtualService *> sidecarRules(const HttpRequest &request, const VirtualService *written,
                                                     const std::string &fqdn, bool tlsPort,
                                                     std::vector<std::string> *why) const;
    std::vector<L4FilterChain> sidecarTcpChains(const HttpRequest &request,
                                                const std::vector<const VirtualService *> &rules, uint32_t port,
                                                std::vector<std::string> *why) const;
    std::vector<L4FilterChain> sidecarTlsChains(const HttpRequest &request,
                                                const std::vector<const VirtualService *> &rules, uint32_t port,
                                                std::vector<std::string> *why) const;
    void routeThroughK8sGateway(const HttpRequest &request, RouteDecision &decision,
                                std::vector<std::string> *why) const;
    // The chain's choice for the connection, or the connection closed (404) when none matches.
    void choose(const std::vector<L4FilterChain> &chains, const std::string &sni, uint32_t port,
                RouteDecision &decision, std::vector<std::string> *why) const;
    // The rule's weighted destinations (or the chain's default host) into `decision`.
    void forward(const L4FilterChain &chain, uint32_t listenerPort, RouteDecision &decision,
                 std::vector<std::string> *why) const;
    void passthrough(const HttpRequest &request, RouteDecision &decision, std::vector<std::string> *why) const;

    const Mesh &m_mesh;
    const DestinationResolver &m_resolver;
    std::unique_ptr<const GatewayApiL4Routes> m_gatewayApi;
};

} // namespace meshlane
