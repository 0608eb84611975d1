// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"
#include "routing/l4filterchain.h"

#include <cstdint>
#include <string>
#include <vector>

namespace meshlane {

// The filter chains Istio builds on one Gateway port for connections, from
// the VirtualServices bound to it: a TCP server (or TLS terminated there)
// gets one chain, the first tcp rule whose `port` / `gateways` apply; a TLS
// PASSTHROUGH server one chain per applying tls match (an SNI already served
// on the port is skipped); AUTO_PASSTHROUGH a chain for an SNI of the form
// outbound_.PORT_.SUBSET_.HOST. HTTP servers contribute none.
class L4GatewayChains
{
public:
    // One server of a port with the VirtualServices bound to it, in Istio's
    // order. An Istio Gateway binds by `gateways`; a Gateway API listener is
    // a Gateway of its own in Istio, bound by the routes attached to it.
    struct BoundServer
    {
        const GatewayServer *server = nullptr;
        const Gateway *gateway = nullptr; // the server's (its namespace admits hosts, its ref names it)
        std::vector<const VirtualService *> virtualServices;
    };

    explicit L4GatewayChains(const Mesh &mesh);

    // `sni` is only read for AUTO_PASSTHROUGH; `why` receives why rules were left out.
    std::vector<L4FilterChain> chains(const Gateway &gateway, uint32_t port, const std::string &sni,
                                      std::vector<std::string> *why) const;
    // The same for servers gathered by the caller (they are all on `port`).
    std::vector<L4FilterChain> chains(const std::vector<BoundServer> &servers, uint32_t port, const std::string &sni,
                                      std::vector<std::string> *why) const;

private:
    std::vector<const VirtualService *> boundTo(const std::string &gatewayRef) const; // in load order

    const Mesh &m_mesh;
};

} // namespace meshlane
