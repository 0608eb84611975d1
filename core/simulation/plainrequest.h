// SPDX-License-Identifier: MIT
#pragma once

#include "routing/httprequest.h"
#include "simulation/trafficmix.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

struct GatewayApiRoute;
struct Mesh;
struct RouteResource;
struct VirtualService;

// A request with nothing special about it (GET /, no headers, no query) to
// one of a VirtualService's hosts, sent from where the rule applies: a sidecar
// in the rule's namespace when it is bound to the mesh, otherwise through its
// first Gateway. Wildcard hosts get a concrete name (see concreteHost) so the
// request can be routed. What the graph's shares, the default simulation and
// the request tester start from.
HttpRequest plainRequest(const VirtualService &virtualService, size_t hostIndex = 0);

// One plain request class per host of the VirtualService, equal shares.
TrafficMix plainTrafficMix(const VirtualService &virtualService, double requestsPerSecond = 100);

// The same for a Gateway API route: one request per parent that accepts it,
// from where that parent takes traffic. A Gateway parent: through the Gateway
// on its first accepting listener's port, for the route's (or the
// listener's) hostname; a Service parent (mesh, GAMMA): from a sidecar in the
// route's namespace to the Service, on the parentRef's port. The path is one
// the route serves: "/" when a rule takes it, else the first plain path match
// (bookinfo's productpage route serves /productpage, not /). TCPRoute and
// TLSRoute parents get a TCP / TLS connection.
std::vector<HttpRequest> plainRequests(const Mesh &mesh, const GatewayApiRoute &route);

// The default traffic of a selected route resource, whichever API wrote it;
// nullopt when it is not in `mesh` or nothing can reach it (no host, no
// accepted parent).
std::optional<TrafficMix> plainTrafficMix(const Mesh &mesh, const RouteResource &resource,
                                          double requestsPerSecond = 100);
// Its first request (the request tester's starting point).
std::optional<HttpRequest> plainRequest(const Mesh &mesh, const RouteResource &resource);

// "www.example.com" for "*", "www.shop.com" for "*.shop.com", others unchanged.
std::string concreteHost(const std::string &hostPattern);

} // namespace meshlane
