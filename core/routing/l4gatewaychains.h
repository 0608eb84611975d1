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
    explicit L4GatewayChains(const Mesh &mesh);

    // `sni` is only read for AUTO_PASSTHROUGH; `why` receives why rules were left out.
    std::vector<L4FilterChain> chains(const Gateway &gateway, uint32_t port, const std::string &sni,
                                      std::vector<std::string> *why) const;

private:
    std::vector<const VirtualService *> boundTo(const std::string &gatewayRef) const; // in load order

    const Mesh &m_mesh;
};

} // namespace meshlane
