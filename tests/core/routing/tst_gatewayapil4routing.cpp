// SPDX-License-Identifier: MIT
// TCPRoutes and TLSRoutes routed as Istio converts them (route_collections.go
// and gateway.go): a Gateway listener's routes oldest first, the first TCP
// rule per TCP listener, TLS passthrough by SNI within the listener's
// hostname, the TLSRoute fallback on a terminating listener, zero weights
// and unresolved backends refusing connections, and Service parents (GAMMA)
// for sidecars.

#include "load/documenttree.h"
#include "support/routingtestsupport.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

// Services `db` (TCP 5432), `db-v1`, `db-v2`, `shop` (HTTPS 8443) in
// namespace `apps`, and Gateway API Gateway `edge` with a TCP listener
// (5432), a TLS passthrough listener for *.example.com (443), a terminating
// TLS listener (8443), a TLS listener without a tls section (9443) and an
// HTTP listener (80).
const char *kBase = R"(
apiVersion: v1
kind: Service
metadata: {name: db, namespace: apps}
spec:
  selector: {app: db}
  ports: [{name: tcp-postgres, port: 5432}, {name: tcp-metrics, port: 9187}]
---
apiVersion: v1
kind: Service
metadata: {name: db-v1, namespace: apps}
spec:
  selector: {app: db, version: v1}
  ports: [{name: tcp-postgres, port: 5432}]
---
apiVersion: v1
kind: Service
metadata: {name: db-v2, namespace: apps}
spec:
  selector: {app: db, version: v2}
  ports: [{name: tcp-postgres, port: 5432}]
---
apiVersion: v1
kind: Service
metadata: {name: shop, namespace: apps}
spec:
  selector: {app: shop}
  ports: [{name: https, port: 8443}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db-v1, namespace: apps}
spec:
  replicas: 3
  selector: {matchLabels: {app: db, version: v1}}
  template: {metadata: {labels: {app: db, version: v1}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db-v2, namespace: apps}
spec:
  replicas: 1
  selector: {matchLabels: {app: db, version: v2}}
  template: {metadata: {labels: {app: db, version: v2}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop, namespace: apps}
spec:
  selector: {matchLabels: {app: shop}}
  template: {metadata: {labels: {app: shop}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: apps}
spec:
  gatewayClassName: istio
  listeners:
  - {name: postgres, protocol: TCP, port: 5432}
  - name: passthrough
    protocol: TLS
    port: 443
    hostname: "*.example.com"
    tls: {mode: Passthrough}
  - name: terminate
    protocol: TLS
    port: 8443
    hostname: secure.example.com
    tls: {mode: Terminate, certificateRefs: [{name: secure-cert}]}
  - {name: bare-tls, protocol: TLS, port: 9443}
  - {name: web, protocol: HTTP, port: 80}
---
)";

std::shared_ptr<const Router> routesOver(const std::string &routes) { return routerFor(std::string(kBase) + routes); }

HttpRequest connection(ConnectionProtocol protocol, uint32_t port, const std::string &sni = {},
                       const std::string &gateway = "apps/edge", const std::string &host = "edge.example.com")
{
    HttpRequest request;
    request.protocol = protocol;
    request.authority = host;
    request.port = port;
    request.sni = sni;
    request.gateway = gateway;
    request.sourceNamespace = "apps";
    return request;
}

// "db-v1:0.8,db-v2:0.2" (host names shortened), or the status when nothing is forwarded.
std::string split(const RouteDecision &decision)
{
    if (decision.destinations.empty())
        return std::to_string(decision.status);
    std::string text;
    for (const DestinationOutcome &outcome : decision.destinations) {
        const std::string host = outcome.target.host.substr(0, outcome.target.host.find('.'));
        text += (text.empty() ? "" : ",") + host;
        if (decision.destinations.size() > 1)
            text += ':' + QByteArray::number(outcome.probability).toStdString();
        if (outcome.target.status != 200)
            text += '=' + std::to_string(outcome.target.status);
    }
    return text;
}

const char *kCanary = R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: postgres, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: postgres}]
  rules:
  - backendRefs:
    - {name: db-v1, port: 5432, weight: 80}
    - {name: db-v2, port: 5432, weight: 20}
)";

} // namespace

