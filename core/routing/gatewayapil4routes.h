// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace meshlane {

// TCPRoutes and TLSRoutes converted the way Istio converts them
// (route_collections.go): every accepted parent turns the route into a
// VirtualService whose tcp or tls list is the route's rules, in order. A
// Gateway parent binds it to the listener it attached to (Istio makes each
// listener a Gateway server of its own); a Service parent gives it that
// Service's host for sidecars. The L4Router decides with these exactly as
// with VirtualServices written by hand.
class GatewayApiL4Routes
{
public:
    // A TCP or TLS listener of a Gateway API Gateway, as the Istio Gateway
    // server Istio generates for it, with the routes attached to it.
    struct Listener
    {
        const K8sGateway *gateway = nullptr;
        const GatewayListener *listener = nullptr;
        Gateway generated; // named as the Gateway API Gateway; one server, named as the listener
        std::vector<std::shared_ptr<const VirtualService>> virtualServices; // oldest route first
        std::string problem; // why Istio builds no server for the listener; empty when it does
    };

    explicit GatewayApiL4Routes(const Mesh &mesh);

    // The TCP and TLS listeners of Gateway `ref` ("ns/name") on `port`.
    std::vector<const Listener *> listeners(const std::string &ref, uint32_t port) const;
    // Every TCP and TLS listener of Gateway `ref`, in the order written.
    std::vector<const Listener *> listeners(const std::string &ref) const;
    // The routes with Service `fqdn` as parent, oldest first; each applies
    // to sidecars in its own namespace, or to all when it is the Service's.
    std::vector<const VirtualService *> meshRoutesFor(const std::string &fqdn) const;

private:
    std::unordered_map<std::string, std::vector<Listener>> m_listeners; // by Gateway ref
    std::unordered_map<std::string, std::vector<std::shared_ptr<const VirtualService>>> m_mesh; // by host
};

} // namespace meshlane
