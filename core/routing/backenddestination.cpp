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

} // namespace meshlane
