// SPDX-License-Identifier: MIT
// Every HTTPMatchRequest rule, one test each: a two-route VirtualService
// where http[0] carries the condition under test and http[1] catches the rest.

#include "support/routingtestsupport.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

// http[0] with the given match list (YAML under "match:"), http[1] catch-all.
std::string guarded(const std::string &match)
{
    return "  - match:\n" + match + R"(    route:
    - destination: {host: reviews, subset: v2}
  - route:
    - destination: {host: reviews, subset: v1}
)";
}

int matchedRoute(const std::string &match, const RequestSpec &spec)
{
    const auto router = routerFor(reviewsMesh(guarded(match)));
    const RouteDecision decision = router->route(makeRequest(spec));
    return decision.httpRoute;
}

} // namespace

class TestRouteMatching : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstMatchingRouteWins()
    {
        const auto router = routerFor(reviewsMesh(R"(  - match:
    - uri: {prefix: /a}
    route:
    - destination: {host: reviews, subset: v1}
  - match:
    - uri: {prefix: /a}
    route:
    - destination: {host: reviews, subset: v2}
)"));
        const RouteDecision decision = router->route(makeRequest({.host = "reviews", .path = "/a/b"}));
        QCOMPARE(decision.httpRoute, 0);
        QCOMPARE(shareOf(decision, "v1"), 1.0);
    }

    void conditionsInOneBlockAllMustHold()
    {
        const std::string match = "    - uri: {prefix: /api}\n      headers: {x-team: {exact: blue}}\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/api/x", .headers = {{"x-team", "blue"}}}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/api/x"}), 1);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/web", .headers = {{"x-team", "blue"}}}), 1);
    }

    void anyBlockOfARouteMayMatch()
    {
        const std::string match = "    - uri: {prefix: /api}\n    - headers: {x-team: {exact: blue}}\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/api/x"}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/web", .headers = {{"x-team", "blue"}}}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/web"}), 1);
        const auto router = routerFor(reviewsMesh(guarded(match)));
        const RouteDecision decision =
            router->route(makeRequest({.host = "reviews", .path = "/web", .headers = {{"x-team", "blue"}}}));
        QCOMPARE(decision.matchBlock, 1);
    }

    void routeWithoutMatchTakesEverything()
    {
        const auto router = routerFor(reviewsMesh("  - route:\n    - destination: {host: reviews, subset: v3}\n"));
        const RouteDecision decision =
            router->route(makeRequest({.host = "reviews", .path = "/anything?x=1", .method = "DELETE"}));
        QCOMPARE(decision.httpRoute, 0);
        QCOMPARE(decision.matchBlock, -1);
        QCOMPARE(shareOf(decision, "v3"), 1.0);
    }

    void uriExactIgnoresTheQueryString()
    {
        const std::string match = "    - uri: {exact: /items/12}\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/items/12?color=red"}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/items/12"}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/items/123"}), 1);
    }

    void uriPrefixIsARawPrefixOfTheWholePath()
    {
        const std::string match = "    - uri: {prefix: /api}\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/apiary"}), 0); // raw, not segment-wise
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/ap"}), 1);
        // Envoy tests a prefix against :path with its query string.
        const std::string withQuery = "    - uri: {prefix: \"/search?q=\"}\n";
        QCOMPARE(matchedRoute(withQuery, {.host = "reviews", .path = "/search?q=istio"}), 0);
    }

    void uriRegexIsAFullMatchWithoutQuery()
    {
        const std::string match = "    - uri: {regex: \"/v[0-9]\"}\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/v1"}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/v1?debug=1"}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/v12"}), 1); // full match, not search
        QCOMPARE(matchedRoute(match, {.host = "reviews", .path = "/api/v1"}), 1);
    }

    void ignoreUriCaseAppliesToExactAndPrefixOnly()
    {
        const std::string prefix = "    - uri: {prefix: /API}\n      ignoreUriCase: true\n";
        QCOMPARE(matchedRoute(prefix, {.host = "reviews", .path = "/api/x"}), 0);
        QCOMPARE(matchedRoute(prefix, {.host = "reviews", .path = "/Api/x"}), 0);
        const std::string exact = "    - uri: {exact: /Login}\n      ignoreUriCase: true\n";
        QCOMPARE(matchedRoute(exact, {.host = "reviews", .path = "/LOGIN"}), 0);
        const std::string sensitive = "    - uri: {prefix: /API}\n";
        QCOMPARE(matchedRoute(sensitive, {.host = "reviews", .path = "/api/x"}), 1);
        // Envoy ignores case_sensitive for regexes.
        const std::string regex = "    - uri: {regex: \"/api/.*\"}\n      ignoreUriCase: true\n";
        QCOMPARE(matchedRoute(regex, {.host = "reviews", .path = "/API/x"}), 1);
    }

    void schemeMethodAndAuthority()
    {
        QCOMPARE(matchedRoute("    - scheme: {exact: https}\n", {.host = "reviews", .scheme = "https"}), 0);
        QCOMPARE(matchedRoute("    - scheme: {exact: https}\n", {.host = "reviews"}), 1);
        QCOMPARE(matchedRoute("    - method: {exact: POST}\n", {.host = "reviews", .method = "POST"}), 0);
        QCOMPARE(matchedRoute("    - method: {exact: POST}\n", {.host = "reviews", .method = "post"}), 1);
        QCOMPARE(matchedRoute("    - method: {regex: \"GET|HEAD\"}\n", {.host = "reviews", .method = "HEAD"}), 0);
        QCOMPARE(matchedRoute("    - authority: {prefix: reviews}\n", {.host = "reviews:9080"}), 0);
        QCOMPARE(matchedRoute("    - authority: {exact: reviews}\n", {.host = "reviews.default"}), 1);
    }

    void headerNamesIgnoreCaseValuesDoNot()
    {
        const std::string match = "    - headers: {End-User: {exact: jason}}\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews", .headers = {{"end-user", "jason"}}}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .headers = {{"END-USER", "jason"}}}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .headers = {{"end-user", "Jason"}}}), 1);
        QCOMPARE(matchedRoute(match, {.host = "reviews"}), 1);
    }

    void headerPrefixAndRegex()
    {
        QCOMPARE(matchedRoute("    - headers: {user-agent: {prefix: Mozilla}}\n",
                              {.host = "reviews", .headers = {{"user-agent", "Mozilla/5.0"}}}),
                 0);
        const std::string regex = "    - headers: {cookie: {regex: \"^(.*?;)?(user=jason)(;.*)?$\"}}\n";
        QCOMPARE(matchedRoute(regex, {.host = "reviews", .headers = {{"cookie", "a=1; user=jason"}}}), 1);
        QCOMPARE(matchedRoute(regex, {.host = "reviews", .headers = {{"cookie", "a=1;user=jason"}}}), 0);
    }

    void emptyMatchAndStarRegexMeanPresent()
    {
        const std::string empty = "    - headers: {x-canary: {}}\n";
        QCOMPARE(matchedRoute(empty, {.host = "reviews", .headers = {{"x-canary", ""}}}), 0);
        QCOMPARE(matchedRoute(empty, {.host = "reviews"}), 1);
        // Istio turns regex "*" (not RE2) into present_match.
        const std::string star = "    - headers: {x-canary: {regex: \"*\"}}\n";
        QCOMPARE(matchedRoute(star, {.host = "reviews", .headers = {{"x-canary", "anything"}}}), 0);
        QCOMPARE(matchedRoute(star, {.host = "reviews"}), 1);
    }

    void withoutHeadersExcludesMatchingValuesOnly()
    {
        const std::string match = "    - withoutHeaders: {x-env: {exact: prod}}\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews", .headers = {{"x-env", "prod"}}}), 1);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .headers = {{"x-env", "dev"}}}), 0);
        // Istio sets treat_missing_header_as_empty: an absent header is "" and passes.
        QCOMPARE(matchedRoute(match, {.host = "reviews"}), 0);
        // ... unless the excluded pattern matches "" too.
        const std::string anything = "    - withoutHeaders: {x-env: {regex: \".*\"}}\n";
        QCOMPARE(matchedRoute(anything, {.host = "reviews"}), 1);
        // A presence check inverted: the header must be absent.
        const std::string absent = "    - withoutHeaders: {x-debug: {}}\n";
        QCOMPARE(matchedRoute(absent, {.host = "reviews"}), 0);
        QCOMPARE(matchedRoute(absent, {.host = "reviews", .headers = {{"x-debug", "1"}}}), 1);
    }

    void queryParamsMatchParsedValues()
    {
        const std::string exact = "    - queryParams: {version: {exact: \"2\"}}\n";
        QCOMPARE(matchedRoute(exact, {.host = "reviews", .path = "/list?sort=asc&version=2"}), 0);
        QCOMPARE(matchedRoute(exact, {.host = "reviews", .path = "/list?version=22"}), 1);
        QCOMPARE(matchedRoute(exact, {.host = "reviews", .path = "/list?Version=2"}), 1); // names are case-sensitive
        QCOMPARE(matchedRoute(exact, {.host = "reviews", .path = "/list"}), 1);
        const std::string regex = "    - queryParams: {id: {regex: \"[0-9]+\"}}\n";
        QCOMPARE(matchedRoute(regex, {.host = "reviews", .path = "/x?id=42"}), 0);
        QCOMPARE(matchedRoute(regex, {.host = "reviews", .path = "/x?id=42a"}), 1);
        const std::string prefix = "    - queryParams: {lang: {prefix: en}}\n";
        QCOMPARE(matchedRoute(prefix, {.host = "reviews", .path = "/x?lang=en-GB"}), 0);
        const std::string flag = "    - queryParams: {debug: {}}\n";
        QCOMPARE(matchedRoute(flag, {.host = "reviews", .path = "/x?debug"}), 0);
    }

    void portMatchesTheListenerPort()
    {
        const std::string match = "    - port: 9080\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews"}), 0); // the Service's port is assumed
        QCOMPARE(matchedRoute(match, {.host = "reviews", .port = 9080}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .port = 8080}), 1);
        QCOMPARE(matchedRoute(match, {.host = "reviews:8080"}), 1);
    }

    void sourceLabelsMustBeASubsetOfTheCaller()
    {
        const std::string match = "    - sourceLabels: {app: productpage, version: v2}\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews",
                                      .sourceLabels = {{"app", "productpage"}, {"version", "v2"}, {"x", "y"}}}),
                 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews", .sourceLabels = {{"app", "productpage"}}}), 1);
        QCOMPARE(matchedRoute(match, {.host = "reviews"}), 1);
    }

    void sourceNamespaceMustEqualTheCaller()
    {
        const std::string match = "    - sourceNamespace: frontend\n";
        QCOMPARE(matchedRoute(match, {.host = "reviews.default", .sourceNamespace = "frontend"}), 0);
        QCOMPARE(matchedRoute(match, {.host = "reviews.default", .sourceNamespace = "default"}), 1);
    }

    void matchGatewaysSelectTheProxy()
    {
        // The VirtualService serves sidecars and the gateway; the block names one of them.
        const std::string extra = "  gateways: [mesh, web-gateway]\n";
        const std::string gateway = R"(---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: web-gateway, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
)";
        const std::string meshOnly = "    - gateways: [mesh]\n";
        auto router = routerFor(reviewsMesh(guarded(meshOnly), extra) + gateway);
        QCOMPARE(router->route(makeRequest({.host = "reviews"})).httpRoute, 0);
        const RouteDecision atGateway = router->route(
            makeRequest({.host = "reviews.default.svc.cluster.local", .gateway = "default/web-gateway"}));
        QCOMPARE(atGateway.httpRoute, 1);
        QVERIFY(explanationText(atGateway).find("only for mesh") != std::string::npos);

        // With `gateways` listed, Istio ignores sourceLabels in the same block.
        const std::string gatewayOnly = "    - gateways: [web-gateway]\n      sourceLabels: {app: nobody}\n";
        router = routerFor(reviewsMesh(guarded(gatewayOnly), extra) + gateway);
        QCOMPARE(router->route(makeRequest({.host = "reviews"})).httpRoute, 1);
        QCOMPARE(router->route(makeRequest({.host = "reviews.default.svc.cluster.local", .gateway = "default/web-gateway"}))
                     .httpRoute,
                 0);
    }

    void invalidRegexNeverMatchesAndSaysWhy()
    {
        const auto router = routerFor(reviewsMesh(guarded("    - uri: {regex: \"/(unclosed\"}\n")));
        const RouteDecision decision = router->route(makeRequest({.host = "reviews", .path = "/(unclosed"}));
        QCOMPARE(decision.httpRoute, 1);
        QVERIFY(explanationText(decision).find("does not compile") != std::string::npos);
    }

    void nothingMatchingIs404()
    {
        const auto router = routerFor(reviewsMesh(R"(  - match:
    - uri: {prefix: /only}
    route:
    - destination: {host: reviews, subset: v1}
)"));
        const RouteDecision decision = router->route(makeRequest({.host = "reviews", .path = "/other"}));
        QCOMPARE(decision.status, 404);
        QCOMPARE(int(decision.action), int(RouteAction::NoRoute));
        QCOMPARE(decision.virtualService, std::string()); // no route was taken
        QVERIFY(decision.destinations.empty());
        QVERIFY(explanationText(decision).find("uri is '/other' (wants prefix /only)") != std::string::npos);
    }

    void explanationSaysWhyEarlierBlocksFailed()
    {
        const auto router = routerFor(reviewsMesh(R"(  - name: jason-only
    match:
    - name: by-header
      headers: {end-user: {exact: jason}}
    route:
    - destination: {host: reviews, subset: v2}
  - name: everyone
    route:
    - destination: {host: reviews, subset: v1}
)"));
        const RouteDecision decision = router->route(makeRequest({.host = "reviews", .headers = {{"end-user", "kim"}}}));
        QCOMPARE(decision.routeName, std::string("everyone"));
        const std::string text = explanationText(decision);
        QVERIFY2(text.find("http[0] \"jason-only\" match[0] \"by-header\" does not match: header end-user is 'kim' "
                           "(wants exact jason)")
                     != std::string::npos,
                 text.c_str());
        QVERIFY(text.find("http[1] \"everyone\" has no match conditions") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestRouteMatching)
#include "tst_routematching.moc"
