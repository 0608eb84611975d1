// SPDX-License-Identifier: MIT
// Gateway API in the graph: Gateway API Gateways as gateway nodes, route
// edges weighted by backendRef weights and ending at the pods of per-version
// Services (grouped in their app box), mirrors, broken backends in red.

#include "graph/meshgraph.h"
#include "load/manifestloader.h"
#include "routing/routeresource.h"
#include "support/testdata.h"

#include <QTest>

using namespace meshlane;

namespace {

MeshGraph graphOf(const char *sample)
{
    return MeshGraph::build(*ManifestLoader().loadFolder(test::samplePath(sample)).mesh);
}

const GraphEdge *edge(const MeshGraph &graph, const std::string &id)
{
    const int index = graph.edgeIndex(id);
    return index < 0 ? nullptr : &graph.edges()[size_t(index)];
}

} // namespace

class TestGatewayApiGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canaryOnPerVersionServices()
    {
        const MeshGraph graph = graphOf("bookinfo-gateway-api");
        const GraphNode *gateway = graph.findNode("gw:bookinfo/bookinfo-gateway");
        QVERIFY(gateway);
        QCOMPARE(int(gateway->kind), int(GraphNodeKind::Gateway));
        QCOMPARE(gateway->resource.kind, std::string("Gateway"));

        const std::string reviews = "svc:reviews.bookinfo.svc.cluster.local";
        const GraphEdge *v1 = edge(graph, reviews + " > wl:bookinfo/reviews-v1");
        const GraphEdge *v2 = edge(graph, reviews + " > wl:bookinfo/reviews-v2");
        QVERIFY(v1 && v2);
        QCOMPARE(v1->share, 0.9);
        QCOMPARE(v2->share, 0.1);
        QVERIFY(!edge(graph, reviews + " > wl:bookinfo/reviews-v3")); // not 33.3 % each
        QVERIFY(graph.findNode(reviews)->splitsTraffic);
        // Both versions sit in one app box.
        QCOMPARE(graph.findNode("wl:bookinfo/reviews-v1")->parent, graph.findNode("wl:bookinfo/reviews-v2")->parent);

        const GraphEdge *ingress = edge(graph, "gw:bookinfo/bookinfo-gateway > wl:bookinfo/productpage-v1");
        QVERIFY(ingress);
        QVERIFY(ingress->conditional); // only the product page paths
        QVERIFY(ingress->condition.find("/productpage") != std::string::npos);

        // Each edge and node names the route that drew it, kind first, so
        // a click on it can open that HTTPRoute (and not a VirtualService
        // that happens to share its namespace and name).
        QCOMPARE(v1->virtualService, std::string("HTTPRoute/bookinfo/reviews"));
        QCOMPARE(ingress->virtualService, std::string("HTTPRoute/bookinfo/bookinfo"));
        QCOMPARE(graph.findNode(reviews)->virtualService, std::string("HTTPRoute/bookinfo/reviews"));
        QCOMPARE(gateway->virtualService, std::string("HTTPRoute/bookinfo/bookinfo"));
        const std::vector<int> edges = graph.edgesOfVirtualService("HTTPRoute/bookinfo/reviews");
        QCOMPARE(edges.size(), size_t(2));
        QVERIFY(graph.edgesOfVirtualService("bookinfo/reviews").empty());
        QCOMPARE((RouteResource{"VirtualService", "default", "reviews"}.ref()), std::string("default/reviews"));
        QCOMPARE((RouteResource{"GRPCRoute", "shop", "cart"}.ref()), std::string("GRPCRoute/shop/cart"));
    }

    void mirrorsAreDrawn()
    {
        const MeshGraph graph = graphOf("mesh-httproute");
        const std::string checkout = "svc:checkout.shop.svc.cluster.local";
        const GraphEdge *mirror = edge(graph, checkout + " > wl:shop/checkout-v2 ~");
        QVERIFY(mirror);
        QCOMPARE(int(mirror->kind), int(GraphEdgeKind::Mirror));
        QCOMPARE(mirror->share, 1.0);
        QCOMPARE(edge(graph, checkout + " > wl:shop/checkout-v1")->share, 0.8);
        // The header rule's edge is conditional; its share is that of the default request.
        QCOMPARE(edge(graph, checkout + " > wl:shop/checkout-v2")->share, 0.2);
    }

    void tcpRoutesAreDrawnNotRouted()
    {
        const LoadResult loaded = ManifestLoader().loadText("tcp.yaml", R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: db}
spec:
  gatewayClassName: istio
  listeners:
  - {name: tcp, port: 5432, protocol: TCP}
  - {name: web, port: 80, protocol: HTTP}
---
apiVersion: v1
kind: Service
metadata: {name: postgres, namespace: db}
spec:
  selector: {app: postgres}
  ports: [{port: 5432}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: postgres, namespace: db}
spec:
  selector: {matchLabels: {app: postgres}}
  template: {metadata: {labels: {app: postgres}}}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: postgres, namespace: db}
spec:
  parentRefs: [{name: gw, sectionName: tcp}]
  rules: [{backendRefs: [{name: postgres, port: 5432}]}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: wrong-listener, namespace: db}
spec:
  parentRefs: [{name: gw, sectionName: web}]
  rules: [{backendRefs: [{name: nothing, port: 1}]}]
)");
        const MeshGraph graph = MeshGraph::build(*loaded.mesh);
        const GraphEdge *tcp = edge(graph, "gw:db/gw > wl:db/postgres");
        QVERIFY(tcp);
        QCOMPARE(tcp->share, 1.0);
        QCOMPARE(tcp->section, std::string("tcp")); // the view tags it TCP
        QCOMPARE(tcp->virtualService, std::string("TCPRoute/db/postgres"));
        // The TCPRoute on the HTTP listener is not accepted, so nothing is drawn for it.
        QVERIFY(!graph.findNode("host:nothing.db.svc.cluster.local"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiGraph)
#include "tst_gatewayapigraph.moc"
