// SPDX-License-Identifier: MIT
// The graph after an edit, made the way the workbench makes it (a derived
// Router, remembered shares, MeshGraph::update from the previous graph),
// must equal the graph built from scratch with a fresh Router's shares, node
// by node and edge by edge, to the last bit of every share.

#include "graph/expectedrouteshares.h"
#include "graph/routesharememo.h"
#include "support/incrementalsupport.h"

#include <QTest>

#include <set>

using namespace meshlane;
using namespace meshlane::incremental;

namespace {

// What the workbench keeps between snapshots.
struct Chain
{
    MeshPtr mesh;
    RouterPtr router;
    std::shared_ptr<RouteShareMemo> memo;
    MeshGraph graph;

    explicit Chain(MeshPtr start)
        : mesh(std::move(start))
        , router(std::make_shared<const Router>(mesh))
        , memo(std::make_shared<RouteShareMemo>(router))
        , graph(MeshGraph::build(*mesh, memo->model()))
    {
    }

    void advance(const MeshPtr &next)
    {
        router = std::make_shared<const Router>(next, *router);
        memo = std::make_shared<RouteShareMemo>(router, memo.get());
        asked = memo->rulesToAsk(*mesh, *next);
        graph = MeshGraph::update(graph, *mesh, *next, memo->model(), asked ? &*asked : nullptr);
        mesh = next;
    }

    std::optional<std::vector<char>> asked; // by the last advance(): null when every rule was
};

MeshGraph builtAfresh(const MeshPtr &mesh)
{
    return MeshGraph::build(*mesh, expectedRouteShares(std::make_shared<const Router>(mesh)));
}

} // namespace

class TestIncrementalGraph : public QObject
{
    Q_OBJECT

private:
    // Everything that differs from the graph an incremental one was made
    // from is among its redone nodes and edges (what a view refreshes).
    static bool redoneCoverTheChanges(const MeshGraph &graph, const MeshGraph &previous)
    {
        if (!graph.isIncremental())
            return true;
        const std::vector<std::string> now = describe(graph);
        const std::vector<std::string> before = describe(previous);
        const size_t nodes = graph.nodes().size();
        for (size_t i = 0; i < now.size(); ++i) {
            if (now[i] == before[i])
                continue;
            const std::vector<int> &redone = i < nodes ? graph.redoneNodes() : graph.redoneEdges();
            if (std::find(redone.begin(), redone.end(), int(i < nodes ? i : i - nodes)) == redone.end())
                return false;
        }
        return true;
    }

    void checkChain(const std::string &folder, uint64_t seed, int edits, int *incremental)
    {
        Chain chain(ManifestLoader().loadFolder(folder).mesh);
        QCOMPARE(describe(chain.graph), describe(builtAfresh(chain.mesh)));
        RandomEditor editor(seed);
        for (int step = 0; step < edits; ++step) {
            std::string kind;
            const Result<MeshChange> result = editor.edit(chain.mesh, &kind);
            const MeshGraph before = chain.graph;
            chain.advance(result->mesh);
            const std::string where = folder + " step " + std::to_string(step) + " (" + kind + ')';
            QVERIFY2(describe(chain.graph) == describe(builtAfresh(chain.mesh)), where.c_str());
            QVERIFY2(redoneCoverTheChanges(chain.graph, before), where.c_str());
            *incremental += chain.graph.isIncremental() ? 1 : 0;
        }
    }

private Q_SLOTS:
    void updatedGraphsEqualBuiltOnes()
    {
        int incremental = 0;
        uint64_t seed = 100;
        for (const std::string &folder : editFolders())
            checkChain(folder, seed++, 40, &incremental);
        QVERIFY(incremental > 50);
    }

    void updatedGraphsEqualBuiltOnesOnTheGeneratedMesh()
    {
        int incremental = 0;
        checkChain(generatedMesh(1000), 3, 8, &incremental);
        QVERIFY(incremental > 0);
    }

