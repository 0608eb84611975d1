// SPDX-License-Identifier: MIT
#include "graph/meshgraph.h"
#include "graph/namespacecollapse.h"
#include "load/manifestloader.h"
#include "support/testdata.h"
#include "support/testfolder.h"

#include <QDir>
#include <QTest>

#include <cstdlib>

using namespace meshlane;

namespace {

MeshGraph graphOf(const std::string &folder)
{
    return MeshGraph::build(*ManifestLoader().loadFolder(folder).mesh);
}

// tests/data/graph/namespaces: istio-system, shop and pay (its README says what is where).
const MeshGraph &threeNamespaces()
{
    static const MeshGraph graph = graphOf(meshlane::test::testDataPath("graph/namespaces"));
    return graph;
}

const GraphEdge *edgeBetween(const MeshGraph &graph, const std::string &from, const std::string &to,
                             GraphEdgeKind kind = GraphEdgeKind::Route)
{
    for (const GraphEdge &edge : graph.edges()) {
        if (graph.nodes()[size_t(edge.from)].id == from && graph.nodes()[size_t(edge.to)].id == to && edge.kind == kind)
            return &edge;
    }
    return nullptr;
}

int countIn(const MeshGraph &graph, const std::string &ns)
{
    int count = 0;
    for (const GraphNode &node : graph.nodes())
        count += node.ns == ns ? 1 : 0;
    return count;
}

// Ids index what they name, edges and parents point at nodes that exist.
void checkWellFormed(const MeshGraph &graph, const std::string &where)
{
    const auto &nodes = graph.nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
        QVERIFY2(graph.nodeIndex(nodes[i].id) == int(i), (where + ": " + nodes[i].id).c_str());
        if (nodes[i].parent >= 0) {
            QVERIFY2(size_t(nodes[i].parent) < nodes.size(), where.c_str());
            QCOMPARE(nodes[size_t(nodes[i].parent)].kind, GraphNodeKind::App);
        }
    }
    for (size_t i = 0; i < graph.edges().size(); ++i) {
        const GraphEdge &edge = graph.edges()[i];
        QVERIFY2(graph.edgeIndex(edge.id) == int(i), (where + ": " + edge.id).c_str());
        QVERIFY2(edge.from >= 0 && size_t(edge.from) < nodes.size() && edge.to >= 0 && size_t(edge.to) < nodes.size(),
                 where.c_str());
        QVERIFY2(edge.merged >= 1, where.c_str());
    }
}

// Pods on version nodes and folded namespaces: what the graph shows running.
int pods(const MeshGraph &graph)
{
    int count = 0;
    for (const GraphNode &node : graph.nodes())
        count += node.kind == GraphNodeKind::Version || node.kind == GraphNodeKind::Namespace ? node.podCount : 0;
    return count;
}

} // namespace

