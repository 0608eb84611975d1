// SPDX-License-Identifier: MIT
#include "routing/ingressgateway.h"

#include "model/mesh.h"
#include "model/portprotocol.h"
#include "routing/gatewayroutes.h"

#include <algorithm>

namespace meshlane {

namespace {

// What a connection of `protocol` needs from an Istio server.
bool serverTakes(const GatewayServer &server, ConnectionProtocol protocol)
{
    switch (protocol) {
    case ConnectionProtocol::Http: return isHttpServer(server);
    case ConnectionProtocol::Tcp: return portProtocolFromName(server.protocol) == PortProtocol::Tcp;
    case ConnectionProtocol::Tls:
        return !isHttpServer(server) && portProtocolFromName(server.protocol) == PortProtocol::Tls;
    }
    return false;
}

// A Gateway API listener: HTTPS terminates (HTTP inside), TLS may terminate
// or pass through; either way the client opens TLS to it.
bool listenerTakes(const GatewayListener &listener, ConnectionProtocol protocol)
{
    switch (protocol) {
    case ConnectionProtocol::Http: return listener.isHttp();
    case ConnectionProtocol::Tcp: return listener.protocol == "TCP";
    case ConnectionProtocol::Tls: return listener.protocol == "TLS";
    }
    return false;
}

} // namespace

const char *IngressGateway::kindName() const
{
    return api == Api::Istio ? "Gateway" : "Gateway API Gateway";
}

std::vector<IngressGateway> ingressGateways(const Mesh &mesh)
{
    std::vector<IngressGateway> gateways;
    gateways.reserve(mesh.gateways.size() + mesh.k8sGateways.size());
    for (const auto &gateway : mesh.gateways)
        gateways.push_back({IngressGateway::Api::Istio, gateway->meta.ns + '/' + gateway->meta.name});
    for (const auto &gateway : mesh.k8sGateways)
        gateways.push_back({IngressGateway::Api::GatewayApi, gateway->ref()});
    return gateways;
}

bool hasIngressGateway(const Mesh &mesh, const std::string &ref)
{
    return mesh.findGateway(ref)
        || std::any_of(mesh.k8sGateways.begin(), mesh.k8sGateways.end(),
                       [&ref](const auto &gateway) { return gateway->ref() == ref; });
}

uint32_t ingressListenerPort(const Mesh &mesh, const std::string &ref, ConnectionProtocol protocol)
{
    // The Router looks an Istio Gateway up first when both APIs use the name.
    if (const Gateway *gateway = mesh.findGateway(ref)) {
        for (const GatewayServer &server : gateway->servers) {
            if (serverTakes(server, protocol))
                return server.portNumber;
        }
        return 0;
    }
    for (const auto &gateway : mesh.k8sGateways) {
        if (gateway->ref() != ref)
            continue;
        for (const GatewayListener &listener : gateway->listeners) {
            if (listenerTakes(listener, protocol))
                return listener.port;
        }
        return 0;
    }
    return 0;
}

} // namespace meshlane
