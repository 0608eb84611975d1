// SPDX-License-Identifier: MIT
// Behaviour profiles of a traffic-mix file: parsing with line numbers, which
// profile a destination gets, the behaviour block hidden from TrafficMix with
// its line numbers kept, and the latency distribution's percentiles.

#include "rollout/behaviourprofile.h"
#include "simulation/trafficmix.h"

#include <QTest>

#include <algorithm>

using namespace meshlane;

namespace {

const char *kMix = R"(requests_per_second: 20
classes:
  - name: users
    host: reviews
behaviour:
  - destination: reviews:v3
    errorRate: 0.08
    latencyMs: {p50: 40, p99: 250}
  - destination: reviews
    latencyMs: 25
classes_after: no
)";

std::vector<BehaviourProfile> parsed(const std::string &text)
{
    const Result<std::vector<BehaviourProfile>> profiles = BehaviourProfile::listFromYaml(text);
    if (!profiles)
        qWarning("%s", profiles.error().c_str());
    return profiles ? *profiles : std::vector<BehaviourProfile>{};
}

} // namespace

class TestBehaviourProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsProfiles()
    {
        std::string text = kMix;
        text = text.substr(0, text.find("classes_after"));
        const std::vector<BehaviourProfile> profiles = parsed(text);
        QCOMPARE(profiles.size(), size_t(2));
        QCOMPARE(profiles[0].host, std::string("reviews"));
        QCOMPARE(profiles[0].subset, std::string("v3"));
        QCOMPARE(profiles[0].errorRate, 0.08);
        QCOMPARE(profiles[0].latencyP50Ms, 40.0);
        QCOMPARE(profiles[0].latencyP99Ms, 250.0);
        QCOMPARE(profiles[0].line, 6);
        QCOMPARE(profiles[1].subset, std::string());
        QCOMPARE(profiles[1].latencyP50Ms, 25.0);
        QCOMPARE(profiles[1].latencyP99Ms, 25.0);
        QCOMPARE(profiles[1].errorRate, 0.0);
    }

    void noBehaviourIsEmpty() { QVERIFY(parsed("classes: []\n").empty()); }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("rate above 1") << "behaviour:\n  - destination: a\n    errorRate: 1.5\n"
                                      << "line 3: errorRate must be a number from 0 to 1";
        QTest::newRow("unknown key") << "behaviour:\n  - destination: a\n    errorrate: 0.1\n"
                                     << "line 3: unknown key 'errorrate' in a behaviour entry";
        QTest::newRow("p99 below p50") << "behaviour:\n  - destination: a\n    latencyMs: {p50: 50, p99: 10}\n"
                                       << "line 3: latencyMs.p99 must be at least p50";
        QTest::newRow("one percentile") << "behaviour:\n  - destination: a\n    latencyMs: {p50: 50}\n"
                                        << "line 3: latencyMs needs both p50 and p99";
        QTest::newRow("no destination") << "behaviour:\n  - errorRate: 0.1\n"
                                        << "line 2: a behaviour entry needs";
        QTest::newRow("empty subset") << "behaviour:\n  - destination: 'reviews:'\n"
                                      << "line 2: destination must be HOST:SUBSET";
        QTest::newRow("not a list") << "behaviour: 3\n"
                                    << "line 1: behaviour must be a list";
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Result<std::vector<BehaviourProfile>> profiles = BehaviourProfile::listFromYaml(text.toStdString());
        QVERIFY(!profiles);
        QVERIFY2(profiles.error().rfind(expected.toStdString(), 0) == 0, profiles.error().c_str());
    }

    void findPrefersTheSubset()
    {
        std::string text = kMix;
        const std::vector<BehaviourProfile> profiles = parsed(text.substr(0, text.find("classes_after")));
        const std::string fqdn = "reviews.default.svc.cluster.local";
        QCOMPARE(BehaviourProfile::find(profiles, fqdn, "v3"), &profiles[0]);
        QCOMPARE(BehaviourProfile::find(profiles, fqdn, "v1"), &profiles[1]);
        QCOMPARE(BehaviourProfile::find(profiles, "reviews", ""), &profiles[1]);
        QVERIFY(!BehaviourProfile::find(profiles, "reviews2.default.svc.cluster.local", "v3"));
        QVERIFY(!BehaviourProfile::find(profiles, "ratings.default.svc.cluster.local", "v1"));
    }

    void trafficMixReadsTheRestWithItsLineNumbers()
    {
        const std::string hidden = BehaviourProfile::withoutBehaviour(kMix);
        QCOMPARE(std::count(hidden.begin(), hidden.end(), '\n'), std::count(kMix, kMix + strlen(kMix), '\n'));
        // classes_after is unknown to TrafficMix: its line number must still be 11.
        const Result<TrafficMix> refused = TrafficMix::fromYaml(hidden, HttpRequest{});
        QVERIFY(!refused);
        QVERIFY2(refused.error().rfind("line 11: unknown key 'classes_after'", 0) == 0, refused.error().c_str());
        std::string good = kMix;
        good = good.substr(0, good.find("classes_after"));
        QVERIFY(TrafficMix::fromYaml(BehaviourProfile::withoutBehaviour(good), HttpRequest{}));
        // A list written at column 0 under its key belongs to the block too.
        const std::string flat = "behaviour:\n- destination: a\n  errorRate: 0.1\nclasses:\n- host: reviews\n";
        QVERIFY(TrafficMix::fromYaml(BehaviourProfile::withoutBehaviour(flat), HttpRequest{}));
        QCOMPARE(parsed(flat).size(), size_t(1));
    }

    void latencyPercentiles()
    {
        BehaviourProfile fixed;
        fixed.latencyP50Ms = fixed.latencyP99Ms = 25;
        QVERIFY(fixed.fixedLatency());
        QCOMPARE(fixed.latencyQuantiles().back(), 25.0);

        BehaviourProfile spread;
        spread.latencyP50Ms = 40;
        spread.latencyP99Ms = 250;
        const std::vector<double> table = spread.latencyQuantiles();
        QCOMPARE(table.size(), BehaviourProfile::kLatencyQuantiles);
        QVERIFY(std::is_sorted(table.begin(), table.end()));
        const double p50 = table[table.size() / 2];
        const double p99 = table[size_t(double(table.size()) * 0.99)];
        QVERIFY2(std::abs(p50 - 40) < 0.01, std::to_string(p50).c_str());
        QVERIFY2(std::abs(p99 - 250) < 0.5, std::to_string(p99).c_str());
        QVERIFY(table.front() > 0 && table.front() < 10); // z(0.5/65536) ~ -4.3
    }
};

QTEST_GUILESS_MAIN(TestBehaviourProfile)
#include "tst_behaviourprofile.moc"
