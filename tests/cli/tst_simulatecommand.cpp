// SPDX-License-Identifier: MIT
// `meshlane simulate`: JSON keys, determinism, traffic files, statistics and
// exit codes, run in-process.

#include "support/clirunner.h"
#include "support/testdata.h"
#include "support/testfolder.h"
#include "support/textgolden.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QTextStream>

#include <cmath>

using namespace meshlane::cli;

namespace {

QString sample(const char *name) { return samplesDir() + u'/' + QLatin1String(name); }
QString testData(const char *name)
{
    return meshlane::test::testData(QStringLiteral("routing/") + QLatin1String(name));
}

CliRun simulateJson(QStringList args)
{
    args.prepend(QStringLiteral("simulate"));
    args << QStringLiteral("-o") << QStringLiteral("json");
    return runCli(args);
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QJsonObject destinationWithSubset(const QJsonObject &root, const QString &subset)
{
    for (const QJsonValue &value : root[QStringLiteral("destinations")].toArray()) {
        if (value.toObject()[QStringLiteral("subset")].toString() == subset)
            return value.toObject();
    }
    return {};
}

void expectWithin4Sigma(const QJsonObject &target, double n)
{
    const double p = target[QStringLiteral("expected")].toDouble();
    const double count = target[QStringLiteral("count")].toDouble();
    QVERIFY(std::abs(count - n * p) <= 4 * std::sqrt(n * p * (1 - p)));
}

} // namespace

class TestSimulateCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonHasExactlyTheDocumentedKeys()
    {
        const CliRun result = simulateJson({sample("httpbin-mirror"), QStringLiteral("--host"), QStringLiteral("httpbin"),
                                            QStringLiteral("--requests"), QStringLiteral("1000"), QStringLiteral("--seed"),
                                            QStringLiteral("9")});
        QCOMPARE(result.exitCode, int(ExitOk));
        const QJsonObject root = result.json();
        const QStringList top{QStringLiteral("requests"), QStringLiteral("seed"), QStringLiteral("destinations"),
                              QStringLiteral("mirrors"), QStringLiteral("statuses"), QStringLiteral("delayed")};
        QCOMPARE(keysOf(root), QSet<QString>(top.begin(), top.end()));
        const QStringList target{QStringLiteral("host"), QStringLiteral("subset"), QStringLiteral("count"),
                                 QStringLiteral("fraction"), QStringLiteral("expected")};
        const QSet<QString> targetKeys(target.begin(), target.end());
        QCOMPARE(keysOf(root[QStringLiteral("destinations")].toArray().first().toObject()), targetKeys);
        QCOMPARE(keysOf(root[QStringLiteral("mirrors")].toArray().first().toObject()), targetKeys);
        QCOMPARE(root[QStringLiteral("requests")].toInt(), 1000);
        QCOMPARE(root[QStringLiteral("seed")].toInt(), 9);
        QCOMPARE(root[QStringLiteral("statuses")].toObject()[QStringLiteral("200")].toInt(), 1000);
        QCOMPARE(root[QStringLiteral("mirrors")].toArray().first().toObject()[QStringLiteral("count")].toInt(), 1000);
        QCOMPARE(root[QStringLiteral("delayed")].toInt(), 0);
    }

    void sameSeedSameOutput()
    {
        const QStringList args{sample("bookinfo-80-20"), QStringLiteral("--host"), QStringLiteral("reviews"),
                               QStringLiteral("--requests"), QStringLiteral("5000"), QStringLiteral("--seed"),
                               QStringLiteral("77")};
        const CliRun a = simulateJson(args);
        const CliRun b = simulateJson(args);
        QCOMPARE(a.out, b.out);
        QStringList other = args;
        other.last() = QStringLiteral("78");
        QVERIFY(simulateJson(other).out != a.out);
    }

    void eightyTwentyWithin4Sigma()
    {
        const QJsonObject root = simulateJson({sample("bookinfo-80-20"), QStringLiteral("--host"),
                                               QStringLiteral("reviews"), QStringLiteral("--requests"),
                                               QStringLiteral("100000"), QStringLiteral("--seed"), QStringLiteral("5")})
                                     .json();
        const QJsonObject v2 = destinationWithSubset(root, QStringLiteral("v2"));
        QCOMPARE(v2[QStringLiteral("expected")].toDouble(), 0.2);
        QCOMPARE(v2[QStringLiteral("fraction")].toDouble(), v2[QStringLiteral("count")].toDouble() / 100000);
        expectWithin4Sigma(v2, 100000);
    }

    void accountServiceStatuses()
    {
        const QJsonObject root = simulateJson({sample("account-service"), QStringLiteral("--host"),
                                               QStringLiteral("account-service"), QStringLiteral("--requests"),
                                               QStringLiteral("100000")})
                                     .json();
        QCOMPARE(root[QStringLiteral("seed")].toInt(), 1); // the default seed
        const QJsonObject statuses = root[QStringLiteral("statuses")].toObject();
        QCOMPARE(statuses[QStringLiteral("503")].toInt(), destinationWithSubset(root, QStringLiteral("v0"))[QStringLiteral("count")].toInt());
        expectWithin4Sigma(destinationWithSubset(root, QStringLiteral("v0")), 100000);
    }

