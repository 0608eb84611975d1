// SPDX-License-Identifier: MIT
#include "graph/meshgraph.h"
#include "load/manifestloader.h"
#include "support/testdata.h"

#include <QTest>

using namespace meshlane;

namespace {

MeshPtr loadSample(const char *name)
{
    const QString folder = meshlane::test::samplesDir(QLatin1String(name));
    return ManifestLoader().loadFolder(folder.toStdString()).mesh;
}

MeshPtr loadYaml(const std::string &text)
{
    return ManifestLoader().loadText("test.yaml", text).mesh;
}

const GraphEdge *edge(const MeshGraph &graph, const std::string &from, const std::string &to, bool mirror = false)
{
    const int index = graph.edgeIndex(from + " > " + to + (mirror ? " ~" : ""));
    return index < 0 ? nullptr : &graph.edges()[size_t(index)];
}

std::string deployment(const std::string &name, const std::string &app, const std::string &version, int replicas)
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + ", namespace: default}\n"
           "spec:\n  replicas: " + std::to_string(replicas) + "\n  selector: {matchLabels: {app: " + app +
           ", version: " + version + "}}\n  template:\n    metadata: {labels: {app: " + app + ", version: " +
           version + "}}\n    spec: {containers: [{name: c, image: i}]}\n---\n";
}

const std::string kCartService =
    "apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: default}\n"
    "spec: {selector: {app: cart}, ports: [{name: http, port: 80}]}\n---\n";

const std::string kCartRule =
    "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: cart, namespace: default}\n"
    "spec: {host: cart, subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]}\n---\n";

std::string cartSplit(int v1, int v2, const std::string &secondSubset = "v2")
{
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: cart, namespace: default}\n"
           "spec:\n  hosts: [cart]\n  http:\n  - route:\n    - destination: {host: cart, subset: v1}\n      weight: " +
           std::to_string(v1) + "\n    - destination: {host: cart, subset: " + secondSubset + "}\n      weight: " +
           std::to_string(v2) + "\n";
}

} // namespace

class TestMeshGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bookinfoHasKialiShape()
    {
        const MeshPtr mesh = loadSample("bookinfo");
        const MeshGraph graph = MeshGraph::build(*mesh);

        const GraphNode *gateway = graph.findNode("gw:default/bookinfo-gateway");
        QVERIFY(gateway);
        QCOMPARE(gateway->kind, GraphNodeKind::Gateway);
        QCOMPARE(gateway->virtualService, std::string("default/bookinfo"));

        const GraphEdge *ingress = edge(graph, "gw:default/bookinfo-gateway", "svc:productpage.default.svc.cluster.local");
        QVERIFY(ingress);
        QCOMPARE(ingress->share, 1.0);
        QVERIFY(ingress->conditional); // only the listed paths are forwarded

        const GraphNode *reviewsBox = graph.findNode("app:default/reviews");
        QVERIFY(reviewsBox);
        QCOMPARE(reviewsBox->kind, GraphNodeKind::App);
        QCOMPARE(reviewsBox->podCount, 3);
        const GraphNode *v3 = graph.findNode("wl:default/reviews-v3");
        QVERIFY(v3);
        QCOMPARE(v3->label, std::string("v3"));
        QCOMPARE(v3->podCount, 1);
        QCOMPARE(graph.nodes()[size_t(v3->parent)].id, std::string("app:default/reviews"));
        QCOMPARE(v3->resource, (ResourceId{"Deployment", "default", "reviews-v3"}));

        const std::string reviews = "svc:reviews.default.svc.cluster.local";
        const GraphEdge *toV1 = edge(graph, reviews, "wl:default/reviews-v1");
        QVERIFY(toV1);
        QCOMPARE(toV1->share, 1.0);
        QVERIFY(!toV1->conditional);
        const GraphEdge *toV2 = edge(graph, reviews, "wl:default/reviews-v2");
        QVERIFY(toV2);
        QCOMPARE(toV2->share, 0.0);
        QVERIFY(toV2->conditional);
        QCOMPARE(toV2->condition, std::string("header end-user = jason"));
        QVERIFY(!edge(graph, reviews, "wl:default/reviews-v3")); // nothing routes to v3
        QVERIFY(!graph.findNode(reviews)->splitsTraffic);

        for (const GraphEdge &e : graph.edges())
            QVERIFY2(!e.broken(), e.id.c_str());
    }

    void weightedSplitAndExternalHost()
    {
        const MeshPtr mesh = loadSample("greeter");
        const MeshGraph graph = MeshGraph::build(*mesh);
        const std::string greeter = "svc:greeter-service.default.svc.cluster.local";
        const GraphEdge *v1 = edge(graph, greeter, "wl:default/greeter-service-v1");
        const GraphEdge *v2 = edge(graph, greeter, "wl:default/greeter-service-v2");
        QVERIFY(v1 && v2);
        QCOMPARE(v1->share, 0.9);
        QCOMPARE(v2->share, 0.1);
        QCOMPARE(v2->virtualService, std::string("default/greeter-service"));
        QVERIFY(graph.findNode(greeter)->splitsTraffic);

        const GraphNode *external = graph.findNode("ext:api.themoviedb.org");
        QVERIFY(external);
        QCOMPARE(external->kind, GraphNodeKind::External);
        QCOMPARE(external->resource.kind, std::string("ServiceEntry"));
        QVERIFY(edge(graph, "gw:default/gateway", "svc:helloweb.default.svc.cluster.local"));
    }

    void mirrorEdgeCarriesPercentage()
    {
        const MeshPtr mesh = loadSample("httpbin-mirror");
        const MeshGraph graph = MeshGraph::build(*mesh);
        const std::string httpbin = "svc:httpbin.default.svc.cluster.local";
        const GraphEdge *mirror = edge(graph, httpbin, "wl:default/httpbin-v2", true);
        QVERIFY(mirror);
        QCOMPARE(mirror->kind, GraphEdgeKind::Mirror);
        QCOMPARE(mirror->share, 1.0);
        QVERIFY(!edge(graph, httpbin, "wl:default/httpbin-v2")); // mirrored, never routed
        QCOMPARE(edge(graph, httpbin, "wl:default/httpbin-v1")->share, 1.0);

        const std::string half = kCartService + deployment("cart-v1", "cart", "v1", 1) + deployment("cart-v2", "cart", "v2", 1)
            + kCartRule +
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: cart, namespace: default}\n"
            "spec:\n  hosts: [cart]\n  http:\n  - route:\n    - destination: {host: cart, subset: v1}\n"
            "    mirror: {host: cart, subset: v2}\n    mirrorPercentage: {value: 12.5}\n";
        const MeshGraph partial = MeshGraph::build(*loadYaml(half));
        QCOMPARE(edge(partial, "svc:cart.default.svc.cluster.local", "wl:default/cart-v2", true)->share, 0.125);
    }

    void undefinedSubsetIsBroken()
    {
        const MeshPtr mesh = loadSample("account-service");
        const MeshGraph graph = MeshGraph::build(*mesh);
        const std::string service = "svc:account-service.default.svc.cluster.local";
        const GraphNode *placeholder = graph.findNode("subset:account-service.default.svc.cluster.local/v0");
        QVERIFY(placeholder);
        QVERIFY(placeholder->broken());
        QCOMPARE(placeholder->label, std::string("v0"));
        QCOMPARE(graph.nodes()[size_t(placeholder->parent)].id, std::string("app:default/account-service"));
        const GraphEdge *broken = edge(graph, service, placeholder->id);
        QVERIFY(broken && broken->broken());
        QCOMPARE(broken->share, 0.1);
        QVERIFY(!edge(graph, service, "wl:default/account-service-v1")->broken());
    }

    void unknownHostAndGatewayAreBroken()
    {
        const std::string yaml = kCartService + deployment("cart-v1", "cart", "v1", 1) +
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: front, namespace: default}\n"
            "spec:\n  hosts: [shop.example.com]\n  gateways: [missing-gateway]\n  http:\n"
            "  - route:\n    - destination: {host: cart}\n      weight: 70\n"
            "    - destination: {host: nowhere}\n      weight: 30\n";
        const MeshGraph graph = MeshGraph::build(*loadYaml(yaml));
        const GraphNode *gateway = graph.findNode("gw:default/missing-gateway");
        QVERIFY(gateway && gateway->broken());
        const GraphNode *nowhere = graph.findNode("host:nowhere.default.svc.cluster.local");
        QVERIFY(nowhere && nowhere->broken());
        const GraphEdge *toNowhere = edge(graph, gateway->id, nowhere->id);
        QVERIFY(toNowhere && toNowhere->broken());
        QCOMPARE(toNowhere->share, 0.3);
        const GraphEdge *toCart = edge(graph, gateway->id, "svc:cart.default.svc.cluster.local");
        QVERIFY(toCart && !toCart->broken());
        QCOMPARE(toCart->share, 0.7);
    }

    void serviceWithoutVirtualServiceSplitsByPods()
    {
        const std::string yaml = kCartService + deployment("cart-v1", "cart", "v1", 1) + deployment("cart-v2", "cart", "v2", 3);
        const MeshGraph graph = MeshGraph::build(*loadYaml(yaml));
        const std::string cart = "svc:cart.default.svc.cluster.local";
        QCOMPARE(edge(graph, cart, "wl:default/cart-v1")->share, 0.25);
        QCOMPARE(edge(graph, cart, "wl:default/cart-v2")->share, 0.75);
        QVERIFY(edge(graph, cart, "wl:default/cart-v2")->virtualService.empty());
        QCOMPARE(graph.findNode("app:default/cart")->podCount, 4);
    }

    void noCatchAllUsesFirstRoute()
    {
        const std::string yaml = kCartService + deployment("cart-v1", "cart", "v1", 1) + deployment("cart-v2", "cart", "v2", 1)
            + kCartRule +
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: cart, namespace: default}\n"
            "spec:\n  hosts: [cart]\n  http:\n"
            "  - match: [{uri: {prefix: /a}}]\n    route:\n    - destination: {host: cart, subset: v2}\n"
            "  - match: [{uri: {prefix: /b}}]\n    route:\n    - destination: {host: cart, subset: v1}\n";
        const MeshGraph graph = MeshGraph::build(*loadYaml(yaml));
        const std::string cart = "svc:cart.default.svc.cluster.local";
        QCOMPARE(edge(graph, cart, "wl:default/cart-v2")->share, 1.0);
        QCOMPARE(edge(graph, cart, "wl:default/cart-v1")->share, 0.0);
        QCOMPARE(edge(graph, cart, "wl:default/cart-v1")->condition, std::string("uri prefix /b"));
    }

    void shareModelIsReplaceable()
    {
        const std::string yaml = kCartService + deployment("cart-v1", "cart", "v1", 1) + deployment("cart-v2", "cart", "v2", 1)
            + kCartRule + cartSplit(90, 10);
        const EdgeShareModel everythingToSecond = [](const Mesh &, const VirtualService &) {
            return std::vector<DestinationShare>{{0, 1, 1.0}};
        };
        const MeshGraph graph = MeshGraph::build(*loadYaml(yaml), everythingToSecond);
        const std::string cart = "svc:cart.default.svc.cluster.local";
        QCOMPARE(edge(graph, cart, "wl:default/cart-v1")->share, 0.0);
        QCOMPARE(edge(graph, cart, "wl:default/cart-v2")->share, 1.0);
    }

    void idsSurviveWeightEdits()
    {
        const std::string base = kCartService + deployment("cart-v1", "cart", "v1", 1) + deployment("cart-v2", "cart", "v2", 1)
            + kCartRule;
        const MeshGraph before = MeshGraph::build(*loadYaml(base + cartSplit(90, 10)));
        const MeshGraph after = MeshGraph::build(*loadYaml(base + cartSplit(50, 50)));
        QVERIFY(after.sameTopology(before));
        QCOMPARE(edge(after, "svc:cart.default.svc.cluster.local", "wl:default/cart-v2")->share, 0.5);
        const MeshGraph retargeted = MeshGraph::build(*loadYaml(base + cartSplit(90, 10, "v9")));
        QVERIFY(!retargeted.sameTopology(before));
    }

    void resourcesMapToNodes()
    {
        const MeshPtr mesh = loadSample("bookinfo");
        const MeshGraph graph = MeshGraph::build(*mesh);
        const auto idOf = [&](const ResourceId &resource) {
            const int index = graph.nodeForResource(*mesh, resource);
            return index < 0 ? std::string() : graph.nodes()[size_t(index)].id;
        };
        QCOMPARE(idOf({"Service", "default", "reviews"}), std::string("svc:reviews.default.svc.cluster.local"));
        QCOMPARE(idOf({"DestinationRule", "default", "reviews"}), std::string("svc:reviews.default.svc.cluster.local"));
        QCOMPARE(idOf({"VirtualService", "default", "reviews"}), std::string("svc:reviews.default.svc.cluster.local"));
        QCOMPARE(idOf({"VirtualService", "default", "bookinfo"}), std::string("gw:default/bookinfo-gateway"));
        QCOMPARE(idOf({"Deployment", "default", "ratings-v1"}), std::string("wl:default/ratings-v1"));
        QCOMPARE(idOf({"Deployment", "default", "nope"}), std::string());

        const std::vector<int> nodes = graph.nodesOfVirtualService("default/reviews");
        std::vector<std::string> ids;
        for (int node : nodes)
            ids.push_back(graph.nodes()[size_t(node)].id);
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, (std::vector<std::string>{"svc:reviews.default.svc.cluster.local", "wl:default/reviews-v1",
                                                "wl:default/reviews-v2"}));
    }
};

QTEST_GUILESS_MAIN(TestMeshGraph)
#include "tst_meshgraph.moc"
