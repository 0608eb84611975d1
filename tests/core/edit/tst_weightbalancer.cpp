// SPDX-License-Identifier: MIT
#include "edit/weightbalancer.h"

#include <QTest>

#include <numeric>
#include <random>

using namespace meshlane;

namespace {

using Weights = std::vector<int>;

int sum(const Weights &weights)
{
    return std::accumulate(weights.begin(), weights.end(), 0);
}

} // namespace

class TestWeightBalancer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dragExamples_data()
    {
        QTest::addColumn<std::vector<int64_t>>("weights");
        QTest::addColumn<std::vector<bool>>("locked");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("value");
        QTest::addColumn<Weights>("expected");
        QTest::newRow("canary step") << std::vector<int64_t>{80, 20} << std::vector<bool>{} << 1 << 35 << Weights{65, 35};
        QTest::newRow("others keep their ratio") << std::vector<int64_t>{60, 30, 10} << std::vector<bool>{} << 2 << 40
                                                 << Weights{40, 20, 40};
        QTest::newRow("locked keeps its weight") << std::vector<int64_t>{50, 30, 20} << std::vector<bool>{false, true, false}
                                                 << 0 << 60 << Weights{60, 30, 10};
        QTest::newRow("lock clamps the drag") << std::vector<int64_t>{20, 70, 10} << std::vector<bool>{false, true, false}
                                              << 0 << 50 << Weights{30, 70, 0};
        QTest::newRow("all others locked: forced") << std::vector<int64_t>{20, 70, 10} << std::vector<bool>{false, true, true}
                                                   << 0 << 90 << Weights{20, 70, 10};
        QTest::newRow("zero others share evenly") << std::vector<int64_t>{100, 0, 0} << std::vector<bool>{} << 0 << 40
                                                  << Weights{40, 30, 30};
        QTest::newRow("a zero stays zero") << std::vector<int64_t>{80, 20, 0} << std::vector<bool>{} << 0 << 50
                                           << Weights{50, 50, 0};
        QTest::newRow("relative weights scaled first") << std::vector<int64_t>{1, 3} << std::vector<bool>{} << 0 << 25
                                                       << Weights{25, 75};
        QTest::newRow("largest remainder, ties to the first") << std::vector<int64_t>{34, 33, 33} << std::vector<bool>{}
                                                              << 0 << 1 << Weights{1, 50, 49};
        QTest::newRow("negative clamps to 0") << std::vector<int64_t>{50, 50} << std::vector<bool>{} << 0 << -5
                                              << Weights{0, 100};
        QTest::newRow("above 100 clamps") << std::vector<int64_t>{50, 50} << std::vector<bool>{} << 1 << 180 << Weights{0, 100};
        QTest::newRow("single destination") << std::vector<int64_t>{100} << std::vector<bool>{} << 0 << 30 << Weights{100};
        QTest::newRow("dragged one's own lock ignored") << std::vector<int64_t>{50, 50} << std::vector<bool>{true, false}
                                                        << 0 << 70 << Weights{70, 30};
    }

    void dragExamples()
    {
        QFETCH(std::vector<int64_t>, weights);
        QFETCH(std::vector<bool>, locked);
        QFETCH(int, index);
        QFETCH(int, value);
        QFETCH(Weights, expected);
        QCOMPARE(WeightBalancer::drag(weights, locked, size_t(index), value), expected);
    }

    void normalized()
    {
        QCOMPARE(WeightBalancer::normalized({80, 20}), (Weights{80, 20}));
        QCOMPARE(WeightBalancer::normalized({1, 1, 1}), (Weights{34, 33, 33}));
        QCOMPARE(WeightBalancer::normalized({0, 0}), (Weights{50, 50}));
        QCOMPARE(WeightBalancer::normalized({2, 2}), (Weights{50, 50}));
        QCOMPARE(WeightBalancer::normalized({-5, 10}), (Weights{0, 100}));
        QCOMPARE(WeightBalancer::normalized({INT64_MAX, INT64_MAX}), (Weights{50, 50}));
        QCOMPARE(WeightBalancer::normalized({}), Weights{});
    }

    void distributeEvenly()
    {
        QCOMPARE(WeightBalancer::distributeEvenly({100, 0, 0}), (Weights{34, 33, 33}));
        QCOMPARE(WeightBalancer::distributeEvenly({1, 2, 3, 4, 5, 6}), (Weights{17, 17, 17, 17, 16, 16}));
        QCOMPARE(WeightBalancer::distributeEvenly({0, 0, 0, 0, 0, 0, 100}), (Weights{15, 15, 14, 14, 14, 14, 14}));
        QCOMPARE(WeightBalancer::distributeEvenly({10, 40, 50}, {false, true, false}), (Weights{30, 40, 30}));
        QCOMPARE(WeightBalancer::distributeEvenly({10, 40, 50}, {true, true, true}), (Weights{10, 40, 50}));
    }

    void complete()
    {
        QCOMPARE(*WeightBalancer::complete({80, 20}, {std::nullopt, 35}), (Weights{65, 35}));
        QCOMPARE(*WeightBalancer::complete({50, 30, 20}, {80, std::nullopt, std::nullopt}), (Weights{80, 12, 8}));
        QCOMPARE(*WeightBalancer::complete({100, 0, 0}, {40, std::nullopt, std::nullopt}), (Weights{40, 30, 30}));
        QCOMPARE(*WeightBalancer::complete({50, 50}, {100, std::nullopt}), (Weights{100, 0}));
        QCOMPARE(*WeightBalancer::complete({50, 50}, {30, 70}), (Weights{30, 70}));
        const auto notHundred = WeightBalancer::complete({50, 50}, {30, 60});
        QVERIFY(!notHundred);
        QVERIFY(notHundred.error().find("sum to 90") != std::string::npos);
        const auto tooMuch = WeightBalancer::complete({50, 50, 0}, {70, 40, std::nullopt});
        QVERIFY(!tooMuch);
        QVERIFY(tooMuch.error().find("more than 100") != std::string::npos);
        const auto negative = WeightBalancer::complete({50, 50}, {-1, std::nullopt});
        QVERIFY(!negative);
        QVERIFY(negative.error().find("outside 0..100") != std::string::npos);
    }

    // The property the issue asks for: random drags with random locks always
    // sum to 100, never go negative, keep locked weights, put the dragged one
    // where asked (clamped), and give the others their proportional share to
    // within one point.
    void randomDragsKeepTheRules()
    {
        std::mt19937_64 random(20240605);
        for (int round = 0; round < 20000; ++round) {
            const size_t n = 1 + random() % 8;
            std::vector<int64_t> weights(n);
            const bool relative = random() % 4 == 0;
            for (int64_t &weight : weights)
                weight = int64_t(random() % (relative ? 1000 : 101));
            std::vector<bool> locked(n);
            for (size_t i = 0; i < n; ++i)
                locked[i] = random() % 3 == 0;
            const size_t index = random() % n;
            const int value = int(random() % 141) - 20;

            const Weights before = WeightBalancer::normalized(weights);
            const Weights after = WeightBalancer::drag(weights, locked, index, value);
            const QString context = QStringLiteral("round %1").arg(round);
            QVERIFY2(after.size() == n, qPrintable(context));
            QVERIFY2(sum(after) == 100, qPrintable(context));
            QVERIFY2(std::all_of(after.begin(), after.end(), [](int w) { return w >= 0; }), qPrintable(context));
            int lockedSum = 0;
            std::vector<size_t> others;
            for (size_t i = 0; i < n; ++i) {
                if (i == index)
                    continue;
                if (locked[i]) {
                    QVERIFY2(after[i] == before[i], qPrintable(context));
                    lockedSum += before[i];
                } else {
                    others.push_back(i);
                }
            }
            const int available = 100 - lockedSum;
            QVERIFY2(after[index] == (others.empty() ? available : std::clamp(value, 0, available)), qPrintable(context));
            int64_t basis = 0;
            for (size_t i : others)
                basis += before[i];
            const int rest = available - after[index];
            for (size_t i : others) {
                const double exact = basis ? double(rest) * before[i] / double(basis) : double(rest) / double(others.size());
                QVERIFY2(std::abs(after[i] - exact) < 1.0, qPrintable(context));
            }
        }
    }

    void randomCompletionsKeepGivenValues()
    {
        std::mt19937_64 random(7);
        for (int round = 0; round < 5000; ++round) {
            const size_t n = 1 + random() % 6;
            std::vector<int64_t> weights(n);
            for (int64_t &weight : weights)
                weight = int64_t(random() % 101);
            std::vector<std::optional<int>> given(n);
            int budget = 100;
            for (size_t i = 0; i + 1 < n; ++i) {
                if (random() % 2 && budget > 0) {
                    given[i] = int(random() % size_t(budget + 1));
                    budget -= *given[i];
                }
            }
            const auto result = WeightBalancer::complete(weights, given);
            QVERIFY(result);
            QCOMPARE(sum(*result), 100);
            for (size_t i = 0; i < n; ++i) {
                QVERIFY((*result)[i] >= 0);
                if (given[i])
                    QCOMPARE((*result)[i], *given[i]);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWeightBalancer)
#include "tst_weightbalancer.moc"
