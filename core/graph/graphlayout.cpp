// SPDX-License-Identifier: MIT
#include "graph/graphlayout.h"

#include "graph/meshgraph.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <numeric>
#include <unordered_map>

namespace meshlane {

namespace {

constexpr double kPointsPerInch = 72.0;

// Graphviz keeps global state (the context, the parser, error buffers): one
// caller at a time, whatever thread it is on.
std::mutex &graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

// Graphviz reports errors through a callback; collected here (under the mutex)
// instead of going to stderr.
std::string &graphvizMessages()
{
    static std::string messages;
    return messages;
}

int collectGraphvizMessage(char *message)
{
    graphvizMessages() += message;
    return 0;
}

GVC_t *graphvizContext()
{
    // Created once and kept: loading the plugins costs more than a small layout.
    static GVC_t *context = [] {
        agseterr(AGERR); // warnings are of no use to the user
        agseterrf(collectGraphvizMessage);
        return gvContext();
    }();
    return context;
}

std::string takeGraphvizMessages(const char *fallback)
{
    std::string message = std::move(graphvizMessages());
    graphvizMessages().clear();
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    return message.empty() ? std::string(fallback) : "Graphviz: " + message;
}

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

// Connected parts (an app box counts as connecting its versions), each in node
// order, the parts ordered by their first node. With `splitAtGateways` edges
// leaving a gateway do not connect: a gateway in front of hundreds of services
// would otherwise make one part so tall that nothing packs beside it.
std::vector<std::vector<int>> connectedParts(const MeshGraph &graph, bool splitAtGateways)
{
    const auto &nodes = graph.nodes();
    std::vector<int> root(nodes.size());
    std::iota(root.begin(), root.end(), 0);
    const auto find = [&root](int node) {
        while (root[size_t(node)] != node)
            node = root[size_t(node)] = root[size_t(root[size_t(node)])];
        return node;
    };
    const auto unite = [&](int a, int b) { root[size_t(find(a))] = find(b); };
    for (const GraphEdge &edge : graph.edges()) {
        if (!splitAtGateways || nodes[size_t(edge.from)].kind != GraphNodeKind::Gateway)
            unite(edge.from, edge.to);
    }
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].parent >= 0)
            unite(int(i), nodes[i].parent);
    }
    std::vector<std::vector<int>> parts;
    std::vector<int> partOfRoot(nodes.size(), -1);
    for (size_t i = 0; i < nodes.size(); ++i) {
        int &part = partOfRoot[size_t(find(int(i)))];
        if (part < 0) {
            part = int(parts.size());
            parts.emplace_back();
        }
        parts[size_t(part)].push_back(int(i));
    }
    return parts;
}

// Node groups laid out together: the whole graph, or each connected part.
std::vector<std::vector<int>> layoutGroups(const MeshGraph &graph, const LayoutOptions &options)
{
    const bool large = int(graph.nodes().size()) > options.wholeGraphNodeLimit;
    std::vector<std::vector<int>> parts = connectedParts(graph, large);
    if (large)
        return parts;
    // dot stacks the parts of a rankdir=LR graph bottom to top in input
    // order; listing them backwards puts the first part (gateways) on top.
    std::vector<int> all;
    all.reserve(graph.nodes().size());
    for (auto part = parts.rbegin(); part != parts.rend(); ++part)
        all.insert(all.end(), part->begin(), part->end());
    return {all};
}

// What dotText() needs to know of the whole graph, worked out once: with one
// group per connected part, walking every node and edge per group would be
// quadratic (10,000 services are 10,000 parts).
struct GroupIndex
{
    std::vector<int> groupOf;               // per node: its index in the groups
    std::vector<int> localOf;               // per node: its index within its group
    std::vector<std::vector<int>> members;  // per App node: its versions
    std::vector<std::vector<int>> outgoing; // per node: its edges, in edge order

