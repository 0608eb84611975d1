// SPDX-License-Identifier: MIT
#include "graph/namespacecollapse.h"

#include "graph/meshgraph.h"

#include <algorithm>
#include <unordered_map>

namespace meshlane {

std::vector<std::string> graphNamespaces(const MeshGraph &graph)
{
    std::set<std::string> namespaces;
    for (const GraphNode &node : graph.nodes()) {
        if (!node.ns.empty())
            namespaces.insert(node.ns);
    }
    return {namespaces.begin(), namespaces.end()};
}

std::string namespaceNodeId(const std::string &ns) { return "ns:" + ns; }

namespace {

// Says how many of a namespace's nodes are broken, in the words of the other
// problems (English, like the CLI's).
std::string brokenInside(int count)
{
    return count == 1 ? "1 node inside is broken" : std::to_string(count) + " nodes inside are broken";
}

} // namespace

MeshGraph collapseNamespaces(const MeshGraph &graph, const std::set<std::string> &namespaces)
{
    const std::vector<GraphNode> &nodes = graph.nodes();
    std::vector<GraphNode> kept;
    std::vector<int> position(nodes.size(), -1);
    std::unordered_map<std::string, int> folded; // namespace -> its node in `kept`
    std::unordered_map<int, int> brokenCount;    // per folded node
    for (size_t i = 0; i < nodes.size(); ++i) {
        const GraphNode &node = nodes[i];
        if (!namespaces.count(node.ns)) {
            position[i] = int(kept.size());
            kept.push_back(node);
            continue;
        }
        auto [it, added] = folded.emplace(node.ns, int(kept.size()));
        if (added) {
            GraphNode &box = kept.emplace_back();
            box.id = namespaceNodeId(node.ns);
            box.kind = GraphNodeKind::Namespace;
            box.label = node.ns;
            box.ns = node.ns;
        }
        position[i] = it->second;
        GraphNode &box = kept[size_t(it->second)];
        box.podCount += node.kind == GraphNodeKind::Version ? node.podCount : 0;
        box.foldedServices += node.kind == GraphNodeKind::Service ? 1 : 0;
        box.splitsTraffic = box.splitsTraffic || node.splitsTraffic;
        if (node.broken())
            box.problem = brokenInside(++brokenCount[it->second]);
    }
    for (GraphNode &node : kept) {
        // A version whose box folded (only if they were in different namespaces) stands alone.
        if (node.parent >= 0)
            node.parent = kept[size_t(position[size_t(node.parent)])].kind == GraphNodeKind::Namespace
                ? -1
                : position[size_t(node.parent)];
    }

    std::vector<GraphEdge> edges;
    std::unordered_map<std::string, int> edgeIds;
    for (const GraphEdge &edge : graph.edges()) {
        const int from = position[size_t(edge.from)];
        const int to = position[size_t(edge.to)];
        if (from == to && kept[size_t(from)].kind == GraphNodeKind::Namespace)
            continue; // inside a folded namespace
        const bool touchesFolded =
            kept[size_t(from)].kind == GraphNodeKind::Namespace || kept[size_t(to)].kind == GraphNodeKind::Namespace;
        std::string id = touchesFolded
            ? kept[size_t(from)].id + " > " + kept[size_t(to)].id + (edge.kind == GraphEdgeKind::Mirror ? " ~" : "")
            : edge.id;
        const auto [it, added] = edgeIds.emplace(id, int(edges.size()));
        if (added) {
            GraphEdge &copy = edges.emplace_back(edge);
            copy.id = std::move(id);
            copy.from = from;
            copy.to = to;
            continue;
        }
        GraphEdge &into = edges[size_t(it->second)];
        into.merged += edge.merged;
        if (edge.kind == GraphEdgeKind::Mirror)
            into.share = std::max(into.share, edge.share);
        else
            into.share += edge.share;
        if (!edge.conditional) {
            into.conditional = false;
            into.condition.clear();
        } else if (into.conditional && into.condition != edge.condition) {
            into.condition.clear(); // several matches: the count says more than one of them would
        }
        if (into.virtualService != edge.virtualService)
            into.virtualService.clear(); // drawn by several route resources
        if (into.section != edge.section)
            into.section = "http";     // a mix of connections and requests is not one TCP / TLS pipe
        if (into.problem.empty())
            into.problem = edge.problem;
    }
    return MeshGraph::fromParts(std::move(kept), std::move(edges));
}

} // namespace meshlane
