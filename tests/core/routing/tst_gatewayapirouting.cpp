// SPDX-License-Identifier: MIT
// Gateway API routing: our own scenarios, modelled on the request -> backend
// tables of the Gateway API conformance suite (attachment, hostnames,
// listener isolation, precedence, element-wise PathPrefix, weights, 500 for
// unresolved backends, ReferenceGrant, mesh). Filters: tst_gatewayapifilters.

#include "support/gatewayapitestsupport.h"

#include "routing/gatewayapiattachment.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

class TestGatewayApiRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathPrefixIsElementWiseAndHeadersOutrankShorterPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("expected");
        QTest::newRow("/") << "/" << "" << "infra-backend-v1";
        QTest::newRow("/example") << "/example" << "" << "infra-backend-v1";
        QTest::newRow("/ version one") << "/" << "one" << "infra-backend-v1";
        QTest::newRow("/v2") << "/v2" << "" << "infra-backend-v2";
        QTest::newRow("/v2/example") << "/v2/example" << "" << "infra-backend-v2";
        QTest::newRow("/ version two") << "/" << "two" << "infra-backend-v2";
        QTest::newRow("/v2/") << "/v2/" << "" << "infra-backend-v2";
        QTest::newRow("/v2example") << "/v2example" << "" << "infra-backend-v1";
        QTest::newRow("/foo/v2/example") << "/foo/v2/example" << "" << "infra-backend-v1";
        QTest::newRow("/v2?x=1") << "/v2?x=1" << "" << "infra-backend-v2";
    }
    void pathPrefixIsElementWiseAndHeadersOutrankShorterPaths()
    {
        QFETCH(QString, path);
        QFETCH(QString, version);
        QFETCH(QString, expected);
        const auto router = routesOver(kMatching);
        const std::string gw = "infra/same-namespace";
        const std::string result = version.isEmpty() ? via(*router, gw, {.host = "", .path = path.toStdString()})
            : version == QLatin1String("one")
            ? via(*router, gw, {.host = "", .path = path.toStdString(), .headers = {{"Version", "one"}}})
            : via(*router, gw, {.host = "", .path = path.toStdString(), .headers = {{"Version", "two"}}});
        QCOMPARE(QString::fromStdString(result), expected);
    }

    void decisionNamesTheRule()
    {
        const auto router = routesOver(kMatching);
        const RouteDecision decision =
            router->route(makeRequest({.host = "x", .path = "/v2/a", .headers = {}, .method = "GET", .gateway = "infra/same-namespace"}));
        QVERIFY(decision.rule);
        QCOMPARE(decision.rule->kind, std::string("HTTPRoute"));
        QCOMPARE(decision.rule->ns, std::string("infra"));
        QCOMPARE(decision.rule->name, std::string("matching"));
        QCOMPARE(decision.rule->index, 1);
        QCOMPARE(decision.rule->match, 0);
        QVERIFY(decision.virtualService.empty());
        QCOMPARE(decision.destinations.front().target.host, std::string("infra-backend-v2.infra.svc.cluster.local"));
        QCOMPARE(*decision.destinations.front().target.port, 8080u);
        QVERIFY(decision.destinations.front().target.subset.empty());
    }

    void exactBeforePrefixLongestPrefixFirst_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("/match/exact/one") << "/match/exact/one" << "infra-backend-v3";
        QTest::newRow("/match/exact") << "/match/exact" << "infra-backend-v2";
        QTest::newRow("/match") << "/match" << "infra-backend-v1";
        QTest::newRow("/match/prefix/one/any") << "/match/prefix/one/any" << "infra-backend-v2";
        QTest::newRow("/match/prefix/any") << "/match/prefix/any" << "infra-backend-v1";
        QTest::newRow("/match/any") << "/match/any" << "infra-backend-v3";
        QTest::newRow("/") << "/" << "404";
    }
    void exactBeforePrefixLongestPrefixFirst()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        // Written in an order that file-order routing would get wrong.
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: path-order, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /match/}}]
    backendRefs: [{name: infra-backend-v3, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /match/prefix/}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /match/prefix/one}}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
  - matches: [{path: {type: Exact, value: /match}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {type: Exact, value: /match/exact}}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
  - matches: [{path: {type: Exact, value: /match/exact/one}}]
    backendRefs: [{name: infra-backend-v3, port: 8080}]
)");
        QCOMPARE(QString::fromStdString(via(*router, "infra/same-namespace", {.host = "", .path = path.toStdString()})), expected);
    }

    void methodThenHeadersThenQueryParams()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: methods, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{queryParams: [{name: animal, value: hydra}]}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{headers: [{name: version, value: four}]}]
    backendRefs: [{name: infra-backend-v3, port: 8080}]
  - matches: [{method: PATCH}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /path5}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches:
    - queryParams: [{name: animal, value: dolphin}, {name: color, value: blue}]
    - queryParams: [{name: ANIMAL, value: Whale}]
    backendRefs: [{name: infra-backend-v3, port: 8080}]
  - matches: [{queryParams: [{name: animal, value: dolphin}]}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
)");
        const std::string gw = "infra/same-namespace";
        QCOMPARE(via(*router, gw, {.host = "", .path = "/path5", .headers = {}, .method = "PATCH"}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"version", "four"}}, .method = "PATCH"}),
                 std::string("infra-backend-v2"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/?animal=hydra", .headers = {{"version", "four"}}}),
                 std::string("infra-backend-v3"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/path5?animal=hydra"}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/?animal=dolphin&color=blue"}), std::string("infra-backend-v3"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/?animal=dolphin&color=yellow"}), std::string("infra-backend-v2"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/?ANIMAL=Whale"}), std::string("infra-backend-v3"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/?animal=Whale"}), std::string("404")); // query names are case-sensitive
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {}, .method = "HEAD"}), std::string("404"));
    }

    void equalPrecedenceFallsBackToAgeThenName()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: a-newer, namespace: infra, creationTimestamp: "2026-02-01T00:00:00Z"}
