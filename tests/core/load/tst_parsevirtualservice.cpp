// SPDX-License-Identifier: MIT
// VirtualService values the API server refuses, found by fuzzing: weights
// beyond Istio's int32 field, durations no integer can hold, NaN and infinity
// written as numbers. Each is a finding with its line, never undefined
// behaviour or an overflowed sum downstream.

#include "analysis/analyzer.h"
#include "load/manifestloader.h"
#include "model/diagnostic.h"
#include "routing/router.h"
#include "support/routingtestsupport.h"

#include <QTest>

#include <algorithm>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

LoadResult loadRoute(const std::string &routeFields)
{
    return ManifestLoader().loadText("vs.yaml", std::string(kReviewsBase) + R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: default}
spec:
  hosts: [reviews]
  http:
  - route:
)" + routeFields);
}

const Diagnostic *schemaError(const LoadResult &result)
{
    for (const Diagnostic &diagnostic : result.diagnostics) {
        if (diagnostic.code == codes::SchemaError && diagnostic.severity == Severity::Error)
            return &diagnostic;
    }
    return nullptr;
}

const HttpRoute &firstRoute(const LoadResult &result)
{
    return result.mesh->findVirtualService("default", "reviews")->http.front();
}

} // namespace

class TestParseVirtualService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weightsBeyondInt32AreRefused()
    {
        const LoadResult result = loadRoute("    - destination: {host: reviews, subset: v1}\n"
                                            "      weight: 9223372036854775807\n"
                                            "    - destination: {host: reviews, subset: v2}\n"
                                            "      weight: 1\n");
        const Diagnostic *refused = schemaError(result);
        QVERIFY(refused);
        QVERIFY2(refused->message.find("32-bit") != std::string::npos, refused->message.c_str());
        const std::string &text = result.mesh->files.front()->text;
        const size_t at = text.find("weight: 9223372036854775807");
        QCOMPARE(refused->location.line, int(std::count(text.begin(), text.begin() + long(at), '\n')) + 1);
        QVERIFY(!firstRoute(result).route[0].weight);
        // Nothing downstream sees a sum that overflowed: no finding speaks of a
        // negative total, and the router sends everything to the other weight.
        for (const Diagnostic &finding : analyze(*result.mesh))
            QVERIFY2(finding.message.find("-9") == std::string::npos, finding.message.c_str());
        const RouteDecision decision = Router(result.mesh).route(makeRequest({.host = "reviews"}));
        QCOMPARE(decision.destinations.size(), size_t(2));
        QCOMPARE(shareOf(decision, "v2"), 1.0);
    }

    void int32WeightsStillLoad()
    {
        const LoadResult result = loadRoute("    - destination: {host: reviews, subset: v1}\n"
                                            "      weight: 2147483647\n"
                                            "    - destination: {host: reviews, subset: v2}\n"
                                            "      weight: 2147483647\n");
        QVERIFY(!schemaError(result));
        const RouteDecision decision = Router(result.mesh).route(makeRequest({.host = "reviews"}));
        QCOMPARE(shareOf(decision, "v1"), 0.5);
    }

    void durationsNoIntegerHoldsAreInvalid_data()
    {
        QTest::addColumn<QString>("delay");
        QTest::newRow("1e30s") << "1e30s";
        QTest::newRow("1e16s") << "1e16s";
        QTest::newRow("nans") << "nans";
        QTest::newRow("infs") << "infs";
        QTest::newRow("-5s") << "-5s";
    }

    void durationsNoIntegerHoldsAreInvalid()
    {
        QFETCH(QString, delay);
        const LoadResult result = loadRoute("    - destination: {host: reviews, subset: v1}\n"
                                            "    fault:\n      delay:\n        percentage: {value: 50}\n"
                                            "        fixedDelay: "
                                            + delay.toStdString() + "\n");
        const Boxed<HttpFault> &fault = firstRoute(result).fault;
        QVERIFY(fault && fault->delay);
        QCOMPARE(fault->delay->delayMs, int64_t(-1)); // invalid, which the analyzer reports
    }

    void tenThousandYearsIsTheLongestDuration()
    {
        const LoadResult result = loadRoute("    - destination: {host: reviews, subset: v1}\n"
                                            "    fault:\n      delay:\n        percentage: {value: 50}\n"
                                            "        fixedDelay: 315576000000s\n");
        QCOMPARE(firstRoute(result).fault->delay->delayMs, int64_t(315576000000000));
    }

    void nanAndInfinityAreNotNumbers_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("nan") << "nan";
        QTest::newRow(".nan") << ".nan";
        QTest::newRow("inf") << "inf";
        QTest::newRow("-.inf") << "-.inf";
        QTest::newRow("1e400") << "1e400";
    }

    void nanAndInfinityAreNotNumbers()
    {
        QFETCH(QString, value);
        const LoadResult result = loadRoute("    - destination: {host: reviews, subset: v1}\n"
                                            "    mirror: {host: reviews, subset: v2}\n"
                                            "    mirrorPercentage: {value: "
                                            + value.toStdString() + "}\n");
        const Diagnostic *refused = schemaError(result);
        QVERIFY(refused);
        QVERIFY2(refused->message.find("a number") != std::string::npos, refused->message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestParseVirtualService)
#include "tst_parsevirtualservice.moc"
