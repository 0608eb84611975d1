// SPDX-License-Identifier: MIT
// The default traffic of a selected route resource: the protocol, gateway,
// port and path a plain request needs to reach the rule, for VirtualService
// http / tcp / tls rules and for Gateway API routes.

#include "load/manifestloader.h"
#include "routing/routeresource.h"
#include "routing/router.h"
#include "simulation/expectedsplit.h"
#include "simulation/plainrequest.h"
#include "support/testdata.h"

#include <QTest>

using namespace meshlane;

namespace {

MeshPtr sample(const char *name)
{
    return ManifestLoader().loadFolder(test::samplePath(name)).mesh;
}

std::optional<TrafficMix> mixOf(const MeshPtr &mesh, const char *ref)
{
    return plainTrafficMix(*mesh, *RouteResource::parse(ref));
}

} // namespace

class TestPlainRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // tcp-echo-shift: a TCP connection through the TCP gateway on the port the
    // rule matches, and the 80/20 split is what it gets.
    void tcpRouteThroughItsGateway()
    {
        const MeshPtr mesh = sample("tcp-echo-shift");
        const std::optional<TrafficMix> mix = mixOf(mesh, "echo/tcp-echo");
        QVERIFY(mix);
        QCOMPARE(mix->classes.size(), size_t(1));
        const HttpRequest &request = mix->classes.front().request;
        QCOMPARE(int(request.protocol), int(ConnectionProtocol::Tcp));
        QCOMPARE(request.gateway, std::string("echo/echo-gateway"));
        QCOMPARE(request.port, uint32_t(31400));
        QVERIFY(request.sni.empty());
        const ExpectedSplit split = ExpectedSplit::of(Router(mesh), *mix);
        QCOMPARE(split.destinationProbability("tcp-echo.echo.svc.cluster.local", "v1"), 0.8);
        QCOMPARE(split.destinationProbability("tcp-echo.echo.svc.cluster.local", "v2"), 0.2);
    }

    // tls-passthrough: one TLS class per host, each naming its host in the SNI.
    void tlsRouteNamesItsHost()
    {
        const MeshPtr mesh = sample("tls-passthrough");
        const std::optional<TrafficMix> mix = mixOf(mesh, "edge/edge-tls");
        QVERIFY(mix);
        QCOMPARE(mix->classes.size(), size_t(2));
        for (const RequestClass &requestClass : mix->classes) {
            QCOMPARE(int(requestClass.request.protocol), int(ConnectionProtocol::Tls));
            QCOMPARE(requestClass.request.sni, requestClass.request.hostName());
            QCOMPARE(requestClass.request.port, uint32_t(443));
        }
        QCOMPARE(mix->classes[0].request.sni, std::string("shop.example.com"));
        const ExpectedSplit split = ExpectedSplit::of(Router(mesh), *mix);
        QCOMPARE(split.statuses.at(200), 1.0); // both reach a filter chain
        QCOMPARE(split.destinationProbability("storefront.edge.svc.cluster.local", "v1"), 0.45);
    }

    // bookinfo-gateway-api's reviews: a mesh HTTPRoute, so from a sidecar in the
    // route's namespace to the parent Service on the parentRef's port.
    void meshHttpRouteFromASidecar()
    {
        const MeshPtr mesh = sample("bookinfo-gateway-api");
        const std::optional<TrafficMix> mix = mixOf(mesh, "HTTPRoute/bookinfo/reviews");
        QVERIFY(mix);
        QCOMPARE(mix->classes.size(), size_t(1));
        const HttpRequest &request = mix->classes.front().request;
        QCOMPARE(request.authority, std::string("reviews.bookinfo.svc.cluster.local"));
        QCOMPARE(request.sourceNamespace, std::string("bookinfo"));
        QCOMPARE(request.port, uint32_t(9080));
        QVERIFY(request.gateway.empty());
        QCOMPARE(int(request.protocol), int(ConnectionProtocol::Http));
        const ExpectedSplit split = ExpectedSplit::of(Router(mesh), *mix);
        QCOMPARE(split.destinationProbability("reviews-v1.bookinfo.svc.cluster.local", ""), 0.9);
        QCOMPARE(split.destinationProbability("reviews-v2.bookinfo.svc.cluster.local", ""), 0.1);
    }

    // The ingress HTTPRoute serves /productpage, not /: the plain request asks
    // for a path it serves, through the Gateway API Gateway's listener.
    void gatewayHttpRouteThroughItsListener()
    {
        const MeshPtr mesh = sample("bookinfo-gateway-api");
        const std::optional<HttpRequest> request = plainRequest(*mesh, *RouteResource::parse("HTTPRoute/bookinfo/bookinfo"));
        QVERIFY(request);
        QCOMPARE(request->gateway, std::string("bookinfo/bookinfo-gateway"));
        QCOMPARE(request->port, uint32_t(80));
        QCOMPARE(request->authority, std::string("bookinfo.example.com"));
        QCOMPARE(request->path, std::string("/productpage"));
        const RouteDecision decision = Router(mesh).route(*request);
        QCOMPARE(decision.status, 200);
        QVERIFY(decision.rule);
        QCOMPARE(decision.rule->kind, std::string("HTTPRoute"));
        QCOMPARE(decision.destinations.front().target.host, std::string("productpage.bookinfo.svc.cluster.local"));
    }

    // A rule that takes every path keeps "/"; mesh-httproute's checkout has one.
    void rootPathWhenARuleTakesIt()
    {
        const MeshPtr mesh = sample("mesh-httproute");
        for (const auto &route : mesh->gatewayApiRoutes) {
            const std::vector<HttpRequest> requests = plainRequests(*mesh, *route);
            QVERIFY2(!requests.empty(), route->meta.name.c_str());
            const RouteDecision decision = Router(mesh).route(requests.front());
            QVERIFY2(decision.status != 404, route->meta.name.c_str());
        }
    }

    void unknownResources()
    {
        const MeshPtr mesh = sample("bookinfo-gateway-api");
        QVERIFY(!mixOf(mesh, "HTTPRoute/bookinfo/nothing"));
        QVERIFY(!mixOf(mesh, "bookinfo/reviews")); // no VirtualService of that name
    }
};

QTEST_GUILESS_MAIN(TestPlainRequest)
#include "tst_plainrequest.moc"
