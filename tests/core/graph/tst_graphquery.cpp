// SPDX-License-Identifier: MIT
#include "graph/graphneighbourhood.h"
#include "graph/graphquery.h"
#include "graph/meshgraph.h"
#include "load/manifestloader.h"
#include "support/testdata.h"
#include "support/testfolder.h"

#include <QTest>

#include <cstdlib>
#include <map>

using namespace meshlane;

namespace {

MeshPtr loadFolder(const std::string &folder)
{
    return ManifestLoader().loadFolder(folder).mesh;
}

// meshgen's 200 services, 3 versions each: every 10th (20) has an ingress
// route on `mesh-gateway`, every 5th a canary header route.
const MeshPtr &generatedMesh()
{
    static const MeshPtr mesh = [] {
        static TestFolder folder;
        const std::string command =
            std::string(MESHGEN_PATH) + " --services 200 --versions 3 --out " + folder.path() + " > /dev/null";
        return std::system(command.c_str()) == 0 ? loadFolder(folder.path()) : MeshPtr();
    }();
    return mesh;
}

std::vector<int> select(const MeshGraph &graph, const Mesh &mesh, const char *expression)
{
    const Result<GraphQuery> query = GraphQuery::parse(expression);
    if (!query.ok())
        qFatal("%s: %s", expression, query.error().c_str());
    return query->select(graph, mesh);
}

std::map<GraphNodeKind, int> kindsOf(const MeshGraph &graph, const std::vector<int> &nodes)
{
    std::map<GraphNodeKind, int> kinds;
    for (const int node : nodes)
        ++kinds[graph.nodes()[size_t(node)].kind];
    return kinds;
}

std::vector<std::string> idsOf(const MeshGraph &graph, const std::vector<int> &nodes)
{
    std::vector<std::string> ids;
    for (const int node : nodes)
        ids.push_back(graph.nodes()[size_t(node)].id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestGraphQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorsNameTheColumn_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << "  " << "column 3: the expression is empty";
        QTest::newRow("unclosed group") << "(reviews or ratings" << "column 1: this '(' is never closed";
        QTest::newRow("no value") << "name =" << "column 7: a value must follow '='";
        QTest::newRow("unknown attribute") << "colour = red" << "column 1: unknown attribute 'colour'";
        QTest::newRow("unknown flag") << "has:wings" << "column 1: unknown 'has:wings'";
        QTest::newRow("single ampersand") << "a & b" << "column 3: write && (or and)";
        QTest::newRow("unknown kind") << "kind = pod" << "column 8: unknown kind 'pod'";
        QTest::newRow("dangling or") << "a or" << "column 5: the expression ends too early";
        QTest::newRow("stray paren") << "a)" << "column 2: unexpected ')'";
        QTest::newRow("open quote") << "name = \"a b" << "column 8: this quote is never closed";
        QTest::newRow("too deep") << QString(100'000, u'(') + u'a' << "column 65: nested more than 64 deep";
        QTest::newRow("too many nots") << QStringLiteral("not ").repeated(1000) + u'a' << "column 257: nested more than 64 deep";
    }

    void errorsNameTheColumn()
    {
        QFETCH(QString, expression);
        QFETCH(QString, error);
        const Result<GraphQuery> query = GraphQuery::parse(expression.toStdString());
        QVERIFY(!query.ok());
        QVERIFY2(QString::fromStdString(query.error()).startsWith(error), query.error().c_str());
    }

    void bookinfoByNameKindAndApp()
    {
        const MeshPtr mesh = loadFolder(test::samplePath("bookinfo"));
        const MeshGraph graph = MeshGraph::build(*mesh);
        QCOMPARE(idsOf(graph, select(graph, *mesh, "is:version and app = reviews")),
                 (std::vector<std::string>{"wl:default/reviews-v1", "wl:default/reviews-v2", "wl:default/reviews-v3"}));
        QCOMPARE(idsOf(graph, select(graph, *mesh, "kind=version && version = v3")),
                 std::vector<std::string>{"wl:default/reviews-v3"});
        QCOMPARE(idsOf(graph, select(graph, *mesh, "is:service RATINGS")),
                 std::vector<std::string>{"svc:ratings.default.svc.cluster.local"});
        // A word matches names containing it, in any case; `name =` the whole name, with wildcards.
        QCOMPARE(select(graph, *mesh, "is:service and name = rat*"), select(graph, *mesh, "is:service atin"));
        QCOMPARE(kindsOf(graph, select(graph, *mesh, "is:gateway")), (std::map<GraphNodeKind, int>{{GraphNodeKind::Gateway, 1}}));
        // not, or, groups: every node is a gateway or not one.
        QCOMPARE(select(graph, *mesh, "is:gateway or not (is:gateway)").size(), graph.nodes().size());
        QVERIFY(select(graph, *mesh, "ns != default and not is:gateway").empty());
        QCOMPARE(idsOf(graph, select(graph, *mesh, "label:version=v2 (ratings || reviews)")),
                 std::vector<std::string>{"wl:default/reviews-v2"});
    }

    void splitMirrorBrokenAndExternal()
    {
        const MeshPtr mirror = loadFolder(test::samplePath("httpbin-mirror"));
        const MeshGraph mirrorGraph = MeshGraph::build(*mirror);
        QCOMPARE(idsOf(mirrorGraph, select(mirrorGraph, *mirror, "has:mirror")),
                 (std::vector<std::string>{"svc:httpbin.default.svc.cluster.local", "wl:default/httpbin-v2"}));

        const MeshPtr split = loadFolder(test::samplePath("bookinfo-80-20"));
        const MeshGraph splitGraph = MeshGraph::build(*split);
        const std::vector<int> splitting = select(splitGraph, *split, "has:split");
        QVERIFY(!splitting.empty());
        for (const int node : splitting)
            QVERIFY(splitGraph.nodes()[size_t(node)].splitsTraffic);

        TestFolder folder;
        folder.write(QStringLiteral("vs.yaml"),
                     "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: shop, namespace: default}\n"
                     "spec:\n  hosts: [shop]\n  http:\n  - route:\n    - destination: {host: nowhere}\n---\n"
                     "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: api, namespace: default}\n"
                     "spec: {hosts: [api.example.com], ports: [{number: 443, name: tls, protocol: TLS}], "
                     "resolution: DNS, location: MESH_EXTERNAL}\n");
        const MeshPtr broken = loadFolder(folder.path());
        const MeshGraph brokenGraph = MeshGraph::build(*broken);
        const std::vector<int> bad = select(brokenGraph, *broken, "broken");
        QVERIFY(!bad.empty());
        for (const int node : bad)
            QVERIFY(brokenGraph.nodes()[size_t(node)].kind != GraphNodeKind::External);
        QCOMPARE(kindsOf(brokenGraph, select(brokenGraph, *broken, "is:external")),
                 (std::map<GraphNodeKind, int>{{GraphNodeKind::External, 1}}));
        QCOMPARE(select(brokenGraph, *broken, "external"), select(brokenGraph, *broken, "kind = serviceentry"));
    }

    void selectsWhatItShouldOnAGeneratedMesh()
    {
        const MeshPtr &mesh = generatedMesh();
        QVERIFY(mesh);
        const MeshGraph graph = MeshGraph::build(*mesh);
        const auto count = [&](const char *expression) { return int(select(graph, *mesh, expression).size()); };
        QCOMPARE(count("is:service"), 200);
        QCOMPARE(count("is:version"), 600);
        QCOMPARE(count("is:service and name = svc-0007"), 1);
        QCOMPARE(count("is:service svc-001?"), 0); // a word is a substring, not a pattern
        QCOMPARE(count("is:service name = svc-001?"), 10);
        QCOMPARE(count("is:version app = svc-0007"), 3);
        QCOMPARE(count("label:version=v2 is:version"), 200);
        QCOMPARE(count("is:version label:version != v2"), 400);
        QCOMPARE(count("not is:version and not is:app"), 201); // the services and the gateway
        QCOMPARE(count("ns != default"), 0);
        QCOMPARE(count("has:mirror or broken or external"), 0);
        // Every service splits its default route over its three versions.
        QCOMPARE(count("has:split"), 200);
    }

    // Focus mode: a gateway, one hop: the services it routes to; two hops:
    // their versions too, with their boxes.
    void neighbourhoodOfTheGateway()
    {
        const MeshPtr &mesh = generatedMesh();
        QVERIFY(mesh);
        const MeshGraph graph = MeshGraph::build(*mesh);
        const std::vector<int> gateway = select(graph, *mesh, "is:gateway");
        QCOMPARE(gateway.size(), size_t(1));
        QCOMPARE(graphNeighbourhood(graph, gateway, 0), gateway);
        QCOMPARE(kindsOf(graph, graphNeighbourhood(graph, gateway, 1)),
                 (std::map<GraphNodeKind, int>{{GraphNodeKind::Gateway, 1}, {GraphNodeKind::Service, 20}}));
        QCOMPARE(kindsOf(graph, graphNeighbourhood(graph, gateway, 2)),
                 (std::map<GraphNodeKind, int>{{GraphNodeKind::Gateway, 1},
                                               {GraphNodeKind::Service, 20},
                                               {GraphNodeKind::App, 20},
                                               {GraphNodeKind::Version, 60}}));
    }

    // A version brings its box and the box its other versions, at no hop.
    void aBoxIsNeverHalfShown()
    {
        const MeshPtr &mesh = generatedMesh();
        QVERIFY(mesh);
        const MeshGraph graph = MeshGraph::build(*mesh);
        const std::vector<int> version = select(graph, *mesh, "is:version app = svc-0003 version = v1");
        QCOMPARE(version.size(), size_t(1));
        QCOMPARE(kindsOf(graph, graphNeighbourhood(graph, version, 0)),
                 (std::map<GraphNodeKind, int>{{GraphNodeKind::App, 1}, {GraphNodeKind::Version, 3}}));
        // One hop from the box: the service routing to its versions (svc-0003 has no ingress route).
        QCOMPARE(kindsOf(graph, graphNeighbourhood(graph, version, 1)),
                 (std::map<GraphNodeKind, int>{
                     {GraphNodeKind::Service, 1}, {GraphNodeKind::App, 1}, {GraphNodeKind::Version, 3}}));
    }
};

QTEST_GUILESS_MAIN(TestGraphQuery)
#include "tst_graphquery.moc"
