// SPDX-License-Identifier: MIT
#pragma once

#include "routing/httprequest.h"
#include "simulation/trafficmix.h"

#include <cstddef>
#include <string>

namespace meshlane {

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

// "www.example.com" for "*", "www.shop.com" for "*.shop.com", others unchanged.
std::string concreteHost(const std::string &hostPattern);

} // namespace meshlane
