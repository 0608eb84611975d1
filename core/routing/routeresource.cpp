// SPDX-License-Identifier: MIT
#include "routing/routeresource.h"

#include "model/mesh.h"

#include <algorithm>
#include <array>

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

} // namespace meshlane
