// SPDX-License-Identifier: MIT
// A Router derived from the previous snapshot's (Router(mesh, previous)) must
// decide every request exactly as a Router built from scratch, after any
// chain of edits; the in-place re-read behind a weight edit must give the
// snapshot a whole-file re-read gives; RouterCache builds one Router per
// snapshot, however many ask.

#include "load/documenttree.h"
#include "routing/routercache.h"
#include "support/incrementalsupport.h"
#include "yaml/yamlwriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <future>
#include <thread>

using namespace meshlane;
using namespace meshlane::incremental;

namespace {

std::vector<std::string> decisions(const Router &router, const std::vector<HttpRequest> &requests)
{
    std::vector<std::string> described;
    for (const HttpRequest &request : requests)
        described.push_back(describe(router.route(request)));
    return described;
}

// Resources in order, with their positions and documents, and every lookup
// the index answers.
std::vector<std::string> describeMesh(const Mesh &mesh)
{
    std::vector<std::string> lines;
    const auto add = [&lines, &mesh](const auto &resources) {
        for (const auto &resource : resources) {
            const ResourceMeta &meta = resource->meta;
            lines.push_back(meta.id().toString() + ' ' + meta.location.toString() + " doc "
                            + std::to_string(meta.documentIndex) + '/' + std::to_string(meta.listIndex) + '\n'
                            + YamlWriter::canonical(DocumentTree::of(mesh, meta)));
        }
    };
    add(mesh.services);
    add(mesh.workloads);
    add(mesh.virtualServices);
    add(mesh.destinationRules);
    add(mesh.gateways);
    add(mesh.serviceEntries);
    for (const auto &file : mesh.files)
        lines.push_back("file " + file->path + ' ' + std::to_string(mesh.findFile(file->path) == file.get()));
    for (const auto &service : mesh.services) {
        lines.push_back("service " + service->fqdn() + ' ' + std::to_string(mesh.findService(service->fqdn()) == service.get())
                        + " pods " + std::to_string(mesh.workloadsOf(*service).size()));
        for (const DestinationRule *rule : mesh.destinationRulesFor(service->fqdn()))
            lines.push_back("  rule " + rule->meta.name);
    }
    for (const auto &vs : mesh.virtualServices) {
        lines.push_back("vs " + vs->meta.name + ' '
                        + std::to_string(mesh.findVirtualService(vs->meta.ns, vs->meta.name) == vs.get()));
        for (const std::string &host : vs->hostFqdns) {
            for (const VirtualService *claim : mesh.meshVirtualServicesFor(host))
                lines.push_back("  " + host + " claimed by " + claim->meta.name);
        }
    }
    for (const auto &gateway : mesh.gateways)
        lines.push_back("gateway " + gateway->meta.name + ' '
                        + std::to_string(mesh.findGateway(gateway->meta.ns + '/' + gateway->meta.name) == gateway.get()));
    return lines;
}

// The same texts read back whole: the reference for a re-read.
MeshPtr readWhole(const Mesh &base, const Mesh &edited)
{
    std::map<std::string, std::optional<std::string>> texts;
    for (const auto &file : edited.files)
        texts[file->path] = file->text;
    return ManifestLoader().reloadFiles(base, texts).mesh;
}

} // namespace

class TestRouterCache : public QObject
{
    Q_OBJECT

private:
    // Random edits, each Router derived from the previous derived one (a
    // chain, as the workbench makes them), compared with a fresh Router.
    void checkChain(const std::string &folder, uint64_t seed, int edits, int *derivedCount)
    {
        MeshPtr mesh = ManifestLoader().loadFolder(folder).mesh;
        auto router = std::make_shared<const Router>(mesh);
        RandomEditor editor(seed);
        for (int step = 0; step < edits; ++step) {
            std::string kind;
            const Result<MeshChange> result = editor.edit(mesh, &kind);
            auto derived = std::make_shared<const Router>(result->mesh, *router);
            const Router fresh(result->mesh);
            const std::vector<HttpRequest> requests = probeRequests(*result->mesh);
            const std::string where = folder + " step " + std::to_string(step) + " (" + kind + ')';
            QVERIFY2(decisions(*derived, requests) == decisions(fresh, requests), where.c_str());
            *derivedCount += derived->buildStats().derived ? 1 : 0;
            mesh = result->mesh;
            router = derived;
        }
    }

private Q_SLOTS:
    void derivedRoutersDecideAsFreshOnes()
    {
        int derived = 0;
        uint64_t seed = 1;
        for (const std::string &folder : editFolders())
            checkChain(folder, seed++, 40, &derived);
        QVERIFY(derived > 100); // most edits leave what destinations resolve against alone
    }