spec:
  parentRefs: [{name: same-namespace}]
  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: b-older, namespace: infra, creationTimestamp: "2026-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: same-namespace}]
  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]
)");
        QCOMPARE(via(*router, "infra/same-namespace", {}), std::string("infra-backend-v2"));
        const auto untimed = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: zz, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: aa, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules: [{backendRefs: [{name: infra-backend-v3, port: 8080}]}]
)");
        QCOMPARE(via(*untimed, "infra/same-namespace", {}), std::string("infra-backend-v3"));
    }

    void hostnameIntersection_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("specific/s1") << "very.specific.com" << "/s1" << "infra-backend-v1";
        QTest::newRow("specific:1234/s1") << "very.specific.com:1234" << "/s1" << "infra-backend-v1";
        QTest::newRow("non.matching/s1") << "non.matching.com" << "/s1" << "404";
        QTest::newRow("foo.wildcard/s1") << "foo.wildcard.io" << "/s1" << "404";
        QTest::newRow("foo.wildcard/s2") << "foo.wildcard.io" << "/s2" << "infra-backend-v2";
        QTest::newRow("foo.bar.wildcard/s2") << "foo.bar.wildcard.io" << "/s2" << "infra-backend-v2";
        QTest::newRow("wildcard.io/s2") << "wildcard.io" << "/s2" << "404";
        QTest::newRow("specific/s3") << "very.specific.com" << "/s3" << "infra-backend-v3";
        QTest::newRow("foo.specific/s3") << "foo.specific.com" << "/s3" << "404";
        QTest::newRow("foo.another/s4") << "foo.anotherwildcard.io" << "/s4" << "infra-backend-v1";
        QTest::newRow("another/s4") << "anotherwildcard.io" << "/s4" << "404";
        QTest::newRow("wrong/s5") << "specific.but.wrong.com" << "/s5" << "404";
    }
    void hostnameIntersection()
    {
        QFETCH(QString, host);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: intersection, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
  - {name: listener-1, hostname: very.specific.com, port: 80, protocol: HTTP}
  - {name: listener-2, hostname: "*.wildcard.io", port: 80, protocol: HTTP}
  - {name: listener-3, hostname: "*.anotherwildcard.io", port: 80, protocol: HTTP}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: s1, namespace: infra}
