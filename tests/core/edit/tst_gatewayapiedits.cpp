// SPDX-License-Identifier: MIT
// Weights of Gateway API backendRefs through the ordinary edit path: only
// the numbers change, the new snapshot routes by them, the inverse restores
// the text byte for byte, and bad requests change nothing.

#include "edit/meshedit.h"
#include "load/manifestloader.h"
#include "routing/router.h"
#include "support/editingsupport.h"

#include <QTest>

using namespace meshlane;

namespace {

MeshPtr sample(const char *name)
{
    return ManifestLoader().loadFolder(editingtest::samplesDir() + '/' + name).mesh;
}

std::string textOf(const Mesh &mesh, const std::string &file)
{
    const SourceFile *source = mesh.findFile(file);
    return source ? source->text : std::string();
}

double shareOf(const Mesh &mesh, const std::string &host, const std::string &ns, const std::string &backend)
{
    const auto router = std::make_shared<const Router>(std::make_shared<const Mesh>(mesh));
    HttpRequest request;
    request.authority = host;
    request.sourceNamespace = ns;
    for (const DestinationOutcome &destination : router->route(request, Router::Explain::No).destinations) {
        if (destination.target.host.rfind(backend + '.', 0) == 0)
            return destination.probability;
    }
    return 0;
}

} // namespace

class TestGatewayApiEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setsWeightsAndRoutesByThem()
    {
        const MeshPtr mesh = sample("mesh-httproute");
        const GatewayRuleRef ref{"HTTPRoute", "shop", "checkout", 1};
        const Result<MeshChange> result = setBackendWeights(mesh, ref, {50, 50});
        QVERIFY2(result.ok(), result.error().c_str());
        QCOMPARE(result->edits.size(), size_t(2));
        for (const TextEdit &edit : result->edits)
            QCOMPARE(edit.file, std::string("routes.yaml"));
        QCOMPARE(shareOf(*result->mesh, "checkout.shop", "shop", "checkout-v2"), 0.5);
        const std::string after = textOf(*result->mesh, "routes.yaml");
        QVERIFY(after.find("weight: 50") != std::string::npos);
        QVERIFY(after.find("# GAMMA: an HTTPRoute") != std::string::npos);
        // The inverse gives the original bytes back.
        const Result<MeshChange> undone = revertEdits(result->mesh, result->inverse);
        QVERIFY(undone.ok());
        QCOMPARE(textOf(*undone->mesh, "routes.yaml"), textOf(*mesh, "routes.yaml"));
        // Unchanged weights write nothing.
        const Result<MeshChange> same = setBackendWeights(mesh, ref, {80, 20});
        QVERIFY(same.ok());
        QVERIFY(same->edits.empty());
    }

    void writesAWeightWhereNoneWasWritten()
    {
        const MeshPtr mesh = sample("bookinfo-gateway-api");
        const Result<MeshChange> result = setBackendWeights(mesh, {"HTTPRoute", "bookinfo", "bookinfo", 0}, {5});
        QVERIFY2(result.ok(), result.error().c_str());
        const auto route = backendWeightsRoute(*result->mesh, {"HTTPRoute", "bookinfo", "bookinfo", 0});
        QVERIFY(route);
        QCOMPARE(*route->route.front().weight, int64_t(5));
        // The default 1 needs no line.
        QVERIFY(setBackendWeights(mesh, {"HTTPRoute", "bookinfo", "bookinfo", 0}, {1})->edits.empty());
    }

    void addsAndRemovesBackends()
    {
        const MeshPtr mesh = sample("bookinfo-gateway-api");
        const GatewayRuleRef ref{"HTTPRoute", "bookinfo", "reviews", 0};
        const Result<MeshChange> added = addBackendRef(mesh, ref, "reviews-v3", std::nullopt, 10);
        QVERIFY2(added.ok(), added.error().c_str());
        const auto route = backendWeightsRoute(*added->mesh, ref);
        QCOMPARE(route->route.size(), size_t(3));
        QCOMPARE(*route->route[2].destination.port, 9080u);
        QCOMPARE(shareOf(*added->mesh, "reviews.bookinfo", "bookinfo", "reviews-v3"), 10.0 / 110.0);
        const Result<MeshChange> undone = revertEdits(added->mesh, added->inverse);
        QCOMPARE(textOf(*undone->mesh, "reviews-route.yaml"), textOf(*mesh, "reviews-route.yaml"));

        const Result<MeshChange> removed = removeBackendRef(added->mesh, ref, 0);
        QVERIFY2(removed.ok(), removed.error().c_str());
        QCOMPARE(shareOf(*removed->mesh, "reviews.bookinfo", "bookinfo", "reviews-v1"), 0.0);
        QCOMPARE(shareOf(*removed->mesh, "reviews.bookinfo", "bookinfo", "reviews-v2"), 0.5);

        QVERIFY(!addBackendRef(mesh, ref, "reviews-v1", std::nullopt, 1).ok()); // already there
        QVERIFY(!addBackendRef(mesh, ref, "nothing", std::nullopt, 1).ok());
        QVERIFY(!removeBackendRef(mesh, {"HTTPRoute", "bookinfo", "bookinfo", 0}, 0).ok()); // the last one
    }

    void refusesWhatCannotBeDone()
    {
        const MeshPtr mesh = sample("mesh-httproute");
        const GatewayRuleRef ref{"HTTPRoute", "shop", "checkout", 1};
        QVERIFY(!setBackendWeights(mesh, ref, {-1, 100}).ok());
        QVERIFY(!setBackendWeights(mesh, ref, {0, 0}).ok());
        QVERIFY(!setBackendWeights(mesh, ref, {100}).ok());
        QVERIFY(!setBackendWeights(mesh, {"HTTPRoute", "shop", "nothing", 0}, {100}).ok());
        QVERIFY(!setBackendWeights(mesh, {"HTTPRoute", "shop", "checkout", 9}, {100}).ok());
        QVERIFY(!setBackendWeights(mesh, {"GRPCRoute", "shop", "checkout", 1}, {50, 50}).ok());
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiEdits)
#include "tst_gatewayapiedits.moc"
