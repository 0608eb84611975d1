// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace meshlane {

class MeshGraph;

// Which edges of a gateway in front of many services are drawn. At a few
// thousand services the ingress gateway's hundreds of edges cover the whole
// graph and say nothing one could read, so past a limit they are collapsed:
// drawn only where someone asked about them.
class GatewayFanOut
{
public:
    // More edges than this from one gateway and they collapse. Two dozen
    // still read as a fan beside one column of services.
    static constexpr int kDefaultLimit = 24;

    explicit GatewayFanOut(const MeshGraph &graph, int limit = kDefaultLimit);

    // What the user is looking at; vectors are per node index (empty: none).
    struct Attention
    {
        int selectedNode = -1;
        std::string highlightedVirtualService; // "ns/name": its edges are lit
        std::vector<char> expanded; // gateways opened by hand
        std::vector<char> found; // the find bar's matches
    };

    const std::vector<int> &collapsedGateways() const { return m_gateways; }
    bool isCollapsed(int node) const { return size_t(node) < m_collapsed.size() && m_collapsed[size_t(node)]; }
    int edgeCount(int gateway) const; // its outgoing edges
    // Whether edge `edge` of `graph` (the one this was made from, or another
    // of the same topology: an edit's) is drawn: always, unless it leaves a
    // collapsed gateway; then when that gateway is selected or expanded, its
    // target is selected or found, or it belongs to the highlighted
    // VirtualService.
    bool shows(const MeshGraph &graph, int edge, const Attention &attention) const;

private:
    std::vector<char> m_collapsed; // per node
    std::vector<int> m_outDegree; // per node
    std::vector<int> m_gateways; // the collapsed ones, in node order
};

} // namespace meshlane
