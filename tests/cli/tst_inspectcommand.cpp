// SPDX-License-Identifier: MIT
#include "support/clirunner.h"
#include "support/testdata.h"
#include "support/testfolder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace {

// Runs the real binary with `input` on its standard input; checks the exit code, returns the JSON printed.
QJsonObject runBinary(const QStringList &args, const QByteArray &input, int expectedExit)
{
    QProcess meshlane;
    meshlane.start(QStringLiteral(MESHLANE_BINARY), args);
    if (!meshlane.waitForStarted())
        return {};
    meshlane.write(input);
    meshlane.closeWriteChannel();
    meshlane.waitForFinished(60000);
    const QByteArray out = meshlane.readAllStandardOutput();
    if (meshlane.exitCode() != expectedExit)
        qWarning("exit %d, expected %d: %s", meshlane.exitCode(), expectedExit, meshlane.readAllStandardError().constData());
    return meshlane.exitCode() == expectedExit ? QJsonDocument::fromJson(out).object() : QJsonObject();
}

} // namespace

class TestInspectCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryResourceWithFileAndLine()
    {
        const CliRun run = runCli({QStringLiteral("inspect"), samplesDir() + QStringLiteral("/greeter")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("ServiceEntry")));
        QVERIFY(run.out.contains(QStringLiteral("movieweb")));
        QVERIFY(run.out.contains(QStringLiteral("egress.yaml:")));
        QVERIFY(run.err.isEmpty());
    }

    void jsonHasTheDocumentedKeys()
    {
        const CliRun run = runCli({QStringLiteral("inspect"), samplesDir() + QStringLiteral("/bookinfo"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray resources = run.json().value(QStringLiteral("resources")).toArray();
        QCOMPARE(resources.size(), 20);
        bool found = false;
        for (const auto &value : resources) {
            const QJsonObject object = value.toObject();
            for (const char *key : {"kind", "namespace", "name", "file", "line"})
                QVERIFY2(object.contains(QLatin1String(key)), key);
            if (object[QStringLiteral("kind")].toString() == u"VirtualService" && object[QStringLiteral("name")].toString() == u"reviews") {
                found = true;
                QCOMPARE(object[QStringLiteral("file")].toString(), QStringLiteral("virtual-services.yaml"));
                QVERIFY(object[QStringLiteral("line")].toInt() > 1);
            }
        }
        QVERIFY(found);
        QVERIFY(run.json().value(QStringLiteral("diagnostics")).toArray().isEmpty());
    }

    void unparseableInputExits65AndStillReportsTheRest()
    {
        TestFolder folder;
        folder.write(QStringLiteral("broken.yaml"), "apiVersion: v1\nkind: [\n");
        folder.write(QStringLiteral("svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}}\n");
        const CliRun run = runCli({QStringLiteral("inspect"), folder.qpath()});
        QCOMPARE(run.exitCode, 65);
        QVERIFY(run.out.contains(QStringLiteral("Service")));
        QVERIFY2(run.err.contains(QStringLiteral("broken.yaml:")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("ML0001")));
    }

    void usageErrorsExit64()
    {
        QCOMPARE(runCli({QStringLiteral("inspect")}).exitCode, 64);
        QCOMPARE(runCli({QStringLiteral("inspect"), QStringLiteral("a"), QStringLiteral("b")}).exitCode, 64);
        QCOMPARE(runCli({QStringLiteral("inspect"), QStringLiteral("--bogus"), QStringLiteral("a")}).exitCode, 64);
        QCOMPARE(runCli({QStringLiteral("inspect"), QStringLiteral("a"), QStringLiteral("-o"), QStringLiteral("xml")}).exitCode, 64);
        QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 64);
        const CliRun help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("inspect")));
        const CliRun version = runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("meshlane ")));
    }

    void namespaceOptionSetsTheDefault()
    {
        TestFolder folder;
        folder.write(QStringLiteral("svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}}\n");
        const CliRun run = runCli({QStringLiteral("inspect"), folder.qpath(), QStringLiteral("--namespace"), QStringLiteral("shop"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(run.json()[QStringLiteral("resources")].toArray().at(0).toObject()[QStringLiteral("namespace")].toString(), QStringLiteral("shop"));
    }

    // `helm template` / `kustomize build` output and `kubectl get -o yaml` come as one stream: "-"
    // reads it from standard input, and findings name "<stdin>" with the line in the stream.
    void standardInputIsOneStreamOfDocuments()
    {
        QFile rendered(meshlane::test::samplesDir(QStringLiteral("helm-rendered/all.yaml")));
        QVERIFY(rendered.open(QIODevice::ReadOnly));
        const QByteArray stream = rendered.readAll();

        const QJsonObject inspected = runBinary({QStringLiteral("inspect"), QStringLiteral("-"), QStringLiteral("-o"), QStringLiteral("json")}, stream, 0);
        QStringList kinds;
        for (const QJsonValue &resource : inspected[QStringLiteral("resources")].toArray()) {
            kinds << resource[QStringLiteral("kind")].toString();
            QCOMPARE(resource[QStringLiteral("file")].toString(), QStringLiteral("<stdin>"));
        }
        kinds.sort();
        QCOMPARE(kinds, (QStringList{QStringLiteral("Deployment"), QStringLiteral("Deployment"), QStringLiteral("DestinationRule"),
                                     QStringLiteral("Pod"), QStringLiteral("Service"), QStringLiteral("ServiceAccount"),
                                     QStringLiteral("VirtualService")}));

        const QByteArray withMistake = stream + "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                                                "metadata: {name: typo}\nspec:\n  hosts: [storefront.shop]\n"
                                                "  http:\n  - route:\n    - destination: {host: storefront, subset: canry}\n";
        const QJsonObject analyzed = runBinary({QStringLiteral("analyze"), QStringLiteral("-"), QStringLiteral("-o"), QStringLiteral("json")}, withMistake, 79);
        bool found = false;
        for (const QJsonValue &diagnostic : analyzed[QStringLiteral("diagnostics")].toArray()) {
            if (diagnostic[QStringLiteral("code")].toString() != u"IST0101")
                continue;
            found = true;
            QCOMPARE(diagnostic[QStringLiteral("file")].toString(), QStringLiteral("<stdin>"));
            QCOMPARE(diagnostic[QStringLiteral("line")].toInt(), 141); // the subset's line in the stream
        }
        QVERIFY2(found, QJsonDocument(analyzed).toJson().constData());
    }

    void aFolderOnlyCommandRefusesStandardInput()
    {
        const CliRun run = runCli({QStringLiteral("export"), QStringLiteral("-"), QStringLiteral("--out"), QStringLiteral("/tmp/x")});
        QVERIFY(run.exitCode != 0);
    }

    void generatedMeshOfManyServicesLoads()
    {
        TestFolder folder;
        QProcess generator;
        generator.start(QStringLiteral(MESHGEN_PATH), {QStringLiteral("--services"), QStringLiteral("50"), QStringLiteral("--versions"), QStringLiteral("3"), QStringLiteral("--out"), folder.qpath()});
        QVERIFY(generator.waitForFinished(60000));
        QCOMPARE(generator.exitCode(), 0);
        const CliRun run = runCli({QStringLiteral("inspect"), folder.qpath(), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.json()[QStringLiteral("diagnostics")].toArray().isEmpty(), qPrintable(run.out.left(2000)));
        // Each service: Service, 3 Deployments, DestinationRule, VirtualService; 5 ingress VSs; one Gateway.
        QCOMPARE(run.json()[QStringLiteral("resources")].toArray().size(), 50 * 6 + 5 + 1);
    }
};

QTEST_GUILESS_MAIN(TestInspectCommand)
#include "tst_inspectcommand.moc"
