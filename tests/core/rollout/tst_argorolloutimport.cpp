// SPDX-License-Identifier: MIT
// Reading an Argo Rollout into a plan: steps one for one, the Istio route and
// subsets, thresholds from AnalysisTemplates, every field the plan does not
// carry listed with its line, and the Rollouts that cannot be a plan.

#include "support/testdata.h"

#include "rollout/argorolloutimport.h"
#include "rollout/rolloutplanloader.h"

#include <QTest>

#include <fstream>
#include <sstream>

using namespace meshlane;
using namespace meshlane::test;

namespace {

std::string readData(const std::string &file)
{
    std::ifstream stream(testDataPath("rollout/" + file));
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

const RolloutImport::Note *noteOn(const RolloutImport &imported, const std::string &field)
{
    for (const RolloutImport::Note &note : imported.notes) {
        if (note.field == field)
            return &note;
    }
    return nullptr;
}

std::string minimal(const std::string &canary)
{
    return "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n" + canary;
}

} // namespace

class TestArgoRolloutImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsRouteAndSubsets()
    {
        const Result<RolloutImport> imported = ArgoRolloutImport::read(readData("argo-full.yaml"), "argo-full.yaml");
        QVERIFY2(imported, imported.error().c_str());
        const RolloutPlan &plan = imported->plan;
        QCOMPARE(plan.name, std::string("reviews"));
        QCOMPARE(plan.ns, std::string("shop"));
        QCOMPARE(plan.virtualServiceNs, std::string("shop"));
        QCOMPARE(plan.virtualServiceName, std::string("reviews-vs"));
        QCOMPARE(plan.http, std::string("primary"));
        QCOMPARE(plan.stable, std::string("stable"));
        QCOMPARE(plan.canary, std::string("canary"));
        std::vector<std::string> steps;
        for (const RolloutStep &step : plan.steps)
            steps.push_back(step.describe());
        // setCanaryScale and the inline analysis step are dropped (and listed).
        const std::vector<std::string> expected{
            "setHeaderRoute testers", "setMirror 35%", "setWeight 20", "pause 90s",
            "setMirror 0%",           "setWeight 50",  "pause 3600s",  "pause until promoted"};
        QCOMPARE(steps, expected);
        const RolloutStep &header = plan.steps[0];
        QCOMPARE(header.match.size(), size_t(2));
        QCOMPARE(header.match[0].name, std::string("x-tester")); // header names are case-insensitive
        QCOMPARE(header.match[1].kind, StringMatch::Kind::Prefix);
        QCOMPARE(header.match[1].value, std::string("on"));
        QCOMPARE(header.line, 50);
    }

    void analysisFromPlainThresholds()
    {
        const Result<RolloutImport> imported = ArgoRolloutImport::read(readData("argo-full.yaml"), "argo-full.yaml");
        QVERIFY(imported && imported->plan.analysis);
        const RolloutAnalysis &analysis = *imported->plan.analysis;
        QCOMPARE(*analysis.successRateMin, 0.95);
        QCOMPARE(*analysis.latencyP99MaxMs, 800.0);
        QCOMPARE(analysis.intervalSeconds, 120.0);
        QCOMPARE(analysis.failureLimit, 2); // per metric in Argo: the smaller one
        QCOMPARE(analysis.minRequests, int64_t(0));
    }

