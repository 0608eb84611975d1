// SPDX-License-Identifier: MIT
// Mesh queries the views share: which version a destination stands for, so
// the graph, the weight editor and the live plot give it the same colour.

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
};

QTEST_GUILESS_MAIN(TestMesh)
#include "tst_mesh.moc"
