// SPDX-License-Identifier: MIT
// Routing decision cost against a baseline measured in the same run.
//
//   cmake -S . -B build -G Ninja -DMESHLANE_BUILD_BENCHMARKS=ON && ninja -C build bench_router
//   build/tests/bench/bench_router
//
// A "decision" is what the simulator does per request once the request is
// known: find the first matching route entry in the host's compiled table and
// make Envoy's weighted pick (`random % total` into cumulative intervals). The
// baseline is the bare part of that: one random draw and the weighted pick.
// "via router" adds the host lookup (hash of the FQDN) the Router does first.
// Targets: a 2-way weighted decision within 3x the baseline; 1,000 prefix
// routes (match on the last) at least 10x faster indexed than linear.

#include "load/manifestloader.h"
#include "routing/router.h"
#include "simulation/seededrandom.h"

#include "bench/generatedmesh.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace meshlane;

namespace {

constexpr const char *kHost = "reviews.default.svc.cluster.local";

std::string meshYaml(const std::string &http)
{
    return R"(apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: default}
spec:
  selector: {app: reviews}
  ports: [{name: http, port: 9080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: default}
spec:
  selector: {matchLabels: {app: reviews, version: v1}}
  template: {metadata: {labels: {app: reviews, version: v1}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v2, namespace: default}
spec:
  selector: {matchLabels: {app: reviews, version: v2}}
  template: {metadata: {labels: {app: reviews, version: v2}}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: default}
spec:
  host: reviews
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: default}
spec:
  hosts: [reviews]
  http:
)" + http;
}

const char *kWeightedRoute = R"(  - route:
    - destination: {host: reviews, subset: v1}
      weight: 80
    - destination: {host: reviews, subset: v2}
      weight: 20
)";

std::string headerRoutes(int count)
{
    std::string http;
    for (int i = 0; i < count; ++i)
        http += "  - match:\n    - headers: {x-route: {exact: r" + std::to_string(i)
            + "}}\n    route:\n    - destination: {host: reviews, subset: v2}\n";
    return http;
}

std::string prefixRoutes(int count)
{
    std::string http;
    for (int i = 0; i < count; ++i)
        http += "  - match:\n    - uri: {prefix: /api/r" + std::to_string(1000 + i)
            + "/}\n    route:\n    - destination: {host: reviews, subset: v1}\n      weight: 80\n"
              "    - destination: {host: reviews, subset: v2}\n      weight: 20\n";
    return http;
}

// The same 80/20 canary written with the Gateway API: a mesh HTTPRoute on
// the reviews Service splitting between per-version Services, and an ingress
// HTTPRoute on a Gateway API Gateway doing the same. Compiled into the same
// kind of route table, so the decision should cost what the VirtualService's does.
std::string gatewayApiYaml()
{
    std::string yaml;
    for (const std::string version : {"", "v1", "v2"}) {
        const std::string name = version.empty() ? std::string("reviews") : "reviews-" + version;
        const std::string selector = version.empty() ? std::string() : ", version: " + version;
        yaml += "apiVersion: v1\nkind: Service\nmetadata: {name: " + name
            + ", namespace: default}\nspec:\n  selector: {app: reviews" + selector
            + "}\n  ports: [{name: http, port: 9080}]\n---\n";
    }
    for (const char *version : {"v1", "v2"})
        yaml += std::string("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: reviews-") + version
            + ", namespace: default}\nspec:\n  selector: {matchLabels: {app: reviews, version: " + version
            + "}}\n  template: {metadata: {labels: {app: reviews, version: " + version + "}}}\n---\n";
    return yaml + R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ingress, namespace: default}
spec:
  gatewayClassName: istio
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: reviews, namespace: default}
spec:
  parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}, {name: ingress}]
  rules:
  - backendRefs:
    - {name: reviews-v1, port: 9080, weight: 80}
    - {name: reviews-v2, port: 9080, weight: 20}
)";
}

struct Scenario
{
    std::shared_ptr<const Router> router;
    const RouteTable *table = nullptr;
    HttpRequest request;
    ProxyContext proxy;
};

