// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

namespace meshlane {

// The Istio destination a Gateway API backendRef becomes (Service FQDN and
// port), with backendProblem() as its unresolvedReason: one conversion for
// HTTP, GRPC, TCP and TLS rules and for mirrors.
Destination backendDestination(const Mesh &mesh, const GatewayApiRoute &route, const RouteBackendRef &backend,
                               bool enforceGrant);

} // namespace meshlane
