// SPDX-License-Identifier: MIT
#include "graph/expectedrouteshares.h"
#include "graph/meshgraph.h"
#include "simulation/plainrequest.h"
#include "support/routingtestsupport.h"

#include <QTest>

#include <map>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

const std::string kCart = R"(apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}, ports: [{name: http, port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart-v1, namespace: shop}
spec:
  selector: {matchLabels: {app: cart, version: v1}}
  template: {metadata: {labels: {app: cart, version: v1}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart-v2, namespace: shop}
spec:
  selector: {matchLabels: {app: cart, version: v2}}
  template: {metadata: {labels: {app: cart, version: v2}}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: cart, namespace: shop}
spec: {host: cart, subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]}
)";

std::string cartRule(const std::string &name, const std::string &http, const std::string &extraSpec = {})
{
    return kCart + "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + name
        + ", namespace: shop}\nspec:\n  hosts: [cart]\n" + extraSpec + "  http:\n" + http;
}

const std::string kSplit7030 = "  - route:\n"
                               "    - {destination: {host: cart, subset: v1}, weight: 70}\n"
                               "    - {destination: {host: cart, subset: v2}, weight: 30}\n";

// (route, destination) -> share, for one VirtualService of the mesh.
std::map<std::pair<int, int>, double> sharesOf(const MeshPtr &mesh, const std::string &name)
{
    const EdgeShareModel model = expectedRouteShares(std::make_shared<const Router>(mesh));
    const VirtualService *virtualService = mesh->findVirtualService("shop", name);
    if (!virtualService)
        virtualService = mesh->findVirtualService("default", name);
    for (const auto &candidate : mesh->virtualServices) {
        if (!virtualService && candidate->meta.name == name)
            virtualService = candidate.get();
    }
    std::map<std::pair<int, int>, double> shares;
    if (!virtualService)
        return shares;
    for (const DestinationShare &share : model(*mesh, *virtualService))
        shares[{share.route, share.destination}] += share.share;
    return shares;
}

double weightShare(const MeshPtr &mesh, const std::string &name, int route, int destination)
{
    const HttpRoute &http = mesh->findVirtualService("shop", name)->http[size_t(route)];
    return double(http.effectiveWeight(size_t(destination))) / double(http.totalWeight());
}

} // namespace