spec:
  parentRefs: [{name: intersection}]
  hostnames: [non.matching.com, "*.nonmatchingwildcard.io", very.specific.com]
  rules: [{matches: [{path: {value: /s1}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: s2, namespace: infra}
spec:
  parentRefs: [{name: intersection}]
  hostnames: [non.matching.com, wildcard.io, foo.wildcard.io, bar.wildcard.io, foo.bar.wildcard.io]
  rules: [{matches: [{path: {value: /s2}}], backendRefs: [{name: infra-backend-v2, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: s3, namespace: infra}
spec:
  parentRefs: [{name: intersection}]
  hostnames: [non.matching.com, "*.specific.com"]
  rules: [{matches: [{path: {value: /s3}}], backendRefs: [{name: infra-backend-v3, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: s4, namespace: infra}
spec:
  parentRefs: [{name: intersection}]
  hostnames: ["*.anotherwildcard.io"]
  rules: [{matches: [{path: {value: /s4}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: s5, namespace: infra}
spec:
  parentRefs: [{name: intersection}]
  hostnames: [specific.but.wrong.com, wildcard.io]
  rules: [{matches: [{path: {value: /s5}}], backendRefs: [{name: infra-backend-v2, port: 8080}]}]
)");
        // Sent to the listeners' port 80 whatever port the Host header names.
        QCOMPARE(QString::fromStdString(via(*router, "infra/intersection",
                                            {.host = host.toStdString(), .path = path.toStdString(), .headers = {},
                                             .method = "GET", .gateway = "", .port = 80})),
                 expected);
    }

    void intersectionTable()
    {
        QCOMPARE(intersectHostnames("*.example.com", "foo.example.com").value_or("-"), std::string("foo.example.com"));
        QCOMPARE(intersectHostnames("*.example.com", "*.foo.example.com").value_or("-"), std::string("*.foo.example.com"));
        QCOMPARE(intersectHostnames("*.example.com", "example.com").value_or("-"), std::string("-"));
        QCOMPARE(intersectHostnames("*.example.com", "foo.bar.example.com").value_or("-"),
                 std::string("foo.bar.example.com"));
        QCOMPARE(intersectHostnames("*.example.com", "*.com").value_or("-"), std::string("*.example.com"));
        QCOMPARE(intersectHostnames("foo.example.com", "*.example.com").value_or("-"), std::string("foo.example.com"));
        QCOMPARE(intersectHostnames("*.example.com", "test.example.net").value_or("-"), std::string("-"));
        QCOMPARE(intersectHostnames("", "x").value_or("-"), std::string("x"));
        QCOMPARE(intersectHostnames("x", "").value_or("-"), std::string("x"));
    }

    void listenerIsolationAndPorts()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: listeners, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
  - {name: listener-1, hostname: bar.com, port: 80, protocol: HTTP}
  - {name: listener-2, hostname: foo.bar.com, port: 80, protocol: HTTP}
  - {name: listener-3, hostname: "*.bar.com", port: 80, protocol: HTTP}
  - {name: listener-4, hostname: "*.foo.com", port: 80, protocol: HTTP}
  - {name: alt, hostname: foo.com, port: 8080, protocol: HTTP}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: backend-v1, namespace: infra}
spec:
  parentRefs: [{name: listeners, sectionName: listener-1}]
  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: backend-v2, namespace: infra}
spec:
  parentRefs: [{name: listeners, sectionName: listener-2}, {name: listeners, port: 8080}]
  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: backend-v3, namespace: infra}
spec:
  parentRefs: [{name: listeners, sectionName: listener-3}, {name: listeners, sectionName: listener-4}]
  rules: [{backendRefs: [{name: infra-backend-v3, port: 8080}]}]
)");
        const std::string gw = "infra/listeners";
        QCOMPARE(via(*router, gw, {.host = "bar.com"}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "foo.bar.com"}), std::string("infra-backend-v2")); // not v3: isolation
        QCOMPARE(via(*router, gw, {.host = "baz.bar.com"}), std::string("infra-backend-v3"));
        QCOMPARE(via(*router, gw, {.host = "multiple.prefixes.foo.com"}), std::string("infra-backend-v3"));
        QCOMPARE(via(*router, gw, {.host = "foo.com"}), std::string("404"));
        QCOMPARE(via(*router, gw, {.host = "foo.com:8080"}), std::string("infra-backend-v2"));
        QCOMPARE(via(*router, gw, {.host = "foo.com", .path = "/", .headers = {}, .method = "GET", .gateway = "", .port = 8080}), std::string("infra-backend-v2"));
        QCOMPARE(via(*router, gw, {.host = "bar.com:8080"}), std::string("404"));
    }

    void namespacesAllowedByListeners()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: from-web, namespace: web}
spec:
  parentRefs:
  - {name: same-namespace, namespace: infra}
  - {name: backend-namespaces, namespace: infra}
  - {name: all-namespaces, namespace: infra}
  rules: [{backendRefs: [{name: web-backend, port: 8080}]}]
)");
        QCOMPARE(via(*router, "infra/same-namespace", {}), std::string("404"));
        QCOMPARE(via(*router, "infra/backend-namespaces", {}), std::string("web-backend"));
        QCOMPARE(via(*router, "infra/all-namespaces", {}), std::string("web-backend"));
    }

    void weightsAndZeroWeights()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: weights, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - backendRefs:
    - {name: infra-backend-v1, port: 8080, weight: 70}
    - {name: infra-backend-v2, port: 8080, weight: 30}
    - {name: does-not-exist, port: 8080, weight: 0}
  - matches: [{path: {type: Exact, value: /lone}}]
    backendRefs: [{name: infra-backend-v3, port: 8080, weight: 5}]
  - matches: [{path: {type: Exact, value: /defaults}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}, {name: infra-backend-v2, port: 8080}]
)");
        const std::string gw = "infra/same-namespace";
        QCOMPARE(via(*router, gw, {}), std::string("infra-backend-v1:0.7,infra-backend-v2:0.3"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/lone"}), std::string("infra-backend-v3"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/defaults"}), std::string("infra-backend-v1:0.5,infra-backend-v2:0.5"));
    }

    void unresolvedBackendsAnswer500()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: broken, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: Exact, value: /missing}}]
    backendRefs: [{name: nonexistent, port: 8080}]
  - matches: [{path: {type: Exact, value: /kind}}]
    backendRefs: [{group: unknownkind.example.com, kind: NonExistent, name: x}]
  - matches: [{path: {type: Exact, value: /port}}]
    backendRefs: [{name: infra-backend-v2, port: 9999}]
  - matches: [{path: {type: Exact, value: /cross}}]
    backendRefs: [{name: web-backend, namespace: web, port: 8080}]
  - matches: [{path: {type: Exact, value: /half}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}, {name: nonexistent, port: 8080}]
  - matches: [{path: {type: Exact, value: /omitted}}]
  - matches: [{path: {type: Exact, value: /empty}}]
    backendRefs: []
)");
        const std::string gw = "infra/same-namespace";
        for (const char *path : {"/missing", "/kind", "/port", "/cross", "/omitted", "/empty"})
            QCOMPARE(via(*router, gw, {.host = "", .path = path}), std::string("500"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/other"}), std::string("404"));
        const RouteDecision half = router->route(makeRequest({.host = "x", .path = "/half", .headers = {}, .method = "GET", .gateway = gw}));
        QCOMPARE(half.statusShares().at(500), 0.5);
        QCOMPARE(half.statusShares().at(200), 0.5);
    }

    void hardErrorsDropTheWholeRoute()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: no-port, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: Exact, value: /fine}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {type: Exact, value: /no-port}}]
    backendRefs: [{name: infra-backend-v2}]
)");
        // Not 500 for the broken rule: Istio converts none of the route.
        QCOMPARE(via(*router, "infra/same-namespace", {.host = "", .path = "/no-port"}), std::string("404"));
        QCOMPARE(via(*router, "infra/same-namespace", {.host = "", .path = "/fine"}), std::string("404"));
    }

    void referenceGrantOpensCrossNamespaceBackends()
    {
        const std::string route = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cross, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - backendRefs: [{name: web-backend, namespace: web, port: 8080}]
)";
        const std::string grant = R"(
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: grant, namespace: %NS%}
spec:
  from: [{group: gateway.networking.k8s.io, kind: %FROM%, namespace: infra}]
  to: [{group: "", kind: %TO%, name: %NAME%}]
)";
        const auto withGrant = [&](std::string ns, std::string from, std::string to, std::string name) {
            std::string text = grant;
            for (auto [key, value] : {std::pair<std::string, std::string>{"%NS%", ns}, {"%FROM%", from}, {"%TO%", to},
                                      {"%NAME%", name}})
                text.replace(text.find(key), key.size(), value);
            return via(*routesOver(route + text), "infra/same-namespace", {});
        };
        QCOMPARE(withGrant("web", "HTTPRoute", "Service", "web-backend"), std::string("web-backend"));
        QCOMPARE(withGrant("web", "HTTPRoute", "Service", "\"\""), std::string("web-backend"));
        // Near misses that must not open the reference.
        QCOMPARE(withGrant("infra", "HTTPRoute", "Service", "web-backend"), std::string("500"));
        QCOMPARE(withGrant("web", "Gateway", "Service", "web-backend"), std::string("500"));
        QCOMPARE(withGrant("web", "HTTPRoute", "Secret", "web-backend"), std::string("500"));
        QCOMPARE(withGrant("web", "HTTPRoute", "Service", "other"), std::string("500"));
    }

    void grpcMethodMatches()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: grpc, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{method: {service: echo.Echo, method: Echo}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{method: {service: echo.Echo, method: EchoTwo}}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
  - matches: [{method: {method: Other}}]
    backendRefs: [{name: infra-backend-v3, port: 8080}]
)");
        const std::string gw = "infra/same-namespace";
        QCOMPARE(via(*router, gw, {.host = "", .path = "/echo.Echo/Echo", .headers = {}, .method = "POST"}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/echo.Echo/EchoTwo", .headers = {}, .method = "POST"}), std::string("infra-backend-v2"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/any.Service/Other", .headers = {}, .method = "POST"}), std::string("infra-backend-v3"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/echo.Echo/EchoThree", .headers = {}, .method = "POST"}), std::string("404"));
        const RouteDecision decision =
            router->route(makeRequest({.host = "x", .path = "/echo.Echo/EchoTwo", .headers = {}, .method = "POST", .gateway = gw}));
        QCOMPARE(decision.rule->kind, std::string("GRPCRoute"));
    }

    void meshRoutesSplitAndScope()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: producer, namespace: infra}
