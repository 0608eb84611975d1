// SPDX-License-Identifier: MIT
#include "graph/graphlayout.h"
#include "graph/meshgraph.h"
#include "load/manifestloader.h"
#include "support/testdata.h"
#include "support/testfolder.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdlib>
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

// Every node of a boxed namespace lies in a box of its namespace, below its
// title; no box holds a node of another namespace or overlaps another box.
void checkNamespaceBoxes(const MeshGraph &graph, const LayoutOptions &options, const GraphGeometry &layout)
{
    const auto &nodes = graph.nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
        const auto title = options.namespaceTitles.find(nodes[i].ns);
        if (title == options.namespaceTitles.end() || nodes[i].kind == GraphNodeKind::Namespace)
            continue;
        const bool boxed = std::any_of(layout.namespaces.begin(), layout.namespaces.end(), [&](const NamespaceBox &box) {
            return box.ns == nodes[i].ns && contains(box.box, layout.nodes[i])
                && layout.nodes[i].y >= box.box.y + title->second.height;
        });
        QVERIFY2(boxed, nodes[i].id.c_str());
    }
    for (const NamespaceBox &box : layout.namespaces) {
        QVERIFY(contains({0, 0, layout.bounds.width, layout.bounds.height}, box.box));
        QVERIFY(box.box.width >= options.namespaceTitles.at(box.ns).width);
        for (size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].ns != box.ns && nodes[i].kind != GraphNodeKind::App)
                QVERIFY2(!overlap(box.box, layout.nodes[i]), (box.ns + " holds " + nodes[i].id).c_str());
        }
        for (const NamespaceBox &other : layout.namespaces) {
            if (&other != &box && !contains(box.box, other.box) && !contains(other.box, box.box))
                QVERIFY2(!overlap(box.box, other.box), (box.ns + " / " + other.ns).c_str());
        }
    }
}

LayoutOptions boxingEveryNamespace(const MeshGraph &graph)
{
    LayoutOptions options;
    for (const GraphNode &node : graph.nodes()) {
        if (!node.ns.empty())
            options.namespaceTitles[node.ns] = {double(node.ns.size()) * 9 + 20, 24};
    }
    return options;
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

    void namespacesAreBoxed_data()
    {
        QTest::addColumn<int>("wholeGraphNodeLimit");
        QTest::addColumn<int>("boxes");
        // One dot run: a cluster per namespace.
        QTest::newRow("whole graph") << 250 << 3;
        // Part by part: shop's parts are packed in one box; payments mirrors to
        // ledger, so that part spans pay and shop and dot boxes both inside it.
        QTest::newRow("part by part") << 0 << 4;
    }

    void namespacesAreBoxed()
    {
        QFETCH(int, wholeGraphNodeLimit);
        QFETCH(int, boxes);
        const MeshGraph graph =
            MeshGraph::build(*ManifestLoader().loadFolder(meshlane::test::testDataPath("graph/namespaces")).mesh);
        const std::vector<LayoutSize> sizes = sizesFor(graph);
        LayoutOptions options = boxingEveryNamespace(graph);
        options.wholeGraphNodeLimit = wholeGraphNodeLimit;
        const Result<GraphGeometry> layout = GraphLayout::compute(graph, sizes, options);
        checkGeometry(graph, sizes, layout);
        if (QTest::currentTestFailed())
            return;
        checkNamespaceBoxes(graph, options, *layout);
        QCOMPARE(int(layout->namespaces.size()), boxes);
        // Without titles there are no boxes, and the dot text is what it was.
        QVERIFY(GraphLayout::compute(graph, sizes)->namespaces.empty());
        QVERIFY(GraphLayout::toDot(graph, sizes).find("cluster_ns") == std::string::npos);
        QVERIFY(GraphLayout::toDot(graph, sizes, options).find("cluster_ns2") != std::string::npos);
    }

    void generatedNamespacesAreBoxedApart()
    {
        // Two meshgen namespaces of 120 services each, laid out part by part (past the whole-graph limit).
        TestFolder folder;
        for (const char *ns : {"team-a", "team-b"}) {
            const std::string command = std::string(MESHGEN_PATH) + " --services 120 --versions 2 --namespace " + ns +
                " --out " + folder.path() + '/' + ns + " > /dev/null";
            QCOMPARE(std::system(command.c_str()), 0);
        }
        const MeshGraph graph = MeshGraph::build(*ManifestLoader().loadFolder(folder.path()).mesh);
        const std::vector<LayoutSize> sizes = sizesFor(graph);
        const LayoutOptions options = boxingEveryNamespace(graph);
        const Result<GraphGeometry> layout = GraphLayout::compute(graph, sizes, options);
        checkGeometry(graph, sizes, layout);
        if (QTest::currentTestFailed())
            return;
        checkNamespaceBoxes(graph, options, *layout);
        QCOMPARE(int(layout->namespaces.size()), 2); // each namespace's hundreds of parts in one box
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
