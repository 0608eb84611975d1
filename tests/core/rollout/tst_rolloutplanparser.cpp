// SPDX-License-Identifier: MIT
// The RolloutPlan file: the issue's example read field by field, durations,
// and errors that name the file and line (unknown keys, bad values).

#include "rollout/rolloutplanparser.h"
#include "rollout/rolloutplanwriter.h"

#include <QTest>

using namespace meshlane;

namespace {

const char *kExample = R"(apiVersion: meshlane.io/v1alpha1
kind: RolloutPlan
metadata: {name: reviews-v3, namespace: default}
spec:
  route: {virtualService: default/reviews, http: 1}   # index or name
  stable: v1
  canary: v3
  steps:
    - setHeaderRoute: {name: testers, match: [{headerName: X-Tester, headerValue: {exact: "yes"}}]}
    - setMirror: {percent: 20}
    - setWeight: 10
    - pause: {duration: 60s}
    - pause: {}
    - setWeight: 100
  analysis:
    interval: 30s
    failureLimit: 1
    minRequests: 20
    successRate: {min: 0.99}
    latencyP99: {maxMs: 500}
)";

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    const size_t at = text.find(from);
    if (at == std::string::npos)
        qFatal("fixture text not found: %s", from.c_str());
    return text.replace(at, from.size(), to);
}

std::string errorOf(const std::string &text)
{
    const Result<RolloutPlan> plan = RolloutPlanParser::parse(text, "plan.yaml");
    if (plan)
        return "(parsed)";
    return plan.error();
}

} // namespace

class TestRolloutPlanParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheIssueExample()
    {
        const Result<RolloutPlan> plan = RolloutPlanParser::parse(kExample, "plan.yaml");
        QVERIFY2(plan, plan.error().c_str());
        QCOMPARE(plan->name, std::string("reviews-v3"));
        QCOMPARE(plan->virtualServiceNs, std::string("default"));
        QCOMPARE(plan->virtualServiceName, std::string("reviews"));
        QCOMPARE(plan->http, std::string("1"));
        QCOMPARE(plan->stable, std::string("v1"));
        QCOMPARE(plan->canary, std::string("v3"));
        QCOMPARE(plan->steps.size(), size_t(6));
        const RolloutStep &header = plan->steps[0];
        QCOMPARE(header.kind, RolloutStep::Kind::SetHeaderRoute);
        QCOMPARE(header.headerRouteName, std::string("testers"));
        QCOMPARE(header.match.size(), size_t(1));
        QCOMPARE(header.match[0].name, std::string("x-tester")); // header names are case-insensitive
        QCOMPARE(header.match[0].kind, StringMatch::Kind::Exact);
        QCOMPARE(header.match[0].value, std::string("yes"));
        QCOMPARE(header.line, 9);
        QCOMPARE(plan->steps[1].kind, RolloutStep::Kind::SetMirror);
        QCOMPARE(plan->steps[1].mirrorPercent, 20.0);
        QCOMPARE(plan->steps[2].weight, 10);
        QCOMPARE(plan->steps[3].pauseSeconds, std::optional<double>(60));
        QVERIFY(!plan->steps[4].pauseSeconds); // until promoted
        QCOMPARE(plan->steps[4].describe(), std::string("pause until promoted"));
        QCOMPARE(plan->steps[5].describe(), std::string("setWeight 100"));
        QVERIFY(plan->analysis);
        QCOMPARE(plan->analysis->intervalSeconds, 30.0);
        QCOMPARE(plan->analysis->failureLimit, 1);
        QCOMPARE(plan->analysis->minRequests, int64_t(20));
        QCOMPARE(plan->analysis->successRateMin, std::optional<double>(0.99));
        QCOMPARE(plan->analysis->latencyP99MaxMs, std::optional<double>(500));
    }

    void routeByNameAndNamespaceDefault()
    {
        const std::string text = replaced(replaced(kExample, "default/reviews, http: 1", "reviews, http: primary"),
                                          "{name: reviews-v3, namespace: default}", "{name: p, namespace: shop}");
        const Result<RolloutPlan> plan = RolloutPlanParser::parse(text, "plan.yaml");
        QVERIFY2(plan, plan.error().c_str());
        QCOMPARE(plan->virtualServiceNs, std::string("shop"));
        QCOMPARE(plan->http, std::string("primary"));
    }

    void gatewayApiRoute()
    {
        const std::string text =
            replaced(kExample, "{virtualService: default/reviews, http: 1}", "{httpRoute: bookinfo/reviews, rule: 2}");
        const Result<RolloutPlan> plan = RolloutPlanParser::parse(text, "plan.yaml");
        QVERIFY2(plan, plan.error().c_str());
        QVERIFY(plan->onHttpRoute());
        QCOMPARE(plan->httpRouteNs, std::string("bookinfo"));
        QCOMPARE(plan->httpRouteName, std::string("reviews"));
        QCOMPARE(plan->rule, size_t(2));
        QVERIFY(plan->virtualServiceName.empty());
        QVERIFY(errorOf(replaced(kExample, "http: 1}", "http: 1, httpRoute: x/y}")).find("either virtualService")
                != std::string::npos);
        QVERIFY(errorOf(replaced(kExample, "http: 1}", "http: 1, rule: 0}")).find("rule goes with httpRoute")
                != std::string::npos);
        QVERIFY(errorOf(replaced(kExample, "{virtualService: default/reviews, http: 1}", "{httpRoute: /r}"))
                    .find("plan.yaml:5: spec.route.httpRoute must be written namespace/name")
                != std::string::npos);
    }

    void durations()
    {
        QCOMPARE(RolloutPlanParser::parseDuration("60s"), std::optional<double>(60));
        QCOMPARE(RolloutPlanParser::parseDuration("10m"), std::optional<double>(600));
        QCOMPARE(RolloutPlanParser::parseDuration("1h30m"), std::optional<double>(5400));
        QCOMPARE(RolloutPlanParser::parseDuration("90"), std::optional<double>(90));
        QCOMPARE(RolloutPlanParser::parseDuration("500ms"), std::optional<double>(0.5));
        QVERIFY(!RolloutPlanParser::parseDuration("ten minutes"));
        QVERIFY(!RolloutPlanParser::parseDuration("1m30"));
        QVERIFY(!RolloutPlanParser::parseDuration(""));
        // Found by fuzz_rolloutplan: an Argo pause of 5e36 minutes imported, then wrote back as
        // "8.5e+34h", which no reader takes. Go's time.ParseDuration ends at 2^63 ns.
        QCOMPARE(RolloutPlanParser::parseDuration("2562047h"), std::optional<double>(2562047.0 * 3600));
        QVERIFY(!RolloutPlanParser::parseDuration("2562048h"));
        QVERIFY(!RolloutPlanParser::parseDuration("5111111111111111111111111111111111111m"));
        for (const double seconds : {0.00001, 2562047.0 * 3600, 1.5, 90.0, 7200.0}) {
            const std::string written = RolloutPlanWriter::durationText(seconds);
            QCOMPARE(RolloutPlanParser::parseDuration(written), std::optional<double>(seconds));
        }
    }

    void errorsNameFileAndLine_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown gate key") << "successRate: {min: 0.99}"
                                          << "sucessRate: {min: 0.99}"
                                          << "plan.yaml:19: unknown key 'sucessRate' in analysis";
        QTest::newRow("unknown step") << "- setWeight: 10"
                                      << "- setWeigth: 10"
                                      << "plan.yaml:11: unknown step 'setWeigth'";
        QTest::newRow("weight above 100") << "- setWeight: 10"
                                          << "- setWeight: 150"
                                          << "plan.yaml:11: setWeight must be a number from 0 to 100";
        QTest::newRow("fractional weight") << "- setWeight: 10"
                                           << "- setWeight: 10.5"
                                           << "plan.yaml:11: setWeight must be a whole number";
        QTest::newRow("bad duration") << "duration: 60s"
                                      << "duration: soon"
                                      << "plan.yaml:12: pause.duration must be a duration";
        QTest::newRow("success rate above 1") << "min: 0.99"
                                              << "min: 99"
                                              << "plan.yaml:19: successRate.min must be";
        QTest::newRow("wrong kind") << "kind: RolloutPlan"
                                    << "kind: Rollout"
                                    << "plan.yaml:2: kind must be RolloutPlan";
        QTest::newRow("no canary") << "  canary: v3\n"
                                   << ""
                                   << "plan.yaml:5: spec needs `canary`";
        QTest::newRow("same versions") << "canary: v3"
                                       << "canary: v1"
                                       << "canary must differ";
        QTest::newRow("unknown match key") << "headerValue: {exact"
                                           << "headerVal: {exact"
                                           << "plan.yaml:9: unknown key 'headerVal' in a setHeaderRoute match";
        QTest::newRow("two string matches") << "{exact: \"yes\"}"
                                            << "{exact: \"yes\", prefix: y}"
                                            << "headerValue takes exactly one of exact, prefix, regex";
        QTest::newRow("broken yaml") << "  stable: v1"
                                     << "  stable: [v1"
                                     << "plan.yaml:";
    }

    void errorsNameFileAndLine()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        const std::string error = errorOf(replaced(kExample, from.toStdString(), to.toStdString()));
        QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
        QVERIFY2(error.rfind("plan.yaml:", 0) == 0, error.c_str());
    }

    void headerMatchKinds()
    {
        const std::string text = replaced(kExample, "headerValue: {exact: \"yes\"}", "headerValue: {regex: \"y.*\"}");
        const Result<RolloutPlan> plan = RolloutPlanParser::parse(text, "plan.yaml");
        QVERIFY2(plan, plan.error().c_str());
        QCOMPARE(plan->steps[0].match[0].kind, StringMatch::Kind::Regex);
        QCOMPARE(plan->steps[0].match[0].value, std::string("y.*"));
    }

    void noAnalysisIsAllowed()
    {
        std::string text = kExample;
        text = text.substr(0, text.find("  analysis:"));
        const Result<RolloutPlan> plan = RolloutPlanParser::parse(text, "plan.yaml");
        QVERIFY2(plan, plan.error().c_str());
        QVERIFY(!plan->analysis);
    }
};

QTEST_GUILESS_MAIN(TestRolloutPlanParser)
#include "tst_rolloutplanparser.moc"