spec:
  parentRefs: [{group: "", kind: Service, name: infra-backend-v1, port: 8080}]
  rules:
  - matches: [{path: {type: Exact, value: /v2}}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
  - backendRefs: [{name: infra-backend-v1, port: 8080, weight: 70}, {name: infra-backend-v3, port: 8080, weight: 30}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: consumer, namespace: web}
spec:
  parentRefs: [{group: "", kind: Service, name: infra-backend-v1, namespace: infra}]
  rules:
  - backendRefs: [{name: web-backend, port: 8080}]
)");
        const auto from = [&](const std::string &ns, const std::string &path, uint32_t port = 0) {
            return reach(router->route(
                makeRequest({.host = "infra-backend-v1.infra", .path = path, .headers = {}, .method = "GET", .gateway = "", .port = port, .sourceNamespace = ns})));
        };
        QCOMPARE(from("infra", "/v2"), std::string("infra-backend-v2"));
        QCOMPARE(from("infra", "/x"), std::string("infra-backend-v1:0.7,infra-backend-v3:0.3"));
        QCOMPARE(from("default", "/v2"), std::string("infra-backend-v2")); // producer routes serve every caller
        QCOMPARE(from("web", "/v2"), std::string("web-backend"));           // the caller's consumer route first
        QCOMPARE(from("infra", "/v2", 8081), std::string("infra-backend-v1")); // the route is bound to port 8080
    }

    void meshVirtualServiceAndHttpRouteOldestWins()
    {
        const std::string both = R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: infra, creationTimestamp: "%VS%"}