Scenario makeScenario(const std::string &http, const std::string &path, const char *header = nullptr)
{
    Scenario scenario;
    scenario.router = std::make_shared<const Router>(ManifestLoader().loadText("bench.yaml", meshYaml(http)).mesh);
    scenario.table = scenario.router->meshTable(kHost, "default");
    scenario.request.authority = kHost;
    scenario.request.port = 9080;
    scenario.request.setPath(path);
    if (header)
        scenario.request.addHeader("x-route", header);
    scenario.proxy = ProxyContext{&scenario.request.sourceLabels, scenario.request.sourceNamespace, 9080};
    return scenario;
}

const Scenario &weighted()
{
    static const Scenario scenario = makeScenario(kWeightedRoute, "/reviews/1");
    return scenario;
}
const Scenario &headers10()
{
    static const Scenario scenario = makeScenario(headerRoutes(10), "/reviews/1", "r9");
    return scenario;
}
const Scenario &prefixes1000()
{
    static const Scenario scenario = makeScenario(prefixRoutes(1000), "/api/r1999/items?page=2");
    return scenario;
}

const Scenario &gatewayApiWeighted()
{
    static const Scenario scenario = [] {
        Scenario made;
        made.router = std::make_shared<const Router>(ManifestLoader().loadText("bench.yaml", gatewayApiYaml()).mesh);
        made.table = made.router->meshTable(kHost, "default");
        made.request.authority = kHost;
        made.request.port = 9080;
        made.request.setPath("/reviews/1");
        made.proxy = ProxyContext{&made.request.sourceLabels, made.request.sourceNamespace, 9080};
        return made;
    }();
    return scenario;
}

const HttpRequest &gatewayApiIngressRequest()
{
    static const HttpRequest request = [] {
        HttpRequest made;
        made.authority = "reviews.example.com";
        made.gateway = "default/ingress";
        made.setPath("/reviews/1");
        return made;
    }();
    return request;
}

template<bool Linear>
int decide(const Scenario &scenario, const RouteTable &table, SeededRandom &random)
{
    const int entry = Linear ? table.findLinear(scenario.request, scenario.proxy)
                             : table.find(scenario.request, scenario.proxy);
    return table.routeOf(table.entries()[size_t(entry)]).pickDestination(random.next());
}

// The total is read at run time, as in a real route: a compile-time 100
// would let the compiler turn `%` into a multiplication and flatter the baseline.
void BM_Baseline_RandomDrawAndWeightedPick(benchmark::State &state)
{
    std::vector<int64_t> cumulative{80, 100};
    benchmark::DoNotOptimize(cumulative.data());
    SeededRandom random(1);
    for (auto _ : state) {
        const int64_t point = int64_t(random.next() % uint64_t(cumulative.back()));
        size_t picked = 0;
        while (picked + 1 < cumulative.size() && point >= cumulative[picked])
            ++picked;
        benchmark::DoNotOptimize(picked);
    }
}

void BM_Weighted2Way(benchmark::State &state)
{
    const Scenario &scenario = weighted();
    SeededRandom random(1);
    for (auto _ : state)
        benchmark::DoNotOptimize(decide<false>(scenario, *scenario.table, random));
}

void BM_Weighted2Way_ViaRouterHostLookup(benchmark::State &state)
{
    const Scenario &scenario = weighted();
    SeededRandom random(1);
    for (auto _ : state) {
        const RouteTable *table = scenario.router->meshTable(kHost, scenario.request.sourceNamespace);
        benchmark::DoNotOptimize(decide<false>(scenario, *table, random));
    }
}

void BM_HeaderRoutes10_MatchLast(benchmark::State &state)
{
    const Scenario &scenario = headers10();
    SeededRandom random(1);
    for (auto _ : state)
        benchmark::DoNotOptimize(decide<false>(scenario, *scenario.table, random));
}

void BM_PrefixRoutes1000_Indexed(benchmark::State &state)
{
    const Scenario &scenario = prefixes1000();
    SeededRandom random(1);
    for (auto _ : state)
        benchmark::DoNotOptimize(decide<false>(scenario, *scenario.table, random));
}

