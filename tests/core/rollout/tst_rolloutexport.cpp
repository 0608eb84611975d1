// SPDX-License-Identifier: MIT
// Writing plans as Argo Rollouts and Flagger Canaries: what comes out loads
// back into the same plan (plan -> Argo -> plan, Argo -> plan -> Argo -> plan,
// the same for Flagger where Flagger can say it), the samples' Rollout and
// Canary give plan.yaml's steps, and what a format cannot say is listed.

#include "support/routingtestsupport.h"

#include "rollout/argorolloutexport.h"
#include "rollout/argorolloutimport.h"
#include "rollout/flaggercanaryexport.h"
#include "rollout/flaggercanaryimport.h"
#include "rollout/rolloutplanloader.h"
#include "rollout/rolloutplanparser.h"
#include "rollout/rolloutplanwriter.h"

#include <QTest>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

std::string readFile(const std::string &path)
{
    std::ifstream stream(path);
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

RolloutPlan parsed(const std::string &text)
{
    const Result<RolloutPlan> plan = RolloutPlanParser::parse(text, "plan.yaml");
    if (!plan)
        qFatal("bad test plan: %s", plan.error().c_str());
    return *plan;
}

RolloutPlan plan(const std::string &steps, const std::string &analysis)
{
    return parsed("apiVersion: meshlane.io/v1alpha1\nkind: RolloutPlan\nmetadata: {name: t, namespace: default}\n"
                  "spec:\n  route: {virtualService: default/reviews, http: primary}\n  stable: v1\n  canary: v3\n"
                  "  steps:\n"
                  + steps + (analysis.empty() ? std::string() : "  analysis:\n" + analysis));
}

RolloutPlan samplePlan() { return parsed(readFile(samplePath("rollout-reviews/plan.yaml"))); }

RolloutExportTarget target(const RolloutPlan &plan)
{
    return RolloutExportTarget::fromMesh(*sampleMesh("rollout-reviews"), plan);
}

// Plans compare as the RolloutPlan text they write (lines of the source left out).
std::string text(const RolloutPlan &plan) { return RolloutPlanWriter::write(plan); }

RolloutPlan viaArgo(const RolloutPlan &plan)
{
    const std::string yaml = ArgoRolloutExport::write(plan, target(plan));
    const Result<RolloutImport> back = ArgoRolloutImport::read(yaml, "argo.yaml");
    if (!back)
        qFatal("%s\n%s", back.error().c_str(), yaml.c_str());
    return back->plan;
}

RolloutPlan viaFlagger(const RolloutPlan &plan, std::vector<std::string> *notes = nullptr)
{
    const std::string yaml = FlaggerCanaryExport::write(plan, target(plan), notes);
    const Result<RolloutImport> back = FlaggerCanaryImport::read(yaml, "canary.yaml");
    if (!back)
        qFatal("%s\n%s", back.error().c_str(), yaml.c_str());
    return back->plan;
}

const char *kGates = "    interval: 30s\n    failureLimit: 2\n    minRequests: 25\n    successRate: {min: 0.995}\n"
                     "    latencyP99: {maxMs: 250}\n";

} // namespace

class TestRolloutExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planThroughArgoIsTheSamePlan_data()
    {
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QString>("analysis");
        QTest::newRow("sample") << ""
                                << "";
        QTest::newRow("every step kind")
            << "    - setHeaderRoute: {name: testers, match: [{headerName: x-tester, headerValue: {regex: \"y.*\"}}]}\n"
               "    - setMirror: {percent: 20}\n    - pause: {duration: 90s}\n    - setMirror: {percent: 0}\n"
               "    - setWeight: 25\n    - pause: {}\n    - setHeaderRoute: {name: testers}\n    - setWeight: 100\n"
            << kGates;
        QTest::newRow("no gates") << "    - setWeight: 50\n    - pause: {duration: 1h}\n"
                                  << "";
        QTest::newRow("success rate only")
            << "    - setWeight: 5\n    - pause: {duration: 2m}\n"
            << "    interval: 1m\n    failureLimit: 0\n    minRequests: 0\n    successRate: {min: 0.9}\n";
    }

    void planThroughArgoIsTheSamePlan()
    {
        QFETCH(QString, steps);
        QFETCH(QString, analysis);
        const RolloutPlan original = steps.isEmpty() ? samplePlan() : plan(steps.toStdString(), analysis.toStdString());
        QCOMPARE(text(viaArgo(original)), text(original));
    }

    void argoThroughPlanIsTheSameArgo()
    {
        // A hand-written Rollout -> plan -> Rollout -> plan: the second plan is the first.
        const std::string path = meshlane::test::testDataPath("rollout/argo-full.yaml");
        const Result<RolloutImport> first = ArgoRolloutImport::read(readFile(path), "argo-full.yaml");
        QVERIFY(first);
        QCOMPARE(text(viaArgo(first->plan)), text(first->plan));
    }

    void planThroughFlaggerIsTheSamePlan_data()
    {
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QString>("analysis");
        QTest::newRow("progressive")
            << "    - setWeight: 10\n    - pause: {duration: 5m}\n    - setWeight: 30\n    - pause: {duration: 5m}\n"
               "    - setWeight: 100\n"
            << kGates;
        QTest::newRow("mirror, then progressive")
            << "    - setMirror: {percent: 50}\n    - pause: {duration: 2m}\n    - setMirror: {percent: 0}\n"
               "    - setWeight: 20\n    - pause: {duration: 2m}\n    - setWeight: 100\n"
            << kGates;
        QTest::newRow("A/B testing")
            << "    - setHeaderRoute: {name: t-ab, match: [{headerName: x-canary, headerValue: {exact: insider}}]}\n"
               "    - pause: {duration: 10m}\n    - setWeight: 100\n"
            << kGates;
        QTest::newRow("Blue/Green mirrored")
            << "    - setMirror: {percent: 100}\n    - pause: {duration: 2m}\n    - setMirror: {percent: 0}\n"
               "    - setWeight: 100\n"
            << kGates;
    }

    void planThroughFlaggerIsTheSamePlan()
    {
        QFETCH(QString, steps);
        QFETCH(QString, analysis);
        const RolloutPlan original = plan(steps.toStdString(), analysis.toStdString());
        std::vector<std::string> notes;
        QCOMPARE(text(viaFlagger(original, &notes)), text(original));
        QVERIFY(notes.empty());
    }

    void flaggerThroughPlanIsTheSameFlagger()
    {
        const std::string path = meshlane::test::testDataPath("rollout/flagger-podinfo.yaml");
        const Result<RolloutImport> first = FlaggerCanaryImport::read(readFile(path), "podinfo.yaml");
        QVERIFY(first);
        QCOMPARE(text(viaFlagger(first->plan)), text(first->plan));
    }

    void whatFlaggerCannotSayIsListed()
    {
        std::vector<std::string> notes;
        const RolloutPlan original = samplePlan();
        const RolloutPlan back = viaFlagger(original, &notes);
        QCOMPARE(notes.size(), size_t(2));
        QVERIFY(notes[0].find("step 1 (setHeaderRoute testers)") != std::string::npos);
        QVERIFY(notes[1].find("step 2 (pause 120s)") != std::string::npos);
        // Everything else is the sample's plan.
        RolloutPlan expected = original;
        expected.steps.erase(expected.steps.begin(), expected.steps.begin() + 2);
        QCOMPARE(text(back), text(expected));
    }

    void unevenPausesAndManualPausesAreListed()
    {
        std::vector<std::string> notes;
        viaFlagger(plan("    - setWeight: 10\n    - pause: {duration: 1m}\n    - setWeight: 20\n"
                        "    - pause: {duration: 3m}\n    - pause: {}\n",
                        ""),
                   &notes);
        QCOMPARE(notes.size(), size_t(2));
        QVERIFY(notes[0].find("no pause until promoted") != std::string::npos);
        QVERIFY(notes[1].find("pauses of different lengths") != std::string::npos);
    }

    void argoNotes()
    {
        std::vector<std::string> notes;
        RolloutPlan indexed = plan("    - setHeaderRoute: {name: a, match: [{headerName: x, headerValue: {exact: "
                                   "\"1\"}}, {headerName: y, headerValue: {exact: \"2\"}}]}\n",
                                   "");
        indexed.http = "1"; // route 1 of the sample has a name; route 0 has none
        RolloutExportTarget unnamed = target(indexed);
        unnamed.httpRouteName.clear();
        ArgoRolloutExport::write(indexed, unnamed, &notes);
        QCOMPARE(notes.size(), size_t(2));
        QVERIFY(notes[0].find("give the route a name") != std::string::npos);
        QVERIFY(notes[1].find("ANY of the 2 header conditions") != std::string::npos);
    }

    void targetComesFromTheMesh()
    {
        const RolloutExportTarget found = target(samplePlan());
        QCOMPARE(found.workload, std::string("reviews-v1"));
        QCOMPARE(found.destinationRule, std::string("reviews"));
        QCOMPARE(found.service, std::string("reviews"));
        QCOMPARE(found.port, uint32_t(9080));
        QCOMPARE(found.httpRouteName, std::string("primary"));
        QCOMPARE(found.selector, (Labels{{"app", "reviews"}}));
    }

    void samplesAreThePlan()
    {
        const RolloutPlan expected = samplePlan();
        const Result<RolloutImport> argo =
            RolloutPlanLoader::load(readFile(samplePath("rollout-reviews/argo-rollout.yaml")), "argo-rollout.yaml");
        QVERIFY2(argo, argo.error().c_str());
        QCOMPARE(text(argo->plan), text(expected));
        const Result<RolloutImport> flagger = RolloutPlanLoader::load(
            readFile(samplePath("rollout-reviews/flagger-canary.yaml")), "flagger-canary.yaml");
        QVERIFY2(flagger, flagger.error().c_str());
        // Flagger cannot run the testers' header stage before the weights (steps 1 and 2).
        RolloutPlan withoutHeaderStage = expected;
        withoutHeaderStage.steps.erase(withoutHeaderStage.steps.begin(), withoutHeaderStage.steps.begin() + 2);
        QCOMPARE(text(flagger->plan), text(withoutHeaderStage));
    }

    void exportedResourcesHaveWhatTheirCrdsRequire()
    {
        const RolloutPlan original = samplePlan();
        const std::vector<YAML::Node> argo = YAML::LoadAll(ArgoRolloutExport::write(original, target(original)));
        QCOMPARE(argo.size(), size_t(2));
        QCOMPARE(argo[0]["kind"].Scalar(), std::string("Rollout"));
        QVERIFY(argo[0]["spec"]["selector"]["matchLabels"].IsMap());
        QCOMPARE(argo[0]["spec"]["workloadRef"]["name"].Scalar(), std::string("reviews-v1"));
        QCOMPARE(argo[1]["kind"].Scalar(), std::string("AnalysisTemplate"));
        QCOMPARE(argo[1]["spec"]["metrics"].size(), size_t(2));
        const YAML::Node canary = YAML::Load(FlaggerCanaryExport::write(original, target(original)));
        QCOMPARE(canary["spec"]["targetRef"]["name"].Scalar(), std::string("reviews-v1"));
        QCOMPARE(canary["spec"]["service"]["port"].as<int>(), 9080);
        QCOMPARE(canary["spec"]["analysis"]["threshold"].as<int>(), 1);
    }

    void gatewayApiPlanThroughBothFormats()
    {
        RolloutPlan original =
            plan("    - setWeight: 20\n    - pause: {duration: 2m}\n    - setWeight: 60\n    - pause: {duration: "
                 "2m}\n    - setWeight: 100\n",
                 kGates);
        original.virtualServiceNs.clear();
        original.virtualServiceName.clear();
        original.http = "0";
        original.httpRouteNs = "bookinfo";
        original.httpRouteName = "reviews";
        original.rule = 1; // carried by the meshlane.io/rule annotation
        original.stable = "reviews-v1";
        original.canary = "reviews-v3";
        std::vector<std::string> notes;
        const std::string argo = ArgoRolloutExport::write(original, RolloutExportTarget::defaults(original), &notes);
        QVERIFY(argo.find("argoproj-labs/gatewayAPI:\n            httpRoute: reviews\n            namespace: bookinfo")
                != std::string::npos);
        QVERIFY(argo.find("canaryService: reviews-v3") != std::string::npos);
        // The plugin shifts every rule that sends to both Services (and failureLimit counts per metric).
        QCOMPARE(notes.size(), size_t(2));
        QVERIFY(notes[0].find("shifts every rule that sends to both Services") != std::string::npos);
        const Result<RolloutImport> fromArgo = ArgoRolloutImport::read(argo, "argo.yaml");
        QVERIFY2(fromArgo, fromArgo.error().c_str());
        QCOMPARE(text(fromArgo->plan), text(original));
        const std::string canary = FlaggerCanaryExport::write(original, RolloutExportTarget::defaults(original));
        QVERIFY(canary.find("provider: gatewayapi:v1") != std::string::npos);
        const Result<RolloutImport> fromFlagger = FlaggerCanaryImport::read(canary, "canary.yaml");
        QVERIFY2(fromFlagger, fromFlagger.error().c_str());
        QCOMPARE(text(fromFlagger->plan), text(original));
    }

    void gatewayApiHeaderAndMirrorStepsThroughArgo()
    {
        // Argo's Gateway API plugin takes setHeaderRoute (with `httpRoute:` it
        // writes header rules) and the managedRoutes; its setMirrorRoute is a
        // no-op, which both directions say.
        const RolloutPlan original =
            parsed(readFile(meshlane::test::testDataPath("rollout/gatewayapi-plan/header-mirror-plan.yaml")));
        std::vector<std::string> notes;
        const std::string argo = ArgoRolloutExport::write(original, RolloutExportTarget::defaults(original), &notes);
        QVERIFY(argo.find("managedRoutes:\n        - name: testers\n") != std::string::npos);
        QVERIFY(argo.find("argoproj-labs/gatewayAPI:\n            httpRoute: reviews\n") != std::string::npos);
        QVERIFY(argo.find("- setHeaderRoute:\n          name: testers\n") != std::string::npos);
        QVERIFY(argo.find("setMirrorRoute:") != std::string::npos);
        QCOMPARE(std::count_if(notes.begin(), notes.end(),
                               [](const std::string &note) {
                                   return note.find("Gateway API plugin ignores setMirrorRoute") != std::string::npos;
                               }),
                 std::ptrdiff_t(1));
        const Result<RolloutImport> back = ArgoRolloutImport::read(argo, "argo.yaml");
        QVERIFY2(back, back.error().c_str());
        QCOMPARE(text(back->plan), text(original));
        QVERIFY(std::any_of(back->notes.begin(), back->notes.end(), [](const RolloutImport::Note &note) {
            return note.reason.find("setMirror 50%: Argo's Gateway API plugin ignores setMirrorRoute") == 0;
        }));
        // A VirtualService plan's mirror gets no such note.
        notes.clear();
        const RolloutPlan mirrored = plan("    - setMirror: {percent: 20}\n", {});
        QVERIFY(ArgoRolloutExport::write(mirrored, target(mirrored), &notes).find("setMirrorRoute:")
                != std::string::npos);
        for (const std::string &note : notes)
            QVERIFY2(note.find("setMirrorRoute") == std::string::npos, note.c_str());
    }

    void writerRoundTrip()
    {
        // The RolloutPlan writer (how an import is saved) reads back into the same plan.
        const RolloutPlan original = plan("    - setMirror: {percent: 12.5}\n    - pause: {duration: 45s}\n", kGates);
        QCOMPARE(text(parsed(text(original))), text(original));
        QCOMPARE(RolloutPlanWriter::durationText(90), std::string("90s"));
        QCOMPARE(RolloutPlanWriter::durationText(120), std::string("2m"));
        QCOMPARE(RolloutPlanWriter::durationText(7200), std::string("2h"));
        QCOMPARE(RolloutPlanWriter::durationText(1.5), std::string("1.5s"));
    }
};

QTEST_GUILESS_MAIN(TestRolloutExport)
#include "tst_rolloutexport.moc"
