// SPDX-License-Identifier: MIT
// The route a rehearsal steers, without the simulation: what each step
// writes to the plan's route, what promoting removes again, and the steps a
// plan on a Gateway API HTTPRoute refuses, with the reason.

#include "support/routingtestsupport.h"

#include "edit/meshedit.h"
#include "rollout/rehearsalroute.h"
#include "rollout/rolloutplanparser.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;
using meshlane::test::testDataPath;

namespace {

RolloutPlan plan(const std::string &route, const std::string &stable, const std::string &canary)
{
    const std::string text = "apiVersion: meshlane.io/v1alpha1\nkind: RolloutPlan\nmetadata: {name: t}\nspec:\n"
                             "  route: "
        + route + "\n  stable: " + stable + "\n  canary: " + canary + "\n  steps:\n    - setWeight: 10\n";
    const Result<RolloutPlan> parsed = RolloutPlanParser::parse(text, "plan.yaml");
    if (!parsed)
        qFatal("bad test plan: %s", parsed.error().c_str());
    return *parsed;
}

RolloutStep headerRoute(const std::string &name, std::vector<MatchCondition> match)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetHeaderRoute;
    step.headerRouteName = name;
    step.match = std::move(match);
    return step;
}

} // namespace

class TestRehearsalRoute : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsAreEditsOfThePlanRoute()
    {
        const MeshPtr start = sampleMesh("rollout-reviews");
        RehearsalRoute route(start, plan("{virtualService: default/reviews, http: primary}", "v1", "v3"));
        const Result<void> prepared = route.prepare();
        QVERIFY2(prepared, prepared.error().c_str());
        QCOMPARE(route.weights(), (std::map<std::string, int>{{"v1", 100}, {"v3", 0}}));
        QVERIFY(route.mesh() != start); // the canary was added at weight 0

        QVERIFY(route.setWeights(30));
        QCOMPARE(route.weights(), (std::map<std::string, int>{{"v1", 70}, {"v3", 30}}));
        MatchCondition testers;
        testers.name = "x-canary";
        testers.value = "yes";
        QVERIFY(route.setHeaderRoute(headerRoute("testers", {testers})));
        QVERIFY(route.setMirror(20));
        QVERIFY(route.hasManagedRoutes());
        const VirtualService *vs = route.mesh()->findVirtualService("default", "reviews");
        QCOMPARE(findHttpRoute(*vs, "testers") + 1, findHttpRoute(*vs, "primary")); // just before the weighted route
        QVERIFY(vs->http[size_t(findHttpRoute(*vs, "primary"))].mirror);

        QVERIFY(route.clearManagedRoutes());
        QVERIFY(!route.hasManagedRoutes());
        vs = route.mesh()->findVirtualService("default", "reviews");
        QCOMPARE(findHttpRoute(*vs, "testers"), -1);
        QVERIFY(!vs->http[size_t(findHttpRoute(*vs, "primary"))].mirror);
        QCOMPARE(route.weights(), (std::map<std::string, int>{{"v1", 70}, {"v3", 30}}));
    }

    void refusalsSayWhy()
    {
        RehearsalRoute missing(sampleMesh("rollout-reviews"), plan("{virtualService: default/nope}", "v1", "v3"));
        const Result<void> prepared = missing.prepare();
        QVERIFY(!prepared);
        QCOMPARE(prepared.error(), std::string("no VirtualService default/nope"));

        const MeshPtr gatewayApi = ManifestLoader().loadFolder(testDataPath("rollout/gatewayapi")).mesh;
        RehearsalRoute rule(gatewayApi, plan("{httpRoute: bookinfo/reviews, rule: 0}", "reviews-v1", "reviews-v3"));
        QVERIFY(rule.prepare());
        QVERIFY(rule.setWeights(20));
        QCOMPARE(rule.weights().at("reviews-v3"), 20);
        const MeshPtr before = rule.mesh();
        const Result<void> mirrored = rule.setMirror(10);
        QVERIFY(!mirrored);
        QVERIFY(mirrored.error().find("not supported yet") != std::string::npos);
        QCOMPARE(rule.mesh(), before); // a refused step changes nothing
        QVERIFY(rule.setMirror(0)); // nothing to remove
    }
};

QTEST_GUILESS_MAIN(TestRehearsalRoute)
#include "tst_rehearsalroute.moc"
