// SPDX-License-Identifier: MIT
// Reading a Flagger Canary into a plan: the scheduler's phases unrolled into
// steps (stepWeight up to maxWeight, stepWeights, mirror first, A/B testing,
// Blue/Green), threshold as failed checks that roll back, the built-in
// metrics as gates, and every field the plan does not carry listed.

#include "support/testdata.h"

#include "rollout/flaggercanaryimport.h"

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

std::vector<std::string> steps(const RolloutPlan &plan)
{
    std::vector<std::string> described;
    for (const RolloutStep &step : plan.steps)
        described.push_back(step.describe());
    return described;
}

Result<RolloutImport> canary(const std::string &analysis)
{
    const std::string text = "apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: {name: podinfo, namespace: "
                             "test}\nspec:\n  targetRef: {name: podinfo}\n  service: {port: 9898}\n  analysis:\n"
        + analysis;
    return FlaggerCanaryImport::read(text, "canary.yaml");
}

bool listed(const RolloutImport &imported, const std::string &field, int line)
{
    return std::any_of(imported.notes.begin(), imported.notes.end(), [&](const RolloutImport::Note &note) {
        return note.field == field && note.line == line && !note.reason.empty();
    });
}

} // namespace

class TestFlaggerCanaryImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepWeightUpToMaxWeight()
    {
        const Result<RolloutImport> imported =
            FlaggerCanaryImport::read(readData("flagger-podinfo.yaml"), "podinfo.yaml");
        QVERIFY2(imported, imported.error().c_str());
        const RolloutPlan &plan = imported->plan;
        // 10 % more each minute while below maxWeight 50, judged at the end of
        // each interval, then promotion.
        const std::vector<std::string> expected{"setWeight 10", "pause 60s", "setWeight 20", "pause 60s",
                                                "setWeight 30", "pause 60s", "setWeight 40", "pause 60s",
                                                "setWeight 50", "pause 60s", "setWeight 100"};
        QCOMPARE(steps(plan), expected);
        QCOMPARE(plan.virtualServiceNs, std::string("test"));
        QCOMPARE(plan.virtualServiceName, std::string("podinfo"));
        QCOMPARE(plan.http, std::string("0"));
        QCOMPARE(plan.stable, std::string("primary"));
        QCOMPARE(plan.canary, std::string("canary"));
        QVERIFY(plan.analysis);
        QCOMPARE(plan.analysis->failureLimit, 4); // threshold 5: the fifth failed check rolls back
        QCOMPARE(*plan.analysis->successRateMin, 0.99);
        QCOMPARE(*plan.analysis->latencyP99MaxMs, 500.0);
        QCOMPARE(plan.analysis->intervalSeconds, 60.0); // the first metric's window
    }

    void unsupportedFieldsAreListed()
    {
        const Result<RolloutImport> imported =
            FlaggerCanaryImport::read(readData("flagger-podinfo.yaml"), "podinfo.yaml");
        QVERIFY2(imported, imported.error().c_str());
        QVERIFY(listed(*imported, "spec.autoscalerRef", 13));
        QVERIFY(listed(*imported, "spec.progressDeadlineSeconds", 17));
        QVERIFY(listed(*imported, "spec.service.gateways", 21));
        QVERIFY(listed(*imported, "spec.service.hosts", 23));
        QVERIFY(listed(*imported, "spec.analysis.metrics[1].interval", 35)); // a second window
        QVERIFY(listed(*imported, "spec.analysis.metrics[2].templateRef", 40)); // a custom metric template
        QVERIFY(listed(*imported, "spec.analysis.webhooks", 44));
        QVERIFY(listed(*imported, "metadata.annotations", 3)); // the subsets' names are a guess without them
    }

    void stepWeightOvershootsMaxWeight()
    {
        // Flagger adds stepWeight while below maxWeight: 20, 40, 60 for a max of 50.
        const Result<RolloutImport> imported = canary("    stepWeight: 20\n    maxWeight: 50\n    interval: 30s\n");
        QVERIFY2(imported, imported.error().c_str());
        const std::vector<std::string> expected{"setWeight 20", "pause 30s", "setWeight 40", "pause 30s",
                                                "setWeight 60", "pause 30s", "setWeight 100"};
        QCOMPARE(steps(imported->plan), expected);
        QVERIFY(!imported->plan.analysis); // no metrics: no gates
    }

    void stepWeightsAndMirrorFirst()
    {
        const Result<RolloutImport> imported =
            canary("    interval: 2m\n    stepWeights: [5, 25, 100]\n    mirror: true\n    mirrorWeight: 40\n"
                   "    threshold: 2\n    metrics:\n    - name: request-success-rate\n      thresholdRange: {min: "
                   "95.5}\n");
        QVERIFY2(imported, imported.error().c_str());
        const std::vector<std::string> expected{"setMirror 40%", "pause 120s",    "setMirror 0%",
                                                "setWeight 5",   "pause 120s",    "setWeight 25",
                                                "pause 120s",    "setWeight 100", "pause 120s"};
        QCOMPARE(steps(imported->plan), expected);
        QCOMPARE(imported->plan.analysis->failureLimit, 1);
        QCOMPARE(*imported->plan.analysis->successRateMin, 0.955);
        QCOMPARE(imported->plan.analysis->intervalSeconds, 60.0); // Flagger's default metric interval
    }

    void abTesting()
    {
        const Result<RolloutImport> imported =
            canary("    interval: 1m\n    iterations: 10\n    match:\n    - headers:\n        X-Canary: {exact: "
                   "insider}\n        cookie: {regex: \"^(.*?;)?(canary=always)(;.*)?$\"}\n    - sourceLabels: {app: "
                   "x}\n");
        QVERIFY2(imported, imported.error().c_str());
        const std::vector<std::string> expected{"setHeaderRoute podinfo-ab", "pause 600s", "setWeight 100"};
        QCOMPARE(steps(imported->plan), expected);
        const RolloutStep &route = imported->plan.steps[0];
        QCOMPARE(route.match.size(), size_t(2));
        QCOMPARE(route.match[0].name, std::string("x-canary"));
        QCOMPARE(route.match[1].kind, StringMatch::Kind::Regex);
        QVERIFY(listed(*imported, "spec.analysis.match[1..]", 14)); // a second match block is ORed in Flagger
    }

    void blueGreenWithMirror()
    {
        const Result<RolloutImport> imported = canary("    interval: 30s\n    iterations: 4\n    mirror: true\n");
        QVERIFY2(imported, imported.error().c_str());
        const std::vector<std::string> expected{"setMirror 100%", "pause 120s", "setMirror 0%", "setWeight 100"};
        QCOMPARE(steps(imported->plan), expected);
    }

    void annotationsNameTheMeshRoute()
    {
        const std::string text =
            "apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata:\n  name: r\n  annotations:\n"
            "    meshlane.io/virtual-service: shop/reviews\n    meshlane.io/http-route: primary\n"
            "    meshlane.io/stable: v1\n    meshlane.io/canary: v3\n    meshlane.io/min-requests: \"40\"\n"
            "spec:\n  targetRef: {name: reviews}\n  analysis:\n    stepWeight: 50\n    metrics:\n"
            "    - {name: request-duration, thresholdRange: {max: 300}}\n";
        const Result<RolloutImport> imported = FlaggerCanaryImport::read(text, "c.yaml");
        QVERIFY2(imported, imported.error().c_str());
        QCOMPARE(imported->plan.virtualServiceNs, std::string("shop"));
        QCOMPARE(imported->plan.virtualServiceName, std::string("reviews"));
        QCOMPARE(imported->plan.http, std::string("primary"));
        QCOMPARE(imported->plan.stable, std::string("v1"));
        QCOMPARE(imported->plan.canary, std::string("v3"));
        QCOMPARE(imported->plan.analysis->minRequests, int64_t(40));
        QCOMPARE(imported->plan.analysis->failureLimit, 0); // default threshold 1
        QVERIFY(!listed(*imported, "metadata.annotations", 3));
    }

    void canariesThatCannotBePlans_data()
    {
        QTest::addColumn<QString>("analysis");
        QTest::addColumn<QString>("error");
        QTest::newRow("no phase") << "    interval: 1m\n"
                                  << "needs stepWeight, stepWeights or iterations";
        QTest::newRow("bad weight") << "    stepWeight: 150\n"
                                    << "stepWeight must be a whole number from 0 to 100";
        QTest::newRow("bad interval") << "    interval: soon\n    stepWeight: 5\n"
                                      << "canary.yaml:8: spec.analysis.interval";
    }

    void canariesThatCannotBePlans()
    {
        QFETCH(QString, analysis);
        QFETCH(QString, error);
        const Result<RolloutImport> imported = canary(analysis.toStdString());
        QVERIFY(!imported);
        QVERIFY2(imported.error().find(error.toStdString()) != std::string::npos, imported.error().c_str());
    }

    void gatewayApiProviderIsAnHttpRoutePlan()
    {
        // Flagger's own names: HTTPRoute <service>, backends <service>-primary and <service>-canary.
        const Result<RolloutImport> imported = FlaggerCanaryImport::read(
            "apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: {name: podinfo, namespace: test}\nspec:\n"
            "  provider: gatewayapi:v1\n  targetRef: {name: podinfo}\n  service: {port: 9898}\n"
            "  analysis: {stepWeight: 50}\n",
            "c.yaml");
        QVERIFY2(imported, imported.error().c_str());
        QVERIFY(imported->plan.onHttpRoute());
        QCOMPARE(imported->plan.httpRouteNs, std::string("test"));
        QCOMPARE(imported->plan.httpRouteName, std::string("podinfo"));
        QCOMPARE(imported->plan.rule, size_t(0));
        QCOMPARE(imported->plan.stable, std::string("podinfo-primary"));
        QCOMPARE(imported->plan.canary, std::string("podinfo-canary"));
        QVERIFY(!listed(*imported, "metadata.annotations", 3)); // nothing guessed
    }

    void otherProvidersAreRefused()
    {
        const Result<RolloutImport> imported = FlaggerCanaryImport::read(
            "apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: {name: p}\nspec:\n  provider: linkerd\n"
            "  targetRef: {name: p}\n  analysis: {stepWeight: 10}\n",
            "c.yaml");
        QVERIFY(!imported);
        QVERIFY2(imported.error().find("linkerd is not supported") != std::string::npos, imported.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestFlaggerCanaryImport)
#include "tst_flaggercanaryimport.moc"
