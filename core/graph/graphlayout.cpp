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
#include <map>
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
    std::vector<std::string> boxed;         // the namespaces boxed, in name order
    std::vector<int> boxOf;                 // per node: its namespace in `boxed`, -1 for none

    GroupIndex(const MeshGraph &graph, const std::vector<std::vector<int>> &groups, const LayoutOptions &options)
        : groupOf(graph.nodes().size(), -1), localOf(graph.nodes().size(), -1), members(graph.nodes().size()),
          outgoing(graph.nodes().size()), boxOf(graph.nodes().size(), -1)
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
        for (const auto &[ns, title] : options.namespaceTitles)
            boxed.push_back(ns);
        for (size_t node = 0; node < nodes.size(); ++node) {
            if (nodes[node].kind == GraphNodeKind::Namespace)
                continue; // a collapsed namespace is not boxed again
            const auto it = std::lower_bound(boxed.begin(), boxed.end(), nodes[node].ns);
            if (it != boxed.end() && *it == nodes[node].ns)
                boxOf[node] = int(it - boxed.begin());
        }
    }

    bool together(int a, int b) const { return groupOf[size_t(a)] == groupOf[size_t(b)]; }

    // The namespace every node of `group` is boxed in, or -1 when they are
    // not all in one (or in none): such a group is boxed as a whole when
    // packed, a mixed one has its boxes laid out by dot.
    int soleNamespace(const std::vector<int> &group) const
    {
        const int first = group.empty() ? -1 : boxOf[size_t(group.front())];
        for (int node : group) {
            if (boxOf[size_t(node)] != first)
                return -1;
        }
        return first;
    }
};

std::string nodeLine(int node, const GroupIndex &index, const std::vector<LayoutSize> &sizes)
{
    const LayoutSize size = size_t(node) < sizes.size() ? sizes[size_t(node)] : LayoutSize{36, 36};
    return 'n' + std::to_string(index.localOf[size_t(node)]) + " [width=" + number(size.width / kPointsPerInch) +
        ", height=" + number(size.height / kPointsPerInch) + "];\n";
}

// A cluster's title: a fixed-size table reserves exactly the caller's title
// size, since Graphviz cannot measure our font and must not size it itself.
std::string clusterTitle(const LayoutSize &title, const LayoutOptions &options)
{
    return "label=<<TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\" FIXEDSIZE=\"TRUE\" WIDTH=\"" +
        std::to_string(std::max(1, int(std::ceil(title.width)))) + "\" HEIGHT=\"" +
        std::to_string(std::max(1, int(std::ceil(title.height)))) +
        "\"><TR><TD></TD></TR></TABLE>>;\nlabeljust=l; labelloc=t; margin=" + number(options.clusterMargin) + ";\n";
}

