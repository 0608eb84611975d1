// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"
#include "routing/destinationresolver.h"
#include "routing/routetable.h"

#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// Builds a RouteTable the way Istio builds a virtual host's routes: one entry
// per match block that the context gets, in order.
class RouteTableBuilder
{
public:
    // `context` is "mesh" (sidecars) or a gateway's "ns/name": match blocks
    // that list `gateways` are kept only when they name it.
    RouteTableBuilder(const Mesh &mesh, const DestinationResolver &resolver, std::string context);
    RouteTableBuilder(const RouteTableBuilder &) = delete; // m_fixedProxy points into itself
    RouteTableBuilder &operator=(const RouteTableBuilder &) = delete;

    // A gateway's proxy (labels, namespace, server port) is known when its
    // routes are built, so, like Istio, drop the blocks it does not get and
    // cut each VirtualService after its first catch-all. Sidecar tables leave
    // these conditions to match time, where the caller is known.
    void setFixedProxy(const Labels &labels, const std::string &ns, uint32_t port);

    void addVirtualService(const VirtualService &virtualService);
    // Istio's SortVHostRoutes for a gateway host served by several
    // VirtualServices: catch-all routes move to the end, others keep order.
    void moveCatchAllsLast();

    RouteTable build(RouteTable::Options options = {});

    // Whether `gateways` (a match block's list; short names are in the
    // VirtualService's namespace) names `context`: "mesh" or "ns/name".
    static bool gatewaysInclude(const VirtualService &virtualService, const std::vector<std::string> &gateways,
                                const std::string &context);

private:
    void append(const VirtualService &virtualService, bool allowDelegation, std::vector<CompiledRoute> &routes,
                std::vector<RouteTable::Entry> &entries, std::vector<TranslatedText> &notes) const;
    void linkDelegate(CompiledRoute &compiled) const;
    bool isCatchAll(const RouteTable::Entry &entry) const;

    const Mesh &m_mesh;
    const DestinationResolver &m_resolver;
    std::string m_context;
    Labels m_proxyLabels;
    std::string m_proxyNamespace;
    std::optional<ProxyContext> m_fixedProxy;
    std::vector<CompiledRoute> m_routes;
    std::vector<RouteTable::Entry> m_entries;
    std::vector<TranslatedText> m_notes;
};

} // namespace meshlane
