// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace meshlane {

struct ServicePort;

// What a proxy builds for a port, from Istio's protocol of the port.
enum class PortProtocol {
    Http,  // HTTP, HTTP2, gRPC, gRPC-Web, HTTP_PROXY: http routes
    Tcp,   // TCP, Mongo, Redis, MySQL: opaque TCP, tcp routes
    Tls,   // TLS, HTTPS: SNI routing, tls routes
    Auto,  // not declared: sniffed; HTTP gets http routes, anything else tcp routes
    Udp,   // no listener at all
};

// Istio's protocol of a Kubernetes Service port: appProtocol replaces the
// name; the part before the first '-' names the protocol (case-insensitive);
// an unknown name is Auto, except on the well-known ports 25, 53, 3306 and
// 27017 (TCP). `protocol: UDP` wins over everything.
PortProtocol portProtocolOf(const ServicePort &port);
// A protocol name as written in a ServiceEntry or Gateway server ("HTTPS", "tcp").
PortProtocol portProtocolFromName(const std::string &name);
const char *portProtocolName(PortProtocol protocol); // "HTTP", "TCP", "TLS", "auto-detected", "UDP"

} // namespace meshlane
