// SPDX-License-Identifier: MIT
// Rehearsing a rollout plan on samples/rollout-reviews: what each step does
// to the mesh, gate statistics against numbers computed by hand, rollback,
// failure limits, manual pauses, mirrors, and determinism per seed; plans on
// a Gateway API HTTPRoute rule (tests/data/rollout/gatewayapi), header rule
// and mirror included.

#include "support/routingtestsupport.h"

#include "rollout/rehearsal.h"
#include "rollout/rehearsaltraffic.h"
#include "rollout/rolloutplanparser.h"

#include <QTest>

#include <fstream>
#include <sstream>

using namespace meshlane;
using namespace meshlane::testing;
using meshlane::test::testDataPath;

namespace {

MeshPtr reviewsMesh() { return sampleMesh("rollout-reviews"); }

std::string readFile(const std::string &path)
{
    std::ifstream stream(path);
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

std::string readSample(const std::string &file)
{
    std::ifstream stream(samplePath("rollout-reviews/" + file));
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

RolloutPlan plan(const std::string &steps, const std::string &analysis)
{
    const std::string text = "apiVersion: meshlane.io/v1alpha1\nkind: RolloutPlan\nmetadata: {name: t}\nspec:\n"
                             "  route: {virtualService: default/reviews, http: primary}\n"
                             "  stable: v1\n  canary: v3\n  steps:\n"
        + steps + (analysis.empty() ? std::string() : "  analysis:\n" + analysis);
    const Result<RolloutPlan> parsed = RolloutPlanParser::parse(text, "plan.yaml");
    if (!parsed)
        qFatal("bad test plan: %s", parsed.error().c_str());
    return *parsed;
}

TrafficMix usersOnly(double requestsPerSecond)
{
    HttpRequest request;
    request.authority = "reviews";
    return TrafficMix::single(request, requestsPerSecond);
}

std::vector<BehaviourProfile> canaryProfile(double errorRate, double latencyMs)
{
    BehaviourProfile profile;
    profile.host = "reviews";
    profile.subset = "v3";
    profile.errorRate = errorRate;
    profile.latencyP50Ms = profile.latencyP99Ms = latencyMs;
    return {profile};
}

RehearsalReport sampleRun(const std::string &trafficFile, uint64_t seed)
{
    const Result<RolloutPlan> parsed = RolloutPlanParser::parse(readSample("plan.yaml"), "plan.yaml");
    const std::string traffic = readSample(trafficFile);
    HttpRequest defaults;
    defaults.authority = "reviews";
    const Result<TrafficMix> mix = TrafficMix::fromYaml(BehaviourProfile::withoutBehaviour(traffic), defaults);
    const Result<std::vector<BehaviourProfile>> profiles = BehaviourProfile::listFromYaml(traffic);
    if (!parsed || !mix || !profiles)
        qFatal("sample does not parse: %s%s%s", parsed.error().c_str(), mix.error().c_str(),
               profiles.error().c_str());
    RehearsalOptions options;
    options.seed = seed;
    return Rehearsal(reviewsMesh(), *parsed, *mix, *profiles, options).run();
}

const HttpRoute &route(const MeshPtr &mesh, size_t index)
{
    return mesh->findVirtualService("default", "reviews")->http.at(index);
}

const char *kGates = "    interval: 30s\n    minRequests: 10\n    successRate: {min: 0.99}\n"
                     "    latencyP99: {maxMs: 500}\n";

} // namespace

class TestRehearsal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachStepIsAnEditOfTheMesh()
    {
        const RehearsalReport report = sampleRun("traffic-healthy.traffic", 1);
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "promoted");
        QCOMPARE(report.steps.size(), size_t(10)); // nine planned + promote (drops the testers route)
        // Step 1: the testers' route goes just before the weighted one, to v3.
        const HttpRoute &testers = route(report.steps[0].mesh, 1);
        QCOMPARE(testers.name, std::string("testers"));
        QCOMPARE(testers.match.size(), size_t(1));
        QCOMPARE(testers.match[0].headers.at(0).name, std::string("x-tester"));
        QCOMPARE(testers.match[0].headers.at(0).match.value, std::string("yes"));
        QCOMPARE(testers.route.at(0).destination.subset, std::string("v3"));
        QCOMPARE(route(report.steps[0].mesh, 2).name, std::string("primary"));
        QCOMPARE(report.steps[0].weights, (std::map<std::string, int>{{"v1", 100}, {"v3", 0}}));
        // Step 2 (pause): only testers reach v3, and the gates judged it.
        QVERIFY(report.steps[1].destinations.at("v3").requests > 0);
        QVERIFY(!report.steps[1].gates.empty());
        // Step 3: setWeight 10 writes 90/10 into the primary route.
        QCOMPARE(report.steps[2].weights, (std::map<std::string, int>{{"v1", 90}, {"v3", 10}}));
        const HttpRoute &primary = route(report.steps[2].mesh, 2);
        QCOMPARE(primary.route.at(0).weight, std::optional<int64_t>(90));
        QCOMPARE(primary.route.at(1).weight, std::optional<int64_t>(10));
        QCOMPARE(primary.route.at(1).destination.subset, std::string("v3"));
        QCOMPARE(report.steps[6].weights.at("v3"), 60);
        // Promotion: 100 % v3, the testers route gone, jason's route untouched.
        QCOMPARE(report.steps.back().action, std::string("promote"));
        const MeshPtr &final = report.finalMesh;
        QCOMPARE(final->findVirtualService("default", "reviews")->http.size(), size_t(2));
        QCOMPARE(route(final, 0).route.at(0).destination.subset, std::string("v2"));
        QCOMPARE(route(final, 1).effectiveWeight(1), int64_t(100));
        QCOMPARE(route(final, 1).effectiveWeight(0), int64_t(0));
        QCOMPARE(report.endedAt, 2 * 60.0 + 3 * 300.0);
        QVERIFY(report.explanation.text().find("promoted at t=1020 s") != std::string::npos);
    }

