// SPDX-License-Identifier: MIT
#include "load/documenttree.h"
#include "load/manifestloader.h"
#include "support/testfolder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <sys/stat.h>

using namespace meshlane;

namespace {

const char *const reviewsVs = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
      weight: 80
    - destination:
        host: reviews.prod
        subset: v2
      weight: 20
)";

const Diagnostic *findCode(const LoadResult &result, const std::string &code)
{
    const auto it = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                 [&](const Diagnostic &d) { return d.code == code; });
    return it == result.diagnostics.end() ? nullptr : &*it;
}

QString dump(const LoadResult &result)
{
    QString text;
    for (const Diagnostic &d : result.diagnostics)
        text += QString::fromStdString(d.toString()) + u'\n';
    return text;
}

} // namespace

class TestManifestLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsBookinfoWithPositions()
    {
        const LoadResult result = ManifestLoader().loadFolder(QString(samplesDir() + QStringLiteral("/bookinfo")).toStdString());
        QVERIFY2(result.diagnostics.empty(), qPrintable(dump(result)));
        const Mesh &mesh = *result.mesh;
        QCOMPARE(mesh.services.size(), size_t(4));
        QCOMPARE(mesh.destinationRules.size(), size_t(4));
        QCOMPARE(mesh.gateways.size(), size_t(1));
        const VirtualService *reviews = mesh.findVirtualService("default", "reviews");
        QVERIFY(reviews);
        QCOMPARE(reviews->http.size(), size_t(2));
        QCOMPARE(reviews->http[0].match.size(), size_t(1));
        QCOMPARE(reviews->http[0].match[0].headers.at(0).name, std::string("end-user"));
        QCOMPARE(reviews->http[0].match[0].headers.at(0).match.value, std::string("jason"));
        QCOMPARE(reviews->http[0].route[0].destination.fqdn, std::string("reviews.default.svc.cluster.local"));
        QCOMPARE(reviews->meta.location.file, std::string("virtual-services.yaml"));
        // The document starts after a comment block; the line must be the `apiVersion` line.
        const std::string &text = mesh.findFile("virtual-services.yaml")->text;
        const int line = reviews->meta.location.line;
        QVERIFY(line > 0);
        size_t offset = 0;
        for (int i = 1; i < line; ++i)
            offset = text.find('\n', offset) + 1;
        QVERIFY(text.compare(offset, 11, "apiVersion:") == 0 || text.compare(offset, 5, "kind:") == 0);
        const Service *service = mesh.findService("reviews.default.svc.cluster.local");
        QVERIFY(service);
        QCOMPARE(mesh.workloadsOf(*service).size(), size_t(3));
        QCOMPARE(mesh.workloadsOf(*service, {{"version", "v2"}}).size(), size_t(1));
    }

    void everySampleLoadsClean_data()
    {
        QTest::addColumn<QString>("folder");
        const QStringList folders = QDir(samplesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(folders.size() >= 6);
        for (const QString &folder : folders)
            QTest::newRow(qPrintable(folder)) << samplesDir() + u'/' + folder;
    }

    void everySampleLoadsClean()
    {
        QFETCH(QString, folder);
        const LoadResult result = ManifestLoader().loadFolder(folder.toStdString());
        QVERIFY2(result.diagnostics.empty(), qPrintable(dump(result)));
        // Every sample routes something: with VirtualServices or with Gateway API routes.
        QVERIFY(!result.mesh->virtualServices.empty() || !result.mesh->gatewayApiRoutes.empty());
        QCOMPARE(result.unparseableFiles, 0);
    }

    void shortHostsExpandAgainstTheRuleNamespace()
    {
        const LoadResult result = ManifestLoader().loadText("vs.yaml", std::string(reviewsVs) + "");
        const VirtualService &vs = *result.mesh->virtualServices.at(0);
        QCOMPARE(vs.hostFqdns.at(0), std::string("reviews.default.svc.cluster.local"));
        QCOMPARE(vs.http[0].route[1].destination.fqdn, std::string("reviews.prod")); // has a dot: kept
        LoadOptions options;
        options.defaultNamespace = "shop";
        const LoadResult other = ManifestLoader(options).loadText("vs.yaml", reviewsVs);
        QCOMPARE(other.mesh->virtualServices.at(0)->meta.ns, std::string("shop"));
        QCOMPARE(other.mesh->virtualServices.at(0)->hostFqdns.at(0), std::string("reviews.shop.svc.cluster.local"));
    }

    void readsKubectlListsAndJson()
    {
        TestFolder folder;
        folder.write(QStringLiteral("list.yaml"), R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a, namespace: shop}
  spec: {selector: {app: a}, ports: [{name: http, port: 80}]}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: a-v1, namespace: shop}
  spec:
    replicas: 2
    selector: {matchLabels: {app: a}}
    template: {metadata: {labels: {app: a, version: v1}}, spec: {containers: [{name: a, image: a}]}}
)");
        folder.write(QStringLiteral("sub/dr.json"), R"({"apiVersion": "networking.istio.io/v1beta1", "kind": "DestinationRule",
 "metadata": {"name": "a", "namespace": "shop"},
 "spec": {"host": "a", "subsets": [{"name": "v1", "labels": {"version": "v1"}}]}})");
        const LoadResult result = ManifestLoader().loadFolder(folder.path());
        QVERIFY2(result.diagnostics.empty(), qPrintable(dump(result)));
        const Mesh &mesh = *result.mesh;
        QCOMPARE(mesh.services.size(), size_t(1));
        QCOMPARE(mesh.workloads.at(0)->replicas, 2);
        QCOMPARE(mesh.workloads.at(0)->meta.listIndex, 1);
        QCOMPARE(mesh.workloads.at(0)->meta.location.line, 8);
        QCOMPARE(mesh.destinationRules.at(0)->fqdn, std::string("a.shop.svc.cluster.local"));
        QCOMPARE(mesh.destinationRules.at(0)->meta.location.file, std::string("sub/dr.json"));
        QVERIFY(mesh.findSubset("a.shop.svc.cluster.local", "v1"));
    }

    void ignoresNonKubernetesDocumentsWithANote()
    {
        const LoadResult result = ManifestLoader().loadText("mixed.yaml", "title: not a manifest\n---\n"
                                                                          "- a\n- b\n---\n"
                                                                          + std::string(reviewsVs));
        QCOMPARE(result.mesh->virtualServices.size(), size_t(1));
        QCOMPARE(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                               [](const Diagnostic &d) { return d.code == codes::NotKubernetes && d.severity == Severity::Info; }),
                 2L);
        QCOMPARE(result.unparseableFiles, 0);
    }

    void keepsOtherKindsAsWritten()
    {
        const LoadResult result = ManifestLoader().loadText("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {a: b}\n");
        QVERIFY(result.diagnostics.empty());
        QCOMPARE(result.mesh->otherResources.size(), size_t(1));
        QCOMPARE(result.mesh->otherResources[0].kind, std::string("ConfigMap"));
    }

    void readsTheKindsTheAnalyzerNeeds()
    {
        const LoadResult result = ManifestLoader().loadText("policy.yaml", R"(apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: narrow, namespace: shop}
spec:
  workloadSelector:
    labels: {app: cart}
  egress:
  - hosts: [./cart.shop.svc.cluster.local, istio-system/istiod.istio-system.svc.cluster.local]
  outboundTrafficPolicy:
    egressProxy: {host: proxy}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: strict, namespace: shop}
spec:
  mtls: {mode: STRICT}
  portLevelMtls:
    "8080": {mode: DISABLE}
---
apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: jwt, namespace: istio-system}
spec:
  selector:
    matchLabels: {istio: ingressgateway}
  jwtRules:
  - issuer: https://issuer.example.com
