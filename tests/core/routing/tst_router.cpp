// SPDX-License-Identifier: MIT
// Router outcomes: weights, redirects, direct responses, 404/503 rules,
// destination pods, mirrors, faults, host resolution, visibility, delegation.

#include "support/routingtestsupport.h"

#include "simulation/seededrandom.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

RouteDecision routeReviews(const std::string &http, const RequestSpec &spec = {.host = "reviews"})
{
    return routerFor(reviewsMesh(http))->route(makeRequest(spec));
}

const DestinationOutcome *destination(const RouteDecision &decision, const std::string &subset)
{
    for (const DestinationOutcome &outcome : decision.destinations) {
        if (outcome.target.subset == subset)
            return &outcome;
    }
    return nullptr;
}

bool mentions(const RouteDecision &decision, const std::string &text)
{
    return explanationText(decision).find(text) != std::string::npos;
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weightsAreRelative()
    {
        const RouteDecision decision = routeReviews(R"(  - route:
    - destination: {host: reviews, subset: v1}
      weight: 1
    - destination: {host: reviews, subset: v2}
      weight: 3
)");
        QCOMPARE(decision.status, 200);
        QCOMPARE(shareOf(decision, "v1"), 0.25);
        QCOMPARE(shareOf(decision, "v2"), 0.75);
    }

    void loneDestinationGetsEverything()
    {
        const RouteDecision decision = routeReviews(R"(  - route:
    - destination: {host: reviews, subset: v2}
      weight: 30
)");
        QCOMPARE(shareOf(decision, "v2"), 1.0);
        QVERIFY(mentions(decision, "whatever its weight"));
    }

    void zeroWeightGetsNothing()
    {
        const auto router = routerFor(reviewsMesh(R"(  - route:
    - destination: {host: reviews, subset: v1}
      weight: 0
    - destination: {host: reviews, subset: v2}
      weight: 100
)"));
        const RouteDecision decision = router->route(makeRequest({.host = "reviews"}));
        QCOMPARE(shareOf(decision, "v1"), 0.0);
        QCOMPARE(shareOf(decision, "v2"), 1.0);
        // The compiled pick (Envoy's random % total) never lands on it either.
        const RouteTable *table = router->meshTable("reviews.default.svc.cluster.local", "default");
        QVERIFY(table);
        const CompiledRoute &route = table->routes().front();
        SeededRandom random(7);
        for (int i = 0; i < 10000; ++i)
            QCOMPARE(route.pickDestination(random.next()), 1);
    }

    void pickFollowsCumulativeIntervals()
    {
        const auto router = routerFor(reviewsMesh(R"(  - route:
    - destination: {host: reviews, subset: v1}
      weight: 10
    - destination: {host: reviews, subset: v2}
      weight: 0
    - destination: {host: reviews, subset: v3}
      weight: 30
)"));
        const CompiledRoute &route = router->meshTable("reviews.default.svc.cluster.local", "default")->routes().front();
        QCOMPARE(route.totalWeight, int64_t(40));
        QCOMPARE(route.pickDestination(0), 0);
        QCOMPARE(route.pickDestination(9), 0);
        QCOMPARE(route.pickDestination(10), 2); // the empty interval of weight 0 is skipped
        QCOMPARE(route.pickDestination(39), 2);
        QCOMPARE(route.pickDestination(40), 0); // 40 % 40 == 0
    }

    void allZeroWeightsFail()
    {
        const RouteDecision decision = routeReviews(R"(  - route:
    - destination: {host: reviews, subset: v1}
      weight: 0
    - destination: {host: reviews, subset: v2}
      weight: 0
)");
        QCOMPARE(decision.status, 503);
        QCOMPARE(int(decision.action), int(RouteAction::Failure));
    }

    void redirectAndDirectResponse()
    {
        const RouteDecision redirect = routeReviews(R"(  - match:
    - uri: {prefix: /old}
    redirect: {uri: /new, authority: ratings, redirectCode: 308}
)",
                                                    {.host = "reviews", .path = "/old/page"});
        QCOMPARE(redirect.status, 308);
        QCOMPARE(int(redirect.action), int(RouteAction::Redirect));
        QCOMPARE(redirect.redirectLocation, std::string("http://ratings/new"));
        QVERIFY(redirect.destinations.empty());

        const RouteDecision keepPath = routeReviews("  - redirect: {scheme: https}\n",
                                                    {.host = "reviews", .path = "/a?b=1"});
        QCOMPARE(keepPath.status, 301);
        QCOMPARE(keepPath.redirectLocation, std::string("https://reviews/a?b=1"));

        const RouteDecision direct = routeReviews("  - directResponse: {status: 418, body: {string: teapot}}\n");
        QCOMPARE(direct.status, 418);
        QCOMPARE(int(direct.action), int(RouteAction::DirectResponse));
    }

    void undefinedSubsetIs503ForItsShare()
    {
        const RouteDecision decision = routeReviews(R"(  - route:
    - destination: {host: reviews, subset: v0}
      weight: 25
    - destination: {host: reviews, subset: v1}
      weight: 75
)");
        const DestinationOutcome *broken = destination(decision, "v0");
        QVERIFY(broken);
        QCOMPARE(broken->target.status, 503);
        QCOMPARE(broken->probability, 0.25);
        QVERIFY(broken->target.problem.text().find("not defined by DestinationRule default/reviews")
                != std::string::npos);
        QCOMPARE(decision.status, 200); // most traffic still works
        QCOMPARE(decision.statusShares().at(503), 0.25);

        // A subset on a host with no DestinationRule at all.
        const RouteDecision noRule = routeReviews("  - route:\n    - destination: {host: ratings, subset: v1}\n");
        QCOMPARE(noRule.status, 503);
        QVERIFY(noRule.destinations.front().target.problem.text().find("no DestinationRule exists")
                != std::string::npos);
    }

    void subsetSelectingNoPodsIs503()
    {
        const RouteDecision decision = routeReviews("  - route:\n    - destination: {host: reviews, subset: v9}\n");
        QCOMPARE(decision.status, 503);
        QVERIFY(decision.destinations.front().target.problem.text().find("selects none")
                != std::string::npos);
    }

    void destinationsResolveToPodsWithReplicas()
    {
        const RouteDecision decision = routeReviews("  - route:\n    - destination: {host: reviews, subset: v2}\n");
        const ResolvedTarget &target = decision.destinations.front().target;
        QCOMPARE(target.pods.size(), size_t(1));
        QCOMPARE(target.pods.front().name, std::string("reviews-v2"));
        QCOMPARE(target.pods.front().kind, std::string("Deployment"));
        QCOMPARE(target.podCount(), 3);
        QCOMPARE(target.port, std::optional<uint32_t>(9080));
    }

    void hostWithoutVirtualServiceGoesToAllPods()
    {
        const auto router = routerFor(kReviewsBase);
        const RouteDecision decision = router->route(makeRequest({.host = "reviews"}));
        QCOMPARE(decision.status, 200);
        QCOMPARE(decision.virtualService, std::string());
        QCOMPARE(decision.httpRoute, -1);
        QCOMPARE(decision.destinations.size(), size_t(1));
        QCOMPARE(decision.destinations.front().probability, 1.0);
        QCOMPARE(decision.destinations.front().target.subset, std::string());
        QCOMPARE(decision.destinations.front().target.podCount(), 2 + 3 + 1);
    }

    void unknownHostIs404()
    {
        const auto router = routerFor(kReviewsBase);
        const RouteDecision decision = router->route(makeRequest({.host = "nothing-here"}));
        QCOMPARE(decision.status, 404);
        QCOMPARE(decision.host, std::string("nothing-here.default.svc.cluster.local"));
        QVERIFY(mentions(decision, "no Service, ServiceEntry or VirtualService"));
    }

    void destinationHostThatDoesNotExistIs503()
    {
        const RouteDecision decision = routeReviews("  - route:\n    - destination: {host: ghost}\n");
        QCOMPARE(decision.status, 503);
        QVERIFY(decision.destinations.front().target.problem.text().find("no Service or ServiceEntry")
                != std::string::npos);
    }

    void mirrorWithPercentage()
    {
        const RouteDecision decision = routeReviews(R"(  - route:
    - destination: {host: reviews, subset: v1}
    mirror: {host: reviews, subset: v2}
    mirrorPercentage: {value: 12.5}
)");
        QCOMPARE(decision.mirrors.size(), size_t(1));
        QCOMPARE(decision.mirrors.front().target.subset, std::string("v2"));
        QCOMPARE(decision.mirrors.front().perMillion, 125000u);
        QCOMPARE(decision.mirrors.front().target.podCount(), 3);
    }

    void mirrorWithoutPercentageIsEverything()
    {
        const RouteDecision decision = routeReviews(R"(  - route:
    - destination: {host: reviews, subset: v1}
    mirror: {host: reviews, subset: v3}
)");
        QCOMPARE(decision.mirrors.front().probability(), 1.0);
    }

    void legacyMirrorPercentStillCounts()
    {
        const RouteDecision decision = routeReviews(R"(  - route:
    - destination: {host: reviews, subset: v1}
    mirror: {host: reviews, subset: v3}
    mirror_percent: 40
)");
        QCOMPARE(decision.mirrors.front().probability(), 0.4);
        QVERIFY(mentions(decision, "deprecated"));
    }

    void mirrorsListHaveTheirOwnPercentages()
    {
        const RouteDecision decision = routeReviews(R"(  - route:
    - destination: {host: reviews, subset: v1}
    mirrors:
    - destination: {host: reviews, subset: v2}
      percentage: {value: 5}
    - destination: {host: reviews, subset: v3}
)");
        QCOMPARE(decision.mirrors.size(), size_t(2));
        QCOMPARE(decision.mirrors[0].probability(), 0.05);
        QCOMPARE(decision.mirrors[1].probability(), 1.0);
    }

    void explicitZeroMirrorsNothing()
    {
        const RouteDecision decision = routeReviews(R"(  - route:
    - destination: {host: reviews, subset: v1}
    mirror: {host: reviews, subset: v2}
    mirrorPercentage: {value: 0}
)");
        QCOMPARE(decision.mirrors.front().perMillion, 0u);
    }

    void faultsUseIstioFractions()
    {
        const RouteDecision decision = routeReviews(R"(  - fault:
      delay: {fixedDelay: 7s, percentage: {value: 0.57}}
      abort: {httpStatus: 500, percentage: {value: 10}}
    route:
    - destination: {host: reviews, subset: v1}
)");
        // Istio: uint32(value * 10000) per million, truncated: 0.57 * 10000
        // is 5699.999... in binary floating point.
        QCOMPARE(decision.fault.delayPerMillion, 5699u);
        QCOMPARE(decision.fault.delayMs, int64_t(7000));
        QCOMPARE(decision.fault.abortProbability(), 0.1);
        QCOMPARE(decision.fault.abortStatus, 500);
    }

    void faultWithoutPercentageAffectsNobody()
    {
        const RouteDecision decision = routeReviews(R"(  - fault:
      delay: {fixedDelay: 2s}
      abort: {httpStatus: 503}
    route:
    - destination: {host: reviews, subset: v1}
)");
        QCOMPARE(decision.fault.delayProbability(), 0.0);
        QCOMPARE(decision.fault.abortProbability(), 0.0);
        QVERIFY(mentions(decision, "no percentage: it delays 0 %"));
        QVERIFY(mentions(decision, "no percentage: it aborts 0 %"));
    }

    void shortHostsResolveInTheSourceNamespace()
    {
        const std::string other = R"(
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: prod}
spec:
  selector: {app: reviews}
  ports: [{port: 9080}]
)";
        const auto router = routerFor(std::string(kReviewsBase) + other);
        QCOMPARE(router->resolveHost("reviews", "prod"), std::string("reviews.prod.svc.cluster.local"));
        QCOMPARE(router->resolveHost("reviews.default", "prod"), std::string("reviews.default.svc.cluster.local"));
        QCOMPARE(router->resolveHost("reviews.default.svc", "prod"), std::string("reviews.default.svc.cluster.local"));
        QCOMPARE(router->resolveHost("Reviews.Default.svc.cluster.local:9080", "prod"),
                 std::string("reviews.default.svc.cluster.local"));
        QCOMPARE(router->resolveHost("api.example.com", "prod"), std::string("api.example.com"));
        const RouteDecision decision = router->route(makeRequest({.host = "reviews", .sourceNamespace = "prod"}));
        QCOMPARE(decision.host, std::string("reviews.prod.svc.cluster.local"));
    }

    void exportToHidesAVirtualService()
    {
        const auto router = routerFor(reviewsMesh("  - route:\n    - destination: {host: reviews, subset: v2}\n",
                                                  "  exportTo: [\".\"]\n"));
        QCOMPARE(shareOf(router->route(makeRequest({.host = "reviews"})), "v2"), 1.0);
        const RouteDecision outside =
            router->route(makeRequest({.host = "reviews.default", .sourceNamespace = "other"}));
        QCOMPARE(outside.virtualService, std::string());
        QCOMPARE(outside.destinations.front().target.subset, std::string());
        QVERIFY(mentions(outside, "not exported to namespace other"));
    }

    void firstVirtualServiceForAHostWins()
    {
        const std::string second = R"(
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews-late, namespace: default}
spec:
  hosts: [reviews.default.svc.cluster.local]
  http:
  - route:
    - destination: {host: reviews, subset: v3}
)";
        const auto router = routerFor(reviewsMesh("  - route:\n    - destination: {host: reviews, subset: v2}\n") + second);
        const RouteDecision decision = router->route(makeRequest({.host = "reviews"}));
        QCOMPARE(decision.virtualService, std::string("default/reviews"));
        QVERIFY(mentions(decision, "default/reviews-late claims the same host"));
    }

    void gatewayOnlyVirtualServiceIsIgnoredBySidecars()
    {
        const auto router = routerFor(reviewsMesh("  - route:\n    - destination: {host: reviews, subset: v2}\n",
                                                  "  gateways: [some-gateway]\n"));
        const RouteDecision decision = router->route(makeRequest({.host = "reviews"}));
        QCOMPARE(decision.virtualService, std::string());
        QVERIFY(mentions(decision, "bound only to gateways"));
    }

    void serviceEntryHostsAreExternal()
    {
        const std::string entry = R"(
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: payments, namespace: default}
spec:
  hosts: [api.payments.example]
  ports: [{number: 443, name: https, protocol: HTTPS}]
  resolution: DNS
  location: MESH_EXTERNAL
)";
        const auto router = routerFor(entry);
        const RouteDecision decision = router->route(makeRequest({.host = "api.payments.example"}));
        QCOMPARE(decision.status, 200);
        QCOMPARE(decision.port, 443u);
        QVERIFY(decision.destinations.front().target.note.text().find("external host via ServiceEntry default/payments")
                != std::string::npos);
    }

    void delegateRoutesComeFromTheDelegate()
    {
        const std::string delegate = R"(
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews-api, namespace: default}
spec:
  http:
  - match:
    - uri: {prefix: /api/v2}
    route:
    - destination: {host: reviews, subset: v2}
  - route:
    - destination: {host: reviews, subset: v1}
)";
        const auto router = routerFor(reviewsMesh(R"(  - match:
    - uri: {prefix: /api}
    delegate: {name: reviews-api}
  - route:
    - destination: {host: reviews, subset: v3}
)") + delegate);
        const RouteDecision v2 = router->route(makeRequest({.host = "reviews", .path = "/api/v2/x"}));
        QCOMPARE(v2.virtualService, std::string("default/reviews-api"));
        QCOMPARE(shareOf(v2, "v2"), 1.0);
        QVERIFY(mentions(v2, "delegates to VirtualService default/reviews-api"));
        QCOMPARE(shareOf(router->route(makeRequest({.host = "reviews", .path = "/api/v1"})), "v1"), 1.0);
        QCOMPARE(shareOf(router->route(makeRequest({.host = "reviews", .path = "/web"})), "v3"), 1.0);
    }

    void gatewayMergesVirtualServicesWithCatchAllsLast()
    {
        const std::string yaml = std::string(kReviewsBase) + R"(
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*.example.com"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: first, namespace: default}
spec:
  hosts: [shop.example.com]
  gateways: [edge]
  http:
  - match:
    - uri: {prefix: /reviews}
    route:
    - destination: {host: reviews, subset: v1}
  - route:
    - destination: {host: ratings}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: second, namespace: default}
