// SPDX-License-Identifier: MIT
#include "model/k8sgateway.h"

#include <algorithm>

namespace meshlane {

std::vector<std::string> GatewayListener::supportedKinds() const
{
    // Istio's GenerateGatewaySupportedKinds: what each protocol can carry.
    std::vector<std::string> byProtocol;
    if (isHttp())
        byProtocol = {"HTTPRoute", "GRPCRoute"};
    else if (protocol == "TCP")
        byProtocol = {"TCPRoute"};
    else if (protocol == "TLS")
        byProtocol = tlsMode == "Passthrough" ? std::vector<std::string>{"TLSRoute"}
                                              : std::vector<std::string>{"TLSRoute", "TCPRoute"};
    if (kinds.empty())
        return byProtocol;
    std::vector<std::string> allowed;
    for (const std::string &kind : kinds) {
        if (std::find(byProtocol.begin(), byProtocol.end(), kind) != byProtocol.end())
            allowed.push_back(kind);
    }
    return allowed;
}

} // namespace meshlane