---
apiVersion: v1
kind: Secret
metadata: {name: tls, namespace: istio-system}
type: kubernetes.io/tls
data: {tls.crt: Y2VydA==, tls.key: a2V5}
---
apiVersion: v1
kind: Node
metadata:
  name: worker-1
  labels: {topology.kubernetes.io/zone: eu-1a}
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {istio-injection: enabled}
---
apiVersion: v1
kind: Pod
metadata: {name: cart-1, namespace: shop, labels: {app: cart}}
spec:
  nodeName: worker-1
  containers: [{name: cart, image: cart:1}]
)");
        QVERIFY(result.diagnostics.empty()); // unknown fields of these kinds are kept, not reported
        const Mesh &mesh = *result.mesh;
        QVERIFY(mesh.otherResources.empty());
        QCOMPARE(mesh.sidecars.size(), size_t(1));
        QCOMPARE(mesh.sidecars[0]->workloadSelector.at("app"), std::string("cart"));
        QCOMPARE(mesh.sidecars[0]->egressHosts.size(), size_t(2));
        QVERIFY(mesh.sidecars[0]->egressProxy);
        QCOMPARE(mesh.peerAuthentications.size(), size_t(1));
        QCOMPARE(mesh.peerAuthentications[0]->mode, std::string("STRICT"));
        QCOMPARE(mesh.peerAuthentications[0]->portLevelMtls.at(8080), std::string("DISABLE"));
        QCOMPARE(mesh.requestAuthentications.size(), size_t(1));
        QCOMPARE(mesh.requestAuthentications[0]->selector.at("istio"), std::string("ingressgateway"));
        QCOMPARE(mesh.secrets.size(), size_t(1));
        QCOMPARE(mesh.secrets[0]->data.at("tls.key"), std::string("a2V5"));
        QCOMPARE(mesh.nodes.size(), size_t(1));
        QCOMPARE(mesh.namespaces.size(), size_t(1));
        QCOMPARE(mesh.workloads.size(), size_t(1));
        QCOMPARE(mesh.workloads[0]->nodeName, std::string("worker-1"));
    }

    void syntaxErrorNamesFileLineAndColumn()
    {
        TestFolder folder;
        folder.write(QStringLiteral("good.yaml"), reviewsVs);
        folder.write(QStringLiteral("bad.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n  x: y\n");
        const LoadResult result = ManifestLoader().loadFolder(folder.path());
        const Diagnostic *error = findCode(result, codes::YamlSyntax);
        QVERIFY2(error, qPrintable(dump(result)));
        QCOMPARE(error->severity, Severity::Error);
        QCOMPARE(error->location.file, std::string("bad.yaml"));
        QVERIFY(error->location.line >= 4);
        QVERIFY2(error->message.find("bad.yaml:" + std::to_string(error->location.line) + ':') != std::string::npos,
                 error->message.c_str());
        QCOMPARE(result.unparseableFiles, 1);
        QCOMPARE(result.mesh->virtualServices.size(), size_t(1)); // the good file still loads
    }

    void refusesBinaryAndNonUtf8Files()
    {
        TestFolder folder;
        folder.write(QStringLiteral("blob.yaml"), QByteArray("apiVersion: v1\n\0\x01\x02", 18));
        folder.write(QStringLiteral("latin1.yaml"), QByteArray("kind: Service # caf\xe9\n"));
        folder.write(QStringLiteral("ok.yaml"), reviewsVs);
        const LoadResult result = ManifestLoader().loadFolder(folder.path());
        QCOMPARE(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                               [](const Diagnostic &d) { return d.code == codes::NotText; }),
                 2L);
        QCOMPARE(result.unparseableFiles, 2);
        QCOMPARE(result.mesh->virtualServices.size(), size_t(1));
        const Diagnostic *binary = findCode(result, codes::NotText);
        QCOMPARE(binary->location.file, std::string("blob.yaml"));
        QCOMPARE(binary->location.line, 2);
    }

    // go-yaml refuses every control character but tab, LF and CR ("control
    // characters are not allowed"), so kubectl does: so does Meshlane, at its line.
    void refusesControlCharacters_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("character");
        QTest::newRow("backspace in a tag") << QByteArray("apiVersion: v1\nkind: Service\nmetadata: !\x08\n") << "U+0008";
        QTest::newRow("form feed") << QByteArray("apiVersion: v1\nkind: Service\n\x0c\n") << "U+000C";
        QTest::newRow("delete") << QByteArray("apiVersion: v1\nkind: Service\nx: a\x7f\n") << "U+007F";
        QTest::newRow("C1 control") << QByteArray("apiVersion: v1\nkind: Service\nx: \xc2\x90\n") << "U+0090";
    }

    void refusesControlCharacters()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, character);
        const LoadResult result = ManifestLoader().loadText("c.yaml", text.toStdString());
        const Diagnostic *refused = findCode(result, codes::NotText);
        QVERIFY2(refused, qPrintable(dump(result)));
        QCOMPARE(refused->location.line, 3);
        QVERIFY2(refused->message.find("control character " + character.toStdString()) != std::string::npos,
                 refused->message.c_str());
        QVERIFY(result.mesh->services.empty());
        // Tabs, CR LF and NEL stay text.
        const LoadResult fine = ManifestLoader().loadText("ok.yaml", "apiVersion: v1\r\nkind: Service\r\n"
                                                                     "metadata: {name: a,\tnamespace: b}\r\n");
        QVERIFY(!findCode(fine, codes::NotText));
    }

    void emptyAndCommentOnlyFilesAreNotes()
    {
        TestFolder folder;
        folder.write(QStringLiteral("empty.yaml"), "");
        folder.write(QStringLiteral("comments.yaml"), "# nothing here yet\n---\n# still nothing\n");
        const LoadResult result = ManifestLoader().loadFolder(folder.path());
        QCOMPARE(result.diagnostics.size(), size_t(2));
        for (const Diagnostic &d : result.diagnostics) {
            QCOMPARE(d.code, std::string(codes::EmptyFile));
            QCOMPARE(d.severity, Severity::Info);
        }
        QCOMPARE(result.unparseableFiles, 0);
    }

    void wrongTypesAreSchemaErrorsWithLines()
    {
        const LoadResult result = ManifestLoader().loadText("types.yaml", R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: typed
spec:
  hosts: 5
  http:
  - route:
    - destination:
        host: typed
      weight: "abc"
    - destination:
        host: typed
      weight: 10
)");
        QCOMPARE(result.mesh->virtualServices.size(), size_t(1)); // still loaded, as far as it makes sense
        std::vector<const Diagnostic *> schema;
        for (const Diagnostic &d : result.diagnostics) {
            if (d.code == codes::SchemaError)
                schema.push_back(&d);
        }
        QCOMPARE(schema.size(), size_t(2));
        QCOMPARE(schema[0]->location.line, 6);
        QVERIFY(schema[0]->message.find("spec.hosts") != std::string::npos);
        QCOMPARE(schema[1]->location.line, 11);
        QVERIFY(schema[1]->message.find("spec.http[0].route[0].weight") != std::string::npos);
        QCOMPARE(schema[1]->resource.name, std::string("typed"));
        const VirtualService &vs = *result.mesh->virtualServices[0];
        QVERIFY(!vs.http[0].route[0].weight.has_value());
        QCOMPARE(vs.http[0].route[1].weight.value_or(-1), int64_t(10));
    }

    void unknownFieldsAreKeptAndReported()
    {
        std::string text = reviewsVs;
        text.replace(text.find("      weight: 80"), 16, "      weigth: 80");
        const LoadResult result = ManifestLoader().loadText("typo.yaml", text);
        const Diagnostic *unknown = findCode(result, codes::SchemaError);
        QVERIFY(unknown);
        QCOMPARE(unknown->severity, Severity::Warning);
        QCOMPARE(unknown->location.line, 13);
        QVERIFY(unknown->message.find("weigth") != std::string::npos);
        const YAML::Node raw = DocumentTree::of(*result.mesh, result.mesh->virtualServices[0]->meta);
        QCOMPARE(raw["spec"]["http"][0]["route"][0]["weigth"].as<int>(), 80);
    }

    void deepNestingIsRefusedClearly()
    {
        std::string deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ";
        deep += std::string(600, '[') + std::string(600, ']') + "\n";
        std::string block = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deeper}\ndata:\n";
        for (int i = 1; i < 400; ++i)
            block += std::string(size_t(i) * 2, ' ') + "k:\n";
        TestFolder folder;
        folder.write(QStringLiteral("flow.yaml"), QByteArray::fromStdString(deep));
        folder.write(QStringLiteral("block.yaml"), QByteArray::fromStdString(block));
        folder.write(QStringLiteral("ok.yaml"), reviewsVs);
        const LoadResult result = ManifestLoader().loadFolder(folder.path());
        QCOMPARE(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                               [](const Diagnostic &d) {
                                   return d.code == codes::NestingTooDeep
                                       && d.message.find("nesting too deep") != std::string::npos;
                               }),
                 2L);
        QCOMPARE(result.mesh->virtualServices.size(), size_t(1));
        // Ordinary depth is fine.
        std::string moderate = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\ndata: {a: "
                               + std::string(40, '[') + std::string(40, ']') + "}\n";
        QVERIFY(ManifestLoader().loadText("moderate.yaml", moderate).diagnostics.empty());
    }

    void aliasBombsStopQuickly()
    {
        std::string bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n"
                           "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        const char *previous = "a";
        const char *names[] = {"b", "c", "d", "e", "f", "g", "h", "i"};
        for (const char *name : names) {
            bomb += std::string(name) + ": &" + name + " [";
            for (int k = 0; k < 9; ++k)
                bomb += std::string(k ? ", " : "") + '*' + previous;
            bomb += "]\n";
            previous = name;
        }
        QElapsedTimer timer;
        timer.start();
        const LoadResult result = ManifestLoader().loadText("bomb.yaml", bomb);
        QVERIFY(findCode(result, codes::AliasExpansion));
        QCOMPARE(result.mesh->otherResources.size(), size_t(0));
        QCOMPARE(result.unparseableFiles, 1);
    }

    void anAnchorThatContainsItselfIsRefused()
    {
        // It made a cyclic tree that crashed the loader; kubectl refuses it.
        const std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loop}\ndata:\n"
                                 "  list: &x [1, *x]\n";
        const LoadResult result = ManifestLoader().loadText("loop.yaml", text);
        const Diagnostic *refused = findCode(result, codes::YamlSyntax);
        QVERIFY(refused);
        QCOMPARE(refused->location.line, 5);
        QVERIFY2(refused->message.find("contain itself") != std::string::npos, refused->message.c_str());
        QCOMPARE(result.unparseableFiles, 1);
        // An alias to a finished collection is fine.
        const LoadResult shared = ManifestLoader().loadText(
            "shared.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\ndata:\n  a: &x [1]\n  b: *x\n");
        QVERIFY(!findCode(shared, codes::YamlSyntax));
        QCOMPARE(shared.mesh->otherResources.size(), size_t(1));
    }

    void duplicatesKeepTheFirstDefinition()
    {
        TestFolder folder;
        folder.write(QStringLiteral("a.yaml"), reviewsVs);
        folder.write(QStringLiteral("b.yaml"), reviewsVs);
        const LoadResult result = ManifestLoader().loadFolder(folder.path());
        const Diagnostic *duplicate = findCode(result, codes::DuplicateResource);
        QVERIFY(duplicate);
        QCOMPARE(duplicate->location.file, std::string("b.yaml"));
        QCOMPARE(duplicate->location.line, 1);
        QCOMPARE(result.mesh->virtualServices.size(), size_t(1));
        QCOMPARE(result.mesh->virtualServices[0]->meta.location.file, std::string("a.yaml"));
    }

    void brokenLinksAndLoopsDoNotStopTheLoad()
    {
        TestFolder folder;
        folder.write(QStringLiteral("ok.yaml"), reviewsVs);
        QDir(folder.qpath()).mkpath(QStringLiteral("nested"));
        QVERIFY(QFile::link(folder.qpath(), folder.qpath() + QStringLiteral("/nested/loop")));
        QVERIFY(QFile::link(folder.qpath() + QStringLiteral("/missing.yaml"), folder.qpath() + QStringLiteral("/dangling.yaml")));
        QVERIFY(::mkfifo((folder.path() + "/pipe.yaml").c_str(), 0600) == 0); // must not block
        const LoadResult result = ManifestLoader().loadFolder(folder.path());
        QCOMPARE(result.mesh->virtualServices.size(), size_t(1));
        QVERIFY2(std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                             [](const Diagnostic &d) { return d.message.find("loop") != std::string::npos; }),
                 qPrintable(dump(result)));
        QVERIFY2(std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                             [](const Diagnostic &d) { return d.location.file == "dangling.yaml"; }),
                 qPrintable(dump(result)));
    }

    // Found by fuzz_exporter's 30-minute run: a new file named "a//b.yaml"
    // made reloadFiles look its name up in generic form ("a/b.yaml"), find
    // neither it nor a file of the base, and read past the end of a map.
    void reloadTakesAnyNewFileName()
    {
        const MeshPtr base = ManifestLoader().loadText("a.yaml", reviewsVs).mesh;
        for (const std::string name : {"extra//x.yaml", "extra/./x.yaml", "z//"}) {
            const LoadResult reloaded = ManifestLoader().reloadFiles(*base, {{name, std::string(reviewsVs)}});
            QVERIFY(reloaded.mesh->findFile(name));
            QVERIFY(reloaded.mesh->findFile("a.yaml"));
            QCOMPARE(reloaded.mesh->files.size(), size_t(2));
        }
    }

    void unreadableFolderIsReported()
    {
        const LoadResult result = ManifestLoader().loadFolder("/nonexistent/meshlane/folder");
        QVERIFY(findCode(result, codes::UnreadablePath));
        QCOMPARE(result.unparseableFiles, 1);
        QVERIFY(result.mesh);
    }
};

QTEST_GUILESS_MAIN(TestManifestLoader)
#include "tst_manifestloader.moc"
