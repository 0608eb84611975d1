// SPDX-License-Identifier: MIT
// CowVector: copies read the same elements, and a write through one copy
// copies only the chunk it lands in, never changing what another copy reads.

#include "base/cowvector.h"

#include <QTest>

#include <string>

using namespace meshlane;

class TestCowVector : public QObject
{
    Q_OBJECT

    static CowVector<std::string> numbers(int count)
    {
        CowVector<std::string> vector;
        for (int i = 0; i < count; ++i)
            vector.emplace_back(std::to_string(i));
        return vector;
    }

private Q_SLOTS:
    void readsLikeAVectorAcrossChunks()
    {
        const CowVector<std::string> vector = numbers(1000);
        QCOMPARE(vector.size(), size_t(1000));
        QCOMPARE(vector[0], std::string("0"));
        QCOMPARE(vector[255], std::string("255"));
        QCOMPARE(vector[256], std::string("256"));
        QCOMPARE(vector[999], std::string("999"));
        int expected = 0;
        for (const std::string &element : vector)
            QCOMPARE(element, std::to_string(expected++));
        QCOMPARE(expected, 1000);
        QVERIFY(CowVector<std::string>().empty());
        QVERIFY(CowVector<std::string>().begin() == CowVector<std::string>().end());
    }

    void aWriteLeavesOtherCopiesAsTheyWere()
    {
        // Chunks of 256: [0, 256) [256, 512) [512, 768) [768, 900).
        const CowVector<std::string> original = numbers(900);
        CowVector<std::string> copy = original;
        copy.mutableAt(300) = "changed";
        copy.emplace_back("900");
        QCOMPARE(copy[300], std::string("changed"));
        QCOMPARE(original[300], std::string("300"));
        QCOMPARE(original.size(), size_t(900));
        QCOMPARE(copy.size(), size_t(901));
        QCOMPARE(copy[900], std::string("900"));
        // Untouched chunks are the very same elements; written ones are not.
        QCOMPARE(&copy[0], &original[0]);
        QCOMPARE(&copy[767], &original[767]);
        QVERIFY(&copy[299] != &original[299]);
        QVERIFY(&copy[899] != &original[899]);
    }

    void aSoleOwnerWritesInPlace()
    {
        CowVector<std::string> vector = numbers(10);
        const std::string *before = &vector[3];
        vector.mutableAt(3) = "three";
        QCOMPARE(&vector[3], before);
        QCOMPARE(vector[3], std::string("three"));
    }

    void takesOverAStdVector()
    {
        const CowVector<int> vector(std::vector<int>(700, 7));
        QCOMPARE(vector.size(), size_t(700));
        QCOMPARE(vector[699], 7);
    }
};

QTEST_GUILESS_MAIN(TestCowVector)
#include "tst_cowvector.moc"
