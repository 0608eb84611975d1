// SPDX-License-Identifier: MIT
// Mesh queries the views share: which version a destination stands for, so
// the graph, the weight editor and the live plot give it the same colour; and
// the resources read from one file, which an edit re-reads.

#include "load/manifestloader.h"
#include "model/mesh.h"
#include "support/testdata.h"

#include <QTest>

using namespace meshlane;

class TestMesh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSubsetIsItsOwnVersion()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(test::samplePath("bookinfo")).mesh;
        QCOMPARE(mesh->versionOf("reviews.default.svc.cluster.local", "v2"), std::string("v2"));
    }

    void aPerVersionServiceTakesItsPodsVersion()
    {
        // Gateway API canaries route to one Service per version.
        const MeshPtr mesh = ManifestLoader().loadFolder(test::samplePath("bookinfo-gateway-api")).mesh;
        QCOMPARE(mesh->versionOf("reviews-v2.bookinfo.svc.cluster.local", ""), std::string("v2"));
        QCOMPARE(mesh->versionOf("reviews-v1.bookinfo.svc.cluster.local", ""), std::string("v1"));
    }

    void aHostOfSeveralVersionsIsItself()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(test::samplePath("bookinfo-gateway-api")).mesh;
        // The app-wide Service selects v1, v2 and v3; an unknown host selects nothing.
        QCOMPARE(mesh->versionOf("reviews.bookinfo.svc.cluster.local", ""),
                 std::string("reviews.bookinfo.svc.cluster.local"));
        QCOMPARE(mesh->versionOf("api.example.com", ""), std::string("api.example.com"));
    }

    void aFileListsItsResourcesByKindThenOthers()
    {
        const std::string text =
            "apiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {selector: {app: b}}\n"
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n"
            "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\n"
            "metadata: {name: b}\nspec: {hosts: [b]}\n"
            "---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}}\n";
        const MeshPtr mesh = ManifestLoader().loadText("shop.yaml", text).mesh;
        std::vector<std::pair<std::string, int>> read; // kind and document, in the order resourcesIn gives
        for (const Mesh::ResourcePlace &place : mesh->resourcesIn("shop.yaml")) {
            const ResourceMeta &meta = mesh->metaAt(place);
            read.emplace_back(meta.kind, meta.documentIndex);
        }
        const std::vector<std::pair<std::string, int>> expected{
            {"Service", 0}, {"Service", 3}, {"VirtualService", 2}, {"ConfigMap", 1}};
        QCOMPARE(read, expected);
        QVERIFY(mesh->resourcesIn("other.yaml").empty());
    }

    void aResourceFromAnotherFileGetsANewIndex()
    {
        // The index places resources by file: a snapshot whose resource was
        // read from elsewhere cannot share it, even with every name kept.
        const auto serviceIn = [](const std::string &file) {
            auto service = std::make_shared<Service>();
            service->meta.kind = "Service";
            service->meta.name = "a";
            service->meta.ns = "default";
            service->meta.location.file = file;
            return service;
        };
        Mesh before;
        before.services.push_back(serviceIn("a.yaml"));
        before.buildIndex();
        Mesh same = before;
        same.services.mutableAt(0) = serviceIn("a.yaml");
        same.buildIndex(before);
        QVERIFY(same.sharesIndexWith(before));
        Mesh moved = before;
        moved.services.mutableAt(0) = serviceIn("b.yaml");
        moved.buildIndex(before);
        QVERIFY(!moved.sharesIndexWith(before));
        QCOMPARE(moved.resourcesIn("b.yaml").size(), size_t(1));
        QVERIFY(moved.resourcesIn("a.yaml").empty());
    }
};

QTEST_GUILESS_MAIN(TestMesh)
#include "tst_mesh.moc"