class TestGatewayApiL4Routing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTcpRouteShiftsConnectionsAtTheGateway()
    {
        const RouteDecision decision =
            routesOver(kCanary)->route(connection(ConnectionProtocol::Tcp, 5432), Router::Explain::Yes);
        QCOMPARE(split(decision), std::string("db-v1:0.8,db-v2:0.2"));
        QCOMPARE(decision.status, 200);
        QVERIFY(decision.rule.has_value());
        QCOMPARE(decision.rule->kind, std::string("TCPRoute"));
        QCOMPARE(decision.rule->ns, std::string("apps"));
        QCOMPARE(decision.rule->name, std::string("postgres"));
        QCOMPARE(decision.rule->section, std::string("rules"));
        QCOMPARE(decision.rule->index, 0);
        QCOMPARE(decision.rule->match, -1);
        QVERIFY(decision.virtualService.empty()); // no VirtualService was written
        QVERIFY2(explanationText(decision).find("TCPRoute apps/postgres rules[0]") != std::string::npos,
                 explanationText(decision).c_str());
    }

    void convertingLeavesTheLoadedResourcesAsTheyWere()
    {
        // The conversion copies what it needs; edits and export read the
        // loaded routes' and Gateways' own YAML afterwards.
        const MeshPtr mesh = meshFromText(std::string(kBase) + kCanary);
        const Router router(mesh);
        QCOMPARE(router.route(connection(ConnectionProtocol::Tcp, 5432)).status, 200);
        QVERIFY(DocumentTree::of(*mesh, mesh->gatewayApiRoutes.front()->meta)["spec"].IsMap());
        QVERIFY(DocumentTree::of(*mesh, mesh->k8sGateways.front()->meta)["spec"].IsMap());
        QCOMPARE(mesh->k8sGateways.front()->meta.kind, std::string("Gateway"));
        QCOMPARE(mesh->gatewayApiRoutes.front()->meta.kind, std::string("TCPRoute"));
    }

    void anHttpRequestToATcpOnlyListenerIsProxiedAsTcp()
    {
        HttpRequest request = connection(ConnectionProtocol::Http, 5432);
        const RouteDecision decision = routesOver(kCanary)->route(request, Router::Explain::Yes);
        QCOMPARE(split(decision), std::string("db-v1:0.8,db-v2:0.2"));
        // The HTTP listener on port 80 still routes HTTP: no HTTPRoute there, 404.
        request.port = 80;
        QCOMPARE(routesOver(kCanary)->route(request).status, 404);
    }

    void theOldestRouteOfAListenerTakesItsConnections()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: a-newer, namespace: apps, creationTimestamp: "2026-02-01T00:00:00Z"}
spec:
  parentRefs: [{name: edge}]
  rules: [{backendRefs: [{name: db-v2, port: 5432}]}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: b-older, namespace: apps, creationTimestamp: "2026-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: edge, port: 5432}]
  rules:
  - backendRefs: [{name: db-v1, port: 5432}]
  - backendRefs: [{name: db-v2, port: 5432}]
)");
        const RouteDecision decision = router->route(connection(ConnectionProtocol::Tcp, 5432));
        QCOMPARE(split(decision), std::string("db-v1"));
        QCOMPARE(decision.rule->name, std::string("b-older"));
        QCOMPARE(decision.rule->index, 0); // a listener gets one chain: the first rule
    }

    void zeroWeightsAndUnresolvedBackendsRefuseConnections()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: zero, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: postgres}]
  rules:
  - backendRefs:
    - {name: db-v1, port: 5432, weight: 0}
    - {name: db-v2, port: 5432, weight: 0}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: half, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: passthrough}]
  hostnames: [half.example.com]
  rules:
  - backendRefs: [{name: shop, port: 8443}, {name: gone, port: 8443}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: empty, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: passthrough}]
  hostnames: [empty.example.com]
  rules: [{backendRefs: []}]
)");
        const RouteDecision zero = router->route(connection(ConnectionProtocol::Tcp, 5432), Router::Explain::Yes);
        QCOMPARE(zero.status, 503);
        QVERIFY2(explanationText(zero).find("no backendRef has a weight above 0") != std::string::npos,
                 explanationText(zero).c_str());
        const RouteDecision half = router->route(connection(ConnectionProtocol::Tls, 443, "half.example.com"));
        QCOMPARE(split(half), std::string("shop:0.5,gone:0.5=503"));
        QCOMPARE(router->route(connection(ConnectionProtocol::Tls, 443, "empty.example.com")).status, 503);
    }

    void aRouteWithAHardErrorIsNotConverted()
    {
        // A Service backendRef without a port: Istio converts nothing of the route.
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: portless, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: postgres}]
  rules: [{backendRefs: [{name: db-v1}]}]
)");
        const RouteDecision decision = router->route(connection(ConnectionProtocol::Tcp, 5432), Router::Explain::Yes);
        QCOMPARE(decision.status, 404);
        QVERIFY(decision.destinations.empty());
    }

    void passthroughRoutesBySniWithinTheListenerHostname()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: broad, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: passthrough}]
  hostnames: ["*.com"]
  rules: [{backendRefs: [{name: shop, port: 8443}]}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: db, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: passthrough}]
  hostnames: [db.example.com]
  rules: [{backendRefs: [{name: db-v2, port: 5432}]}]
)");
        // The exact name beats the wildcard, whatever the order.
        QCOMPARE(split(router->route(connection(ConnectionProtocol::Tls, 443, "db.example.com"))),
                 std::string("db-v2"));
        // *.com narrowed to the listener's *.example.com.
        QCOMPARE(split(router->route(connection(ConnectionProtocol::Tls, 443, "a.example.com"))), std::string("shop"));
        QCOMPARE(router->route(connection(ConnectionProtocol::Tls, 443, "a.other.com")).status, 404);
        QCOMPARE(router->route(connection(ConnectionProtocol::Tls, 443, "")).status, 404); // no SNI, no chain
    }

    void aTlsRouteWithoutHostnamesTakesTheListenersNames()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: any, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: passthrough}]
  rules: [{backendRefs: [{name: shop, port: 8443}]}]
)");
        QCOMPARE(split(router->route(connection(ConnectionProtocol::Tls, 443, "x.example.com"))), std::string("shop"));
        QCOMPARE(router->route(connection(ConnectionProtocol::Tls, 443, "x.example.org")).status, 404);
    }

    void aTerminatingListenerFallsBackToTheTlsRoutesFirstRule()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: secure, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: terminate}]
  hostnames: [secure.example.com]
  rules:
  - backendRefs: [{name: db-v1, port: 5432}]
  - backendRefs: [{name: db-v2, port: 5432}]
)");
        const RouteDecision decision = router->route(connection(ConnectionProtocol::Tls, 8443, "secure.example.com"));
        QCOMPARE(split(decision), std::string("db-v1"));
        QCOMPARE(decision.rule->kind, std::string("TLSRoute"));
        // The terminating chain serves the listener's hostname only.
        QCOMPARE(router->route(connection(ConnectionProtocol::Tls, 8443, "other.example.com")).status, 404);
    }

    void listenersThatTakeNoSuchRouteOrHaveNoServerRefuse()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: wrong-listener, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: passthrough}]
  rules: [{backendRefs: [{name: db-v1, port: 5432}]}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: bare, namespace: apps}
