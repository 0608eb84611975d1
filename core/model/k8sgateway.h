// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <cstdint>
#include <string>
#include <vector>

namespace meshlane {

// One listener of a Gateway API Gateway, with the CRD defaults applied.
struct GatewayListener
{
    enum class From { Same, All, Selector };

    std::string name;
    std::string hostname; // empty: any host
    uint32_t port = 0;
    std::string protocol; // HTTP, HTTPS, TLS, TCP, ...
    std::string tlsMode;  // Terminate (default when tls is written) or Passthrough
    From from = From::Same;
    Labels namespaceSelector; // matchLabels of a Selector
    bool selectorWritten = false;
    // allowedRoutes.kinds as written ("HTTPRoute", ...); empty: the protocol's defaults.
    std::vector<std::string> kinds;
    SourceLocation location;

    bool isHttp() const { return protocol == "HTTP" || protocol == "HTTPS"; }
    // The route kinds this listener takes: allowedRoutes.kinds intersected with
    // what Istio supports on its protocol.
    std::vector<std::string> supportedKinds() const;
};

// gateway.networking.k8s.io Gateway. Named apart from Istio's Gateway, which
// Meshlane models as `Gateway`.
struct K8sGateway
{
    ResourceMeta meta;
    std::string gatewayClassName;
    std::vector<GatewayListener> listeners;
    std::vector<std::string> addresses; // Hostname addresses: the Service fronting it
    SourceLocation classLocation;

    std::string ref() const { return meta.ns + '/' + meta.name; }
};

} // namespace meshlane