void BM_PrefixRoutes1000_LinearScan(benchmark::State &state)
{
    const Scenario &scenario = prefixes1000();
    SeededRandom random(1);
    for (auto _ : state)
        benchmark::DoNotOptimize(decide<true>(scenario, *scenario.table, random));
}

void BM_GatewayApiWeighted2Way(benchmark::State &state)
{
    const Scenario &scenario = gatewayApiWeighted();
    SeededRandom random(1);
    for (auto _ : state)
        benchmark::DoNotOptimize(decide<false>(scenario, *scenario.table, random));
}

void BM_GatewayApiWeighted2Way_ViaRouterHostLookup(benchmark::State &state)
{
    const Scenario &scenario = gatewayApiWeighted();
    SeededRandom random(1);
    for (auto _ : state) {
        const RouteTable *table = scenario.router->meshTable(kHost, scenario.request.sourceNamespace);
        benchmark::DoNotOptimize(decide<false>(scenario, *table, random));
    }
}

void BM_GatewayApiFullRouteWithoutExplanation_Weighted(benchmark::State &state)
{
    const Scenario &scenario = gatewayApiWeighted();
    for (auto _ : state)
        benchmark::DoNotOptimize(scenario.router->route(scenario.request, Router::Explain::No));
}

// Through the Gateway API Gateway: listener, then virtual host, then the table.
void BM_GatewayApiIngressFullRouteWithoutExplanation(benchmark::State &state)
{
    const Scenario &scenario = gatewayApiWeighted();
    for (auto _ : state)
        benchmark::DoNotOptimize(scenario.router->route(gatewayApiIngressRequest(), Router::Explain::No));
}

// For scale: the full decision with its explanation strings (CLI and GUI use).
void BM_FullRouteWithExplanation_Weighted(benchmark::State &state)
{
    const Scenario &scenario = weighted();
    for (auto _ : state)
        benchmark::DoNotOptimize(scenario.router->route(scenario.request));
}

// What the edge shares and the split chart ask for: the outcome only, no
// sentence worded through the translator.
void BM_FullRouteWithoutExplanation_Weighted(benchmark::State &state)
{
    const Scenario &scenario = weighted();
    for (auto _ : state)
        benchmark::DoNotOptimize(scenario.router->route(scenario.request, Router::Explain::No));
}

// Building a Router (every VirtualService compiled, every destination
// resolved to pods) happens after each edit in the workbench; compare it with
// the load of the same meshgen mesh, which it follows.
void BM_BuildRouter_Meshgen(benchmark::State &state)
{
    const MeshPtr mesh = ManifestLoader().loadFolder(generatedMesh(int(state.range(0)))).mesh;
    for (auto _ : state)
        benchmark::DoNotOptimize(std::make_shared<const Router>(mesh));
}

void BM_LoadFolder_Meshgen(benchmark::State &state)
{
    const std::string &folder = generatedMesh(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(ManifestLoader().loadFolder(folder).mesh);
}

BENCHMARK(BM_Baseline_RandomDrawAndWeightedPick);
BENCHMARK(BM_Weighted2Way);
BENCHMARK(BM_Weighted2Way_ViaRouterHostLookup);
BENCHMARK(BM_HeaderRoutes10_MatchLast);
BENCHMARK(BM_PrefixRoutes1000_Indexed);
BENCHMARK(BM_PrefixRoutes1000_LinearScan);
BENCHMARK(BM_GatewayApiWeighted2Way);
BENCHMARK(BM_GatewayApiWeighted2Way_ViaRouterHostLookup);
BENCHMARK(BM_GatewayApiFullRouteWithoutExplanation_Weighted);
BENCHMARK(BM_GatewayApiIngressFullRouteWithoutExplanation);
BENCHMARK(BM_FullRouteWithExplanation_Weighted);
BENCHMARK(BM_FullRouteWithoutExplanation_Weighted);
BENCHMARK(BM_BuildRouter_Meshgen)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadFolder_Meshgen)->Arg(1000)->Unit(benchmark::kMillisecond);