spec:
  hosts: [shop.example.com]
  gateways: [default/edge]
  http:
  - match:
    - uri: {prefix: /new}
    route:
    - destination: {host: reviews, subset: v2}
)";
        const auto router = routerFor(yaml);
        // second's /new route is reachable although first ends with a catch-all.
        const RouteDecision fresh =
            router->route(makeRequest({.host = "shop.example.com", .path = "/new/x", .gateway = "default/edge"}));
        QCOMPARE(fresh.virtualService, std::string("default/second"));
        QCOMPARE(shareOf(fresh, "v2"), 1.0);
        const RouteDecision other =
            router->route(makeRequest({.host = "shop.example.com", .path = "/else", .gateway = "default/edge"}));
        QCOMPARE(other.virtualService, std::string("default/first"));
        QCOMPARE(other.httpRoute, 1);
        // The gateway serves *.example.com only.
        const RouteDecision notServed =
            router->route(makeRequest({.host = "shop.example.org", .gateway = "default/edge"}));
        QCOMPARE(notServed.status, 404);
        QVERIFY(mentions(notServed, "has no HTTP server for host shop.example.org"));
        // Served, but no VirtualService for that name.
        const RouteDecision noRoute =
            router->route(makeRequest({.host = "blog.example.com", .gateway = "default/edge"}));
        QCOMPARE(noRoute.status, 404);
        QVERIFY(mentions(noRoute, "no VirtualService bound to Gateway default/edge serves host blog.example.com"));
        const RouteDecision unknownGateway =
            router->route(makeRequest({.host = "shop.example.com", .gateway = "default/nope"}));
        QCOMPARE(unknownGateway.status, 404);
    }

    // Envoy's virtual host order: an exact name, then the longest wildcard,
    // then "*"; per server port. (Exact names are looked up by name, not
    // scanned: a gateway in front of a thousand services has a thousand.)
    void gatewayPrefersTheExactDomainThenTheLongestWildcard()
    {
        std::string yaml = std::string(kReviewsBase) + R"(
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
  - port: {number: 8080, name: http-alt, protocol: HTTP}
    hosts: ["shop.example.com"]
)";
        const auto virtualService = [](const char *name, const char *host, const char *subset) {
            return std::string("---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ") + name +
                ", namespace: default}\nspec:\n  hosts: [\"" + host + "\"]\n  gateways: [edge]\n  http:\n  - route:\n"
                "    - destination: {host: reviews, subset: " + subset + "}\n";
        };
        yaml += virtualService("anything", "*", "v1") + virtualService("wild", "*.example.com", "v2") +
            virtualService("deeper", "*.shop.example.com", "v3") + virtualService("exact", "shop.example.com", "v1") +
            virtualService("Upper", "Blog.Example.com", "v3");
        const auto router = routerFor(yaml);
        const auto through = [&router](const char *host, uint32_t port = 0) {
            return router->route(makeRequest({.host = host, .gateway = "default/edge", .port = port})).virtualService;
        };
        QCOMPARE(through("shop.example.com"), std::string("default/exact"));
        QCOMPARE(through("SHOP.example.COM"), std::string("default/exact")); // host names have no case
        QCOMPARE(through("blog.example.com"), std::string("default/Upper"));
        QCOMPARE(through("cart.shop.example.com"), std::string("default/deeper"));
        QCOMPARE(through("cart.example.com"), std::string("default/wild"));
        QCOMPARE(through("example.org"), std::string("default/anything"));
        // Port 8080 serves only shop.example.com, so there `*` and shop.example.com intersect in one
        // virtual host, shop.example.com, whose VirtualServices merge in creation order: the first wins.
        QCOMPARE(through("shop.example.com", 8080), std::string("default/anything"));
        QCOMPARE(router->route(makeRequest({.host = "cart.example.com", .gateway = "default/edge", .port = 8080})).status,
                 404);
    }

    void gatewayDestinationWithoutPortOnMultiPortServiceIs503()
    {
        const std::string yaml = R"(
apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec:
  selector: {app: web}
  ports: [{name: http, port: 8080}, {name: admin, port: 9090}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: default}
spec:
  hosts: ["*"]
  gateways: [edge]
  http:
  - match:
    - uri: {prefix: /admin}
    route:
    - destination: {host: web, port: {number: 9090}}
  - route:
    - destination: {host: web}
)";
        const auto router = routerFor(yaml);
        const RouteDecision admin = router->route(makeRequest({.host = "x", .path = "/admin", .gateway = "default/edge"}));
        QCOMPARE(admin.status, 200);
        QCOMPARE(admin.destinations.front().target.port, std::optional<uint32_t>(9090));
        // Istio falls back to the listener port (80), which the Service lacks.
        const RouteDecision plain = router->route(makeRequest({.host = "x", .gateway = "default/edge"}));
        QCOMPARE(plain.status, 503);
        QVERIFY(plain.destinations.front().target.problem.text().find("has no port 80")
                != std::string::npos);
    }

    void routeIsThreadSafeAndRepeatable()
    {
        const auto router = routerFor(reviewsMesh(R"(  - match:
    - headers: {end-user: {exact: jason}}
    route:
    - destination: {host: reviews, subset: v2}
  - route:
    - destination: {host: reviews, subset: v1}
)"));
        const HttpRequest request = makeRequest({.host = "reviews", .headers = {{"end-user", "jason"}}});
        const RouteDecision first = router->route(request);
        const RouteDecision second = router->route(request);
        QCOMPARE(first.explanation, second.explanation);
        QCOMPARE(shareOf(second, "v2"), 1.0);
    }

    // Explain::No (edge shares, split chart) decides exactly as the full
    // route() does and only leaves the explanation out.
    void decisionWithoutExplanationIsTheSame()
    {
        const auto router = std::make_shared<const Router>(sampleMesh("account-service"));
        const auto bookinfo = std::make_shared<const Router>(sampleMesh("bookinfo"));
        const std::vector<std::pair<const Router *, HttpRequest>> cases = {
            {router.get(), makeRequest({.host = "account-service"})},
            {bookinfo.get(), makeRequest({.host = "reviews", .headers = {{"end-user", "jason"}}})},
            {bookinfo.get(), makeRequest({.host = "reviews", .port = 1234})},
            {bookinfo.get(), makeRequest({.host = "nothing.example.com"})},
            {bookinfo.get(),
             makeRequest({.host = "bookinfo.example.com", .path = "/nope", .gateway = "default/bookinfo-gateway"})},
        };
        for (const auto &[which, request] : cases) {
            const RouteDecision full = which->route(request);
            const RouteDecision bare = which->route(request, Router::Explain::No);
            QVERIFY(!full.explanation.empty());
            QVERIFY(bare.explanation.empty());
            QCOMPARE(bare.status, full.status);
            QCOMPARE(bare.action, full.action);
            QCOMPARE(bare.virtualService, full.virtualService);
            QCOMPARE(bare.httpRoute, full.httpRoute);
            QCOMPARE(bare.port, full.port);
            QCOMPARE(bare.destinations.size(), full.destinations.size());
            for (size_t i = 0; i < full.destinations.size(); ++i) {
                QCOMPARE(bare.destinations[i].probability, full.destinations[i].probability);
                QCOMPARE(bare.destinations[i].target.status, full.destinations[i].target.status);
                QCOMPARE(bare.destinations[i].target.problem.text(), full.destinations[i].target.problem.text());
            }
            QCOMPARE(bare.mirrors.size(), full.mirrors.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
