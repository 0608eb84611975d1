// SPDX-License-Identifier: MIT
#pragma once

#include "base/translatedtext.h"
#include "model/mesh.h"
#include "routing/destinationresolver.h"
#include "routing/gatewayapiattachment.h"
#include "routing/routetable.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace meshlane {

// The Gateway API routes of one snapshot compiled the way Istio compiles
// them: every (rule, match) of the HTTPRoutes and GRPCRoutes sharing a
// virtual host (a listener's effective hostname, or a Service for mesh
// routes) becomes one http route of a generated VirtualService, sorted by the
// spec's precedence, and that VirtualService is compiled into an ordinary
// RouteTable. The Router decides with these tables exactly as with the ones
// written as VirtualServices.
class GatewayApiRoutes
{
public:
    struct VirtualHost
    {
        std::string domain; // effective hostname: "bookinfo.example.com", "*.example.com", "*"
        std::vector<std::string> routes; // "Kind ns/name", in precedence-merge order
        std::shared_ptr<const VirtualService> generated;
        std::shared_ptr<const RouteTable> table;
    };
    struct Listener
    {
        const GatewayListener *listener = nullptr;
        std::vector<VirtualHost> hosts; // most specific domain first
    };
    // Routes with a Service parent: for in-mesh calls to that Service.
    struct MeshRoutes
    {
        std::string fqdn;
        std::string ns; // the routes' namespace (producer when the Service's, else consumer)
        std::optional<uint32_t> port; // parentRef.port; empty: every port
        std::string creationTimestamp; // of the oldest route
        std::string name;              // of the first route, for Istio's tie-break
        std::shared_ptr<const VirtualService> generated;
        std::shared_ptr<const RouteTable> table;
    };

    struct Lookup
    {
        const K8sGateway *gateway = nullptr;
        const Listener *listener = nullptr;
        const VirtualHost *virtualHost = nullptr; // null: 404
        uint32_t port = 0;
        TranslatedText problem;
    };

    GatewayApiRoutes(const Mesh &mesh, const DestinationResolver &resolver, RouteTable::Options options);

    bool empty() const { return m_gateways.empty() && m_mesh.empty(); }
    const K8sGateway *findGateway(const std::string &ref) const;
    // The listener and virtual host a request for `host` (no port, lower
    // case) meets at Gateway `ref` on `port` (0: the first HTTP listener's).
    // One listener per request, the most specific hostname (listener
    // isolation); one virtual host, no fall-through (Envoy).
    Lookup find(const std::string &ref, const std::string &host, uint32_t port) const;
    const std::vector<Listener> *listenersOf(const std::string &ref) const;
    const std::vector<MeshRoutes> &meshRoutes() const { return m_mesh; }

private:
    // Every route's attachments, worked out once: route -> one per parentRef.
    using Attachments = std::vector<std::pair<const GatewayApiRoute *, std::vector<ParentAttachment>>>;
    void buildGateway(const Mesh &mesh, const K8sGateway &gateway, const Attachments &attachments,
                      const DestinationResolver &resolver, RouteTable::Options options);
    void buildMesh(const Mesh &mesh, const Attachments &attachments, const DestinationResolver &resolver,
                   RouteTable::Options options);

    std::unordered_map<std::string, std::vector<Listener>> m_gateways;
    std::unordered_map<std::string, const K8sGateway *> m_gatewayObjects;
    std::vector<MeshRoutes> m_mesh;
};

// The http route Istio makes of rule `ruleIndex`, match `matchIndex` (-1:
// the rule has none) of `route`; `port` adds a port condition (mesh parents
// with a port), `enforceGrant` is false for mesh parents.
HttpRoute gatewayApiHttpRoute(const Mesh &mesh, const GatewayApiRoute &route, int ruleIndex, int matchIndex,
                              std::optional<uint32_t> port, bool enforceGrant);

} // namespace meshlane
