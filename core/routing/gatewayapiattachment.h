// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// Where one parentRef of a Gateway API route attaches, as a Gateway API
// controller (Istio's) works it out; the router compiles from it and the
// analyzer reports its refusals (what the controller would write in the
// route's status).
struct ListenerAttachment
{
    const GatewayListener *listener = nullptr;
    std::vector<std::string> hostnames; // effective: route x listener intersections; "*" for any
};

struct ParentAttachment
{
    const RouteParentRef *parent = nullptr;
    const K8sGateway *gateway = nullptr; // Gateway parents
    const Service *service = nullptr;    // Service parents (mesh, GAMMA)
    std::vector<ListenerAttachment> listeners;
    // Empty when accepted, else the spec's reason: NoMatchingParent,
    // NotAllowedByListeners, NoMatchingListenerHostname; "Ignored" for a
    // parent kind no Istio controller serves (no status at all).
    std::string reason;
    std::string detail; // for NoMatchingParent: what is missing
    bool accepted() const { return reason.empty(); }
};

std::vector<ParentAttachment> attachRoute(const Mesh &mesh, const GatewayApiRoute &route);

// The spec's hostname intersection (label-wise wildcards, "" or "*" = any):
// the more specific of the two when they overlap.
std::optional<std::string> intersectHostnames(const std::string &listener, const std::string &route);
// Does `host` (a request's, no port) fall under `domain` ("*", "*.x", exact)?
bool domainMatchesHost(const std::string &domain, const std::string &host);

// Why a backendRef does not resolve, or empty when it does: InvalidKind,
// BackendNotFound (also a Service without that port), RefNotPermitted.
// `enforceGrant` is false for mesh parents (no ReferenceGrant needed there).
std::string backendProblem(const Mesh &mesh, const GatewayApiRoute &route, const RouteBackendRef &backend,
                           bool enforceGrant);

// Why Istio refuses to convert the route at all (a "hard error": every rule
// dropped, so requests get 404, not 500), or empty: a Service backendRef
// without a port or with a dot in its name, a backend-level RequestRedirect
// or URLRewrite.
std::string hardError(const GatewayApiRoute &route);

} // namespace meshlane