    void derivedRoutersDecideAsFreshOnesOnTheGeneratedMesh()
    {
        int derived = 0;
        checkChain(generatedMesh(1000), 7, 12, &derived);
        QVERIFY(derived > 0);
    }

    // A weight step compiles the dragged VirtualService's table (and a Gateway
    // it is bound to), and takes over every other one.
    void weightStepsCompileWhatTheyChanged()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(generatedMesh(1000)).mesh;
        const Router base(mesh);
        for (const auto &vs : mesh->virtualServices) {
            if (vs->http.front().route.size() < 2)
                continue;
            const RouteRef ref{vs->meta.ns, vs->meta.name, 0};
            const std::vector<int64_t> even(vs->http.front().route.size(), 1);
            const Result<MeshChange> result = setRouteWeights(mesh, ref, WeightBalancer::drag(even, {}, 0, 17));
            QVERIFY2(result.ok(), result.error().c_str());
            const Router derived(result->mesh, base);
            QVERIFY(derived.buildStats().derived);
            const size_t gateways = vs->gatewayRefs().size();
            QCOMPARE(derived.buildStats().compiledTables, (vs->appliesToMesh() ? 1u : 0u) + gateways);
            QCOMPARE(derived.buildStats().compiledTables + derived.buildStats().reusedTables,
                     Router(result->mesh).buildStats().compiledTables);
            break;
        }
    }

    // A session of weight steps over many rules: each Router swaps the
    // stepped rule in beside the ones swapped before, until they are too many
    // and a full compile folds them in. Every Router in the chain decides as
    // a fresh one, on both sides of that fold.
    void aLongSessionOfWeightStepsDecidesAsFreshRouters()
    {
        MeshPtr mesh = ManifestLoader().loadFolder(generatedMesh(200)).mesh;
        auto router = std::make_shared<const Router>(mesh);
        std::vector<RouteRef> weighted;
        for (const auto &vs : mesh->virtualServices) {
            if (vs->appliesToMesh() && vs->http.front().route.size() >= 2)
                weighted.push_back({vs->meta.ns, vs->meta.name, 0});
        }
        QVERIFY(weighted.size() > 100); // past 64 + 200 / 8 swapped hosts
        int swapped = 0;
        int folded = 0;
        for (size_t step = 0; step < weighted.size(); ++step) {
            const VirtualService *vs = mesh->findVirtualService(weighted[step].ns, weighted[step].name);
            const std::vector<int64_t> even(vs->http.front().route.size(), 1);
            const Result<MeshChange> result =
                setRouteWeights(mesh, weighted[step], WeightBalancer::drag(even, {}, 0, int(20 + step % 60)));
            QVERIFY2(result.ok(), result.error().c_str());
            auto derived = std::make_shared<const Router>(result->mesh, *router);
            QVERIFY(derived->buildStats().derived);
            // A swap compiles the one table; a fold compiles it and takes the rest over.
            QCOMPARE(derived->buildStats().compiledTables, size_t(1) + vs->gatewayRefs().size());
            const Router fresh(result->mesh);
            const std::vector<HttpRequest> requests = probeRequests(*result->mesh);
            QVERIFY2(decisions(*derived, requests) == decisions(fresh, requests), std::to_string(step).c_str());
            (derived->buildStats().swapped ? swapped : folded) += 1;
            mesh = result->mesh;
            router = derived;
        }
        QVERIFY(swapped > 0);
        QVERIFY(folded > 0);
    }

    // What a derived Router vouches for (decidesAsPredecessor) it must decide
    // with its predecessor's very table: checked for every rule's plain
    // request, through the sidecar and through the gateway, after a weight
    // step. It vouches for all but the dragged rule's host (the gateway in
    // front binds other rules, and keeps its tables), and for nothing when
    // asked about another predecessor or when hosts came or went.
    void derivedRoutersVouchOnlyForUnchangedTables()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(generatedMesh(300)).mesh;
        const auto base = std::make_shared<const Router>(mesh);
        const VirtualService *dragged = nullptr;
        for (const auto &vs : mesh->virtualServices) {
            if (vs->appliesToMesh() && vs->http[defaultWeightedRoute(*vs)].route.size() >= 2) {
                dragged = vs.get();
                break;
            }
        }
        QVERIFY(dragged);
        const size_t route = defaultWeightedRoute(*dragged);
        const std::vector<int64_t> even(dragged->http[route].route.size(), 1);
        const Result<MeshChange> step = setRouteWeights(
            mesh, {dragged->meta.ns, dragged->meta.name, route}, WeightBalancer::drag(even, {}, 0, 17));
        QVERIFY2(step.ok(), step.error().c_str());
        const Router derived(step->mesh, *base);
        int vouched = 0;
        int refused = 0;
        for (const auto &vs : step->mesh->virtualServices) {
            for (size_t i = 0; i < vs->hostFqdns.size(); ++i) {
                std::vector<HttpRequest> requests{plainRequest(*vs, i)};
                for (const std::string &gateway : vs->gatewayRefs()) {
                    HttpRequest through = requests.front();
                    through.gateway = gateway;
                    requests.push_back(through);
                }
                for (const HttpRequest &request : requests) {
                    const std::string host =
                        request.gateway.empty() ? derived.resolveHost(request.hostName(), request.sourceNamespace) : "";
                    const bool vouches = derived.decidesAsPredecessor(request, host, base->serial());
                    QVERIFY(!derived.decidesAsPredecessor(request, host, derived.serial()));
                    if (vouches)
                        QVERIFY2(derived.tableFor(request) == base->tableFor(request), (vs->meta.name + ' ' + host).c_str());
                    const bool touched = vs->meta.name == dragged->meta.name;
                    QCOMPARE(vouches, !touched); // the dragged rule's host; its gateway's (meshgen's ingress rules) kept
                    (vouches ? vouched : refused) += 1;
                }
            }
        }
        QVERIFY(vouched > 300); // 299 sidecar hosts, 30 ingress hosts each through the gateway and not
        QCOMPARE(refused, 1);

        // A new host: names may resolve differently, nothing is vouched for.
        const std::string added = std::string(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: extra, namespace: default}