    GroupIndex(const MeshGraph &graph, const std::vector<std::vector<int>> &groups)
        : groupOf(graph.nodes().size(), -1), localOf(graph.nodes().size(), -1), members(graph.nodes().size()),
          outgoing(graph.nodes().size())
    {
        for (size_t group = 0; group < groups.size(); ++group) {
            for (size_t local = 0; local < groups[group].size(); ++local) {
                groupOf[size_t(groups[group][local])] = int(group);
                localOf[size_t(groups[group][local])] = int(local);
            }
        }
        const auto &nodes = graph.nodes();
        for (size_t node = 0; node < nodes.size(); ++node) {
            if (nodes[node].parent >= 0)
                members[size_t(nodes[node].parent)].push_back(int(node));
        }
        const auto &edges = graph.edges();
        for (size_t edge = 0; edge < edges.size(); ++edge)
            outgoing[size_t(edges[edge].from)].push_back(int(edge));
    }

    bool together(int a, int b) const { return groupOf[size_t(a)] == groupOf[size_t(b)]; }
};

std::string nodeLine(int node, const GroupIndex &index, const std::vector<LayoutSize> &sizes)
{
    const LayoutSize size = size_t(node) < sizes.size() ? sizes[size_t(node)] : LayoutSize{36, 36};
    return 'n' + std::to_string(index.localOf[size_t(node)]) + " [width=" + number(size.width / kPointsPerInch) +
        ", height=" + number(size.height / kPointsPerInch) + "];\n";
}

// Dot text for one group (no edge leaves it). Everything is numbered within
// the group, so parts of the same shape and sizes have the same text (and
// are laid out once): nodes are n<position in group>, clusters
// cluster_<the app's position>, edges carry their position in `edgesOut`
// (their graph indexes, filled in here) as `ix`.
std::string dotText(const MeshGraph &graph, const std::vector<int> &group, const GroupIndex &index,
                    const std::vector<LayoutSize> &sizes, const LayoutOptions &options, std::vector<int> &edgesOut)
{
    const auto &nodes = graph.nodes();
    std::string dot = "digraph G {\ngraph [rankdir=LR, splines=spline, margin=0, pad=0, nodesep=" +
        number(options.nodeSeparation / kPointsPerInch) + ", ranksep=" + number(options.rankSeparation / kPointsPerInch) +
        "];\nnode [shape=box, fixedsize=true, label=\"\"];\n";
    for (int node : group) {
        const int parent = nodes[size_t(node)].parent;
        if (nodes[size_t(node)].kind != GraphNodeKind::App && (parent < 0 || !index.together(node, parent)))
            dot += nodeLine(node, index, sizes);
    }
    for (int node : group) {
        if (nodes[size_t(node)].kind != GraphNodeKind::App)
            continue;
        // A fixed-size table reserves exactly the caller's title size: Graphviz
        // cannot measure our font, so it must not size the title itself.
        const LayoutSize title = size_t(node) < sizes.size() ? sizes[size_t(node)] : LayoutSize{};
        dot += "subgraph cluster_" + std::to_string(index.localOf[size_t(node)]) +
            " {\nlabel=<<TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\" FIXEDSIZE=\"TRUE\" WIDTH=\"" +
            std::to_string(std::max(1, int(std::ceil(title.width)))) +
            "\" HEIGHT=\"" + std::to_string(std::max(1, int(std::ceil(title.height)))) +
            "\"><TR><TD></TD></TR></TABLE>>;\nlabeljust=l; labelloc=t; margin=" + number(options.clusterMargin) + ";\n";
        for (int member : index.members[size_t(node)]) {
            if (nodes[size_t(member)].kind != GraphNodeKind::App && index.together(member, node))
                dot += nodeLine(member, index, sizes);
        }
        dot += "}\n";
    }
    // Edges in the order of their source nodes: dot's ordering follows the input.
    const auto &edges = graph.edges();
    edgesOut.clear();
    for (int node : group) {
        for (int edge : index.outgoing[size_t(node)]) {
            const int to = edges[size_t(edge)].to;
            if (!index.together(node, to))
                continue;
            dot += 'n' + std::to_string(index.localOf[size_t(node)]) + " -> n" +
                std::to_string(index.localOf[size_t(to)]) + " [ix=" + std::to_string(edgesOut.size()) + "];\n";
            edgesOut.push_back(edge);
        }
    }
    dot += "}\n";
    return dot;
}

struct GroupLayout
{
    std::vector<int> nodes;
    double width = 0;
    double height = 0;
    // Local geometry (top-left origin), moved into place when packing.
    std::vector<std::pair<int, LayoutRect>> boxes;
    std::vector<std::pair<int, EdgePath>> edges;
};

