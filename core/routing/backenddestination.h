// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

#include <vector>

namespace meshlane {

// The Istio destination a Gateway API backendRef becomes (Service FQDN and
// port), with backendProblem() as its unresolvedReason: one conversion for
// HTTP, GRPC, TCP and TLS rules and for mirrors.
Destination backendDestination(const Mesh &mesh, const GatewayApiRoute &route, const RouteBackendRef &backend,
                               bool enforceGrant);

// A rule's backendRefs as Istio routes them: weight-0 backends dropped before
// they are resolved, a weight written only when several remain (a lone one
// takes everything). Empty when no backend has a weight above 0; what that
// means differs between HTTP and TCP, so the caller decides.
std::vector<RouteDestination> weightedDestinations(const Mesh &mesh, const GatewayApiRoute &route,
                                                   const RouteRule &rule, bool enforceGrant);

} // namespace meshlane