spec:
  hosts: [extra.example.com]
  http:
  - route:
    - destination: {host: svc-0001}
)");
        const Result<MeshChange> grown = applyEdits(step->mesh, {TextEdit{"extra.yaml", 0, 0, added}});
        QVERIFY2(grown.ok(), grown.ok() ? "" : grown.error().c_str());
        const Router after(grown->mesh, derived);
        const HttpRequest plain = plainRequest(*step->mesh->virtualServices.front(), 0);
        QVERIFY(!after.decidesAsPredecessor(plain, after.resolveHost(plain.hostName(), plain.sourceNamespace),
                                            derived.serial()));
    }

    // A new subset changes what destinations resolve to: nothing is reused.
    // A rule bound to a gateway is edited (its weights), then another rule is
    // bound to the gateway: the derived Router takes the gateway's bound rules
    // over from its predecessor in the first case, finds them again in the
    // second, and both times routes through the gateway as a fresh Router.
    void gatewayBindingsFollowTheEdits()
    {
        QTemporaryDir folder;
        const auto write = [&folder](const char *name, const char *text) {
            QFile file(folder.filePath(QString::fromLatin1(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        };
        write("services.yaml",
              "apiVersion: v1\nkind: Service\nmetadata: {name: front, namespace: shop}\n"
              "spec: {selector: {app: front}, ports: [{name: http, port: 80}]}\n---\n"
              "apiVersion: v1\nkind: Service\nmetadata: {name: other, namespace: shop}\n"
              "spec: {selector: {app: other}, ports: [{name: http, port: 80}]}\n");
        write("gateway.yaml",
              "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: web, namespace: shop}\n"
              "spec:\n  selector: {istio: ingressgateway}\n  servers:\n"
              "  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [\"*\"]\n");
        write("routes.yaml",
              "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: front, namespace: shop}\n"
              "spec:\n  hosts: [front.example.com]\n  gateways: [web]\n  http:\n  - route:\n"
              "    - {destination: {host: front}, weight: 50}\n    - {destination: {host: other}, weight: 50}\n---\n"
              "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: other, namespace: shop}\n"
              "spec:\n  hosts: [other.example.com]\n  gateways: [mesh]\n  http:\n  - route:\n"
              "    - destination: {host: other}\n");
        const MeshPtr mesh = ManifestLoader().loadFolder(folder.path().toStdString()).mesh;
        QCOMPARE(mesh->virtualServices.size(), size_t(2));
        const auto throughGateway = [](const char *authority) {
            HttpRequest request;
            request.gateway = "shop/web";
            request.authority = authority;
            request.setPath("/");
            return request;
        };
        const Router base(mesh);
        QVERIFY(base.route(throughGateway("other.example.com")).destinations.empty()); // not bound yet

        const Result<MeshChange> weights = setRouteWeights(mesh, {"shop", "front", 0}, {20, 80});
        QVERIFY2(weights.ok(), weights.error().c_str());
        const Router reweighted(weights->mesh, base);
        QVERIFY(reweighted.buildStats().derived);
        QCOMPARE(reweighted.route(throughGateway("front.example.com")).destinations.at(1).weight, int64_t(80));
        QCOMPARE(decisions(reweighted, probeRequests(*weights->mesh)),
                 decisions(Router(weights->mesh), probeRequests(*weights->mesh)));

        const SourceFile &routes = *weights->mesh->findFile("routes.yaml");
        const std::string unbound = "gateways: [mesh]";
        const Result<MeshChange> bound = applyEdits(
            weights->mesh, {TextEdit{routes.path, routes.text.find(unbound), unbound.size(), "gateways: [web]"}});
        QVERIFY2(bound.ok(), bound.error().c_str());
        const Router rebound(bound->mesh, reweighted);
        QVERIFY(rebound.buildStats().derived);
        QCOMPARE(rebound.route(throughGateway("other.example.com")).virtualService, std::string("shop/other"));
        QCOMPARE(decisions(rebound, probeRequests(*bound->mesh)),
                 decisions(Router(bound->mesh), probeRequests(*bound->mesh)));
    }

    void resolverChangesCompileEverything()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(dataPath("edge-cases")).mesh;
        const Router base(mesh);
        const Result<MeshChange> result =
            createSubset(mesh, "reviews.shop.svc.cluster.local", "v1b", {{"version", "v1"}});
        QVERIFY2(result.ok(), result.error().c_str());
        const Router derived(result->mesh, base);
        QVERIFY(!derived.buildStats().derived);
        QCOMPARE(derived.buildStats().reusedTables, 0u);
    }

    // The delegate changes, the delegating rules do not: their tables copy
    // the delegate's routes, so they must be compiled again.
    void delegatingRulesFollowTheirDelegate()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(dataPath("edge-cases")).mesh;
        const Router base(mesh);
        const Result<MeshChange> result = setRouteWeights(mesh, {"shop", "reviews-api", 1}, {10, 90});
        QVERIFY2(result.ok(), result.error().c_str());
        const Router derived(result->mesh, base);
        QVERIFY(derived.buildStats().derived);
        HttpRequest request = plainRequest(*result->mesh->findVirtualService("shop", "reviews"));
        request.setPath("/api/v1");
        const RouteDecision decision = derived.route(request);
        QCOMPARE(decision.virtualService, std::string("shop/reviews-api"));
        QCOMPARE(decision.destinations.size(), size_t(2));
        QCOMPARE(decision.destinations[1].weight, int64_t(90));
        HttpRequest throughGateway;
        throughGateway.gateway = "shop/edge";
        throughGateway.authority = "shop.example.com";
        throughGateway.setPath("/reviews/x");
        QCOMPARE(derived.route(throughGateway).destinations.at(1).weight, int64_t(90));
        QCOMPARE(describe(derived.route(throughGateway)), describe(Router(result->mesh).route(throughGateway)));
    }

    // The weight edit's snapshot is the old one with one VirtualService and
    // one file swapped, sharing the index; and it is what reading the edited
    // texts whole gives.
    void weightEditsSwapInPlace()
    {
        for (const std::string &folder : {samplePath("bookinfo-80-20"), dataPath("edge-cases"), generatedMesh(1000)}) {
            MeshPtr mesh = ManifestLoader().loadFolder(folder).mesh;
            RandomEditor editor(11);
            const int steps = folder == generatedMesh(1000) ? 3 : 10; // describing 6,000 resources takes a while
            for (int step = 0; step < steps; ++step) {
                std::string kind;
                const Result<MeshChange> result = editor.edit(mesh, &kind, /*weightsOnly=*/true);
                QVERIFY(result->mesh->sharesIndexWith(*mesh));
                size_t replaced = 0;
                for (size_t i = 0; i < mesh->virtualServices.size(); ++i)
                    replaced += result->mesh->virtualServices[i] != mesh->virtualServices[i] ? 1 : 0;
                QCOMPARE(replaced, size_t(1));
                QCOMPARE(result->mesh->services, mesh->services);
                QCOMPARE(describeMesh(*result->mesh), describeMesh(*readWhole(*mesh, *result->mesh)));
                mesh = result->mesh;
            }
        }
    }

    // In place, but a key of the index changed (a host added): a new index.
    // A rename cannot be swapped in place at all: the merge, same result.
    void keyChangesRebuildTheIndex()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(dataPath("edge-cases")).mesh;
        const SourceFile &file = *mesh->findFile("mesh-routes.yaml");
        const auto replaceText = [&](const std::string &from, const std::string &to) {
            const size_t at = file.text.find(from);
            return applyEdits(mesh, {TextEdit{file.path, at, from.size(), to}});
        };
        const Result<MeshChange> hosts = replaceText("hosts: [cart]", "hosts: [cart, cart.example.com]");
        QVERIFY2(hosts.ok(), hosts.error().c_str());
        QVERIFY(!hosts->mesh->sharesIndexWith(*mesh));
        QCOMPARE(hosts->mesh->meshVirtualServicesFor("cart.example.com").size(), size_t(1));
        QCOMPARE(describeMesh(*hosts->mesh), describeMesh(*readWhole(*mesh, *hosts->mesh)));

        const Result<MeshChange> renamed = replaceText("name: cart, namespace: shop}\nspec:\n  hosts",
                                                       "name: basket, namespace: shop}\nspec:\n  hosts");
        QVERIFY2(renamed.ok(), renamed.error().c_str());
        QVERIFY(renamed->mesh->findVirtualService("shop", "basket"));
        QVERIFY(!renamed->mesh->findVirtualService("shop", "cart"));
        QCOMPARE(describeMesh(*renamed->mesh), describeMesh(*readWhole(*mesh, *renamed->mesh)));
    }

    // The cache keeps a few recent snapshots; older ones are let go of off
    // the caller's thread, and are freed for all that.
    void evictedSnapshotsAreFreed()
    {
        MeshPtr mesh = ManifestLoader().loadFolder(samplePath("bookinfo-80-20")).mesh;
        RouterCache cache;
        RandomEditor editor(3);
        std::weak_ptr<const Mesh> second; // the first one stays: derived Routers share its compile
        for (int step = 0; step < 8; ++step) {
            cache.routerFor(mesh);
            std::string kind;
            mesh = editor.edit(mesh, &kind, /*weightsOnly=*/true)->mesh;
            if (step == 0)
                second = mesh;
        }
        QVERIFY(QTest::qWaitFor([&] { return second.expired(); }, 10'000));
    }

    void cacheBuildsOneRouterPerSnapshot()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(generatedMesh(1000)).mesh;
        RouterCache cache;
        std::promise<void> go;
        std::shared_future<void> start = go.get_future().share();
        auto first = std::async(std::launch::async, [&] { start.wait(); return cache.routerFor(mesh); });
        auto second = std::async(std::launch::async, [&] { start.wait(); return cache.routerFor(mesh); });
        go.set_value();
        const RouterPtr a = first.get();
        const RouterPtr b = second.get();
        QCOMPARE(a.get(), b.get());
        QCOMPARE(cache.stats().built, size_t(1));
        QCOMPARE(cache.stats().shared, size_t(1));

        MeshPtr current = mesh;
        RandomEditor editor(5);
        for (int step = 0; step < 5; ++step) {
            std::string kind;
            current = editor.edit(current, &kind, true)->mesh;
            const RouterPtr router = cache.routerFor(current);
            QCOMPARE(cache.routerFor(current).get(), router.get());
            QCOMPARE(router->mesh(), current);
        }
        QCOMPARE(cache.stats().built, size_t(6));
        QCOMPARE(cache.stats().derived, size_t(5));
        // Back to a snapshot seen before (an undo): still right.
        const RouterPtr again = cache.routerFor(mesh);
        QCOMPARE(again->mesh(), mesh);
        const std::vector<HttpRequest> requests = probeRequests(*mesh);
        QVERIFY(decisions(*again, requests) == decisions(*a, requests));
    }
};

QTEST_GUILESS_MAIN(TestRouterCache)
#include "tst_routercache.moc"
