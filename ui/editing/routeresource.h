// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

#include <QString>

#include <string>

namespace meshlane::ui {

// The route resource the weight editor and the YAML pane show, as the graph
// names it (MeshGraph's routeResourceKey): "ns/name" for a VirtualService,
// "Kind/ns/name" for a Gateway API route (HTTPRoute, GRPCRoute...). The
// selection travels between the docks as that key.
struct RouteResource
{
    std::string kind; // "VirtualService", "HTTPRoute", ...; empty: nothing
    std::string ns;
    std::string name;

    static RouteResource fromKey(const QString &key);
    static QString keyOf(const std::string &kind, const std::string &ns, const std::string &name);
    QString key() const;
    // What a person reads: "bookinfo/reviews" for a VirtualService (the common
    // case keeps its short name), "HTTPRoute bookinfo/reviews" otherwise.
    QString label() const;
    bool isEmpty() const { return kind.empty(); }
    bool isVirtualService() const { return kind == "VirtualService"; }

    // The resource in `mesh`, or null (also when it is of the other family).
    const VirtualService *virtualService(const Mesh &mesh) const;
    const GatewayApiRoute *gatewayRoute(const Mesh &mesh) const;
};

} // namespace meshlane::ui
