// SPDX-License-Identifier: MIT
// What one weight-drag step costs the engine on the 1,000-service synthetic
// mesh (meshgen --services 1000 --versions 3), stage by stage, incremental
// against from scratch in the same run:
//
//   build/tests/bench/bench_dragstep [--benchmark_filter=...]
//
// Edit: setRouteWeights (an in-place swap of one VirtualService).
// Router: derived from the previous snapshot's / built from scratch.
// Graph: a RouteShareMemo plus MeshGraph::update from the previous graph /
// expectedRouteShares plus MeshGraph::build (what the GUI did before).
// Each incremental benchmark reports x_full, its time over the from-scratch
// one's. MESHLANE_BENCH_MESH=DIR uses an existing folder.

#include "bench/generatedmesh.h"
#include "edit/meshedit.h"
#include "edit/weightbalancer.h"
#include "graph/expectedrouteshares.h"
#include "graph/meshgraph.h"
#include "graph/routesharememo.h"
#include "load/manifestloader.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>

using namespace meshlane;

namespace {

// Snapshots of a drag on the first weighted rule, and what the GUI keeps.
struct Drag
{
    MeshPtr start;
    RouteRef ref;
    size_t destinations = 0;
    int step = 0;

    Drag()
    {
        const char *given = std::getenv("MESHLANE_BENCH_MESH");
        start = ManifestLoader().loadFolder(given ? std::string(given) : generatedMesh(1000)).mesh;
        for (const auto &vs : start->virtualServices) {
            if (vs->appliesToMesh() && vs->http.front().route.size() >= 2) {
                ref = {vs->meta.ns, vs->meta.name, 0};
                destinations = vs->http.front().route.size();
                break;
            }
        }
    }

    // The next step of the drag from `mesh`: 20..79, one apart.
    MeshPtr next(const MeshPtr &mesh)
    {
        const std::vector<int64_t> even(destinations, 1);
        const Result<MeshChange> result =
            setRouteWeights(mesh, ref, WeightBalancer::drag(even, {}, 0, 20 + step++ % 60));
        if (!result.ok())
            std::abort();
        return result->mesh;
    }
};

Drag &drag()
{
    static Drag instance;
    return instance;
}

std::map<std::string, double> g_full; // from-scratch mean per stage, ms

// Manual timing (the next snapshot is made outside the measured part), and
// the ratio to the from-scratch stage measured before in the same run.
class Stage
{
public:
    Stage(benchmark::State &state, std::string name, bool full)
        : m_state(state), m_name(std::move(name)), m_full(full)
    {
    }
    ~Stage()
    {
        if (m_count == 0)
            return;
        const double mean = m_totalMs / double(m_count);
        if (m_full)
            g_full[m_name] = mean;
        else if (const auto full = g_full.find(m_name); full != g_full.end())
            m_state.counters["x_full"] = mean / full->second;
    }
    template<typename Work>
    void time(Work &&work)
    {
        const auto start = std::chrono::steady_clock::now();
        work();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        m_state.SetIterationTime(ms / 1000.0);
        m_totalMs += ms;
        ++m_count;
    }

private:
    benchmark::State &m_state;
    std::string m_name;
    bool m_full;
    double m_totalMs = 0;
    int m_count = 0;
};

// The baseline of the edit: re-reading the edited file whole (what every
// step did before the in-place swap).
void BM_EditFull(benchmark::State &state)
{
    Drag &d = drag();
    MeshPtr mesh = d.start;
    Stage stage(state, "edit", true);
    for (auto _ : state) {
        const MeshPtr next = d.next(mesh);
        std::map<std::string, std::optional<std::string>> texts;
        for (size_t i = 0; i < next->files.size(); ++i) {
            if (next->files[i] != mesh->files[i])
                texts[next->files[i]->path] = next->files[i]->text;
        }
        stage.time([&] { benchmark::DoNotOptimize(ManifestLoader().reloadFiles(*mesh, texts)); });
        mesh = next;
    }
}
BENCHMARK(BM_EditFull)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_Edit(benchmark::State &state)
{
    Drag &d = drag();
    MeshPtr mesh = d.start;
    Stage stage(state, "edit", false);
    for (auto _ : state)
        stage.time([&] { mesh = d.next(mesh); });
}
BENCHMARK(BM_Edit)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_RouterFull(benchmark::State &state)
{
    Drag &d = drag();
    MeshPtr mesh = d.start;
    Stage stage(state, "router", true);
    for (auto _ : state) {
        mesh = d.next(mesh);
        stage.time([&] { benchmark::DoNotOptimize(std::make_shared<const Router>(mesh)); });
    }
}
BENCHMARK(BM_RouterFull)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_RouterDerived(benchmark::State &state)
{
    Drag &d = drag();
    MeshPtr mesh = d.start;
    auto router = std::make_shared<const Router>(mesh);
    Stage stage(state, "router", false);
    for (auto _ : state) {
        mesh = d.next(mesh);
        stage.time([&] { router = std::make_shared<const Router>(mesh, *router); });
    }
    state.counters["reused"] = double(router->buildStats().reusedTables);
    state.counters["compiled"] = double(router->buildStats().compiledTables);
}
BENCHMARK(BM_RouterDerived)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_GraphFull(benchmark::State &state)
{
    Drag &d = drag();
    MeshPtr mesh = d.start;
    Stage stage(state, "graph", true);
    for (auto _ : state) {
        mesh = d.next(mesh);
        auto router = std::make_shared<const Router>(mesh);
        stage.time([&] { benchmark::DoNotOptimize(MeshGraph::build(*mesh, expectedRouteShares(router))); });
    }
}
BENCHMARK(BM_GraphFull)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_GraphIncremental(benchmark::State &state)
{
    Drag &d = drag();
    MeshPtr mesh = d.start;
    auto router = std::make_shared<const Router>(mesh);
    auto memo = std::make_shared<RouteShareMemo>(router);
    MeshGraph graph = MeshGraph::build(*mesh, memo->model());
    Stage stage(state, "graph", false);
    for (auto _ : state) {
        const MeshPtr next = d.next(mesh);
        router = std::make_shared<const Router>(next, *router);
        stage.time([&] {
            memo = std::make_shared<RouteShareMemo>(router, memo.get());
            const std::optional<std::vector<char>> ask = memo->rulesToAsk(*mesh, *next);
            graph = MeshGraph::update(graph, *mesh, *next, memo->model(), ask ? &*ask : nullptr);
        });
        mesh = next;
    }
    state.counters["routed"] = double(memo->computed());
    state.counters["incremental"] = graph.isIncremental() ? 1 : 0;
}
BENCHMARK(BM_GraphIncremental)->UseManualTime()->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
