// SPDX-License-Identifier: MIT
#include "analysis/analyzer.h"
#include "edit/meshedit.h"
#include "export/unifieddiff.h"
#include "load/manifestloader.h"
#include "support/editingsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace meshlane;
using editingtest::readFile;

namespace {

MeshPtr sample(const std::string &name)
{
    return ManifestLoader().loadFolder(editingtest::samplesDir() + '/' + name).mesh;
}

std::map<std::string, std::string> texts(const Mesh &mesh)
{
    std::map<std::string, std::string> result;
    for (const auto &file : mesh.files)
        result[file->path] = file->text;
    return result;
}

// Every operation must be undoable byte for byte through its inverse edits.
void verifyInverse(const MeshPtr &before, const Result<MeshChange> &result)
{
    QVERIFY2(result.ok(), result.error().c_str());
    const Result<MeshChange> undone = revertEdits(result->mesh, result->inverse);
    QVERIFY2(undone.ok(), undone.error().c_str());
    QVERIFY(texts(*undone->mesh) == texts(*before));
    QVERIFY(!result->description.empty());
}

// What the analyzer reports, but bookinfo's one standing finding: its gateway
// route ignores the productpage subset routing (IST0140, as istioctl says).
std::set<std::string> findings(const Mesh &mesh)
{
    std::set<std::string> codes;
    for (const Diagnostic &diagnostic : analyze(mesh))
        codes.insert(diagnostic.code + ' ' + diagnostic.resource.toString());
    codes.erase("IST0140 VirtualService default/bookinfo");
    return codes;
}

const HttpRoute &route(const MeshPtr &mesh, const std::string &name, size_t index)
{
    return mesh->findVirtualService("default", name)->http.at(index);
}

Destination to(const std::string &subset, const std::string &host = {})
{
    Destination destination;
    destination.host = host;
    destination.subset = subset;
    return destination;
}

MatchCondition header(const std::string &name, StringMatch::Kind kind, const std::string &value)
{
    return {MatchCondition::Field::Header, name, kind, value};
}

} // namespace

class TestMeshStructureEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addDestinationKeepsTheSplit()
    {
        const MeshPtr mesh = sample("bookinfo");
        const RouteRef productpage{"default", "productpage", 0};
        const Result<MeshChange> result = addDestination(mesh, productpage, to("v2"));
        verifyInverse(mesh, result);
        const HttpRoute &edited = route(result->mesh, "productpage", 0);
        QCOMPARE(edited.route.size(), size_t(2));
        QCOMPARE(edited.route[1].destination.subset, std::string("v2"));
        QCOMPARE(edited.route[1].destination.host, std::string("productpage"));
        QCOMPARE(edited.effectiveWeight(0), int64_t(100));
        QCOMPARE(edited.effectiveWeight(1), int64_t(0));
        QCOMPARE(meshDiff(*mesh, *result->mesh), std::string(R"(--- a/virtual-services.yaml
+++ b/virtual-services.yaml
@@ -13,6 +13,11 @@
     - destination:
         host: productpage
         subset: v1
+      weight: 100
+    - destination:
+        host: productpage
+        subset: v2
+      weight: 0
 ---
 apiVersion: networking.istio.io/v1
 kind: VirtualService
)"));
    }

    void addDestinationCopiesThePort()
    {
        const MeshPtr mesh = sample("greeter");
        const Result<MeshChange> result =
            addDestination(mesh, RouteRef{"default", "greeter-service", 0}, to("v3"), 10);
        verifyInverse(mesh, result);
        const HttpRoute &edited = route(result->mesh, "greeter-service", 0);
        QCOMPARE(edited.route.size(), size_t(3));
        QCOMPARE(*edited.route[2].destination.port, uint32_t(3000));
        QCOMPARE(edited.effectiveWeight(0) + edited.effectiveWeight(1), int64_t(90));
        QCOMPARE(edited.effectiveWeight(2), int64_t(10));
    }

    void removeDestinationRebalances()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(editingtest::dataDir() + "/hosts").mesh;
        const RouteRef checkout{"default", "checkout", 0};
        const Result<MeshChange> result = removeDestination(mesh, checkout, 0);
        verifyInverse(mesh, result);
        const HttpRoute &edited = route(result->mesh, "checkout", 0);
        QCOMPARE(edited.route.size(), size_t(2));
        QCOMPARE(edited.route[0].destination.host, std::string("checkout-v2"));
        QCOMPARE(edited.effectiveWeight(0), int64_t(67)); // 20:10 of 100, largest remainder
        QCOMPARE(edited.effectiveWeight(1), int64_t(33));
        const Result<MeshChange> last = removeDestination(result->mesh, checkout, 1);
        verifyInverse(result->mesh, last);
        QCOMPARE(route(last->mesh, "checkout", 0).route.front().weight, std::optional<int64_t>(100));
        QVERIFY(!removeDestination(last->mesh, checkout, 0).ok());
    }

    // Kiali's canary flow on a mesh the analyzer finds clean: create the
    // subset from the version label, add it at 0, shift weight. Clean all along.
    void canaryFlowStaysClean()
    {
        // bookinfo plus a ratings-v2 Deployment that no subset selects yet.
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        editingtest::copyTree(editingtest::samplesDir() + "/bookinfo", root);
        std::string deployments = readFile(root + "/deployments.yaml");
        const size_t start = deployments.rfind("apiVersion: apps/v1");
        std::string v2 = "---\n" + deployments.substr(start);
        for (size_t at = v2.find("v1"); at != std::string::npos; at = v2.find("v1", at + 1)) {
            if (v2.compare(at - 8, 8, "version:") == 0 || v2.compare(at - 9, 9, "version: ") == 0
                || v2.compare(at - 8, 8, "ratings-") == 0)
                v2[at + 1] = '2';
        }
        editingtest::writeFile(root + "/ratings-v2.yaml", v2);
        const MeshPtr mesh = ManifestLoader().loadFolder(root).mesh;
        QVERIFY(findings(*mesh).empty());
        const RouteRef ratings{"default", "ratings", 0};
        const Result<MeshChange> subset = createVersionSubset(mesh, "ratings.default.svc.cluster.local", "v2");
        verifyInverse(mesh, subset);
        const Result<MeshChange> added = addDestination(subset->mesh, ratings, to("v2"));
        verifyInverse(subset->mesh, added);
        const Result<MeshChange> shifted = setRouteWeights(added->mesh, ratings, {50, 50});
        verifyInverse(added->mesh, shifted);
        for (const Result<MeshChange> *step : {&subset, &added, &shifted})
            QVERIFY2(findings(*(*step)->mesh).empty(), findings(*(*step)->mesh).begin()->c_str());
        // A destination to a subset nobody defines is what the analyzer is for.
        const Result<MeshChange> dangling = addDestination(mesh, ratings, to("v9"), 10);
        QVERIFY(dangling.ok());
        QVERIFY(findings(*dangling->mesh).count("IST0101 VirtualService default/ratings"));
    }

    void destinationRefusals()
    {
        const MeshPtr mesh = sample("bookinfo-80-20");
        const RouteRef reviews{"default", "reviews", 0};
        QVERIFY(addDestination(mesh, reviews, to("v1")).error().find("already") != std::string::npos);
        QVERIFY(!addDestination(mesh, reviews, to("v3"), 101).ok());
        QVERIFY(!removeDestination(mesh, reviews, 7).ok());
    }

    void createSubsetInTheExistingRule()
    {
        const MeshPtr mesh = sample("fleetman");
        const std::string host = "fleetman-staff-service.default.svc.cluster.local";
        const Result<MeshChange> result = createVersionSubset(mesh, host, "v3");
        verifyInverse(mesh, result);
        const Subset *subset = result->mesh->findSubset(host, "v3");
        QVERIFY(subset);
        QCOMPARE(subset->labels, (Labels{{"version", "v3"}}));
        QCOMPARE(result->edits.size(), size_t(1));
        QCOMPARE(result->edits.front().length, size_t(0)); // inserted, nothing rewritten
        QVERIFY(createVersionSubset(mesh, host, "safe").error().find("already defines") != std::string::npos);
        QVERIFY(!createVersionSubset(mesh, host, "V3").ok());
        QVERIFY(!createSubset(mesh, host, "v4", {}).ok());
    }

    void createSubsetInANewRule()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(editingtest::dataDir() + "/hosts").mesh;
        const std::string host = "checkout.default.svc.cluster.local";
        const Result<MeshChange> result = createSubset(mesh, host, "v1", {{"version", "v1"}, {"app", "checkout"}});
        verifyInverse(mesh, result);
        const SourceFile *file = result->mesh->findFile("destinationrule-checkout.yaml");
        QVERIFY(file);
        QCOMPARE(file->text, std::string(R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: checkout
  namespace: default
spec:
  host: checkout
  subsets:
  - name: v1
    labels:
      app: checkout
      version: v1
)"));
        QVERIFY(result->mesh->findSubset(host, "v1"));
        // Undo removes the new file again.
        const Result<MeshChange> undone = revertEdits(result->mesh, result->inverse);
        QVERIFY(!undone->mesh->findFile("destinationrule-checkout.yaml"));
        QCOMPARE(undone->mesh->files.size(), mesh->files.size());

        NewResourcePlacement placement;
        placement.file = "routing.yaml";
        const Result<MeshChange> appended = createVersionSubset(mesh, host, "v2", "version", placement);
        verifyInverse(mesh, appended);
        const std::string &routing = appended->mesh->findFile("routing.yaml")->text;
        QVERIFY(routing.rfind(readFile(editingtest::dataDir() + "/hosts/routing.yaml") + "---\napiVersion", 0) == 0);
        QVERIFY(appended->mesh->findSubset(host, "v2"));

        placement.file = "../escape.yaml";
        QVERIFY(createVersionSubset(mesh, host, "v2", "version", placement).error().find("unsafe")
                != std::string::npos);
        placement.file = "rules.txt";
        QVERIFY(!createVersionSubset(mesh, host, "v2", "version", placement).ok());
        QVERIFY(!createVersionSubset(mesh, "Bad_Host", "v2").ok());
    }

    void newRulesSpeakTheMeshsApiVersion()
    {
        const MeshPtr mesh = sample("account-service");
        const Result<MeshChange> result = createVersionSubset(mesh, "ledger.default.svc.cluster.local", "v1");
        verifyInverse(mesh, result);
        QVERIFY(result->mesh->findFile("destinationrule-ledger.yaml")->text.rfind(
                    "apiVersion: networking.istio.io/v1alpha3\n", 0) == 0);
    }

    void mirrors()
    {
        const MeshPtr mesh = sample("httpbin-mirror");
        const RouteRef httpbin{"default", "httpbin", 0};
        const Result<MeshChange> half = setMirror(mesh, httpbin, to("v2", "httpbin"), 50.0);
        verifyInverse(mesh, half);
        QCOMPARE(*route(half->mesh, "httpbin", 0).mirrorPercentage, 50.0);
        QCOMPARE(half->edits.size(), size_t(1)); // just the number
        QCOMPARE(half->edits.front().replacement, std::string("50"));

        const Result<MeshChange> retarget = setMirror(mesh, httpbin, to("v1", "httpbin"), 100.0);
        verifyInverse(mesh, retarget);
        QCOMPARE(route(retarget->mesh, "httpbin", 0).mirror->subset, std::string("v1"));
        QCOMPARE(retarget->edits.size(), size_t(1));

        const Result<MeshChange> cleared = setMirror(mesh, httpbin, std::nullopt);
        verifyInverse(mesh, cleared);
        QVERIFY(!route(cleared->mesh, "httpbin", 0).mirror);
        QVERIFY(!route(cleared->mesh, "httpbin", 0).mirrorPercentage);
        QVERIFY(cleared->mesh->findFile("routing.yaml")->text.find("Percentage of requests to shadow")
                == std::string::npos);

        const MeshPtr bookinfo = sample("bookinfo");
        const Result<MeshChange> added =
            setMirror(bookinfo, RouteRef{"default", "reviews", 1}, to("v3", "reviews"), 12.5);
        verifyInverse(bookinfo, added);
        const HttpRoute &mirrored = route(added->mesh, "reviews", 1);
        QCOMPARE(mirrored.mirror->subset, std::string("v3"));
        QCOMPARE(*mirrored.mirrorPercentage, 12.5);

        QVERIFY(!setMirror(mesh, httpbin, to("v2", "httpbin"), 101.0).ok());
        QVERIFY(!setMirror(mesh, httpbin, to("v2", ""), 10.0).ok());
    }

    void mirrorEdgeCases()
    {
        const std::string legacy = R"(apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata:
  name: legacy
  namespace: default
spec:
  hosts: [legacy]
  http:
  - route:
    - destination: {host: legacy, subset: v1}
    mirror: {host: legacy, subset: v2}
    mirror_percent: 20
)";
        const MeshPtr mesh = ManifestLoader().loadText("legacy.yaml", legacy).mesh;
        const Result<MeshChange> result = setMirror(mesh, RouteRef{"default", "legacy", 0}, to("v2", "legacy"), 30.0);
        verifyInverse(mesh, result);
        const HttpRoute &edited = result->mesh->findVirtualService("default", "legacy")->http[0];
        QVERIFY(!edited.legacyMirrorPercent);
        QCOMPARE(*edited.mirrorPercentage, 30.0);

        std::string both = legacy;
        both.replace(both.find("    mirror_percent: 20\n"), 23, "");
        both.replace(both.find("    mirror: {host: legacy, subset: v2}\n"), 39,
                     "    mirrors:\n    - destination: {host: legacy, subset: v2}\n");
        const MeshPtr withMirrors = ManifestLoader().loadText("legacy.yaml", both).mesh;
        QVERIFY(setMirror(withMirrors, RouteRef{"default", "legacy", 0}, to("v3", "legacy")).error().find("mirrors")
                != std::string::npos);

        // The commented mesh's canary mirrors through an alias: refused, not edited for everybody.
        const MeshPtr commented = ManifestLoader().loadFolder(editingtest::dataDir() + "/commented").mesh;
        QVERIFY(setMirror(commented, RouteRef{"shop", "reviews", 1}, to("v2", "reviews")).error().find("alias")
                != std::string::npos);
    }

    void darkLaunchMatchRoutes()
    {
        const MeshPtr mesh = sample("bookinfo-80-20");
        const VirtualService &reviews = *mesh->findVirtualService("default", "reviews");
        MatchRule rule;
        rule.routeName = "jason";
        rule.conditions = {header("End-User", StringMatch::Kind::Exact, "jason"),
                           {MatchCondition::Field::Uri, {}, StringMatch::Kind::Prefix, "/reviews"},
                           {MatchCondition::Field::QueryParam, "beta", StringMatch::Kind::Regex, "^(1|true)$"}};
        rule.destination = to("v2");
        const size_t at = defaultMatchRoutePosition(reviews);
        QCOMPARE(at, size_t(0));
        const Result<MeshChange> result = addMatchRoute(mesh, RouteRef{"default", "reviews", at}, rule);
        verifyInverse(mesh, result);
        const VirtualService &edited = *result->mesh->findVirtualService("default", "reviews");
        QCOMPARE(edited.http.size(), size_t(2));
        const HttpRoute &launched = edited.http[0];
        QCOMPARE(launched.name, std::string("jason"));
        QCOMPARE(launched.match.size(), size_t(1));
        QCOMPARE(launched.match[0].headers.at(0).name, std::string("end-user"));
        QCOMPARE(launched.match[0].headers.at(0).match.value, std::string("jason"));
        QVERIFY(launched.match[0].uri->kind == StringMatch::Kind::Prefix);
        QVERIFY(launched.match[0].queryParams.at(0).match.kind == StringMatch::Kind::Regex);
        QCOMPARE(launched.route.at(0).destination.subset, std::string("v2"));
        QCOMPARE(launched.route.at(0).destination.host, std::string("reviews"));
        QCOMPARE(edited.http[1].route.size(), size_t(2)); // the canary split is untouched below

        MatchRule bad = rule;
        bad.conditions = {header("x", StringMatch::Kind::Regex, "(unclosed")};
        QVERIFY(addMatchRoute(mesh, RouteRef{"default", "reviews", 0}, bad).error().find("regex")
                != std::string::npos);
        bad.conditions.clear();
        QVERIFY(!addMatchRoute(mesh, RouteRef{"default", "reviews", 0}, bad).ok());
        QVERIFY(!addMatchRoute(mesh, RouteRef{"default", "reviews", 5}, rule).ok());
    }

    void editMatchRouteKeepsItsComments()
    {
        const MeshPtr mesh = sample("catalog-dark-launch");
        MatchRule rule;
        rule.conditions = {header("x-dark-launch", StringMatch::Kind::Prefix, "v")};
        rule.destination = to("version-v1");
        const Result<MeshChange> result = setMatchRoute(mesh, RouteRef{"default", "catalog", 0}, rule);
        verifyInverse(mesh, result);
        const HttpRoute &edited = route(result->mesh, "catalog", 0);
        QVERIFY(edited.match.at(0).headers.at(0).match.kind == StringMatch::Kind::Prefix);
        QCOMPARE(edited.route.at(0).destination.subset, std::string("version-v1"));
        const std::string &text = result->mesh->findFile("routing.yaml")->text;
        QVERIFY(text.find("  # Opt-in route: only callers sending") != std::string::npos);
        QVERIFY(text.find("  # Everyone else keeps getting v1.") != std::string::npos);

        // A catch-all route gets its match written before `route:`.
        const Result<MeshChange> second = setMatchRoute(mesh, RouteRef{"default", "catalog", 1}, rule);
        verifyInverse(mesh, second);
        QVERIFY(second->mesh->findFile("routing.yaml")->text.find(
                    "  # Everyone else keeps getting v1.\n  - match:\n    - headers:\n        x-dark-launch:\n"
                    "          prefix: v\n    route:\n")
                != std::string::npos);
    }

    void removeAndMoveRoutes()
    {
        const MeshPtr mesh = sample("catalog-dark-launch");
        const Result<MeshChange> removed = removeRoute(mesh, RouteRef{"default", "catalog", 0});
        verifyInverse(mesh, removed);
        QCOMPARE(result(removed).http.size(), size_t(1));
        QVERIFY(removed->mesh->findFile("routing.yaml")->text.find("Opt-in route") == std::string::npos);
        QVERIFY(!removeRoute(removed->mesh, RouteRef{"default", "catalog", 0}).ok());

        const Result<MeshChange> moved = moveRoute(mesh, RouteRef{"default", "catalog", 1}, 0);
        verifyInverse(mesh, moved);
        const VirtualService &reordered = result(moved);
        QCOMPARE(reordered.http[0].route.at(0).destination.subset, std::string("version-v1"));
        QCOMPARE(reordered.http[1].route.at(0).destination.subset, std::string("version-v2"));
        const std::string &text = moved->mesh->findFile("routing.yaml")->text;
        QVERIFY(text.find("Everyone else") < text.find("Opt-in route"));
        // Moving back restores the original text exactly.
        const Result<MeshChange> back = moveRoute(moved->mesh, RouteRef{"default", "catalog", 0}, 1);
        QVERIFY(back.ok());
        QCOMPARE(back->mesh->findFile("routing.yaml")->text, mesh->findFile("routing.yaml")->text);
        QVERIFY(!moveRoute(mesh, RouteRef{"default", "catalog", 0}, 2).ok());
    }

    // Every operation on the hand-written file leaves its comments alone.
    void commentsSurviveEveryOperation()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(editingtest::dataDir() + "/commented").mesh;
        const RouteRef testers{"shop", "reviews", 0};
        const RouteRef canary{"shop", "reviews", 1};
        MatchRule rule;
        rule.conditions = {header("x-beta", StringMatch::Kind::Exact, "on")};
        rule.destination = to("v2");
        // The testers' destination is an anchor the canary's mirror aliases:
        // pointing it elsewhere is refused, keeping it is fine.
        QVERIFY(setMatchRoute(mesh, testers, rule).error().find("anchor &testers-destination") != std::string::npos);
        MatchRule sameTarget = rule;
        sameTarget.destination = to("v3");
        // Moving the canary (which holds the alias) above the testers (which
        // define the anchor), or removing the testers, would leave an alias
        // with no anchor: the re-read catches it and nothing is changed.
        QVERIFY(moveRoute(mesh, canary, 0).error().find("anchor is not defined") != std::string::npos);
        QVERIFY(removeRoute(mesh, testers).error().find("anchor is not defined") != std::string::npos);
        const std::vector<Result<MeshChange>> results{
            addDestination(mesh, canary, to("v3"), 10),
            removeDestination(mesh, canary, 0),
            addMatchRoute(mesh, RouteRef{"shop", "reviews", 1}, rule),
            setMatchRoute(mesh, testers, sameTarget),
            addMatchRoute(mesh, RouteRef{"shop", "ratings", 0}, rule),
            setRouteWeights(mesh, canary, {10, 90}),
            setMirror(mesh, testers, to("v1", "reviews"), 5.0),
            createVersionSubset(mesh, "reviews.shop.svc.cluster.local", "v4"),
        };
        const std::string original = mesh->findFile("mesh.yaml")->text;
        std::vector<std::string> comments;
        for (size_t at = original.find('#'); at != std::string::npos; at = original.find('#', at + 1))
            comments.push_back(original.substr(at, original.find('\n', at) - at));
        for (size_t i = 0; i < results.size(); ++i) {
            verifyInverse(mesh, results[i]);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(results[i]->diagnostics.empty());
            const std::string &text = results[i]->mesh->findFile("mesh.yaml")->text;
            for (const std::string &comment : comments) {
                // Removing takes the lines of what goes: the v1 entry's own comment.
                if (i == 1 && comment == "# most traffic")
                    continue;
                QVERIFY2(text.find(comment) != std::string::npos, qPrintable(QString::number(i) + QString::fromStdString(comment)));
            }
        }
    }

private:
    static const VirtualService &result(const Result<MeshChange> &edit)
    {
        return *edit->mesh->findVirtualService("default", "catalog");
    }
};

QTEST_GUILESS_MAIN(TestMeshStructureEdits)
#include "tst_meshstructureedits.moc"
