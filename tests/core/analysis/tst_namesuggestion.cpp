// SPDX-License-Identifier: MIT
// editDistance and closestName: the "did you mean ...?" in analyzer fixes.
#include "analysis/namesuggestion.h"

#include <QTest>

using namespace meshlane;

class TestNameSuggestion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void distance_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected");
        QTest::newRow("equal") << QStringLiteral("reviews") << QStringLiteral("reviews") << 0;
        QTest::newRow("empty") << QString() << QStringLiteral("abc") << 3;
        QTest::newRow("substitution") << QStringLiteral("v0") << QStringLiteral("v1") << 1;
        QTest::newRow("insertion") << QStringLiteral("review") << QStringLiteral("reviews") << 1;
        QTest::newRow("transposition") << QStringLiteral("reveiws") << QStringLiteral("reviews") << 1;
        QTest::newRow("unrelated") << QStringLiteral("abc") << QStringLiteral("xyz") << 3;
    }

    void distance()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        QCOMPARE(int(editDistance(a.toStdString(), b.toStdString())), expected);
        QCOMPARE(int(editDistance(b.toStdString(), a.toStdString())), expected);
    }

    void closest()
    {
        QCOMPARE(closestName("reveiws", {"ratings", "reviews", "details"}), std::string("reviews"));
        QCOMPARE(closestName("v0", {"v2", "v1"}), std::string("v2")); // ties: first listed wins
        QCOMPARE(closestName("canary", {"v1", "v2"}), std::string());  // too far to be a typo
        QCOMPARE(closestName("v1", {"v1"}), std::string());             // not a correction
        QCOMPARE(closestName("x", {}), std::string());
    }
};

QTEST_GUILESS_MAIN(TestNameSuggestion)
#include "tst_namesuggestion.moc"
