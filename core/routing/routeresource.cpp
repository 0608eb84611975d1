// SPDX-License-Identifier: MIT
#include "routing/routeresource.h"

#include "model/mesh.h"

#include <algorithm>
#include <array>
#include <set>

namespace meshlane {

namespace {

constexpr std::array<std::string_view, 4> kGatewayApiKinds{"HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute"};

bool validPart(std::string_view part)
{
    return !part.empty() && part.find_first_of("/ \t") == std::string_view::npos;
}

} // namespace

std::optional<RouteResource> RouteResource::parse(std::string_view text)
{
    const size_t first = text.find('/');
    if (first == std::string_view::npos)
        return std::nullopt;
    const size_t second = text.find('/', first + 1);
    RouteResource resource;
    if (second == std::string_view::npos) {
        resource.kind = "VirtualService";
        resource.ns = std::string(text.substr(0, first));
        resource.name = std::string(text.substr(first + 1));
    } else {
        const std::string_view kind = text.substr(0, first);
        if (std::find(kGatewayApiKinds.begin(), kGatewayApiKinds.end(), kind) == kGatewayApiKinds.end())
            return std::nullopt;
        resource.kind = std::string(kind);
        resource.ns = std::string(text.substr(first + 1, second - first - 1));
        resource.name = std::string(text.substr(second + 1));
    }
    if (!validPart(resource.ns) || !validPart(resource.name))
        return std::nullopt;
    return resource;
}

std::string RouteResource::ref() const
{
    if (isEmpty())
        return {};
    return isVirtualService() ? ns + '/' + name : kind + '/' + ns + '/' + name;
}

std::string RouteResource::label() const
{
    if (isEmpty())
        return {};
    return isVirtualService() ? ns + '/' + name : kind + ' ' + ns + '/' + name;
}

const VirtualService *RouteResource::findVirtualService(const Mesh &mesh) const
{
    return isVirtualService() ? mesh.findVirtualService(ns, name) : nullptr;
}

const GatewayApiRoute *RouteResource::findGatewayApiRoute(const Mesh &mesh) const
{
    if (isVirtualService())
        return nullptr;
    for (const auto &route : mesh.gatewayApiRoutes) {
        if (route->meta.kind == kind && route->meta.ns == ns && route->meta.name == name)
            return route.get();
    }
    return nullptr;
}

std::optional<RouteResource> featuredRouteResource(const Mesh &mesh)
{
    std::optional<RouteResource> first;
    const auto consider = [&first](RouteResource resource, size_t destinations) -> std::optional<RouteResource> {
        if (destinations > 1)
            return resource;
        if (!first)
            first = std::move(resource);
        return std::nullopt;
    };
    for (const auto &vs : mesh.virtualServices) {
        std::set<std::pair<std::string, std::string>> destinations;
        const auto add = [&destinations](const std::vector<RouteDestination> &route) {
            for (const RouteDestination &destination : route)
                destinations.emplace(destination.destination.fqdn, destination.destination.subset);
        };
        for (const HttpRoute &route : vs->http)
            add(route.route);
        for (const auto *routes : {&vs->tcp, &vs->tls}) {
            for (const L4Route &route : *routes)
                add(route.route);
        }
        if (auto featured = consider({"VirtualService", vs->meta.ns, vs->meta.name}, destinations.size()))
            return featured;
    }
    for (const auto &route : mesh.gatewayApiRoutes) {
        std::set<std::string> backends;
        for (const RouteRule &rule : route->rules) {
            for (const RouteBackendRef &backend : rule.backendRefs)
                backends.insert(backend.ns + '/' + backend.name);
        }
        if (auto featured = consider({route->meta.kind, route->meta.ns, route->meta.name}, backends.size()))
            return featured;
    }
    return first;
}

} // namespace meshlane
