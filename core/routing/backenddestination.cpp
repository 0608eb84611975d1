// SPDX-License-Identifier: MIT
#include "routing/backenddestination.h"

#include "routing/gatewayapiattachment.h"

namespace meshlane {

Destination backendDestination(const Mesh &mesh, const GatewayApiRoute &route, const RouteBackendRef &backend,
                               bool enforceGrant)
{
    Destination destination;
    destination.host = backend.name;
    destination.fqdn = backend.isService() ? backend.fqdn() : backend.name;
    destination.port = backend.port;
    destination.location = backend.location;
    destination.hostLocation = backend.location;
    destination.subsetLocation = backend.location;
    destination.unresolvedReason = backendProblem(mesh, route, backend, enforceGrant);
    return destination;
}

std::vector<RouteDestination> weightedDestinations(const Mesh &mesh, const GatewayApiRoute &route,
                                                   const RouteRule &rule, bool enforceGrant)
{
    std::vector<const RouteBackendRef *> live;
    for (const RouteBackendRef &backend : rule.backendRefs) {
        if (backend.weight > 0)
            live.push_back(&backend);
    }
    std::vector<RouteDestination> destinations;
    for (const RouteBackendRef *backend : live) {
        RouteDestination destination;
        destination.destination = backendDestination(mesh, route, *backend, enforceGrant);
        if (live.size() > 1)
            destination.weight = backend->weight;
        destination.weightLocation = backend->weightLocation;
        destination.location = backend->location;
        destinations.push_back(std::move(destination));
    }
    return destinations;
}

} // namespace meshlane