    void faultsAreCounted()
    {
        const QJsonObject root = simulateJson({testData("shop"), QStringLiteral("--host"), QStringLiteral("shop.shop"),
                                               QStringLiteral("--source-labels"), QStringLiteral("app=admin"),
                                               QStringLiteral("--requests"), QStringLiteral("100000")})
                                     .json();
        const double delayed = root[QStringLiteral("delayed")].toDouble();
        QVERIFY(std::abs(delayed - 25000) <= 4 * std::sqrt(100000 * 0.25 * 0.75));
        const double aborted = root[QStringLiteral("statuses")].toObject()[QStringLiteral("500")].toDouble();
        QVERIFY(std::abs(aborted - 50000) <= 4 * std::sqrt(100000 * 0.25));
    }

    void trafficFileMixesClasses()
    {
        const CliRun result = simulateJson({sample("bookinfo"), QStringLiteral("--host"), QStringLiteral("reviews"),
                                            QStringLiteral("--requests"), QStringLiteral("100000"),
                                            QStringLiteral("--traffic"), testData("traffic-bookinfo.yaml")});
        QCOMPARE(result.exitCode, int(ExitOk));
        const QJsonObject v2 = destinationWithSubset(result.json(), QStringLiteral("v2"));
        QCOMPARE(v2[QStringLiteral("expected")].toDouble(), 0.1);
        expectWithin4Sigma(v2, 100000);
    }

    void textOutputShowsCountsAndPercentages()
    {
        const CliRun result = runCli({QStringLiteral("simulate"), sample("fleetman"), QStringLiteral("--host"),
                                      QStringLiteral("fleetman-staff-service"), QStringLiteral("--requests"),
                                      QStringLiteral("1000"), QStringLiteral("--seed"), QStringLiteral("3")});
        QCOMPARE(result.exitCode, int(ExitOk));
        QVERIFY(result.out.startsWith(QStringLiteral("Simulated 1000 requests (seed 3)")));
        QVERIFY(result.out.contains(QStringLiteral("EXPECTED")));
        QVERIFY(result.out.contains(QStringLiteral("90 %")));
        QVERIFY(result.out.contains(QStringLiteral("Delayed: 0")));
    }

    void usageErrorsExit64()
    {
        const QString dir = sample("bookinfo");
        const QString traffic = testData("traffic-bookinfo.yaml");
        const QList<QStringList> cases = {
            {dir, QStringLiteral("--host"), QStringLiteral("reviews")},
            {dir, QStringLiteral("--requests"), QStringLiteral("10")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--requests"), QStringLiteral("0")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--requests"), QStringLiteral("ten")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--requests"), QStringLiteral("10"),
             QStringLiteral("--seed"), QStringLiteral("-1")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--requests"), QStringLiteral("10"),
             QStringLiteral("--seed"), QStringLiteral("9007199254740992")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--requests"), QStringLiteral("10"),
             QStringLiteral("--traffic"), traffic, QStringLiteral("--header"), QStringLiteral("a=b")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--requests"), QStringLiteral("10"),
             QStringLiteral("--traffic"), testData("no-such-file.yaml")},
        };
        for (QStringList args : cases) {
            args.prepend(QStringLiteral("simulate"));
            const CliRun result = runCli(args);
            QVERIFY2(result.exitCode == ExitUsage, qPrintable(args.join(u' ') + QStringLiteral(" -> ") + result.err));
        }
    }

    void brokenTrafficFileExits65()
    {
        const CliRun result = runCli({QStringLiteral("simulate"), sample("bookinfo"), QStringLiteral("--host"),
                                      QStringLiteral("reviews"), QStringLiteral("--requests"), QStringLiteral("10"),
                                      QStringLiteral("--traffic"), testData("traffic-broken.yaml")});
        QCOMPARE(result.exitCode, int(ExitUnparseable));
        QVERIFY(result.err.contains(QStringLiteral("line 3: unknown key 'shares'")));
    }

    void tcpCanaryCountsConnections()
    {
        const CliRun result = runCli({QStringLiteral("simulate"), sample("tcp-echo-shift"), QStringLiteral("--protocol"),
                                      QStringLiteral("tcp"), QStringLiteral("--gateway"), QStringLiteral("echo/echo-gateway"),
                                      QStringLiteral("--host"), QStringLiteral("x"), QStringLiteral("--requests"),
                                      QStringLiteral("2000"), QStringLiteral("--seed"), QStringLiteral("7")});
        QCOMPARE(result.exitCode, int(ExitOk));
        const QString failure =
            meshlane::test::compareWithTextGolden(result.out, QStringLiteral("tcp-echo-shift.simulate.txt"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(result.out.startsWith(QStringLiteral("Simulated 2000 connections (seed 7)")));
    }
};

QTEST_GUILESS_MAIN(TestSimulateCommand)
#include "tst_simulatecommand.moc"
