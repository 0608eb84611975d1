// SPDX-License-Identifier: MIT
// The loader keeps no parse trees: a resource's tree is read again from its
// file's text on demand. It must be the tree the whole-file parse gives, at the
// same lines and columns, for every way a resource can sit in a file.

#include "load/documenttree.h"
#include "load/manifestloader.h"
#include "yaml/yamlwriter.h"

#include <QTest>

using namespace meshlane;

namespace {

// A comment header, a List of two, a block scalar, and a resource after it.
const char *const kText = R"(# header
---
apiVersion: v1
kind: List
items:
- apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: a, namespace: shop}
  spec: {host: a}
- apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: b, namespace: shop}
  spec:
    host: b
---
apiVersion: v1
kind: ConfigMap
metadata: {name: notes, namespace: shop}
data:
  text: |
    first
    ---
    kind: not a document, indented inside the block scalar
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: c, namespace: shop}
spec:
  hosts: [c]
  http:
  - route:
    - destination: {host: c}
)";

const ResourceMeta *find(const Mesh &mesh, const std::string &kind, const std::string &name)
{
    const ResourceMeta *found = nullptr;
    const auto look = [&](const auto &resources) {
        for (const auto &resource : resources) {
            if (resource->meta.kind == kind && resource->meta.name == name)
                found = &resource->meta;
        }
    };
    mesh.forEachList(look);
    for (const ResourceMeta &meta : mesh.otherResources) {
        if (meta.kind == kind && meta.name == name)
            found = &meta;
    }
    return found;
}

} // namespace

class TestDocumentTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyResourceReadsBackAsTheWholeFileParsedIt()
    {
        const LoadResult loaded = ManifestLoader().loadText("mixed.yaml", kText);
        const std::vector<YAML::Node> whole = YAML::LoadAll(kText);
        const struct
        {
            const char *kind;
            const char *name;
            YAML::Node expected;
        } cases[] = {
            {"DestinationRule", "a", whole[0]["items"][0]},
            {"DestinationRule", "b", whole[0]["items"][1]},
            {"ConfigMap", "notes", whole[1]},
            {"VirtualService", "c", whole[2]},
        };
        for (const auto &entry : cases) {
            const ResourceMeta *meta = find(*loaded.mesh, entry.kind, entry.name);
            QVERIFY2(meta, entry.name);
            const YAML::Node tree = DocumentTree::of(*loaded.mesh, *meta);
            QVERIFY2(tree.IsMap(), entry.name);
            QCOMPARE(YamlWriter::canonical(tree), YamlWriter::canonical(entry.expected));
            QCOMPARE(tree.Mark().line, entry.expected.Mark().line);
            if (const YAML::Node spec = tree["spec"]; spec.IsDefined()) {
                QCOMPARE(spec.Mark().line, entry.expected["spec"].Mark().line);
                QCOMPARE(spec.Mark().column, entry.expected["spec"].Mark().column);
            }
        }
    }

    void theLinesAroundALineAreItsDocument()
    {
        const DocumentLines lines = DocumentTree::documentAround(kText, 5);
        QCOMPARE(lines.firstLine, 1);
        QCOMPARE(lines.endLine, 14);
        const std::string alone = DocumentTree::linesInPlace(kText, lines);
        QCOMPARE(int(std::count(alone.begin(), alone.end(), '\n')), 14);
        QCOMPARE(YAML::Load(alone)["items"][1]["spec"].Mark().line, 13);
    }

    void aResourceThatMovedHasNoTree()
    {
        // The file's text as loaded is what the marks describe; a resource
        // asked of another text is not found where it was, and says so.
        const LoadResult loaded = ManifestLoader().loadText("mixed.yaml", kText);
        const ResourceMeta *meta = find(*loaded.mesh, "VirtualService", "c");
        QVERIFY(meta);
        SourceFile shifted = *loaded.mesh->files.front();
        shifted.text = "# one more line\n" + shifted.text;
        QVERIFY(DocumentTree::of(shifted, *meta).IsNull());
        SourceFile other = shifted;
        other.path = "other.yaml";
        QVERIFY(DocumentTree::of(other, *meta).IsNull());
    }
};

QTEST_APPLESS_MAIN(TestDocumentTree)
#include "tst_documenttree.moc"