// Prints as usual and remembers ns/iteration per benchmark for the ratios.
class RecordingReporter : public benchmark::ConsoleReporter
{
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs) {
            if (run.run_type == Run::RT_Iteration && !run.error_occurred)
                m_nanoseconds[run.benchmark_name()] =
                    run.GetAdjustedCPUTime() * 1e9 / benchmark::GetTimeUnitMultiplier(run.time_unit);
        }
        ConsoleReporter::ReportRuns(runs);
    }
    double ns(const std::string &name) const
    {
        const auto it = m_nanoseconds.find(name);
        return it == m_nanoseconds.end() ? 0.0 : it->second;
    }

private:
    std::map<std::string, double> m_nanoseconds;
};

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    // Sanity: the scenarios route where they should before anything is timed.
    if (!weighted().table || !prefixes1000().table->isIndexed()
        || prefixes1000().table->find(prefixes1000().request, prefixes1000().proxy) != 999
        || headers10().table->find(headers10().request, headers10().proxy) != 9 || !gatewayApiWeighted().table
        || gatewayApiWeighted().router->route(gatewayApiWeighted().request).destinations.size() != 2
        || gatewayApiWeighted().router->route(gatewayApiIngressRequest()).destinations.size() != 2) {
        std::fprintf(stderr, "bench_router: scenario set-up is wrong\n");
        return 1;
    }
    RecordingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const double baseline = reporter.ns("BM_Baseline_RandomDrawAndWeightedPick");
    if (baseline <= 0)
        return 0; // filtered out: nothing to compare
    const auto ratio = [&](const char *name) { return reporter.ns(name) / baseline; };
    std::printf("\nRatios to the baseline (%.2f ns):\n", baseline);
    for (const char *name : {"BM_Weighted2Way", "BM_Weighted2Way_ViaRouterHostLookup", "BM_HeaderRoutes10_MatchLast",
                             "BM_PrefixRoutes1000_Indexed", "BM_PrefixRoutes1000_LinearScan",
                             "BM_FullRouteWithExplanation_Weighted", "BM_FullRouteWithoutExplanation_Weighted",
                             "BM_GatewayApiWeighted2Way", "BM_GatewayApiWeighted2Way_ViaRouterHostLookup",
                             "BM_GatewayApiFullRouteWithoutExplanation_Weighted",
                             "BM_GatewayApiIngressFullRouteWithoutExplanation"}) {
        if (reporter.ns(name) > 0)
            std::printf("  %-40s %10.2f ns  %8.2fx baseline\n", name, reporter.ns(name), ratio(name));
    }
    const double indexed = reporter.ns("BM_PrefixRoutes1000_Indexed");
    const double linear = reporter.ns("BM_PrefixRoutes1000_LinearScan");
    const double build = reporter.ns("BM_BuildRouter_Meshgen/1000");
    const double load = reporter.ns("BM_LoadFolder_Meshgen/1000");
    if (build > 0 && load > 0)
        std::printf("  Router build for 1,000 meshgen services: %.1f ms, %.0f %% of loading the same folder (%.1f ms)\n",
                    build / 1e6, 100 * build / load, load / 1e6);
    if (indexed > 0 && linear > 0)
        std::printf("  1,000 prefix routes: indexed is %.1fx faster than the linear scan (target >= 10x)\n",
                    linear / indexed);
    if (reporter.ns("BM_Weighted2Way") > 0)
        std::printf("  2-way weighted decision: %.2fx the baseline (target <= 3x)\n", ratio("BM_Weighted2Way"));
    if (reporter.ns("BM_Weighted2Way") > 0 && reporter.ns("BM_GatewayApiWeighted2Way") > 0)
        std::printf("  Gateway API (mesh HTTPRoute) decision: %.2fx the VirtualService one; full route: %.2fx\n",
                    reporter.ns("BM_GatewayApiWeighted2Way") / reporter.ns("BM_Weighted2Way"),
                    reporter.ns("BM_GatewayApiFullRouteWithoutExplanation_Weighted")
                        / reporter.ns("BM_FullRouteWithoutExplanation_Weighted"));
    return 0;
}
