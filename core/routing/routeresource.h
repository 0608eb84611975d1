// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace meshlane {

struct GatewayApiRoute;
struct Mesh;
struct VirtualService;

// A resource that routes, as the workbench's selection names it: a
// VirtualService by "ns/name" (what the graph, editors and simulation have
// always passed around) and a Gateway API route by "Kind/ns/name" (what
// `meshlane set-weights --route` takes), as the graph names what drew its
// nodes and edges. One string shape, so a selection travels through the same
// signals whichever API wrote the rule.
struct RouteResource
{
    std::string kind; // "VirtualService", "HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute"
    std::string ns;
    std::string name;

    // nullopt for anything that is not one of the two shapes (an unknown kind included).
    static std::optional<RouteResource> parse(std::string_view text);
    // parse(), or an empty resource (nothing selected).
    static RouteResource fromRef(std::string_view text) { return parse(text).value_or(RouteResource{}); }
    std::string ref() const; // the selection string parse() reads back; empty for an empty resource
    // What a person reads: "bookinfo/reviews" for a VirtualService (the common
    // case keeps its short name), "HTTPRoute bookinfo/reviews" otherwise.
    std::string label() const;
    bool isEmpty() const { return kind.empty(); }
    bool isVirtualService() const { return kind == "VirtualService"; }

    // The resource in `mesh`, null when it is not there (or of the other API).
    const VirtualService *findVirtualService(const Mesh &mesh) const;
    const GatewayApiRoute *findGatewayApiRoute(const Mesh &mesh) const;
};

// What a folder opens on, so the docks show what the product does: the first
// route resource whose rules lead to more than one destination (a canary, a
// dark launch), VirtualServices before Gateway API routes; else the first of
// either; nullopt when the folder routes nothing.
std::optional<RouteResource> featuredRouteResource(const Mesh &mesh);

} // namespace meshlane
