// SPDX-License-Identifier: MIT
#include "graph/gatewayfanout.h"
#include "graph/meshgraph.h"
#include "load/manifestloader.h"
#include "support/testdata.h"
#include "support/testfolder.h"

#include <QTest>

#include <algorithm>
#include <cstdlib>

using namespace meshlane;

namespace {

struct LoadedGraph
{
    MeshPtr mesh;
    std::shared_ptr<const MeshGraph> graph;
};

LoadedGraph graphOf(const std::string &folder)
{
    LoadedGraph loaded;
    loaded.mesh = ManifestLoader().loadFolder(folder).mesh;
    loaded.graph = std::make_shared<const MeshGraph>(MeshGraph::build(*loaded.mesh));
    return loaded;
}

// meshgen's 300 services: every 10th (30) has an ingress route on `mesh-gateway`.
const LoadedGraph &generated()
{
    static const LoadedGraph loaded = [] {
        static TestFolder folder;
        const std::string command =
            std::string(MESHGEN_PATH) + " --services 300 --versions 3 --out " + folder.path() + " > /dev/null";
        return std::system(command.c_str()) == 0 ? graphOf(folder.path()) : LoadedGraph{};
    }();
    return loaded;
}

int nodeLabelled(const MeshGraph &graph, GraphNodeKind kind, const std::string &label)
{
    for (size_t i = 0; i < graph.nodes().size(); ++i) {
        if (graph.nodes()[i].kind == kind && graph.nodes()[i].label == label)
            return int(i);
    }
    return -1;
}

// The edges leaving `from` that `fanOut` draws for `attention`.
std::vector<int> shownFrom(const MeshGraph &graph, const GatewayFanOut &fanOut, int from,
                           const GatewayFanOut::Attention &attention)
{
    std::vector<int> shown;
    for (size_t i = 0; i < graph.edges().size(); ++i) {
        if (graph.edges()[i].from == from && fanOut.shows(graph, int(i), attention))
            shown.push_back(int(i));
    }
    return shown;
}

} // namespace

class TestGatewayFanOut : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void collapsesOnlyGatewaysPastTheLimit()
    {
        const MeshGraph &graph = *generated().graph;
        const int gateway = nodeLabelled(graph, GraphNodeKind::Gateway, "mesh-gateway");
        QVERIFY(gateway >= 0);
        const GatewayFanOut fanOut(graph);
        QCOMPARE(fanOut.collapsedGateways(), std::vector<int>{gateway});
        QCOMPARE(fanOut.edgeCount(gateway), 30);
        // A service with more edges than the limit is never collapsed: only gateways fan out like that.
        QVERIFY(GatewayFanOut(graph, 1).collapsedGateways() == std::vector<int>{gateway});
        QVERIFY(GatewayFanOut(graph, 30).collapsedGateways().empty());

        const LoadedGraph bookinfo = graphOf(test::samplePath("bookinfo"));
        QVERIFY(GatewayFanOut(*bookinfo.graph).collapsedGateways().empty());
    }

    void drawsOnlyWhatWasAskedFor()
    {
        const MeshGraph &graph = *generated().graph;
        const int gateway = nodeLabelled(graph, GraphNodeKind::Gateway, "mesh-gateway");
        const int service = nodeLabelled(graph, GraphNodeKind::Service, "svc-0120");
        const int other = nodeLabelled(graph, GraphNodeKind::Service, "svc-0070");
        QVERIFY(service >= 0 && other >= 0);
        const GatewayFanOut fanOut(graph);
        const auto into = [&graph](const std::vector<int> &edges) {
            std::vector<std::string> targets;
            for (int edge : edges)
                targets.push_back(graph.nodes()[size_t(graph.edges()[size_t(edge)].to)].label);
            std::sort(targets.begin(), targets.end());
            return targets;
        };

        GatewayFanOut::Attention nothing;
        QVERIFY(shownFrom(graph, fanOut, gateway, nothing).empty());
        // Every other edge is drawn whatever the attention.
        size_t drawn = 0;
        for (size_t i = 0; i < graph.edges().size(); ++i)
            drawn += fanOut.shows(graph, int(i), nothing) ? 1 : 0;
        QCOMPARE(drawn, graph.edges().size() - 30);

        GatewayFanOut::Attention onGateway;
        onGateway.selectedNode = gateway;
        QCOMPARE(shownFrom(graph, fanOut, gateway, onGateway).size(), size_t(30));

        GatewayFanOut::Attention onService;
        onService.selectedNode = service;
        QCOMPARE(into(shownFrom(graph, fanOut, gateway, onService)), std::vector<std::string>{"svc-0120"});

        GatewayFanOut::Attention onRule;
        onRule.highlightedVirtualService = "default/svc-0070-ingress";
        QCOMPARE(into(shownFrom(graph, fanOut, gateway, onRule)), std::vector<std::string>{"svc-0070"});

        GatewayFanOut::Attention found;
        found.found.assign(graph.nodes().size(), 0);
        found.found[size_t(service)] = found.found[size_t(other)] = 1;
        QCOMPARE(into(shownFrom(graph, fanOut, gateway, found)), (std::vector<std::string>{"svc-0070", "svc-0120"}));

        GatewayFanOut::Attention expanded;
        expanded.expanded.assign(graph.nodes().size(), 0);
        expanded.expanded[size_t(gateway)] = 1;
        QCOMPARE(shownFrom(graph, fanOut, gateway, expanded).size(), size_t(30));
    }
};

QTEST_GUILESS_MAIN(TestGatewayFanOut)
#include "tst_gatewayfanout.moc"
