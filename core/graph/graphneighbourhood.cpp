// SPDX-License-Identifier: MIT
#include "graph/graphneighbourhood.h"

#include "graph/meshgraph.h"

#include <deque>
#include <utility>

namespace meshlane {

std::vector<int> graphNeighbourhood(const MeshGraph &graph, const std::vector<int> &seeds, int hops)
{
    const std::vector<GraphNode> &nodes = graph.nodes();
    std::vector<std::vector<int>> adjacent(nodes.size());
    std::vector<std::vector<int>> children(nodes.size());
    for (const GraphEdge &edge : graph.edges()) {
        adjacent[size_t(edge.from)].push_back(edge.to);
        adjacent[size_t(edge.to)].push_back(edge.from);
    }
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].parent >= 0)
            children[size_t(nodes[i].parent)].push_back(int(i));
    }

    // 0-1 breadth-first search: an edge costs a hop, a box and its versions
    // are one place (cost 0), so same-distance steps go to the front.
    std::vector<int> distance(nodes.size(), -1);
    std::deque<std::pair<int, int>> queue; // node, its distance when queued
    const auto reach = [&](int node, int at, bool sameDistance) {
        if (node < 0 || (distance[size_t(node)] >= 0 && distance[size_t(node)] <= at))
            return;
        distance[size_t(node)] = at;
        if (sameDistance)
            queue.emplace_front(node, at);
        else
            queue.emplace_back(node, at);
    };
    for (const int seed : seeds) {
        if (seed >= 0 && size_t(seed) < nodes.size())
            reach(seed, 0, false);
    }
    while (!queue.empty()) {
        const auto [node, at] = queue.front();
        queue.pop_front();
        if (distance[size_t(node)] != at)
            continue; // reached closer since
        reach(nodes[size_t(node)].parent, at, true);
        for (const int child : children[size_t(node)])
            reach(child, at, true);
        if (at < hops) {
            for (const int next : adjacent[size_t(node)])
                reach(next, at + 1, false);
        }
    }
    std::vector<int> result;
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (distance[i] >= 0)
            result.push_back(int(i));
    }
    return result;
}

} // namespace meshlane
