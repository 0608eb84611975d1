// SPDX-License-Identifier: MIT
// RequestWitness: the request a routing finding carries shows the problem when
// the router routes it (the earlier rule takes it; the gateway answers 404).
#include "analysis/analyzer.h"
#include "analysis/analyzercodes.h"
#include "analysis/requestwitness.h"
#include "routing/router.h"
#include "support/analyzertesting.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

const std::string kRoutes = R"(  http:
  - name: api
    match:
    - uri: {prefix: /api}
    route:
    - destination: {host: reviews, subset: v1}
  - name: api-v2
    match:
    - uri: {prefix: /static}
    - uri: {prefix: /api/v2}
      headers:
        x-team: {exact: blue}
    route:
    - destination: {host: reviews, subset: v2}
  - route:
    - destination: {host: reviews, subset: v1}
)";

// What the router does with the finding's witness request.
RouteDecision routeWitness(const Analysis &analysis, const HttpRequest &request)
{
    const Router router(analysis.loaded.mesh);
    return router.route(request, Router::Explain::No);
}

} // namespace

class TestRequestWitness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void argumentsOfAMatch()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", kRoutes));
        const VirtualService &vs = *a.loaded.mesh->virtualServices.front();
        const std::optional<Witness> witness = RequestWitness::forMatch(vs, &vs.http[1].match[1]);
        QVERIFY(witness);
        QCOMPARE(witness->arguments,
                 std::string("--host reviews --path /api/v2 --header x-team=blue"));
    }

    void regexHasNoWitness()
    {
        HttpMatchRequest match;
        match.uri = StringMatch{StringMatch::Kind::Regex, "/a.*", {}};
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", kRoutes));
        QVERIFY(!RequestWitness::forMatch(*a.loaded.mesh->virtualServices.front(), &match));
    }

    void shadowedMatchWitnessReachesTheEarlierRule()
    {
        // istioctl does not see it (the header makes the matches differ); the engine does (ML0106).
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", kRoutes));
        const Diagnostics found = a.withCode(codes::ShadowedMatch);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(!found[0].witness.empty());
        const VirtualService &vs = *a.loaded.mesh->virtualServices.front();
        const std::optional<Witness> witness = RequestWitness::forMatch(vs, &vs.http[1].match[1]);
        QCOMPARE(found[0].witness, witness->arguments);
        const RouteDecision decision = routeWitness(a, witness->request);
        QCOMPARE(decision.httpRoute, 0); // http[0] takes it: http[1]'s match never sees it
    }

    void unreachableRuleWitnessReachesTheCatchAll()
    {
        const std::string routes = "  http:\n  - route:\n    - destination: {host: reviews, subset: v1}\n"
                                   "  - match:\n    - uri: {exact: /health}\n    route:\n"
                                   "    - destination: {host: reviews, subset: v2}\n";
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", routes));
        const Diagnostics found = a.withCode(codes::UnreachableRule);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].witness, std::string("--host reviews --path /health"));
        const VirtualService &vs = *a.loaded.mesh->virtualServices.front();
        const RouteDecision decision = routeWitness(a, RequestWitness::forMatch(vs, &vs.http[1].match[0])->request);
        QCOMPARE(decision.httpRoute, 0);
    }

    void gatewayHostWitnessGets404()
    {
        const std::string gateway = "---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n"
                                    "  name: shop\n  namespace: default\nspec:\n  selector: {istio: ingressgateway}\n"
                                    "  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n"
                                    "    hosts: [\"shop.example.com\"]\n";
        const Analysis a = analyzeYaml(kReviews + gateway
                                       + virtualService("edge", "  gateways: [shop]\n" + kRoutes, "  - other.example.org\n"));
        const Diagnostics found = a.withCode(codes::HostNotInGateway);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].witness, std::string("--host other.example.org --gateway default/shop"));
        HttpRequest request;
        request.authority = "other.example.org";
        request.gateway = "default/shop";
        QCOMPARE(routeWitness(a, request).status, 404);
    }

    void missingSubsetWitnessReachesTheBrokenRoute()
    {
        // http[0] takes /api; the catch-all http[1] goes to a subset nobody defines.
        const std::string routes = "  http:\n  - match:\n    - uri: {prefix: /api}\n    route:\n"
                                   "    - destination: {host: reviews, subset: v1}\n"
                                   "  - route:\n    - destination: {host: reviews, subset: v9}\n";
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", routes));
        const Diagnostics found = a.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].witness, std::string("--host reviews"));
        HttpRequest request;
        request.authority = "reviews";
        const RouteDecision decision = routeWitness(a, request);
        QCOMPARE(decision.httpRoute, 1);
        QCOMPARE(decision.status, 503);
        // A route no request reaches has no witness rather than a wrong one.
        const std::string shadowed = "  http:\n  - route:\n    - destination: {host: reviews, subset: v1}\n"
                                     "  - match:\n    - uri: {prefix: /api}\n    route:\n"
                                     "    - destination: {host: reviews, subset: v9}\n";
        const Analysis hidden = analyzeYaml(kReviews + virtualService("reviews", shadowed));
        const Diagnostics missing = hidden.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(missing.size() == 1, hidden);
        QVERIFY(missing[0].witness.empty());
    }

    void conflictingHostsCarryAWitness()
    {
        const std::string route = "  http:\n  - route:\n    - destination: {host: reviews, subset: v1}\n";
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews-a", route) + virtualService("reviews-b", route));
        const Diagnostics found = a.withCode(codes::ConflictingMeshHosts);
        ANALYZER_VERIFY(found.size() == 2, a);
        QCOMPARE(found[0].witness, std::string("--host reviews"));
    }
};

QTEST_GUILESS_MAIN(TestRequestWitness)
#include "tst_requestwitness.moc"
