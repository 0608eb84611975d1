// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

class MeshGraph;

// All layout geometry is in points, origin top-left, y growing downwards (as
// QGraphicsScene draws), whatever Graphviz uses internally.
struct LayoutPoint
{
    double x = 0;
    double y = 0;
};

struct LayoutSize
{
    double width = 0;
    double height = 0;
};

struct LayoutRect
{
    double x = 0; // left
    double y = 0; // top
    double width = 0;
    double height = 0;

    LayoutPoint center() const { return {x + width / 2, y + height / 2}; }
};

struct EdgePath
{
    // Cubic Bézier control points as Graphviz routes them: start, then three
    // points per segment. Empty when the edge could not be routed.
    std::vector<LayoutPoint> bezier;
    std::optional<LayoutPoint> arrowTip; // the arrowhead spans bezier.back() -> arrowTip
};

struct LayoutOptions
{
    double rankSeparation = 100; // between columns (room for the edge labels)
    double nodeSeparation = 22;  // between nodes of one column
    double clusterMargin = 12;   // inside an app box, around its versions
    double componentGap = 40;    // between separately laid out parts
    // Up to this many nodes the graph is laid out in one piece (best looking);
    // beyond it every connected part is laid out on its own and the parts are
    // packed in columns, because dot's cost grows much faster than linearly.
    int wholeGraphNodeLimit = 250;
    double aspectRatio = 1.6; // width / height the packed parts aim for
    // Kiali's namespace boxes: the nodes of each namespace named here are laid
    // out in a box of their own, with this title size reserved at its top.
    // Collapsed namespaces (one node already) and nodes of other namespaces
    // stay outside. Empty: no boxes.
    std::map<std::string, LayoutSize> namespaceTitles;
};

// What GraphLayout::compute() takes besides the graph.
struct LayoutInput
{
    std::vector<LayoutSize> sizes;
    LayoutOptions options;
};

struct NamespaceBox
{
    std::string ns;
    LayoutRect box; // title included
};

// Where a laid out MeshGraph's nodes and edges go: what GraphLayout::compute
// gives when Graphviz could lay it out (it fails, as a Result, with
// Graphviz's message otherwise).
struct GraphGeometry
{
    // Per node index of the MeshGraph. Gateway/Service/Version/External: the
    // node's box (the size asked for); App: the box drawn around its versions.
    std::vector<LayoutRect> nodes;
    std::vector<EdgePath> edges; // per edge index
    // Around the nodes of LayoutOptions::namespaceTitles' namespaces. A large
    // graph's connected parts are laid out apart: a part spanning several
    // namespaces has its own boxes, so a namespace can have more than one.
    std::vector<NamespaceBox> namespaces;
    LayoutRect bounds;
};

// Lays a MeshGraph out with Graphviz dot (left to right, one cluster per app).
// Safe to call from any thread: calls are serialised, since Graphviz keeps
// global state.
class GraphLayout
{
public:
    // `sizes` is indexed like graph.nodes(): the box each node needs, label
    // included. For an App node it is the size of its title, which is reserved
    // at the top of its box.
    static Result<GraphGeometry> compute(const MeshGraph &graph, const std::vector<LayoutSize> &sizes,
                                         const LayoutOptions &options = {});

    // The whole graph as one dot document with the attributes compute() uses,
    // so the `dot` program can be compared (or debugged) on the same input.
    static std::string toDot(const MeshGraph &graph, const std::vector<LayoutSize> &sizes,
                             const LayoutOptions &options = {});

    // Lays out a dot document in-process and discards the result (benchmarks).
    static Result<void> layoutDotText(const std::string &dot);
};

} // namespace meshlane
