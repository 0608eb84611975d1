// SPDX-License-Identifier: MIT
#include "graph/gatewayfanout.h"

#include "graph/meshgraph.h"

namespace meshlane {

namespace {

bool isSet(const std::vector<char> &flags, int index)
{
    return index >= 0 && size_t(index) < flags.size() && flags[size_t(index)];
}

} // namespace

GatewayFanOut::GatewayFanOut(const MeshGraph &graph, int limit)
    : m_collapsed(graph.nodes().size(), 0)
    , m_outDegree(graph.nodes().size(), 0)
{
    for (const GraphEdge &edge : graph.edges())
        ++m_outDegree[size_t(edge.from)];
    for (size_t node = 0; node < graph.nodes().size(); ++node) {
        if (graph.nodes()[node].kind == GraphNodeKind::Gateway && m_outDegree[node] > limit) {
            m_collapsed[node] = 1;
            m_gateways.push_back(int(node));
        }
    }
}

int GatewayFanOut::edgeCount(int gateway) const
{
    return size_t(gateway) < m_outDegree.size() ? m_outDegree[size_t(gateway)] : 0;
}

bool GatewayFanOut::shows(const MeshGraph &graph, int edge, const Attention &attention) const
{
    const GraphEdge &drawn = graph.edges()[size_t(edge)];
    if (!isCollapsed(drawn.from))
        return true;
    return drawn.from == attention.selectedNode || isSet(attention.expanded, drawn.from)
        || drawn.to == attention.selectedNode || isSet(attention.found, drawn.to)
        || (!attention.highlightedVirtualService.empty()
            && drawn.virtualService == attention.highlightedVirtualService);
}

} // namespace meshlane
