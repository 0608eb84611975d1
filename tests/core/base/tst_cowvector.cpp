// SPDX-License-Identifier: MIT
// CowVector: copies read the same elements, and a write through one copy
// copies only the chunk it lands in, never changing what another copy reads.

#include "base/cowvector.h"

#include <QTest>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

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

    void iteratesAtRandom()
    {
        const CowVector<std::string> vector = numbers(600);
        const auto found = std::find(vector.begin(), vector.end(), "300");
        QCOMPARE(found - vector.begin(), std::ptrdiff_t(300));
        QCOMPARE(*(found + 256), std::string("556"));
        QCOMPARE(found[-1], std::string("299"));
        QVERIFY(std::is_sorted(vector.begin(), vector.begin() + 10,
                               [](const std::string &a, const std::string &b) { return std::stoi(a) < std::stoi(b); }));
        QCOMPARE(std::distance(vector.begin(), vector.end()), std::ptrdiff_t(600));
        QCOMPARE(vector.front(), std::string("0"));
        QCOMPARE(vector.back(), std::string("599"));
        QCOMPARE(vector.at(599), std::string("599"));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, vector.at(600));
        QCOMPARE(vector.toVector().size(), size_t(600));
        QCOMPARE(vector.toVector()[257], std::string("257"));
    }

    void comparesOnlyWhatItDoesNotShare()
    {
        const CowVector<std::string> original = numbers(700);
        CowVector<std::string> copy = original;
        QVERIFY(copy == original);
        QVERIFY(copy.sharesChunkAt(original, 0) && copy.sharesChunkAt(original, 699));
        copy.mutableAt(260) = "260"; // the same value, in a chunk of its own now
        QVERIFY(copy.sharesChunkAt(original, 255));
        QVERIFY(!copy.sharesChunkAt(original, 256) && !copy.sharesChunkAt(original, 511));
        QVERIFY(copy.sharesChunkAt(original, 512));
        QVERIFY(copy == original);
        // The comparison reads the unshared chunk only.
        std::vector<size_t> read;
        QVERIFY(copy.equals(original, [&](const std::string &a, const std::string &b) {
            read.push_back(size_t(std::stoi(a)));
            return a == b;
        }));
        QCOMPARE(read.size(), size_t(256));
        QCOMPARE(read.front(), size_t(256));
        QCOMPARE(read.back(), size_t(511));
        copy.mutableAt(511) = "other";
        QVERIFY(copy != original);
        CowVector<std::string> longer = original;
        longer.push_back("700");
        QVERIFY(longer != original);
        QVERIFY(!numbers(3).sharesChunkAt(numbers(3), 0)); // equal, not shared
        QVERIFY(numbers(3) == numbers(3));
    }

    void clearsAndRefills()
    {
        const CowVector<std::string> original = numbers(300);
        CowVector<std::string> vector = original;
        vector.clear();
        QVERIFY(vector.empty());
        QCOMPARE(original.size(), size_t(300));
        const std::string kept = "kept";
        vector.push_back(kept);
        vector.push_back(std::string("moved"));
        QCOMPARE(vector.size(), size_t(2));
        QCOMPARE(vector[1], std::string("moved"));
        QCOMPARE(original[0], std::string("0"));
        const CowVector<int> listed{1, 2, 3};
        QCOMPARE(listed.size(), size_t(3));
        QCOMPARE(listed.back(), 3);
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