class TestExpectedRouteShares : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainRequestComesFromTheRulesNamespace()
    {
        const MeshPtr mesh = meshFromText(cartRule("cart", kSplit7030));
        const VirtualService &rule = *mesh->findVirtualService("shop", "cart");
        const HttpRequest request = plainRequest(rule);
        QCOMPARE(request.authority, std::string("cart.shop.svc.cluster.local"));
        QCOMPARE(request.sourceNamespace, std::string("shop"));
        QCOMPARE(request.method, std::string("GET"));
        QCOMPARE(request.path, std::string("/"));
        QVERIFY(request.gateway.empty());
        QVERIFY(request.headers.empty());
    }

    void gatewayOnlyRuleIsReachedThroughItsGateway()
    {
        const MeshPtr mesh = sampleMesh("bookinfo");
        const VirtualService &rule = *mesh->findVirtualService("default", "bookinfo");
        QVERIFY(!rule.appliesToMesh());
        const HttpRequest request = plainRequest(rule);
        QCOMPARE(request.gateway, rule.gatewayRefs().front());
        QCOMPARE(request.authority, concreteHost(rule.hostFqdns.front()));
        QVERIFY(request.authority.find('*') == std::string::npos);
        QCOMPARE(concreteHost("*"), std::string("www.example.com"));
        QCOMPARE(concreteHost("*.shop.com"), std::string("www.shop.com"));
        QCOMPARE(concreteHost("cart.shop.svc.cluster.local"), std::string("cart.shop.svc.cluster.local"));
    }

    void mixHasOneClassPerHost()
    {
        const MeshPtr mesh = meshFromText(cartRule("cart", kSplit7030, "  gateways: [mesh]\n")
                                          + "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                                            "metadata: {name: two, namespace: shop}\nspec:\n  hosts: [a.example.com, "
                                            "b.example.com]\n  http:\n  - route: [{destination: {host: cart}}]\n");
        const TrafficMix mix = plainTrafficMix(*mesh->findVirtualService("shop", "two"), 40);
        QCOMPARE(mix.requestsPerSecond, 40.0);
        QCOMPARE(mix.classes.size(), size_t(2));
        QCOMPARE(mix.classes[0].request.authority, std::string("a.example.com"));
        QCOMPARE(mix.classes[1].request.authority, std::string("b.example.com"));
        QCOMPARE(mix.classes[0].share, mix.classes[1].share);
    }

    void weightsSplitThePlainRequest()
    {
        const MeshPtr mesh = meshFromText(cartRule("cart", kSplit7030));
        const auto shares = sharesOf(mesh, "cart");
        QCOMPARE(shares.size(), size_t(2));
        QCOMPARE(shares.at({0, 0}), weightShare(mesh, "cart", 0, 0));
        QCOMPARE(shares.at({0, 1}), weightShare(mesh, "cart", 0, 1));
    }

    void conditionalRouteIsPassedBy()
    {
        const std::string http = "  - match: [{headers: {end-user: {exact: jason}}}]\n"
                                 "    route: [{destination: {host: cart, subset: v2}}]\n"
            + kSplit7030;
        const MeshPtr mesh = meshFromText(cartRule("cart", http));
        const auto shares = sharesOf(mesh, "cart");
        QVERIFY(!shares.count({0, 0}));
        QCOMPARE(shares.at({1, 0}), weightShare(mesh, "cart", 1, 0));
    }

    // The old model skipped every route with a match; a `prefix: /` match takes
    // a plain request all the same, and Envoy uses the first route that matches.
    void prefixSlashRouteTakesThePlainRequest()
    {
        const std::string http = "  - match: [{uri: {prefix: /}}]\n"
                                 "    route: [{destination: {host: cart, subset: v2}}]\n"
            + kSplit7030;
        const MeshPtr mesh = meshFromText(cartRule("cart", http));
        const auto shares = sharesOf(mesh, "cart");
        QCOMPARE(shares.at({0, 0}), 1.0);
        QVERIFY(!shares.count({1, 0}));

        std::map<std::pair<int, int>, double> old;
        for (const DestinationShare &share : defaultRouteShares(*mesh, *mesh->findVirtualService("shop", "cart")))
            old[{share.route, share.destination}] = share.share;
        QVERIFY(old.count({1, 0})); // what the engine corrects
    }

    void abortedRequestsReachNoDestination()
    {
        const std::string http = "  - fault: {abort: {httpStatus: 503, percentage: {value: 50}}}\n"
                                 "    route:\n"
                                 "    - {destination: {host: cart, subset: v1}, weight: 70}\n"
                                 "    - {destination: {host: cart, subset: v2}, weight: 30}\n";
        const MeshPtr mesh = meshFromText(cartRule("cart", http));
        const auto shares = sharesOf(mesh, "cart");
        QVERIFY(qFuzzyCompare(shares.at({0, 0}), 0.5 * weightShare(mesh, "cart", 0, 0)));
        QVERIFY(qFuzzyCompare(shares.at({0, 1}), 0.5 * weightShare(mesh, "cart", 0, 1)));
    }

    void duplicateDestinationsShareByWeight()
    {
        const std::string http = "  - route:\n"
                                 "    - {destination: {host: cart, subset: v1}, weight: 20}\n"
                                 "    - {destination: {host: cart, subset: v1}, weight: 60}\n"
                                 "    - {destination: {host: cart, subset: v2}, weight: 20}\n";
        const MeshPtr mesh = meshFromText(cartRule("cart", http));
        const auto shares = sharesOf(mesh, "cart");
        QVERIFY(qFuzzyCompare(shares.at({0, 0}), weightShare(mesh, "cart", 0, 0)));
        QVERIFY(qFuzzyCompare(shares.at({0, 1}), weightShare(mesh, "cart", 0, 1)));
    }

    void ruleShadowedByAnotherGetsNothing()
    {
        const MeshPtr mesh = meshFromText(cartRule("cart", kSplit7030)
                                          + "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                                            "metadata: {name: late, namespace: shop}\nspec:\n  hosts: [cart]\n"
                                            "  http:\n  - route: [{destination: {host: cart, subset: v2}}]\n");
        QVERIFY(!sharesOf(mesh, "cart").empty());
        QVERIFY(sharesOf(mesh, "late").empty()); // Istio uses the first one loaded (IST0109)
    }

    // Bookinfo's gateway rule only has /productpage, /static... routes: a plain
    // GET / gets 404, so the graph shows the first route as before.
    void ruleWithOnlyConditionsFallsBackToItsFirstRoute()
    {
        const MeshPtr mesh = sampleMesh("bookinfo");
        const VirtualService &rule = *mesh->findVirtualService("default", "bookinfo");
        const EdgeShareModel model = expectedRouteShares(std::make_shared<const Router>(mesh));
        const std::vector<DestinationShare> shares = model(*mesh, rule);
        const std::vector<DestinationShare> fallback = defaultRouteShares(*mesh, rule);
        QCOMPARE(shares.size(), fallback.size());
        QVERIFY(!shares.empty());
        for (size_t i = 0; i < shares.size(); ++i) {
            QCOMPARE(shares[i].route, fallback[i].route);
            QCOMPARE(shares[i].share, fallback[i].share);
        }
    }

    void graphPrintsTheEngineShares()
    {
        const std::string http = "  - match: [{uri: {prefix: /}}]\n"
                                 "    route: [{destination: {host: cart, subset: v2}}]\n"
            + kSplit7030;
        const MeshPtr mesh = meshFromText(cartRule("cart", http));
        const MeshGraph graph = MeshGraph::build(*mesh, expectedRouteShares(std::make_shared<const Router>(mesh)));
        const int v1 = graph.edgeIndex("svc:cart.shop.svc.cluster.local > wl:shop/cart-v1");
        const int v2 = graph.edgeIndex("svc:cart.shop.svc.cluster.local > wl:shop/cart-v2");
        QVERIFY(v1 >= 0 && v2 >= 0);
        QCOMPARE(graph.edges()[size_t(v1)].share, 0.0);
        QCOMPARE(graph.edges()[size_t(v2)].share, 1.0);
    }

    void tcpCanaryThroughItsGatewayIsDrawnWithItsShares()
    {
        const MeshPtr mesh = sampleMesh("tcp-echo-shift");
        const VirtualService *echo = mesh->findVirtualService("echo", "tcp-echo");
        QVERIFY(echo);
        // tcp[0] is listed after the (no) http routes: route index 0 here.
        QCOMPARE(shareRouteIndex(*echo, "tcp", 0), 0);
        const std::map<std::pair<int, int>, double> shares = sharesOf(mesh, "tcp-echo");
        QCOMPARE(shares.at({0, 0}), 0.8);
        QCOMPARE(shares.at({0, 1}), 0.2);

        const MeshGraph graph = MeshGraph::build(*mesh, expectedRouteShares(std::make_shared<const Router>(mesh)));
        const int gateway = graph.nodeIndex("gw:echo/echo-gateway");
        QVERIFY(gateway >= 0);
        std::map<std::string, double> fromGateway;
        for (const GraphEdge &edge : graph.edges()) {
            if (edge.from != gateway)
                continue;
            QCOMPARE(edge.section, std::string("tcp"));
            QCOMPARE(edge.route, 0);
            QVERIFY(!edge.conditional); // a port match is how the gateway reaches it, not a condition
            fromGateway[graph.nodes()[size_t(edge.to)].label] += edge.share;
        }
        QCOMPARE(fromGateway.size(), size_t(2));
        QCOMPARE(fromGateway["v1"], 0.8);
        QCOMPARE(fromGateway["v2"], 0.2);
        // Without the router the graph shows the same split from the rule itself.
        const std::vector<DestinationShare> plain = defaultRouteShares(*mesh, *echo);
        QCOMPARE(plain.size(), size_t(2));
        QCOMPARE(plain[1].share, 0.2);
    }

    void tlsPassthroughSharesAverageItsSniHosts()
    {
        const MeshPtr mesh = sampleMesh("tls-passthrough");
        const std::map<std::pair<int, int>, double> shares = sharesOf(mesh, "edge-tls");
        // One plain connection per host: shop.example.com (tls[0], 90/10) and pay.example.com (tls[1]).
        QCOMPARE(shares.at({0, 0}), 0.45);
        QCOMPARE(shares.at({0, 1}), 0.05);
        QCOMPARE(shares.at({1, 0}), 0.5);
        const MeshGraph graph = MeshGraph::build(*mesh, expectedRouteShares(std::make_shared<const Router>(mesh)));
        int tlsEdges = 0;
        for (const GraphEdge &edge : graph.edges())
            tlsEdges += edge.section == "tls" ? 1 : 0;
        QCOMPARE(tlsEdges, 3);
    }
};

QTEST_GUILESS_MAIN(TestExpectedRouteShares)
#include "tst_expectedrouteshares.moc"