// Dot text for one group (no edge leaves it). Everything is numbered within
// the group, so parts of the same shape and sizes have the same text (and
// are laid out once): nodes are n<position in group>, app clusters
// cluster_<the app's position>, namespace clusters cluster_ns<position in
// `namespacesOut`> (the boxed namespaces, filled in here, only when the
// group spans several), edges carry their position in `edgesOut` (their
// graph indexes, filled in here) as `ix`.
std::string dotText(const MeshGraph &graph, const std::vector<int> &group, const GroupIndex &index,
                    const std::vector<LayoutSize> &sizes, const LayoutOptions &options, std::vector<int> &edgesOut,
                    std::vector<int> &namespacesOut)
{
    const auto &nodes = graph.nodes();
    std::string dot = "digraph G {\ngraph [rankdir=LR, splines=spline, margin=0, pad=0, nodesep=" +
        number(options.nodeSeparation / kPointsPerInch) + ", ranksep=" + number(options.rankSeparation / kPointsPerInch) +
        "];\nnode [shape=box, fixedsize=true, label=\"\"];\n";
    namespacesOut.clear();
    const bool boxesInside = !index.boxed.empty() && index.soleNamespace(group) < 0;
    if (boxesInside) {
        for (int node : group) {
            const int box = index.boxOf[size_t(node)];
            if (box >= 0 && std::find(namespacesOut.begin(), namespacesOut.end(), box) == namespacesOut.end())
                namespacesOut.push_back(box);
        }
    }
    // The nodes and app clusters in namespace `box` (-1: in none, or not boxed here).
    const auto addNodes = [&](int box) {
        const auto inBox = [&](int node) { return (boxesInside ? index.boxOf[size_t(node)] : -1) == box; };
        for (int node : group) {
            const int parent = nodes[size_t(node)].parent;
            if (inBox(node) && nodes[size_t(node)].kind != GraphNodeKind::App && (parent < 0 || !index.together(node, parent)))
                dot += nodeLine(node, index, sizes);
        }
        for (int node : group) {
            if (!inBox(node) || nodes[size_t(node)].kind != GraphNodeKind::App)
                continue;
            const LayoutSize title = size_t(node) < sizes.size() ? sizes[size_t(node)] : LayoutSize{};
            dot += "subgraph cluster_" + std::to_string(index.localOf[size_t(node)]) + " {\n" +
                clusterTitle(title, options);
            for (int member : index.members[size_t(node)]) {
                if (nodes[size_t(member)].kind != GraphNodeKind::App && index.together(member, node))
                    dot += nodeLine(member, index, sizes);
            }
            dot += "}\n";
        }
    };
    for (size_t k = 0; k < namespacesOut.size(); ++k) {
        dot += "subgraph cluster_ns" + std::to_string(k) + " {\n" +
            clusterTitle(options.namespaceTitles.at(index.boxed[size_t(namespacesOut[k])]), options);
        addNodes(namespacesOut[k]);
        dot += "}\n";
    }
    addNodes(-1);
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
    std::vector<std::pair<int, LayoutRect>> namespaceBoxes; // by GroupIndex::boxed
};

// Graphviz's y grows upwards.
LayoutPoint toTopDown(pointf point, const boxf &bounds)
{
    return {point.x - bounds.LL.x, bounds.UR.y - point.y};
}

// App clusters as boxes, namespace clusters as namespace boxes (their
// numbers as dotText() gave them), nested ones included.
void readClusters(Agraph_t *parent, const boxf &bounds, GroupLayout &layout)
{
    for (Agraph_t *cluster = agfstsubg(parent); cluster; cluster = agnxtsubg(cluster)) {
        const char *name = agnameof(cluster);
        if (std::strncmp(name, "cluster_", 8) != 0)
            continue;
        const boxf box = GD_bb(cluster);
        const LayoutPoint topLeft = toTopDown({box.LL.x, box.UR.y}, bounds);
        const LayoutRect rect{topLeft.x, topLeft.y, box.UR.x - box.LL.x, box.UR.y - box.LL.y};
        if (std::strncmp(name + 8, "ns", 2) == 0)
            layout.namespaceBoxes.emplace_back(std::atoi(name + 10), rect);
        else
            layout.boxes.emplace_back(std::atoi(name + 8), rect);
        readClusters(cluster, bounds, layout);
    }
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
    readClusters(graph, bounds, layout);
    gvFreeLayout(context, graph);
    agclose(graph);
    return layout;
}

LayoutRect movedBy(const LayoutRect &box, double dx, double dy)
{
    return {box.x + dx, box.y + dy, box.width, box.height};
}

// Adds `group`, moved by (dx, dy), to `into` (whose size is the caller's).
void append(GroupLayout &into, GroupLayout &&group, double dx, double dy)
{
    into.nodes.insert(into.nodes.end(), group.nodes.begin(), group.nodes.end());
    for (auto &[index, box] : group.boxes)
        into.boxes.emplace_back(index, movedBy(box, dx, dy));
    for (auto &[index, box] : group.namespaceBoxes)
        into.namespaceBoxes.emplace_back(index, movedBy(box, dx, dy));
    for (auto &[index, path] : group.edges) {
        for (LayoutPoint &point : path.bezier)
            point = {point.x + dx, point.y + dy};
        if (path.arrowTip)
            path.arrowTip = LayoutPoint{path.arrowTip->x + dx, path.arrowTip->y + dy};
        into.edges.emplace_back(index, std::move(path));
    }
}

