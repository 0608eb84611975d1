// SPDX-License-Identifier: MIT
#pragma once

#include "routing/httprequest.h"

#include <cstdint>
#include <string>
#include <vector>

namespace meshlane {

struct Mesh;

// A gateway a request can enter through: an Istio Gateway or a Gateway API
// Gateway. Both are named "ns/name" in a request (HttpRequest::gateway) and
// the Router tells them apart; the CLI's --gateway check and the request
// tester's gateway list read them from here so they agree.
struct IngressGateway
{
    enum class Api { Istio, GatewayApi };

    Api api = Api::Istio;
    std::string ref; // "ns/name"

    const char *kindName() const; // "Gateway" (Istio) or "Gateway API Gateway"
};

// Every gateway of the mesh: Istio's first, then the Gateway API's, each in
// load order.
std::vector<IngressGateway> ingressGateways(const Mesh &mesh);
bool hasIngressGateway(const Mesh &mesh, const std::string &ref);

// The port a client opening `protocol` reaches gateway `ref` on: its first
// server (Istio) or listener (Gateway API) that takes that protocol: an HTTP
// one (HTTP, HTTP2, gRPC, terminated HTTPS) for http, a TCP one for tcp, a
// TLS one (TLS, passthrough HTTPS) for tls. 0 when it has none or there is
// no such gateway: the router then explains why nothing listens.
uint32_t ingressListenerPort(const Mesh &mesh, const std::string &ref, ConnectionProtocol protocol);

} // namespace meshlane
