// SPDX-License-Identifier: MIT
#include "graph/graphlayout.h"
#include "graph/meshgraph.h"
#include "load/manifestloader.h"
#include "support/testdata.h"

#include <QTest>

#include <cmath>
#include <optional>
#include <thread>

using namespace meshlane;

namespace {

MeshPtr loadSample(const char *name)
{
    const QString folder = meshlane::test::samplesDir(QLatin1String(name));
    return ManifestLoader().loadFolder(folder.toStdString()).mesh;
}

// Distinct sizes per kind, so the test notices if sizes are mixed up.
std::vector<LayoutSize> sizesFor(const MeshGraph &graph)
{
    std::vector<LayoutSize> sizes;
    for (const GraphNode &node : graph.nodes()) {
        switch (node.kind) {
        case GraphNodeKind::App: sizes.push_back({70, 18}); break;
        case GraphNodeKind::Version: sizes.push_back({40, 44}); break;
        default: sizes.push_back({90, 50}); break;
        }
    }
    return sizes;
}

bool contains(const LayoutRect &outer, const LayoutRect &inner)
{
    return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5
        && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

bool overlap(const LayoutRect &a, const LayoutRect &b)
{
    return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5
        && b.y < a.y + a.height - 0.5;
}

double distance(const LayoutPoint &a, const LayoutPoint &b) { return std::hypot(a.x - b.x, a.y - b.y); }

double distanceToBox(const LayoutPoint &p, const LayoutRect &r)
{
    const double dx = std::max({r.x - p.x, 0.0, p.x - (r.x + r.width)});
    const double dy = std::max({r.y - p.y, 0.0, p.y - (r.y + r.height)});
    return std::hypot(dx, dy);
}

void checkGeometry(const MeshGraph &graph, const std::vector<LayoutSize> &sizes, const Result<GraphGeometry> &laidOut)
{
    QVERIFY2(laidOut.ok(), laidOut.error().c_str());
    const GraphGeometry &layout = *laidOut;
    QCOMPARE(layout.nodes.size(), graph.nodes().size());
    QCOMPARE(layout.edges.size(), graph.edges().size());
    const auto &nodes = graph.nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
        const LayoutRect &box = layout.nodes[i];
        QVERIFY(contains({0, 0, layout.bounds.width, layout.bounds.height}, box));
        if (nodes[i].kind == GraphNodeKind::App)
            continue;
        QVERIFY2(std::abs(box.width - sizes[i].width) < 0.5 && std::abs(box.height - sizes[i].height) < 0.5,
                 nodes[i].id.c_str());
        if (nodes[i].parent >= 0) {
            const LayoutRect &app = layout.nodes[size_t(nodes[i].parent)];
            QVERIFY2(contains(app, box), nodes[i].id.c_str());
            // The app's title sits above its versions.
            QVERIFY2(box.y >= app.y + sizes[size_t(nodes[i].parent)].height, nodes[i].id.c_str());
        }
        for (size_t j = i + 1; j < nodes.size(); ++j) {
            if (nodes[j].kind != GraphNodeKind::App)
                QVERIFY2(!overlap(box, layout.nodes[j]), (nodes[i].id + " / " + nodes[j].id).c_str());
        }
    }
    for (size_t e = 0; e < graph.edges().size(); ++e) {
        const EdgePath &path = layout.edges[e];
        const GraphEdge &edge = graph.edges()[e];
        QVERIFY2(path.bezier.size() >= 4 && (path.bezier.size() - 1) % 3 == 0, edge.id.c_str());
        QVERIFY2(path.arrowTip, edge.id.c_str());
        QVERIFY2(distanceToBox(path.bezier.front(), layout.nodes[size_t(edge.from)]) < 2, edge.id.c_str());
        QVERIFY2(distanceToBox(*path.arrowTip, layout.nodes[size_t(edge.to)]) < 2, edge.id.c_str());
        QVERIFY2(distance(path.bezier.back(), *path.arrowTip) > 1, edge.id.c_str());
    }
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bookinfoReadsLeftToRight()
    {
        const MeshGraph graph = MeshGraph::build(*loadSample("bookinfo"));
        const std::vector<LayoutSize> sizes = sizesFor(graph);
        const Result<GraphGeometry> layout = GraphLayout::compute(graph, sizes);
        checkGeometry(graph, sizes, layout);
        if (QTest::currentTestFailed())
            return;
        const auto x = [&](const char *id) { return layout->nodes[size_t(graph.nodeIndex(id))].center().x; };
        QVERIFY(x("gw:default/bookinfo-gateway") < x("svc:productpage.default.svc.cluster.local"));
        QVERIFY(x("svc:productpage.default.svc.cluster.local") < x("wl:default/productpage-v1"));
        QVERIFY(x("svc:reviews.default.svc.cluster.local") < x("wl:default/reviews-v1"));
    }

    void partsArePackedWithoutOverlap()
    {
        const MeshGraph graph = MeshGraph::build(*loadSample("greeter"));
        const std::vector<LayoutSize> sizes = sizesFor(graph);
        LayoutOptions options;
        options.wholeGraphNodeLimit = 0; // force one Graphviz run per connected part
        const Result<GraphGeometry> layout = GraphLayout::compute(graph, sizes, options);
        checkGeometry(graph, sizes, layout);
        if (QTest::currentTestFailed())
            return;
        // The part with the gateway comes first: top-left.
        const LayoutRect gateway = layout->nodes[size_t(graph.nodeIndex("gw:default/gateway"))];
        QVERIFY(gateway.x < 1 && gateway.y < layout->bounds.height / 2);
    }

    void mirrorsAndPlaceholdersAreLaidOut()
    {
        for (const char *sample : {"httpbin-mirror", "account-service"}) {
            const MeshGraph graph = MeshGraph::build(*loadSample(sample));
            const std::vector<LayoutSize> sizes = sizesFor(graph);
            checkGeometry(graph, sizes, GraphLayout::compute(graph, sizes));
        }
    }

    void dotTextRoundTrips()
    {
        const MeshGraph graph = MeshGraph::build(*loadSample("bookinfo"));
        const std::string dot = GraphLayout::toDot(graph, sizesFor(graph));
        QVERIFY(dot.find("rankdir=LR") != std::string::npos);
        QVERIFY(dot.find("subgraph cluster_") != std::string::npos);
        const Result<void> laidOut = GraphLayout::layoutDotText(dot);
        QVERIFY2(laidOut, laidOut.error().c_str());
        const Result<void> broken = GraphLayout::layoutDotText("digraph { a -> ");
        QVERIFY(!broken);
        QVERIFY2(broken.error().find("syntax error") != std::string::npos, broken.error().c_str());
    }

    void callsFromSeveralThreadsAreSafe()
    {
        const MeshGraph graph = MeshGraph::build(*loadSample("bookinfo"));
        const std::vector<LayoutSize> sizes = sizesFor(graph);
        const Result<GraphGeometry> reference = GraphLayout::compute(graph, sizes);
        QVERIFY(reference.ok());
        std::vector<std::optional<Result<GraphGeometry>>> results(4); // set by the threads
        std::vector<std::thread> threads;
        for (auto &result : results)
            threads.emplace_back([&] { result = GraphLayout::compute(graph, sizes); });
        for (auto &thread : threads)
            thread.join();
        for (const auto &result : results) {
            QVERIFY(result->ok());
            for (size_t i = 0; i < reference->nodes.size(); ++i)
                QCOMPARE((*result)->nodes[i].center().x, reference->nodes[i].center().x);
        }
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
