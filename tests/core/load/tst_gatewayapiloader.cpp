// SPDX-License-Identifier: MIT
// Gateway API resources load with their source positions, the CRD defaults
// the API server would fill in, unknown fields kept and schema errors named.

#include "load/documenttree.h"
#include "load/manifestloader.h"
#include "support/testdata.h"

#include <QTest>

#include <algorithm>

using namespace meshlane;

namespace {

const char *const kText = R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: infra
spec:
  gatewayClassName: istio
  listeners:
  - name: http
    hostname: "*.Example.com"
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels: {team: a}
      kinds: [{kind: HTTPRoute}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: HTTPRoute
metadata:
  name: route
  namespace: infra
  creationTimestamp: "2026-01-01T00:00:00Z"
spec:
  parentRefs:
  - name: gw
  - group: ""
    kind: Service
    name: app
    port: 8080
  hostnames: [A.example.com]
  rules:
  - backendRefs:
    - name: app
      port: 8080
    futureField: kept
  - matches:
    - headers: [{name: X-Env, value: prod}, {name: x-env, value: dup}]
      method: GET
    filters:
    - type: RequestRedirect
      requestRedirect: {scheme: https}
    - type: RequestMirror
      requestMirror: {backendRef: {name: app, port: 8080}, fraction: {numerator: 1, denominator: 4}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: grpc, namespace: infra}
spec:
  rules:
  - matches: [{method: {service: pkg.Svc}}]
    backendRefs: [{name: app, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: tcp, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: app, port: 9000}]}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: grant, namespace: web}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]
  to: [{group: "", kind: Service, name: web}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: broken, namespace: infra}
spec:
  parentRefs: [{name: gw, port: 70000}]
  rules:
  - matches: [{path: {type: Glob, value: /x}}, {method: FETCH}]
    backendRefs: [{name: app, weight: -1}]
    timeouts: {request: 10 seconds}
)";

bool hasFinding(const LoadResult &result, const std::string &code, const std::string &resource, const std::string &text,
                int line)
{
    return std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [&](const Diagnostic &d) {
        return d.code == code && d.resource.name == resource && d.message.find(text) != std::string::npos
            && (line == 0 || d.location.line == line);
    });
}

} // namespace

class TestGatewayApiLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindsPositionsAndDefaults()
    {
        const LoadResult result = ManifestLoader().loadText("routes.yaml", kText);
        const Mesh &mesh = *result.mesh;
        QCOMPARE(mesh.k8sGateways.size(), size_t(1));
        QCOMPARE(mesh.gatewayApiRoutes.size(), size_t(4));
        QCOMPARE(mesh.referenceGrants.size(), size_t(1));
        QVERIFY(mesh.gateways.empty()); // not read as an Istio Gateway
        QVERIFY(mesh.otherResources.empty());

        const K8sGateway &gateway = *mesh.k8sGateways.front();
        QCOMPARE(gateway.meta.location.line, 1);
        QCOMPARE(gateway.listeners.front().hostname, std::string("*.example.com"));
        QCOMPARE(int(gateway.listeners.front().from), int(GatewayListener::From::Selector));
        QCOMPARE(gateway.listeners.front().namespaceSelector.at("team"), std::string("a"));
        QCOMPARE(gateway.listeners.front().supportedKinds(), std::vector<std::string>{"HTTPRoute"});

        const GatewayApiRoute &route = *mesh.gatewayApiRoutes[0];
        QCOMPARE(route.meta.kind, std::string("HTTPRoute"));
        QCOMPARE(route.meta.location.line, 20);
        QCOMPARE(route.meta.creationTimestamp, std::string("2026-01-01T00:00:00Z"));
        QVERIFY(route.parentRefs[0].isGateway());
        QCOMPARE(route.parentRefs[0].ns, std::string("infra"));
        QVERIFY(route.parentRefs[1].isService());
        QCOMPARE(*route.parentRefs[1].port, 8080u);
        QCOMPARE(route.hostnames.front(), std::string("a.example.com"));
        // Rule 0 has no matches: PathPrefix / by default; weight defaults to 1.
        QCOMPARE(route.rules[0].matches.size(), size_t(1));
        QCOMPARE(int(route.rules[0].matches[0].path->kind), int(StringMatch::Kind::PathPrefix));
        QCOMPARE(route.rules[0].matches[0].path->value, std::string("/"));
        QCOMPARE(route.rules[0].backendRefs[0].weight, int64_t(1));
        QCOMPARE(route.rules[0].backendRefs[0].kind, std::string("Service"));
        QCOMPARE(route.rules[0].backendRefs[0].location.line, 36);
        // Header names fold case; the first of equivalent names counts.
        QCOMPARE(route.rules[1].matches[0].headers.size(), size_t(1));
        QCOMPARE(route.rules[1].matches[0].headers[0].name, std::string("x-env"));
        QCOMPARE(route.rules[1].matches[0].headers[0].match.value, std::string("prod"));
        QCOMPARE(route.rules[1].filters[0].statusCode, 302); // the CRD default, not Istio's 301
        QCOMPARE(*route.rules[1].filters[1].mirrorPercent, 25.0);

        const GatewayApiRoute &grpc = *mesh.gatewayApiRoutes[1];
        QVERIFY(grpc.isGrpc());
        QCOMPARE(grpc.rules[0].matches[0].grpcService, std::string("pkg.Svc"));
        QCOMPARE(mesh.gatewayApiRoutes[2]->meta.kind, std::string("TCPRoute"));
        QVERIFY(mesh.referenceGrants.front()->allows("HTTPRoute", "infra", "", "Service", "web"));
        QVERIFY(!mesh.referenceGrants.front()->allows("GRPCRoute", "infra", "", "Service", "web"));
    }

    void unknownFieldsAreReportedAndKept()
    {
        const LoadResult result = ManifestLoader().loadText("routes.yaml", kText);
        QVERIFY(hasFinding(result, codes::SchemaError, "route", "futureField", 38));
        // Kept in the document, so regenerated YAML still carries it.
        const GatewayApiRoute &route = *result.mesh->gatewayApiRoutes[0];
        QCOMPARE(DocumentTree::of(*result.mesh, route.meta)["spec"]["rules"][0]["futureField"].as<std::string>(), std::string("kept"));
    }

    void schemaErrorsNameFileAndLine()
    {
        const LoadResult result = ManifestLoader().loadText("routes.yaml", kText);
        QVERIFY(hasFinding(result, codes::SchemaError, "broken", "port must be 1-65535", 74));
        QVERIFY(hasFinding(result, codes::SchemaError, "broken", "unsupported value \"Glob\"", 76));
        QVERIFY(hasFinding(result, codes::SchemaError, "broken", "unsupported value \"FETCH\"", 76));
        QVERIFY(hasFinding(result, codes::SchemaError, "broken", "a Service backendRef must have a port", 0));
        QVERIFY(hasFinding(result, codes::SchemaError, "broken", "weight must be 0-1000000", 77));
        QVERIFY(hasFinding(result, codes::SchemaError, "broken", "invalid duration", 78));
        for (const Diagnostic &diagnostic : result.diagnostics)
            QCOMPARE(diagnostic.location.file, std::string("routes.yaml"));
    }

    void durations()
    {
        QCOMPARE(parseGatewayDurationMs("500ms"), int64_t(500));
        QCOMPARE(parseGatewayDurationMs("1m30s"), int64_t(90'000));
        QCOMPARE(parseGatewayDurationMs("1h"), int64_t(3'600'000));
        QCOMPARE(parseGatewayDurationMs("0s"), int64_t(0));
        QCOMPARE(parseGatewayDurationMs("1.5s"), int64_t(-1));
        QCOMPARE(parseGatewayDurationMs("123456s"), int64_t(-1));
        QCOMPARE(parseGatewayDurationMs(""), int64_t(-1));
    }

    void sampleLoadsClean()
    {
        const LoadResult result = ManifestLoader().loadFolder(test::samplePath("bookinfo-gateway-api"));
        QVERIFY(result.diagnostics.empty());
        QCOMPARE(result.mesh->gatewayApiRoutes.size(), size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiLoader)
#include "tst_gatewayapiloader.moc"