// Columns, left-aligned so every part reads left to right from the same edge;
// parts with gateways and the biggest parts come first.
GroupLayout packed(std::vector<GroupLayout> groups, const MeshGraph &graph, const LayoutOptions &options)
{
    if (groups.size() == 1)
        return std::move(groups.front());
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
    GroupLayout result;
    double x = 0;
    double y = 0;
    double columnWidth = 0;
    for (GroupLayout &group : groups) {
        if (y > 0 && y + group.height > columnHeight) {
            x += columnWidth + options.componentGap;
            y = 0;
            columnWidth = 0;
        }
        const double width = group.width;
        const double height = group.height;
        append(result, std::move(group), x, y);
        result.width = std::max(result.width, x + width);
        result.height = std::max(result.height, y + height);
        y += height + options.componentGap;
        columnWidth = std::max(columnWidth, width);
    }
    return result;
}

// `parts`, all in the namespace boxed[box], packed inside that namespace's box.
GroupLayout boxed(std::vector<GroupLayout> parts, int box, const GroupIndex &index, const MeshGraph &graph,
                  const LayoutOptions &options)
{
    const LayoutSize title = options.namespaceTitles.at(index.boxed[size_t(box)]);
    GroupLayout inside = packed(std::move(parts), graph, options);
    GroupLayout result;
    const double margin = options.clusterMargin;
    result.width = std::max(inside.width, title.width) + 2 * margin;
    result.height = inside.height + title.height + 2 * margin;
    const double insideWidth = inside.width;
    // Centred under the title, as dot centres a cluster's contents.
    append(result, std::move(inside), (result.width - insideWidth) / 2, margin + title.height);
    result.namespaceBoxes.emplace_back(box, LayoutRect{0, 0, result.width, result.height});
    return result;
}

void place(GroupLayout &&all, const GroupIndex &index, GraphGeometry &result)
{
    for (auto &[node, box] : all.boxes)
        result.nodes[size_t(node)] = box;
    for (auto &[edge, path] : all.edges)
        result.edges[size_t(edge)] = std::move(path);
    for (auto &[box, rect] : all.namespaceBoxes)
        result.namespaces.push_back({index.boxed[size_t(box)], rect});
    result.bounds.width = all.width;
    result.bounds.height = all.height;
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
    const GroupIndex index(graph, nodeGroups, options);
    // Many parts of a large mesh are alike (a service and its versions):
    // Graphviz lays each distinct text out once per call.
    std::unordered_map<std::string, GroupLayout> alike;
    std::vector<GroupLayout> groups;
    // Parts wholly in one boxed namespace, per namespace: boxed together.
    std::map<int, std::vector<GroupLayout>> namespaceParts;
    std::vector<int> groupEdges;
    std::vector<int> groupNamespaces;
    for (std::vector<int> &nodes : nodeGroups) {
        const std::string dot = dotText(graph, nodes, index, sizes, options, groupEdges, groupNamespaces);
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
        for (auto &[box, rect] : layout.namespaceBoxes)
            box = groupNamespaces[size_t(box)];
        const int sole = index.soleNamespace(nodes);
        layout.nodes = std::move(nodes);
        if (sole >= 0)
            namespaceParts[sole].push_back(std::move(layout));
        else
            groups.push_back(std::move(layout));
    }
    for (auto &[box, parts] : namespaceParts)
        groups.push_back(boxed(std::move(parts), box, index, graph, options));
    place(packed(std::move(groups), graph, options), index, result);
    routeBetweenParts(graph, result);
    return result;
}

std::string GraphLayout::toDot(const MeshGraph &graph, const std::vector<LayoutSize> &sizes, const LayoutOptions &options)
{
    std::vector<int> all(graph.nodes().size());
    std::iota(all.begin(), all.end(), 0);
    std::vector<int> edges;
    std::vector<int> namespaces;
    return dotText(graph, all, GroupIndex(graph, {all}, options), sizes, options, edges, namespaces);
}

Result<void> GraphLayout::layoutDotText(const std::string &dot)
{
    const std::lock_guard lock(graphvizMutex());
    if (const Result<GroupLayout> layout = layoutGroup(dot); !layout)
        return Result<void>::failure(layout.error());
    return {};
}

} // namespace meshlane
