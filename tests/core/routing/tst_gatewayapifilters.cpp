// SPDX-License-Identifier: MIT
// Gateway API filters: redirect (scheme, hostname, port, path), URLRewrite,
// RequestMirror and timeouts, our own scenarios after the conformance tables.

#include "support/gatewayapitestsupport.h"

#include "routing/redirectrewrite.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

class TestGatewayApiFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redirects()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: redirects, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [example.org]
  rules:
  - matches: [{path: {value: /original-prefix}}]
    filters:
    - type: RequestRedirect
      requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix}}
  - matches: [{path: {value: /full}}]
    filters:
    - type: RequestRedirect
      requestRedirect: {statusCode: 301, path: {type: ReplaceFullPath, replaceFullPath: /full-path-replacement}}
  - matches: [{path: {value: /scheme}}]
    filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]
  - matches: [{path: {value: /port}}]
    filters: [{type: RequestRedirect, requestRedirect: {port: 8083, hostname: other.org}}]
)");
        const std::string gw = "infra/same-namespace";
        QCOMPARE(via(*router, gw, {.host = "example.org", .path = "/original-prefix/lemon"}),
                 std::string("302 http://example.org/replacement-prefix/lemon"));
        QCOMPARE(via(*router, gw, {.host = "example.org", .path = "/full/path/original"}),
                 std::string("301 http://example.org/full-path-replacement"));
        QCOMPARE(via(*router, gw, {.host = "example.org", .path = "/scheme"}), std::string("302 https://example.org/scheme"));
        QCOMPARE(via(*router, gw, {.host = "example.org", .path = "/port"}),
                 std::string("302 http://other.org:8083/port"));
        const RouteDecision decision =
            router->route(makeRequest({.host = "example.org", .path = "/scheme", .headers = {}, .method = "GET", .gateway = gw}));
        QVERIFY(decision.redirect);
        QCOMPARE(decision.redirect->scheme, std::string("https"));
        QVERIFY(!decision.redirect->port);
    }

    void replacePrefixMatchTable()
    {
        const auto check = [](const char *path, const char *prefix, const char *replacement, const char *expected) {
            return RedirectRewrite::replacePrefix(path, prefix, replacement) == expected;
        };
        QVERIFY(check("/foo/bar", "/foo", "/xyz", "/xyz/bar"));
        QVERIFY(check("/foo/bar", "/foo", "/xyz/", "/xyz/bar"));
        QVERIFY(check("/foo/bar", "/foo/", "/xyz", "/xyz/bar"));
        QVERIFY(check("/foo", "/foo", "/xyz", "/xyz"));
        QVERIFY(check("/foo/", "/foo", "/xyz", "/xyz/"));
        QVERIFY(check("/foo/bar", "/foo", "", "/bar"));
        QVERIFY(check("/foo/", "/foo", "", "/"));
        QVERIFY(check("/foo", "/foo", "", "/"));
        QVERIFY(check("/foo", "/foo", "/", "/"));
    }

    void rewritesMirrorsAndTimeouts()
    {
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: rewrite, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {value: /prefix/one}}]
    filters:
    - type: URLRewrite
      urlRewrite: {hostname: one.example.org, path: {type: ReplacePrefixMatch, replacePrefixMatch: /one}}
    - type: RequestMirror
      requestMirror: {backendRef: {name: infra-backend-v2, port: 8080}, percent: 20}
    - type: RequestMirror
      requestMirror: {backendRef: {name: infra-backend-v3, port: 8080}, fraction: {numerator: 25, denominator: 50}}
    - type: RequestMirror
      requestMirror: {backendRef: {name: nonexistent, port: 8080}}
    backendRefs: [{name: infra-backend-v1, port: 8080}]
    timeouts: {request: 500ms}
)");
        const RouteDecision decision =
            router->route(makeRequest({.host = "x", .path = "/prefix/one/two", .headers = {}, .method = "GET", .gateway = "infra/same-namespace"}));
        QCOMPARE(reach(decision), std::string("infra-backend-v1"));
        QVERIFY(decision.rewrite);
        QCOMPARE(decision.rewrite->path, std::string("/one/two"));
        QCOMPARE(decision.rewrite->hostname, std::string("one.example.org"));
        QCOMPARE(decision.mirrors.size(), size_t(2)); // the unresolved mirror is dropped, as Istio does
        QCOMPARE(decision.mirrors[0].probability(), 0.2);
        QCOMPARE(decision.mirrors[1].probability(), 0.5);
    }

    void redirectPortAndSchemeTable_data()
    {
        QTest::addColumn<int>("listenerPort");
        QTest::addColumn<QString>("requestScheme");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("location");
        const auto row = [](int port, const char *scheme, const char *path, const char *location) {
            QTest::addRow("%d%s -> %s", port, path, location) << port << QString::fromLatin1(scheme)
                                                            << QString::fromLatin1(path) << QString::fromLatin1(location);
        };
        row(80, "http", "/none", "http://example.org/none");
        row(80, "http", "/port-80", "http://example.org/port-80");
        row(80, "http", "/port-8080", "http://example.org:8080/port-8080");
        row(80, "http", "/https", "https://example.org/https");
        row(80, "http", "/https-443", "https://example.org/https-443");
        row(80, "http", "/https-8443", "https://example.org:8443/https-8443");
        row(8080, "http", "/none", "http://example.org:8080/none");
        row(8080, "http", "/port-80", "http://example.org/port-80");
        row(8080, "http", "/https", "https://example.org/https");
        row(443, "https", "/none", "https://example.org/none");
        row(443, "https", "/port-443", "https://example.org/port-443");
        row(443, "https", "/port-8443", "https://example.org:8443/port-8443");
        row(443, "https", "/http", "http://example.org/http");
        row(443, "https", "/http-80", "http://example.org/http-80");
        row(443, "https", "/http-8080", "http://example.org:8080/http-8080");
    }
    void redirectPortAndSchemeTable()
    {
        QFETCH(int, listenerPort);
        QFETCH(QString, requestScheme);
        QFETCH(QString, path);
        QFETCH(QString, location);
        std::string rules;
        for (const auto &[name, filter] : std::vector<std::pair<std::string, std::string>>{
                 {"/none", "{}"},
                 {"/port-80", "{port: 80}"},
                 {"/port-8080", "{port: 8080}"},
                 {"/port-443", "{port: 443}"},
                 {"/port-8443", "{port: 8443}"},
                 {"/https", "{scheme: https}"},
                 {"/https-443", "{scheme: https, port: 443}"},
                 {"/https-8443", "{scheme: https, port: 8443}"},
                 {"/http", "{scheme: http}"},
                 {"/http-80", "{scheme: http, port: 80}"},
                 {"/http-8080", "{scheme: http, port: 8080}"}})
            rules += "  - matches: [{path: {type: Exact, value: " + name
                + "}}]\n    filters: [{type: RequestRedirect, requestRedirect: " + filter + "}]\n";
        const auto router = routesOver(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: redirects, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  - {name: http-8080, port: 8080, protocol: HTTP}
  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: redirects, namespace: infra}
spec:
  parentRefs: [{name: redirects}]
  hostnames: [example.org]
  rules:
)" + rules);
        const RouteDecision decision = router->route(makeRequest(
            {.host = "example.org", .path = path.toStdString(), .headers = {}, .method = "GET",
             .gateway = "infra/redirects", .port = uint32_t(listenerPort), .sourceNamespace = "default",
             .sourceLabels = {}, .scheme = requestScheme.toStdString()}));
        QCOMPARE(decision.status, 302);
        QCOMPARE(QString::fromStdString(decision.redirectLocation), location);
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiFilters)
#include "tst_gatewayapifilters.moc"
