// SPDX-License-Identifier: MIT
#include "simulation/plainrequest.h"

#include "model/mesh.h"
#include "model/virtualservice.h"
#include "routing/gatewayapiattachment.h"
#include "routing/routeresource.h"

namespace meshlane {

namespace {

// The port a connection rule listens on, when its first match names one.
uint32_t l4MatchPort(const std::vector<L4Route> &routes)
{
    if (routes.empty() || routes.front().match.empty())
        return 0;
    return routes.front().match.front().port.value_or(0);
}

bool takesEveryPath(const RouteMatch &match)
{
    const bool rootPath = !match.path
        || (match.path->kind == StringMatch::Kind::PathPrefix && match.path->value == "/");
    return rootPath && match.headers.empty() && match.queryParams.empty() && match.method.empty()
        && match.grpcService.empty() && match.grpcMethod.empty();
}

// Shapes `request` into one the route serves (see plainRequests).
void fitToRoute(const GatewayApiRoute &route, HttpRequest &request)
{
    if (route.isGrpc()) {
        request.method = "POST";
        request.addHeader("content-type", "application/grpc");
    }
    for (const RouteRule &rule : route.rules) {
        if (rule.matches.empty())
            return;
        for (const RouteMatch &match : rule.matches) {
            if (takesEveryPath(match))
                return;
        }
    }
    for (const RouteRule &rule : route.rules) {
        for (const RouteMatch &match : rule.matches) {
            if (route.isGrpc()) {
                if (match.grpcRegex || match.grpcService.empty())
                    continue;
                request.setPath('/' + match.grpcService + '/' + match.grpcMethod);
            } else {
                if (!match.path || match.path->kind == StringMatch::Kind::Regex)
                    continue;
                request.setPath(match.path->value);
                if (!match.method.empty())
                    request.method = match.method;
                for (const NamedStringMatch &query : match.queryParams) {
                    if (query.match.kind == StringMatch::Kind::Exact)
                        request.addQueryParam(query.name, query.match.value);
                }
            }
            for (const NamedStringMatch &header : match.headers) {
                if (header.match.kind == StringMatch::Kind::Exact)
                    request.addHeader(header.name, header.match.value);
            }
            return;
        }
    }
}

} // namespace

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
    // The first rule's match port, when written, is where those connections
    // arrive (a TCP gateway's server, a Service's TCP port).
    if (virtualService.http.empty() && !virtualService.tcp.empty()) {
        request.protocol = ConnectionProtocol::Tcp;
        request.port = l4MatchPort(virtualService.tcp);
    } else if (virtualService.http.empty() && !virtualService.tls.empty()) {
        request.protocol = ConnectionProtocol::Tls;
        request.port = l4MatchPort(virtualService.tls);
        request.defaultSniToHost();
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

std::vector<HttpRequest> plainRequests(const Mesh &mesh, const GatewayApiRoute &route)
{
    HttpRequest base;
    base.sourceNamespace = route.meta.ns;
    if (route.meta.kind == "TCPRoute")
        base.protocol = ConnectionProtocol::Tcp;
    else if (route.meta.kind == "TLSRoute")
        base.protocol = ConnectionProtocol::Tls;
    else
        fitToRoute(route, base);
    std::vector<HttpRequest> requests;
    for (const ParentAttachment &attachment : attachRoute(mesh, route)) {
        if (!attachment.accepted())
            continue;
        HttpRequest request = base;
        if (attachment.gateway) {
            if (attachment.listeners.empty())
                continue;
            const ListenerAttachment &listener = attachment.listeners.front();
            request.gateway = attachment.gateway->ref();
            request.port = listener.listener->port;
            request.authority = concreteHost(listener.hostnames.empty() ? std::string("*") : listener.hostnames.front());
        } else if (attachment.service) {
            request.authority = attachment.service->fqdn();
            request.port = attachment.parent->port.value_or(0);
        } else {
            continue;
        }
        request.defaultSniToHost();
        requests.push_back(std::move(request));
    }
    return requests;
}

std::optional<TrafficMix> plainTrafficMix(const Mesh &mesh, const RouteResource &resource, double requestsPerSecond)
{
    if (const VirtualService *virtualService = resource.findVirtualService(mesh)) {
        if (virtualService->hostFqdns.empty())
            return std::nullopt;
        return plainTrafficMix(*virtualService, requestsPerSecond);
    }
    const GatewayApiRoute *route = resource.findGatewayApiRoute(mesh);
    if (!route)
        return std::nullopt;
    TrafficMix mix;
    mix.requestsPerSecond = requestsPerSecond;
    for (HttpRequest &request : plainRequests(mesh, *route)) {
        // Named by where the class enters: a route on two Gateways sends two classes.
        std::string name = request.gateway.empty() ? request.hostName() : request.gateway + ' ' + request.hostName();
        mix.classes.push_back({std::move(name), 1, std::move(request)});
    }
    if (mix.classes.empty())
        return std::nullopt;
    return mix;
}

std::optional<HttpRequest> plainRequest(const Mesh &mesh, const RouteResource &resource)
{
    std::optional<TrafficMix> mix = plainTrafficMix(mesh, resource);
    if (!mix)
        return std::nullopt;
    return mix->classes.front().request;
}

} // namespace meshlane