// Graphviz's y grows upwards.
LayoutPoint toTopDown(pointf point, const boxf &bounds)
{
    return {point.x - bounds.LL.x, bounds.UR.y - point.y};
}

// Caller holds the Graphviz mutex. The layout's `nodes` are the caller's to fill.
Result<GroupLayout> layoutGroup(const std::string &dot)
{
    GVC_t *context = graphvizContext(); // first, so its error callback is in place
    Agraph_t *graph = agmemread(dot.c_str());
    if (!graph)
        return Result<GroupLayout>::failure(takeGraphvizMessages("Graphviz could not parse the graph"));
    if (gvLayout(context, graph, "dot") != 0) {
        agclose(graph);
        return Result<GroupLayout>::failure(takeGraphvizMessages("Graphviz dot layout failed"));
    }
    graphvizMessages().clear();
    const boxf bounds = GD_bb(graph);
    GroupLayout layout;
    layout.width = bounds.UR.x - bounds.LL.x;
    layout.height = bounds.UR.y - bounds.LL.y;
    for (Agnode_t *node = agfstnode(graph); node; node = agnxtnode(graph, node)) {
        const int index = std::atoi(agnameof(node) + 1);
        const LayoutPoint center = toTopDown(ND_coord(node), bounds);
        const double width = ND_width(node) * kPointsPerInch;
        const double height = ND_height(node) * kPointsPerInch;
        layout.boxes.emplace_back(index, LayoutRect{center.x - width / 2, center.y - height / 2, width, height});
        for (Agedge_t *edge = agfstout(graph, node); edge; edge = agnxtout(graph, edge)) {
            const char *ix = agget(edge, const_cast<char *>("ix"));
            const splines *spline = ED_spl(edge);
            if (!ix || !spline)
                continue;
            EdgePath path;
            for (int b = 0; b < spline->size; ++b) {
                const bezier &curve = spline->list[b];
                for (int p = 0; p < curve.size; ++p)
                    path.bezier.push_back(toTopDown(curve.list[p], bounds));
                if (curve.eflag)
                    path.arrowTip = toTopDown(curve.ep, bounds);
            }
            layout.edges.emplace_back(std::atoi(ix), std::move(path));
        }
    }
    for (Agraph_t *cluster = agfstsubg(graph); cluster; cluster = agnxtsubg(cluster)) {
        const char *name = agnameof(cluster);
        if (std::strncmp(name, "cluster_", 8) != 0)
            continue;
        const boxf box = GD_bb(cluster);
        const LayoutPoint topLeft = toTopDown({box.LL.x, box.UR.y}, bounds);
        layout.boxes.emplace_back(std::atoi(name + 8),
                                  LayoutRect{topLeft.x, topLeft.y, box.UR.x - box.LL.x, box.UR.y - box.LL.y});
    }
    gvFreeLayout(context, graph);
    agclose(graph);
    return layout;
}

void moveBy(GroupLayout &group, double dx, double dy, GraphGeometry &result)
{
    for (auto &[index, box] : group.boxes)
        result.nodes[size_t(index)] = {box.x + dx, box.y + dy, box.width, box.height};
    for (auto &[index, path] : group.edges) {
        for (LayoutPoint &point : path.bezier)
            point = {point.x + dx, point.y + dy};
        if (path.arrowTip)
            path.arrowTip = LayoutPoint{path.arrowTip->x + dx, path.arrowTip->y + dy};
        result.edges[size_t(index)] = std::move(path);
    }
}