    // A weight step keeps the topology and routes only the dragged rule's
    // requests again; the one edge label it moves is right.
    void weightStepsRedoOneVirtualService()
    {
        Chain chain(ManifestLoader().loadFolder(generatedMesh(1000)).mesh);
        const VirtualService *dragged = nullptr;
        for (const auto &vs : chain.mesh->virtualServices) {
            if (vs->appliesToMesh() && vs->http.front().route.size() >= 2 && vs->http.front().matchesEverything()) {
                dragged = vs.get();
                break;
            }
        }
        QVERIFY(dragged);
        const RouteRef ref{dragged->meta.ns, dragged->meta.name, 0};
        std::vector<int> weights(dragged->http.front().route.size(), 0);
        weights[0] = 30;
        weights[1] = 70;
        const Result<MeshChange> result = setRouteWeights(chain.mesh, ref, weights);
        QVERIFY2(result.ok(), result.error().c_str());
        const MeshGraph before = chain.graph;
        const std::string source = "svc:" + dragged->hostFqdns.front();
        const std::string draggedRef = dragged->meta.ns + '/' + dragged->meta.name;
        chain.advance(result->mesh); // the old snapshot, and `dragged`, are gone
        QVERIFY(chain.graph.isIncremental());
        QVERIFY(chain.graph.sameTopology(before));
        QCOMPARE(chain.memo->computed(), size_t(1));
        QCOMPARE(chain.memo->reused(), size_t(0)); // nothing else was asked about
        QCOMPARE(chain.graph.updatedFrom(), before.serial());
        QVERIFY(chain.graph.serial() != before.serial());
        const std::vector<int> &redone = chain.graph.redoneEdges();
        int moved = 0;
        for (size_t i = 0; i < chain.graph.edges().size(); ++i) {
            const GraphEdge &edge = chain.graph.edges()[i];
            const int index = int(i);
            if (edge.share != before.edges()[size_t(index)].share) {
                ++moved;
                QCOMPARE(chain.graph.nodes()[size_t(edge.from)].id, source);
                QVERIFY(std::find(redone.begin(), redone.end(), index) != redone.end()); // a view refreshes it
            }
        }
        QVERIFY(moved >= 2);
        QVERIFY(redone.size() <= 4); // the dragged rule's edges, not the graph's
        const GraphEdge &first = chain.graph.edges()[size_t(chain.graph.edgesOfVirtualService(draggedRef).front())];
        QCOMPARE(first.share, 0.3);
        QCOMPARE(describe(chain.graph), describe(builtAfresh(chain.mesh)));
    }

