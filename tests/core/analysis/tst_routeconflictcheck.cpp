// SPDX-License-Identifier: MIT
// RouteConflictCheck (IST0109, IST0130, IST0131, IST0132) and matchCovers.
#include "analysis/analyzercodes.h"
#include "analysis/matchcoverage.h"
#include "support/analyzertesting.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

// An http route with the given match list (YAML under `match:`, or "" for none) to subset `subset`.
std::string route(const std::string &match, const std::string &subset)
{
    std::string text = "  - ";
    if (!match.empty())
        text += "match:\n" + match + "    ";
    text += "route:\n    - destination:\n        host: reviews\n        subset: " + subset + '\n';
    return text;
}

std::string uriPrefix(const std::string &prefix)
{
    return "    - uri:\n        prefix: " + prefix + '\n';
}

StringMatch stringMatch(StringMatch::Kind kind, const std::string &value)
{
    StringMatch match;
    match.kind = kind;
    match.value = value;
    return match;
}

const std::string kGateway = R"(---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: shop
  namespace: default
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*.shop.example.com"]
)";

} // namespace

class TestRouteConflictCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoMeshVirtualServicesForOneHost()
    {
        const std::string route1 = "  http:\n" + route("", "v1");
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews-a", route1)
                                       + virtualService("reviews-b", route1, "  - reviews.default.svc.cluster.local\n"));
        const Diagnostics found = a.withCode(codes::ConflictingMeshHosts);
        ANALYZER_VERIFY(found.size() == 2, a); // each party is told
        QCOMPARE(found[0].severity, Severity::Error);
        QCOMPARE(found[0].resource.name, std::string("reviews-a"));
        QVERIFY(found[0].message.find("reviews-b") != std::string::npos);
        QCOMPARE(found[1].resource.name, std::string("reviews-b"));
        QVERIFY(found[1].message.find("reviews-a") != std::string::npos);
    }

    void gatewayVirtualServiceDoesNotConflictWithMeshOne()
    {
        const std::string route1 = "  http:\n" + route("", "v1");
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + kGateway + virtualService("reviews", route1)
                                          + virtualService("reviews-edge", "  gateways: [shop]\n" + route1,
                                                           "  - reviews.shop.example.com\n")));
    }

    void catchAllBeforeOtherRoutes()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", "  http:\n" + route("", "v1")
                                                                               + route(uriPrefix("/api"), "v2")));
        const Diagnostics found = a.withCode(codes::UnreachableRule);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Warning);
        QCOMPARE(found[0].location.line, lineOf(a.text, "- match:"));
        QVERIFY(found[0].message.find("http rule #1 is never used") == 0);
        QVERIFY(found[0].message.find("rule #0 before it has no match and takes every request") != std::string::npos);
        QVERIFY(found[0].fix.find("move rule #0 to the end of http") == 0);
        QVERIFY(a.withCode(codes::IneffectiveMatch).empty());
        QVERIFY(a.withCode(codes::ShadowedRoute).empty()); // said once, under istioctl's code
    }

    void catchAllLastIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + virtualService("reviews", "  http:\n" + route(uriPrefix("/api"), "v2")
                                                                                   + route("", "v1"))));
    }

    void routeWhoseMatchesAreAllTakenEarlier()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", "  http:\n" + route(uriPrefix("/api"), "v1")
                                                                               + route(uriPrefix("/api/v2") + uriPrefix("/api/v3"), "v2")
                                                                               + route("", "v1")));
        // istioctl: each longer prefix is an ineffective match (IST0131), the rule is not
        // a duplicate (no IST0130); the engine adds that the whole rule is dead (ML0105).
        ANALYZER_VERIFY(a.withCode(codes::UnreachableRule).empty(), a);
        ANALYZER_VERIFY(a.withCode(codes::IneffectiveMatch).size() == 2, a);
        const Diagnostics found = a.withCode(codes::ShadowedRoute);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("every one of its matches is already taken by http[0]") != std::string::npos);
    }

    void matchCoveredByEarlierPrefix()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", "  http:\n" + route(uriPrefix("/api"), "v1")
                                                                               + route(uriPrefix("/static") + uriPrefix("/api/v2"), "v2")
                                                                               + route("", "v1")));
        const Diagnostics found = a.withCode(codes::IneffectiveMatch);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Info);
        QCOMPARE(found[0].location.line, lineOf(a.text, "prefix: /api/v2") - 1); // the `- uri:` block
        QVERIFY(found[0].message.find("http rule #1 match #1 (prefix /api/v2) is never used: match #0 (prefix /api)") == 0);
        QVERIFY(a.withCode(codes::UnreachableRule).empty());
        QVERIFY(a.withCode(codes::ShadowedMatch).empty());
    }

    void duplicateHeaderMatchIsIneffective()
    {
        const std::string jason = "    - headers:\n        end-user:\n          exact: jason\n";
        const std::string mobile = "    - headers:\n        user-agent:\n          prefix: Mobile\n";
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", "  http:\n" + route(jason, "v2")
                                                                               + route(mobile + jason, "v1")));
        ANALYZER_VERIFY(a.withCode(codes::IneffectiveMatch).size() == 1, a);
    }

    void moreSpecificMatchesFirstAreClean()
    {
        // The bookinfo pattern plus a specific-before-general prefix pair.
        const std::string jason = "    - headers:\n        end-user:\n          exact: jason\n";
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + virtualService("reviews", "  http:\n" + route(jason, "v2")
                                                                                   + route(uriPrefix("/api/v2"), "v2")
                                                                                   + route(uriPrefix("/api"), "v1")
                                                                                   + route("", "v1"))));
    }

    void extraConditionMakesLaterMatchNarrowerNotBroader()
    {
        // Earlier: prefix /api AND header x; later: prefix /api/v2 alone. Not covered:
        // requests without the header still reach the later route.
        const std::string earlier = "    - uri:\n        prefix: /api\n      headers:\n        x-canary:\n          exact: \"1\"\n";
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + virtualService("reviews", "  http:\n" + route(earlier, "v2")
                                                                                   + route(uriPrefix("/api/v2"), "v1")
                                                                                   + route("", "v1"))));
    }

    void hostNotServedByGateway()
    {
        const Analysis a = analyzeYaml(kReviews + kGateway
                                       + virtualService("reviews-edge", "  gateways: [shop]\n  http:\n" + route("", "v1"),
                                                        "  - reviews.example.org\n"));
        const Diagnostics found = a.withCode(codes::HostNotInGateway);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Warning);
        QCOMPARE(found[0].location.line, lineOf(a.text, "gateways: [shop]"));
        QVERIFY(found[0].message.find("*.shop.example.com") != std::string::npos);
        QVERIFY(found[0].fix.find("add reviews.example.org to the hosts of Gateway shop") == 0);
    }

    void gatewayServerInOtherNamespaceOnlyDoesNotServe()
    {
        std::string gateway = kGateway;
        gateway.replace(gateway.find("\"*.shop.example.com\""), 20, "\"team-b/*.shop.example.com\"");
        const Analysis a = analyzeYaml(kReviews + gateway
                                       + virtualService("reviews-edge", "  gateways: [shop]\n  http:\n" + route("", "v1"),
                                                        "  - reviews.shop.example.com\n"));
        ANALYZER_VERIFY(a.withCode(codes::HostNotInGateway).size() == 1, a);
    }

    void hostServedByWildcardServerIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + kGateway
                                          + virtualService("reviews-edge", "  gateways: [shop]\n  http:\n" + route("", "v1"),
                                                           "  - reviews.shop.example.com\n")));
    }

    void stringMatchCoverage()
    {
        using Kind = StringMatch::Kind;
        QVERIFY(stringMatchCovers(stringMatch(Kind::Prefix, "/api"), stringMatch(Kind::Prefix, "/api/v1")));
        QVERIFY(stringMatchCovers(stringMatch(Kind::Prefix, "/api"), stringMatch(Kind::Exact, "/api")));
        QVERIFY(!stringMatchCovers(stringMatch(Kind::Prefix, "/api/v1"), stringMatch(Kind::Prefix, "/api")));
        QVERIFY(!stringMatchCovers(stringMatch(Kind::Exact, "/api"), stringMatch(Kind::Prefix, "/api")));
        QVERIFY(stringMatchCovers(stringMatch(Kind::Regex, "/v[0-9]+"), stringMatch(Kind::Exact, "/v12")));
        QVERIFY(!stringMatchCovers(stringMatch(Kind::Regex, "/v[0-9]+"), stringMatch(Kind::Exact, "/v12/x")));
        QVERIFY(!stringMatchCovers(stringMatch(Kind::Regex, "/v[0-9]+"), stringMatch(Kind::Prefix, "/v1")));
        QVERIFY(stringMatchCovers(stringMatch(Kind::Present, {}), stringMatch(Kind::Exact, "jason")));
        QVERIFY(!stringMatchCovers(stringMatch(Kind::Exact, "jason"), stringMatch(Kind::Present, {})));
        QVERIFY(stringMatchCovers(stringMatch(Kind::Prefix, "/API"), stringMatch(Kind::Exact, "/api/x"), true));
        QVERIFY(!stringMatchCovers(stringMatch(Kind::Prefix, "/API"), stringMatch(Kind::Exact, "/api/x"), false));
    }

    void blockCoverage()
    {
        HttpMatchRequest everything;
        HttpMatchRequest api;
        api.uri = stringMatch(StringMatch::Kind::Prefix, "/api");
        HttpMatchRequest apiFromCanary = api;
        apiFromCanary.sourceLabels = {{"app", "canary"}};
        QVERIFY(matchCovers(everything, api));
        QVERIFY(!matchCovers(api, everything));
        QVERIFY(matchCovers(api, apiFromCanary));
        QVERIFY(!matchCovers(apiFromCanary, api));

        HttpMatchRequest anyCase = api;
        anyCase.ignoreUriCase = true;
        QVERIFY(matchCovers(anyCase, api));  // case-insensitive /api takes /api too
        QVERIFY(!matchCovers(api, anyCase)); // but not /API

        HttpMatchRequest onGateway = api;
        onGateway.gateways = {"edge"};
        QVERIFY(matchCovers(api, onGateway));
        QVERIFY(!matchCovers(onGateway, api));

        HttpMatchRequest withoutDebug = api;
        withoutDebug.withoutHeaders = {{"x-debug", stringMatch(StringMatch::Kind::Present, {})}};
        QVERIFY(!matchCovers(withoutDebug, api));
        QVERIFY(matchCovers(withoutDebug, withoutDebug));
    }
};

QTEST_GUILESS_MAIN(TestRouteConflictCheck)
#include "tst_routeconflictcheck.moc"
