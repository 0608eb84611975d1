// SPDX-License-Identifier: MIT
#include "simulation/plainrequest.h"

#include "model/virtualservice.h"

namespace meshlane {

std::string concreteHost(const std::string &hostPattern)
{
    if (hostPattern == "*")
        return "www.example.com";
    if (hostPattern.size() > 1 && hostPattern[0] == '*')
        return "www" + hostPattern.substr(1);
    return hostPattern;
}

HttpRequest plainRequest(const VirtualService &virtualService, size_t hostIndex)
{
    HttpRequest request;
    request.sourceNamespace = virtualService.meta.ns;
    if (hostIndex < virtualService.hostFqdns.size())
        request.authority = concreteHost(virtualService.hostFqdns[hostIndex]);
    // A rule without http routes is about connections: tcp first, as a
    // sidecar or gateway with both would route a plain (non-TLS) stream.
    if (virtualService.http.empty() && !virtualService.tcp.empty())
        request.protocol = ConnectionProtocol::Tcp;
    else if (virtualService.http.empty() && !virtualService.tls.empty()) {
        request.protocol = ConnectionProtocol::Tls;
        request.sni = request.hostName();
    }
    if (!virtualService.appliesToMesh()) {
        // Sidecars ignore a gateway-only rule: its traffic only arrives through a Gateway.
        const std::vector<std::string> gateways = virtualService.gatewayRefs();
        if (!gateways.empty())
            request.gateway = gateways.front();
    }
    return request;
}

TrafficMix plainTrafficMix(const VirtualService &virtualService, double requestsPerSecond)
{
    TrafficMix mix;
    mix.requestsPerSecond = requestsPerSecond;
    for (size_t i = 0; i < virtualService.hostFqdns.size(); ++i) {
        const std::string name = i < virtualService.hosts.size() ? virtualService.hosts[i] : virtualService.hostFqdns[i];
        mix.classes.push_back({name, 1, plainRequest(virtualService, i)});
    }
    return mix;
}

} // namespace meshlane