// Columns, left-aligned so every part reads left to right from the same edge;
// parts with gateways and the biggest parts come first.
void pack(std::vector<GroupLayout> &groups, const MeshGraph &graph, const LayoutOptions &options,
          GraphGeometry &result)
{
    const auto hasGateway = [&graph](const GroupLayout &group) {
        return std::any_of(group.nodes.begin(), group.nodes.end(),
                           [&graph](int node) { return graph.nodes()[size_t(node)].kind == GraphNodeKind::Gateway; });
    };
    std::stable_sort(groups.begin(), groups.end(), [&](const GroupLayout &a, const GroupLayout &b) {
        const bool gatewayA = hasGateway(a);
        const bool gatewayB = hasGateway(b);
        if (gatewayA != gatewayB)
            return gatewayA;
        return a.nodes.size() > b.nodes.size();
    });
    double area = 0;
    double tallest = 0;
    for (const GroupLayout &group : groups) {
        area += (group.width + options.componentGap) * (group.height + options.componentGap);
        tallest = std::max(tallest, group.height);
    }
    const double columnHeight = std::max(tallest, std::sqrt(area / options.aspectRatio));
    double x = 0;
    double y = 0;
    double columnWidth = 0;
    for (GroupLayout &group : groups) {
        if (y > 0 && y + group.height > columnHeight) {
            x += columnWidth + options.componentGap;
            y = 0;
            columnWidth = 0;
        }
        moveBy(group, x, y, result);
        result.bounds.width = std::max(result.bounds.width, x + group.width);
        result.bounds.height = std::max(result.bounds.height, y + group.height);
        y += group.height + options.componentGap;
        columnWidth = std::max(columnWidth, group.width);
    }
}

// Edges between separately laid out parts (from a gateway): a plain curve
// from the right side of one box to the left side of the other.
void routeBetweenParts(const MeshGraph &graph, GraphGeometry &result)
{
    constexpr double kArrowLength = 10;
    for (size_t i = 0; i < graph.edges().size(); ++i) {
        EdgePath &path = result.edges[i];
        if (!path.bezier.empty())
            continue;
        const LayoutRect &from = result.nodes[size_t(graph.edges()[i].from)];
        const LayoutRect &to = result.nodes[size_t(graph.edges()[i].to)];
        const LayoutPoint start{from.x + from.width, from.center().y};
        const LayoutPoint tip{to.x, to.center().y};
        const LayoutPoint end{tip.x - kArrowLength, tip.y};
        const double pull = std::max(40.0, std::abs(end.x - start.x) / 2);
        path.bezier = {start, {start.x + pull, start.y}, {end.x - pull, end.y}, end};
        path.arrowTip = tip;
    }
}

} // namespace

Result<GraphGeometry> GraphLayout::compute(const MeshGraph &graph, const std::vector<LayoutSize> &sizes,
                                           const LayoutOptions &options)
{
    GraphGeometry result;
    result.nodes.resize(graph.nodes().size());
    result.edges.resize(graph.edges().size());
    std::vector<std::vector<int>> nodeGroups = layoutGroups(graph, options);
    const GroupIndex index(graph, nodeGroups);
    // Many parts of a large mesh are alike (a service and its versions):
    // Graphviz lays each distinct text out once per call.
    std::unordered_map<std::string, GroupLayout> alike;
    std::vector<GroupLayout> groups;
    std::vector<int> groupEdges;
    for (std::vector<int> &nodes : nodeGroups) {
        const std::string dot = dotText(graph, nodes, index, sizes, options, groupEdges);
        auto known = alike.find(dot);
        if (known == alike.end()) {
            std::unique_lock lock(graphvizMutex());
            Result<GroupLayout> group = layoutGroup(dot);
            lock.unlock();
            if (!group)
                return Result<GraphGeometry>::failure(group.error());
            known = alike.emplace(dot, std::move(group).value()).first;
        }
        GroupLayout layout = known->second; // numbered within the group: renumber for the graph
        for (auto &[node, box] : layout.boxes)
            node = nodes[size_t(node)];
        for (auto &[edge, path] : layout.edges)
            edge = groupEdges[size_t(edge)];
        layout.nodes = std::move(nodes);
        groups.push_back(std::move(layout));
    }
    pack(groups, graph, options, result);
    routeBetweenParts(graph, result);
    return result;
}

std::string GraphLayout::toDot(const MeshGraph &graph, const std::vector<LayoutSize> &sizes, const LayoutOptions &options)
{
    std::vector<int> all(graph.nodes().size());
    std::iota(all.begin(), all.end(), 0);
    std::vector<int> edges;
    return dotText(graph, all, GroupIndex(graph, {all}), sizes, options, edges);
}

Result<void> GraphLayout::layoutDotText(const std::string &dot)
{
    const std::lock_guard lock(graphvizMutex());
    if (const Result<GroupLayout> layout = layoutGroup(dot); !layout)
        return Result<void>::failure(layout.error());
    return {};
}

} // namespace meshlane
