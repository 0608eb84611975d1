// SPDX-License-Identifier: MIT
// The route a rehearsal steers, without the simulation: what each step
// writes to the plan's route (a VirtualService http route or an HTTPRoute
// rule), what promoting removes again, and refusals with the reason.

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
        const MeshPtr before = rule.mesh();
        const Result<void> bad = rule.setHeaderRoute(headerRoute("Not_A_Name", {MatchCondition{}}));
        QVERIFY(!bad);
        QVERIFY2(bad.error().find("DNS-1123") != std::string::npos, bad.error().c_str());
        QCOMPARE(rule.mesh(), before); // a refused step changes nothing
        QVERIFY(!rule.hasManagedRoutes());
    }

    void httpRoutePlanAddsHeaderRuleAndMirror()
    {
        const MeshPtr gatewayApi = ManifestLoader().loadFolder(testDataPath("rollout/gatewayapi")).mesh;
        RehearsalRoute route(gatewayApi, plan("{httpRoute: bookinfo/reviews, rule: 0}", "reviews-v1", "reviews-v3"));
        QVERIFY(route.prepare());
        QVERIFY(route.setWeights(20));
        MatchCondition testers;
        testers.name = "x-canary";
        testers.value = "yes";
        const Result<void> header = route.setHeaderRoute(headerRoute("testers", {testers}));
        QVERIFY2(header, header.error().c_str());
        const Result<void> mirror = route.setMirror(10);
        QVERIFY2(mirror, mirror.error().c_str());
        QVERIFY(route.hasManagedRoutes());
        const auto rulesOf = [](const MeshPtr &mesh) {
            for (const auto &r : mesh->gatewayApiRoutes) {
                if (r->meta.name == "reviews")
                    return r->rules;
            }
            return std::vector<RouteRule>{};
        };
        std::vector<RouteRule> rules = rulesOf(route.mesh());
        QCOMPARE(rules.size(), size_t(2));
        // Argo's header rule: named after the route, the canary alone, before the weighted rule.
        QCOMPARE(rules[0].name, std::string("testers"));
        QCOMPARE(rules[0].backendRefs.size(), size_t(1));
        QCOMPARE(rules[0].backendRefs[0].name, std::string("reviews-v3"));
        QCOMPARE(rules[0].matches.at(0).headers.at(0).name, std::string("x-canary"));
        // The weighted rule moved to index 1, keeps its weights and got the mirror.
        QCOMPARE(rules[1].backendRefs.at(1).weight, int64_t(20));
        QCOMPARE(rules[1].filters.size(), size_t(1));
        QCOMPARE(rules[1].filters[0].mirror.name, std::string("reviews-v3"));
        QCOMPARE(*rules[1].filters[0].mirrorPercent, 10.0);
        QVERIFY(route.setWeights(50)); // still the weighted rule, not the header rule
        QCOMPARE(rulesOf(route.mesh())[1].backendRefs.at(1).weight, int64_t(50));
        testers.value = "always";
        QVERIFY(route.setHeaderRoute(headerRoute("testers", {testers}))); // changes the match in place
        QCOMPARE(rulesOf(route.mesh()).size(), size_t(2));
        QCOMPARE(rulesOf(route.mesh())[0].matches.at(0).headers.at(0).match.value, std::string("always"));

        QVERIFY(route.clearManagedRoutes());
        QVERIFY(!route.hasManagedRoutes());
        rules = rulesOf(route.mesh());
        QCOMPARE(rules.size(), size_t(1));
        QVERIFY(rules[0].filters.empty());
        QCOMPARE(rules[0].backendRefs.at(1).weight, int64_t(50));
    }
};

QTEST_GUILESS_MAIN(TestRehearsalRoute)
#include "tst_rehearsalroute.moc"
