// SPDX-License-Identifier: MIT
#include "load/manifestloader.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace meshlane;

namespace {

const Diagnostic *errorWithCode(const LoadResult &result, const char *code)
{
    for (const Diagnostic &diagnostic : result.diagnostics) {
        if (diagnostic.code == code && diagnostic.severity == Severity::Error)
            return &diagnostic;
    }
    return nullptr;
}

// The refusal of a key written twice: on the second one's line, naming both.
void verifyDuplicateKey(const LoadResult &result, int line, const std::string &lines)
{
    const Diagnostic *error = errorWithCode(result, "ML0001");
    QVERIFY(error);
    QCOMPARE(error->location.line, line);
    QVERIFY2(error->message.find(lines) != std::string::npos, error->message.c_str());
}

} // namespace

// YAML that Kubernetes' decoder (go-yaml) refuses must not load silently
// because yaml-cpp 0.7 is more lenient; what kubectl accepts still loads.
class TestYamlStrictness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unterminatedQuoteRefusesTheFile_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("double") << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: \"unterminated\n"
                                              "spec:\n  selector: {app: x}\n") << 4;
        QTest::newRow("single") << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: 'unterminated\n"
                                              "spec:\n  selector: {app: x}\n") << 4;
        QTest::newRow("runs into the next document")
            << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: {team: \"core}\n---\n"
                          "apiVersion: v1\nkind: Service\nmetadata: {name: b}\n") << 5;
        QTest::newRow("in a list") << QByteArray("apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n"
                                                 "  ports:\n  - name: \"http\n    port: 80\n") << 6;
    }

    void unterminatedQuoteRefusesTheFile()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        const LoadResult result = ManifestLoader().loadText("svc.yaml", text.toStdString());
        const Diagnostic *error = errorWithCode(result, "ML0001");
        QVERIFY2(error, "no syntax error");
        QCOMPARE(error->location.line, line);
        QVERIFY(result.mesh->services.empty());
    }

    void quotesKubernetesAcceptsStillLoad_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("quoted over two lines") << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n"
                                                             "  annotations:\n    note: \"one\n      two\"\n");
        QTest::newRow("apostrophe in a plain scalar") << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n"
                                                                    "  annotations:\n    note: it's fine\n");
        QTest::newRow("quotes in a block scalar") << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n"
                                                                "  annotations:\n    script: |\n      echo \"hi\n      it's\n");
        QTest::newRow("escaped quotes") << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n"
                                                      "  annotations:\n    a: \"say \\\"hi\\\"\"\n    b: 'it''s'\n");
        QTest::newRow("quote in a comment") << QByteArray("apiVersion: v1\nkind: Service # \"quoted\nmetadata: {name: a}\n");
    }

    void quotesKubernetesAcceptsStillLoad()
    {
        QFETCH(QByteArray, text);
        const LoadResult result = ManifestLoader().loadText("svc.yaml", text.toStdString());
        QVERIFY2(!errorWithCode(result, "ML0001"), result.diagnostics.empty() ? "" : result.diagnostics.front().toString().c_str());
        QCOMPARE(result.mesh->services.size(), size_t(1));
    }

    void keyWrittenTwiceRefusesItsDocumentOnly()
    {
        const std::string text = "apiVersion: networking.istio.io/v1\n"
                                 "kind: VirtualService\n"
                                 "metadata: {name: reviews}\n"
                                 "spec:\n"
                                 "  hosts: [reviews]\n"
                                 "  http:\n"
                                 "  - route:\n"
                                 "    - destination: {host: reviews, subset: v1}\n"
                                 "      weight: 90\n"
                                 "      weight: 10\n"
                                 "---\n"
                                 "apiVersion: v1\nkind: Service\nmetadata: {name: reviews}\n";
        const LoadResult result = ManifestLoader().loadText("vs.yaml", text);
        verifyDuplicateKey(result, 10, "lines 9 and 10");
        QVERIFY(result.mesh->virtualServices.empty());
        QCOMPARE(result.mesh->services.size(), size_t(1)); // the other document loads
    }

    void theDuplicateWrittenFirstIsTheOneReported()
    {
        // The inner mapping closes first, but its duplicate comes later in
        // the text than the outer one's.
        const std::string text = "apiVersion: v1\nkind: ConfigMap\n"
                                 "metadata: {name: a}\n" // line 3
                                 "data:\n"
                                 "  one: x\n"
                                 "metadata: {name: b}\n" // line 6: second of the outer mapping
                                 "extra:\n"
                                 "  k: 1\n"
                                 "  k: 2\n"; // line 9: second of the inner one
        verifyDuplicateKey(ManifestLoader().loadText("cm.yaml", text), 6, "lines 3 and 6");
    }

    void keyWrittenTwiceInAWideMapping()
    {
        // Past a handful of keys the builder looks keys up in a hash table.
        std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\ndata:\n";
        for (int i = 0; i < 40; ++i)
            text += "  key" + std::to_string(i) + ": v\n"; // lines 5..44
        text += "  key7: again\n"; // line 45; key7 is on line 12
        const LoadResult result = ManifestLoader().loadText("cm.yaml", text);
        verifyDuplicateKey(result, 45, "lines 12 and 45");
        QVERIFY(result.mesh->otherResources.empty());
    }

    void unknownFieldsAreToldApartFromReadOnesInAWideMapping()
    {
        // A reader marks the fields it read by their position; past 64 the
        // marks are kept beyond its first word. Fields read there are not unknown.
        std::string text = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: wide}\nspec:\n";
        for (int i = 0; i < 70; ++i)
            text += "  extra" + std::to_string(i) + ": 1\n";
        text += "  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}\n";
        const LoadResult result = ManifestLoader().loadText("vs.yaml", text);
        QCOMPARE(result.mesh->virtualServices.size(), size_t(1));
        QCOMPARE(result.mesh->virtualServices.front()->hosts, std::vector<std::string>{"reviews"});
        int unknown = 0;
        for (const Diagnostic &diagnostic : result.diagnostics) {
            if (diagnostic.message.find("unknown field") == std::string::npos)
                continue;
            ++unknown;
            QVERIFY2(diagnostic.message.find("spec.extra") != std::string::npos, diagnostic.message.c_str());
        }
        QCOMPARE(unknown, 70);
    }

    void sameKeyInSiblingMappingsIsFine()
    {
        const std::string text = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r}\n"
                                 "spec:\n  host: r\n  subsets:\n  - name: v1\n    labels: {version: v1}\n"
                                 "  - name: v2\n    labels: {version: v2}\n";
        const LoadResult result = ManifestLoader().loadText("dr.yaml", text);
        QVERIFY(!errorWithCode(result, "ML0001"));
        QCOMPARE(result.mesh->destinationRules.size(), size_t(1));
    }

    void mergeKeysAreAcceptedAsKubernetesDoes()
    {
        const std::string text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: &common {team: core}\n"
                                 "  annotations:\n    <<: *common\n    owner: me\n";
        const LoadResult result = ManifestLoader().loadText("svc.yaml", text);
        QVERIFY(!errorWithCode(result, "ML0001"));
        QCOMPARE(result.mesh->services.size(), size_t(1));
    }

    void tabsAsIndentationRefuseTheFile()
    {
        const LoadResult result =
            ManifestLoader().loadText("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n\tname: tabbed\n");
        const Diagnostic *error = errorWithCode(result, "ML0001");
        QVERIFY(error);
        QCOMPARE(error->location.line, 4);
        QVERIFY(result.mesh->services.empty());
    }

    void byteOrderMarkAndCrlfLoadAsKubectlReadsThem()
    {
        const LoadResult result = ManifestLoader().loadText(
            "svc.yaml", "\xEF\xBB\xBF" "apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: web\r\n"
                        "spec:\r\n  selector: {app: web}\r\n  ports: [{port: 80, name: http}]\r\n---\r\n"
                        "apiVersion: networking.istio.io/v1\r\nkind: VirtualService\r\nmetadata: {name: web}\r\n"
                        "spec:\r\n  hosts: [web]\r\n  weird: 2\r\n");
        QVERIFY(!errorWithCode(result, "ML0001"));
        QCOMPARE(result.mesh->services.size(), size_t(1));
        QCOMPARE(result.mesh->services.front()->meta.name, std::string("web")); // no \r, no BOM in names
        QCOMPARE(result.mesh->services.front()->selector.at("app"), std::string("web"));
        bool unknownFieldOnItsLine = false;
        for (const Diagnostic &diagnostic : result.diagnostics)
            unknownFieldOnItsLine = unknownFieldOnItsLine || diagnostic.location.line == 14;
        QVERIFY(unknownFieldOnItsLine); // lines count CRLF as one break
    }

    void anchorsOnKeysAreAccepted()
    {
        const LoadResult result = ManifestLoader().loadText(
            "svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  &k name: anchored\nspec: {selector: {app: a}}\n");
        QVERIFY(!errorWithCode(result, "ML0001"));
        QCOMPARE(result.mesh->services.front()->meta.name, std::string("anchored"));
    }

    void aDocumentMarkerEndsABlockScalar()
    {
        // As in go-yaml, `---` at the start of a line ends the literal block
        // and starts a document; the rest is not a Kubernetes object.
        const LoadResult result = ManifestLoader().loadText(
            "cm.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  annotations:\n    note: |\n"
                       "      line\n---\n      more\n");
        QCOMPARE(result.mesh->services.size(), size_t(1));
        QCOMPARE(result.mesh->services.front()->meta.annotations.at("note"), std::string("line\n"));
        bool notAnObject = false;
        for (const Diagnostic &diagnostic : result.diagnostics)
            notAnObject = notAnObject || (diagnostic.code == "ML0008" && diagnostic.location.line == 9);
        QVERIFY(notAnObject);
    }

    void yaml11BooleansAreNotStrings_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *word : {"y", "N", "yes", "Off", "on", "TRUE", ".inf"})
            QTest::newRow(word) << word;
    }

    void yaml11BooleansAreNotStrings()
    {
        QFETCH(QString, value);
        const LoadResult result = ManifestLoader().loadText(
            "svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: {team: " + value.toStdString()
                            + "}\n");
        const Diagnostic *error = errorWithCode(result, "IST0106");
        QVERIFY(error);
        QCOMPARE(error->location.line, 5);
        // Quoted, it is the string kubectl reads.
        const LoadResult quoted = ManifestLoader().loadText(
            "svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: {team: \""
                            + value.toStdString() + "\"}\n");
        QVERIFY(!errorWithCode(quoted, "IST0106"));
        QCOMPARE(quoted.mesh->services.front()->meta.labels.at("team"), value.toStdString());
    }

    void yaml11BooleanKeysBecomeTrueAndFalse()
    {
        const LoadResult result = ManifestLoader().loadText(
            "svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: {on: x, \"off\": y2}\n");
        const Labels &labels = result.mesh->services.front()->meta.labels;
        QCOMPARE(labels.count("true"), size_t(1)); // as on the cluster
        QCOMPARE(labels.count("on"), size_t(0));
        QCOMPARE(labels.count("off"), size_t(1)); // quoted: a string
        bool warned = false;
        for (const Diagnostic &diagnostic : result.diagnostics)
            warned = warned || (diagnostic.severity == Severity::Warning && diagnostic.message.find("kubectl reads it as \"true\"") != std::string::npos);
        QVERIFY(warned);
    }
};

QTEST_GUILESS_MAIN(TestYamlStrictness)
#include "tst_yamlstrictness.moc"