    void everyUnsupportedFieldIsListed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("line");
        QTest::newRow("labels") << "metadata.labels" << 9;
        QTest::newRow("replicas") << "spec.replicas" << 12;
        QTest::newRow("template") << "spec.template" << 17;
        QTest::newRow("maxSurge") << "spec.strategy.canary.maxSurge" << 27;
        QTest::newRow("canaryService") << "spec.strategy.canary.canaryService" << 28;
        QTest::newRow("second route") << "spec.strategy.canary.trafficRouting.istio.virtualService.routes[1..]" << 39;
        QTest::newRow("missing template") << "spec.strategy.canary.analysis.templates[1].templateName" << 47;
        QTest::newRow("startingStep") << "spec.strategy.canary.analysis.startingStep" << 48;
        QTest::newRow("OR of matches") << "spec.strategy.canary.steps[0].setHeaderRoute.match" << 53;
        QTest::newRow("mirror match") << "spec.strategy.canary.steps[1].setMirrorRoute.match" << 63;
        QTest::newRow("setCanaryScale") << "spec.strategy.canary.steps[2].setCanaryScale" << 65;
        QTest::newRow("analysis step") << "spec.strategy.canary.steps[8].analysis" << 73;
        QTest::newRow("strict >") << "AnalysisTemplate success-rate.spec.metrics[0].successCondition" << 89;
        QTest::newRow("query") << "AnalysisTemplate success-rate.spec.metrics[0].provider" << 90;
        QTest::newRow("not a threshold gate") << "AnalysisTemplate success-rate.spec.metrics[2]" << 101;
        QTest::newRow("other document") << "document 3" << 107;
    }

    void everyUnsupportedFieldIsListed()
    {
        QFETCH(QString, field);
        QFETCH(int, line);
        const Result<RolloutImport> imported = ArgoRolloutImport::read(readData("argo-full.yaml"), "argo-full.yaml");
        QVERIFY2(imported, imported.error().c_str());
        const RolloutImport::Note *note = noteOn(*imported, field.toStdString());
        QVERIFY2(note, qPrintable(field));
        QCOMPARE(note->line, line);
        QVERIFY(!note->reason.empty());
    }

    void notesNameTheFile()
    {
        const Result<RolloutImport> imported = ArgoRolloutImport::read(readData("argo-full.yaml"), "argo-full.yaml");
        QVERIFY2(imported, imported.error().c_str());
        const std::vector<std::string> lines = imported->noteLines();
        QVERIFY(!lines.empty());
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const std::string &line) {
            return line.rfind("argo-full.yaml:12: spec.replicas: ", 0) == 0;
        }));
    }

    void loaderDetectsTheKind()
    {
        const Result<RolloutImport> imported = RolloutPlanLoader::load(readData("argo-full.yaml"), "argo-full.yaml");
        QVERIFY2(imported, imported.error().c_str());
        QCOMPARE(imported->format, std::string("Argo Rollout"));
    }

    void gatewayApiPluginIsAnHttpRoutePlan()
    {
        const std::string text =
            minimal("    canary:\n      canaryService: checkout-v2\n      stableService: checkout-v1\n"
                    "      trafficRouting:\n        plugins:\n          argoproj-labs/gatewayAPI:\n"
                    "            httpRoute: checkout\n            namespace: shop\n      steps: [{setWeight: 10}]\n");
        const Result<RolloutImport> imported = ArgoRolloutImport::read(text, "r.yaml");
        QVERIFY2(imported, imported.error().c_str());
        QVERIFY(imported->plan.onHttpRoute());
        QCOMPARE(imported->plan.httpRouteNs, std::string("shop"));
        QCOMPARE(imported->plan.httpRouteName, std::string("checkout"));
        QCOMPARE(imported->plan.stable, std::string("checkout-v1"));
        QCOMPARE(imported->plan.canary, std::string("checkout-v2"));
        QVERIFY(imported->notes.empty());
    }

    void rolloutsThatCannotBePlans_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("blueGreen") << QString::fromStdString(minimal("    blueGreen: {activeService: a}\n"))
                                   << "r.yaml:6: spec.strategy.blueGreen cannot be a plan";
        QTest::newRow("no traffic routing")
            << QString::fromStdString(minimal("    canary:\n      steps: [{setWeight: 10}]\n"))
            << "trafficRouting.istio is required";
        QTest::newRow("other router") << QString::fromStdString(
            minimal("    canary:\n      trafficRouting: {nginx: {stableIngress: x}}\n      steps: [{setWeight: 10}]\n"))
                                      << "istio is required";
        QTest::newRow("host-level splitting") << QString::fromStdString(minimal(
            "    canary:\n      trafficRouting: {istio: {virtualService: {name: vs}}}\n      steps: [{setWeight: "
            "10}]\n")) << "host-level splitting";
        QTest::newRow("bad weight") << QString::fromStdString(minimal(
            "    canary:\n      trafficRouting: {istio: {virtualService: {name: vs}, destinationRule: {name: d, "
            "canarySubsetName: c, stableSubsetName: s}}}\n      steps: [{setWeight: 120}]\n"))
                                    << "r.yaml:8: spec.strategy.canary.steps[0].setWeight must be a whole number";
        // Found by fuzz_rolloutplan: imported, then refused when written back as a RolloutPlan.
        QTest::newRow("one subset both sides") << QString::fromStdString(minimal(
            "    canary:\n      trafficRouting: {istio: {virtualService: {name: vs}, destinationRule: {name: d, "
            "canarySubsetName: v1, stableSubsetName: v1}}}\n      steps: [{setWeight: 10}]\n"))
                                               << "canarySubsetName must differ from stableSubsetName";
        // Found by fuzz_rolloutplan's 30-minute run: a route that is not a name became "", which the plan refuses.
        QTest::newRow("route that is no name") << QString::fromStdString(minimal(
            "    canary:\n      trafficRouting: {istio: {virtualService: {name: vs, routes: [{a: b}]}, destinationRule: "
            "{name: d, canarySubsetName: c, stableSubsetName: s}}}\n      steps: [{setWeight: 10}]\n"))
                                               << "r.yaml:7: spec.strategy.canary.trafficRouting.istio.virtualService"
                                                  ".routes[0] must name an http route";
        QTest::newRow("no rollout") << "apiVersion: v1\nkind: ConfigMap\n"
                                    << "no argoproj.io Rollout";
    }

    void rolloutsThatCannotBePlans()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const Result<RolloutImport> imported = ArgoRolloutImport::read(text.toStdString(), "r.yaml");
        QVERIFY(!imported);
        QVERIFY2(imported.error().find(error.toStdString()) != std::string::npos, imported.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestArgoRolloutImport)
#include "tst_argorolloutimport.moc"
