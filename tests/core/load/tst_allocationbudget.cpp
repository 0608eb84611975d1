// SPDX-License-Identifier: MIT
#include "load/allocationbudget.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

#include <string>
#include <thread>
#include <vector>

using namespace meshlane;

class TestAllocationBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void throwsOncePastTheBudget()
    {
        const AllocationBudget budget(1 << 20);
        std::vector<char> fits(512 << 10);
        QVERIFY(!budget.exceeded());
        QVERIFY_THROWS_EXCEPTION(std::bad_alloc, std::vector<char>(1 << 20));
        QVERIFY(budget.exceeded());
    }

    void endsWithItsScope()
    {
        {
            const AllocationBudget budget(1024);
        }
        std::vector<char> large(8 << 20); // no budget any more
        QCOMPARE(large.size(), size_t(8 << 20));
    }

    void limitsOnlyItsOwnThread()
    {
        const AllocationBudget budget(1024);
        bool allocated = false;
        std::thread other([&allocated] {
            std::vector<char> large(8 << 20);
            allocated = large.size() == size_t(8 << 20);
        });
        other.join();
        QVERIFY(allocated);
    }

    // The reason the budget exists: yaml-cpp 0.7 loops allocating on a
    // document-level ','. Under a budget that is an exception, not an OOM.
    void stopsYamlCppRunawayParse()
    {
        bool stopped = false;
        try {
            const AllocationBudget budget(64 << 20);
            YAML::LoadAll(std::string(",\n"));
        } catch (const std::bad_alloc &) {
            stopped = true;
        }
        QVERIFY(stopped);
    }
};

QTEST_GUILESS_MAIN(TestAllocationBudget)
#include "tst_allocationbudget.moc"