    void gateStatisticsByHand()
    {
        // 10 requests/s, all to the canary: 300 requests per 30 s window,
        // every one answered in exactly 100 ms without errors.
        const RolloutPlan p = plan("    - setWeight: 100\n    - pause: {duration: 60s}\n", kGates);
        const RehearsalReport report = Rehearsal(reviewsMesh(), p, usersOnly(10), canaryProfile(0, 100)).run();
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "promoted");
        QCOMPARE(report.steps.size(), size_t(2));
        const std::vector<GateCheck> &gates = report.steps[1].gates;
        QCOMPARE(gates.size(), size_t(4));
        for (size_t i = 0; i < gates.size(); ++i) {
            QCOMPARE(gates[i].at, i < 2 ? 30.0 : 60.0);
            QCOMPARE(gates[i].requests, int64_t(300));
            QCOMPARE(GateCheck::verdictName(gates[i].verdict), "pass");
        }
        QCOMPARE(gates[0].metric, std::string("successRate"));
        QCOMPARE(gates[0].observed, 1.0);
        QCOMPARE(gates[0].threshold, 0.99);
        QCOMPARE(gates[1].metric, std::string("latencyP99"));
        QCOMPARE(gates[1].observed, 100.0);
        QCOMPARE(gates[1].threshold, 500.0);
        QCOMPARE(report.steps[1].destinations.at("v3").requests, int64_t(600));
        QCOMPARE(report.steps[1].destinations.at("v3").latencyP99Ms, 100.0);
        QCOMPARE(report.requests, int64_t(600));
        QCOMPARE(report.canaryRequests, int64_t(600));
        QCOMPARE(report.failedRequests, int64_t(0));
        QCOMPARE(report.endedAt, 60.0);
    }

    void slowCanaryFailsTheLatencyGate()
    {
        const RolloutPlan p = plan("    - setWeight: 100\n    - pause: {duration: 60s}\n", kGates);
        const RehearsalReport report = Rehearsal(reviewsMesh(), p, usersOnly(10), canaryProfile(0, 600)).run();
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "rolledBack");
        const std::vector<GateCheck> &gates = report.steps[1].gates;
        QCOMPARE(gates.size(), size_t(2)); // rolled back after the first window
        QCOMPARE(GateCheck::verdictName(gates[0].verdict), "pass");
        QCOMPARE(GateCheck::verdictName(gates[1].verdict), "fail");
        QCOMPARE(gates[1].observed, 600.0);
        QVERIFY2(report.explanation.text().find("latencyP99 600 ms is beyond the threshold 500 ms over 300 canary "
                                                "requests in the window ending at t=30 s")
                     != std::string::npos,
                 report.explanation.text().c_str());
    }

    void errorsRollBackToStable()
    {
        const RolloutPlan p = plan("    - setHeaderRoute: {name: testers, match: [{headerName: x-tester, headerValue: "
                                   "{exact: 'yes'}}]}\n    - setMirror: {percent: 50}\n    - setWeight: 100\n"
                                   "    - pause: {duration: 60s}\n",
                                   kGates);
        const RehearsalReport report = Rehearsal(reviewsMesh(), p, usersOnly(10), canaryProfile(1, 10)).run();
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "rolledBack");
        QCOMPARE(report.rolledBackAtStep, size_t(4));
        QCOMPARE(report.endedAt, 30.0);
        QCOMPARE(report.steps.size(), size_t(5));
        QCOMPARE(report.steps[3].gates[0].observed, 0.0);
        QCOMPARE(report.failedRequests, int64_t(300)); // every canary answer was a 500
        QCOMPARE(report.steps.back().action, std::string("rollback"));
        QCOMPARE(report.steps.back().weights, (std::map<std::string, int>{{"v1", 100}, {"v3", 0}}));
        // Stable again: no testers route, no mirror, v1 takes everything.
        const VirtualService *vs = report.finalMesh->findVirtualService("default", "reviews");
        QCOMPARE(vs->http.size(), size_t(2));
        QVERIFY(!vs->http[1].mirror);
        QCOMPARE(vs->http[1].effectiveWeight(0), int64_t(100));
        QCOMPARE(vs->http[1].effectiveWeight(1), int64_t(0));
        // The window counts the canary's shadow copies too: a mirrored canary is judged on them.
        QVERIFY(report.mirroredToCanary > 100 && report.mirroredToCanary < 200);
        const int64_t judged = report.canaryRequests + report.mirroredToCanary;
        QCOMPARE(report.steps[3].gates[0].requests, judged);
        QVERIFY2(report.explanation.text().find("rolled back at step 4 (t=30 s) after 1 failed checks (failureLimit "
                                                "0): successRate 0 is beyond the threshold 0.99 over "
                                                + std::to_string(judged) + " canary requests")
                     != std::string::npos,
                 report.explanation.text().c_str());
    }

    void partialSplitObservedRate()
    {
        // A quarter of 400 requests to a canary failing half of them: the gate
        // must report exactly (requests - errors) / requests of that window.
        const RolloutPlan p = plan("    - setWeight: 25\n    - pause: {duration: 40s}\n",
                                   "    interval: 40s\n    successRate: {min: 0.9}\n");
        const RehearsalReport report = Rehearsal(reviewsMesh(), p, usersOnly(10), canaryProfile(0.5, 10)).run();
        const RehearsalStep &pause = report.steps[1];
        const DestinationStats &canary = pause.destinations.at("v3");
        QCOMPARE(pause.destinations.at("v1").requests + canary.requests, int64_t(400));
        QVERIFY(canary.requests > 60 && canary.requests < 140);
        QVERIFY(canary.errors > 0 && canary.errors < canary.requests);
        QCOMPARE(pause.gates.size(), size_t(1));
        QCOMPARE(pause.gates[0].requests, canary.requests);
        QCOMPARE(pause.gates[0].observed, double(canary.requests - canary.errors) / double(canary.requests));
        QCOMPARE(GateCheck::verdictName(pause.gates[0].verdict), "fail");
        QCOMPARE(report.failedRequests, canary.errors);
    }

    void tooFewRequestsGiveNoVerdict()
    {
        const std::string gates = "    interval: 30s\n    minRequests: 301\n    successRate: {min: 0.99}\n";
        const RolloutPlan p = plan("    - setWeight: 100\n    - pause: {duration: 30s}\n", gates);
        const RehearsalReport report = Rehearsal(reviewsMesh(), p, usersOnly(10), canaryProfile(1, 10)).run();
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "promoted");
        QCOMPARE(GateCheck::verdictName(report.steps[1].gates.at(0).verdict), "none");
        QCOMPARE(report.steps[1].gates.at(0).requests, int64_t(300));
    }

    void failureLimitToleratesFailedChecks()
    {
        const std::string gates = "    interval: 30s\n    failureLimit: 1\n    successRate: {min: 0.99}\n";
        const RolloutPlan p = plan("    - setWeight: 100\n    - pause: {duration: 90s}\n", gates);
        const RehearsalReport report = Rehearsal(reviewsMesh(), p, usersOnly(10), canaryProfile(1, 10)).run();
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "rolledBack");
        QCOMPARE(report.steps[1].gates.size(), size_t(2)); // the first failure was tolerated
        QCOMPARE(report.endedAt, 60.0);
    }

    void manualPause()
    {
        const RolloutPlan p = plan("    - setWeight: 20\n    - pause: {}\n    - setWeight: 100\n", kGates);
        const RehearsalReport stopped = Rehearsal(reviewsMesh(), p, usersOnly(10), {}).run();
        QCOMPARE(RehearsalReport::outcomeName(stopped.outcome), "paused");
        QCOMPARE(stopped.steps.size(), size_t(2));
        QCOMPARE(stopped.endedAt, 0.0);
        RehearsalOptions options;
        options.manualPauseSeconds = 120;
        const RehearsalReport promoted = Rehearsal(reviewsMesh(), p, usersOnly(10), {}, options).run();
        QCOMPARE(RehearsalReport::outcomeName(promoted.outcome), "promoted");
        QCOMPARE(promoted.endedAt, 120.0);
        QCOMPARE(promoted.requests, int64_t(1200));
    }

    void mirrorShadowsTheCanary()
    {
        const RolloutPlan p = plan("    - setMirror: {percent: 50}\n    - pause: {duration: 60s}\n", {});
        const RehearsalReport report = Rehearsal(reviewsMesh(), p, usersOnly(10), canaryProfile(1, 10)).run();
        QCOMPARE(route(report.steps[0].mesh, 1).mirrorPercentage, std::optional<double>(50));
        QCOMPARE(route(report.steps[0].mesh, 1).mirror->subset, std::string("v3"));
        QCOMPARE(report.canaryRequests, int64_t(0));
        QVERIFY(report.mirroredToCanary > 240 && report.mirroredToCanary < 360);
        QCOMPARE(report.failedRequests, int64_t(0)); // users never see a mirror's answer
        QVERIFY(!route(report.finalMesh, 1).mirror); // promotion removes it
    }

    void faultySampleRollsBackAtTheFirstJudgedGate()
    {
        for (uint64_t seed : {1, 2, 3}) {
            const RehearsalReport report = sampleRun("traffic-faulty.traffic", seed);
            QCOMPARE(RehearsalReport::outcomeName(report.outcome), "rolledBack");
            std::vector<GateCheck> judged;
            for (const RehearsalStep &step : report.steps) {
                for (const GateCheck &gate : step.gates) {
                    if (gate.verdict != GateCheck::Verdict::None)
                        judged.push_back(gate);
                }
            }
            QVERIFY(!judged.empty());
            QVERIFY(judged.front().requests >= 100);
            QCOMPARE(judged.front().at, report.endedAt); // rolled back at that very window
            QVERIFY(std::any_of(judged.begin(), judged.end(),
                                [](const GateCheck &gate) { return gate.verdict == GateCheck::Verdict::Fail; }));
        }
    }

    void healthySamplePromotes()
    {
        for (uint64_t seed : {1, 2, 3}) {
            const RehearsalReport report = sampleRun("traffic-healthy.traffic", seed);
            QVERIFY2(report.outcome == RehearsalReport::Outcome::Promoted, report.explanation.text().c_str());
        }
    }

    void sameSeedSameReport()
    {
        auto fingerprint = [](const RehearsalReport &report) {
            std::string text = report.explanation.text();
            for (const RehearsalStep &step : report.steps) {
                for (const auto &[key, stats] : step.destinations)
                    text += key + std::to_string(stats.requests) + '/' + std::to_string(stats.errors) + '/'
                        + std::to_string(stats.latencyP99Ms) + ';';
                for (const GateCheck &gate : step.gates)
                    text += std::to_string(gate.observed) + ',';
            }
            return text + std::to_string(report.failedRequests);
        };
        const std::string first = fingerprint(sampleRun("traffic-faulty.traffic", 11));
        QCOMPARE(fingerprint(sampleRun("traffic-faulty.traffic", 11)), first);
        QVERIFY(fingerprint(sampleRun("traffic-faulty.traffic", 12)) != first);
    }

    void planThatDoesNotFitTheMesh()
    {
        RolloutPlan p = plan("    - setWeight: 10\n", {});
        p.virtualServiceName = "ratings";
        RehearsalReport report = Rehearsal(reviewsMesh(), p, usersOnly(10), {}).run();
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "error");
        QCOMPARE(report.error, std::string("no VirtualService default/ratings"));
        p = plan("    - setWeight: 10\n", {});
        p.stable = "v9";
        report = Rehearsal(reviewsMesh(), p, usersOnly(10), {}).run();
        QVERIFY2(report.error.find("has no destination with subset v9") != std::string::npos, report.error.c_str());
    }

    void gatewayApiPlanShiftsBackendWeights()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(testDataPath("rollout/gatewayapi")).mesh;
        RolloutPlan p = plan("    - setWeight: 20\n    - pause: {duration: 60s}\n    - setWeight: 100\n", {});
        p.virtualServiceNs.clear();
        p.virtualServiceName.clear();
        p.httpRouteNs = "bookinfo";
        p.httpRouteName = "reviews";
        p.rule = 0;
        p.stable = "reviews-v1";
        p.canary = "reviews-v3";
        HttpRequest request;
        request.authority = "reviews.bookinfo";
        request.sourceNamespace = "bookinfo";
        const RehearsalReport report = Rehearsal(mesh, p, TrafficMix::single(request, 10), {}).run();
        QVERIFY2(report.error.empty(), report.error.c_str());
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "promoted");
        // The canary backend is added (weight 0), then setWeight writes 80/20 on the rule.
        QCOMPARE(report.steps[0].weights, (std::map<std::string, int>{{"reviews-v1", 80}, {"reviews-v3", 20}}));
        const auto backends = [](const MeshPtr &m) {
            std::vector<std::pair<std::string, int64_t>> out;
            for (const auto &route : m->gatewayApiRoutes) {
                if (route->meta.name == "reviews")
                    for (const RouteBackendRef &ref : route->rules.at(0).backendRefs)
                        out.emplace_back(ref.name, ref.weight);
            }
            return out;
        };
        QCOMPARE(backends(report.steps[0].mesh),
                 (std::vector<std::pair<std::string, int64_t>>{{"reviews-v1", 80}, {"reviews-v3", 20}}));
        // Requests are keyed by backend Service, and all of them reach one of the two.
        const auto &pause = report.steps[1].destinations;
        QCOMPARE(pause.at("reviews-v1").requests + pause.at("reviews-v3").requests, int64_t(600));
        QVERIFY(pause.at("reviews-v3").requests > 60 && pause.at("reviews-v3").requests < 180);
        QCOMPARE(backends(report.finalMesh),
                 (std::vector<std::pair<std::string, int64_t>>{{"reviews-v1", 0}, {"reviews-v3", 100}}));
    }

    void gatewayApiCanaryRollsBack()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(testDataPath("rollout/gatewayapi")).mesh;
        RolloutPlan p = plan("    - setWeight: 50\n    - pause: {duration: 60s}\n",
                             "    interval: 30s\n    minRequests: 10\n    successRate: {min: 0.99}\n");
        p.httpRouteNs = "bookinfo";
        p.httpRouteName = "reviews";
        p.stable = "reviews-v1";
        p.canary = "reviews-v3";
        HttpRequest request;
        request.authority = "reviews.bookinfo";
        request.sourceNamespace = "bookinfo";
        BehaviourProfile broken;
        broken.host = "reviews-v3.bookinfo";
        broken.errorRate = 1;
        const RehearsalReport report = Rehearsal(mesh, p, TrafficMix::single(request, 10), {broken}).run();
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "rolledBack");
        const GateCheck &gate = report.steps[1].gates.at(0);
        // Every canary request fails: the observed success rate is 0 over the window's canary requests.
        QCOMPARE(gate.verdict, GateCheck::Verdict::Fail);
        QCOMPARE(gate.observed, 0.0);
        QCOMPARE(gate.requests, report.steps[1].destinations.at("reviews-v3").requests);
        QCOMPARE(report.steps.back().weights.at("reviews-v3"), 0);
    }

    void gatewayApiPlanRoutesTestersAndMirrors()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(testDataPath("rollout/gatewayapi")).mesh;
        const Result<RolloutPlan> p = RolloutPlanParser::parse(
            readFile(testDataPath("rollout/gatewayapi-plan/header-mirror-plan.yaml")), "header-mirror-plan.yaml");
        QVERIFY2(p, p.error().c_str());
        const auto run = [&](const std::string &traffic, uint64_t seed) {
            const Result<RehearsalTraffic> chosen = RehearsalTraffic::forPlan(*mesh, *p, traffic);
            if (!chosen)
                qFatal("traffic does not parse: %s", chosen.error().c_str());
            RehearsalOptions options;
            options.seed = seed;
            return Rehearsal(mesh, *p, chosen->mix, chosen->profiles, options).run();
        };
        const std::string testers = readFile(testDataPath("rollout/gatewayapi-plan/testers.traffic"));
        const RehearsalReport report = run(testers, 1);
        QVERIFY2(report.error.empty(), report.error.c_str());
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "promoted");
        QCOMPARE(report.steps.size(), size_t(7)); // the six steps, then promote
        // Step 2 (weight 0): only the testers' header class reaches the canary.
        const auto &first = report.steps[1].destinations;
        QCOMPARE(first.at("reviews-v1").requests + first.at("reviews-v3").requests, int64_t(600));
        QVERIFY2(first.at("reviews-v3").requests > 30 && first.at("reviews-v3").requests < 90,
                 std::to_string(first.at("reviews-v3").requests).c_str());
        // Without the header nobody reaches it at weight 0: the header rule took them.
        const RehearsalReport users =
            run("requests_per_second: 10\nclasses:\n  - {name: users, share: 100, host: reviews}\n", 1);
        QCOMPARE(users.steps[1].destinations.count("reviews-v3") ? users.steps[1].destinations.at("reviews-v3").requests
                                                                 : int64_t(0),
                 int64_t(0));
        // Step 5 (weight 20): the testers plus a fifth of the users.
        const auto &second = report.steps[4].destinations;
        const int64_t canary = second.at("reviews-v3").requests;
        QVERIFY2(canary > 60 + 60 && canary < 60 + 160, std::to_string(canary).c_str());
        // The mirror (50 % of rule 0, from step 3) shadows the users' requests
        // of the second pause only: the testers' rule came first and has none.
        QVERIFY2(report.mirroredToCanary > 200 && report.mirroredToCanary < 340,
                 std::to_string(report.mirroredToCanary).c_str());
        // What each step writes is an ordinary edit of the HTTPRoute.
        const auto rules = [](const MeshPtr &m) {
            for (const auto &route : m->gatewayApiRoutes) {
                if (route->meta.name == "reviews")
                    return route->rules;
            }
            return std::vector<RouteRule>{};
        };
        QCOMPARE(rules(report.steps[0].mesh).size(), size_t(2));
        QCOMPARE(rules(report.steps[0].mesh)[0].name, std::string("testers"));
        QCOMPARE(rules(report.steps[2].mesh)[1].filters.at(0).type, std::string("RequestMirror"));
        QCOMPARE(report.steps[3].weights, (std::map<std::string, int>{{"reviews-v1", 80}, {"reviews-v3", 20}}));
        // Promotion removes the header rule and the mirror.
        QCOMPARE(rules(report.finalMesh).size(), size_t(1));
        QVERIFY(rules(report.finalMesh)[0].filters.empty());
        // Deterministic per seed.
        const RehearsalReport again = run(testers, 1);
        QCOMPARE(again.mirroredToCanary, report.mirroredToCanary);
        QCOMPARE(again.steps[1].destinations.at("reviews-v3").requests, first.at("reviews-v3").requests);
        QCOMPARE(again.steps[4].destinations.at("reviews-v3").requests, canary);
        const RehearsalReport other = run(testers, 7);
        QVERIFY(other.mirroredToCanary != report.mirroredToCanary
                || other.steps[4].destinations.at("reviews-v3").requests != canary);
        // A stable Service that is not on the rule is still refused with the reason.
        RolloutPlan wrong = *p;
        wrong.stable = "reviews-v9";
        QVERIFY(Rehearsal(mesh, wrong, usersOnly(1), {}).run().error.find("no backendRef to Service reviews-v9")
                != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestRehearsal)
#include "tst_rehearsal.moc"
