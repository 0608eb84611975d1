// SPDX-License-Identifier: MIT
#include "load/documenttree.h"
#include "load/manifestloader.h"
#include "support/editingsupport.h"
#include "yaml/yamlwriter.h"

#include <QTest>

using namespace meshlane;

namespace {

// Structural equality as Kubernetes sees it: mappings compare by key whatever
// the order, lists in order, scalars by text and by string-ness.
bool sameTree(const YAML::Node &a, const YAML::Node &b, std::string *where, const std::string &path = {})
{
    const auto differ = [&](const std::string &why) {
        *where = path + ": " + why;
        return false;
    };
    if (a.Type() != b.Type())
        return differ("type");
    if (a.IsScalar()) {
        if (a.Scalar() != b.Scalar())
            return differ("'" + a.Scalar() + "' vs '" + b.Scalar() + "'");
        const bool aString = a.Tag() == "!" || !YamlWriter::looksLikeNonString(a.Scalar());
        const bool bString = b.Tag() == "!" || !YamlWriter::looksLikeNonString(b.Scalar());
        return aString == bString || differ("string-ness of " + a.Scalar());
    }
    if (a.IsSequence()) {
        if (a.size() != b.size())
            return differ("list size");
        for (size_t i = 0; i < a.size(); ++i) {
            if (!sameTree(a[i], b[i], where, path + '[' + std::to_string(i) + ']'))
                return false;
        }
        return true;
    }
    if (a.IsMap()) {
        if (a.size() != b.size())
            return differ("mapping size");
        for (const auto &entry : a) {
            const YAML::Node other = b[entry.first.Scalar()];
            if (!other.IsDefined())
                return differ("missing " + entry.first.Scalar());
            if (!sameTree(entry.second, other, where, path + '.' + entry.first.Scalar()))
                return false;
        }
    }
    return true;
}

} // namespace

class TestYamlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalLooksLikeKubectl()
    {
        const std::string written = R"(# hand-written
kind: VirtualService
spec:
  http:
  - route:
    - weight: 100
      destination: {subset: v1, host: reviews}
    match:
    - headers:
        end-user: {exact: "10"}
    name: first
  hosts: [reviews]
  unknownField: kept
status:
  validationMessages: []
metadata:
  uid: 1234
  resourceVersion: "99"
  generation: 3
  creationTimestamp: "2024-01-01T00:00:00Z"
  managedFields: [{manager: kubectl}]
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: "{}"
  namespace: default
  name: reviews
  labels: {app: reviews}
apiVersion: networking.istio.io/v1alpha3
)";
        const std::string expected = R"(apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata:
  labels:
    app: reviews
  name: reviews
  namespace: default
spec:
  hosts:
  - reviews
  http:
  - match:
    - headers:
        end-user:
          exact: "10"
    name: first
    route:
    - destination:
        host: reviews
        subset: v1
      weight: 100
  unknownField: kept
)";
        QCOMPARE(YamlWriter::canonical(YAML::Load(written)), expected);
    }

    void scalars()
    {
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("v1")), std::string("v1"));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("10")), std::string("\"10\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("1.5")), std::string("\"1.5\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("yes")), std::string("\"yes\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("Null")), std::string("\"Null\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("")), std::string("\"\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("a #b")), std::string("\"a #b\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("- x")), std::string("\"- x\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("*x")), std::string("\"*x\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("say \"hi\"\n")), std::string("\"say \\\"hi\\\"\\n\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("^/api/v[0-9]+$")), std::string("^/api/v[0-9]+$"));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("a,b"), true), std::string("\"a,b\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::integerNode(-3)), std::string("-3"));
        QCOMPARE(YamlWriter::scalar(YamlWriter::numberNode(12.5)), std::string("12.5"));
        QCOMPARE(YamlWriter::scalar(YamlWriter::numberNode(100.0)), std::string("100"));
        QCOMPARE(YamlWriter::scalar(YamlWriter::stringNode("x"), true, true), std::string("\"x\""));
        QCOMPARE(YamlWriter::scalar(YamlWriter::integerNode(4), true, true), std::string("4"));
    }

    void multiLineStringsBecomeLiteralBlocks()
    {
        YAML::Node node(YAML::NodeType::Map);
        node["body"] = YamlWriter::stringNode("line one\nline two\n");
        node["tail"] = YamlWriter::stringNode("no newline\nat end");
        const std::string text = YamlWriter::block(node, 0);
        QCOMPARE(text, std::string("body: |\n  line one\n  line two\ntail: |-\n  no newline\n  at end\n"));
        const YAML::Node back = YAML::Load(text);
        QCOMPARE(back["body"].Scalar(), std::string("line one\nline two\n"));
        QCOMPARE(back["tail"].Scalar(), std::string("no newline\nat end"));
    }

    void flowAndJson()
    {
        const YAML::Node node = YAML::Load("{a: [1, x], b: {c: \"2\"}, d: []}");
        QCOMPARE(YamlWriter::flow(node), std::string("{a: [1, x], b: {c: \"2\"}, d: []}"));
        QCOMPARE(YamlWriter::flow(node, true), std::string("{\"a\": [1, \"x\"], \"b\": {\"c\": \"2\"}, \"d\": []}"));
    }

    void keyOrderIsGoYamls()
    {
        std::vector<std::string> keys{"b", "a10", "a2", "B", "_x", "a", "mirrorPercentage", "mirror", "mirror_percent"};
        std::sort(keys.begin(), keys.end(), YamlWriter::kubectlKeyLess);
        QCOMPARE(keys, (std::vector<std::string>{"_x", "B", "a", "a2", "a10", "b", "mirror", "mirror_percent",
                                                 "mirrorPercentage"}));
    }

    // Every resource of every sample, written canonically, reads back as the
    // same tree (minus server fields), and writing is stable.
    void canonicalRoundTripsOnAllSamples()
    {
        int resources = 0;
        for (const std::string &folder : editingtest::sampleFolders()) {
            const LoadResult loaded = ManifestLoader().loadFolder(folder);
            std::vector<const ResourceMeta *> metas;
            for (const auto &vs : loaded.mesh->virtualServices) metas.push_back(&vs->meta);
            for (const auto &rule : loaded.mesh->destinationRules) metas.push_back(&rule->meta);
            for (const auto &gateway : loaded.mesh->gateways) metas.push_back(&gateway->meta);
            for (const auto &entry : loaded.mesh->serviceEntries) metas.push_back(&entry->meta);
            for (const auto &route : loaded.mesh->gatewayApiRoutes) metas.push_back(&route->meta);
            for (const auto &gateway : loaded.mesh->k8sGateways) metas.push_back(&gateway->meta);
            for (const ResourceMeta *meta : metas) {
                const YAML::Node tree = DocumentTree::of(*loaded.mesh, *meta);
                const std::string text = YamlWriter::canonical(tree);
                QVERIFY(text.rfind("apiVersion: " + meta->apiVersion + '\n', 0) == 0);
                std::string where;
                QVERIFY2(sameTree(tree, YAML::Load(text), &where),
                         qPrintable(QString::fromStdString(meta->id().toString() + " " + where)));
                QCOMPARE(YamlWriter::canonical(YAML::Load(text)), text);
                ++resources;
            }
        }
        QVERIFY(resources > 50);
    }
};

QTEST_GUILESS_MAIN(TestYamlWriter)
#include "tst_yamlwriter.moc"
