// SPDX-License-Identifier: MIT
#include "cli/cli.h"
#include "load/manifestloader.h"
#include "support/editingsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <set>

using namespace meshlane;
using editingtest::readFile;
using editingtest::snapshotTree;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run runMeshlane(const QStringList &args)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.code = cli::run(args, out, err);
    out.flush();
    err.flush();
    return run;
}

QString sample(const char *name)
{
    return QString::fromStdString(editingtest::samplesDir()) + u'/' + QLatin1String(name);
}

QString data(const char *name)
{
    return QString::fromStdString(editingtest::dataDir()) + u'/' + QLatin1String(name);
}

std::vector<int64_t> weightsOf(const Mesh &mesh, const std::string &name, size_t route = 0)
{
    std::vector<int64_t> weights;
    const VirtualService *vs = mesh.findVirtualService("default", name);
    for (size_t j = 0; vs && j < vs->http.at(route).route.size(); ++j)
        weights.push_back(vs->http.at(route).effectiveWeight(j));
    return weights;
}

std::multiset<std::string> findings(const Diagnostics &diagnostics)
{
    std::multiset<std::string> set;
    for (const Diagnostic &diagnostic : diagnostics)
        set.insert(diagnostic.code + ' ' + diagnostic.resource.toString() + ' ' + diagnostic.message);
    return set;
}

} // namespace

class TestEditCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setWeightsToAnotherFolder()
    {
        QTemporaryDir out;
        const Run run = runMeshlane({QStringLiteral("set-weights"), sample("bookinfo-80-20"), QStringLiteral("--vs"),
                                  QStringLiteral("default/reviews"), QStringLiteral("--weights"), QStringLiteral("v2=35"),
                                  QStringLiteral("--out"), out.path()});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QStringLiteral("v1 80 -> 65, v2 20 -> 35")));
        const LoadResult before = ManifestLoader().loadFolder(sample("bookinfo-80-20").toStdString());
        const LoadResult after = ManifestLoader().loadFolder(out.path().toStdString());
        QCOMPARE(weightsOf(*after.mesh, "reviews"), (std::vector<int64_t>{65, 35}));
        QVERIFY(findings(after.diagnostics) == findings(before.diagnostics));
        const Run analyze = runMeshlane({QStringLiteral("analyze"), out.path()});
        QVERIFY2(analyze.code == 0, qPrintable(analyze.out + analyze.err));
        // The check: simulate on the output shows the new split.
        const Run simulate = runMeshlane({QStringLiteral("simulate"), out.path(), QStringLiteral("--host"),
                                          QStringLiteral("reviews"), QStringLiteral("--requests"), QStringLiteral("1000"),
                                          QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(simulate.code, 0);
        std::map<QString, double> expected;
        for (const QJsonValue &destination :
             QJsonDocument::fromJson(simulate.out.toUtf8()).object()[QStringLiteral("destinations")].toArray())
            expected[destination[QStringLiteral("subset")].toString()] = destination[QStringLiteral("expected")].toDouble();
        QCOMPARE(expected[QStringLiteral("v1")], 0.65);
        QCOMPARE(expected[QStringLiteral("v2")], 0.35);
        // Only the two numbers differ from the source tree.
        auto copied = snapshotTree(out.path().toStdString());
        auto source = snapshotTree(sample("bookinfo-80-20").toStdString());
        std::string &vs = copied["virtual-services.yaml"];
        vs.replace(vs.find("weight: 65"), 10, "weight: 80");
        vs.replace(vs.find("weight: 35"), 10, "weight: 20");
        QVERIFY(copied == source);
    }

    void someWeightsRebalanceTheRest()
    {
        QTemporaryDir out;
        const Run run = runMeshlane({QStringLiteral("set-weights"), data("hosts"), QStringLiteral("--vs"), QStringLiteral("checkout"),
                                  QStringLiteral("--weights"), QStringLiteral("checkout-v3.default.svc.cluster.local=40"),
                                  QStringLiteral("--out"), out.path()});
        QCOMPARE(run.code, 0);
        const LoadResult after = ManifestLoader().loadFolder(out.path().toStdString());
        // 70:20 share the remaining 60 by largest remainder.
        QCOMPARE(weightsOf(*after.mesh, "checkout"), (std::vector<int64_t>{47, 13, 40}));
        const Run byHost = runMeshlane({QStringLiteral("set-weights"), data("hosts"), QStringLiteral("--vs"), QStringLiteral("checkout"),
                                     QStringLiteral("--weights"), QStringLiteral("checkout-v1=10,checkout-v2=10"),
                                     QStringLiteral("--dry-run")});
        QCOMPARE(byHost.code, 0);
        QVERIFY(byHost.out.contains(QStringLiteral("+      weight: 80")));
    }

    void dryRunPrintsAPatchAndWritesNothing()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString() + "/mesh";
        editingtest::copyTree(sample("greeter").toStdString(), root);
        const auto before = snapshotTree(root);
        const Run run = runMeshlane({QStringLiteral("set-weights"), QString::fromStdString(root), QStringLiteral("--vs"),
                                  QStringLiteral("default/greeter-service"), QStringLiteral("--weights"),
                                  QStringLiteral("v1=50"), QStringLiteral("--in-place"), QStringLiteral("--dry-run")});
        QCOMPARE(run.code, 0);
        QVERIFY(snapshotTree(root) == before);
        QVERIFY(run.out.startsWith(QStringLiteral("--- a/routing.yaml\n+++ b/routing.yaml\n@@ ")));
        QVERIFY(run.out.contains(QStringLiteral("-      weight: 90\n+      weight: 50\n")));
        const QString patch = QStandardPaths::findExecutable(QStringLiteral("patch"));
        if (patch.isEmpty())
            return;
        QProcess process;
        process.setWorkingDirectory(QString::fromStdString(root));
        process.start(patch, {QStringLiteral("-p1")});
        process.write(run.out.toUtf8());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(weightsOf(*ManifestLoader().loadFolder(root).mesh, "greeter-service"), (std::vector<int64_t>{50, 50}));
    }

    void inPlace()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString() + "/mesh";
        editingtest::copyTree(sample("fleetman").toStdString(), root);
        const Run run = runMeshlane({QStringLiteral("set-weights"), QString::fromStdString(root), QStringLiteral("--vs"),
                                  QStringLiteral("fleetman-staff-service"), QStringLiteral("--route"), QStringLiteral("0"),
                                  QStringLiteral("--weights"), QStringLiteral("safe=0,risky=100"), QStringLiteral("--in-place"),
                                  QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(run.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("written")].toArray().size(), 1);
        QCOMPARE(json[QStringLiteral("weights")].toArray()[1].toObject()[QStringLiteral("after")].toInt(), 100);
        QCOMPARE(weightsOf(*ManifestLoader().loadFolder(root).mesh, "fleetman-staff-service"),
                 (std::vector<int64_t>{0, 100}));
        // The comments the fleetman author wrote are still there.
        QVERIFY(readFile(root + "/routing.yaml").find("# the name VirtualService destinations refer to") != std::string::npos);
    }

    void tcpRouteWeights()
    {
        const Run run = runMeshlane({QStringLiteral("set-weights"), sample("tcp-echo-shift"), QStringLiteral("--vs"),
                                     QStringLiteral("echo/tcp-echo"), QStringLiteral("--route"), QStringLiteral("tcp[0]"),
                                     QStringLiteral("--weights"), QStringLiteral("v2=50"), QStringLiteral("--dry-run")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.err, QStringLiteral("echo/tcp-echo tcp[0]: v1 80 -> 50, v2 20 -> 50\n"));
        QVERIFY(run.out.contains(QStringLiteral("-      weight: 80\n+      weight: 50\n")));
        QVERIFY(run.out.contains(QStringLiteral("-      weight: 20\n+      weight: 50\n")));
        // Without --route the rule's only list is taken; a list it lacks is a usage error.
        const Run byDefault = runMeshlane({QStringLiteral("set-weights"), sample("tcp-echo-shift"), QStringLiteral("--vs"),
                                           QStringLiteral("echo/tcp-echo"), QStringLiteral("--weights"),
                                           QStringLiteral("v1=100"), QStringLiteral("--dry-run")});
        QCOMPARE(byDefault.code, 0);
        QVERIFY(byDefault.err.startsWith(QStringLiteral("echo/tcp-echo tcp[0]: v1 80 -> 100")));
        const Run missing = runMeshlane({QStringLiteral("set-weights"), sample("tcp-echo-shift"), QStringLiteral("--vs"),
                                         QStringLiteral("echo/tcp-echo"), QStringLiteral("--route"),
                                         QStringLiteral("tls[0]"), QStringLiteral("--weights"), QStringLiteral("v1=100"),
                                         QStringLiteral("--dry-run")});
        QCOMPARE(missing.code, 64);
        QVERIFY(missing.err.contains(QStringLiteral("has no tls route 'tls[0]' (it has 0")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString dir = sample("bookinfo-80-20");
        const QString vs = QStringLiteral("--vs=default/reviews");
        const QString dry = QStringLiteral("--dry-run");
        QTest::newRow("no --vs") << QStringList{dir, QStringLiteral("--weights=v1=50"), dry} << QStringLiteral("--vs");
        QTest::newRow("no --weights") << QStringList{dir, vs, dry} << QStringLiteral("--weights");
        QTest::newRow("nowhere to write") << QStringList{dir, vs, QStringLiteral("--weights=v1=50")} << QStringLiteral("--out");
        QTest::newRow("both targets") << QStringList{dir, vs, QStringLiteral("--weights=v1=50"), QStringLiteral("--in-place"),
                                                    QStringLiteral("--out=/tmp/x")} << QStringLiteral("not both");
        QTest::newRow("unknown vs") << QStringList{dir, QStringLiteral("--vs=default/nope"), QStringLiteral("--weights=v1=5"), dry}
                                    << QStringLiteral("no VirtualService");
        QTest::newRow("unknown route") << QStringList{dir, vs, QStringLiteral("--route=3"), QStringLiteral("--weights=v1=5"), dry}
                                       << QStringLiteral("no http route");
        QTest::newRow("unknown subset") << QStringList{dir, vs, QStringLiteral("--weights=v9=5"), dry}
                                        << QStringLiteral("it has: v1, v2");
        QTest::newRow("bad number") << QStringList{dir, vs, QStringLiteral("--weights=v1=x"), dry} << QStringLiteral("bad weight");
        QTest::newRow("over 100") << QStringList{dir, vs, QStringLiteral("--weights=v1=101"), dry} << QStringLiteral("bad weight");
        QTest::newRow("sum not 100") << QStringList{dir, vs, QStringLiteral("--weights=v1=50,v2=20"), dry}
                                     << QStringLiteral("must sum to 100");
        QTest::newRow("given twice") << QStringList{dir, vs, QStringLiteral("--weights=v1=50,v1=20"), dry}
                                     << QStringLiteral("given twice");
        QTest::newRow("out inside dir") << QStringList{dir, vs, QStringLiteral("--weights=v1=50"), QStringLiteral("--out"),
                                                      dir + QStringLiteral("/copy")} << QStringLiteral("inside DIR");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        args.prepend(QStringLiteral("set-weights"));
        const Run run = runMeshlane(args);
        QCOMPARE(run.code, int(cli::ExitUsage));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void uneditableLayoutIsReported()
    {
        const Run run = runMeshlane({QStringLiteral("set-weights"), data("commented"), QStringLiteral("--vs=shop/shared-weights"),
                                  QStringLiteral("--weights=v1=70"), QStringLiteral("--dry-run")});
        QCOMPARE(run.code, int(cli::ExitUnparseable));
        QVERIFY(run.err.contains(QStringLiteral("anchor &half")));
    }

    void exportCopiesByteForByte()
    {
        QTemporaryDir out;
        const Run run = runMeshlane({QStringLiteral("export"), data("commented"), QStringLiteral("--out"), out.path()});
        QCOMPARE(run.code, 0);
        QVERIFY(snapshotTree(out.path().toStdString()) == snapshotTree(data("commented").toStdString()));
        const Run again = runMeshlane({QStringLiteral("export"), data("commented"), QStringLiteral("--out"), out.path(),
                                    QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(again.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("written")].toArray().size(), 0);
        QCOMPARE(json[QStringLiteral("unchanged")].toArray().size(), 4);
        const Run dry = runMeshlane({QStringLiteral("export"), data("commented"), QStringLiteral("--out"), out.path(),
                                  QStringLiteral("--dry-run")});
        QCOMPARE(dry.code, 0);
        QVERIFY(dry.out.isEmpty());
    }

    void exportErrors()
    {
        QCOMPARE(runMeshlane({QStringLiteral("export"), sample("bookinfo")}).code, int(cli::ExitUsage));
        QCOMPARE(runMeshlane({QStringLiteral("export"), sample("bookinfo"), QStringLiteral("--out"),
                           sample("bookinfo") + QStringLiteral("/inside")}).code,
                 int(cli::ExitUsage));
        if (!editingtest::dropPermissionOverride())
            QSKIP("cannot drop root's permission override here");
        QTemporaryDir out;
        std::filesystem::permissions(out.path().toStdString(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        const Run run = runMeshlane({QStringLiteral("export"), sample("bookinfo"), QStringLiteral("--out"), out.path()});
        std::filesystem::permissions(out.path().toStdString(), std::filesystem::perms::owner_all);
        QCOMPARE(run.code, int(cli::ExitIoError));
        QVERIFY(run.err.contains(QStringLiteral("nothing was written")));
    }
};

QTEST_GUILESS_MAIN(TestEditCli)
#include "tst_editcli.moc"
