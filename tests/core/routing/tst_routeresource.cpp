// SPDX-License-Identifier: MIT
// The workbench's selection string: "ns/name" for a VirtualService (as it
// always was), "Kind/ns/name" for a Gateway API route (as set-weights takes it).

#include "load/manifestloader.h"
#include "model/mesh.h"
#include "routing/routeresource.h"
#include "support/testdata.h"

#include <QTest>

using namespace meshlane;

class TestRouteResource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesBothShapes()
    {
        const std::optional<RouteResource> vs = RouteResource::parse("default/reviews");
        QVERIFY(vs);
        QCOMPARE(vs->kind, std::string("VirtualService"));
        QCOMPARE(vs->ns, std::string("default"));
        QCOMPARE(vs->name, std::string("reviews"));
        QVERIFY(vs->isVirtualService());
        QCOMPARE(vs->ref(), std::string("default/reviews"));

        const std::optional<RouteResource> http = RouteResource::parse("HTTPRoute/bookinfo/reviews");
        QVERIFY(http);
        QCOMPARE(http->kind, std::string("HTTPRoute"));
        QCOMPARE(http->ns, std::string("bookinfo"));
        QCOMPARE(http->name, std::string("reviews"));
        QVERIFY(!http->isVirtualService());
        QCOMPARE(http->ref(), std::string("HTTPRoute/bookinfo/reviews"));
        QVERIFY(RouteResource::parse("GRPCRoute/a/b"));
        QVERIFY(RouteResource::parse("TCPRoute/a/b"));
        QVERIFY(RouteResource::parse("TLSRoute/a/b"));
    }

    void refusesOtherText()
    {
        for (const char *text : {"", "reviews", "/reviews", "default/", "Service/default/reviews", "HTTPRoute/a/",
                                 "HTTPRoute//b", "HTTPRoute/a/b/c", "default/re views"})
            QVERIFY2(!RouteResource::parse(text), text);
    }

    void findsTheResourceOfItsApi()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(test::samplePath("bookinfo-gateway-api")).mesh;
        const RouteResource route = *RouteResource::parse("HTTPRoute/bookinfo/reviews");
        const GatewayApiRoute *found = route.findGatewayApiRoute(*mesh);
        QVERIFY(found);
        QCOMPARE(found->meta.kind, std::string("HTTPRoute"));
        QCOMPARE(found->meta.name, std::string("reviews"));
        QVERIFY(!route.findVirtualService(*mesh));
        // The kind is part of the name: no GRPCRoute of that name exists.
        QVERIFY(!RouteResource::parse("GRPCRoute/bookinfo/reviews")->findGatewayApiRoute(*mesh));

        const MeshPtr tcp = ManifestLoader().loadFolder(test::samplePath("tcp-echo-shift")).mesh;
        const RouteResource vs = *RouteResource::parse("echo/tcp-echo");
        QVERIFY(vs.findVirtualService(*tcp));
        QVERIFY(!vs.findGatewayApiRoute(*tcp));
    }

    void labelsAndEmptyResources()
    {
        QCOMPARE(RouteResource::fromRef("default/reviews").label(), std::string("default/reviews"));
        QCOMPARE(RouteResource::fromRef("GRPCRoute/shop/cart").label(), std::string("GRPCRoute shop/cart"));
        const RouteResource nothing = RouteResource::fromRef("not a route");
        QVERIFY(nothing.isEmpty());
        QCOMPARE(nothing.ref(), std::string());
        QCOMPARE(nothing.label(), std::string());
    }

    // A folder opens on the canary it holds, whichever API wrote it.
    void theFeaturedRouteIsTheFirstThatSplits_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("featured");
        QTest::newRow("bookinfo") << "bookinfo" << "default/reviews";
        QTest::newRow("tcp-echo-shift") << "tcp-echo-shift" << "echo/tcp-echo";
        QTest::newRow("bookinfo-gateway-api") << "bookinfo-gateway-api" << "HTTPRoute/bookinfo/reviews";
        QTest::newRow("mesh-httproute") << "mesh-httproute" << "HTTPRoute/shop/checkout";
    }

    void theFeaturedRouteIsTheFirstThatSplits()
    {
        QFETCH(QString, sample);
        QFETCH(QString, featured);
        const MeshPtr mesh = ManifestLoader().loadFolder(test::samplePath(sample.toStdString())).mesh;
        const std::optional<RouteResource> chosen = featuredRouteResource(*mesh);
        QVERIFY(chosen);
        QCOMPARE(QString::fromStdString(chosen->ref()), featured);
        QVERIFY(!featuredRouteResource(Mesh{}));
    }
};

QTEST_GUILESS_MAIN(TestRouteResource)
#include "tst_routeresource.moc"
