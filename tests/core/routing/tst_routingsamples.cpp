// SPDX-License-Identifier: MIT
// The seed scenarios in samples/: what Istio would do with their traffic.

#include "support/routingtestsupport.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

std::shared_ptr<const Router> sampleRouter(const std::string &name)
{
    return std::make_shared<const Router>(sampleMesh(name));
}

} // namespace

class TestRoutingSamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bookinfoJasonGetsReviewsV2()
    {
        const auto router = sampleRouter("bookinfo");
        const RouteDecision decision = router->route(makeRequest({.host = "reviews", .headers = {{"end-user", "jason"}}}));
        QCOMPARE(decision.virtualService, std::string("default/reviews"));
        QCOMPARE(decision.httpRoute, 0);
        QCOMPARE(shareOf(decision, "v2"), 1.0);
        QCOMPARE(decision.destinations.front().target.pods.front().name, std::string("reviews-v2"));
    }

    void bookinfoEveryoneElseGetsReviewsV1()
    {
        const auto router = sampleRouter("bookinfo");
        for (const char *user : {"", "kim", "Jason", "jason "}) {
            HttpRequest request = makeRequest({.host = "reviews"});
            if (*user)
                request.addHeader("end-user", user);
            const RouteDecision decision = router->route(request);
            QCOMPARE(decision.httpRoute, 1);
            QCOMPARE(shareOf(decision, "v1"), 1.0);
        }
    }

    void bookinfoOtherServicesArePinnedToV1()
    {
        const auto router = sampleRouter("bookinfo");
        for (const char *host : {"productpage", "details", "ratings"})
            QCOMPARE(shareOf(router->route(makeRequest({.host = host})), "v1"), 1.0);
    }

    void bookinfoGatewayForwardsOnlyListedPaths()
    {
        const auto router = sampleRouter("bookinfo");
        const RouteDecision page = router->route(
            makeRequest({.host = "bookinfo.example", .path = "/productpage", .gateway = "default/bookinfo-gateway"}));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.virtualService, std::string("default/bookinfo"));
        QCOMPARE(page.destinations.front().target.host, std::string("productpage.default.svc.cluster.local"));
        QCOMPARE(page.destinations.front().target.port, std::optional<uint32_t>(9080));
        const RouteDecision api = router->route(makeRequest(
            {.host = "bookinfo.example", .path = "/api/v1/products/1", .gateway = "default/bookinfo-gateway"}));
        QCOMPARE(api.matchBlock, 4);
        const RouteDecision other = router->route(
            makeRequest({.host = "bookinfo.example", .path = "/admin", .gateway = "default/bookinfo-gateway"}));
        QCOMPARE(other.status, 404);
    }

    void bookinfo8020SplitsReviews()
    {
        const auto router = sampleRouter("bookinfo-80-20");
        const RouteDecision decision = router->route(makeRequest({.host = "reviews", .headers = {{"end-user", "jason"}}}));
        QCOMPARE(shareOf(decision, "v1"), 0.8);
        QCOMPARE(shareOf(decision, "v2"), 0.2);
        QCOMPARE(shareOf(decision, "v3"), 0.0);
    }

    void httpbinMirrorsEverythingToV2()
    {
        const auto router = sampleRouter("httpbin-mirror");
        const RouteDecision decision = router->route(makeRequest({.host = "httpbin", .path = "/get?x=1"}));
        QCOMPARE(shareOf(decision, "v1"), 1.0);
        QCOMPARE(decision.mirrors.size(), size_t(1));
        QCOMPARE(decision.mirrors.front().target.subset, std::string("v2"));
        QCOMPARE(decision.mirrors.front().probability(), 1.0);
        QCOMPARE(decision.mirrors.front().target.status, 200);
    }

    void catalogDarkLaunchNeedsTheHeader()
    {
        const auto router = sampleRouter("catalog-dark-launch");
        const RouteDecision dark = router->route(makeRequest({.host = "catalog", .headers = {{"x-dark-launch", "v2"}}}));
        QCOMPARE(shareOf(dark, "version-v2"), 1.0);
        QCOMPARE(dark.destinations.front().target.pods.front().name, std::string("catalog-v2"));
        QCOMPARE(shareOf(router->route(makeRequest({.host = "catalog"})), "version-v1"), 1.0);
        QCOMPARE(shareOf(router->route(makeRequest({.host = "catalog", .headers = {{"x-dark-launch", "v3"}}})),
                         "version-v1"),
                 1.0);
    }

    void fleetmanSplitsSafeAndRisky()
    {
        const auto router = sampleRouter("fleetman");
        const RouteDecision decision = router->route(makeRequest({.host = "fleetman-staff-service"}));
        QCOMPARE(shareOf(decision, "safe"), 0.9);
        QCOMPARE(shareOf(decision, "risky"), 0.1);
        for (const DestinationOutcome &destination : decision.destinations)
            QCOMPARE(destination.target.status, 200);
    }

    void greeterSplitsInTheMesh()
    {
        const auto router = sampleRouter("greeter");
        const RouteDecision decision =
            router->route(makeRequest({.host = "greeter-service.default.svc.cluster.local", .sourceNamespace = "any"}));
        QCOMPARE(shareOf(decision, "v1"), 0.9);
        QCOMPARE(shareOf(decision, "v2"), 0.1);
        QCOMPARE(decision.destinations.front().target.port, std::optional<uint32_t>(3000));
        QCOMPARE(decision.destinations.front().target.podCount(), 3);
    }

    void greeterFrontendBehindTheGateway()
    {
        const auto router = sampleRouter("greeter");
        const RouteDecision decision =
            router->route(makeRequest({.host = "helloweb.dev", .gateway = "default/gateway"}));
        QCOMPARE(decision.status, 200);
        QCOMPARE(decision.virtualService, std::string("default/helloweb"));
        QCOMPARE(decision.destinations.front().target.host, std::string("helloweb.default.svc.cluster.local"));
        // The gateway serves helloweb.dev only.
        QCOMPARE(router->route(makeRequest({.host = "other.dev", .gateway = "default/gateway"})).status, 404);
        // And the external movie API goes out through its ServiceEntry.
        const RouteDecision external = router->route(makeRequest({.host = "api.themoviedb.org"}));
        QCOMPARE(external.status, 200);
        QCOMPARE(external.port, 443u);
    }

    void accountServiceUndefinedSubsetIs503ForItsShare()
    {
        const auto router = sampleRouter("account-service");
        const RouteDecision decision = router->route(makeRequest({.host = "account-service"}));
        QCOMPARE(shareOf(decision, "v0"), 0.1);
        QCOMPARE(shareOf(decision, "v1"), 0.9);
        QCOMPARE(shareOf(decision, "v2"), 0.0);
        const std::map<int, double> shares = decision.statusShares();
        QCOMPARE(shares.at(503), 0.1);
        QCOMPARE(shares.at(200), 0.9);
        QCOMPARE(decision.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestRoutingSamples)
#include "tst_routingsamples.moc"