spec:
  parentRefs: [{name: edge, sectionName: bare-tls}]
  rules: [{backendRefs: [{name: shop, port: 8443}]}]
)");
        // A Passthrough listener takes TLSRoutes only (NotAllowedByListeners).
        QCOMPARE(router->route(connection(ConnectionProtocol::Tls, 443, "a.example.com")).status, 404);
        // TLS without a tls section: Istio builds no server at all.
        const RouteDecision bare =
            router->route(connection(ConnectionProtocol::Tls, 9443, "a.example.com"), Router::Explain::Yes);
        QCOMPARE(bare.status, 404);
        QVERIFY2(explanationText(bare).find("without a tls section") != std::string::npos,
                 explanationText(bare).c_str());
    }

    void serviceParentsRouteSidecarConnections()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db-canary, namespace: apps}
spec:
  parentRefs: [{group: "", kind: Service, name: db, port: 5432}]
  rules:
  - backendRefs:
    - {name: db-v1, port: 5432, weight: 90}
    - {name: db-v2, port: 5432, weight: 10}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: shop-v2, namespace: apps}
spec:
  parentRefs: [{group: "", kind: Service, name: shop}]
  rules: [{backendRefs: [{name: db-v2, port: 5432}]}]
)");
        HttpRequest toDb = connection(ConnectionProtocol::Tcp, 5432, {}, {}, "db");
        const RouteDecision canary = router->route(toDb);
        QCOMPARE(split(canary), std::string("db-v1:0.9,db-v2:0.1"));
        QCOMPARE(canary.rule->name, std::string("db-canary"));
        // parentRef.port 5432: the metrics port reaches every pod.
        toDb.port = 9187;
        QCOMPARE(split(router->route(toDb)), std::string("db"));
        // A TLSRoute without hostnames matches the Service's own name by SNI.
        HttpRequest toShop = connection(ConnectionProtocol::Tls, 8443, "shop.apps.svc.cluster.local", {}, "shop");
        QCOMPARE(split(router->route(toShop)), std::string("db-v2"));
        toShop.sni = "other.example.com";
        // A tls chain exists, so the Service has no default one: an unknown name passes through.
        QCOMPARE(split(router->route(toShop)), std::string("PassthroughCluster"));
    }

    void consumerRoutesApplyToTheirOwnNamespaceOnly()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: batch-sees-v2, namespace: batch}
spec:
  parentRefs: [{group: "", kind: Service, name: db, namespace: apps}]
  rules: [{backendRefs: [{name: db-v2, namespace: apps, port: 5432}]}]
)");
        HttpRequest request = connection(ConnectionProtocol::Tcp, 5432, {}, {}, "db.apps");
        request.sourceNamespace = "batch";
        QCOMPARE(split(router->route(request)), std::string("db-v2"));
        request.sourceNamespace = "apps";
        QCOMPARE(split(router->route(request)), std::string("db"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiL4Routing)
#include "tst_gatewayapil4routing.moc"