spec:
  hosts: [infra-backend-v1]
  http: [{route: [{destination: {host: infra-backend-v3}}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: route, namespace: infra, creationTimestamp: "2026-03-01T00:00:00Z"}
spec:
  parentRefs: [{group: "", kind: Service, name: infra-backend-v1}]
  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]
)";
        const auto with = [&](const std::string &stamp) {
            std::string text = both;
            text.replace(text.find("%VS%"), 4, stamp);
            return routesOver(text);
        };
        const RequestSpec spec{.host = "infra-backend-v1.infra"};
        const RouteDecision older = with("2026-01-01T00:00:00Z")->route(makeRequest(spec));
        QCOMPARE(reach(older), std::string("infra-backend-v3"));
        QVERIFY(explanationText(older).find("HTTPRoute infra/route also routes this host") != std::string::npos);
        QCOMPARE(reach(with("2026-06-01T00:00:00Z")->route(makeRequest(spec))), std::string("infra-backend-v2"));
    }

    void routeHostnamesMakeVirtualHostsWithoutFallThrough()
    {
        // Two routes share example.com; only the first also serves example.net.
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: matching-part1, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [example.com, example.net]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}, {headers: [{name: version, value: one}]}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: matching-part2, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /v2}}, {headers: [{name: version, value: two}]}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: wildcard, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: ["*.example.com"]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: infra-backend-v3, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: specific, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [foo.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /a}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
)");
        const std::string gw = "infra/same-namespace";
        QCOMPARE(via(*router, gw, {.host = "example.com", .path = "/example"}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "example.net", .path = "/example"}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "example.com", .path = "/v2"}), std::string("infra-backend-v2"));
        QCOMPARE(via(*router, gw, {.host = "example.net", .path = "/v2"}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "example.com", .path = "/", .headers = {{"Version", "two"}}}),
                 std::string("infra-backend-v2"));
        QCOMPARE(via(*router, gw, {.host = "bar.example.com", .path = "/x"}), std::string("infra-backend-v3"));
        QCOMPARE(via(*router, gw, {.host = "foo.example.com", .path = "/a/b"}), std::string("infra-backend-v1"));
        // Envoy picks foo.example.com's virtual host and does not fall back to *.example.com.
        QCOMPARE(via(*router, gw, {.host = "foo.example.com", .path = "/x"}), std::string("404"));
    }

    void headerMatchingTable()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: headers, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{headers: [{name: version, value: one}]}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{headers: [{name: version, value: two}]}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
  - matches: [{headers: [{name: version, value: two}, {name: color, value: orange}]}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{headers: [{name: color, value: blue}]}, {headers: [{name: color, value: green}]}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{headers: [{name: color, value: red}]}, {headers: [{name: color, value: yellow}]}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
  - matches: [{headers: [{name: build, type: RegularExpression, value: "[0-9]+"}]}]
    backendRefs: [{name: infra-backend-v3, port: 8080}]
)");
        const std::string gw = "infra/same-namespace";
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Version", "one"}}}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Version", "two"}}}), std::string("infra-backend-v2"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Version", "two"}, {"Color", "orange"}}}),
                 std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Version", "two"}, {"Color", "blue"}}}),
                 std::string("infra-backend-v2")); // a tie: rule order
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Color", "orange"}}}), std::string("404"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Color", "green"}}}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Color", "yellow"}}}), std::string("infra-backend-v2"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Color", "Red"}}}), std::string("404"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Build", "123"}}}), std::string("infra-backend-v3"));
        QCOMPARE(via(*router, gw, {.host = "", .path = "/", .headers = {{"Build", "12a"}}}), std::string("404"));
    }

    void sharedRouteOnTwoGateways()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shared, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}, {name: all-namespaces}]
  rules: [{matches: [{path: {value: /shared}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: same-dedicated, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: all-dedicated, namespace: infra}
spec:
  parentRefs: [{name: all-namespaces}]
  rules: [{backendRefs: [{name: infra-backend-v3, port: 8080}]}]
)");
        QCOMPARE(via(*router, "infra/same-namespace", {.host = "", .path = "/shared"}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, "infra/same-namespace", {.host = "", .path = "/"}), std::string("infra-backend-v2"));
        QCOMPARE(via(*router, "infra/all-namespaces", {.host = "", .path = "/shared"}), std::string("infra-backend-v1"));
        QCOMPARE(via(*router, "infra/all-namespaces", {.host = "", .path = "/"}), std::string("infra-backend-v3"));
    }

    void bookinfoSampleSplitsReviews()
    {
        const auto router = std::make_shared<const Router>(sampleMesh("bookinfo-gateway-api"));
        const RouteDecision decision = router->route(makeRequest({.host = "reviews.bookinfo"}));
        QCOMPARE(reach(decision), std::string("reviews-v1:0.9,reviews-v2:0.1"));
        QCOMPARE(via(*router, "bookinfo/bookinfo-gateway", {.host = "bookinfo.example.com", .path = "/static/x.css"}),
                 std::string("productpage"));
        QCOMPARE(via(*router, "bookinfo/bookinfo-gateway", {.host = "bookinfo.example.com", .path = "/staticx"}),
                 std::string("404"));
        QCOMPARE(via(*router, "bookinfo/bookinfo-gateway", {.host = "other.example.com", .path = "/productpage"}),
                 std::string("404"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiRouting)
#include "tst_gatewayapirouting.moc"
