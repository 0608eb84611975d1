// SPDX-License-Identifier: MIT
// WeightCheck: negative and all-zero weights (IST0106), KIA1104, KIA1105, ML0101.
#include "analysis/analyzercodes.h"
#include "support/analyzertesting.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

struct Entry
{
    Entry(const char *subsetName, const char *weightText, const char *portNumber = "")
        : subset(subsetName)
        , weight(weightText)
        , port(portNumber)
    {
    }

    std::string subset;
    std::string weight; // "" = not written
    std::string port;   // "" = not written
};

std::string split(const std::vector<Entry> &entries)
{
    std::string text = "  http:\n  - route:\n";
    for (const Entry &entry : entries) {
        text += "    - destination:\n        host: reviews\n        subset: " + entry.subset + '\n';
        if (!entry.port.empty())
            text += "        port: {number: " + entry.port + "}\n";
        if (!entry.weight.empty())
            text += "      weight: " + entry.weight + '\n';
    }
    return text;
}

Analysis analyzeSplit(const std::vector<Entry> &entries)
{
    return analyzeYaml(kReviews + virtualService("reviews", split(entries)));
}

} // namespace

class TestWeightCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void negativeWeight()
    {
        const Analysis a = analyzeSplit({{"v1", "110"}, {"v2", "-10"}});
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Error);
        QCOMPARE(found[0].location.line, lineOf(a.text, "weight: -10"));
        QVERIFY(a.withCode(codes::WeightsNotHundred).empty()); // one finding per mistake
    }

    void allZeroWeights()
    {
        const Analysis a = analyzeSplit({{"v1", "0"}, {"v2", "0"}});
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("all have weight 0") != std::string::npos);
    }

    void absentWeightsOnSeveralDestinationsCountAsZero()
    {
        const Analysis a = analyzeSplit({{"v1", ""}, {"v2", ""}});
        ANALYZER_VERIFY(a.withCode(codes::SchemaError).size() == 1, a);
    }

    void zeroWeightBesideAPositiveOneIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeSplit({{"v1", "100"}, {"v2", "0"}}));
    }

    void loneDestinationWithPartialWeight()
    {
        const Analysis a = analyzeSplit({{"v1", "30"}});
        const Diagnostics found = a.withCode(codes::LoneWeight);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Info);
        QCOMPARE(found[0].location.line, lineOf(a.text, "weight: 30"));
        QVERIFY(found[0].message.find("100 %") != std::string::npos);
    }

    void loneDestinationWithFullOrNoWeightIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeSplit({{"v1", "100"}}));
        ANALYZER_VERIFY_CLEAN(analyzeSplit({{"v1", ""}}));
    }

    void sameDestinationTwice()
    {
        const Analysis a = analyzeSplit({{"v1", "50"}, {"v1", "50"}});
        const Diagnostics found = a.withCode(codes::DuplicateDestination);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Warning);
        QCOMPARE(found[0].location.line, lineOf(a.text, "subset: v1", 2) - 1); // second destination's host line
        QVERIFY(found[0].fix.find("weight 100") != std::string::npos);
    }

    void sameSubsetOnDifferentPortsIsNotADuplicate()
    {
        const std::string twoPorts = R"(apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: default}
spec:
  selector: {app: reviews}
  ports: [{name: http, port: 9080}, {name: grpc, port: 9090}]
)";
        std::string yaml = kReviews;
        yaml.replace(0, yaml.find("---"), twoPorts);
        const Analysis a = analyzeYaml(yaml + virtualService("reviews", split({{"v1", "50", "9080"}, {"v1", "50", "9090"}})));
        ANALYZER_VERIFY_CLEAN(a);
    }

    void weightsNotSummingToHundred()
    {
        const Analysis a = analyzeSplit({{"v1", "2"}, {"v2", "1"}});
        const Diagnostics found = a.withCode(codes::WeightsNotHundred);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Info);
        QCOMPARE(found[0].location.line, lineOf(a.text, "weight: 2"));
        QVERIFY(found[0].message.find("add up to 3") != std::string::npos);
        QVERIFY(found[0].message.find("reviews:v1 67 %, reviews:v2 33 %") != std::string::npos);
        QCOMPARE(found[0].fix, std::string("use 67/33 for the same split summing to 100"));
    }

    void weightsSummingToHundredAreClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeSplit({{"v1", "90"}, {"v2", "10"}}));
    }

    void tcpRoutesAreCheckedToo()
    {
        const std::string tcp = "  tcp:\n  - route:\n    - destination: {host: reviews, subset: v1}\n      weight: -1\n"
                                "    - destination: {host: reviews, subset: v2}\n      weight: 101\n";
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", tcp));
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("tcp[0]") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestWeightCheck)
#include "tst_weightcheck.moc"