class TestNamespaceCollapse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheNamespaces()
    {
        QCOMPARE(graphNamespaces(threeNamespaces()), (std::vector<std::string>{"istio-system", "pay", "shop"}));
    }

    void foldsEveryNodeOfTheNamespace()
    {
        const MeshGraph &whole = threeNamespaces();
        const MeshGraph graph = collapseNamespaces(whole, {"shop"});
        QCOMPARE(countIn(graph, "shop"), 1);
        const GraphNode *shop = graph.findNode(namespaceNodeId("shop"));
        QVERIFY(shop);
        QCOMPARE(shop->kind, GraphNodeKind::Namespace);
        QCOMPARE(shop->label, std::string("shop"));
        QCOMPARE(shop->foldedServices, 3);            // frontend, cart, ledger
        QCOMPARE(shop->podCount, 2 + 3 + 1 + 1);      // frontend-v1, cart-v1, cart-v2, ledger-v1
        QVERIFY(!shop->virtualService.size());        // selecting it opens no editor
        QVERIFY(shop->splitsTraffic);                 // cart splits 90/10
        QVERIFY2(shop->broken(), "cart's subset v3 is missing, inside shop");
        // Nothing else changed: the same nodes with the same ids, parents pointing at the same boxes.
        QCOMPARE(int(graph.nodes().size()), int(whole.nodes().size()) - countIn(whole, "shop") + 1);
        for (const GraphNode &node : whole.nodes()) {
            if (node.ns == "shop")
                continue;
            const GraphNode *kept = graph.findNode(node.id);
            QVERIFY2(kept, node.id.c_str());
            QCOMPARE(kept->kind, node.kind);
            if (node.parent >= 0)
                QCOMPARE(graph.nodes()[size_t(kept->parent)].id, whole.nodes()[size_t(node.parent)].id);
        }
    }

    void edgesEndAtTheFoldedNodeAndMerge()
    {
        const MeshGraph &whole = threeNamespaces();
        const MeshGraph graph = collapseNamespaces(whole, {"shop"});
        const std::string gateway = "gw:istio-system/public-gateway";
        const std::string payments = "svc:payments.pay.svc.cluster.local";
        // The gateway's default route goes into shop; its /pay route does not change.
        const GraphEdge *intoShop = edgeBetween(graph, gateway, "ns:shop");
        QVERIFY(intoShop);
        QCOMPARE(intoShop->id, gateway + " > ns:shop");
        QCOMPARE(intoShop->merged, 1);
        QCOMPARE(intoShop->share, edgeBetween(whole, gateway, "svc:frontend.shop.svc.cluster.local")->share);
        QVERIFY(edgeBetween(graph, gateway, payments));
        QCOMPARE(edgeBetween(graph, gateway, payments)->id, edgeBetween(whole, gateway, payments)->id);
        // payments' x-refund route to ledger stays a conditional route, its mirror a mirror.
        const GraphEdge *refund = edgeBetween(graph, payments, "ns:shop");
        QVERIFY(refund);
        QVERIFY(refund->conditional);
        QCOMPARE(refund->condition, edgeBetween(whole, payments, "svc:ledger.shop.svc.cluster.local")->condition);
        const GraphEdge *mirror = edgeBetween(graph, payments, "ns:shop", GraphEdgeKind::Mirror);
        QVERIFY(mirror);
        QCOMPARE(mirror->share, 0.25);
        QCOMPARE(mirror->id, payments + " > ns:shop ~");
        // Edges inside shop (cart to its versions) are gone; none ends at a node that is not there.
        for (const GraphEdge &edge : graph.edges()) {
            QVERIFY(edge.from != edge.to || graph.nodes()[size_t(edge.from)].kind != GraphNodeKind::Namespace);
            QVERIFY(graph.edgeIndex(edge.id) >= 0);
        }
        int outsideShop = 0;
        for (const GraphEdge &edge : whole.edges()) {
            const bool fromShop = whole.nodes()[size_t(edge.from)].ns == "shop";
            const bool toShop = whole.nodes()[size_t(edge.to)].ns == "shop";
            outsideShop += !fromShop && !toShop ? 1 : 0;
        }
        QCOMPARE(int(graph.edges().size()), outsideShop + 3); // + gateway, refund route and mirror into shop
    }

    void parallelEdgesBecomeOneAsBuildMergesThem()
    {
        // Both of the gateway's routes end in the folded node when pay and shop are one.
        const MeshGraph &whole = threeNamespaces();
        const MeshGraph graph = collapseNamespaces(whole, {"shop", "pay"});
        const std::string gateway = "gw:istio-system/public-gateway";
        QVERIFY(edgeBetween(graph, gateway, "ns:shop"));
        QVERIFY(edgeBetween(graph, gateway, "ns:pay"));
        // pay -> shop: the x-refund route, and the mirror on its own (a copy, not a route).
        const GraphEdge *route = edgeBetween(graph, "ns:pay", "ns:shop");
        QVERIFY(route);
        QCOMPARE(route->merged, 1);
        QVERIFY(edgeBetween(graph, "ns:pay", "ns:shop", GraphEdgeKind::Mirror));
        // Everything folded: one node per namespace, and the shares into a namespace add up.
        const MeshGraph all = collapseNamespaces(whole, {"istio-system", "shop", "pay"});
        QCOMPARE(int(all.nodes().size()), 3);
        double fromGateway = 0;
        for (const GraphEdge &edge : all.edges()) {
            if (all.nodes()[size_t(edge.from)].id == "ns:istio-system" && edge.kind == GraphEdgeKind::Route)
                fromGateway += edge.share;
        }
        double wholeFromGateway = 0;
        for (const GraphEdge &edge : whole.edges()) {
            if (whole.nodes()[size_t(edge.from)].id == gateway && edge.kind == GraphEdgeKind::Route)
                wholeFromGateway += edge.share;
        }
        QCOMPARE(fromGateway, wholeFromGateway);
    }

    void mergedEdgesCountWhatTheyStandFor()
    {
        // A gateway in front of a meshgen namespace, with a match route and a 60/40 split: folding
        // the namespace makes the three routes one edge that says so.
        TestFolder folder;
        const std::string command = std::string(MESHGEN_PATH) + " --services 300 --versions 3 --namespace team-a --out " +
            folder.path() + "/team-a > /dev/null";
        QCOMPARE(std::system(command.c_str()), 0);
        folder.write(QStringLiteral("istio-system/gateway.yaml"), QByteArrayLiteral(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*.example.com"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: edge
  namespace: istio-system
spec:
  hosts: ["*.example.com"]
  gateways: [edge]
  http:
  - match: [{uri: {prefix: /a}}]
    route: [{destination: {host: svc-0001.team-a.svc.cluster.local}}]
  - route:
    - {destination: {host: svc-0002.team-a.svc.cluster.local}, weight: 60}
    - {destination: {host: svc-0003.team-a.svc.cluster.local}, weight: 40}
)"));
        const MeshGraph whole = graphOf(folder.path());
        QCOMPARE(graphNamespaces(whole), (std::vector<std::string>{"istio-system", "team-a"}));
        const MeshGraph graph = collapseNamespaces(whole, {"team-a"});
        QCOMPARE(countIn(graph, "team-a"), 1);
        const GraphNode &team = *graph.findNode("ns:team-a");
        QCOMPARE(team.foldedServices, 300);
        const GraphEdge *edge = edgeBetween(graph, "gw:istio-system/edge", "ns:team-a");
        QVERIFY(edge);
        QCOMPARE(edge->merged, 3);
        QVERIFY(!edge->conditional); // the split takes every request
        QCOMPARE(edge->share, 1.0);  // 0.6 + 0.4: all of the gateway's default traffic goes into team-a
        // team-a's own gateway (meshgen's) is inside it: its 30 routes are inside too.
        QCOMPARE(int(graph.edges().size()), 1);
    }

    // Every sample, each namespace folded alone and all at once: the folded
    // graph is well formed and loses no pod and no edge that leaves a namespace.
    void foldedGraphsAreWellFormed()
    {
        QStringList folders = QDir(meshlane::test::samplesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (QString &folder : folders)
            folder = meshlane::test::samplesDir(folder);
        folders << meshlane::test::testData(QStringLiteral("graph/namespaces"));
        for (const QString &folder : folders) {
            const MeshGraph whole = graphOf(folder.toStdString());
            const std::vector<std::string> namespaces = graphNamespaces(whole);
            std::vector<std::set<std::string>> foldings;
            for (const std::string &ns : namespaces)
                foldings.push_back({ns});
            foldings.emplace_back(namespaces.begin(), namespaces.end());
            for (const std::set<std::string> &folding : foldings) {
                const MeshGraph graph = collapseNamespaces(whole, folding);
                const std::string where = folder.toStdString() + " folding " + *folding.begin();
                checkWellFormed(graph, where);
                QCOMPARE(pods(graph), pods(whole));
                int crossing = 0;
                for (const GraphEdge &edge : whole.edges()) {
                    const bool fromFolded = folding.count(whole.nodes()[size_t(edge.from)].ns) > 0;
                    const bool toFolded = folding.count(whole.nodes()[size_t(edge.to)].ns) > 0;
                    const bool inside = fromFolded && toFolded
                        && whole.nodes()[size_t(edge.from)].ns == whole.nodes()[size_t(edge.to)].ns;
                    crossing += inside ? 0 : 1;
                }
                int merged = 0;
                for (const GraphEdge &edge : graph.edges())
                    merged += edge.merged;
                QVERIFY2(merged == crossing, where.c_str());
            }
        }
    }

    void collapsingNothingKeepsTheGraph()
    {
        const MeshGraph &whole = threeNamespaces();
        const MeshGraph graph = collapseNamespaces(whole, {"no-such-namespace"});
        QVERIFY(graph.sameTopology(whole));
        QVERIFY(!graph.isIncremental());
    }
};

QTEST_GUILESS_MAIN(TestNamespaceCollapse)
#include "tst_namespacecollapse.moc"