    // A weight edit on one rule changes what another, untouched rule's
    // requests meet when both claim one host (the first claim wins), when
    // both are bound to one gateway host (their routes merge, the first
    // catch-all takes everything) and when both route one host's
    // connections: each time the Router no longer vouches for the other
    // rule's requests, so it is asked again (the memo finds out whether its
    // answer moved). Nothing else is, but the connections (always asked: no
    // table stands for their rules).
    void rulesThatMeetAnEditedRuleAreAskedAgain()
    {
        std::string yaml;
        for (const char *service : {"ratings", "ratings-v1", "ratings-v2", "front-v1", "front-v2"})
            yaml += std::string("apiVersion: v1\nkind: Service\nmetadata: {name: ") + service
                + ", namespace: shop}\nspec: {selector: {app: " + service
                + "}, ports: [{name: http, port: 80}]}\n---\n";
        for (const char *service : {"db", "db-v1", "db-v2"})
            yaml += std::string("apiVersion: v1\nkind: Service\nmetadata: {name: ") + service
                + ", namespace: shop}\nspec: {selector: {app: " + service
                + "}, ports: [{name: tcp, port: 5432}]}\n---\n";
        yaml += R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: shop}
spec:
  hosts: [ratings]
  http:
  - route: [{destination: {host: ratings-v1}, weight: 50}, {destination: {host: ratings-v2}, weight: 50}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings-too, namespace: shop}
spec:
  hosts: [ratings-v2, ratings]
  http:
  - route: [{destination: {host: ratings-v1}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: front, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [edge]
  http:
  - route: [{destination: {host: front-v1}, weight: 50}, {destination: {host: front-v2}, weight: 50}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: front-too, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [edge]
  http:
  - route: [{destination: {host: front-v1}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: db, namespace: shop}
spec:
  hosts: [db]
  tcp:
  - route: [{destination: {host: db-v1}, weight: 50}, {destination: {host: db-v2}, weight: 50}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: db-too, namespace: shop}
spec:
  hosts: [db-v2, db]
  tcp:
  - route: [{destination: {host: db-v1}}]
)";
        Chain chain(ManifestLoader().loadText("mesh.yaml", yaml).mesh);
        QCOMPARE(describe(chain.graph), describe(builtAfresh(chain.mesh)));
        for (const std::string edited : {"ratings", "front", "db"}) {
            const std::string written =
                "{host: " + edited + "-v1}, weight: 50}, {destination: {host: " + edited + "-v2}, weight: 50}";
            const std::string &text = chain.mesh->files.front()->text;
            const Result<MeshChange> result =
                applyEdits(chain.mesh,
                           {TextEdit{"mesh.yaml", text.find(written), written.size(),
                                     "{host: " + edited + "-v1}, weight: 20}, {destination: {host: " + edited
                                         + "-v2}, weight: 80}"}});
            QVERIFY2(result.ok(), result.error().c_str());
            const MeshGraph before = chain.graph;
            chain.advance(result->mesh);
            QVERIFY2(chain.asked.has_value(), edited.c_str()); // a derived Router: the memo narrows
            std::set<std::string> asked;
            for (size_t i = 0; i < chain.asked->size(); ++i) {
                if ((*chain.asked)[i])
                    asked.insert(chain.mesh->virtualServices[i]->meta.name);
            }
            std::set<std::string> expected{edited, edited + "-too", "db", "db-too"};
            QCOMPARE(asked, expected);
            QVERIFY2(chain.graph.isIncremental(), edited.c_str());
            QVERIFY2(describe(chain.graph) == describe(builtAfresh(chain.mesh)), edited.c_str());
            QVERIFY2(describe(chain.graph) != describe(before), edited.c_str());
        }
    }

    // Each step replaces the dragged rule; the memo keeps the replaced ones
    // for a while but does not grow with the length of the drag.
    void aLongDragKeepsTheMemoSmall()
    {
        Chain chain(ManifestLoader().loadFolder(generatedMesh(40)).mesh);
        const VirtualService *first = nullptr;
        for (const auto &vs : chain.mesh->virtualServices) {
            if (vs->appliesToMesh() && vs->http.front().route.size() >= 2) {
                first = vs.get();
                break;
            }
        }
        QVERIFY(first);
        const RouteRef ref{first->meta.ns, first->meta.name, 0};
        const size_t rules = chain.mesh->virtualServices.size();
        for (int step = 0; step < 100; ++step) {
            std::vector<int> weights(first->http.front().route.size(), 0);
            weights[0] = step % 2 ? 40 : 60;
            weights[1] = 100 - weights[0];
            const Result<MeshChange> result = setRouteWeights(chain.mesh, ref, weights);
            QVERIFY2(result.ok(), result.error().c_str());
            chain.advance(result->mesh);
            // Swept when 16 replaced rules are kept, then this step's rule is added.
            const std::string kept = std::to_string(chain.memo->entries()) + " for " + std::to_string(rules) + " rules";
            QVERIFY2(chain.memo->entries() <= rules + 17, kept.c_str());
        }
        QCOMPARE(chain.memo->computed(), size_t(1));
        QCOMPARE(describe(chain.graph), describe(builtAfresh(chain.mesh)));
    }

    // Two tcp rules bound to one TCP gateway port: the first one that applies
    // takes every connection. Editing the first one's match must move the
    // second one's edges too, although the second is the same object.
    void gatewayTcpRulesFollowEachOther()
    {
        const std::string yaml = std::string(R"(apiVersion: v1
kind: Service
metadata: {name: db, namespace: default}
spec: {selector: {app: db}, ports: [{name: tcp, port: 5432}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db-v1, namespace: default}
spec:
  selector: {matchLabels: {app: db, version: v1}}
  template: {metadata: {labels: {app: db, version: v1}}}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 31400, name: tcp, protocol: TCP}, hosts: ["*"]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: early, namespace: default}
spec:
  hosts: ["*"]
  gateways: [edge]
  tcp:
  - match: [{port: 31400}]
    route: [{destination: {host: db, port: {number: 5432}}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: late, namespace: default}
spec:
  hosts: ["*"]
  gateways: [edge]
  tcp:
  - route: [{destination: {host: db, port: {number: 5432}}}]
)");
        Chain chain(ManifestLoader().loadText("mesh.yaml", yaml).mesh);
        QCOMPARE(describe(chain.graph), describe(builtAfresh(chain.mesh)));
        const std::string &text = chain.mesh->files.front()->text;
        const size_t at = text.find("port: 31400}");
        const Result<MeshChange> moved = applyEdits(chain.mesh, {TextEdit{"mesh.yaml", at, 11, "port: 31401"}});
        QVERIFY2(moved.ok(), moved.error().c_str());
        chain.advance(moved->mesh);
        QCOMPARE(describe(chain.graph), describe(builtAfresh(chain.mesh)));
    }

    // A tcp weight step is a weight step too: same topology, the gateway's
    // edges move; a changed tcp destination redraws the graph.
    void tcpWeightStepsAreIncremental()
    {
        Chain chain(ManifestLoader().loadFolder(samplePath("tcp-echo-shift")).mesh);
        const RouteRef ref{"echo", "tcp-echo", 0, "tcp"};
        const Result<MeshChange> result = setRouteWeights(chain.mesh, ref, {50, 50});
        QVERIFY2(result.ok(), result.error().c_str());
        const MeshGraph before = chain.graph;
        chain.advance(result->mesh);
        QVERIFY(chain.graph.isIncremental());
        QVERIFY(chain.graph.sameTopology(before));
        QCOMPARE(describe(chain.graph), describe(builtAfresh(chain.mesh)));
        for (const int index : chain.graph.edgesOfVirtualService("echo/tcp-echo"))
            QCOMPARE(chain.graph.edges()[size_t(index)].share, 0.5);

        Destination other;
        other.host = "tcp-echo";
        other.subset = "v3"; // no DestinationRule defines it: drawn as a broken placeholder
        const Result<MeshChange> added = addDestination(chain.mesh, ref, other, 10);
        QVERIFY2(added.ok(), added.error().c_str());
        chain.advance(added->mesh);
        QCOMPARE(describe(chain.graph), describe(builtAfresh(chain.mesh)));
    }

    // A rule that did not change can still route differently: `web`'s plain
    // request to web-beta goes to `early`, which claims that host first, until
    // `early` lets it go. `web` is the same object before and after, so only
    // the tables its requests meet can tell its remembered shares are stale.
    void unchangedRulesFollowWhoClaimsTheirHosts()
    {
        const std::string yaml = R"(apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-v1, namespace: shop}
spec: {selector: {matchLabels: {app: web, version: v1}}, template: {metadata: {labels: {app: web, version: v1}}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-v2, namespace: shop}
spec: {selector: {matchLabels: {app: web, version: v2}}, template: {metadata: {labels: {app: web, version: v2}}}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: web, namespace: shop}
spec: {host: web, subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: early, namespace: shop}
spec:
  hosts: [web-beta]
  http: [{route: [{destination: {host: web, subset: v1}}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: shop}
spec:
  hosts: [web, web-beta]
  http:
  - match: [{authority: {prefix: web-beta}}]
    route: [{destination: {host: web, subset: v2}}]
  - route: [{destination: {host: web, subset: v1}}]
)";
        Chain chain(ManifestLoader().loadText("claims.yaml", yaml).mesh);
        const VirtualService *web = chain.mesh->findVirtualService("shop", "web");
        QCOMPARE(chain.memo->sharesOf(*chain.mesh, *web).size(), size_t(1)); // web-beta is early's
        const SourceFile &file = *chain.mesh->findFile("claims.yaml");
        const Result<MeshChange> result =
            applyEdits(chain.mesh, {TextEdit{file.path, file.text.find("hosts: [web-beta]"), 17, "hosts: [web-alpha]"}});
        QVERIFY2(result.ok(), result.error().c_str());
        QCOMPARE(result->mesh->findVirtualService("shop", "web"), web); // untouched
        chain.advance(result->mesh); // a build (early draws another host), with the remembered shares
        QCOMPARE(describe(chain.graph), describe(builtAfresh(chain.mesh)));
        const std::vector<DestinationShare> shares = chain.memo->sharesOf(*chain.mesh, *web);
        QCOMPARE(shares.size(), size_t(2)); // now both hosts are web's: half each way
        QCOMPARE(shares.front().share, 0.5);
    }
};

QTEST_GUILESS_MAIN(TestIncrementalGraph)
#include "tst_incrementalgraph.moc"
